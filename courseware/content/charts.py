"""Altair charts for lessons and tools (pure: no Streamlit).

Each chart is drawn with Altair once per shape and kept as a Vega-Lite template whose data are
named; a rerun only fills in the data, because Altair's ``to_dict`` takes tens of milliseconds.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

import altair as alt

from courseware.content.figures import ChartSpec, chart_spec

Spec = dict[str, Any]
PALETTE = ["#1f4e79", "#c0392b", "#f39c12", "#2e86c1", "#27ae60"]
VALUE_COLOURS = ["#1f4e79", "#2e86c1", "#5dade2", "#a9cce3"]
COST_COLOURS = ["#922b21", "#c0392b", "#e67e22", "#f5b041"]
STATUS_COLOURS = ["#a9cce3", "#f39c12", "#27ae60"]
PERSPECTIVE_COLOURS = ["#1f4e79", "#f39c12", "#27ae60", "#8e44ad"]
LOSS = "#c0392b"


def filled(template: Spec, **datasets: list[dict[str, Any]]) -> Spec:
    """A copy of a chart template with its named datasets filled in."""
    spec = copy.deepcopy(template)
    spec["datasets"] = datasets
    return spec


# ---- lesson figures ---------------------------------------------------------------------------
def share_chart(spec: ChartSpec) -> alt.LayerChart:
    """A labelled donut showing how a whole splits into shares (e.g. 30/50/20)."""
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
    ring = base.mark_arc(innerRadius=60, outerRadius=150, stroke="white", strokeWidth=3)
    labels = base.mark_text(
        radius=105, fontSize=18, fontWeight="bold", lineBreak="\n", lineHeight=22
    ).encode(text="text:N", color=alt.value("white"))
    return (ring + labels).properties(title=spec.title, height=400)


@lru_cache(maxsize=32)
def _share_spec(name: str) -> Spec:
    return share_chart(chart_spec(name)).to_dict()


def vega_lite_spec(name: str) -> Spec:
    """The Vega-Lite spec of a named chart in ``assets/charts``, built once."""
    return copy.deepcopy(_share_spec(name))


# ---- customer value (1.3) ---------------------------------------------------------------------
# Tool charts keep to one mark: each extra layer costs a visible delay on every input change.
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
            "offer": offers[offer],
            "component": labels[field],
            "amount": amount if field.endswith("_value") else -amount,
            "order": fields.index(field),
        }
        for offer, amounts in components.items()
        for field, amount in amounts.items()
    ]
    template = _customer_value_template(tuple(labels.items()), tuple(offers.values()))
    return filled(template, bars=bars)


@lru_cache(maxsize=8)
def _customer_value_template(labels: tuple[tuple[str, str], ...], offers: tuple[str, ...]) -> Spec:
    names = dict(labels)
    values = [names[f] for f in names if f.endswith("_value")]
    costs = [names[f] for f in names if f.endswith("_cost")]
    return (
        alt.Chart(alt.NamedData("bars"))
        .mark_bar()
        .encode(
            x=alt.X("offer:N", title=None, sort=list(offers), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("amount:Q", title="¥", stack="zero", axis=alt.Axis(format="~s")),
            color=alt.Color(
                "component:N",
                title=None,
                scale=alt.Scale(domain=values + costs, range=VALUE_COLOURS + COST_COLOURS),
                legend=alt.Legend(orient="bottom", columns=2, labelLimit=120),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("offer:N", title=" "),
                alt.Tooltip("component:N", title=" "),
                alt.Tooltip("amount:Q", title="¥", format=",.0f"),
            ],
        )
        .properties(height=380)
        .to_dict()
    )


# ---- churn (1.4) ------------------------------------------------------------------------------
def cumulative_loss_spec(
    points: list[tuple[float, float]], *, year_label: str, amount_label: str
) -> Spec:
    """Running total of profit lost, year by year, from one year's lost customers."""
    rows = [{"year": f"{year:g}", "amount": amount} for year, amount in points]
    return filled(_cumulative_loss_template(year_label, amount_label), rows=rows)


