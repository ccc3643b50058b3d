"""An address with no page goes to the app's own "not found" page; everything else passes."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from courseware.navigation import page_paths
from courseware.unknown_addresses import UnknownAddresses, is_unknown

PAGES = {"", "part-1", "quiz", "not-found"}
ROUTES = {"join", "api"}
HTML = {"accept": "text/html,application/xhtml+xml"}


@pytest.mark.parametrize(
    ("path", "unknown"),
    [
        ("/", False), ("/part-1", False), ("/part-1/", False), ("/quiz", False),
        ("/join", False), ("/api/live/state", False), ("/_stcore/health", False),
        ("/static/js/index.js", False), ("/favicon.png", False), ("/media/abc.png", False),
        ("/part-5", True), ("/Part-1", True), ("/quiz/extra", True), ("/中文", True),
    ],
)  # fmt: skip
def test_which_addresses_are_unknown(path: str, unknown: bool):
    assert is_unknown(path, PAGES, ROUTES) is unknown


def test_the_navigation_names_its_pages():
    assert {"", "part-1", "part-4", "quiz", "progress", "not-found"} <= page_paths()


@pytest.fixture
def client() -> TestClient:
    def page(request):
        return PlainTextResponse("the app")

    app = Starlette(
        routes=[Route("/{path:path}", page)],
        middleware=[Middleware(UnknownAddresses, pages=lambda: PAGES, routes=ROUTES)],
    )
    return TestClient(app, follow_redirects=False)


def test_a_browser_asking_for_an_unknown_page_is_sent_to_the_not_found_page(client: TestClient):
    answer = client.get("/part-5", headers=HTML)
    assert answer.status_code == 302
    assert answer.headers["location"] == "/not-found?address=/part-5"
    assert client.get("/%E4%B8%AD", headers=HTML).headers["location"] == (
        "/not-found?address=/%E4%B8%AD"
    )


def test_known_pages_and_requests_that_are_not_for_a_page_pass(client: TestClient):
    assert client.get("/part-1", headers=HTML).text == "the app"
    assert client.get("/part-5").text == "the app"  # not a page request (no text/html)
    assert client.post("/part-5", headers=HTML).status_code == 405
