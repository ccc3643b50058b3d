"""Chart specs: valid Vega-Lite, data filled into the named datasets, templates built once."""

from __future__ import annotations

import altair as alt
import pytest

from courseware.content import charts

LABELS = {
    "product_value": "产品价值",
    "service_value": "服务价值",
    "monetary_cost": "货币价格",
    "delivered": "客户价值",
}
OFFERS = {"ours": "我方方案", "theirs": "竞争对手方案"}


def valid(spec: dict) -> dict:
    alt.LayerChart.from_dict(spec) if "layer" in spec else alt.Chart.from_dict(spec)
    return spec


def test_customer_value_costs_go_below_zero():
    spec = valid(
        charts.customer_value_spec(
            {"ours": {"product_value": 100, "service_value": 30, "monetary_cost": 80}},
            LABELS,
            OFFERS,
        )
    )
    bars = spec["datasets"]["bars"]
    assert [(b["component"], b["amount"]) for b in bars] == [
        ("产品价值", 100),
        ("服务价值", 30),
        ("货币价格", -80),
    ]


def test_templates_are_built_once_and_never_changed_by_filling():
    first = charts.cumulative_loss_spec([(1, 10.0)], year_label="年", amount_label="元")
    second = charts.cumulative_loss_spec([(1, 20.0), (2, 40.0)], year_label="年", amount_label="元")
    assert charts._cumulative_loss_template.cache_info().hits >= 1
    assert first["datasets"]["rows"] == [{"year": "1", "amount": 10.0}]
    assert [r["year"] for r in valid(second)["datasets"]["rows"]] == ["1", "2"]
    assert "datasets" not in charts._cumulative_loss_template("年", "元")


@pytest.mark.parametrize(
    "spec",
    [
        charts.achievement_spec(
            [("客户 · 客户满意度", "客户", 1.02)], ["财务", "客户"], label="达成率"
        ),
        charts.plan_progress_spec(
            [("P 计划", "待办", 2)], ["待办", "进行中", "已完成"], count_label="行动数"
        ),
        charts.score_bars_spec([("议而不决", 75.0)], title="黑洞程度"),
        charts.vega_lite_spec("success-factors"),
    ],
    ids=["achievement", "plan", "black-holes", "success-factors"],
)
def test_every_chart_is_valid_vega_lite(spec):
    valid(spec)
