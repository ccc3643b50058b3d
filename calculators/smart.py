"""Check a written goal against the SMART principle (lesson 2, section 2.6).

The checker gives advice per letter ("可能缺少…"), and offers a cleaned-up goal only when it
knows the measure, the action verb and the target; the words of the measure are kept as written.
Goals are read in Chinese or in English (``lang``); the advice codes are the same for both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict

from calculators.indicators import Indicator, find_indicator
from calculators.smart_reading import (
    Baseline,
    Form,
    Goal,
    first_deadline,
    normalize,
    normalize_en,
    read_goals,
    read_goals_en,
    tokenize,
    tokenize_en,
    vague_words,
    vague_words_en,
)
from calculators.smart_terms import SmartTerms, load_terms, terms_file

Letter = Literal["S", "M", "A", "R", "T"]
LETTERS: tuple[Letter, ...] = ("S", "M", "A", "R", "T")
# why a letter passes or may be missing: the UI's message key under letters.<letter>
Advice = Literal["pass", "vague", "no_action", "no_measure", "unclear", "missing", "unrelated"]
# why no cleaned-up goal is offered
NoRewrite = Literal["no_action", "no_target", "no_measure", "several_targets"]
EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")
COMPARED_WITH = re.compile(r"^(?:compared\s+(?:with|to)|versus|vs\.?|against)\s+", re.IGNORECASE)


class SmartRewrite(BaseModel):
    """The parts of a cleaned-up goal, as written in the goal; ``fill`` puts them in a template.

    ``deadline`` and ``baseline`` are None where the goal gives none (a blank to fill in); a
    baseline of '' is said in the count form's phrase already ('比去年多签约5家').
    In English (``lang`` "en") ``verb`` is the verb alone ('raise'), ``target`` the target as
    written from its marker ('to 98%', 'by 5 percentage points', 'to within 24 hours', 'of 100
    million yuan'), a level baseline reads 'from 90%' or 'over last quarter', words that begin
    the goal are in lower case, and ``fill`` starts the goal with a capital letter.
    """

    model_config = ConfigDict(frozen=True)

    form: Form
    deadline: str | None
    measure: str
    baseline: str | None
    verb: str
    target: str
    phrase: str
    lang: str = "zh"

    def fill(self, form: Mapping[str, str], deadline_blank: str) -> str:
        """The goal in words: ``form`` holds the form's ``template``, ``baseline`` and ``blank``."""
        if self.baseline is None:
            baseline = form["blank"]
        else:
            baseline = form["baseline"].format(baseline=self.baseline) if self.baseline else ""
        filled = form["template"].format(
            deadline=self.deadline or deadline_blank,
            measure=self.measure,
            baseline=baseline,
            verb=self.verb,
            target=self.target,
            phrase=self.phrase,
        )
        if self.lang == "en":
            filled = " ".join(filled.split()).replace(" ,", ",").replace(" .", ".")
            filled = filled[:1].upper() + filled[1:]
        return filled


class SmartCheck(BaseModel):
    """What a goal says and may be missing, letter by letter; phrases come from normalized text."""

    model_config = ConfigDict(frozen=True)

    text: str
    number: str | None = None
    deadline: str | None = None
    indicator: Indicator | None = None
    baseline: str | None = None
    measure: str | None = None
    action: str | None = None
    vague_words: tuple[str, ...] = ()
    letters: dict[Letter, bool]
    advice: dict[Letter, Advice]
    score: int
    rewrite: SmartRewrite | None = None
    no_rewrite: NoRewrite | None = None

    @property
    def missing(self) -> tuple[Letter, ...]:
        """The letters the goal may be missing, in S-M-A-R-T order."""
        return tuple(letter for letter in LETTERS if not self.letters[letter])


def _head(measure: str, terms: SmartTerms) -> str | None:
    """The longest measure word the measure ends in, before words like 数量: 大客户数量 → 大客户."""
    stripped = EDGE_PUNCTUATION.sub("", measure)  # '“销售额”' ends in 销售额
    while generic := next((g for g in terms.generic if stripped.endswith(g) and stripped != g), ""):
        stripped = stripped.removesuffix(generic).removesuffix("的")
    return next(
        (stripped[i:] for i in range(len(stripped)) if terms.is_measure(stripped[i:])), None
    )


def _head_en(goal: Goal, terms: SmartTerms) -> str | None:
    """The measure word that heads an English measure: the last one before a preposition, past
    words like 'number': 'the on-time delivery rate for account A' → on-time delivery rate,
    'the number of key accounts' → key accounts."""
    words = [w for w in goal.measure_words if w.strip()]
    head: list[str] = []
    for word in words:
        if terms.is_in(word, terms.prepositions):
            if any(not terms.is_in(w, (*terms.fillers, *terms.generic)) for w in head):
                break
            head = []
            continue
        head.append(word)
    return next((w for w in reversed(head) if terms.is_measure(w)), None)


def _counts_activity(goal: Goal, terms: SmartTerms) -> bool:
    return terms.is_in(goal.verb.text, terms.activities) and not terms.is_measure(goal.verb.text)


def _indicator(goal: Goal | None, text: str, terms: SmartTerms) -> Indicator | None:
    """The indicator the measure ends in ('…的订单交付准时率'), else any the goal text names."""
    lang = terms.lang
    if lang == "en" and goal is not None and goal.form == "count" and _counts_activity(goal, terms):
        return None  # 'visit 20 key accounts' counts visits, an activity
    if goal is not None and goal.measure:
        head = _head_en(goal, terms) if lang == "en" else _head(goal.measure, terms)
        if head is not None and (found := terms.measure_indicator(head)) is not None:
            return found
        if (found := find_indicator(goal.measure, lang)) is not None:
            return found
        if (found := terms.measure_indicator(goal.verb.text)) is not None:
            return found  # the verb is the measure: 做好回款工作
        if head is not None:
            return None  # '大客户拜访量' counts visits, whatever else it names
    return find_indicator(text, lang) if text else None


def _rewrite_baseline(line: Baseline | None, goal: Goal) -> str | None:
    """The baseline as the rewrite says it: '目前为85%' reads '从85%' before the verb."""
    if line is None:
        return None
    if goal.form == "count" and goal.baseline_in_phrase:
        return ""
    if goal.form in ("level", "delta"):
        return f"从{line.number}" if line.kind in ("current", "past") and line.number else line.text
    return line.number if line.kind == "from" and line.number else line.text


def _rewrite_baseline_en(line: Baseline | None, goal: Goal) -> str | None:
    """The baseline as an English rewrite says it: 'currently 85%' reads 'from 85%'."""
    if line is None:
        return None
    if goal.form == "count" and goal.baseline_in_phrase:
        return ""
    if goal.form in ("level", "delta"):
        if line.kind in ("current", "past") and line.number:
            return f"from {line.number}"
        return line.text
    if line.kind == "from" and line.number:
        return line.number
    return COMPARED_WITH.sub("", line.text)  # 'compared with 2 last year' → '2 last year'


def _lower_first(part: str | None, terms: SmartTerms) -> str | None:
    """A part for the middle of a sentence: 'By June 30' → 'by June 30', when it starts with a
    capitalised word of the checker's lists ('By', 'Raise', 'Customer'; not 'East' or 'Q3')."""
    if not part:
        return part
    first = part.split()[0]
    words = (*terms.deadlines.prepositions, *terms.deadlines.relative, *terms.deadlines.every)
    capitalised = first[:1].isupper() and first[1:] == first[1:].lower()
    known = terms.is_known(first) or terms.is_in(first, (*words, "the"))
    known = known or any(p.startswith(terms.key(first) + " ") for p in terms.phrases)
    return part[:1].lower() + part[1:] if capitalised and known else part


def _target_en(goal: Goal) -> str:
    """The target as written; a level reached with no word before it takes 'of': 'of 98%'."""
    target = goal.target_phrase
    if goal.form == "reach" and goal.target is not None and target.startswith(goal.target.text):
        return f"of {target}"
    return target


def _rewrite_en(
    goal: Goal, deadline: str | None, baseline: Baseline | None, terms: SmartTerms
) -> SmartRewrite:
    verb = terms.imperatives.get(terms.key(goal.verb.text)) or _lower_first(goal.verb.text, terms)
    return SmartRewrite(
        form=goal.form,
        deadline=_lower_first(deadline, terms),
        measure=_lower_first(goal.measure, terms) or goal.measure,
        baseline=_rewrite_baseline_en(goal.baseline or baseline, goal),
        verb=verb or goal.verb.text,
        target=_target_en(goal),
        phrase=_lower_first(goal.phrase, terms) or goal.phrase,
        lang="en",
    )


def _rewrite(
    goal: Goal | None,
    numbers: int,
    deadline: str | None,
    baseline: Baseline | None,
    terms: SmartTerms,
) -> tuple[SmartRewrite | None, NoRewrite | None]:
    """The cleaned-up goal, or why there is none: the checker must know measure, verb and target,
    and the target must be the goal's only number besides its baseline and deadline."""
    if goal is None:
        return None, "no_action"
    if goal.target is None:
        return None, "no_target"
    if not goal.measure:
        return None, "no_measure"
    if numbers > 1:
        return None, "several_targets"
    if terms.lang == "en":
        return _rewrite_en(goal, deadline, baseline, terms), None
    rewrite = SmartRewrite(
        form=goal.form,
        deadline=deadline,
        measure=goal.measure,
        baseline=_rewrite_baseline(goal.baseline or baseline, goal),
        verb=goal.verb_phrase,
        target=goal.target.text + goal.bound,
        phrase=goal.phrase,
    )
    return rewrite, None


def _specific(
    goal: Goal | None, number: str | None, indicator: Indicator | None, vague: tuple[str, ...]
) -> Advice:
    """S: an action on a named measure, with a number or an indicator, and no vague words alone."""
    if vague and number is None:
        return "vague"
    if goal is None:
        return "no_action"
    if not goal.measure:
        return "no_measure"
    if number is None and indicator is None:
        return "unclear"
    return "pass"


def check_goal(text: str, lang: str = "zh") -> SmartCheck:
    """Check one goal, read as English if ``lang`` is "en", else as Chinese; never raises on any
    string, and empty text passes no letter."""
    stripped = text.strip()
    if lang == "en":
        terms = load_terms(terms_file("en"))
        normalized = normalize_en(stripped)
        tokens = tokenize_en(normalized, terms) if normalized else []
        goals = read_goals_en(normalized, tokens, terms)
        vague = vague_words_en(tokens, terms)
    else:
        terms = load_terms()
        normalized = normalize(stripped)
        tokens = tokenize(normalized, terms) if normalized else []
        goals = read_goals(normalized, tokens, terms)
        vague = vague_words(tokens, terms)
    main = next((g for g in goals if g.target is not None), goals[0] if goals else None)
    numbers = [t.text for t in tokens if t.kind == "number"]
    number = main.target.text if main and main.target else next(iter(numbers), None)
    baselines = [t.baseline for t in tokens if t.baseline is not None]
    baseline = (main.baseline if main else None) or next(iter(baselines), None)
    deadline = first_deadline(tokens)
    indicator = _indicator(main, normalized, terms)
    advice: dict[Letter, Advice] = {
        "S": _specific(main, number, indicator, vague),
        "M": "pass" if number else "missing",
        "A": "pass" if baseline else "missing",
        "R": "pass" if indicator else ("unrelated" if main and main.measure else "missing"),
        "T": "pass" if deadline else "missing",
    }
    letters: dict[Letter, bool] = {letter: advice[letter] == "pass" for letter in LETTERS}
    rewrite, no_rewrite = _rewrite(main, len(numbers), deadline, baseline, terms)
    return SmartCheck(
        text=stripped,
        number=number,
        deadline=deadline,
        indicator=indicator,
        baseline=baseline.text if baseline else None,
        measure=(main.measure or None) if main else None,
        action=main.verb.text if main else None,
        vague_words=vague,
        letters=letters,
        advice=advice,
        score=sum(letters.values()),
        rewrite=rewrite,
        no_rewrite=no_rewrite,
    )
