"""UI strings: one TOML catalog per language in ``courseware/locales/``.

Pages speak the language of their browser session: each script run sets it (``use_language``)
and every string, number and label drawn in that run follows it. Code outside a page run (the
live routes, the command line) passes its language explicitly.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

LOCALES_DIR = Path(__file__).with_name("locales")
DEFAULT_LANG = "zh"
_CURRENT: ContextVar[str | None] = ContextVar("courseware_language", default=None)
_source: Callable[[], str | None] = lambda: None  # noqa: E731 - replaced by the pages


def use_language(lang: str) -> None:
    """The language of the rest of this run (this thread)."""
    _CURRENT.set(lang if lang in languages() else DEFAULT_LANG)


def language_source(source: Callable[[], str | None]) -> None:
    """Where a run that did not set its language finds it (a fragment's rerun: the session's)."""
    global _source
    _source = source


def current_language() -> str:
    lang = _CURRENT.get() or _source()
    return lang if lang in languages() else DEFAULT_LANG


@cache
def catalog(lang: str = DEFAULT_LANG) -> dict[str, Any]:
    """The whole catalog of a language, as nested tables."""
    with (LOCALES_DIR / f"{lang}.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def languages() -> tuple[str, ...]:
    """The languages with a catalog, the default first."""
    found = sorted(p.stem for p in LOCALES_DIR.glob("*.toml"))
    return tuple(sorted(found, key=lambda lang: lang != DEFAULT_LANG))


def lookup(key: str, lang: str | None = None) -> Any:
    """The raw value at a dotted key such as ``part.numerals``; KeyError if absent."""
    lang = lang or current_language()
    value: Any = catalog(lang)
    for name in key.split("."):
        if not isinstance(value, dict) or name not in value:
            raise KeyError(f"no UI string '{key}' for language '{lang}'")
        value = value[name]
    return value


def t(key: str, lang: str | None = None, **fields: object) -> str:
    """The UI string at ``key`` with ``{fields}`` filled in."""
    return str(lookup(key, lang)).format(**fields)


def part_label(part: int, lang: str | None = None) -> str:
    """'第二部分' for part 2."""
    numerals = lookup("part.numerals", lang)
    numeral = numerals[part] if 0 <= part < len(numerals) else str(part)
    return t("part.label", lang, numeral=numeral)
