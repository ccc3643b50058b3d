"""An editable table whose rows survive reruns and page switches.

``st.data_editor`` reports edits relative to the data it was given; each change is folded
into the kept rows and the editor starts again from them under a new key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import streamlit as st

from courseware.table_edits import Row, apply_edits
from courseware.ui.state import keep, recall


def editable_table(
    key: str,
    default_rows: Sequence[Row],
    columns: Sequence[str],
    date_columns: Sequence[str] = (),
    **editor: Any,
) -> list[Row]:
    """Draw the table; return its current rows (dicts with exactly ``columns``).

    Values in ``date_columns`` that are not dates are shown empty (the editor needs dates).
    """
    rows = recall(key, list(default_rows))
    version = recall(f"{key}.version", 0)
    widget = f"{key}.editor{version}"

    def fold_edits() -> None:
        keep(key, apply_edits(rows, st.session_state.get(widget), columns))
        keep(f"{key}.version", version + 1)

    frame = pd.DataFrame([{c: row.get(c) for c in columns} for row in rows], columns=columns)
    for column in date_columns:
        frame[column] = pd.to_datetime(frame[column], errors="coerce", format="ISO8601").dt.date
    st.data_editor(frame, key=widget, on_change=fold_edits, hide_index=True, **editor)
    return frame.astype(object).where(frame.notna(), None).to_dict("records")
