"""Customer delivered value: our offer against a competitor's, side by side (lesson 1.3)."""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from calculators.customer_value import (
    COST_FIELDS,
    VALUE_FIELDS,
    Comparison,
    CustomerValueInput,
    compare,
)
from courseware.content.charts import customer_value_spec
from courseware.format import yuan
from courseware.i18n import t
from courseware.ui.fields import current, number_field, problem_messages
from courseware.ui.tools.frame import field_key, tool_frame

NAME = "customer-value"
OFFERS = ("ours", "theirs")
DEFAULTS = {  # a year of cell supply to one key account, in yuan
    "ours": dict(
        product_value=800_000, service_value=150_000, personnel_value=80_000,
        image_value=50_000, monetary_cost=700_000, time_cost=40_000,
        energy_cost=20_000, physical_cost=10_000,
    ),
    "theirs": dict(
        product_value=780_000, service_value=100_000, personnel_value=60_000,
        image_value=70_000, monetary_cost=650_000, time_cost=60_000,
        energy_cost=40_000, physical_cost=20_000,
    ),
}  # fmt: skip


def render() -> None:
    with tool_frame(NAME):
        checked = {offer: _checked(offer) for offer in OFFERS}  # before drawing: messages go
        for offer, column in zip(OFFERS, st.columns(2), strict=True):  # right under fields
            with column:
                _offer_fields(offer, checked[offer][1])
        inputs = {offer: given for offer, (given, _problems) in checked.items() if given}
        if len(inputs) < len(OFFERS):
            st.warning(t("tools.fix_fields"), icon=":material/edit:")
            return
        _results(inputs, compare(inputs["ours"], inputs["theirs"]))


def _checked(offer: str) -> tuple[CustomerValueInput | None, dict[str, str]]:
    """One offer's input as its fields hold it, or the message for each refused field."""
    raw = {
        field: current(field_key(NAME, offer, field), DEFAULTS[offer][field])
        for field in (*VALUE_FIELDS, *COST_FIELDS)
    }
    try:
        return CustomerValueInput(**raw), {}
    except ValidationError as error:
        return None, problem_messages(error)


def _offer_fields(offer: str, problems: dict[str, str]) -> None:
    st.markdown(f"**{t(f'tools.{NAME}.{offer}')}**")
    for group, fields in (("total_value", VALUE_FIELDS), ("total_cost", COST_FIELDS)):
        st.caption(t(f"tools.{NAME}.{group}"))
        for field in fields:
            number_field(
                t(f"tools.{NAME}.fields.{field}"),
                field_key(NAME, offer, field),
                DEFAULTS[offer][field],
                step=1000.0,
                problem=problems.get(field),
            )


def _results(inputs: dict[str, CustomerValueInput], comparison: Comparison) -> None:
    for offer in OFFERS:
        result = getattr(comparison, offer)
        other = getattr(comparison, "theirs" if offer == "ours" else "ours")
        st.markdown(f"**{t(f'tools.{NAME}.{offer}')}**")
        with st.container(horizontal=True, gap="medium"):  # one block, not a column each
            st.metric(t(f"tools.{NAME}.total_value"), yuan(result.total_value))
            st.metric(t(f"tools.{NAME}.total_cost"), yuan(result.total_cost))
            st.metric(
                t(f"tools.{NAME}.delivered_value"),
                yuan(result.delivered_value),
                delta=yuan(result.delivered_value - other.delivered_value, signed=True, minus="-"),
            )
    labels = {f: t(f"tools.{NAME}.fields.{f}") for f in (*VALUE_FIELDS, *COST_FIELDS)}
    offers = {offer: t(f"tools.{NAME}.{offer}") for offer in OFFERS}
    labels["delivered"] = t(f"tools.{NAME}.delivered_value")
    components = {offer: inputs[offer].model_dump() for offer in OFFERS}
    spec = customer_value_spec(components, labels, offers)
    st.vega_lite_chart(spec, width="stretch")
    st.success(_verdict(comparison, offers, labels), icon=":material/balance:")


def _verdict(comparison: Comparison, offers: dict[str, str], labels: dict[str, str]) -> str:
    if comparison.winner == "tie":
        return t(f"tools.{NAME}.tie", value=yuan(comparison.ours.delivered_value))
    winner = comparison.winner
    loser = "theirs" if winner == "ours" else "ours"
    reason = comparison.main_reason
    direction = "higher" if reason in VALUE_FIELDS else "lower"
    return t(
        f"tools.{NAME}.verdict",
        winner=offers[winner],
        loser=offers[loser],
        value=yuan(getattr(comparison, winner).delivered_value),
        difference=yuan(abs(comparison.difference)),
        component=labels[reason],
        direction=t(f"tools.{NAME}.{direction}"),
    )
