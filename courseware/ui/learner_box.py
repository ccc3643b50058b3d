"""The sidebar box where a trainee starts saving progress or finds their resume link.

The form and the link open behind a toggle, so every page carries only a line for them.
"""

from __future__ import annotations

import streamlit as st

from courseware.i18n import t
from courseware.storage.store import MAX_CLASS_CODE, MAX_NAME, Learner
from courseware.ui import session
from courseware.ui.database import current_reason, guarded


def learner_box() -> None:
    box = st.sidebar.container(border=True, key="learner-box")
    opened = session.store()
    if opened is None:
        box.warning(t("learner.no_store", reason=current_reason()), icon=":material/cloud_off:")
        if st.query_params.get(session.LEARNER):
            box.info(t("learner.link_unchecked"), icon=":material/cloud_sync:")
        return
    current = session.learner()
    if current is not None:
        box.caption(t("learner.hello"))
        box.text(current.name + (f" · {current.class_code}" if current.class_code else ""))
        if box.toggle(t("learner.show_link"), key="learner-link"):
            with box:
                _link(current)
        return
    if session.link_unchecked():
        box.info(t("learner.link_unchecked"), icon=":material/cloud_sync:")
    elif st.query_params.get(session.LEARNER):
        box.warning(t("learner.unknown_link"), icon=":material/link_off:")
    if box.toggle(t("learner.title"), key="learner-start"):
        with box:
            _sign_in_form()


def _sign_in_form() -> None:
    with st.form("learner-form", border=False):
        name = st.text_input(t("learner.name"), max_chars=MAX_NAME, key="learner-name")
        code = st.text_input(t("learner.class_code"), max_chars=MAX_CLASS_CODE, key="learner-class")
        started = st.form_submit_button(t("learner.start"), type="primary")
    if started:
        _start(name, code)


def _link(current: Learner) -> None:
    st.caption(t("learner.link_help"))
    st.code(session.resume_link(current), language=None, wrap_lines=True)
    st.button(t("learner.sign_out"), key="learner-sign-out", on_click=session.sign_out)


def _start(name: str, code: str) -> None:
    if not name.strip():
        st.error(t("learner.name_needed"), icon=":material/error:")
        return
    opened = session.store()
    if opened is None:
        st.error(t("learner.not_saved"), icon=":material/cloud_off:")
        return
    try:
        found = guarded(opened.create_learner, name, code)
    except ValueError:  # beyond the form's limits: only a tampered browser sends that
        st.error(t("learner.name_needed"), icon=":material/error:")
        return
    if found is None:
        return
    session.sign_in(found)
    st.rerun()
