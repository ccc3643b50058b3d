"""A broken lesson and raw HTML in a real browser: named in place, never rendered, rest fine."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from courseware.paths import CONTENT_DIR_ENV, PROJECT_ROOT
from tests.conftest import break_front_matter
from tests.e2e.browser import full_screenshot, settle
from tests.e2e.server import running_app

pytestmark = pytest.mark.e2e
RAW_HTML = '<b id="raw-html-bold">粗体</b> <img id="raw-html-img" src="x" onerror="alert(1)">'


@pytest.fixture(scope="module")
def broken_app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("content")
    shutil.copytree(PROJECT_ROOT / "lessons", root / "lessons")
    break_front_matter(root / "lessons" / "zh" / "02-management-by-objectives.md")
    part1 = root / "lessons" / "zh" / "01-customer-needs.md"
    text = part1.read_text(encoding="utf-8")
    part1.write_text(text.replace("## 1.1 大客户定义\n", f"## 1.1 大客户定义\n\n{RAW_HTML}\n"))
    with running_app(env={CONTENT_DIR_ENV: str(root)}) as url:
        yield url


def test_broken_lesson_names_file_and_line_on_its_page(page: Page, broken_app_url: str):
    page.goto(f"{broken_app_url}/part-2")
    settle(page)
    expect(page.get_by_text("这一部分的课程文件有问题，暂时无法显示。")).to_be_visible()
    expect(
        page.get_by_text(
            "lessons/zh/02-management-by-objectives.md:1: front matter: missing required field 'title'"
        )
    ).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    full_screenshot(page, "broken-part-2")


@pytest.mark.parametrize("path", ["", "part-1", "part-3", "part-4"], ids=lambda p: p or "home")
def test_other_pages_keep_working(page: Page, broken_app_url: str, path: str):
    page.goto(f"{broken_app_url}/{path}")
    settle(page)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_raw_html_in_a_lesson_is_never_rendered(page: Page, broken_app_url: str):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{broken_app_url}/part-1?section=key-accounts")
    settle(page)
    expect(page.get_by_role("heading", level=2)).to_have_text("1.1 大客户定义")
    expect(page.locator("#raw-html-bold, #raw-html-img")).to_have_count(0)
    expect(page.get_by_text("课程文件提示")).to_be_visible()
    assert dialogs == []
    full_screenshot(page, "raw-html-part-1")
