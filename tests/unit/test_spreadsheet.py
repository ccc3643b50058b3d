"""The one CSV writer: text that a spreadsheet would run as a formula is defused, numbers are not."""

from __future__ import annotations

import csv
import io
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.spreadsheet import FORMULA_START, csv_text, defused


@pytest.mark.parametrize(
    "text",
    ["=1+1", "+SUM(A1)", "-1+2", "@SUM(A1)", "\t=1+1", "\r=1+1", '=HYPERLINK("http://x","点我")'],
)
def test_text_that_starts_a_formula_gets_an_apostrophe(text):
    assert defused(text) == f"'{text}"


@pytest.mark.parametrize("cell", ["张三", "A1", "1+1", " =1", "'=1", "", None, -1, -2.5, 0, True])
def test_other_cells_are_left_as_they_are(cell):
    assert defused(cell) == cell


def test_csv_has_a_header_then_one_line_per_row_ending_in_crlf():
    text = csv_text(("name", "class", "mean"), [("=1+1", "@SUM(A1)", -1.5), ("乙", None, 80)])
    assert text == "name,class,mean\r\n'=1+1,'@SUM(A1),-1.5\r\n乙,,80\r\n"


def test_a_carriage_return_inside_a_cell_cannot_start_a_row():
    text = csv_text(["name"], [["甲\r=1+1"], ["\r"]])
    assert text == 'name\r\n"甲\r=1+1"\r\n"\'\r"\r\n'


def test_missing_numbers_are_empty_cells():
    assert csv_text(["a", "b"], [[math.nan, None]]).splitlines()[1] == ","


def test_header_cells_are_defused_too():
    assert csv_text(["=x"], []).splitlines() == ["'=x"]


def test_commas_quotes_and_line_breaks_stay_inside_their_cell():
    rows = [['逗号,引号"和\n换行', "-负数文本"]]
    back = list(csv.reader(io.StringIO(csv_text(["a", "b"], rows))))
    assert back == [["a", "b"], ['逗号,引号"和\n换行', "'-负数文本"]]


CELLS = st.one_of(st.text(), st.integers(), st.floats(allow_nan=False), st.none())


@given(st.lists(st.lists(CELLS, max_size=4), max_size=4))
def test_text_never_reads_as_a_formula_and_numbers_read_as_written(rows):
    back = list(csv.reader(io.StringIO(csv_text(["h"], rows))))[1:]
    for row, line in zip(rows, back, strict=True):
        for original, cell in zip(row, line, strict=True):
            if isinstance(original, str):
                assert not cell.startswith(FORMULA_START)
                assert cell in (original, f"'{original}")
            elif isinstance(original, int):
                assert int(cell) == original
            elif original is not None:
                assert float(cell) == original
