"""An answered item as feedback and review show it: lettered as it was shown, row by row.

Options carry the letters A, B, C… in the order the attempt showed them, and the right answer
uses the same letters. Steps of an ordering item are judged place by place, entries of a
matching item one by one, in the order the question showed them. Pure: no Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from courseware.assessment.scoring import correct_answer, shuffled
from courseware.content.quiz import Item
from courseware.i18n import t

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
Verdict = Literal["right", "partly", "wrong", "unanswered"]


@dataclass(frozen=True)
class Row:
    """One line of an answer; ``right`` is None where a line is not judged on its own."""

    text: str
    right: bool | None = None
    should_be: str | None = None  # the right value of a wrong line (ordering, matching)


@dataclass(frozen=True)
class Reviewed:
    item: Item
    verdict: Verdict
    score: float
    yours: tuple[Row, ...]
    right: tuple[str, ...]


def lettered(item: Item, seed: int) -> dict[str, str]:
    """Option key -> the letter it was shown with (single and multiple choice only)."""
    if item.type not in ("single", "multiple"):
        return {}
    return {key: LETTERS[n] for n, key in enumerate(shuffled(item, seed))}


def option_label(item: Item, seed: int, key: str) -> str:
    """An option as shown: "B. 客户是…"."""
    return f"{lettered(item, seed).get(key, '?')}. {item.options[key]}"


def reviewed(item: Item, response: Any, score: float | None, seed: int) -> Reviewed:
    """An item with the learner's answer (None: not answered) judged line by line."""
    if response is None or score is None:
        verdict: Verdict = "unanswered"
    else:
        verdict = "right" if score >= 1 else "partly" if score > 0 else "wrong"
    yours = () if response is None else _your_rows(item, response, seed)
    return Reviewed(item, verdict, score or 0.0, yours, right_answer(item, seed))


def right_answer(item: Item, seed: int) -> tuple[str, ...]:
    """The right answer as lines, lettered as the options were shown."""
    if item.type == "single":
        return (option_label(item, seed, item.answer),)
    if item.type == "multiple":
        return tuple(option_label(item, seed, k) for k in shuffled(item, seed) if k in item.answer)
    if item.type == "truefalse":
        return (t("quiz.true") if item.answer else t("quiz.false"),)
    if item.type == "ordering":
        return tuple(t("quiz.review.step", n=n, text=s) for n, s in enumerate(item.steps, 1))
    if item.type == "matching":
        return tuple(f"{entry} → {item.pairs[entry]}" for entry in shuffled(item, seed))
    return (correct_answer(item),)


def _your_rows(item: Item, response: Any, seed: int) -> tuple[Row, ...]:
    if item.type == "single" and response in item.options:
        return (Row(option_label(item, seed, response), response == item.answer),)
    if item.type == "multiple" and isinstance(response, list | tuple):
        chosen = [k for k in shuffled(item, seed) if k in response]
        return tuple(Row(option_label(item, seed, k), k in item.answer) for k in chosen)
    if item.type == "truefalse" and isinstance(response, bool):
        return (Row(t("quiz.true") if response else t("quiz.false"), response == item.answer),)
    if item.type == "ordering" and isinstance(response, list | tuple):
        places = enumerate(zip(response, item.steps, strict=False), 1)
        return tuple(
            Row(
                t("quiz.review.step", n=n, text=step),
                step == right,
                None if step == right else right,
            )
            for n, (step, right) in places
        )
    if item.type == "matching" and isinstance(response, dict):
        rows = []
        for entry in shuffled(item, seed):
            chosen = response.get(entry)
            right = item.pairs[entry]
            shown = f"{entry} → {chosen if chosen is not None else t('quiz.review.none')}"
            rows.append(Row(shown, chosen == right, None if chosen == right else right))
        return tuple(rows)
    return (Row(str(response)),)


def carried_over(item: Item, response: Any, translations: list[Item]) -> Any:
    """An ordering or matching answer given in another language, in ``item``'s words.

    Steps, entries and categories are words, so an answer given before a language switch names
    them in the other language; they match by their place in the item, which every translation
    keeps. Any other answer, or one already in ``item``'s words, is returned as it is.
    """
    if (
        item.type == "ordering"
        and isinstance(response, list)
        and not set(response) <= set(item.steps)
    ):
        for other in translations:
            if other.type == "ordering" and set(response) <= set(other.steps):
                return [item.steps[other.steps.index(step)] for step in response]
    if (
        item.type == "matching"
        and isinstance(response, dict)
        and not set(response) <= set(item.pairs)
    ):
        for other in translations:
            if other.type == "matching" and set(response) <= set(other.pairs):
                entries, categories = list(other.pairs), list(other.categories)
                ours_entries, ours_categories = list(item.pairs), list(item.categories)
                return {
                    ours_entries[entries.index(entry)]: ours_categories[categories.index(category)]
                    if category in categories
                    else category
                    for entry, category in response.items()
                }
    return response
