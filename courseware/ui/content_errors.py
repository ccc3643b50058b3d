"""Tell people, in place, which content file is broken and where."""

from __future__ import annotations

import streamlit as st

from courseware.content.banks import DuplicateId
from courseware.errors import ContentError
from courseware.i18n import t


def broken_lesson(error: ContentError) -> None:
    st.error(t("part.broken"), icon=":material/error:")
    st.code(str(error), language=None, wrap_lines=True)
    st.caption(t("part.broken_hint"))


def lesson_warnings(warnings: tuple[str, ...]) -> None:
    if warnings:
        with st.expander(t("content.warnings"), icon=":material/warning:"):
            st.code("\n".join(warnings), language=None)


def broken_bank(error: ContentError) -> None:
    """A bank that did not load, or an item left out because its id is already used."""
    headline = t("hub.duplicate") if isinstance(error, DuplicateId) else t("hub.broken")
    st.error(headline, icon=":material/error:")
    st.code(str(error), language=None, wrap_lines=True)
