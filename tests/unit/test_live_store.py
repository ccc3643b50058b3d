"""The live-poll protocol on SQLite and PostgreSQL: join, push, answer once, reveal, end."""

from __future__ import annotations

import threading

import pytest

from courseware.live.store import CODE_ALPHABET, CODE_LENGTH, LiveStore, Player
from courseware.store import Store


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
