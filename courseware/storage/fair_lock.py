"""A gate of a few places that serves its waiters in the order they came, each for a bounded
wait: one place for SQLite's turn to write, a pool's size for PostgreSQL's connections."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager


class FairLock:
    """First come, first served: no waiter is overtaken, so none starves under load."""

    def __init__(self, places: int = 1) -> None:
        self._mutex = threading.Lock()
        self._waiters: deque[threading.Event] = deque()
        self._free = places

    def acquire(self, timeout: float) -> bool:
        """Wait at most ``timeout`` seconds for this caller's turn; False if it did not come."""
        with self._mutex:
            if self._free > 0 and not self._waiters:
                self._free -= 1
                return True
            turn = threading.Event()
            self._waiters.append(turn)
        if turn.wait(timeout):
            return True
        with self._mutex:
            if turn.is_set():  # handed over just as the wait ran out
                return True
            self._waiters.remove(turn)
            return False

    def release(self) -> None:
        """Hand the place straight to the longest waiter, or free it."""
        with self._mutex:
            if self._waiters:
                self._waiters.popleft().set()
            else:
                self._free += 1

    @contextmanager
    def held(self, timeout: float) -> Iterator[None]:
        """The lock for the block; TimeoutError if the turn did not come in ``timeout`` s."""
        if not self.acquire(timeout):
            raise TimeoutError(f"waited {timeout:g} s for the database")
        try:
            yield
        finally:
            self.release()
