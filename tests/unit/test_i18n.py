"""UI strings: every key the code asks for exists, and formatting fills fields."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from courseware.i18n import languages, lookup, part_label, t
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
