"""Altair charts for lessons and tools (pure: no Streamlit).

Each chart is drawn with Altair once per shape and kept as a Vega-Lite template whose data are
named; a rerun only fills in the data (and a height that follows the number of rows), because
Altair's ``to_dict`` takes tens of milliseconds. A tool's spec does not change with what is
typed into it, so the browser updates its chart's data in place instead of drawing it anew.

Every mark is labelled at any width, from a phone to a projector: category labels wrap onto
lines instead of being cut, no label is hidden to avoid an overlap (there are only as many ticks
as the width holds), legends go below the chart in as many columns as fit, axes end on a tick,
and money reads in Chinese units (¥5,000, ¥50万, ¥1.2亿).
"""

from __future__ import annotations

import copy
import itertools
import json
import math
import unicodedata
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Any

import altair as alt

from courseware.content.figures import ChartSpec, chart_spec
from courseware.format import yuan, yuan_short_expression
from courseware.i18n import current_language, lookup, t

Spec = dict[str, Any]
PALETTE = ["#1f4e79", "#c0392b", "#f39c12", "#2e86c1", "#27ae60"]
VALUE_COLOURS = ["#1f4e79", "#2e86c1", "#5dade2", "#a9cce3"]
COST_COLOURS = ["#922b21", "#c0392b", "#e67e22", "#f5b041"]
STATUS_COLOURS = ["#a9cce3", "#f39c12", "#27ae60"]
PERSPECTIVE_COLOURS = ["#1f4e79", "#f39c12", "#27ae60", "#8e44ad"]
LOSS = "#c0392b"

# Room around the drawing: browsers draw Chinese glyphs a little taller and wider than Vega
# measures them, and an end label or a rotated axis title would otherwise lose its edge.
PADDING = {"left": 8, "top": 14, "right": 18, "bottom": 20}
# The width follows the page; the height given is the plot's, and axes and legend add to it.
AUTOSIZE = {"type": "fit-x", "contains": "padding"}
LABEL_PX = 12  # an axis label's font size in Streamlit's chart theme
LEGEND_PX = 14  # a legend label's
LINE_PX = 16  # one line of a wrapped label
SPLIT_LINES = "split(datum.label, '\\n')"  # a wrapped label, drawn one line under another
# Breaks that read naturally: after a space or a separator, before an opening bracket.
BREAK_AFTER = set(" ·、，。；：）)/")
BREAK_BEFORE = set("（(")
NO_LINE_START = set("、，。；：！？）)》」』%％")  # kept with the character before them
NO_LINE_END = set("（(《「『")  # kept with the character after them


def filled(template: Spec, **datasets: list[dict[str, Any]]) -> Spec:
    """A copy of a chart template with its named datasets filled in."""
    spec = copy.deepcopy(template)
    spec["datasets"] = datasets
    return spec


def _framed(spec: Spec) -> Spec:
    """A tool chart's spec with the padding and sizing every tool chart shares."""
    return {**spec, "padding": PADDING, "autosize": AUTOSIZE}


# ---- labels ------------------------------------------------------------------------------------
def text_width(text: str) -> int:
    """Width in half-width units: a Chinese character (or a full-width sign) counts 2, others 1."""
    return sum(2 if _wide(c) else 1 for c in text)


def wrap_label(text: str, limit: int) -> list[str]:
    """``text`` as lines at most ``limit`` half-width units wide (a longer word keeps a line of
    its own), dropping nothing but spaces at a break. A line breaks where it reads best (after a
    space, a separator or a closing bracket, before an opening one), else between Chinese
    characters, never inside a word or a number, nor before a comma or after a bracket."""
    lines: list[str] = []
    line = ""
    for phrase in _phrases(text):
        parts = [phrase] if text_width(phrase.strip()) <= limit else _pieces(phrase)
        for part in parts:
            if line and text_width(line + part.rstrip()) > limit:
                lines.append(line.rstrip())
                line = ""
            line += part.lstrip() if not line else part
    return [*lines, line.rstrip()] if line.strip() or not lines else lines


