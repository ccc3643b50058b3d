"""The projector's view of a poll at 1920×1080: code and QR, the question with the same lettered
options as the phones, live bars and count, the right option on reveal, the podium."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from courseware.passcode import PASSCODE_ENV
from tests.e2e.browser import save_screenshot, settle
from tests.e2e.light_phones import LightClass
from tests.e2e.live_class import answer_on_phone, join_on_phone, start_poll
from tests.e2e.server import on_sqlite, running_app
from tests.e2e.test_present_browser import wait_for_cookie

pytestmark = pytest.mark.e2e
PASSCODE = "screen-2026"
PROJECTOR = {"width": 1920, "height": 1080}


@pytest.fixture(scope="module")
def class_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = {PASSCODE_ENV: PASSCODE, **on_sqlite(tmp_path_factory.mktemp("screen") / "live.sqlite3")}
    with running_app(env=env) as url:
        yield url


def test_the_projector_shows_the_poll_to_the_room(browser: Browser, class_url: str):
    teacher, code = start_poll(browser, class_url, PASSCODE)
    wait_for_cookie(teacher.context)
    screen = teacher.context.new_page()
    screen.set_viewport_size(PROJECTOR)
    screen.goto(f"{class_url}/screen?code={code}")
    expect(screen.locator(".lobby .code")).to_have_text(code)
    expect(screen.locator(".lobby img")).to_be_visible()
    crowd = LightClass(class_url, code)
    try:
        crowd.arrive([f"学员{n}" for n in range(10)])
        phones = [join_on_phone(browser, f"{class_url}/join?code={code}", name)
                  for name in ("小王", "小李", "小张")]  # fmt: skip
        expect(screen.get_by_text("已有 13 位学员加入")).to_be_visible(timeout=10_000)
        save_screenshot(screen, "projector-lobby")

        teacher.get_by_role("button", name="推送这道题").click()
        expect(screen.locator('[data-status="question"]')).to_be_visible(timeout=10_000)
        on_screen = screen.locator(".option").evaluate_all(
            "os => os.map(o => [o.querySelector('.letter').textContent,"
            " o.querySelector('.text').textContent])"
        )
        expect(phones[0].locator('[data-status="question"]')).to_be_visible(timeout=10_000)
        on_phone = (
            phones[0]
            .locator(".option")
            .evaluate_all(
                "os => os.map(o => [o.children[0].textContent, o.children[1].textContent])"
            )
        )
        assert on_screen == on_phone and [letter for letter, _ in on_screen] == list("ABCD")
        for phone, letter in zip(phones, "BBA", strict=True):
            answer_on_phone(phone, letter)
        crowd.answer_all()
        expect(screen.locator("#count")).to_have_text("已作答 13 / 13", timeout=15_000)
        save_screenshot(screen, "projector-question")
        assert screen.locator("button, input, select").count() == 0  # nothing to click

        teacher.get_by_role("button", name="公布答案").click()
        expect(screen.locator(".option.right .letter")).to_have_text(["B"], timeout=10_000)
        expect(screen.locator(".podium li")).to_have_count(5)
        save_screenshot(screen, "projector-reveal")

        teacher.reload()  # the instructor's F5 in the middle of the poll
        settle(teacher)
        teacher.get_by_role("button", name="继续").click()  # the poll is still open: resume it
        settle(teacher)
        expect(teacher.get_by_test_id("stCode")).to_contain_text(code)
        leaving = phones[2]
        context = leaving.context
        leaving.close()  # a trainee closes the tab, then comes back from the same phone
        back = context.new_page()
        back.goto(f"{class_url}/join?code={code}")
        expect(back.get_by_text("已加入：小张")).to_be_visible()
        expect(back.locator('[data-status="revealed"]')).to_be_visible(timeout=10_000)
        expect(back.get_by_text("✗ 回答错误")).to_be_visible()  # their answer (A) is kept
        teacher.get_by_role("button", name="结束课堂投票").click()
        expect(screen.get_by_text("本次课堂投票结束 · 前五名")).to_be_visible(timeout=10_000)
    finally:
        crowd.close()
    stranger = browser.new_context(locale="zh-CN").new_page()
    answer = stranger.goto(f"{class_url}/screen?code={code}")
    assert answer.status == 403  # instructors only
