"""The instructor passcode field that stands in front of instructor pages."""

from __future__ import annotations

import time

import streamlit as st

from courseware.i18n import t
from courseware.passcode import configured_passcode, delay_after, generate_passcode, matches

UNLOCKED = "_instructor"
FAILURES = "_instructor_failures"


@st.cache_resource(show_spinner=False)
def _generated() -> str:
    return generate_passcode()  # once per server process


def expected_passcode() -> str:
    try:
        from_secrets = dict(st.secrets)
    except Exception:  # no secrets file: that is fine
        from_secrets = {}
    return configured_passcode(from_secrets) or _generated()


@st.cache_resource(show_spinner=False)
def announce_passcode() -> None:
    """Once per server process, on the first run: make (and log) a passcode if none is set."""
    expected_passcode()


def is_instructor() -> bool:
    return bool(st.session_state.get(UNLOCKED))


def instructor_unlocked() -> bool:
    """True for an instructor; otherwise draw only the passcode field and return False."""
    if is_instructor():
        return True
    st.title(t("instructor.locked_title"), anchor=False)
    with st.form("instructor-gate"):
        given = st.text_input(t("instructor.passcode"), type="password", key="instructor-passcode")
        sent = st.form_submit_button(t("instructor.unlock"), type="primary")
    if sent:
        if matches(given or "", expected_passcode()):
            st.session_state[UNLOCKED] = True
            st.session_state.pop(FAILURES, None)
            st.rerun()
        failures = st.session_state.get(FAILURES, 0) + 1
        st.session_state[FAILURES] = failures
        time.sleep(delay_after(failures))
        st.error(t("instructor.wrong"), icon=":material/lock:")
    return False
