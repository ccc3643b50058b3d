"""The quiz hub: every part and topic of the item bank in one place."""

from __future__ import annotations

import streamlit as st

from courseware.i18n import t
from courseware.ui import content_errors
from courseware.ui.quiz_runner import quiz_panel
from courseware.ui.quiz_scopes import quiz_items, scopes_for


def render() -> None:
    st.title(t("hub.title"), anchor=False)
    st.caption(t("hub.intro"))
    items, titles, errors = quiz_items()
    for error in errors:
        content_errors.broken_bank(error)
    quiz_panel("hub", scopes_for(items, titles), items)
