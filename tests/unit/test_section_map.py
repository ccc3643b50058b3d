"""Every section of the course's section map is in the Chinese lessons, with all it must hold."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from courseware.content.catalog import load_course

SECTION_MAP = Path(__file__).parent.parent / "data" / "section_map.yaml"
ENTRIES = yaml.safe_load(SECTION_MAP.read_text(encoding="utf-8"))


def normalise(text: str) -> str:
    """Compare full-width and ASCII punctuation alike, ignoring spaces and Markdown emphasis."""
    return re.sub(r"[\s*_`|]", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def lessons():
    return {entry.part: entry.lesson for entry in load_course("zh")}


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{e['number']}-{e['id']}" for e in ENTRIES])
def test_section_is_present_with_every_item(entry, lessons):
    section = lessons[entry["part"]].section(entry["id"])
    assert section is not None, f"section {entry['number']} ({entry['id']}) is missing"
    assert section.number == entry["number"]
    assert normalise(entry["title"]) in normalise(section.title)
    text = normalise(section.text)
    missing = [p for p in map(str, entry["phrases"]) if normalise(p) not in text]
    assert not missing, f"{entry['number']} lacks: {missing}"


def test_sections_are_in_source_order(lessons):
    for part, lesson in lessons.items():
        expected = [e["id"] for e in ENTRIES if e["part"] == part]
        assert [s.id for s in lesson.sections] == expected
