"""Check a written goal against the SMART principle (lesson 2, section 2.6) with simple rules."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict

from calculators.indicators import Indicator, find_indicator

Letter = Literal["S", "M", "A", "R", "T"]
LETTERS: tuple[Letter, ...] = ("S", "M", "A", "R", "T")
MIN_SPECIFIC_LENGTH = 8  # a goal shorter than this cannot say what, how much and by when
MASK = "\x00"  # stands in for text already claimed by a deadline or a baseline
CONTROL_OR_SPACE = re.compile(r"[\s\x00-\x1f\x7f]+")

VAGUE_WORDS = (
    "尽量",
    "尽可能",
    "更好",
    "努力",
    "加强",
    "争取",
    "大幅",
    "明显",
    "适当",
    "一些",
    "较多",
    "进一步",
)
ACTION_VERBS = (
    "提升",
    "提高",
    "降低",
    "降至",
    "降到",
    "降为",
    "下降",
    "缩短",
    "压缩",
    "增加",
    "增长",
    "新增",
    "减少",
    "缩减",
    "节约",
    "完成",
    "达到",
    "达成",
    "实现",
    "突破",
    "保持",
    "控制在",
    "拜访",
    "开发",
    "拓展",
    "签约",
    "签订",
    "成交",
    "回款",
    "收回",
    "培训",
    "招聘",
    "举办",
    "交付",
    "提交",
    "上线",
    "推出",
    "发布",
    "覆盖",
)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# --- deadlines: dates and periods --------------------------------------------------------------
CN_DIGIT = "一二三四五六七八九十"
CN_COUNT = f"(?:\\d+|[{CN_DIGIT}两半]+)"
YEAR = r"(?<!\d)\d{4}年"
# '本' in 成本/基本, '明' in 说明, '当' in 适当 ... are no 'this', 'next' or 'current'
RELATIVE = (
    r"(?:(?<![成资基根样版文账脚剧范标])本|这个?|(?<![以上之底地线])下个?|(?<![如至迄])今"
    r"|(?<![说证表声透光文聪简发])明|(?<![相适应恰正担充妥])当"
    rf"|(?<![\d{CN_DIGIT}两每层名档批人班首多屡再])次)"
)
# '降到30天以内' sets a target; '30天内完成' sets a deadline
NOT_A_TARGET = rf"(?<![\d{CN_DIGIT}两半])(?<![到至为于])(?<!控制在)(?<!不超过)"
WEEKDAY = r"(?:周|星期)[一二三四五六日天1-7](?![\d次回])"
UNTIL = r"(?:之前|以前|前|为止|之内|以内|内)?"
PERIOD_END = r"(?:上旬|中旬|下旬|底|末|初|中)?"
DEADLINE = re.compile(
    "|".join(
        f"(?:{alt}){UNTIL}"
        for alt in (
            r"(?<!\d)\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}[日号]?",  # 2026-06-30, 2026年3月31日
            rf"(?:{YEAR})?(?:(?<!\d)\d{{1,2}}|[{CN_DIGIT}]{{1,3}})月份?(?:\d{{1,2}}[日号])?{PERIOD_END}",
            rf"(?:{YEAR})?(?:第?[一二三四1-4]季度|[Qq][1-4](?!\d)|[上下]半年){PERIOD_END}",
            rf"{RELATIVE}(?:{WEEKDAY}|年度|财年|季度|季|年|月|周|星期|天){PERIOD_END}",
            r"(?:季度|年|月|季)(?:底|末)|年中|年初|月初|全年",
            rf"{YEAR}度?{PERIOD_END}",
            rf"未来{CN_COUNT}个?(?:工作日|天|周|星期|月|季度|年)",
            rf"{NOT_A_TARGET}{CN_COUNT}个?(?:工作日|天|日|周|星期|月|季度|年)"
            r"(?=之内|以内|内)",
            rf"(?<![\d{CN_DIGIT}两半个每])下?{WEEKDAY}",
            r"每个?(?:工作日|天|日|周|星期|月|季度|季|半年|年)",
        )
    )
)

# --- numbers with their units ------------------------------------------------------------------
MULTIPLIER = r"(?:百万|千万|万|亿|千|百)"
UNITS = (
    "个百分点",
    "百分点",
    "个点",
    "个工作日",
    "工作日",
    "个小时",
    "小时",
    "分钟",
    "个月",
    "平方米",
    "公里",
    "公斤",
    "千克",
    "课时",
    "学时",
    "美元",
    "元",
    "天",
    "日",
    "周",
    "月",
    "年",
    "倍",
    "成",
    "家",
    "个",
    "人",
    "名",
    "位",
    "次",
    "项",
    "件",
    "台",
    "套",
    "单",
    "笔",
    "场",
    "篇",
    "份",
    "款",
    "条",
    "张",
    "批",
    "轮",
    "门",
    "分",
    "吨",
    "米",
)
CN_UNITS = ("个百分点", "百分点", "成", "倍", "万元", "亿元", "万", "亿", "元")
CN_MEASURE_WORDS = ("家", "个", "名", "位", "次", "项", "场", "篇", "件", "台", "单", "笔")
ARABIC_NUMBER = (
    r"(?<![A-Za-z0-9.])\d+(?:,\d{3})*(?:\.\d+)?"
    rf"(?:%|‰|{MULTIPLIER}?(?:{_alternation(UNITS)})|{MULTIPLIER})?"
)
CN_PERCENT = f"百分之[零{CN_DIGIT}两百点]+"
CN_NUMBER = (
    f"{CN_PERCENT}"
    f"|(?<![零{CN_DIGIT}两百千万亿第])(?P<numeral>[零{CN_DIGIT}两百千万亿]+)"
    f"(?P<unit>{_alternation(CN_UNITS + CN_MEASURE_WORDS)})"
)
NUMBER = re.compile(f"{ARABIC_NUMBER}|{CN_NUMBER}")
# a starting value: the Chinese numerals only with units that cannot be articles ('一个')
NUMBER_SOURCE = (
    f"(?:{ARABIC_NUMBER}|{CN_PERCENT}|[零{CN_DIGIT}两百千万亿]+(?:{_alternation(CN_UNITS)}))"
)

# --- baselines: where the goal starts from -----------------------------------------------------
PAST = r"(?:去年|上年|上一?年度?|上一?季度?|上个?月|上一?周|上期|同期|往年|前一?年|基期|基准)"
BASELINE = re.compile(
    "|".join(
        (
            rf"[从由](?:目前|现在|当前|原来)?的?{NUMBER_SOURCE}",  # 从48小时(缩短到24小时)
            rf"(?:比|较|相比于?|相较于?|对比|与|和){PAST}(?:同期)?(?:相比|比)?",  # 比上季度
            r"同比|环比",
            r"在[^，。,.;；!！?？]{1,15}?基础上",  # 在去年基础上
            rf"(?:目前|现在|当前|现阶段|基线|基数|{PAST})"
            rf"(?:为|是|约为|约|仅为|仅|只有)?{NUMBER_SOURCE}",  # 目前为85%, 当前85%
            rf"(?:现|原来?)(?:为|是){NUMBER_SOURCE}",  # 现为3天 (not 实现5%)
        )
    )
)

VAGUE = re.compile(_alternation(VAGUE_WORDS))
ACTION = re.compile(_alternation(ACTION_VERBS))


class SmartCheck(BaseModel):
    """What a goal says and does not say, letter by letter; phrases come from normalized text."""

    model_config = ConfigDict(frozen=True)

    text: str
    number: str | None = None
    deadline: str | None = None
    indicator: Indicator | None = None
    baseline: str | None = None
    action: str | None = None
    vague_words: tuple[str, ...] = ()
    letters: dict[Letter, bool]
    score: int

    @property
    def missing(self) -> tuple[Letter, ...]:
        """The letters the goal does not pass, in S-M-A-R-T order."""
        return tuple(letter for letter in LETTERS if not self.letters[letter])


class SmartRewrite(BaseModel):
    """The parts of a cleaned-up goal; None where the goal gave nothing (the UI shows a blank)."""

    model_config = ConfigDict(frozen=True)

    deadline: str | None
    indicator: str | None
    baseline: str | None
    target: str | None
    action: str | None


def normalize(text: str) -> str:
    """NFKC (full-width digits become ASCII) with no whitespace: '２４ 小时' → '24小时'."""
    return CONTROL_OR_SPACE.sub("", unicodedata.normalize("NFKC", text))


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = MASK * (end - start)
    return "".join(chars)


def _first_deadline(text: str) -> tuple[str | None, list[tuple[int, int]]]:
    """The first date or period, joined with periods right after it ('今年' + '年底前')."""
    spans = [m.span() for m in DEADLINE.finditer(text) if m.group()]
    if not spans:
        return None, spans
    start, end = spans[0]
    for next_start, next_end in spans[1:]:
        if next_start != end:
            break
        end = next_end
    return text[start:end], spans


def _first_number(text: str) -> str | None:
    for match in NUMBER.finditer(text):
        if match.group("numeral") is not None:
            numeral = match.group("numeral")
            if not any(d in numeral for d in CN_DIGIT + "两"):
                continue  # '万元' alone is no number
            if numeral == "一" and match.group("unit") in CN_MEASURE_WORDS:
                continue  # '一个', '一次': an article, not a target
        return match.group()
    return None


def _first_action(text: str, indicator: Indicator | None) -> str | None:
    """The first action verb outside the indicator's own words ('培训' in 培训时数 is no action)."""
    if indicator is not None:
        terms = (unicodedata.normalize("NFKC", t) for t in (indicator.name, *indicator.keywords))
        pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
        text = _mask(text, [m.span() for m in pattern.finditer(text)])
    match = ACTION.search(text)
    return match.group() if match else None


