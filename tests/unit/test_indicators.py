"""The indicator lists match lesson section 2.4, and find_indicator picks the right one."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from calculators import indicators
from calculators.indicators import (
    PERSPECTIVE_IDS,
    all_indicators,
    find_indicator,
    load_perspectives,
)
from courseware.content.catalog import load_course

EXPECTED_COUNTS = {"financial": 32, "customer": 28, "process": 21, "learning": 28}
EXPECTED_NAMES = {
    "financial": "财务",
    "customer": "客户",
    "process": "供应链流程",
    "learning": "学习和成长",
}


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def section_text() -> str:
    lesson = next(e.lesson for e in load_course("zh") if e.part == 2)
    section = lesson.section("indicators")
    assert section is not None
    return section.text


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def lesson_lists() -> list[list[str]]:
    """The indicators of each ``###`` table of section 2.4, read the way the YAML lists them."""
    lists = []
    for chunk in re.split(r"^### .*$", section_text(), flags=re.MULTILINE)[1:]:
        rows = [cells(line) for line in chunk.splitlines() if line.startswith("|")]
        header, body = rows[0], rows[2:]  # rows[1] is the --- line
        if header[0] == "序号":  # numbered pairs: order by number
            pairs = [(int(r[i]), r[i + 1]) for r in body for i in (0, 2) if r[i]]
            lists.append([name for _, name in sorted(pairs)])
        else:  # the supply-chain table: column by column, headers and sub-items left out
            lists.append(
                [re.sub(r"（.*）$", "", r[c]) for c in range(len(header)) for r in body if r[c]]
            )
    return lists


def test_every_indicator_name_is_in_section_2_4():
    text = nfkc(section_text())
    missing = [i.name for i in all_indicators() if nfkc(i.name) not in text]
    assert missing == []


def test_lists_are_the_lesson_tables_verbatim_and_in_order():
    yaml_lists = [[i.name for i in p.indicators] for p in load_perspectives()]
    assert yaml_lists == lesson_lists()


def test_counts_and_names_per_perspective():
    perspectives = load_perspectives()
    assert tuple(p.id for p in perspectives) == PERSPECTIVE_IDS
    assert {p.id: len(p.indicators) for p in perspectives} == EXPECTED_COUNTS
    assert {p.id: p.name for p in perspectives} == EXPECTED_NAMES
    assert all(i.perspective == p.id for p in perspectives for i in p.indicators)


def test_supply_chain_column_headers_are_not_indicators():
    names = {i.name for i in all_indicators()}
    assert names.isdisjoint({"时间", "成本", "品质", "其他/支持流程"})


def test_loading_is_cached():
    assert load_perspectives() is load_perspectives()
    assert load_perspectives("zh") is load_perspectives("zh")


def test_no_keyword_is_another_indicators_name():
    names = {i.name for i in all_indicators()}
    clashes = [(i.name, k) for i in all_indicators() for k in i.keywords if k in names]
    assert clashes == []


def test_every_name_finds_its_own_indicator():
    wrong = [i.name for i in all_indicators() if find_indicator(i.name) != i]
    assert wrong == []


def test_every_keyword_finds_an_indicator_that_lists_it():
    for indicator in all_indicators():
        for keyword in indicator.keywords:
            found = find_indicator(keyword)
            assert found is not None and keyword in (found.name, *found.keywords), keyword


