"""Chart specs: valid Vega-Lite, data filled into the named datasets, templates built once, and
every mark labelled in full: wrapped category labels, no label limit or overlap removal, legends
that fit their width, axes that end on a tick, money in 万 and 亿."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import altair as alt
import pytest
from hypothesis import given
from hypothesis import strategies as st

from courseware.content import charts
from courseware.format import yuan_short, yuan_short_expression
from courseware.i18n import use_language

LABELS = {
    "product_value": "产品价值",
    "service_value": "服务价值",
    "monetary_cost": "货币价格",
    "delivered": "客户价值",
}
OFFERS = {"ours": "我方方案", "theirs": "竞争对手方案"}
PERSPECTIVES = ["财务", "客户", "供应链流程", "学习和成长"]


def valid(spec: dict) -> dict:
    alt.LayerChart.from_dict(spec) if "layer" in spec else alt.Chart.from_dict(spec)
    return spec


def pick(expr: str, width: float) -> Any:
    """What one of our ``width >= N ? A : …`` expressions gives at a plot ``width``."""
    while match := re.match(r"width >= ([\d.]+) \? (\[[^\]]*\]|\d+) : (.*)", expr):
        if width >= float(match[1]):
            return json.loads(match[2])
        expr = match[3]
    return json.loads(expr)


def customer_value(components: dict[str, dict[str, float]]) -> dict:
    return valid(charts.customer_value_spec(components, LABELS, OFFERS))


def kpi(achievements: list[float]) -> dict:
    bars = [(f"客户 · 指标{n}", "客户", a) for n, a in enumerate(achievements)]
    return valid(charts.achievement_spec(bars, PERSPECTIVES, label="达成率"))


def every_chart() -> dict[str, dict]:
    return {
        "customer-value": customer_value(
            {"ours": {"product_value": 800_000, "monetary_cost": 700_000}}
        ),
        "churn": charts.cumulative_loss_spec(
            [(1, 2e6), (2, 4e6)], year_label="流失后的年数", amount_label="累计"
        ),
        "achievement": kpi([0.875, 1.25]),
        "plan": charts.plan_progress_spec(
            [("P 计划", "待办", 2)], ["待办", "进行中", "已完成"], count_label="行动数"
        ),
        "black-holes": charts.score_bars_spec([("议而不决（口号管理）", 75.0)], title="黑洞程度"),
        "mastery": charts.mastery_spec([("PDCA 与目标管理循环", 0.5)], title="掌握程度"),
        "history": charts.history_spec([("2026-03-02T09:30:00+00:00", 0.5, "t")], title="得分"),
        "distribution": charts.distribution_spec([("A. 由质检部门检验", 50.0)], title="占比"),
        "success-factors": charts.vega_lite_spec("success-factors"),
    }


def guides(spec: Any) -> Iterator[tuple[str, str, dict]]:
    """Every axis and legend of a spec: ("axis" or "legend", the field's type, its options)."""
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in ("x", "y", "color") and isinstance(value, dict):
                for guide in ("axis", "legend"):
                    if isinstance(value.get(guide), dict):
                        yield guide, value.get("type", ""), value[guide]
            yield from guides(value)
    elif isinstance(spec, list):
        for value in spec:
            yield from guides(value)


# ---- data and templates -----------------------------------------------------------------------
def test_customer_value_costs_go_below_zero():
    spec = customer_value(
        {"ours": {"product_value": 100, "service_value": 30, "monetary_cost": 80}}
    )
    bars = spec["datasets"]["bars"]
    assert [(b["component"], b["amount"], b["shown"]) for b in bars] == [
        ("产品价值", 100, "¥100"),
        ("服务价值", 30, "¥30"),
        ("货币价格", -80, "−¥80"),
    ]


def test_templates_are_built_once_and_never_changed_by_filling():
    first = charts.cumulative_loss_spec([(1, 10.0)], year_label="年", amount_label="元")
    second = charts.cumulative_loss_spec([(1, 20.0), (2, 40.0)], year_label="年", amount_label="元")
    assert charts._cumulative_loss_template.cache_info().hits >= 1
    assert first["datasets"]["rows"] == [{"year": "1", "amount": 10.0, "shown": "¥10"}]
    assert [r["year"] for r in valid(second)["datasets"]["rows"]] == ["1", "2"]
    assert "datasets" not in charts._cumulative_loss_template("年", "元", "zh")
    assert (
        "values" not in charts._cumulative_loss_template("年", "元", "zh")["encoding"]["y"]["axis"]
    )


def test_churn_years_may_be_named():
    spec = charts.cumulative_loss_spec(
        [("1年", 200.0), ("2.5年", 500.0)], year_label="流失后的年数", amount_label="累计"
    )
    assert [r["year"] for r in valid(spec)["datasets"]["rows"]] == ["1年", "2.5年"]


@pytest.mark.parametrize("name", list(every_chart()))
def test_every_chart_is_valid_vega_lite(name):
    valid(every_chart()[name])


# ---- labels -----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(every_chart()))
def test_no_label_is_cut_or_hidden_to_avoid_an_overlap(name):
    for guide, kind, options in guides(every_chart()[name]):
        assert options.get("labelOverlap") in (None, False), options
        assert options.get("labelLimit", 0) == 0, options  # 0: no limit
        if guide == "legend":  # Streamlit's theme cuts legend labels at 160 px
            assert options["labelLimit"] == 0 and options["orient"] == "bottom"
        elif kind == "nominal":  # and axis labels at 100 px
            assert options["labelLimit"] == 0 and options["labelExpr"] == charts.SPLIT_LINES
        else:  # the theme would hide every other tick where they crowd
            assert options["labelOverlap"] is False


@pytest.mark.parametrize(
    ("text", "limit", "lines"),
    [
        ("议而不决（口号管理）", 12, ["议而不决", "（口号管理）"]),
        ("PDCA 与目标管理循环", 14, ["PDCA", "与目标管理循环"]),
        ("供应链流程 · 准时送达数据", 14, ["供应链流程 ·", "准时送达数据"]),
        ("财务 · 销售获利比率", 20, ["财务 · 销售获利比率"]),
        ("竞争对手方案", 12, ["竞争对手方案"]),
        (
            "A. 一个组织对所有的生产过程、产品和服务进行一种广泛有组织的管理，以便不断地改进质量工作",
            24,
            [
                "A. 一个组织对所有的生产",
                "过程、产品和服务进行一种",
                "广泛有组织的管理，",
                "以便不断地改进质量工作",
            ],
        ),
        ("Customer satisfaction index", 12, ["Customer", "satisfaction", "index"]),
        ("", 12, [""]),
    ],
)
def test_long_labels_wrap_where_they_read_best(text, limit, lines):
    assert charts.wrap_label(text, limit) == lines


@given(st.text(alphabet="客户满意度 ·、（）()AB12", max_size=40), st.integers(4, 30))
def test_wrapping_keeps_every_character_and_the_width(text, limit):
    lines = charts.wrap_label(text, limit)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:  # a line is too wide only when it is one word or character and its marks
        assert charts.text_width(line) <= limit or " " not in line.strip()


def test_wrapped_labels_make_room_for_their_lines():
    short = charts.score_bars_spec([("议而不决", 75.0), ("决而不行", 60.0)], title="程度")
    long = charts.score_bars_spec(
        [("议而不决（口号管理，会而不议，议而不决）", 75.0), ("决而不行", 60.0)], title="程度"
    )
    assert short["datasets"]["rows"][0]["name"] == "议而不决"
    assert long["datasets"]["rows"][0]["name"].count("\n") >= 2
    assert long["datasets"]["rows"][0]["full"] == "议而不决（口号管理，会而不议，议而不决）"
    assert long["height"] > short["height"]


@pytest.mark.parametrize(("width", "columns"), [(150, 1), (300, 2), (900, 4)])
def test_legends_go_below_in_as_many_columns_as_fit(width, columns):
    legend = kpi([1.0])["layer"][0]["encoding"]["color"]["legend"]
    assert legend["orient"] == "bottom"
    assert pick(legend["columns"]["expr"], width) == columns


# ---- axes -------------------------------------------------------------------------------------
@contextmanager
def language(lang: str) -> Iterator[None]:
    use_language(lang)
    try:
        yield
    finally:
        use_language("zh")


def without_data(spec: dict) -> dict:
    return {key: value for key, value in spec.items() if key != "datasets"}


amounts = st.floats(min_value=1, max_value=5e9, allow_nan=False)


@given(
    first=st.lists(amounts, min_size=3, max_size=3),
    second=st.lists(amounts, min_size=3, max_size=3),
)
def test_a_tools_spec_does_not_change_with_its_figures(first, second):
    """Only the data change, so the browser updates the chart in place instead of anew."""

    def offers(values):
        product, service, price = values
        return {"ours": {"product_value": product, "service_value": service,
                         "monetary_cost": price}, "theirs": {"product_value": price}}  # fmt: skip

    def churn(values):
        return charts.cumulative_loss_spec(
            [(n, v) for n, v in enumerate(values, 1)], year_label="年", amount_label="累计"
        )

    def plan(values):
        stages = [("P 计划", "待办", round(v) % 7 + 1) for v in values]
        return charts.plan_progress_spec(stages, ["待办", "已完成"], count_label="行动数")

    for draw in (lambda v: customer_value(offers(v)), churn, plan):
        one, other = draw(first), draw(second)
        assert without_data(one) == without_data(other)


def test_money_axes_label_vegas_own_round_ticks_in_the_languages_units():
    y = customer_value({"ours": {"product_value": 800_000, "monetary_cost": 700_000}})
    churn = charts.cumulative_loss_spec([(1, 2e6)], year_label="年", amount_label="累计")
    for axis in (y["encoding"]["y"], churn["encoding"]["y"]):
        assert axis["scale"] == {"nice": charts.MONEY_TICKS, "zero": True}  # ends on a tick
        assert axis["axis"]["tickCount"] == charts.MONEY_TICKS
        assert axis["axis"]["labelExpr"] == yuan_short_expression(lang="zh")
        assert "values" not in axis["axis"]
    with language("en"):
        english = charts.cumulative_loss_spec([(1, 2e6)], year_label="Y", amount_label="Lost")
    assert english["encoding"]["y"]["axis"]["labelExpr"] == yuan_short_expression(lang="en")


def test_the_money_expression_names_each_unit_from_where_yuan_short_does():
    chinese = yuan_short_expression(lang="zh")
    for threshold, unit in (("10000", "万"), ("1e+08", "亿"), ("1e+12", "万亿")):
        assert f"abs(datum.value) >= {threshold} ? '¥' + format(abs(datum.value) / " in chinese
        assert f"'{unit}'" in chinese
    assert yuan_short(5_000) == "¥5,000"  # below ¥1万 written out, in Python and in the chart:
    assert "' : ('¥' + format(abs(datum.value), ',.2~f'))" in chinese
    english = yuan_short_expression(lang="en")
    assert (
        "abs(datum.value) >= 10000 ? '¥' + format(abs(datum.value) / 1000, ',.2~f') + 'K'"
        in english
    )
    assert english.startswith("(datum.value < 0 ? '−' : '')")


def test_a_chart_of_nothing_but_zeros_still_has_an_axis_from_0_to_1():
    empty = charts.cumulative_loss_spec([(1, 0.0), (2, 0.0)], year_label="年", amount_label="累计")
    assert empty["encoding"]["y"]["scale"]["domain"] == [0, 1]
    full = charts.cumulative_loss_spec([(1, 5.0)], year_label="年", amount_label="累计")
    assert "domain" not in full["encoding"]["y"]["scale"]


@pytest.mark.parametrize(("achievements", "top"), [([0.5, 0.9], 1.0), ([0.875, 1.25], 1.5)])
def test_the_kpi_axis_ends_on_a_labelled_tick_at_every_width(achievements, top):
    x = kpi(achievements)["layer"][0]["encoding"]["x"]
    assert x["scale"]["domain"] == [0, top]
    for width in (120, 260, 1000):
        ticks = pick(x["axis"]["values"]["expr"], width)
        assert ticks[0] == 0 and ticks[-1] == top
        assert len(ticks) * 40 <= max(width, 160)  # no more labels than the width holds


@pytest.mark.parametrize(
    ("spec", "top"),
    [
        (charts.score_bars_spec([("议而不决", 75.0)], title="程度"), 100),
        (charts.mastery_spec([("PDCA", 0.5)], title="掌握程度"), 1),
        (charts.distribution_spec([("A", 50.0)], title="占比"), 100),
    ],
    ids=["black-holes", "mastery", "distribution"],
)
def test_fixed_scales_label_both_ends(spec, top):
    x = spec["layer"][0]["encoding"]["x"] if "layer" in spec else spec["encoding"]["x"]
    assert x["scale"]["domain"] == [0, top]
    for width in (100, 300, 1200):
        ticks = pick(x["axis"]["values"]["expr"], width)
        assert (ticks[0], ticks[-1]) == (0, top)


def test_plan_counts_are_whole_and_reach_the_tallest_stage():
    spec = charts.plan_progress_spec(
        [("P 计划", "待办", 2), ("P 计划", "已完成", 3), ("D 执行", "进行中", 1)],
        ["待办", "进行中", "已完成"],
        count_label="行动数",
    )
    y = spec["encoding"]["y"]
    assert y["axis"]["format"] == "d" and y["axis"]["tickMinStep"] == 1  # no tick at 0.5
    assert y["scale"] == {"nice": charts.COUNT_TICKS, "zero": True}  # up to a tick above 5


# ---- spaced review ----------------------------------------------------------------------------
def _days(count: int, start: str = "2026-03-01") -> list[date]:
    first = date.fromisoformat(start)
    return [first + timedelta(days=n) for n in range(count)]


def review_charts() -> dict[str, dict]:
    days = _days(14)
    return {
        "forecast": charts.review_forecast_spec(
            [(d, n % 4) for n, d in enumerate(days)], title="到期题数", count_label="题数"
        ),
        "recall": charts.recall_spec(
            [("第一部分", 0.82, 5), ("第二部分", 0.4, 2)], title="记得的比例", count_label="题数"
        ),
        "history": charts.review_history_spec(
            [(d, r, (n + r) % 3) for n, d in enumerate(days[:10]) for r in (1, 2, 3, 4)],
            ["忘记", "困难", "良好", "简单"],
            title="每天的复习",
            count_label="复习次数",
        ),
    }


@pytest.mark.parametrize("name", list(review_charts()))
def test_review_charts_are_valid_and_label_everything(name):
    spec = valid(review_charts()[name])
    for guide, kind, options in guides(spec):
        assert options.get("labelLimit", 0) == 0, options
        assert options.get("labelOverlap") in (None, False), options
        if guide == "legend":
            assert options["orient"] == "bottom"
        elif kind == "nominal":
            assert options["labelExpr"] == charts.SPLIT_LINES


def test_days_read_as_the_language_writes_them():
    assert charts.day_label(date(2026, 3, 2)) == "3月2日"
    assert charts.date_text(date(2026, 3, 2)) == "2026年3月2日"
    with language("en"):
        assert charts.day_label(date(2026, 3, 2)) == "Mar 2"
        assert charts.date_text(date(2026, 3, 2)) == "Mar 2, 2026"


@pytest.mark.parametrize("count", [1, 2, 7, 14, 30])
def test_a_day_axis_names_the_first_and_last_day_at_every_width(count):
    labels = [charts.day_label(d) for d in _days(count)]
    spec = charts.review_forecast_spec([(d, 1) for d in _days(count)], title="t", count_label="c")
    expr = spec["encoding"]["x"]["axis"]["values"]["expr"]
    assert spec["datasets"]["rows"][0]["day"] == labels[0]
    for width in (120, 300, 600, 1200):
        shown = pick(expr, width)
        assert shown[0] == labels[0] and shown[-1] == labels[-1]
        positions = [labels.index(label) for label in shown]
        assert positions == sorted(positions)
        if len(shown) > 2:  # labels that stand side by side: at least ~60 px apart
            gaps = [b - a for a, b in itertools.pairwise(positions)]
            assert min(gaps) * width / count >= 60


def test_the_forecast_counts_are_whole_and_reach_the_busiest_day():
    spec = charts.review_forecast_spec(
        [(d, n) for n, d in enumerate(_days(14))], title="t", count_label="c"
    )
    y = spec["encoding"]["y"]
    assert y["axis"]["format"] == "d" and y["axis"]["tickMinStep"] == 1
    assert y["scale"] == {"nice": charts.COUNT_TICKS, "zero": True}
    empty = charts.review_forecast_spec([(d, 0) for d in _days(14)], title="t", count_label="c")
    assert empty["encoding"]["y"]["scale"]["domain"] == [0, 1]


def test_recall_runs_from_0_to_100_percent_with_both_ends_labelled():
    x = charts.recall_spec([("第一部分", 0.5, 3)], title="记得", count_label="题")["encoding"]["x"]
    assert x["scale"]["domain"] == [0, 1]
    for width in (100, 300, 1200):
        ticks = pick(x["axis"]["values"]["expr"], width)
        assert (ticks[0], ticks[-1]) == (0, 1)


def test_review_history_stacks_ratings_and_keeps_days_without_reviews():
    days = _days(7)
    counts = [
        (d, r, 2 if (n, r) == (3, 3) else 0) for n, d in enumerate(days) for r in (1, 2, 3, 4)
    ]
    counts[0] = (days[0], 1, 1)
    spec = charts.review_history_spec(counts, ["A", "H", "G", "E"], title="t", count_label="c")
    assert [(r["rating"], r["count"]) for r in spec["datasets"]["rows"]] == [("A", 1), ("G", 2)]
    assert spec["encoding"]["x"]["scale"]["domain"] == [charts.day_label(d) for d in days]
    assert spec["encoding"]["y"]["scale"] == {"nice": charts.COUNT_TICKS, "zero": True}
    assert spec["encoding"]["color"]["legend"]["orient"] == "bottom"
