"""This browser session's store and learner; a lost database never stops the lessons or quizzes."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from courseware.storage.database import Database, database_for
from courseware.storage.store import Learner, Store, StoreUnavailable, database_url

LEARNER = "learner"  # the query parameter that carries the resume token
CURRENT = "_learner"
UNCHECKED = "_learner_unchecked"  # a resume token the database could not be asked about


def database() -> Database:
    """This process's guard around the configured database."""
    return database_for(database_url())


def store() -> Store | None:
    """The store, or None while the database cannot be opened."""
    return database().store()


def learner() -> Learner | None:
    """The learner of this session, found by the token in the URL on a fresh visit."""
    known: Learner | None = st.session_state.get(CURRENT)
    token = st.query_params.get(LEARNER)
    if known is not None and (token is None or token == known.token):
        return known
    if not token:
        return None
    opened = store()
    try:
        if opened is None:
            raise StoreUnavailable("no database")
        found = database().run(opened.learner_by_token, token)
    except StoreUnavailable:
        st.session_state[UNCHECKED] = token  # asked again on the next run
        return None
    st.session_state.pop(UNCHECKED, None)
    st.session_state[CURRENT] = found
    return found


def link_unchecked() -> bool:
    """Whether this page's resume link waits for the database to be checked."""
    token = st.query_params.get(LEARNER)
    return bool(token) and st.session_state.get(UNCHECKED) == token


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
