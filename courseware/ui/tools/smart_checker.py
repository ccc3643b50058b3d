"""SMART goal checker: feedback letter by letter and a cleaned-up goal to copy (lesson 2.6)."""

from __future__ import annotations

import streamlit as st

from calculators.indicators import load_perspectives
from calculators.smart import LETTERS, SmartCheck, check_goal, rewrite
from courseware.i18n import t
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
        check = check_goal(text)
        st.progress(check.score / 5, text=t(f"tools.{NAME}.score", score=check.score))
        for letter in LETTERS:
            _letter_feedback(check, letter)
        st.markdown(f"**{t(f'tools.{NAME}.rewrite')}**")
        st.code(_rewritten(check), language=None, wrap_lines=True)
        st.caption(t(f"tools.{NAME}.rewrite_hint"))


def _use(which: str) -> None:
    st.session_state[GOAL] = t(f"tools.{NAME}.example_{which}")


def _letter_feedback(check: SmartCheck, letter: str) -> None:
    passed = check.letters[letter]
    fields = {
        "action": plain(check.action or ""),
        "number": plain(check.number or ""),
        "deadline": plain(check.deadline or ""),
        "baseline": plain(check.baseline or ""),
        "indicator": plain(check.indicator.name) if check.indicator else "",
        "perspective": _perspective_name(check),
        "vague": "、".join(plain(w) for w in check.vague_words) or "—",
    }
    state = "pass" if passed else "fail"
    if letter == "S" and not passed and check.vague_words:
        state = "vague"
    message = t(f"tools.{NAME}.letters.{letter}.{state}", **fields)
    title = t(f"tools.{NAME}.letters.{letter}.name")
    icon = ":material/check_circle:" if passed else ":material/error:"
    (st.success if passed else st.warning)(f"**{title}** — {message}", icon=icon)


def _perspective_name(check: SmartCheck) -> str:
    if check.indicator is None:
        return ""
    names = {p.id: p.name for p in load_perspectives()}
    return names[check.indicator.perspective]


def _rewritten(check: SmartCheck) -> str:
    parts = rewrite(check)
    blank = {
        name: t(f"tools.{NAME}.blanks.{name}")
        for name in ("deadline", "indicator", "baseline", "target", "action")
    }
    return t(
        f"tools.{NAME}.template",
        deadline=parts.deadline or blank["deadline"],
        indicator=parts.indicator or blank["indicator"],
        baseline=parts.baseline or blank["baseline"],
        action=parts.action or blank["action"],
        target=parts.target or blank["target"],
    )
