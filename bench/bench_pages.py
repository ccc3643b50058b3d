"""Speed of every page against a bare Streamlit page: server reruns and page switches in Chromium.

    python3 dev.py bench [--reruns 30] [--switches 15]

Prints a table, then one JSON line: ``rerun_ratio`` and ``page_switch_ratio``, each the worst
page's median divided by the bare page's median (goals: <= 10 and <= 1.5), as a page opens
(a part on its first section); ``whole_lesson_rerun_ratio`` is the same for ``?section=all``;
``tool_rerun_ratio`` for each section that holds a tool; ``calc_update_ratio`` is the time from
changing a calculator input to its metrics and chart settled in Chromium, against changing a
number input on a bare page (goal <= 1.5); ``quiz_submit_ratio`` the time from submitting a quiz
answer to its feedback, against submitting a one-field form on a bare page (goal <= 1.5).
The live class has its own benchmark, ``bench/live_class.py``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from courseware.content.catalog import load_course  # noqa: E402
from courseware.i18n import part_label, t  # noqa: E402
from courseware.navigation import part_title, part_url  # noqa: E402
from tests.app.harness import open_page, registered_url_paths  # noqa: E402
from tests.e2e.browser import DESKTOP, launch, settle  # noqa: E402
from tests.e2e.quiz_driver import fill_current_item  # noqa: E402
from tests.e2e.server import running_app  # noqa: E402

BARE_APP = """
import streamlit as st

def first():
    st.title("First")

def second():
    st.title("Second")

st.navigation([st.Page(first, title="First"), st.Page(second, title="Second")]).run()
"""


BARE_INPUT_APP = """
import streamlit as st

value = st.number_input("n", value=1.0)
st.metric("double", f"{value * 2:g}")
"""
BARE_FORM_APP = """
import streamlit as st

with st.form("f"):
    value = st.text_input("a")
    sent = st.form_submit_button("提交")
if sent:
    st.success(f"收到 {value}")
