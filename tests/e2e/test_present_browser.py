"""Presenter mode on a projector-sized Chromium window: passcode, arrow keys, large type."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from courseware.passcode import PASSCODE_ENV
from tests.e2e.browser import full_screenshot, settle
from tests.e2e.server import running_app

pytestmark = pytest.mark.e2e
PASSCODE = "projector-2026"


@pytest.fixture(scope="module")
def presenter_url() -> Iterator[str]:
    with running_app(env={PASSCODE_ENV: PASSCODE}) as url:
        yield url


def test_slides_move_with_the_arrow_keys(page: Page, presenter_url: str):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{presenter_url}/present?part=2&slide=6")
    settle(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("讲师专用")
    page.get_by_label("讲师口令").fill("nope")
    page.get_by_role("button", name="进入").click()
    expect(page.get_by_text(re.compile("^口令不正确"))).to_be_visible()
    page.get_by_label("讲师口令").fill(PASSCODE)
    page.get_by_role("button", name="进入").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("2.6 目标设定的 SMART 原则")
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    full_screenshot(page, "present-part-2-smart")
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("heading", level=1)).to_have_text("2.7 目标讨论原则")
    expect(page).to_have_url(re.compile(r"part=2.*slide=7|slide=7.*part=2"))
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_role("heading", level=1)).to_have_text("2.6 目标设定的 SMART 原则")
    size = (
        page.get_by_test_id("stMarkdownContainer")
        .locator("p")
        .first.evaluate("p => parseFloat(getComputedStyle(p).fontSize)")
    )
    assert size >= 28, f"slide text is {size}px, too small for a projector"


def test_an_unlock_lasts_across_reloads_and_tabs_on_that_browser_only(
    browser: Browser, presenter_url: str
):
    instructor = browser.new_context(viewport={"width": 1280, "height": 900})
    page = instructor.new_page()
    page.goto(f"{presenter_url}/live")
    settle(page)
    page.get_by_label("讲师口令").fill(PASSCODE)
    page.get_by_role("button", name="进入").click()
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
    stranger = browser.new_context().new_page()  # another browser: locked
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


def wait_for_cookie(context, timeout: float = 10.0) -> None:
    """The page trades its grant for the cookie in the background: wait until it is set."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(c["name"] == "courseware_instructor" for c in context.cookies()):
            return
        time.sleep(0.1)
    raise AssertionError("the instructor cookie was never set")
