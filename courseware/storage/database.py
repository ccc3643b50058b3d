"""This process's database: opened on first use and again after a fault, every call bounded,
and a watch that notices a fault, and the database's return, within seconds.

Pages ask ``Database.run`` for every call. A call waits at most the store's timeout; while
the database is known to be down, a call fails at once instead of waiting, and the watch
(one thread per process, only while pages are asking) finds out when it is back.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as WaitRanOut
from typing import TypeVar

from courseware.storage.health import Health
from courseware.storage.store import FaultKind, Store, StoreUnavailable, timeout_seconds

T = TypeVar("T")

PROBE_SECONDS = 2.0  # how often the watch asks the database whether it answers
IDLE_SECONDS = 120.0  # the watch stops when no page has asked for this long
WORKERS = 16  # calls from pages that wait on the database at the same time
FAIL_FAST: frozenset[FaultKind] = frozenset({"unreachable", "timeout", "unusable"})


class Database:
    """The store behind one URL, for every page and route of this process."""

    def __init__(self, url: str, open_store: Callable[[str], Store] = Store) -> None:
        self.url = url
        self.timeout = timeout_seconds()
        self.health = Health(hung_after=self.timeout)
        self._open_store = open_store
        self._store: Store | None = None
        self._tried = False
        self._opening = threading.Lock()
        self._workers = ThreadPoolExecutor(WORKERS, thread_name_prefix="courseware-db")
        self._watching = threading.Lock()
        self._watch: threading.Thread | None = None
        self._asked = time.monotonic()

    def fault(self) -> FaultKind | None:
        """The fault in force, if any (a page's banner reads this on every run)."""
        self._keep_watching()
        return self.health.fault()

    def store(self) -> Store | None:
        """The open store; None while it cannot be opened (the watch keeps trying)."""
        self._keep_watching()
        if self._store is None and not self._tried:
            try:
                self.run(self._open)
            except StoreUnavailable:
                return None
        return self._store

    def run(self, work: Callable[..., T], *args: object) -> T:
        """``work(*args)``, waiting at most the timeout; StoreUnavailable on any fault."""
        self._keep_watching()
        known = self.health.fault()
        if known in FAIL_FAST:
            raise StoreUnavailable("the database is not answering", known)
        pending = self._workers.submit(work, *args)
        try:
            result = pending.result(timeout=self.timeout + 1.0)
        except WaitRanOut:
            pending.cancel()
            self.health.failed("timeout")
            raise StoreUnavailable("the database did not answer in time", "timeout") from None
        except StoreUnavailable as fault:
            self.health.failed(fault.kind)
            raise
        self.health.succeeded()
        return result

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
        self._workers.shutdown(wait=False, cancel_futures=True)

    def _open(self) -> Store:
        with self._opening:
            self._tried = True
            if self._store is None:
                self._store = self._open_store(self.url)
            return self._store

    # ---- the watch -------------------------------------------------------------------------
    def _keep_watching(self) -> None:
        self._asked = time.monotonic()
        with self._watching:
            if self._watch is None or not self._watch.is_alive():
                self._watch = threading.Thread(
                    target=self._watch_loop, name="courseware-db-watch", daemon=True
                )
                self._watch.start()

    def _watch_loop(self) -> None:
        while time.monotonic() - self._asked < IDLE_SECONDS:
            time.sleep(PROBE_SECONDS)
            self.probe()

    def probe(self) -> None:
        """Ask the database once (opening it if need be) and record what it said."""
        self.health.probe_started()
        try:
            store = self._store or self._open()
            write = self.health.write_fault()
            store.ping(write=write)
        except StoreUnavailable as fault:
            self.health.failed(fault.kind)
        else:
            self.health.succeeded(wrote=write)
        finally:
            self.health.probe_ended()


_databases: dict[str, Database] = {}
_registry = threading.Lock()


def database_for(url: str) -> Database:
    """The one Database of this process for ``url``."""
    with _registry:
        if url not in _databases:
            _databases[url] = Database(url)
        return _databases[url]
