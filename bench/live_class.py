"""A live class of 200 phones through the real server, against the same class on bare Streamlit.

    python3 dev.py bench live [--trainees 200] [--chromium 20]

The app: one server process on a fresh SQLite file; the instructor in Chromium starts the poll,
pushes a question, watches the count and reveals the answer; 20 Chromium phones and 180 light
phones (``tests/e2e/light_phones.py``, the page's own HTTP protocol) arrive over 20 s, join,
wait, see the question, tap their answers within one second and see the reveal.

The floor: the same flow as one bare Streamlit script on the same store (``BARE_LIVE_PAGE``),
every phone a websocket session of Streamlit's protocol (``bench/streamlit_phones.py``).

Prints a table, then one JSON line with the ``class_*`` figures and their ``floor_*`` pairs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright
from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.streamlit_phones import BARE_LIVE_PAGE, StreamlitClass  # noqa: E402
from courseware.live.store import LiveAnswerRow, LiveStore  # noqa: E402
from courseware.passcode import PASSCODE_ENV  # noqa: E402
from courseware.storage.store import Store  # noqa: E402
from tests.e2e.browser import PHONE, launch  # noqa: E402
from tests.e2e.light_phones import CrowdProcess, LightClass, PhoneRecord  # noqa: E402
from tests.e2e.live_class import start_poll  # noqa: E402
from tests.e2e.server import serving  # noqa: E402

PASSCODE = "bench-class"
ARRIVAL_SECONDS = 20.0
IDLE_SECONDS = 10.0
WAIT = 120.0  # the longest any step of the class may take before it counts as not reached
MARKS = """
window.__marks = {};
addEventListener("click", (event) => {
  const button = event.target.closest("button");
  if (button) window.__marks["click:" + (button.id || "option")] = Date.now();
}, true);
new MutationObserver(() => {
  const app = document.getElementById("app");
  const status = app && app.dataset.status;
  const key = "status:" + status;
  if (status && !window.__marks[key]) window.__marks[key] = Date.now();
}).observe(document, { subtree: true, childList: true, attributes: true,
                       attributeFilter: ["data-status"] });
"""  # page-side timestamps of taps and of what the phone shows (the benchmark's, not the app's)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] if ordered else -1.0


def first_visit_kb(browser: Browser, url: str) -> float:
    """What a phone downloads on its first visit to ``url`` (encoded bytes, every request)."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    received: list[float] = []
    cdp.on("Network.loadingFinished", lambda event: received.append(event["encodedDataLength"]))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(1500)
    context.close()
    return sum(received) / 1024


def idle_figures(pid: int, before_mb: float, trainees: int) -> tuple[float, float]:
    """(cores used while the class waits, MB of server memory per connected phone)."""
    time.sleep(3)
    cpu, start = cpu_seconds(pid), time.monotonic()
    time.sleep(IDLE_SECONDS)
    cores = (cpu_seconds(pid) - cpu) / (time.monotonic() - start)
    return cores, (rss_mb(pid) - before_mb) / trainees


def answers_stored(database: Path, question_id: int) -> tuple[int, int]:
    """(answers stored for the question, of which duplicates of a player)."""
    store = Store(f"sqlite:///{database}")
    with store.transaction() as session:
        rows = session.scalar(select(func.count()).where(LiveAnswerRow.question_id == question_id))
        players = session.scalar(
            select(func.count(func.distinct(LiveAnswerRow.player_id))).where(
                LiveAnswerRow.question_id == question_id
            )
        )
    store.close()
    return int(rows or 0), int(rows or 0) - int(players or 0)


# ---- the app ---------------------------------------------------------------------------------
def open_browser(browser: Browser) -> Page:
    """A phone with its browser already running (a blank tab), before it scans the QR code."""
    context = browser.new_context(viewport=PHONE, locale="zh-CN", has_touch=True)
    context.add_init_script(MARKS)
    return context.new_page()


def join_in_tab(phone: Page, link: str, nickname: str) -> None:
    phone.goto(link)
    phone.get_by_label("昵称").fill(nickname)
    phone.locator("#join").tap()


