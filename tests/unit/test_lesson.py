"""The lesson parser: structure, blocks and every kind of broken file."""

from __future__ import annotations

from textwrap import dedent

import pytest

from courseware.content.lesson import parse_lesson
from courseware.errors import ContentError

KNOWN = {"figure": {"mbo-cycle"}, "tool": {"smart-checker"}}
GOOD = dedent(
    """\
    ---
    title: 围绕客户实施目标管理
    part: 2
    summary: 一句话。
    reading_minutes: 12
    ---

    引言段落。

    {#mbo}
    ## 2.2 什么是目标管理

    定义。

    ::: key
    **要点**
    :::

    - 甲
    - 乙

    ::: figure mbo-cycle
    图注。
    :::

    {#smart}
    ## 2.6 目标设定的 SMART 原则

    | 字母 | 含义 |
    | --- | --- |
    | S | 具体明确的 |

    ### 示例

    ::: tool smart-checker
    :::

    ::: tip
    想一想。
    :::
    """
)


def parse(source: str):
    return parse_lesson(source, "lessons/zh/02-x.md", KNOWN)


def error_of(source: str) -> str:
    with pytest.raises(ContentError) as caught:
        parse(source)
    return str(caught.value)


def test_front_matter_is_validated_into_meta():
    meta = parse(GOOD).meta
    assert (meta.title, meta.part, meta.summary, meta.reading_minutes) == (
        "围绕客户实施目标管理",
        2,
        "一句话。",
        12,
    )


def test_sections_keep_id_number_title_and_line():
    sections = parse(GOOD).sections
    assert [(s.id, s.number, s.title, s.line) for s in sections] == [
        ("mbo", "2.2", "什么是目标管理", 11),
        ("smart", "2.6", "目标设定的 SMART 原则", 27),
    ]


def test_blocks_split_prose_callouts_and_figures():
    mbo = parse(GOOD).section("mbo")
    assert [(b.kind, b.text) for b in mbo.blocks] == [
        ("markdown", "定义。"),
        ("key", "**要点**"),
        ("markdown", "- 甲\n- 乙"),
        ("figure", "图注。"),
    ]
    assert mbo.blocks[3].name == "mbo-cycle"


def test_tables_and_subheadings_stay_in_the_prose_and_the_next_id_line_does_not():
    smart = parse(GOOD).section("smart")
    assert smart.blocks[0].text.startswith("| 字母 | 含义 |")
    assert "### 示例" in smart.blocks[0].text
    assert [(b.kind, b.name) for b in smart.blocks[1:]] == [
        ("tool", "smart-checker"),
        ("tip", None),
    ]
    assert "{#" not in parse(GOOD).section("mbo").text


def test_intro_is_the_text_before_the_first_section():
    assert [b.text for b in parse(GOOD).intro] == ["引言段落。"]


def test_unknown_section_id_is_none():
    assert parse(GOOD).section("nope") is None


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda s: s.replace("---\ntitle", "title", 1), "02-x.md:1: missing front matter"),
        (
            lambda s: s.replace("title: 围绕客户实施目标管理\n", ""),
            "02-x.md:1: front matter: missing",
        ),
        (lambda s: s.replace("part: 2", "part: [2"), "02-x.md:4: front matter is not valid YAML"),
        (lambda s: s.replace("reading_minutes: 12", "reading_minutes: soon"), "02-x.md:5: "),
        (lambda s: s.replace("part: 2", "part: 0"), "02-x.md:3: front matter: field 'part'"),
        (
            lambda s: s.replace("summary:", "colour: red\nsummary:"),
            "02-x.md:4: front matter: field",
        ),
        (
            lambda s: s.replace("{#smart}\n", ""),
            "02-x.md:26: section '2.6 目标设定的 SMART 原则' needs",
        ),
        (lambda s: s.replace("{#smart}", "{#mbo}"), "02-x.md:27: section id 'mbo' is already used"),
        (lambda s: s.replace("{#smart}", "{#Smart_Goals}"), "02-x.md:27: section id 'Smart_Goals'"),
        (lambda s: s.replace("## 2.6 目标", "## 目标"), "02-x.md:27: section title '目标设定的"),
        (lambda s: s.replace("mbo-cycle", "pdca-wheel"), "02-x.md:22: unknown figure 'pdca-wheel'"),
        (
            lambda s: s.replace("::: figure mbo-cycle", "::: figure"),
            "02-x.md:22: '::: figure' needs",
        ),
        (lambda s: s.replace("tool smart-checker", "tool calc"), "02-x.md:35: unknown tool 'calc'"),
        (lambda s: s.rstrip().removesuffix(":::"), "02-x.md:38: '::: tip' is never closed"),
        (
            lambda s: s.replace("**要点**\n:::\n", "**要点**\n"),
            "02-x.md:15: '::: key' is never closed with ':::' (line 21 opens '::: figure')",
        ),
        (
            lambda s: s.replace("::: tool smart-checker\n:::", "::: tool smart-checker"),
            "02-x.md:35: '::: tool' is never closed with ':::' (line 37 opens '::: tip')",
        ),
        (lambda s: s.replace("引言段落。", "# 标题"), "02-x.md:8: use ## for sections"),
        (lambda s: s.split("{#mbo}")[0], "02-x.md:9: the lesson has no ## sections"),
    ],
    ids=[
        "no-front-matter",
        "missing-title",
        "bad-yaml",
        "wrong-type",
        "out-of-range",
        "unknown-field",
        "section-without-id",
        "duplicate-id",
        "bad-id",
        "unnumbered-title",
        "unknown-figure",
        "figure-without-name",
        "unknown-tool",
        "unclosed-callout",
        "callout-closed-by-the-next",
        "tool-closed-by-the-next",
        "h1-heading",
        "no-sections",
    ],
)
def test_broken_lessons_name_the_file_and_line(change, expected):
    assert error_of(change(GOOD)).startswith(f"lessons/zh/{expected}")


def test_raw_html_is_reported_with_its_line_and_kept_as_text():
    lesson = parse(GOOD.replace("定义。", "定义<b>粗</b>。\n\n<script>alert(1)</script>"))
    assert lesson.warnings == (
        "lessons/zh/02-x.md:13: raw HTML is not rendered; use Markdown",
        "lessons/zh/02-x.md:15: raw HTML is not rendered; use Markdown",
    )
