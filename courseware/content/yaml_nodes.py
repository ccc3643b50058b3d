"""YAML parsed once, with libyaml when it is installed: the node tree (which knows each value's
line, for messages that name it) and the data built from that same tree."""

from __future__ import annotations

from typing import Any

import yaml

FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse(text: str) -> tuple[yaml.Node | None, Any]:
    """``text``'s node tree and its data; raises ``yaml.MarkedYAMLError`` where it is invalid,
    in the pure-Python parser's words (which say what it found, not only what it expected)."""
    try:
        return _parse(text, FAST_LOADER)
    except yaml.MarkedYAMLError:
        return _parse(text, yaml.SafeLoader)


def _parse(text: str, loader_class: type) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()
