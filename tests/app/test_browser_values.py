"""Values a hand-written websocket client sends to the tools and the quiz: each one gets a
message or is ignored, and never ends the run with a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.forged import send
from tests.app.harness import open_page
from tests.app.test_quiz import current, next_item, respond, start

KPI_ROWS = "tool.kpi-scorecard.rows"
PLAN_ROWS = "tool.action-planner.rows"
HUB = "quiz.hub"


@pytest.fixture(autouse=True)
def own_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("COURSEWARE_DATABASE_URL", raising=False)
    monkeypatch.setenv("COURSEWARE_SQLITE_PATH", str(tmp_path / "progress.sqlite3"))


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def errors(at) -> list[str]:
    return [e.value for e in at.error]


# ---- rows of the KPI scorecard and the 5W1H planner --------------------------------------------
def test_a_kpi_indicator_outside_the_list_is_named_and_the_others_still_score():
    at = open_page("part-2", section="indicators")
    send(at, {f"{KPI_ROWS}.0.indicator": ("string_value", "财务 · 不存在的指标")})
    assert not at.exception
    assert errors(at) == ["请先选择一个指标。"]
    # the four rows left: (30×92/90 + 10×10/8 + 20×95/98 + 10×30/40) / 70
    assert metrics(at)["加权达成率"] == "100.1%"
    at.run()
    assert not at.exception and len(errors(at)) == 1  # a message that stays, not a traceback
    at.button(key="reset-kpi-scorecard").click().run()
    assert not errors(at) and metrics(at)["加权达成率"] == "96.3%"


FORGED_ROW_VALUES = {  # widget, field, value sent -> messages, (result metric, its value)
    "kpi weight as text": (
        f"{KPI_ROWS}.0.weight", "string_value", "30", ["请输入一个数字。"], ("加权达成率", "100.1%")
    ),
    "kpi target as a list": (
        f"{KPI_ROWS}.0.target", "double_array_value", [12.0], ["请输入一个数字。"],
        ("加权达成率", "100.1%"),
    ),
    "kpi indicator as a number": (
        f"{KPI_ROWS}.0.indicator", "int_value", 0, ["请先选择一个指标。"], ("加权达成率", "100.1%")
    ),
    "kpi direction as text": (  # reads as off: 销售获利比率 counts as lower-is-better
        f"{KPI_ROWS}.0.higher_is_better", "string_value", "true", [], ("加权达成率", "104.3%")
    ),
    "plan what as a number": (
        f"{PLAN_ROWS}.0.what", "int_value", 7,
        ["请写下要做什么（What）；没写之前，这项行动不计入进度。"], ("完成率", "50%"),
    ),
    "plan what far too long": (  # cut to the field's 200 characters
        f"{PLAN_ROWS}.0.what", "string_value", "长" * 5000, [], ("完成率", "33%")
    ),
    "plan date as text": (
        f"{PLAN_ROWS}.0.when", "string_value", "not a date", [], ("5W1H 未写全", "1")
    ),
    "plan date that is no date": (
        f"{PLAN_ROWS}.0.when", "string_array_value", ["2026-02-30"], [], ("5W1H 未写全", "1")
    ),
    "plan stage outside the list": (
        f"{PLAN_ROWS}.0.stage", "string_value", "Z 未知", [], ("完成率", "33%")
    ),
    "plan status as a number": (  # reads as the first status, 待办
        f"{PLAN_ROWS}.1.status", "int_value", 2, [], ("完成率", "0%")
    ),
}  # fmt: skip


@pytest.mark.parametrize(
    ("key", "field", "value", "messages", "result"), FORGED_ROW_VALUES.values(),
    ids=FORGED_ROW_VALUES,
)  # fmt: skip
def test_a_row_value_a_field_cannot_hold_is_refused(key, field, value, messages, result):
    part, section = ("part-2", "indicators") if key.startswith(KPI_ROWS) else ("part-3", "essence")
    at = open_page(part, section=section)
    send(at, {key: (field, value)})
    assert not at.exception
    assert errors(at) == messages
    label, shown = result
    assert metrics(at)[label] == shown
    at.run()
    assert not at.exception


# ---- fields sent in a form their widget does not use -------------------------------------------
def test_a_number_sent_as_text_empties_the_field_with_its_message():
    at = open_page("part-1", section="churn-cost")
    send(at, {"tool.churn.years": ("string_value", "5")})
    assert not at.exception
    assert errors(at) == ["请输入一个数字。"]
    at.number_input(key="tool.churn.years").set_value(5).run()
    assert not errors(at) and metrics(at)["一年流失的客户 5 年内带走的利润"] == "¥10,000,000"


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
