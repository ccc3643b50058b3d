"""Reading a content file: the size limit, bad bytes and odd characters, each with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from courseware.content.files import MAX_CONTENT_BYTES, read_content, too_large
from courseware.errors import ContentError


def error_of(path: Path) -> str:
    with pytest.raises(ContentError) as caught:
        read_content(path, "lessons/zh/02-x.md")
    return str(caught.value)


def test_utf8_text_is_read_as_it_is(tmp_path: Path):
    path = tmp_path / "x.md"
    path.write_text("\ufeff标题\n\t正文 ✓ 🙂\r\n", encoding="utf-8")
    assert read_content(path, "x.md") == "\ufeff标题\n\t正文 ✓ 🙂\r\n"


def test_a_file_at_the_limit_is_read_and_one_byte_more_is_refused(tmp_path: Path):
    path = tmp_path / "x.md"
    path.write_bytes(b"a" * MAX_CONTENT_BYTES)
    assert len(read_content(path, "x.md")) == MAX_CONTENT_BYTES
    path.write_bytes(b"a" * (MAX_CONTENT_BYTES + 1))
    assert error_of(path) == "lessons/zh/02-x.md:1: too large (1.1 MB, limit 1 MB)"


def test_the_size_is_rounded_up_to_a_tenth():
    assert too_large(10_000_000) == "too large (10 MB, limit 1 MB)"
    assert too_large(10_000_001) == "too large (10.1 MB, limit 1 MB)"


def test_a_bad_byte_is_named_with_its_line_and_column(tmp_path: Path):
    path = tmp_path / "x.md"
    lines = [b"---", *(f"第{n}行".encode() for n in range(2, 57))]
    path.write_bytes(b"\n".join([*lines, "甲乙".encode() + b"\xff end", b"more"]))
    assert error_of(path) == "lessons/zh/02-x.md:57: not valid UTF-8 (byte 0xff at column 3)"


def test_a_bad_byte_on_the_first_line(tmp_path: Path):
    path = tmp_path / "x.md"
    path.write_bytes(b"\xe4\xb8")  # a character cut in half
    assert error_of(path) == "lessons/zh/02-x.md:1: not valid UTF-8 (byte 0xe4 at column 1)"


def test_a_control_character_is_named_with_its_line_and_column(tmp_path: Path):
    path = tmp_path / "x.md"
    path.write_text("一\n二三\x00\n", encoding="utf-8")
    assert error_of(path) == "lessons/zh/02-x.md:2: character U+0000 is not allowed (column 3)"


def test_a_missing_file_cannot_be_read(tmp_path: Path):
    assert error_of(tmp_path / "gone.md").startswith("lessons/zh/02-x.md:1: cannot read the file")
