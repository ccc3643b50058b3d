"""The frame every tool sits in: a bordered box with its title, a short intro and a reset."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from courseware.i18n import t
from courseware.ui.browser_values import read_only_fitting_values
from courseware.ui.state import forget

PRESENTING = "_presenting"  # set while presenter mode draws a slide
SLIDE_TOOL_HEIGHT = 690  # px: on a 1080p slide, a tool scrolls inside a panel this tall

read_only_fitting_values()  # a tool's widgets take what a browser sends only when it fits


@contextmanager
def tool_frame(name: str) -> Iterator[None]:
    """Draw the tool's heading and reset button; the body goes inside the ``with``.

    On a slide the tool is a panel of fixed height that scrolls by itself, so that the slide
    keeps its title and controls on the screen.
    """
    height = SLIDE_TOOL_HEIGHT if st.session_state.get(PRESENTING) else "content"
    with st.container(border=True, key=f"tool-{name}", height=height):
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