"""
CALCULATORS = {  # name: (section URL, input label, nth input, two values, metric nth, two results)
    "customer-value": (
        "part-1?section=customer-value", "产品价值", 0, ("900000", "800000"), 2,
        ("¥410,000", "¥310,000"),
    ),
    "churn": ("part-1?section=churn-cost", "年流失率（%）", 0, ("20", "10"), 0, ("200", "100")),
}  # fmt: skip
TOOL_SECTIONS = {
    "customer-value": ("part-1", "customer-value"),
    "churn": ("part-1", "churn-cost"),
    "kpi-scorecard": ("part-2", "indicators"),
    "smart-checker": ("part-2", "smart"),
    "action-planner": ("part-3", "essence"),
    "black-holes": ("part-3", "why-execution"),
    "questioning-practice": ("part-4", "questioning"),
}


def bare_page() -> None:
    import streamlit as st

    st.write("hello")


def median_rerun_ms(at: AppTest, reruns: int) -> float:
    at.run()  # warm
    times = []
    for _ in range(reruns):
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
        assert not at.exception, at.exception
    return statistics.median(times)


def switch_ms(page: Page, link: str, heading: str) -> float:
    """Click a sidebar link and time until the new page has run and shows its heading."""
    start = time.perf_counter()
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=link).click()
    wait_for_text(page, "h1", 0, heading)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
    return (time.perf_counter() - start) * 1000


def median_switch_ms(page: Page, url: str, there: tuple[str, str], back: tuple[str, str], n: int):
    page.goto(url)
    settle(page)
    times = []
    for _ in range(n):
        times.append(switch_ms(page, *there))
        switch_ms(page, *back)
    return statistics.median(times)


def wait_for_text(page: Page, selector: str, index: int, text: str) -> None:
    """Wait, checking every animation frame, until an element shows ``text``.

    (Playwright's ``expect`` polls at 100 ms, then 250 ms: too coarse for timing.)
    """
    page.wait_for_function(
        """([selector, index, text]) => {
            const found = document.querySelectorAll(selector)[index];
            return found !== undefined && found.textContent.trim() === text;
        }""",
        arg=[selector, index, text],
        polling="raf",
    )


def median_update_ms(
    page: Page,
    url: str,
    label: str,
    nth: int,
    values: tuple[str, str],
    metric: int,
    results: tuple[str, str],
    n: int,
) -> float:
    """Type a new value into a number input and time until the metric shows the new result."""
    page.goto(url)
    settle(page)
    field = page.get_by_label(label, exact=True).nth(nth)
    times = []
    for index in range(n + 1):  # the first change warms up
        value, result = values[index % 2], results[index % 2]
        start = time.perf_counter()
        field.fill(value)
        field.press("Enter")
        wait_for_text(page, "[data-testid=stMetricValue]", metric, result)
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
        page.evaluate(
            "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
        )
        if index:
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def median_form_submit_ms(page: Page, url: str, n: int) -> float:
    """Submit a one-field form and time until its answer shows."""
    page.goto(url)
    settle(page)
    times = []
    for index in range(n + 1):
        page.get_by_label("a", exact=True).fill(str(index))
        start = time.perf_counter()
        page.get_by_role("button", name="提交").click()
        wait_for_text(page, "[data-testid=stAlertContentSuccess] p", 0, f"收到 {index}")
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
        if index:
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def median_quiz_submit_ms(page: Page, url: str, n: int) -> float:
    """Answer quiz items and time each submit until its feedback (the right answer) shows."""
    page.goto(f"{url}/quiz")
    settle(page)
    page.get_by_role("radio", name="全部").click()
    settle(page)
    page.get_by_role("button", name="开始测验").click()
    settle(page)
    times = []
    for index in range(n + 1):
        fill_current_item(page, index + 1)
        start = time.perf_counter()
        page.get_by_test_id("stForm").last.get_by_role("button", name="提交答案").click()
        page.get_by_text("正确答案", exact=True).wait_for()
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
        if index:
            times.append((time.perf_counter() - start) * 1000)
        page.get_by_role("button", name="下一题").click()
        settle(page)
    return statistics.median(times)


def part_pages() -> list[tuple[str, str, str]]:
    """(url path, sidebar link text, page heading) of every part."""
    return [
        (part_url(e.part), part_title(e), f"{part_label(e.part)} · {e.lesson.meta.title}")
        for e in load_course("zh")
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=30)
    parser.add_argument("--switches", type=int, default=15)
    args = parser.parse_args()

    bare_rerun = median_rerun_ms(AppTest.from_function(bare_page), args.reruns)
    reruns = {
        path or "home": median_rerun_ms(open_page(path), args.reruns)
        for path in registered_url_paths()
    }
    whole = {
        f"{path} all": median_rerun_ms(open_page(path, section="all"), args.reruns)
        for path, _link, _heading in part_pages()
    }

    tools = {
        name: median_rerun_ms(open_page(path, section=section), args.reruns)
        for name, (path, section) in TOOL_SECTIONS.items()
    }

    home = (t("app.home"), t("app.title"))
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        bare_script = Path(folder) / "bare_app.py"
        bare_script.write_text(BARE_APP, encoding="utf-8")
        browser = launch(playwright)
        page = browser.new_page(viewport=DESKTOP)
        with running_app(bare_script) as url:
            there, back = ("Second", "Second"), ("First", "First")
            bare_switch = median_switch_ms(page, url, there, back, args.switches)
        bare_input = Path(folder) / "bare_input.py"
        bare_input.write_text(BARE_INPUT_APP, encoding="utf-8")
        with running_app(bare_input) as url:
            bare_update = median_update_ms(
                page, url, "n", 0, ("2", "3"), 0, ("4", "6"), args.switches
            )
        bare_form = Path(folder) / "bare_form.py"
        bare_form.write_text(BARE_FORM_APP, encoding="utf-8")
        with running_app(bare_form) as url:
            bare_submit = median_form_submit_ms(page, url, args.switches)
        with running_app() as url:
            quiz_submit = median_quiz_submit_ms(page, url, args.switches)
            switches = {
                path: median_switch_ms(page, url, (link, heading), home, args.switches)
                for path, link, heading in part_pages()
            }
            updates = {
                name: median_update_ms(page, f"{url}/{section}", *rest, args.switches)
                for name, (section, *rest) in CALCULATORS.items()
            }
        browser.close()

    print(f"{'page':<20} {'rerun ms':>9} {'x bare':>7} {'switch ms':>10} {'x bare':>7}")
    print(f"{'bare':<20} {bare_rerun:>9.1f} {1:>7.2f} {bare_switch:>10.1f} {1:>7.2f}")
    for name, rerun in reruns.items():
        switch = switches.get(name)
        cells = f"{switch:>10.1f} {switch / bare_switch:>7.2f}" if switch else f"{'-':>10} {'-':>7}"
        print(f"{name:<20} {rerun:>9.1f} {rerun / bare_rerun:>7.2f} {cells}")
    for name, rerun in (whole | tools).items():
        print(f"{name:<20} {rerun:>9.1f} {rerun / bare_rerun:>7.2f} {'-':>10} {'-':>7}")
    print(f"\n{'calculator':<16} {'update ms':>10} {'x bare':>7}")
    print(f"{'bare input':<16} {bare_update:>10.1f} {1:>7.2f}")
    for name, update in updates.items():
        print(f"{name:<16} {update:>10.1f} {update / bare_update:>7.2f}")
    print(f"\n{'submit':<16} {'ms':>10} {'x bare':>7}")
    print(f"{'bare form':<16} {bare_submit:>10.1f} {1:>7.2f}")
    print(f"{'quiz answer':<16} {quiz_submit:>10.1f} {quiz_submit / bare_submit:>7.2f}")
    figures = {
        "rerun_ratio": round(max(reruns.values()) / bare_rerun, 2),
        "page_switch_ratio": round(max(switches.values()) / bare_switch, 2),
        "whole_lesson_rerun_ratio": round(max(whole.values()) / bare_rerun, 2),
        "tool_rerun_ratio": round(max(tools.values()) / bare_rerun, 2),
        "calc_update_ratio": round(max(updates.values()) / bare_update, 2),
        "bare_update_ms": round(bare_update, 1),
        "quiz_submit_ratio": round(quiz_submit / bare_submit, 2),
        "bare_submit_ms": round(bare_submit, 1),
        "bare_rerun_ms": round(bare_rerun, 2),
        "bare_switch_ms": round(bare_switch, 1),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
