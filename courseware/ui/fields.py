"""Input fields for tools: remembered values and a message beside any field that is refused."""

from __future__ import annotations

from collections.abc import Collection

import streamlit as st
from pydantic import ValidationError

from courseware.format import number
from courseware.i18n import t
from courseware.ui.state import PERSIST, seed


def current(key: str, default: float | None) -> float | None:
    """A field's value for this run, read before it is drawn (so it can be checked first)."""
    value = st.session_state[seed(key, default)]
    return None if value is None else float(value)


def number_field(
    label: str,
    key: str,
    default: float | None,
    *,
    step: float = 1.0,
    help: str | None = None,
    problem: str | None = None,
) -> float | None:
    """A number input that may be left empty (``None``) and keeps its value across pages,
    with the ``problem`` found in its value shown right beneath it."""
    value = st.number_input(
        label,
        value=None,
        step=step,
        format="%g",
        key=seed(key, default),
        help=help,
        persist_state=PERSIST,
    )
    if problem:
        st.error(problem, icon=":material/error:")
    return None if value is None else float(value)


def problem_messages(
    error: ValidationError, percent_fields: Collection[str] = ()
) -> dict[str, str]:
    """One message per refused field, in the catalog's words; model-level problems under ''."""
    messages: dict[str, str] = {}
    for problem in error.errors():
        field = str(problem["loc"][0]) if problem["loc"] else ""
        messages.setdefault(field, _message(problem, field in percent_fields))
    return messages


def _message(problem: dict, as_percent: bool) -> str:
    kind = problem["type"]
    limit = (problem.get("ctx") or {}).get(
        {"greater_than_equal": "ge", "less_than_equal": "le", "greater_than": "gt"}.get(kind, ""),
    )
    if kind in {"greater_than_equal", "less_than_equal", "greater_than"} and limit is not None:
        shown = f"{number(float(limit) * 100)}%" if as_percent else number(float(limit), 4)
        return t(f"fields.{kind}", limit=shown)
    if kind in {"finite_number", "float_type", "float_parsing", "missing", "none_required"}:
        return t("fields.not_a_number")
    return t("fields.invalid")
