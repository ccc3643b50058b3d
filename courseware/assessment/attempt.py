"""A quiz attempt as pure data: which items, in which order, and what was answered."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from courseware.content.quiz import Item

PASS_MARK = 0.8


@dataclass(frozen=True)
class Answered:
    response: Any
    score: float


@dataclass(frozen=True)
class Attempt:
    """Items are drawn and ordered once, from ``seed``: a rerun never reshuffles."""

    scope: str
    seed: int
    item_ids: tuple[str, ...]
    answers: dict[str, Answered] = field(default_factory=dict)
    index: int = 0  # the item being shown
    stored_id: int | None = None  # the attempt's row in the store, when saved

    @property
    def current(self) -> str | None:
        return self.item_ids[self.index] if self.index < len(self.item_ids) else None

    @property
    def finished(self) -> bool:
        return self.index >= len(self.item_ids)

    @property
    def score(self) -> float:
        return sum(a.score for a in self.answers.values())

    @property
    def ratio(self) -> float:
        return self.score / len(self.item_ids) if self.item_ids else 0.0

    @property
    def passed(self) -> bool:
        return self.ratio >= PASS_MARK - 1e-9

    @property
    def missed(self) -> tuple[str, ...]:
        """Items not fully right, in the order they were asked."""
        return tuple(i for i in self.item_ids if i not in self.answers or self.answers[i].score < 1)

    def answer(self, item_id: str, response: Any, score: float) -> Attempt:
        """Record the answer to the current item (a second answer to it changes nothing)."""
        if item_id != self.current or item_id in self.answers:
            return self
        return replace(self, answers={**self.answers, item_id: Answered(response, score)})

    def next(self) -> Attempt:
        if self.current is None or self.current not in self.answers:
            return self
        return replace(self, index=self.index + 1)


def new_attempt(scope: str, items: Sequence[Item], length: int | None, seed: int) -> Attempt:
    """Draw ``length`` items (all when None) in a shuffled order fixed by ``seed``."""
    ids = [item.id for item in items]
    chooser = random.Random(seed)
    chooser.shuffle(ids)
    return Attempt(scope=scope, seed=seed, item_ids=tuple(ids[: length or len(ids)]))


def fresh_seed() -> int:
    return random.SystemRandom().randrange(1, 2**31)
