"""Spaced review with FSRS: how an answer rates, when each item is due again, what is kept.

Pure: every function takes ``now`` (timezone-aware, UTC) and stored cards as JSON text; the
store keeps one card per learner and item (``courseware.storage.reviews``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from fsrs import Card, Rating, Scheduler, State

from courseware.content.quiz import Item

QUICK_SECONDS = 10  # a right answer this fast, on a card already in review, is an easy one
SCHEDULER = Scheduler()  # FSRS with its default parameters
STATES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}


def rating_for(score: float, seconds: float | None, in_review: bool) -> Rating:
    """Wrong (score 0) is Again, partly right (between 0 and 1) Hard, right Good; right within
    ``QUICK_SECONDS`` seconds on a card already in the Review state is Easy."""
    if score <= 0:
        return Rating.Again
    if score < 1:
        return Rating.Hard
    if in_review and seconds is not None and 0 <= seconds <= QUICK_SECONDS:
        return Rating.Easy
    return Rating.Good


@dataclass(frozen=True)
class CardView:
    """One stored card as the pages read it."""

    item_id: str
    due: datetime
    state: str  # "learning", "review" or "relearning"
    retrievability: float  # the chance of recalling it at ``now``, 0 to 1


@dataclass(frozen=True)
class ClassRetention:
    """What a class keeps: per item, fastest forgetting first, and per part."""

    by_item: list[tuple[str, float, int]]  # item id, mean recall, learners with a card
    by_part: list[tuple[int, float, int]]  # part, mean recall, cards


def card_view(item_id: str, card_json: str, now: datetime) -> CardView:
    card = Card.from_json(card_json)
    recall = SCHEDULER.get_card_retrievability(card, _utc(now))
    return CardView(item_id, _utc(card.due), STATES[card.state], float(recall))


def in_review(card_json: str | None) -> bool:
    """Whether a stored card is in the Review state (a new card is not)."""
    return card_json is not None and Card.from_json(card_json).state == State.Review


def reviewed(card_json: str | None, rating: Rating, now: datetime) -> tuple[str, datetime]:
    """The card after a review (a new card when None), as JSON text, and when it is due next."""
    now = _utc(now)
    if card_json is None:
        card = Card(card_id=int(now.timestamp() * 1000), due=now)
    else:
        card = Card.from_json(card_json)
    after, _log = SCHEDULER.review_card(card, Rating(rating), now)
    return after.to_json(), _utc(after.due)


def due_queue(
    cards: Sequence[CardView],
    items: Mapping[str, Item],
    read_parts: Collection[int],
    now: datetime,
    limit: int | None,
) -> list[str]:
    """Item ids to review: due cards, most overdue first, then the items never reviewed of the
    parts read, in bank order; items no longer in the banks are left out."""
    order = {item_id: n for n, item_id in enumerate(items)}
    now = _utc(now)
    due = sorted(
        (card for card in cards if card.item_id in items and card.due <= now),
        key=lambda card: (card.due, order[card.item_id]),
    )
    queue = [card.item_id for card in due]
    if limit is None or len(queue) < limit:
        known = {card.item_id for card in cards}
        queue += [
            item_id
            for item_id, item in items.items()
            if item_id not in known and item.part in read_parts
        ]
    return queue if limit is None else queue[: max(0, limit)]


def next_due(
    cards: Sequence[CardView], items: Mapping[str, Item], now: datetime
) -> datetime | None:
    """The earliest time after ``now`` that a card of a known item falls due (None: none)."""
    now = _utc(now)
    later = [card.due for card in cards if card.item_id in items and card.due > now]
    return min(later, default=None)


def forecast(
    cards: Sequence[CardView], items: Mapping[str, Item], now: datetime, days: int = 14
) -> list[tuple[date, int]]:
    """How many items fall due on each of the next ``days`` days; today counts the overdue."""
    today = _utc(now).date()
    counts = [0] * max(0, days)
    for card in cards:
        if card.item_id not in items:
            continue
        offset = max(0, (card.due.date() - today).days)
        if offset < len(counts):
            counts[offset] += 1
    return [(today + timedelta(days=n), count) for n, count in enumerate(counts)]


def recall_by_part(
    cards: Sequence[CardView], items: Mapping[str, Item], now: datetime
) -> list[tuple[int, float, int]]:
    """Per part (in order): the mean chance of recall today, and how many cards."""
    recalls: dict[int, list[float]] = defaultdict(list)
    for card in cards:
        item = items.get(card.item_id)
        if item is not None:
            recalls[item.part].append(card.retrievability)
    return [(part, _mean(values), len(values)) for part, values in sorted(recalls.items())]


def class_retention(
    cards_by_learner: Mapping[int, Sequence[CardView]], items: Mapping[str, Item], now: datetime
) -> ClassRetention:
    """Mean recall per item across learners (lowest first) and per part."""
    order = {item_id: n for n, item_id in enumerate(items)}
    by_item: dict[str, list[float]] = defaultdict(list)
    for cards in cards_by_learner.values():
        for card in cards:
            if card.item_id in items:
                by_item[card.item_id].append(card.retrievability)
    items_kept = sorted(
        ((item_id, _mean(values), len(values)) for item_id, values in by_item.items()),
        key=lambda row: (row[1], order[row[0]]),
    )
    every = [card for cards in cards_by_learner.values() for card in cards]
    return ClassRetention(items_kept, recall_by_part(every, items, now))


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _utc(moment: datetime) -> datetime:
    """A time in UTC (a naive one, as SQLite gives back, is taken as UTC)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
