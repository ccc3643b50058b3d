"""Which language this browser session reads, and the switch in the sidebar.

The address carries the choice (``?lang=en``), so every link opens in the language it was made
in. Without one, the session's earlier choice holds; a first visit follows the browser's language
where Streamlit knows it, else Chinese. A learner who saves progress keeps their choice.
"""

from __future__ import annotations

import streamlit as st

from courseware.i18n import (
    DEFAULT_LANG,
    current_language,
    language_source,
    languages,
    t,
    use_language,
)

PARAM = "lang"
CHOSEN = "_language"
SWITCH = "language-switch"
NAMES = {"zh": "中文", "en": "English"}  # each language named in itself


def _session_language() -> str | None:
    """The language this browser session chose (a fragment's rerun runs no ``choose_language``)."""
    try:
        return st.session_state.get(CHOSEN)
    except Exception:  # outside a page run: no session
        return None


language_source(_session_language)


def choose_language() -> str:
    """Settle this run's language, keep it in the address, and make every string follow it."""
    asked = st.query_params.get(PARAM)
    lang = (
        asked
        if asked in languages()
        else st.session_state.get(CHOSEN) or _saved_choice() or browser_language()
    )
    st.session_state[CHOSEN] = lang
    use_language(lang)
    if asked != lang:
        st.query_params[PARAM] = lang  # page switches drop query parameters: put it back
    return lang


def browser_language() -> str:
    """The browser's language when the course has it (``en-GB`` reads as English), else Chinese."""
    try:
        locale = (st.context.locale or "").lower()
    except Exception:  # no browser behind this session (AppTest)
        locale = ""
    base = locale.split("-")[0]
    return base if base in languages() else DEFAULT_LANG


def _saved_choice() -> str | None:
    """A signed-in learner's language, as saved with their progress."""
    from courseware.ui.session import learner

    lang = getattr(learner(), "lang", None)
    return lang if lang in languages() else None


def language_switch() -> None:
    """The sidebar's switch: the same page, section and quiz, in the other language."""
    st.session_state[SWITCH] = current_language()
    st.sidebar.segmented_control(
        t("app.language"),
        options=list(languages()),
        format_func=lambda lang: NAMES.get(lang, lang),
        key=SWITCH,
        on_change=_switch,
        label_visibility="collapsed",
        width="stretch",
    )


def _switch() -> None:
    chosen = st.session_state.get(SWITCH)
    if chosen not in languages():
        return  # tapping the chosen one again, or a value no switch offers
    st.session_state[CHOSEN] = chosen
    st.query_params[PARAM] = chosen
    from courseware.ui.session import remember_language

    remember_language(chosen)