@pytest.mark.parametrize(
    ("text", "name", "perspective"),
    [
        ("本季度把客户满意度提高到90%", "客户满意度", "customer"),
        ("满意度提升5个百分点", "客户满意度", "customer"),
        ("员工满意度达到85分", "员工满意度", "learning"),  # longer than the keyword 满意度
        ("整体顾客满意度", "整体顾客满意度", "process"),
        ("市场份额从12%提高到15%", "市场占有率", "customer"),
        ("提高区域占有率", "市场占有率", "customer"),
        ("回复时长不超过24小时", "回复时间", "process"),
        ("客户抱怨回复时间缩短到24小时", "客户抱怨", "customer"),  # a tie: the earlier wins
        ("响应时间缩短一半", "响应客户时长", "customer"),  # shared keyword: the earlier wins
        ("新客户收入百分比达到30%", "新客户收入百分比", "customer"),  # not 收入
        ("营收达到1000万元", "收入", "financial"),
        ("今年ROI不低于20%", "投资报酬率", "financial"),
        ("ｒｏｉ提高", "投资报酬率", "financial"),  # full-width, lower case
        ("授权指数(管理者人数)", "授权指数（管理者人数）", "learning"),
        ("存货天数降到30天", "存货天数", "financial"),
        ("预测/计划周期缩短", "预测/计划周期", "process"),
    ],
)
def test_find_indicator_examples(text: str, name: str, perspective: str):
    found = find_indicator(text)
    assert found is not None
    assert (found.name, found.perspective) == (name, perspective)


@pytest.mark.parametrize(
    "text", ["", "   ", "今年要把客户服务做得更好", "broad approach", "😀" * 50]
)
def test_find_indicator_finds_nothing(text: str):
    assert find_indicator(text) is None


def test_a_duplicate_name_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    perspectives = "\n".join(
        f"  - id: {pid}\n    name: x{pid}\n    indicators:\n      - name: 同名"
        for pid in PERSPECTIVE_IDS
    )
    (tmp_path / "indicators.dup.yaml").write_text(f"perspectives:\n{perspectives}\n", "utf-8")
    monkeypatch.setattr(indicators, "DATA_DIR", tmp_path)
    with pytest.raises(ValueError, match="同名"):
        load_perspectives("dup")


# ---- English ----------------------------------------------------------------------------------
EXPECTED_NAMES_EN = {
    "financial": "Financial",
    "customer": "Customer",
    "process": "Supply-chain process",
    "learning": "Learning and growth",
}
SUPPLY_CHAIN_HEADERS_EN = {"Time", "Cost", "Quality", "Other/support processes"}


def english_section_text() -> str:
    lesson = next(e.lesson for e in load_course("en") if e.part == 2)
    section = lesson.section("indicators")
    assert section is not None
    return section.text


def english_lesson_lists() -> list[list[str]]:
    """The indicators of each ``###`` table of the English section 2.4, in the YAML's order."""
    lists = []
    for chunk in re.split(r"^### .*$", english_section_text(), flags=re.MULTILINE)[1:]:
        rows = [cells(line) for line in chunk.splitlines() if line.startswith("|")]
        header, body = rows[0], rows[2:]
        if header[0] == "No.":
            pairs = [(int(r[i]), r[i + 1]) for r in body for i in (0, 2) if r[i]]
            lists.append([name for _, name in sorted(pairs)])
        else:
            assert set(header) == SUPPLY_CHAIN_HEADERS_EN
            lists.append(
                [re.sub(r" \(.*\)$", "", r[c]) for c in range(len(header)) for r in body if r[c]]
            )
    return lists


def test_english_lists_are_the_lesson_tables_verbatim_and_in_order():
    yaml_lists = [[i.name for i in p.indicators] for p in load_perspectives("en")]
    assert yaml_lists == english_lesson_lists()


def test_english_counts_and_names_per_perspective():
    perspectives = load_perspectives("en")
    assert tuple(p.id for p in perspectives) == PERSPECTIVE_IDS
    assert {p.id: len(p.indicators) for p in perspectives} == EXPECTED_COUNTS
    assert {p.id: p.name for p in perspectives} == EXPECTED_NAMES_EN
    assert load_perspectives("en") is perspectives


def test_english_and_chinese_lists_line_up_one_for_one():
    pairs = zip(all_indicators("en"), all_indicators(), strict=True)
    assert all(en.perspective == zh.perspective for en, zh in pairs)


