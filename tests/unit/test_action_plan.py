"""The 5W1H / PDCA action planner: items, progress, table import and CSV export."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from calculators.action_plan import (
    CSV_FIELDS,
    STAGES,
    STATUSES,
    ActionItem,
    RowProblem,
    example_plan,
    items_from_rows,
    missing_w,
    progress,
    to_csv,
)

TODAY = date(2026, 3, 15)


def item(what: str = "回访客户", **fields) -> ActionItem:
    return ActionItem(what=what, **fields)


def test_text_is_stripped_and_what_is_required():
    assert item("  回访客户  ", who=" 销售经理 ").what == "回访客户"
    assert item(who=" 销售经理 ").who == "销售经理"
    for bad in ("", "   "):
        with pytest.raises(ValidationError):
            ActionItem(what=bad)
    with pytest.raises(ValidationError):
        item(how="x" * 201)
    assert len(item(how="x" * 200).how) == 200


def test_items_are_frozen():
    with pytest.raises(ValidationError):
        item().what = "别的事"  # type: ignore[misc]


def test_missing_w_lists_empty_fields_in_5w1h_order():
    assert missing_w(item()) == ("why", "who", "when", "where", "how")
    full = example_plan()[0]
    assert missing_w(full) == ()
    assert missing_w(full.model_copy(update={"when": None, "where": ""})) == ("when", "where")


def test_progress_counts_by_hand():
    items = [
        item(stage="P", status="done", when=date(2026, 3, 1)),  # done late: not overdue
        item(stage="P", status="todo", when=date(2026, 3, 14)),  # overdue
        item(stage="D", status="doing", when=TODAY),  # due today: not overdue
        item(stage="D", status="doing"),  # no date: not overdue
        item(stage="C", status="done"),
        item(stage="A", status="todo", when=date(2026, 1, 31)),  # overdue
        *example_plan(),  # D/doing 3-06 overdue, P/done, C/todo 3-31
    ]
    result = progress(items, TODAY)
    assert (result.total, result.todo, result.doing, result.done) == (9, 3, 3, 3)
    assert result.percent_done == pytest.approx(100 / 3)
    assert result.overdue == 3
    assert result.incomplete == 6  # the made-up items leave some W empty; the examples do not
    assert result.by_stage == {
        "P": {"todo": 1, "doing": 0, "done": 2},
        "D": {"todo": 0, "doing": 3, "done": 0},
        "C": {"todo": 1, "doing": 0, "done": 1},
        "A": {"todo": 1, "doing": 0, "done": 0},
    }


def test_progress_of_an_empty_plan_is_all_zero():
    result = progress([], TODAY)
    assert (result.total, result.percent_done, result.overdue, result.incomplete) == (0, 0, 0, 0)
    assert result.by_stage == {s: dict.fromkeys(STATUSES, 0) for s in STAGES}
    assert list(result.by_stage) == ["P", "D", "C", "A"]


def test_all_done_is_one_hundred_percent():
    assert progress([item(status="done")] * 4, TODAY).percent_done == 100


def test_rows_from_an_edited_table():
    rows = [
        {
            "what": " 回访客户 ",
            "who": "销售经理",
            "when": "2026-03-31",
            "stage": "d",
            "status": "Doing",
        },
        {"what": None, "why": None, "when": None, "stage": None, "status": None},  # blank: skipped
        {"what": "寄样品", "when": pd.Timestamp("2026-04-02 15:30"), "how": float("nan")},
        {"what": "做报告", "when": datetime(2026, 4, 3, 9, 0), "stage": "P", "status": "todo"},
        {"what": "开会", "when": date(2026, 4, 4), "where": 301.0},
        {"what": "复盘", "when": "2026年4月5日"},
        {"what": "跟进", "when": "2026/4/6"},
        {"what": "", "why": "没写要做什么"},
        {"what": "定方案", "when": "下周一", "stage": "X", "status": "finished"},
        {"what": "打电话", "when": "2026-02-30"},
        {"what": "发邮件", "when": pd.NaT, "stage": float("nan"), "status": pd.NA},
        {"what": float("nan"), "why": "", "when": pd.NaT, "stage": "P", "status": "todo"},  # blank
    ]
    items, problems = items_from_rows(rows)
    assert [i.what for i in items] == [
        "回访客户",
        "寄样品",
        "做报告",
        "开会",
        "复盘",
        "跟进",
        "定方案",
        "打电话",
        "发邮件",
    ]
    assert [i.when for i in items] == [
        date(2026, 3, 31),
        date(2026, 4, 2),
        date(2026, 4, 3),
        date(2026, 4, 4),
        date(2026, 4, 5),
        date(2026, 4, 6),
        None,
        None,
        None,
    ]
    first = items[0]
    assert (first.who, first.stage, first.status) == ("销售经理", "D", "doing")
    assert items[1].how == ""
    assert items[3].where == "301"
    assert (items[6].stage, items[6].status) == ("P", "todo")
    assert problems == [
        RowProblem(row=8, field="what", message_code="missing_what"),
        RowProblem(row=9, field="when", message_code="bad_date"),
        RowProblem(row=9, field="stage", message_code="bad_stage"),
        RowProblem(row=9, field="status", message_code="bad_status"),
        RowProblem(row=10, field="when", message_code="bad_date"),
    ]


def test_rows_that_are_not_tables_do_not_raise():
    assert items_from_rows([]) == ((), [])
    assert items_from_rows(None) == ((), [])  # type: ignore[arg-type]
    items, problems = items_from_rows([None, "garbage", {"what": "x" * 500, 3: "y"}])
    assert [len(i.what) for i in items] == [200]
    assert problems == [
        RowProblem(row=2, field="", message_code="bad_row"),
        RowProblem(row=3, field="what", message_code="too_long"),
    ]


def test_rows_with_odd_date_values():
    rows = [
        {"what": "a", "when": 20260331},
        {"what": "b", "when": ["2026-03-31"]},
        {"what": "c", "when": "  "},
        {"what": "d", "when": "２０２６－０３－３１"},
        {"what": "e", "when": "2026-03-31T00:00:00.000000000"},
    ]
    items, problems = items_from_rows(rows)
    assert [i.when for i in items] == [None, None, None, date(2026, 3, 31), date(2026, 3, 31)]
    assert [(p.row, p.message_code) for p in problems] == [(1, "bad_date"), (2, "bad_date")]


def test_csv_has_the_header_and_iso_dates():
    text = to_csv(example_plan())
    rows = list(csv.reader(io.StringIO(text)))
    assert text.splitlines()[0] == "what,why,who,when,where,how,stage,status"
    assert rows[0] == list(CSV_FIELDS)
    assert rows[1][3] == "2026-03-06"
    assert len(rows) == 4
    assert to_csv([]).splitlines() == ["what,why,who,when,where,how,stage,status"]


def test_csv_round_trip_keeps_every_item():
    tricky = item('含逗号,引号"和\n换行', when=None, stage="A", status="done")
    plan = (*example_plan(), tricky)
    reader = csv.DictReader(io.StringIO(to_csv(plan)))
    back, problems = items_from_rows(list(reader))
    assert problems == []
    assert back == plan


def test_csv_defuses_cells_a_spreadsheet_would_run_as_formulas():
    hostile = item('=HYPERLINK("http://example.com","点我")', who="-1+2", how="@SUM(A1)")
    row = next(csv.DictReader(io.StringIO(to_csv([hostile]))))
    assert row["what"] == '\'=HYPERLINK("http://example.com","点我")'
    assert row["who"] == "'-1+2"
    assert row["how"] == "'@SUM(A1)"
    assert row["stage"] == "P"


def test_example_plan_is_complete_and_varied():
    plan = example_plan()
    assert len(plan) == 3
    assert all(missing_w(i) == () for i in plan)
    assert len({i.stage for i in plan}) == 3
    assert all(i.when.year == 2026 for i in plan)


CELLS = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(),
    st.booleans(),
    st.text(max_size=300),
    st.dates(),
    st.datetimes(),
    st.lists(st.integers(), max_size=3),
    st.sampled_from([pd.NaT, pd.NA, pd.Timestamp("2026-03-31"), "P", "done", "2026-13-01"]),
)
KEYS = st.one_of(
    st.sampled_from([*CSV_FIELDS, "What ", "STAGE"]), st.text(max_size=5), st.integers()
)


@given(st.lists(st.one_of(st.dictionaries(KEYS, CELLS, max_size=10), CELLS), max_size=6))
def test_items_from_rows_never_raises(rows):
    items, problems = items_from_rows(rows)
    assert all(isinstance(i, ActionItem) for i in items)
    assert all(1 <= p.row <= len(rows) for p in problems)
    progress(items, TODAY)
    to_csv(items)
