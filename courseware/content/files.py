"""Read one content file (a lesson or a bank) as text, or say precisely why it cannot be read."""

from __future__ import annotations

import math
import re
from pathlib import Path

from courseware.errors import ContentError

MAX_CONTENT_BYTES = 1_000_000  # 1 MB: the largest real lesson or bank is under 20 kB
# What YAML refuses to read (control characters and the like); in a lesson it is a typo too.
NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def read_content(path: Path, shown: str) -> str:
    """The UTF-8 text of ``path``; ContentError naming ``shown`` if too large or unreadable."""
    try:
        size = path.stat().st_size
        if size > MAX_CONTENT_BYTES:
            raise ContentError(shown, 1, too_large(size))
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError(shown, 1, f"cannot read the file: {exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position(data[: exc.start].decode("utf-8"))
        message = f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at column {column})"
        raise ContentError(shown, line, message) from None
    odd = NOT_PRINTABLE.search(text)
    if odd:
        line, column = _position(text[: odd.start()])
        message = f"character U+{ord(odd.group()):04X} is not allowed (column {column})"
        raise ContentError(shown, line, message)
    return text


def too_large(size: int) -> str:
    """``too large (10.5 MB, limit 1 MB)``; the size rounds up, so it never reads as the limit."""
    megabytes = math.ceil(size / 100_000) / 10
    return f"too large ({megabytes:g} MB, limit {MAX_CONTENT_BYTES / 1_000_000:g} MB)"


def _position(before: str) -> tuple[int, int]:
    """The 1-based line and column of the character that follows ``before``."""
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
