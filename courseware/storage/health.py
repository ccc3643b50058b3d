"""Whether this process's database answers: the last fault, the last success, a hanging probe."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from courseware.storage.store import FaultKind

WRITE_FAULTS: frozenset[FaultKind] = frozenset({"read_only", "full"})  # reads still work then


class Health:
    """A record kept by every call and by the watch; reads are cheap enough for every page run."""

    def __init__(self, hung_after: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.hung_after = hung_after
        self._clock = clock
        self._lock = threading.Lock()
        self._fault: FaultKind | None = None
        self._probe_started: float | None = None

    def failed(self, kind: FaultKind) -> None:
        with self._lock:
            self._fault = kind

    def succeeded(self, wrote: bool = False) -> None:
        """A call went through; a fault of writing is cleared only by a write."""
        with self._lock:
            if wrote or self._fault not in WRITE_FAULTS:
                self._fault = None

    def probe_started(self) -> None:
        with self._lock:
            self._probe_started = self._clock()

    def probe_ended(self) -> None:
        with self._lock:
            self._probe_started = None

    def fault(self) -> FaultKind | None:
        """The fault in force: the last one recorded, or a probe that has hung too long."""
        with self._lock:
            started = self._probe_started
            if started is not None and self._clock() - started > self.hung_after:
                return "timeout"
            return self._fault

    def write_fault(self) -> bool:
        """Whether only writes fail (so that the watch must write to see the end of it)."""
        return self.fault() in WRITE_FAULTS
