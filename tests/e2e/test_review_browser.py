"""Spaced review in Chromium, on a phone and on a laptop: a learner answers a quiz, a week passes
(the stored cards and reviews move a week into the past), the learner sees the items due,
reviews them, and the forecast moves on; the dashboard shows the class's retention."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from courseware.passcode import PASSCODE_ENV
from tests.e2e.browser import full_screenshot, settle
from tests.e2e.quiz_driver import answer_current_item
from tests.e2e.server import on_sqlite, running_app
from tests.e2e.test_trainee_browser import SIZES, close_sidebar, sidebar

pytestmark = pytest.mark.e2e
PASSCODE = "review-2026"
DUE = re.compile(r"今日待复习 (\d+) 题")


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("review") / "progress.sqlite3"


@pytest.fixture(scope="module")
def review_url(database: Path) -> Iterator[str]:
    env = {**on_sqlite(database), PASSCODE_ENV: PASSCODE}
    with running_app(env=env) as url:
        yield url


def a_week_passes(database: Path) -> None:
    """Move every stored card and review a week into the past: as if a week had gone by."""
    week = timedelta(days=7)

    def earlier(text: str) -> str:
        return (datetime.fromisoformat(text) - week).isoformat()

    with sqlite3.connect(database) as db:
        for row_id, card, due in db.execute("SELECT id, card, due FROM review_cards").fetchall():
            data = json.loads(card)
            for key in ("due", "last_review"):
                if data.get(key):
                    data[key] = earlier(data[key])
            db.execute("UPDATE review_cards SET card = ?, due = ? WHERE id = ?",
                       (json.dumps(data), earlier(due), row_id))  # fmt: skip
        for row_id, when in db.execute("SELECT id, reviewed_at FROM review_logs").fetchall():
            db.execute(
                "UPDATE review_logs SET reviewed_at = ? WHERE id = ?", (earlier(when), row_id)
            )


def due_now(page: Page) -> int:
    text = sidebar(page).get_by_text(DUE).inner_text()
    close_sidebar(page)
    return int(DUE.search(text).group(1))


def answer_all(page: Page, total: int) -> None:
    for n in range(1, total + 1):
        answer_current_item(page, n)
        page.get_by_role("button", name="查看结果" if n == total else "下一题").click()
        settle(page)


@pytest.mark.parametrize("size", list(SIZES))
def test_a_week_later_the_learner_reviews_what_is_due(
    browser: Browser, review_url: str, database: Path, size: str
):
    context = browser.new_context(locale="zh-CN", **SIZES[size])
    page = context.new_page()
    page.goto(f"{review_url}/quiz")
    settle(page)
    bar = sidebar(page)
    bar.get_by_text("保存我的进度").click()
    bar.get_by_label("姓名").fill(f"复习-{size}")
    bar.get_by_role("button", name="开始记录").click()
    settle(page)
    close_sidebar(page)
    page.get_by_role("button", name="开始测验").click()
    settle(page)
    answer_all(page, 5)
    expect(page.get_by_text(re.compile(r"得分 [\d.]+ / 5"))).to_be_visible()

    a_week_passes(database)
    page.goto(f"{review_url}/quiz")
    settle(page)
    due = due_now(page)
    assert due >= 5  # everyone's cards came due over the week: this learner's five at least
    scope = page.get_by_role("combobox", name="测验范围")
    expect(scope).to_have_value(re.compile(r"^今日复习（\d+ 题）$"))  # offered first
    page.goto(f"{review_url}/progress")
    settle(page)
    expect(page.get_by_text("复习计划", exact=True)).to_be_visible()
    full_screenshot(page, f"review-due-{size}")

    page.goto(f"{review_url}/quiz")
    settle(page)
    page.get_by_text("全部", exact=True).click()  # the whole review
    settle(page)
    page.get_by_role("button", name="开始测验").click()
    settle(page)
    total = int(
        re.search(r"/ (\d+) 题", page.get_by_text(re.compile(r"^第 1 / \d+ 题$")).inner_text())[1]
    )
    answer_all(page, total)
    page.goto(f"{review_url}/progress")
    settle(page)
    assert due_now(page) < due  # what was reviewed is scheduled again, further out
    expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible()
    full_screenshot(page, f"review-after-{size}")

    page.goto(f"{review_url}/instructor")
    settle(page)
    page.get_by_label("讲师口令").fill(PASSCODE)
    page.get_by_role("button", name="进入").click()
    settle(page)
    expect(page.get_by_text("班级记忆保持", exact=True)).to_be_visible()
    full_screenshot(page, f"review-class-retention-{size}")
    context.close()
