"""The frame every tool sits in: a bordered box with its title, a short intro and a reset."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from courseware.i18n import t
from courseware.ui.state import forget


@contextmanager
def tool_frame(name: str) -> Iterator[None]:
    """Draw the tool's heading and reset button; the body goes inside the ``with``."""
    with st.container(border=True, key=f"tool-{name}"):
        head, reset = st.columns([4, 1], vertical_alignment="center")
        head.subheader(t(f"tools.{name}.title"), anchor=False)
        reset.button(
            t("tools.reset"),
            key=f"reset-{name}",
            icon=":material/restart_alt:",
            on_click=forget,
            args=(field_key(name, ""),),
            width="stretch",
        )
        st.caption(t(f"tools.{name}.intro"))
        yield


def field_key(tool: str, *parts: str) -> str:
    """The session key of one field of a tool, under the tool's reset prefix."""
    return ".".join(("tool", tool, *parts))
