"""Every tool in a real Chromium: change an input, see the result; phone width; page switches."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from courseware.i18n import t
from tests.e2e.browser import PHONE, full_screenshot, settle

pytestmark = pytest.mark.e2e

TOOL_SECTIONS = {
    "customer-value": "part-1?section=customer-value",
    "churn": "part-1?section=churn-cost",
    "kpi-scorecard": "part-2?section=indicators",
    "smart-checker": "part-2?section=smart",
    "action-planner": "part-3?section=essence",
    "black-holes": "part-3?section=why-execution",
    "questioning-practice": "part-4?section=questioning",
}


def open_tool(page: Page, app_url: str, name: str):
    page.goto(f"{app_url}/{TOOL_SECTIONS[name]}")
    settle(page)
    tool = page.locator(f".st-key-tool-{name}")
    expect(tool).to_be_visible()
    return tool


def fill_number(page: Page, tool, label: str, value: str, nth: int = 0) -> None:
    field = tool.get_by_label(label, exact=True).nth(nth)
    field.fill(value)
    field.press("Enter")
    settle(page)


def test_customer_value_updates_when_an_offer_changes(page: Page, app_url: str):
    tool = open_tool(page, app_url, "customer-value")
    expect(tool.get_by_text("¥310,000").first).to_be_visible()
    fill_number(page, tool, "产品价值", "900000")
    expect(tool.get_by_test_id("stMetricValue").nth(2)).to_have_text("¥410,000")
    expect(tool.get_by_text("我方方案为客户创造的客户价值更高：¥410,000")).to_be_visible()
    fill_number(page, tool, "货币价格", "-1", nth=1)
    expect(tool.get_by_text("不能小于 0。")).to_be_visible()
    expect(tool.get_by_test_id("stException")).to_have_count(0)
    full_screenshot(page, "tool-customer-value")


def test_churn_updates_and_refuses_a_rate_above_100(page: Page, app_url: str):
    tool = open_tool(page, app_url, "churn")
    fill_number(page, tool, "年流失率（%）", "20")
    expect(tool.get_by_test_id("stMetricValue").first).to_have_text("200")
    expect(tool.get_by_text("¥20,000,000", exact=True)).to_be_visible()
    expect(tool.locator("[data-testid='stVegaLiteChart']")).to_be_visible()
    full_screenshot(page, "tool-churn")
    fill_number(page, tool, "年流失率（%）", "120")
    expect(tool.get_by_text("不能大于 100%。")).to_be_visible()


def test_kpi_scorecard_scores_and_offers_a_download(page: Page, app_url: str):
    tool = open_tool(page, app_url, "kpi-scorecard")
    expect(tool.get_by_test_id("stMetricValue").first).to_have_text("96.3%")
    expect(tool.get_by_text("第 5 项指标")).to_be_visible()
    fill_number(page, tool, "实际值", "12")  # the first KPI, 销售获利比率, meets its target
    expect(tool.get_by_test_id("stMetricValue").first).to_have_text("100.1%")
    with page.expect_download() as download:
        tool.get_by_role("button", name="下载计分卡（CSV）").click()
    text = download.value.path().read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0].startswith("perspective,indicator,weight,target,actual")
    assert "financial,销售获利比率,30,12,12,true,1,0.3" in text.splitlines()
    full_screenshot(page, "tool-kpi-scorecard")


def test_smart_checker_scores_the_strong_example(page: Page, app_url: str):
    tool = open_tool(page, app_url, "smart-checker")
    expect(tool.get_by_text("满足 1 / 5 项")).to_be_visible()
    expect(tool.get_by_text("还不能整理出完整的目标", exact=False)).to_be_visible()
    tool.get_by_role("button", name="示例：符合 SMART 的目标").click()
    settle(page)
    expect(tool.get_by_text("满足 5 / 5 项")).to_be_visible()
    expect(tool.get_by_test_id("stCode")).to_have_text(
        "本季度末之前，将重点客户的客户抱怨回复时间从48小时缩短到24小时以内。"
    )
    goal = tool.get_by_label("你的目标")
    goal.fill("年底前把销售额做到1个亿")
    goal.press("Control+Enter")
    settle(page)
    expect(tool.get_by_text("满足 4 / 5 项")).to_be_visible()
    expect(tool.get_by_test_id("stCode")).to_have_text(
        "年底前，销售额做到1个亿（基线：【目前水平】）。"
    )
    full_screenshot(page, "tool-smart-checker")
    goal.fill("<b id='typed'>x</b> 下周拜访")
    goal.press("Control+Enter")
    settle(page)
    expect(page.locator("#typed")).to_have_count(0)


def test_action_planner_shows_progress_and_downloads_csv(page: Page, app_url: str):
    tool = open_tool(page, app_url, "action-planner")
    expect(tool.get_by_test_id("stMetricValue").first).to_have_text("33%")
    tool.get_by_role("button", name="删除这一项").nth(1).click()  # the action that is done
    settle(page)
    expect(tool.get_by_test_id("stMetricValue").first).to_have_text("0%")
    with page.expect_download() as download:
        tool.get_by_role("button", name="下载计划（CSV）").click()
    lines = download.value.path().read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0] == "what,why,who,when,where,how,stage,status"
    assert len(lines) == 3
    assert "建立重点客户交期周报" not in "".join(lines)
    full_screenshot(page, "tool-action-planner")


def test_black_hole_diagnosis_responds_to_answers(page: Page, app_url: str):
    tool = open_tool(page, app_url, "black-holes")
    for index in range(3, 6):  # the three statements of 决而不行
        tool.get_by_test_id("stButtonGroup").nth(index).get_by_role("radio", name="总是").click()
        settle(page)
    expect(tool.get_by_text("最需要注意的是“决而不行”——光说不练")).to_be_visible()
    tool.get_by_role("link", name=re.compile("回到课程")).click()
    expect(page.get_by_role("heading", level=2)).to_have_text("3.3 为何需要执行力")
    full_screenshot(page, "tool-black-holes")


def test_questioning_practice_gives_feedback(page: Page, app_url: str):
    tool = open_tool(page, app_url, "questioning-practice")
    tool.get_by_role("radio", name="假设式发问").click()
    tool.get_by_label("你的问题").fill("如果交期提前一周，对您的排产会有什么帮助？")
    tool.get_by_role("button", name="检查我的问题").click()
    settle(page)
    expect(tool.get_by_text("很好：这是一个假设式发问。")).to_be_visible()
    expect(tool.get_by_text("假设式发问示范问题：")).to_be_visible()
    full_screenshot(page, "tool-questioning-practice")


def test_inputs_survive_leaving_the_page_and_coming_back(page: Page, app_url: str):
    tool = open_tool(page, app_url, "churn")
    fill_number(page, tool, "客户数", "2500")
    nav = page.get_by_test_id("stSidebarNav")
    nav.get_by_role("link", name=re.compile("第二部分")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("第二部分"))
    nav.get_by_role("link", name=re.compile("第一部分")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("第一部分"))
    page.get_by_role("radio", name="1.4 客户流失成本").click()
    settle(page)
    expect(page.locator(".st-key-tool-churn").get_by_label("客户数", exact=True)).to_have_value(
        "2500"
    )


@pytest.mark.parametrize("name", list(TOOL_SECTIONS))
def test_tool_fits_a_phone_screen(page: Page, app_url: str, name: str):
    page.set_viewport_size(PHONE)
    open_tool(page, app_url, name)
    overflow = page.evaluate(
        "document.querySelector('[data-testid=\"stMain\"]').scrollWidth - window.innerWidth"
    )
    assert overflow <= 0, f"{name} is {overflow}px wider than the phone"
    full_screenshot(page, f"phone-tool-{name}")


def test_the_smart_checker_and_a_quiz_stay_in_english_after_each_answer(page: Page, app_url: str):
    """Tools and quizzes rerun on their own (fragments): each rerun keeps the page's language."""
    page.goto(f"{app_url}/part-2?section=smart&lang=en")
    settle(page)
    tool = page.locator(".st-key-tool-smart-checker")
    goal = tool.get_by_label(t("tools.smart-checker.goal", "en"))
    goal.fill("Raise on-time delivery for account A from 90% to 98% by June 30")
    goal.press("Control+Enter")
    settle(page)
    expect(tool.get_by_text("5 of 5 met")).to_be_visible()
    expect(tool.get_by_test_id("stCode")).to_have_text(
        "By June 30, raise on-time delivery for account A from 90% to 98%."
    )
    assert not re.search(r"[\u4e00-\u9fff]", tool.inner_text())
    full_screenshot(page, "tool-smart-checker-en")
    page.goto(f"{app_url}/quiz?lang=en")
    settle(page)
    page.get_by_role("button", name=t("quiz.start", "en")).click()
    settle(page)
    page.get_by_role("button", name=t("quiz.submit", "en")).click()  # nothing chosen yet
    settle(page)
    expect(page.get_by_text(t("quiz.problems.empty", "en"))).to_be_visible()
    expect(page.get_by_text(t("quiz.position", "en", i=1, n=5))).to_be_visible()
