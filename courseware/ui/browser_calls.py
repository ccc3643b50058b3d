"""Calls the page itself makes to a route beside the app, so that the cookie a route answers with
lands in this browser."""

from __future__ import annotations

import json

import streamlit as st


def call_route(route: str, method: str, body: dict | None = None) -> None:
    """Have the browser call ``route`` once, from this run.

    Drawn in the sidebar, so that the main column's elements keep their places (a presenter's
    keyboard shortcuts would be drawn anew otherwise).
    """
    options = {"method": method, "credentials": "same-origin"}
    if body is not None:
        options |= {"headers": {"Content-Type": "application/json"}, "body": json.dumps(body)}
    call = f"fetch({json.dumps(route)}, {json.dumps(options)})".replace("<", "\\u003c")
    st.sidebar.html(f"<script>{call}</script>", unsafe_allow_javascript=True)
