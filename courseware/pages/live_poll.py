"""The instructor's live poll: a join code and QR, questions pushed to the room, live counts."""

from __future__ import annotations

import streamlit as st

from courseware.content.charts import distribution_spec
from courseware.i18n import current_language, t
from courseware.live.join_address import is_loopback, qr_svg
from courseware.live.phone_question import answer_in_letters
from courseware.live.screen import shares
from courseware.live.store import LiveQuestion, LiveStore
from courseware.storage.store import StoreUnavailable
from courseware.ui import session
from courseware.ui.database import done, guarded, reason
from courseware.ui.instructor_gate import instructor_unlocked
from courseware.ui.live_helpers import join_link, live_store
from courseware.ui.quiz_scopes import quiz_items

SESSION = "_live_session"  # (id, code) of the poll this instructor runs
TIMERS = [None, 10, 20, 30, 60]  # seconds to answer a pushed question (None: no countdown)


def render() -> None:
    if not instructor_unlocked():
        return
    st.title(t("live.title"), anchor=False)
    live = live_store()
    if live is None:
        st.warning(t("live.no_store"), icon=":material/cloud_off:")
        return
    running = st.session_state.get(SESSION)
    if running is None:
        _choose_poll(live)
        return
    session_id, code = running
    join, room = st.columns([1, 2])
    with join:
        st.markdown(f"### {t('live.code')}")
        st.markdown(f"# {code}")
        st.image(qr_svg(join_link(code)), width=260)
        st.code(join_link(code), language=None, wrap_lines=True)
        if is_loopback(join_link(code)):
            st.warning(t("live.loopback"), icon=":material/wifi_off:")
        screen = f"/screen?code={code}&lang={current_language()}"
        st.link_button(t("live.screen"), screen, icon=":material/tv:", type="primary",
                       width="stretch")  # fmt: skip
    with room:
        _push(live, session_id)
        _live_view(session_id)
    if st.button(t("live.end"), key="live-end", icon=":material/stop_circle:") and done(
        live.end_session, session_id
    ):
        st.session_state.pop(SESSION)
        st.rerun()


def _choose_poll(live: LiveStore) -> None:
    """Start a poll, or resume one still open (from another tab, process or a reload)."""
    st.caption(t("live.intro"))
    if st.button(t("live.start"), type="primary", key="live-start"):
        started = guarded(live.start_session)
        if started is not None:
            st.session_state[SESSION] = (started.id, started.code)
            st.rerun()
    still_open = guarded(live.open_sessions)
    if not still_open:
        return
    st.subheader(t("live.open_polls"), anchor=False)
    for poll in still_open:
        code, resume, close = st.columns([2, 1, 1], vertical_alignment="center")
        code.markdown(f"**{poll.code}**")
        if resume.button(
            t("live.resume"), key=f"live-resume-{poll.code}", icon=":material/play_arrow:"
        ):
            st.session_state[SESSION] = (poll.id, poll.code)
            st.rerun()
        if close.button(
            t("live.end"), key=f"live-close-{poll.code}", icon=":material/stop_circle:"
        ) and done(live.end_session, poll.id):
            st.rerun()


def _push(live: LiveStore, session_id: int) -> None:
    items, titles, _errors = quiz_items()
    topic = st.selectbox(
        t("live.topic"), options=list(titles), format_func=titles.get, key="live-topic"
    )
    ids = [i.id for i in items.values() if i.topic == topic]
    item_id = st.selectbox(
        t("live.item"), options=ids, format_func=lambda i: items[i].prompt, key="live-item"
    )
    timer, bonus = st.columns(2, vertical_alignment="bottom")
    seconds = timer.selectbox(
        t("live.timer"), options=TIMERS, key="live-timer",
        format_func=lambda n: t("live.timer_seconds", n=n) if n else t("live.no_timer"),
    )  # fmt: skip
    speed = bonus.toggle(t("live.speed_bonus"), key="live-speed", disabled=not seconds)
    push, next_one = st.columns(2)
    if push.button(t("live.push"), type="primary", key="live-push", icon=":material/send:"):
        done(live.push, session_id, item_id, seconds, speed)
    next_one.button(
        t("live.push_next"),
        key="live-push-next",
        icon=":material/skip_next:",
        on_click=_push_next_of_topic,
        args=(live, session_id, ids, seconds, speed),
    )


def _push_next_of_topic(
    live: LiveStore, session_id: int, ids: list[str], seconds: int | None, speed: bool
) -> None:
    """Push the topic's item after the one on screen (the first, if another topic's is)."""
    try:
        current = session.database().run(live.current, session_id)
    except StoreUnavailable as fault:
        st.toast(t("database.refused", reason=reason(fault.kind)), icon=":material/cloud_off:")
        return
    position = ids.index(current.item_id) + 1 if current and current.item_id in ids else 0
    if position < len(ids) and done(live.push, session_id, ids[position], seconds, speed):
        st.session_state["live-item"] = ids[position]
    else:
        st.toast(t("live.topic_done"))


@st.fragment(run_every=0.5)
def _live_view(session_id: int) -> None:
    """Counts that refresh by themselves twice a second."""
    live = live_store()
    if live is None or (room := guarded(_room, live, session_id)) is None:
        return  # the page's banner says why; this view tries again in half a second
    question, players = room
    items, _titles, _errors = quiz_items()
    if question is None or question.item_id not in items:
        st.info(t("live.waiting", players=players), icon=":material/groups:")
        return
    item = items[question.item_id]
    st.markdown(f"**{t('live.question', n=question.number)}** {item.prompt}")
    responses = guarded(live.responses, question.id)
    if responses is None:
        return
    st.metric(t("live.answered"), f"{len(responses)} / {players}")
    if responses:
        st.vega_lite_chart(
            distribution_spec(shares(item, responses), title=t("live.share")), width="stretch"
        )
    if not question.revealed:
        reveal = st.button(t("live.reveal"), key=f"live-reveal-{question.id}", type="primary")
        if reveal and done(live.reveal, question.id):
            st.rerun(scope="fragment")
        return
    st.success(
        t("live.right_answer", answer=answer_in_letters(item)), icon=":material/check_circle:"
    )
    st.markdown(f"**{t('live.leaderboard')}**")
    st.dataframe(
        [{t("live.nickname"): name, t("live.points"): points}
         for name, points in guarded(live.leaderboard, session_id) or []],
        hide_index=True, width="stretch",
    )  # fmt: skip


def _room(live: LiveStore, session_id: int) -> tuple[LiveQuestion | None, int]:
    """The question on screen and how many phones follow the poll."""
    return live.current(session_id), live.players(session_id)
