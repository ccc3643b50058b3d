"""Build the app's pages from the lesson files found on disk."""

from __future__ import annotations

import streamlit as st

from courseware.content.catalog import LessonEntry, load_course
from courseware.i18n import DEFAULT_LANG, part_label, t
from courseware.pages import (
    home,
    instructor,
    live_poll,
    not_found,
    part,
    present,
    progress,
    quiz_hub,
)
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


def build_pages(lang: str = DEFAULT_LANG) -> dict[str, list[st.Page]]:
    """The navigation: a home page and one page per course part, grouped for the sidebar."""
    entries = load_course(lang)
    part_pages: dict[int, st.Page] = {}
    for entry in entries:
        if entry.part in part_pages:
            continue  # a second file for the same part: its error shows on the home page

        def show_part(entry: LessonEntry = entry) -> None:
            part.render(entry)

        show_part.__name__ = f"part_{entry.part}"
        part_pages[entry.part] = st.Page(
            show_part,
            title=part_title(entry),
            url_path=part_url(entry.part),
            icon=PART_ICONS.get(entry.part, ":material/menu_book:"),
        )

    remember_part_pages(part_pages)

    def show_home() -> None:
        home.render(entries, part_pages)

    def show_not_found() -> None:
        not_found.render(entries, part_pages)

    home_page = st.Page(show_home, title=t("app.home"), icon=":material/home:", default=True)
    missing = st.Page(show_not_found, title=t("not_found.nav"), url_path=NOT_FOUND,
                      icon=":material/explore_off:", visibility="hidden")  # fmt: skip
    study = [
        st.Page(quiz_hub.render, title=t("hub.nav"), url_path="quiz", icon=":material/quiz:"),
        st.Page(progress.render, title=t("progress.nav"), url_path="progress",
                icon=":material/insights:"),
    ]  # fmt: skip
    remember_pages({"quiz": study[0], "progress": study[1]})
    teach = [
        st.Page(present.render, title=t("present.nav"), url_path="present",
                icon=":material/slideshow:", visibility=_instructor_visibility()),
        st.Page(live_poll.render, title=t("live.nav"), url_path="live",
                icon=":material/podium:", visibility=_instructor_visibility()),
        st.Page(instructor.render, title=t("dashboard.nav"), url_path="instructor",
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
