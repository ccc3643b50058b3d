"""Presenter mode on a projector-sized Chromium window: passcode, arrow keys, large type."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

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
