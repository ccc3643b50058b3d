"""Start the real app with ``streamlit run`` on a free loopback port and wait until it is healthy."""

from __future__ import annotations

import os
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from courseware.cluster import app_command, serving_process
from courseware.paths import PROJECT_ROOT
from courseware.storage.store import DATABASE_URL_ENV, SQLITE_PATH_ENV


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def on_sqlite(database: Path) -> dict[str, str]:
    """The environment that points an app server at this SQLite file, and at no other store."""
    return {SQLITE_PATH_ENV: str(database), DATABASE_URL_ENV: ""}


@contextmanager
def running_app(
    script: Path = PROJECT_ROOT / "app.py", env: dict[str, str] | None = None
) -> Iterator[str]:
    """Yield the base URL of a running app; stop it afterwards."""
    with serving(script, env) as (url, _process):
        yield url


@contextmanager
def serving(
    script: Path = PROJECT_ROOT / "app.py", env: dict[str, str] | None = None
) -> Iterator[tuple[str, subprocess.Popen]]:
    """Yield the base URL of a running app and its server process; stop it afterwards."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    environment = {**os.environ, **(env or {})}
    with serving_process(app_command(script, port), f"{url}/_stcore/health", cwd=script.parent,
                         env=environment, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL) as process:  # fmt: skip
        yield url, process
