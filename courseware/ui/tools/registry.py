"""Which module draws which tool named in a lesson: tool ``black-holes`` is ``black_holes``.

Each tool is a fragment: changing one of its inputs reruns that tool, not the whole lesson.
``FOLDED`` holds the same tools folded behind a switch that opens them, for the whole-lesson
view: a page of eight sections draws its tools' dozens of fields only once a reader asks.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

import streamlit as st

from courseware.i18n import t
from courseware.tool_names import TOOL_NAMES

Draw = Callable[[], None]


def _draw(name: str) -> Draw:
    return import_module(f"courseware.ui.tools.{name.replace('-', '_')}").render


def _folded(name: str, draw: Draw) -> Draw:
    def folded() -> None:
        if st.toggle(t("tools.open", tool=t(f"tools.{name}.title")), key=f"open-tool-{name}"):
            draw()

    return folded


TOOLS: dict[str, Draw] = {name: st.fragment(_draw(name)) for name in sorted(TOOL_NAMES)}
FOLDED: dict[str, Draw] = {
    name: st.fragment(_folded(name, _draw(name))) for name in sorted(TOOL_NAMES)
}
