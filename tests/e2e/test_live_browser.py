"""A class in Chromium: one instructor and three trainees join, answer, see the reveal."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from courseware.passcode import PASSCODE_ENV
from tests.e2e.browser import DESKTOP, PHONE, full_screenshot, settle
from tests.e2e.server import running_app

pytestmark = pytest.mark.e2e
PASSCODE = "class-2026"


@pytest.fixture(scope="module")
def class_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    database = tmp_path_factory.mktemp("live") / "live.sqlite3"
    env = {PASSCODE_ENV: PASSCODE, "COURSEWARE_SQLITE_PATH": str(database),
           "COURSEWARE_DATABASE_URL": ""}  # fmt: skip
    with running_app(env=env) as url:
        yield url


def trainee(browser: Browser, url: str, nickname: str) -> Page:
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    phone = context.new_page()
    phone.goto(url)
    settle(phone)
    phone.get_by_label("昵称").fill(nickname)
    phone.get_by_role("button", name="加入").click()
    expect(phone.get_by_text(f"已加入：{nickname}")).to_be_visible()
    return phone


def test_a_live_poll_with_three_trainees(browser: Browser, class_url: str):
    teacher = browser.new_context(viewport=DESKTOP).new_page()
    teacher.goto(f"{class_url}/live")
    settle(teacher)
    teacher.get_by_label("讲师口令").fill(PASSCODE)
    teacher.get_by_role("button", name="进入").click()
    teacher.get_by_role("button", name="开始新的课堂投票").click()
    settle(teacher)
    link = teacher.get_by_test_id("stCode").inner_text().strip()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/join\?code=[A-Z2-9]{6}", link)
    expect(teacher.get_by_test_id("stImage").locator("img")).to_be_visible()  # the QR code

    phones = [trainee(browser, link, name) for name in ("小王", "<b>小李</b>", "小张")]
    expect(teacher.get_by_text("已有 3 位学员加入")).to_be_visible(timeout=5000)
    teacher.get_by_role("button", name="推送这道题").click()
    for phone in phones:
        expect(phone.get_by_role("button", name="提交答案")).to_be_visible(timeout=8000)
    for phone in phones:
        form = phone.get_by_test_id("stForm")
        answer = form.locator("label").filter(has=phone.get_by_role("radio")).first
        answer.click()
        form.get_by_role("button", name="提交答案").click()
        expect(phone.get_by_text("答案已提交，等待讲师公布答案。")).to_be_visible()
    expect(teacher.get_by_test_id("stMetricValue")).to_have_text("3 / 3", timeout=5000)
    full_screenshot(teacher, "live-instructor-counts")
    teacher.get_by_role("button", name="公布答案").click()
    expect(teacher.get_by_text("排行榜")).to_be_visible()
    for phone in phones:
        expect(phone.get_by_text("正确答案", exact=True)).to_be_visible(timeout=8000)
        expect(phone.get_by_text(re.compile("^你的得分："))).to_be_visible()
    full_screenshot(phones[1], "live-trainee-reveal")
    phones[1].reload()  # a reload keeps the player and the answer
    settle(phones[1])
    expect(phones[1].get_by_text("已加入：<b>小李</b>")).to_be_visible()
    expect(phones[1].locator("b", has_text="小李")).to_have_count(0)
    full_screenshot(teacher, "live-instructor-reveal")
