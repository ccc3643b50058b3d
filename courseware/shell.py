"""What every page shares around its content: the sidebar with the learner's box and the link
that joins a live poll."""

from __future__ import annotations

import streamlit as st

from calculators.smart_terms import warm_up
from courseware.i18n import t
from courseware.ui.instructor_gate import announce_passcode, sign_out_button
from courseware.ui.language import language_switch
from courseware.ui.learner_box import learner_box
from courseware.ui.live_helpers import join_page_link
from courseware.ui.page_style import page_style
from courseware.ui.session import keep_in_browser
from courseware.ui.tools.frame import PRESENTING

WARM_UP_DELAY_SECONDS = 2.0  # the first page's messages are on their way by then


@st.cache_resource(show_spinner=False)
def warm_up_after_first_page() -> None:
    """Once per process, just after its first page: build the SMART checker's word segmenter
    in the background (a second of CPU that would otherwise slow that first page down)."""
    warm_up(delay_seconds=WARM_UP_DELAY_SECONDS)


def sidebar() -> None:
    st.session_state.pop(PRESENTING, None)  # each page run starts off a slide (fragments keep it)
    announce_passcode()  # reads the configuration once per process, not on every rerun
    page_style()
    st.sidebar.caption(t("app.title"))
    language_switch()
    learner_box()
    keep_in_browser()  # after the box: a sign-in or sign-out there sets or clears the cookie
    join_page_link()
    sign_out_button()
