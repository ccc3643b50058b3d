"""Debian's Chromium driven by Playwright, and helpers that wait for Streamlit to settle."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from playwright.sync_api import Browser, Page, Playwright

from courseware.paths import PROJECT_ROOT

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SETTLED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
ARTIFACTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def chromium_path() -> str:
    path = os.environ.get("COURSEWARE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise RuntimeError(
            f"Chromium not found at {path}: run the tests with `python3 dev.py test`"
        )
    return path


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)


def settle(page: Page) -> None:
    """Wait until the script has finished running and the page has stopped changing."""
    page.wait_for_selector(SETTLED, timeout=30_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_selector(SETTLED, timeout=30_000)


def full_screenshot(page: Page, name: str) -> Path:
    """Screenshot the whole page: Streamlit scrolls inside its main block, so grow the viewport."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": min(max(height, 600), 16_000)})
    page.wait_for_timeout(400)  # the resize re-lays out charts and grids: let them redraw
    settle(page)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    page.set_viewport_size(size)
    return path


def save_screenshot(page: Page, name: str) -> Path:
    """Screenshot the window as it is (for pages that are not Streamlit's)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
