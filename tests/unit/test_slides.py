"""Slides: one per section or per ``---`` piece; speaker notes go to the presenter only."""

from __future__ import annotations

from textwrap import dedent

from courseware.content import load_course
from courseware.lesson import parse_lesson
from courseware.slides import slide_of_section, slides

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
    assert deck[0].notes == ("先问学员：什么是执行？",)
    assert deck[1].notes == () and deck[1].blocks[0].text == "第二页。"
    assert slide_of_section(deck, "essence") == 3 and slide_of_section(deck, "nope") == 1


def test_every_part_of_the_course_makes_a_deck():
    for entry in load_course("zh"):
        deck = slides(entry.lesson)
        assert len(deck) >= len(entry.lesson.sections)
        assert {s.section_id for s in deck} == {s.id for s in entry.lesson.sections}
