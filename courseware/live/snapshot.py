"""One read of a poll's state, and what each phone is shown from it.

A server process reads a poll's snapshot from the database once per tick, whatever the number
of phones; every phone's view is then worked out from the snapshot in memory (``phone_state``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from courseware.content.quiz import Item
from courseware.live.phone_question import answer_in_letters, phone_question


@dataclass(frozen=True)
class PollSnapshot:
    """What every phone of one poll needs, as the database held it at one moment."""

    session_id: int
    ended: bool
    question_id: int | None = None
    item_id: str | None = None
    number: int = 0  # 1 for the poll's first question
    revealed: bool = False
    players: int = 0
    answers: Mapping[int, float] = field(default_factory=dict)  # player id -> score, this question
    points: Mapping[int, float] = field(default_factory=dict)  # player id -> points, whole poll
    closes_at: datetime | None = None  # when answering closes (a question with a countdown)
    seconds: int | None = None
    speed_bonus: bool = False

    @property
    def version(self) -> str:
        """Changes exactly when what the phones show changes: a question, a reveal, the end."""
        return f"{self.question_id or 0}.{int(self.revealed)}.{int(self.ended)}"

    def rank(self, player_id: int) -> int:
        """1 for the most points; players level on points share a rank."""
        mine = self.points.get(player_id, 0.0)
        return 1 + sum(points > mine for points in self.points.values())


def closes_in(snapshot: PollSnapshot, at: datetime | None = None) -> float | None:
    """Seconds left to answer (0 once the countdown is over); None without a countdown."""
    if snapshot.closes_at is None:
        return None
    left = (snapshot.closes_at - (at or datetime.now(UTC))).total_seconds()
    return round(max(0.0, left), 1)


def phone_state(
    snapshot: PollSnapshot,
    player_id: int,
    items: Mapping[str, Item],
    lang: str = "zh",
    at: datetime | None = None,
) -> dict[str, Any]:
    """One phone's view of the poll (JSON-ready): waiting, a question, answered, revealed, ended."""
    state: dict[str, Any] = {"v": snapshot.version, "players": snapshot.players}
    if snapshot.ended:
        return state | {"status": "ended", **_standing(snapshot, player_id)}
    item = items.get(snapshot.item_id or "")
    if snapshot.question_id is None or item is None:
        return state | {"status": "waiting"}
    question = phone_question(item, snapshot.question_id, snapshot.number, lang)
    question |= {"closes_in": closes_in(snapshot, at), "seconds": snapshot.seconds,
                 "speed_bonus": snapshot.speed_bonus}  # fmt: skip
    mine = snapshot.answers.get(player_id)
    if not snapshot.revealed:
        status = "question" if mine is None else "answered"
        return state | {"status": status, "question": question}
    result = {
        "answered": mine is not None,
        "score": mine or 0.0,
        "right": mine is not None and mine >= 1,
        "answer": answer_in_letters(item, lang),
        "explanation": item.explanation,
    }
    return state | {"status": "revealed", "question": question, "result": result,
                    **_standing(snapshot, player_id)}  # fmt: skip


def _standing(snapshot: PollSnapshot, player_id: int) -> dict[str, Any]:
    return {"points": snapshot.points.get(player_id, 0.0), "rank": snapshot.rank(player_id)}
