"""KPI scorecard over the course's four perspectives: weighted achievement, chart, CSV (2.4).

Each KPI is a small form of its own (indicator, weight, target, actual), so that on a phone
every field of every row is on the screen; rows can be added and removed.
"""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from calculators.indicators import load_perspectives, same_indicator
from calculators.kpi import KpiRow, Scorecard, score, to_csv
from courseware.content.charts import achievement_spec
from courseware.format import percent
from courseware.i18n import current_language, t
from courseware.ui.fields import number_field, problem_messages
from courseware.ui.row_forms import add_button, row_card, row_ids, row_key
from courseware.ui.state import PERSIST, seed
from courseware.ui.tools.frame import field_key, tool_frame

NAME = "kpi-scorecard"
ROWS = field_key(NAME, "rows")
MAX_ROWS = 20
NUMBERS = {"weight": 5.0, "target": 1.0, "actual": 1.0}  # field: step
NEW_ROW = {"indicator": None, "weight": 10.0, "target": None, "actual": None}
DEFAULT_ROWS = [  # a marketing team's quarter: one indicator from each perspective
    {"indicator": "financial:销售获利比率", "weight": 30, "target": 12, "actual": 10.5},
    {"indicator": "customer:客户满意度", "weight": 30, "target": 90, "actual": 92},
    {"indicator": "customer:客户抱怨", "weight": 10, "target": 10, "actual": 8,
     "higher_is_better": False},
    {"indicator": "process:准时送达数据", "weight": 20, "target": 98, "actual": 95},
    {"indicator": "learning:训练时数", "weight": 10, "target": 40, "actual": 30},
]  # fmt: skip


def render() -> None:
    lang = current_language()
    perspectives = {p.id: p.name for p in load_perspectives(lang)}
    options = {
        f"{p.id}:{i.name}": f"{p.name} · {i.name}"
        for p in load_perspectives(lang)
        for i in p.indicators
    }
    with tool_frame(NAME):
        ids = row_ids(ROWS, len(DEFAULT_ROWS))
        kpis, left_out = [], 0
        for position, row in enumerate(ids, 1):
            kpi, refused = _row_form(row, position, options)
            kpis += [kpi] if kpi else []
            left_out += refused
        add_button(ROWS, t(f"tools.{NAME}.add"), len(ids), MAX_ROWS)
        if left_out:
            st.warning(t(f"tools.{NAME}.left_out", n=left_out), icon=":material/edit:")
        if not kpis:
            st.info(t(f"tools.{NAME}.empty"), icon=":material/edit:")
            return
        _results(score(kpis), perspectives, options)


def _row_form(row: int, position: int, options: dict[str, str]) -> tuple[KpiRow | None, bool]:
    """Draw one KPI's fields; its row model, or None and whether it was refused (not blank)."""
    default = _defaults(row)
    label = {c: t(f"tools.{NAME}.columns.{c}") for c in (*NEW_ROW, "higher_is_better")}
    title = t(f"tools.{NAME}.row_title", row=position)
    with row_card(ROWS, row, title, t(f"tools.{NAME}.remove")):
        values, slots = {}, {}
        values["indicator"] = st.selectbox(
            label["indicator"],
            options=list(options),
            index=None,
            format_func=options.__getitem__,
            placeholder=t(f"tools.{NAME}.choose"),
            key=seed(row_key(ROWS, row, "indicator"), default["indicator"]),
            persist_state=PERSIST,
        )
        slots["indicator"] = st.empty()
        for column, (field, step) in zip(st.columns(3), NUMBERS.items(), strict=True):
            with column:
                key = row_key(ROWS, row, field)
                values[field] = number_field(label[field], key, default[field], step=step)
                slots[field] = st.empty()
        higher = st.toggle(
            label["higher_is_better"],
            key=seed(row_key(ROWS, row, "higher_is_better"), default["higher_is_better"]),
            help=t(f"tools.{NAME}.higher_help"),
            persist_state=PERSIST,
        )
    if values["indicator"] is None and values["target"] is None and values["actual"] is None:
        return None, False  # a row not started yet
    perspective, _, name = (values["indicator"] or "").partition(":")
    try:
        return KpiRow(
            perspective=perspective,
            indicator=name,
            weight=values["weight"],
            target=values["target"],
            actual=values["actual"],
            higher_is_better=bool(higher),
        ), False
    except ValidationError as error:
        messages = problem_messages(error)
        if "perspective" in messages or "indicator" in messages:
            messages["indicator"] = t(f"tools.{NAME}.choose_first")
        for field, slot in slots.items():
            if field in messages:
                slot.error(messages[field], icon=":material/error:")
        return None, True


def _defaults(row: int) -> dict:
    """The first values of a row: an example row's, or an empty row's for one added later."""
    values = {
        "higher_is_better": True,
        **(DEFAULT_ROWS[row] if row < len(DEFAULT_ROWS) else NEW_ROW),
    }
    for field in NUMBERS:
        if values[field] is not None:
            values[field] = float(values[field])
    if values["indicator"] is not None:  # the example rows name their indicators in Chinese
        perspective, _, name = values["indicator"].partition(":")
        values["indicator"] = f"{perspective}:{same_indicator(name, current_language()).name}"
    return values


def _results(card: Scorecard, perspectives: dict[str, str], options: dict[str, str]) -> None:
    total = card.weighted_achievement
    st.metric(t(f"tools.{NAME}.weighted"), "—" if total is None else percent(total))
    columns = st.columns(max(len(card.by_perspective), 1))
    for column, (pid, value) in zip(columns, card.by_perspective.items(), strict=False):
        column.metric(perspectives[pid], "—" if value is None else percent(value))
    bars = [
        (options[f"{r.row.perspective}:{r.row.indicator}"], perspectives[r.row.perspective],
         r.achievement)
        for r in card.rows
    ]  # fmt: skip
    spec = achievement_spec(bars, list(perspectives.values()), label=t(f"tools.{NAME}.achievement"))
    st.vega_lite_chart(spec, width="stretch")
    st.caption(t(f"tools.{NAME}.cap_note"))
    st.download_button(
        t(f"tools.{NAME}.download"),
        data=to_csv(card).encode("utf-8-sig"),
        file_name="kpi-scorecard.csv",
        mime="text/csv",
        icon=":material/download:",
        key=field_key(NAME, "download"),
    )
