"""Score a learner's response to a quiz item: each item is worth 1 point, with partial credit.

The rules (``quizzes/README.md``), with k the number of right options of a multiple choice:

- single, true/false, numeric: 1 or 0; a number is right within ``± tolerance`` (inclusive).
- multiple: each right option chosen earns 1/k, each wrong option chosen costs 1/k; never below 0.
- ordering: the share of the n(n−1)/2 pairs of steps that stand in the right relative order
  (Kendall-style): one swap of adjacent steps among 4 scores 5/6, the reverse order scores 0.
- matching: the share of entries sorted into the right category; entries left out count wrong.

A response that is empty, cannot be read or is out of range scores 0 and carries a problem code
(see ``PROBLEMS``) instead of raising: ``check`` never raises, whatever it is given.
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from numbers import Real
from typing import Any

from courseware.content.quiz import (
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    SingleChoice,
    TrueFalse,
)

QuizItem = SingleChoice | MultipleChoice | TrueFalse | Ordering | Matching | Numeric

PROBLEMS = (
    "empty",  # nothing answered: None, "", an empty list or mapping
    "unknown_option",  # a choice that is not one of the item's options (or not a bool)
    "wrong_steps",  # an ordering that is not a permutation of the steps
    "unknown_entry",  # a matching entry the item does not have (or not a mapping at all)
    "unknown_category",  # a matching category the item does not have
    "not_a_number",  # a numeric answer that does not parse, or is NaN or infinite
)

_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$")  # 1,000,000.5
_MINUS_SIGNS = str.maketrans({"−": "-", "–": "-"})  # U+2212 minus and en dash, as typed
_EPSILON = 1e-9  # float noise allowed on top of a numeric item's tolerance


@dataclass(frozen=True)
class Checked:
    """The outcome of one response: its score, whether it is fully right, and any problem."""

    score: float
    correct: bool
    problem: str | None = None


def score(item: QuizItem, response: Any) -> float:
    """The response's score in [0, 1]."""
    return check(item, response).score


def check(item: QuizItem, response: Any) -> Checked:
    """Score a response; an empty or unreadable one scores 0 with a problem code."""
    try:
        if _is_empty(response):
            return _problem("empty")
        value = _SCORERS[item.type](item, response)
    except Exception:  # a hostile object (an __iter__ or __eq__ that raises): never raise
        value = _UNREADABLE[item.type]
    if isinstance(value, str):
        return _problem(value)
    return Checked(score=value, correct=value == 1.0)


def correct_answer(item: QuizItem) -> str:
    """The right answer in a short line, built from the item's own texts."""
    if isinstance(item, SingleChoice):
        return f"{item.answer}. {item.options[item.answer]}"
    if isinstance(item, MultipleChoice):
        return "；".join(
            f"{key}. {text}" for key, text in item.options.items() if key in item.answer
        )
    if isinstance(item, TrueFalse):
        return "true" if item.answer else "false"
    if isinstance(item, Ordering):
        return " → ".join(item.steps)
    if isinstance(item, Matching):
        return "；".join(f"{entry} → {category}" for entry, category in item.pairs.items())
    unit = f" {item.unit}" if item.unit else ""
    margin = f" (±{format_number(item.tolerance)})" if item.tolerance else ""
    return f"{format_number(item.answer)}{unit}{margin}"


def shuffled(item: QuizItem, seed: int) -> tuple[str, ...]:
    """A deterministic presentation order for ``seed``: option keys, steps or entries.

    Steps never come out in the right order (when there are two or more); true/false and
    numeric items have nothing to shuffle and give ``()``.
    """
    if isinstance(item, SingleChoice | MultipleChoice):
        shown = list(item.options)
    elif isinstance(item, Ordering):
        shown = list(item.steps)
    elif isinstance(item, Matching):
        shown = list(item.pairs)
    else:
        return ()
    random.Random(f"{seed}:{item.id}").shuffle(shown)
    if isinstance(item, Ordering) and len(shown) >= 2 and tuple(shown) == item.steps:
        shown = shown[1:] + shown[:1]
    return tuple(shown)


