"""Questioning-technique practice: recognise the six techniques in a written question."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

DATA_DIR = Path(__file__).with_name("data")
TECHNIQUE_IDS = ("closed", "open", "follow_up", "leading", "hypothetical", "repetition")
GAP = "…"  # in a marker, any text may stand here: 可以…吗
CHOICE = "|"  # in a marker piece, any one of these: tell me more|say more
START = "^"  # a phrase that must begin a sentence or clause: ^do
END = "$"  # a phrase that must end the question: , right$
MIN_LENGTH = 5
CLOSING_MARKS = "\"'”’」』)]》〉 "
OPENING_MARKS = " \t\"'“‘([{「『《〈"
CLAUSE_MARKS = ".!?;:,。！？；：，—–…"
LATIN = re.compile(r"[a-z0-9]")


class Technique(BaseModel):
    """A questioning technique as the course teaches it, with the cues that reveal it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str = Field(min_length=1)
    purpose: str = Field(min_length=1)
    example: str = Field(min_length=1)
    markers: tuple[str, ...] = Field(min_length=1)
    exclusions: tuple[str, ...] = ()


class Situation(BaseModel):
    """A customer situation with one model question per technique id."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    situation: str = Field(min_length=1)
    model_questions: dict[str, str]


class Assessment(BaseModel):
    """What the checker sees in a learner's question; the UI words the feedback."""

    model_config = ConfigDict(frozen=True)

    is_question: bool
    detected: tuple[str, ...]
    matches: bool
    too_short: bool
    model_question: str


class _Catalog(BaseModel):
    """The whole data file, checked for consistency."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    techniques: tuple[Technique, ...]
    question_words: tuple[str, ...] = Field(min_length=1)
    situations: tuple[Situation, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> _Catalog:
        ids = tuple(t.id for t in self.techniques)
        if ids != TECHNIQUE_IDS:
            raise ValueError(f"techniques must be {TECHNIQUE_IDS} in this order, not {ids}")
        seen: set[str] = set()
        for situation in self.situations:
            if situation.id in seen:
                raise ValueError(f"duplicate situation id '{situation.id}'")
            seen.add(situation.id)
            if set(situation.model_questions) != set(ids):
                raise ValueError(f"situation '{situation.id}' needs one model question per {ids}")
            if not all(q.strip() for q in situation.model_questions.values()):
                raise ValueError(f"situation '{situation.id}' has an empty model question")
        return self


@cache
def _catalog(lang: str) -> _Catalog:
    path = DATA_DIR / f"questioning.{lang}.yaml"
    return _Catalog.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def load_techniques(lang: str = "zh") -> tuple[Technique, ...]:
    """The six techniques in course order."""
    return _catalog(lang).techniques


def load_situations(lang: str = "zh") -> tuple[Situation, ...]:
    """The practice situations in file order."""
    return _catalog(lang).situations


def detect(question: Any, lang: str = "zh") -> tuple[str, ...]:
    """The ids of techniques whose cues appear in the question, in course order."""
    text = _fold(_normalise(question))
    found = []
    for technique in load_techniques(lang):
        checked = text
        for phrase in filter(None, (_fold(_normalise(p)) for p in technique.exclusions)):
            checked = _phrase(phrase).sub("\n", checked)
        if any(_contains(checked, marker) for marker in technique.markers):
            found.append(technique.id)
    return tuple(found)


def assess(situation_id: str, technique_id: str, question: Any, lang: str = "zh") -> Assessment:
    """Check a learner's question for a situation and a chosen technique.

    Unknown ids raise KeyError; any question text (``None`` counts as empty) gives a result.
    """
    catalog = _catalog(lang)
    if technique_id not in TECHNIQUE_IDS:
        raise KeyError(f"unknown questioning technique '{technique_id}'; known: {TECHNIQUE_IDS}")
    situation = next((s for s in catalog.situations if s.id == situation_id), None)
    if situation is None:
        raise KeyError(f"unknown questioning situation '{situation_id}'")
    raw = question.strip() if isinstance(question, str) else ""
    text = _normalise(raw)
    detected = detect(text, lang)
    return Assessment(
        is_question=_is_question(text, catalog.question_words),
        detected=detected,
        matches=technique_id in detected,
        too_short=len(raw) < MIN_LENGTH,
        model_question=situation.model_questions[technique_id],
    )


def _normalise(text: Any) -> str:
    """Text with full-width forms folded (？ → ?), stripped; anything not text is empty."""
    return unicodedata.normalize("NFKC", text).strip() if isinstance(text, str) else ""


def _fold(text: str) -> str:
    """Text as cues are matched: case folded, with ’ read as '."""
    return text.casefold().replace("’", "'")


@cache
def _phrase(phrase: str) -> re.Pattern[str]:
    """A phrase as a pattern: a phrase that begins or ends with a Latin letter or digit must
    begin or end a word there ('if' is not in 'specific'); Chinese phrases match anywhere."""
    before = r"(?<![a-z0-9])" if LATIN.match(phrase[:1]) else ""
    after = r"(?![a-z0-9])" if LATIN.match(phrase[-1:]) else ""
    return re.compile(before + re.escape(phrase) + after)


def _find(text: str, piece: str, start: int) -> int | None:
    """Where the first of a piece's choices found from ``start`` ends; None if none is found."""
    ends = []
    for choice in (_normalise(c) for c in piece.split(CHOICE)):
        at_start, at_end = choice.startswith(START), choice.endswith(END)
        phrase = _fold(choice.removeprefix(START).removesuffix(END).strip())
        if not phrase:
            continue
        for match in _phrase(phrase).finditer(text, start):
            if at_start and not _begins_clause(text, match.start()):
                continue
            if at_end and text[match.end() :].strip(CLOSING_MARKS + "?!.。？！"):
                continue
            ends.append(match.end())
            break
    return min(ends, default=None)


def _begins_clause(text: str, position: int) -> bool:
    """Whether only spaces and opening quotes stand between the start or a clause mark and here."""
    before = text[:position].rstrip(OPENING_MARKS)
    return not before or before[-1] in CLAUSE_MARKS


def _contains(text: str, marker: str) -> bool:
    """Whether the marker's pieces occur in the text, in order (``…`` stands for any text)."""
    start = 0
    for piece in marker.split(GAP):
        if not _normalise(piece):
            continue
        found = _find(text, piece, start)
        if found is None:
            return False
        start = found
    return True


def _is_question(text: str, question_words: tuple[str, ...]) -> bool:
    if not text:
        return False
    if text.rstrip(CLOSING_MARKS).endswith("?"):
        return True
    folded = _fold(text)
    return any(_contains(folded, word) for word in question_words)
