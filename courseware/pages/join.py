"""Trainees join the live poll by code (or QR) and nickname, and answer on their phone."""

from __future__ import annotations

import streamlit as st

from courseware.i18n import t
from courseware.live.store import MAX_NICKNAME, LiveQuestion, LiveStore, Player
from courseware.scoring import check
from courseware.ui import session
from courseware.ui.live_helpers import live_store
from courseware.ui.quiz_runner import RESPONSE_WIDGETS, right_answer, storable
from courseware.ui.quiz_scopes import quiz_items

PLAYER = "player"  # the query parameter that brings a player back after a reload


def render() -> None:
    st.title(t("join.title"), anchor=False)
    live = live_store()
    if live is None:
        st.warning(t("learner.no_store"), icon=":material/cloud_off:")
        return
    player = live.player(st.query_params.get(PLAYER) or "")
    if player is None:
        _join_form(live)
        return
    st.text(t("join.hello", nickname=player.nickname))
    question = live.current(player.session_id)
    if (
        question is not None
        and not question.revealed
        and live.my_answer(question.id, player.id) is None
    ):
        _answer_form(live, player, question)
    else:
        _waiting(player, question.id if question else None)


def _join_form(live: LiveStore) -> None:
    with st.form("join-form"):
        code = st.text_input(
            t("join.code"), value=st.query_params.get("code", ""), max_chars=12, key="join-code"
        )
        known = session.learner()  # a trainee who saves progress is known by their resume link
        nickname = st.text_input(
            t("join.nickname"),
            value=known.name[:MAX_NICKNAME] if known else "",
            max_chars=MAX_NICKNAME * 2,
            key="join-nick",
        )
        sent = st.form_submit_button(t("join.join"), type="primary")
    if not sent:
        return
    joined = live.join(code or "", nickname or "")
    if isinstance(joined, Player):
        st.query_params[PLAYER] = joined.token
        st.rerun()
    st.error(t(f"join.problems.{joined}"), icon=":material/error:")


def _answer_form(live: LiveStore, player: Player, question: LiveQuestion) -> None:
    items, _titles, _errors = quiz_items()
    item = items.get(question.item_id)
    if item is None:
        st.info(t("join.wait"))
        return
    key = f"live.{question.id}"
    with st.form(f"{key}.form"):
        st.markdown(f"**{t('live.question', n=question.number)}** {item.prompt}")
        response = RESPONSE_WIDGETS[item.type](item, key, question.id, False)
        sent = st.form_submit_button(t("quiz.submit"), type="primary")
    if not sent:
        return
    checked = check(item, response)
    if checked.problem:
        st.warning(t(f"quiz.problems.{checked.problem}"), icon=":material/edit:")
        return
    outcome = live.answer(question.id, player, storable(response), checked.score)
    if outcome != "stored":
        st.warning(t(f"join.outcomes.{outcome}"), icon=":material/info:")
    st.rerun()


@st.fragment(run_every=2)
def _waiting(player: Player, question_id: int | None) -> None:
    """Waits for the reveal or the next question, checking about every two seconds."""
    live = live_store()
    if live is None:
        return
    items, _titles, _errors = quiz_items()
    question = live.current(player.session_id)
    if (question.id if question else None) != question_id:
        st.rerun()  # a new question: show its form
    if question is None:
        st.info(t("join.wait"), icon=":material/hourglass_top:")
        return
    mine = live.my_answer(question.id, player.id)
    if not question.revealed:
        st.info(t("join.sent"), icon=":material/hourglass_top:")
        return
    item = items.get(question.item_id)
    if mine is None:
        st.info(t("join.missed"))
    elif mine[1] >= 1:
        st.success(t("quiz.right"), icon=":material/check_circle:")
    else:
        st.error(t("quiz.wrong"), icon=":material/cancel:")
    if item is not None:
        st.markdown(f"**{t('quiz.answer')}**")
        st.text(right_answer(item))
        st.info(item.explanation, icon=":material/school:")
    points = dict(live.leaderboard(player.session_id)).get(player.nickname, 0.0)
    st.caption(t("join.points", points=f"{points:g}"))
