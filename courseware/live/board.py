"""Per server process: the latest snapshot of every poll that phones are watching.

A tick reads each watched poll once from the database (``LiveStore.snapshot``), however many
phones watch it, and wakes the phones waiting for a change. The database stays the one source
of truth: several processes each keep their own board of the same polls.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import OrderedDict
from collections.abc import Callable

import anyio
from anyio import to_thread

from courseware.live.snapshot import PollSnapshot
from courseware.live.store import LiveStore, Player
from courseware.storage.store import StoreUnavailable, timeout_seconds

log = logging.getLogger(__name__)

TICK_SECONDS = 0.25  # how often a watched poll is read: a push reaches phones within a tick
FORGET_SECONDS = 90  # a poll no phone asked about for this long is no longer read
PLAYER_CACHE = 20_000  # players remembered by token (a player's row never changes)
SEEN_EVERY = 20.0  # seconds between two records that a phone still follows the poll


class PollBoard:
    """Snapshots of watched polls, refreshed once per tick; phones wait here for changes."""

    def __init__(self, open_live: Callable[[], LiveStore], tick: float = TICK_SECONDS) -> None:
        self._open_live = open_live
        self.tick = tick
        self._limiter = anyio.CapacityLimiter(8)  # database work off the event loop
        self._snapshots: dict[int, PollSnapshot] = {}
        self._asked: dict[int, float] = {}  # session id -> when a phone last asked
        self._changed: dict[int, asyncio.Event] = {}
        self._players: OrderedDict[str, Player] = OrderedDict()
        self._seen: dict[int, float] = {}  # player id -> when their phone asked
        self._recorded: dict[int, float] = {}  # player id -> when that was last written

    async def call(self, work: Callable[[LiveStore], object]) -> object:
        """Run ``work`` on the live store in a worker thread; StoreUnavailable if unreachable.

        The wait is bounded: a database that hangs is a refusal after ``timeout_seconds()``.
        """
        try:
            with anyio.fail_after(timeout_seconds() + 1.0):
                return await to_thread.run_sync(
                    lambda: work(self._open_live()), limiter=self._limiter, abandon_on_cancel=True
                )
        except TimeoutError:
            raise StoreUnavailable("the database did not answer in time", "timeout") from None

    async def player(self, token: str) -> Player | None:
        known = self._players.get(token)
        if known is not None:
            self._players.move_to_end(token)
            return known
        found = await self.call(lambda live: live.player(token))
        if isinstance(found, Player):
            self._players[token] = found
            while len(self._players) > PLAYER_CACHE:
                self._players.popitem(last=False)
            return found
        return None

    def saw(self, player: Player) -> None:
        """A player's phone asked about the poll (written to the database in the next tick)."""
        self._seen[player.id] = time.monotonic()

    async def _record_seen(self) -> None:
        """One write per tick at most, for players not recorded in the last ``SEEN_EVERY`` s."""
        horizon = time.monotonic() - SEEN_EVERY
        due = [p for p, at in self._seen.items() if self._recorded.get(p, 0.0) < horizon < at]
        if not due:
            return
        try:
            await self.call(lambda live: live.mark_seen(due))
        except StoreUnavailable as problem:
            log.warning("live players not marked as seen: %s", problem)
            return
        moment = time.monotonic()
        self._recorded.update(dict.fromkeys(due, moment))

    async def snapshot(self, session_id: int) -> PollSnapshot | None:
        """The poll as of the last tick (read now if no phone was watching it)."""
        self._asked[session_id] = time.monotonic()
        known = self._snapshots.get(session_id)
        if known is None:
            known = await self._read(session_id)
        return known

    async def wait(self, session_id: int, since: str, timeout: float) -> PollSnapshot | None:
        """The poll once its version differs from ``since``, or as it is after ``timeout``."""
        current = await self.snapshot(session_id)
        if current is None or current.version != since:
            return current
        changed = self._changed.setdefault(session_id, asyncio.Event())
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(changed.wait(), timeout)
        return await self.snapshot(session_id)

    async def run(self) -> None:
        """Refresh the watched polls every tick, for as long as the server runs."""
        while True:
            started = time.monotonic()
            await self.refresh()
            await asyncio.sleep(max(0.0, self.tick - (time.monotonic() - started)))

    async def refresh(self) -> None:
        await self._record_seen()
        horizon = time.monotonic() - FORGET_SECONDS
        for session_id, asked in list(self._asked.items()):
            if asked < horizon:
                self._forget(session_id)
            else:
                await self._read(session_id)

    async def reread(self, session_id: int) -> None:
        """Read the poll now rather than at the next tick (waking its phones if it changed)."""
        await self._read(session_id)

    async def _read(self, session_id: int) -> PollSnapshot | None:
        before = self._snapshots.get(session_id)
        try:
            read = await self.call(lambda live: live.snapshot(session_id))
        except StoreUnavailable as problem:
            if before is None:
                raise
            log.warning("live poll %s: snapshot not read: %s", session_id, problem)
            return before
        if not isinstance(read, PollSnapshot):
            self._forget(session_id)
            return None
        self._snapshots[session_id] = read
        if before is not None and before.version != read.version:
            self._wake(session_id)
        return read

    def _wake(self, session_id: int) -> None:
        event = self._changed.pop(session_id, None)
        if event is not None:
            event.set()

    def _forget(self, session_id: int) -> None:
        self._asked.pop(session_id, None)
        self._snapshots.pop(session_id, None)
        self._wake(session_id)
