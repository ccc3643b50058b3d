"""Altair charts built from chart data in ``assets/charts`` (pure: no Streamlit)."""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

import altair as alt

from courseware.figures import ChartSpec, chart_spec

PALETTE = ["#1f4e79", "#c0392b", "#f39c12", "#2e86c1", "#27ae60"]


def share_chart(spec: ChartSpec) -> alt.LayerChart:
    """A labelled donut showing how a whole splits into shares (e.g. 30/50/20)."""
    rows = [
        {"label": p.label, "value": p.value, "text": f"{p.label}\n{p.value:g}{spec.unit}"}
        for p in spec.data
    ]
    base = alt.Chart(alt.Data(values=rows)).encode(
        theta=alt.Theta("value:Q", stack=True),
        color=alt.Color(
            "label:N",
            scale=alt.Scale(domain=[p.label for p in spec.data], range=PALETTE),
            legend=None,
        ),
        order=alt.Order("value:Q", sort="descending"),
        tooltip=[alt.Tooltip("label:N", title=" "), alt.Tooltip("value:Q", title=spec.unit)],
    )
    ring = base.mark_arc(innerRadius=60, outerRadius=150, stroke="white", strokeWidth=3)
    labels = base.mark_text(
        radius=105, fontSize=18, fontWeight="bold", lineBreak="\n", lineHeight=22
    ).encode(text="text:N", color=alt.value("white"))
    return (ring + labels).properties(title=spec.title, height=400)


@lru_cache(maxsize=32)
def _vega_lite(name: str) -> dict[str, Any]:
    return share_chart(chart_spec(name)).to_dict()


def vega_lite_spec(name: str) -> dict[str, Any]:
    """The Vega-Lite spec of a named chart, built once (Altair validation is slow)."""
    return copy.deepcopy(_vega_lite(name))
