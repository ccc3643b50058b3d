"""A throw-away PostgreSQL cluster on a loopback port: for the test run, and for the tests that
stop and start a database under the app. Standard library only (``dev.py`` uses it too)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

POSTGRES_URL_ENV = "COURSEWARE_TEST_POSTGRES_URL"  # where the suite finds its PostgreSQL


def postgres_bin() -> Path | None:
    """Debian's PostgreSQL server binaries, newest version first."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    return found[0].parent if found else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresCluster:
    """One cluster in its own folder; ``stop`` and ``start`` it at will."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="courseware-pg-"))
        self.data, self.port = self.folder / "data", free_port()
        self._as_user: list[str] = []
        if os.geteuid() == 0:  # the server refuses to run as root
            shutil.chown(self.folder, "postgres", "postgres")
            self._as_user = ["runuser", "-u", "postgres", "--"]
        self._server([self.bin_dir / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust",
                      "-E", "UTF8", "--locale=C.UTF-8"])  # fmt: skip

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        self._server([self.bin_dir / "pg_ctl", "-D", self.data, "-l", self.folder / "log", "-w",
                      "start", "-o", f"-p {self.port} -k {self.folder} "
                      "-c listen_addresses=127.0.0.1"])  # fmt: skip

    def stop(self) -> None:
        self._server([self.bin_dir / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"])

    def create_database(self, name: str) -> str:
        subprocess.run([self.bin_dir / "createdb", "-h", "127.0.0.1", "-p", str(self.port),
                        "-U", "postgres", name], check=True)  # fmt: skip
        return self.url(name)

    def remove(self) -> None:
        subprocess.run([*self._as_user, self.bin_dir / "pg_ctl", "-D", self.data, "-m",
                        "immediate", "-w", "stop"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)  # fmt: skip
        shutil.rmtree(self.folder, ignore_errors=True)

    def _server(self, command: list) -> None:
        subprocess.run([*self._as_user, *command], check=True, stdout=subprocess.DEVNULL)


@contextmanager
def running_cluster(bin_dir: Path) -> Iterator[PostgresCluster]:
    cluster = PostgresCluster(bin_dir)
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.remove()
