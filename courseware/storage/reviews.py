"""Spaced review in the store: one FSRS card per learner and item, and a log of every review.

The ``Store`` methods of the same names delegate here. A review reads the card, schedules it
(``courseware.assessment.spacing``) and writes card and log in one transaction; on PostgreSQL
the card's row is locked meanwhile, so two tabs reviewing one item are stored one after the
other. Two first reviews at once both insert: the one that loses the race goes again as an
update.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from courseware.assessment import spacing
from courseware.storage.store import Base, StoreUnavailable

if TYPE_CHECKING:
    from courseware.storage.store import Store

Source = Literal["quiz", "live"]
SOURCES = ("quiz", "live")
TRIES = 3  # a first review that lost the insert race goes again, as an update


class ReviewCardRow(Base):
    __tablename__ = "review_cards"
    __table_args__ = (UniqueConstraint("learner_id", "item_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id"), index=True)
    item_id: Mapped[str] = mapped_column(String(60))
    card: Mapped[str] = mapped_column(Text)  # the FSRS card as JSON
    due: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ReviewLogRow(Base):
    __tablename__ = "review_logs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id"), index=True)
    item_id: Mapped[str] = mapped_column(String(60))
    rating: Mapped[int] = mapped_column(Integer)  # 1 Again, 2 Hard, 3 Good, 4 Easy
    reviewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    source: Mapped[str] = mapped_column(String(10))  # "quiz" or "live"


REVIEW_TABLES = [ReviewCardRow.__table__, ReviewLogRow.__table__]


def record_review(
    store: Store,
    learner_id: int,
    item_id: str,
    rate: Callable[[bool], int],
    now: datetime,
    source: str = "quiz",
) -> datetime:
    """Review one card, rated by ``rate(in_review)``; when it is due next."""
    if source not in SOURCES:
        raise ValueError(f"a review comes from one of {SOURCES}, not {source!r}")
    for attempt in range(TRIES):
        try:
            with store.transaction() as session:
                row = session.scalar(
                    select(ReviewCardRow)
                    .where(ReviewCardRow.learner_id == learner_id, ReviewCardRow.item_id == item_id)
                    .with_for_update()
                )
                before = row.card if row is not None else None
                rating = int(rate(spacing.in_review(before)))
                card, due = spacing.reviewed(before, spacing.Rating(rating), now)
                if row is None:
                    session.add(ReviewCardRow(learner_id=learner_id, item_id=item_id, card=card,
                                              due=due, updated_at=now))  # fmt: skip
                    session.flush()  # a first review by another tab at once fails here
                else:
                    row.card, row.due, row.updated_at = card, due, now
                session.add(ReviewLogRow(learner_id=learner_id, item_id=item_id, rating=rating,
                                         reviewed_at=now, source=source))  # fmt: skip
            return due
        except IntegrityError as exc:
            if attempt + 1 == TRIES:
                raise StoreUnavailable(f"review not stored: {exc.orig}", "busy") from exc
    raise AssertionError("unreachable")  # pragma: no cover


def rating_of(score: float, seconds: float | None) -> Callable[[bool], int]:
    """The rating of an answer, once it is known whether its card is in review."""
    return lambda in_review: int(spacing.rating_for(score, seconds, in_review))


def review_cards(store: Store, learner_id: int) -> list[tuple[str, str]]:
    """A learner's cards: (item id, card JSON), first reviewed first."""
    with store.transaction() as session:
        rows = session.execute(
            select(ReviewCardRow.item_id, ReviewCardRow.card)
            .where(ReviewCardRow.learner_id == learner_id)
            .order_by(ReviewCardRow.id)
        )
        return [(item_id, card) for item_id, card in rows]


def review_logs(store: Store, learner_id: int) -> list[tuple[str, int, datetime]]:
    """A learner's reviews: (item id, rating, when), in the order they were stored."""
    with store.transaction() as session:
        rows = session.execute(
            select(ReviewLogRow.item_id, ReviewLogRow.rating, ReviewLogRow.reviewed_at)
            .where(ReviewLogRow.learner_id == learner_id)
            .order_by(ReviewLogRow.id)
        )
        return [(item_id, rating, _utc(at)) for item_id, rating, at in rows]


def class_review_cards(store: Store) -> list[tuple[int, str, str]]:
    """Every learner's cards: (learner id, item id, card JSON)."""
    with store.transaction() as session:
        rows = session.execute(
            select(ReviewCardRow.learner_id, ReviewCardRow.item_id, ReviewCardRow.card).order_by(
                ReviewCardRow.learner_id, ReviewCardRow.id
            )
        )
        return [(learner_id, item_id, card) for learner_id, item_id, card in rows]


def _utc(moment: datetime) -> datetime:
    """SQLite gives back naive times (stored as UTC); PostgreSQL gives aware ones."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
