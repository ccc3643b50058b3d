"""What every page shares around its content: the sidebar with the learner's box."""

from __future__ import annotations

import streamlit as st

from courseware.i18n import t
from courseware.ui.instructor_gate import expected_passcode
from courseware.ui.learner_box import learner_box
from courseware.ui.session import keep_resume_token


def sidebar() -> None:
    expected_passcode()  # with none configured, the first run generates one and logs it
    keep_resume_token()
    st.sidebar.caption(t("app.title"))
    learner_box()
