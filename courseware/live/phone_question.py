"""A quiz item as a phone shows it in a live poll, and a phone's answer read back for scoring.

Options are lettered A, B, C… in the bank's order, so the phones and the projected screen name
them alike. Steps of an ordering item and entries of a matching item come in one order per
question (seeded by the question), the same on every phone. Pure: no Streamlit, no database.
"""

from __future__ import annotations

from typing import Any

from courseware.assessment.scoring import correct_answer, shuffled
from courseware.content.quiz import Item
from courseware.i18n import t

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MAX_TEXT = 200  # a numeric answer typed on a phone: longer is not a number anyway


def letter(item: Item, key: str) -> str:
    """The letter an option is shown with: its place among the item's options."""
    keys = list(getattr(item, "options", {}))
    return LETTERS[keys.index(key)] if key in keys else key


def phone_question(item: Item, question_id: int, number: int, lang: str = "zh") -> dict[str, Any]:
    """What a phone needs to show one pushed question and take its answer (JSON-ready)."""
    shown: dict[str, Any] = {
        "id": question_id, "number": number, "type": item.type, "prompt": item.prompt,
    }  # fmt: skip
    if item.type in ("single", "multiple"):
        shown["options"] = [
            {"key": key, "letter": LETTERS[n], "text": text}
            for n, (key, text) in enumerate(item.options.items())
        ]
    elif item.type == "truefalse":
        shown["options"] = [
            {"key": "true", "letter": "A", "text": t("quiz.true", lang)},
            {"key": "false", "letter": "B", "text": t("quiz.false", lang)},
        ]
    elif item.type == "ordering":
        shown["steps"] = list(shuffled(item, question_id))
    elif item.type == "matching":
        shown["entries"] = list(shuffled(item, question_id))
        shown["categories"] = list(item.categories)
    else:
        shown["unit"] = item.unit
    return shown


def read_answer(item: Item, sent: Any) -> Any:
    """A phone's JSON answer as ``scoring.check`` takes it; anything odd passes through as None.

    Scoring then reports the problem ("empty", "unknown_option", …) instead of raising.
    """
    if item.type == "single":
        return sent if isinstance(sent, str) else None
    if item.type == "truefalse":
        return {"true": True, "false": False}.get(sent) if isinstance(sent, str) else None
    if item.type in ("multiple", "ordering"):
        return list(sent) if isinstance(sent, list) else None
    if item.type == "matching":
        return dict(sent) if isinstance(sent, dict) else None
    if isinstance(sent, int | float) and not isinstance(sent, bool):
        return sent
    return sent[:MAX_TEXT] if isinstance(sent, str) else None


def answer_in_letters(item: Item, lang: str = "zh") -> str:
    """The right answer as the phones and the screen show it: letters with the options' words."""
    if item.type == "single":
        return f"{letter(item, item.answer)}. {item.options[item.answer]}"
    if item.type == "multiple":
        return "；".join(
            f"{letter(item, k)}. {v}" for k, v in item.options.items() if k in item.answer
        )
    if item.type == "truefalse":
        return f"A. {t('quiz.true', lang)}" if item.answer else f"B. {t('quiz.false', lang)}"
    return correct_answer(item)
