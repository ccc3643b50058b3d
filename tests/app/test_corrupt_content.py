"""Corrupted content in AppTest: the page names the file and line; every other page still works."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from courseware.content.files import MAX_CONTENT_BYTES
from tests.app.harness import open_page
from tests.conftest import PAGE_TITLES

CORPUS = Path(__file__).parent.parent / "data" / "corrupt"


def oversize(path: Path) -> None:
    path.write_bytes(path.read_bytes() + b"#" * MAX_CONTENT_BYTES)


def copy_from_corpus(name: str) -> Callable[[Path], None]:
    return lambda path: shutil.copyfile(CORPUS / name, path)


@pytest.fixture(autouse=True)
def own_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("COURSEWARE_DATABASE_URL", raising=False)
    monkeypatch.setenv("COURSEWARE_SQLITE_PATH", str(tmp_path / "progress.sqlite3"))


@pytest.mark.parametrize(
    ("part", "corrupt", "expected"),
    [
        (
            4,
            copy_from_corpus("04-unclosed-key-before-tip.md"),
            "lessons/zh/04-communication.md:13: '::: key' is never closed with ':::' "
            "(line 24 opens '::: tip')",
        ),
        (3, oversize, "lessons/zh/03-execution.md:1: too large (1.1 MB, limit 1 MB)"),
    ],
    ids=["unclosed-key", "too-large"],
)
def test_a_corrupted_lesson_is_named_on_its_page_and_the_rest_keep_working(
    part: int, corrupt: Callable[[Path], None], expected: str, content_copy: Path
):
    lesson = next((content_copy / "lessons" / "zh").glob(f"0{part}-*.md"))
    corrupt(lesson)
    broken = open_page(f"part-{part}")
    assert not broken.exception
    assert broken.error[0].value == "这一部分的课程文件有问题，暂时无法显示。"
    assert broken.code[0].value == expected
    for url_path in ("", "part-1", "part-2", "quiz"):
        at = open_page(url_path)
        assert not at.exception
        assert at.title[0].value == PAGE_TITLES[url_path]
    assert open_page("").code[0].value == expected


@pytest.mark.parametrize(
    ("bank", "corrupt", "expected"),
    [
        ("smart.yaml", oversize, "quizzes/zh/smart.yaml:1: too large (1.1 MB, limit 1 MB)"),
        (
            "extra.yaml",
            copy_from_corpus("invalid-utf8-bank.bin"),
            "quizzes/zh/extra.yaml:27: not valid UTF-8 (byte 0xa0 at column 20)",
        ),
    ],
    ids=["too-large", "invalid-utf8"],
)
def test_a_corrupted_bank_is_named_on_the_hub_and_the_others_still_run(
    bank: str, corrupt: Callable[[Path], None], expected: str, content_copy: Path
):
    corrupt(content_copy / "quizzes" / "zh" / bank)
    at = open_page("quiz")
    assert not at.exception
    assert at.error[0].value.startswith("有一个题库文件有问题")
    assert at.code[0].value == expected
    at.selectbox(key="quiz.hub.scope").set_value("topic:pdca")
    at.button_group(key="quiz.hub.length").set_value(5)
    at.button(key="quiz.hub.start").click().run()
    assert not at.exception and len(at.session_state["quiz.hub"].item_ids) == 5
