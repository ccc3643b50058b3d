"""The one error type for broken course content: it names the file and the line."""

from __future__ import annotations


class ContentError(Exception):
    """A problem in a content file, printed as ``path:line: message``."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message
