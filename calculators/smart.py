"""Check a written goal against the SMART principle (lesson 2, section 2.6).

The checker gives advice per letter ("可能缺少…"), and offers a cleaned-up goal only when it
knows the measure, the action verb and the target; the words of the measure are kept as written.
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
    read_goals,
    tokenize,
    vague_words,
)
from calculators.smart_terms import SmartTerms, load_terms

Letter = Literal["S", "M", "A", "R", "T"]
LETTERS: tuple[Letter, ...] = ("S", "M", "A", "R", "T")
# why a letter passes or may be missing: the UI's message key under letters.<letter>
Advice = Literal["pass", "vague", "no_action", "no_measure", "unclear", "missing", "unrelated"]
# why no cleaned-up goal is offered
NoRewrite = Literal["no_action", "no_target", "no_measure", "several_targets"]
EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")


class SmartRewrite(BaseModel):
    """The parts of a cleaned-up goal, as written in the goal; ``fill`` puts them in a template.

    ``deadline`` and ``baseline`` are None where the goal gives none (a blank to fill in); a
    baseline of '' is said in the count form's phrase already ('比去年多签约5家').
    """

    model_config = ConfigDict(frozen=True)

    form: Form
    deadline: str | None
    measure: str
    baseline: str | None
    verb: str
    target: str
    phrase: str

    def fill(self, form: Mapping[str, str], deadline_blank: str) -> str:
        """The goal in words: ``form`` holds the form's ``template``, ``baseline`` and ``blank``."""
        if self.baseline is None:
            baseline = form["blank"]
        else:
            baseline = form["baseline"].format(baseline=self.baseline) if self.baseline else ""
        return form["template"].format(
            deadline=self.deadline or deadline_blank,
            measure=self.measure,
            baseline=baseline,
            verb=self.verb,
            target=self.target,
            phrase=self.phrase,
        )


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


def _indicator(goal: Goal | None, text: str, terms: SmartTerms) -> Indicator | None:
    """The indicator the measure ends in ('…的订单交付准时率'), else any the goal text names."""
    if goal is not None and goal.measure:
        head = _head(goal.measure, terms)
        if head is not None and (found := terms.measure_indicator(head)) is not None:
            return found
        if (found := find_indicator(goal.measure)) is not None:
            return found
        if (found := terms.measure_indicator(goal.verb.text)) is not None:
            return found  # the verb is the measure: 做好回款工作
        if head is not None:
            return None  # '大客户拜访量' counts visits, whatever else it names
    return find_indicator(text) if text else None


def _rewrite_baseline(line: Baseline | None, goal: Goal) -> str | None:
    """The baseline as the rewrite says it: '目前为85%' reads '从85%' before the verb."""
    if line is None:
        return None
    if goal.form == "count" and goal.baseline_in_phrase:
        return ""
    if goal.form in ("level", "delta"):
        return f"从{line.number}" if line.kind in ("current", "past") and line.number else line.text
    return line.number if line.kind == "from" and line.number else line.text


def _rewrite(
    goal: Goal | None, numbers: int, deadline: str | None, baseline: Baseline | None
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


def check_goal(text: str) -> SmartCheck:
    """Check one goal; never raises on any string, and empty text passes no letter."""
    terms = load_terms()
    stripped = text.strip()
    normalized = normalize(stripped)
    tokens = tokenize(normalized, terms) if normalized else []
    goals = read_goals(normalized, tokens, terms)
    main = next((g for g in goals if g.target is not None), goals[0] if goals else None)
    numbers = [t.text for t in tokens if t.kind == "number"]
    number = main.target.text if main and main.target else next(iter(numbers), None)
    baselines = [t.baseline for t in tokens if t.baseline is not None]
    baseline = (main.baseline if main else None) or next(iter(baselines), None)
    deadline = first_deadline(tokens)
    indicator = _indicator(main, normalized, terms)
    vague = vague_words(tokens, terms)
    advice: dict[Letter, Advice] = {
        "S": _specific(main, number, indicator, vague),
        "M": "pass" if number else "missing",
        "A": "pass" if baseline else "missing",
        "R": "pass" if indicator else ("unrelated" if main and main.measure else "missing"),
        "T": "pass" if deadline else "missing",
    }
    letters: dict[Letter, bool] = {letter: advice[letter] == "pass" for letter in LETTERS}
    rewrite, no_rewrite = _rewrite(main, len(numbers), deadline, baseline)
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
