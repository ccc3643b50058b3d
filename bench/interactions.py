"""The interactions a user waits on, driven in Chromium and timed by ``bench.timeline``.

Each function opens its page, repeats one interaction ``n`` times after a warm-up and returns
the breakdowns: a page switch from the sidebar, a calculator input changed, a quiz answer
submitted and, as their floors, the same on bare pages.
"""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page

from bench.timeline import Breakdown, Timeline
from tests.e2e.browser import settle
from tests.e2e.quiz_driver import fill_current_item

HEADING = "h1"
METRIC = "[data-testid=stMetricValue]"


def switches(
    timeline: Timeline, url: str, there: tuple[str, str], back: tuple[str, str], n: int
) -> list[Breakdown]:
    """Tap the sidebar link ``there`` = (link, heading) and wait for its heading; then go back."""
    page = timeline.page
    page.goto(url)
    settle(page)

    def take(_index: int) -> Breakdown:
        sample = timeline.measure(lambda: _tap_link(page, there[0]), HEADING, 0, there[1])
        timeline.measure(lambda: _tap_link(page, back[0]), HEADING, 0, back[1])
        return sample

    return _after_warm_up(n, take)


def _after_warm_up(n: int, take: Callable[[int], Breakdown]) -> list[Breakdown]:
    """``take(0)`` .. ``take(n)``, the first left out: it warms the page up."""
    return [take(index) for index in range(n + 1)][1:]


def _tap_link(page: Page, link: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=link).click()


def updates(
    timeline: Timeline,
    url: str,
    label: str,
    nth: int,
    values: tuple[str, str],
    metric: int,
    results: tuple[str, str],
    n: int,
) -> list[Breakdown]:
    """Type a new value into a number input, press Enter, and wait for the metric's result."""
    page = timeline.page
    page.goto(url)
    settle(page)
    field = page.get_by_label(label, exact=True).nth(nth)

    def take(index: int) -> Breakdown:
        field.fill(values[index % 2])  # a number input sends its value on Enter: not timed
        return timeline.measure(lambda: field.press("Enter"), METRIC, metric, results[index % 2])

    return _after_warm_up(n, take)


def form_submits(timeline: Timeline, url: str, n: int) -> list[Breakdown]:
    """Submit a one-field form and wait for its answer."""
    page = timeline.page
    page.goto(url)
    settle(page)
    button = page.get_by_role("button", name="提交")

    def take(index: int) -> Breakdown:
        page.get_by_label("a", exact=True).fill(str(index))
        return timeline.measure(
            button.click, "[data-testid=stAlertContentSuccess] p", 0, f"收到 {index}"
        )

    return _after_warm_up(n, take)


def quiz_answers(timeline: Timeline, url: str, n: int) -> list[Breakdown]:
    """Answer the items of the whole-course quiz; time each submit until its feedback (the
    right answer) shows."""
    page = timeline.page
    page.goto(f"{url}/quiz")
    settle(page)
    page.get_by_text("全部", exact=True).click()
    settle(page)
    page.get_by_role("button", name="开始测验").click()
    settle(page)
    submit = page.get_by_test_id("stForm").last.get_by_role("button", name="提交答案")

    def take(index: int) -> Breakdown:
        fill_current_item(page, index + 1)
        sample = timeline.measure(submit.click, "[data-testid=stMarkdownContainer] strong", -1,
                                  "正确答案")  # fmt: skip
        page.get_by_role("button", name="下一题").click()
        settle(page)
        return sample

    return _after_warm_up(n, take)
