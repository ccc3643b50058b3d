"""The SMART checker: the goal corpus (tests/data/smart_goals.yaml), its parts, and odd input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Literal

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, field_validator

from calculators.smart import LETTERS, Advice, Letter, SmartCheck, check_goal
from calculators.smart_terms import TERMS_FILE, load_terms, segment
from courseware.i18n import lookup, t
from courseware.paths import PROJECT_ROOT

CORPUS_FILE = Path(__file__).parent.parent / "data" / "smart_goals.yaml"
WEAK = "今年要把客户服务做得更好"
STRONG = "本季度末之前，将重点客户的客户抱怨回复时间从48小时缩短到24小时以内"
LESSON_STRONG = (
    "本季度末之前，将重点客户的客户抱怨响应时间缩短到 24 小时以内，"
    "并使重点客户的客户满意度比上季度提高 5 个百分点。"
)
Verdict = Literal["pass", "may be missing"]
Read = Literal["number", "measure", "deadline", "baseline", "action", "indicator"]


class RewriteExpected(BaseModel):
    model_config = ConfigDict(extra="forbid")

    contains: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()


class CorpusGoal(BaseModel):
    """One goal of the corpus and what the checker must make of it."""

    model_config = ConfigDict(extra="forbid")

    line: int
    goal: str
    verdict: dict[Letter, Verdict]
    advice: dict[Letter, Advice] = {}
    read: dict[Read, str | None] = {}
    rewrite: Literal[False] | RewriteExpected

    @field_validator("verdict")
    @classmethod
    def every_letter(cls, verdict: dict[Letter, Verdict]) -> dict[Letter, Verdict]:
        assert tuple(verdict) == LETTERS, f"verdict must give S, M, A, R, T in order: {verdict}"
        return verdict

    @property
    def where(self) -> str:
        return f"{CORPUS_FILE.name}:{self.line}"


def load_corpus() -> list[CorpusGoal]:
    """Every goal of the corpus with the line it starts on."""
    root = yaml.compose(CORPUS_FILE.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    loader = yaml.SafeLoader("")
    goals = []
    for node in root.value:
        entry = loader.construct_object(node, deep=True)
        goals.append(CorpusGoal(line=node.start_mark.line + 1, **entry))
    return goals


CORPUS = load_corpus()


def verdicts(check: SmartCheck) -> dict[Letter, Verdict]:
    return {letter: "pass" if check.letters[letter] else "may be missing" for letter in LETTERS}


def passed(check: SmartCheck) -> str:
    """The letters a goal passes, in S-M-A-R-T order: 'SMART', 'MART', ''."""
    return "".join(letter for letter in LETTERS if check.letters[letter])


def read(check: SmartCheck, field: Read) -> str | None:
    if field == "indicator":
        return check.indicator.name if check.indicator else None
    return getattr(check, field)


def rewritten(check: SmartCheck) -> str | None:
    """The cleaned-up goal as the panel shows it, with the catalog's templates."""
    if check.rewrite is None:
        return None
    form = lookup(f"tools.smart-checker.forms.{check.rewrite.form}")
    return check.rewrite.fill(form, t("tools.smart-checker.deadline_blank"))


# ---- the corpus -------------------------------------------------------------------------------
@pytest.mark.parametrize("case", CORPUS, ids=[case.where for case in CORPUS])
def test_corpus_goal(case: CorpusGoal):
    check = check_goal(case.goal)
    assert verdicts(check) == case.verdict
    assert {letter: check.advice[letter] for letter in case.advice} == case.advice
    assert {field: read(check, field) for field in case.read} == case.read
    text = rewritten(check)
    if case.rewrite is False:
        assert text is None
        assert check.no_rewrite is not None
        return
    assert text is not None, f"no rewrite offered: {check.no_rewrite}"
    for part in case.rewrite.contains:
        assert part in text
    for part in case.rewrite.excludes:
        assert part not in text, text


def test_corpus_has_good_and_bad_goals_in_the_course_terms():
    good = [c for c in CORPUS if set(c.verdict.values()) == {"pass"}]
    assert len(CORPUS) >= 40
    assert len(good) >= 15 and len(CORPUS) - len(good) >= 15
    text = "".join(c.goal for c in CORPUS)
    terms = ("准时率", "销售额", "回款", "大客户", "采购额", "满意度", "投诉", "万", "亿", "个亿")
    periods = ("百分点", "年底前", "本季度", "6月30日前", "Q3", "下个月", "2027年3月底")
    vague = ("努力提升客户满意度", "加强与客户沟通", "尽量多拜访客户")
    assert [w for w in (*terms, *periods, *vague) if w not in text] == []


def test_every_rewrite_keeps_the_measure_and_the_target_as_written():
    for case in CORPUS:
        check = check_goal(case.goal)
        if check.rewrite is not None:
            text = rewritten(check)
            assert check.measure is not None and check.number is not None, case.where
            assert check.measure in text and check.number in text, case.where


