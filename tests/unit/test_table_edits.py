"""Editable-table edits applied to rows: edit, delete, add, in Streamlit's order."""

from __future__ import annotations

from courseware.table_edits import apply_edits

COLUMNS = ["what", "who"]
ROWS = [{"what": "a", "who": "x"}, {"what": "b", "who": "y"}, {"what": "c", "who": "z"}]


def test_edits_deletes_and_additions_apply_in_order():
    edits = {
        "edited_rows": {"0": {"who": "新"}, 2: {"what": "C", "ignored": 1}},
        "deleted_rows": [1],
        "added_rows": [{"what": "d"}],
    }
    assert apply_edits(ROWS, edits, COLUMNS) == [
        {"what": "a", "who": "新"},
        {"what": "C", "who": "z"},
        {"what": "d", "who": None},
    ]
    assert ROWS[0]["who"] == "x"  # the input is not changed


def test_no_edits_and_out_of_range_rows_change_nothing():
    assert apply_edits(ROWS, {}, COLUMNS) == ROWS
    assert apply_edits(ROWS, {"edited_rows": {9: {"what": "?"}}}, COLUMNS) == ROWS
