"""Light phones: trainees that speak the phone page's HTTP protocol, without a browser.

Each one does what ``assets/phone/join.js`` does: it loads the page, joins by code and nickname,
follows the poll by long polling ``/api/live/state``, answers the pushed question when the
class is told to, and retries an answer the server could not store. A class of them runs on
one asyncio loop in a background thread; the browser tests and the benchmark read their records.
"""

from __future__ import annotations

import asyncio
import random
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

import httpx2 as httpx

API = "/api/live"


@dataclass
class PhoneRecord:
    """What one light phone saw, with wall-clock times (``time.time()``)."""

    nickname: str
    token: str = ""
    page_bytes: int = 0
    join_seconds: float | None = None  # tap -> joined
    seen: dict[str, float] = field(
        default_factory=dict
    )  # "question:<id>", "revealed:<id>", "ended"
    answer_outcome: str | None = None
    confirm_seconds: float | None = None  # tap -> the server confirms it stored the answer
    confirmed_at: float | None = None  # when it did (wall clock)
    retries: int = 0
    errors: list[str] = field(default_factory=list)


def choose(question: dict[str, Any]) -> Any:
    """Some answer a trainee could give to a phone question."""
    if question.get("options"):
        keys = [o["key"] for o in question["options"]]
        return random.sample(keys, 2) if question["type"] == "multiple" else random.choice(keys)
    if question.get("steps"):
        return random.sample(question["steps"], len(question["steps"]))
    if question.get("entries"):
        return {entry: random.choice(question["categories"]) for entry in question["entries"]}
    return str(random.randint(1, 100))


