"""Numbers for people: yuan with thousands separators, percentages with one decimal."""

from __future__ import annotations

import math


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
