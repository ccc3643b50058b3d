"""The one clock the review pages and the answers they record read (tests move it; no sleeps)."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    return datetime.now(UTC)