def test_the_one_name_the_english_lesson_gives_twice_is_shared_on_purpose():
    names = [i.name for i in all_indicators("en")]
    assert sorted({n for n in names if names.count(n) > 1}) == ["Value added per employee"]
    shared = [i for i in all_indicators("en") if i.name == "Value added per employee"]
    assert [i.perspective for i in shared] == ["financial", "learning"]
    assert find_indicator("value added per employee", "en") == shared[0]


def test_english_supply_chain_column_headers_are_not_indicators():
    assert {i.name for i in all_indicators("en")}.isdisjoint(SUPPLY_CHAIN_HEADERS_EN)


def test_no_english_keyword_is_another_indicators_name():
    names = {i.name.casefold() for i in all_indicators("en")}
    clashes = [
        (i.name, k) for i in all_indicators("en") for k in i.keywords if k.casefold() in names
    ]
    assert clashes == []


def test_every_english_name_finds_its_own_indicator():
    wrong = [
        i.name
        for i in all_indicators("en")
        if find_indicator(i.name, "en") != i and i.name != "Value added per employee"
    ]
    assert wrong == []


def test_every_english_keyword_finds_an_indicator_that_lists_it():
    for indicator in all_indicators("en"):
        for keyword in indicator.keywords:
            found = find_indicator(keyword, "en")
            assert found is not None and keyword in (found.name, *found.keywords), keyword


@pytest.mark.parametrize(
    ("text", "name", "perspective"),
    [
        ("Raise customer satisfaction to 90% this quarter", "Customer satisfaction", "customer"),
        ("satisfaction up 5 percentage points", "Customer satisfaction", "customer"),
        ("Employee satisfaction of 85", "Employee satisfaction", "learning"),  # not the keyword
        ("overall customer satisfaction", "Overall customer satisfaction", "process"),
        ("MARKET SHARE from 12% to 15%", "Market share", "customer"),
        ("on time delivery for account A", "On-time delivery", "process"),  # no hyphen
        ("the on-time delivery rate", "On-time delivery", "process"),
        ("reply time within 24 hours", "Response time", "process"),
        ("response time to customers", "Response time to customers", "customer"),
        ("fewer customer complaint", "Customer complaints", "customer"),  # singular
        ("a dividend", "Dividends", "financial"),
        ("competitor’s prices", "Competitors' prices", "customer"),  # a curly apostrophe
        ("percentage of revenue from new customers", "Percentage of revenue from new customers",
         "customer"),  # not Revenue
        ("revenue of 10 million yuan", "Revenue", "financial"),
        ("ROI of at least 20%", "Return on investment", "financial"),
        ("ｒｏｉ", "Return on investment", "financial"),  # full-width, lower case
        ("days in inventory down to 30", "Days in inventory", "financial"),
        ("forecasting/planning cycle time", "Forecasting/planning cycle time", "process"),
        ("empowerment index (number of managers)", "Empowerment index (number of managers)",
         "learning"),
        ("staff turnover below 10%", "Employee turnover rate", "learning"),
    ],
)  # fmt: skip
def test_find_english_indicator_examples(text: str, name: str, perspective: str):
    found = find_indicator(text, "en")
    assert found is not None
    assert (found.name, found.perspective) == (name, perspective)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "Do a better job of customer service this year", "rebroad", "groi", "😀" * 50],
)
def test_find_english_indicator_finds_nothing(text: str):
    assert find_indicator(text, "en") is None


def test_a_shared_name_must_name_the_other_perspective(tmp_path: Path, monkeypatch):
    entries = [
        ("financial", "- name: Same\n"),
        ("customer", "- name: Same\n        same_name_as: customer\n"),
        *((pid, "- name: x" + pid + "\n") for pid in ("process", "learning")),
    ]
    perspectives = "\n".join(
        f"  - id: {pid}\n    name: x{pid}\n    indicators:\n      {item}" for pid, item in entries
    )
    (tmp_path / "indicators.bad.yaml").write_text(f"perspectives:\n{perspectives}", "utf-8")
    monkeypatch.setattr(indicators, "DATA_DIR", tmp_path)
    with pytest.raises(ValueError, match="Same"):
        load_perspectives("bad")