def _phrases(text: str) -> list[str]:
    """``text`` cut at its natural breaks, each phrase keeping the separator it ends with."""
    phrases = [""]
    for char in " ".join(text.split()):
        if char in BREAK_BEFORE and phrases[-1].strip():
            phrases.append("")
        phrases[-1] += char
        if char in BREAK_AFTER:
            phrases.append("")
    return [p for p in phrases if p]


def _pieces(phrase: str) -> list[str]:
    """The smallest parts a line may break between: a Chinese character or a word, with the
    punctuation and spaces that stay beside it."""
    pieces: list[str] = []
    for char in phrase:
        if pieces and _joins(pieces[-1][-1], char):
            pieces[-1] += char
        else:
            pieces.append(char)
    return pieces


def _joins(last: str, char: str) -> bool:
    """Whether ``char`` stays on the same line as the character ``last`` before it."""
    if char == " " or char in NO_LINE_START or last in NO_LINE_END:
        return True
    return last != " " and not _wide(char) and not _wide(last)


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def wrapped(text: str, limit: int) -> str:
    """The label as the chart stores it: its lines joined by newlines (see ``SPLIT_LINES``)."""
    return "\n".join(wrap_label(text, limit))


def _line_count(labels: Sequence[str]) -> int:
    return max((label.count("\n") + 1 for label in labels), default=1)


def _band_axis(**options: Any) -> alt.Axis:
    """An axis of categories: every label drawn in full, on as many lines as it wraps to."""
    return alt.Axis(
        labelExpr=SPLIT_LINES,
        labelLimit=0,
        labelOverlap=False,
        labelFlush=False,
        labelAngle=0,
        labelLineHeight=LINE_PX,
        **options,
    )


def _legend(labels: Sequence[str], columns: Sequence[int]) -> alt.Legend:
    """A legend below the chart in the most of ``columns`` (e.g. 4, 2, 1) that fit its width."""
    entry = max(text_width(label) for label in labels) * LEGEND_PX / 2 + 36  # symbol, gaps
    expr = "1"
    for count in sorted(columns):
        if count > 1:
            expr = f"width >= {count * entry:g} ? {count} : {expr}"
    return alt.Legend(orient="bottom", columns=alt.ExprRef(expr=expr), labelLimit=0, title=None)


# ---- axes --------------------------------------------------------------------------------------
# Value axes are the chart's own: Vega rounds the scale to whole steps and labels the ticks it
# draws, so a template's spec stays the same whatever the data and Streamlit updates a chart's
# data in place instead of drawing it anew on each change.
MONEY_TICKS = 5  # about this many steps on a money axis
COUNT_TICKS = 4


def _round_scale(ticks: int) -> alt.Scale:
    """From a round tick to a round tick around the data and zero, in about ``ticks`` steps."""
    return alt.Scale(nice=ticks, zero=True)


def _money_axis() -> alt.Axis:
    """Money in the language's units (¥50万, ¥1.2亿; ¥500K, ¥120M) on whatever ticks Vega picks."""
    return alt.Axis(
        tickCount=MONEY_TICKS,
        labelExpr=yuan_short_expression(lang=current_language()),
        labelOverlap=False,
        labelFlush=False,
    )


def _count_axis() -> alt.Axis:
    """Whole counts: no tick between two whole numbers, however few there are."""
    return alt.Axis(
        format="d", tickCount=COUNT_TICKS, tickMinStep=1, labelOverlap=False, labelFlush=False
    )


def _axis_when_empty(spec: Spec, values: Sequence[float]) -> Spec:
    """With nothing but zeros to draw, the value axis still runs from 0 to 1 (Vega would put a
    lone 0 halfway up): the one way a tool chart's figures change its spec."""
    if not any(values):
        spec["encoding"]["y"]["scale"] = {
            **spec["encoding"]["y"].get("scale", {}),
            "domain": [0, 1],
        }
    return spec


