"""The words the SMART checker reads goals with, and a word segmenter (jieba) that knows them.

Chinese goals are cut into words by the segmenter; English goals at spaces and punctuation, with
the phrases of the word lists read as one word each (see ``smart_reading``).
"""

from __future__ import annotations

import logging
import re
import threading
import time
import unicodedata
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
LATIN_JOINER = re.compile(r"(?<=[^\W\d_])[-/](?=[^\W\d_])")  # on-time, forecasting/planning


def terms_file(lang: str) -> Path:
    return DATA_DIR / f"smart_terms.{lang}.yaml"


def fold(word: str) -> str:
    """An English word as the lists are matched: 'On-time  Delivery' → 'on time delivery'."""
    folded = unicodedata.normalize("NFKC", word).casefold().replace("’", "'")
    return " ".join(LATIN_JOINER.sub(" ", folded).split())


class Deadlines(BaseModel):
    """English words that dates and periods are written with."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    prepositions: tuple[Word, ...]
    parts: tuple[Word, ...]
    months: tuple[Word, ...]
    weekdays: tuple[Word, ...]
    periods: tuple[Word, ...]
    relative: tuple[Word, ...]
    every: tuple[Word, ...]
    alone: tuple[Word, ...]
    holidays: tuple[Word, ...]
    durations: tuple[Word, ...]


class Numbers(BaseModel):
    """English number words and units."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    words: tuple[Word, ...]
    percents: tuple[Word, ...]
    multipliers: tuple[Word, ...]
    currencies: tuple[Word, ...]
    units: tuple[Word, ...]


class Baselines(BaseModel):
    """English words that say where a goal starts from."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    from_: tuple[Word, ...] = Field(alias="from")
    current: tuple[Word, ...]
    figure_words: tuple[Word, ...]
    past: tuple[Word, ...]
    compare: tuple[Word, ...]
    same_period: tuple[Word, ...]


class Measure(BaseModel):
    """A measure in the words staff use, and the lesson indicator it belongs to, if any."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    word: Word
    indicator: str | None = None


class SmartTerms(BaseModel):
    """The checker's word lists, as the data file gives them, and the language they are in.

    The English file also gives the words of dates, numbers and baselines (Chinese: in code),
    the prepositions that end a measure's head, the verbs a cleaned-up goal uses instead of
    those that follow a subject, and the verbs that count an activity ('visit').
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    lang: str = "zh"
    measures: tuple[Measure, ...]
    generic: tuple[Word, ...]
    verbs: dict[VerbKind, tuple[Word, ...]]
    markers: tuple[Word, ...]
    bounds: tuple[Word, ...]
    vague: tuple[Word, ...]
    fillers: tuple[Word, ...]
    conjunctions: tuple[Word, ...]
    imperatives: dict[str, str] = {}
    activities: tuple[Word, ...] = ()
    prepositions: tuple[Word, ...] = ()
    deadlines: Deadlines | None = None
    numbers: Numbers | None = None
    baselines: Baselines | None = None

    def key(self, word: str) -> str:
        """A word as the lists are looked up: itself in Chinese, folded in English."""
        return fold(word) if self.lang == "en" else word

    def verb_kind(self, word: str) -> VerbKind | None:
        """What a verb does with a number ('提高' → up), or None for no action verb."""
        return self._verb_kinds.get(self.key(word))

    def is_measure(self, word: str) -> bool:
        return self.key(word) in self._measure_indicators

    def measure_indicator(self, word: str) -> Indicator | None:
        """The lesson indicator a measure word belongs to: '销售额' → 收入."""
        return self._measure_indicators.get(self.key(word))

    def is_known(self, word: str) -> bool:
        """A word of the checker's own lists, kept whole."""
        return self.key(word) in self._known

    def is_in(self, word: str, words: tuple[str, ...]) -> bool:
        """Whether a word (English: any case or hyphenation) is one of ``words``."""
        return self.key(word) in self._keys(words)

    def _keys(self, words: tuple[str, ...]) -> frozenset[str]:
        return _folded(words) if self.lang == "en" else frozenset(words)

    @cached_property
    def phrases(self) -> frozenset[str]:
        """English phrases of several words that are read as one word: 'on time delivery'."""
        words = chain(
            (m.word for m in self.measures),
            (w for i in all_indicators(self.lang) for w in (i.name, *i.keywords)),
            *self.verbs.values(),
            *(self.markers, self.bounds, self.vague, self.fillers, self.generic),
            *(self.conjunctions, self.prepositions, self.imperatives),
        )
        return frozenset(k for k in map(fold, words) if " " in k)

    @cached_property
    def longest_phrase(self) -> int:
        """The most words a phrase has (at least 1)."""
        return max((p.count(" ") + 1 for p in self.phrases), default=1)

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
                *map(self._keys, (self.vague, self.fillers, self.markers, self.bounds)),
                *map(self._keys, (self.generic, self.conjunctions)),
            )
        )

    @cached_property
    def _verb_kinds(self) -> dict[str, VerbKind]:
        return {self.key(word): kind for kind, words in self.verbs.items() for word in words}

    @cached_property
    def _measure_indicators(self) -> dict[str, Indicator | None]:
        by_name: dict[str, Indicator] = {}
        for indicator in all_indicators(self.lang):
            by_name.setdefault(indicator.name, indicator)
        found = {self.key(m.word): by_name.get(m.indicator or "") for m in self.measures}
        for indicator in all_indicators(self.lang):
            for word in (indicator.name, *indicator.keywords):
                found.setdefault(self.key(word), indicator)
        return found


@cache
def _folded(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(map(fold, words))


@cache
def load_terms(path: Path = TERMS_FILE) -> SmartTerms:
    """The word lists of the file's language (``smart_terms.<lang>.yaml``); ValueError naming the
    file if it is broken or names an unknown indicator."""
    lang = path.name.split(".")[-2] if path.name.count(".") >= 2 else "zh"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        terms = SmartTerms.model_validate({**data, "lang": lang})
    except (yaml.YAMLError, ValidationError, TypeError) as error:
        raise ValueError(f"{path.name}: {error}") from error
    names = {i.name for i in all_indicators(lang)}
    unknown = sorted({m.indicator for m in terms.measures if m.indicator} - names)
    if unknown:
        raise ValueError(f"{path.name}: no indicator named {unknown} in indicators.{lang}.yaml")
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


def warm_up(delay_seconds: float = 0.0) -> threading.Thread:
    """Build the segmenter in the background after ``delay_seconds``, so that no trainee's first
    check waits for it (a check that comes sooner builds it, or waits for the build under way)."""

    def build() -> None:
        time.sleep(delay_seconds)
        segment("")

    thread = threading.Thread(target=build, name="segmenter-warm-up", daemon=True)
    thread.start()
    return thread
