"""Values a hand-written websocket client sends to the tools and the quiz: each one gets a
message or is ignored, and never ends the run with a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.app.forged import send
from tests.app.harness import open_page
from tests.app.test_quiz import current, next_item, respond, start

KPI_EDITOR = "tool.kpi-scorecard.rows.editor0"
PLAN_EDITOR = "tool.action-planner.rows.editor0"
HUB = "quiz.hub"


@pytest.fixture(autouse=True)
def own_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("COURSEWARE_DATABASE_URL", raising=False)
    monkeypatch.setenv("COURSEWARE_SQLITE_PATH", str(tmp_path / "progress.sqlite3"))


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def errors(at) -> list[str]:
    return [e.value for e in at.error]


def edit(at, editor: str, edits) -> None:
    """Send a data editor's edits (JSON text, as the browser does) and check the run."""
    text = edits if isinstance(edits, str) else json.dumps(edits)
    send(at, {editor: ("string_value", text)})
    assert not at.exception


# ---- editable tables ---------------------------------------------------------------------------
def test_a_kpi_indicator_outside_the_list_is_named_and_the_others_still_score():
    at = open_page("part-2", section="indicators")
    edit(at, KPI_EDITOR, {"edited_rows": {"0": {"indicator": "financial:不存在的指标"}}})
    assert errors(at) == ["第 1 行“指标”：这个值无法使用，请检查。"]
    # the four rows left: (30×92/90 + 10×10/8 + 20×95/98 + 10×30/40) / 70
    assert metrics(at)["加权达成率"] == "100.1%"
    at.run()
    assert not at.exception and len(errors(at)) == 1  # a message that stays, not a traceback
    at.button(key="reset-kpi-scorecard").click().run()
    assert not errors(at) and metrics(at)["加权达成率"] == "96.3%"


MALFORMED_EDITS = {
    "row key that is no number": {"edited_rows": {"abc": {"weight": 5, "what": "x"}}},
    "row edit that is no mapping": {"edited_rows": {"0": "x"}},
    "rows out of range": {"edited_rows": {"99": {"weight": 5}, "-1": {"what": "x"}}},
    "cells that are no plain values": {"edited_rows": {"0": {"weight": [1], "what": {"a": 1}}}},
    "deleted rows that are no positions": {"deleted_rows": ["x", "0x1", 99, -1, 1.5, None, True]},
    "deleted rows that are no list": {"deleted_rows": "01"},
    "added rows that are no mappings": {"added_rows": [5, "x", None, [1]]},
    "added rows in unknown columns": {"added_rows": [{"bogus": 1}, {"weight": [1], "what": []}]},
    "added rows that are no list": {"added_rows": {"what": "x"}},
    "edits that are no mapping": [1, 2],
    "text that is no JSON": "{",
}


TABLES = {  # tool: (page, section, editor, a result metric, its value with the example rows)
    "kpi": ("part-2", "indicators", KPI_EDITOR, "加权达成率", "96.3%"),
    "plan": ("part-3", "essence", PLAN_EDITOR, "完成率", "33%"),
}


@pytest.mark.parametrize("edits", MALFORMED_EDITS.values(), ids=MALFORMED_EDITS)
@pytest.mark.parametrize("table", TABLES.values(), ids=TABLES)
def test_malformed_table_edits_are_ignored(table, edits):
    part, section, editor, label, value = table
    at = open_page(part, section=section)
    edit(at, editor, edits)
    assert not errors(at)
    assert metrics(at)[label] == value  # the rows are as they were
    at.run()
    assert not at.exception


# ---- fields sent in a form their widget does not use -------------------------------------------
def test_a_number_sent_as_text_empties_the_field_with_its_message():
    at = open_page("part-1", section="churn-cost")
    send(at, {"tool.churn.years": ("string_value", "5")})
    assert not at.exception
    assert errors(at) == ["请输入一个数字。"]
    at.number_input(key="tool.churn.years").set_value(5).run()
    assert not errors(at) and metrics(at)["每年流失造成的利润损失"] == "¥10,000,000"


@pytest.mark.parametrize(
    ("part", "section", "key", "field", "value", "empty"),
    [
        ("part-1", "customer-value", "tool.customer-value.ours.product_value", "json_value", "{}",
         None),
        ("part-2", "smart", "tool.smart-checker.goal", "int_value", 3, ""),
        ("part-2", "smart", "tool.smart-checker.goal", "string_array_value", ["目标"], ""),
        ("part-3", "why-execution", "tool.black-holes.undecided.1", "int_value", 5, None),
        ("part-4", "questioning", "tool.questioning-practice.situation", "int_value", 1,
         "late-delivery"),  # the first situation
        ("part-4", "questioning", "tool.questioning-practice.technique", "string_value", "open",
         None),
        ("part-4", "questioning", "tool.questioning-practice.question", "bool_value", True, ""),
    ],
)  # fmt: skip
def test_a_value_of_another_kind_is_read_as_empty(part, section, key, field, value, empty):
    at = open_page(part, section=section)
    send(at, {key: (field, value)})
    assert not at.exception
    assert at.session_state[key] == empty
    at.run()
    assert not at.exception


def test_a_situation_outside_the_list_moves_on_to_the_first():
    at = open_page("part-4", section="questioning")
    first = at.selectbox(key="tool.questioning-practice.situation").value
    send(
        at,
        {
            "tool.questioning-practice.situation": ("string_value", "不存在的情境"),
            "tool.questioning-practice.situation.next": ("trigger_value", True),
        },
    )
    assert not at.exception
    assert at.selectbox(key="tool.questioning-practice.situation").value == first


# ---- the quiz ----------------------------------------------------------------------------------
def test_a_scope_and_length_outside_the_lists_start_the_first_ones():
    at = open_page("quiz")
    send(
        at,
        {
            f"{HUB}.scope": ("string_value", "topic:不存在"),
            f"{HUB}.length": ("string_array_value", ["999"]),
            f"{HUB}.start": ("trigger_value", True),
        },
    )
    assert not at.exception
    plain = open_page("quiz")
    plain.button(key=f"{HUB}.start").click().run()
    assert at.session_state[HUB].scope == plain.session_state[HUB].scope
    assert len(at.session_state[HUB].item_ids) == 5


def at_a_radio_item():
    """A quiz whose current item is answered with a radio (single choice or true/false)."""
    at = open_page("quiz")
    start(at, "topic:smart", length=None)
    while current(at)[1].type not in ("single", "truefalse"):
        respond(at, right=True)
        next_item(at)
    return at


def test_a_radio_answer_sent_as_a_number_counts_as_no_answer():
    at = at_a_radio_item()
    _attempt, _item, widget = current(at)
    send(
        at,
        {
            widget: ("int_value", 1),
            f"FormSubmitter:{widget}.form-提交答案": ("trigger_value", True),
        },
    )
    assert not at.exception
    assert at.warning[0].value == "还没有作答：请先选择或填写答案。"
    respond(at, right=True)  # the item can still be answered
    assert at.success[0].value == "回答正确！"


def test_next_and_quit_in_one_message_quit_the_quiz():
    at = at_a_radio_item()
    respond(at, right=True)
    _attempt, _item, widget = current(at)
    send(at, {f"{widget}.quit": ("trigger_value", True), f"{widget}.next": ("trigger_value", True)})
    assert not at.exception
    assert HUB not in at.session_state
    assert at.button(key=f"{HUB}.start")