def _clean(value: float) -> float | int:
    """A tick value without float noise (0.30000000000000004 -> 0.3), whole numbers as int."""
    value = float(f"{value:.12g}")
    return int(value) if value.is_integer() else value


def _ticks_for_width(top: float, steps: Sequence[float], label: str) -> alt.ExprRef:
    """Tick values from 0 to ``top`` as an expression of the plot's width: the finest of
    ``steps`` whose labels (each about as wide as ``label``) stand side by side."""
    room = text_width(label) * LABEL_PX * 0.6 + 16  # digits are about 0.6 em wide
    sets = [[_clean(i * step) for i in range(round(top / step) + 1)] for step in steps]
    expr = json.dumps(sets[-1])
    for ticks in reversed(sets[:-1]):
        expr = f"width >= {len(ticks) * room:g} ? {json.dumps(ticks)} : {expr}"
    return alt.ExprRef(expr=expr)


def _share_axis(title: str, top: float, steps: Sequence[float], fmt: str) -> alt.Axis:
    """A horizontal axis of shares or scores whose end ticks are always labelled."""
    widest = f"{top:{fmt}}" if fmt != "d" else f"{top:g}"
    return alt.Axis(
        title=title,
        values=_ticks_for_width(top, steps, widest),
        format=fmt,
        labelOverlap=False,
        labelFlush=True,
    )


def _bars_height(rows: Sequence[str], *, minimum: int = 36) -> int:
    """Height of horizontal bars, each tall enough for its label's lines."""
    band = max(minimum, LINE_PX * _line_count(rows) + 14)
    return band * max(len(rows), 1)


# ---- lesson figures ---------------------------------------------------------------------------
def share_chart(spec: ChartSpec) -> alt.LayerChart:
    """A labelled donut showing how a whole splits into shares (e.g. 30/50/20); it shrinks to
    fit a narrow screen."""
    rows = [
        {"label": p.label, "value": p.value, "text": f"{p.label}\n{p.value:g}{spec.unit}"}
        for p in spec.data
    ]
    base = alt.Chart(alt.Data(values=rows)).encode(
        theta=alt.Theta("value:Q", stack=True),
        color=alt.Color(
            "label:N",
            scale=alt.Scale(domain=[p.label for p in spec.data], range=PALETTE),
            legend=None,
        ),
        order=alt.Order("value:Q", sort="descending"),
        tooltip=[alt.Tooltip("label:N", title=" "), alt.Tooltip("value:Q", title=spec.unit)],
    )
    outer = alt.ExprRef(expr="min(150, width / 2 - 4)")
    ring = base.mark_arc(
        innerRadius=alt.ExprRef(expr="min(150, width / 2 - 4) * 0.4"),
        outerRadius=outer,
        stroke="white",
        strokeWidth=3,
    )
    labels = base.mark_text(
        radius=alt.ExprRef(expr="min(150, width / 2 - 4) * 0.7"),
        fontSize=18,
        fontWeight="bold",
        lineBreak="\n",
        lineHeight=22,
    ).encode(text="text:N", color=alt.value("white"))
    return (ring + labels).properties(title=spec.title, height=400, padding=PADDING)


@lru_cache(maxsize=32)
def _share_spec(name: str, lang: str) -> Spec:
    return share_chart(chart_spec(name, lang=lang)).to_dict()


def vega_lite_spec(name: str) -> Spec:
    """The Vega-Lite spec of a named chart in ``assets/charts``, in the run's language, built
    once."""
    return copy.deepcopy(_share_spec(name, current_language()))


# ---- customer value (1.3) ---------------------------------------------------------------------
# Tool charts keep to one mark: each extra layer costs a visible delay on every input change.
OFFER_LINE = 12  # half-width units of an offer's name per line


