"""Two app processes behind nginx, sharing one PostgreSQL, hold one class of fifty-two phones.

Fifty light phones and two Chromium phones join through nginx, which spreads them over both
processes; an instructor on each process watches the same poll. Everyone sees the same question,
every answer is stored once, and both presenters count all of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from courseware.cluster import running_nginx
from courseware.live.store import LiveStore
from courseware.passcode import PASSCODE_ENV
from courseware.storage.store import Store
from tests.e2e.browser import full_screenshot, settle
from tests.e2e.light_phones import LightClass
from tests.e2e.live_class import answer_on_phone, join_on_phone, start_poll
from tests.e2e.server import free_port, running_app
from tests.own_database import own_database

pytestmark = pytest.mark.e2e
PASSCODE = "two-servers"
LIGHT_PHONES = 50


@pytest.fixture(scope="module")
def class_database() -> Iterator[str]:
    with own_database("courseware_cluster") as url:
        yield url


def test_one_class_over_two_processes_behind_nginx(
    browser: Browser, class_database: str, tmp_path: Path
):
    env = {"COURSEWARE_DATABASE_URL": class_database, PASSCODE_ENV: PASSCODE}
    with (
        running_app(env=env) as first,
        running_app(env=env) as second,
        running_nginx(
            [u.removeprefix("http://") for u in (first, second)], free_port(), prefix=tmp_path
        ) as front,  # fmt: skip
    ):
        teacher, code = start_poll(browser, first, PASSCODE)
        watcher = browser.new_context(
            viewport={"width": 1280, "height": 900}, locale="zh-CN"
        ).new_page()
        watcher.goto(f"{second}/live")  # a second presenter, on the other process
        settle(watcher)
        watcher.get_by_label("讲师口令").fill(PASSCODE)
        watcher.get_by_role("button", name="进入").click()
        watcher.get_by_role("button", name="继续").click()  # resumes the poll still open
        settle(watcher)

        crowd = LightClass(front, code)
        try:
            crowd.arrive([f"远端{n:02d}" for n in range(LIGHT_PHONES)], over_seconds=3)
            phones = [join_on_phone(browser, f"{front}/join?code={code}", name)
                      for name in ("甲", "乙")]  # fmt: skip
            assert crowd.wait_until(lambda p: p.token != "" or p.errors != [], timeout=60)
            everyone = LIGHT_PHONES + len(phones)
            for presenter in (teacher, watcher):
                expect(presenter.get_by_text(f"已有 {everyone} 位学员加入")).to_be_visible(
                    timeout=15_000
                )
            teacher.get_by_role("button", name="推送这道题").click()
            assert crowd.wait_until(lambda p: any(k.startswith("question:") for k in p.seen), 30)
            for phone in phones:
                answer_on_phone(phone, "B")
            crowd.answer_all()
            assert crowd.wait_until(lambda p: p.answer_outcome is not None, timeout=60)
            for presenter in (teacher, watcher):
                expect(presenter.get_by_test_id("stMetricValue")).to_have_text(
                    f"{everyone} / {everyone}", timeout=15_000
                )
            full_screenshot(watcher, "cluster-second-presenter")
            watcher.get_by_role("button", name="公布答案").click()  # from the other process
            assert crowd.wait_until(lambda p: any(k.startswith("revealed:") for k in p.seen), 30)
            for phone in phones:
                expect(phone.get_by_text("✓ 回答正确")).to_be_visible(timeout=10_000)
        finally:
            crowd.close()

    assert [p.errors for p in crowd.phones if p.errors] == []
    seen = {k for p in crowd.phones for k in p.seen if k.startswith("question:")}
    assert len(seen) == 1  # everyone saw the same question
    assert crowd.count(lambda p: p.answer_outcome == "stored") == LIGHT_PHONES
    live = LiveStore(Store(class_database))
    question = live.current(live.find_session(code).id)
    assert live.tally(question.id).answers == everyone  # every answer stored, once
    log = (tmp_path / "access.log").read_text(encoding="utf-8")
    served_by = set(re.findall(r'"POST /api/live/answer [^"]*" 200 \d+ upstream=(\S+)', log))
    assert len(served_by) == 2, served_by  # the phones were spread over both processes
