"""Learners, quiz attempts and responses, through SQLAlchemy.

SQLite by default (a file created on first use, in WAL mode); PostgreSQL, or any other URL,
when ``COURSEWARE_DATABASE_URL`` names one. The schema is created and versioned on start.
Every read and write goes through this module; callers get plain frozen records back.

Every wait is bounded (``COURSEWARE_DB_TIMEOUT`` seconds, 5 by default): connecting, a statement,
a connection from the pool, and SQLite's turn to write, which this process hands out first come,
first served. Any database fault comes out as StoreUnavailable, with the kind of fault.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    create_engine,
    event,
    func,
    select,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from courseware.paths import PROJECT_ROOT
from courseware.storage.fair_lock import FairLock

DATABASE_URL_ENV = "COURSEWARE_DATABASE_URL"
SQLITE_PATH_ENV = "COURSEWARE_SQLITE_PATH"
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "var" / "courseware.sqlite3"
SCHEMA_VERSION = 1
MAX_NAME = 40
MAX_CLASS_CODE = 20
TIMEOUT_ENV = "COURSEWARE_DB_TIMEOUT"
POOL_ENV = "COURSEWARE_DB_POOL"
DEFAULT_TIMEOUT = 5.0  # seconds: the longest any page waits for the database
DEFAULT_POOL = 10  # connections kept per process (PostgreSQL), plus twice as many on demand

FaultKind = Literal["unreachable", "read_only", "full", "timeout", "busy", "unusable"]
_FAULT_WORDS: tuple[tuple[FaultKind, tuple[str, ...]], ...] = (
    ("read_only", ("readonly", "read-only", "read only", "permission denied")),
    ("full", ("disk is full", "no space left", "disk full", "could not extend file")),
    ("timeout", ("timeout", "timed out", "canceling statement")),
    ("busy", ("database is locked", "busy", "too many clients")),
    ("unusable", ("cannot create", "newer than this app", "unable to open database file")),
)


class StoreUnavailable(Exception):
    """The database cannot be reached or refused the operation; ``kind`` says which fault."""

    def __init__(self, message: str, kind: FaultKind | None = None) -> None:
        super().__init__(message)
        self.kind: FaultKind = kind or fault_kind(message)


def fault_kind(message: str) -> FaultKind:
    """Which fault a driver's message describes; "unreachable" when it names none of them."""
    text = message.lower()
    for kind, words in _FAULT_WORDS:
        if any(word in text for word in words):
            return kind
    return "unreachable"


def unavailable(exc: BaseException) -> StoreUnavailable:
    """A driver's or the system's error as StoreUnavailable, with its first line."""
    lines = str(exc).strip().splitlines()
    return StoreUnavailable(lines[0] if lines else type(exc).__name__)


class Base(DeclarativeBase):
    """The tables of the course's store."""


class SchemaVersion(Base):
    __tablename__ = "schema_version"

    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    applied_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class LearnerRow(Base):
    __tablename__ = "learners"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(43), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(MAX_NAME))
    class_code: Mapped[str | None] = mapped_column(String(MAX_CLASS_CODE))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    lang: Mapped[str | None] = mapped_column(String(8))  # the language they read the course in


class AttemptRow(Base):
    __tablename__ = "attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id"), index=True)
    scope: Mapped[str] = mapped_column(String(80))
    seed: Mapped[int] = mapped_column(Integer)
    item_ids: Mapped[list[str]] = mapped_column(JSON)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    score: Mapped[float | None] = mapped_column(Float)
    context: Mapped[str | None] = mapped_column(String(40))  # the page's quiz it belongs to
    retry_of: Mapped[int | None] = mapped_column(ForeignKey("attempts.id"))  # the round retried
    abandoned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ResponseRow(Base):
    __tablename__ = "responses"
    __table_args__ = (UniqueConstraint("attempt_id", "item_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id"), index=True)
    item_id: Mapped[str] = mapped_column(String(60), index=True)
    response: Mapped[Any] = mapped_column(JSON)
    score: Mapped[float] = mapped_column(Float)
    answered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


@dataclass(frozen=True)
class Learner:
    id: int
    token: str
    name: str
    class_code: str | None
    lang: str | None = None


@dataclass(frozen=True)
class Attempt:
    id: int
    scope: str
    seed: int
    item_ids: tuple[str, ...]
    started_at: datetime
    finished_at: datetime | None
    score: float | None  # points, one per item


@dataclass(frozen=True)
class SavedRound:
    """A round of a quiz left unfinished, with its answers (item id -> response, score)."""

    id: int
    scope: str
    seed: int
    item_ids: tuple[str, ...]
    responses: dict[str, tuple[Any, float]]


@dataclass(frozen=True)
class Answer:
    attempt_id: int
    item_id: str
    score: float
    answered_at: datetime


