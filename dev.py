"""Set up and run the project with nothing but Python 3.11+.

    python3 dev.py app     set up .venv, then start the app at http://localhost:8501
    python3 dev.py test    set up .venv, Chromium, PostgreSQL and nginx, then run the whole suite
    python3 dev.py bench   set up .venv, then run the speed benchmarks (``bench live``: one)

The virtual environment is installed from ``constraints.txt``, so every machine gets the
versions the suite was run with; it is reinstalled only when that file or pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.postgres_cluster import POSTGRES_URL_ENV, postgres_bin, running_cluster

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")
# Test files run in this many processes at most (one per core), each with its own app server,
# Chromium and database; a file's tests stay in one process, which starts its servers once.
MAX_TEST_WORKERS = 4


def run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(map(str, command)), flush=True)
    subprocess.run([str(c) for c in command], cwd=ROOT, env=env, check=True)


def ensure_venv(extra: str) -> None:
    """Create .venv and install the project with ``extra`` ('' or 'test'), pinned."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be started by an older python3
        sys.exit("Python 3.11 or newer is needed.")
    if not PYTHON.exists():
        venv.create(VENV, with_pip=True)
    inputs = b"".join((ROOT / name).read_bytes() for name in ("pyproject.toml", "constraints.txt"))
    stamp = VENV / f".installed-{extra or 'app'}"
    digest = hashlib.sha256(inputs).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    target = f".[{extra}]" if extra else "."
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "-c", "constraints.txt", "-e", target)
    stamp.write_text(digest)


def find_chromium() -> str | None:
    configured = os.environ.get("COURSEWARE_CHROMIUM")
    if configured:
        return configured
    return next((found for name in CHROMIUM_CANDIDATES if (found := shutil.which(name))), None)


def ensure_chromium() -> str:
    """The browser tests drive Debian's Chromium; install it (and CJK fonts) where we can."""
    found = find_chromium()
    if found:
        return found
    if apt_install("chromium", "fonts-noto-cjk"):
        found = find_chromium()
    if not found:
        sys.exit(
            "The browser tests need Chromium. Install it (Debian/Ubuntu: "
            "sudo apt-get install chromium fonts-noto-cjk) or set COURSEWARE_CHROMIUM to its path."
        )
    return found


def apt_install(*packages: str) -> bool:
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if not (shutil.which("apt-get") and is_root):
        return False
    run("apt-get", "update", "-q")
    run("apt-get", "install", "-y", "-q", *packages)
    return True


@contextmanager
def temporary_postgres() -> Iterator[str]:
    """A throw-away PostgreSQL cluster on a loopback port, for the store tests."""
    if os.environ.get(POSTGRES_URL_ENV):
        yield os.environ[POSTGRES_URL_ENV]
        return
    bin_dir = postgres_bin()
    if bin_dir is None and apt_install("postgresql"):
        bin_dir = postgres_bin()
    if bin_dir is None:
        sys.exit("The store tests need PostgreSQL: sudo apt-get install postgresql")
    with running_cluster(bin_dir) as cluster:
        yield cluster.create_database("courseware_test")


def app() -> None:
    ensure_venv("")
    run(PYTHON, "-m", "streamlit", "run", "app.py", "--server.port", "8501")


def ensure_nginx() -> None:
    """The scaling test puts Debian's nginx in front of two app processes."""
    if shutil.which("nginx") or Path("/usr/sbin/nginx").exists():
        return
    if not apt_install("nginx"):
        sys.exit("The scaling test needs nginx: sudo apt-get install nginx")


def test() -> None:
    ensure_venv("test")
    run(PYTHON, "-m", "ruff", "check", ".")
    run(PYTHON, "-m", "ruff", "format", "--check", ".")
    ensure_nginx()
    with temporary_postgres() as postgres_url:
        env = dict(os.environ, COURSEWARE_CHROMIUM=ensure_chromium())
        env[POSTGRES_URL_ENV] = postgres_url
        workers = str(min(os.cpu_count() or 1, MAX_TEST_WORKERS))
        run(PYTHON, "-m", "pytest", "-n", workers, "--dist", "loadfile", *sys.argv[2:], env=env)


BENCHMARKS = {"pages": "bench/bench_pages.py", "live": "bench/live_class.py"}


def bench() -> None:
    """Run both benchmarks, or the one named: ``bench pages`` or ``bench live`` (then its flags)."""
    ensure_venv("test")
    env = dict(os.environ, COURSEWARE_CHROMIUM=ensure_chromium())
    chosen, flags = sys.argv[2:3], sys.argv[3:]
    if chosen and chosen[0] not in BENCHMARKS:
        sys.exit(f"unknown benchmark {chosen[0]!r}: choose from {', '.join(BENCHMARKS)}")
    for name in chosen or list(BENCHMARKS):
        run(PYTHON, BENCHMARKS[name], *flags, env=env)


COMMANDS = {"app": app, "test": test, "bench": bench}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    try:
        COMMANDS[sys.argv[1]]()
    except subprocess.CalledProcessError as failed:
        sys.exit(failed.returncode)
    except KeyboardInterrupt:
        sys.exit(130)
