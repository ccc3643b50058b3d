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
from itertools import pairwise
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
    target_phrase: str = (
        ""  # English: the target as written, from its marker ('to within 24 hours')
    )


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


# --- English -----------------------------------------------------------------------------------
# English goals are read with the same tokens and goals: dates, numbers and baselines are found
# by their form, with the words of smart_terms.en.yaml; the rest is cut at spaces and
# punctuation, and the phrases of the word lists are joined into one word each ('on-time
# delivery rate', 'more than'). The verb comes before its measure: 'raise X from 90% to 98%'.
RAW_WORD = re.compile(r"[^\W\d_]+(?:[-/'’][^\W\d_]+)*['’]?|\w+|[^\w\s]")
WHITESPACE = re.compile(r"\s+")
NUMBER_WORDS_NEEDING_UNIT = frozenset({"one"})  # 'one proposal' is an article, 'one day' a number
DETERMINERS = ("the", "our", "its", "their", "your", "this", "these", "those")


def normalize_en(text: str) -> str:
    """NFKC (full-width digits become ASCII), ’ read as ', runs of spaces as one space."""
    folded = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return CONTROL_OR_SPACE.sub(" ", folded).strip()


def _choice(words: tuple[str, ...] | list[str], attached: bool = False) -> str:
    """Words as alternatives, longest first, each a whole word where it starts or ends with one
    (``attached``: it may follow a digit, as in '500k'); a space or hyphen inside a phrase may be
    written either way ('year end', 'year-end')."""
    alternatives = []
    for word in sorted(dict.fromkeys(words), key=len, reverse=True):
        pattern = re.sub(r"\\[ -]", r"[\\s-]+", re.escape(word))
        before = r"(?<![\w])" if re.match(r"\w", word) and not attached else ""
        after = r"(?![\w])" if re.search(r"\w$", word) else ""
        alternatives.append(f"{before}{pattern}{after}")
    return "(?:" + "|".join(alternatives) + ")"


@dataclass(frozen=True)
class EnglishPatterns:
    """The regular expressions of English dates, numbers and baselines, built from the lists."""

    deadline: re.Pattern[str]
    number: re.Pattern[str]
    from_: re.Pattern[str]
    compare: re.Pattern[str]
    current: re.Pattern[str]
    past_figure: re.Pattern[str]
    past_after: re.Pattern[str]


_PATTERNS: dict[int, tuple[SmartTerms, EnglishPatterns]] = {}


def _patterns(terms: SmartTerms) -> EnglishPatterns:
    """The patterns of a word list, built once per list."""
    known = _PATTERNS.get(id(terms))
    if known is None or known[0] is not terms:
        known = (terms, _build_patterns(terms))
        _PATTERNS[id(terms)] = known
    return known[1]


def _number_pattern(terms: SmartTerms, named: bool) -> str:
    numbers = terms.numbers
    assert numbers is not None
    attached = [w for w in (*numbers.multipliers, *numbers.units) if len(w) <= 2 and w.isalpha()]
    multipliers = [w for w in numbers.multipliers if w not in attached]
    units = [w for w in (*numbers.percents, *numbers.units) if w not in attached and w != "%"]

    def group(name: str, pattern: str) -> str:
        return f"(?P<{name}>{pattern})" if named else f"(?:{pattern})"

    value = group(
        "value", rf"(?<![\w.,])\d+(?:,\d{{3}})*(?:\.\d+)?(?![\d])|{_choice(numbers.words)}"
    )
    scale = group("scale", rf"\s?{_choice(multipliers)}|{_choice(attached, attached=True)}")
    unit = group("unit", rf"\s?%|\s?‰|\s?{_choice(units)}|{_choice(attached, attached=True)}")
    currency = rf"(?:{_choice(numbers.currencies)}\s?)?"
    return rf"{currency}{value}(?:{scale})?(?:{unit})?(?![\w%])"


