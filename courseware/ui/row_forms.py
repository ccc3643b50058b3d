"""Rows of a tool drawn as small bordered forms, one per row, with add and remove buttons.

Each row has an id that never changes while it lives, so its widgets keep their keys
(``<key>.<id>.<field>``) and values when rows before it are removed. The ids are kept in the
session (``recall``/``keep``) and the widgets persist their own values, so rows survive reruns
and page switches; a tool's reset forgets both.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from courseware.ui.state import forget, keep, recall


def row_ids(key: str, first: int) -> list[int]:
    """The ids of the rows, in order; at first the ``first`` example rows 0, 1, 2, ..."""
    ids = recall(key)
    if ids is None:
        ids = list(range(first))
        keep(key, ids)
        keep(f"{key}.next", first)
    return list(ids)


def row_key(key: str, row: int, field: str) -> str:
    """The widget key of one field of one row."""
    return f"{key}.{row}.{field}"


def add_row(key: str, limit: int) -> None:
    """Append a new, empty row unless there are ``limit`` rows already."""
    ids = recall(key, [])
    if len(ids) >= limit:
        return
    new = recall(f"{key}.next", max(ids, default=-1) + 1)
    keep(key, [*ids, new])
    keep(f"{key}.next", new + 1)


def remove_row(key: str, row: int) -> None:
    """Drop a row and every value its widgets kept."""
    keep(key, [i for i in recall(key, []) if i != row])
    forget(f"{key}.{row}.")


@contextmanager
def row_card(key: str, row: int, title: str, remove_label: str) -> Iterator[None]:
    """A bordered box for one row: its title and remove button on one line, then the fields
    (drawn inside the ``with``)."""
    with st.container(border=True, key=f"{key.replace('.', '-')}-card-{row}"):
        with st.container(
            horizontal=True, horizontal_alignment="distribute", vertical_alignment="center"
        ):
            st.markdown(f"**{title}**", width="content")
            st.button(
                remove_label,
                key=row_key(key, row, "remove"),
                icon=":material/delete:",
                type="tertiary",
                on_click=remove_row,
                args=(key, row),
            )
        yield


def add_button(key: str, label: str, count: int, limit: int) -> None:
    """The button that appends a row; disabled once there are ``limit`` rows."""
    st.button(
        label,
        key=f"{key}.add",
        icon=":material/add:",
        on_click=add_row,
        args=(key, limit),
        disabled=count >= limit,
    )
