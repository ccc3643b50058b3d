"""Live polls in class: sessions with a join code, players, pushed questions and answers.

All live state is in the database (through the same engine as ``store.py``), never in one
process's memory, so several app processes sharing one PostgreSQL serve one class.
"""

from __future__ import annotations

import secrets
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    bindparam,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, aliased, mapped_column

from courseware.live.snapshot import PollSnapshot
from courseware.storage.store import Base, Store, StoreUnavailable, now

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # 31 characters, no 0/O, 1/I/L look-alikes
CODE_LENGTH = 6
MAX_NICKNAME = 20
OPEN_FOR = timedelta(hours=12)  # a poll older than this is not offered for resuming

JoinProblem = Literal["unknown_code", "ended", "nickname_empty", "nickname_long", "nickname_taken"]
AnswerOutcome = Literal[
    "stored", "duplicate", "revealed", "closed", "superseded", "ended", "unknown"
]
ANSWER_RETRIES = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6)  # seconds between tries of a busy database


class LiveSessionRow(Base):
    __tablename__ = "live_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE_LENGTH), unique=True, index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LiveQuestionRow(Base):
    __tablename__ = "live_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("live_sessions.id"), index=True)
    item_id: Mapped[str] = mapped_column(String(60))
    opened_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revealed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    seconds: Mapped[int | None] = mapped_column(Integer)  # the countdown, if any
    closes_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    speed_bonus: Mapped[bool | None] = mapped_column(Boolean)


