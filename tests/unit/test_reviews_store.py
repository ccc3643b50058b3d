"""Spaced review in the store, on SQLite and PostgreSQL: cards and logs, two tabs at once, a
database made before reviews, and the answers (quiz and live poll) that become reviews."""

from __future__ import annotations

import contextlib
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Card
from sqlalchemy import Column, Integer, MetaData, Table, UniqueConstraint, inspect, text
from sqlalchemy.schema import CreateTable
from starlette.applications import Starlette
from starlette.testclient import TestClient

from courseware.assessment.spacing import Rating, card_view, due_queue
from courseware.content.banks import items_by_id
from courseware.learner_routes import COOKIE
from courseware.live.board import PollBoard
from courseware.live.routes import LiveRoutes, lifespan_for
from courseware.live.store import LivePlayerRow, LiveStore
from courseware.storage import reviews
from courseware.storage.reviews import REVIEW_TABLES
from courseware.storage.store import Store, StoreUnavailable
from tests.app.harness import open_page
from tests.app.test_quiz import next_item, respond, sign_up, start

NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def test_weeks_of_reviews_keep_one_card_and_every_log(store: Store):
    learner = store.create_learner("王芳")
    now, due = NOW, None
    for _ in range(8):
        due = store.record_review(learner.id, "smart-specific-1", Rating.Good, now)
        assert due > now
        now = due + timedelta(hours=1)
    store.record_review(learner.id, "pdca-plan-1", Rating.Again, now)
    cards = store.review_cards(learner.id)
    assert [item_id for item_id, _ in cards] == ["smart-specific-1", "pdca-plan-1"]
    shown = card_view("smart-specific-1", cards[0][1], now)
    assert shown.state == "review" and shown.due == due
    logs = store.review_logs(learner.id)
    assert [rating for _, rating, _ in logs] == [3] * 8 + [1]
    assert logs[0] == ("smart-specific-1", 3, NOW) and logs[-1][2] == now
    assert all(at.tzinfo is not None for _, _, at in logs)


def test_each_learner_sees_only_their_cards_and_the_class_sees_all(store: Store):
    one, two = store.create_learner("甲"), store.create_learner("乙")
    store.record_review(one.id, "a-1", Rating.Good, NOW)
    store.record_review(two.id, "a-1", Rating.Hard, NOW)
    store.record_review(two.id, "b-1", Rating.Again, NOW)
    assert [i for i, _ in store.review_cards(one.id)] == ["a-1"]
    assert [(i, r) for i, r, _ in store.review_logs(two.id)] == [("a-1", 2), ("b-1", 1)]
    assert [(who, i) for who, i, _ in store.class_review_cards()] == [
        (one.id, "a-1"), (two.id, "a-1"), (two.id, "b-1")
    ]  # fmt: skip


def test_an_answer_is_rated_by_score_and_speed_once_its_card_is_in_review(store: Store):
    learner = store.create_learner("李雷")
    now = NOW
    while not store.review_cards(learner.id) or state_of(store, learner.id, now) != "review":
        now = store.review_answer(learner.id, "x-1", 1.0, 5.0, now)  # quick, but learning: Good
    store.review_answer(learner.id, "x-1", 1.0, 5.0, now)  # in review: quick is Easy
    now += timedelta(days=30)
    store.review_answer(learner.id, "x-1", 1.0, 30.0, now)  # slow is Good
    store.review_answer(learner.id, "x-1", 0.5, 5.0, now + timedelta(days=30))
    store.review_answer(learner.id, "x-1", 0.0, None, now + timedelta(days=31), source="live")
    ratings = [rating for _, rating, _ in store.review_logs(learner.id)]
    assert ratings[-4:] == [Rating.Easy, Rating.Good, Rating.Hard, Rating.Again]
    assert set(ratings[:-4]) == {Rating.Good} and len(ratings) < 10


def state_of(store: Store, learner_id: int, now: datetime) -> str:
    (item_id, card), *_ = store.review_cards(learner_id)
    return card_view(item_id, card, now).state