def customer_value_spec(
    components: dict[str, dict[str, float]], labels: dict[str, str], offers: dict[str, str]
) -> Spec:
    """Per offer, value components stacked above zero and cost components below it, so the
    bar that remains above zero is the delivered value (总客户价值 − 总客户成本).

    ``components`` maps offer -> field -> amount (costs positive; drawn below zero).
    """
    fields = [f for f in labels if f.endswith(("_value", "_cost"))]
    bars = [
        {
            "offer": wrapped(offers[offer], OFFER_LINE),
            "name": offers[offer],
            "component": labels[field],
            "amount": amount if field.endswith("_value") else -amount,
            "shown": yuan(amount if field.endswith("_value") else -amount),
            "order": fields.index(field),
        }
        for offer, amounts in components.items()
        for field, amount in amounts.items()
    ]
    names = tuple(wrapped(name, OFFER_LINE) for name in offers.values())
    template = _customer_value_template(tuple(labels.items()), names, current_language())
    return _axis_when_empty(filled(template, bars=bars), [bar["amount"] for bar in bars])


@lru_cache(maxsize=8)
def _customer_value_template(
    labels: tuple[tuple[str, str], ...], offers: tuple[str, ...], _lang: str
) -> Spec:
    names = dict(labels)
    values = [names[f] for f in names if f.endswith("_value")]
    costs = [names[f] for f in names if f.endswith("_cost")]
    chart = (
        alt.Chart(alt.NamedData("bars"))
        .mark_bar()
        .encode(
            x=alt.X("offer:N", title=None, sort=list(offers), axis=_band_axis()),
            y=alt.Y(
                "amount:Q",
                title=None,  # every tick says ¥
                stack="zero",
                scale=_round_scale(MONEY_TICKS),
                axis=_money_axis(),
            ),
            color=alt.Color(
                "component:N",
                scale=alt.Scale(domain=values + costs, range=VALUE_COLOURS + COST_COLOURS),
                legend=_legend(values + costs, (4, 2)),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("name:N", title=" "),
                alt.Tooltip("component:N", title=" "),
                alt.Tooltip("shown:N", title="¥"),
            ],
        )
        .properties(height=340)
    )
    return _framed(chart.to_dict())


# ---- churn (1.4) ------------------------------------------------------------------------------
def cumulative_loss_spec(
    points: list[tuple[float | str, float]], *, year_label: str, amount_label: str
) -> Spec:
    """Running total of profit lost, year by year, from one year's lost customers: ``points``
    are (years since they left, or that year's name such as "2年"; the total by then)."""
    rows = [
        {"year": year if isinstance(year, str) else f"{year:g}", "amount": amount,
         "shown": yuan(amount)}
        for year, amount in points
    ]  # fmt: skip
    spec = filled(
        _cumulative_loss_template(year_label, amount_label, current_language()), rows=rows
    )
    return _axis_when_empty(spec, [amount for _year, amount in points])


@lru_cache(maxsize=8)
def _cumulative_loss_template(year_label: str, amount_label: str, _lang: str) -> Spec:
    chart = (
        alt.Chart(alt.NamedData("rows"))
        .mark_bar(color=LOSS, cornerRadiusEnd=3)
        .encode(
            x=alt.X("year:N", title=year_label, sort=None, axis=_band_axis()),
            y=alt.Y(
                "amount:Q", title=amount_label, scale=_round_scale(MONEY_TICKS), axis=_money_axis()
            ),
            tooltip=[
                alt.Tooltip("year:N", title=year_label),
                alt.Tooltip("shown:N", title=amount_label),
            ],
        )
        .properties(height=280)
    )
    return _framed(chart.to_dict())


# ---- KPI scorecard (2.4) ----------------------------------------------------------------------
KPI_LINE = 14  # half-width units of an indicator's name per line


def achievement_spec(
    bars: list[tuple[str, str, float]], perspectives: list[str], *, label: str
) -> Spec:
    """Achievement per KPI (1.0 = target met), coloured by perspective, with a line at 100%.

    The axis runs to 100% or, when an indicator is over target, to the next 50% above it.
    """
    rows = [
        {"kpi": wrapped(kpi, KPI_LINE), "name": kpi, "perspective": p, "achievement": a}
        for kpi, p, a in bars
    ]
    top = math.ceil(max([1.0, *(a for _k, _p, a in bars)]) * 2 - 1e-9) / 2
    spec = filled(_achievement_template(tuple(perspectives), label, top), rows=rows)
    spec["height"] = _bars_height([r["kpi"] for r in rows])
    return spec


