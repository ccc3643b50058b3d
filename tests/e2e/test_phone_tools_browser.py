"""The KPI scorecard and the 5W1H planner on a touch phone and on a laptop: every field of every
row is on the screen without sideways scrolling, edits change the results, new rows are empty."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.e2e.browser import DESKTOP, PHONE, full_screenshot, settle

pytestmark = pytest.mark.e2e

SIZES = {  # name: browser context options
    "phone": {"viewport": PHONE, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {**DESKTOP, "height": 800}},
}
FIELDS = ", ".join(
    f'[data-testid="{test_id}"]'
    for test_id in (
        "stSelectbox",
        "stNumberInput",
        "stTextInput",
        "stTextArea",
        "stDateInput",
        "stCheckbox",
        "stButton",
    )
)


@pytest.fixture(params=list(SIZES))
def sized(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[str, Page]]:
    context = browser.new_context(locale="zh-CN", **SIZES[request.param])
    yield request.param, context.new_page()
    context.close()


def open_tool(page: Page, app_url: str, path: str, name: str) -> Locator:
    page.goto(f"{app_url}/{path}")
    settle(page)
    tool = page.locator(f".st-key-tool-{name}")
    expect(tool).to_be_visible()
    return tool


def cards(tool: Locator, name: str) -> Locator:
    return tool.locator(f'[class*="st-key-tool-{name}-rows-card-"]')


def assert_fields_fit(page: Page, card: Locator, count: int) -> None:
    """Each of the card's ``count`` fields lies within the window's width."""
    width = page.viewport_size["width"]
    fields = card.locator(FIELDS)
    expect(fields).to_have_count(count)
    for index in range(count):
        field = fields.nth(index)
        field.scroll_into_view_if_needed()
        expect(field).to_be_visible()
        box = field.bounding_box()
        assert box is not None and box["width"] > 0
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (index, box, width)


def assert_no_sideways_scroll(page: Page) -> None:
    overflow = page.evaluate(
        """() => Math.max(
            document.scrollingElement.scrollWidth,
            document.querySelector('[data-testid="stMain"]').scrollWidth,
        ) - window.innerWidth"""
    )
    assert overflow <= 0, f"{overflow}px wider than the window"


def commit(page: Page, field: Locator, value: str) -> None:
    field.fill(value)
    field.press("Enter")
    settle(page)


def test_kpi_rows_fit_and_an_edit_changes_the_score(sized, app_url: str):
    size, page = sized
    tool = open_tool(page, app_url, "part-2?section=indicators", "kpi-scorecard")
    rows = cards(tool, "kpi-scorecard")
    expect(rows).to_have_count(5)
    for index in range(5):  # indicator, weight, target, actual, higher-is-better, remove
        assert_fields_fit(page, rows.nth(index), 6)
    assert_no_sideways_scroll(page)
    total = tool.get_by_test_id("stMetricValue").first
    expect(total).to_have_text("96.3%")
    first = rows.first
    # 销售获利比率 now meets its target: 30 + 30×92/90 + 10×10/8 + 20×95/98 + 10×30/40 = 100.05
    commit(page, first.get_by_label("实际值", exact=True), "12")
    expect(total).to_have_text("100.1%")
    commit(page, first.get_by_label("目标值", exact=True), "0")
    expect(first.get_by_text("必须大于 0。")).to_be_visible()
    assert_fields_fit(page, first, 6)
    tool.get_by_role("button", name="增加一项指标").click()
    settle(page)
    expect(rows).to_have_count(6)
    assert_fields_fit(page, rows.last, 6)
    indicator = rows.last.get_by_role("combobox", name="指标", exact=True)
    expect(indicator).to_have_value("")
    expect(indicator).to_have_attribute("placeholder", "选择一个指标")
    expect(tool).not_to_contain_text("None")
    expect(tool).not_to_contain_text("Choose")
    expect(tool.get_by_test_id("stException")).to_have_count(0)
    full_screenshot(page, f"phone-tools-kpi-scorecard-{size}")


def test_planner_rows_fit_and_a_new_row_is_empty(sized, app_url: str):
    size, page = sized
    tool = open_tool(page, app_url, "part-3?section=essence", "action-planner")
    rows = cards(tool, "action-planner")
    expect(rows).to_have_count(3)
    for index in range(3):  # what, why, how, who, when, where, stage, status, remove
        assert_fields_fit(page, rows.nth(index), 9)
    assert_no_sideways_scroll(page)
    done = tool.get_by_test_id("stMetricValue").first
    expect(done).to_have_text("33%")
    tool.get_by_role("button", name="增加一项行动").click()
    settle(page)
    expect(rows).to_have_count(4)
    new = rows.last
    assert_fields_fit(page, new, 9)
    expect(tool).not_to_contain_text("None")
    for label in ("What 做什么", "Why 为什么做", "How 如何做", "Who 谁来做", "Where 在哪里做"):
        expect(new.get_by_label(label, exact=True)).to_have_value("")
    date_parts = new.get_by_test_id("stDateInput").get_by_role("spinbutton")
    expect(date_parts).to_have_count(3)  # year, month, day: each still empty
    for part in date_parts.all():
        expect(part).to_have_attribute("aria-valuetext", "Empty")
    expect(new.get_by_label("PDCA 阶段")).to_have_value("P 计划")
    expect(new.get_by_label("状态")).to_have_value("待办")
    commit(page, new.get_by_label("What 做什么"), "电话回访新客户")
    expect(done).to_have_text("25%")  # 1 of 4 actions done
    expect(tool).not_to_contain_text("None")
    assert_no_sideways_scroll(page)
    full_screenshot(page, f"phone-tools-action-planner-{size}")
