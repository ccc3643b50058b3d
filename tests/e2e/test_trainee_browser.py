"""A trainee in Chromium, on a phone (390×844, touch) and on a laptop (1280×800): reading section
by section, a quiz that survives a reload and ends in review cards and a combined retry, and
progress saved without the identity ever entering an address."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.browser import full_screenshot, settle
from tests.e2e.quiz_driver import answer_current_item
from tests.e2e.server import on_sqlite, running_app

pytestmark = pytest.mark.e2e

SIZES = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "laptop": {"viewport": {"width": 1280, "height": 800}},
}


@pytest.fixture(scope="module")
def trainee_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    database = tmp_path_factory.mktemp("db") / "progress.sqlite3"
    with running_app(env=on_sqlite(database)) as url:
        yield url


@pytest.fixture(params=list(SIZES))
def size(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def tab(browser: Browser, size: str) -> Iterator[Page]:
    context = browser.new_context(locale="zh-CN", **SIZES[size])
    yield context.new_page()
    context.close()


def open_url(page: Page, url: str) -> None:
    page.goto(url)
    settle(page)


def sidebar(page: Page):
    """The sidebar, opened first where a narrow screen folds it away."""
    bar = page.get_by_test_id("stSidebar")
    opener = page.get_by_test_id("stExpandSidebarButton")
    if opener.is_visible():
        opener.click()
        expect(bar).to_be_in_viewport()
    return bar


def close_sidebar(page: Page) -> None:
    if page.get_by_test_id("stSidebarCollapseButton").is_visible() and (
        page.viewport_size["width"] < 700
    ):
        page.get_by_test_id("stSidebarCollapseButton").locator("button").click()


def main_scroll(page: Page) -> int:
    return page.evaluate(
        "Math.max(document.querySelector('[data-testid=\"stMain\"]').scrollTop, window.scrollY)"
    )


def section_of(page: Page) -> str | None:
    """The section the address names."""
    return parse_qs(urlsplit(page.url).query).get("section", [None])[0]


def shows_position(page: Page, shown: str) -> None:
    """The page shows section ``shown`` ("第 2 / 8 节"), once the run the tap started is in (a
    settled page may not have begun that run yet)."""
    expect(page.get_by_text(re.compile(r"^第 \d+ / \d+ 节$"))).to_have_text(shown)


def test_sections_open_at_their_top_and_follow_back_and_forward(tab: Page, trainee_url: str,
                                                               size: str):  # fmt: skip
    open_url(tab, f"{trainee_url}/part-2")
    shows_position(tab, "第 1 / 8 节")
    forward = tab.get_by_role("button", name="下一节 →")
    forward.scroll_into_view_if_needed()
    assert main_scroll(tab) > 200  # read down to the end of the section
    forward.click()
    settle(tab)
    shows_position(tab, "第 2 / 8 节")
    assert section_of(tab) == "mbo"
    assert main_scroll(tab) == 0  # the new section opens at its top
    expect(tab.get_by_role("heading", level=2).first).to_be_in_viewport()
    full_screenshot(tab, f"trainee-section-top-{size}")
    tab.get_by_role("button", name="下一节 →").click()
    settle(tab)
    shows_position(tab, "第 3 / 8 节")
    tab.go_back()
    settle(tab)
    shows_position(tab, "第 2 / 8 节")
    assert section_of(tab) == "mbo"
    tab.go_back()
    settle(tab)
    shows_position(tab, "第 1 / 8 节")
    tab.go_forward()
    settle(tab)
    shows_position(tab, "第 2 / 8 节")
    assert section_of(tab) == "mbo"


def test_an_unknown_address_gets_a_page_in_chinese_with_the_parts(tab: Page, trainee_url: str,
                                                                  size: str):  # fmt: skip
    open_url(tab, f"{trainee_url}/part-5")
    expect(tab.get_by_role("heading", level=1)).to_have_text("找不到这个页面")
    expect(tab.get_by_text("本课程没有“/part-5”这个地址。")).to_be_visible()
    expect(tab.get_by_text("Page not found")).to_have_count(0)
    full_screenshot(tab, f"trainee-not-found-{size}")
    tab.get_by_role("link", name="进入第三部分").click()
    expect(tab).to_have_url(re.compile(r"/part-3(\?lang=zh)?$"))
    expect(tab.get_by_role("heading", level=1)).to_contain_text("第三部分")


def sign_up(page: Page, name: str) -> None:
    bar = sidebar(page)
    bar.get_by_text("保存我的进度").click()
    bar.get_by_label("姓名").fill(name)
    bar.get_by_role("button", name="开始记录").click()
    settle(page)
    expect(bar.get_by_text(name, exact=True)).to_be_visible()
    close_sidebar(page)


def answer(page: Page, first: int, last: int, of: int) -> None:
    """Answer items ``first``..``last`` of ``of`` (whatever answer), tapping on after each."""
    for n in range(first, last + 1):
        answer_current_item(page, n)
        expect(page.get_by_text("正确答案", exact=True)).to_be_visible()
        page.get_by_role("button", name="查看结果" if n == of else "下一题").click()
        settle(page)


def test_a_quiz_survives_a_reload_then_ends_in_review_cards_and_a_combined_retry(
    tab: Page, trainee_url: str, size: str
):
    open_url(tab, f"{trainee_url}/part-2")
    sign_up(tab, f"陈晨-{size}")
    tab.get_by_text("本部分自测").click()
    tab.get_by_role("button", name="开始测验").click()
    settle(tab)
    answer(tab, 1, 2, of=5)
    expect(tab.get_by_text("第 3 / 5 题")).to_be_visible()

    tab.reload()
    settle(tab)
    expect(tab.get_by_text("第 3 / 5 题")).to_be_visible()  # the attempt and its toggle are back
    expect(tab.get_by_role("switch", name="本部分自测")).to_be_checked()
    tab.get_by_role("button", name="放弃本次测验").click()  # one tap only asks
    expect(tab.get_by_text("确定放弃吗？", exact=False)).to_be_visible()
    tab.keyboard.press("Escape")
    expect(tab.get_by_text("第 3 / 5 题")).to_be_visible()

    answer(tab, 3, 5, of=5)
    headline = tab.get_by_text(re.compile(r"得分 [\d.]+ / 5（"))
    expect(headline).to_be_visible()
    cards = tab.locator("[class*='st-key-quiz-part-2-card-']")
    expect(cards).to_have_count(5)
    width = tab.viewport_size["width"]
    for card in cards.all():
        box = card.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        expect(card.get_by_text("正确答案", exact=True)).to_be_visible()
    full_screenshot(tab, f"trainee-review-cards-{size}")

    missed = tab.get_by_role("button", name=re.compile(r"只重做答错的 \d+ 题"))
    if missed.count():  # whatever was answered wrong, a retry counts with the rest
        wrong = int(re.search(r"\d+", missed.inner_text()).group())
        tab.get_by_text(re.compile(r"只看没答对的题")).click()
        expect(cards).to_have_count(wrong)
        missed.click()
        settle(tab)
        expect(tab.get_by_text(f"重做：第 1 / {wrong} 题")).to_be_visible()
        answer(tab, 1, wrong, of=wrong)
        expect(tab.get_by_text(re.compile(r"得分 [\d.]+ / 5（"))).to_be_visible()
        expect(tab.get_by_text(re.compile(rf"本轮重做 {wrong} 题"))).to_be_visible()
        full_screenshot(tab, f"trainee-retry-combined-{size}")


def test_progress_is_kept_by_the_browser_and_no_address_carries_who_it_is(
    browser: Browser, tab: Page, trainee_url: str, size: str
):
    open_url(tab, f"{trainee_url}/part-1")
    sign_up(tab, f"王芳-{size}")
    tab.get_by_role("button", name="下一节 →").click()
    settle(tab)
    assert "learner" not in tab.url
    shared = tab.url  # the address a trainee would copy to a colleague

    open_url(tab, f"{trainee_url}/progress")  # a fresh visit, same browser
    expect(tab.get_by_text(f"学员：王芳-{size}")).to_be_visible()
    tab.get_by_text("显示我的个人进度链接").click()
    expect(tab.get_by_text(re.compile("不要发给别人"))).to_be_visible()
    link = tab.get_by_test_id("stCode").inner_text().strip()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/progress\?learner=[\w-]{20,}&lang=zh", link)
    full_screenshot(tab, f"trainee-resume-link-{size}")

    colleague = browser.new_context(locale="zh-CN", **SIZES[size]).new_page()
    open_url(colleague, shared)
    expect(sidebar(colleague).get_by_text("保存我的进度")).to_be_visible()  # not signed in
    expect(colleague.get_by_text(f"王芳-{size}")).to_have_count(0)

    other_device = browser.new_context(locale="zh-CN", **SIZES[size]).new_page()
    open_url(other_device, link)
    expect(other_device.get_by_text(f"学员：王芳-{size}")).to_be_visible()
    expect(other_device).to_have_url(
        re.compile(r"/progress\?lang=zh$")
    )  # the token left the address
    open_url(other_device, f"{trainee_url}/quiz")
    expect(sidebar(other_device).get_by_text(f"王芳-{size}", exact=True)).to_be_visible()
    colleague.context.close()
    other_device.context.close()