@lru_cache(maxsize=32)
def _achievement_template(perspectives: tuple[str, ...], label: str, top: float) -> Spec:
    bar = (
        alt.Chart(alt.NamedData("rows"))
        .mark_bar(cornerRadiusEnd=4)
        .encode(
            y=alt.Y("kpi:N", title=None, sort=None, axis=_band_axis()),
            x=alt.X(
                "achievement:Q",
                scale=alt.Scale(domain=[0, top], nice=False),
                axis=_share_axis(label, top, (0.25, 0.5), ".0%"),
            ),
            color=alt.Color(
                "perspective:N",
                scale=alt.Scale(domain=list(perspectives), range=PERSPECTIVE_COLOURS),
                legend=_legend(perspectives, (4, 2)),
            ),
            tooltip=[
                alt.Tooltip("name:N", title=" "),
                alt.Tooltip("perspective:N", title=" "),
                alt.Tooltip("achievement:Q", title=label, format=".1%"),
            ],
        )
    )
    target = alt.Chart(alt.Data(values=[{"x": 1}])).mark_rule(strokeDash=[4, 4]).encode(x="x:Q")
    return _framed((bar + target).to_dict())


# ---- 5W1H planner (3.2) -----------------------------------------------------------------------
STAGE_LINE = 10  # half-width units of a stage's name per line


def plan_progress_spec(
    counts: list[tuple[str, str, int]], statuses: list[str], *, count_label: str
) -> Spec:
    """Actions per PDCA stage, stacked by status (to do, doing, done)."""
    rows = [
        {
            "stage": wrapped(stage, STAGE_LINE),
            "name": stage,
            "status": status,
            "count": n,
            "order": statuses.index(status),
        }
        for stage, status, n in counts
    ]
    spec = filled(_plan_progress_template(tuple(statuses), count_label), rows=rows)
    return _axis_when_empty(spec, [n for _stage, _status, n in counts])


@lru_cache(maxsize=8)
def _plan_progress_template(statuses: tuple[str, ...], count_label: str) -> Spec:
    chart = (
        alt.Chart(alt.NamedData("rows"))
        .mark_bar()
        .encode(
            x=alt.X("stage:N", title=None, sort=None, axis=_band_axis()),
            y=alt.Y(
                "count:Q",
                title=count_label,
                scale=_round_scale(COUNT_TICKS),
                axis=_count_axis(),
            ),
            color=alt.Color(
                "status:N",
                scale=alt.Scale(domain=list(statuses), range=STATUS_COLOURS),
                legend=_legend(statuses, (3, 1)),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("name:N", title=" "),
                alt.Tooltip("status:N", title=" "),
                alt.Tooltip("count:Q", title=count_label),
            ],
        )
        .properties(height=240)
    )
    return _framed(chart.to_dict())


# ---- black holes (3.3) ------------------------------------------------------------------------
HOLE_LINE = 12  # half-width units of a black hole's name per line


def score_bars_spec(scores: list[tuple[str, float]], *, title: str) -> Spec:
    """Horizontal bars on a 0–100 scale with a marker at 50, the point where action is due."""
    rows = [
        {"name": wrapped(name, HOLE_LINE), "full": name, "score": round(score, 1)}
        for name, score in scores
    ]
    spec = filled(_score_bars_template(title), rows=rows)
    spec["height"] = _bars_height([r["name"] for r in rows], minimum=40)
    return spec


