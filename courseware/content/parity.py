"""Whether a translation keeps the structure of the reference language (Chinese).

Every language must have the same lessons with the same section ids, the same quiz items with
the same type, part, section and answer key (options, steps, entries and categories in the same
numbers, each entry in the same category by position), and the same UI keys. Each difference is
a ``ContentError`` at the translated file's line (or the reference's, for what is missing from
the translation). Pure: loaded content in, problems out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from courseware.content.lesson import Lesson
from courseware.content.quiz import Bank, Item
from courseware.errors import ContentError


def lesson_problems(
    reference: Mapping[int, Lesson], other: Mapping[int, Lesson], lang: str
) -> Iterator[ContentError]:
    """Parts and section ids that differ between the reference lessons and ``lang``'s."""
    for part in sorted(set(reference) | set(other)):
        ours, theirs = reference.get(part), other.get(part)
        if theirs is None:
            yield ContentError(ours.path, 1, f"part {part} has no lesson in '{lang}'")
            continue
        if ours is None:
            yield ContentError(theirs.path, 1, f"part {part} has no lesson in the reference")
            continue
        ids = [s.id for s in ours.sections]
        for position, section in enumerate(theirs.sections):
            expected = ids[position] if position < len(ids) else None
            if section.id != expected:
                wanted = f"'{expected}'" if expected else "no section"
                message = f"section {position + 1} is '{section.id}'; the reference has {wanted}"
                yield ContentError(theirs.path, section.line, message)
        for section in ours.sections[len(theirs.sections) :]:
            message = f"section '{section.id}' is missing in '{lang}'"
            yield ContentError(theirs.path, 1, message)


def bank_problems(
    reference: Sequence[Bank], other: Sequence[Bank], lang: str
) -> Iterator[ContentError]:
    """Items missing on either side, and items whose structure or answer key differs."""
    ours = {item.id: (bank, item) for bank in reference for item in bank.items}
    theirs = {item.id: (bank, item) for bank in other for item in bank.items}
    for item_id, (bank, item) in ours.items():
        if item_id not in theirs:
            yield ContentError(bank.path, item.line, f"item '{item_id}' is missing in '{lang}'")
    for item_id, (bank, item) in theirs.items():
        if item_id not in ours:
            yield ContentError(bank.path, item.line, f"item '{item_id}' is not in the reference")
            continue
        reference_bank, reference_item = ours[item_id]
        if Path(bank.path).name != Path(reference_bank.path).name:
            message = f"item '{item_id}' is in {Path(reference_bank.path).name} in the reference"
            yield ContentError(bank.path, item.line, message)
        for field, (expected, found) in _differences(reference_item, item).items():
            message = f"item '{item_id}': {field} is {found!r}; the reference has {expected!r}"
            yield ContentError(bank.path, item.line, message)


def _shape(item: Item) -> dict[str, Any]:
    """What a translation must keep of an item: everything but its words."""
    shape: dict[str, Any] = {"type": item.type, "part": item.part, "section": item.section,
                             "difficulty": item.difficulty}  # fmt: skip
    if item.type in ("single", "multiple"):
        shape |= {"option keys": sorted(item.options), "answer": item.answer}
    elif item.type == "truefalse":
        shape["answer"] = item.answer
    elif item.type == "ordering":
        shape["number of steps"] = len(item.steps)
    elif item.type == "matching":
        categories = list(item.categories)
        shape |= {
            "number of categories": len(categories),
            "categories of the entries": [categories.index(c) + 1 for c in item.pairs.values()],
        }
    else:
        shape |= {"answer": item.answer, "tolerance": item.tolerance, "unit given": bool(item.unit)}
    return shape


def _differences(reference: Item, other: Item) -> dict[str, tuple[Any, Any]]:
    ours, theirs = _shape(reference), _shape(other)
    return {key: (ours.get(key), theirs.get(key)) for key in ours | theirs
            if ours.get(key) != theirs.get(key)}  # fmt: skip


_TABLE = re.compile(r"^\s*\[([^\]]+)\]\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


def catalog_lines(text: str) -> dict[str, int]:
    """Each dotted key of a TOML catalog (its tables' plain keys) and the line it is on."""
    lines: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), 1):
        if heading := _TABLE.match(line):
            table = heading.group(1).strip().strip('"')
            lines.setdefault(table, number)
        elif key := _KEY.match(line):
            lines[f"{table}.{key.group(1)}" if table else key.group(1)] = number
    return lines


def catalog_problems(
    reference: Mapping[str, Any], other: Mapping[str, Any], paths: tuple[str, str],
    lines: tuple[dict[str, int], dict[str, int]],
) -> Iterator[ContentError]:  # fmt: skip
    """UI keys present in one catalog and missing from the other."""
    ours, theirs = set(_keys(reference)), set(_keys(other))
    for key in sorted(ours - theirs):
        yield ContentError(
            paths[0], lines[0].get(key, 1), f"UI key '{key}' is missing in {paths[1]}"
        )
    for key in sorted(theirs - ours):
        yield ContentError(
            paths[1], lines[1].get(key, 1), f"UI key '{key}' is missing in {paths[0]}"
        )


def _keys(table: Mapping[str, Any], prefix: str = "") -> Iterator[str]:
    for key, value in table.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, Mapping):
            yield from _keys(value, f"{dotted}.")
        else:
            yield dotted
