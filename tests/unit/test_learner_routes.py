"""The learner cookie's route: JSON only, a token's shape only, HttpOnly, cleared on sign-out."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from courseware.learner_routes import COOKIE, ROUTE, learner_routes

TOKEN = "KH4CJt1cG08_jpxJIo0RWA"


@pytest.fixture
def client() -> TestClient:
    return TestClient(Starlette(routes=learner_routes()))


def test_a_token_sent_as_json_becomes_an_http_only_cookie(client: TestClient):
    answer = client.post(ROUTE, json={"token": TOKEN})
    assert answer.status_code == 200
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}={TOKEN};")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Max-Age=31536000" in cookie


@pytest.mark.parametrize(
    "body", [{"token": "short"}, {"token": "<script>" * 3}, {"token": 5}, {}, [TOKEN]]
)
def test_anything_but_a_token_sets_no_cookie(client: TestClient, body):
    answer = client.post(ROUTE, json=body)
    assert answer.status_code == 400 and "set-cookie" not in answer.headers


def test_a_form_from_another_site_cannot_set_it(client: TestClient):
    answer = client.post(ROUTE, data={"token": TOKEN})  # form-encoded, as a cross-site form posts
    assert answer.status_code == 415 and "set-cookie" not in answer.headers


def test_signing_out_clears_it(client: TestClient):
    answer = client.delete(ROUTE)
    assert answer.status_code == 200
    assert (
        answer.headers["set-cookie"].startswith(f'{COOKIE}="";')
        and "Max-Age=0" in (answer.headers["set-cookie"])
    )
