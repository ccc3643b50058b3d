"""The churn calculator: worked examples, invalid input and properties."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from calculators.churn import (
    ChurnInput,
    annuity_factor,
    compute,
    cumulative_profit_lost,
    five_point_view,
)

# 1,000 customers, 10% churn a year, ¥2,000 profit per customer a year, 5 normal years of buying
BASE = dict(customers=1000, churn_rate=0.1, annual_profit_per_customer=2000, years=5)


def churn(**changes: object) -> ChurnInput:
    return ChurnInput(**{**BASE, **changes})


def test_worked_example_undiscounted() -> None:
    result = compute(churn())
    assert result.customers_lost == pytest.approx(100)  # 1,000 × 10%
    assert result.lifetime_profit_per_customer == pytest.approx(10_000)  # ¥2,000 × 5 years
    assert result.profit_lost == pytest.approx(1_000_000)  # 100 × ¥10,000
    assert result.customers_saved is None
    assert result.profit_saved is None
    assert result.net_benefit is None
    assert result.worth_spending is None


def test_worked_example_discounted() -> None:
    result = compute(churn(discount_rate=0.1))
    # annuity factor (1 − 1.1^−5) / 0.1 = (1 − 1 / 1.61051) / 0.1 = 3.790787
    assert annuity_factor(5, 0.1) == pytest.approx(3.790787, abs=1e-6)
    assert result.lifetime_profit_per_customer == pytest.approx(7581.57, abs=0.01)  # 2,000 × 3.79
    assert result.profit_lost == pytest.approx(758_157.35, abs=1)  # 100 × 7,581.57


def test_target_rate_saves_customers_and_profit() -> None:
    result = compute(churn(target_churn_rate=0.05))
    assert result.customers_saved == pytest.approx(50)  # 1,000 × (10% − 5%)
    assert result.profit_saved == pytest.approx(500_000)  # 50 × ¥10,000
    assert result.net_benefit is None  # no retention cost given
    assert result.worth_spending is None


def test_retention_cost_below_profit_saved_is_worth_spending() -> None:
    result = compute(churn(target_churn_rate=0.05, retention_cost=300_000))
    assert result.net_benefit == pytest.approx(200_000)  # 500,000 − 300,000
    assert result.worth_spending is True


def test_retention_cost_above_profit_saved_is_not_worth_spending() -> None:
    result = compute(churn(target_churn_rate=0.05, retention_cost=600_000))
    assert result.net_benefit == pytest.approx(-100_000)  # 500,000 − 600,000
    assert result.worth_spending is False


def test_retention_cost_equal_to_profit_saved_is_not_worth_spending() -> None:
    # the course: spend the money only when the cost is *below* the profit lost
    result = compute(churn(churn_rate=0.5, target_churn_rate=0.25, retention_cost=2_500_000))
    assert result.profit_saved == 2_500_000  # 1,000 × (50% − 25%) = 250 saved × ¥10,000
    assert result.net_benefit == 0
    assert result.worth_spending is False


def test_retention_cost_without_target_is_ignored() -> None:
    result = compute(churn(retention_cost=300_000))
    assert result.profit_saved is None
    assert result.net_benefit is None
    assert result.worth_spending is None


def test_target_equal_to_current_rate_saves_nothing() -> None:
    result = compute(churn(target_churn_rate=0.1, retention_cost=1))
    assert result.customers_saved == 0
    assert result.profit_saved == 0
    assert result.worth_spending is False


def test_annuity_factor_basics() -> None:
    assert annuity_factor(5, 0) == 5
    assert annuity_factor(2.5, 0) == 2.5
    assert annuity_factor(1, 0.1) == pytest.approx(1 / 1.1)  # one year: 1 / (1 + d)
    assert annuity_factor(2, 1.0) == pytest.approx(0.75)  # 1/2 + 1/4
    assert annuity_factor(5, 0.1) < annuity_factor(5, 0.05) < 5
    assert annuity_factor(5, 5e-324) == 5  # far below 1e-9: exactly years
    assert annuity_factor(5, 1e-9) == pytest.approx(5, rel=1e-8)  # continuous at the threshold


def test_cumulative_points_for_fractional_years() -> None:
    points = cumulative_profit_lost(churn(years=2.5))
    assert [point.year for point in points] == [1, 2, 2.5]
    # 100 lost × ¥2,000 × 1, 2 and 2.5 years (d = 0)
    assert [point.profit_lost for point in points] == pytest.approx([200_000, 400_000, 500_000])


def test_cumulative_points_end_at_profit_lost() -> None:
    inp = churn(discount_rate=0.1)
    points = cumulative_profit_lost(inp)
    assert [point.year for point in points] == [1, 2, 3, 4, 5]
    assert points[0].profit_lost == pytest.approx(100 * 2000 / 1.1)  # one discounted year
    assert points[-1].profit_lost == compute(inp).profit_lost


def test_cumulative_points_under_one_year() -> None:
    points = cumulative_profit_lost(churn(years=0.5))
    assert [point.year for point in points] == [0.5]
    assert points[0].profit_lost == pytest.approx(100_000)  # 100 × ¥2,000 × 0.5


def test_five_point_view() -> None:
    view = five_point_view(churn())
    assert view.lower_rate == pytest.approx(0.05)  # 10% − 5%
    assert view.customers_saved == pytest.approx(50)  # 1,000 × 5%
    assert view.profit_saved == pytest.approx(500_000)  # 50 × ¥10,000
    assert view.share_of_annual_profit == pytest.approx(0.25)  # 500,000 / (1,000 × ¥2,000)


def test_five_point_view_never_goes_below_zero() -> None:
    view = five_point_view(churn(churn_rate=0.03))
    assert view.lower_rate == 0  # max(3% − 5%, 0)
    assert view.customers_saved == pytest.approx(30)  # 1,000 × 3%
    assert view.profit_saved == pytest.approx(300_000)  # 30 × ¥10,000
    assert view.share_of_annual_profit == pytest.approx(0.15)  # 300,000 / 2,000,000


def test_five_point_view_without_a_profit_base() -> None:
    assert five_point_view(churn(customers=0)).share_of_annual_profit is None
    assert five_point_view(churn(annual_profit_per_customer=0)).share_of_annual_profit is None


def test_target_above_current_rate_names_both() -> None:
    with pytest.raises(ValidationError, match="target_churn_rate"):
        churn(target_churn_rate=0.2)


@pytest.mark.parametrize(
    "changes",
    [
        {"customers": -1},
        {"annual_profit_per_customer": -0.5},
        {"retention_cost": -1},
        {"discount_rate": -0.01},
        {"churn_rate": 1.2},
        {"churn_rate": -0.1},
        {"target_churn_rate": 0.2},  # above the current 10%
        {"target_churn_rate": -0.1},
        {"discount_rate": 1.5},
        {"years": 0},
        {"years": -1},
        {"years": 101},
        {"customers": float("nan")},
        {"churn_rate": float("nan")},
        {"discount_rate": float("nan")},
        {"annual_profit_per_customer": float("inf")},
        {"retention_cost": float("inf")},
        {"years": float("inf")},
        {"customers": float("-inf")},
        {"customers": 1e13},  # above the 1e12 cap
        {"annual_profit_per_customer": 1e13},  # above the 1e12 cap
        {"customers": "abc"},
        {"years": None},
        {"margin": 0.3},  # extra field
    ],
)
def test_invalid_input_is_rejected(changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        churn(**changes)


def test_customers_are_counted_in_whole_numbers() -> None:
    assert churn(customers=1000.0).customers == 1000  # a whole number typed as 1000.0
    with pytest.raises(ValidationError, match="fractional part"):
        churn(customers=0.5)
    with pytest.raises(ValidationError):
        churn(customers=2.25)


def test_customers_lost_is_a_yearly_average_that_may_not_be_whole() -> None:
    result = compute(churn(customers=5, target_churn_rate=0.05))
    assert result.customers_lost == pytest.approx(0.5)  # 5 × 10%: one customer every two years
    assert result.customers_saved == pytest.approx(0.25)  # 5 × (10% − 5%)
    assert result.profit_saved == pytest.approx(2_500)  # 0.25 × ¥10,000, nothing rounded away


def test_profit_lost_is_one_years_lost_customers_over_the_whole_horizon() -> None:
    inp = churn(years=3)
    points = cumulative_profit_lost(inp)
    # year by year: 100 lost × ¥2,000 = ¥200,000 more each year; the last bar is the headline
    assert [point.profit_lost for point in points] == pytest.approx([200_000, 400_000, 600_000])
    assert compute(inp).profit_lost == pytest.approx(600_000)  # not one year's ¥200,000


def test_models_are_frozen() -> None:
    inp = churn()
    with pytest.raises(ValidationError):
        inp.churn_rate = 0.2  # type: ignore[misc]
    with pytest.raises(ValidationError):
        compute(inp).profit_lost = 0  # type: ignore[misc]


rates = st.floats(min_value=0, max_value=1)
years = st.floats(min_value=1e-6, max_value=100)
valid_inputs = st.builds(
    ChurnInput,
    customers=st.integers(min_value=0, max_value=10**12),
    churn_rate=rates,
    annual_profit_per_customer=st.floats(min_value=0, max_value=1e12),
    years=years,
    discount_rate=rates,
)


@given(valid_inputs, rates, rates)
def test_profit_lost_does_not_fall_as_churn_rises(inp: ChurnInput, a: float, b: float) -> None:
    low, high = sorted((a, b))
    lower = compute(inp.model_copy(update={"churn_rate": low}))
    higher = compute(inp.model_copy(update={"churn_rate": high}))
    assert lower.profit_lost <= higher.profit_lost


@given(years)
def test_annuity_factor_tends_to_years_as_the_rate_vanishes(term: float) -> None:
    # the factor is about years × (1 − (years + 1) × d / 2): within 1e-5 of years at d = 1e-7
    assert abs(annuity_factor(term, 1e-7) - term) <= 1e-5 * term
    assert annuity_factor(term, 0.0) == term


@given(years, rates, rates)
def test_annuity_factor_falls_as_the_rate_grows(term: float, a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert annuity_factor(term, high) <= annuity_factor(term, low) * (1 + 1e-12)
    assert 0 < annuity_factor(term, high) <= term * (1 + 1e-12)


@given(valid_inputs)
def test_cumulative_points_rise_and_end_at_profit_lost(inp: ChurnInput) -> None:
    points = cumulative_profit_lost(inp)
    assert points[-1].year == inp.years
    assert len(points) == math.ceil(inp.years)
    assert all(a.profit_lost <= b.profit_lost for a, b in itertools.pairwise(points))
    assert points[-1].profit_lost == compute(inp).profit_lost


any_number = st.one_of(st.floats(), st.integers(), st.text(max_size=5))
optional_number = st.one_of(st.none(), any_number)


@given(
    st.fixed_dictionaries(
        {
            "customers": any_number,
            "churn_rate": any_number,
            "annual_profit_per_customer": any_number,
            "years": any_number,
        },
        optional={
            "discount_rate": any_number,
            "target_churn_rate": optional_number,
            "retention_cost": optional_number,
        },
    )
)
def test_any_input_gives_a_finite_result_or_a_validation_error(raw: dict[str, object]) -> None:
    try:
        inp = ChurnInput(**raw)
    except ValidationError:
        return
    result = compute(inp)
    view = five_point_view(inp)
    numbers = [
        value
        for value in (
            *result.model_dump().values(),
            *view.model_dump().values(),
            *(point.profit_lost for point in cumulative_profit_lost(inp)),
        )
        if isinstance(value, float)
    ]
    assert all(math.isfinite(number) for number in numbers)
