"""Where the project's content lives on disk."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ASSETS_DIR = PROJECT_ROOT / "assets"
# Served as they are at /app/static/… (server.enableStaticServing): the browser fetches and
# caches a file once instead of receiving it inline with every page.
STATIC_DIR = PROJECT_ROOT / "static"
STATIC_URL = "/app/static"
CONTENT_DIR_ENV = "COURSEWARE_CONTENT_DIR"


def content_root() -> Path:
    """The folder holding ``lessons/`` (and later ``quizzes/``): the project, unless overridden."""
    return Path(os.environ.get(CONTENT_DIR_ENV) or PROJECT_ROOT)


def lessons_dir() -> Path:
    return content_root() / "lessons"


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as people read it in messages: relative to the content root when possible."""
    try:
        return path.resolve().relative_to((root or content_root()).resolve()).as_posix()
    except ValueError:
        return path.as_posix()
