"""What the live-poll pages share: the live store of this server and the join link."""

from __future__ import annotations

import io
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno
import streamlit as st

from courseware.i18n import t
from courseware.live.store import LiveStore
from courseware.store import StoreUnavailable
from courseware.ui import session


@st.cache_resource(show_spinner=False)
def _live(url: str) -> LiveStore:
    opened = session.store()
    if opened is None or opened.url != url:
        raise StoreUnavailable("no database")
    return LiveStore(opened)


def live_store() -> LiveStore | None:
    """The live-poll store, or None while the database cannot be reached."""
    opened = session.store()
    if opened is None:
        return None
    try:
        return _live(opened.url)
    except StoreUnavailable:
        return None


def join_link(code: str | None = None, learner: str | None = None) -> str:
    """The phone page of live polls (served beside the app, ``courseware.live.routes``)."""
    query = {"code": code} if code else {}
    if learner:
        query[session.LEARNER] = learner  # a trainee who saves progress joins under their name
    parts = urlsplit(st.context.url or "http://localhost:8501/")
    return urlunsplit((parts.scheme, parts.netloc, "/join", urlencode(query), ""))


def join_page_link() -> None:
    """The sidebar's way into a live poll: the phone page, in a new tab."""
    known = st.session_state.get(session.CURRENT)
    st.sidebar.link_button(
        t("join.nav"),
        join_link(learner=known.token if known else None),
        icon=":material/how_to_vote:",
        width="stretch",
    )


def qr_svg(text: str) -> str:
    """A QR code of ``text`` as an SVG image (made by the segno library)."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="svg", scale=10, border=2)
    return buffer.getvalue().decode("utf-8")
