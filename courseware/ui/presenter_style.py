"""Large type and no sidebar for the projector (our own CSS; no user text goes in here)."""

from __future__ import annotations

import streamlit as st

PRESENTER_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"] { display: none; }
[data-testid="stMainBlockContainer"] { max-width: 1400px; padding-top: 1.5rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 3.2rem; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
[data-testid="stMarkdownContainer"] td, [data-testid="stMarkdownContainer"] th {
  font-size: 1.9rem; line-height: 1.5;
}
</style>
"""


def presenter_style() -> None:
    st.html(PRESENTER_CSS)
