"""Every page in a real Chromium: it renders, its heading shows, nothing overflows a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from courseware.content.catalog import load_course
from courseware.i18n import part_label, t
from tests.conftest import PAGE_TITLES
from tests.e2e.browser import PHONE, full_screenshot, settle

pytestmark = pytest.mark.e2e

PAGES = PAGE_TITLES
LANGS = ("zh", "en")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+")
SHOWN_IN_CHINESE = {"中文", "鹏辉", "沟通", "【沟】", "【通】"}  # as in the AppTest of languages


def titles(lang: str) -> dict[str, str]:
    """The heading each listed page opens with, in ``lang``."""
    if lang == "zh":
        return PAGES
    parts = {f"part-{e.part}": f"{part_label(e.part, lang)} · {e.lesson.meta.title}"
             for e in load_course(lang)}  # fmt: skip
    return {"": t("app.title", lang), **parts, "quiz": t("hub.title", lang),
            "progress": t("progress.title", lang)}  # fmt: skip


def shown_in_chinese(page: Page) -> set[str]:
    return set(CJK.findall(page.locator("body").inner_text())) - SHOWN_IN_CHINESE


def open_page(page: Page, url: str) -> None:
    """Open ``url``; on a whole lesson, open every tool folded in it too."""
    page.goto(url)
    settle(page)
    folded = page.get_by_role(
        "switch",
        name=re.compile(f"^({t('tools.open', 'zh', tool='')}|{t('tools.open', 'en', tool='')})"),
    )
    for label in [folded.nth(i).get_attribute("aria-label") for i in range(folded.count())]:
        page.get_by_text(label, exact=True).click()  # the switch's label takes the tap
        settle(page)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", list(PAGES), ids=lambda p: p or "home")
def test_page_renders_with_its_heading(page: Page, app_url: str, path: str, lang: str):
    open_page(page, f"{app_url}/{path}?section=all&lang={lang}")
    expect(page.get_by_role("heading", level=1)).to_have_text(titles(lang)[path])
    expect(page.get_by_test_id("stException")).to_have_count(0)
    if lang == "en":
        assert shown_in_chinese(page) == set()
    full_screenshot(page, f"desktop-{lang}-{path or 'home'}")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", list(PAGES), ids=lambda p: p or "home")
def test_page_fits_a_phone_screen(page: Page, app_url: str, path: str, lang: str):
    page.set_viewport_size(PHONE)
    open_page(page, f"{app_url}/{path}?section=all&lang={lang}")
    expect(page.get_by_role("heading", level=1)).to_have_text(titles(lang)[path])
    overflow = page.evaluate(
        "document.querySelector('[data-testid=\"stMain\"]').scrollWidth - window.innerWidth"
    )
    assert overflow <= 0, f"the page is {overflow}px wider than the phone"
    full_screenshot(page, f"phone-{lang}-{path or 'home'}")


def test_sidebar_navigation_opens_each_part(page: Page, app_url: str):
    open_page(page, app_url)
    nav = page.get_by_test_id("stSidebarNav")
    for path, heading in list(PAGES.items())[1:]:
        nav.get_by_role("link", name=re.compile(f"^{heading.split(' · ')[0]}")).click()
        expect(page).to_have_url(re.compile(f"/{path}(\\?lang=zh)?$"))
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)


def test_home_page_links_to_a_part(page: Page, app_url: str):
    open_page(page, app_url)
    page.get_by_role("link", name="进入第三部分").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PAGES["part-3"])
    expect(page.get_by_role("heading", level=2)).to_have_text("3.1 执行与执行力")


def test_a_section_link_opens_that_section_and_the_table_of_contents_moves(
    page: Page, app_url: str
):
    open_page(page, f"{app_url}/part-2?section=smart")
    expect(page.get_by_role("heading", level=2)).to_have_text("2.6 目标设定的 SMART 原则")
    expect(page.get_by_text("Time-Bound").first).to_be_visible()
    page.get_by_role("radio", name="2.7 目标讨论原则").click()
    expect(page.get_by_role("heading", level=2)).to_have_text("2.7 目标讨论原则")
    expect(page).to_have_url(re.compile(r"section=goal-discussion"))
    settle(page)
    page.locator(".st-key-all-toc-part-2").get_by_role("button").click()
    expect(page.get_by_role("heading", level=2)).to_have_count(8)
    expect(page).to_have_url(re.compile("section=all"))
    full_screenshot(page, "desktop-part-2-after-show-all")


def test_diagrams_and_chart_are_drawn(page: Page, app_url: str):
    open_page(page, f"{app_url}/part-2?section=mbo")
    diagram = page.get_by_test_id("stImage").locator("img")
    expect(diagram).to_have_count(1)
    expect(diagram).to_have_attribute("src", re.compile(r"/app/static/diagrams/mbo-cycle\.svg$"))
    diagram.evaluate("img => img.decode()")  # fetched from the server as an image, and drawn
    assert diagram.evaluate("img => img.naturalWidth") > 0
    served = page.request.get(f"{app_url}/app/static/diagrams/mbo-cycle.svg")
    assert served.headers["content-type"].startswith("image/svg+xml")
    open_page(page, f"{app_url}/part-3?section=why-execution")
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(1)
    expect(
        page.locator(
            "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg"
        ).first
    ).to_be_visible()
