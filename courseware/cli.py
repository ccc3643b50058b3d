"""The command line, ``python -m courseware``: validate the content, count it, export it to GIFT."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from courseware.assessment.gift import to_gift
from courseware.content.banks import bank_files, check_banks, load_bank
from courseware.content.catalog import LESSON_FILE, lesson_files, load_lesson
from courseware.content.lesson import Lesson
from courseware.content.parity import (
    bank_problems,
    catalog_lines,
    catalog_problems,
    lesson_problems,
)
from courseware.content.quiz import Bank
from courseware.errors import ContentError
from courseware.i18n import DEFAULT_LANG, LOCALES_DIR, catalog, languages
from courseware.paths import CONTENT_DIR_ENV, PROJECT_ROOT, display_path

_LOCATED = re.compile(r"^(.+?):(\d+): (.*)$")  # a lesson warning, "path:line: message"


@dataclass
class Language:
    """One language's content as loaded: lessons by part, banks, and what stopped the rest."""

    lessons: dict[int, Lesson] = field(default_factory=dict)
    parts: set[int] = field(default_factory=set)  # parts that have a file, loaded or not
    banks: list[Bank] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)  # files that did not load
    warnings: list[ContentError] = field(default_factory=list)  # loaded, but not clean


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; return the exit code (0 fine, 1 content problems, 2 usage)."""
    args = _parser().parse_args(argv)
    root = Path(args.content).resolve() if args.content else PROJECT_ROOT
    if not root.is_dir():
        print(f"error: no such folder: {args.content}", file=sys.stderr)
        return 2
    with _content_root(root):
        try:
            return args.run(args, root)
        except Exception as exc:  # a last resort: people get a line, never a traceback
            print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 2


def validate(args: argparse.Namespace, root: Path) -> int:
    """Print every problem as ``path:line: message``; exit 1 if there is any."""
    languages = {lang: load_language(lang, root) for lang in languages_in(root)}
    problems = [p for content in languages.values() for p in _all_problems(content)]
    problems += parity(languages) + ui_parity()
    if problems:
        for line in sorted_lines(problems):
            print(line)
        return 1
    lessons = sum(len(content.lessons) for content in languages.values())
    banks = [bank for content in languages.values() for bank in content.banks]
    items = sum(len(bank.items) for bank in banks)
    print(f"ok: {lessons} lessons, {len(banks)} banks, {items} items")
    return 0


def stats(args: argparse.Namespace, root: Path) -> int:
    """Count lessons and items per language (as JSON with ``--json``)."""
    languages = {lang: load_language(lang, root) for lang in languages_in(root)}
    report: dict = {
        "lessons": {lang: len(content.lessons) for lang, content in languages.items()},
        "items": {lang: item_counts(content.banks) for lang, content in languages.items()},
    }
    errors = sorted_lines([e for content in languages.values() for e in content.errors])
    if errors:
        report["errors"] = errors
    if args.json:
        print(json.dumps(report, ensure_ascii=False, sort_keys=True))
        return 0
    for lang in sorted(languages):
        counts = report["items"][lang]
        print(f"{lang}: {report['lessons'][lang]} lessons, {counts['total']} items")
        for key in ("by_part", "by_topic", "by_type"):
            listed = ", ".join(f"{name} {n}" for name, n in sorted(counts[key].items()))
            print(f"  {key.removeprefix('by_')}: {listed or '-'}")
    for line in errors:
        print(line)
    return 0


def export_gift(args: argparse.Namespace, root: Path) -> int:
    """Write a language's banks as GIFT to ``-o FILE`` or stdout; exit 1 if a bank is broken."""
    content = Language()
    _load_banks(args.lang, root, content)
    if content.errors:
        for line in sorted_lines(content.errors):
            print(line, file=sys.stderr)
        return 1
    if not content.banks:
        print(f"error: no quiz banks in quizzes/{args.lang}", file=sys.stderr)
        return 1
    try:
        text = to_gift(content.banks, args.lang)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return 0
    Path(args.output).write_text(text, encoding="utf-8")
    items = sum(len(bank.items) for bank in content.banks)
    print(f"wrote {items} items from {len(content.banks)} banks to {args.output}")
    return 0


def parity(languages: dict[str, Language]) -> list[ContentError]:
    """What each translation lacks or changes of the reference language's structure.

    A file that did not load is reported once, as itself: what it holds is not compared.
    """
    reference = languages.get(DEFAULT_LANG)
    if reference is None:
        return []
    found: list[ContentError] = []
    for lang, content in languages.items():
        if lang == DEFAULT_LANG:
            continue
        broken = _unloaded_parts(reference) | _unloaded_parts(content)
        ours = {part: lesson for part, lesson in reference.lessons.items() if part not in broken}
        theirs = {part: lesson for part, lesson in content.lessons.items() if part not in broken}
        found += lesson_problems(ours, theirs, lang)
        names = _unloaded_names(reference) | _unloaded_names(content)
        kept = [b for b in reference.banks if Path(b.path).name not in names]
        translated = [b for b in content.banks if Path(b.path).name not in names]
        found += bank_problems(kept, translated, lang)
    return found


