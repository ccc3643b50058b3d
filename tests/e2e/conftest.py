"""One app server and one Chromium per test session; a fresh browser context per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.e2e.browser import DESKTOP, launch
from tests.e2e.server import on_sqlite, running_app


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a SQLite file of this test process's own (not the developer's ``var/``)."""
    database = tmp_path_factory.mktemp("app") / "courseware.sqlite3"
    with running_app(env=on_sqlite(database)) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    tab = context.new_page()
    yield tab
    context.close()
