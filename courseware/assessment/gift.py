"""Export quiz banks to Moodle's GIFT text format, one ``$CATEGORY`` per bank.

Multiple choice becomes a multiple-answer question: each right option weighs ``+w`` and each
wrong one ``-w`` percent, with w = 100/k for k right options, so Moodle's score (the sum,
floored at 0) is ours. Moodle only accepts the weights in ``ACCEPTED_WEIGHTS`` (and their
negatives); 100/k is one of them for every k up to 10, written to the five decimals Moodle
uses (``%33.33333%``). Wrong options take the negative of the accepted value nearest to 100/k,
which is the same value. An item with more than 10 right options cannot be exported.

GIFT has no ordering type: an ordering item becomes a matching question from each step to
its position ("1", "2", …), marked by a comment line above it.
"""

from __future__ import annotations

from collections.abc import Sequence

from courseware.assessment.scoring import QuizItem, format_number
from courseware.content.quiz import Bank, Matching, MultipleChoice, Numeric, Ordering, SingleChoice

ACCEPTED_WEIGHTS = (
    100.0,
    90.0,
    83.33333,
    80.0,
    75.0,
    70.0,
    66.66667,
    60.0,
    50.0,
    40.0,
    33.33333,
    30.0,
    25.0,
    20.0,
    16.66667,
    14.28571,
    12.5,
    11.11111,
    10.0,
    5.0,
)
ORDERING_NOTE = "// ordering exported as matching: step -> position"
MIN_MATCHING_PAIRS = 2  # Moodle's GIFT import refuses a matching question with fewer
_SPECIAL = "~=#{}:"


def to_gift(banks: Sequence[Bank], lang: str) -> str:
    """Every item of ``banks`` as GIFT text, under ``$CATEGORY: courseware/<lang>/<topic>``."""
    blocks: list[str] = []
    for bank in banks:
        blocks.append(f"$CATEGORY: courseware/{lang}/{bank.topic}\n")
        blocks.extend(item_to_gift(item) for item in bank.items)
    return "\n".join(blocks) + "\n" if blocks else ""


def item_to_gift(item: QuizItem) -> str:
    """One item as a GIFT question (a comment line first for an ordering), ending with a newline."""
    head = f"::{escape(item.id)}:: {escape(item.prompt)} {{"
    feedback = f"\t####{escape(item.explanation)}"
    note = ""
    if isinstance(item, SingleChoice):
        answers = [
            f"\t{'=' if key == item.answer else '~'}{escape(text)}"
            for key, text in item.options.items()
        ]
    elif isinstance(item, MultipleChoice):
        answers = _multiple(item)
    elif isinstance(item, Ordering):
        note = ORDERING_NOTE + "\n"
        pairs = [(step, str(position)) for position, step in enumerate(item.steps, 1)]
        answers = _matching(item.id, pairs)
    elif isinstance(item, Matching):
        answers = _matching(item.id, list(item.pairs.items()))
    elif isinstance(item, Numeric):
        answers = [f"\t#{format_number(item.answer)}:{format_number(item.tolerance)}"]
    else:
        answers = ["\tTRUE" if item.answer else "\tFALSE"]
    return "\n".join([note + head, *answers, feedback, "}"]) + "\n"


def weight_for(right_options: int) -> float:
    """The accepted weight equal to 100/k; ValueError when none is (k > 10)."""
    share = 100 / right_options
    nearest = min(ACCEPTED_WEIGHTS, key=lambda w: abs(w - share))
    if abs(nearest - share) > 1e-4:
        raise ValueError(f"no Moodle weight equals 100/{right_options}")
    return nearest


def format_weight(weight: float) -> str:
    """33.33333 -> "33.33333", -50.0 -> "-50"."""
    text = f"{weight:.5f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def escape(text: str) -> str:
    """Backslash GIFT's special characters and the backslash; newlines become ``\\n``."""
    text = text.replace("\\", "\\\\")
    for char in _SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _multiple(item: MultipleChoice) -> list[str]:
    k = len(item.answer)
    try:
        right = weight_for(k)
    except ValueError:
        raise ValueError(
            f"item '{item.id}' has {k} right options; GIFT weights allow at most 10"
        ) from None
    wrong = -min(ACCEPTED_WEIGHTS, key=lambda w: abs(w - 100 / k))
    return [
        f"\t~%{format_weight(right if key in item.answer else wrong)}%{escape(text)}"
        for key, text in item.options.items()
    ]


def _matching(item_id: str, pairs: list[tuple[str, str]]) -> list[str]:
    if len(pairs) < MIN_MATCHING_PAIRS:
        raise ValueError(f"item '{item_id}' needs at least {MIN_MATCHING_PAIRS} pairs for GIFT")
    # Moodle splits a pair at its first "->", so an arrow inside the entry is written as "→".
    return [f"\t={escape(entry.replace('->', '→'))} -> {escape(answer)}" for entry, answer in pairs]
