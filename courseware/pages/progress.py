"""My progress: mastery per part and topic, attempts over time, the review plan, and the items
missed most."""

from __future__ import annotations

import streamlit as st

from courseware.assessment.progress import history, mastery_by, most_missed
from courseware.assessment.reminder import review_reminder
from courseware.assessment.spacing import forecast, recall_by_part
from courseware.content.charts import (
    date_text,
    history_spec,
    mastery_spec,
    recall_spec,
    review_forecast_spec,
    review_history_spec,
)
from courseware.content.quiz import Item
from courseware.i18n import current_language, lookup, part_label, t
from courseware.storage.store import Learner, StoreUnavailable
from courseware.ui import review, session
from courseware.ui.database import current_reason
from courseware.ui.learner_box import resume_link_panel
from courseware.ui.quiz_runner import quiz_panel
from courseware.ui.quiz_scopes import quiz_items
from courseware.ui.safe import plain


def render() -> None:
    st.title(t("progress.title"), anchor=False)
    learner, opened = session.learner(), session.store()
    if opened is None:
        st.warning(t("learner.no_store", reason=current_reason()), icon=":material/cloud_off:")
        return
    if learner is None:
        waiting = session.link_unchecked()  # a resume link, checked once the database is back
        shown = "learner.link_unchecked" if waiting else "progress.sign_in"
        st.info(t(shown), icon=":material/person:")
        return
    try:
        answers = session.database().run(opened.answers, learner.id)
        attempts = session.database().run(opened.attempts, learner.id)
    except StoreUnavailable:
        st.warning(t("learner.no_store", reason=current_reason()), icon=":material/cloud_off:")
        return
    st.caption(t("progress.for", name=plain(learner.name)))
    resume_link_panel(learner)
    if not answers:
        st.info(t("progress.nothing_yet"), icon=":material/quiz:")
        return
    items, titles, _errors = quiz_items()
    parts_in_order = sorted(mastery_by(answers, items, "part"), key=lambda m: int(m.group))
    by_part = [(part_label(int(m.group)), m.mastery) for m in parts_in_order]
    by_topic = [
        (titles.get(m.group, m.group), m.mastery) for m in mastery_by(answers, items, "topic")
    ]
    parts, topics = st.columns(2)
    parts.vega_lite_chart(mastery_spec(by_part, title=t("progress.by_part")), width="stretch")
    topics.vega_lite_chart(mastery_spec(by_topic, title=t("progress.by_topic")), width="stretch")
    done = history(attempts)
    if done:
        points = [(a.finished_at.isoformat(), ratio, a.scope) for a, ratio in done]
        st.vega_lite_chart(history_spec(points, title=t("progress.history")), width="stretch")
    _review_plan(learner, items)
    missed = most_missed(answers, items)
    if missed:
        st.subheader(t("progress.missed"), anchor=False)
        st.dataframe(
            [
                {t("progress.item"): items[m.item_id].prompt, t("progress.misses"): m.misses,
                 t("progress.tries"): m.tries}
                for m in missed
            ],
            hide_index=True,
            width="stretch",
        )  # fmt: skip
        review = {"review": (t("progress.review"), [items[m.item_id] for m in missed])}
        quiz_panel("review", review, items)


def _review_plan(learner: Learner, items: dict[str, Item]) -> None:
    """What falls due when, what is likely kept today, the reviews so far, a calendar reminder."""
    st.subheader(t("review.plan"), anchor=False)
    st.caption(t("review.plan_help"))
    now = review.review_now()
    cards, logs = review.cards(learner, now), review.logs(learner)
    if cards is None or logs is None:
        st.warning(t("learner.no_store", reason=current_reason()), icon=":material/cloud_off:")
        return
    if not cards:
        st.info(t("review.no_cards"), icon=":material/event_repeat:")
        return
    count, when = t("review.items"), review.next_review(cards, items, now)
    due, kept = st.columns(2)
    days = forecast(cards, items, now)
    spec = review_forecast_spec(days, title=t("review.forecast"), count_label=count)
    due.vega_lite_chart(spec, width="stretch")
    recall = [(part_label(part), mean, n) for part, mean, n in recall_by_part(cards, items, now)]
    kept.vega_lite_chart(recall_spec(recall, title=t("review.recall"), count_label=count),
                         width="stretch")  # fmt: skip
    per_day = review.reviews_per_day(logs, now.date())
    spec = review_history_spec(per_day, lookup("review.ratings"), title=t("review.history"),
                               count_label=t("review.reviews"))  # fmt: skip
    st.vega_lite_chart(spec, width="stretch")
    if when is not None:
        st.caption(f"{t('review.next', date=date_text(when.date()))} · {t('review.calendar_help')}")
        st.download_button(
            t("review.calendar"),
            data=review_reminder(when, current_language(), url=review.hub_address()),
            file_name="review.ics",
            mime="text/calendar",
            icon=":material/event:",
            key="progress-ics",
        )