def _build_patterns(terms: SmartTerms) -> EnglishPatterns:
    dates, numbers, lines = terms.deadlines, terms.numbers, terms.baselines
    assert dates is not None and numbers is not None and lines is not None
    preposition = rf"{_choice(dates.prepositions)}\s+"
    part = rf"(?:the\s+)?{_choice(dates.parts)}\s+of\s+"
    month = rf"{_choice(dates.months)}\.?"
    day = r"\d{1,2}(?:st|nd|rd|th)?(?!\d)"
    no_amount = _choice((*numbers.percents, *numbers.multipliers, *numbers.units))
    year = rf"(?:19|20)\d{{2}}(?![\d%])(?![,.]\d)(?!\s?{no_amount})"
    this_year = rf"(?:(?:this|next|the)\s+year|{year})"
    period = _choice(dates.periods)
    count = rf"(?:\d+|{_choice(numbers.words)}|a|an|a\s+few|few|several)"
    full = "|".join(
        (
            r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)",
            r"\d{1,2}/\d{1,2}/\d{2,4}(?!\d)",
            rf"{month}\s+{day}(?:,?\s+{year})?",
            rf"{day}\s+(?:of\s+)?{month}(?:,?\s+{year})?",
            rf"(?:early|mid|late|end)[\s-]?{month}(?:\s+{year})?",
            rf"{month}\s+{year}",
            rf"(?:{year}\s+)?(?<![\w])(?:Q[1-4]|H[12])(?![\w])(?:\s+{year})?",
            r"(?<![\w])FY\s?(?:\d{4}|\d{2})(?![\w])",
            rf"(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+{this_year})?",
            rf"(?:the\s+)?(?:first|second)\s+half(?:\s+of\s+{this_year})?",
            rf"{_choice(dates.relative)}\s+(?:{_choice(dates.weekdays)}|{period})",
            rf"(?:the\s+)?{_choice(dates.alone)}",
            rf"mid[\s-]{year}",
            rf"{_choice(dates.every)}\s+(?:{_choice(dates.durations)}|{period})",
        )
    )
    bare = "|".join(  # only after a preposition or a part: 'by June', 'by the end of 2026'
        (
            rf"{month}",
            rf"the\s+{day}(?:\s+of\s+(?:(?:this|next|the)\s+month|{month}))?",
            year,
            _choice(dates.weekdays),
        )
    )
    after_part = r"(?:the\s+)?(?:year|month|quarter|week|day)(?![\w])"
    whole = (  # within the year
        r"(?:within|during|throughout|over|for)\s+(?:the|this)\s+(?:year|quarter|month|week)"
        r"(?![\w])"
    )
    holiday = (
        r"(?:before|by|ahead\s+of|until|till|prior\s+to|no\s+later\s+than)\s+(?:the\s+)?"
        + _choice(dates.holidays)
    )
    within = (
        rf"(?<!to\s)(?:within|in|over|during)\s+(?:the\s+)?(?:next\s+|coming\s+|first\s+)?"
        rf"{count}\s+{_choice(dates.durations)}"
    )
    deadline = re.compile(
        rf"(?<![\w])(?:{within}|{holiday}|{whole}"
        rf"|(?:{preposition})?(?:{part})?(?:the\s+)?(?:{full})"
        rf"|(?:{preposition}(?:{part})?|{part})(?:the\s+)?(?:{bare})(?![\w])"
        rf"|(?:{preposition})?{part}{after_part})",
        re.IGNORECASE,
    )
    amount = _number_pattern(terms, named=False)
    past = rf"{_choice(lines.past)}(?:'s)?"
    from_ = re.compile(
        rf"{_choice(lines.from_)}\s+(?:(?:the|a|an|its|our|their|current|present|existing|"
        rf"today's|this\s+year's|{past})\s+)*(?:(?:level|figure|rate|base|baseline)\s+(?:of\s+)?)?"
        rf"(?P<number>{amount})",
        re.IGNORECASE,
    )
    compare = re.compile(
        rf"{_choice(lines.compare)}\s+(?:the\s+)?{past}(?:\s+(?:level|figure|results?))?"
        rf"|{_choice(lines.same_period)}",
        re.IGNORECASE,
    )
    figure = rf"(?:\s*{_choice(lines.figure_words)})*\s*"
    current = re.compile(
        rf"(?<![\w]){_choice(lines.current)}{figure}(?P<number>{amount})"
        rf"|(?P<number2>{amount})\s+(?:(?:has|have)\s+been\s+|already\s+)?(?:[^\W\d_]+\s+)?"
        rf"{_choice(lines.current)}(?![\w])",  # 12 million yuan collected so far
        re.IGNORECASE,
    )
    past_figure = re.compile(
        rf"(?<![\w]){past}\s*[:,]?\s*(?P<topic>(?:[^\W\d_][\w'-]*\s+){{0,4}}?)"
        rf"(?:(?:{_choice(lines.figure_words)}|had|reached|signed|added|came\s+to|stood\s+at)\s*)?"
        rf"(?P<number>{amount})",
        re.IGNORECASE,
    )
    past_after = re.compile(
        rf"(?:(?:compared\s+(?:with|to)|versus|vs\.?|against|up\s+from|down\s+from)\s+)?"
        rf"(?P<number>{amount})\s+(?:(?:in|during|for)\s+)?(?:the\s+)?{past}",
        re.IGNORECASE,
    )
    return EnglishPatterns(
        deadline=deadline,
        number=re.compile(_number_pattern(terms, named=True), re.IGNORECASE),
        from_=from_,
        compare=compare,
        current=current,
        past_figure=past_figure,
        past_after=past_after,
    )