def test_a_review_names_where_it_came_from(store: Store):
    learner = store.create_learner("韩梅梅")
    with pytest.raises(ValueError, match="live"):
        store.record_review(learner.id, "x-1", Rating.Good, NOW, source="phone")
    assert store.review_logs(learner.id) == []


def both_tabs(store: Store, learner_id: int, item_id: str, day: int) -> list[BaseException]:
    """Two tabs review one item at the same moment; what either of them raised."""
    together = threading.Barrier(2)
    failures: list[BaseException] = []

    def review(tab: int) -> None:
        together.wait()
        try:
            at = NOW + timedelta(days=day, minutes=tab)
            store.record_review(learner_id, item_id, Rating.Good, at)
        except BaseException as exc:
            failures.append(exc)

    tabs = [threading.Thread(target=review, args=(tab,)) for tab in range(2)]
    for tab in tabs:
        tab.start()
    for tab in tabs:
        tab.join()
    return failures


def test_two_tabs_reviewing_the_same_item_at_once_are_both_stored_in_order(store: Store):
    learner = store.create_learner("两个标签页")
    items = [f"item-{n}" for n in range(6)]  # each first review races to insert the card
    for item_id in items:
        for day in range(2):
            assert both_tabs(store, learner.id, item_id, day) == []
    logs = store.review_logs(learner.id)
    cards = dict(store.review_cards(learner.id))
    assert sorted(cards) == items
    for item_id in items:
        mine = [at for i, _, at in logs if i == item_id]
        assert len(mine) == 4  # two days of two tabs
        assert Card.from_json(cards[item_id]).last_review == mine[-1]  # the last one stored


@pytest.mark.parametrize("store", ["postgresql"], indirect=True)  # SQLite writes one at a time
def test_two_first_reviews_that_both_found_no_card_are_both_stored(
    store: Store, monkeypatch: pytest.MonkeyPatch
):
    learner = store.create_learner("同时")
    both_read = threading.Barrier(2)
    schedule = reviews.spacing.reviewed

    def after_both_read(card_json: str | None, rating: Rating, now: datetime):
        if card_json is None and not both_read.broken:
            with contextlib.suppress(threading.BrokenBarrierError):
                both_read.wait(timeout=5)  # each tab has looked and found no card
        return schedule(card_json, rating, now)

    monkeypatch.setattr(reviews.spacing, "reviewed", after_both_read)
    assert both_tabs(store, learner.id, "race-1", 0) == []
    assert not both_read.broken  # they did overlap
    logs = store.review_logs(learner.id)
    assert sorted(at for _, _, at in logs) == [NOW, NOW + timedelta(minutes=1)]
    (_item, card), *others = store.review_cards(learner.id)
    assert others == [] and Card.from_json(card).last_review == logs[-1][2]  # the retried one


def players_before_reviews() -> Table:
    """The live players' table as the version before reviews made it."""
    old = MetaData()
    Table("live_sessions", old, Column("id", Integer, primary_key=True))
    kept = [c._copy() for c in LivePlayerRow.__table__.columns if c.name != "learner_id"]
    return Table("live_players", old, *kept, UniqueConstraint("session_id", "nickname"))


def test_a_database_made_before_reviews_gains_them_and_keeps_its_data(store: Store):
    learner = store.create_learner("老学员")
    attempt = store.start_attempt(learner.id, "topic:pdca", 7, ["pdca-plan-1"])
    store.record_response(attempt, "pdca-plan-1", "A", 1.0)
    LiveStore(store)
    with store.engine.begin() as connection:  # as the version before reviews made it
        for table in reversed(REVIEW_TABLES):
            connection.execute(text(f"DROP TABLE {table.name}"))
        if store.url.startswith("sqlite"):  # which drops no column used by a foreign key
            connection.execute(text("DROP TABLE live_players"))
            connection.execute(CreateTable(players_before_reviews()))
        else:
            connection.execute(text("ALTER TABLE live_players DROP COLUMN learner_id"))
    store.close()
    assert not inspect(store.engine).has_table("review_cards")

    reopened = Store(store.url)
    live = LiveStore(reopened)
    try:
        assert reopened.learner_by_token(learner.token) == learner
        assert [a.score for a in reopened.attempts(learner.id)] == [None]
        assert [a.item_id for a in reopened.answers(learner.id)] == ["pdca-plan-1"]
        reopened.record_review(learner.id, "pdca-plan-1", Rating.Good, NOW)
        assert [i for i, _, _ in reopened.review_logs(learner.id)] == ["pdca-plan-1"]
        poll = live.start_session()
        player = live.join(poll.code, "老学员", learner.id)
        assert live.player(player.token).learner_id == learner.id
    finally:
        reopened.close()


