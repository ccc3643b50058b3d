"""Numbers for people: yuan with thousands separators (or in 万 and 亿, or K and M, where room
is short), percentages with one decimal, counts that say when they are rounded."""

from __future__ import annotations

import math

from courseware.i18n import current_language


def yuan(amount: float, *, signed: bool = False, minus: str = "−") -> str:
    """¥1,234,568 (rounded to the yuan); with ``signed``, a leading + or ``minus``.

    Pass ``minus="-"`` where a widget reads the sign (a metric's delta colour).
    """
    if not math.isfinite(amount):
        return "—"
    rounded = round(amount)
    sign = minus if rounded < 0 else ("+" if signed and rounded > 0 else "")
    return f"{sign}¥{abs(rounded):,}"


def percent(ratio: float, *, signed: bool = False) -> str:
    """0.1234 -> 12.3%."""
    if not math.isfinite(ratio):
        return "—"
    value = round(ratio * 100, 1)
    sign = "−" if value < 0 else ("+" if signed and value > 0 else "")
    return f"{sign}{abs(value):.1f}%"


def number(value: float, digits: int = 0) -> str:
    """1234.5 -> 1,234.5 (``digits`` decimals, trailing zeros dropped)."""
    if not math.isfinite(value):
        return "—"
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


CHINESE_UNITS = ((1.0, ""), (1e4, "万"), (1e8, "亿"), (1e12, "万亿"))  # each 10,000 times the last
ENGLISH_UNITS = ((1.0, ""), (1e3, "K"), (1e6, "M"), (1e9, "B"), (1e12, "T"))
MONEY_UNITS = {"zh": CHINESE_UNITS, "en": ENGLISH_UNITS}
PLAIN_BELOW = 1e4  # smaller sums are written out in full: ¥5,000


def yuan_short(amount: float, *, digits: int = 2, minus: str = "−", lang: str | None = None) -> str:
    """Yuan in the language's units from ¥10,000 up: ¥5,000, ¥50万, ¥1,000万, ¥1.2亿 in Chinese;
    ¥5,000, ¥50K, ¥10M, ¥120M in English.

    At most ``digits`` decimals, trailing zeros dropped; an amount that rounds up to the next
    unit takes it (¥9,999.999 is ¥1万). For axes and other places short of room; ``yuan``
    gives the amount to the yuan.
    """
    if not math.isfinite(amount):
        return "—"
    units = MONEY_UNITS.get(lang or current_language(), CHINESE_UNITS)
    size = abs(amount)
    level = max(
        i for i, (scale, _u) in enumerate(units) if i == 0 or size >= max(scale, PLAIN_BELOW)
    )
    scaled = round(size / units[level][0], digits)
    if level + 1 < len(units):
        promote = max(units[level + 1][0], PLAIN_BELOW) / units[level][0]
        if scaled >= promote:
            level += 1
            scaled = round(size / units[level][0], digits)
    shown = f"¥{number(scaled, digits)}{units[level][1]}"
    return f"{minus}{shown}" if amount < 0 and scaled > 0 else shown


def yuan_short_expression(value: str = "datum.value", *, lang: str | None = None) -> str:
    """A Vega expression that writes ``value`` as :func:`yuan_short` writes a round amount, so
    that a chart can label whatever ticks it draws without Python choosing them."""
    units = MONEY_UNITS.get(lang or current_language(), CHINESE_UNITS)
    size = f"abs({value})"
    shown = f"'¥' + format({size}, ',.2~f')"
    for scale, unit in units[1:]:  # each wraps the smaller ones: the largest is tested first
        shown = (
            f"{size} >= {max(scale, PLAIN_BELOW):g} ? "
            f"'¥' + format({size} / {scale:g}, ',.2~f') + '{unit}' : ({shown})"
        )
    return f"({value} < 0 ? '−' : '') + ({shown})"


def count(value: float, digits: int = 2) -> str:
    """How many people or things: 1,234 when whole; else shown to ``digits`` decimals, with
    "≈" when that rounds it (≈0.33) and "<0.01" when it would round to nothing."""
    if not math.isfinite(value):
        return "—"
    tolerance = 1e-9 * max(1.0, abs(value))
    if abs(value - round(value)) <= tolerance:
        return number(round(value))
    rounded = round(value, digits)
    if rounded == 0:
        return f"<{number(10**-digits, digits)}"
    exact = abs(value - rounded) <= tolerance
    return number(value, digits) if exact else f"≈{number(value, digits)}"