@lru_cache(maxsize=8)
def _cumulative_loss_template(year_label: str, amount_label: str) -> Spec:
    return (
        alt.Chart(alt.NamedData("rows"))
        .mark_bar(color=LOSS, cornerRadiusEnd=3)
        .encode(
            x=alt.X("year:O", title=year_label, sort=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("amount:Q", title=amount_label, axis=alt.Axis(format="~s")),
            tooltip=[
                alt.Tooltip("year:O", title=year_label),
                alt.Tooltip("amount:Q", title=amount_label, format=",.0f"),
            ],
        )
        .properties(height=300)
        .to_dict()
    )


# ---- KPI scorecard (2.4) ----------------------------------------------------------------------
def achievement_spec(
    bars: list[tuple[str, str, float]], perspectives: list[str], *, label: str
) -> Spec:
    """Achievement per KPI (1.0 = target met), coloured by perspective, with a line at 100%."""
    rows = [{"kpi": kpi, "perspective": p, "achievement": a} for kpi, p, a in bars]
    return filled(_achievement_template(tuple(perspectives), label, len(rows)), rows=rows)


@lru_cache(maxsize=32)
def _achievement_template(perspectives: tuple[str, ...], label: str, count: int) -> Spec:
    bar = (
        alt.Chart(alt.NamedData("rows"))
        .mark_bar(cornerRadiusEnd=4)
        .encode(
            y=alt.Y("kpi:N", title=None, sort=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X("achievement:Q", title=label, axis=alt.Axis(format="%")),
            color=alt.Color(
                "perspective:N",
                title=None,
                scale=alt.Scale(domain=list(perspectives), range=PERSPECTIVE_COLOURS),
                legend=alt.Legend(orient="bottom", columns=2),
            ),
            tooltip=[
                alt.Tooltip("kpi:N", title=" "),
                alt.Tooltip("achievement:Q", title=label, format=".1%"),
            ],
        )
    )
    target = alt.Chart(alt.Data(values=[{"x": 1}])).mark_rule(strokeDash=[4, 4]).encode(x="x:Q")
    return (bar + target).properties(height=36 * max(count, 1) + 60).to_dict()


# ---- 5W1H planner (3.2) -----------------------------------------------------------------------
def plan_progress_spec(
    counts: list[tuple[str, str, int]], statuses: list[str], *, count_label: str
) -> Spec:
    """Actions per PDCA stage, stacked by status (to do, doing, done)."""
    rows = [
        {"stage": stage, "status": status, "count": n, "order": statuses.index(status)}
        for stage, status, n in counts
    ]
    return filled(_plan_progress_template(tuple(statuses), count_label), rows=rows)


@lru_cache(maxsize=8)
def _plan_progress_template(statuses: tuple[str, ...], count_label: str) -> Spec:
    return (
        alt.Chart(alt.NamedData("rows"))
        .mark_bar()
        .encode(
            x=alt.X("stage:N", title=None, sort=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("count:Q", title=count_label, axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "status:N",
                title=None,
                scale=alt.Scale(domain=list(statuses), range=STATUS_COLOURS),
                legend=alt.Legend(orient="bottom"),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("stage:N", title=" "),
                alt.Tooltip("status:N", title=" "),
                alt.Tooltip("count:Q", title=count_label),
            ],
        )
        .properties(height=260)
        .to_dict()
    )


# ---- black holes (3.3) ------------------------------------------------------------------------
def score_bars_spec(scores: list[tuple[str, float]], *, title: str) -> Spec:
    """Horizontal bars on a 0–100 scale with a marker at 50, the point where action is due."""
    rows = [{"name": name, "score": round(score, 1)} for name, score in scores]
    return filled(_score_bars_template(title, len(rows)), rows=rows)


@lru_cache(maxsize=8)
def _score_bars_template(title: str, count: int) -> Spec:
    bars = (
        alt.Chart(alt.NamedData("rows"))
        .mark_bar(cornerRadiusEnd=4)
        .encode(
            y=alt.Y("name:N", title=None, sort=None),
            x=alt.X("score:Q", title=title, scale=alt.Scale(domain=[0, 100])),
            color=alt.condition(alt.datum.score >= 50, alt.value(LOSS), alt.value("#1f4e79")),
            tooltip=[alt.Tooltip("name:N", title=" "), alt.Tooltip("score:Q", title=title)],
        )
    )
    rule = alt.Chart(alt.Data(values=[{"x": 50}])).mark_rule(strokeDash=[4, 4]).encode(x="x:Q")
    return (bars + rule).properties(height=40 * max(count, 1) + 40).to_dict()


# ---- progress ---------------------------------------------------------------------------------
PASS_LINE = 0.8


def mastery_spec(rows: list[tuple[str, float]], *, title: str) -> Spec:
    """Mastery per group on a 0–100% scale, with a line at the 80% pass mark."""
    data = [{"group": group, "mastery": value} for group, value in rows]
    return filled(_mastery_template(title, len(data)), rows=data)


@lru_cache(maxsize=8)
def _mastery_template(title: str, count: int) -> Spec:
    bars = (
        alt.Chart(alt.NamedData("rows"))
        .mark_bar(cornerRadiusEnd=4)
        .encode(
            y=alt.Y("group:N", title=None, sort=None, axis=alt.Axis(labelLimit=200)),
            x=alt.X("mastery:Q", title=title, scale=alt.Scale(domain=[0, 1]),
                    axis=alt.Axis(format="%")),
            color=alt.condition(alt.datum.mastery >= PASS_LINE, alt.value("#27ae60"),
                                alt.value("#f39c12")),
            tooltip=[alt.Tooltip("group:N", title=" "),
                     alt.Tooltip("mastery:Q", title=title, format=".0%")],
        )
    )  # fmt: skip
    rule = alt.Chart(alt.Data(values=[{"x": PASS_LINE}])).mark_rule(strokeDash=[4, 4])
    return (bars + rule.encode(x="x:Q")).properties(height=max(44 * count, 120)).to_dict()


def history_spec(points: list[tuple[str, float, str]], *, title: str) -> Spec:
    """Each finished attempt's share of points over time."""
    data = [{"when": when, "ratio": ratio, "scope": scope} for when, ratio, scope in points]
    return filled(_history_template(title), rows=data)


@lru_cache(maxsize=8)
def _history_template(title: str) -> Spec:
    return (
        alt.Chart(alt.NamedData("rows"))
        .mark_line(point=True, color="#1f4e79")
        .encode(
            x=alt.X("when:T", title=None, axis=alt.Axis(format="%m-%d %H:%M", labelAngle=0,
                                                       tickCount=6)),
            y=alt.Y("ratio:Q", title=title, scale=alt.Scale(domain=[0, 1]),
                    axis=alt.Axis(format="%")),
            tooltip=[alt.Tooltip("when:T", format="%Y-%m-%d %H:%M"),
                     alt.Tooltip("scope:N"), alt.Tooltip("ratio:Q", format=".0%")],
        )
        .properties(height=260)
        .to_dict()
    )  # fmt: skip


# ---- live polls -------------------------------------------------------------------------------
def distribution_spec(rows: list[tuple[str, float]], *, title: str) -> Spec:
    """How the room answered: the share of answers (0–100) per response."""
    data = [{"answer": answer, "share": round(share, 1)} for answer, share in rows]
    return filled(_distribution_template(title, len(data)), rows=data)


@lru_cache(maxsize=8)
def _distribution_template(title: str, count: int) -> Spec:
    return (
        alt.Chart(alt.NamedData("rows"))
        .mark_bar(cornerRadiusEnd=4, color="#1f4e79")
        .encode(
            y=alt.Y("answer:N", title=None, sort=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X("share:Q", title=title, scale=alt.Scale(domain=[0, 100])),
            tooltip=[alt.Tooltip("answer:N", title=" "), alt.Tooltip("share:Q", title=title)],
        )
        .properties(height=max(40 * count, 80))
        .to_dict()
    )
