"""A class through the real server: an instructor in Chromium, three Chromium phones and thirty
light phones join, see the question, answer, see the reveal and the end."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from courseware.content.banks import items_by_id
from courseware.i18n import t
from courseware.live.store import LiveStore
from courseware.passcode import PASSCODE_ENV
from courseware.storage.store import Store
from tests.e2e.browser import PHONE, full_screenshot, save_screenshot
from tests.e2e.light_phones import LightClass
from tests.e2e.live_class import answer_on_phone, join_on_phone, start_poll
from tests.e2e.server import on_sqlite, running_app

pytestmark = pytest.mark.e2e
PASSCODE = "class-2026"
LIGHT_PHONES = 30


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("live") / "live.sqlite3"


@pytest.fixture(scope="module")
def class_url(database: Path) -> Iterator[str]:
    env = {PASSCODE_ENV: PASSCODE, **on_sqlite(database)}
    with running_app(env=env) as url:
        yield url


def test_a_class_of_thirty_three_phones(browser: Browser, class_url: str, database: Path):
    teacher, code = start_poll(browser, class_url, PASSCODE)
    expect(teacher.get_by_test_id("stImage").locator("img")).to_be_visible()  # the QR code
    link = f"{class_url}/join?code={code}"
    crowd = LightClass(class_url, code)
    try:
        crowd.arrive([f"学员{n:02d}" for n in range(LIGHT_PHONES)], over_seconds=2)
        phones = [join_on_phone(browser, link, name) for name in ("小王", "<b>小李</b>", "小张")]
        assert crowd.wait_until(lambda p: p.token != "", timeout=30)
        everyone = LIGHT_PHONES + len(phones)
        expect(teacher.get_by_text(f"已有 {everyone} 位学员加入")).to_be_visible(timeout=10_000)

        teacher.get_by_role("button", name="推送这道题").click()
        assert crowd.wait_until(lambda p: any(k.startswith("question:") for k in p.seen), 30)
        for phone, letter in zip(phones, "ABC", strict=True):
            expect(phone.locator(".option .letter")).to_have_text(["A", "B", "C", "D"])
            answer_on_phone(phone, letter)
        save_screenshot(phones[0], "live-phone-answered")
        crowd.answer_all()
        assert crowd.wait_until(lambda p: p.answer_outcome is not None, timeout=30)
        expect(teacher.get_by_test_id("stMetricValue")).to_have_text(
            f"{everyone} / {everyone}", timeout=10_000
        )
        full_screenshot(teacher, "live-instructor-counts")

        teacher.get_by_role("button", name="公布答案").click()
        assert crowd.wait_until(lambda p: any(k.startswith("revealed:") for k in p.seen), 30)
        for phone in phones:
            expect(phone.get_by_text("正确答案", exact=True)).to_be_visible(timeout=10_000)
            expect(phone.get_by_text(re.compile(r"^你的总分：.* · 当前第 \d+ 名$"))).to_be_visible()
        expect(phones[1].get_by_text("✓ 回答正确")).to_be_visible()  # B is the right answer
        save_screenshot(phones[1], "live-phone-reveal")
        phones[1].reload()  # a reload keeps the player and their result
        expect(phones[1].get_by_text("已加入：<b>小李</b>")).to_be_visible()
        expect(phones[1].locator("b", has_text="小李")).to_have_count(0)  # text, not HTML
        expect(phones[1].get_by_text("✓ 回答正确")).to_be_visible()

        teacher.get_by_role("button", name="结束课堂投票").click()
        assert crowd.wait_until(lambda p: "ended" in p.seen, timeout=30)
        expect(phones[2].get_by_text("本次课堂投票已结束，谢谢参与！")).to_be_visible(
            timeout=10_000
        )
    finally:
        crowd.close()
    assert [p.errors for p in crowd.phones if p.errors] == []
    assert crowd.count(lambda p: p.answer_outcome == "stored") == LIGHT_PHONES
    live = LiveStore(Store(f"sqlite:///{database}"))
    question = live.current(live.find_session(code).id)
    assert live.tally(question.id).answers == everyone  # every answer stored, and only once


def test_an_answer_the_server_cannot_store_waits_on_the_phone(
    browser: Browser, class_url: str, database: Path
):
    """The server answers 503 (busy, or its database is down): the phone says so, keeps the
    answer through a reload, and sends it again until it is stored."""
    live = LiveStore(Store(f"sqlite:///{database}"))
    poll = live.start_session()
    phone = join_on_phone(browser, f"{class_url}/join?code={poll.code}", "坚持")
    question = live.push(poll.id, "smart-specific-1")
    refused: list[str] = []

    def busy(route) -> None:
        refused.append(route.request.post_data or "")
        route.fulfill(status=503, json={"problem": "unavailable", "retry": True})

    phone.route("**/api/live/answer?*", busy)  # each call carries the phone's language
    expect(phone.locator('[data-status="question"]')).to_be_visible(timeout=10_000)
    phone.locator(".option", has=phone.locator(".letter", has_text="B")).tap()
    phone.get_by_role("button", name="提交答案").tap()
    expect(phone.get_by_text(re.compile("^答案还没有保存"))).to_be_visible()
    expect(phone.get_by_role("button", name="提交答案")).to_be_disabled()
    save_screenshot(phone, "live-phone-retrying")
    phone.reload()  # the trainee reloads while the server is still busy
    expect(phone.get_by_text(re.compile("^答案还没有保存"))).to_be_visible(timeout=10_000)
    chosen = phone.locator('.option[aria-pressed="true"] .letter')
    expect(chosen).to_have_text(["B"])  # the waiting answer is shown as chosen
    assert len(refused) >= 2 and live.tally(question.id).answers == 0
    phone.unroute("**/api/live/answer?*")  # the server can store again
    expect(phone.get_by_text("答案已提交，等待讲师公布答案。")).to_be_visible(timeout=15_000)
    player = live.player(phone.evaluate("localStorage.getItem('courseware.live.token')"))
    assert player.nickname == "坚持" and live.my_answer(question.id, player.id) == ("b", 1.0)


def test_a_countdown_closes_answering_on_the_phone(
    browser: Browser, class_url: str, database: Path
):
    live = LiveStore(Store(f"sqlite:///{database}"))
    poll = live.start_session()
    phone = join_on_phone(browser, f"{class_url}/join?code={poll.code}", "计时")
    question = live.push(poll.id, "smart-specific-1", seconds=3)
    expect(phone.locator("#clock")).to_have_text(re.compile(r"^剩余 [123] 秒$"), timeout=10_000)
    save_screenshot(phone, "live-phone-countdown")
    expect(phone.locator("#clock")).to_have_text("时间到，本题不能再作答。", timeout=10_000)
    expect(phone.get_by_role("button", name="提交答案")).to_be_disabled()
    token = phone.evaluate("localStorage.getItem('courseware.live.token')")
    phone.wait_for_timeout(1600)  # past the grace a tap in flight gets
    late = phone.request.post(f"{class_url}/api/live/answer",
                              data={"token": token, "question": question.id, "answer": "b"})  # fmt: skip
    assert late.json()["outcome"] == "closed" and live.tally(question.id).answers == 0


def test_an_answer_to_a_question_pushed_past_says_so_and_moves_on(
    browser: Browser, class_url: str, database: Path
):
    """The phone still shows the old question (its long poll is held back) when the instructor
    pushes the next one; its answer is refused with a reason, and it moves on."""
    live = LiveStore(Store(f"sqlite:///{database}"))
    poll = live.start_session()
    phone = join_on_phone(browser, f"{class_url}/join?code={poll.code}", "迟一步")
    held: list[object] = []
    shown: list[str] = []  # the version of the question the phone keeps showing

    def hold_long_polls(route) -> None:
        if shown and f"since={shown[0]}" in route.request.url:  # then "&lang=…"
            held.append(route)  # the phone does not hear of the next question
        else:
            route.continue_()

    phone.route("**/api/live/state?*", hold_long_polls)
    first = live.push(poll.id, "smart-specific-1")
    shown.append(f"{first.id}.0.0")
    expect(phone.locator('[data-status="question"]')).to_be_visible(timeout=10_000)
    second = live.push(poll.id, "pdca-do-1")
    phone.locator(".option", has=phone.locator(".letter", has_text="B")).tap()
    phone.get_by_role("button", name="提交答案").tap()
    expect(phone.get_by_text("这道题已经结束，请回答当前的题目。")).to_be_visible(timeout=10_000)
    expect(phone.locator(".number")).to_have_text("第 2 题", timeout=10_000)
    expect(phone.locator(".option .letter")).to_have_text(["A", "B"])
    save_screenshot(phone, "live-phone-pushed-past")
    assert held and live.tally(first.id).answers == 0 and live.tally(second.id).answers == 0


def phone_in(browser: Browser, link: str, locale: str, nickname: str, lang: str) -> Page:
    """A phone whose browser speaks ``locale`` joins by the projected link (no language in it)."""
    phone = browser.new_context(viewport=PHONE, locale=locale, has_touch=True).new_page()
    phone.goto(link)
    phone.get_by_label(t("phone.nickname", lang)).fill(nickname)
    phone.get_by_role("button", name=t("phone.join", lang)).click()
    expect(phone.get_by_text(t("phone.hello", lang, nickname=nickname))).to_be_visible()
    return phone


def test_a_mixed_class_reads_in_two_languages_and_counts_together(
    browser: Browser, class_url: str, database: Path
):
    live = LiveStore(Store(f"sqlite:///{database}"))
    poll = live.start_session()
    link = f"{class_url}/join?code={poll.code}"
    chinese = phone_in(browser, link, "zh-CN", "小王", "zh")
    english = phone_in(browser, link, "en-US", "Sam", "en")
    question = live.push(poll.id, "smart-specific-1")
    zh_item, en_item = items_by_id("zh")["smart-specific-1"], items_by_id("en")["smart-specific-1"]
    expect(chinese.get_by_text(zh_item.prompt)).to_be_visible(timeout=10_000)
    expect(english.get_by_text(en_item.prompt)).to_be_visible(timeout=10_000)
    right = "ABCD"[list(zh_item.options).index(zh_item.answer)]
    for phone, lang in ((chinese, "zh"), (english, "en")):
        phone.locator(".option", has=phone.locator(".letter", has_text=right)).tap()
        phone.get_by_role("button", name=t("phone.submit", lang)).tap()
        expect(phone.get_by_text(t("phone.sent", lang))).to_be_visible()
    save_screenshot(english, "live-phone-english")
    live.reveal(question.id)
    expect(chinese.get_by_text(t("phone.right", "zh"))).to_be_visible(timeout=10_000)
    expect(english.get_by_text(t("phone.right", "en"))).to_be_visible(timeout=10_000)
    assert live.tally(question.id).answers == 2  # one question, both languages counted together
    live.end_session(poll.id)
    for phone in (chinese, english):
        phone.context.close()
