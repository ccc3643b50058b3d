"""The page for an address the app does not have: say so, and offer the course's parts."""

from __future__ import annotations

import streamlit as st

from courseware.content.catalog import LessonEntry
from courseware.i18n import t
from courseware.pages.home import parts_table
from courseware.ui.safe import plain


def render(entries: tuple[LessonEntry, ...], part_pages: dict[int, st.Page]) -> None:
    st.title(t("not_found.title"), anchor=False)
    address = str(st.query_params.get("address", ""))[:200]
    if address:
        st.markdown(t("not_found.address", address=plain(address)))
    st.markdown(t("not_found.lead"))
    parts_table(entries, part_pages)
