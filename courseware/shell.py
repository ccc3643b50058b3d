"""What every page shares around its content: the sidebar with the learner's box and the link
that joins a live poll."""

from __future__ import annotations

import streamlit as st

from courseware.i18n import t
from courseware.ui.instructor_gate import announce_passcode, sign_out_button
from courseware.ui.learner_box import learner_box
from courseware.ui.live_helpers import join_page_link
from courseware.ui.session import keep_resume_token
from courseware.ui.tools.frame import PRESENTING


def sidebar() -> None:
    st.session_state.pop(PRESENTING, None)  # each page run starts off a slide (fragments keep it)
    announce_passcode()  # reads the configuration once per process, not on every rerun
    keep_resume_token()
    st.sidebar.caption(t("app.title"))
    learner_box()
    join_page_link()
    sign_out_button()
