"""``python -m courseware``: validate, stats and export-gift on throw-away content folders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from courseware import cli
from courseware.cli import main
from courseware.paths import CONTENT_DIR_ENV, PROJECT_ROOT
from tests.conftest import break_front_matter

LESSON = """\
---
title: 第{n}部分
part: {n}
summary: 一句话。
reading_minutes: 5
---

引言。

{{#{section}}}
## {n}.1 {section}

正文。
"""

SMART = """\
topic: smart
title: SMART 原则
items:
  - id: smart-single
    type: single
    part: 1
    section: smart
    difficulty: 1
    prompt: 哪个目标最具体?
    options: {a: 做得更好, b: 拜访 20 家客户, c: 尽量}
    answer: b
    explanation: 要具体。
  - id: smart-multiple
    type: multiple
    part: 1
    section: smart
    difficulty: 2
    prompt: 哪些是 SMART 的字母?
    options: {a: S, b: X, c: M}
    answer: [a, c]
    explanation: S 和 M。
  - id: smart-true
    type: truefalse
    part: 1
    section: smart
    difficulty: 1
    prompt: S 指具体明确。
    answer: true
    explanation: 是的。
  - id: smart-order
    type: ordering
    part: 1
    section: smart
    difficulty: 2
    prompt: 排序。
    steps: [S, M, A, R, T]
    explanation: SMART。
  - id: smart-match
    type: matching
    part: 1
    section: smart
    difficulty: 3
    prompt: 归类。
    categories: [好, 坏]
    pairs: {拜访 20 家: 好, 做得更好: 坏, 提高 5%: 好}
    explanation: 具体的好。
  - id: smart-number
    type: numeric
    part: 1
    section: smart
    difficulty: 2
    prompt: 160 减 100?
    answer: 60
    tolerance: 0.5
    unit: 元
    explanation: 60 元。
"""

PDCA = """\
topic: pdca
title: PDCA
items:
  - id: pdca-check
    type: truefalse
    part: 2
    section: pdca
    difficulty: 1
    prompt: C 指检查。
    answer: true
    explanation: 是的。
"""


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def good(tmp_path: Path) -> Path:
    """Two lessons and two banks (seven items, every type) that are all fine."""
    write(tmp_path / "lessons/zh/01-one.md", LESSON.format(n=1, section="smart"))
    write(tmp_path / "lessons/zh/02-two.md", LESSON.format(n=2, section="pdca"))
    write(tmp_path / "quizzes/zh/smart.yaml", SMART)
    write(tmp_path / "quizzes/zh/pdca.yaml", PDCA)
    return tmp_path


@pytest.fixture
def broken(good: Path) -> Path:
    """The good folder with one of each kind of mistake."""
    quizzes = good / "quizzes/zh"
    write(quizzes / "bad-yaml.yaml", "topic: bad-yaml\ntitle: [unclosed\nitems: []\n")
    write(
        quizzes / "missing.yaml",
        PDCA.replace("pdca", "missing").replace("    explanation: 是的。\n", ""),
    )
    write(
        quizzes / "options.yaml",
        SMART.replace("smart", "options").replace("answer: b", "answer: z"),
    )
    extra = """\
  - id: smart-true
    type: truefalse
    part: 2
    section: nowhere
    difficulty: 1
    prompt: 重复的 id。
    answer: false
    explanation: 不对。
  - id: pdca-later
    type: truefalse
    part: 7
    section: pdca
    difficulty: 1
    prompt: 没有第七部分。
    answer: false
    explanation: 不对。
"""
    write(quizzes / "pdca.yaml", PDCA + extra)
    break_front_matter(good / "lessons/zh/01-one.md")
    return good


BROKEN_LINES = [
    "lessons/zh/01-one.md:1: front matter: missing required field 'title'",
    "quizzes/zh/bad-yaml.yaml:3: not valid YAML: expected ',' or ']', but got ':'",
    "quizzes/zh/missing.yaml:4: explanation: Field required",
    'quizzes/zh/options.yaml:4: answer "z" is not one of the options',
    "quizzes/zh/pdca.yaml:12: section 'nowhere' is not in part 2's lesson",
    "quizzes/zh/pdca.yaml:20: part 7 has no lesson",
    # banks are read in file-name order: the later file is the one that reuses the id
    "quizzes/zh/smart.yaml:22: id 'smart-true' is already used at quizzes/zh/pdca.yaml:12",
]


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# validate


def test_validate_a_good_folder(good: Path, capsys):
    assert run(capsys, "validate", "--content", str(good)) == (
        0,
        "ok: 2 lessons, 2 banks, 7 items\n",
        "",
    )


def test_validate_lists_every_problem_as_path_line_message(broken: Path, capsys):
    code, out, err = run(capsys, "validate", "--content", str(broken))
    assert (code, err) == (1, "")
    assert out.splitlines() == BROKEN_LINES


def test_validate_as_a_module_in_its_own_process(broken: Path):
    done = subprocess.run(
        [sys.executable, "-m", "courseware", "validate", "--content", str(broken)],
        capture_output=True,
        cwd=broken,
        env={k: v for k, v in os.environ.items() if k != CONTENT_DIR_ENV},
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr == b""
    assert done.stdout.decode("utf-8").splitlines() == BROKEN_LINES


def test_validate_reads_relative_content_paths(good: Path, capsys, monkeypatch):
    monkeypatch.chdir(good.parent)
    assert run(capsys, "validate", "--content", good.name)[0] == 0


def test_two_lessons_for_one_part(good: Path, capsys):
    write(good / "lessons/zh/02-copy.md", LESSON.format(n=2, section="pdca"))
    code, out, _ = run(capsys, "validate", "--content", str(good))
    assert code == 1
    assert out == "lessons/zh/02-two.md:1: part 2 is already given by lessons/zh/02-copy.md\n"


def test_raw_html_in_a_lesson_is_a_problem(good: Path, capsys):
    lesson = good / "lessons/zh/02-two.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\n<b>粗</b>\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--content", str(good))
    assert (code, out) == (1, "lessons/zh/02-two.md:15: raw HTML is not rendered; use Markdown\n")


def test_a_surprise_while_loading_is_a_line_not_a_traceback(good: Path, capsys, monkeypatch):
    def explode(path):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "load_bank", explode)
    code, out, err = run(capsys, "validate", "--content", str(good))
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "quizzes/zh/pdca.yaml:1: cannot load: RuntimeError('boom')",
        "quizzes/zh/smart.yaml:1: cannot load: RuntimeError('boom')",
    ]


def test_a_missing_folder_is_a_usage_error(tmp_path: Path, capsys):
    code, out, err = run(capsys, "validate", "--content", str(tmp_path / "nowhere"))
    assert (code, out) == (2, "")
    assert "no such folder" in err


def test_the_content_folder_setting_is_restored(good: Path, capsys, monkeypatch):
    monkeypatch.setenv(CONTENT_DIR_ENV, "/somewhere/else")
    run(capsys, "validate", "--content", str(good))
    assert os.environ[CONTENT_DIR_ENV] == "/somewhere/else"
    monkeypatch.delenv(CONTENT_DIR_ENV)
    run(capsys, "validate", "--content", str(good))
    assert CONTENT_DIR_ENV not in os.environ


def test_a_command_is_required(capsys):
    with pytest.raises(SystemExit) as exit_:
        main([])
    assert exit_.value.code == 2


# stats


def test_stats_json(good: Path, capsys):
    code, out, _ = run(capsys, "stats", "--json", "--content", str(good))
    assert code == 0
    assert json.loads(out) == {
        "lessons": {"zh": 2},
        "items": {
            "zh": {
                "total": 7,
                "by_part": {"1": 6, "2": 1},
                "by_topic": {"pdca": 1, "smart": 6},
                "by_type": {
                    "matching": 1,
                    "multiple": 1,
                    "numeric": 1,
                    "ordering": 1,
                    "single": 1,
                    "truefalse": 2,
                },
            }
        },
    }
    assert out.index('"items"') < out.index('"lessons"')  # keys sorted
    assert out.count("\n") == 1  # one object on one line


def test_stats_json_skips_broken_files_and_lists_them(broken: Path, capsys):
    code, out, _ = run(capsys, "stats", "--json", "--content", str(broken))
    report = json.loads(out)
    assert code == 0
    assert report["lessons"] == {"zh": 1}
    assert report["items"]["zh"]["by_topic"] == {"pdca": 3, "smart": 6}
    assert report["errors"] == BROKEN_LINES[:4]


def test_stats_as_text(good: Path, capsys):
    code, out, _ = run(capsys, "stats", "--content", str(good))
    assert code == 0
    assert out.splitlines()[0] == "zh: 2 lessons, 7 items"


# export-gift


def test_export_gift_to_stdout(good: Path, capsys):
    code, out, _ = run(capsys, "export-gift", "--content", str(good))
    assert code == 0
    assert out.startswith("$CATEGORY: courseware/zh/pdca\n\n::pdca-check:: C 指检查。 {")
    assert "$CATEGORY: courseware/zh/smart\n" in out
    assert out.count("\n::") == 7


def test_export_gift_to_a_file(good: Path, tmp_path: Path, capsys):
    target = tmp_path / "out.gift"
    code, out, _ = run(
        capsys, "export-gift", "--lang", "zh", "-o", str(target), "--content", str(good)
    )
    assert code == 0
    assert "7 items" in out
    assert target.read_text(encoding="utf-8").startswith("$CATEGORY: courseware/zh/")


def test_export_gift_refuses_broken_banks(broken: Path, capsys):
    code, out, err = run(capsys, "export-gift", "--content", str(broken))
    assert (code, out) == (1, "")
    assert err.splitlines() == BROKEN_LINES[1:4]


def test_export_gift_of_a_language_without_banks(good: Path, capsys):
    code, out, err = run(capsys, "export-gift", "--lang", "en", "--content", str(good))
    assert (code, out) == (1, "")
    assert "no quiz banks in quizzes/en" in err


def test_export_gift_as_a_module_writes_utf8(good: Path):
    done = subprocess.run(
        [sys.executable, "-m", "courseware", "export-gift", "--content", str(good)],
        capture_output=True,
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.decode("utf-8").startswith("$CATEGORY:")
    assert "拜访 20 家客户" in done.stdout.decode("utf-8")
