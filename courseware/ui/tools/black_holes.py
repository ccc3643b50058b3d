"""Self-diagnosis of the management black holes 议而不决、决而不行、行而不果 (lesson 3.3)."""

from __future__ import annotations

import streamlit as st

from calculators.black_holes import Diagnosis, diagnose, load_survey
from courseware.content.catalog import load_course
from courseware.content.charts import score_bars_spec
from courseware.i18n import current_language, t
from courseware.ui.links import section_link
from courseware.ui.state import PERSIST
from courseware.ui.tools.frame import field_key, tool_frame

NAME = "black-holes"


def render() -> None:
    survey = load_survey(current_language())
    scale = dict(enumerate(survey.scale, start=1))
    with tool_frame(NAME):
        answers: dict[str, int | None] = {}
        for hole in survey.holes:
            st.markdown(f"**{t('app.name_and_label', name=hole.name, label=hole.label)}**")
            for statement in hole.statements:
                answers[statement.id] = st.segmented_control(
                    statement.text,
                    options=list(scale),
                    format_func=scale.__getitem__,
                    key=field_key(NAME, statement.id),
                    persist_state=PERSIST,
                )
        diagnosis = diagnose(
            {k: v for k, v in answers.items() if v is not None}, current_language()
        )
        total = sum(len(h.statements) for h in survey.holes)
        st.progress(
            diagnosis.answered / total,
            text=t(f"tools.{NAME}.answered", n=diagnosis.answered, total=total),
        )
        if diagnosis.answered == 0:
            return
        _result(diagnosis)


def _result(diagnosis: Diagnosis) -> None:
    survey = load_survey(current_language())
    names = {h.id: f"{h.name}（{h.label}）" for h in survey.holes}
    scored = [(names[hole], score) for hole, score in diagnosis.scores.items() if score is not None]
    st.vega_lite_chart(score_bars_spec(scored, title=t(f"tools.{NAME}.score")), width="stretch")
    if diagnosis.worst is None:
        st.success(t(f"tools.{NAME}.healthy"), icon=":material/verified:")
    else:
        hole = next(h for h in survey.holes if h.id == diagnosis.worst)
        st.warning(
            t(f"tools.{NAME}.worst", name=hole.name, label=hole.label),
            icon=":material/warning:",
        )
    lesson = next(e.lesson for e in load_course(current_language()) if e.part == survey.lesson.part)
    section = lesson.section(survey.lesson.section) if lesson else None
    if section is not None:
        section_link(survey.lesson.part, section.id, t(f"tools.{NAME}.back", section=section.label))
