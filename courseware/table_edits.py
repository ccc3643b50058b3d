"""Apply the edits an editable table reports (edited, added, deleted rows) to a list of rows.

The edits come from the browser, so each part is checked before it is used: a row position
must be a whole number (or its digits) of a row that exists, a cell must be text, a number,
true/false or empty, and only the table's own columns are taken. Anything else is ignored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

Row = dict[str, Any]
CELL_TYPES = (str, int, float, bool)


def apply_edits(rows: Sequence[Row], edits: Any, columns: Sequence[str]) -> list[Row]:
    """The rows after Streamlit's data-editor ``edits``; what does not fit is ignored."""
    result = [dict(row) for row in rows]
    if not isinstance(edits, Mapping):
        return result
    for index, changes in _mapping(edits.get("edited_rows")).items():
        position = row_position(index, len(result))
        if position is not None:
            result[position].update(_cells(changes, columns))
    deleted = {row_position(index, len(result)) for index in _sequence(edits.get("deleted_rows"))}
    result = [row for position, row in enumerate(result) if position not in deleted]
    for added in _sequence(edits.get("added_rows")):
        if isinstance(added, Mapping):
            result.append(dict.fromkeys(columns) | _cells(added, columns))
    return result


def row_position(index: Any, count: int) -> int | None:
    """The position ``index`` names among ``count`` rows (0, 3 or "3"); None for anything else."""
    if isinstance(index, str) and index.isascii() and index.isdigit():
        index = int(index)
    if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < count:
        return index
    return None


def _cells(changes: Any, columns: Sequence[str]) -> Row:
    """The cells of ``changes`` that belong to ``columns`` and hold a plain value."""
    if not isinstance(changes, Mapping):
        return {}
    return {
        column: value
        for column, value in changes.items()
        if column in columns and (value is None or isinstance(value, CELL_TYPES))
    }


def _mapping(value: Any) -> Mapping:
    return value if isinstance(value, Mapping) else {}


def _sequence(value: Any) -> Sequence:
    return value if isinstance(value, list | tuple) else ()
