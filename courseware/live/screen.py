"""What the projector shows of a poll: big question, lettered options with their bars, the
count, the right option on reveal, and the podium. Pure: built from one snapshot and the
question's responses.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from courseware.content.quiz import Item
from courseware.live.phone_question import answer_in_letters, phone_question
from courseware.live.snapshot import PollSnapshot, closes_in
from courseware.live.store import as_text

PODIUM = 5


def option_counts(item: Item, responses: Sequence[Any]) -> dict[str, int]:
    """How many answers chose each option key (a multiple choice counts every key it chose)."""
    counts: Counter[str] = Counter()
    for response in responses:
        if item.type == "truefalse" and isinstance(response, bool):
            counts["true" if response else "false"] += 1
        elif isinstance(response, str):
            counts[response] += 1
        elif isinstance(response, list):
            counts.update(key for key in set(response) if isinstance(key, str))
    return dict(counts)


def shares(item: Item, responses: Sequence[Any]) -> list[tuple[str, float]]:
    """The share (%) of answers per option, lettered as on the phones; else per answer given."""
    if not responses:
        return []
    if getattr(item, "options", None) or item.type == "truefalse":
        counts = option_counts(item, responses)
        return [
            (f"{o['letter']}. {o['text']}", 100 * counts.get(o["key"], 0) / len(responses))
            for o in phone_question(item, 0, 0)["options"]
        ]
    counts = Counter(as_text(r) for r in responses)
    return [(answer, 100 * n / len(responses)) for answer, n in sorted(counts.items())]


def right_keys(item: Item) -> set[str]:
    if item.type == "single":
        return {item.answer}
    if item.type == "multiple":
        return set(item.answer)
    if item.type == "truefalse":
        return {"true" if item.answer else "false"}
    return set()


def screen_state(
    snapshot: PollSnapshot,
    item: Item | None,
    responses: Sequence[Any],
    podium: Sequence[tuple[str, float]],
    lang: str = "zh",
) -> dict[str, Any]:
    """The projector's view of the poll (JSON-ready)."""
    answered = len(snapshot.answers)
    state: dict[str, Any] = {"v": snapshot.version, "players": snapshot.players,
                             "answered": answered}  # fmt: skip
    top = [{"nickname": name, "points": points} for name, points in podium[:PODIUM]]
    if snapshot.ended:
        return state | {"status": "ended", "podium": top}
    if snapshot.question_id is None or item is None:
        return state | {"status": "lobby"}
    question = phone_question(item, snapshot.question_id, snapshot.number, lang)
    question["closes_in"] = None if snapshot.revealed else closes_in(snapshot)
    revealed = snapshot.revealed
    if question.get("options"):
        counts = option_counts(item, responses)
        right = right_keys(item)
        for option in question["options"]:
            option["count"] = counts.get(option["key"], 0)
            option["share"] = round(100 * option["count"] / answered, 1) if answered else 0.0
            option["right"] = revealed and option["key"] in right
    else:
        question["summary"] = _summary(item, snapshot, responses)
        question["answer"] = answer_in_letters(item, lang) if revealed else None
    state |= {"status": "revealed" if revealed else "question", "question": question}
    return state | ({"podium": top} if revealed else {})


def _summary(item: Item, snapshot: PollSnapshot, responses: Sequence[Any]) -> dict[str, Any]:
    """Ordering, matching and numeric items: the share fully right, the mean score, numbers."""
    scores = list(snapshot.answers.values())
    summary: dict[str, Any] = {
        "right_share": round(100 * sum(s >= 1 for s in scores) / len(scores), 1) if scores else 0.0,
        "mean_score": round(sum(scores) / len(scores), 2) if scores else 0.0,
    }
    if item.type == "numeric":
        typed = Counter(str(r).strip() for r in responses if str(r).strip())
        summary["numbers"] = [{"value": v, "count": n} for v, n in typed.most_common(5)]
    return summary
