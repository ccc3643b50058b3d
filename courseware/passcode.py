"""The instructor passcode: configured, or generated once and logged; checked in constant time."""

from __future__ import annotations

import hmac
import logging
import os
import secrets
import threading
from collections.abc import Mapping
from typing import Any

PASSCODE_ENV = "COURSEWARE_INSTRUCTOR_PASSCODE"
SECRET_KEY = "instructor_passcode"
MAX_DELAY_SECONDS = 8.0

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


def delay_after(failures: int) -> float:
    """Seconds to wait after the n-th wrong passcode in a row: 0, 0.5, 1, 2, 4 … up to 8."""
    if failures <= 1:
        return 0.0
    return min(0.5 * 2 ** (failures - 2), MAX_DELAY_SECONDS)
