"""Broken content files (``tests/data/corrupt/``): validate names each one; the rest still loads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from courseware.cli import main
from courseware.content.banks import load_banks
from courseware.content.catalog import load_course
from courseware.content.files import MAX_CONTENT_BYTES
from courseware.paths import PROJECT_ROOT

CORPUS = Path(__file__).parent.parent / "data" / "corrupt"
EXPECTED: dict[str, dict] = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
DEFAULT_TARGET = {".md": "lessons/zh/05-extra.md", ".yaml": "quizzes/zh/extra.yaml"}
REAL_FILES = sorted(
    p.relative_to(PROJECT_ROOT).as_posix()
    for p in [*PROJECT_ROOT.glob("lessons/zh/*.md"), *PROJECT_ROOT.glob("quizzes/zh/*.yaml")]
    if p.name != "README.md"
)


def target(name: str) -> str:
    """Where a corrupted file goes in the content folder, relative to it."""
    return EXPECTED[name].get("to") or DEFAULT_TARGET[Path(name).suffix]


@pytest.fixture
def content_copy(content_copy: Path) -> Path:
    """The Chinese content alone: the corpus breaks Chinese files (parity has its own tests)."""
    for kind in ("lessons", "quizzes"):
        shutil.rmtree(content_copy / kind / "en")
    return content_copy


def validate(root: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """What ``python -m courseware validate --content root`` prints, one line each; exit 1."""
    capsys.readouterr()
    assert main(["validate", "--content", str(root)]) == 1
    return capsys.readouterr().out.splitlines()


def assert_the_rest_loads(root: Path, broken: str) -> None:
    """Every real lesson and bank but the broken file still loads."""
    entries = [*load_course("zh"), *load_banks("zh")]
    errors = {e.path.relative_to(root).as_posix(): e.error for e in entries}
    assert {path: errors.get(path, "missing") for path in REAL_FILES if path != broken} == {
        path: None for path in REAL_FILES if path != broken
    }


def test_the_corpus_has_a_case_for_every_file_and_enough_of_them():
    files = {p.name for p in CORPUS.iterdir() if p.name != "expected.yaml"}
    assert files == set(EXPECTED)
    assert len(files) >= 20


@pytest.mark.parametrize("name", list(EXPECTED))
def test_validate_names_the_line_of_each_corrupted_file(
    name: str, content_copy: Path, capsys: pytest.CaptureFixture[str]
):
    case, to = EXPECTED[name], target(name)
    shutil.copyfile(CORPUS / name, content_copy / to)
    problems = validate(content_copy, capsys)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{to}:{case['line']}: "), problems[0]
    assert case["message"] in problems[0]
    assert_the_rest_loads(content_copy, to)


@pytest.mark.parametrize("to", ["lessons/zh/03-execution.md", "quizzes/zh/smart.yaml"])
def test_an_oversized_file_is_refused_before_it_is_parsed(
    to: str, content_copy: Path, capsys: pytest.CaptureFixture[str]
):
    path = content_copy / to
    padding = "\n# " + "填充" * 1000  # a YAML comment; in a lesson, never parsed at all
    repeats = 10 * MAX_CONTENT_BYTES // len(padding.encode()) + 1
    path.write_text(path.read_text(encoding="utf-8") + padding * repeats, encoding="utf-8")
    megabytes = -(-path.stat().st_size // 100_000) / 10  # rounded up to a tenth
    assert megabytes >= 10
    assert validate(content_copy, capsys) == [f"{to}:1: too large ({megabytes:g} MB, limit 1 MB)"]
    assert_the_rest_loads(content_copy, to)


def test_the_real_content_is_far_below_the_size_limit():
    sizes = [(PROJECT_ROOT / path).stat().st_size for path in REAL_FILES]
    assert len(sizes) == 11 and max(sizes) < MAX_CONTENT_BYTES // 10
