"""Every item of every bank (test id ``path:line``), the bank's coverage, and broken bank files."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from textwrap import dedent

import pytest

from courseware.assessment.scoring import check, correct_answer, shuffled
from courseware.content.banks import (
    DuplicateId,
    check_banks,
    items_by_id,
    load_bank,
    load_banks,
    merged_items,
)
from courseware.content.catalog import load_course
from courseware.content.files import MAX_CONTENT_BYTES
from courseware.content.quiz import ItemType
from courseware.errors import ContentError

BANKS = [entry.bank for entry in load_banks("zh") if entry.bank is not None]
ITEMS = [item for bank in BANKS for item in bank.items]
LESSONS = {entry.part: entry.lesson for entry in load_course("zh")}


def right_response(item):
    return {
        "single": lambda: item.answer if item.type == "single" else None,
        "multiple": lambda: list(getattr(item, "answer", ())),
        "truefalse": lambda: getattr(item, "answer", None),
        "ordering": lambda: list(getattr(item, "steps", ())),
        "matching": lambda: dict(getattr(item, "pairs", {})),
        "numeric": lambda: str(getattr(item, "answer", "")),
    }[item.type]()


def wrong_response(item):
    if item.type == "single":
        return next(k for k in item.options if k != item.answer)
    if item.type == "multiple":
        return [k for k in item.options if k not in item.answer]
    if item.type == "truefalse":
        return not item.answer
    if item.type == "ordering":
        return list(reversed(item.steps))
    if item.type == "matching":
        return {
            e: next(c for c in item.categories if c != right) for e, right in item.pairs.items()
        }
    return str(item.answer + item.tolerance + 1000)


def test_every_bank_loads():
    assert [e.error for e in load_banks("zh")] == [None] * len(BANKS)
    assert list(check_banks(BANKS, LESSONS)) == []


@pytest.mark.parametrize("item", ITEMS, ids=[f"{b.path}:{i.line}" for b in BANKS for i in b.items])
def test_item(item):
    lesson = LESSONS[item.part]
    assert lesson.section(item.section) is not None, (
        f"section {item.section} not in part {item.part}"
    )
    assert check(item, right_response(item)).score == 1.0
    assert check(item, wrong_response(item)).score < 1.0
    assert correct_answer(item).strip()
    assert item.explanation.strip() and item.prompt.strip()
    if item.type in ("single", "multiple"):
        assert sorted(shuffled(item, 7)) == sorted(item.options)
    if item.type == "ordering":
        assert list(shuffled(item, 7)) != list(item.steps)


def test_coverage_of_the_bank():
    by_topic = Counter(i.topic for i in ITEMS)
    types = {i.type for i in ITEMS}
    assert len(ITEMS) >= 60 and types == set(ItemType.__args__)
    assert by_topic["smart"] >= 12 and by_topic["pdca"] >= 12 and by_topic["questioning"] >= 12
    for letter in ("specific", "measurable", "achievable", "relevant", "timebound"):
        assert sum(i.topic == "smart" and letter in i.id for i in ITEMS) >= 2, letter
    for technique in ("closed", "open", "follow-up", "leading", "hypothetical", "repetition"):
        named = [i for i in ITEMS if re.fullmatch(rf"questioning-{technique}-\d+", i.id)]
        assert len(named) >= 2, technique
    other_topics = {1: "customers", 2: "objectives", 3: "execution", 4: "communication"}
    for part, topic in other_topics.items():
        assert sum(i.topic == topic and i.part == part for i in ITEMS) >= 8, topic


BROKEN = {
    "bad YAML": ("items: [\n  - id: x\n", "not valid YAML"),
    "missing field": (
        "topic: t\ntitle: T\nitems:\n  - id: t-1\n    type: truefalse\n    part: 1\n"
        "    section: key-accounts\n    difficulty: 1\n    prompt: 问\n    answer: true\n",
        "t.yaml:4: explanation: Field required",
    ),
    "answer not an option": (
        "topic: t\ntitle: T\nitems:\n  - id: t-1\n    type: single\n    part: 1\n"
        "    section: key-accounts\n    difficulty: 1\n    prompt: 问\n    explanation: 因\n"
        "    options: {a: 甲, b: 乙}\n    answer: c\n",
        't.yaml:4: answer "c" is not one of the options',
    ),
    "unknown type": (
        "topic: t\ntitle: T\nitems:\n  - id: t-1\n    type: essay\n    part: 1\n"
        "    section: key-accounts\n    difficulty: 1\n    prompt: 问\n    explanation: 因\n",
        "t.yaml:5:",
    ),
    "topic is not the file name": (
        "topic: other\ntitle: T\nitems:\n  - id: t-1\n    type: truefalse\n    part: 1\n"
        "    section: key-accounts\n    difficulty: 1\n    prompt: 问\n    explanation: 因\n"
        "    answer: false\n",
        "t.yaml:1: topic 'other' is not the file name",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_bank_names_its_file_and_line(case, tmp_path: Path):
    text, expected = BROKEN[case]
    path = tmp_path / "t.yaml"
    path.write_text(dedent(text), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_bank(path)
    assert expected in str(caught.value)


TRUE_FALSE = (
    "topic: t\ntitle: T\nitems:\n  - id: t-1\n    type: truefalse\n    part: 1\n"
    "    section: key-accounts\n    difficulty: 1\n    prompt: 问\n    explanation: 因\n"
    "    answer: false\n"
)


def test_a_bad_byte_is_named_at_its_own_line(tmp_path: Path):
    path = tmp_path / "t.yaml"
    path.write_bytes(
        TRUE_FALSE.replace("prompt: 问", "prompt: 问?").encode().replace(b"?", b"\xff")
    )
    with pytest.raises(ContentError) as caught:
        load_bank(path)
    assert str(caught.value).endswith("t.yaml:9: not valid UTF-8 (byte 0xff at column 14)")


def test_an_oversized_bank_is_refused(tmp_path: Path):
    path = tmp_path / "t.yaml"
    path.write_text(TRUE_FALSE + "#" * MAX_CONTENT_BYTES, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_bank(path)
    assert str(caught.value).endswith("t.yaml:1: too large (1.1 MB, limit 1 MB)")


def test_an_id_used_twice_keeps_the_first_item_and_names_the_second(tmp_path: Path):
    (tmp_path / "a.yaml").write_text(TRUE_FALSE.replace("topic: t", "topic: a"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        TRUE_FALSE.replace("topic: t", "topic: b").replace("answer: false", "answer: true"),
        encoding="utf-8",
    )
    first, second = (load_bank(tmp_path / name) for name in ("a.yaml", "b.yaml"))
    items, duplicates = merged_items([first, second])
    assert list(items) == ["t-1"] and items["t-1"].topic == "a"
    assert [type(d) for d in duplicates] == [DuplicateId]
    assert [str(d) for d in duplicates] == [
        f"{second.path}:4: id 't-1' is already used at {first.path}:4"
    ]
    assert [str(p) for p in check_banks([first, second], {})] == [str(duplicates[0])]


def test_items_by_id_has_every_real_item():
    assert len(items_by_id("zh")) == len(ITEMS)
