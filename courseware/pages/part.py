"""A course part: title, table of contents and the lesson, one section or all of them."""

from __future__ import annotations

import streamlit as st

from courseware.content.catalog import LessonEntry
from courseware.i18n import part_label, t
from courseware.ui import content_errors, lesson_view
from courseware.ui.quiz_runner import in_progress, quiz_panel
from courseware.ui.quiz_scopes import quiz_items, scopes_for


def render(entry: LessonEntry) -> None:
    if entry.lesson is None:
        st.title(part_label(entry.part), anchor=False)
        content_errors.broken_lesson(entry.error)
        return
    lesson = entry.lesson
    lesson_view.lesson_header(lesson)
    content_errors.lesson_warnings(lesson.warnings)
    section = lesson_view.section_picker(lesson)
    if section is None:
        lesson_view.whole_lesson(lesson)
    else:
        lesson_view.single_section(lesson, section)
    part_quiz(lesson.meta.part)


def part_quiz(part_number: int) -> None:
    """The part's self-test under the lesson, opened with a toggle (open already while an
    attempt is under way, even one brought back after a reload)."""
    context, toggle = f"part-{part_number}", f"quiz.part-{part_number}.open"
    items, titles, _errors = quiz_items()
    if toggle not in st.session_state and in_progress(context, items):
        st.session_state[toggle] = True
    if st.toggle(t("quiz.part_quiz"), key=toggle):
        quiz_panel(context, scopes_for(items, titles, part_number), items)