# ---- the parts a goal is read into ------------------------------------------------------------
def test_weak_goal_from_the_lesson():
    check = check_goal(WEAK)
    assert check.letters == {"S": False, "M": False, "A": False, "R": False, "T": True}
    assert check.deadline == "今年"
    assert check.vague_words == ("更好",)
    assert (check.number, check.score, check.missing) == (None, 1, ("S", "M", "A", "R"))
    assert check.advice == {
        "S": "vague", "M": "missing", "A": "missing", "R": "missing", "T": "pass",
    }  # fmt: skip


def test_strong_goal_passes_every_letter():
    check = check_goal(STRONG)
    assert check.score == 5 and check.missing == ()
    assert check.deadline == "本季度末之前"
    assert check.baseline == "从48小时"
    assert check.number == "24小时"  # the target, not the starting value
    assert check.action == "缩短"
    assert check.measure == "重点客户的客户抱怨回复时间"
    assert check.indicator is not None and check.indicator.name == "回复时间"
    assert check.vague_words == ()


def test_the_lessons_own_strong_goal_passes_every_letter_without_a_rewrite():
    check = check_goal(LESSON_STRONG)
    assert passed(check) == "SMART"
    assert (check.number, check.baseline) == ("24小时", "比上季度")
    assert (check.rewrite, check.no_rewrite) == (None, "several_targets")


@pytest.mark.parametrize(
    ("goal", "letters"),
    [
        ("本季度末之前，客户满意度从80%到90%", "MART"),  # S: no action verb
        ("本季度末之前，客户满意度比上季度提高", "SART"),  # M: no number
        ("本季度末之前，将客户满意度提高到90%", "SMRT"),  # A: no starting point
        ("本季度末之前，重点客户拜访量从20家增加到30家", "SMAT"),  # R: visits are no indicator
        ("将客户满意度从80%提高到90%", "SMAR"),  # T: no deadline
        ("2026年3月31日前，市场占有率由12%提高到15%", "SMART"),
        ("半年内把员工流动率从15%降到10%", "SMART"),
        ("尽量提高客户满意度", "R"),  # vague and no number: not specific
        ("努力把员工流失率降低一些", "R"),
        ("实现5%增长", "M"),  # what grows?
        ("本周五前提交方案", "T"),  # which plan, how good?
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
        ("年底前把销售额做到1个亿", "1个亿"),  # not '1个'
        ("销售额突破1.2亿元", "1.2亿元"),
        ("3月底前回款3000万", "3000万"),
        ("营收达到1,000万元", "1,000万元"),
        ("把回复时间缩短到２４小时", "24小时"),  # full-width digits
        ("客户数量增加三成", "三成"),
        ("投诉量减少百分之三十", "百分之三十"),
        ("新签两家客户", "两家"),
        ("3C产品销售额提高到500万", "500万"),  # the 3 of 3C is no number
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
        ("2027年3月底前完成", "2027年3月底前"),
        ("6月30日前完成", "6月30日前"),
        ("2026-06-30之前上线", "2026-06-30之前"),
        ("本季度完成", "本季度"),
        ("今年年底前完成", "今年年底前"),
        ("年底前完成", "年底前"),
        ("第三季度完成", "第三季度"),
        ("Q3完成", "Q3"),
        ("两周内完成", "两周内"),
        ("下个月完成", "下个月"),
        ("今年内完成", "今年内"),
        ("春节前回款", "春节前"),
        ("每月拜访10家客户", "每月"),
        ("把存货天数降低到30天以内", None),  # a target, not a deadline
        ("降低成本年度目标", None),  # '本年' inside 成本年度 is no deadline
        ("尽快完成", None),
        ("春节期间拜访客户", None),  # a holiday alone is no deadline
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
        ("销售额去年同期增长10%", "去年同期"),  # a period to compare with, not a figure
        ("销售额同比增长20%", "同比"),
        ("在去年基础上增加三成", "在去年基础上"),
        ("满意度目前为85%，提升到90%", "目前为85%"),
        ("回复时间现为3天，缩短到1天", "现为3天"),
        ("本季度新增5家大客户，去年新增3家", "去年新增3家"),
        ("去年满意度85%，今年提高到90%", "去年满意度85%"),
        ("实现5%增长", None),  # '现' inside 实现 is no 'now'
        ("客户满意度提高到90%", None),
    ],
)
def test_baseline(goal: str, baseline: str | None):
    assert check_goal(goal).baseline == baseline


@pytest.mark.parametrize(
    ("goal", "action", "measure"),
    [
        ("把A客户的订单交付准时率从90%提高到98%", "提高", "A客户的订单交付准时率"),
        ("将培训时数提高到40小时", "提高", "培训时数"),  # '培训' is part of the measure
        ("提高客户满意度到90%", "提高", "客户满意度"),  # the measure after the verb
        ("回款达到3000万", "达到", "回款"),
        ("回款3000万", "回款", "回款"),
        ("新增5家大客户", "新增", "大客户"),
        ("进一步提高大客户的满意度", "提高", "大客户的满意度"),  # glued words taken apart
        ("客户服务做得更好", None, None),
    ],
)
def test_action_and_measure(goal: str, action: str | None, measure: str | None):
    check = check_goal(goal)
    assert (check.action, check.measure) == (action, measure)


