"""Take a quiz: choose a scope and length, answer one item at a time, see the result and review."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from courseware.assessment.attempt import PASS_MARK, Attempt, fresh_seed, new_attempt
from courseware.assessment.scoring import check, correct_answer, shuffled
from courseware.content.quiz import Item
from courseware.format import number, percent
from courseware.i18n import t
from courseware.storage.store import StoreUnavailable
from courseware.ui import session
from courseware.ui.browser_values import read_only_fitting_values
from courseware.ui.database import guarded
from courseware.ui.links import section_link

LENGTHS = (5, 10, 0)  # 0: every item of the scope
Scopes = dict[str, tuple[str, Sequence[Item]]]  # scope id -> (label, items)

read_only_fitting_values()  # an answer a widget cannot read counts as none given


@st.fragment
def quiz_panel(context: str, scopes: Scopes, items: dict[str, Item]) -> None:
    """A quiz that belongs to ``context`` (a page); its state lives in this session.

    A fragment: answering reruns the quiz, not the page around it.
    """
    key = f"quiz.{context}"
    attempt: Attempt | None = st.session_state.get(key)
    if attempt is None or any(i not in items for i in attempt.item_ids):
        _setup(key, scopes)
    elif attempt.finished:
        _summary(key, attempt, items)
    else:
        _question(key, attempt, items[attempt.current])


# ---- choosing a quiz -------------------------------------------------------------------------
def _setup(key: str, scopes: Scopes) -> None:
    if not scopes:
        st.info(t("quiz.no_items"))
        return
    st.selectbox(
        t("quiz.scope"),
        options=list(scopes),
        format_func=lambda s: t("quiz.scope_label", label=scopes[s][0], n=len(scopes[s][1])),
        key=f"{key}.scope",
    )
    st.segmented_control(
        t("quiz.length"),
        options=LENGTHS,
        format_func=lambda n: t("quiz.all") if n == 0 else t("quiz.n_items", n=n),
        default=LENGTHS[0],
        key=f"{key}.length",
    )
    st.button(
        t("quiz.start"),
        type="primary",
        key=f"{key}.start",
        icon=":material/play_arrow:",
        on_click=_start,
        args=(key, scopes),
    )


def _start(key: str, scopes: Scopes) -> None:
    """Begin with the scope and length chosen now (read at the click, not when drawn).

    Read before the widgets check them, the values may be anything a browser sent: one that is
    not offered falls back to the first scope and the first length.
    """
    scope = st.session_state.get(f"{key}.scope")
    if not isinstance(scope, str) or scope not in scopes:
        scope = next(iter(scopes))
    length = st.session_state.get(f"{key}.length")  # None (nothing chosen) takes every item
    if length is not None and (type(length) is not int or length not in LENGTHS):
        length = LENGTHS[0]
    pool = list(scopes[scope][1])
    st.session_state[key] = _saved(new_attempt(scope, pool, length or None, fresh_seed()))


def _retry(key: str, attempt: Attempt, item_ids: Sequence[str]) -> None:
    retry = Attempt(scope=f"{attempt.scope}:retry", seed=fresh_seed(), item_ids=tuple(item_ids))
    st.session_state[key] = _saved(retry)


def _saved(attempt: Attempt) -> Attempt:
    """Open the attempt in the store when a learner is saving progress."""
    learner, opened = session.learner(), session.store()
    if learner is None or opened is None:
        return attempt
    try:  # without the database the attempt goes on unsaved; the page's banner says so
        stored = session.database().run(
            opened.start_attempt, learner.id, attempt.scope, attempt.seed, attempt.item_ids
        )
    except StoreUnavailable:
        return attempt
    return Attempt(attempt.scope, attempt.seed, attempt.item_ids, stored_id=stored)


# ---- one item --------------------------------------------------------------------------------
def _question(key: str, attempt: Attempt, item: Item) -> None:
    total = len(attempt.item_ids)
    st.progress(attempt.index / total, text=t("quiz.position", i=attempt.index + 1, n=total))
    answered = attempt.answers.get(item.id)
    widget = f"{key}.{attempt.seed}.{item.id}"
    with st.form(f"{widget}.form", border=False):
        st.markdown(f"**{item.prompt}**")
        response = RESPONSE_WIDGETS[item.type](item, widget, attempt.seed, answered is not None)
        submitted = st.form_submit_button(
            t("quiz.submit"), type="primary", disabled=answered is not None
        )
    if submitted and answered is None:
        checked = check(item, response)
        if checked.problem:
            st.warning(t(f"quiz.problems.{checked.problem}"), icon=":material/edit:")
            return
        attempt = attempt.answer(item.id, storable(response), checked.score)
        st.session_state[key] = attempt
        _store_answer(attempt, item.id, checked.score)
        answered = attempt.answers[item.id]
    if answered is not None:
        _feedback(item, answered.score)
        last = attempt.index + 1 == total
        st.button(
            t("quiz.finish" if last else "quiz.next"),
            type="primary",
            key=f"{widget}.next",
            on_click=_advance,
            args=(key,),
        )
    st.button(t("quiz.quit"), key=f"{widget}.quit", type="tertiary", on_click=_clear, args=(key,))


def _advance(key: str) -> None:
    current = st.session_state.get(key)
    if not isinstance(current, Attempt) or current.finished:  # quit or finished already
        return
    attempt = current.next()
    st.session_state[key] = attempt
    if attempt.finished and attempt.stored_id is not None and (opened := session.store()):
        with contextlib.suppress(StoreUnavailable):  # the banner says so; its answers are kept
            session.database().run(opened.finish_attempt, attempt.stored_id)


def _store_answer(attempt: Attempt, item_id: str, score: float) -> None:
    opened = session.store()
    if attempt.stored_id is None or opened is None:
        return
    guarded(opened.record_response, attempt.stored_id, item_id, attempt.answers[item_id].response,
            score)  # fmt: skip


def _feedback(item: Item, score: float) -> None:
    if score >= 1:
        st.success(t("quiz.right"), icon=":material/check_circle:")
    elif score > 0:
        st.warning(t("quiz.partly", score=number(score, 2)), icon=":material/adjust:")
    else:
        st.error(t("quiz.wrong"), icon=":material/cancel:")
    st.markdown(f"**{t('quiz.answer')}**")
    st.text(right_answer(item))
    st.info(item.explanation, icon=":material/school:")
    section_link(item.part, item.section, t("quiz.read_again", section=_section_label(item)))


def right_answer(item: Item) -> str:
    """The right answer in words (true/false in the course's language)."""
    if item.type == "truefalse":
        return t("quiz.true") if item.answer else t("quiz.false")
    return correct_answer(item)


def _section_label(item: Item) -> str:
    from courseware.content.catalog import load_course

    lesson = next((e.lesson for e in load_course("zh") if e.part == item.part and e.lesson), None)
    section = lesson.section(item.section) if lesson else None
    return section.label if section else item.section


# ---- the widgets that take an answer, one per item type --------------------------------------
def _single(item: Item, key: str, seed: int, locked: bool) -> Any:
    order = shuffled(item, seed)
    return st.radio(
        t("quiz.choose_one"),
        options=order,
        format_func=lambda k: item.options[k],
        index=None,
        key=key,
        disabled=locked,
    )


def _multiple(item: Item, key: str, seed: int, locked: bool) -> Any:
    order = shuffled(item, seed)
    st.caption(t("quiz.choose_all"))
    return [k for k in order if st.checkbox(item.options[k], key=f"{key}.{k}", disabled=locked)]


def _truefalse(item: Item, key: str, seed: int, locked: bool) -> Any:
    return st.radio(
        t("quiz.true_or_false"),
        options=[True, False],
        format_func=lambda v: t("quiz.true") if v else t("quiz.false"),
        index=None,
        horizontal=True,
        key=key,
        disabled=locked,
    )


def _ordering(item: Item, key: str, seed: int, locked: bool) -> Any:
    return st.multiselect(
        t("quiz.order"),
        options=list(shuffled(item, seed)),
        key=key,
        disabled=locked,
        placeholder=t("quiz.order_placeholder"),
    )


def _matching(item: Item, key: str, seed: int, locked: bool) -> Any:
    chosen = {}
    for number_, entry in enumerate(shuffled(item, seed)):
        chosen[entry] = st.selectbox(
            entry,
            options=list(item.categories),
            index=None,
            key=f"{key}.{number_}",
            disabled=locked,
            placeholder=t("quiz.category"),
        )
    return {entry: category for entry, category in chosen.items() if category is not None} or None


def _numeric(item: Item, key: str, seed: int, locked: bool) -> Any:
    label = t("quiz.number", unit=item.unit) if item.unit else t("quiz.number_plain")
    return st.text_input(label, key=key, disabled=locked, max_chars=40)


RESPONSE_WIDGETS: dict[str, Callable[[Item, str, int, bool], Any]] = {
    "single": _single,
    "multiple": _multiple,
    "truefalse": _truefalse,
    "ordering": _ordering,
    "matching": _matching,
    "numeric": _numeric,
}


def storable(response: Any) -> Any:
    """A widget's answer as the store keeps it (JSON has lists, not tuples)."""
    return list(response) if isinstance(response, tuple) else response


# ---- the end -----------------------------------------------------------------------------------
def _summary(key: str, attempt: Attempt, items: dict[str, Item]) -> None:
    total = len(attempt.item_ids)
    score_text = t(
        "quiz.score",
        score=number(attempt.score, 2),
        total=total,
        percent=percent(attempt.ratio),
        mark=percent(PASS_MARK),
    )
    (st.success if attempt.passed else st.error)(
        f"**{t('quiz.passed' if attempt.passed else 'quiz.not_passed')}** {score_text}",
        icon=":material/emoji_events:" if attempt.passed else ":material/replay:",
    )
    rows = [
        {
            t("quiz.review.n"): n,
            t("quiz.review.prompt"): items[item_id].prompt,
            t("quiz.review.yours"): _shown(items[item_id], attempt.answers.get(item_id)),
            t("quiz.review.right"): right_answer(items[item_id]),
            t("quiz.review.score"): number(attempt.answers[item_id].score, 2)
            if item_id in attempt.answers
            else "0",
        }
        for n, item_id in enumerate(attempt.item_ids, 1)
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    retry, again = st.columns(2)
    if attempt.missed:
        retry.button(
            t("quiz.retry_missed", n=len(attempt.missed)),
            key=f"{key}.retry",
            type="primary",
            icon=":material/replay:",
            on_click=_retry,
            args=(key, attempt, attempt.missed),
        )
    again.button(
        t("quiz.new"), key=f"{key}.new", icon=":material/restart_alt:", on_click=_clear, args=(key,)
    )


def _shown(item: Item, answered: Any) -> str:
    """A learner's answer as text for the review table."""
    if answered is None:
        return "—"
    value = answered.response
    options = getattr(item, "options", {})
    if isinstance(value, bool):
        return t("quiz.true") if value else t("quiz.false")
    if isinstance(value, list):
        joiner = "\u3001" if options else " → "
        return joiner.join(str(options.get(v, v)) for v in value)
    if isinstance(value, dict):
        return "\uff1b".join(f"{k} → {v}" for k, v in value.items())
    return str(options.get(value, value))


def _clear(key: str) -> None:
    st.session_state.pop(key, None)
