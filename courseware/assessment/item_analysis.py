"""Item analysis as Moodle reports it: facility and discrimination index of each quiz item.

- Facility index: the mean score on the item as a share of its maximum (1 point), in 0–1.
- Discrimination index: the Pearson correlation, across the attempts that answered the item,
  between the item's score and the score on the rest of that attempt (the other items).
  None when either side does not vary.
- An item is flagged when facility is below 30% or above 90%, or discrimination below 0.2.

Both judgements need answers enough to mean something: below ``MIN_ANSWERS`` (one learner's
lucky guess, two learners who disagree) an item gets no discrimination and no flag.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

LOW_FACILITY, HIGH_FACILITY, LOW_DISCRIMINATION = 0.30, 0.90, 0.20
MIN_ANSWERS = 10  # fewer answers than this: the item is not judged


@dataclass(frozen=True)
class ItemStats:
    item_id: str
    answers: int
    facility: float
    discrimination: float | None  # None below ``min_answers`` or when a side does not vary
    flags: tuple[str, ...]  # "too_hard", "too_easy", "low_discrimination"
    judged: bool  # answered at least ``min_answers`` times: flags and discrimination apply


def analyse(
    scores: Iterable[tuple[Hashable, str, float]], *, min_answers: int = MIN_ANSWERS
) -> list[ItemStats]:
    """Statistics per item from (attempt, item id, score) rows, items in first-seen order;
    items answered fewer than ``min_answers`` times get their facility only."""
    by_attempt: dict[Hashable, dict[str, float]] = defaultdict(dict)
    for attempt, item, score in scores:
        by_attempt[attempt][item] = score
    items: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for answers in by_attempt.values():
        total = sum(answers.values())
        for item, score in answers.items():
            items[item].append((score, total - score))
    return [_stats(item, pairs, min_answers) for item, pairs in items.items()]


def _stats(item: str, pairs: list[tuple[float, float]], min_answers: int) -> ItemStats:
    facility = sum(score for score, _rest in pairs) / len(pairs)
    if len(pairs) < max(min_answers, 1):
        return ItemStats(item, len(pairs), facility, None, (), judged=False)
    discrimination = _correlation(pairs)
    flags = []
    if facility < LOW_FACILITY:
        flags.append("too_hard")
    if facility > HIGH_FACILITY:
        flags.append("too_easy")
    if discrimination is not None and discrimination < LOW_DISCRIMINATION:
        flags.append("low_discrimination")
    return ItemStats(item, len(pairs), facility, discrimination, tuple(flags), judged=True)


def _correlation(pairs: list[tuple[float, float]]) -> float | None:
    if len(pairs) < 2:
        return None
    n = len(pairs)
    mean_x = sum(x for x, _ in pairs) / n
    mean_y = sum(y for _, y in pairs) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in pairs)
    syy = sum((y - mean_y) ** 2 for _, y in pairs)
    if sxx == 0 or syy == 0:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in pairs)
    return sxy / math.sqrt(sxx * syy)
