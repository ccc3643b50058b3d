"""The sidebar box where a trainee starts saving progress or sees their resume link."""

from __future__ import annotations

import streamlit as st

from courseware.i18n import t
from courseware.store import MAX_CLASS_CODE, MAX_NAME, StoreUnavailable
from courseware.ui import session


def learner_box() -> None:
    with st.sidebar.container(border=True, key="learner-box"):
        opened = session.store()
        if opened is None:
            st.warning(t("learner.no_store"), icon=":material/cloud_off:")
        current = session.learner()
        if current is not None:
            st.markdown(f"**{t('learner.hello')}**")
            st.text(current.name + (f" · {current.class_code}" if current.class_code else ""))
            st.caption(t("learner.link_help"))
            st.code(session.resume_link(current), language=None, wrap_lines=True)
            st.button(t("learner.sign_out"), key="learner-sign-out", on_click=session.sign_out)
            return
        if st.query_params.get(session.LEARNER) and opened is not None:
            st.warning(t("learner.unknown_link"), icon=":material/link_off:")
        if opened is None:
            return
        with st.form("learner-form", border=False):
            st.markdown(f"**{t('learner.title')}**")
            name = st.text_input(t("learner.name"), max_chars=MAX_NAME, key="learner-name")
            code = st.text_input(
                t("learner.class_code"), max_chars=MAX_CLASS_CODE, key="learner-class"
            )
            started = st.form_submit_button(t("learner.start"))
        if started:
            _start(name, code)


def _start(name: str, code: str) -> None:
    if not name.strip():
        st.error(t("learner.name_needed"), icon=":material/error:")
        return
    opened = session.store()
    try:
        found = opened.create_learner(name, code) if opened else None
    except (ValueError, StoreUnavailable):
        found = None
    if found is None:
        st.error(t("learner.not_saved"), icon=":material/cloud_off:")
        return
    session.sign_in(found)
    st.rerun()
