"""UI strings: one TOML catalog per language in ``courseware/locales/``."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

LOCALES_DIR = Path(__file__).with_name("locales")
DEFAULT_LANG = "zh"


@cache
def catalog(lang: str = DEFAULT_LANG) -> dict[str, Any]:
    """The whole catalog of a language, as nested tables."""
    with (LOCALES_DIR / f"{lang}.toml").open("rb") as handle:
        return tomllib.load(handle)


def languages() -> list[str]:
    return sorted(p.stem for p in LOCALES_DIR.glob("*.toml"))


def lookup(key: str, lang: str = DEFAULT_LANG) -> Any:
    """The raw value at a dotted key such as ``part.numerals``; KeyError if absent."""
    value: Any = catalog(lang)
    for name in key.split("."):
        if not isinstance(value, dict) or name not in value:
            raise KeyError(f"no UI string '{key}' for language '{lang}'")
        value = value[name]
    return value


def t(key: str, lang: str = DEFAULT_LANG, **fields: object) -> str:
    """The UI string at ``key`` with ``{fields}`` filled in."""
    return str(lookup(key, lang)).format(**fields)


def part_label(part: int, lang: str = DEFAULT_LANG) -> str:
    """'第二部分' for part 2."""
    numerals = lookup("part.numerals", lang)
    numeral = numerals[part] if 0 <= part < len(numerals) else str(part)
    return t("part.label", lang, numeral=numeral)
