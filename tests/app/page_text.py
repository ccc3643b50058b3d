"""Every piece of text an AppTest page carries: bodies, labels, options, help and captions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest


def page_texts(at: AppTest) -> list[str]:
    """The strings of every element of the page and its sidebar, as the browser receives them."""
    return [text for node in _nodes(at._tree) for text in _strings(getattr(node, "proto", None))]


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
        if field.name in ("id", "form_id", "icon", "url", "page_script_hash", "spec", "data",
                          "arrow_data", "vega_lite_chart", "datasets", "theme"):  # fmt: skip
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
