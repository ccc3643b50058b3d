"""GIFT export: escaping, Moodle's answer weights, each item type, and the category lines."""

from __future__ import annotations

import re
from textwrap import dedent

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter

from courseware.assessment.gift import (
    ACCEPTED_WEIGHTS,
    ORDERING_NOTE,
    escape,
    format_weight,
    item_to_gift,
    to_gift,
    weight_for,
)
from courseware.content.banks import load_banks
from courseware.content.quiz import Bank, Item
from courseware.paths import PROJECT_ROOT

COMMON = {"part": 1, "section": "smart", "difficulty": 1, "prompt": "题目", "explanation": "解析"}
WEIGHT = re.compile(r"~%(-?[0-9.]+)%")


def make(**fields):
    return TypeAdapter(Item).validate_python({"id": f"{fields['type']}-1", **COMMON, **fields})


def multiple(right: int, wrong: int = 1):
    """A multiple-choice item with ``right`` right options and ``wrong`` wrong ones."""
    keys = [f"k{n}" for n in range(right + wrong)]
    options = {key: f"选项{n}" for n, key in enumerate(keys)}
    return make(type="multiple", options=options, answer=keys[:right], id=f"multi-{right}")


def unescape(text: str) -> str:
    """Read escaped GIFT text back, left to right: ``\\n`` is a newline, ``\\x`` is ``x``."""
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def test_escape_special_characters_backslash_and_newlines():
    assert escape("a~b=c#d{e}f:g") == r"a\~b\=c\#d\{e\}f\:g"
    assert escape("C:\\path") == r"C\:\\path"
    assert escape("一行\n二行\r\n三行") == r"一行\n二行\n三行"
    assert escape("全角：＝～不变") == "全角：＝～不变"


