"""A bad day for the database, in AppTest: a banner above every page, a message where an action
was refused, never a traceback, and everything back by itself once the database is."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
import sqlalchemy
from streamlit.testing.v1 import AppTest

from courseware.paths import PROJECT_ROOT
from courseware.storage.database import database_for
from courseware.storage.store import DATABASE_URL_ENV, SQLITE_PATH_ENV, TIMEOUT_ENV
from tests.app.harness import open_page
from tests.app.test_live_pages import PASSCODE, open_unlocked
from tests.app.test_quiz import next_item, respond, start
from tests.postgres_cluster import PostgresCluster, postgres_bin, running_cluster

DOWN = "暂时连不上数据库：课程、计算工具和测验照常可用"
REFUSED = "这一步没有完成："


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning] + [w.value for w in at.sidebar.warning]


def banner_shown(at: AppTest, start_of_text: str = DOWN) -> bool:
    return any(w.startswith(start_of_text) for w in warnings(at))


@pytest.fixture(scope="module")
def cluster() -> Iterator[PostgresCluster]:
    bin_dir = postgres_bin()
    assert bin_dir is not None, "these tests stop and start a PostgreSQL of their own"
    with running_cluster(bin_dir) as running:
        yield running


@pytest.fixture
def on_postgres(cluster: PostgresCluster, request: pytest.FixtureRequest, monkeypatch) -> str:
    url = cluster.create_database(f"faults_{request.node.name[-40:].lower()}")
    monkeypatch.setenv(DATABASE_URL_ENV, url)
    monkeypatch.setenv(TIMEOUT_ENV, "2")
    monkeypatch.setenv("COURSEWARE_INSTRUCTOR_PASSCODE", PASSCODE)
    return url


def sign_up(at: AppTest, name: str) -> str | None:
    """Start saving progress from the sidebar; the learner's token, if it was saved."""
    at.sidebar.toggle(key="learner-start").set_value(True).run()
    at.sidebar.text_input(key="learner-name").set_value(name)
    at.sidebar.button(key="FormSubmitter:learner-form-开始记录").click().run()
    return at.session_state["_learner"].token if "_learner" in at.session_state else None


def stored_answers(url: str) -> int:
    engine = sqlalchemy.create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(sqlalchemy.text("SELECT count(*) FROM responses")).scalar()
    finally:
        engine.dispose()


def test_postgres_stops_in_the_middle_of_a_class_and_comes_back(cluster, on_postgres: str):
    database = database_for(on_postgres)
    quiz = open_page("quiz")
    token = sign_up(quiz, "断网的学员")
    start(quiz, "topic:smart")
    respond(quiz, right=True)
    teacher = open_unlocked()
    assert stored_answers(on_postgres) == 1 and not teacher.exception

    cluster.stop()
    next_item(quiz)
    respond(quiz, right=True)  # refused where it was asked: the quiz goes on
    assert any(w.startswith(REFUSED + "暂时连不上数据库") for w in warnings(quiz))
    database.probe()  # what the watch does every two seconds
    teacher.button(key="live-start").click().run()
    assert not teacher.exception and banner_shown(teacher)
    for page in ("", "part-1", "quiz", "progress"):
        shown = open_page(page)
        assert not shown.exception and banner_shown(shown), page
        assert not [i for i in shown.sidebar.info if "进度链接" in i.value]  # no link to check
    assert open_page("part-1").markdown  # the lesson itself still reads
    resumed = open_page("progress", learner=token)
    assert "暂时无法核对这个进度链接" in " ".join(i.value for i in resumed.info)
    assert not [w for w in resumed.sidebar.warning if "无效" in w.value]

    cluster.start()
    database.probe()
    resumed.run()  # what the banner does by itself every three seconds
    assert not banner_shown(resumed) and resumed.caption[0].value.startswith("学员：断网的学员")
    quiz.run()
    assert not banner_shown(quiz)
    next_item(quiz)
    respond(quiz, right=True)
    assert stored_answers(on_postgres) == 2
    teacher.button(key="live-start").click().run()
    assert teacher.session_state["_live_session"] and not teacher.exception


def test_a_database_that_hangs_is_a_message_after_the_statement_timeout(cluster, on_postgres):
    database = database_for(on_postgres)
    quiz = open_page("quiz")
    sign_up(quiz, "等待的学员")
    start(quiz, "topic:smart")
    holder = sqlalchemy.create_engine(on_postgres)
    with holder.connect() as connection:  # another client holds the table: every write waits
        connection.execute(sqlalchemy.text("LOCK TABLE responses IN ACCESS EXCLUSIVE MODE"))
        respond(quiz, right=True)
        assert any(w.startswith(REFUSED + "数据库没有及时响应") for w in warnings(quiz))
        connection.rollback()
    holder.dispose()
    database.probe()
    quiz.run()
    assert not banner_shown(quiz, "数据库没有及时响应") and not quiz.exception


def test_a_folder_that_cannot_be_made_leaves_every_page_working(monkeypatch):
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    monkeypatch.setenv(SQLITE_PATH_ENV, "/proc/no-such-folder/courseware.sqlite3")
    for page in ("", "part-2", "quiz", "progress", "live"):
        shown = open_page(page)
        assert not shown.exception, page
        assert banner_shown(shown, "数据库无法打开（请管理员检查数据库的位置和权限）"), page
    quiz = open_page("quiz")
    start(quiz, "topic:smart")
    respond(quiz, right=True)  # a quiz without saving still gives its feedback
    assert quiz.success[0].value == "回答正确！"


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_sqlite_database_refuses_writes_with_a_message(what: str, tmp_path):
    """The checks run in a child process that cannot override file permissions, as a server
    running under its own user is; root would write to a read-only file regardless."""
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
               str(PROJECT_ROOT / "tests" / "app" / "read_only_database.py"), "-k", what]  # fmt: skip
    if os.geteuid() == 0:
        command = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--", *command]
    ran = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
                         env=dict(os.environ, COURSEWARE_FAULT_FOLDER=str(tmp_path)))  # fmt: skip
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-2000:]
    assert "1 passed" in ran.stdout
