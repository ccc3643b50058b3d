"""The four perspectives of measurement indicators (lesson 2, section 2.4) and a lookup by text."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

PerspectiveId = Literal["financial", "customer", "process", "learning"]
PERSPECTIVE_IDS: tuple[PerspectiveId, ...] = ("financial", "customer", "process", "learning")
DATA_DIR = Path(__file__).with_name("data")
ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
LATIN_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")


class Indicator(BaseModel):
    """One indicator as the lesson names it, with a few synonyms trainees may write instead."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    perspective: PerspectiveId
    keywords: tuple[str, ...] = ()


class Perspective(BaseModel):
    """One of the four perspectives (财务, 客户, 供应链流程, 学习和成长) and its indicators."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: PerspectiveId
    name: str = Field(min_length=1)
    indicators: tuple[Indicator, ...]


def data_file(lang: str) -> Path:
    return DATA_DIR / f"indicators.{lang}.yaml"


@cache
def load_perspectives(lang: str = "zh") -> tuple[Perspective, ...]:
    """The perspectives of a language in lesson order; ValueError if the data file is broken."""
    with data_file(lang).open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    perspectives = tuple(
        Perspective(
            id=entry["id"],
            name=entry["name"],
            indicators=tuple(
                Indicator(
                    name=item["name"],
                    perspective=entry["id"],
                    keywords=tuple(item.get("keywords") or ()),
                )
                for item in entry["indicators"]
            ),
        )
        for entry in data["perspectives"]
    )
    if tuple(p.id for p in perspectives) != PERSPECTIVE_IDS:
        raise ValueError(f"{data_file(lang).name}: perspectives must be {PERSPECTIVE_IDS}")
    names = [i.name for p in perspectives for i in p.indicators]
    for entry in data["perspectives"]:  # a name the lesson gives to two perspectives' indicators
        for item in entry["indicators"]:
            other = item.get("same_name_as")
            if other is None:
                continue
            there = {i.name for p in perspectives if p.id == other for i in p.indicators}
            if other == entry["id"] or item["name"] not in there:
                raise ValueError(f"{data_file(lang).name}: no '{item['name']}' under '{other}'")
            names.remove(item["name"])
    if len(set(names)) != len(names):
        doubles = sorted({n for n in names if names.count(n) > 1})
        raise ValueError(f"{data_file(lang).name}: indicator named twice: {doubles}")
    return perspectives


def all_indicators(lang: str = "zh") -> tuple[Indicator, ...]:
    """Every indicator, perspective by perspective, in lesson order."""
    return tuple(i for p in load_perspectives(lang) for i in p.indicators)


def _normalize(text: str, lang: str = "zh") -> str:
    """NFKC and case folded; English also folds ’ to ' and hyphens to spaces (on-time, on time)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if lang == "en":
        folded = LATIN_HYPHEN.sub(" ", folded.replace("’", "'"))
    return folded


def _term_pattern(term: str, lang: str = "zh") -> re.Pattern[str]:
    """A term as a pattern; Latin abbreviations (ROI) must stand as a word of their own.

    In English every term stands as whole words, and a final plural s is optional.
    """
    pattern = re.escape(term)
    if lang == "en":
        stem = re.escape(term[:-1]) if term.endswith("s") and not term.endswith("ss") else pattern
        return re.compile(rf"(?<![a-z0-9]){stem}(?:s|es)?(?![a-z0-9])")
    if ASCII_WORD.fullmatch(term):
        pattern = rf"(?<![a-z0-9]){pattern}(?![a-z0-9])"
    return re.compile(pattern)


@cache
def _terms(lang: str) -> tuple[tuple[re.Pattern[str], Indicator], ...]:
    """Every name and keyword, longest first; among equals, the earlier indicator first."""
    terms: list[tuple[int, int, re.Pattern[str], Indicator]] = []
    for order, indicator in enumerate(all_indicators(lang)):
        names = (indicator.name, *indicator.keywords)
        for term in dict.fromkeys(_normalize(t, lang) for t in names):
            terms.append((-len(term), order, _term_pattern(term, lang), indicator))
    terms.sort(key=lambda entry: entry[:2])
    return tuple((pattern, indicator) for _, _, pattern, indicator in terms)


def find_indicator(text: str, lang: str = "zh") -> Indicator | None:
    """The indicator whose name or keyword found in ``text`` is longest; ties go to the earlier."""
    normalized = _normalize(text, lang)
    return next((ind for pattern, ind in _terms(lang) if pattern.search(normalized)), None)


def same_indicator(name: str, lang: str, source: str = "zh") -> Indicator:
    """The indicator of ``lang`` that the ``source`` indicator named ``name`` is (the lists of
    every language line up one for one); KeyError if ``source`` has no such name."""
    names = [i.name for i in all_indicators(source)]
    if name not in names:
        raise KeyError(f"no indicator named '{name}' in indicators.{source}.yaml")
    return all_indicators(lang)[names.index(name)]