@given(st.text())
def test_escaped_text_reads_back_and_hides_every_special_character(text):
    escaped = escape(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert unescape(escaped) == text.replace("\r\n", "\n").replace("\r", "\n")
    bare = re.sub(r"\\.", "", escaped)  # what is left once every escape is taken out
    assert not any(char in bare for char in "~=#{}:\\")


@pytest.mark.parametrize(
    ("k", "weight"),
    [(1, "100"), (2, "50"), (3, "33.33333"), (4, "25"), (6, "16.66667"), (7, "14.28571")],
)
def test_weight_for_k_right_options(k, weight):
    assert format_weight(weight_for(k)) == weight
    assert format_weight(-weight_for(k)) == f"-{weight}"
    assert weight_for(k) in ACCEPTED_WEIGHTS


def test_no_weight_beyond_ten_right_options():
    assert weight_for(10) == 10.0
    with pytest.raises(ValueError):
        weight_for(11)
    with pytest.raises(ValueError, match="multi-11"):
        item_to_gift(multiple(11))


def test_multiple_with_three_right_options():
    text = item_to_gift(multiple(3, wrong=2))
    assert text.count("~%33.33333%") == 3
    assert text.count("~%-33.33333%") == 2
    assert "=" not in text.replace("\\=", "")  # no "=": Moodle makes it a multiple-answer question


@pytest.mark.parametrize("k", range(1, 11))
def test_every_weight_written_is_accepted(k):
    weights = [float(w) for w in WEIGHT.findall(item_to_gift(multiple(k, wrong=2)))]
    assert len(weights) == k + 2
    assert all(abs(w) in ACCEPTED_WEIGHTS for w in weights)
    assert sum(w for w in weights if w > 0) == pytest.approx(100, abs=1e-3)


def test_every_weight_in_the_real_banks_is_accepted():
    banks = [entry.bank for entry in load_banks("zh", PROJECT_ROOT) if entry.bank is not None]
    assert len(banks) >= 7
    weights = [float(w) for w in WEIGHT.findall(to_gift(banks, "zh"))]
    assert all(abs(w) in ACCEPTED_WEIGHTS for w in weights)


def test_single_choice():
    item = make(
        type="single",
        options={"a": "今年做得更好", "b": "拜访 20 家客户", "c": "比例 1:2"},
        answer="b",
        prompt="哪个目标最具体?",
        explanation="要具体 {明确}。",
    )
    assert item_to_gift(item) == dedent(
        """\
        ::single-1:: 哪个目标最具体? {
        \t~今年做得更好
        \t=拜访 20 家客户
        \t~比例 1\\:2
        \t####要具体 \\{明确\\}。
        }
        """
    )


def test_truefalse():
    assert "\tTRUE\n\t####解析\n}" in item_to_gift(make(type="truefalse", answer=True))
    assert "\tFALSE\n\t####解析\n}" in item_to_gift(make(type="truefalse", answer=False))


def test_numeric():
    item = make(type="numeric", answer=60, tolerance=0.5, unit="元")
    assert "\t#60:0.5\n\t####解析\n}" in item_to_gift(item)
    assert "\t#-2.25:0\n" in item_to_gift(make(type="numeric", answer=-2.25))


def test_matching_repeats_categories():
    item = make(
        type="matching",
        categories=["封闭式", "开放式"],
        pairs={"能到吗?": "封闭式", "您怎么看?": "开放式", "是否满意?": "封闭式"},
    )
    assert item_to_gift(item) == dedent(
        """\
        ::matching-1:: 题目 {
        \t=能到吗? -> 封闭式
        \t=您怎么看? -> 开放式
        \t=是否满意? -> 封闭式
        \t####解析
        }
        """
    )


def test_arrow_inside_a_matching_entry_is_kept_out_of_the_separator():
    item = make(
        type="matching", categories=["甲", "乙"], pairs={"A->B": "甲", "C": "乙", "D": "甲"}
    )
    assert "\t=A→B -> 甲\n" in item_to_gift(item)


def test_ordering_is_exported_as_matching_from_step_to_position():
    item = make(type="ordering", steps=["目标设定", "行动展开", "绩效考核"])
    assert item_to_gift(item) == dedent(
        """\
        // ordering exported as matching: step -> position
        ::ordering-1:: 题目 {
        \t=目标设定 -> 1
        \t=行动展开 -> 2
        \t=绩效考核 -> 3
        \t####解析
        }
        """
    )
    assert item_to_gift(item).startswith(ORDERING_NOTE + "\n")


def test_title_prompt_and_explanation_are_escaped():
    item = make(type="truefalse", answer=True, prompt="a=b? {x}", explanation="#1: 是\n第二行")
    assert item_to_gift(item).startswith("::truefalse-1:: a\\=b? \\{x\\} {\n")
    assert "\t####\\#1\\: 是\\n第二行\n}" in item_to_gift(item)


def test_categories_and_blank_lines_between_questions():
    first = Bank(topic="smart", title="SMART", items=(make(type="truefalse", answer=True),))
    second = Bank(
        topic="pdca",
        title="PDCA",
        items=(
            make(type="truefalse", answer=False, id="pdca-1"),
            make(type="numeric", answer=3, id="pdca-2"),
        ),
    )
    text = to_gift([first, second], "zh")
    assert text.startswith("$CATEGORY: courseware/zh/smart\n\n::truefalse-1::")
    blocks = text.strip("\n").split("\n\n")
    assert [block.splitlines()[0] for block in blocks] == [
        "$CATEGORY: courseware/zh/smart",
        "::truefalse-1:: 题目 {",
        "$CATEGORY: courseware/zh/pdca",
        "::pdca-1:: 题目 {",
        "::pdca-2:: 题目 {",
    ]
    categories = [line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("$")]
    assert [c.split("/") for c in categories] == [
        ["courseware", "zh", b.topic] for b in (first, second)
    ]
    assert text.endswith("}\n\n")


def test_no_banks_no_text():
    assert to_gift([], "zh") == ""
