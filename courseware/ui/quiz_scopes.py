"""The quiz banks as this app offers them: scopes to choose from, items by id, broken files."""

from __future__ import annotations

from collections.abc import Sequence

from courseware.content.banks import BankEntry, load_banks, merged_items
from courseware.content.quiz import Item
from courseware.errors import ContentError
from courseware.i18n import current_language, part_label, t
from courseware.ui.quiz_runner import REVIEW_SCOPE as REVIEW
from courseware.ui.quiz_runner import Scopes

Loaded = tuple[dict[str, Item], dict[str, str], list[ContentError]]


_derived: dict[str, tuple[tuple[BankEntry, ...], Loaded]] = {}


def quiz_items(lang: str | None = None) -> Loaded:
    """Items by id, topic titles by topic, and the errors: banks that did not load, ids used twice
    (in this run's language unless ``lang`` is given).

    Worked out again only when a bank file changes (``load_banks`` is cached the same way).
    """
    lang = lang or current_language()
    entries = load_banks(lang)
    kept = _derived.get(lang)
    if kept is None or kept[0] is not entries:
        kept = _derived[lang] = (entries, _index(entries))
    return kept[1]


def _index(entries: tuple[BankEntry, ...]) -> Loaded:
    banks = [entry.bank for entry in entries if entry.bank is not None]
    items, duplicates = merged_items(banks)
    titles = {bank.topic: bank.title for bank in banks}
    errors = [entry.error for entry in entries if entry.error is not None]
    return items, titles, [*errors, *duplicates]


def scopes_for(items: dict[str, Item], titles: dict[str, str], part: int | None = None) -> Scopes:
    """A whole part (or every part) first, then each topic, each with its items."""
    chosen = [i for i in items.values() if part is None or i.part == part]
    scopes: Scopes = {}
    parts = sorted({i.part for i in chosen})
    for number in parts:
        scopes[f"part:{number}"] = (
            t("quiz.whole_part", label=part_label(number)),
            [i for i in chosen if i.part == number],
        )
    for topic, title in titles.items():
        topic_items = [i for i in chosen if i.topic == topic]
        if topic_items:
            scopes[f"topic:{topic}"] = (title, topic_items)
    return scopes


REVIEW_SCOPE = REVIEW  # the first scope of the hub for a learner with items to review


def review_scope(queue: Sequence[Item]) -> Scopes:
    """Today's review as the first scope (none when there is nothing to review)."""
    return {REVIEW_SCOPE: (t("review.scope"), list(queue))} if queue else {}
