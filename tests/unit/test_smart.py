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

from calculators.indicators import all_indicators
from calculators.smart import LETTERS, Advice, Letter, SmartCheck, check_goal
from calculators.smart_terms import TERMS_FILE, load_terms, segment, terms_file
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

    file: str = CORPUS_FILE.name
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
        return f"{self.file}:{self.line}"


def load_corpus(path: Path = CORPUS_FILE) -> list[CorpusGoal]:
    """Every goal of a corpus with the line it starts on."""
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    loader = yaml.SafeLoader("")
    goals = []
    for node in root.value:
        entry = loader.construct_object(node, deep=True)
        goals.append(CorpusGoal(file=path.name, line=node.start_mark.line + 1, **entry))
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


def rewritten(check: SmartCheck, lang: str = "zh") -> str | None:
    """The cleaned-up goal as the panel shows it, with the catalog's templates of ``lang``."""
    if check.rewrite is None:
        return None
    form = lookup(f"tools.smart-checker.forms.{check.rewrite.form}", lang)
    return check.rewrite.fill(form, t("tools.smart-checker.deadline_blank", lang))


def assert_corpus_case(case: CorpusGoal, check: SmartCheck, lang: str) -> None:
    """A corpus goal's verdicts, advice, readings and rewrite are the ones the corpus states."""
    assert verdicts(check) == case.verdict
    assert {letter: check.advice[letter] for letter in case.advice} == case.advice
    assert {field: read(check, field) for field in case.read} == case.read
    text = rewritten(check, lang)
    if case.rewrite is False:
        assert text is None
        assert check.no_rewrite is not None
        return
    assert text is not None, f"no rewrite offered: {check.no_rewrite}"
    for part in case.rewrite.contains:
        assert part in text
    for part in case.rewrite.excludes:
        assert part not in text, text


# ---- the corpus -------------------------------------------------------------------------------
@pytest.mark.parametrize("case", CORPUS, ids=[case.where for case in CORPUS])
def test_corpus_goal(case: CorpusGoal):
    assert_corpus_case(case, check_goal(case.goal), "zh")


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


# ---- English ----------------------------------------------------------------------------------
EN_CORPUS_FILE = CORPUS_FILE.with_name("smart_goals.en.yaml")
EN_CORPUS = load_corpus(EN_CORPUS_FILE)
EN_WEAK = "Do a better job of customer service this year."
EN_STRONG = (
    "By the end of this quarter, cut the response time to key-account complaints to within "
    "24 hours, and raise key-account customer satisfaction by 5 percentage points over last quarter."
)


def check_en(goal: str) -> SmartCheck:
    return check_goal(goal, "en")


def rewritten_en(check: SmartCheck) -> str | None:
    return rewritten(check, "en")


@pytest.mark.parametrize("case", EN_CORPUS, ids=[case.where for case in EN_CORPUS])
def test_english_corpus_goal(case: CorpusGoal):
    assert_corpus_case(case, check_en(case.goal), "en")


def test_english_corpus_has_good_and_bad_goals_in_the_course_terms():
    good = [c for c in EN_CORPUS if set(c.verdict.values()) == {"pass"}]
    assert len(EN_CORPUS) >= 30
    assert len(good) >= 15 and len(EN_CORPUS) - len(good) >= 15
    assert all(case.read for case in EN_CORPUS)
    text = " ".join(c.goal for c in EN_CORPUS)
    terms = ("on-time delivery", "sales", "collect", "key accounts", "purchases", "satisfaction")
    terms += ("complaint", "million", "billion", "500k", "RMB 5m", "%", "percentage points")
    periods = ("by June 30", "this quarter", "by year end", "in Q3", "next month", "by the end of")
    vague = ("Try to improve customer satisfaction", "Strengthen communication with customers")
    vague += ("Visit customers as much as possible",)
    assert [w for w in (*terms, *periods, *vague) if w not in text] == []
    assert not [c.goal for c in EN_CORPUS if any("\u4e00" <= ch <= "\u9fff" for ch in c.goal)]


def test_every_english_indicator_read_is_an_english_indicator_name():
    names = {i.name for i in all_indicators("en")}
    read_names = {c.read.get("indicator") for c in EN_CORPUS} - {None}
    assert read_names and read_names <= names


