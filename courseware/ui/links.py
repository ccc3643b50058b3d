"""Links to a section of a lesson, kept inside the app (no page reload, no lost inputs)."""

from __future__ import annotations

import streamlit as st

PART_PAGES = "_part_pages"
PAGES = "_named_pages"


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


def remember_pages(pages: dict[str, st.Page]) -> None:
    """Other pages of this run's navigation by name ("progress", "quiz"), for links to them."""
    st.session_state[PAGES] = pages


def page_link(name: str, label: str, icon: str) -> None:
    """A link to one of the remembered pages (nothing when the navigation lacks it)."""
    page = st.session_state.get(PAGES, {}).get(name)
    if page is not None:
        st.page_link(page, label=label, icon=icon)