def _is_number_en(match: re.Match[str]) -> bool:
    value = match.group("value").casefold()
    return value not in NUMBER_WORDS_NEEDING_UNIT or bool(
        match.group("scale") or match.group("unit")
    )


def _is_figure_en(match: re.Match[str], terms: SmartTerms) -> bool:
    """A figure names a level, not a change: 'last year sales rose 10%' compares instead."""
    topic = (match.groupdict().get("topic") or "").split()
    return not any(terms.verb_kind(w) in ("up", "down") for w in topic)


def _claimed_en(text: str, terms: SmartTerms) -> list[Token]:
    """Deadlines, baselines and numbers, each pattern searched on text not claimed before it."""
    p = _patterns(terms)
    patterns: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Token], Callable]] = [
        (p.deadline, lambda m: Token("deadline", m.group(), m.start(), m.end()), bool),
        (p.from_, lambda m: _baseline_token("from", m), bool),
        (p.compare, lambda m: _baseline_token("compare", m), bool),
        (p.current, lambda m: _baseline_token("current", m), bool),
        (p.past_figure, lambda m: _baseline_token("past", m), lambda m: _is_figure_en(m, terms)),
        (p.past_after, lambda m: _baseline_token("past", m), bool),
        (p.number, lambda m: Token("number", m.group(), m.start(), m.end()), _is_number_en),
    ]
    found: list[Token] = []
    masked = list(text)
    for pattern, make, keep in patterns:
        new = [make(m) for m in pattern.finditer("".join(masked)) if m.group().strip() and keep(m)]
        for token in new:
            masked[token.start : token.end] = MASK * (token.end - token.start)
        found += new
    return sorted(found, key=lambda token: token.start)


def _words_en(text: str, offset: int, terms: SmartTerms) -> list[Token]:
    """Words and punctuation of a stretch of text, the phrases of the lists joined into one."""
    raw = [(m.start() + offset, m.end() + offset) for m in RAW_WORD.finditer(text)]
    tokens: list[Token] = []
    i = 0
    longest = terms.longest_phrase
    while i < len(raw):
        start, end = raw[i]
        taken = 1
        for n in range(min(longest, len(raw) - i), 1, -1):
            span = raw[i : i + n]
            gaps = (text[a - offset : b - offset] for (_, a), (b, _) in pairwise(span))
            if all(WHITESPACE.fullmatch(gap) for gap in gaps):
                phrase = text[start - offset : span[-1][1] - offset]
                if terms.key(phrase) in terms.phrases:
                    taken, end = n, span[-1][1]
                    break
        word = text[start - offset : end - offset]
        kind: TokenKind = "word" if re.match(r"\w", word) else "punct"
        tokens.append(Token(kind, word, start, end))
        i += taken
    return tokens


