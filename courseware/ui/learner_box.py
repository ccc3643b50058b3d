"""The sidebar box where a trainee starts saving progress, and sees whose progress is saved.

The form opens behind a toggle, so every page carries only a line for it. The personal resume
link is shown on the progress page only (``resume_link_panel``), with a warning not to share it.
"""

from __future__ import annotations

import streamlit as st

from courseware.i18n import current_language, t
from courseware.storage.store import MAX_CLASS_CODE, MAX_NAME, Learner
from courseware.ui import review, session
from courseware.ui.database import current_reason, guarded
from courseware.ui.links import page_link


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
        due = review.due_count(current)
        if due is not None:
            box.caption(f":material/event_repeat: {t('review.due_today', n=due)}")
        with box:
            page_link("progress", t("learner.link_where"), ":material/insights:")
        box.button(t("learner.sign_out"), key="learner-sign-out", on_click=session.sign_out,
                   type="tertiary", icon=":material/logout:")  # fmt: skip
        return
    if session.link_unchecked():
        box.info(t("learner.link_unchecked"), icon=":material/cloud_sync:")
    elif st.query_params.get(session.LEARNER):
        box.warning(t("learner.unknown_link"), icon=":material/link_off:")
    if box.toggle(t("learner.title"), key="learner-start"):
        with box:
            _sign_in_form()


def _sign_in_form() -> None:
    """Name and class code; text too long gets a message and stays in the field to be cut."""
    with st.form("learner-form", border=False):
        name = st.text_input(t("learner.name"), key="learner-name")
        code = st.text_input(t("learner.class_code"), key="learner-class")
        started = st.form_submit_button(t("learner.start"), type="primary")
    if started:
        _start(name, code)


def resume_link_panel(current: Learner) -> None:
    """The personal resume link, behind a toggle, with a warning not to share it."""
    if st.toggle(t("learner.show_link"), key="learner-link"):
        st.warning(t("learner.link_help"), icon=":material/key:")
        st.code(session.resume_link(current), language=None, wrap_lines=True)


def _start(name: str, code: str) -> None:
    name, code = name.strip(), code.strip()
    if not name:
        st.error(t("learner.name_needed"), icon=":material/error:")
        return
    if len(name) > MAX_NAME:
        st.error(t("learner.name_too_long", limit=MAX_NAME, n=len(name)), icon=":material/error:")
        return
    if len(code) > MAX_CLASS_CODE:
        st.error(t("learner.code_too_long", limit=MAX_CLASS_CODE, n=len(code)),
                 icon=":material/error:")  # fmt: skip
        return
    opened = session.store()
    if opened is None:
        st.error(t("learner.not_saved"), icon=":material/cloud_off:")
        return
    try:
        found = guarded(opened.create_learner, name, code, current_language())
    except ValueError:  # a name the store refuses (checked above): nothing saved
        st.error(t("learner.name_needed"), icon=":material/error:")
        return
    if found is None:
        return
    session.sign_in(found)
    st.rerun()
