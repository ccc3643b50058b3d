"""Every tool in AppTest: defaults give the worked results, bad values get a message, reset works,
and inputs survive a page switch."""

from __future__ import annotations

import pytest

from tests.app.harness import go_to, open_page


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def errors(at) -> list[str]:
    return [e.value for e in at.error]


def said(elements, start: str) -> str:
    """The one message among ``elements`` (success, info, ...) that starts with ``start``."""
    found = [e.value for e in elements if e.value.startswith(start)]
    assert len(found) == 1, [e.value for e in elements]
    return found[0]


def charts(at) -> int:
    return len(at.get("arrow_vega_lite_chart")) + len(at.get("vega_lite_chart"))


# ---- customer value (1.3) ---------------------------------------------------------------------
CV = "tool.customer-value"


def test_customer_value_defaults_compare_the_two_offers():
    at = open_page("part-1", section="customer-value")
    assert not at.exception
    values = [m.value for m in at.metric]
    # ours: 800k+150k+80k+50k = 1,080,000 value, 700k+40k+20k+10k = 770,000 cost -> 310,000
    # theirs: 780k+100k+60k+70k = 1,010,000 value, 650k+60k+40k+20k = 770,000 cost -> 240,000
    assert values == ["¥1,080,000", "¥770,000", "¥310,000", "¥1,010,000", "¥770,000", "¥240,000"]
    verdict = said(
        at.success, "我方方案为客户创造的客户价值更高：¥310,000，比竞争对手方案多 ¥70,000"
    )
    assert "服务价值更高" in verdict  # +50,000 is the largest component in our favour
    assert charts(at) == 1


@pytest.mark.parametrize(
    ("value", "message"),
    [(-5, "不能小于 0。"), (None, "请输入一个数字。")],
    ids=["negative", "empty"],
)
def test_customer_value_refuses_a_bad_number_beside_the_field(value, message):
    at = open_page("part-1", section="customer-value")
    at.number_input(key=f"{CV}.theirs.time_cost").set_value(value).run()
    assert not at.exception
    assert errors(at) == [message]
    assert at.warning[0].value == "请先改正上面标出的输入，结果会随之更新。"
    assert not at.metric  # no result from a refused input


def test_customer_value_changes_follow_inputs_and_reset_restores_defaults():
    at = open_page("part-1", section="customer-value")
    at.number_input(key=f"{CV}.theirs.monetary_cost").set_value(500_000).run()
    # theirs now costs 620,000 -> delivered 390,000, ahead of ours by 80,000 thanks to price
    assert metrics(at) and at.metric[5].value == "¥390,000"
    assert "货币价格更低" in said(at.success, "竞争对手方案为客户创造的客户价值更高")
    at.button(key="reset-customer-value").click().run()
    assert at.metric[5].value == "¥240,000"
    assert at.number_input(key=f"{CV}.theirs.monetary_cost").value == 650_000


def test_tool_inputs_survive_a_page_switch():
    at = open_page("part-1", section="customer-value")
    at.number_input(key=f"{CV}.ours.product_value").set_value(900_000).run()
    go_to(at, "part-2")
    assert at.title[0].value.startswith("第二部分")
    go_to(at, "part-1")
    at.button_group[0].set_value("customer-value").run()
    assert at.number_input(key=f"{CV}.ours.product_value").value == 900_000
    assert at.metric[2].value == "¥410,000"


# ---- churn (1.4) ------------------------------------------------------------------------------
CH = "tool.churn"


def churn_bars(at) -> list[tuple[str, float]]:
    """(year, cumulative loss) of each bar the churn chart draws."""
    import pyarrow as pa

    [chart] = at.get("arrow_vega_lite_chart") + at.get("vega_lite_chart")
    [dataset] = chart.proto.datasets
    rows = pa.ipc.open_stream(dataset.data.data).read_pandas().to_dict("records")
    return [(row["year"], row["amount"]) for row in rows]


def test_churn_defaults_walk_the_four_steps():
    at = open_page("part-1", section="churn-cost")
    assert not at.exception
    # 1,000 x 10% = 100 lost; 20,000 x 5 years = 100,000 each; 100 x 100,000 = 10,000,000
    assert metrics(at) == {
        "每年流失客户数": "100",
        "每位客户 5 年内带来的利润": "¥100,000",
        "一年流失的客户 5 年内带走的利润": "¥10,000,000",  # not a loss per year
    }
    # the chart's last bar is that figure, and the note under the chart says so
    assert churn_bars(at)[-1] == ("5年", 10_000_000)
    assert any("到第 5 年末累计 ¥10,000,000" in c.value for c in at.caption)
    # target 5%: 50 saved x 100,000 = 5,000,000 > 3,000,000 spent -> worth it, net +2,000,000
    assert at.success[0].value.startswith("值得花这笔钱：降低流失率能保住 ¥5,000,000 利润")
    assert "每年少流失的 50 位客户 5 年内带来的利润" in at.success[0].value
    assert "净收益 +¥2,000,000" in at.success[0].value
    # Reichheld & Sasser on these numbers: 5 points less churn keeps 25.0% of a year's profit
    assert "相当于全部客户一年利润的 25.0%" in said(at.info, "赖克海德和萨瑟：流失率降低 5%")


