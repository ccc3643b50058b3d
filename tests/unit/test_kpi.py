"""The KPI scorecard: worked examples, the cap, invalid rows, CSV and a property."""

from __future__ import annotations

import csv
import io
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from calculators.indicators import PERSPECTIVE_IDS
from calculators.kpi import CSV_HEADER, KpiRow, score, to_csv


def kpi(**fields: object) -> KpiRow:
    base = dict(perspective="customer", indicator="客户满意度", weight=50, target=100, actual=100)
    return KpiRow(**{**base, **fields})


def test_worked_example_two_rows():
    card = score(
        [
            kpi(perspective="financial", indicator="收入", weight=60, target=100, actual=90),
            kpi(perspective="customer", indicator="客户满意度", weight=40, target=80, actual=96),
        ]
    )
    assert [r.achievement for r in card.rows] == pytest.approx([0.9, 1.2])
    assert card.total_weight == 100
    assert card.weighted_achievement == pytest.approx(1.02)  # 0.6 × 0.9 + 0.4 × 1.2
    assert [r.weighted for r in card.rows] == pytest.approx([0.54, 0.48])
    assert card.by_perspective == pytest.approx({"financial": 0.9, "customer": 1.2})


def test_weighted_parts_add_up_to_the_total():
    card = score([kpi(weight=3, actual=70), kpi(weight=1, actual=130), kpi(weight=6, actual=100)])
    assert math.fsum(r.weighted for r in card.rows) == pytest.approx(card.weighted_achievement)
    assert card.weighted_achievement == pytest.approx(0.3 * 0.7 + 0.1 * 1.3 + 0.6 * 1.0)


def test_by_perspective_weights_within_each_perspective_in_lesson_order():
    card = score(
        [
            kpi(perspective="learning", weight=10, actual=50),
            kpi(perspective="customer", weight=30, actual=80),
            kpi(perspective="customer", weight=10, actual=120),
        ]
    )
    assert list(card.by_perspective) == ["customer", "learning"]
    assert card.by_perspective["customer"] == pytest.approx(0.75 * 0.8 + 0.25 * 1.2)  # 0.9
    assert card.by_perspective["learning"] == pytest.approx(0.5)


def test_lower_is_better():
    # return rate: target 2%, actual 2.5% → 2 / 2.5 = 0.8; actual 1% → 2.0, capped at 1.5
    card = score(
        [
            kpi(indicator="退货率", target=2, actual=2.5, higher_is_better=False),
            kpi(indicator="退货率", target=2, actual=1, higher_is_better=False),
        ]
    )
    assert [r.achievement for r in card.rows] == pytest.approx([0.8, 1.5])


def test_achievement_is_capped():
    card = score([kpi(target=100, actual=300)])
    assert card.rows[0].achievement == 1.5
    assert score([kpi(target=100, actual=300)], cap=2).rows[0].achievement == 2
    assert score([kpi(target=100, actual=300)], cap=1).rows[0].achievement == 1


def test_zero_actual_when_lower_is_better_earns_the_cap():
    card = score([kpi(indicator="客户抱怨", target=5, actual=0, higher_is_better=False)], cap=1.2)
    assert card.rows[0].achievement == 1.2


def test_zero_actual_when_higher_is_better_is_zero():
    assert score([kpi(actual=0)]).rows[0].achievement == 0


def test_extreme_ratios_stay_finite():
    huge = score([kpi(target=1e-300, actual=1e300), kpi(target=1e300, actual=1e-300)])
    assert [r.achievement for r in huge.rows] == [1.5, 0]
    lower = score([kpi(target=1e300, actual=1e-300, higher_is_better=False)])
    assert lower.rows[0].achievement == 1.5


def test_zero_total_weight_has_no_weighted_achievement():
    card = score([kpi(weight=0, actual=90), kpi(perspective="process", weight=0)])
    assert card.total_weight == 0
    assert card.weighted_achievement is None
    assert card.by_perspective == {"customer": None, "process": None}
    assert [r.weighted for r in card.rows] == [0, 0]


def test_a_perspective_with_zero_weight_is_none_and_the_rest_still_counts():
    card = score([kpi(weight=0), kpi(perspective="financial", weight=10, actual=80)])
    assert card.by_perspective == {"financial": pytest.approx(0.8), "customer": None}
    assert card.weighted_achievement == pytest.approx(0.8)


def test_no_rows():
    card = score([])
    assert (card.rows, card.total_weight, card.weighted_achievement) == ((), 0, None)
    assert card.by_perspective == {}