def _found_vague_words(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.group() for m in VAGUE.finditer(text)))


def _letters(
    text: str,
    number: str | None,
    deadline: str | None,
    indicator: Indicator | None,
    baseline: str | None,
    action: str | None,
    vague_words: tuple[str, ...],
) -> dict[Letter, bool]:
    specific = (
        action is not None
        and (indicator is not None or number is not None)
        and not (vague_words and number is None)
        and len(text) >= MIN_SPECIFIC_LENGTH
    )
    return {
        "S": specific,
        "M": number is not None,
        "A": baseline is not None,
        "R": indicator is not None,
        "T": deadline is not None,
    }


def check_goal(text: str) -> SmartCheck:
    """Check one goal; never raises on any string, and empty text passes no letter."""
    stripped = text.strip()
    normalized = normalize(stripped)
    deadline, deadline_spans = _first_deadline(normalized)
    rest = _mask(normalized, deadline_spans)
    baseline_match = BASELINE.search(rest)
    baseline = normalized[slice(*baseline_match.span())] if baseline_match else None
    if baseline_match:
        rest = _mask(rest, [baseline_match.span()])
    number = _first_number(rest)
    indicator = find_indicator(normalized) if normalized else None
    action = _first_action(normalized, indicator)
    vague_words = _found_vague_words(normalized)
    letters = _letters(stripped, number, deadline, indicator, baseline, action, vague_words)
    return SmartCheck(
        text=stripped,
        number=number,
        deadline=deadline,
        indicator=indicator,
        baseline=baseline,
        action=action,
        vague_words=vague_words,
        letters=letters,
        score=sum(letters.values()),
    )


def rewrite(check: SmartCheck) -> SmartRewrite:
    """The found parts of a goal for a cleaned-up version; gaps stay None."""
    return SmartRewrite(
        deadline=check.deadline,
        indicator=check.indicator.name if check.indicator else None,
        baseline=check.baseline,
        target=check.number,
        action=check.action,
    )
