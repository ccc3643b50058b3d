"""Links to a section of a lesson, kept inside the app (no page reload, no lost inputs)."""

from __future__ import annotations

import streamlit as st

PART_PAGES = "_part_pages"


def remember_part_pages(pages: dict[int, st.Page]) -> None:
    """The navigation's part pages of this run, for links drawn later in the run."""
    st.session_state[PART_PAGES] = pages


def section_link(part_number: int, section: str, label: str) -> None:
    """A link to one section of a part (nothing when that part has no page)."""
    page = st.session_state.get(PART_PAGES, {}).get(part_number)
    if page is not None:
        st.page_link(
            page, label=label, icon=":material/menu_book:", query_params={"section": section}
        )
