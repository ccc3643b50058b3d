"""Every piece of text an AppTest page carries: bodies, labels, options, help and captions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest


def page_texts(at: AppTest) -> list[str]:
    """The strings of every element of the page and its sidebar, as the browser receives them."""
    return [text for node in _nodes(at._tree) for text in _strings(getattr(node, "proto", None))]


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def _nodes(node: Any) -> Iterator[Any]:
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _nodes(child)


def _strings(message: Any) -> Iterator[str]:
    if not isinstance(message, Message):
        return
    for field, value in message.ListFields():
        if field.name in ("id", "form_id", "icon", "url", "page_script_hash", "data",
                          "arrow_data", "datasets", "theme"):  # fmt: skip
            continue
        if field.name == "spec" and isinstance(value, str):  # a chart: its titles and labels
            yield from _json_strings(json.loads(value))
            continue
        values = (
            value
            if isinstance(value, list | tuple)
            or (hasattr(value, "__len__") and not isinstance(value, str | bytes | Message))
            else [value]
        )
        for one in values:
            if isinstance(one, str):
                yield one
            elif isinstance(one, Message):
                yield from _strings(one)