def test_churn_counts_whole_customers_and_says_when_a_count_is_rounded():
    at = open_page("part-1", section="churn-cost")
    at.number_input(key=f"{CH}.customers").set_value(0.5).run()
    assert not at.exception
    assert errors(at) == ["客户数要填整数。"]
    assert not at.metric  # no "0 customers" from half a customer
    at.number_input(key=f"{CH}.customers").set_value(3).run()
    # 3 x 10% = 0.3 a year; 3 x (10% - 5%) = 0.15 saved: shown, never rounded to 0
    assert metrics(at)["每年流失客户数"] == "0.3"
    five = said(at.info, "赖克海德和萨瑟")
    assert "每年少流失 0.15 位客户，保住他们 5 年内带来的 ¥15,000 利润" in five
    at.number_input(key=f"{CH}.churn_rate").set_value(100 / 7).run()
    assert metrics(at)["每年流失客户数"] == "≈0.43"  # 3 / 7 = 0.428…: rounded, and says so


def test_churn_headline_names_its_horizon_and_discounting():
    at = open_page("part-1", section="churn-cost")
    at.number_input(key=f"{CH}.years").set_value(2.5).run()
    at.number_input(key=f"{CH}.discount_rate").set_value(10).run()
    labels = list(metrics(at))
    assert labels[1] == "每位客户 2.5 年内的利润（折现率 10.0%）"
    assert labels[2] == "一年流失的客户 2.5 年内带走的利润"
    assert [year for year, _amount in churn_bars(at)] == ["1年", "2年", "2.5年"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("churn_rate", 120, "不能大于 100%。"),
        ("customers", -1, "不能小于 0。"),
        ("years", 0, "必须大于 0。"),
        ("target_churn_rate", 20, "目标流失率不能高于当前流失率。"),
        ("annual_profit_per_customer", None, "请输入一个数字。"),
        ("customers", None, "请输入一个数字。"),
        ("customers", 12.5, "客户数要填整数。"),
    ],
)
def test_churn_refuses_bad_values_with_a_message(field, value, message):
    at = open_page("part-1", section="churn-cost")
    at.number_input(key=f"{CH}.{field}").set_value(value).run()
    assert not at.exception
    assert errors(at) == [message]
    assert not at.metric


def test_churn_verdict_turns_when_retention_costs_more_than_it_saves():
    at = open_page("part-1", section="churn-cost")
    at.number_input(key=f"{CH}.retention_cost").set_value(6_000_000).run()
    assert at.warning[0].value.startswith("这笔费用（¥6,000,000）不低于能保住的利润（¥5,000,000）")
    at.number_input(key=f"{CH}.retention_cost").set_value(None).run()
    said(at.info, "达到目标流失率能保住 ¥5,000,000 利润")


# ---- KPI scorecard (2.4) ----------------------------------------------------------------------
KPI_ROWS = "tool.kpi-scorecard.rows"


def test_kpi_scorecard_weights_the_default_indicators():
    at = open_page("part-2", section="indicators")
    assert not at.exception
    # 30x(10.5/12) + 30x(92/90) + 10x(10/8) + 20x(95/98) + 10x(30/40) = 96.305 of 100
    assert metrics(at)["加权达成率"] == "96.3%"
    assert metrics(at)["财务"] == "87.5%"
    assert at.get("download_button")


def test_kpi_rows_that_cannot_score_are_named():
    at = open_page("part-2", section="indicators")
    at.number_input(key=f"{KPI_ROWS}.0.target").set_value(0)
    at.selectbox(key=f"{KPI_ROWS}.1.indicator").set_value(None).run()
    assert not at.exception
    assert errors(at) == ["必须大于 0。", "请先选择一个指标。"]  # each beneath its field
    # the three rows left: (10×10/8 + 20×95/98 + 10×30/40) / 40
    assert metrics(at)["加权达成率"] == "98.5%"


# ---- SMART checker (2.6) ----------------------------------------------------------------------
GOAL = "tool.smart-checker.goal"


def smart_advice(at) -> list[str]:
    """The SMART checker's advice, one 'letter — message' per letter that may be missing."""
    return [i.value for i in at.info if i.icon == ":material/lightbulb:"]


