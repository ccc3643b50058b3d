"""A learner's spaced review as the pages show it: cards read through the guard, what is due now,
the review queue, and the time every review page works from (``review_now``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit, urlunsplit

import streamlit as st

from courseware.assessment.spacing import CardView, card_view, due_queue, next_due
from courseware.content.quiz import Item
from courseware.storage.store import Learner, StoreUnavailable
from courseware.ui import clock, session
from courseware.ui.quiz_scopes import quiz_items

SESSION_ITEMS = 20  # the most items one review offers, however many are due
HISTORY_DAYS = 30  # the review history shows at most this many days, up to today


def review_now() -> datetime:
    """Now, as every review page reads it."""
    return clock.now()


def cards(learner: Learner, now: datetime | None = None) -> list[CardView] | None:
    """The learner's cards of items still in the banks; None while the database is down."""
    opened = session.store()
    if opened is None:
        return None
    try:
        stored = session.database().run(opened.review_cards, learner.id)
    except StoreUnavailable:
        return None
    items, _titles, _errors = quiz_items()
    moment = now or review_now()
    return [card_view(item_id, card, moment) for item_id, card in stored if item_id in items]


def class_cards(now: datetime | None = None) -> dict[int, list[CardView]] | None:
    """Every learner's cards of items still in the banks, by learner id; None while the database
    is down."""
    opened = session.store()
    if opened is None:
        return None
    try:
        stored = session.database().run(opened.class_review_cards)
    except StoreUnavailable:
        return None
    items, _titles, _errors = quiz_items()
    moment = now or review_now()
    by_learner: dict[int, list[CardView]] = {}
    for learner_id, item_id, card in stored:
        if item_id in items:
            by_learner.setdefault(learner_id, []).append(card_view(item_id, card, moment))
    return by_learner


def due_cards(learner: Learner, now: datetime | None = None) -> list[CardView] | None:
    """The learner's cards due by ``now``; None while the database is down."""
    moment = now or review_now()
    found = cards(learner, moment)
    return None if found is None else due_now(found, moment)


def due_count(learner: Learner, now: datetime | None = None) -> int | None:
    """How many items the learner has to review now; None while the database is down."""
    due = due_cards(learner, now)
    return None if due is None else len(due)


def read_parts(learner: Learner, items: Mapping[str, Item]) -> set[int] | None:
    """The parts the learner has answered items of; None while the database is down."""
    opened = session.store()
    if opened is None:
        return None
    try:
        answers = session.database().run(opened.answers, learner.id)
    except StoreUnavailable:
        return None
    return {items[a.item_id].part for a in answers if a.item_id in items}


def review_items(
    learner: Learner, items: Mapping[str, Item], now: datetime | None = None
) -> tuple[list[Item], list[CardView]] | None:
    """Today's review and every card; None while the database is down.

    The review holds the due items, most overdue first, then new items of the parts read; at
    most ``SESSION_ITEMS``, however many are due. It is asked in this order, so the quiz's length
    (5, 10, all) takes the most overdue first.
    """
    moment = now or review_now()
    found, parts = cards(learner, moment), read_parts(learner, items)
    if found is None or parts is None:
        return None
    queue = due_queue(found, items, parts, moment, SESSION_ITEMS)  # asked in this order
    return [items[item_id] for item_id in queue], found


def due_now(cards: Sequence[CardView], now: datetime | None = None) -> list[CardView]:
    """The cards due by ``now``."""
    moment = now or review_now()
    return [card for card in cards if card.due <= moment]


def next_review(
    found: Sequence[CardView], items: Mapping[str, Item], now: datetime
) -> datetime | None:
    """When the learner should review next: ``now`` with items due, else the next due time."""
    return now if due_now(found, now) else next_due(found, items, now)


def logs(learner: Learner) -> list[tuple[str, int, datetime]] | None:
    """The learner's reviews (item id, rating, when); None while the database is down."""
    opened = session.store()
    if opened is None:
        return None
    try:
        return session.database().run(opened.review_logs, learner.id)
    except StoreUnavailable:
        return None


def reviews_per_day(
    reviews: Sequence[tuple[str, int, datetime]], today: date, days: int = HISTORY_DAYS
) -> list[tuple[date, int, int]]:
    """(day, rating, reviews) from the first day reviewed (at most ``days`` ago, at least a
    week ago) to ``today``, every day and rating listed (0 where none)."""
    counted = Counter((_utc(when).date(), rating) for _item, rating, when in reviews)
    first = min((day for day, _rating in counted), default=today)
    start = max(min(first, today - timedelta(days=6)), today - timedelta(days=days - 1))
    span = (today - start).days + 1
    return [
        (start + timedelta(days=n), rating, counted[(start + timedelta(days=n), rating)])
        for n in range(span)
        for rating in (1, 2, 3, 4)
    ]


def hub_address() -> str:
    """The address of this app's quiz hub, where today's review is."""
    parts = urlsplit(st.context.url or "http://localhost:8501/")
    return urlunsplit((parts.scheme, parts.netloc, "/quiz", "", ""))


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
