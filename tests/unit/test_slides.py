"""Slides: one per section or per ``---`` piece; speaker notes go to the presenter only."""

from __future__ import annotations

from textwrap import dedent

from courseware.content.catalog import load_course
from courseware.content.lesson import parse_lesson
from courseware.content.slides import slide_of_section, slides

SOURCE = dedent(
    """\
    ---
    title: 执行力
    part: 3
    summary: 一句话。
    reading_minutes: 5
    ---

    {#execution}
    ## 3.1 执行与执行力

    第一页。

    ::: notes
    先问学员：什么是执行？
    :::

    ---

    第二页。

    {#essence}
    ## 3.2 执行的本质

    只有一页。
    """
)


def test_sections_split_at_breaks_and_notes_leave_the_slide():
    deck = slides(parse_lesson(SOURCE, "lessons/zh/03-x.md"))
    assert [(s.section_id, s.piece, s.pieces) for s in deck] == [
        ("execution", 1, 2),
        ("execution", 2, 2),
        ("essence", 1, 1),
    ]
    assert [b.text for b in deck[0].blocks] == ["第一页。"]
    assert deck[0].notes == deck[1].notes == ("先问学员：什么是执行？",)  # the section's notes
    assert deck[1].blocks[0].text == "第二页。"
    assert all(b.kind != "notes" for s in deck for b in s.blocks)
    assert slide_of_section(deck, "essence") == 3 and slide_of_section(deck, "nope") == 1


def test_every_part_of_the_course_makes_a_deck():
    for entry in load_course("zh"):
        deck = slides(entry.lesson)
        assert len(deck) >= len(entry.lesson.sections)
        assert {s.section_id for s in deck} == {s.id for s in entry.lesson.sections}


def test_long_sections_are_cut_to_fit_a_projector():
    from courseware.slide_fit import SLIDE_LINES, height

    deck = slides(next(e.lesson for e in load_course("zh") if e.part == 2))
    indicators = [s for s in deck if s.section_id == "indicators"]
    assert len(indicators) > 4  # four long tables of indicators, cut in parts
    tables = [b.text for s in indicators for b in s.blocks if "| 序号 |" in b.text]
    rows = [sum(line.startswith("|") for line in t.splitlines()) - 2 for t in tables]
    assert max(rows) <= 9 and sum(rows) == (32 + 28 + 28) // 2  # numbered tables: two per row
    assert any("（续）" in t for t in tables)  # a table's later parts repeat its heading
    for slide in deck:
        lines = sum(height(b) for b in slide.blocks)
        assert lines <= SLIDE_LINES or len(slide.blocks) == 1, (slide.title, slide.piece)
    every_row = "".join(b.text for s in indicators for b in s.blocks)
    assert "32 | 存货周转率" in every_row  # nothing lost in the cutting
