"""The cost of customer churn: profit lost with lost customers, and whether retention pays.

The course's third step values a lost customer at the profit they would have brought over their
normal years of buying; ``profit_lost`` is that value for one year's lost customers, and the
running total year by year (``cumulative_profit_lost``) ends at it.
"""

from __future__ import annotations

import math
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

MAX_CUSTOMERS = 10**12
MAX_ANNUAL_PROFIT = 1e12
MAX_YEARS = 100.0
TINY_RATE = 1e-9  # below this the annuity factor is ``years`` to within rounding
FIVE_POINTS = 0.05  # Reichheld & Sasser: 5% less churn, 25%–85% more profit


class ChurnInput(BaseModel):
    """A customer base (a whole number of customers), its yearly churn and the profit each
    customer brings per year; 1000.0 reads as 1000 customers, 0.5 is refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    customers: int = Field(ge=0, le=MAX_CUSTOMERS)
    churn_rate: float = Field(ge=0, le=1, allow_inf_nan=False)
    annual_profit_per_customer: float = Field(ge=0, le=MAX_ANNUAL_PROFIT, allow_inf_nan=False)
    years: float = Field(gt=0, le=MAX_YEARS, allow_inf_nan=False)
    discount_rate: float = Field(default=0.0, ge=0, le=1, allow_inf_nan=False)
    target_churn_rate: float | None = Field(default=None, ge=0, le=1, allow_inf_nan=False)
    retention_cost: float | None = Field(default=None, ge=0, allow_inf_nan=False)

    @model_validator(mode="after")
    def _target_not_above_current(self) -> Self:
        if self.target_churn_rate is not None and self.target_churn_rate > self.churn_rate:
            raise ValueError(
                f"target_churn_rate ({self.target_churn_rate}) must not be above "
                f"churn_rate ({self.churn_rate}): a target should lower churn"
            )
        return self


class ChurnResult(BaseModel):
    """Profit lost with one year's churned customers; savings and payback when a target is set."""

    model_config = ConfigDict(frozen=True)

    customers_lost: float  # per year, on average: 1,000 × 10.5% is 105, 5 × 10% is 0.5
    lifetime_profit_per_customer: float  # over ``years``, discounted
    profit_lost: float  # one year's lost customers × their profit over ``years``
    customers_saved: float | None = None  # per year; needs a target churn rate
    profit_saved: float | None = None  # their profit over ``years``; needs a target churn rate
    net_benefit: float | None = None  # needs a target and a retention cost
    worth_spending: bool | None = None  # needs a target and a retention cost


class YearPoint(BaseModel):
    """The running total of profit lost, ``year`` years after the customers left."""

    model_config = ConfigDict(frozen=True)

    year: float
    profit_lost: float


class FivePointView(BaseModel):
    """What cutting churn by five percentage points would be worth on the user's own numbers."""

    model_config = ConfigDict(frozen=True)

    lower_rate: float
    customers_saved: float
    profit_saved: float
    share_of_annual_profit: float | None  # None when there is no annual profit to compare with


def annuity_factor(years: float, rate: float) -> float:
    """Present value of 1 a year for ``years`` years at ``rate``: (1 − (1 + rate)^−years) / rate."""
    if not (math.isfinite(years) and math.isfinite(rate)) or rate <= -1:
        raise ValueError(
            f"annuity_factor needs finite years and a rate above -1, got {years}, {rate}"
        )
    if abs(rate) < TINY_RATE:
        return years
    return -math.expm1(-years * math.log1p(rate)) / rate


def _lifetime_profit(inp: ChurnInput) -> float:
    return inp.annual_profit_per_customer * annuity_factor(inp.years, inp.discount_rate)


def compute(inp: ChurnInput) -> ChurnResult:
    """Customers lost per year, the profit they would have brought, and what retention saves."""
    customers_lost = inp.customers * inp.churn_rate
    lifetime_profit = _lifetime_profit(inp)
    customers_saved = profit_saved = net_benefit = worth_spending = None
    if inp.target_churn_rate is not None:
        customers_saved = inp.customers * (inp.churn_rate - inp.target_churn_rate)
        profit_saved = customers_saved * lifetime_profit
        if inp.retention_cost is not None:
            net_benefit = profit_saved - inp.retention_cost
            worth_spending = inp.retention_cost < profit_saved
    return ChurnResult(
        customers_lost=customers_lost,
        lifetime_profit_per_customer=lifetime_profit,
        profit_lost=customers_lost * lifetime_profit,
        customers_saved=customers_saved,
        profit_saved=profit_saved,
        net_benefit=net_benefit,
        worth_spending=worth_spending,
    )


def cumulative_profit_lost(inp: ChurnInput) -> tuple[YearPoint, ...]:
    """Running total of profit lost with one year's churned customers, year by year."""
    customers_lost = inp.customers * inp.churn_rate
    annual_profit = inp.annual_profit_per_customer
    whole_years = math.floor(inp.years)
    steps: list[float] = [float(year) for year in range(1, whole_years + 1)]
    if inp.years > whole_years:
        steps.append(inp.years)
    return tuple(
        YearPoint(
            year=year,
            profit_lost=customers_lost * (annual_profit * annuity_factor(year, inp.discount_rate)),
        )
        for year in steps
    )


def five_point_view(inp: ChurnInput) -> FivePointView:
    """Reichheld & Sasser's claim (5% less churn, 25%–85% more profit) on these numbers."""
    lower_rate = max(inp.churn_rate - FIVE_POINTS, 0.0)
    rate_cut = inp.churn_rate - lower_rate
    customers_saved = inp.customers * rate_cut
    profit_saved = customers_saved * _lifetime_profit(inp)
    share: float | None = None
    if inp.customers > 0 and inp.annual_profit_per_customer > 0:
        # profit_saved / (customers × annual profit), simplified so tiny inputs cannot underflow
        share = rate_cut * annuity_factor(inp.years, inp.discount_rate)
    return FivePointView(
        lower_rate=lower_rate,
        customers_saved=customers_saved,
        profit_saved=profit_saved,
        share_of_annual_profit=share,
    )
