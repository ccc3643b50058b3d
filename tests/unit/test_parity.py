"""A translation keeps the reference's structure: `validate` names each difference by file:line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from courseware.cli import main
from courseware.content.parity import catalog_lines, catalog_problems
from courseware.paths import PROJECT_ROOT


@pytest.fixture
def both(tmp_path: Path) -> Path:
    """A copy of the course's lessons and banks in both languages."""
    shutil.copytree(PROJECT_ROOT / "lessons", tmp_path / "lessons")
    shutil.copytree(PROJECT_ROOT / "quizzes", tmp_path / "quizzes")
    return tmp_path


def validate(capsys: pytest.CaptureFixture, root: Path) -> tuple[int, list[str]]:
    code = main(["validate", "--content", str(root)])
    return code, capsys.readouterr().out.splitlines()


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in a file; the line it was on."""
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:at].count("\n") + 1


def line_of(path: Path, pattern: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: re.search(pattern, text, re.MULTILINE).start()].count("\n") + 1


def test_both_languages_of_the_course_are_complete(both: Path, capsys):
    assert validate(capsys, both) == (0, ["ok: 8 lessons, 14 banks, 258 items"])


def test_a_section_id_that_differs_is_named_at_its_line(both: Path, capsys):
    lesson = both / "lessons" / "en" / "02-management-by-objectives.md"
    heading = edit(lesson, "{#smart}", "{#smart-goals}") + 1  # the id line comes before it
    code, lines = validate(capsys, both)
    assert code == 1
    assert lines[0] == (f"lessons/en/02-management-by-objectives.md:{heading}: section 6 is "
                        "'smart-goals'; the reference has 'smart'")  # fmt: skip
    assert all(line.startswith("quizzes/en/smart.yaml:") for line in lines[1:])  # its items


def test_a_missing_item_and_a_changed_answer_key_are_named(both: Path, capsys):
    smart = both / "quizzes" / "en" / "smart.yaml"
    text = smart.read_text(encoding="utf-8")
    first = line_of(smart, r"^  - id: smart-specific-1")
    block = re.search(r"^  - id: smart-specific-1\n(?:    .*\n)+", text, re.MULTILINE).group(0)
    answer = re.search(r"^    answer: (\w+)$", block, re.MULTILINE).group(1)
    other = "a" if answer != "a" else "b"
    smart.write_text(text.replace(block, block.replace(f"answer: {answer}", f"answer: {other}")),
                     encoding="utf-8")  # fmt: skip
    pdca = both / "quizzes" / "en" / "pdca.yaml"
    text = pdca.read_text(encoding="utf-8")
    dropped = re.search(r"^  - id: pdca-check-2\n(?:    .*\n)+", text, re.MULTILINE).group(0)
    pdca.write_text(text.replace(dropped, ""), encoding="utf-8")
    code, lines = validate(capsys, both)
    zh_line = line_of(both / "quizzes" / "zh" / "pdca.yaml", r"^  - id: pdca-check-2")
    assert code == 1
    assert lines == [
        f"quizzes/en/smart.yaml:{first}: item 'smart-specific-1': answer is '{other}'; "
        f"the reference has '{answer}'",
        f"quizzes/zh/pdca.yaml:{zh_line}: item 'pdca-check-2' is missing in 'en'",
    ]


def test_a_part_without_its_translation_is_named(both: Path, capsys):
    (both / "lessons" / "en" / "03-execution.md").unlink()
    code, lines = validate(capsys, both)
    assert code == 1
    assert "lessons/zh/03-execution.md:1: part 3 has no lesson in 'en'" in lines


def test_a_ui_key_missing_from_either_catalog_is_named_at_its_line():
    zh = '[app]\ntitle = "课程"\nhome = "首页"\n\n[quiz]\nstart = "开始"\n'
    en = '[app]\ntitle = "Course"\n\n[quiz]\nstart = "Start"\nextra = "x"\n'
    import tomllib

    problems = catalog_problems(tomllib.loads(zh), tomllib.loads(en), ("zh.toml", "en.toml"),
                                (catalog_lines(zh), catalog_lines(en)))  # fmt: skip
    assert [str(p) for p in problems] == [
        "zh.toml:3: UI key 'app.home' is missing in en.toml",
        "en.toml:6: UI key 'quiz.extra' is missing in zh.toml",
    ]