def marks(phone: Page) -> dict[str, float]:
    return {k: v / 1000 for k, v in phone.evaluate("window.__marks").items()}


def shown(phones: list[Page], status: str) -> bool:
    return all(phone.locator(f'[data-status="{status}"]').count() for phone in phones)


def wait_for(condition, timeout: float = WAIT) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def tab_times(phones: list[Page], mark: str, since: float) -> list[float]:
    return [m[mark] - since for m in map(marks, phones) if mark in m]


def seen_after(records: list[PhoneRecord], prefix: str, since: float) -> list[float]:
    return [
        min(t for k, t in r.seen.items() if k.startswith(prefix)) - since
        for r in records
        if any(k.startswith(prefix) for k in r.seen)
    ]


def run_app(browser: Browser, trainees: int, tabs: int, folder: Path) -> dict[str, float]:
    database = folder / "class.sqlite3"
    env = {"COURSEWARE_SQLITE_PATH": str(database), "COURSEWARE_DATABASE_URL": "",
           PASSCODE_ENV: PASSCODE}  # fmt: skip
    with serving(env=env) as (url, server):
        teacher, code = start_poll(browser, url, PASSCODE)
        link = f"{url}/join?code={code}"
        join_kb = first_visit_kb(browser, link)
        phones = [open_browser(browser) for _ in range(tabs)]
        before_mb = rss_mb(server.pid)
        crowd = CrowdProcess(LightClass, url, code)  # its own process: no shared lock
        crowd.arrive([f"学员{n:03d}" for n in range(trainees - tabs)], ARRIVAL_SECONDS)
        started = time.monotonic()
        for n, phone in enumerate(phones):  # the Chromium phones arrive among the light ones
            time.sleep(max(0.0, started + n * ARRIVAL_SECONDS / tabs - time.monotonic()))
            join_in_tab(phone, link, f"手机{n:02d}")
        wait_for(lambda: crowd.count(lambda p: p.token or p.errors) == len(crowd.phones))
        wait_for(lambda: shown(phones, "waiting"))
        teacher.get_by_text(f"已有 {trainees} 位学员加入").wait_for(timeout=WAIT * 1000)
        idle_cores, per_phone_mb = idle_figures(server.pid, before_mb, trainees)
        joins = [p.join_seconds for p in crowd.phones if p.join_seconds is not None]
        tab_joins = [m["status:waiting"] - m["click:join"] for m in map(marks, phones)]
        joins += tab_joins

        pushed = time.time()
        teacher.get_by_role("button", name="推送这道题").click()
        wait_for(lambda: crowd.count(lambda p: any(k.startswith("question:") for k in p.seen))
                 == len(crowd.phones))  # fmt: skip
        wait_for(lambda: shown(phones, "question"))
        seen = seen_after(crowd.phones, "question:", pushed)
        tab_see = tab_times(phones, "status:question", pushed)
        seen += tab_see

        crowd.answer_all()
        for phone in phones:
            phone.locator(".option").nth(1).tap()
            phone.locator("#send").tap()
        wait_for(lambda: crowd.count(lambda p: p.answer_outcome is not None) == len(crowd.phones))
        wait_for(lambda: shown(phones, "answered"))
        tab_marks = [marks(phone) for phone in phones]
        confirms = [p.confirm_seconds for p in crowd.phones if p.confirm_seconds is not None]
        confirms += [
            m["status:answered"] - m["click:send"] for m in tab_marks if "status:answered" in m
        ]
        last_answer = max([p.confirmed_at or 0 for p in crowd.phones]
                          + [m.get("status:answered", 0) for m in tab_marks])  # fmt: skip
        counted = teacher.wait_for_function(
            f"() => document.querySelector('[data-testid=stMetricValue]')?.textContent"
            f" === '{trainees} / {trainees}' && Date.now()", polling="raf", timeout=WAIT * 1000,
        ).json_value() / 1000  # fmt: skip

        revealed = time.time()
        teacher.get_by_role("button", name="公布答案").click()
        wait_for(lambda: crowd.count(lambda p: any(k.startswith("revealed:") for k in p.seen))
                 == len(crowd.phones))  # fmt: skip
        wait_for(lambda: shown(phones, "revealed"))
        reveals = seen_after(crowd.phones, "revealed:", revealed)
        reveals += [
            m["status:revealed"] - revealed for m in map(marks, phones) if "status:revealed" in m
        ]
        live = LiveStore(Store(f"sqlite:///{database}"))
        question = live.current(live.find_session(code).id)
        opened = live.opened_at(question.id)  # the push, as the database has it (SQLite: naive UTC)
        stored_at = (opened if opened.tzinfo else opened.replace(tzinfo=UTC)).timestamp()
        teacher.get_by_role("button", name="结束课堂投票").click()
        crowd.close()
        stored, duplicates = answers_stored(database, question.id)
        errors = sum(len(p.errors) for p in crowd.phones)
        errors += sum(p.answer_outcome not in ("stored", None) for p in crowd.phones)
        for phone in phones:
            phone.context.close()
        teacher.context.close()
    return {
        "join_p95_s": p95(joins), "see_p95_s": p95(seen), "see_max_s": max(seen, default=-1),
        "seen": len(seen), "stored": stored, "duplicates": duplicates,
        "confirm_p95_s": p95(confirms), "reveal_p95_s": p95(reveals), "revealed": len(reveals),
        "presenter_lag_s": counted - last_answer, "idle_cores": idle_cores,
        "rss_per_trainee_mb": per_phone_mb, "errors": errors, "join_kb": join_kb,
        "retries": sum(p.retries for p in crowd.phones),
        "chromium_join_p95_s": p95(tab_joins),
        "chromium_see_p95_s": p95(tab_see),
        "push_click_to_stored_s": stored_at - pushed,
        "push_stored_to_seen_p95_s": p95([t - (stored_at - pushed) for t in seen]),
    }  # fmt: skip


