"""Cut a section into slides that fit a 1080p projector, by its own structure.

A section's prose is cut at its paragraphs, lists and sub-headings (a sub-heading stays with
what follows it), and a long table into parts that repeat its header. The pieces are then
packed into slides by an estimate of their height in projector lines (``SLIDE_LINES``), in order;
a tool or a figure fills most of a slide. Pure: blocks in, groups of blocks out.
"""

from __future__ import annotations

import math
import re
import unicodedata

from courseware.content.lesson import Block
from courseware.i18n import t

SLIDE_LINES = 12.5  # text lines of presenter type that fit under a slide's title at 1080p
LINE_CHARS = 40  # Chinese characters of presenter type in one line
NARROW = 0.6  # a Latin letter, digit or space takes about this share of a Chinese character
TABLE_ROWS = 9  # body rows of a table on one slide
BLOCK_LINES = {"tool": 14.0, "figure": 13.0}
_HEADING = re.compile(r"^#{3,6} ")


def fit(blocks: list[Block]) -> list[list[Block]]:
    """The blocks of one slide group, cut and packed into slides that fit."""
    pieces = [piece for block in blocks for piece in _cut(block)]
    slides: list[list[Block]] = [[]]
    used = 0.0
    for piece in pieces:
        lines = height(piece)
        if slides[-1] and used + lines > SLIDE_LINES:
            slides.append([])
            used = 0.0
        slides[-1].append(piece)
        used += lines
    return slides


def height(block: Block) -> float:
    """Estimated projector lines a block takes."""
    if block.kind in BLOCK_LINES:
        return BLOCK_LINES[block.kind]
    lines = 0.0
    for line in block.text.splitlines():
        if not line.strip():
            lines += 0.4
        elif line.startswith("|"):
            lines += 0.0 if set(line) <= set("|-: ") else _row_lines(line)
        elif _HEADING.match(line):
            lines += 1.6
        else:
            lines += math.ceil(width(line.strip()) / LINE_CHARS)
    return lines + (1.2 if block.kind in ("key", "tip", "warn") else 0.3)


def width(text: str) -> float:
    """How wide a text runs, in Chinese characters: Latin text is narrower."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else NARROW for ch in text)


def _row_lines(row: str) -> float:
    """A table row is as tall as its longest cell, wrapped in its share of the width."""
    cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
    room = max(4, LINE_CHARS // max(1, len(cells)))
    return max(math.ceil(width(cell) / room) for cell in cells) * 0.9 + 0.5


def _cut(block: Block) -> list[Block]:
    """Prose cut at blank lines (a sub-heading joins what follows); long tables in parts."""
    if block.kind != "markdown":
        return [block]
    chunks: list[str] = []
    heading = ""
    for chunk in re.split(r"\n\s*\n", block.text.strip()):
        if _HEADING.match(chunk) and "\n" not in chunk:
            heading = chunk
            continue
        for n, part in enumerate(_table_parts(chunk)):
            title = heading if n == 0 or not heading else heading + t("present.continued")
            chunks.append(f"{title}\n\n{part}" if title else part)
        heading = ""
    if heading:
        chunks.append(heading)
    return [block.model_copy(update={"text": chunk}) for chunk in chunks] or [block]


def _table_parts(chunk: str) -> list[str]:
    """A table in parts of at most ``TABLE_ROWS`` rows that fit a slide, each with the header."""
    lines = chunk.splitlines()
    if len(lines) < 3 or not all(line.startswith("|") for line in lines):
        return [chunk]
    head, body = lines[:2], lines[2:]
    budget = SLIDE_LINES - 2.3 - _row_lines(head[0])  # under a sub-heading, its gap, the header
    parts: list[list[str]] = [[]]
    used = 0.0
    for row in body:
        rows = _row_lines(row)
        if parts[-1] and (len(parts[-1]) >= TABLE_ROWS or used + rows > budget):
            parts.append([])
            used = 0.0
        parts[-1].append(row)
        used += rows
    return ["\n".join(head + part) for part in parts]
