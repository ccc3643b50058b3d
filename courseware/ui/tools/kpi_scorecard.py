"""KPI scorecard over the course's four perspectives: weighted achievement, chart, CSV (2.4)."""

from __future__ import annotations

import math

import streamlit as st
from pydantic import ValidationError

from calculators.indicators import load_perspectives
from calculators.kpi import KpiRow, Scorecard, score, to_csv
from courseware.content.charts import achievement_spec
from courseware.format import percent
from courseware.i18n import t
from courseware.ui.fields import problem_messages
from courseware.ui.table import editable_table
from courseware.ui.tools.frame import field_key, tool_frame

NAME = "kpi-scorecard"
COLUMNS = ("indicator", "weight", "target", "actual", "higher_is_better")
DEFAULT_ROWS = [  # a marketing team's quarter: one indicator from each perspective
    {"indicator": "financial:销售获利比率", "weight": 30, "target": 12, "actual": 10.5},
    {"indicator": "customer:客户满意度", "weight": 30, "target": 90, "actual": 92},
    {"indicator": "customer:客户抱怨", "weight": 10, "target": 10, "actual": 8,
     "higher_is_better": False},
    {"indicator": "process:准时送达数据", "weight": 20, "target": 98, "actual": 95},
    {"indicator": "learning:训练时数", "weight": 10, "target": 40, "actual": 30},
]  # fmt: skip


def render() -> None:
    perspectives = {p.id: p.name for p in load_perspectives()}
    options = {
        f"{p.id}:{i.name}": f"{p.name} · {i.name}"
        for p in load_perspectives()
        for i in p.indicators
    }
    with tool_frame(NAME):
        rows = editable_table(
            field_key(NAME, "rows"),
            [{"higher_is_better": True, **row} for row in DEFAULT_ROWS],
            COLUMNS,
            num_rows="dynamic",
            column_config=_columns(options),
            width="stretch",
        )
        kpis = _valid_rows(rows, options)
        if not kpis:
            st.info(t(f"tools.{NAME}.empty"), icon=":material/edit:")
            return
        _results(score(kpis), perspectives, options)


def _columns(options: dict[str, str]) -> dict:
    config = st.column_config
    label = {c: t(f"tools.{NAME}.columns.{c}") for c in COLUMNS}
    return {
        "indicator": config.SelectboxColumn(
            label["indicator"], options=list(options), format_func=options.get, required=True,
            width="large",
        ),
        "weight": config.NumberColumn(label["weight"], min_value=0, max_value=1000, default=10),
        "target": config.NumberColumn(label["target"], min_value=0, format="%g"),
        "actual": config.NumberColumn(label["actual"], min_value=0, format="%g"),
        "higher_is_better": config.CheckboxColumn(
            label["higher_is_better"], default=True, help=t(f"tools.{NAME}.higher_help")
        ),
    }  # fmt: skip


def _valid_rows(rows: list[dict], options: dict[str, str]) -> list[KpiRow]:
    """The rows that make a KPI; a message beneath the table for each row that does not.

    An indicator must be one of ``options``; any other value is refused like an empty one.
    """
    kpis = []
    for number, row in enumerate(rows, 1):
        if all(_blank(row.get(c)) for c in COLUMNS if c != "higher_is_better"):
            continue
        perspective, _, name = _known(row.get("indicator"), options).partition(":")
        higher = row.get("higher_is_better")
        try:
            kpis.append(
                KpiRow(
                    perspective=perspective,
                    indicator=name,
                    weight=_number(row.get("weight")),
                    target=_number(row.get("target")),
                    actual=_number(row.get("actual")),
                    higher_is_better=higher if isinstance(higher, bool) else True,
                )
            )
        except ValidationError as error:
            shown = set()
            for field, message in problem_messages(error).items():
                column = "indicator" if field == "perspective" else field
                if column not in shown:
                    shown.add(column)
                    _row_problem(number, column, message)
    return kpis


def _row_problem(number: int, column: str, message: str) -> None:
    label = t(f"tools.{NAME}.columns.{column}")
    text = t(f"tools.{NAME}.row_problem", row=number, column=label, message=message)
    st.error(text, icon=":material/error:")


def _known(indicator: object, options: dict[str, str]) -> str:
    """The indicator when it is one of the options, else "" (which the row model refuses)."""
    return indicator if isinstance(indicator, str) and indicator in options else ""


def _blank(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def _number(value: object) -> float | None:
    return None if _blank(value) else value  # type: ignore[return-value]


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
