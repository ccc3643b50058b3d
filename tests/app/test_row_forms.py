"""The KPI scorecard and the 5W1H planner as one small form per row: add, edit and remove rows,
a message beside a field that is refused, rows that survive a page switch and a reset."""

from __future__ import annotations

from datetime import date

from tests.app.forged import send
from tests.app.harness import go_to, open_page

KPI = "tool.kpi-scorecard.rows"
PLAN = "tool.action-planner.rows"
KPI_FIELDS = ("indicator", "weight", "target", "actual", "higher_is_better")
PLAN_FIELDS = ("what", "why", "who", "when", "where", "how", "stage", "status")


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def errors(at) -> list[str]:
    return [e.value for e in at.error]


def warnings(at) -> list[str]:
    return [w.value for w in at.warning]


def rows(at, prefix: str) -> list[int]:
    """The ids of the rows on the screen, in order, read from their remove buttons."""
    return [
        int(b.key.split(".")[-2])
        for b in at.button
        if b.key.startswith(f"{prefix}.") and b.key.endswith(".remove")
    ]


def widget(at, prefix: str, row: int, field: str):
    key = f"{prefix}.{row}.{field}"
    return next(w for kind in WIDGETS for w in at.get(kind) if getattr(w, "key", None) == key)


WIDGETS = ("selectbox", "number_input", "toggle", "text_input", "text_area", "date_input")


def add(at, prefix: str):
    return at.button(key=f"{prefix}.add").click().run()


def remove(at, prefix: str, row: int):
    return at.button(key=f"{prefix}.{row}.remove").click().run()


def scorecard():
    return open_page("part-2", section="indicators")


def planner():
    return open_page("part-3", section="essence")


# ---- KPI scorecard ----------------------------------------------------------------------------
def test_each_kpi_row_has_every_field_under_its_own_key():
    at = scorecard()
    assert not at.exception
    assert rows(at, KPI) == [0, 1, 2, 3, 4]
    for row in range(5):
        assert [widget(at, KPI, row, f).key for f in KPI_FIELDS] == [
            f"{KPI}.{row}.{f}" for f in KPI_FIELDS
        ]
    assert widget(at, KPI, 0, "indicator").value == "financial:销售获利比率"
    assert widget(at, KPI, 0, "actual").value == 10.5
    assert widget(at, KPI, 2, "higher_is_better").value is False  # 客户抱怨: lower is better
    assert metrics(at)["加权达成率"] == "96.3%"


def test_an_added_kpi_row_starts_empty_and_counts_once_filled():
    at = add(scorecard(), KPI)
    assert rows(at, KPI) == [0, 1, 2, 3, 4, 5]
    assert widget(at, KPI, 5, "indicator").value is None
    assert widget(at, KPI, 5, "weight").value == 10
    assert widget(at, KPI, 5, "target").value is None
    assert not errors(at) and not warnings(at)  # a row not started is no mistake
    assert metrics(at)["加权达成率"] == "96.3%"
    widget(at, KPI, 5, "indicator").set_value("customer:客户保留率")
    widget(at, KPI, 5, "target").set_value(90)
    widget(at, KPI, 5, "actual").set_value(81).run()
    assert not at.exception and not errors(at)
    # (96.305 + 10 × 81/90) / 110 = 95.73%
    assert metrics(at)["加权达成率"] == "95.7%"


def test_a_bad_kpi_number_gets_its_message_and_the_row_is_left_out():
    at = scorecard()
    widget(at, KPI, 0, "target").set_value(0).run()
    assert not at.exception
    assert errors(at) == ["必须大于 0。"]
    assert warnings(at) == ["有 1 项指标的输入有误，暂不计入结果，请改正上面标出的字段。"]
    # the four rows left: (30×92/90 + 10×10/8 + 20×95/98 + 10×30/40) / 70
    assert metrics(at)["加权达成率"] == "100.1%"
    assert "财务" not in metrics(at)
    widget(at, KPI, 0, "target").set_value(12).run()
    assert not errors(at) and not warnings(at)
    assert metrics(at)["加权达成率"] == "96.3%"


def test_empty_kpi_fields_and_an_unchosen_indicator_are_named():
    at = scorecard()
    widget(at, KPI, 1, "weight").set_value(None)
    widget(at, KPI, 3, "indicator").set_value(None).run()
    assert not at.exception
    assert errors(at) == ["请输入一个数字。", "请先选择一个指标。"]
    assert warnings(at) == ["有 2 项指标的输入有误，暂不计入结果，请改正上面标出的字段。"]


def test_removing_a_kpi_row_keeps_the_others_and_their_values():
    at = remove(scorecard(), KPI, 0)
    assert not at.exception
    assert rows(at, KPI) == [1, 2, 3, 4]
    assert widget(at, KPI, 1, "weight").value == 30
    assert widget(at, KPI, 1, "indicator").value == "customer:客户满意度"
    assert metrics(at)["加权达成率"] == "100.1%"
    add(at, KPI)
    assert rows(at, KPI) == [1, 2, 3, 4, 5]  # a new id: no old values come back
    assert widget(at, KPI, 5, "indicator").value is None


