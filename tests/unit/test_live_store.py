"""The live-poll protocol on SQLite and PostgreSQL: join, push, answer once, reveal, end."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from courseware.live import store as store_module
from courseware.live.snapshot import PollSnapshot
from courseware.live.store import (
    CODE_ALPHABET,
    CODE_LENGTH,
    LivePlayerRow,
    LiveQuestionRow,
    LiveStore,
    Player,
)
from courseware.storage.store import Store, StoreUnavailable, now


@pytest.fixture
def live(store: Store) -> LiveStore:
    return LiveStore(store)


def test_join_codes_are_long_and_unambiguous(live: LiveStore):
    codes = {live.start_session().code for _ in range(20)}
    assert len(codes) == 20 and len(CODE_ALPHABET) >= 30
    assert all(len(c) == CODE_LENGTH and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert not set("0O1IL") & set(CODE_ALPHABET)


def test_joining_checks_the_code_and_the_nickname(live: LiveStore):
    session = live.start_session()
    player = live.join(f" {session.code.lower()} ", "  小王  ")
    assert isinstance(player, Player) and player.nickname == "小王"
    assert live.player(player.token) == player
    assert live.join("ZZZZZZ", "小李") == "unknown_code"
    assert live.join(session.code, "   ") == "nickname_empty"
    assert live.join(session.code, "长" * 500) == "nickname_long"
    assert live.join(session.code, "小王") == "nickname_taken"
    html = live.join(session.code, "<script>x</script>")
    assert isinstance(html, Player) and html.nickname == "<script>x</script>"  # kept as text
    live.end_session(session.id)
    assert live.join(session.code, "迟到") == "ended"


def test_one_answer_per_question_then_reveal_and_leaderboard(live: LiveStore):
    session = live.start_session()
    a, b = live.join(session.code, "甲"), live.join(session.code, "乙")
    question = live.push(session.id, "smart-specific-1")
    assert live.current(session.id) == question and question.number == 1
    assert live.answer(question.id, a, "b", 1.0) == "stored"
    assert live.answer(question.id, a, "c", 0.0) == "duplicate"
    assert live.answer(question.id, b, "c", 0.0) == "stored"
    assert live.tally(question.id).answers == 2
    assert live.tally(question.id).by_response == {"b": 1, "c": 1}
    live.reveal(question.id)
    assert live.current(session.id).revealed
    late = live.join(session.code, "丙")
    assert live.answer(question.id, late, "b", 1.0) == "revealed"
    assert live.my_answer(question.id, a.id) == ("b", 1.0)
    assert live.leaderboard(session.id) == [("甲", 1.0), ("丙", 0.0), ("乙", 0.0)]
    second = live.push(session.id, "pdca-true-1")
    assert second.number == 2
    live.end_session(session.id)
    assert live.answer(second.id, a, True, 1.0) == "ended"
    assert live.leaderboard(session.id)[0] == ("甲", 1.0)  # ending keeps every result


def test_pushing_the_next_question_closes_the_one_before(live: LiveStore):
    session = live.start_session()
    player = live.join(session.code, "甲")
    first = live.push(session.id, "smart-specific-1")
    second = live.push(session.id, "pdca-true-1")
    assert live.answer(first.id, player, "b", 1.0) == "superseded"
    assert live.tally(first.id).answers == 0
    assert live.answer(second.id, player, True, 1.0) == "stored"


def test_two_hundred_answers_from_concurrent_threads(live: LiveStore):
    session = live.start_session()
    players = [live.join(session.code, f"学员{n:03d}") for n in range(200)]
    question = live.push(session.id, "smart-specific-1")
    outcomes: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def answer(player: Player) -> None:
        try:
            outcome = live.answer(question.id, player, "b", 1.0)
            with lock:
                outcomes.append(outcome)
        except BaseException as exc:
            with lock:
                errors.append(exc)

    threads = [threading.Thread(target=answer, args=(p,)) for p in players]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert outcomes.count("stored") == 200
    assert live.tally(question.id).answers == 200
    assert live.answer(question.id, players[0], "b", 1.0) == "duplicate"


def test_a_snapshot_holds_what_every_phone_is_shown(live: LiveStore):
    session = live.start_session()
    assert live.snapshot(session.id) == PollSnapshot(session.id, False)
    a, b = live.join(session.code, "甲"), live.join(session.code, "乙")
    first = live.push(session.id, "smart-specific-1")
    live.answer(first.id, a, "b", 1.0)
    live.reveal(first.id)
    second = live.push(session.id, "pdca-do-1")
    live.answer(second.id, b, True, 0.5)
    open_one = live.snapshot(session.id)
    assert (open_one.question_id, open_one.item_id, open_one.number) == (second.id, "pdca-do-1", 2)
    assert not open_one.revealed and open_one.players == 2
    assert open_one.answers == {b.id: 0.5} and open_one.points == {}  # points come at a reveal
    live.reveal(second.id)
    revealed = live.snapshot(session.id)
    assert revealed.points == {a.id: 1.0, b.id: 0.5} and revealed.version != open_one.version
    assert (revealed.rank(a.id), revealed.rank(b.id)) == (1, 2)
    live.end_session(session.id)
    assert live.snapshot(session.id).ended and live.snapshot(10_000) is None


def test_an_answer_waits_out_a_busy_database(live: LiveStore, monkeypatch: pytest.MonkeyPatch):
    """Two failed tries (a locked SQLite, a dropped connection) and the third stores it."""
    session = live.start_session()
    player, other = live.join(session.code, "甲"), live.join(session.code, "乙")
    question = live.push(session.id, "smart-specific-1")
    monkeypatch.setattr(store_module, "ANSWER_RETRIES", (0.01, 0.01))
    failures = iter([True, True])

    def busy(*_args) -> None:
        if next(failures, False):
            raise OperationalError("INSERT", {}, Exception("database is locked"))

    event.listen(live.store.engine, "before_cursor_execute", busy)
    try:
        assert live.answer(question.id, player, "b", 1.0) == "stored"
        failures = iter([True, True, True])
        with pytest.raises(StoreUnavailable):  # still busy after every try: the caller is told
            live.answer(question.id, other, "b", 1.0)
    finally:
        event.remove(live.store.engine, "before_cursor_execute", busy)
    assert live.tally(question.id).answers == 1


def test_a_countdown_closes_answering_and_the_bonus_counts_in_the_ranking(live: LiveStore):
    session = live.start_session()
    quick, slow, late = (live.join(session.code, name) for name in ("快", "慢", "迟"))
    question = live.push(session.id, "smart-specific-1", seconds=20, speed_bonus=True)
    snapshot = live.snapshot(session.id)
    assert snapshot.seconds == 20 and snapshot.speed_bonus and snapshot.closes_at is not None
    assert live.answer(question.id, quick, "b", 1.0, points=0.9) == "stored"
    assert live.answer(question.id, slow, "b", 1.0, points=0.6) == "stored"
    with live.store.transaction() as db:  # the countdown runs out (no test waits for it)
        db.get(LiveQuestionRow, question.id).closes_at = now() - timedelta(seconds=5)
    assert live.answer(question.id, late, "b", 1.0, points=1.0) == "closed"
    live.reveal(question.id)
    assert live.leaderboard(session.id) == [("快", 0.9), ("慢", 0.6), ("迟", 0.0)]
    assert live.snapshot(session.id).points == {quick.id: 0.9, slow.id: 0.6}


def test_players_whose_phone_went_away_are_not_counted(live: LiveStore):
    session = live.start_session()
    here, gone = live.join(session.code, "在"), live.join(session.code, "走")
    with live.store.transaction() as db:
        for player in (here, gone):
            db.get(LivePlayerRow, player.id).joined_at = now() - timedelta(minutes=10)
    live.mark_seen([here.id])
    assert live.players(session.id) == 1 and live.snapshot(session.id).players == 1


def test_a_database_made_before_timers_gains_their_columns_and_keeps_its_rows(tmp_path):
    from sqlalchemy import create_engine, text

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    old = create_engine(url)
    with old.begin() as db:  # the live tables as the first version made them
        db.execute(text("CREATE TABLE live_sessions (id INTEGER PRIMARY KEY, code VARCHAR(6) "
                        "UNIQUE, started_at DATETIME, ended_at DATETIME)"))  # fmt: skip
        db.execute(text("CREATE TABLE live_questions (id INTEGER PRIMARY KEY, session_id INTEGER,"
                        " item_id VARCHAR(60), opened_at DATETIME, revealed_at DATETIME)"))  # fmt: skip
        db.execute(text("CREATE TABLE live_players (id INTEGER PRIMARY KEY, session_id INTEGER, "
                        "nickname VARCHAR(20), token VARCHAR(43) UNIQUE, joined_at DATETIME)"))  # fmt: skip
        db.execute(text("CREATE TABLE live_answers (id INTEGER PRIMARY KEY, question_id INTEGER, "
                        "player_id INTEGER, response JSON, score FLOAT, answered_at DATETIME, "
                        "UNIQUE (question_id, player_id))"))  # fmt: skip
        db.execute(text("INSERT INTO live_sessions VALUES (1, 'ABCDEF', '2026-11-01 09:00', NULL)"))
        db.execute(text("INSERT INTO live_questions VALUES (1, 1, 'pdca-do-1', '2026-11-01 09:01', "
                        "'2026-11-01 09:02')"))  # fmt: skip
        db.execute(
            text("INSERT INTO live_players VALUES (1, 1, '老学员', 'tok', '2026-11-01 09:00')")
        )
        db.execute(
            text("INSERT INTO live_answers VALUES (1, 1, 1, 'true', 1.0, '2026-11-01 09:01')")
        )
    old.dispose()
    upgraded = LiveStore(Store(url))
    assert upgraded.leaderboard(1) == [("老学员", 1.0)]  # an old answer counts its score
    assert upgraded.snapshot(1).seconds is None
    question = upgraded.push(1, "smart-specific-1", seconds=30)
    assert upgraded.answer(question.id, upgraded.player("tok"), "b", 1.0) == "stored"
