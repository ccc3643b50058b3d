"""Build the app's pages from the lesson files found on disk.

Each page's module is imported when that page is first shown, so a server's first visitor
waits only for what their page uses (the dashboard's tables and charts load with it).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

import streamlit as st

from courseware.content.catalog import LessonEntry, load_course
from courseware.i18n import DEFAULT_LANG, part_label, t
from courseware.ui.instructor_gate import is_instructor
from courseware.ui.links import remember_pages, remember_part_pages
from courseware.unknown_addresses import NOT_FOUND

PART_ICONS = {
    1: ":material/groups:",
    2: ":material/flag:",
    3: ":material/bolt:",
    4: ":material/forum:",
}


FIXED_PAGES = ("quiz", "progress", "present", "live", "instructor", NOT_FOUND)


def part_url(part_number: int) -> str:
    return f"part-{part_number}"


def part_title(entry: LessonEntry) -> str:
    label = part_label(entry.part)
    if entry.lesson is None:
        return label
    return t("part.nav_title", label=label, title=entry.lesson.meta.nav_title)


def _shown(module: str, *args: Any) -> Callable[[], None]:
    """A page that imports ``courseware.pages.<module>`` and draws its ``render(*args)``."""

    def show() -> None:
        import_module(f"courseware.pages.{module}").render(*args)

    show.__name__ = f"show_{module}"
    return show


def build_pages(lang: str = DEFAULT_LANG) -> dict[str, list[st.Page]]:
    """The navigation: a home page and one page per course part, grouped for the sidebar."""
    entries = load_course(lang)
    part_pages: dict[int, st.Page] = {}
    for entry in entries:
        if entry.part in part_pages:
            continue  # a second file for the same part: its error shows on the home page

        part_pages[entry.part] = st.Page(
            _shown("part", entry),
            title=part_title(entry),
            url_path=part_url(entry.part),
            icon=PART_ICONS.get(entry.part, ":material/menu_book:"),
        )

    remember_part_pages(part_pages)

    home_page = st.Page(_shown("home", entries, part_pages), title=t("app.home"),
                        icon=":material/home:", default=True)  # fmt: skip
    missing = st.Page(_shown("not_found", entries, part_pages), title=t("not_found.nav"),
                      url_path=NOT_FOUND, icon=":material/explore_off:",
                      visibility="hidden")  # fmt: skip
    study = [
        st.Page(_shown("quiz_hub"), title=t("hub.nav"), url_path="quiz", icon=":material/quiz:"),
        st.Page(_shown("progress"), title=t("progress.nav"), url_path="progress",
                icon=":material/insights:"),
    ]  # fmt: skip
    remember_pages({"quiz": study[0], "progress": study[1]})
    teach = [
        st.Page(_shown("present"), title=t("present.nav"), url_path="present",
                icon=":material/slideshow:", visibility=_instructor_visibility()),
        st.Page(_shown("live_poll"), title=t("live.nav"), url_path="live",
                icon=":material/podium:", visibility=_instructor_visibility()),
        st.Page(_shown("instructor"), title=t("dashboard.nav"), url_path="instructor",
                icon=":material/analytics:", visibility=_instructor_visibility()),
    ]  # fmt: skip
    return {
        "": [home_page],
        t("app.nav_course"): list(part_pages.values()),
        t("app.nav_study"): study,
        t("app.nav_teach"): [*teach, missing],
    }


def page_paths(lang: str = DEFAULT_LANG) -> set[str]:
    """The address of every page the navigation has ("" is the home page)."""
    parts = {part_url(entry.part) for entry in load_course(lang)}
    return {"", *parts, *FIXED_PAGES}


def _instructor_visibility() -> str:
    """Instructor pages open by their address, but only an instructor sees them listed."""
    return "visible" if is_instructor() else "hidden"
