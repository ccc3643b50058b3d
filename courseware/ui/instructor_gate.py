"""The instructor passcode field that stands in front of instructor pages.

Unlocking lasts: the browser then holds a signed cookie for 12 hours (``instructor_session``),
so a reload, a new tab or a typed address keeps the instructor in.
"""

from __future__ import annotations

import ipaddress
import math

import streamlit as st

from courseware import instructor_session
from courseware.i18n import t
from courseware.passcode import current_passcode, guess_limit, matches
from courseware.ui.browser_calls import call_route

UNLOCKED = "_instructor"
GRANT = "_instructor_grant"
SIGNED_OUT = "_instructor_signed_out"  # this session ignores the cookie it connected with
CLEAR_COOKIE = "_instructor_clear_cookie"
SESSION_ROUTE = "/api/instructor/session"


@st.cache_resource(show_spinner=False)
def announce_passcode() -> None:
    """Once per server process, on the first run: make (and log) a passcode if none is set."""
    current_passcode()


def is_instructor() -> bool:
    """Unlocked in this session, or by the browser's instructor cookie."""
    if st.session_state.get(UNLOCKED):
        return True
    cookie = None if st.session_state.get(SIGNED_OUT) else _cookie()
    if cookie and instructor_session.is_session(current_passcode(), cookie):
        st.session_state[UNLOCKED] = True
        return True
    return False


def _cookie() -> str | None:
    try:
        return st.context.cookies.get(instructor_session.COOKIE)
    except Exception:  # no browser behind this session (AppTest): no cookie
        return None


def instructor_unlocked() -> bool:
    """True for an instructor; otherwise draw only the passcode field and return False."""
    if is_instructor():
        _keep_unlocked()
        return True
    st.title(t("instructor.locked_title"), anchor=False)
    with st.form("instructor-gate"):
        given = st.text_input(t("instructor.passcode"), type="password", key="instructor-passcode")
        sent = st.form_submit_button(t("instructor.unlock"), type="primary")
    if sent:
        _check(given or "")
    return False


def _check(given: str) -> None:
    """Unlock on the right passcode; a client with too many wrong ones is not even checked."""
    address = client_address()
    wait = guess_limit.wait_before_guess(address)
    if wait > 0:
        st.error(t("instructor.too_many", seconds=math.ceil(wait)), icon=":material/timer:")
        return
    expected = current_passcode()
    if matches(given, expected):
        st.session_state[UNLOCKED] = True
        st.session_state.pop(SIGNED_OUT, None)
        st.session_state[GRANT] = instructor_session.grant(expected)
        st.rerun()
    guess_limit.wrong(address)
    st.error(t("instructor.wrong"), icon=":material/lock:")


def client_address() -> str:
    """The browser's address: behind this app's own proxy (on loopback), the one it forwarded."""
    try:
        direct = st.context.ip_address
        forwarded = st.context.headers.get("X-Forwarded-For", "")
    except Exception:  # no browser behind this session (AppTest)
        return "local"
    direct = direct if isinstance(direct, str) else None
    forwarded = forwarded if isinstance(forwarded, str) else ""
    if _is_loopback(direct) and forwarded:
        return forwarded.split(",")[-1].strip()[:64] or "local"
    return direct or "local"


def _is_loopback(address: str | None) -> bool:
    """Streamlit gives no address for a connection from this machine (the proxy's, say)."""
    if address is None:
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def _keep_unlocked() -> None:
    """Right after an unlock: the page trades its grant for the browser's lasting cookie."""
    granted = st.session_state.pop(GRANT, None)
    if granted is not None:
        call_route(SESSION_ROUTE, "POST", {"grant": granted})


def sign_out_button() -> None:
    """In the sidebar of an instructor: lock the instructor pages again on this browser."""
    if st.session_state.pop(CLEAR_COOKIE, False):
        call_route(SESSION_ROUTE, "DELETE")
    if is_instructor() and st.sidebar.button(
        t("instructor.sign_out"), key="instructor-sign-out", icon=":material/lock:", width="stretch"
    ):
        st.session_state.pop(UNLOCKED, None)
        st.session_state[SIGNED_OUT] = True
        st.session_state[CLEAR_COOKIE] = True
        st.rerun()
