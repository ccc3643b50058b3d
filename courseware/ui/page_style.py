"""The few style rules every page shares."""

from __future__ import annotations

import streamlit as st

_STYLE = """
<style>
/* Streamlit's English "Press Enter to submit form" covers narrow fields and takes taps. */
[data-testid="InputInstructions"] { display: none; }
</style>
"""


def page_style() -> None:
    st.html(_STYLE)
