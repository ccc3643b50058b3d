"""A KPI scorecard: achievement per indicator, weighted in total and per perspective, and CSV."""

from __future__ import annotations

import math
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from calculators.indicators import PERSPECTIVE_IDS, PerspectiveId
from calculators.spreadsheet import csv_text

DEFAULT_CAP = 1.5  # an achievement above 150% counts as 150%
MAX_WEIGHT = 1000.0
MAX_INDICATOR_LENGTH = 60
CSV_DECIMALS = 4
CSV_HEADER = (
    "perspective",
    "indicator",
    "weight",
    "target",
    "actual",
    "higher_is_better",
    "achievement",
    "weighted",
)
TOTAL_LABEL = "total"


class KpiRow(BaseModel):
    """One KPI as entered: its perspective, name, weight, target and actual result."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, allow_inf_nan=False, str_strip_whitespace=True
    )

    perspective: PerspectiveId
    indicator: str = Field(min_length=1, max_length=MAX_INDICATOR_LENGTH)
    weight: float = Field(ge=0, le=MAX_WEIGHT)
    target: float = Field(gt=0)
    actual: float = Field(ge=0)
    higher_is_better: bool = True


class RowResult(BaseModel):
    """A KPI's achievement and its part of the total: weight / total weight × achievement."""

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    row: KpiRow
    achievement: float
    weighted: float


class Scorecard(BaseModel):
    """Every KPI's result, the weighted achievement, and the same within each perspective."""

    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    rows: tuple[RowResult, ...]
    total_weight: float
    weighted_achievement: float | None  # None when the total weight is 0
    by_perspective: dict[str, float | None]  # perspectives present, in lesson order


def achievement(row: KpiRow, cap: float = DEFAULT_CAP) -> float:
    """actual/target (target/actual when lower is better), at most ``cap``; never NaN or inf."""
    if row.higher_is_better:
        ratio = row.actual / row.target
    else:
        ratio = cap if row.actual == 0 else row.target / row.actual
    return min(ratio, cap)  # an overflow to inf is capped too


def _row_result(row: KpiRow, total_weight: float, cap: float) -> RowResult:
    row_achievement = achievement(row, cap)
    share = row.weight / total_weight if total_weight > 0 else 0.0
    return RowResult(row=row, achievement=row_achievement, weighted=share * row_achievement)


def _weighted_mean(pairs: Sequence[tuple[float, float]]) -> float | None:
    """Σ w·a / Σ w over (weight, achievement) pairs; None when the weights add up to 0."""
    total = math.fsum(w for w, _ in pairs)
    if total == 0:
        return None
    mean = math.fsum(w / total * a for w, a in pairs)
    weighted = [a for w, a in pairs if w > 0]
    return min(max(mean, min(weighted)), max(weighted))  # keep rounding inside the true range


def score(rows: Sequence[KpiRow], cap: float = DEFAULT_CAP) -> Scorecard:
    """Score the KPIs; ``cap`` (> 0) limits each achievement."""
    if not (math.isfinite(cap) and cap > 0):
        raise ValueError(f"cap must be a finite number above 0, got {cap}")
    total_weight = math.fsum(row.weight for row in rows)
    results = tuple(_row_result(row, total_weight, cap) for row in rows)
    by_perspective = {
        pid: _weighted_mean(
            [(r.row.weight, r.achievement) for r in results if r.row.perspective == pid]
        )
        for pid in PERSPECTIVE_IDS
        if any(row.perspective == pid for row in rows)
    }
    return Scorecard(
        rows=results,
        total_weight=total_weight,
        weighted_achievement=_weighted_mean([(r.row.weight, r.achievement) for r in results]),
        by_perspective=by_perspective,
    )


def _number(value: float) -> int | float:
    """A number as written in the CSV: 60 rather than 60.0, otherwise exact."""
    if value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def _rounded(value: float | None) -> int | float | None:
    return None if value is None else _number(round(value, CSV_DECIMALS))


def to_csv(card: Scorecard) -> str:
    """The scorecard as CSV: a header, one line per KPI and a last ``total`` line."""
    lines = [
        (
            result.row.perspective,
            result.row.indicator,
            _number(result.row.weight),
            _number(result.row.target),
            _number(result.row.actual),
            "true" if result.row.higher_is_better else "false",
            _rounded(result.achievement),
            _rounded(result.weighted),
        )
        for result in card.rows
    ]
    total = _rounded(card.weighted_achievement)
    lines.append((TOTAL_LABEL, "", _number(card.total_weight), "", "", "", total, total))
    return csv_text(CSV_HEADER, lines)
