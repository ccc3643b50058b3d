"""Tool state that survives page switches.

Widgets keep their values with Streamlit's ``persist_state="session"``; ``seed`` gives them a
first value, ``recall``/``keep`` hold what is not a widget (a table's rows), and ``forget``
resets a tool.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

STORE = "_kept"
PERSIST = "session"


def seed(key: str, default: Any) -> str:
    """Give widget ``key`` its first value, unless it already has one; return the key."""
    if key not in st.session_state:
        st.session_state[key] = default
    return key


def recall(key: str, default: Any = None) -> Any:
    """A kept value that is not a widget's (e.g. the rows of an editable table)."""
    return st.session_state.setdefault(STORE, {}).get(key, default)


def keep(key: str, value: Any) -> None:
    st.session_state.setdefault(STORE, {})[key] = value


def forget(prefix: str) -> None:
    """Reset a tool: drop every kept value and widget state whose key starts with ``prefix``."""
    store = st.session_state.setdefault(STORE, {})
    for key in [k for k in store if k.startswith(prefix)]:
        del store[key]
    for key in [k for k in st.session_state if str(k).startswith(prefix)]:
        del st.session_state[key]