def test_smart_checker_gives_advice_and_offers_a_rewrite_only_when_sure():
    at = open_page("part-2", section="smart")
    assert at.text_area(key=GOAL).value == "今年要把客户服务做得更好"
    assert [a.split(" — ")[0] for a in smart_advice(at)] == [
        "**S 具体明确的**", "**M 能够衡量的**", "**A 可以达成的**", "**R 相互关联的**",
    ]  # fmt: skip
    assert smart_advice(at)[0].startswith("**S 具体明确的** — 可能不够具体：“更好”")
    assert not at.code  # no action, no target: advice only
    assert "还不能整理出完整的目标" in " ".join(c.value for c in at.caption)
    at.button(key=f"{GOAL}.strong").click().run()
    assert len([s for s in at.success if s.icon == ":material/check_circle:"]) == 5
    assert not smart_advice(at)
    assert (
        at.code[0].value == "本季度末之前，将重点客户的客户抱怨回复时间从48小时缩短到24小时以内。"
    )
    at.text_area(key=GOAL).set_value("本季度新增5家大客户").run()
    assert [a.split(" — ")[0] for a in smart_advice(at)] == ["**A 可以达成的**"]
    assert at.code[0].value == "本季度，新增5家大客户（基线：【去年同期的数字】）。"


def test_smart_checker_handles_empty_and_hostile_text():
    at = open_page("part-2", section="smart")
    at.text_area(key=GOAL).set_value("   ").run()
    assert at.info[0].value == "写下一个目标，就能看到逐项检查的结果。"
    at.text_area(key=GOAL).set_value("<script>alert(1)</script> 6月30日前**完成**").run()
    assert not at.exception
    assert "6月30日前" in " ".join(s.value for s in at.success)
    at.text_area(key=GOAL).set_value("6月30日前把<b>A*客户*</b>的满意度提高到90%").run()
    shown = " ".join(s.value for s in at.success)
    assert "“\\<b\\>A\\*客户\\*\\</b\\>的满意度”" in shown  # as typed, never as HTML
    assert "<b>" not in shown
    assert at.code[0].value == "6月30日前，将<b>A*客户*</b>的满意度从【目前水平】提高到90%。"


# ---- 5W1H planner (3.2) -----------------------------------------------------------------------
PLAN_ROWS = "tool.action-planner.rows"


def test_action_planner_shows_progress_and_row_problems():
    at = open_page("part-3", section="essence")
    assert not at.exception
    assert metrics(at)["完成率"] == "33%"  # 1 of the 3 example actions is done
    at.text_input(key=f"{PLAN_ROWS}.0.what").set_value("  ")
    at.text_input(key=f"{PLAN_ROWS}.2.who").set_value("").run()
    assert not at.exception
    assert errors(at) == ["请写下要做什么（What）；没写之前，这项行动不计入进度。"]
    assert metrics(at)["完成率"] == "50%"
    assert metrics(at)["5W1H 未写全"] == "1"


# ---- black holes (3.3) ------------------------------------------------------------------------
def test_black_hole_diagnosis_names_the_worst_hole():
    at = open_page("part-3", section="why-execution")
    holes = [g for g in at.button_group if str(g.key).startswith("tool.black-holes.")]
    assert len(holes) == 9
    for group in holes:
        group.set_value(5 if ".unexecuted." in group.key else 2)
    at.run()
    assert not at.exception
    assert at.warning[0].value.startswith("最需要注意的是“决而不行”——光说不练")
    assert charts(at) == 2  # the 30/50/20 chart and the diagnosis


# ---- questioning practice (4.4) ---------------------------------------------------------------
QP = "tool.questioning-practice"


def ask(at, technique: str, question: str):
    at.button_group(key=f"{QP}.technique").set_value(technique)
    at.text_input(key=f"{QP}.question").set_value(question)
    at.button(key=f"FormSubmitter:{QP}.form-检查我的问题").click()
    return at.run()


def test_questioning_practice_gives_feedback_and_a_model_question():
    at = open_page("part-4", section="questioning")
    assert not at.exception
    ask(at, "hypothetical", "如果交期提前一周，对您的排产会有什么帮助？")
    assert at.success[0].value == "很好：这是一个假设式发问。"
    assert at.main.markdown[-1].value.startswith("**假设式发问示范问题：**")
    ask(at, "closed", "您能谈谈目前遇到的主要困难有哪些？")
    assert at.warning[0].value.startswith("你选择了封闭式发问，但这个问题更像")
    ask(at, "open", "好")
    assert at.warning[0].value == "问题太短了，请写一个完整的问题。"
