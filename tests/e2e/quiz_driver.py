"""Drive the quiz runner in Chromium: answer whatever item is on screen."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.e2e.browser import settle


def answer_current_item(page: Page, position: int) -> None:
    fill_current_item(page, position)
    submit(page)


def fill_current_item(page: Page, position: int) -> None:
    """Give some answer of the right kind to item ``position`` (from 1); every type is handled."""
    expect(page.get_by_text(re.compile(f"^(重做：)?第 {position} / \\d+ 题$"))).to_be_visible()
    page.wait_for_timeout(150)  # let the new item's widgets finish mounting before typing
    form = page.get_by_test_id("stForm").last
    expect(form.get_by_role("button", name="提交答案")).to_be_enabled()  # a new, open item
    form.locator("input").first.wait_for()
    radios = form.get_by_role("radio")
    if radios.count():
        text = radios.first.evaluate("input => input.closest('label').innerText").strip()
        form.get_by_text(text, exact=True).click()
        expect(radios.first).to_be_checked()
    elif form.get_by_role("checkbox").count():
        box = form.get_by_role("checkbox").first
        text = box.evaluate("input => input.closest('label').innerText").strip()
        form.get_by_text(text, exact=True).click()
        expect(box).to_be_checked()
    elif form.get_by_test_id("stMultiSelect").count():
        form.get_by_test_id("stMultiSelect").get_by_role("combobox").click()
        for _ in range(8):  # Enter picks the first step left; once none is left it does nothing
            page.keyboard.press("Enter")
        page.keyboard.press("Escape")
    elif form.get_by_test_id("stSelectbox").count():
        for box in form.get_by_test_id("stSelectbox").all():
            choose_first(page, box)
    else:
        form.get_by_role("textbox").fill("60")


def choose_first(page: Page, box: Locator) -> None:
    """Open a select box and take its first option. On a busy machine a tap may not open the
    box, or its list may close again under the click (it can land while the box is redrawn),
    so it tries again, opening the box by tap and by the arrow key, which opens a focused box."""
    options, combobox = page.get_by_role("option"), box.get_by_role("combobox")
    for attempt in range(6):
        if attempt % 2 == 0:
            combobox.click()
        else:
            combobox.press("ArrowDown")
        try:
            options.first.click(timeout=3_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    expect(combobox).not_to_have_value("")  # a category is chosen


def submit(page: Page) -> None:
    page.get_by_test_id("stForm").last.get_by_role("button", name="提交答案").click()
    settle(page)
