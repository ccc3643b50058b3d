"""Questioning practice: a customer situation, a chosen technique, your question, feedback (4.4)."""

from __future__ import annotations

import streamlit as st

from calculators.questioning import Assessment, assess, load_situations, load_techniques
from courseware.i18n import current_language, t
from courseware.ui.safe import plain
from courseware.ui.state import PERSIST, seed
from courseware.ui.tools.frame import field_key, tool_frame

NAME = "questioning-practice"
SITUATION = field_key(NAME, "situation")
TECHNIQUE = field_key(NAME, "technique")
QUESTION = field_key(NAME, "question")
RESULT = field_key(NAME, "result")
MAX_LENGTH = 200


def render() -> None:
    lang = current_language()
    situations = {s.id: s for s in load_situations(lang)}
    techniques = {tech.id: tech for tech in load_techniques(lang)}
    with tool_frame(NAME):
        with st.expander(t(f"tools.{NAME}.techniques"), icon=":material/help:"):
            st.table(
                [
                    {
                        t(f"tools.{NAME}.name"): tech.name,
                        t(f"tools.{NAME}.purpose"): tech.purpose,
                        t(f"tools.{NAME}.example"): tech.example,
                    }
                    for tech in techniques.values()
                ]
            )
        chosen = st.selectbox(
            t(f"tools.{NAME}.situation"),
            options=list(situations),
            format_func=lambda sid: situations[sid].situation,
            key=seed(SITUATION, next(iter(situations))),
            on_change=_clear_result,
            persist_state=PERSIST,
        )
        st.button(
            t(f"tools.{NAME}.another"),
            key=f"{SITUATION}.next",
            icon=":material/shuffle:",
            on_click=_next_situation,
            args=(list(situations),),
        )
        st.info(situations[chosen].situation, icon=":material/support_agent:")
        with st.form(field_key(NAME, "form"), border=False):
            technique = st.pills(
                t(f"tools.{NAME}.technique"),
                options=list(techniques),
                format_func=lambda tid: techniques[tid].name,
                key=seed(TECHNIQUE, next(iter(techniques))),
                persist_state=PERSIST,
            )
            question = st.text_input(
                t(f"tools.{NAME}.question"),
                key=seed(QUESTION, ""),
                max_chars=MAX_LENGTH,
                placeholder=t(f"tools.{NAME}.placeholder"),
                persist_state=PERSIST,
            )
            submitted = st.form_submit_button(t(f"tools.{NAME}.check"), type="primary")
        if submitted:
            if technique is None:
                st.session_state.pop(RESULT, None)
                st.warning(t(f"tools.{NAME}.choose"), icon=":material/touch_app:")
                return
            st.session_state[RESULT] = (
                chosen,
                technique,
                assess(chosen, technique, question, lang),
            )
        result = st.session_state.get(RESULT)
        if result is not None and result[0] == chosen:
            _feedback(techniques, *result[1:])


def _clear_result() -> None:
    st.session_state.pop(RESULT, None)


def _next_situation(ids: list[str]) -> None:
    current = st.session_state.get(SITUATION)  # read before the select box checks it
    position = ids.index(current) if current in ids else -1
    st.session_state[SITUATION] = ids[(position + 1) % len(ids)]
    st.session_state[QUESTION] = ""
    _clear_result()


def _feedback(techniques: dict, chosen: str, result: Assessment) -> None:
    name = techniques[chosen].name
    if result.too_short:
        st.warning(t(f"tools.{NAME}.too_short"), icon=":material/edit:")
    elif not result.is_question:
        st.warning(t(f"tools.{NAME}.not_question"), icon=":material/help:")
    elif result.matches:
        st.success(t(f"tools.{NAME}.matches", name=name), icon=":material/check_circle:")
    elif result.detected:
        others = t("app.list_separator").join(techniques[d].name for d in result.detected)
        st.warning(
            t(f"tools.{NAME}.looks_like", name=name, others=others), icon=":material/swap_horiz:"
        )
    else:
        st.info(t(f"tools.{NAME}.unclear", name=name, purpose=techniques[chosen].purpose))
    st.markdown(f"**{t(f'tools.{NAME}.model', name=name)}** {plain(result.model_question)}")
