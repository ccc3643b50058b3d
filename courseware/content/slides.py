"""A lesson as slides: one per section, or per ``---``-separated piece of a section, each cut
further where it would not fit a 1080p projector (``slide_fit``)."""

from __future__ import annotations

from dataclasses import dataclass

from courseware.content.lesson import Block, Lesson
from courseware.slide_fit import fit


@dataclass(frozen=True)
class Slide:
    section_id: str
    title: str  # the section's label, e.g. "2.6 目标设定的 SMART 原则"
    piece: int  # 1-based piece of the section
    pieces: int
    blocks: tuple[Block, ...]  # what the room sees
    notes: tuple[str, ...]  # the section's speaker notes, for the presenter only


def slides(lesson: Lesson) -> list[Slide]:
    """Every slide of a lesson, in order."""
    result = []
    for section in lesson.sections:
        groups: list[list[Block]] = [[]]
        for block in section.blocks:
            if block.kind == "break":
                groups.append([])
            else:
                groups[-1].append(block)
        notes = tuple(b.text for b in section.blocks if b.kind == "notes")
        pieces = [
            piece
            for group in groups
            if group
            for piece in fit([b for b in group if b.kind != "notes"])
            if piece
        ] or [[]]
        for number, piece in enumerate(pieces, 1):
            result.append(
                Slide(section.id, section.label, number, len(pieces), tuple(piece), notes)
            )
    return result


def slide_of_section(all_slides: list[Slide], section_id: str) -> int:
    """The 1-based number of a section's first slide (1 when the section is unknown)."""
    return next((n for n, s in enumerate(all_slides, 1) if s.section_id == section_id), 1)
