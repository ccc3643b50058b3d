"""This browser session's store and learner; a lost database never stops the lessons or quizzes."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from courseware.storage.store import Learner, Store, StoreUnavailable, database_url

LEARNER = "learner"  # the query parameter that carries the resume token
CURRENT = "_learner"


@st.cache_resource(show_spinner=False)
def _open(url: str) -> Store:
    return Store(url)  # a failure is not cached: the next run tries again


def store() -> Store | None:
    """The store, or None while the database cannot be reached."""
    try:
        return _open(database_url())
    except StoreUnavailable:
        return None


def learner() -> Learner | None:
    """The learner of this session, found by the token in the URL on a fresh visit."""
    known: Learner | None = st.session_state.get(CURRENT)
    token = st.query_params.get(LEARNER)
    if known is not None and (token is None or token == known.token):
        return known
    if not token:
        return None
    opened = store()
    found = None
    if opened is not None:
        try:
            found = opened.learner_by_token(token)
        except StoreUnavailable:
            return None
    st.session_state[CURRENT] = found
    return found


def sign_in(found: Learner) -> None:
    st.session_state[CURRENT] = found
    st.query_params[LEARNER] = found.token


def sign_out() -> None:
    st.session_state.pop(CURRENT, None)
    st.query_params.pop(LEARNER, None)


def keep_resume_token() -> None:
    """Page switches drop query parameters: put the learner's token back on every page."""
    found = st.session_state.get(CURRENT)
    if found is not None and st.query_params.get(LEARNER) != found.token:
        st.query_params[LEARNER] = found.token


def resume_link(found: Learner) -> str:
    """This app's address with the learner's token: open it later to find the same progress."""
    parts = urlsplit(st.context.url or "http://localhost:8501/")
    return urlunsplit(
        (parts.scheme, parts.netloc, "/progress", urlencode({LEARNER: found.token}), "")
    )
