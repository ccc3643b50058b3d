"""Show people's own words as plain text: never as HTML, never as Markdown they did not mean."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def plain(text: str) -> str:
    """Escape every character Streamlit's Markdown would act on, so text shows as typed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", " ")
