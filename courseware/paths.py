"""Where the project's content lives on disk."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LESSONS_DIR = PROJECT_ROOT / "lessons"
ASSETS_DIR = PROJECT_ROOT / "assets"


def display_path(path: Path, root: Path = PROJECT_ROOT) -> str:
    """A path as people read it in messages: relative to the project root when possible."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
