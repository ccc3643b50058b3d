"""Editable-table edits applied to rows: edit, delete, add, in Streamlit's order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courseware.table_edits import apply_edits, row_position

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


@pytest.mark.parametrize(
    "edits",
    [
        None,
        "abc",
        [1, 2],
        {"edited_rows": {"abc": {"what": "?"}, "-1": {"what": "?"}, "1.0": {"what": "?"}}},
        {"edited_rows": {"0": "x", 1: None}},
        {"edited_rows": {True: {"what": "?"}}},
        {"edited_rows": [{"what": "?"}]},
        {"deleted_rows": ["x", "0x1", -1, 3, 1.0, None, True, [0]]},
        {"deleted_rows": "012"},
        {"added_rows": [5, "x", None, [1]]},
        {"added_rows": {"what": "?"}},
    ],
)
def test_malformed_edits_are_ignored(edits):
    assert apply_edits(ROWS, edits, COLUMNS) == ROWS


def test_cells_must_be_plain_values_in_the_table_s_columns():
    edits = {
        "edited_rows": {"0": {"what": ["list"], "who": {"a": 1}, "bogus": "?"}, "1": {"who": 7}},
        "added_rows": [{"bogus": 1}, {"what": {"a": 1}, "who": 2.5}],
    }
    assert apply_edits(ROWS, edits, COLUMNS) == [
        ROWS[0],
        {"what": "b", "who": 7},
        ROWS[2],
        {"what": None, "who": None},
        {"what": None, "who": 2.5},
    ]


@pytest.mark.parametrize(
    ("index", "position"),
    [(0, 0), (2, 2), ("1", 1), (3, None), (-1, None), ("-1", None), ("١", None), (True, None),
     (1.0, None), ("x", None), (None, None)],
)  # fmt: skip
def test_a_row_position_is_a_whole_number_of_an_existing_row(index, position):
    assert row_position(index, 3) == position


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=12,
)
PARTS = st.sampled_from(["edited_rows", "added_rows", "deleted_rows", "what", "0"])


@given(st.one_of(JSON, st.dictionaries(PARTS, JSON, max_size=3)))
def test_any_json_edit_gives_rows_of_the_table_s_columns(edits):
    rows = apply_edits(ROWS, edits, COLUMNS)
    assert all(set(row) == set(COLUMNS) for row in rows)
    assert all(v is None or isinstance(v, str | int | float) for row in rows for v in row.values())
