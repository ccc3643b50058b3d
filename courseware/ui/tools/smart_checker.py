"""SMART goal checker: advice letter by letter and, when sure, a cleaned-up goal (lesson 2.6)."""

from __future__ import annotations

import streamlit as st

from calculators.indicators import load_perspectives
from calculators.smart import LETTERS, Letter, SmartCheck, check_goal
from courseware.i18n import current_language, lookup, t
from courseware.ui.safe import plain
from courseware.ui.state import PERSIST, seed
from courseware.ui.tools.frame import field_key, tool_frame

NAME = "smart-checker"
GOAL = field_key(NAME, "goal")
MAX_LENGTH = 300


def render() -> None:
    with tool_frame(NAME):
        st.text_area(
            t(f"tools.{NAME}.goal"),
            key=seed(GOAL, t(f"tools.{NAME}.example_weak")),
            max_chars=MAX_LENGTH,
            height=90,
            placeholder=t(f"tools.{NAME}.placeholder"),
            persist_state=PERSIST,
        )
        weak, strong = st.columns(2)
        weak.button(t(f"tools.{NAME}.try_weak"), key=f"{GOAL}.weak", on_click=_use, args=("weak",))
        strong.button(
            t(f"tools.{NAME}.try_strong"), key=f"{GOAL}.strong", on_click=_use, args=("strong",)
        )
        text = st.session_state.get(GOAL)
        if not isinstance(text, str) or not text.strip():
            st.info(t(f"tools.{NAME}.empty"), icon=":material/edit:")
            return
        with st.spinner(t(f"tools.{NAME}.reading")):  # shows only if the first use is slow
            check = check_goal(text, current_language())
        st.progress(check.score / 5, text=t(f"tools.{NAME}.score", score=check.score))
        st.caption(t(f"tools.{NAME}.advice"))
        for letter in LETTERS:
            _letter_feedback(check, letter)
        _rewrite(check)


def _use(which: str) -> None:
    st.session_state[GOAL] = t(f"tools.{NAME}.example_{which}")


def _letter_feedback(check: SmartCheck, letter: Letter) -> None:
    fields = {
        "action": plain(check.action or ""),
        "measure": plain(check.measure or ""),
        "number": plain(check.number or ""),
        "deadline": plain(check.deadline or ""),
        "baseline": plain(check.baseline or ""),
        "indicator": plain(check.indicator.name) if check.indicator else "",
        "perspective": _perspective_name(check),
        "vague": t("app.list_separator").join(plain(w) for w in check.vague_words) or "—",
    }
    message = t(f"tools.{NAME}.letters.{letter}.{check.advice[letter]}", **fields)
    title = t(f"tools.{NAME}.letters.{letter}.name")
    if check.letters[letter]:
        st.success(f"**{title}** — {message}", icon=":material/check_circle:")
    else:
        st.info(f"**{title}** — {message}", icon=":material/lightbulb:")


def _perspective_name(check: SmartCheck) -> str:
    if check.indicator is None:
        return ""
    names = {p.id: p.name for p in load_perspectives(current_language())}
    return names[check.indicator.perspective]


def _rewrite(check: SmartCheck) -> None:
    """The cleaned-up goal as copyable plain text, or why the checker offers none."""
    if check.rewrite is None:
        st.caption(t(f"tools.{NAME}.no_rewrite.{check.no_rewrite}"))
        return
    form = lookup(f"tools.{NAME}.forms.{check.rewrite.form}")
    st.markdown(f"**{t(f'tools.{NAME}.rewrite')}**")
    st.code(
        check.rewrite.fill(form, t(f"tools.{NAME}.deadline_blank")), language=None, wrap_lines=True
    )
    st.caption(t(f"tools.{NAME}.rewrite_hint"))
