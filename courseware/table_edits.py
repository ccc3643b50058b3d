"""Apply the edits an editable table reports (edited, added, deleted rows) to a list of rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

Row = dict[str, Any]


def apply_edits(rows: Sequence[Row], edits: Mapping[str, Any], columns: Sequence[str]) -> list[Row]:
    """The rows after Streamlit's data-editor ``edits``; unknown columns are ignored."""
    result = [dict(row) for row in rows]
    for index, changes in (edits.get("edited_rows") or {}).items():
        position = int(index)
        if 0 <= position < len(result):
            result[position].update({k: v for k, v in changes.items() if k in columns})
    deleted = {int(i) for i in edits.get("deleted_rows") or ()}
    result = [row for position, row in enumerate(result) if position not in deleted]
    for added in edits.get("added_rows") or ():
        result.append({column: added.get(column) for column in columns})
    return result
