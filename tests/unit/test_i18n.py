"""UI strings: every key the code asks for exists, and formatting fills fields."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from courseware.i18n import catalog, languages, lookup, part_label, t
from courseware.paths import PROJECT_ROOT
from courseware.tool_names import TOOL_NAMES

KEY_CALL = re.compile(r"\bt\(\s*f?[\"']([a-z_]+\.[a-z_{}.]+)[\"']")


def used_keys() -> set[str]:
    sources = [PROJECT_ROOT / "course.py", *Path(PROJECT_ROOT / "courseware").rglob("*.py")]
    return {k for path in sources for k in KEY_CALL.findall(path.read_text(encoding="utf-8"))}


@pytest.mark.parametrize("lang", languages())
def test_every_literal_key_used_in_code_exists(lang):
    """Keys built at run time (tools, fields) are exercised by the page-flow tests."""
    keys = sorted(k for k in used_keys() if "{" not in k)
    assert len(keys) > 20
    for key in keys:
        lookup(key, lang)


@pytest.mark.parametrize("lang", languages())
def test_every_tool_has_a_title_and_an_introduction(lang):
    for name in TOOL_NAMES:
        assert lookup(f"tools.{name}.title", lang)
        assert lookup(f"tools.{name}.intro", lang)


@pytest.mark.parametrize("kind", ["greater_than_equal", "less_than_equal", "greater_than"])
def test_field_limit_messages_take_the_limit(kind):
    assert "7" in t(f"fields.{kind}", limit="7")


def test_fields_are_filled():
    assert t("part.meta", minutes=7, sections=4) == "约 7 分钟 · 4 节"


def test_part_labels_use_chinese_numerals():
    assert [part_label(n) for n in (1, 2, 4)] == ["第一部分", "第二部分", "第四部分"]
    assert part_label(42) == "第42部分"


def test_unknown_key_says_which():
    with pytest.raises(KeyError, match=r"no UI string 'part\.nope'"):
        t("part.nope")


# Proper names the English catalog may show in Chinese on purpose, after their English form
# ("Penghui (鹏辉)"); any other Chinese character or full-width punctuation is a mistake.
NAMES_SHOWN_IN_CHINESE = ("鹏辉", "侯云腾")
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _leaves(table: dict, prefix: str = "") -> list[tuple[str, object]]:
    """Every value that is not a table, with its dotted key, in catalog order."""
    found: list[tuple[str, object]] = []
    for name, value in table.items():
        key = f"{prefix}{name}"
        found += _leaves(value, f"{key}.") if isinstance(value, dict) else [(key, value)]
    return found


def _tables(table: dict, prefix: str = "") -> list[tuple[str, list[str]]]:
    """Each table's dotted name with its keys in order."""
    found = [(prefix, list(table))]
    for name, value in table.items():
        if isinstance(value, dict):
            found += _tables(value, f"{prefix}{name}.")
    return found


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


OTHER_LANGUAGES = [lang for lang in languages() if lang != "zh"]


def test_there_is_an_english_catalog():
    assert "en" in languages()


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_catalogs_have_the_same_tables_and_keys_in_the_same_order(lang):
    assert _tables(catalog(lang)) == _tables(catalog("zh"))


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_catalogs_have_the_same_placeholders_and_list_lengths(lang):
    theirs = dict(_leaves(catalog(lang)))
    for key, value in _leaves(catalog("zh")):
        other = theirs[key]
        assert type(other) is type(value), key
        if isinstance(value, list):
            assert len(other) == len(value), key
            pairs = zip(value, other, strict=True)
        else:
            pairs = [(value, other)]
        for ours, translated in pairs:
            if isinstance(ours, str):
                assert _fields(translated) == _fields(ours), key


def test_english_values_have_no_chinese_but_the_allowed_names():
    for key, value in _leaves(catalog("en")):
        for text in value if isinstance(value, list) else [value]:
            rest = str(text)
            for name in NAMES_SHOWN_IN_CHINESE:
                rest = rest.replace(name, "")
            assert not CHINESE.search(rest), f"{key}: {text}"


def test_english_part_labels_use_numbers():
    assert [part_label(n, "en") for n in (1, 2, 4)] == ["Part 1", "Part 2", "Part 4"]
    assert part_label(42, "en") == "Part 42"
    assert t("part.meta", "en", minutes=7, sections=4) == "About 7 min · 4 sections"
