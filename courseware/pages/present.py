"""Presenter mode: a part as slides in large type, for the classroom projector."""

from __future__ import annotations

import streamlit as st
from streamlit_shortcuts import shortcut_button

from courseware.content import load_course
from courseware.i18n import part_label, t
from courseware.slides import Slide, slides
from courseware.ui import lesson_view
from courseware.ui.instructor_gate import instructor_unlocked
from courseware.ui.presenter_style import presenter_style


def render() -> None:
    if not instructor_unlocked():
        return
    parts = {e.part: e.lesson for e in load_course("zh") if e.lesson is not None}
    if not parts:
        st.warning(t("home.empty"))
        return
    part = _number(st.query_params.get("part"), default=min(parts))
    part = part if part in parts else min(parts)
    deck = slides(parts[part])
    number = min(max(_number(st.query_params.get("slide"), default=1), 1), len(deck))
    presenter_style()
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
    choose, back, position, forward = st.columns([3, 1, 1, 1], vertical_alignment="center")
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
        st.rerun()
    with back:
        if shortcut_button(t("present.prev"), "arrowleft", key="present-prev", hint=False,
                           disabled=number <= 1, width="stretch"):  # fmt: skip
            _go(part, number - 1)
            st.rerun()
    position.markdown(f"**{number} / {total}**")
    with forward:
        if shortcut_button(t("present.next"), "arrowright", key="present-next", hint=False,
                           disabled=number >= total, width="stretch"):  # fmt: skip
            _go(part, number + 1)
            st.rerun()


def _slide(slide: Slide) -> None:
    suffix = f" ({slide.piece}/{slide.pieces})" if slide.pieces > 1 else ""
    st.title(slide.title + suffix, anchor=False)
    lesson_view.blocks(slide.blocks)
    if slide.notes:
        with st.expander(t("present.notes"), icon=":material/speaker_notes:"):
            for note in slide.notes:
                st.markdown(note)
