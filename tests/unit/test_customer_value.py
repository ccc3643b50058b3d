"""The customer value calculator: worked examples, invalid input and properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from calculators.customer_value import (
    COST_FIELDS,
    VALUE_FIELDS,
    CustomerValueInput,
    compare,
    component_contributions,
    compute,
)

FIELDS = (*VALUE_FIELDS, *COST_FIELDS)

# values 100 + 30 + 20 + 10 = 160; costs 80 + 10 + 5 + 5 = 100
OURS = dict(
    product_value=100,
    service_value=30,
    personnel_value=20,
    image_value=10,
    monetary_cost=80,
    time_cost=10,
    energy_cost=5,
    physical_cost=5,
)


def offer(**changes: float) -> CustomerValueInput:
    return CustomerValueInput(**{**OURS, **changes})


def test_field_tuples_list_the_model_fields_in_order() -> None:
    assert tuple(CustomerValueInput.model_fields) == FIELDS
    assert len(VALUE_FIELDS) == len(COST_FIELDS) == 4


def test_worked_example() -> None:
    result = compute(offer())
    assert result.total_value == 160  # 100 + 30 + 20 + 10
    assert result.total_cost == 100  # 80 + 10 + 5 + 5
    assert result.delivered_value == 60  # 160 − 100
    assert result.value_ratio == pytest.approx(1.6)  # 160 / 100


def test_zero_cost_has_no_ratio() -> None:
    result = compute(offer(monetary_cost=0, time_cost=0, energy_cost=0, physical_cost=0))
    assert result.total_cost == 0
    assert result.delivered_value == 160  # 160 − 0
    assert result.value_ratio is None


def test_all_zero_is_valid() -> None:
    result = compute(CustomerValueInput(**dict.fromkeys(FIELDS, 0)))
    assert (result.total_value, result.total_cost, result.delivered_value) == (0, 0, 0)
    assert result.value_ratio is None


def test_ratio_below_one_when_costs_exceed_values() -> None:
    result = compute(offer(monetary_cost=300))  # costs 300 + 10 + 5 + 5 = 320
    assert result.delivered_value == -160  # 160 − 320
    assert result.value_ratio == pytest.approx(0.5)  # 160 / 320


def test_compare_names_the_cost_that_decides() -> None:
    # theirs: same values (160), costs 80 + 40 + 5 + 5 = 130 → delivered 30; ours delivers 60
    theirs = offer(time_cost=40)
    comparison = compare(offer(), theirs)
    assert comparison.difference == 30  # 60 − 30
    assert comparison.winner == "ours"
    assert comparison.main_reason == "time_cost"  # theirs − ours = 40 − 10 = 30
    assert comparison.ours.delivered_value == 60
    assert comparison.theirs.delivered_value == 30


def test_compare_from_the_other_side() -> None:
    comparison = compare(offer(time_cost=40), offer())
    assert comparison.difference == -30  # 30 − 60
    assert comparison.winner == "theirs"
    assert comparison.main_reason == "time_cost"


def test_compare_names_the_value_that_decides() -> None:
    # ours: product 150, service 20 → values 150 + 20 + 20 + 10 = 200, delivered 200 − 100 = 100
    # theirs: the base offer, delivered 60; contributions: product +50, service −10
    comparison = compare(offer(product_value=150, service_value=20), offer())
    assert comparison.difference == 40  # 100 − 60
    assert comparison.winner == "ours"
    assert comparison.main_reason == "product_value"


def test_compare_picks_the_largest_contribution_in_the_winners_favour() -> None:
    # theirs wins on price (monetary 80 − 50 = −30 for us) though we are better on image (+20):
    # ours delivered 60 + 20 = 80 (image 30); theirs delivered 60 + 30 = 90 (monetary 50)
    comparison = compare(offer(image_value=30), offer(monetary_cost=50))
    assert comparison.difference == -10  # 80 − 90
    assert comparison.winner == "theirs"
    assert comparison.main_reason == "monetary_cost"


def test_compare_tie() -> None:
    # different offers with the same delivered value: ours +10 service, theirs −10 monetary cost
    comparison = compare(offer(service_value=40), offer(monetary_cost=70))
    assert comparison.difference == 0  # 70 − 70
    assert comparison.winner == "tie"
    assert comparison.main_reason is None


def test_compare_tiny_difference_is_a_tie() -> None:
    comparison = compare(offer(product_value=100 + 1e-12), offer())
    assert comparison.winner == "tie"
    assert comparison.main_reason is None


def test_models_are_frozen() -> None:
    inp = offer()
    with pytest.raises(ValidationError):
        inp.product_value = 1  # type: ignore[misc]
    with pytest.raises(ValidationError):
        compute(inp).total_value = 1  # type: ignore[misc]


@pytest.mark.parametrize(
    "changes",
    [
        {"product_value": -1},
        {"physical_cost": -0.01},
        {"service_value": float("nan")},
        {"time_cost": float("inf")},
        {"image_value": float("-inf")},
        {"monetary_cost": "abc"},
        {"energy_cost": None},
        {"personnel_value": 1e13},  # above the 1e12 cap
        {"loyalty_value": 5},  # extra field
    ],
)
def test_invalid_input_is_rejected(changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        CustomerValueInput(**{**OURS, **changes})


def test_missing_field_is_rejected() -> None:
    partial = {name: value for name, value in OURS.items() if name != "image_value"}
    with pytest.raises(ValidationError):
        CustomerValueInput(**partial)


amounts = st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False)
valid_inputs = st.builds(CustomerValueInput, **dict.fromkeys(FIELDS, amounts))


@given(valid_inputs)
def test_delivered_value_is_value_minus_cost(inp: CustomerValueInput) -> None:
    result = compute(inp)
    assert math.isclose(
        result.delivered_value, result.total_value - result.total_cost, abs_tol=1e-9
    )
    assert math.isclose(result.total_value, sum(getattr(inp, name) for name in VALUE_FIELDS))
    assert math.isclose(result.total_cost, sum(getattr(inp, name) for name in COST_FIELDS))


@given(valid_inputs, valid_inputs)
def test_comparison_is_consistent(ours: CustomerValueInput, theirs: CustomerValueInput) -> None:
    comparison = compare(ours, theirs)
    contributions = component_contributions(ours, theirs)
    # exact sum vs. the difference of two rounded totals: equal to within rounding
    assert math.isclose(
        comparison.difference,
        comparison.ours.delivered_value - comparison.theirs.delivered_value,
        rel_tol=1e-9,
        abs_tol=1e-3,
    )
    assert math.isclose(
        comparison.difference, math.fsum(contributions.values()), rel_tol=1e-9, abs_tol=1e-3
    )
    if comparison.winner == "tie":
        assert comparison.main_reason is None
    elif comparison.winner == "ours":
        assert comparison.difference > 0
        assert contributions[comparison.main_reason] == max(contributions.values())
        assert contributions[comparison.main_reason] > 0
    else:
        assert comparison.difference < 0
        assert contributions[comparison.main_reason] == min(contributions.values())
        assert contributions[comparison.main_reason] < 0


any_value = st.one_of(st.floats(), st.integers(), st.text(max_size=5), st.none())


@given(st.fixed_dictionaries(dict.fromkeys(FIELDS, any_value)))
def test_any_input_gives_a_finite_result_or_a_validation_error(raw: dict[str, object]) -> None:
    try:
        inp = CustomerValueInput(**raw)
    except ValidationError:
        return
    result = compute(inp)
    numbers = [result.total_value, result.total_cost, result.delivered_value]
    if result.value_ratio is not None:
        numbers.append(result.value_ratio)
    assert all(math.isfinite(number) for number in numbers)
    comparison = compare(inp, CustomerValueInput(**OURS))
    assert math.isfinite(comparison.difference)
