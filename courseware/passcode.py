"""The instructor passcode: configured, or generated once and logged; checked in constant time,
with wrong guesses limited per client address."""

from __future__ import annotations

import hmac
import logging
import os
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

PASSCODE_ENV = "COURSEWARE_INSTRUCTOR_PASSCODE"
SECRET_KEY = "instructor_passcode"
GUESSES_PER_ADDRESS = 10  # wrong passcodes from one client address in a window
GUESSES_PER_PROCESS = 60  # wrong passcodes from all addresses together in a window
GUESS_WINDOW_SECONDS = 60.0

log = logging.getLogger("courseware")


def configured_passcode(secrets_: Mapping[str, Any] | None = None) -> str | None:
    """The passcode from the environment, else from Streamlit secrets; None when neither has one."""
    value = os.environ.get(PASSCODE_ENV) or (secrets_ or {}).get(SECRET_KEY)
    return str(value) if value else None


def generate_passcode() -> str:
    """A fresh random passcode, written to the server log so the instructor can read it."""
    passcode = secrets.token_urlsafe(9)
    log.warning("instructor passcode (none configured, generated at start-up): %s", passcode)
    return passcode


_generated: list[str] = []
_generating = threading.Lock()


def expected_passcode(secrets_: Mapping[str, Any] | None = None) -> str:
    """The configured passcode, else one generated (and logged) once for this server process."""
    configured = configured_passcode(secrets_)
    if configured:
        return configured
    with _generating:
        if not _generated:
            _generated.append(generate_passcode())
        return _generated[0]


def current_passcode() -> str:
    """The passcode in force: the environment, else Streamlit secrets, else the generated one."""
    import streamlit as st

    try:
        from_secrets = dict(st.secrets)
    except Exception:  # no secrets file: that is fine
        from_secrets = {}
    return expected_passcode(from_secrets)


def matches(given: str, expected: str) -> bool:
    """Compare in constant time, so the time taken says nothing about the passcode."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


class GuessLimit:
    """Wrong passcodes counted per client address, for the whole process (not per session).

    At most ``per_address`` wrong guesses from one address, and ``per_process`` from all of
    them together, in any ``window`` seconds; beyond that a guess is not even checked. Each
    wrong guess is logged with its address and time, never with the passcode tried.
    """

    def __init__(
        self,
        per_address: int = GUESSES_PER_ADDRESS,
        per_process: int = GUESSES_PER_PROCESS,
        window: float = GUESS_WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_address, self.per_process, self.window = per_address, per_process, window
        self._clock = clock
        self._lock = threading.Lock()
        self._wrong: deque[tuple[float, str]] = deque()  # (when, address), oldest first

    def wait_before_guess(self, address: str) -> float:
        """Seconds before ``address`` may guess again; 0 when it may guess now."""
        with self._lock:
            now = self._forget_old()
            mine = [at for at, who in self._wrong if who == address]
            waits = [0.0]
            if len(mine) >= self.per_address:
                waits.append(mine[-self.per_address] + self.window - now)
            if len(self._wrong) >= self.per_process:
                waits.append(self._wrong[-self.per_process][0] + self.window - now)
            return max(waits)

    def wrong(self, address: str) -> None:
        with self._lock:
            self._wrong.append((self._forget_old(), address))
        log.warning(
            "wrong instructor passcode from %s at %s",
            address,
            datetime.now(UTC).isoformat(timespec="seconds"),
        )

    def _forget_old(self) -> float:
        now = self._clock()
        while self._wrong and self._wrong[0][0] <= now - self.window:
            self._wrong.popleft()
        return now


guess_limit = GuessLimit()  # one per server process, shared by every session
