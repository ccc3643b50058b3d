"""The words the SMART checker reads goals with, and a word segmenter (jieba) that knows them."""

from __future__ import annotations

import logging
import re
import threading
from functools import cache, cached_property
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from calculators.indicators import DATA_DIR, Indicator, all_indicators

if TYPE_CHECKING:
    from jieba import Tokenizer

VerbKind = Literal["up", "down", "reach", "count"]
TERMS_FILE = DATA_DIR / "smart_terms.zh.yaml"
Word = Annotated[str, Field(min_length=1)]
SEGMENTER_WORD = re.compile(r"[\w\u4e00-\u9fff]{2,}")  # '收入/总资产' and the like stay out


class Measure(BaseModel):
    """A measure in the words staff use, and the lesson indicator it belongs to, if any."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    word: Word
    indicator: str | None = None


class SmartTerms(BaseModel):
    """The checker's word lists, as the data file gives them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    measures: tuple[Measure, ...]
    generic: tuple[Word, ...]
    verbs: dict[VerbKind, tuple[Word, ...]]
    markers: tuple[Word, ...]
    bounds: tuple[Word, ...]
    vague: tuple[Word, ...]
    fillers: tuple[Word, ...]
    conjunctions: tuple[Word, ...]

    def verb_kind(self, word: str) -> VerbKind | None:
        """What a verb does with a number ('提高' → up), or None for no action verb."""
        return self._verb_kinds.get(word)

    def is_measure(self, word: str) -> bool:
        return word in self._measure_indicators

    def measure_indicator(self, word: str) -> Indicator | None:
        """The lesson indicator a measure word belongs to: '销售额' → 收入."""
        return self._measure_indicators.get(word)

    def is_known(self, word: str) -> bool:
        """A word of the checker's own lists, kept whole."""
        return word in self._known

    @cached_property
    def splittable(self) -> tuple[str, ...]:
        """Verbs and vague words a segmenter word may be glued from ('努力提高')."""
        words = [w for kind in self.verbs.values() for w in kind] + list(self.vague)
        return tuple(w for w in dict.fromkeys(words) if len(w) > 1)

    @cached_property
    def _known(self) -> frozenset[str]:
        return frozenset(
            chain(
                self._measure_indicators,
                self._verb_kinds,
                *(self.vague, self.fillers, self.markers, self.bounds),
                *(self.generic, self.conjunctions),
            )
        )

    @cached_property
    def _verb_kinds(self) -> dict[str, VerbKind]:
        return {word: kind for kind, words in self.verbs.items() for word in words}

    @cached_property
    def _measure_indicators(self) -> dict[str, Indicator | None]:
        by_name = {i.name: i for i in all_indicators()}
        found = {m.word: by_name.get(m.indicator or "") for m in self.measures}
        for indicator in all_indicators():
            for word in (indicator.name, *indicator.keywords):
                found.setdefault(word, indicator)
        return found


@cache
def load_terms(path: Path = TERMS_FILE) -> SmartTerms:
    """The word lists; ValueError naming the file if it is broken or names an unknown indicator."""
    try:
        terms = SmartTerms.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (yaml.YAMLError, ValidationError) as error:
        raise ValueError(f"{path.name}: {error}") from error
    names = {i.name for i in all_indicators()}
    unknown = sorted({m.indicator for m in terms.measures if m.indicator} - names)
    if unknown:
        raise ValueError(f"{path.name}: no indicator named {unknown} in indicators.zh.yaml")
    return terms


def segmenter_words(terms: SmartTerms) -> tuple[str, ...]:
    """Every word the segmenter must keep whole: measures, indicator terms, verbs, vague words."""
    words = [m.word for m in terms.measures]
    words += [w for i in all_indicators() for w in (i.name, *i.keywords)]
    words += [w for kind in terms.verbs.values() for w in kind] + list(terms.vague)
    return tuple(w for w in dict.fromkeys(words) if SEGMENTER_WORD.fullmatch(w))


_BUILD_LOCK = threading.Lock()


@cache
def _build_tokenizer() -> Tokenizer:
    import jieba  # builds its dictionary on first use: kept out of import time

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in segmenter_words(load_terms()):
        tokenizer.add_word(word)
    return tokenizer


def segment(text: str) -> tuple[str, ...]:
    """The words of ``text``; the segmenter is built once, on the first call."""
    with _BUILD_LOCK:
        tokenizer = _build_tokenizer()
    return tuple(tokenizer.cut(text, HMM=False))
