"""Send widget values the way a hand-written websocket client could: any field, any value.

AppTest serializes each widget's value the way the browser does; here one or more widgets'
values are replaced before the rerun, by the widget's key. (This uses AppTest's widget-state
hand-off, ``_tree.get_widget_states`` and ``_run``: there is no public way to send a value of
the wrong kind.)
"""

from __future__ import annotations

from typing import Any

from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest


def send(at: AppTest, values: dict[str, tuple[str, Any]]) -> AppTest:
    """Rerun with ``values``: a widget key -> (proto field such as "int_value", the value)."""
    ids = {key: widget_id(at, key) for key in values}
    states = at._tree.get_widget_states()
    kept = [state for state in states.widgets if state.id not in ids.values()]
    del states.widgets[:]
    states.widgets.extend(kept)
    for key, (field, value) in values.items():
        states.widgets.append(_state(ids[key], field, value))
    return at._run(states)


def widget_id(at: AppTest, key: str) -> str:
    """The element id Streamlit gave the widget with ``key`` (data editors included)."""
    found = [node_id for node_id in _ids(at._tree) if node_id.endswith(f"-{key}")]
    assert len(found) == 1, (key, found)
    return found[0]


def _ids(node: Any):
    proto_id = getattr(getattr(node, "proto", None), "id", None)
    if isinstance(proto_id, str) and proto_id:
        yield proto_id
    children = getattr(node, "children", None)
    for child in children.values() if isinstance(children, dict) else ():
        yield from _ids(child)


def _state(element_id: str, field: str, value: Any) -> WidgetState:
    state = WidgetState(id=element_id)
    if field.endswith("_array_value"):
        getattr(state, field).data.extend(value)
    else:
        setattr(state, field, value)
    return state