@lru_cache(maxsize=8)
def _score_bars_template(title: str) -> Spec:
    bars = (
        alt.Chart(alt.NamedData("rows"))
        .mark_bar(cornerRadiusEnd=4)
        .encode(
            y=alt.Y("name:N", title=None, sort=None, axis=_band_axis()),
            x=alt.X(
                "score:Q",
                scale=alt.Scale(domain=[0, 100], nice=False),
                axis=_share_axis(title, 100, (10, 25, 50), "d"),
            ),
            color=alt.condition(alt.datum.score >= 50, alt.value(LOSS), alt.value("#1f4e79")),
            tooltip=[alt.Tooltip("full:N", title=" "), alt.Tooltip("score:Q", title=title)],
        )
    )
    rule = alt.Chart(alt.Data(values=[{"x": 50}])).mark_rule(strokeDash=[4, 4]).encode(x="x:Q")
    return _framed((bars + rule).to_dict())


# ---- progress ---------------------------------------------------------------------------------
PASS_LINE = 0.8
GROUP_LINE = 14  # half-width units of a part's or topic's name per line


def mastery_spec(rows: list[tuple[str, float]], *, title: str) -> Spec:
    """Mastery per group on a 0–100% scale, with a line at the 80% pass mark."""
    data = [
        {"group": wrapped(group, GROUP_LINE), "name": group, "mastery": value}
        for group, value in rows
    ]
    spec = filled(_mastery_template(title), rows=data)
    spec["height"] = max(_bars_height([d["group"] for d in data], minimum=40), 120)
    return spec


@lru_cache(maxsize=8)
def _mastery_template(title: str) -> Spec:
    bars = (
        alt.Chart(alt.NamedData("rows"))
        .mark_bar(cornerRadiusEnd=4)
        .encode(
            y=alt.Y("group:N", title=None, sort=None, axis=_band_axis()),
            x=alt.X("mastery:Q", scale=alt.Scale(domain=[0, 1], nice=False),
                    axis=_share_axis(title, 1, (0.1, 0.2, 0.25, 0.5), ".0%")),
            color=alt.condition(alt.datum.mastery >= PASS_LINE, alt.value("#27ae60"),
                                alt.value("#f39c12")),
            tooltip=[alt.Tooltip("name:N", title=" "),
                     alt.Tooltip("mastery:Q", title=title, format=".0%")],
        )
    )  # fmt: skip
    rule = alt.Chart(alt.Data(values=[{"x": PASS_LINE}])).mark_rule(strokeDash=[4, 4])
    return _framed((bars + rule.encode(x="x:Q")).to_dict())


def date_label() -> str:
    """Dates as the run's readers write them (3月2日, or Mar 2) at midnight ticks, 14:00 between."""
    return (
        "hours(datum.value) || minutes(datum.value)"
        f" ? timeFormat(datum.value, '%H:%M') : timeFormat(datum.value, '{t('app.date_axis')}')"
    )


def history_spec(points: list[tuple[str, float, str]], *, title: str) -> Spec:
    """Each finished attempt's share of points over time."""
    data = [{"when": when, "ratio": ratio, "scope": scope} for when, ratio, scope in points]
    return filled(_history_template(title, current_language()), rows=data)


@lru_cache(maxsize=8)
def _history_template(title: str, _lang: str) -> Spec:  # dates follow the language
    chart = (
        alt.Chart(alt.NamedData("rows"))
        .mark_line(point=True, color="#1f4e79")
        .encode(
            x=alt.X("when:T", title=None, scale=alt.Scale(nice=True),
                    axis=alt.Axis(labelExpr=date_label(), labelAngle=0, labelOverlap=False,
                                  labelFlush=True,
                                  tickCount=alt.ExprRef(expr="max(2, floor(width / 90))"))),
            y=alt.Y("ratio:Q", title=title, scale=alt.Scale(domain=[0, 1], nice=False),
                    axis=alt.Axis(format=".0%", values=[0, 0.25, 0.5, 0.75, 1],
                                  labelOverlap=False, labelFlush=False)),
            tooltip=[alt.Tooltip("when:T", format="%Y-%m-%d %H:%M"),
                     alt.Tooltip("scope:N"), alt.Tooltip("ratio:Q", format=".0%")],
        )
        .properties(height=240)
    )  # fmt: skip
    return _framed(chart.to_dict())


