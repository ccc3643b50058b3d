"""Churn cost: the profit that leaves with lost customers, and whether retention pays (1.4)."""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from calculators.churn import (
    ChurnInput,
    ChurnResult,
    compute,
    cumulative_profit_lost,
    five_point_view,
)
from courseware.content.charts import cumulative_loss_spec
from courseware.format import count, number, percent, yuan
from courseware.i18n import t
from courseware.ui.fields import current, number_field, problem_messages
from courseware.ui.tools.frame import field_key, tool_frame

NAME = "churn"
PERCENT_FIELDS = ("churn_rate", "discount_rate", "target_churn_rate")
FIELDS = {  # field: (default, step); rates are entered in percent
    "customers": (1000.0, 10.0),
    "churn_rate": (10.0, 1.0),
    "annual_profit_per_customer": (20_000.0, 1000.0),
    "years": (5.0, 1.0),
    "discount_rate": (0.0, 1.0),
    "target_churn_rate": (5.0, 1.0),
    "retention_cost": (3_000_000.0, 100_000.0),
}
OPTIONAL = ("discount_rate", "target_churn_rate", "retention_cost")


def render() -> None:
    with tool_frame(NAME):
        raw = {field: current(field_key(NAME, field), FIELDS[field][0]) for field in FIELDS}
        inp, problems = _checked(raw)
        required = [f for f in FIELDS if f not in OPTIONAL]
        for column, field in zip(st.columns(2) * 2, required, strict=True):
            with column:
                _field(field, problems.get(field))
        st.caption(t(f"tools.{NAME}.optional"))
        for column, field in zip(st.columns(3), OPTIONAL, strict=True):
            with column:
                _field(field, problems.get(field))
        if inp is None:
            st.warning(t("tools.fix_fields"), icon=":material/edit:")
            return
        _results(inp, compute(inp))


def _checked(raw: dict[str, float | None]) -> tuple[ChurnInput | None, dict[str, str]]:
    """The calculator's input, or the message for each refused field."""
    try:
        return ChurnInput(**_model_values(raw)), {}
    except ValidationError as error:
        messages = problem_messages(error, PERCENT_FIELDS)
        if "" in messages:  # the only model-level rule: target above the current rate
            messages.setdefault("target_churn_rate", t(f"tools.{NAME}.target_above"))
        if "customers" in messages:  # a count of customers is a whole number
            customers = raw["customers"]
            messages["customers"] = (
                t("fields.not_a_number")
                if customers is None
                else t(f"tools.{NAME}.whole_customers")
                if not float(customers).is_integer()
                else messages["customers"]
            )
        return None, messages


def _field(field: str, problem: str | None) -> None:
    default, step = FIELDS[field]
    label = t(f"tools.{NAME}.fields.{field}")
    number_field(label, field_key(NAME, field), default, step=step, problem=problem)


def _model_values(raw: dict[str, float | None]) -> dict[str, float | None]:
    values = dict(raw)
    for field in PERCENT_FIELDS:
        if values[field] is not None:
            values[field] = values[field] / 100
    if values["discount_rate"] is None:
        values["discount_rate"] = 0.0
    return values


def _results(inp: ChurnInput, result: ChurnResult) -> None:
    years = number(inp.years, 2)
    lifetime = (
        t(f"tools.{NAME}.lifetime_profit_discounted", years=years, rate=percent(inp.discount_rate))
        if inp.discount_rate
        else t(f"tools.{NAME}.lifetime_profit", years=years)
    )
    a, b = st.columns(2)  # the headline below them, wide enough to say all it is
    a.metric(
        t(f"tools.{NAME}.customers_lost"),
        count(result.customers_lost),
        help=t(f"tools.{NAME}.customers_lost_help"),
    )
    b.metric(
        lifetime,
        yuan(result.lifetime_profit_per_customer),
        help=t(f"tools.{NAME}.lifetime_profit_help"),
    )
    st.metric(
        t(f"tools.{NAME}.profit_lost", years=years),
        yuan(result.profit_lost),
        help=t(f"tools.{NAME}.profit_lost_help", years=years),
    )
    saved = {
        "saved": yuan(result.profit_saved or 0),
        "customers": count(result.customers_saved or 0),
        "years": years,
    }
    if result.worth_spending is not None:
        verdict = "worth" if result.worth_spending else "not_worth"
        show = st.success if result.worth_spending else st.warning
        show(
            t(
                f"tools.{NAME}.{verdict}",
                **saved,
                cost=yuan(inp.retention_cost),
                net=yuan(result.net_benefit, signed=True),
            ),
            icon=":material/savings:",
        )
    elif result.profit_saved is not None:
        st.info(t(f"tools.{NAME}.saved_only", **saved))
    points = cumulative_profit_lost(inp)
    spec = cumulative_loss_spec(
        [(t(f"tools.{NAME}.year_name", year=number(p.year, 2)), p.profit_lost) for p in points],
        year_label=t(f"tools.{NAME}.year"),
        amount_label=t(f"tools.{NAME}.cumulative"),
    )
    st.vega_lite_chart(spec, width="stretch")
    st.caption(t(f"tools.{NAME}.chart_note", years=years, total=yuan(points[-1].profit_lost)))
    _five_points(inp)


def _five_points(inp: ChurnInput) -> None:
    view = five_point_view(inp)
    if view.customers_saved <= 0:
        st.info(t(f"tools.{NAME}.five_none"), icon=":material/insights:")
        return
    share = (
        ""
        if view.share_of_annual_profit is None
        else t(f"tools.{NAME}.five_share", share=percent(view.share_of_annual_profit))
    )
    st.info(
        t(
            f"tools.{NAME}.five_points",
            current=percent(inp.churn_rate),
            lower=percent(view.lower_rate),
            customers=count(view.customers_saved),
            years=number(inp.years, 2),
            profit=yuan(view.profit_saved),
            share=share,
        ),
        icon=":material/insights:",
    )
