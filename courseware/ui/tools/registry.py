"""Which module draws which tool named in a lesson.

Each tool is a fragment: changing one of its inputs reruns that tool, not the whole lesson.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

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
    name: st.fragment(module.render)
    for name, module in {
        "customer-value": customer_value,
        "churn": churn,
        "kpi-scorecard": kpi_scorecard,
        "smart-checker": smart_checker,
        "action-planner": action_planner,
        "black-holes": black_holes,
        "questioning-practice": questioning_practice,
    }.items()
}
