"""Self-diagnosis of the three management black holes: 议而不决, 决而不行, 行而不果."""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

DATA_DIR = Path(__file__).with_name("data")
LOWEST, HIGHEST = 1, 5
WORST_THRESHOLD = 50.0


class Statement(BaseModel):
    """A symptom a team member rates from 1 (never) to 5 (always); ids look like ``undecided.1``."""

    model_config = ConfigDict(frozen=True)

    id: str
    text: str = Field(min_length=1)


class Hole(BaseModel):
    """One black hole: what it looks like (``name``), what it is (``label``) and its symptoms."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(pattern=r"^[a-z_]+$")
    name: str = Field(min_length=1)
    label: str = Field(min_length=1)
    statements: tuple[Statement, ...] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _number_statements(cls, data: Any) -> Any:
        """Statements are plain text in the file; give each the id ``<hole>.<n>``."""
        if isinstance(data, dict) and all(isinstance(s, str) for s in data.get("statements", ())):
            texts = data.get("statements", ())
            numbered = [{"id": f"{data.get('id')}.{n}", "text": t} for n, t in enumerate(texts, 1)]
            data = {**data, "statements": numbered}
        return data


class LessonLink(BaseModel):
    """Where the course explains the topic."""

    model_config = ConfigDict(frozen=True)

    part: int = Field(ge=1)
    section: str = Field(min_length=1)


class Survey(BaseModel):
    """The whole questionnaire: rating scale labels, lesson link and the holes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    lesson: LessonLink
    scale: tuple[str, ...] = Field(min_length=HIGHEST - LOWEST + 1, max_length=HIGHEST - LOWEST + 1)
    holes: tuple[Hole, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Survey:
        ids = [h.id for h in self.holes]
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate hole ids: {ids}")
        return self


class Diagnosis(BaseModel):
    """Scores 0–100 per hole (None if unanswered), the worst hole if any scores 50 or more."""

    model_config = ConfigDict(frozen=True)

    scores: dict[str, float | None]
    worst: str | None
    answered: int = Field(ge=0)
    invalid: int = Field(ge=0)


@cache
def load_survey(lang: str = "zh") -> Survey:
    """The questionnaire of a language, read once."""
    path = DATA_DIR / f"black_holes.{lang}.yaml"
    return Survey.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def load_holes(lang: str = "zh") -> tuple[Hole, ...]:
    """The three holes in course order."""
    return load_survey(lang).holes


def diagnose(answers: Mapping[str, Any], lang: str = "zh") -> Diagnosis:
    """Score each hole from ratings keyed by statement id; never raises.

    A rating maps 1→0 and 5→100 and a hole scores the mean of its rated statements. Ratings
    outside 1–5, non-integers and unknown statement ids are ignored and counted as invalid;
    ``None`` means not answered.
    """
    holes = load_holes(lang)
    owner = {s.id: hole.id for hole in holes for s in hole.statements}
    points: dict[str, list[float]] = {hole.id: [] for hole in holes}
    invalid = 0
    for key, value in answers.items() if isinstance(answers, Mapping) else ():
        if value is None:
            continue
        rating = _rating(value)
        if rating is None or not isinstance(key, str) or key not in owner:
            invalid += 1
            continue
        points[owner[key]].append(100 * (rating - LOWEST) / (HIGHEST - LOWEST))
    scores = {hole: sum(p) / len(p) if p else None for hole, p in points.items()}
    rated = [(score, hole) for hole, score in scores.items() if score is not None]
    top = max((score for score, _ in rated), default=None)
    worst = next((hole for score, hole in rated if score == top), None)
    return Diagnosis(
        scores=scores,
        worst=worst if top is not None and top >= WORST_THRESHOLD else None,
        answered=sum(len(p) for p in points.values()),
        invalid=invalid,
    )


def _rating(value: Any) -> int | None:
    """A whole number from 1 to 5 (``3.0`` counts as 3), else None."""
    whole = isinstance(value, numbers.Integral) or (isinstance(value, float) and value.is_integer())
    if isinstance(value, bool) or not whole:
        return None
    number = int(value)
    return number if LOWEST <= number <= HIGHEST else None
