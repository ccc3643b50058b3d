"""Presenter mode on a projector-sized Chromium window: passcode, arrow keys, large type."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from courseware.content.catalog import load_course
from courseware.content.slides import slides
from courseware.i18n import t
from courseware.passcode import PASSCODE_ENV
from tests.e2e.browser import full_screenshot, save_screenshot, settle
from tests.e2e.server import running_app

pytestmark = pytest.mark.e2e
PASSCODE = "projector-2026"
PART_2 = slides(next(e.lesson for e in load_course("zh") if e.part == 2))
SMART_TOOL = next(n for n, s in enumerate(PART_2, 1) if any(b.kind == "tool" for b in s.blocks)
                  and s.section_id == "smart")  # fmt: skip


@pytest.fixture(scope="module")
def presenter_url() -> Iterator[str]:
    with running_app(env={PASSCODE_ENV: PASSCODE}) as url:
        yield url


def test_slides_move_with_the_arrow_keys(page: Page, presenter_url: str):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{presenter_url}/present?part=2&slide={SMART_TOOL}")
    settle(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("讲师专用")
    page.get_by_label("讲师口令").fill("nope")
    page.get_by_role("button", name="进入").click()
    expect(page.get_by_text(re.compile("^口令不正确"))).to_be_visible()
    page.get_by_label("讲师口令").fill(PASSCODE)
    page.get_by_role("button", name="进入").click()
    tool_slide = re.compile(r"^2\.6 目标设定的 SMART 原则 \(\d/\d\)$")
    expect(page.get_by_role("heading", level=1)).to_have_text(tool_slide)
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    full_screenshot(page, "present-part-2-smart")
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(re.compile(rf"slide={SMART_TOOL + 1}\b"))
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_role("heading", level=1)).to_have_text(tool_slide)
    size = (
        page.get_by_test_id("stMarkdownContainer")
        .locator("p")
        .first.evaluate("p => parseFloat(getComputedStyle(p).fontSize)")
    )
    assert size >= 28, f"slide text is {size}px, too small for a projector"


def test_keys_skip_fields_the_part_picker_gives_focus_back_and_notes_follow(
    browser: Browser, presenter_url: str
):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    projector = context.new_page()
    open_unlocked(projector, f"{presenter_url}/present?part=2&slide={SMART_TOOL}")
    heading = projector.get_by_role("heading", level=1)
    expect(heading).to_have_text(re.compile(r"^2\.6 目标设定的 SMART 原则"))
    wait_for_cookie(context)
    notes = context.new_page()  # the speaker-notes window, on the instructor's laptop screen
    notes.goto(f"{presenter_url}/present?notes=1&part=2&slide={SMART_TOOL}")
    settle(notes)
    expect(notes.get_by_role("heading", level=1)).to_have_text("2.6 目标设定的 SMART 原则")
    expect(notes.get_by_text(re.compile("^强调："))).to_be_visible()
    expect(projector.get_by_text(re.compile("^强调："))).to_have_count(0)  # never projected
    save_screenshot(notes, "present-notes-window")

    projector.bring_to_front()  # back to the projected window
    field = projector.get_by_test_id("stTextArea").locator("textarea").first
    field.fill("本季度拜访 20 家客户")
    field.press("ArrowLeft")  # moves the caret, not the slide
    field.press("ArrowRight")
    projector.wait_for_timeout(600)
    expect(projector).to_have_url(re.compile(rf"slide={SMART_TOOL}\b"))
    projector.get_by_role("main").click(position={"x": 5, "y": 5})  # leave the field
    settle(projector)  # the checker reruns once the field loses focus
    projector.keyboard.press("ArrowRight")
    expect(projector).to_have_url(re.compile(rf"slide={SMART_TOOL + 1}\b"))
    following = PART_2[SMART_TOOL].title  # what the notes window shows next
    expect(notes).to_have_url(re.compile(rf"slide={SMART_TOOL + 1}\b"), timeout=15_000)
    expect(notes.get_by_role("heading", level=1)).to_have_text(following, timeout=15_000)

    projector.get_by_test_id("stSelectbox").click()
    projector.get_by_role("option", name=re.compile("^第三部分")).click()
    expect(heading).to_have_text(re.compile(r"^3\.1 "))
    projector.keyboard.press("ArrowRight")  # no click needed after choosing a part
    expect(heading).to_have_text(re.compile(r"^3\.2 "))
    expect(notes.get_by_role("heading", level=1)).to_have_text(re.compile(r"^3\.2 "),
                                                               timeout=15_000)  # fmt: skip
    expect(projector.get_by_role("link", name="返回课程")).to_be_visible()
    context.close()


def test_an_unlock_lasts_across_reloads_and_tabs_on_that_browser_only(
    browser: Browser, presenter_url: str
):
    instructor = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = instructor.new_page()
    open_unlocked(page, f"{presenter_url}/live")
    expect(page.get_by_role("button", name="开始新的课堂投票")).to_be_visible()
    wait_for_cookie(instructor)
    page.reload()  # F5: still unlocked, no passcode asked
    settle(page)
    expect(page.get_by_role("button", name="开始新的课堂投票")).to_be_visible()
    another_tab = instructor.new_page()
    another_tab.goto(f"{presenter_url}/present?part=1&slide=1")  # a typed address, a new tab
    settle(another_tab)
    expect(another_tab.get_by_role("heading", level=1)).to_have_text(re.compile(r"^1\.1 "))
    assert "courseware_instructor" not in page.evaluate("document.cookie")  # HttpOnly
    assert "grant" not in page.url and PASSCODE not in page.url
    stranger = browser.new_context(locale="zh-CN").new_page()  # another browser: locked
    stranger.goto(f"{presenter_url}/live")
    settle(stranger)
    expect(stranger.get_by_label("讲师口令")).to_be_visible()
    page.get_by_role("button", name="退出讲师模式").click()
    expect(page.get_by_label("讲师口令")).to_be_visible()
    page.wait_for_timeout(500)  # the sign-out's call clears the cookie
    page.reload()
    settle(page)
    expect(page.get_by_label("讲师口令")).to_be_visible()
    instructor.close()


def open_unlocked(page: Page, url: str, lang: str = "zh") -> None:
    """Open an instructor page and give the passcode."""
    page.goto(url)
    settle(page)
    page.get_by_label(t("instructor.passcode", lang)).fill(PASSCODE)
    page.get_by_role("button", name=t("instructor.unlock", lang)).click()


def wait_for_cookie(context, timeout: float = 10.0) -> None:
    """The page trades its grant for the cookie in the background: wait until it is set."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(c["name"] == "courseware_instructor" for c in context.cookies()):
            return
        time.sleep(0.1)
    raise AssertionError("the instructor cookie was never set")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("part", [1, 2, 3, 4])
def test_every_slide_fits_a_1080p_projector(
    browser: Browser, presenter_url: str, part: int, lang: str
):
    deck = slides(next(e.lesson for e in load_course(lang) if e.part == part))
    page = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN").new_page()
    open_unlocked(page, f"{presenter_url}/present?part={part}&slide=1&lang={lang}", lang)
    too_tall = []
    for number in range(1, len(deck) + 1):
        expect(page).to_have_url(re.compile(rf"slide={number}\b|^(?!.*slide=)"))
        settle(page)
        height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        if height > 1080:  # a tool scrolls inside its own panel on a slide
            too_tall.append((number, deck[number - 1].title, height))
        if number < len(deck):
            page.get_by_role("button", name=t("present.next", lang)).click()
    assert too_tall == []
    page.context.close()