def test_removing_every_kpi_row_leaves_a_hint_and_the_add_button():
    at = scorecard()
    for row in range(5):
        remove(at, KPI, row)
    assert not at.exception
    assert rows(at, KPI) == []
    assert at.info[0].value.startswith("还没有填写完整的指标")
    assert not at.metric
    add(at, KPI)
    assert rows(at, KPI) == [5]


def test_kpi_rows_stop_at_twenty():
    at = scorecard()
    for _ in range(15):
        add(at, KPI)
    assert not at.exception
    assert len(rows(at, KPI)) == 20
    assert at.button(key=f"{KPI}.add").disabled
    send(at, {f"{KPI}.add": ("trigger_value", True)})  # a click the browser would not send
    assert not at.exception
    assert len(rows(at, KPI)) == 20


def test_kpi_rows_survive_a_page_switch_and_reset_brings_back_the_examples():
    at = add(scorecard(), KPI)
    widget(at, KPI, 5, "indicator").set_value("process:准时送达数据")
    widget(at, KPI, 0, "actual").set_value(12).run()
    go_to(at, "part-3")
    go_to(at, "part-2")
    at.button_group[0].set_value("indicators").run()
    assert rows(at, KPI) == [0, 1, 2, 3, 4, 5]
    assert widget(at, KPI, 5, "indicator").value == "process:准时送达数据"
    assert widget(at, KPI, 0, "actual").value == 12
    at.button(key="reset-kpi-scorecard").click().run()
    assert rows(at, KPI) == [0, 1, 2, 3, 4]
    assert widget(at, KPI, 0, "actual").value == 10.5
    assert metrics(at)["加权达成率"] == "96.3%"


# ---- 5W1H planner -----------------------------------------------------------------------------
def test_each_action_has_every_field_under_its_own_key():
    at = planner()
    assert not at.exception
    assert rows(at, PLAN) == [0, 1, 2]
    for row in range(3):
        assert [widget(at, PLAN, row, f).key for f in PLAN_FIELDS] == [
            f"{PLAN}.{row}.{f}" for f in PLAN_FIELDS
        ]
    assert widget(at, PLAN, 0, "when").value == date(2026, 3, 6)
    assert widget(at, PLAN, 0, "stage").value == "D"
    assert metrics(at)["完成率"] == "33%"


def test_an_added_action_is_empty_not_none_and_counts_once_it_says_what():
    at = add(planner(), PLAN)
    assert rows(at, PLAN) == [0, 1, 2, 3]
    texts = [widget(at, PLAN, 3, f).value for f in ("what", "why", "who", "where", "how")]
    assert texts == ["", "", "", "", ""]
    assert widget(at, PLAN, 3, "when").value is None
    assert (widget(at, PLAN, 3, "stage").value, widget(at, PLAN, 3, "status").value) == (
        "P",
        "todo",
    )
    shown = [e.value for kind in ("markdown", "caption") for e in at.get(kind)]
    assert not [text for text in shown if "None" in text]
    assert not errors(at) and metrics(at)["完成率"] == "33%"
    widget(at, PLAN, 3, "what").set_value("电话回访新客户").run()
    assert not errors(at)
    assert metrics(at)["完成率"] == "25%"
    assert metrics(at)["5W1H 未写全"] == "1"


def test_an_action_without_what_gets_its_message_and_is_left_out():
    at = add(planner(), PLAN)
    widget(at, PLAN, 3, "who").set_value("销售助理").run()
    assert not at.exception
    assert errors(at) == ["请写下要做什么（What）；没写之前，这项行动不计入进度。"]
    assert warnings(at) == ["有 1 项行动暂不计入进度，请改正上面标出的字段。"]
    assert metrics(at)["完成率"] == "33%"


def test_editing_and_removing_actions_changes_the_progress():
    at = planner()
    widget(at, PLAN, 0, "status").set_value("done").run()
    assert metrics(at)["完成率"] == "67%"
    widget(at, PLAN, 2, "where").set_value("").run()
    assert metrics(at)["5W1H 未写全"] == "1"
    remove(at, PLAN, 1)
    assert not at.exception
    assert rows(at, PLAN) == [0, 2]
    assert widget(at, PLAN, 2, "what").value == "复盘第一季度客户投诉处理情况"
    assert metrics(at)["完成率"] == "50%"
    for row in (0, 2):
        remove(at, PLAN, row)
    assert at.info[0].value.startswith("还没有行动")
    assert not at.metric


def test_actions_survive_a_page_switch_and_reset_brings_back_the_example():
    at = add(planner(), PLAN)
    widget(at, PLAN, 3, "what").set_value("寄送样品").run()
    go_to(at, "part-2")
    go_to(at, "part-3")
    at.button_group[0].set_value("essence").run()
    assert rows(at, PLAN) == [0, 1, 2, 3]
    assert widget(at, PLAN, 3, "what").value == "寄送样品"
    at.button(key="reset-action-planner").click().run()
    assert rows(at, PLAN) == [0, 1, 2]
    assert metrics(at)["完成率"] == "33%"
