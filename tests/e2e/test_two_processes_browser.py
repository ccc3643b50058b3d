"""Two app processes sharing one PostgreSQL serve one class: instructor on one, trainee on the other."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import Browser, expect

from courseware.passcode import PASSCODE_ENV
from tests.e2e.browser import DESKTOP, PHONE, settle
from tests.e2e.server import running_app

pytestmark = pytest.mark.e2e
POSTGRES_URL_ENV = "COURSEWARE_TEST_POSTGRES_URL"


def test_one_poll_across_two_processes(browser: Browser):
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        pytest.fail(f"set {POSTGRES_URL_ENV} (python3 dev.py test starts a PostgreSQL)")
    env = {"COURSEWARE_DATABASE_URL": url, PASSCODE_ENV: "two-servers"}
    with running_app(env=env) as first, running_app(env=env) as second:
        assert first != second
        teacher = browser.new_context(viewport=DESKTOP).new_page()
        teacher.goto(f"{first}/live")
        settle(teacher)
        teacher.get_by_label("讲师口令").fill("two-servers")
        teacher.get_by_role("button", name="进入").click()
        teacher.get_by_role("button", name="开始新的课堂投票").click()
        settle(teacher)
        code = re.search(r"code=([A-Z2-9]{6})", teacher.get_by_test_id("stCode").inner_text())[1]
        teacher.get_by_role("button", name="推送这道题").click()

        phone = browser.new_context(viewport=PHONE).new_page()
        phone.goto(f"{second}/join?code={code}")  # the other process
        settle(phone)
        phone.get_by_label("昵称").fill("远端学员")
        phone.get_by_role("button", name="加入").click()
        form = phone.get_by_test_id("stForm")
        expect(form.get_by_role("button", name="提交答案")).to_be_visible(timeout=8000)
        form.locator("label").filter(has=phone.get_by_role("radio")).first.click()
        form.get_by_role("button", name="提交答案").click()
        expect(phone.get_by_text("答案已提交，等待讲师公布答案。")).to_be_visible()

        expect(teacher.get_by_test_id("stMetricValue")).to_have_text("1 / 1", timeout=5000)
        teacher.get_by_role("button", name="公布答案").click()
        expect(phone.get_by_text("正确答案", exact=True)).to_be_visible(timeout=8000)
