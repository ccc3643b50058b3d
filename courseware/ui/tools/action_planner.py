"""5W1H / PDCA action planner: an editable plan, its progress and a CSV copy (lesson 3.2)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from calculators.action_plan import (
    CSV_FIELDS,
    STAGES,
    STATUSES,
    ActionItem,
    example_plan,
    items_from_rows,
    progress,
    to_csv,
)
from courseware.content.charts import plan_progress_spec
from courseware.i18n import t
from courseware.ui.table import editable_table
from courseware.ui.tools.frame import field_key, tool_frame

NAME = "action-planner"


def render() -> None:
    with tool_frame(NAME):
        rows = editable_table(
            field_key(NAME, "rows"),
            [_row(item) for item in example_plan()],
            CSV_FIELDS,
            date_columns=("when",),
            num_rows="dynamic",
            column_config=_columns(),
            width="stretch",
        )
        items, problems = items_from_rows(rows)
        for problem in problems:
            st.error(
                t(f"tools.{NAME}.problems.{problem.message_code}", row=problem.row),
                icon=":material/error:",
            )
        if not items:
            st.info(t(f"tools.{NAME}.empty"), icon=":material/edit:")
            return
        _summary(items)


def _row(item: ActionItem) -> dict:
    return {name: getattr(item, name) for name in CSV_FIELDS}


def _columns() -> dict:
    config = st.column_config
    label = {name: t(f"tools.{NAME}.columns.{name}") for name in CSV_FIELDS}
    text = {name: config.TextColumn(label[name], max_chars=200) for name in CSV_FIELDS}
    text["what"] = config.TextColumn(label["what"], max_chars=200, required=True)
    text["when"] = config.DateColumn(label["when"], format="YYYY-MM-DD")
    text["stage"] = config.SelectboxColumn(
        label["stage"], options=STAGES, default="P", format_func=_stage_label, required=True
    )
    text["status"] = config.SelectboxColumn(
        label["status"], options=STATUSES, default="todo", format_func=_status_label, required=True
    )
    return text


def _stage_label(stage: str) -> str:
    return t(f"tools.{NAME}.stages.{stage}")


def _status_label(status: str) -> str:
    return t(f"tools.{NAME}.statuses.{status}")


def _summary(items: tuple[ActionItem, ...]) -> None:
    plan = progress(items, date.today())
    done, late, missing = st.columns(3)
    done.metric(
        t(f"tools.{NAME}.done"), f"{plan.percent_done:.0f}%", help=f"{plan.done}/{plan.total}"
    )
    late.metric(t(f"tools.{NAME}.overdue"), plan.overdue)
    missing.metric(t(f"tools.{NAME}.incomplete"), plan.incomplete)
    counts = [
        (_stage_label(stage), _status_label(status), plan.by_stage[stage][status])
        for stage in STAGES
        for status in STATUSES
    ]
    spec = plan_progress_spec(
        counts, [_status_label(s) for s in STATUSES], count_label=t(f"tools.{NAME}.count")
    )
    st.vega_lite_chart(spec, width="stretch")
    st.download_button(
        t(f"tools.{NAME}.download"),
        data=to_csv(items).encode("utf-8-sig"),
        file_name="action-plan.csv",
        mime="text/csv",
        icon=":material/download:",
        key=field_key(NAME, "download"),
    )
