"""The lasting instructor session: a grant traded for a signed cookie, valid 12 hours."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from courseware import instructor_session
from courseware.instructor_routes import instructor_routes
from courseware.passcode import PASSCODE_ENV

ROUTE = "/api/instructor/session"


class Clock:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = 1_800_000_000.0
        monkeypatch.setattr("itsdangerous.timed.time.time", lambda: self.now)


def test_a_grant_becomes_a_session_that_ends_after_twelve_hours(monkeypatch):
    clock = Clock(monkeypatch)
    cookie = instructor_session.session_for("secret", instructor_session.grant("secret"))
    assert cookie and instructor_session.is_session("secret", cookie)
    assert not instructor_session.is_session("another passcode", cookie)
    clock.now += instructor_session.SESSION_SECONDS - 60
    assert instructor_session.is_session("secret", cookie)
    clock.now += 120
    assert not instructor_session.is_session("secret", cookie)


def test_a_grant_is_good_for_a_minute_and_is_not_a_session(monkeypatch):
    clock = Clock(monkeypatch)
    granted = instructor_session.grant("secret")
    assert not instructor_session.is_session("secret", granted)  # another salt
    clock.now += instructor_session.GRANT_SECONDS + 1
    assert instructor_session.session_for("secret", granted) is None
    assert instructor_session.session_for("secret", "x" * 5000) is None
    assert not instructor_session.is_session("secret", None)


def test_the_route_sets_an_http_only_cookie_for_a_good_grant(monkeypatch):
    monkeypatch.setenv(PASSCODE_ENV, "route-secret")
    client = TestClient(Starlette(routes=instructor_routes()))
    refused = client.post(ROUTE, json={"grant": instructor_session.grant("not the passcode")})
    assert refused.status_code == 403 and "set-cookie" not in refused.headers
    assert client.post(ROUTE, content=b"{broken").status_code == 403
    accepted = client.post(ROUTE, json={"grant": instructor_session.grant("route-secret")})
    cookie = accepted.headers["set-cookie"]
    assert accepted.status_code == 200 and cookie.startswith(f"{instructor_session.COOKIE}=")
    assert "HttpOnly" in cookie and "Max-Age=43200" in cookie and "SameSite=strict" in cookie
    value = cookie.split(";")[0].split("=", 1)[1].strip('"')
    assert instructor_session.is_session("route-secret", value)
    cleared = client.delete(ROUTE)
    assert cleared.headers["set-cookie"].startswith(f'{instructor_session.COOKIE}=""')
