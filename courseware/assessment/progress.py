"""What a learner's stored answers say: mastery per part and topic, history, items missed most."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from courseware.content.quiz import Item
from courseware.storage.store import Answer, Attempt


@dataclass(frozen=True)
class Mastery:
    """Mean of the latest score on each item answered; how many of the group's items that is."""

    group: str
    mastery: float
    answered: int
    total: int


@dataclass(frozen=True)
class Missed:
    item_id: str
    misses: int  # answers below full marks
    tries: int


def latest_scores(answers: Sequence[Answer]) -> dict[str, float]:
    """Each item's most recent score (answers come oldest first)."""
    return {answer.item_id: answer.score for answer in answers}


def mastery_by(answers: Sequence[Answer], items: Mapping[str, Item], key: str) -> list[Mastery]:
    """Mastery per ``part`` or ``topic``, in the order groups first appear among the items."""
    latest = latest_scores(answers)
    totals: dict[str, int] = defaultdict(int)
    scores: dict[str, list[float]] = defaultdict(list)
    for item in items.values():
        group = str(getattr(item, key))
        totals[group] += 1
        if item.id in latest:
            scores[group].append(latest[item.id])
    return [
        Mastery(group, sum(scores[group]) / len(scores[group]), len(scores[group]), total)
        for group, total in totals.items()
        if scores[group]
    ]


def history(attempts: Sequence[Attempt]) -> list[tuple[Attempt, float]]:
    """Finished attempts with their share of points, oldest first."""
    return [
        (attempt, (attempt.score or 0.0) / len(attempt.item_ids))
        for attempt in attempts
        if attempt.finished_at is not None and attempt.item_ids
    ]


def most_missed(
    answers: Sequence[Answer], known: Mapping[str, Item], limit: int = 10
) -> list[Missed]:
    """Items answered below full marks most often (still in the bank), worst first."""
    misses: dict[str, int] = defaultdict(int)
    tries: dict[str, int] = defaultdict(int)
    for answer in answers:
        if answer.item_id in known:
            tries[answer.item_id] += 1
            misses[answer.item_id] += answer.score < 1
    ranked = sorted(
        (Missed(i, misses[i], tries[i]) for i in tries if misses[i]),
        key=lambda m: (-m.misses, -(m.misses / m.tries), m.item_id),
    )
    return ranked[:limit]