# ---- the floor: the same class on a bare Streamlit page ------------------------------------------
def run_floor(browser: Browser, trainees: int, folder: Path) -> dict[str, float]:
    database = folder / "floor.sqlite3"
    script = folder / "bare_live.py"
    script.write_text(BARE_LIVE_PAGE, encoding="utf-8")
    (folder / ".streamlit").mkdir(exist_ok=True)  # the same server settings as the app's
    shutil.copy(ROOT / ".streamlit" / "config.toml", folder / ".streamlit" / "config.toml")
    env = {"COURSEWARE_SQLITE_PATH": str(database), "COURSEWARE_DATABASE_URL": "",
           "PYTHONPATH": str(ROOT)}  # fmt: skip
    with serving(script, env=env) as (url, server):
        live = LiveStore(Store(f"sqlite:///{database}"))
        poll = live.start_session()
        join_kb = first_visit_kb(browser, f"{url}/?code={poll.code}")
        before_mb = rss_mb(server.pid)
        crowd = CrowdProcess(StreamlitClass, url, poll.code)
        crowd.arrive([f"学员{n:03d}" for n in range(trainees)], ARRIVAL_SECONDS)
        wait_for(lambda: crowd.count(lambda p: p.join_seconds is not None or p.errors)
                 == trainees)  # fmt: skip
        idle_cores, per_phone_mb = idle_figures(server.pid, before_mb, trainees)
        joins = [p.join_seconds for p in crowd.phones if p.join_seconds is not None]

        pushed = time.time()
        question = live.push(poll.id, "smart-specific-1")
        wait_for(lambda: crowd.count(lambda p: any(k.startswith("question:") for k in p.seen))
                 == trainees)  # fmt: skip
        seen = seen_after(crowd.phones, "question:", pushed)
        crowd.answer_all()
        wait_for(lambda: crowd.count(lambda p: p.answer_outcome is not None) == trainees)
        confirms = [p.confirm_seconds for p in crowd.phones if p.confirm_seconds is not None]
        revealed = time.time()
        live.reveal(question.id)
        wait_for(lambda: crowd.count(lambda p: any(k.startswith("revealed:") for k in p.seen))
                 == trainees)  # fmt: skip
        reveals = seen_after(crowd.phones, "revealed:", revealed)
        crowd.close()
        stored, duplicates = answers_stored(database, question.id)
    return {
        "join_p95_s": p95(joins), "see_p95_s": p95(seen), "see_max_s": max(seen, default=-1),
        "seen": len(seen), "stored": stored, "duplicates": duplicates,
        "confirm_p95_s": p95(confirms), "reveal_p95_s": p95(reveals), "revealed": len(reveals),
        "idle_cores": idle_cores, "rss_per_trainee_mb": per_phone_mb,
        "errors": sum(len(p.errors) for p in crowd.phones), "join_kb": join_kb,
    }  # fmt: skip