@pytest.mark.parametrize("cap", [0, -1, math.inf, math.nan])
def test_cap_must_be_positive_and_finite(cap: float):
    with pytest.raises(ValueError, match="cap"):
        score([kpi()], cap=cap)


@pytest.mark.parametrize(
    "changes",
    [
        {"target": 0},
        {"target": -5},
        {"weight": -1},
        {"weight": 1000.5},
        {"actual": -0.1},
        {"actual": math.nan},
        {"target": math.nan},
        {"weight": math.nan},
        {"actual": math.inf},
        {"target": math.inf},
        {"indicator": ""},
        {"indicator": "   "},
        {"indicator": "指" * 61},
        {"perspective": "sales"},
        {"owner": "张三"},
    ],
)
def test_invalid_rows_are_refused(changes: dict[str, object]):
    with pytest.raises(ValidationError):
        kpi(**changes)


def test_rows_are_frozen():
    with pytest.raises(ValidationError):
        kpi().weight = 10  # type: ignore[misc]


def test_indicator_is_stripped_and_may_be_60_characters():
    assert kpi(indicator="  客户满意度 ").indicator == "客户满意度"
    assert len(kpi(indicator="指" * 60).indicator) == 60


def test_csv_round_trip():
    rows = [
        kpi(
            perspective="financial", indicator="收入/总资产, 毛利", weight=60, target=100, actual=90
        ),
        kpi(indicator='客户"抱怨"', weight=40, target=2, actual=2.5, higher_is_better=False),
    ]
    card = score(rows)
    table = list(csv.reader(io.StringIO(to_csv(card))))
    assert tuple(table[0]) == CSV_HEADER
    assert len(table) == 1 + len(rows) + 1
    for line, result in zip(table[1:-1], card.rows, strict=True):
        row = result.row
        assert line[:2] == [row.perspective, row.indicator]
        assert [float(x) for x in line[2:5]] == [row.weight, row.target, row.actual]
        assert line[5] == ("true" if row.higher_is_better else "false")
        assert float(line[6]) == round(result.achievement, 4)
        assert float(line[7]) == round(result.weighted, 4)
    assert table[1][:3] == ["financial", "收入/总资产, 毛利", "60"]
    assert table[-1] == ["total", "", "100", "", "", "", "0.86", "0.86"]  # 0.6·0.9 + 0.4·0.8


def test_csv_rounds_to_four_places():
    card = score([kpi(target=3, actual=2)])  # 0.6666…
    assert to_csv(card).splitlines()[1].split(",")[6] == "0.6667"


def test_csv_total_is_empty_without_weight():
    last = to_csv(score([kpi(weight=0)])).splitlines()[-1]
    assert last == "total,,0,,,,,"


def test_csv_defuses_spreadsheet_formulas():
    table = list(csv.reader(io.StringIO(to_csv(score([kpi(indicator="=1+1")])))))
    assert table[1][1] == "'=1+1"


@pytest.mark.parametrize("indicator", ["+1", "-1+2", "@SUM(A1)", '=HYPERLINK("x")'])
def test_csv_defuses_every_formula_start_but_leaves_the_numbers(indicator):
    line = to_csv(score([kpi(indicator=indicator, weight=60, target=100, actual=90)]))
    cells = list(csv.reader(io.StringIO(line)))[1]
    assert cells[1] == f"'{indicator}"
    assert cells[2:5] == ["60", "100", "90"]


kpi_rows = st.builds(
    KpiRow,
    perspective=st.sampled_from(PERSPECTIVE_IDS),
    indicator=st.just("指标"),
    weight=st.floats(min_value=0, max_value=1000),
    target=st.floats(min_value=0, exclude_min=True, allow_infinity=False),
    actual=st.floats(min_value=0, allow_infinity=False),
    higher_is_better=st.booleans(),
)


@given(st.lists(kpi_rows, min_size=1, max_size=8))
def test_weighted_achievement_lies_between_the_row_achievements(rows: list[KpiRow]):
    card = score(rows)
    achievements = [r.achievement for r in card.rows]
    assert all(0 <= a <= 1.5 and math.isfinite(a) for a in achievements)
    if card.weighted_achievement is None:
        assert card.total_weight == 0
    else:
        assert min(achievements) <= card.weighted_achievement <= max(achievements)
    for value in card.by_perspective.values():
        assert value is None or min(achievements) <= value <= max(achievements)
