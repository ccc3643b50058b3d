"""Widget values from the browser: one that its widget cannot read counts as nothing sent.

Streamlit reads what a browser sends for each widget before and while the script runs. A client
that sends a value of another kind (a number for a radio, a list for a text area) or one the
widget's own reader refuses (a data editor's row "abc") would otherwise end the run with a
traceback. With ``read_only_fitting_values`` such a value reads as the widget's empty value.

It wraps Streamlit's reader of widget states (``WStates.__getitem__``) once per process; the
modules that draw the tools and the quiz install it when they are imported.
"""

from __future__ import annotations

from typing import Any

from streamlit.runtime.state import session_state as widget_state

# A widget that stores its value in one of these fields reads nothing from another field.
# (JSON, file and chat values are left alone: their readers accept several fields.)
ONE_KIND_FIELDS = frozenset(
    {
        "bool_value",
        "double_value",
        "int_value",
        "string_value",
        "trigger_value",
        "double_array_value",
        "int_array_value",
        "string_array_value",
    }
)
_MARK = "_reads_only_fitting_values"


def fits(sent: str | None, expected: str | None) -> bool:
    """Whether a value sent in field ``sent`` can be meant for a widget that uses ``expected``."""
    if sent is None or expected not in ONE_KIND_FIELDS or sent == expected:
        return True
    return (sent, expected) == ("double_value", "int_value")  # AppTest sends every number so


def read_only_fitting_values() -> None:
    """From now on, in this process, a widget value that does not fit reads as empty."""
    states = widget_state.WStates
    read = states.__getitem__
    if getattr(read, _MARK, False):
        return

    def read_fitting(self: Any, key: str) -> Any:
        stored = self.states.get(key)
        metadata = self.widget_metadata.get(key)
        if not isinstance(stored, widget_state.Serialized) or metadata is None:
            return read(self, key)
        if fits(stored.value.WhichOneof("value"), metadata.value_type):
            try:
                return read(self, key)
            except Exception:  # the widget's reader refused the value
                pass
        return _empty(self, key, metadata)

    setattr(read_fitting, _MARK, True)
    states.__getitem__ = read_fitting


def _empty(states: Any, key: str, metadata: Any) -> Any:
    """The widget's value when nothing was sent, kept in place of what was."""
    try:
        value = metadata.deserializer(None)
    except Exception:
        value = None
    states.states[key] = widget_state.Value(value)
    return value
