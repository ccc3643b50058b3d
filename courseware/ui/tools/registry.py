"""Which module draws which tool named in a lesson: tool ``black-holes`` is ``black_holes``.

Each tool is a fragment: changing one of its inputs reruns that tool, not the whole lesson.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

import streamlit as st

from courseware.tool_names import TOOL_NAMES

TOOLS: dict[str, Callable[[], None]] = {
    name: st.fragment(import_module(f"courseware.ui.tools.{name.replace('-', '_')}").render)
    for name in sorted(TOOL_NAMES)
}
