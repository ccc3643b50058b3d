"""What a user waits for after one tap or keystroke, frame by frame in Chromium, and where it goes.

The clock starts in the page, at the ``pointerdown`` or ``keydown`` event itself (so the time
Playwright takes to find an element is not counted), and stops at the first animation frame in
which the page shows the result and Streamlit reports its script has finished.

``Timeline.measure`` splits that span by the websocket frames Chromium saw (DevTools protocol):

* ``to_send``: from the event until the browser sent the rerun request;
* ``server``: from that request until the server's "script finished" message arrived (the
  script's run, serialising its elements and delivering them; the browser draws what arrives
  meanwhile);
* ``after``: from that message until the frame that shows the result (the browser's remaining
  work: React, Vega, layout).

Beside them, the main thread's busy time over the same span, from ``Performance.getMetrics``:
``script`` (JavaScript), ``layout``, ``style`` (recalculation) and ``task`` (all of it), and
``messages``, how many ForwardMsgs arrived.
"""

from __future__ import annotations

import base64
import statistics
from collections.abc import Callable
from dataclasses import dataclass, fields

from google.protobuf.message import DecodeError
from playwright.sync_api import Page
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

METRICS = {"script": "ScriptDuration", "layout": "LayoutDuration",
           "style": "RecalcStyleDuration", "task": "TaskDuration"}  # fmt: skip
SETTLED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
ARM = """() => {
    if (!window.__timeline) {
        window.__timeline = {armed: false, start: null};
        for (const type of ["pointerdown", "keydown"]) {
            window.addEventListener(type, () => {
                if (window.__timeline.armed) {
                    window.__timeline.start = performance.now();
                    window.__timeline.armed = false;
                }
            }, true);
        }
    }
    window.__timeline.armed = true;
    window.__timeline.start = null;
}"""
SHOWN = """([settled, selector, index, text]) => {
    if (window.__timeline.start === null || !document.querySelector(settled)) return false;
    const found = [...document.querySelectorAll(selector)];
    const shown = index < 0 ? found.some(e => e.textContent.trim() === text)
        : found[index] !== undefined && found[index].textContent.trim() === text;
    return shown ? {start: window.__timeline.start, end: performance.now()} : false;
}"""


@dataclass(frozen=True)
class Breakdown:
    """One interaction's milliseconds (``messages`` is a count)."""

    total: float
    to_send: float
    server: float
    after: float
    script: float
    layout: float
    style: float
    task: float
    messages: float

    @staticmethod
    def median(samples: list[Breakdown]) -> Breakdown:
        names = [f.name for f in fields(Breakdown)]
        return Breakdown(**{n: statistics.median(getattr(s, n) for s in samples) for n in names})

    def cells(self) -> str:
        return " ".join(f"{getattr(self, f.name):>7.1f}" for f in fields(self))

    def figures(self) -> dict[str, float]:
        return {f.name: round(getattr(self, f.name), 1) for f in fields(self)}


HEADER = " ".join(f"{f.name:>7}" for f in fields(Breakdown))


class Timeline:
    """A DevTools session on ``page`` that records websocket frames and main-thread time;
    ``cpu_slowdown`` 4 runs the page as on a mid-range phone."""

    def __init__(self, page: Page, cpu_slowdown: float = 1) -> None:
        self.page = page
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
        self.cdp.send("Network.enable")
        self.cdp.send("Performance.enable", {"timeDomain": "timeTicks"})
        self.sent: list[float] = []
        self.received: list[tuple[float, str]] = []
        self.cdp.on("Network.webSocketFrameSent", lambda e: self.sent.append(e["timestamp"]))
        self.cdp.on("Network.webSocketFrameReceived", self._received)

    def _received(self, event: dict) -> None:
        self.received.append((event["timestamp"], _kind(event["response"])))

    def _metrics(self) -> dict[str, float]:
        listed = self.cdp.send("Performance.getMetrics")["metrics"]
        return {m["name"]: m["value"] for m in listed}

    def measure(self, act: Callable[[], None], selector: str, index: int, text: str) -> Breakdown:
        """Time from the tap or key that ``act`` gives until element ``index`` of ``selector``
        (any of them when ``index`` is -1) shows ``text`` in a settled page, broken down."""
        self.page.evaluate(ARM)
        before = self._metrics()
        self.sent.clear()
        self.received.clear()
        act()
        span = self.page.wait_for_function(
            SHOWN, arg=[SETTLED, selector, index, text], polling="raf"
        ).json_value()
        after = self._metrics()
        origin = after["NavigationStart"]  # performance.now() counts from here, in seconds

        def page_ms(ticks: float) -> float:
            return (ticks - origin) * 1000

        start, end = span["start"], span["end"]
        request = min((page_ms(t) for t in self.sent if page_ms(t) >= start), default=start)
        finished = max(
            (page_ms(t) for t, kind in self.received if kind == "script_finished"), default=end
        )
        finished = min(max(finished, request), end)
        busy = {name: (after[key] - before[key]) * 1000 for name, key in METRICS.items()}
        return Breakdown(
            total=end - start,
            to_send=request - start,
            server=finished - request,
            after=end - finished,
            messages=len(self.received),
            **busy,
        )


def _kind(response: dict) -> str:
    """The type of a ForwardMsg frame ("delta", "script_finished", ...), or "" for another."""
    if response.get("opcode") != 2:
        return ""
    message = ForwardMsg()
    try:
        message.ParseFromString(base64.b64decode(response["payloadData"]))
    except DecodeError:  # a frame that is not a ForwardMsg is simply not counted
        return ""
    return message.WhichOneof("type") or ""
