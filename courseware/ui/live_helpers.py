"""What the live-poll pages share: the live store of this server and the join link."""

from __future__ import annotations

import streamlit as st

from courseware.i18n import current_language, t
from courseware.live.join_address import join_url, public_base
from courseware.live.store import LiveStore
from courseware.storage.store import StoreUnavailable
from courseware.ui import session


@st.cache_resource(show_spinner=False)
def _live(url: str) -> LiveStore:
    opened = session.store()
    if opened is None or opened.url != url:
        raise StoreUnavailable("no database")
    return session.database().run(LiveStore, opened)  # a failure is not cached: tried again


def live_store() -> LiveStore | None:
    """The live-poll store, or None (the page's banner says why) while it cannot be opened."""
    try:
        return _live(session.database().url)
    except StoreUnavailable:
        return None


def join_link(code: str | None = None) -> str:
    """The phone page of live polls (served beside the app, ``courseware.live.routes``)."""
    return join_url(public_base(st.context.url or ""), code)


def join_page_link() -> None:
    """The sidebar's way into a live poll: the phone page, in a new tab (a trainee who saves
    progress is greeted by name there: the page reads this browser's learner cookie)."""
    st.sidebar.link_button(
        t("join.nav"),
        join_url(public_base(st.context.url or ""), lang=current_language()),
        icon=":material/how_to_vote:",
        width="stretch",
    )