def test_every_english_rewrite_keeps_the_measure_and_the_target_as_written():
    for case in EN_CORPUS:
        check = check_en(case.goal)
        if check.rewrite is not None:
            text = rewritten_en(check)
            assert check.measure is not None and check.number is not None, case.where
            assert check.rewrite.measure.casefold() == check.measure.casefold(), case.where
            assert check.rewrite.measure in text and check.number in text, case.where
            assert (text[0].isupper() or text.startswith("[")) and text.endswith("."), case.where


def test_english_advice_codes_are_the_chinese_ones():
    for case in EN_CORPUS:
        check = check_en(case.goal)
        for letter in LETTERS:  # every code has its message in the UI catalog
            assert lookup(f"tools.smart-checker.letters.{letter}.{check.advice[letter]}", "zh")
        if check.no_rewrite is not None:
            assert lookup(f"tools.smart-checker.no_rewrite.{check.no_rewrite}", "zh")


def test_english_weak_goal_from_the_lesson():
    check = check_en(EN_WEAK)
    assert check.letters == {"S": False, "M": False, "A": False, "R": False, "T": True}
    assert check.deadline == "this year"
    assert check.vague_words == ("a better job",)
    assert check.advice["S"] == "vague"
    assert (check.rewrite, check.no_rewrite) == (None, "no_action")


def test_the_english_lessons_strong_goal_passes_every_letter_without_a_rewrite():
    check = check_en(EN_STRONG)
    assert passed(check) == "SMART"
    assert (check.number, check.baseline) == ("24 hours", "over last quarter")
    assert check.deadline == "By the end of this quarter"
    assert (check.rewrite, check.no_rewrite) == (None, "several_targets")


@pytest.mark.parametrize(
    ("goal", "letters"),
    [
        ("By the end of this quarter, customer satisfaction from 80% to 90%", "MART"),  # no verb
        ("By the end of this quarter, raise customer satisfaction over last quarter", "SART"),
        ("By the end of this quarter, raise customer satisfaction to 90%", "SMRT"),  # no baseline
        ("By the end of this quarter, increase visits to key accounts from 20 to 30", "SMAT"),
        ("Raise customer satisfaction from 80% to 90%", "SMAR"),  # no deadline
        ("By 2026-03-31, raise market share from 12% to 15%", "SMART"),
        ("Within six months, cut staff turnover from 15% to 10%", "SMART"),
        ("Try to raise customer satisfaction as much as possible", "R"),
        ("Strive to reduce employee turnover a bit", "R"),
        ("Achieve 5% growth", "M"),  # growth of what?
        ("Submit the proposal by Friday", "T"),  # which proposal, how good?
        ("This  quarter   raise customer\nsatisfaction to 90 %", "SMRT"),  # spaces do not matter
        ("", ""),
        ("   \n\t ", ""),
    ],
)
def test_english_letters(goal: str, letters: str):
    check = check_en(goal)
    assert passed(check) == letters
    assert check.score == len(letters)


@pytest.mark.parametrize(
    ("goal", "number"),
    [
        ("Raise customer satisfaction by 5 percentage points", "5 percentage points"),
        ("Reach sales of 100 million yuan by year end", "100 million yuan"),
        ("Reach sales of 1.2 billion yuan", "1.2 billion yuan"),
        ("Reach sales of RMB 1.2 billion", "RMB 1.2 billion"),
        ("Collect 3 million by the end of March", "3 million"),
        ("Reach revenue of 1,000,000 yuan", "1,000,000 yuan"),
        ("Raise monthly purchases to 800k", "800k"),
        ("Reach sales of 800 thousand yuan", "800 thousand yuan"),
        ("Reach revenue of 1.2bn yuan", "1.2bn yuan"),
        ("Raise on-time delivery by two percentage points", "two percentage points"),
        ("Raise revenue to 5m", "5m"),
        ("Cut the response time to ２４ hours", "24 hours"),  # full-width digits
        ("Add five new distributors", "five"),
        ("Raise on-time delivery to 98 %", "98 %"),
        ("Raise sales of 3C products to 5 million", "5 million"),  # the 3 of 3C is no number
        ("Complete one proposal", None),  # 'one' alone is an article, not a target
        ("Visit key accounts within 30 days", None),  # the only number belongs to the deadline
        ("Finish by June 30, 2026", None),
        ("Raise sales by 10% in Q3", "10%"),  # Q3 is a deadline, not a number
    ],
)
def test_english_number(goal: str, number: str | None):
    assert check_en(goal).number == number


