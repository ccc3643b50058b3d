"""A quiz attempt kept in the store for a learner who saves progress, and brought back after a
reload. Without a learner or without the database the attempt goes on unsaved; the page's banner
says why."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Collection
from datetime import datetime

import streamlit as st

from courseware.assessment.attempt import Attempt, resumed
from courseware.storage.store import StoreUnavailable
from courseware.ui import clock, session
from courseware.ui.database import guarded

LOOKED = "_quiz_looked_for"  # the quiz contexts whose unfinished attempt was already looked for
SHOWN = "_quiz_shown_at"  # "<attempt seed>.<item id>" -> when the item was first drawn

log = logging.getLogger(__name__)


def saved(attempt: Attempt, context: str) -> Attempt:
    """Open the round in the store when a learner is saving progress."""
    learner, opened = session.learner(), session.store()
    if learner is None or opened is None:
        return attempt
    retried = attempt.earlier.stored_id if attempt.earlier else None
    try:
        stored = session.database().run(
            lambda: opened.start_attempt(
                learner.id, _stored_scope(attempt), attempt.seed, attempt.item_ids,
                context=context, retry_of=retried,
            )
        )  # fmt: skip
    except StoreUnavailable:
        return attempt
    return Attempt(attempt.scope, attempt.seed, attempt.item_ids, stored_id=stored,
                   earlier=attempt.earlier)  # fmt: skip


def store_answer(attempt: Attempt, item_id: str) -> None:
    opened = session.store()
    if attempt.stored_id is None or opened is None:
        return
    answered = attempt.answers[item_id]
    stored = guarded(
        opened.record_response, attempt.stored_id, item_id, answered.response, answered.score
    )
    learner = session.learner()
    if stored and learner is not None:
        now = clock.now()
        seconds = _seconds_since_shown(attempt, item_id, now)
        try:  # the answer is kept either way: a review that fails is simply not counted
            session.database().run(
                opened.review_answer, learner.id, item_id, answered.score, seconds, now
            )
        except StoreUnavailable:
            pass
        except Exception:  # a card that cannot be read never stops the quiz
            log.exception("review of %s not recorded", item_id)


def item_shown(attempt: Attempt, item_id: str) -> None:
    """Note when an item of an attempt was first drawn (its answer's speed counts from then)."""
    shown: dict[str, datetime] = st.session_state.setdefault(SHOWN, {})
    shown.setdefault(f"{attempt.seed}.{item_id}", clock.now())


def _seconds_since_shown(attempt: Attempt, item_id: str, now: datetime) -> float | None:
    shown = st.session_state.get(SHOWN, {}).get(f"{attempt.seed}.{item_id}")
    return (now - shown).total_seconds() if isinstance(shown, datetime) else None


def finish(attempt: Attempt) -> None:
    opened = session.store()
    if attempt.stored_id is not None and opened is not None:
        with contextlib.suppress(StoreUnavailable):  # the banner says so; its answers are kept
            session.database().run(opened.finish_attempt, attempt.stored_id)


def abandon(attempt: Attempt) -> None:
    opened = session.store()
    if attempt.stored_id is not None and opened is not None:
        with contextlib.suppress(StoreUnavailable):
            session.database().run(opened.abandon_attempt, attempt.stored_id)


def unfinished(context: str, known_items: Collection[str]) -> Attempt | None:
    """The learner's attempt of this quiz left unfinished (looked for once per session)."""
    looked: set[str] = st.session_state.setdefault(LOOKED, set())
    learner, opened = session.learner(), session.store()
    if context in looked or learner is None or opened is None:
        return None
    try:
        rounds = session.database().run(opened.open_rounds, learner.id, context)
    except StoreUnavailable:
        return None  # looked for again on the next run
    looked.add(context)
    attempt = None
    for saved_round in rounds:
        if any(item_id not in known_items for item_id in saved_round.item_ids):
            return None  # the bank changed since: start afresh
        attempt = resumed(
            saved_round.scope.removesuffix(RETRY), saved_round.seed, saved_round.item_ids,
            saved_round.responses, stored_id=saved_round.id, earlier=attempt,
        )  # fmt: skip
    if attempt is not None and attempt.finished:
        finish(attempt)
    return attempt


RETRY = ":retry"


def _stored_scope(attempt: Attempt) -> str:
    """Retries are stored under their scope marked ``:retry`` (the dashboard tells them apart)."""
    return attempt.scope + RETRY if attempt.is_retry else attempt.scope
