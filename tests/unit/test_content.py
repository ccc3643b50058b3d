"""Finding and loading lesson files: discovery, caching, and one broken file among good ones."""

from __future__ import annotations

import os
from pathlib import Path

from courseware.content.catalog import lesson_files, load_course
from tests.conftest import break_front_matter


def test_real_course_has_four_parts_that_all_load():
    entries = load_course("zh")
    assert [e.part for e in entries] == [1, 2, 3, 4]
    assert [e.error for e in entries] == [None] * 4


def test_only_numbered_markdown_files_are_lessons(content_copy: Path):
    folder = content_copy / "lessons" / "zh"
    (folder / "notes.md").write_text("# scratch", encoding="utf-8")
    (folder / "05-draft.txt").write_text("x", encoding="utf-8")
    assert [p.name[:3] for p in lesson_files("zh")] == ["01-", "02-", "03-", "04-"]


def test_missing_language_has_no_lessons():
    assert load_course("xx") == ()


def test_a_broken_file_carries_its_error_and_the_others_still_load(content_copy: Path):
    broken = content_copy / "lessons" / "zh" / "03-execution.md"
    break_front_matter(broken)
    entries = load_course("zh")
    assert [e.lesson is not None for e in entries] == [True, True, False, True]
    assert str(entries[2].error).endswith(
        "03-execution.md:1: front matter: missing required field 'title'"
    )


def test_course_is_parsed_once_and_again_after_a_change(content_copy: Path):
    first = load_course("zh")
    assert load_course("zh") is first
    lesson = content_copy / "lessons" / "zh" / "01-customer-needs.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\n追加。\n", encoding="utf-8")
    stat = lesson.stat()
    os.utime(lesson, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    again = load_course("zh")
    assert again is not first
    assert again[0].lesson.sections[-1].blocks[-1].text == "追加。"


def test_part_number_must_match_the_file_name(content_copy: Path):
    folder = content_copy / "lessons" / "zh"
    (folder / "04-communication.md").rename(folder / "05-communication.md")
    entry = load_course("zh")[-1]
    assert entry.part == 5
    assert str(entry.error).endswith(
        "05-communication.md:3: front matter says part 4 but the file name says 5"
    )


def test_two_files_for_one_part_are_reported(content_copy: Path):
    folder = content_copy / "lessons" / "zh"
    (folder / "02-copy.md").write_bytes((folder / "02-management-by-objectives.md").read_bytes())
    entries = load_course("zh")
    second = [e for e in entries if e.part == 2][1]
    assert "part 2 is already given by" in str(second.error)


def test_an_oversized_lesson_is_refused_and_the_others_still_load(content_copy: Path):
    lesson = content_copy / "lessons" / "zh" / "02-management-by-objectives.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "填充" * 400_000, encoding="utf-8")
    entries = load_course("zh")
    assert [e.lesson is not None for e in entries] == [True, False, True, True]
    assert str(entries[1].error) == (
        "lessons/zh/02-management-by-objectives.md:1: too large (2.5 MB, limit 1 MB)"
    )


def test_a_bad_byte_is_named_at_its_own_line(content_copy: Path):
    lesson = content_copy / "lessons" / "zh" / "02-management-by-objectives.md"
    lines = lesson.read_bytes().split(b"\n")
    lines[56] = b"ab\xff" + lines[56]
    lesson.write_bytes(b"\n".join(lines))
    error = load_course("zh")[1].error
    assert str(error) == (
        "lessons/zh/02-management-by-objectives.md:57: not valid UTF-8 (byte 0xff at column 3)"
    )
