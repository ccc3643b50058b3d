"""The storage guard's pure parts: the kind of a fault, a first-come lock, the health record,
and a call that cannot wait beyond the timeout."""

from __future__ import annotations

import threading

import pytest

from courseware.storage.database import Database
from courseware.storage.fair_lock import FairLock
from courseware.storage.health import Health
from courseware.storage.store import TIMEOUT_ENV, Store, StoreUnavailable, fault_kind


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("(sqlite3.OperationalError) attempt to write a readonly database", "read_only"),
        ("(sqlite3.OperationalError) database or disk is full", "full"),
        ('could not extend file "base/16384/16385": No space left on device', "full"),
        ("canceling statement due to statement timeout", "timeout"),
        ("canceling statement due to lock timeout", "timeout"),
        ("(sqlite3.OperationalError) database is locked", "busy"),
        ("FATAL: sorry, too many clients already", "busy"),
        ("cannot create the folder /proc/x: [Errno 2]", "unusable"),
        (
            'connection to server at "127.0.0.1", port 5432 failed: Connection refused',
            "unreachable",
        ),
    ],
)
def test_a_drivers_message_names_the_kind_of_fault(message: str, kind: str):
    assert fault_kind(message) == kind
    assert StoreUnavailable(message).kind == kind


def test_the_lock_serves_waiters_in_the_order_they_came():
    lock = FairLock()
    assert lock.acquire(timeout=1)
    served: list[int] = []
    queued = threading.Semaphore(0)

    def wait_turn(n: int) -> None:
        queued.release()
        with lock.held(timeout=10):
            served.append(n)

    threads = []
    for n in range(8):  # each joins the queue only once the one before has
        thread = threading.Thread(target=wait_turn, args=(n,))
        thread.start()
        queued.acquire()
        while len(lock._waiters) < n + 1:
            threading.Event().wait(0.001)
        threads.append(thread)
    lock.release()
    for thread in threads:
        thread.join()
    assert served == list(range(8))


def test_a_turn_that_does_not_come_in_time_is_a_timeout_and_leaves_the_queue():
    lock = FairLock()
    assert lock.acquire(timeout=1)
    with pytest.raises(TimeoutError):
        with lock.held(timeout=0.01):
            pass
    assert not lock._waiters
    lock.release()
    assert lock.acquire(timeout=0)


def test_health_keeps_a_write_fault_until_a_write_succeeds_and_sees_a_hanging_probe():
    now = [0.0]
    health = Health(hung_after=5.0, clock=lambda: now[0])
    health.failed("read_only")
    health.succeeded()  # a read went through: writing still fails
    assert health.fault() == "read_only" and health.write_fault()
    health.succeeded(wrote=True)
    assert health.fault() is None
    health.probe_started()
    now[0] = 5.5
    assert health.fault() == "timeout"
    health.probe_ended()
    assert health.fault() is None


def test_a_call_that_hangs_is_refused_after_the_timeout_then_calls_fail_at_once(
    tmp_path, monkeypatch
):
    monkeypatch.setenv(TIMEOUT_ENV, "0.2")
    database = Database(f"sqlite:///{tmp_path / 'hang.sqlite3'}")
    assert database.store() is not None
    release = threading.Event()
    with pytest.raises(StoreUnavailable) as hung:
        database.run(release.wait)
    assert hung.value.kind == "timeout" and database.fault() == "timeout"
    with pytest.raises(StoreUnavailable):
        database.run(lambda: "never asked")  # known to hang: no second wait
    release.set()
    database.probe()  # the watch finds the database answering again
    assert database.fault() is None and database.run(lambda: "asked") == "asked"
    database.close()


def test_a_url_that_cannot_be_used_is_unusable_not_a_crash():
    with pytest.raises(StoreUnavailable) as refused:
        Store("nosuchdriver://x")
    assert refused.value.kind == "unusable"


def test_a_gate_of_two_places_lets_two_in_and_queues_the_third():
    gate = FairLock(places=2)
    assert gate.acquire(timeout=0) and gate.acquire(timeout=0)
    assert not gate.acquire(timeout=0.01)
    gate.release()
    assert gate.acquire(timeout=0)
