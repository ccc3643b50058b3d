"""Shared fixtures: a throw-away content folder holding a copy of the real lessons."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from courseware.paths import CONTENT_DIR_ENV, PROJECT_ROOT

PAGE_TITLES = {
    "": "新机遇新挑战——鹏辉客户营销系列课程",
    "part-1": "第一部分 · 客户需要什么？关心什么？",
    "part-2": "第二部分 · 围绕客户实施目标管理",
    "part-3": "第三部分 · 执行力",
    "part-4": "第四部分 · 沟通与协调",
    "quiz": "测验",
    "progress": "我的进度",
}  # the heading each listed page opens with, by URL path


@pytest.fixture(autouse=True)
def fresh_guess_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with no wrong passcodes on record (the count is per process)."""
    from courseware.passcode import GuessLimit
    from courseware.ui import instructor_gate

    monkeypatch.setattr(instructor_gate, "guess_limit", GuessLimit())


@pytest.fixture
def content_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of ``lessons/`` and ``quizzes/`` that the app reads instead of the real ones."""
    shutil.copytree(PROJECT_ROOT / "lessons", tmp_path / "lessons")
    shutil.copytree(PROJECT_ROOT / "quizzes", tmp_path / "quizzes")
    monkeypatch.setenv(CONTENT_DIR_ENV, str(tmp_path))
    return tmp_path


def break_front_matter(lesson: Path) -> None:
    """Delete the ``title:`` line of a lesson's front matter."""
    lines = lesson.read_text(encoding="utf-8").splitlines(keepends=True)
    lesson.write_text("".join(x for x in lines if not x.startswith("title:")), encoding="utf-8")
