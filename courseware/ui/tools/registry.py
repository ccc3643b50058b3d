"""Which module draws which tool named in a lesson."""

from __future__ import annotations

from collections.abc import Callable

from courseware.ui.tools import (
    action_planner,
    black_holes,
    churn,
    customer_value,
    kpi_scorecard,
    questioning_practice,
    smart_checker,
)

TOOLS: dict[str, Callable[[], None]] = {
    "customer-value": customer_value.render,
    "churn": churn.render,
    "kpi-scorecard": kpi_scorecard.render,
    "smart-checker": smart_checker.render,
    "action-planner": action_planner.render,
    "black-holes": black_holes.render,
    "questioning-practice": questioning_practice.render,
}