@pytest.mark.parametrize(
    ("goal", "deadline"),
    [
        ("Raise it to 98% by June 30", "by June 30"),
        ("Raise it to 98% by 30 June 2026", "by 30 June 2026"),
        ("Raise it to 98% by June 30th, 2026", "by June 30th, 2026"),
        ("Raise it to 98% by 2026-06-30", "by 2026-06-30"),
        ("Raise it to 98% by the end of March 2027", "by the end of March 2027"),
        ("Raise it to 98% this quarter", "this quarter"),
        ("Raise it to 98% by the end of this quarter", "by the end of this quarter"),
        ("Raise it to 98% by year end", "by year end"),
        ("Raise it to 98% by year-end", "by year-end"),
        ("Raise it to 98% by the end of the year", "by the end of the year"),
        ("Raise it to 98% in Q3", "in Q3"),
        ("Raise it to 98% in Q3 2026", "in Q3 2026"),
        ("Raise it to 98% in the third quarter", "in the third quarter"),
        ("Raise it to 98% in H1", "in H1"),
        ("Raise it to 98% in the second half of this year", "in the second half of this year"),
        ("Raise it to 98% next month", "next month"),
        ("Raise it to 98% within two weeks", "within two weeks"),
        ("Raise it to 98% in the next 30 days", "in the next 30 days"),
        ("Raise it to 98% by mid-June", "by mid-June"),
        ("Raise it to 98% before the 10th of next month", "before the 10th of next month"),
        ("Raise it to 98% by Friday", "by Friday"),
        ("Raise it to 98% in 2026", "in 2026"),
        ("Collect 3 million yuan before the Spring Festival", "before the Spring Festival"),
        ("Visit 10 key accounts every month", "every month"),
        ("Cut days in inventory to within 30 days", None),  # a target, not a deadline
        ("Answer every complaint within 24 hours", None),  # hours are a target
        ("Raise sales by 2,000 units", None),  # a number, not the year 2000
        ("Complete the annual sales target as soon as possible", None),
        ("Visit key accounts during the Spring Festival", None),  # a holiday alone is no deadline
        ("We may add 5 new key accounts", None),  # 'may' is no month
        ("Raise it to 98% over last quarter", None),  # a baseline, not a deadline
    ],
)
def test_english_deadline(goal: str, deadline: str | None):
    assert check_en(goal).deadline == deadline


@pytest.mark.parametrize(
    ("goal", "baseline"),
    [
        ("Cut response time from 48 hours to 24 hours", "from 48 hours"),
        ("Cut complaint handling time from 72 to 24 hours", "from 72"),
        ("Reduce the return rate from 5% to 3%", "from 5%"),
        ("Raise satisfaction by 5 percentage points over last quarter", "over last quarter"),
        ("Grow sales 10% compared with the same period last year", "compared with the same period last year"),
        ("Grow sales 20% year on year", "year on year"),
        ("Grow sales 20% year-on-year", "year-on-year"),
        ("Cut costs 5% on last year", "on last year"),
        ("Satisfaction is currently 85%; raise it to 90%", "currently 85%"),
        ("Response time is now 3 days; cut it to 1 day", "now 3 days"),
        ("Add 5 new key accounts this quarter (last year: 3)", "last year: 3"),
        ("Add 5 new key accounts, compared with 3 last year", "compared with 3 last year"),
        ("Collect 30 million yuan; 12 million yuan collected so far", "12 million yuan collected so far"),
        ("Raise customer satisfaction to 90%", None),
        ("Achieve 5% growth", None),
    ],
)  # fmt: skip
def test_english_baseline(goal: str, baseline: str | None):
    assert check_en(goal).baseline == baseline


@pytest.mark.parametrize(
    ("goal", "action", "measure"),
    [
        ("Raise on-time delivery for account A from 90% to 98%", "Raise",
         "on-time delivery for account A"),
        ("Raise the on-time delivery rate of account A to 98%", "Raise",
         "the on-time delivery rate of account A"),
        ("Raise training hours to 40 hours", "Raise", "training hours"),  # not the verb 'train'
        ("Customer satisfaction should rise to 90%", "rise", "Customer satisfaction"),
        ("Reach sales of 100 million yuan", "Reach", "sales"),
        ("Collect 30 million yuan", "Collect", "Collect"),  # the verb is the measure
        ("Collect 30 million yuan of receivables", "Collect", "receivables"),
        ("Add 5 new key accounts", "Add", "new key accounts"),
        ("Further improve key-account satisfaction", "improve", "key-account satisfaction"),
        ("Do a better job of customer service", None, None),
    ],
)  # fmt: skip
def test_english_action_and_measure(goal: str, action: str | None, measure: str | None):
    check = check_en(goal)
    assert (check.action, check.measure) == (action, measure)


