"""Presenter mode: a part as slides in large type, for the classroom projector.

``/present?part=2&slide=6`` is the projected page (no speaker notes on it, ever);
``/present?notes=1`` is the speaker-notes window, which follows the projected slide.
"""

from __future__ import annotations

import streamlit as st

from courseware.content.catalog import load_course
from courseware.content.slides import Slide, slides
from courseware.i18n import current_language, part_label, t
from courseware.ui import lesson_view
from courseware.ui.instructor_gate import instructor_unlocked
from courseware.ui.presenter_style import presenter_style
from courseware.ui.slide_keys import follow_slides, slide_keys
from courseware.ui.tools.frame import PRESENTING

CHOSEN_PART = "_present_part_chosen"  # the part was just chosen: give the focus back


def render() -> None:
    if not instructor_unlocked():
        return
    parts = {e.part: e.lesson for e in load_course(current_language()) if e.lesson is not None}
    if not parts:
        st.warning(t("home.empty"))
        return
    part = _number(st.query_params.get("part"), default=min(parts))
    part = part if part in parts else min(parts)
    deck = slides(parts[part])
    number = min(max(_number(st.query_params.get("slide"), default=1), 1), len(deck))
    presenter_style()
    if st.query_params.get("notes"):
        _notes(deck, part, number)
        return
    slide_keys(f"{part}/{number}", refocus=st.session_state.pop(CHOSEN_PART, False))
    _controls(parts, part, number, len(deck))
    _slide(deck[number - 1])


def _number(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _go(part: int, number: int) -> None:
    st.query_params.update({"part": str(part), "slide": str(number)})


def _controls(parts: dict, part: int, number: int, total: int) -> None:
    home, choose, back, position, forward, notes = st.columns(
        [1.2, 3, 1, 0.8, 1, 1.2], vertical_alignment="center"
    )
    home.link_button(t("present.home"), "/", icon=":material/arrow_back:", width="stretch")
    chosen = choose.selectbox(
        t("present.part"),
        options=list(parts),
        index=list(parts).index(part),
        format_func=lambda p: f"{part_label(p)} · {parts[p].meta.title}",
        label_visibility="collapsed",
        key="present-part",
    )
    if chosen != part:
        _go(chosen, 1)
        st.session_state[CHOSEN_PART] = True
        st.rerun()
    if back.button(t("present.prev"), key="present-prev", disabled=number <= 1, width="stretch"):
        _go(part, number - 1)
        st.rerun()
    position.markdown(f"**{number} / {total}**")
    if forward.button(t("present.next"), key="present-next", disabled=number >= total,
                      width="stretch"):  # fmt: skip
        _go(part, number + 1)
        st.rerun()
    notes.link_button(t("present.open_notes"), f"/present?notes=1&part={part}&slide={number}",
                      icon=":material/speaker_notes:", width="stretch")  # fmt: skip


def _slide(slide: Slide) -> None:
    suffix = f" ({slide.piece}/{slide.pieces})" if slide.pieces > 1 else ""
    st.title(slide.title + suffix, anchor=False)
    st.session_state[PRESENTING] = True  # a tool on the slide scrolls in a panel of its own
    lesson_view.blocks(slide.blocks)


def _notes(deck: list[Slide], part: int, number: int) -> None:
    """The speaker-notes window: this slide's notes in large type, and what comes next."""
    follow_slides(part, number)
    slide = deck[number - 1]
    st.caption(t("present.notes_window", part=part_label(part), number=number, total=len(deck)))
    st.title(slide.title, anchor=False)
    if not slide.notes:
        st.info(t("present.no_notes"))
    for note in slide.notes:
        st.markdown(note)
    if number < len(deck):
        st.caption(t("present.next_slide", title=deck[number].title))
