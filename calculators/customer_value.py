"""Customer delivered value: 客户价值 = 总客户价值 − 总客户成本, and a head-to-head comparison."""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

MAX_AMOUNT = 1e12  # a cap on every input amount, so sums and differences always stay finite
TIE_TOLERANCE = 1e-9

VALUE_FIELDS = ("product_value", "service_value", "personnel_value", "image_value")
COST_FIELDS = ("monetary_cost", "time_cost", "energy_cost", "physical_cost")


def _amount(description: str) -> float:
    return Field(ge=0, le=MAX_AMOUNT, allow_inf_nan=False, description=description)


class CustomerValueInput(BaseModel):
    """What an offer is worth to the customer (four values) and what it costs them (four costs)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    product_value: float = _amount("产品价值")
    service_value: float = _amount("服务价值")
    personnel_value: float = _amount("人员价值")
    image_value: float = _amount("形象价值")
    monetary_cost: float = _amount("货币价格")
    time_cost: float = _amount("时间成本")
    energy_cost: float = _amount("精力成本")
    physical_cost: float = _amount("体力成本")


class CustomerValueResult(BaseModel):
    """Total value, total cost, the value delivered to the customer and value per unit of cost."""

    model_config = ConfigDict(frozen=True)

    total_value: float
    total_cost: float
    delivered_value: float
    value_ratio: float | None  # None when the total cost is 0


class Comparison(BaseModel):
    """Our offer against a competitor's: who delivers more value, by how much and mainly why."""

    model_config = ConfigDict(frozen=True)

    ours: CustomerValueResult
    theirs: CustomerValueResult
    difference: float  # ours.delivered_value − theirs.delivered_value
    winner: Literal["ours", "theirs", "tie"]
    main_reason: str | None  # the component field that helps the winner most; None on a tie


def compute(inp: CustomerValueInput) -> CustomerValueResult:
    """Add up values and costs; delivered value is their difference, value ratio their quotient."""
    total_value = math.fsum(getattr(inp, name) for name in VALUE_FIELDS)
    total_cost = math.fsum(getattr(inp, name) for name in COST_FIELDS)
    value_ratio: float | None = None
    if total_cost > 0:
        value_ratio = total_value / total_cost
        if not math.isfinite(value_ratio):  # a cost so tiny that the quotient overflows
            value_ratio = None
    return CustomerValueResult(
        total_value=total_value,
        total_cost=total_cost,
        delivered_value=total_value - total_cost,
        value_ratio=value_ratio,
    )


def component_contributions(
    ours: CustomerValueInput, theirs: CustomerValueInput
) -> dict[str, float]:
    """How much each field adds to our lead in delivered value (negative: it helps them)."""
    contributions = {name: getattr(ours, name) - getattr(theirs, name) for name in VALUE_FIELDS}
    contributions.update(
        {name: getattr(theirs, name) - getattr(ours, name) for name in COST_FIELDS}
    )
    return contributions


def compare(ours: CustomerValueInput, theirs: CustomerValueInput) -> Comparison:
    """Compare two offers by delivered value and name the component that decides it."""
    contributions = component_contributions(ours, theirs)
    # ours.delivered_value − theirs.delivered_value, summed exactly from the amounts so that its
    # sign always agrees with the contributions, whatever the rounding of the two totals
    difference = math.fsum(
        [getattr(ours, name) for name in VALUE_FIELDS]
        + [-getattr(ours, name) for name in COST_FIELDS]
        + [-getattr(theirs, name) for name in VALUE_FIELDS]
        + [getattr(theirs, name) for name in COST_FIELDS]
    )
    winner: Literal["ours", "theirs", "tie"]
    main_reason: str | None
    if abs(difference) < TIE_TOLERANCE:
        winner, main_reason = "tie", None
    elif difference > 0:
        winner, main_reason = "ours", max(contributions, key=contributions.__getitem__)
    else:
        winner, main_reason = "theirs", min(contributions, key=contributions.__getitem__)
    return Comparison(
        ours=compute(ours),
        theirs=compute(theirs),
        difference=difference,
        winner=winner,
        main_reason=main_reason,
    )
