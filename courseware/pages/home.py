"""The home page: what the course is, its parts, and how to use the app."""

from __future__ import annotations

import streamlit as st

from courseware.content.catalog import LessonEntry
from courseware.i18n import part_label, t
from courseware.ui import content_errors, review, session
from courseware.ui.links import page_link


def render(entries: tuple[LessonEntry, ...], part_pages: dict[int, st.Page]) -> None:
    st.title(t("app.title"), anchor=False)
    st.caption(t("app.author"))
    st.markdown(t("home.lead"))
    _review_due()

    st.subheader(t("home.parts_heading"), anchor=False)
    parts_table(entries, part_pages)

    st.subheader(t("home.how_heading"), anchor=False)
    for who in ("trainee", "instructor", "self"):
        st.markdown(t("home.how_item", who=t(f"home.how_{who}_title"), text=t(f"home.how_{who}")))


def _review_due() -> None:
    """For a learner with questions due, how many, and a link to today's review."""
    learner = session.learner()
    due = review.due_count(learner) if learner is not None else None
    if due:
        st.info(t("review.home_due", n=due), icon=":material/event_repeat:")
        page_link("quiz", t("review.go_review"), ":material/arrow_forward:")


def parts_table(entries: tuple[LessonEntry, ...], part_pages: dict[int, st.Page]) -> None:
    """The course's parts as cards, two to a row (a phone stacks them in order)."""
    if not entries:
        st.warning(t("home.empty"))
    for row in range(0, len(entries), 2):
        for column, entry in zip(st.columns(2), entries[row : row + 2], strict=False):
            with column.container(border=True):
                _part_card(entry, part_pages.get(entry.part))


def _part_card(entry: LessonEntry, page: st.Page | None) -> None:
    label = part_label(entry.part)
    if entry.lesson is None:
        st.markdown(f"**{label}**")
        content_errors.broken_lesson(entry.error)
        return
    meta = entry.lesson.meta
    st.markdown(f"**{label} · {meta.title}**")
    st.caption(t("part.meta", minutes=meta.reading_minutes, sections=len(entry.lesson.sections)))
    st.markdown(meta.summary)
    if page is not None:
        st.page_link(page, label=t("home.open_part", label=label), icon=":material/arrow_forward:")
