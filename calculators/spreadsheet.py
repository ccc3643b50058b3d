"""CSV that a spreadsheet opens as data, never as formulas: every CSV download is written here.

Excel, LibreOffice and Google Sheets run a cell that starts with ``=``, ``+``, ``-`` or ``@``
(or a tab or carriage return before one) as a formula, so a learner's name such as
``=HYPERLINK(…)`` would act when the file is opened. Such text gets a leading apostrophe, which
the spreadsheet shows as text. Numbers are written as they are: -5 stays -5, the text "-5" does not.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defused(cell: object) -> object:
    """The cell as a spreadsheet should show it: text that would run as a formula gets a "'"."""
    if isinstance(cell, str) and cell.startswith(FORMULA_START):
        return f"'{cell}"
    return cell


def csv_text(header: Sequence[object], rows: Iterable[Sequence[object]]) -> str:
    """A header line and one line per row; empty cells for None and NaN.

    Lines end in CRLF (RFC 4180), so a cell holding either line break is always quoted: a lone
    carriage return can never start a new row of its own.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in (header, *rows):
        writer.writerow([_written(cell) for cell in row])
    return buffer.getvalue()


def _written(cell: object) -> object:
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return ""
    return defused(cell)
