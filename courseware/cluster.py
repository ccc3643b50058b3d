"""Several app processes behind nginx, sharing one PostgreSQL: how the app scales past one core.

    COURSEWARE_DATABASE_URL=postgresql+psycopg://user@host/db \\
        python -m courseware.cluster --processes 2 --port 8080

starts the processes on loopback ports (8501, 8502, …), renders ``deploy/nginx.conf.template``
into a working folder and runs Debian's nginx in front of them until Ctrl-C.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from subprocess import Popen
from typing import Any

from courseware.paths import PROJECT_ROOT
from courseware.storage.store import DATABASE_URL_ENV

TEMPLATE = PROJECT_ROOT / "deploy" / "nginx.conf.template"
TEMP_FOLDERS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


def render_nginx(listen: str, upstreams: Sequence[str], prefix: Path) -> str:
    """The nginx configuration for ``upstreams`` (host:port each), listening on ``listen``."""
    servers = "\n".join(f"        server {address} max_fails=0;" for address in upstreams)
    return (
        TEMPLATE.read_text(encoding="utf-8")
        .replace("{{servers}}", servers)
        .replace("{{listen}}", listen)
        .replace("{{prefix}}", str(prefix))
    )


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if not found:
        raise RuntimeError("nginx is not installed (Debian: apt-get install nginx)")
    return found


def wait_for(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    """Wait until ``url`` answers 200, or fail if ``process`` exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer in {timeout} s")


@contextmanager
def serving_process(command: Sequence[str], ready_url: str, **popen: Any) -> Iterator[Popen]:
    """Start ``command``, wait until ``ready_url`` answers, and stop the process afterwards."""
    process = subprocess.Popen([str(part) for part in command], **popen)
    try:
        wait_for(ready_url, process)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def app_command(script: Path, port: int) -> list[str]:
    """``streamlit run`` of ``script`` on 127.0.0.1:``port``."""
    return [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip


@contextmanager
def running_nginx(upstreams: Sequence[str], port: int, prefix: Path | None = None) -> Iterator[str]:
    """nginx in front of ``upstreams`` on 127.0.0.1:``port``; yields its URL, stops it after."""
    with ExitStack() as stack:
        if prefix is None:
            prefix = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="nginx-")))
        for name in TEMP_FOLDERS:  # nginx's workers may run as another user
            (prefix / name).mkdir(parents=True, exist_ok=True)
            (prefix / name).chmod(0o777)
        config = prefix / "nginx.conf"
        config.write_text(render_nginx(f"127.0.0.1:{port}", upstreams, prefix), encoding="utf-8")
        command = [nginx_binary(), "-p", prefix, "-c", config, "-g", "daemon off;"]
        url = f"http://127.0.0.1:{port}"
        with serving_process(command, f"{url}/_stcore/health", stdout=subprocess.DEVNULL):
            yield url


@contextmanager
def running_app(port: int, env: dict[str, str] | None = None) -> Iterator[str]:
    """One app process on 127.0.0.1:``port``; yields its URL, stops it after."""
    url = f"http://127.0.0.1:{port}"
    command = app_command(PROJECT_ROOT / "app.py", port)
    environment = {**os.environ, **(env or {})}
    with serving_process(command, f"{url}/_stcore/health", cwd=PROJECT_ROOT, env=environment):
        yield url


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m courseware.cluster",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--processes", type=int, default=2, help="app processes (one per core)")
    parser.add_argument("--port", type=int, default=8080, help="nginx's port")
    parser.add_argument("--first-app-port", type=int, default=8501)
    args = parser.parse_args(argv)
    if not os.environ.get(DATABASE_URL_ENV, "").startswith("postgresql"):
        print(f"error: set {DATABASE_URL_ENV} to a PostgreSQL URL: every process shares it",
              file=sys.stderr)  # fmt: skip
        return 2
    ports = [args.first_app_port + n for n in range(args.processes)]
    taken = [p for p in [*ports, args.port] if not port_is_free(p)]
    if taken:
        print(f"error: port(s) in use: {', '.join(map(str, taken))}", file=sys.stderr)
        return 2
    with ExitStack() as stack:
        apps = [stack.enter_context(running_app(port)) for port in ports]
        url = stack.enter_context(
            running_nginx([a.removeprefix("http://") for a in apps], args.port)
        )
        print(f"serving {len(apps)} processes at {url} (Ctrl-C stops them)", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
