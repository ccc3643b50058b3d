"""Live-poll load: 200 simulated trainees answer one question within a second.

Measures answers stored of those sent, answers stored per second by the store alone, and the
lag from the last answer to the presenter view's count showing all of them.
"""

from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import Page

from courseware.live.store import LiveStore, Player
from courseware.passcode import PASSCODE_ENV
from courseware.store import Store
from tests.e2e.browser import settle
from tests.e2e.server import running_app

TRAINEES = 200
PASSCODE = "bench-live"


def answer_all(live: LiveStore, question_id: int, players: list[Player]) -> tuple[int, float]:
    """Every player answers at once from its own thread; (stored, seconds from first to last)."""
    stored: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(players))

    def answer(player: Player) -> None:
        barrier.wait()
        outcome = live.answer(question_id, player, "b", 1.0)
        with lock:
            stored.append(outcome)

    threads = [threading.Thread(target=answer, args=(p,)) for p in players]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return stored.count("stored"), time.perf_counter() - start


def store_throughput(folder: Path) -> tuple[int, float]:
    """Answers stored per second by the store alone (one caller, no browser), fresh SQLite."""
    live = LiveStore(Store(f"sqlite:///{folder / 'throughput.sqlite3'}"))
    session = live.start_session()
    players = [live.join(session.code, f"t{n}") for n in range(TRAINEES)]
    question = live.push(session.id, "smart-specific-1")
    start = time.perf_counter()
    stored = sum(live.answer(question.id, p, "b", 1.0) == "stored" for p in players)
    return stored, stored / (time.perf_counter() - start)


def presenter_lag(page: Page) -> tuple[int, int, float]:
    """(sent, stored, lag in seconds until the presenter's count shows every answer)."""
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "class.sqlite3"
        env = {"COURSEWARE_SQLITE_PATH": str(database), "COURSEWARE_DATABASE_URL": "",
               PASSCODE_ENV: PASSCODE}  # fmt: skip
        with running_app(env=env) as url:
            page.goto(f"{url}/live")
            settle(page)
            page.get_by_label("讲师口令").fill(PASSCODE)
            page.get_by_role("button", name="进入").click()
            page.get_by_role("button", name="开始新的课堂投票").click()
            settle(page)
            live = LiveStore(Store(f"sqlite:///{database}"))
            code = page.get_by_test_id("stCode").inner_text().split("code=")[1].strip()
            session = live.find_session(code)
            players = [live.join(code, f"学员{n:03d}") for n in range(TRAINEES)]
            page.get_by_role("button", name="推送这道题").click()
            page.get_by_text(f"0 / {TRAINEES}").wait_for()
            question = live.current(session.id)
            stored, _seconds = answer_all(live, question.id, players)
            last_answer = time.perf_counter()
            page.get_by_text(f"{TRAINEES} / {TRAINEES}").wait_for(timeout=30_000)
            return TRAINEES, stored, time.perf_counter() - last_answer
