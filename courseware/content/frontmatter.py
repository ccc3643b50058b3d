"""Validate YAML front matter against a pydantic model, with errors that point at a line."""

from __future__ import annotations

from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from courseware.content import yaml_nodes
from courseware.errors import ContentError

Model = TypeVar("Model", bound=BaseModel)


def key_lines(node: yaml.Node | None, first_line: int) -> dict[str, int]:
    """Map each top-level key of a YAML mapping to its 1-based line in the file."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {
        str(key.value): first_line + key.start_mark.line
        for key, _ in node.value
        if isinstance(key, yaml.ScalarNode)
    }


def parse_front_matter(
    text: str, model: type[Model], *, path: str, first_line: int, opening_line: int
) -> Model:
    """Parse ``text`` (YAML starting at ``first_line`` of ``path``) into ``model``.

    Raises ContentError naming the line of the offending key, or ``opening_line``
    (the ``---`` line) when a required key is missing.
    """
    try:
        node, data = yaml_nodes.parse(text)
        lines = key_lines(node, first_line)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else opening_line
        raise ContentError(path, line, f"front matter is not valid YAML: {exc.problem}") from None
    if not isinstance(data, dict):
        raise ContentError(path, opening_line, "front matter must be a mapping of key: value")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = str(first["loc"][0]) if first["loc"] else ""
        if first["type"] == "missing":
            message = f"front matter: missing required field '{key}'"
        else:
            message = f"front matter: field '{key}': {first['msg']}"
        raise ContentError(path, lines.get(key, opening_line), message) from None
