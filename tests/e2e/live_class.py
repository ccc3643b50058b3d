"""The live class as people drive it in Chromium: the instructor's page and a phone page."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.e2e.browser import DESKTOP, PHONE, settle

JOIN_LINK = re.compile(r"http://[\w.:]+/join\?code=([A-Z2-9]{6})")


def start_poll(browser: Browser, url: str, passcode: str) -> tuple[Page, str]:
    """The instructor unlocks ``/live`` and starts a poll: (their page, the join code)."""
    teacher = browser.new_context(viewport=DESKTOP, locale="zh-CN").new_page()
    teacher.goto(f"{url}/live")
    settle(teacher)
    teacher.get_by_label("讲师口令").fill(passcode)
    teacher.get_by_role("button", name="进入").click()
    teacher.get_by_role("button", name="开始新的课堂投票").click()
    settle(teacher)
    link = teacher.get_by_test_id("stCode").inner_text().strip()
    found = JOIN_LINK.fullmatch(link)
    assert found, link
    return teacher, found[1]


def join_on_phone(browser: Browser, link: str, nickname: str) -> Page:
    """A trainee opens the join link on a phone-sized window and joins under ``nickname``."""
    phone = browser.new_context(viewport=PHONE, locale="zh-CN", has_touch=True).new_page()
    phone.goto(link)
    phone.get_by_label("昵称").fill(nickname)
    phone.get_by_role("button", name="加入").click()
    expect(phone.get_by_text(f"已加入：{nickname}")).to_be_visible()
    return phone


def answer_on_phone(phone: Page, letter: str = "A") -> None:
    """Tap the option with ``letter``, then send it; the phone confirms."""
    expect(phone.locator('[data-status="question"]')).to_be_visible(timeout=10_000)
    phone.locator(".option", has=phone.locator(".letter", has_text=letter)).tap()
    phone.get_by_role("button", name="提交答案").tap()
    expect(phone.get_by_text("答案已提交，等待讲师公布答案。")).to_be_visible()
