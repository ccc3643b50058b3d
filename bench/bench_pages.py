"""Speed against bare Streamlit: server reruns, then what a user waits for in Chromium.

    python3 dev.py bench pages [--reruns 30] [--switches 15] [--sessions 50]

Every figure is a ratio to a bare Streamlit floor measured in the same run (``bench/floors.py``):

* ``rerun_ratio``: the slowest page's server rerun (AppTest), against a one-line page (goal <= 10);
  ``whole_lesson_rerun_ratio`` the same for ``?section=all``, ``tool_rerun_ratio`` for each
  section that holds a tool;
* in Chromium, from the tap or key itself to the first frame that shows the result
  (``bench/timeline.py``, which also breaks each time down), goals <= 1.5:
  ``page_switch_ratio``, a sidebar tap to a part's heading, against a bare two-page app, and
  ``page_switch_same_content_ratio`` against a bare page showing that part's opening Markdown
  (goal <= 1.2); ``calc_update_ratio``, Enter in a calculator field to its metrics, against a
  bare number input; ``quiz_submit_ratio``, a quiz answer to its feedback, against a one-field
  form; the ``phone_`` figures are the same three with Chromium's CPU slowed 4x;
* ``cold_start_ratio``: launching the server to a part page painted, against a bare page;
  ``rss_per_session_mb``: server memory per session held open on a part page, beyond the first
  (goal <= 3), beside the bare page's.

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

from playwright.sync_api import Browser, sync_playwright
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import floors, interactions  # noqa: E402
from bench.footprint import cold_start_ms, rss_per_session_mb  # noqa: E402
from bench.timeline import HEADER, Breakdown, Timeline  # noqa: E402
from courseware.content.catalog import load_course  # noqa: E402
from courseware.i18n import part_label, t  # noqa: E402
from courseware.navigation import part_title, part_url  # noqa: E402
from courseware.paths import PROJECT_ROOT  # noqa: E402
from tests.app.harness import open_page, registered_url_paths  # noqa: E402
from tests.e2e.browser import DESKTOP, launch  # noqa: E402
from tests.e2e.server import running_app  # noqa: E402

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


def part_pages() -> list[tuple[str, str, str]]:
    """(url path, sidebar link text, page heading) of every part."""
    return [
        (part_url(e.part), part_title(e), f"{part_label(e.part)} · {e.lesson.meta.title}")
        for e in load_course("zh")
    ]


def browser_figures(browser: Browser, folder: Path, n: int, cpu_slowdown: float) -> dict:
    """Every interaction in Chromium and its floor, as median breakdowns by name."""
    page = browser.new_page(viewport=DESKTOP, locale="zh-CN")
    timeline = Timeline(page, cpu_slowdown)
    home = (t("app.home", lang="zh"), t("app.title", lang="zh"))
    rows: dict[str, Breakdown] = {}
    with running_app(floors.write(folder, "two_pages", floors.TWO_PAGES)) as url:
        rows["bare switch"] = interactions.switches(
            timeline, url, ("Second", "Second"), ("First", "First"), n
        )
    same = floors.write(folder, "same_content", floors.same_content_app(*home))
    with running_app(same) as url:
        for path, link, heading in part_pages():
            rows[f"bare {path}"] = interactions.switches(timeline, url, (link, heading), home, n)
    with running_app(floors.write(folder, "number_input", floors.NUMBER_INPUT)) as url:
        rows["bare input"] = interactions.updates(
            timeline, url, "n", 0, ("2", "3"), 0, ("4", "6"), n
        )
    with running_app(floors.write(folder, "one_field_form", floors.ONE_FIELD_FORM)) as url:
        rows["bare form"] = interactions.form_submits(timeline, url, n)
    with running_app() as url:
        for path, link, heading in part_pages():
            rows[path] = interactions.switches(timeline, url, (link, heading), home, n)
        for name, (section, *rest) in CALCULATORS.items():
            rows[name] = interactions.updates(timeline, f"{url}/{section}", *rest, n)
        rows["quiz answer"] = interactions.quiz_answers(timeline, url, n)
    page.close()
    return rows


def ratios(rows: dict[str, Breakdown], prefix: str = "") -> dict[str, float]:
    """The three interaction goals: each the worst case over its floor."""
    parts = [path for path, _link, _heading in part_pages()]
    switch = max(rows[p].total for p in parts) / rows["bare switch"].total
    same = max(rows[p].total / rows[f"bare {p}"].total for p in parts)
    update = max(rows[name].total for name in CALCULATORS) / rows["bare input"].total
    return {
        f"{prefix}page_switch_ratio": round(switch, 2),
        f"{prefix}page_switch_same_content_ratio": round(same, 2),
        f"{prefix}calc_update_ratio": round(update, 2),
        f"{prefix}quiz_submit_ratio": round(rows["quiz answer"].total / rows["bare form"].total, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=30)
    parser.add_argument("--switches", type=int, default=15, help="repeats of each interaction")
    parser.add_argument("--sessions", type=int, default=50, help="sessions held for memory")
    parser.add_argument("--starts", type=int, default=3, help="cold starts of each app")
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
    print(f"{'server rerun':<22} {'ms':>7} {'x bare':>7}")
    for name, rerun in {"bare": bare_rerun, **reruns, **whole, **tools}.items():
        print(f"{name:<22} {rerun:>7.1f} {rerun / bare_rerun:>7.2f}")

    app = PROJECT_ROOT / "app.py"
    first_path, _link, first_heading = part_pages()[0]
    with tempfile.TemporaryDirectory() as name, sync_playwright() as playwright:
        folder = Path(name)
        browser = launch(playwright)
        desk = browser_figures(browser, folder, args.switches, cpu_slowdown=1)
        phone = browser_figures(browser, folder, args.switches, cpu_slowdown=4)
        blank = floors.write(folder, "blank", floors.BLANK)
        cold = [
            (cold_start_ms(browser, blank, "", "Blank"),
             cold_start_ms(browser, app, first_path, first_heading))
            for _ in range(args.starts)
        ]  # fmt: skip
        browser.close()
        bare_rss = rss_per_session_mb(blank, "", "Blank", args.sessions)
        rss = rss_per_session_mb(app, first_path, first_heading, args.sessions)

    for title, rows in (("Chromium", desk), ("Chromium, CPU slowed 4x", phone)):
        print(f"\n{title + ' (ms)':<22} {HEADER}")
        for label, row in rows.items():
            print(f"{label:<22} {row.cells()}")
    bare_cold = statistics.median(c[0] for c in cold)
    app_cold = statistics.median(c[1] for c in cold)
    print(f"\ncold start: bare {bare_cold:.0f} ms, app {app_cold:.0f} ms")
    print(f"memory per session: bare {bare_rss:.2f} MB, app {rss:.2f} MB")
    figures = {
        "rerun_ratio": round(max(reruns.values()) / bare_rerun, 2),
        "whole_lesson_rerun_ratio": round(max(whole.values()) / bare_rerun, 2),
        "tool_rerun_ratio": round(max(tools.values()) / bare_rerun, 2),
        **ratios(desk),
        **ratios(phone, "phone_"),
        "cold_start_ratio": round(app_cold / bare_cold, 2),
        "rss_per_session_mb": round(rss, 2),
        "bare_rss_per_session_mb": round(bare_rss, 2),
        "bare_rerun_ms": round(bare_rerun, 2),
        "bare_switch_ms": desk["bare switch"].total,
        "bare_update_ms": desk["bare input"].total,
        "bare_submit_ms": desk["bare form"].total,
        "bare_cold_start_ms": round(bare_cold),
        "cold_start_ms": round(app_cold),
    }
    print(json.dumps({k: round(v, 2) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
