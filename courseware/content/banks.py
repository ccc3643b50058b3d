"""Find, load and check the quiz banks; each file is parsed once per change."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import get_args

import yaml
from pydantic import ValidationError

from courseware.content import yaml_nodes
from courseware.content.files import read_content
from courseware.content.lesson import Lesson
from courseware.content.quiz import Bank, Item, ItemType
from courseware.errors import ContentError
from courseware.paths import content_root, display_path


@dataclass(frozen=True)
class BankEntry:
    """One bank file: its items, or the error that stops it from loading."""

    path: Path
    bank: Bank | None = None
    error: ContentError | None = None


def bank_files(lang: str, root: Path | None = None) -> list[Path]:
    folder = (root or content_root()) / "quizzes" / lang
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def load_bank(path: Path) -> Bank:
    """Parse one bank; raise ContentError naming the file and line of the first problem."""
    shown = display_path(path)
    text = read_content(path, shown)
    try:
        node, data = yaml_nodes.parse(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise ContentError(shown, line, f"not valid YAML: {exc.problem}") from None
    if not isinstance(data, dict):
        raise ContentError(shown, 1, "a bank is a mapping with topic, title and items")
    item_lines = _item_lines(node)
    items = data.get("items")
    if isinstance(items, list):
        topic = data.get("topic", "")
        for index, item in enumerate(items):
            if isinstance(item, dict):
                item.setdefault("line", item_lines[index] if index < len(item_lines) else 1)
                item.setdefault("topic", topic)
    try:
        bank = Bank.model_validate({**data, "path": shown})
    except ValidationError as exc:
        problem = exc.errors()[0]
        loc = tuple(problem["loc"])
        if problem["type"].startswith("union_tag"):  # an unknown item type: point at `type:`
            loc = (*loc, "type")
        line = _line_of(loc, node, item_lines)
        raise ContentError(shown, line, _message(problem)) from None
    if bank.topic != path.stem:
        raise ContentError(
            shown, _key_line(node, "topic"), f"topic '{bank.topic}' is not the file name"
        )
    return bank


def load_banks(lang: str, root: Path | None = None) -> tuple[BankEntry, ...]:
    """Every bank of a language, each loaded or carrying its error; cached until a file changes."""
    files = bank_files(lang, root)
    return _load_banks(tuple((p, p.stat().st_mtime_ns, p.stat().st_size) for p in files))


@lru_cache(maxsize=16)
def _load_banks(stamp: tuple[tuple[Path, int, int], ...]) -> tuple[BankEntry, ...]:
    entries = []
    for path, _mtime, _size in stamp:
        try:
            entries.append(BankEntry(path, bank=load_bank(path)))
        except ContentError as error:
            entries.append(BankEntry(path, error=error))
    return tuple(entries)


class DuplicateId(ContentError):
    """An item whose id an earlier item already uses: its bank loads, that item is left out."""


def merged_items(banks: Iterable[Bank]) -> tuple[dict[str, Item], list[DuplicateId]]:
    """Every item by id, the first one kept; each later item with a used id is an error."""
    items: dict[str, Item] = {}
    where: dict[str, str] = {}
    duplicates: list[DuplicateId] = []
    for bank in banks:
        for item in bank.items:
            if item.id in items:
                message = f"id '{item.id}' is already used at {where[item.id]}"
                duplicates.append(DuplicateId(bank.path, item.line, message))
                continue
            items[item.id] = item
            where[item.id] = f"{bank.path}:{item.line}"
    return items, duplicates


def items_by_id(lang: str, root: Path | None = None) -> dict[str, Item]:
    """Every loaded item of a language by its id (the first, should two items share an id)."""
    entries = load_banks(lang, root)
    kept = _by_id.get(lang)
    if kept is None or kept[0] is not entries:
        banks = [entry.bank for entry in entries if entry.bank is not None]
        kept = _by_id[lang] = (entries, merged_items(banks)[0])
    return kept[1]


_by_id: dict[str, tuple[tuple[BankEntry, ...], dict[str, Item]]] = {}


def check_banks(banks: list[Bank], lessons: dict[int, Lesson]) -> Iterator[ContentError]:
    """Problems across banks: ids used twice, sections that no lesson has."""
    yield from merged_items(banks)[1]
    for bank in banks:
        for item in bank.items:
            lesson = lessons.get(item.part)
            if lesson is not None and lesson.section(item.section) is None:
                yield ContentError(
                    bank.path,
                    item.line,
                    f"section '{item.section}' is not in part {item.part}'s lesson",
                )


def _item_lines(node: yaml.Node | None) -> list[int]:
    """The 1-based line where each item of ``items`` starts."""
    items = _value_of(node, "items")
    if not isinstance(items, yaml.SequenceNode):
        return []
    return [child.start_mark.line + 1 for child in items.value]


def _value_of(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if getattr(k, "value", None) == key), None)


def _key_line(node: yaml.Node | None, key: str) -> int:
    if isinstance(node, yaml.MappingNode):
        for k, _v in node.value:
            if getattr(k, "value", None) == key:
                return k.start_mark.line + 1
    return 1


def _line_of(loc: tuple, node: yaml.Node | None, item_lines: list[int]) -> int:
    """The line of the key an error points at: inside an item when the error is there."""
    if len(loc) >= 2 and loc[0] == "items" and isinstance(loc[1], int) and loc[1] < len(item_lines):
        items = _value_of(node, "items")
        item = items.value[loc[1]] if isinstance(items, yaml.SequenceNode) else None
        field = next(
            (part for part in loc[2:] if isinstance(part, str) and part in _keys(item)), None
        )
        return _key_line(item, field) if field else item_lines[loc[1]]
    return _key_line(node, str(loc[0])) if loc else 1


def _keys(node: yaml.Node | None) -> set[str]:
    if not isinstance(node, yaml.MappingNode):
        return set()
    return {str(getattr(k, "value", "")) for k, _v in node.value}


def _message(problem: dict) -> str:
    noise = {"items", *get_args(ItemType)}  # list positions and union tags say nothing to people
    loc = ".".join(str(p) for p in problem["loc"] if not isinstance(p, int) and p not in noise)
    text = problem["msg"].removeprefix("Value error, ")
    return f"{loc}: {text}" if loc else text
