"""Names of the interactive tools a lesson can place with ``::: tool NAME``."""

from __future__ import annotations

TOOL_NAMES = frozenset(
    {
        "customer-value",
        "churn",
        "kpi-scorecard",
        "smart-checker",
        "action-planner",
        "black-holes",
        "questioning-practice",
    }
)