def _unloaded_parts(content: Language) -> set[int]:
    return content.parts - set(content.lessons)


def _unloaded_names(content: Language) -> set[str]:
    return {Path(error.path).name for error in content.errors}


def ui_parity() -> list[ContentError]:
    """UI keys that one language's catalog has and another's lacks."""
    found: list[ContentError] = []
    for lang in languages():
        if lang == DEFAULT_LANG:
            continue
        paths = (LOCALES_DIR / f"{DEFAULT_LANG}.toml", LOCALES_DIR / f"{lang}.toml")
        lines = tuple(catalog_lines(p.read_text(encoding="utf-8")) for p in paths)
        shown = tuple(display_path(p, PROJECT_ROOT) for p in paths)
        found += catalog_problems(catalog(DEFAULT_LANG), catalog(lang), shown, lines)
    return found


def languages_in(root: Path) -> list[str]:
    """Every language with a folder under ``lessons/`` or ``quizzes/``."""
    found = set()
    for kind in ("lessons", "quizzes"):
        folder = root / kind
        if folder.is_dir():
            found.update(p.name for p in folder.iterdir() if p.is_dir() and p.name[0] not in "._")
    return sorted(found)


def load_language(lang: str, root: Path) -> Language:
    """Load every lesson and bank of a language, each file on its own: one broken file is a line."""
    content = Language()
    _load_lessons(lang, root, content)
    _load_banks(lang, root, content)
    return content


def item_counts(banks: Sequence[Bank]) -> dict:
    """How many items there are, in all and by part, topic and type."""
    items = [item for bank in banks for item in bank.items]
    return {
        "total": len(items),
        "by_part": dict(Counter(str(item.part) for item in items)),
        "by_topic": dict(Counter(bank.topic for bank in banks for _ in bank.items)),
        "by_type": dict(Counter(item.type for item in items)),
    }


def sorted_lines(problems: Sequence[ContentError]) -> list[str]:
    """``path:line: message`` lines, by path, then line."""
    ordered = sorted(problems, key=lambda p: (p.path, p.line, p.message))
    return [f"{p.path}:{p.line}: {p.message}" for p in ordered]


def _load_lessons(lang: str, root: Path, content: Language) -> None:
    given: dict[int, Path] = {}
    for path in lesson_files(lang, root / "lessons"):
        part = int(LESSON_FILE.match(path.name).group(1))
        content.parts.add(part)
        if part in given:
            message = f"part {part} is already given by {display_path(given[part])}"
            content.errors.append(ContentError(display_path(path), 1, message))
            continue
        given[part] = path
        lesson = _guarded(path, load_lesson, content.errors)
        if lesson is not None:
            content.lessons[part] = lesson
            content.warnings.extend(_located(warning, lesson.path) for warning in lesson.warnings)


def _load_banks(lang: str, root: Path, content: Language) -> None:
    for path in bank_files(lang, root):
        bank = _guarded(path, load_bank, content.errors)
        if bank is not None:
            content.banks.append(bank)


def _guarded(path: Path, load, errors: list[ContentError]):
    """``load(path)``, or None with the reason added to ``errors``."""
    try:
        return load(path)
    except ContentError as error:
        errors.append(error)
    except Exception as exc:
        errors.append(ContentError(display_path(path), 1, f"cannot load: {exc!r}"))
    return None


def _all_problems(content: Language) -> list[ContentError]:
    """Load errors, lesson warnings, and what is wrong across the banks."""
    problems = [*content.errors, *content.warnings]
    try:
        problems.extend(check_banks(content.banks, content.lessons))
    except Exception as exc:
        where = content.banks[0].path if content.banks else "quizzes"
        problems.append(ContentError(where, 1, f"cannot check the banks: {exc!r}"))
    if content.parts:  # a language without lessons has nothing to point at
        for bank in content.banks:
            for item in bank.items:
                if item.part not in content.parts:
                    message = f"part {item.part} has no lesson"
                    problems.append(ContentError(bank.path, item.line, message))
    return problems


def _located(line: str, path: str) -> ContentError:
    match = _LOCATED.match(line)
    if match is None:
        return ContentError(path, 1, line)
    return ContentError(match.group(1), int(match.group(2)), match.group(3))


@contextmanager
def _content_root(root: Path) -> Iterator[None]:
    """Read content from ``root`` (paths in messages are relative to it) for the run."""
    before = os.environ.get(CONTENT_DIR_ENV)
    os.environ[CONTENT_DIR_ENV] = str(root)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(CONTENT_DIR_ENV, None)
        else:
            os.environ[CONTENT_DIR_ENV] = before


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m courseware", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, run, summary: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=summary, description=summary)
        sub.add_argument(
            "--content", metavar="DIR", help="folder holding lessons/ and quizzes/ (the project)"
        )
        sub.set_defaults(run=run)
        return sub

    command("validate", validate, "check every lesson and quiz bank; list problems")
    sub = command("stats", stats, "count lessons and quiz items per language")
    sub.add_argument("--json", action="store_true", help="print one JSON object")
    sub = command("export-gift", export_gift, "export a language's quiz banks to Moodle GIFT")
    sub.add_argument("--lang", default="zh", help="language folder (default: zh)")
    sub.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    return parser
