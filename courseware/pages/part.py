"""A course part: title, table of contents and the lesson, one section or all of them."""

from __future__ import annotations

import streamlit as st

from courseware.content import LessonEntry
from courseware.i18n import part_label
from courseware.ui import content_errors, lesson_view


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