@pytest.mark.parametrize(
    ("goal", "indicator"),
    [
        ("Raise on-time delivery for account A to 98%", "On-time delivery"),
        ("Cut the response time to key-account complaints to 24 hours", "Response time"),
        ("Cut complaint handling time to 24 hours", "Response time"),  # handling, not complaints
        ("Raise the number of key accounts from 5 to 8", "Number of customers"),
        ("Raise key-account customer satisfaction to 90%", "Customer satisfaction"),
        ("Raise account A's annual purchases to 15 million yuan", "Annual sales per customer"),
        ("Raise revenue from new products to 5 million", "Revenue from new products"),
        ("Reduce customer churn to 5%", "Customer retention rate"),
        ("Raise sales to 100 million yuan", "Revenue"),
        ("Raise sales volume to 100,000 units", "Sales volume"),
        ("Lower staff turnover to 10%", "Employee turnover rate"),
        ("Raise ROI to 20%", "Return on investment"),
        ("Raise visits to key accounts to 30", None),  # visits are an activity
        ("Visit 20 key accounts", None),
        ("Add 5 new key accounts", "Number of customers"),
    ],
)
def test_english_indicator(goal: str, indicator: str | None):
    check = check_en(goal)
    assert (check.indicator.name if check.indicator else None) == indicator


def test_english_vague_words_are_listed_once_in_order_of_appearance():
    check = check_en("Try to further strengthen service, try to do better and reach a high level")
    assert check.vague_words == ("try to", "further", "strengthen", "better", "high")


def test_a_vague_english_goal_with_a_number_is_specific_and_its_rewrite_drops_the_vague_words():
    check = check_en("Try to raise customer satisfaction to 90% this month")
    assert check.vague_words == ("try to",)
    assert check.letters["S"]
    expected = "This month, raise customer satisfaction from [current level] to 90%."
    assert rewritten_en(check) == expected


def test_english_rewrite_parts_are_as_written():
    parts = check_en("Raise on-time delivery for account A from 90% to 98% by June 30").rewrite
    assert parts is not None and parts.lang == "en"
    assert (parts.form, parts.deadline, parts.baseline) == ("level", "by June 30", "from 90%")
    assert (parts.verb, parts.measure, parts.target) == (
        "raise",  # lower case: the verb began the goal
        "on-time delivery for account A",
        "to 98%",
    )
    count = check_en("Add 5 new key accounts this quarter").rewrite
    assert count is not None and (count.form, count.phrase) == ("count", "add 5 new key accounts")
    delta = check_en("Cut the return rate by 1 percentage point over last quarter").rewrite
    assert delta is not None and (delta.form, delta.target) == ("delta", "by 1 percentage point")
    reach = check_en("Keep the return rate below 2%").rewrite
    assert reach is not None and (reach.form, reach.target) == ("reach", "below 2%")


def test_an_english_rewrite_uses_the_verb_for_a_subject_and_a_baseline_of_today():
    check = check_en("Customer satisfaction is currently 85%; it should rise to 90% in Q3")
    assert rewritten_en(check) == "In Q3, raise customer satisfaction from 85% to 90%."


def test_english_rewrite_starts_with_a_capital_and_fills_blanks():
    parts = check_en("raise customer satisfaction to 90%").rewrite
    assert parts is not None and (parts.deadline, parts.baseline) == (None, None)
    form = {
        "template": "{verb} {measure}|{baseline}|{target}|{deadline}",
        "baseline": "",
        "blank": "?",
    }
    assert parts.fill(form, "…") == "Raise customer satisfaction|?|to 90%|…"


@pytest.mark.parametrize(
    ("goal", "reason"),
    [
        (EN_WEAK, "no_action"),
        ("Try to improve customer satisfaction", "no_target"),
        ("Achieve 5% growth this month", "no_measure"),
        ("Collect 30 million yuan by year end, 5 million more than last year", "several_targets"),
    ],
)
def test_no_english_rewrite_without_measure_verb_and_one_target(goal: str, reason: str):
    check = check_en(goal)
    assert (check.rewrite, check.no_rewrite) == (None, reason)


def test_english_word_lists_read_phrases_as_one_word():
    terms = load_terms(terms_file("en"))
    assert terms.lang == "en" and "on time delivery rate" in terms.phrases
    assert terms.verb_kind("RAISE") == "up" and terms.verb_kind("bring down") == "down"
    indicator = terms.measure_indicator("On-time delivery rate")
    assert indicator is not None and indicator.name == "On-time delivery"
    assert terms.is_measure("key-account") and not terms.is_measure("visit")