def parse_number(response: Any) -> float | None:
    """A finite number from a number or a typed string ("60", "６０", " 1,000 "); else None."""
    if isinstance(response, bool):
        return None
    if isinstance(response, Real):
        try:
            value = float(response)
        except (OverflowError, ValueError, TypeError):
            return None
        return value if math.isfinite(value) else None
    if not isinstance(response, str):
        return None
    text = unicodedata.normalize("NFKC", response).translate(_MINUS_SIGNS).strip()
    if _GROUPED.match(text):
        text = text.replace(",", "")
    if not _NUMBER.match(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def format_number(value: float) -> str:
    """60.0 -> "60", 0.5 -> "0.5": no trailing zeros, no exponent for everyday sizes."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.12g}"


def _problem(code: str) -> Checked:
    return Checked(score=0.0, correct=False, problem=code)


def _is_empty(response: Any) -> bool:
    if response is None:
        return True
    if isinstance(response, str):
        return not response.strip()
    if isinstance(response, list | tuple | set | frozenset | dict):
        return len(response) == 0
    return False


def _single(item: SingleChoice, response: Any) -> float | str:
    if not isinstance(response, str) or response not in item.options:
        return "unknown_option"
    return 1.0 if response == item.answer else 0.0


def _multiple(item: MultipleChoice, response: Any) -> float | str:
    if isinstance(response, str):
        response = [response]  # one key on its own counts as a one-key selection
    if not isinstance(response, list | tuple | set | frozenset):
        return "unknown_option"
    chosen = set()
    for key in response:
        if not isinstance(key, str) or key not in item.options:
            return "unknown_option"
        chosen.add(key)
    right = len(chosen & set(item.answer))
    wrong = len(chosen) - right
    return max(0.0, (right - wrong) / len(item.answer))


def _truefalse(item: TrueFalse, response: Any) -> float | str:
    if not isinstance(response, bool):
        return "unknown_option"
    return 1.0 if response == item.answer else 0.0


def _ordering(item: Ordering, response: Any) -> float | str:
    if not isinstance(response, list | tuple):
        return "wrong_steps"
    if not all(isinstance(step, str) for step in response):
        return "wrong_steps"
    if len(response) != len(item.steps) or set(response) != set(item.steps):
        return "wrong_steps"
    rank = {step: index for index, step in enumerate(item.steps)}
    positions = [rank[step] for step in response]
    n = len(positions)
    pairs = n * (n - 1) // 2
    if pairs == 0:
        return 1.0
    in_order = sum(positions[i] < positions[j] for i in range(n) for j in range(i + 1, n))
    return in_order / pairs


def _matching(item: Matching, response: Any) -> float | str:
    if not isinstance(response, Mapping):
        return "unknown_entry"
    answered = {entry: category for entry, category in response.items() if category is not None}
    if not answered:
        return "empty"
    for entry, category in answered.items():
        if not isinstance(entry, str) or entry not in item.pairs:
            return "unknown_entry"
        if not isinstance(category, str) or category not in item.categories:
            return "unknown_category"
    right = sum(item.pairs[entry] == category for entry, category in answered.items())
    return right / len(item.pairs)


def _numeric(item: Numeric, response: Any) -> float | str:
    if isinstance(response, str) and item.unit:
        response = response.strip().removesuffix(item.unit)  # "60 元" reads as 60
    value = parse_number(response)
    if value is None:
        return "not_a_number"
    margin = item.tolerance + _EPSILON * max(1.0, abs(item.answer))
    return 1.0 if abs(value - item.answer) <= margin else 0.0


_SCORERS = {
    "single": _single,
    "multiple": _multiple,
    "truefalse": _truefalse,
    "ordering": _ordering,
    "matching": _matching,
    "numeric": _numeric,
}
_UNREADABLE = {
    "single": "unknown_option",
    "multiple": "unknown_option",
    "truefalse": "unknown_option",
    "ordering": "wrong_steps",
    "matching": "unknown_entry",
    "numeric": "not_a_number",
}
