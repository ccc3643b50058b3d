"""The SMART checker: the lesson's examples, one missing letter at a time, and odd input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.smart import LETTERS, SmartCheck, check_goal, rewrite

WEAK = "今年要把客户服务做得更好"
STRONG = "本季度末之前，将重点客户的客户抱怨回复时间从48小时缩短到24小时以内"
LESSON_STRONG = (
    "本季度末之前，将重点客户的客户抱怨响应时间缩短到 24 小时以内，"
    "并使重点客户的客户满意度比上季度提高 5 个百分点。"
)


def passed(check: SmartCheck) -> str:
    """The letters a goal passes, in S-M-A-R-T order: 'SMART', 'MART', ''."""
    return "".join(letter for letter in LETTERS if check.letters[letter])


def test_weak_goal_from_the_lesson():
    check = check_goal(WEAK)
    assert check.letters == {"S": False, "M": False, "A": False, "R": False, "T": True}
    assert check.deadline == "今年"
    assert check.vague_words == ("更好",)
    assert check.number is None
    assert check.score == 1
    assert check.missing == ("S", "M", "A", "R")


def test_strong_goal_passes_every_letter():
    check = check_goal(STRONG)
    assert all(check.letters.values())
    assert check.score == 5
    assert check.deadline == "本季度末之前"
    assert check.baseline == "从48小时"
    assert check.number == "24小时"  # the target, not the starting value
    assert check.action == "缩短"
    assert check.indicator is not None and check.indicator.name == "客户抱怨"
    assert check.vague_words == ()


def test_the_lessons_own_strong_goal_passes_every_letter():
    check = check_goal(LESSON_STRONG)
    assert passed(check) == "SMART"
    assert (check.number, check.baseline) == ("24小时", "比上季度")


@pytest.mark.parametrize(
    ("goal", "letters"),
    [
        (WEAK, "T"),
        (STRONG, "SMART"),
        # exactly one letter missing
        ("本季度末之前，客户满意度从80%到90%", "MART"),  # S: no action verb
        ("本季度末之前，客户满意度比上季度提高", "SART"),  # M: no number
        ("本季度末之前，将客户满意度提高到90%", "SMRT"),  # A: no starting point
        ("本季度末之前，重点客户拜访量从20家增加到30家", "SMAT"),  # R: no indicator
        ("将客户满意度从80%提高到90%", "SMAR"),  # T: no deadline
        # more goals trainees write
        ("2026年3月31日前，市场占有率由12%提高到15%", "SMART"),
        ("第三季度客户满意度目前为85%，提升到90%", "SMART"),
        ("半年内把员工流动率从15%降到10%", "SMART"),
        ("上半年销售额同比增长20%", "SMAT"),
        ("3个月内把存货天数降低到30天以内", "SMRT"),
        ("下个月签约5家新客户", "SMT"),
        ("尽量提高客户满意度", "R"),  # vague and no number: not specific
        ("努力把员工流失率降低一些", "R"),
        ("争取本月把客户满意度提高到90%", "SMRT"),  # vague, but the number makes it specific
        ("实现5%增长", "M"),  # too short to be specific
        ("本周五前提交方案", "T"),
        ("本季度把客户 满意度提高到 90 %", "SMRT"),  # stray spaces do not matter
        ("", ""),
        ("   \n\t ", ""),
    ],
)
def test_letters(goal: str, letters: str):
    check = check_goal(goal)
    assert passed(check) == letters
    assert check.score == len(letters)


@pytest.mark.parametrize(
    ("goal", "number"),
    [
        ("客户满意度比上季度提高5个百分点", "5个百分点"),
        ("回复时间缩短到 24 小时以内", "24小时"),
        ("市场占有率提高到15%", "15%"),
        ("3月底前回款200万元", "200万元"),
        ("新开发30家经销商", "30家"),
        ("营收达到1,000万元", "1,000万元"),
        ("把回复时间缩短到２４小时", "24小时"),  # full-width digits
        ("客户数量增加三成", "三成"),
        ("新签两家客户", "两家"),
        ("完成一个方案", None),  # '一个' is an article, not a target
        ("30天内拜访客户", None),  # the only number belongs to the deadline
        ("2026年6月30日前完成", None),
    ],
)
def test_number(goal: str, number: str | None):
    assert check_goal(goal).number == number


@pytest.mark.parametrize(
    ("goal", "deadline"),
    [
        ("2026年3月31日前完成", "2026年3月31日前"),
        ("3月底前完成", "3月底前"),
        ("6月30日前完成", "6月30日前"),
        ("2026-06-30之前上线", "2026-06-30之前"),
        ("本季度完成", "本季度"),
        ("本月完成", "本月"),
        ("本周完成", "本周"),
        ("今年完成", "今年"),
        ("今年年底前完成", "今年年底前"),
        ("年底前完成", "年底前"),
        ("第三季度完成", "第三季度"),
        ("Q3完成", "Q3"),
        ("30天内完成", "30天内"),
        ("两周内完成", "两周内"),
        ("3个月内完成", "3个月内"),
        ("下个月完成", "下个月"),
        ("上半年完成", "上半年"),
        ("每月拜访10家客户", "每月"),
        ("把存货天数降低到30天以内", None),  # a target, not a deadline
        ("降低成本年度目标", None),  # '本年' inside 成本年度 is no deadline
        ("两周一次拜访客户", None),
    ],
)
def test_deadline(goal: str, deadline: str | None):
    assert check_goal(goal).deadline == deadline


@pytest.mark.parametrize(
    ("goal", "baseline"),
    [
        ("回复时间从48小时缩短到24小时", "从48小时"),
        ("退货率由5%降至3%", "由5%"),
        ("满意度比上季度提高5个百分点", "比上季度"),
        ("销售额较去年同期增长10%", "较去年同期"),
        ("销售额同比增长20%", "同比"),
        ("客户数环比增加5%", "环比"),
        ("在去年基础上增加三成", "在去年基础上"),
        ("满意度目前为85%，提升到90%", "目前为85%"),
        ("回复时间现为3天，缩短到1天", "现为3天"),
        ("当前85%，提升到90%", "当前85%"),
        ("实现5%增长", None),  # '现' inside 实现 is no 'now'
        ("客户满意度提高到90%", None),
    ],
)
def test_baseline(goal: str, baseline: str | None):
    assert check_goal(goal).baseline == baseline


@pytest.mark.parametrize(
    ("goal", "action"),
    [
        ("拜访20家客户", "拜访"),
        ("回款200万元", "回款"),
        ("将培训时数提高到40小时", "提高"),  # '培训' belongs to the indicator's own words
        ("客户服务做得更好", None),
    ],
)
def test_action(goal: str, action: str | None):
    assert check_goal(goal).action == action


def test_vague_words_are_listed_once_in_order_of_appearance():
    check = check_goal("尽可能进一步加强管理，尽可能做得更好")
    assert check.vague_words == ("尽可能", "进一步", "加强", "更好")


def test_text_is_the_stripped_input():
    assert check_goal("  本月拜访10家客户 \n").text == "本月拜访10家客户"


def test_very_long_text_is_checked():
    goal = ("本季度末之前，将客户满意度从80%提高到90%。" * 250)[:5000]
    check = check_goal(goal)
    assert len(check.text) == 5000
    assert passed(check) == "SMART"


@pytest.mark.parametrize(
    "goal",
    [
        "<script>alert('本月')</script><b>拜访10家客户</b>",
        "<img src=x onerror=alert(1)>客户满意度",
        "😀🚀 本周 😀 拜访 3 家客户 🎯",
        "\x00\x00本月\x00拜访\x0010家客户",
        "月" * 5000,
        "1" * 5000,
    ],
)
def test_odd_input_returns_a_check(goal: str):
    check = check_goal(goal)
    assert 0 <= check.score <= 5
    assert check.score == sum(check.letters.values())


@given(st.text(max_size=300))
def test_any_text_gives_a_consistent_check(goal: str):
    check = check_goal(goal)
    assert set(check.letters) == set(LETTERS)
    assert check.score == sum(check.letters.values())
    assert check.letters["M"] == (check.number is not None)
    assert check.letters["T"] == (check.deadline is not None)
    assert check.letters["R"] == (check.indicator is not None)
    assert check.letters["A"] == (check.baseline is not None)
    if not check.text:
        assert check.score == 0


GOAL_ALPHABET = "0123456789.,%-/ 一二三四五六七八九十两半百千万亿零第个家天周月年季度号日内前底末Qq从由到至为于在基础上本今下每比较去同环目前现当实提高降低缩短尽量更好客户满意度"


@given(st.text(alphabet=GOAL_ALPHABET, max_size=200))
def test_goal_like_text_never_raises(goal: str):
    check = check_goal(goal)
    assert check.score == sum(check.letters.values())


def test_rewrite_gives_the_found_parts():
    parts = rewrite(check_goal(STRONG))
    assert parts.deadline == "本季度末之前"
    assert parts.indicator == "客户抱怨"
    assert parts.baseline == "从48小时"
    assert parts.target == "24小时"
    assert parts.action == "缩短"


def test_rewrite_leaves_gaps_for_the_ui():
    parts = rewrite(check_goal(WEAK))
    assert parts.deadline == "今年"
    assert (parts.indicator, parts.baseline, parts.target, parts.action) == (None,) * 4
