"""Take a quiz: choose a scope and length, answer one item at a time, see the result and review."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from courseware.assessment.attempt import PASS_MARK, Attempt, fresh_seed, new_attempt
from courseware.assessment.review import Reviewed, Row, carried_over, option_label, reviewed
from courseware.assessment.scoring import check, shuffled
from courseware.content.banks import items_by_id
from courseware.content.quiz import Item
from courseware.format import number, percent
from courseware.i18n import current_language, languages, t
from courseware.ui import quiz_saving
from courseware.ui.browser_values import read_only_fitting_values
from courseware.ui.links import section_link
from courseware.ui.safe import plain

REVIEW_SCOPE = "review:today"  # the scope of today's review (``quiz_scopes.review_scope``)
LENGTHS = (5, 10, 0)  # 0: every item of the scope
Scopes = dict[str, tuple[str, Sequence[Item]]]  # scope id -> (label, items)
VERDICT_MARKS = {"right": ":green[✓]", "partly": ":orange[◐]", "wrong": ":red[✗]",
                 "unanswered": ":gray[—]"}  # fmt: skip

read_only_fitting_values()  # an answer a widget cannot read counts as none given


def attempt_key(context: str) -> str:
    return f"quiz.{context}"


def in_progress(context: str, items: dict[str, Item]) -> bool:
    """Whether this quiz has an attempt under way, brought back from the store if need be."""
    key = attempt_key(context)
    if key not in st.session_state and (found := quiz_saving.unfinished(context, items)):
        st.session_state[key] = found
    attempt = st.session_state.get(key)
    return isinstance(attempt, Attempt) and not attempt.finished


@st.fragment
def quiz_panel(context: str, scopes: Scopes, items: dict[str, Item]) -> None:
    """A quiz that belongs to ``context`` (a page); its state lives in this session, and in the
    store for a learner who saves progress.

    A fragment: answering reruns the quiz, not the page around it.
    """
    key = attempt_key(context)
    in_progress(context, items)
    attempt: Attempt | None = st.session_state.get(key)
    if attempt is None or any(i not in items for i in attempt.all_ids):
        _setup(key, context, scopes)
    elif attempt.finished:
        _summary(key, context, attempt, items)
    else:
        _question(key, attempt, items[attempt.current])


# ---- choosing a quiz -------------------------------------------------------------------------
def _setup(key: str, context: str, scopes: Scopes) -> None:
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
        args=(key, context, scopes),
    )


def _start(key: str, context: str, scopes: Scopes) -> None:
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
    in_order = scope == REVIEW_SCOPE  # today's review: most overdue first
    attempt = new_attempt(scope, pool, length or None, fresh_seed(), in_order=in_order)
    st.session_state[key] = quiz_saving.saved(attempt, context)


def _retry(key: str, context: str) -> None:
    attempt = st.session_state.get(key)
    if isinstance(attempt, Attempt) and attempt.finished and attempt.missed:
        st.session_state[key] = quiz_saving.saved(attempt.retry(fresh_seed()), context)


# ---- one item --------------------------------------------------------------------------------
def _question(key: str, attempt: Attempt, item: Item) -> None:
    total = len(attempt.item_ids)
    label = "quiz.retry_position" if attempt.is_retry else "quiz.position"
    st.progress(attempt.index / total, text=t(label, i=attempt.index + 1, n=total))
    answered = attempt.answers.get(item.id)
    quiz_saving.item_shown(attempt, item.id)
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
        quiz_saving.store_answer(attempt, item.id)
        answered = attempt.answers[item.id]
    if answered is not None:
        feedback(reviewed(item, _in_words_of(item, answered.response), answered.score,
                          answered.seed))  # fmt: skip
        last = attempt.index + 1 == total
        st.button(
            t("quiz.finish" if last else "quiz.next"),
            type="primary",
            key=f"{widget}.next",
            on_click=_advance,
            args=(key,),
        )
    st.space("medium")
    with st.popover(t("quiz.quit"), icon=":material/close:"):
        st.markdown(t("quiz.quit_confirm"))
        st.button(t("quiz.quit_yes"), key=f"{widget}.quit", on_click=_quit, args=(key,))


def _advance(key: str) -> None:
    current = st.session_state.get(key)
    if not isinstance(current, Attempt) or current.finished:  # quit or finished already
        return
    attempt = current.next()
    st.session_state[key] = attempt
    if attempt.finished:
        quiz_saving.finish(attempt)


def feedback(answer: Reviewed) -> None:
    """Right or wrong, the learner's answer line by line, the right answer and why."""
    if answer.verdict == "right":
        st.success(t("quiz.right"), icon=":material/check_circle:")
    elif answer.verdict == "partly":
        st.warning(t("quiz.partly", score=number(answer.score, 2)), icon=":material/adjust:")
    else:
        st.error(t("quiz.wrong"), icon=":material/cancel:")
    _answer_lines(answer)
    st.info(answer.item.explanation, icon=":material/school:")
    section_link(answer.item.part, answer.item.section,
                 t("quiz.read_again", section=_section_label(answer.item)))  # fmt: skip


