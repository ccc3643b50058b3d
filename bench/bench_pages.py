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
import logging
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from functools import partial
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
ROUNDS = 3  # the browser measurements take turns this many times
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


def rerun_samples(at: AppTest, reruns: int) -> list[float]:
    at.run()  # warm
    times = []
    for _ in range(reruns):
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
        assert not at.exception, at.exception
    return times


def median_rerun_ms(at: AppTest, reruns: int) -> float:
    return statistics.median(rerun_samples(at, reruns))


def part_pages() -> list[tuple[str, str, str]]:
    """(url path, sidebar link text, page heading) of every part."""
    return [
        (part_url(e.part), part_title(e), f"{part_label(e.part)} · {e.lesson.meta.title}")
        for e in load_course("zh")
    ]


def browser_figures(browser: Browser, folder: Path, n: int, cpu_slowdown: float) -> dict:
    """Every interaction in Chromium and its floor, as median breakdowns by name.

    All the servers run at once and the measurements take turns, in ``ROUNDS`` rounds of a
    share of ``n`` each, so that a machine that slows down for a while slows every figure alike.
    """
    page = browser.new_page(viewport=DESKTOP, locale="zh-CN")
    timeline = Timeline(page, cpu_slowdown)
    home = (t("app.home", lang="zh"), t("app.title", lang="zh"))
    share = max(1, n // ROUNDS)
    with ExitStack() as servers:
        two_pages, same, number, form = (
            servers.enter_context(running_app(floors.write(folder, name, source)))
            for name, source in (
                ("two_pages", floors.TWO_PAGES),
                ("same_content", floors.same_content_app(*home)),
                ("number_input", floors.NUMBER_INPUT),
                ("one_field_form", floors.ONE_FIELD_FORM),
            )
        )
        app = servers.enter_context(running_app())
        measurements: dict[str, Callable[[], list[Breakdown]]] = {
            "bare switch": lambda: interactions.switches(
                timeline, two_pages, ("Second", "Second"), ("First", "First"), share
            ),
            "bare input": lambda: interactions.updates(
                timeline, number, "n", 0, ("2", "3"), 0, ("4", "6"), share
            ),
            "bare form": lambda: interactions.form_submits(timeline, form, share),
        }
        for path, link, heading in part_pages():
            there = (link, heading)
            measurements[f"bare {path}"] = partial(
                interactions.switches, timeline, same, there, home, share
            )
            measurements[path] = partial(interactions.switches, timeline, app, there, home, share)
        for name, (section, *rest) in CALCULATORS.items():
            measurements[name] = partial(
                interactions.updates, timeline, f"{app}/{section}", *rest, share
            )
        measurements["quiz answer"] = partial(interactions.quiz_answers, timeline, app, share)
        samples: dict[str, list[Breakdown]] = {name: [] for name in measurements}
        for _round in range(ROUNDS):
            for name, measure in measurements.items():
                samples[name] += measure()
    page.close()
    return {name: Breakdown.median(taken) for name, taken in samples.items()}


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
    # Each AppTest warns once that it runs outside a server ("bare mode"): nothing to report.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage()
    )

    bare = AppTest.from_function(bare_page)
    bare_times = rerun_samples(bare, args.reruns)  # the floor again after each group of pages:
    reruns = {
        path or "home": median_rerun_ms(open_page(path), args.reruns)
        for path in registered_url_paths()
    }
    bare_times += rerun_samples(bare, args.reruns)  # a machine's slow spell slows it too
    whole = {
        f"{path} all": median_rerun_ms(open_page(path, section="all"), args.reruns)
        for path, _link, _heading in part_pages()
    }
    tools = {
        name: median_rerun_ms(open_page(path, section=section), args.reruns)
        for name, (path, section) in TOOL_SECTIONS.items()
    }
    bare_rerun = statistics.median(bare_times + rerun_samples(bare, args.reruns))
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