class LivePlayerRow(Base):
    __tablename__ = "live_players"
    __table_args__ = (UniqueConstraint("session_id", "nickname"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("live_sessions.id"), index=True)
    nickname: Mapped[str] = mapped_column(String(MAX_NICKNAME))
    token: Mapped[str] = mapped_column(String(43), unique=True, index=True)
    joined_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    seen_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # last asked
    learner_id: Mapped[int | None] = mapped_column(ForeignKey("learners.id"))  # who saves progress


class LiveAnswerRow(Base):
    __tablename__ = "live_answers"
    __table_args__ = (UniqueConstraint("question_id", "player_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("live_questions.id"), index=True)
    player_id: Mapped[int] = mapped_column(ForeignKey("live_players.id"), index=True)
    response: Mapped[Any] = mapped_column(JSON)
    score: Mapped[float] = mapped_column(Float)
    answered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    points: Mapped[float | None] = mapped_column(Float)  # the score, with any speed bonus


LIVE_TABLES = [t.__table__ for t in (LiveSessionRow, LiveQuestionRow, LivePlayerRow, LiveAnswerRow)]
SEEN_FOR = timedelta(seconds=60)  # a player no phone has asked for in this long is not counted
ANSWER_GRACE = timedelta(seconds=1.5)  # a tap just before zero may arrive just after it


@dataclass(frozen=True)
class LiveSession:
    id: int
    code: str
    ended: bool


@dataclass(frozen=True)
class Player:
    id: int
    session_id: int
    nickname: str
    token: str
    learner_id: int | None = None  # a trainee who saves progress: their answers are reviews


@dataclass(frozen=True)
class LiveQuestion:
    id: int
    session_id: int
    item_id: str
    number: int  # 1 for the session's first question
    revealed: bool


@dataclass(frozen=True)
class Tally:
    answers: int
    by_response: dict[str, int]  # the response as text -> how many gave it


_LATER = aliased(LiveQuestionRow)
_ANSWER_IF_OPEN = (
    insert(LiveAnswerRow)
    .from_select(
        ["question_id", "player_id", "response", "score", "points", "answered_at"],
        select(
            bindparam("question"),
            bindparam("player"),
            bindparam("response", type_=JSON),
            bindparam("score"),
            bindparam("points"),
            bindparam("at", type_=DateTime(timezone=True)),
        ).where(
            LiveQuestionRow.id == bindparam("question"),
            LiveQuestionRow.session_id == bindparam("session"),
            LiveQuestionRow.revealed_at.is_(None),
            or_(
                LiveQuestionRow.closes_at.is_(None),
                LiveQuestionRow.closes_at > bindparam("late", type_=DateTime(timezone=True)),
            ),
            LiveSessionRow.id == LiveQuestionRow.session_id,
            LiveSessionRow.ended_at.is_(None),
            ~exists().where(  # pushing the next question closes this one
                _LATER.session_id == LiveQuestionRow.session_id, _LATER.id > LiveQuestionRow.id
            ),
        ),
    )
    .returning(LiveAnswerRow.id)
)  # fmt: skip  (a row back means an answer was stored)


_POINTS = func.coalesce(LiveAnswerRow.points, LiveAnswerRow.score)  # rows before points: score


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(code: str) -> str:
    return "".join(code.split()).upper()


class LiveStore:
    """The live-poll protocol on top of the course store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        store.ensure_tables(LIVE_TABLES)  # the live tables and columns this database lacks

    def start_session(self) -> LiveSession:
        for _ in range(10):  # a clash among 31**6 codes is rare; try again if it happens
            try:
                with self.store.transaction() as session:
                    row = LiveSessionRow(code=new_code(), started_at=now())
                    session.add(row)
                    session.flush()
                    return LiveSession(row.id, row.code, False)
            except IntegrityError:
                continue
        raise RuntimeError("no free join code")

    def find_session(self, code: str) -> LiveSession | None:
        with self.store.transaction() as session:
            row = session.scalar(
                select(LiveSessionRow).where(LiveSessionRow.code == normalise_code(code))
            )
            return LiveSession(row.id, row.code, row.ended_at is not None) if row else None

    def open_sessions(self, within: timedelta = OPEN_FOR) -> list[LiveSession]:
        """Unended polls started within ``within``, newest first: an instructor resumes one."""
        with self.store.transaction() as session:
            rows = session.scalars(
                select(LiveSessionRow)
                .where(
                    LiveSessionRow.ended_at.is_(None), LiveSessionRow.started_at >= now() - within
                )
                .order_by(LiveSessionRow.id.desc())
            ).all()
            return [LiveSession(row.id, row.code, False) for row in rows]

    def end_session(self, session_id: int) -> None:
        with self.store.transaction() as session:
            row = session.get(LiveSessionRow, session_id)
            if row is not None and row.ended_at is None:
                row.ended_at = now()

    def join(self, code: str, nickname: str, learner_id: int | None = None) -> Player | JoinProblem:
        """A new player in the session with ``code``, or why they cannot join; ``learner_id``
        links them to the learner whose browser they joined from."""
        nickname = " ".join(nickname.split())
        if not nickname:
            return "nickname_empty"
        if len(nickname) > MAX_NICKNAME:
            return "nickname_long"
        found = self.find_session(code)
        if found is None:
            return "unknown_code"
        if found.ended:
            return "ended"
        row = LivePlayerRow(
            session_id=found.id, nickname=nickname, token=secrets.token_urlsafe(16),
            joined_at=now(), learner_id=learner_id,
        )  # fmt: skip
        try:
            with self.store.transaction() as session:
                session.add(row)
                session.flush()
                return _player(row)
        except IntegrityError:
            return "nickname_taken"

    def player(self, token: str) -> Player | None:
        if not token or len(token) > 43:
            return None
        with self.store.transaction() as session:
            row = session.scalar(select(LivePlayerRow).where(LivePlayerRow.token == token))
            return _player(row) if row else None

    def push(
        self, session_id: int, item_id: str, seconds: int | None = None, speed_bonus: bool = False
    ) -> LiveQuestion:
        """Open a question; with ``seconds``, answering closes when the countdown reaches zero."""
        opened = now()
        closes = opened + timedelta(seconds=seconds) if seconds else None
        with self.store.transaction() as session:
            row = LiveQuestionRow(
                session_id=session_id, item_id=item_id, opened_at=opened, seconds=seconds or None,
                closes_at=closes, speed_bonus=bool(seconds and speed_bonus),
            )  # fmt: skip
            session.add(row)
            session.flush()
            number = session.scalar(
                select(func.count()).where(LiveQuestionRow.session_id == session_id)
            )
            return LiveQuestion(row.id, session_id, item_id, int(number or 1), False)

    def current(self, session_id: int) -> LiveQuestion | None:
        """The question most recently pushed in a session."""
        with self.store.transaction() as session:
            rows = session.scalars(
                select(LiveQuestionRow)
                .where(LiveQuestionRow.session_id == session_id)
                .order_by(LiveQuestionRow.id)
            ).all()
            if not rows:
                return None
            last = rows[-1]
            return LiveQuestion(
                last.id, session_id, last.item_id, len(rows), last.revealed_at is not None
            )

    def opened_at(self, question_id: int) -> datetime | None:
        """When a question was pushed."""
        with self.store.transaction() as session:
            row = session.get(LiveQuestionRow, question_id)
            return row.opened_at if row is not None else None

    def item_of(self, question_id: int) -> str | None:
        """The item a question asked (None: no such question)."""
        with self.store.transaction() as session:
            row = session.get(LiveQuestionRow, question_id)
            return row.item_id if row is not None else None

    def reveal(self, question_id: int) -> None:
        with self.store.transaction() as session:
            row = session.get(LiveQuestionRow, question_id)
            if row is not None and row.revealed_at is None:
                row.revealed_at = now()

    def answer(
        self,
        question_id: int,
        player: Player,
        response: Any,
        score: float,
        points: float | None = None,
    ) -> AnswerOutcome:
        """Store a player's one answer to an open question; say why not otherwise.

        One INSERT … SELECT that only matches an open question of an unended session: the
        common case is a single statement; the reason for a refusal is looked up afterwards.
        A busy or briefly unreachable database is tried again (``ANSWER_RETRIES``) before
        StoreUnavailable is raised, so that no answer is lost to a moment of contention.
        """
        at = now()
        params = {
            "question": question_id, "player": player.id, "session": player.session_id,
            "response": response, "score": float(score), "at": at, "late": at - ANSWER_GRACE,
            "points": float(score if points is None else points),
        }  # fmt: skip
        for pause in (*ANSWER_RETRIES, None):
            try:
                with self.store.connection() as connection:
                    inserted = connection.execute(_ANSWER_IF_OPEN, params).first() is not None
                break
            except IntegrityError:
                return "duplicate"
            except StoreUnavailable:
                if pause is None:
                    raise
                time.sleep(pause)
        return "stored" if inserted else self._refusal(question_id, player)

    def snapshot(self, session_id: int) -> PollSnapshot | None:
        """Everything the phones of one poll are shown, in one short read (None: no such poll)."""
        with self.store.transaction() as session:
            live = session.get(LiveSessionRow, session_id)
            if live is None:
                return None
            last = session.execute(
                select(
                    LiveQuestionRow.id,
                    LiveQuestionRow.item_id,
                    LiveQuestionRow.revealed_at,
                    LiveQuestionRow.closes_at,
                    LiveQuestionRow.seconds,
                    LiveQuestionRow.speed_bonus,
                )
                .where(LiveQuestionRow.session_id == session_id)
                .order_by(LiveQuestionRow.id.desc())
                .limit(1)
            ).first()
            players = session.scalar(_connected(session_id))
            ended = live.ended_at is not None
            if last is None:
                return PollSnapshot(session_id, ended, players=int(players or 0))
            number = session.scalar(
                select(func.count()).where(LiveQuestionRow.session_id == session_id)
            )
            answers = dict(
                session.execute(
                    select(LiveAnswerRow.player_id, LiveAnswerRow.score).where(
                        LiveAnswerRow.question_id == last.id
                    )
                ).all()
            )
            revealed = last.revealed_at is not None
            points = self._points(session, session_id) if revealed or ended else {}
            return PollSnapshot(
                session_id, ended, last.id, last.item_id, int(number or 1), revealed,
                int(players or 0), answers, points, _utc(last.closes_at), last.seconds,
                bool(last.speed_bonus),
            )  # fmt: skip

    @staticmethod
    def _points(session: Any, session_id: int) -> dict[int, float]:
        rows = session.execute(
            select(LiveAnswerRow.player_id, func.sum(_POINTS))
            .join(LiveQuestionRow, LiveQuestionRow.id == LiveAnswerRow.question_id)
            .where(LiveQuestionRow.session_id == session_id)
            .group_by(LiveAnswerRow.player_id)
        ).all()
        return {player_id: float(total) for player_id, total in rows}

    def _refusal(self, question_id: int, player: Player) -> AnswerOutcome:
        with self.store.transaction() as session:
            question = session.get(LiveQuestionRow, question_id)
            if question is None or question.session_id != player.session_id:
                return "unknown"
            live = session.get(LiveSessionRow, question.session_id)
            if live is None or live.ended_at is not None:
                return "ended"
            later = session.scalar(
                select(func.count()).where(
                    LiveQuestionRow.session_id == question.session_id,
                    LiveQuestionRow.id > question.id,
                )
            )
            if later:
                return "superseded"  # the instructor has pushed the next question since
            return "revealed" if question.revealed_at is not None else "closed"

    def my_answer(self, question_id: int, player_id: int) -> tuple[Any, float] | None:
        with self.store.transaction() as session:
            row = session.scalar(
                select(LiveAnswerRow).where(
                    LiveAnswerRow.question_id == question_id, LiveAnswerRow.player_id == player_id
                )
            )
            return (row.response, row.score) if row else None

    def responses(self, question_id: int) -> list[Any]:
        """Every stored response to a question, as the phones sent them."""
        with self.store.transaction() as session:
            return list(
                session.scalars(
                    select(LiveAnswerRow.response).where(LiveAnswerRow.question_id == question_id)
                ).all()
            )

    def tally(self, question_id: int) -> Tally:
        responses = self.responses(question_id)
        counts = Counter(as_text(r) for r in responses)
        return Tally(len(responses), dict(counts))

    def leaderboard(self, session_id: int) -> list[tuple[str, float]]:
        """Nicknames and points, best first (players with no answer yet score 0)."""
        with self.store.transaction() as session:
            rows = session.execute(
                select(LivePlayerRow.nickname, func.coalesce(func.sum(_POINTS), 0.0))
                .outerjoin(LiveAnswerRow, LiveAnswerRow.player_id == LivePlayerRow.id)
                .where(LivePlayerRow.session_id == session_id)
                .group_by(LivePlayerRow.id, LivePlayerRow.nickname)
            ).all()
        return sorted(((name, float(points)) for name, points in rows), key=lambda r: (-r[1], r[0]))

    def results(self) -> list[tuple[int, str, str, str, float]]:
        """Every live answer: (player id, nickname, join code, item id, score), oldest first."""
        with self.store.transaction() as session:
            rows = session.execute(
                select(LivePlayerRow.id, LivePlayerRow.nickname, LiveSessionRow.code,
                       LiveQuestionRow.item_id, LiveAnswerRow.score)
                .join(LivePlayerRow, LivePlayerRow.id == LiveAnswerRow.player_id)
                .join(LiveQuestionRow, LiveQuestionRow.id == LiveAnswerRow.question_id)
                .join(LiveSessionRow, LiveSessionRow.id == LiveQuestionRow.session_id)
                .order_by(LiveAnswerRow.answered_at, LiveAnswerRow.id)
            ).all()  # fmt: skip
        return [tuple(row) for row in rows]

    def players(self, session_id: int) -> int:
        """Players whose phone asked about the poll lately (or who just joined)."""
        with self.store.transaction() as session:
            return int(session.scalar(_connected(session_id)) or 0)

    def mark_seen(self, player_ids: Iterable[int]) -> None:
        """Record that these players' phones are still following the poll."""
        ids = sorted(set(player_ids))
        if ids:
            with self.store.transaction() as session:
                session.execute(
                    update(LivePlayerRow).where(LivePlayerRow.id.in_(ids)).values(seen_at=now())
                )


def _player(row: LivePlayerRow) -> Player:
    return Player(row.id, row.session_id, row.nickname, row.token, row.learner_id)


def _connected(session_id: int) -> Any:
    recent = now() - SEEN_FOR
    return select(func.count()).where(
        LivePlayerRow.session_id == session_id,
        or_(LivePlayerRow.seen_at > recent, LivePlayerRow.joined_at > recent),
    )


def _utc(moment: datetime | None) -> datetime | None:
    """SQLite gives back naive times (stored as UTC); PostgreSQL gives aware ones."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def as_text(response: Any) -> str:
    """A response in a short line: a list as a sequence, a mapping as pairs."""
    if isinstance(response, list):
        return " → ".join(map(str, response))
    if isinstance(response, dict):
        return "；".join(f"{k}→{v}" for k, v in sorted(response.items()))
    return str(response)