def _answer_lines(answer: Reviewed, review: bool = False) -> None:
    """The learner's answer (each line marked ✓/✗ where lines are judged), then the right one.

    Right after a true/false answer the learner knows what they chose; a review says it again.
    """
    if answer.yours and (review or answer.item.type != "truefalse"):
        st.markdown(f"**{t('quiz.review.yours')}**\n\n" + "\n".join(map(_row, answer.yours)))
    st.markdown(
        f"**{t('quiz.answer')}**\n\n" + "\n".join(f"- {plain(line)}" for line in answer.right)
    )


def _row(row: Row) -> str:
    mark = {True: ":green[✓]", False: ":red[✗]", None: "-"}[row.right]
    fix = f" · {t('quiz.review.should_be', right=plain(row.should_be))}" if row.should_be else ""
    return f"- {mark} {plain(row.text)}{fix}" if row.right is not None else f"- {plain(row.text)}"


def _in_words_of(item: Item, response: Any) -> Any:
    """An answer given before a language switch, in the words of ``item``'s language."""
    others = [items_by_id(lang).get(item.id) for lang in languages() if lang != current_language()]
    return carried_over(item, response, [other for other in others if other is not None])


def _section_label(item: Item) -> str:
    from courseware.content.catalog import load_course

    lesson = next(
        (e.lesson for e in load_course(current_language()) if e.part == item.part and e.lesson),
        None,
    )
    section = lesson.section(item.section) if lesson else None
    return section.label if section else item.section


# ---- the widgets that take an answer, one per item type --------------------------------------
def _single(item: Item, key: str, seed: int, locked: bool) -> Any:
    return st.radio(
        t("quiz.choose_one"),
        options=shuffled(item, seed),
        format_func=lambda k: option_label(item, seed, k),
        index=None,
        key=key,
        disabled=locked,
    )


def _multiple(item: Item, key: str, seed: int, locked: bool) -> Any:
    st.caption(t("quiz.choose_all"))
    return [
        k
        for k in shuffled(item, seed)
        if st.checkbox(option_label(item, seed, k), key=f"{key}.{k}", disabled=locked)
    ]


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
def _summary(key: str, context: str, attempt: Attempt, items: dict[str, Item]) -> None:
    total = len(attempt.all_ids)
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
    if attempt.is_retry:
        st.caption(t("quiz.retry_round", score=number(attempt.round_score, 2),
                     n=len(attempt.item_ids)))  # fmt: skip
    _review(key, attempt, items)
    retry, again = st.columns(2)
    if attempt.missed:
        retry.button(
            t("quiz.retry_missed", n=len(attempt.missed)),
            key=f"{key}.retry",
            type="primary",
            icon=":material/replay:",
            on_click=_retry,
            args=(key, context),
        )
    again.button(
        t("quiz.new"), key=f"{key}.new", icon=":material/restart_alt:", on_click=_clear, args=(key,)
    )


def _review(key: str, attempt: Attempt, items: dict[str, Item]) -> None:
    """One card per item, in the order asked: ✓/✗, the answers, the points and why."""
    latest = attempt.combined
    answers = []
    for item_id in attempt.all_ids:
        answered = latest.get(item_id)
        item = items[item_id]
        response = _in_words_of(item, answered.response) if answered else None
        seed = answered.seed if answered else attempt.seed
        answers.append(reviewed(item, response, answered.score if answered else None, seed))
    st.subheader(t("quiz.review.title"), anchor=False)
    wrong_only = st.toggle(
        t("quiz.review.wrong_only", n=sum(a.verdict != "right" for a in answers)),
        key=f"{key}.wrong-only",
    )
    for number_, answer in enumerate(answers, 1):
        if wrong_only and answer.verdict == "right":
            continue
        with st.container(border=True, key=f"{key}-card-{number_}"):
            st.markdown(
                f"{VERDICT_MARKS[answer.verdict]} **{t('quiz.review.n', n=number_)}** · "
                + t("quiz.review.points", score=number(answer.score, 2))
            )
            st.markdown(f"**{answer.item.prompt}**")
            if answer.verdict == "unanswered":
                st.caption(t("quiz.review.unanswered"))
            _answer_lines(answer, review=True)
            st.caption(answer.item.explanation)


def _quit(key: str) -> None:
    attempt = st.session_state.pop(key, None)
    if isinstance(attempt, Attempt):
        quiz_saving.abandon(attempt)


def _clear(key: str) -> None:
    st.session_state.pop(key, None)