def test_a_measure_before_words_like_quantity_names_its_indicator():
    check = check_goal("大客户的数量从5家增加到8家")
    assert check.indicator is not None and check.indicator.name == "客户数量"


def test_vague_words_are_listed_once_in_order_of_appearance():
    check = check_goal("尽可能进一步加强管理，尽可能做得更好，达到较高水平")
    assert check.vague_words == ("尽可能", "进一步", "加强", "更好", "较高")


def test_a_vague_goal_with_a_number_is_specific_and_gets_a_rewrite_without_the_vague_word():
    check = check_goal("争取本月把客户满意度提高到90%")
    assert check.vague_words == ("争取",)
    assert check.letters["S"]
    assert rewritten(check) == "本月，将客户满意度从【目前水平】提高到90%。"


def test_text_is_the_stripped_input():
    assert check_goal("  本月拜访10家客户 \n").text == "本月拜访10家客户"


# ---- the rewrite ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("goal", "reason"),
    [
        (WEAK, "no_action"),
        ("努力提升客户满意度", "no_target"),
        ("本月实现5%增长", "no_measure"),
        ("年底前回款3000万元，比去年增加500万", "several_targets"),
    ],
)
def test_no_rewrite_without_measure_verb_and_one_target(goal: str, reason: str):
    check = check_goal(goal)
    assert (check.rewrite, check.no_rewrite) == (None, reason)


def test_rewrite_parts_are_as_written():
    parts = check_goal(STRONG).rewrite
    assert parts is not None
    assert (parts.form, parts.deadline, parts.baseline) == ("level", "本季度末之前", "从48小时")
    assert (parts.measure, parts.verb, parts.target) == (
        "重点客户的客户抱怨回复时间",
        "缩短到",
        "24小时以内",
    )


def test_rewrite_fills_blanks_where_the_goal_gives_nothing():
    parts = check_goal("将客户满意度提高到90%").rewrite
    assert parts is not None and (parts.deadline, parts.baseline) == (None, None)
    form = {
        "template": "{deadline}|{measure}|{baseline}|{verb}|{target}",
        "baseline": "",
        "blank": "?",
    }
    assert parts.fill(form, "…") == "…|客户满意度|?|提高到|90%"


# ---- the word lists and the segmenter ---------------------------------------------------------
def test_segmenter_keeps_the_course_measures_whole():
    assert "交付准时率" in segment("把A客户的订单交付准时率提高")
    assert "处理时间" in segment("客户抱怨处理时间缩短")
    assert "大客户" in segment("新增5家大客户")


def test_word_list_naming_an_unknown_indicator_is_refused_with_its_file(tmp_path):
    broken = tmp_path / TERMS_FILE.name
    text = TERMS_FILE.read_text(encoding="utf-8")
    broken.write_text(
        text.replace("indicator: 收入}", "indicator: 营业收入总额}", 1), encoding="utf-8"
    )
    with pytest.raises(
        ValueError, match=r"smart_terms\.zh\.yaml: no indicator named \['营业收入总额'\]"
    ):
        load_terms(broken)


def test_segmenter_loads_on_first_use_and_quietly():
    script = (
        "import sys\n"
        "from calculators.smart import check_goal\n"
        "assert 'jieba' not in sys.modules, 'jieba loaded at import'\n"
        "check_goal('本季度新增5家大客户')\n"
        "assert 'jieba' in sys.modules\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no 'Building prefix dict …' from jieba


# ---- odd input --------------------------------------------------------------------------------
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
    assert all(check.letters[x] == (check.advice[x] == "pass") for x in LETTERS)
    assert check.letters["M"] == (check.number is not None)
    assert check.letters["T"] == (check.deadline is not None)
    assert check.letters["R"] == (check.indicator is not None)
    assert check.letters["A"] == (check.baseline is not None)
    assert (check.rewrite is None) != (check.no_rewrite is None)
    if not check.text:
        assert check.score == 0


GOAL_ALPHABET = (
    "0123456789.,%-/ 一二三四五六七八九十两半百千万亿零第个家天周月年季度号日内前底末Qq从由到至为于在"
    "基础上本今下每比较去同环目前现当实提高降低缩短尽量更好客户满意度，。把将新增回款大销售额做到以内不少于了的"
)


@given(st.text(alphabet=GOAL_ALPHABET, max_size=200))
def test_goal_like_text_never_raises_and_a_rewrite_keeps_its_measure(goal: str):
    check = check_goal(goal)
    assert check.score == sum(check.letters.values())
    if check.rewrite is not None:
        assert check.measure is not None and check.measure in rewritten(check)
