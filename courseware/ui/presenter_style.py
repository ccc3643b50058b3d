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
[data-testid="stMarkdownContainer"] h3 { font-size: 2.2rem; }
/* a figure fits under the title with room for its caption */
[data-testid="stImage"] img { max-height: 48vh; width: auto !important; margin: 0 auto; }
[data-testid="stImage"] { align-items: center; }
/* a tool on a slide: its labels, fields, results and messages in presenter type too */
[data-testid="stWidgetLabel"] p { font-size: 1.6rem !important; }
[data-testid="stMain"] input, [data-testid="stMain"] textarea { font-size: 1.6rem !important; }
[data-testid="stMetricValue"] { font-size: 2.6rem; }
[data-testid="stMetricLabel"] p { font-size: 1.5rem; }
[data-testid="stAlertContainer"] p, [data-testid="stCaptionContainer"] { font-size: 1.5rem; }
/* a tool's panel on a slide scrolls: its elements keep their own height */
[class*="st-key-tool-"] [data-testid="stElementContainer"],
[class*="st-key-tool-"] [data-testid="stHorizontalBlock"],
[class*="st-key-tool-"] [data-testid="stLayoutWrapper"] { flex-shrink: 0; }
/* the presenter's own controls stay compact, so that the slide has the room */
[class*="st-key-present-"] button p,
[data-testid="stLinkButton"] p { font-size: 1.05rem !important; }
</style>
"""


def presenter_style() -> None:
    st.html(PRESENTER_CSS)
