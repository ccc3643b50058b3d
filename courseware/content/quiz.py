"""Quiz items and banks: the six item types, validated by pydantic, each knowing its file line.

A bank is one YAML file per topic under ``quizzes/<lang>/`` (format: ``quizzes/README.md``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ITEM_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
TOPIC_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ItemType = Literal["single", "multiple", "truefalse", "ordering", "matching", "numeric"]


class _Item(BaseModel):
    """What every item has, whatever its type."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: str = Field(pattern=ITEM_ID, max_length=60)
    part: int = Field(ge=1, le=9)
    section: str = Field(min_length=1)
    difficulty: int = Field(ge=1, le=3)
    prompt: str = Field(min_length=1)
    explanation: str = Field(min_length=1)
    line: int = 0  # where the item starts in its file; set by the loader
    topic: str = ""  # the bank's topic; set by the loader


class SingleChoice(_Item):
    """One right option among several."""

    type: Literal["single"]
    options: dict[str, str] = Field(min_length=2)
    answer: str

    @model_validator(mode="after")
    def _answer_is_an_option(self) -> SingleChoice:
        if self.answer not in self.options:
            raise ValueError(f'answer "{self.answer}" is not one of the options')
        return self


class MultipleChoice(_Item):
    """Every right option must be chosen; partial credit (see scoring)."""

    type: Literal["multiple"]
    options: dict[str, str] = Field(min_length=3)
    answer: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _answers_are_options(self) -> MultipleChoice:
        for key in self.answer:
            if key not in self.options:
                raise ValueError(f'answer "{key}" is not one of the options')
        if len(set(self.answer)) != len(self.answer):
            raise ValueError("an answer is listed twice")
        return self


class TrueFalse(_Item):
    """A statement that is true or false."""

    type: Literal["truefalse"]
    answer: bool


class Ordering(_Item):
    """Steps to put in order; ``steps`` lists them in the right order."""

    type: Literal["ordering"]
    steps: tuple[str, ...] = Field(min_length=3)

    @model_validator(mode="after")
    def _distinct(self) -> Ordering:
        if len(set(self.steps)) != len(self.steps):
            raise ValueError("two steps are the same")
        return self


class Matching(_Item):
    """Sort each entry into one category (e.g. a question into its questioning technique)."""

    type: Literal["matching"]
    categories: tuple[str, ...] = Field(min_length=2)
    pairs: dict[str, str] = Field(min_length=3)  # entry -> its category

    @model_validator(mode="after")
    def _categories_known(self) -> Matching:
        for entry, category in self.pairs.items():
            if category not in self.categories:
                raise ValueError(f'"{entry}" is matched to "{category}", not one of the categories')
        return self


class Numeric(_Item):
    """A number to work out, right within ``tolerance``."""

    type: Literal["numeric"]
    answer: float = Field(allow_inf_nan=False)
    tolerance: float = Field(default=0.0, ge=0, allow_inf_nan=False)
    unit: str = ""


Item = Annotated[
    SingleChoice | MultipleChoice | TrueFalse | Ordering | Matching | Numeric,
    Field(discriminator="type"),
]


class Bank(BaseModel):
    """One topic's items, as a file holds them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    topic: str = Field(pattern=TOPIC_ID)
    title: str = Field(min_length=1)
    items: tuple[Item, ...] = Field(min_length=1)
    path: str = ""  # set by the loader
