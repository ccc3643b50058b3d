"""UI strings: every key the code asks for exists, and formatting fills fields."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from courseware.i18n import languages, lookup, part_label, t
from courseware.paths import PROJECT_ROOT

KEY_CALL = re.compile(r"\bt\(\s*f?[\"']([a-z_]+\.[a-z_{}.]+)[\"']")


def used_keys() -> set[str]:
    sources = [PROJECT_ROOT / "app.py", *Path(PROJECT_ROOT / "courseware").rglob("*.py")]
    return {k for path in sources for k in KEY_CALL.findall(path.read_text(encoding="utf-8"))}


def expand(key: str) -> list[str]:
    """Turn f-string keys such as ``callout.{block.kind}`` into the keys they can take."""
    choices = {
        "{block.kind}": ["key", "tip", "warn"],
        "{who}": ["trainee", "instructor", "self"],
    }
    for placeholder, values in choices.items():
        if placeholder in key:
            return [k for v in values for k in expand(key.replace(placeholder, v))]
    assert "{" not in key, f"add {key} to expand()"
    return [key]


@pytest.mark.parametrize("lang", languages())
def test_every_key_used_in_code_exists(lang):
    keys = [k for key in sorted(used_keys()) for k in expand(key)]
    assert len(keys) > 20
    for key in keys:
        lookup(key, lang)


def test_fields_are_filled():
    assert t("part.meta", minutes=7, sections=4) == "约 7 分钟 · 4 节"


def test_part_labels_use_chinese_numerals():
    assert [part_label(n) for n in (1, 2, 4)] == ["第一部分", "第二部分", "第四部分"]
    assert part_label(42) == "第42部分"


def test_unknown_key_says_which():
    with pytest.raises(KeyError, match=r"no UI string 'part\.nope'"):
        t("part.nope")
