"""Run by test_database_faults in a process that respects file permissions (not collected on
its own): a read-only SQLite file, or folder, refuses writes with a message, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from courseware.storage.store import DATABASE_URL_ENV, SQLITE_PATH_ENV, Store
from tests.app.harness import open_page
from tests.app.test_database_faults import REFUSED, banner_shown, sign_up, warnings
from tests.app.test_live_pages import PASSCODE, open_unlocked
from tests.app.test_quiz import respond, start


@pytest.fixture
def database(monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = Path(os.environ.get("COURSEWARE_FAULT_FOLDER") or "/tmp") / "read-only"
    folder.mkdir(exist_ok=True)
    path = folder / "courseware.sqlite3"
    Store(f"sqlite:///{path}").close()
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    monkeypatch.setenv(SQLITE_PATH_ENV, str(path))
    monkeypatch.setenv("COURSEWARE_INSTRUCTOR_PASSCODE", PASSCODE)
    return path


def check_writes_refused(database: Path, read_only: Path) -> None:
    read_only.chmod(0o555 if read_only.is_dir() else 0o444)  # before the app opens it
    try:
        quiz = open_page("quiz")
        assert not quiz.exception
        if any(t.key == "learner-start" for t in quiz.sidebar.toggle):
            assert sign_up(quiz, "只读的学员") is None and not quiz.exception
            assert any(w.startswith(REFUSED) for w in warnings(quiz)), warnings(quiz)
        else:  # SQLite cannot even open a database whose folder it may not write to
            assert banner_shown(quiz, "数据库"), warnings(quiz)
        start(quiz, "topic:smart")
        respond(quiz, right=True)  # the quiz itself goes on
        assert quiz.success[0].value == "回答正确！"
        teacher = open_unlocked()
        if any(b.key == "live-start" for b in teacher.button):
            teacher.button(key="live-start").click().run()
        assert not teacher.exception
        assert any(w.startswith(REFUSED) for w in warnings(teacher)) or banner_shown(
            teacher, "数据库"
        ), warnings(teacher)
        assert "_live_session" not in teacher.session_state
    finally:
        read_only.chmod(0o755 if read_only.is_dir() else 0o644)


def test_file(database: Path):
    check_writes_refused(database, database)


def test_folder(database: Path):
    for side in database.parent.glob("courseware.sqlite3-*"):
        side.unlink()  # with its journal gone, the folder must let SQLite make a new one
    check_writes_refused(database, database.parent)