def tokenize_en(text: str, terms: SmartTerms) -> list[Token]:
    """Normalized English text as deadlines, baselines, numbers, words and punctuation."""
    tokens: list[Token] = []
    position = 0
    for token in _claimed_en(text, terms):
        if token.start > position:
            tokens += _words_en(text[position : token.start], position, terms)
        tokens.append(token)
        position = token.end
    if position < len(text):
        tokens += _words_en(text[position:], position, terms)
    return tokens


def _is_word(token: Token, words: tuple[str, ...], terms: SmartTerms) -> bool:
    return token.kind == "word" and terms.is_in(token.text, words)


def _is_verb_en(token: Token, terms: SmartTerms) -> bool:
    return token.kind == "word" and terms.verb_kind(token.text) is not None


def _is_noise_en(token: Token, terms: SmartTerms) -> bool:
    """Fillers, vague words and punctuation: no part of a measure at its ends ('account A' keeps
    its capital A, which is a name, not an article)."""
    if token.kind == "punct":
        return True
    name = len(token.text) == 1 and token.text.isupper() and token.text != "I"
    return not name and _is_word(token, (*terms.fillers, *terms.vague), terms)


def _trim_en(words: list[Token], terms: SmartTerms) -> list[Token]:
    """Drop fillers, vague words and punctuation at both ends, but keep an article or the like
    right before the measure: 'to try to raise the return rate' → 'the return rate'."""
    start, end = 0, len(words)
    while start < end and _is_noise_en(words[start], terms):
        start += 1
    while end > start and _is_noise_en(words[end - 1], terms):
        end -= 1
    if 0 < start < end and _is_word(words[start - 1], DETERMINERS, terms):
        start -= 1
    return words[start:end]


def _is_named_en(words: list[Token], terms: SmartTerms) -> bool:
    """Words name a measure: not only verbs, fillers and vague words ('collect' is a measure)."""
    return any(
        not _is_noise_en(w, terms) and (not _is_verb_en(w, terms) or terms.is_measure(w.text))
        for w in words
    )


def _clauses_en(tokens: list[Token], terms: SmartTerms) -> list[list[Token]]:
    """Split at clause punctuation, and at 'and' (or the like) when a verb comes next."""
    clauses: list[list[Token]] = [[]]
    for i, token in enumerate(tokens):
        if token.kind == "punct" and CLAUSE_BREAK.search(token.text):
            clauses.append([])
            continue
        if _is_word(token, terms.conjunctions, terms):
            following = (t for t in tokens[i + 1 :] if not _is_word(t, terms.fillers, terms))
            if (nxt := next(following, None)) is not None and _is_verb_en(nxt, terms):
                clauses.append([])
                continue
        clauses[-1].append(token)
    return [clause for clause in clauses if clause]


def _main_verb_en(clause: list[Token], terms: SmartTerms) -> int | None:
    """The verb right before the first number, else the first verb."""
    verbs = [i for i, token in enumerate(clause) if _is_verb_en(token, terms)]
    if not verbs:
        return None
    number = next((i for i, t in enumerate(clause) if t.kind == "number"), len(clause))
    before = [i for i in verbs if i < number]
    return before[-1] if before else verbs[0]


def _leads_to_number(rest: list[Token], i: int, terms: SmartTerms) -> bool:
    """Whether bounds, and then a number, follow from ``i`` on: '(to) within 24 hours'."""
    while i < len(rest) and _is_word(rest[i], terms.bounds, terms):
        i += 1
    return i < len(rest) and rest[i].kind == "number"


def _starts_target(rest: list[Token], i: int, terms: SmartTerms) -> bool:
    """Whether the target starts at ``i``: 'to 98%', 'by 5 percentage points', 'below 2%'."""
    marker = _is_word(rest[i], terms.markers, terms)
    return _leads_to_number(rest, i + 1 if marker else i, terms)