# ---- live polls -------------------------------------------------------------------------------
ANSWER_LINE = 24  # half-width units of an answer per line


def distribution_spec(rows: list[tuple[str, float]], *, title: str) -> Spec:
    """How the room answered: the share of answers (0–100) per response."""
    data = [
        {"answer": wrapped(answer, ANSWER_LINE), "full": answer, "share": round(share, 1)}
        for answer, share in rows
    ]
    spec = filled(_distribution_template(title), rows=data)
    spec["height"] = max(_bars_height([d["answer"] for d in data], minimum=40), 80)
    return spec


@lru_cache(maxsize=8)
def _distribution_template(title: str) -> Spec:
    chart = (
        alt.Chart(alt.NamedData("rows"))
        .mark_bar(cornerRadiusEnd=4, color="#1f4e79")
        .encode(
            y=alt.Y("answer:N", title=None, sort=None, axis=_band_axis()),
            x=alt.X(
                "share:Q",
                scale=alt.Scale(domain=[0, 100], nice=False),
                axis=_share_axis(title, 100, (10, 20, 50), "d"),
            ),
            tooltip=[alt.Tooltip("full:N", title=" "), alt.Tooltip("share:Q", title=title)],
        )
    )
    return _framed(chart.to_dict())


# ---- spaced review ----------------------------------------------------------------------------
RATING_COLOURS = ["#c0392b", "#f39c12", "#27ae60", "#2e86c1"]  # Again, Hard, Good, Easy
DAY_STEPS = (1, 2, 3, 4, 7, 14, 28)  # a day axis names every day, or every 2nd, 3rd, …


def day_label(day: date) -> str:
    """A day as the run's language writes it on an axis: 3月2日, or Mar 2."""
    return t("review.day", month=lookup("review.months")[day.month - 1], day=day.day)


def _every(count: int, step: int) -> list[int]:
    """Every ``step``-th of ``count`` positions from the first, and the last; a last one at most
    half a step after the one before takes that one's place."""
    picked = list(range(0, count, step))
    if picked and picked[-1] != count - 1:
        if len(picked) > 1 and count - 1 - picked[-1] <= step / 2:
            picked[-1] = count - 1
        else:
            picked.append(count - 1)
    return picked


def _day_values(labels: Sequence[str]) -> Spec:
    """The days a band axis of ``labels`` (one per day) names, as an expression of the plot's
    width: every day where they stand side by side, else every 2nd, 3rd, 7th…; always the first
    and the last."""
    count = len(labels)
    room = max((text_width(label) for label in labels), default=1) * LABEL_PX * 0.6 + 16
    options: list[tuple[float, list[str]]] = []  # (the width they need, the labels)
    for step in DAY_STEPS:
        picked = _every(count, step)
        gap = min((b - a for a, b in itertools.pairwise(picked)), default=count)
        options.append((count * room / gap, [labels[n] for n in picked]))
        if len(picked) <= 2:
            break
    options.sort(key=lambda option: -option[0])
    expr = json.dumps(options[-1][1], ensure_ascii=False)
    for needed, shown in reversed(options[:-1]):
        listed = json.dumps(shown, ensure_ascii=False)
        expr = f"width >= {needed:g} ? {listed} : {expr}"
    return {"expr": expr}


def review_forecast_spec(days: list[tuple[date, int]], *, title: str, count_label: str) -> Spec:
    """Items falling due on each coming day (the first day counts the overdue too)."""
    labels = [day_label(day) for day, _n in days]
    rows = [
        {"day": label, "date": date_text(day), "count": n}
        for label, (day, n) in zip(labels, days, strict=True)
    ]
    spec = filled(_forecast_template(title, count_label), rows=rows)
    spec["encoding"]["x"]["axis"]["values"] = _day_values(labels)
    return _axis_when_empty(spec, [n for _day, n in days])


