"""5W1H / PDCA action planner: a plan of actions, its progress and a CSV copy (lesson 3.2).

Each action is a small form of its own, so that on a phone all of its 5W1H fields, its stage
and its status are on the screen; actions can be added and removed.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from calculators.action_plan import (
    CSV_FIELDS,
    MAX_TEXT,
    STAGES,
    STATUSES,
    ActionItem,
    RowProblem,
    example_plan,
    items_from_rows,
    progress,
    to_csv,
)
from courseware.content.charts import plan_progress_spec
from courseware.i18n import current_language, t
from courseware.ui.row_forms import add_button, row_card, row_ids, row_key
from courseware.ui.state import PERSIST, seed
from courseware.ui.tools.frame import field_key, tool_frame

NAME = "action-planner"
ROWS = field_key(NAME, "rows")
MAX_ROWS = 20
LAYOUT = (("what",), ("why", "how"), ("who", "when", "where"), ("stage", "status"))
LONG_TEXT = ("why", "how")
NEW_ROW = {"what": "", "why": "", "who": "", "when": None, "where": "", "how": ""}
LEFT_OUT = ("missing_what", "bad_row")  # the problems that keep an action out of the plan


def render() -> None:
    with tool_frame(NAME):
        ids = row_ids(ROWS, len(example_plan(current_language())))
        slots = [_row_form(row, position) for position, row in enumerate(ids, 1)]
        add_button(ROWS, t(f"tools.{NAME}.add"), len(ids), MAX_ROWS)
        items, problems = items_from_rows([values for values, _ in slots])
        for problem in problems:
            _show(problem, slots[problem.row - 1][1])
        left_out = {p.row for p in problems if p.message_code in LEFT_OUT}
        if left_out:
            st.warning(t(f"tools.{NAME}.left_out", n=len(left_out)), icon=":material/edit:")
        if not items:
            st.info(t(f"tools.{NAME}.empty"), icon=":material/edit:")
            return
        _summary(items)


def _row_form(row: int, position: int) -> tuple[dict, dict]:
    """Draw one action's fields; their values and an empty slot beneath each for a message."""
    default = _defaults(row)
    values, slots = {}, {}
    title = t(f"tools.{NAME}.row_title", row=position)
    with row_card(ROWS, row, title, t(f"tools.{NAME}.remove")):
        for fields in LAYOUT:
            for column, field in zip(st.columns(len(fields)), fields, strict=True):
                with column:
                    key = seed(row_key(ROWS, row, field), default[field])
                    values[field] = _field(field, key)
                    slots[field] = st.empty()
        slots[""] = st.empty()
    return values, slots


def _field(field: str, key: str) -> object:
    label = t(f"tools.{NAME}.columns.{field}")
    if field == "when":
        return st.date_input(label, value=None, format="YYYY-MM-DD", key=key, persist_state=PERSIST)
    if field in ("stage", "status"):
        options, names = (STAGES, _stage_label) if field == "stage" else (STATUSES, _status_label)
        return st.selectbox(label, options, format_func=names, key=key, persist_state=PERSIST)
    text = st.text_area if field in LONG_TEXT else st.text_input
    return text(
        label,
        max_chars=MAX_TEXT,
        placeholder=t(f"tools.{NAME}.placeholders.{field}"),
        key=key,
        persist_state=PERSIST,
    )


def _defaults(row: int) -> dict:
    """The first values of a row: an example action's, or an empty one's for one added later."""
    plan = example_plan(current_language())
    if row < len(plan):
        return {name: getattr(plan[row], name) for name in CSV_FIELDS}
    return {**NEW_ROW, "stage": STAGES[0], "status": STATUSES[0]}


def _show(problem: RowProblem, slots: dict) -> None:
    slot = slots.get(problem.field, slots[""])
    slot.error(t(f"tools.{NAME}.problems.{problem.message_code}"), icon=":material/error:")


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
