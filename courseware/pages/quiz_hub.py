"""The quiz hub: today's review for a learner who saves progress, then every part and topic of
the item bank."""

from __future__ import annotations

import streamlit as st

from courseware.assessment.spacing import next_due
from courseware.content.charts import date_text
from courseware.i18n import t
from courseware.ui import content_errors, review, session
from courseware.ui.quiz_runner import quiz_panel
from courseware.ui.quiz_scopes import quiz_items, review_scope, scopes_for


def render() -> None:
    st.title(t("hub.title"), anchor=False)
    st.caption(t("hub.intro"))
    items, titles, errors = quiz_items()
    for error in errors:
        content_errors.broken_bank(error)
    scopes = scopes_for(items, titles)
    learner = session.learner()
    found = review.review_items(learner, items) if learner is not None else None
    if found is not None:
        queue, cards = found
        scopes = {**review_scope(queue), **scopes}
        later = next_due(cards, items, review.review_now())
        if later is not None and not review.due_now(cards):
            st.info(t("review.next", date=date_text(later.date())), icon=":material/event:")
    quiz_panel("hub", scopes, items)