# ---- answers that become reviews -----------------------------------------------------------
def test_a_linked_trainees_live_answers_become_reviews(store: Store):
    live = LiveStore(store)
    learner = store.create_learner("小王")
    board = PollBoard(lambda: live, tick=0.02)
    app = Starlette(routes=LiveRoutes(board).routes(), lifespan=lifespan_for(board))
    poll = live.start_session()
    item = items_by_id("zh")["smart-specific-1"]
    with TestClient(app) as phone, TestClient(app) as guest:
        phone.cookies.set(COOKIE, learner.token)
        mine = phone.post("/api/live/join", json={"code": poll.code, "nickname": "小王"})
        theirs = guest.post("/api/live/join", json={"code": poll.code, "nickname": "路人"})
        assert live.player(mine.json()["token"]).learner_id == learner.id
        assert live.player(theirs.json()["token"]).learner_id is None
        question = live.push(poll.id, item.id)
        for client, joined in ((phone, mine), (guest, theirs)):
            sent = client.post(
                "/api/live/answer",
                json={"token": joined.json()["token"], "question": question.id,
                      "answer": item.answer.lower(), "elapsed_ms": 4000},
            )  # fmt: skip
            assert sent.json()["outcome"] == "stored"
    logs = store.review_logs(learner.id)
    assert [(i, r) for i, r, _ in logs] == [(item.id, Rating.Good)]
    with store.transaction() as session:
        sources = session.execute(text("SELECT source FROM review_logs")).scalars().all()
    assert sources == ["live"]  # the guest's answer is no one's review


@pytest.fixture
def own_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("COURSEWARE_DATABASE_URL", raising=False)
    monkeypatch.setenv("COURSEWARE_SQLITE_PATH", str(tmp_path / "progress.sqlite3"))
    return tmp_path / "progress.sqlite3"


def test_each_quiz_answer_of_a_learner_becomes_a_review(own_database: Path):
    _at, token = sign_up("王芳", "")
    at = open_page("quiz", learner=token)
    start(at, "topic:pdca", length=5)  # three of five answered
    for n in range(3):
        respond(at, right=n != 1)
        next_item(at)
    asked = at.session_state["quiz.hub"].item_ids
    store = Store(f"sqlite:///{own_database}")
    try:
        learner = store.learner_by_token(token)
        logs = store.review_logs(learner.id)
        assert [(i, r) for i, r, _ in logs] == [
            (asked[0], Rating.Good), (asked[1], Rating.Again), (asked[2], Rating.Good)
        ]  # fmt: skip
        cards = [card_view(i, card, NOW) for i, card in store.review_cards(learner.id)]
        later = datetime.now(UTC) + timedelta(days=60)
        assert set(due_queue(cards, items_by_id("zh"), set(), later, None)) == set(asked[:3])
    finally:
        store.close()


def test_a_review_that_cannot_be_recorded_never_stops_the_quiz(
    own_database: Path, monkeypatch: pytest.MonkeyPatch
):
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise StoreUnavailable("database is locked")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise ValueError("a card that cannot be read")

    _at, token = sign_up("李雷", "")
    at = open_page("quiz", learner=token)
    start(at, "topic:pdca", length=5)
    monkeypatch.setattr(Store, "review_answer", refuse)
    respond(at, right=True)
    next_item(at)
    monkeypatch.setattr(Store, "review_answer", broken)
    respond(at, right=True)
    next_item(at)
    assert not at.exception and not at.warning
    store = Store(f"sqlite:///{own_database}")
    try:
        learner = store.learner_by_token(token)
        assert len(store.answers(learner.id)) == 2 and store.review_logs(learner.id) == []
    finally:
        store.close()
