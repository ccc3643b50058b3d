"""This browser session's store and learner; a lost database never stops the lessons or quizzes.

A learner who saves progress is known by a secret token. The browser keeps it in an HttpOnly
cookie (``courseware.learner_routes``), never in a page's address, so a copied link signs no one
in. The one address that carries it is the personal resume link, shown on the progress page:
opening it signs this browser in, keeps the token in the cookie and drops it from the address.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from courseware.i18n import current_language
from courseware.learner_routes import COOKIE, ROUTE, well_formed
from courseware.storage.database import Database, database_for
from courseware.storage.store import Learner, Store, StoreUnavailable, database_url
from courseware.ui.browser_calls import call_route

LEARNER = "learner"  # the query parameter of the resume link
CURRENT = "_learner"
UNCHECKED = "_learner_unchecked"  # a resume token the database could not be asked about
SIGNED_OUT = "_learner_signed_out"  # this session ignores the cookie it connected with
COOKIE_CALL = "_learner_cookie_call"  # "POST" or "DELETE": the cookie to set or clear this run


def database() -> Database:
    """This process's guard around the configured database."""
    return database_for(database_url())


def store() -> Store | None:
    """The store, or None while the database cannot be opened."""
    return database().store()


def learner() -> Learner | None:
    """The learner of this session: known already, or found by the resume link or the cookie."""
    known: Learner | None = st.session_state.get(CURRENT)
    linked = st.query_params.get(LEARNER)
    if known is not None and (not linked or linked == known.token):
        if linked:
            st.query_params.pop(LEARNER, None)
        return known
    token = linked or (None if st.session_state.get(SIGNED_OUT) else kept_token())
    if not token:
        return None
    found = _look_up(token)
    if found is not None:
        sign_in(found)
    elif not linked and not st.session_state.get(UNCHECKED):
        st.session_state[SIGNED_OUT] = True  # a cookie naming no learner (any more): drop it
        forget_kept_token()
    return found


def _look_up(token: str) -> Learner | None:
    opened = store()
    try:
        if opened is None:
            raise StoreUnavailable("no database")
        found = database().run(opened.learner_by_token, token)
    except StoreUnavailable:
        st.session_state[UNCHECKED] = token  # asked again on the next run
        return None
    st.session_state.pop(UNCHECKED, None)
    return found


def kept_token() -> str | None:
    """The token this browser's cookie carried when it connected."""
    try:
        token = st.context.cookies.get(COOKIE)
    except Exception:  # no browser behind this session (AppTest): no cookie
        return None
    return token if well_formed(token) else None


def link_unchecked() -> bool:
    """Whether this page's resume link waits for the database to be checked."""
    token = st.query_params.get(LEARNER)
    return bool(token) and st.session_state.get(UNCHECKED) == token


def sign_in(found: Learner) -> None:
    """This session is ``found``'s; the browser keeps the token; the address drops it."""
    if st.session_state.get(CURRENT) != found or st.session_state.get(SIGNED_OUT):
        st.session_state[COOKIE_CALL] = "POST"
    st.session_state[CURRENT] = found
    st.session_state.pop(SIGNED_OUT, None)
    st.query_params.pop(LEARNER, None)


def sign_out() -> None:
    st.session_state.pop(CURRENT, None)
    st.session_state[SIGNED_OUT] = True
    forget_kept_token()
    st.query_params.pop(LEARNER, None)


def forget_kept_token() -> None:
    st.session_state[COOKIE_CALL] = "DELETE"


def keep_in_browser() -> None:
    """Set or clear the browser's cookie, once, after a sign-in or a sign-out."""
    method = st.session_state.pop(COOKIE_CALL, None)
    found: Learner | None = st.session_state.get(CURRENT)
    if method == "POST" and found is not None:
        call_route(ROUTE, "POST", {"token": found.token})
    elif method == "DELETE":
        call_route(ROUTE, "DELETE")


def remember_language(lang: str) -> None:
    """A signed-in learner's progress keeps the language they switched to."""
    found: Learner | None = st.session_state.get(CURRENT)
    opened = store()
    if found is None or opened is None or found.lang == lang:
        return
    st.session_state[CURRENT] = replace(found, lang=lang)
    with contextlib.suppress(StoreUnavailable):  # kept for this visit; saved when it can be
        database().run(opened.set_language, found.id, lang)


def resume_link(found: Learner) -> str:
    """This app's address with the learner's token: open it later to find the same progress,
    in the language it was made in."""
    parts = urlsplit(st.context.url or "http://localhost:8501/")
    query = urlencode({LEARNER: found.token, "lang": current_language()})
    return urlunsplit((parts.scheme, parts.netloc, "/progress", query, ""))
