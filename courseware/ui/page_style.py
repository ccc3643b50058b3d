"""The few style rules every page shares."""

from __future__ import annotations

import streamlit as st

_STYLE = """
<style>
/* Streamlit's English "Press Enter to submit form" covers narrow fields and takes taps. */
[data-testid="InputInstructions"] { display: none; }
/* On a phone, a lesson's wide table breaks its long words, and what still does not fit
   scrolls inside the table: the page itself never grows wider than the screen. */
@media (max-width: 640px) {
  [data-testid="stMarkdownContainer"] table { display: block; max-width: 100%; overflow-x: auto; }
  [data-testid="stMarkdownContainer"] td, [data-testid="stMarkdownContainer"] th {
    overflow-wrap: anywhere; hyphens: auto;
  }
}
</style>
"""


def page_style() -> None:
    st.html(_STYLE)