def store_throughput(folder: Path, trainees: int) -> float:
    """A sub-figure: answers stored per second by the store alone (no server, no phone)."""
    live = LiveStore(Store(f"sqlite:///{folder / 'throughput.sqlite3'}"))
    poll = live.start_session()
    players = [live.join(poll.code, f"t{n}") for n in range(trainees)]
    question = live.push(poll.id, "smart-specific-1")
    start = time.perf_counter()
    stored = sum(live.answer(question.id, p, "b", 1.0) == "stored" for p in players)
    return stored / (time.perf_counter() - start)


ROWS = [  # (figure, goal, unit)
    ("join_p95_s", "<= 1 s", "s"), ("see_p95_s", "<= 1.5 s", "s"), ("see_max_s", "<= 2 s", "s"),
    ("stored", "= trainees", ""), ("duplicates", "0", ""), ("errors", "0", ""),
    ("confirm_p95_s", "<= 1.5 s", "s"), ("reveal_p95_s", "<= 1.5 s", "s"),
    ("presenter_lag_s", "<= 1 s", "s"), ("idle_cores", "<= 0.25", ""),
    ("rss_per_trainee_mb", "<= 2 MB", "MB"), ("join_kb", "small", "KB"),
]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trainees", type=int, default=200)
    parser.add_argument("--chromium", type=int, default=20, help="of the trainees, real tabs")
    parser.add_argument("--no-floor", action="store_true", help="skip the bare Streamlit run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = launch(playwright)
        ours = run_app(browser, args.trainees, args.chromium, Path(folder))
        floor = {} if args.no_floor else run_floor(browser, args.trainees, Path(folder))
        browser.close()
        per_second = store_throughput(Path(folder), args.trainees)
    print(f"live class of {args.trainees} ({args.chromium} Chromium phones), one process, SQLite")
    print(f"{'figure':<22} {'goal':>11} {'app':>10} {'bare floor':>11}")
    for name, goal, _unit in ROWS:
        mine, bare = ours.get(name), floor.get(name)
        cells = [f"{v:>10.3g}" if isinstance(v, float) else f"{v!s:>10}" for v in (mine, bare)]
        print(f"{name:<22} {goal:>11} {cells[0]} {cells[1]:>11}")
    print(f"(phones that saw the question: {ours['seen']}, the reveal: {ours['revealed']}, "
          f"answers retried: {ours['retries']}; on the floor: {floor.get('seen', '-')} and "
          f"{floor.get('revealed', '-')})")  # fmt: skip
    print(f"Chromium phones alone: join p95 {ours['chromium_join_p95_s']:.3g} s, "
          f"see p95 {ours['chromium_see_p95_s']:.3g} s; the push: click -> stored "
          f"{ours['push_click_to_stored_s']:.3g} s, stored -> seen p95 "
          f"{ours['push_stored_to_seen_p95_s']:.3g} s")  # fmt: skip
    print(f"sub-figure, the store alone (no server): {per_second:,.0f} answers/s on SQLite")
    figures = {f"class_{k}": round(v, 3) if isinstance(v, float) else v for k, v in ours.items()}
    figures |= {f"floor_{k}": round(v, 3) if isinstance(v, float) else v for k, v in floor.items()}
    figures["store_alone_answers_per_second"] = round(per_second)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