def _past_baseline(rest: list[Token], i: int, terms: SmartTerms) -> int:
    """Past a baseline right after the measure: 'from 90%', or a 'from' with no number."""
    while i < len(rest):
        if rest[i].kind == "baseline":
            i += 1
        elif terms.key(rest[i].text) == "from":  # 'from the current level to 98%'
            i += 1
            while (
                i < len(rest) and rest[i].kind in IN_MEASURE and not _starts_target(rest, i, terms)
            ):
                i += 1
        else:
            break
    return i


@dataclass(frozen=True)
class _Target:
    """What follows the measure: marker, bounds, the number and the words after it."""

    start: int  # where the target as written begins (its marker, bound or number)
    marker: str
    lead: tuple[Token, ...]  # bounds before the number: 'within', 'at least'
    number: Token | None
    bound: str  # a bound after the number: 'or more'
    end: Token | None  # the last token of the target, after-words left out
    after: tuple[Token, ...]  # words after the number: '5 [new key accounts]'


def _target(rest: list[Token], i: int, terms: SmartTerms) -> _Target:
    start = rest[i].start if i < len(rest) else 0
    marker = ""
    if i < len(rest) and _is_word(rest[i], terms.markers, terms) and _starts_target(rest, i, terms):
        marker = terms.key(rest[i].text)
        i += 1
    lead: list[Token] = []
    while (
        i < len(rest) and _is_word(rest[i], terms.bounds, terms) and _starts_target(rest, i, terms)
    ):
        lead.append(rest[i])
        i += 1
    if i >= len(rest) or rest[i].kind != "number":
        return _Target(start, marker, tuple(lead), None, "", None, ())
    number, end, bound = rest[i], rest[i], ""
    i += 1
    if i < len(rest) and _is_word(rest[i], terms.bounds, terms):
        bound, end = rest[i].text, rest[i]
        i += 1
    after: list[Token] = []
    while i < len(rest) and rest[i].kind in IN_MEASURE and not _is_verb_en(rest[i], terms):
        after.append(rest[i])
        i += 1
    return _Target(start, marker, tuple(lead), number, bound, end, tuple(after))


def _span(text: str, first: Token, last: Token, tokens: list[Token]) -> str:
    """The text from one token to another, without the deadlines inside it."""
    return _span_at(text, first.start, last.end, tokens)


def _span_at(text: str, start: int, end: int, tokens: list[Token]) -> str:
    pieces, position = [], start
    for token in tokens:
        if token.kind == "deadline" and start <= token.start and token.end <= end:
            pieces.append(text[position : token.start])
            position = token.end
    pieces.append(text[position:end])
    return " ".join(" ".join(pieces).split()).strip(" ,;:")


def _level_form(kind: str, target: _Target) -> Form:
    if target.number is None:
        return "level"
    if kind == "reach":
        return "reach"
    if target.marker in ("to", "at") or (target.lead and target.marker != "by"):
        return "level"  # 'to 98%', 'below 2%'
    return "delta"  # 'by 5 percentage points', '20%'