class Crowd(ABC):
    """Phones on their own event loop in a background thread; each phone is ``_phone``."""

    def __init__(self, base_url: str, code: str) -> None:
        self.base_url = base_url
        self.code = code
        self.phones: list[PhoneRecord] = []
        self.answer_window = 1.0  # seconds over which the class taps its answers
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self.answer_now: asyncio.Event = self._run(self._event())
        self._tasks: list[asyncio.Future] = []

    @staticmethod
    async def _event() -> asyncio.Event:
        return asyncio.Event()

    def _run(self, work: Coroutine) -> Any:
        return asyncio.run_coroutine_threadsafe(work, self._loop).result()

    def arrive(self, nicknames: list[str], over_seconds: float = 0.0) -> None:
        """Phones arrive one after another over ``over_seconds``, each following the poll."""
        for n, nickname in enumerate(nicknames):
            record = PhoneRecord(nickname)
            self.phones.append(record)
            work = self._phone(record, over_seconds * n / max(1, len(nicknames)))
            self._tasks.append(asyncio.run_coroutine_threadsafe(work, self._loop))

    @abstractmethod
    async def _phone(self, record: PhoneRecord, delay: float) -> None:
        """One phone: arrive after ``delay`` seconds, then follow the poll into ``record``."""

    def answer_all(self) -> None:
        """Tell every phone to tap its answer now (each within ``answer_window``)."""
        self._loop.call_soon_threadsafe(self.answer_now.set)

    def close(self) -> None:
        """Hang up every phone, then stop the loop."""
        asyncio.run_coroutine_threadsafe(cancel_everything(), self._loop).result(timeout=30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)

    def count(self, predicate: Callable[[PhoneRecord], bool]) -> int:
        return sum(bool(predicate(p)) for p in list(self.phones))

    def wait_until(self, predicate: Callable[[PhoneRecord], bool], timeout: float) -> bool:
        """True once every phone satisfies ``predicate`` (False after ``timeout`` seconds)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.count(predicate) == len(self.phones):
                return True
            time.sleep(0.02)
        return False


class LightClass(Crowd):
    """Light phones of the phone page: join, follow the poll, answer when told."""

    # ---- one phone -------------------------------------------------------------------------
    async def _phone(self, record: PhoneRecord, delay: float) -> None:
        await asyncio.sleep(delay)
        # a phone of its own: its own connection and cookies (nginx routes each phone by them)
        client = httpx.AsyncClient(base_url=self.base_url, timeout=60)
        try:
            page = await client.get("/join", params={"code": self.code})
            record.page_bytes = len(page.content)
            tapped = time.perf_counter()
            joined = await client.post(f"{API}/join",
                                       json={"code": self.code, "nickname": record.nickname})  # fmt: skip
            if joined.status_code != 200:
                record.errors.append(f"join {joined.status_code}: {joined.text[:120]}")
                return
            record.join_seconds = time.perf_counter() - tapped
            record.token = joined.json()["token"]
            await self._follow(record, client)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # every failure is a finding, kept for the report
            record.errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            await client.aclose()

    async def _follow(self, record: PhoneRecord, client: httpx.AsyncClient) -> None:
        since = ""
        answering: dict[int, asyncio.Task] = {}
        while True:
            reply = await client.get(f"{API}/state",
                                           params={"token": record.token, "since": since})  # fmt: skip
            if reply.status_code != 200:
                record.errors.append(f"state {reply.status_code}")
                await asyncio.sleep(0.5)
                continue
            state = reply.json()
            since = state["v"]
            status = state["status"]
            question = state.get("question") or {}
            key = f"{status}:{question.get('id')}" if question else status
            record.seen.setdefault(key, time.time())
            if status == "ended":
                await asyncio.gather(*answering.values())
                return
            if status == "question" and question["id"] not in answering:
                answer = self._answer(record, client, question)
                answering[question["id"]] = asyncio.create_task(answer)

    async def _answer(
        self, record: PhoneRecord, client: httpx.AsyncClient, question: dict[str, Any]
    ) -> None:
        await self.answer_now.wait()
        await asyncio.sleep(random.uniform(0, self.answer_window))
        body = {"token": record.token, "question": question["id"], "answer": choose(question)}
        tapped = time.perf_counter()
        pause = 0.5
        while True:  # as the page does: an answer the server could not store is sent again
            try:
                reply = await client.post(f"{API}/answer", json=body)
            except httpx.HTTPError as exc:
                record.errors.append(f"answer: {type(exc).__name__}")
                reply = None
            if reply is not None and reply.status_code == 200:
                record.answer_outcome = reply.json()["outcome"]
                record.confirm_seconds = time.perf_counter() - tapped
                record.confirmed_at = time.time()
                return
            if reply is not None and reply.status_code != 503:
                record.answer_outcome = f"refused {reply.status_code}"
                record.errors.append(f"answer {reply.status_code}: {reply.text[:120]}")
                return
            record.retries += 1
            await asyncio.sleep(pause)
            pause = min(pause * 2, 5.0)


async def cancel_everything() -> None:
    """Cancel every other task on this loop and wait until they have finished."""
    others = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    for task in others:
        task.cancel()
    await asyncio.gather(*others, return_exceptions=True)


class CrowdProcess:
    """A crowd in a process of its own, so that its phones share no interpreter lock with the
    browser driver (the benchmark's Chromium tabs). Records come back every 0.1 s; their times
    are taken in that process, as the phones saw them."""

    def __init__(self, kind: type[Crowd], base_url: str, code: str) -> None:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        self._commands = context.Queue()
        self._records = context.Queue()
        self._process = context.Process(
            target=_serve_crowd, args=(kind, base_url, code, self._commands, self._records),
            daemon=True,
        )  # fmt: skip
        self._process.start()
        self.phones: list[PhoneRecord] = []

    def arrive(self, nicknames: list[str], over_seconds: float = 0.0) -> None:
        self._commands.put(("arrive", nicknames, over_seconds))
        self.phones = [PhoneRecord(name) for name in nicknames]

    def answer_all(self) -> None:
        self._commands.put(("answer_all",))

    def _refresh(self) -> None:
        import queue

        while True:
            try:
                self.phones = self._records.get_nowait()
            except queue.Empty:
                return

    def count(self, predicate: Callable[[PhoneRecord], bool]) -> int:
        self._refresh()
        return sum(bool(predicate(p)) for p in self.phones)

    def wait_until(self, predicate: Callable[[PhoneRecord], bool], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.count(predicate) == len(self.phones):
                return True
            time.sleep(0.05)
        return False

    def close(self) -> None:
        self._commands.put(("close",))
        deadline = time.monotonic() + 30
        while self._process.is_alive() and time.monotonic() < deadline:
            self._refresh()
            time.sleep(0.05)
        self._refresh()
        self._process.join(timeout=5)


def _serve_crowd(kind: type[Crowd], base_url: str, code: str, commands: Any, records: Any) -> None:
    """The crowd's process: follow the commands, send the records back every 0.1 s."""
    import queue

    crowd = kind(base_url, code)
    while True:
        try:
            command = commands.get(timeout=0.1)
        except queue.Empty:
            command = None
        if command and command[0] == "arrive":
            crowd.arrive(command[1], command[2])
        elif command and command[0] == "answer_all":
            crowd.answer_all()
        records.put(list(crowd.phones))
        if command and command[0] == "close":
            crowd.close()
            records.put(list(crowd.phones))
            return
