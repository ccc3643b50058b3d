"""Numbers for people: yuan with separators, percentages with one decimal, never nan or inf."""

from __future__ import annotations

import math

import pytest

from courseware.format import number, percent, yuan


def test_yuan_rounds_and_separates_thousands():
    assert yuan(1_234_567.6) == "¥1,234,568"
    assert yuan(-70_000) == "−¥70,000"
    assert yuan(70_000, signed=True) == "+¥70,000"
    assert yuan(-70_000, signed=True, minus="-") == "-¥70,000"
    assert yuan(0, signed=True) == "¥0"


def test_percent_has_one_decimal():
    assert percent(0.96305) == "96.3%"
    assert percent(-0.05, signed=True) == "−5.0%"


def test_number_drops_trailing_zeros():
    assert number(100.0, 1) == "100"
    assert number(1234.5, 1) == "1,234.5"


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_no_nan_or_infinity_reaches_people(bad):
    assert yuan(bad) == percent(bad) == number(bad) == "—"
