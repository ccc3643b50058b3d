"""Cold start and memory: what a freshly started server costs before and while people use it.

* ``cold_start_ms``: from launching ``streamlit run`` until Chromium shows a page's heading in a
  settled page (the first visitor's wait after a restart).
* ``rss_per_session_mb``: the server's resident memory for each session held open on a page,
  beyond the first: ``sessions`` websocket clients that speak Streamlit's protocol (no browser)
  each open the page and stay connected.
"""

from __future__ import annotations

import asyncio
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import websockets
from playwright.sync_api import Browser
from playwright.sync_api import Error as PlaywrightError
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from courseware.cluster import app_command
from tests.e2e.browser import DESKTOP, settle
from tests.e2e.server import free_port, serving

SETTLING_SECONDS = 6  # after a process's first page: the SMART segmenter builds 2 s after it


def cold_start_ms(browser: Browser, script: Path, path: str, heading: str) -> float:
    """Launch the app on a new port, open ``path`` as soon as the port answers, and time until
    ``heading`` shows."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{path}"
    page = browser.new_page(viewport=DESKTOP, locale="zh-CN")
    start = time.perf_counter()
    server = subprocess.Popen(app_command(script, port), cwd=script.parent,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        while True:
            try:
                page.goto(url, timeout=30_000)
                break
            except PlaywrightError:  # not listening yet
                if server.poll() is not None:
                    raise RuntimeError(f"{script.name} exited during start-up") from None
                time.sleep(0.02)
        page.get_by_role("heading", name=heading, level=1).wait_for(timeout=60_000)
        settle(page)
        return (time.perf_counter() - start) * 1000
    finally:
        page.close()
        server.terminate()
        server.wait(timeout=10)


def rss_per_session_mb(script: Path, page_name: str, heading: str, sessions: int) -> float:
    """Megabytes of server memory per open session on ``page_name``, beyond the first."""
    with serving(script) as (url, process):
        stream = url.replace("http://", "ws://") + "/_stcore/stream"
        held = _held_sessions(stream, process.pid, page_name, heading, sessions)
        with ThreadPoolExecutor(1) as thread:  # apart from Playwright's own event loop
            return thread.submit(asyncio.run, held).result()


async def _held_sessions(stream: str, pid: int, page_name: str, heading: str, n: int) -> float:
    first = await asyncio.wait_for(_open(stream, page_name, heading), 60)
    await asyncio.sleep(SETTLING_SECONDS)
    alone = _rss_mb(pid)
    opening = (_open(stream, page_name, heading) for _ in range(n - 1))
    others = await asyncio.wait_for(asyncio.gather(*opening), 300)
    await asyncio.sleep(2)  # let the runs' garbage go
    held = _rss_mb(pid)
    for socket in (first, *others):
        await socket.close()
    return (held - alone) / (n - 1)


async def _open(stream: str, page_name: str, heading: str) -> websockets.ClientConnection:
    """A session that has run ``page_name`` once and drawn ``heading``; left open."""
    socket = await websockets.connect(stream, subprotocols=["streamlit"], max_size=None,
                                      open_timeout=60)  # fmt: skip
    request = BackMsg()
    request.rerun_script.page_name = page_name
    await socket.send(request.SerializeToString())
    drew = False
    async for raw in socket:
        message = ForwardMsg()
        message.ParseFromString(raw)
        kind = message.WhichOneof("type")
        if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            drew = drew or (
                element.WhichOneof("type") == "heading" and element.heading.body == heading
            )
        elif kind == "script_finished" and drew:  # (a run that reruns itself may come first)
            return socket
    raise RuntimeError(f"the server closed the session before {page_name!r} showed {heading!r}")


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")