def _read_goal_en(
    text: str, clause: list[Token], topic: Topic | None, terms: SmartTerms
) -> Goal | None:
    """One English clause as a goal, or None if it has no action verb.

    The measure comes after the verb ('raise [on-time delivery for account A] from 90% to 98%')
    or before it ('[customer satisfaction] should rise to 90%'), or from the clause before
    ('customer satisfaction is currently 85%; raise it to 90%'); a count verb counts what
    follows its number ('add 5 [new key accounts]').
    """
    v = _main_verb_en(clause, terms)
    if v is None:
        return None
    verb = clause[v]
    kind = terms.verb_kind(verb.text) or "count"
    rest = clause[v + 1 :]
    i = 0
    while i < len(rest) and rest[i].kind in IN_MEASURE:
        if _is_verb_en(rest[i], terms) or terms.key(rest[i].text) == "from":
            break
        if _starts_target(rest, i, terms):
            break
        i += 1
    between = _trim_en(rest[:i], terms)
    target = _target(rest, _past_baseline(rest, i, terms), terms)
    after = _trim_en(list(target.after), terms)
    before = _trim_en(_before_en(clause, v, terms), terms)
    baseline = _baseline_of(clause)
    named = _is_named_en(between, terms)
    inherited = not named and not _is_named_en(before, terms) and topic is not None
    if inherited:
        assert topic is not None
        before = topic.words
        baseline = baseline or topic.baseline
    if kind != "count" and (named or inherited or not after):
        words = between if named else before
        end = after[-1] if after else target.end  # 'to 90% [among key accounts]'
        return Goal(
            form=_level_form(kind, target),
            verb=verb,
            verb_phrase=verb.text,
            measure=_text(text, words) if _is_named_en(words, terms) else "",
            measure_words=tuple(w.text for w in words),
            target=target.number,
            bound=target.bound,
            phrase="",
            baseline=baseline,
            baseline_in_phrase=False,
            target_phrase=_span_at(text, target.start, end.end, clause) if end else "",
        )
    objects = after
    if after and _is_word(after[0], terms.prepositions, terms) and terms.key(after[0].text) != "of":
        objects = [] if terms.is_measure(verb.text) else after  # 'collect 3m yuan [from A]'
    objects = objects or between or ([verb] if terms.is_measure(verb.text) else before)
    last = after[-1] if after else max((target.end or verb, *between), key=lambda t: t.end)
    first = before[0] if before and not inherited else verb  # who acts: 'our East China team'
    phrase = _span(text, first, last, clause)
    if inherited and objects is before:
        phrase = f"{_text(text, before)} {phrase}"
    return Goal(
        form="count",
        verb=verb,
        verb_phrase=verb.text,
        measure=_text(text, objects) if _is_named_en(objects, terms) else "",
        measure_words=tuple(w.text for w in objects),
        target=target.number,
        bound=target.bound,
        phrase=phrase,
        baseline=baseline,
        baseline_in_phrase=any(
            t.kind == "baseline" and first.start <= t.start and t.end <= last.end for t in clause
        ),
    )


def _before_en(clause: list[Token], verb: int, terms: SmartTerms) -> list[Token]:
    """The words before the verb, back to a deadline, baseline or number: the subject."""
    words: list[Token] = []
    for token in reversed(clause[:verb]):
        if token.kind not in IN_MEASURE or _is_verb_en(token, terms):
            if words or token.kind not in ("deadline", "baseline"):
                break
            continue
        words.insert(0, token)
    return words


def _topic_en(text: str, clause: list[Token], terms: SmartTerms) -> Topic | None:
    cut = next((i for i, t in enumerate(clause) if t.kind in ("baseline", "number")), len(clause))
    words = _trim_en([t for t in clause[:cut] if t.kind in IN_MEASURE], terms)
    baseline = _baseline_of(clause)
    if not words and baseline is not None and baseline.topic:
        start = baseline.topic_start
        words = _trim_en(_words_en(text[start : start + len(baseline.topic)], start, terms), terms)
    if not _is_named_en(words, terms):
        return None
    return Topic(words, baseline)


def read_goals_en(text: str, tokens: list[Token], terms: SmartTerms) -> list[Goal]:
    """The goals of a normalized English text, one per clause with an action verb, in order."""
    goals: list[Goal] = []
    topic: Topic | None = None
    for clause in _clauses_en(tokens, terms):
        goal = _read_goal_en(text, clause, topic, terms)
        if goal is not None:
            goals.append(goal)
            topic = None
            continue
        found = _topic_en(text, clause, terms)
        if found is None and topic is not None:
            found = Topic(topic.words, topic.baseline or _baseline_of(clause))
        topic = found
    return goals


def vague_words_en(tokens: list[Token], terms: SmartTerms) -> tuple[str, ...]:
    """Vague words and phrases once each, in order, as the word list gives them."""
    found = [terms.key(t.text) for t in tokens if _is_word(t, terms.vague, terms)]
    return tuple(dict.fromkeys(found))
