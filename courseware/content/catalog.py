"""Find, load and validate the course's lesson files; each file is parsed once per change."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from courseware.content.figures import known_figures
from courseware.content.files import read_content
from courseware.content.lesson import Lesson, parse_lesson
from courseware.errors import ContentError
from courseware.paths import display_path, lessons_dir
from courseware.tool_names import TOOL_NAMES

LESSON_FILE = re.compile(r"^(\d{2})-[\w-]+\.md$")


@dataclass(frozen=True)
class LessonEntry:
    """One part of the course: its lesson, or the error that stops it from loading."""

    part: int
    path: Path
    lesson: Lesson | None = None
    error: ContentError | None = None


def lesson_files(lang: str, folder: Path | None = None) -> list[Path]:
    """The lesson files of a language, in part order (``NN-slug.md``)."""
    folder = (folder or lessons_dir()) / lang
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and LESSON_FILE.match(p.name))


def known_names(figures: frozenset[str] | None = None) -> dict[str, frozenset[str]]:
    """The figure and tool names lessons may use."""
    figures = known_figures() if figures is None else figures
    return {"figure": figures, "tool": TOOL_NAMES}


def load_lesson(path: Path, figures: frozenset[str] | None = None) -> Lesson:
    """Parse one lesson file; raise ContentError naming the file and line if it is broken."""
    shown = display_path(path)
    source = read_content(path, shown)
    lesson = parse_lesson(source, shown, known_names(figures))
    expected = int(LESSON_FILE.match(path.name).group(1))
    if lesson.meta.part != expected:
        line = next(
            (n for n, text in enumerate(source.splitlines(), 1) if text.startswith("part:")), 1
        )
        message = f"front matter says part {lesson.meta.part} but the file name says {expected}"
        raise ContentError(shown, line, message)
    return lesson


def load_course(lang: str, folder: Path | None = None) -> tuple[LessonEntry, ...]:
    """Every part of a language, each loaded or carrying its error; cached until a file changes."""
    files = lesson_files(lang, folder)
    stamp = tuple((p, p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    return _load_course(stamp, _figures_stamp())


def _figures_stamp() -> tuple[str, ...]:
    return tuple(sorted(known_figures()))


@lru_cache(maxsize=16)
def _load_course(
    stamp: tuple[tuple[Path, int, int], ...], figures: tuple[str, ...]
) -> tuple[LessonEntry, ...]:
    entries: list[LessonEntry] = []
    for path, _mtime, _size in stamp:
        part = int(LESSON_FILE.match(path.name).group(1))
        twin = next((e for e in entries if e.part == part), None)
        if twin is not None:
            message = f"part {part} is already given by {display_path(twin.path)}"
            error = ContentError(display_path(path), 1, message)
            entries.append(LessonEntry(part, path, error=error))
            continue
        try:
            entries.append(LessonEntry(part, path, lesson=load_lesson(path, frozenset(figures))))
        except ContentError as error:
            entries.append(LessonEntry(part, path, error=error))
    return tuple(entries)