@dataclass(frozen=True)
class Result:
    """One stored answer with whose it is: for the instructor's analysis only."""

    learner_id: int
    learner: str
    class_code: str | None
    attempt_id: int
    scope: str
    item_id: str
    score: float
    answered_at: datetime


def database_url() -> str:
    """The configured database: ``COURSEWARE_DATABASE_URL``, else a SQLite file."""
    url = os.environ.get(DATABASE_URL_ENV)
    if url:
        return url
    return f"sqlite:///{Path(os.environ.get(SQLITE_PATH_ENV) or DEFAULT_SQLITE_PATH)}"


def timeout_seconds() -> float:
    """The longest wait for the database (``COURSEWARE_DB_TIMEOUT``, else 5 s)."""
    try:
        return max(0.1, float(os.environ.get(TIMEOUT_ENV) or DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


def pool_size() -> int:
    """Connections each process keeps open to PostgreSQL (``COURSEWARE_DB_POOL``, else 10)."""
    value = os.environ.get(POOL_ENV) or ""
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_POOL


class Store:
    """The course's persistent facts; every method raises StoreUnavailable on database trouble."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.timeout = timeout_seconds()
        is_sqlite = url.startswith("sqlite")
        if is_sqlite:
            _make_folder(url)
        try:
            self.engine = create_engine(url, **_engine_options(url, self.timeout))
        except (SQLAlchemyError, ImportError, ValueError) as exc:  # a URL this app cannot use
            raise StoreUnavailable(f"cannot use {url.split(':')[0]}: {exc}", "unusable") from exc
        if is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas(self.timeout))
        size = pool_size()  # no more callers at once than connections, served in turn:
        self._turn = FairLock(1 if is_sqlite else 3 * size)  # (SQLite writes one at a time)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        try:
            self._migrate()
        except StoreUnavailable:
            self.engine.dispose()
            raise

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One ORM transaction, committed at the end of the block."""
        with self._faults_mapped(), self._sessions.begin() as session:
            yield session

    @contextmanager
    def connection(self) -> Iterator[Any]:
        """One Core connection in a transaction, committed at the end of the block."""
        with self._faults_mapped(), self.engine.begin() as connection:
            yield connection

    @contextmanager
    def _faults_mapped(self) -> Iterator[None]:
        """This process's turn (SQLite), and any database fault as StoreUnavailable."""
        try:
            with self._turn.held(self.timeout):
                yield
        except IntegrityError:
            raise
        except TimeoutError as exc:
            raise StoreUnavailable(str(exc), "busy") from exc
        except (SQLAlchemyError, OSError) as exc:
            raise unavailable(exc) from exc

    def ensure_tables(self, tables: Sequence[Any]) -> None:
        """Create the tables this database lacks, and the columns added since it was made."""
        with self._faults_mapped():
            Base.metadata.create_all(self.engine, tables=list(tables))
            add_missing_columns(self.engine, tables)

    def ping(self, write: bool = False) -> None:
        """One short round trip; with ``write``, one that needs the right to write."""
        with self.transaction() as session:
            if write:
                session.execute(
                    SchemaVersion.__table__.update().values(applied_at=SchemaVersion.applied_at)
                )
            else:
                session.execute(select(1))

    def _migrate(self) -> None:
        """Create the tables and record the schema version (later versions add steps here)."""
        with self._faults_mapped():
            Base.metadata.create_all(self.engine)
            add_missing_columns(self.engine, [LearnerRow.__table__, AttemptRow.__table__])
        with self.transaction() as session:
            current = session.scalar(select(func.max(SchemaVersion.version)))
            if current is None:
                session.add(SchemaVersion(version=SCHEMA_VERSION, applied_at=now()))
            elif current > SCHEMA_VERSION:
                raise StoreUnavailable(f"database schema {current} is newer than this app's")

    def schema_version(self) -> int:
        with self.transaction() as session:
            return int(session.scalar(select(func.max(SchemaVersion.version))) or 0)

    # ---- learners ----------------------------------------------------------------------------
    def create_learner(
        self, name: str, class_code: str | None = None, lang: str | None = None
    ) -> Learner:
        """A new learner with a fresh secret token (their resume link)."""
        name = name.strip()
        code = (class_code or "").strip() or None
        if not name or len(name) > MAX_NAME:
            raise ValueError(f"a name has 1 to {MAX_NAME} characters")
        if code is not None and len(code) > MAX_CLASS_CODE:
            raise ValueError(f"a class code has at most {MAX_CLASS_CODE} characters")
        row = LearnerRow(token=secrets.token_urlsafe(16), name=name, class_code=code,
                         created_at=now(), lang=(lang or None) and lang[:8])  # fmt: skip
        with self.transaction() as session:
            session.add(row)
            session.flush()
            return _learner(row)

    def set_language(self, learner_id: int, lang: str) -> None:
        """The language a learner now reads the course in."""
        with self.transaction() as session:
            row = session.get(LearnerRow, learner_id)
            if row is not None:
                row.lang = lang[:8]

    def learner_by_token(self, token: str) -> Learner | None:
        if not token or len(token) > 43:
            return None
        with self.transaction() as session:
            row = session.scalar(select(LearnerRow).where(LearnerRow.token == token))
            return _learner(row) if row else None

    # ---- attempts ----------------------------------------------------------------------------
    def start_attempt(
        self,
        learner_id: int,
        scope: str,
        seed: int,
        item_ids: Sequence[str],
        *,
        context: str | None = None,
        retry_of: int | None = None,
    ) -> int:
        """Open a round of a quiz; ``context`` names the page's quiz, ``retry_of`` the round
        whose missed items this one asks again."""
        row = AttemptRow(
            learner_id=learner_id,
            scope=scope[:80],
            seed=seed,
            item_ids=list(item_ids),
            started_at=now(),
            context=context[:40] if context else None,
            retry_of=retry_of,
        )
        with self.transaction() as session:
            session.add(row)
            session.flush()
            return row.id

    def record_response(self, attempt_id: int, item_id: str, response: Any, score: float) -> bool:
        """Store one answer; False (and nothing stored) if the item was already answered."""
        row = ResponseRow(
            attempt_id=attempt_id,
            item_id=item_id,
            response=response,
            score=float(score),
            answered_at=now(),
        )
        try:
            with self.transaction() as session:
                session.add(row)
        except IntegrityError:
            return False
        return True

    def finish_attempt(self, attempt_id: int) -> float:
        """Close an attempt; its score is the sum of its answers' points."""
        with self.transaction() as session:
            total = session.scalar(
                select(func.coalesce(func.sum(ResponseRow.score), 0.0)).where(
                    ResponseRow.attempt_id == attempt_id
                )
            )
            attempt = session.get(AttemptRow, attempt_id)
            if attempt is not None and attempt.finished_at is None:
                attempt.finished_at = now()
                attempt.score = float(total or 0.0)
            return float(total or 0.0)

    def abandon_attempt(self, attempt_id: int) -> None:
        """The learner gave the round up: it is kept, but never offered to resume."""
        with self.transaction() as session:
            attempt = session.get(AttemptRow, attempt_id)
            if attempt is not None and attempt.finished_at is None:
                attempt.abandoned_at = now()

    def open_rounds(self, learner_id: int, context: str) -> list[SavedRound]:
        """The learner's latest unfinished round of a page's quiz, after the rounds it retries
        (first round first); empty when there is none to resume."""
        with self.transaction() as session:
            row = session.scalar(
                select(AttemptRow)
                .where(AttemptRow.learner_id == learner_id, AttemptRow.context == context[:40],
                       AttemptRow.finished_at.is_(None), AttemptRow.abandoned_at.is_(None))
                .order_by(AttemptRow.started_at.desc(), AttemptRow.id.desc())
                .limit(1)
            )  # fmt: skip
            chain: list[SavedRound] = []
            while row is not None and row.learner_id == learner_id and len(chain) < 50:
                responses = session.execute(
                    select(ResponseRow.item_id, ResponseRow.response, ResponseRow.score).where(
                        ResponseRow.attempt_id == row.id
                    )
                )
                answered = {item: (sent, score) for item, sent, score in responses}
                chain.append(SavedRound(row.id, row.scope, row.seed, tuple(row.item_ids), answered))
                row = session.get(AttemptRow, row.retry_of) if row.retry_of else None
            return chain[::-1]

    def attempts(self, learner_id: int) -> list[Attempt]:
        """A learner's attempts, oldest first."""
        with self.transaction() as session:
            rows = session.scalars(
                select(AttemptRow)
                .where(AttemptRow.learner_id == learner_id)
                .order_by(AttemptRow.started_at, AttemptRow.id)
            )
            return [_attempt(row) for row in rows]

    def answers(self, learner_id: int) -> list[Answer]:
        """Every answer a learner has given, oldest first."""
        with self.transaction() as session:
            rows = session.execute(
                select(ResponseRow.attempt_id, ResponseRow.item_id, ResponseRow.score,
                       ResponseRow.answered_at)
                .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
                .where(AttemptRow.learner_id == learner_id)
                .order_by(ResponseRow.answered_at, ResponseRow.id)
            )  # fmt: skip
            return [Answer(*row) for row in rows]

    def results(self) -> list[Result]:
        """Every answer of every learner, oldest first (the instructor dashboard's data)."""
        with self.transaction() as session:
            rows = session.execute(
                select(LearnerRow.id, LearnerRow.name, LearnerRow.class_code, AttemptRow.id,
                       AttemptRow.scope, ResponseRow.item_id, ResponseRow.score,
                       ResponseRow.answered_at)
                .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
                .join(LearnerRow, LearnerRow.id == AttemptRow.learner_id)
                .order_by(ResponseRow.answered_at, ResponseRow.id)
            )  # fmt: skip
            return [Result(*row) for row in rows]

    # ---- spaced review (courseware.storage.reviews) -------------------------------------------
    def record_review(
        self, learner_id: int, item_id: str, rating: int, now: datetime, source: str = "quiz"
    ) -> datetime:
        """Review a learner's card of an item with ``rating`` (1 to 4); when it is due next."""
        return _reviews.record_review(self, learner_id, item_id, lambda _: rating, now, source)

    def review_answer(
        self,
        learner_id: int,
        item_id: str,
        score: float,
        seconds: float | None,
        now: datetime,
        source: str = "quiz",
    ) -> datetime:
        """Review a card by an answer: rated by its score and speed (``spacing.rating_for``)."""
        rate = _reviews.rating_of(score, seconds)
        return _reviews.record_review(self, learner_id, item_id, rate, now, source)

    def review_cards(self, learner_id: int) -> list[tuple[str, str]]:
        """A learner's review cards: (item id, card JSON)."""
        return _reviews.review_cards(self, learner_id)

    def review_logs(self, learner_id: int) -> list[tuple[str, int, datetime]]:
        """A learner's reviews: (item id, rating, when), in the order they were stored."""
        return _reviews.review_logs(self, learner_id)

    def class_review_cards(self) -> list[tuple[int, str, str]]:
        """Every learner's review cards: (learner id, item id, card JSON)."""
        return _reviews.class_review_cards(self)

    def close(self) -> None:
        self.engine.dispose()


def add_missing_columns(engine: Any, tables: Sequence[Any]) -> list[str]:
    """Add the nullable columns that a database made by an earlier version lacks.

    ``create_all`` makes missing tables but never changes an existing one; each later column of
    the course's tables is nullable, so adding it keeps every row as it was. Another process may
    add the same column at the same moment: that counts as added. Returns what this call added,
    as ``table.column``.
    """
    from sqlalchemy import inspect, text

    def columns_of(name: str) -> set[str] | None:
        with engine.connect() as connection:
            present = inspect(connection)
            if not present.has_table(name):
                return None
            return {column["name"] for column in present.get_columns(name)}

    added = []
    for table in tables:
        have = columns_of(table.name)
        if have is None:
            continue
        for column in table.columns:
            if column.name in have or not column.nullable:
                continue
            kind = column.type.compile(dialect=engine.dialect)
            try:
                with engine.begin() as connection:
                    connection.execute(
                        text(f"ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}")
                    )
            except SQLAlchemyError:
                if column.name not in (columns_of(table.name) or set()):
                    raise
                continue
            added.append(f"{table.name}.{column.name}")
    return added


def _engine_options(url: str, timeout: float) -> dict[str, Any]:
    """Bounded waits: for a pooled connection, and on PostgreSQL to connect and per statement."""
    options: dict[str, Any] = {"pool_pre_ping": True, "pool_timeout": timeout}
    if url.startswith("sqlite"):
        return options
    size = pool_size()
    options |= {"pool_size": size, "max_overflow": 2 * size}
    if url.startswith("postgresql"):
        milliseconds = int(timeout * 1000)
        options["connect_args"] = {
            "connect_timeout": max(1, round(timeout)),
            "options": f"-c statement_timeout={milliseconds} -c lock_timeout={milliseconds}",
        }
    return options


def _make_folder(url: str) -> None:
    """The SQLite file's folder, made on first use; StoreUnavailable if it cannot be."""
    path = Path(url.removeprefix("sqlite:///").removeprefix("file:").split("?")[0])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnavailable(
            f"cannot create the folder {path.parent}: {exc}", "unusable"
        ) from exc


def _sqlite_pragmas(timeout: float) -> Any:
    def pragmas(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; far fewer fsyncs per answer
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")  # other processes' writes
        cursor.close()

    return pragmas


def now() -> datetime:
    return datetime.now(UTC)


def _learner(row: LearnerRow) -> Learner:
    return Learner(row.id, row.token, row.name, row.class_code, row.lang)


def _attempt(row: AttemptRow) -> Attempt:
    return Attempt(
        row.id,
        row.scope,
        row.seed,
        tuple(row.item_ids),
        row.started_at,
        row.finished_at,
        row.score,
    )


from courseware.storage import reviews as _reviews  # noqa: E402  (its tables join Base)