def test_english_word_list_naming_an_unknown_indicator_is_refused_with_its_file(tmp_path):
    english = terms_file("en")
    broken = tmp_path / english.name
    text = english.read_text(encoding="utf-8")
    broken.write_text(text.replace("indicator: Revenue}", "indicator: Sales income}", 1), "utf-8")
    with pytest.raises(
        ValueError,
        match=r"smart_terms\.en\.yaml: no indicator named \['Sales income'\] in indicators\.en\.yaml",
    ):
        load_terms(broken)


def test_english_goals_are_read_without_the_segmenter():
    script = (
        "import sys\n"
        "from calculators.smart import check_goal\n"
        "check = check_goal('Add 5 new key accounts this quarter', 'en')\n"
        "assert check.score == 4, check\n"
        "assert 'jieba' not in sys.modules, 'jieba loaded for English'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("goal", [case.goal for case in CORPUS[:10]] + [WEAK, STRONG])
def test_the_chinese_path_is_the_default(goal: str):
    assert check_goal(goal, "zh") == check_goal(goal)


def test_very_long_english_text_is_checked():
    goal = ("By the end of this quarter, raise customer satisfaction from 80% to 90%. " * 80)[:5000]
    check = check_en(goal)
    assert len(check.text) == len(goal.strip())
    assert passed(check) == "SMART"


@pytest.mark.parametrize(
    "goal",
    [
        "<script>alert('by June 30')</script><b>visit 10 key accounts</b>",
        "😀🚀 this week 😀 visit 3 key accounts 🎯",
        "\x00\x00this month\x00visit\x0010 key accounts",
        "by " * 1600,
        "1" * 5000,
        "m" * 5000,
        "本季度新增5家大客户",  # Chinese read as English: no letter is sure
    ],
)
def test_odd_english_input_returns_a_check(goal: str):
    check = check_en(goal)
    assert 0 <= check.score <= 5
    assert check.score == sum(check.letters.values())


@given(st.text(max_size=300))
def test_any_text_gives_a_consistent_english_check(goal: str):
    check = check_en(goal)
    assert check.score == sum(check.letters.values())
    assert all(check.letters[x] == (check.advice[x] == "pass") for x in LETTERS)
    assert check.letters["M"] == (check.number is not None)
    assert check.letters["T"] == (check.deadline is not None)
    assert check.letters["R"] == (check.indicator is not None)
    assert check.letters["A"] == (check.baseline is not None)
    assert (check.rewrite is None) != (check.no_rewrite is None)
    if not check.text:
        assert check.score == 0


EN_GOAL_WORDS = (
    *("raise", "cut", "reach", "add", "keep", "collect", "visit", "try to", "by", "to", "from"),
    *("of", "the", "in", "over", "within", "at least", "or more", "98%", "90", "5", "24 hours"),
    *("million", "yuan", "500k", "1.2bn", "percentage points", "June 30", "this quarter"),
    *("next month", "year end", "Q3", "last year", "currently", "compared with", "year on year"),
    *("key accounts", "customer satisfaction", "on-time delivery", "sales", "visits", ",", "."),
    *(";", ":", "(", ")"),
)


@given(st.lists(st.sampled_from(EN_GOAL_WORDS), max_size=30).map(" ".join))
def test_english_goal_like_text_never_raises_and_a_rewrite_keeps_its_measure(goal: str):
    check = check_en(goal)
    assert check.score == sum(check.letters.values())
    if check.rewrite is not None:
        assert check.measure is not None and check.rewrite.measure in rewritten_en(check)


def test_the_segmenter_can_be_built_ahead_of_the_first_check():
    from calculators import smart_terms

    smart_terms._build_tokenizer.cache_clear()
    thread = smart_terms.warm_up()
    thread.join(timeout=120)
    assert not thread.is_alive() and thread.daemon
    assert smart_terms._build_tokenizer.cache_info().currsize == 1  # built: a check finds it ready


def test_the_warm_up_can_wait_before_it_builds_the_segmenter():
    from calculators import smart_terms

    smart_terms._build_tokenizer.cache_clear()
    thread = smart_terms.warm_up(delay_seconds=1.0)
    assert smart_terms._build_tokenizer.cache_info().currsize == 0  # waiting: nothing built yet
    thread.join(timeout=120)
    assert smart_terms._build_tokenizer.cache_info().currsize == 1
