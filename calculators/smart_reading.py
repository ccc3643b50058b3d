"""Read a written goal into its parts: deadline, measure, baseline, action verb and target.

Dates, numbers and baselines are found by their form (regular expressions); the text between
them is cut into words by a segmenter that knows the course's measures, so that the verb, the
measure and the target are read from whole words ('交付准时率' is a measure, not the verb 交付).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from calculators.smart_terms import SmartTerms, segment

Form = Literal["level", "delta", "reach", "count"]
BaselineKind = Literal["from", "current", "compare", "past"]
TokenKind = Literal["deadline", "baseline", "number", "word", "punct"]
MASK = "\x00"  # stands in for text already claimed by an earlier pattern
CONTROL_OR_SPACE = re.compile(r"[\s\x00-\x1f\x7f]+")
CLAUSE_BREAK = re.compile(r"[，,。.；;！!？?：:]")
PUNCTUATION = re.compile(r"[^\w\u4e00-\u9fff]+")
MEASURE_SUFFIXES = frozenset("率额量数度值性期比费")  # 增长率 and 完成率 are measures, not verbs
OBJECT_MARKERS = ("把", "将", "使", "让")
IN_MEASURE = ("word", "punct")  # what a measure is written with

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
            r"(?:季度|年|月|季)(?:底|末)|年中|年初|月初|全年|(?<![去上前往])年内",
            r"春节|元旦|国庆节?|中秋节?|五一",
            rf"{YEAR}度?{PERIOD_END}",
            rf"未来{CN_COUNT}个?(?:工作日|天|周|星期|月|季度|年)",
            rf"{NOT_A_TARGET}{CN_COUNT}个?(?:工作日|天|日|周|星期|月|季度|年)"
            r"(?=之内|以内|内)",
            rf"(?<![\d{CN_DIGIT}两半个每])下?{WEEKDAY}",
            r"每个?(?:工作日|天|日|周|星期|月|季度|季|半年|年)",
        )
    )
)
HOLIDAY = re.compile(r"春节|元旦|国庆节?|中秋节?|五一")  # a deadline only with 前: '春节前'


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# --- numbers with their units ------------------------------------------------------------------
MULTIPLIER = r"(?:个亿|百万|千万|万|亿|千|百)"  # '1个亿' is one hundred million, not '1个'
UNITS = (
    *("个百分点", "百分点", "个点", "个工作日", "工作日", "个小时", "小时", "分钟", "个月"),
    *("平方米", "公里", "公斤", "千克", "课时", "学时", "美元", "元", "天", "日", "周", "月"),
    *("年", "倍", "成", "家", "个", "人", "名", "位", "次", "项", "件", "台", "套", "单", "笔"),
    *("场", "篇", "份", "款", "条", "张", "批", "轮", "门", "分", "吨", "米"),
)
CN_UNITS = ("个百分点", "百分点", "成", "倍", "个亿", "万元", "亿元", "万", "亿", "元")
CN_MEASURE_WORDS = ("家", "个", "名", "位", "次", "项", "场", "篇", "件", "台", "单", "笔")
ARABIC_NUMBER = (
    r"(?<![A-Za-z0-9.])\d+(?:,\d{3})*(?:\.\d+)?"  # not the 3 of 'Top3' or of '3C产品'
    rf"(?:%|‰|{MULTIPLIER}(?:{_alternation(UNITS)})|{MULTIPLIER}|{_alternation(UNITS)}|(?![A-Za-z]))"
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
PAST = r"(?:去年|上年度?|上一?年度|上一?季度?|上个?月|上一?周|上期|往年|前一?年|基期)"
COMPARE_WORD = r"(?:比|较|相比于?|相较于?|对比|与|和)"
COMPARE = re.compile(
    "|".join(
        (
            rf"{COMPARE_WORD}{PAST}?同期(?:相比|比)?",  # 比同期, 与去年同期相比
            rf"{COMPARE_WORD}{PAST}(?:相比|比)?",  # 比上季度
            r"同比|环比",
            r"在[^，。,.;；!！?？]{1,15}?基础上",  # 在去年基础上
        )
    )
)
FROM = re.compile(rf"[从由](?:目前|现在|当前|原来|原先|{PAST})?的?(?P<number>{NUMBER_SOURCE})")
FIGURE_VERB = r"(?:为|是|约为|约|仅为|仅|只有|已达|达到|达)"
# a figure of today or of the past: 目前为85%, 目前已回款1200万, 去年新增3家, 上季度满意度为85%
CURRENT = re.compile(
    "|".join(
        (
            r"(?:截至目前|目前|现在|当前|现阶段|现状|基线|基数|原先)(?P<topic>[^\W\d_]{0,8}?)"
            rf"{FIGURE_VERB}?(?P<number>{NUMBER_SOURCE})",
            rf"(?:现|原来?)(?:为|是)(?P<number2>{NUMBER_SOURCE})",  # 现为3天 (not 实现5%)
        )
    )
)
PAST_FIGURE = re.compile(
    rf"{PAST}(?:同期)?(?P<topic>[^\W\d_]{{0,8}}?){FIGURE_VERB}?(?P<number>{NUMBER_SOURCE})"
)
PAST_PERIOD = re.compile(r"(?:去年|上年)同期")  # alone, it compares: '去年同期增长20%'


@dataclass(frozen=True)
class Baseline:
    """Where a goal starts from: '从48小时' (from), '目前为85%' (current), '比上季度' (compare)."""

    kind: BaselineKind
    text: str
    start: int
    end: int
    number: str | None = None
    topic: str = ""  # the measure inside a figure: 满意度 in '去年满意度85%'
    topic_start: int = 0


@dataclass(frozen=True)
class Token:
    """A deadline, baseline, number, word or punctuation, with its place in the normalized text."""

    kind: TokenKind
    text: str
    start: int
    end: int
    baseline: Baseline | None = None


@dataclass(frozen=True)
class Goal:
    """One clause read as a goal.

    Forms: level '将准时率从90%提高到98%', delta '满意度比上季度提高5个百分点', reach
    '销售额做到1个亿', count '新增5家大客户' (the verb counts something, or the measure is done).
    """

    form: Form
    verb: Token
    verb_phrase: str  # as written, with its marker: '提高到', '控制在', '缩短'
    measure: str  # what changes, or what is counted (大客户) or done (回款); '' if none is named
    measure_words: tuple[str, ...]
    target: Token | None
    bound: str  # '以内' after '24小时'
    phrase: str  # count form: the goal as written, subject to object, without its deadline
    baseline: Baseline | None
    baseline_in_phrase: bool


def normalize(text: str) -> str:
    """NFKC (full-width digits become ASCII) with no whitespace: '２４ 小时' → '24小时'."""
    return CONTROL_OR_SPACE.sub("", unicodedata.normalize("NFKC", text))


# --- the text as tokens ------------------------------------------------------------------------
def _is_number(match: re.Match[str]) -> bool:
    numeral = match.group("numeral")
    if numeral is None:
        return True
    if not any(d in numeral for d in CN_DIGIT + "两"):
        return False  # '万元' alone is no number
    return not (numeral == "一" and match.group("unit") in CN_MEASURE_WORDS)  # '一个': an article


def _is_deadline(match: re.Match[str]) -> bool:
    return not HOLIDAY.fullmatch(match.group())  # '春节' needs a '前' to be a deadline


def _is_figure(match: re.Match[str], terms: SmartTerms) -> bool:
    """A figure names a level, not a change: '去年同期增长20%' and '目前提升到' compare instead."""
    topic = match.groupdict().get("topic") or ""
    changes = (w for w in (*terms.verbs["up"], *terms.verbs["down"]) if len(w) > 1)  # not 新增's 增
    return not any(verb in topic for verb in changes)


def _baseline_token(kind: BaselineKind, match: re.Match[str]) -> Token:
    groups = match.groupdict()
    topic = groups.get("topic") or ""
    line = Baseline(
        kind=kind,
        text=match.group(),
        start=match.start(),
        end=match.end(),
        number=groups.get("number") or groups.get("number2"),
        topic=topic,
        topic_start=match.start("topic") if topic else 0,
    )
    return Token("baseline", match.group(), match.start(), match.end(), line)


def _claimed(text: str, terms: SmartTerms) -> list[Token]:
    """Deadlines, baselines and numbers, each pattern searched on text not claimed before it."""
    patterns: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Token], Callable]] = [
        (DEADLINE, lambda m: Token("deadline", m.group(), m.start(), m.end()), _is_deadline),
        (COMPARE, lambda m: _baseline_token("compare", m), bool),
        (FROM, lambda m: _baseline_token("from", m), bool),
        (CURRENT, lambda m: _baseline_token("current", m), lambda m: _is_figure(m, terms)),
        (PAST_FIGURE, lambda m: _baseline_token("past", m), lambda m: _is_figure(m, terms)),
        (PAST_PERIOD, lambda m: _baseline_token("compare", m), bool),
        (NUMBER, lambda m: Token("number", m.group(), m.start(), m.end()), _is_number),
    ]
    found: list[Token] = []
    masked = list(text)
    for pattern, make, keep in patterns:
        new = [make(m) for m in pattern.finditer("".join(masked)) if m.group() and keep(m)]
        for token in new:
            masked[token.start : token.end] = MASK * (token.end - token.start)
        found += new
    return sorted(found, key=lambda token: token.start)


def _split(word: str, terms: SmartTerms) -> list[str]:
    """A segmenter word glued from the checker's words, taken apart: '进一步提高' → 进一步 + 提高.

    '降到' becomes verb and marker; a measure such as '增长率' keeps its suffix.
    """
    if not word:
        return []
    if len(word) > 1 and word[-1] in terms.markers and terms.verb_kind(word[:-1]):
        return [word[:-1], word[-1]]
    if len(word) < 2 or terms.is_known(word):
        return [word]
    inner = [w for w in terms.splittable if w in word and w != word]
    if not inner:
        return [word]
    part = max(inner, key=len)
    start = word.index(part)
    head, tail = word[:start], word[start + len(part) :]
    if tail in MEASURE_SUFFIXES:
        return [word]
    return [*_split(head, terms), part, *_split(tail, terms)]


def _words(text: str, offset: int, terms: SmartTerms) -> list[Token]:
    """Segment a stretch of text into words and punctuation."""
    tokens: list[Token] = []
    start = offset
    for segmented in segment(text):
        for word in _split(segmented, terms):
            end = start + len(word)
            kind: TokenKind = "punct" if PUNCTUATION.fullmatch(word) else "word"
            tokens.append(Token(kind, word, start, end))
            start = end
    return tokens


def tokenize(text: str, terms: SmartTerms) -> list[Token]:
    """Normalized text as deadlines, baselines, numbers, words and punctuation, in order."""
    tokens: list[Token] = []
    position = 0
    for token in _claimed(text, terms):
        if token.start > position:
            tokens += _words(text[position : token.start], position, terms)
        tokens.append(token)
        position = token.end
    if position < len(text):
        tokens += _words(text[position:], position, terms)
    return tokens


def _clauses(tokens: list[Token], terms: SmartTerms) -> list[list[Token]]:
    """Split at clause punctuation and at words that start a second goal ('并使')."""
    clauses: list[list[Token]] = [[]]
    for token in tokens:
        breaks = token.kind == "punct" and CLAUSE_BREAK.search(token.text)
        if breaks or (token.kind == "word" and token.text in terms.conjunctions):
            clauses.append([])
        else:
            clauses[-1].append(token)
    return [clause for clause in clauses if clause]


# --- one clause --------------------------------------------------------------------------------
def _is_verb(token: Token, terms: SmartTerms) -> bool:
    return token.kind == "word" and terms.verb_kind(token.text) is not None


def _is_noise(token: Token, terms: SmartTerms) -> bool:
    return token.kind == "word" and (token.text in terms.fillers or token.text in terms.vague)


def _trim(words: list[Token], terms: SmartTerms) -> list[Token]:
    """Drop fillers and vague words at both ends: '要把销售额' → '销售额'."""
    start, end = 0, len(words)
    while start < end and _is_noise(words[start], terms):
        start += 1
    while end > start and _is_noise(words[end - 1], terms):
        end -= 1
    return words[start:end]


def is_named(words: list[Token] | tuple[Token, ...], terms: SmartTerms) -> bool:
    """Words name a measure: not only verbs, fillers and vague words ('增长' names none)."""
    return any(
        not _is_noise(w, terms) and (not _is_verb(w, terms) or terms.is_measure(w.text))
        for w in words
    )


def _text(text: str, words: list[Token]) -> str:
    return text[words[0].start : words[-1].end] if words else ""


def _measure_before(clause: list[Token], verb: int, terms: SmartTerms) -> list[Token]:
    """The words right before the verb, past a deadline, baseline or adverb next to the verb."""
    words: list[Token] = []
    for token in reversed(clause[:verb]):
        if token.kind == "word" and token.text in OBJECT_MARKERS:
            break
        if not words and (token.kind in ("deadline", "baseline") or _is_noise(token, terms)):
            continue
        action = _is_verb(token, terms) and not terms.is_measure(token.text)
        if token.kind not in IN_MEASURE or action:  # punctuation stays in: 'A/B类客户的满意度'
            break
        words.insert(0, token)
    return _trim(words, terms)


def _main_verb(clause: list[Token], terms: SmartTerms) -> int | None:
    """The verb right before the first number, else the first verb.

    A limit such as 不少于 gives way to an earlier verb: '拜访重点客户不少于20家' is about 拜访.
    """
    verbs = [i for i, token in enumerate(clause) if _is_verb(token, terms)]
    if not verbs:
        return None
    number = next((i for i, t in enumerate(clause) if t.kind == "number"), len(clause))
    before = [i for i in verbs if i < number] or verbs[:1]
    actions = [i for i in before if clause[i].text not in terms.markers]
    return (actions or before)[-1]


@dataclass(frozen=True)
class Topic:
    """What a clause without a verb names, for the clause after it: '客户满意度目前为85%'."""

    words: list[Token]
    baseline: Baseline | None


def _baseline_of(clause: list[Token]) -> Baseline | None:
    return next((t.baseline for t in clause if t.baseline is not None), None)


def _read_goal(
    text: str, clause: list[Token], topic: Topic | None, terms: SmartTerms
) -> Goal | None:
    """One clause as a goal, or None if it has no action verb; ``topic`` is the clause before."""
    v = _main_verb(clause, terms)
    if v is None:
        return None
    verb = clause[v]
    kind = terms.verb_kind(verb.text) or "count"
    rest = clause[v + 1 :]
    i = 0
    while i < len(rest) and rest[i].kind == "word" and rest[i].text == "了":
        i += 1
    between: list[Token] = []  # a measure after the verb: '提高客户满意度到90%'
    while i < len(rest) and rest[i].kind in IN_MEASURE and rest[i].text not in terms.markers:
        if _is_verb(rest[i], terms) and not terms.is_measure(rest[i].text):
            break
        between.append(rest[i])
        i += 1
    marker = ""
    if i + 1 < len(rest) and rest[i].text in terms.markers and rest[i + 1].kind == "number":
        marker = rest[i].text
        i += 1
    target = rest[i] if i < len(rest) and rest[i].kind == "number" else None
    bound, after, last = "", [], target or verb
    if target is not None:
        i += 1
        if i < len(rest) and rest[i].kind == "word" and rest[i].text in terms.bounds:
            bound, last = rest[i].text, rest[i]
            i += 1
        while i < len(rest) and rest[i].kind in IN_MEASURE:
            after.append(rest[i])
            i += 1
    between, after = _trim(between, terms), _trim(after, terms)
    before = _measure_before(clause, v, terms)
    baseline = _baseline_of(clause)
    inherited = not before and not between and topic is not None
    if inherited:
        before = topic.words  # '客户满意度目前为85%，提升到90%'
        baseline = baseline or topic.baseline
    counts = (
        kind == "count" or bool(after) or (kind == "reach" and between and target and not marker)
    )
    if not counts:
        words = before + between
        if target is None:
            form: Form = "level"
        elif kind == "reach":
            form = "reach"
        else:
            form = "level" if marker else "delta"
        return Goal(
            form=form,
            verb=verb,
            verb_phrase=verb.text + marker,
            measure=_text(text, before) + _text(text, between) if is_named(words, terms) else "",
            measure_words=tuple(w.text for w in words),
            target=target,
            bound=bound,
            phrase="",
            baseline=baseline,
            baseline_in_phrase=False,
        )
    objects = after or between or ([verb] if terms.is_measure(verb.text) else before)
    last = after[-1] if after else max((last, *between), key=lambda t: t.end)
    first = verb
    if before and not inherited:
        first = before[0]  # who acts or what is counted: '华东区新增5家', '大客户签约3家'
    span = [t for t in clause if first.start <= t.start and t.end <= last.end]
    phrase = "".join(t.text for t in span if t.kind != "deadline")
    if inherited and objects is before:
        phrase = _text(text, before) + phrase  # '大客户：本季度新签5家'
    return Goal(
        form="count",
        verb=verb,
        verb_phrase=verb.text + marker,
        measure=_text(text, objects) if is_named(objects, terms) else "",
        measure_words=tuple(w.text for w in objects),
        target=target,
        bound=bound,
        phrase=phrase,
        baseline=baseline,
        baseline_in_phrase=any(t.kind == "baseline" for t in span),
    )


def _topic(text: str, clause: list[Token], terms: SmartTerms) -> Topic | None:
    cut = next((i for i, t in enumerate(clause) if t.kind in ("baseline", "number")), len(clause))
    words = _trim([t for t in clause[:cut] if t.kind in IN_MEASURE], terms)
    baseline = _baseline_of(clause)
    if not words and baseline is not None and baseline.topic:
        start = baseline.topic_start
        words = _trim(_words(text[start : start + len(baseline.topic)], start, terms), terms)
    if not is_named(words, terms):
        return None
    return Topic(words, baseline)


def read_goals(text: str, tokens: list[Token], terms: SmartTerms) -> list[Goal]:
    """The goals of a normalized text, one per clause with an action verb, in order."""
    goals: list[Goal] = []
    topic: Topic | None = None
    for clause in _clauses(tokens, terms):
        goal = _read_goal(text, clause, topic, terms)
        if goal is not None:
            goals.append(goal)
            topic = None
            continue
        found = _topic(text, clause, terms)
        if found is None and topic is not None:  # '客户满意度：目前85%，…'
            found = Topic(topic.words, topic.baseline or _baseline_of(clause))
        topic = found
    return goals


def first_deadline(tokens: list[Token]) -> str | None:
    """The first date or period, joined with periods right after it ('今年' + '年底前')."""
    deadlines = [t for t in tokens if t.kind == "deadline"]
    if not deadlines:
        return None
    text, end = deadlines[0].text, deadlines[0].end
    for token in deadlines[1:]:
        if token.start != end:
            break
        text, end = text + token.text, token.end
    return text


def vague_words(tokens: list[Token], terms: SmartTerms) -> tuple[str, ...]:
    """Vague words once each, in order: whole words ('多'), and words across words ('较高水平')."""
    found = [(t.start, t.text) for t in tokens if t.kind == "word" and t.text in terms.vague]
    runs: list[list[Token]] = [[]]
    for token in tokens:
        whole = token.kind != "word" or terms.is_measure(token.text) or token.text in terms.vague
        if whole:  # '完善的订单履行' is a measure; '尽最大努力' was found whole
            runs.append([])
        elif runs[-1] and runs[-1][-1].end != token.start:
            runs.append([token])
        else:
            runs[-1].append(token)
    longer = [w for w in terms.vague if len(w) > 1]
    for run in filter(None, runs):
        stretch = "".join(t.text for t in run)
        for word in longer:
            found += [
                (run[0].start + m.start(), word) for m in re.finditer(re.escape(word), stretch)
            ]
    return tuple(dict.fromkeys(word for _, word in sorted(found)))
