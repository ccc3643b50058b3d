"""The join address phones are given: the configured public URL, else the request's host."""

from __future__ import annotations

import pytest

from courseware.live.join_address import PUBLIC_URL_ENV, is_loopback, join_url, public_base


def test_the_request_gives_its_scheme_and_host_only(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(PUBLIC_URL_ENV, raising=False)
    base = public_base("http://10.1.2.3:8501/live?x=1")
    assert base == "http://10.1.2.3:8501"
    assert join_url(base, "ABCDEF") == "http://10.1.2.3:8501/join?code=ABCDEF"
    assert join_url(base) == "http://10.1.2.3:8501/join"  # never who the trainee is


def test_a_public_url_wins_and_may_carry_a_path(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(PUBLIC_URL_ENV, "https://class.example.com/course/")
    assert public_base("http://127.0.0.1:8501/live") == "https://class.example.com/course"


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://localhost:8501/join", True),
        ("http://127.0.0.1:8501/join", True),
        ("http://[::1]:8501/join", True),
        ("http://app.localhost/join", True),
        ("http://192.168.1.20:8501/join", False),
        ("https://class.example.com/join", False),
    ],
)
def test_loopback_addresses_are_recognised(url: str, loopback: bool):
    assert is_loopback(url) is loopback