@lru_cache(maxsize=8)
def _forecast_template(title: str, count_label: str) -> Spec:
    chart = (
        alt.Chart(alt.NamedData("rows"))
        .mark_bar(color="#1f4e79", cornerRadiusEnd=3)
        .encode(
            x=alt.X("day:N", title=None, sort=None, axis=_band_axis()),
            y=alt.Y("count:Q", title=count_label, scale=_round_scale(COUNT_TICKS),
                    axis=_count_axis()),
            tooltip=[alt.Tooltip("date:N", title=" "), alt.Tooltip("count:Q", title=count_label)],
        )
        .properties(title=title, height=220)
    )  # fmt: skip
    return _framed(chart.to_dict())


def recall_spec(rows: list[tuple[str, float, int]], *, title: str, count_label: str) -> Spec:
    """Per group (a part): the mean chance of recalling its items today, 0–100%."""
    data = [
        {"group": wrapped(group, GROUP_LINE), "name": group, "recall": recall, "cards": n}
        for group, recall, n in rows
    ]
    spec = filled(_recall_template(title, count_label), rows=data)
    spec["height"] = max(_bars_height([d["group"] for d in data], minimum=40), 80)
    return spec


@lru_cache(maxsize=8)
def _recall_template(title: str, count_label: str) -> Spec:
    chart = (
        alt.Chart(alt.NamedData("rows"))
        .mark_bar(cornerRadiusEnd=4, color="#2e86c1")
        .encode(
            y=alt.Y("group:N", title=None, sort=None, axis=_band_axis()),
            x=alt.X("recall:Q", scale=alt.Scale(domain=[0, 1], nice=False),
                    axis=_share_axis(title, 1, (0.1, 0.2, 0.25, 0.5), ".0%")),
            tooltip=[alt.Tooltip("name:N", title=" "),
                     alt.Tooltip("recall:Q", title=title, format=".0%"),
                     alt.Tooltip("cards:Q", title=count_label)],
        )
    )  # fmt: skip
    return _framed(chart.to_dict())


def review_history_spec(
    counts: list[tuple[date, int, int]], ratings: Sequence[str], *, title: str, count_label: str
) -> Spec:
    """Reviews per day, stacked by rating (``counts``: day, rating 1–4, reviews)."""
    days = sorted({day for day, _r, _n in counts})
    labels = [day_label(day) for day in days]
    rows = [
        {"day": day_label(day), "date": date_text(day), "rating": ratings[rating - 1],
         "order": rating, "count": n}
        for day, rating, n in counts
        if n
    ]  # fmt: skip
    spec = filled(_review_history_template(tuple(ratings), title, count_label), rows=rows)
    spec["encoding"]["x"]["axis"]["values"] = _day_values(labels)
    spec["encoding"]["x"]["scale"] = {"domain": labels}  # days without reviews keep their place
    return _axis_when_empty(spec, [n for _day, _rating, n in counts])


@lru_cache(maxsize=8)
def _review_history_template(ratings: tuple[str, ...], title: str, count_label: str) -> Spec:
    chart = (
        alt.Chart(alt.NamedData("rows"))
        .mark_bar()
        .encode(
            x=alt.X("day:N", title=None, sort=None, axis=_band_axis()),
            y=alt.Y("count:Q", title=count_label, stack="zero", scale=_round_scale(COUNT_TICKS),
                    axis=_count_axis()),
            color=alt.Color("rating:N",
                            scale=alt.Scale(domain=list(ratings), range=RATING_COLOURS),
                            legend=_legend(ratings, (4, 2))),
            order=alt.Order("order:Q"),
            tooltip=[alt.Tooltip("date:N", title=" "), alt.Tooltip("rating:N", title=" "),
                     alt.Tooltip("count:Q", title=count_label)],
        )
        .properties(title=title, height=220)
    )  # fmt: skip
    return _framed(chart.to_dict())


def date_text(day: date) -> str:
    """A date in full as the run's language writes it: 2026年3月2日, or Mar 2, 2026."""
    month = lookup("review.months")[day.month - 1]
    return t("review.date", year=day.year, month=month, day=day.day)
