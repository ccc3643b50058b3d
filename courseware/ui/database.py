"""How a page calls the database: a fault is a message where the action was refused and a
banner above the page, never a traceback; the page picks up again by itself when it is back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from courseware.i18n import t
from courseware.storage.store import FaultKind, StoreUnavailable
from courseware.ui import session

T = TypeVar("T")

BANNER_CHECK_SECONDS = 3.0  # while the database is down, how often the banner looks again


def guarded(work: Callable[..., T], *args: object) -> T | None:
    """``work(*args)`` through the bounded guard; None, with a message here, if it was refused."""
    try:
        return session.database().run(work, *args)
    except StoreUnavailable as fault:
        refused(fault.kind)
        return None


def done(work: Callable[..., object], *args: object) -> bool:
    """Whether the action ``work(*args)`` went through (a message here says why not)."""
    try:
        session.database().run(work, *args)
    except StoreUnavailable as fault:
        refused(fault.kind)
        return False
    return True


def refused(kind: FaultKind) -> None:
    st.warning(t("database.refused", reason=reason(kind)), icon=":material/cloud_off:")


def reason(kind: FaultKind) -> str:
    return t(f"database.reason.{kind}")


def current_reason() -> str:
    """Why the database is not answering now (for a page that cannot show its data)."""
    return reason(session.database().fault() or "unreachable")


def banner() -> None:
    """Above every page while the database is down; it goes by itself once the database is back."""
    if session.database().fault() is not None:
        _banner_while_down()


@st.fragment(run_every=BANNER_CHECK_SECONDS)
def _banner_while_down() -> None:
    kind = session.database().fault()
    if kind is None:
        st.rerun()  # the whole page again, now with its data
    st.warning(t("database.banner", reason=reason(kind)), icon=":material/cloud_off:")
