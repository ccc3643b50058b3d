"""The store on SQLite and on a real PostgreSQL server: learners, attempts, answers, versions."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from courseware.storage.store import SCHEMA_VERSION, Store, StoreUnavailable, database_url


def test_a_learner_is_found_again_by_token_only(store: Store):
    learner = store.create_learner("  张三 ", "A1")
    assert (learner.name, learner.class_code) == ("张三", "A1")
    assert len(learner.token) >= 20
    assert store.learner_by_token(learner.token) == learner
    assert store.learner_by_token("not-a-token") is None
    assert store.learner_by_token("") is None
    other = store.create_learner("李四")
    assert other.token != learner.token and other.class_code is None


@pytest.mark.parametrize("name", ["", "   ", "x" * 41])
def test_names_are_checked(store: Store, name: str):
    with pytest.raises(ValueError, match="a name has 1 to 40 characters"):
        store.create_learner(name)


def test_html_in_a_name_is_kept_as_text(store: Store):
    learner = store.create_learner("<script>alert(1)</script>")
    assert store.learner_by_token(learner.token).name == "<script>alert(1)</script>"


def test_an_attempt_keeps_each_answer_once_and_sums_its_score(store: Store):
    learner = store.create_learner("王五")
    attempt = store.start_attempt(learner.id, "topic:smart", 42, ["smart-1", "smart-2", "smart-3"])
    assert store.record_response(attempt, "smart-1", "b", 1.0)
    assert store.record_response(attempt, "smart-2", ["a", "c"], 0.5)
    assert not store.record_response(attempt, "smart-1", "c", 0.0)  # a second answer is refused
    assert store.finish_attempt(attempt) == 1.5
    [saved] = store.attempts(learner.id)
    assert (saved.scope, saved.seed, saved.item_ids, saved.score) == (
        "topic:smart", 42, ("smart-1", "smart-2", "smart-3"), 1.5
    )  # fmt: skip
    assert saved.finished_at is not None
    assert [(a.item_id, a.score) for a in store.answers(learner.id)] == [
        ("smart-1", 1.0), ("smart-2", 0.5)
    ]  # fmt: skip


def test_no_learner_sees_another_learners_answers(store: Store):
    first, second = store.create_learner("甲"), store.create_learner("乙")
    attempt = store.start_attempt(first.id, "part:1", 1, ["x"])
    store.record_response(attempt, "x", "a", 1.0)
    assert store.answers(second.id) == [] and store.attempts(second.id) == []


def test_schema_is_versioned_and_reopening_keeps_data(store: Store):
    learner = store.create_learner("赵六")
    again = Store(store.url)
    assert again.schema_version() == SCHEMA_VERSION
    assert again.learner_by_token(learner.token) == learner
    again.close()


def test_answers_from_many_threads_are_all_kept(store: Store):
    learner = store.create_learner("并发")
    attempt = store.start_attempt(learner.id, "part:2", 3, [f"i-{n}" for n in range(40)])
    results: list[bool] = []
    lock = threading.Lock()

    def answer(n: int) -> None:
        stored = store.record_response(attempt, f"i-{n % 40}", "a", 1.0)
        with lock:
            results.append(stored)

    threads = [threading.Thread(target=answer, args=(n,)) for n in range(80)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 40 and results.count(False) == 40
    assert len(store.answers(learner.id)) == 40


def test_sqlite_file_is_created_in_wal_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "deep" / "progress.sqlite3"
    monkeypatch.delenv("COURSEWARE_DATABASE_URL", raising=False)
    monkeypatch.setenv("COURSEWARE_SQLITE_PATH", str(path))
    opened = Store(database_url())
    with opened.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert path.exists()
    opened.close()


def test_an_unreachable_database_raises_store_unavailable():
    with pytest.raises(StoreUnavailable):
        Store("postgresql+psycopg://nobody@127.0.0.1:1/none")


def test_an_unfinished_round_comes_back_with_the_rounds_it_retries(store: Store):
    me, other = store.create_learner("张三"), store.create_learner("李四")
    first = store.start_attempt(me.id, "topic:smart", 7, ["a", "b", "c"], context="hub")
    for item, score in (("a", 1.0), ("b", 0.0), ("c", 0.5)):
        store.record_response(first, item, {"picked": item}, score)
    store.finish_attempt(first)
    assert store.open_rounds(me.id, "hub") == []  # finished: nothing to resume
    retry = store.start_attempt(me.id, "topic:smart:retry", 8, ["b", "c"], context="hub",
                                retry_of=first)  # fmt: skip
    store.record_response(retry, "b", "x", 1.0)
    rounds = store.open_rounds(me.id, "hub")
    assert [(r.id, r.seed, r.item_ids) for r in rounds] == [
        (first, 7, ("a", "b", "c")), (retry, 8, ("b", "c"))
    ]  # fmt: skip
    assert rounds[0].responses["a"] == ({"picked": "a"}, 1.0)
    assert rounds[1].responses == {"b": ("x", 1.0)}
    assert store.open_rounds(me.id, "part-1") == []  # another page's quiz
    assert store.open_rounds(other.id, "hub") == []  # another learner's
    store.abandon_attempt(retry)
    assert store.open_rounds(me.id, "hub") == []


def test_a_database_made_before_resumable_quizzes_gets_their_columns(tmp_path: Path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as old:  # the attempts table as an earlier version made it
        old.execute(
            "CREATE TABLE attempts (id INTEGER PRIMARY KEY, learner_id INTEGER, scope VARCHAR(80),"
            " seed INTEGER, item_ids JSON, started_at DATETIME, finished_at DATETIME, score FLOAT)"
        )
        old.execute("INSERT INTO attempts (learner_id, scope, seed, item_ids, started_at)"
                    " VALUES (1, 'all', 1, '[\"a\"]', '2026-01-01 00:00:00')")  # fmt: skip
    reopened = Store(f"sqlite:///{path}")
    learner = reopened.create_learner("王")
    attempt = reopened.start_attempt(learner.id, "all", 1, ["a"], context="hub")
    assert [r.id for r in reopened.open_rounds(learner.id, "hub")] == [attempt]
    assert reopened.attempts(1)[0].scope == "all"  # the earlier row is kept
