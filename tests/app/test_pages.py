"""Page flows in AppTest: every page renders, sections link directly, broken content is named."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from courseware.content.catalog import load_course
from tests.app.harness import APP, open_page, registered_url_paths
from tests.conftest import PAGE_TITLES, break_front_matter

LESSONS = {entry.part: entry.lesson for entry in load_course("zh")}
EXPECTED_TITLES = PAGE_TITLES


def headers(at: AppTest) -> list[str]:
    return [h.value for h in at.header]


def test_the_app_entry_point_opens_on_the_home_page():
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert at.title[0].value == EXPECTED_TITLES[""]
    assert [c.value for c in at.sidebar.caption] == [EXPECTED_TITLES[""]]


def test_navigation_registers_every_page():
    """The phone page of live polls, /join, is served beside Streamlit, not as one of its pages."""
    assert registered_url_paths() == [
        *EXPECTED_TITLES,
        "present",
        "live",
        "instructor",
        "not-found",
    ]


def test_the_sidebar_links_to_the_phone_page():
    at = open_page("")
    link = at.sidebar.get("link_button")[0]
    assert link.proto.label == "加入课堂投票" and link.proto.url.endswith("/join?lang=zh")


@pytest.mark.parametrize("url_path", list(EXPECTED_TITLES), ids=lambda p: p or "home")
def test_every_page_renders_without_exception(url_path):
    at = open_page(url_path)
    assert not at.exception
    assert not at.error
    assert at.title[0].value == EXPECTED_TITLES[url_path]


@pytest.mark.parametrize("part", [1, 2, 3, 4])
def test_part_page_opens_on_its_first_section(part):
    at = open_page(f"part-{part}")
    assert headers(at) == [LESSONS[part].sections[0].label]
    toc = at.get("button_group")[0]
    assert toc.label == "目录"
    assert toc.value == LESSONS[part].sections[0].id


@pytest.mark.parametrize("part", [1, 2, 3, 4])
def test_whole_lesson_shows_every_section_in_order(part):
    at = open_page(f"part-{part}", section="all")
    assert headers(at) == [s.label for s in LESSONS[part].sections]


def test_whole_lesson_folds_its_tools_until_one_is_opened():
    at = open_page("part-1", section="all")
    folded = [s for s in at.toggle if s.label.startswith("展开工具")]
    assert [s.label for s in folded] == ["展开工具：客户价值计算器", "展开工具：客户流失成本计算器"]
    assert not at.number_input  # no tool's field is drawn yet
    folded[0].set_value(True).run()
    assert len(at.number_input) == 16  # our offer's and the competitor's eight components each
    assert [m.value for m in at.metric][:3] == ["¥1,080,000", "¥770,000", "¥310,000"]


def test_home_page_lists_the_four_parts_with_their_summaries():
    at = open_page("")
    text = " ".join(m.value for m in at.markdown)
    for lesson in LESSONS.values():
        assert lesson.meta.title in text
        assert lesson.meta.summary in text


def test_a_section_can_be_opened_directly_by_its_link():
    at = open_page("part-2", section="smart")
    assert headers(at) == ["2.6 目标设定的 SMART 原则"]
    assert "第 6 / 8 节" in [c.value for c in at.caption]
    assert "Specific" in " ".join(m.value for m in at.markdown)


def test_next_previous_and_whole_lesson_buttons_move_through_sections():
    at = open_page("part-2", section="smart")
    at.button(key="next-toc-part-2").click().run()
    assert headers(at) == ["2.7 目标讨论原则"]
    assert at.query_params["section"] == "goal-discussion"
    at.button(key="prev-toc-part-2").click().run()
    at.button(key="prev-toc-part-2").click().run()
    assert headers(at) == ["2.5 目标管理的成功关键"]
    at.button(key="all-toc-part-2").click().run()
    assert len(headers(at)) == 8
    assert at.query_params["section"] == "all"


def test_first_and_last_sections_have_no_button_beyond_the_end():
    first = open_page("part-3", section="execution")
    keys = {b.key for b in first.button}
    assert "prev-toc-part-3" not in keys and "next-toc-part-3" in keys
    last = open_page("part-3", section="cornerstones")
    keys = {b.key for b in last.button}
    assert "next-toc-part-3" not in keys and "prev-toc-part-3" in keys


def test_an_unknown_section_says_so_and_opens_the_first_section():
    at = open_page("part-1", section="nonexistent")
    assert at.warning[0].value == "没有找到章节“nonexistent”。".replace(
        "。", "，下面从第一节开始。"
    )
    assert headers(at) == ["1.1 大客户定义"]


def test_a_broken_lesson_is_named_on_its_page_and_the_rest_keep_working(content_copy: Path):
    break_front_matter(content_copy / "lessons" / "zh" / "02-management-by-objectives.md")
    broken = open_page("part-2")
    assert not broken.exception
    assert broken.title[0].value == "第二部分"
    assert broken.error[0].value == "这一部分的课程文件有问题，暂时无法显示。"
    assert broken.code[0].value == (
        "lessons/zh/02-management-by-objectives.md:1: front matter: missing required field 'title'"
    )
    for url_path in ("", "part-1", "part-3", "part-4"):
        at = open_page(url_path)
        assert not at.exception
        assert at.title[0].value == EXPECTED_TITLES[url_path]
    home = open_page("")
    assert "02-management-by-objectives.md:1:" in home.code[0].value
