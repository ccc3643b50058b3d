"""A quiz attempt as pure data: which items, in which order, and what was answered.

A retry of the items missed is a new round of the same attempt: it keeps the earlier round, so
the result it reports is the combined one (the earlier answers, with each retried item's new
answer in place of its old one).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from courseware.content.quiz import Item

PASS_MARK = 0.8


@dataclass(frozen=True)
class Answered:
    response: Any
    score: float
    seed: int = 0  # the round's seed: the order its options and steps were shown in


@dataclass(frozen=True)
class Attempt:
    """Items are drawn and ordered once, from ``seed``: a rerun never reshuffles."""

    scope: str
    seed: int
    item_ids: tuple[str, ...]
    answers: dict[str, Answered] = field(default_factory=dict)
    index: int = 0  # the item being shown
    stored_id: int | None = None  # the round's row in the store, when saved
    earlier: Attempt | None = None  # the round this one retries

    @property
    def current(self) -> str | None:
        return self.item_ids[self.index] if self.index < len(self.item_ids) else None

    @property
    def finished(self) -> bool:
        return self.index >= len(self.item_ids)

    @property
    def is_retry(self) -> bool:
        return self.earlier is not None

    @property
    def all_ids(self) -> tuple[str, ...]:
        """Every item of the attempt, in the order the first round asked them."""
        return self.earlier.all_ids if self.earlier else self.item_ids

    @property
    def combined(self) -> dict[str, Answered]:
        """Each item's latest answer across the rounds."""
        return {**(self.earlier.combined if self.earlier else {}), **self.answers}

    @property
    def score(self) -> float:
        return sum(a.score for a in self.combined.values())

    @property
    def ratio(self) -> float:
        return self.score / len(self.all_ids) if self.all_ids else 0.0

    @property
    def passed(self) -> bool:
        return self.ratio >= PASS_MARK - 1e-9

    @property
    def round_score(self) -> float:
        """The points of this round alone."""
        return sum(a.score for a in self.answers.values())

    @property
    def missed(self) -> tuple[str, ...]:
        """Items not fully right (latest answers), in the order they were first asked."""
        latest = self.combined
        return tuple(i for i in self.all_ids if i not in latest or latest[i].score < 1)

    def answer(self, item_id: str, response: Any, score: float) -> Attempt:
        """Record the answer to the current item (a second answer to it changes nothing)."""
        if item_id != self.current or item_id in self.answers:
            return self
        answered = Answered(response, score, self.seed)
        return replace(self, answers={**self.answers, item_id: answered})

    def next(self) -> Attempt:
        if self.current is None or self.current not in self.answers:
            return self
        return replace(self, index=self.index + 1)

    def retry(self, seed: int) -> Attempt:
        """A new round over the items still missed, in their first order."""
        return Attempt(scope=self.scope, seed=seed, item_ids=self.missed, earlier=self)


def new_attempt(
    scope: str, items: Sequence[Item], length: int | None, seed: int, *, in_order: bool = False
) -> Attempt:
    """Draw ``length`` items (all when None) in a shuffled order fixed by ``seed``, or, for a
    queue that is already in the order it must be asked (a review: most overdue first), the
    first ``length`` of them."""
    ids = [item.id for item in items]
    if not in_order:
        random.Random(seed).shuffle(ids)
    return Attempt(scope=scope, seed=seed, item_ids=tuple(ids[: length or len(ids)]))


def resumed(
    scope: str,
    seed: int,
    item_ids: Sequence[str],
    responses: Mapping[str, tuple[Any, float]],
    *,
    stored_id: int | None = None,
    earlier: Attempt | None = None,
) -> Attempt:
    """A saved round brought back: its answers, showing the first item not yet answered."""
    ids = tuple(item_ids)
    answers = {
        item_id: Answered(response, score, seed)
        for item_id, (response, score) in responses.items()
        if item_id in ids
    }
    index = next((n for n, item_id in enumerate(ids) if item_id not in answers), len(ids))
    return Attempt(scope, seed, ids, answers, index, stored_id, earlier)


def fresh_seed() -> int:
    return random.SystemRandom().randrange(1, 2**31)
