"""A trainee in Chromium: starts saving progress, takes a quiz, comes back by the resume link."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browser import full_screenshot, settle
from tests.e2e.quiz_driver import answer_current_item
from tests.e2e.server import running_app

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def quiz_app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    database = tmp_path_factory.mktemp("db") / "progress.sqlite3"
    env = {"COURSEWARE_SQLITE_PATH": str(database), "COURSEWARE_DATABASE_URL": ""}
    with running_app(env=env) as url:
        yield url


def test_take_a_quiz_then_find_progress_again_by_the_link(page: Page, quiz_app_url: str):
    page.goto(f"{quiz_app_url}/quiz")
    settle(page)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("保存我的进度").click()
    sidebar.get_by_label("姓名").fill("<i>陈晨</i>")
    sidebar.get_by_role("button", name="开始记录").click()
    settle(page)
    expect(sidebar.get_by_text("<i>陈晨</i>")).to_be_visible()  # text, not HTML
    expect(page.locator("i", has_text="陈晨")).to_have_count(0)
    sidebar.get_by_text("我的进度链接").click()
    link = sidebar.get_by_test_id("stCode").inner_text().strip()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/progress\?learner=[\w-]{20,}", link)

    page.get_by_role("button", name="开始测验").click()
    settle(page)
    for n in range(5):
        expect(page.get_by_text(f"第 {n + 1} / 5 题")).to_be_visible()
        answer_current_item(page, n + 1)
        expect(page.get_by_text("正确答案", exact=True)).to_be_visible()
        name = "查看结果" if n == 4 else "下一题"
        page.get_by_role("button", name=name).click()
        settle(page)
    expect(page.get_by_text(re.compile(r"得分 .* / 5"))).to_be_visible()
    full_screenshot(page, "quiz-result")

    page.context.clear_cookies()
    fresh = page.context.browser.new_page()  # next week, another browser tab and session
    fresh.goto(link)
    settle(fresh)
    expect(fresh.get_by_role("heading", level=1)).to_have_text("我的进度")
    expect(fresh.get_by_text("学员：<i>陈晨</i>")).to_be_visible()
    expect(fresh.get_by_test_id("stVegaLiteChart").first).to_be_visible()
    full_screenshot(fresh, "progress-page")
    fresh.close()
