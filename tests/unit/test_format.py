"""Numbers for people: yuan with separators or in 万 and 亿, percentages with one decimal, counts
that say when they are rounded, never nan or inf."""

from __future__ import annotations

import math

import pytest

from courseware.format import count, number, percent, yuan, yuan_short


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


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (0, "¥0"),
        (5_000, "¥5,000"),  # below ¥1万: plain yuan
        (9_999, "¥9,999"),
        (0.5, "¥0.5"),
        (10_000, "¥1万"),
        (500_000, "¥50万"),
        (125_000, "¥12.5万"),
        (10_000_000, "¥1,000万"),
        (12_345_678, "¥1,234.57万"),  # two decimals of 万
        (100_000_000, "¥1亿"),
        (120_000_000, "¥1.2亿"),
        (3e12, "¥3万亿"),
        (1.25e16, "¥12,500万亿"),  # no unit above 万亿
        (-800_000, "−¥80万"),
        (-0.001, "¥0"),  # rounds to nothing: no sign
    ],
)
def test_yuan_short_uses_chinese_units(amount, shown):
    assert yuan_short(amount) == shown


@pytest.mark.parametrize(
    ("amount", "shown"),
    [(9_999.999, "¥1万"), (99_999_999.9, "¥1亿"), (999_999_999_999.9, "¥1万亿")],
)
def test_yuan_short_takes_the_next_unit_when_rounding_reaches_it(amount, shown):
    assert yuan_short(amount) == shown


def test_yuan_short_keeps_the_minus_a_widget_reads():
    assert yuan_short(-50_000, minus="-") == "-¥5万"
    assert yuan_short(1_234_567, digits=0) == "¥123万"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (100, "100"),
        (1000 * 0.105, "105"),  # 105.00000000000001: whole, float noise aside
        (1234, "1,234"),
        (0.5, "0.5"),
        (0.25, "0.25"),
        (3 * 0.1, "0.3"),  # 0.30000000000000004
        (1 / 3, "≈0.33"),  # rounded, and says so
        (0.001, "<0.01"),  # never "0" for a count above zero
        (0, "0"),
    ],
)
def test_count_says_when_it_is_rounded(value, shown):
    assert count(value) == shown


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_no_nan_or_infinity_reaches_people(bad):
    assert yuan(bad) == percent(bad) == number(bad) == yuan_short(bad) == count(bad) == "—"


@pytest.mark.parametrize(
    ("amount", "shown"),
    [(5_000, "¥5,000"), (9_999.999, "¥10K"), (50_000, "¥50K"), (1e7, "¥10M"), (1.2e8, "¥120M"),
     (999_999.999, "¥1M"), (1.5e9, "¥1.5B"), (-8e5, "−¥800K")],
)  # fmt: skip
def test_short_yuan_in_english_units(amount: float, shown: str):
    assert yuan_short(amount, lang="en") == shown
