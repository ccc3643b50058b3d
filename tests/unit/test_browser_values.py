"""Which field a widget value may arrive in, and that the rule is installed once."""

from __future__ import annotations

import pytest
from streamlit.runtime.state.session_state import WStates

from courseware.ui.browser_values import fits, read_only_fitting_values


@pytest.mark.parametrize(
    ("sent", "expected", "fitting"),
    [
        ("string_value", "string_value", True),
        (None, "string_value", True),  # a cleared value
        ("int_value", "string_value", False),  # a number for a radio
        ("string_array_value", "string_value", False),
        ("string_value", "double_value", False),  # text for a number input
        ("double_value", "int_value", True),  # a whole number sent as a double
        ("int_value", "double_value", False),
        ("bool_value", "trigger_value", False),
        ("bytes_value", "json_value", True),  # JSON widgets read several fields themselves
        ("string_value", "file_uploader_state_value", True),
    ],
)
def test_a_value_fits_only_the_field_its_widget_uses(sent, expected, fitting):
    assert fits(sent, expected) is fitting


def test_installing_twice_wraps_the_reader_once():
    read_only_fitting_values()
    reader = WStates.__getitem__
    read_only_fitting_values()
    assert WStates.__getitem__ is reader
