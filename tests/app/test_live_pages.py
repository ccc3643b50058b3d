"""The instructor's live-poll page in AppTest (phones use the light routes: test_live_routes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from courseware.live.store import LiveStore
from courseware.passcode import PASSCODE_ENV
from courseware.storage.store import Store
from tests.app.harness import open_page

PASSCODE = "live-2026"


@pytest.fixture
def live(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LiveStore:
    path = tmp_path / "live.sqlite3"
    monkeypatch.delenv("COURSEWARE_DATABASE_URL", raising=False)
    monkeypatch.setenv("COURSEWARE_SQLITE_PATH", str(path))
    monkeypatch.setenv(PASSCODE_ENV, PASSCODE)
    return LiveStore(Store(f"sqlite:///{path}"))


def open_unlocked():
    """The live page in a new browser session, past the passcode."""
    at = open_page("live")
    at.text_input(key="instructor-passcode").set_value(PASSCODE)
    return at.button(key="FormSubmitter:instructor-gate-进入").click().run()


def test_the_instructor_starts_a_poll_and_pushes_a_topic_item_by_item(live: LiveStore):
    at = open_unlocked()
    at.button(key="live-start").click().run()
    session_id, code = at.session_state["_live_session"]
    assert live.find_session(code).id == session_id
    assert at.code[0].value.endswith(f"/join?code={code}")
    at.selectbox(key="live-topic").set_value("smart").run()
    first = at.selectbox(key="live-item").options[0]
    at.button(key="live-push").click().run()
    at.button(key="live-push-next").click().run()
    assert live.current(session_id).number == 2
    assert at.selectbox(key="live-item").value != first
    at.button(key="live-end").click().run()
    assert live.find_session(code).ended


def test_a_poll_left_open_is_resumed_or_ended_after_a_reload(live: LiveStore):
    running = live.start_session()
    finished = live.start_session()
    live.end_session(finished.id)
    at = open_page("live")  # a new browser session: a reload, another tab or process
    at.text_input(key="instructor-passcode").set_value(PASSCODE)
    at.button(key="FormSubmitter:instructor-gate-进入").click().run()
    assert at.button(key=f"live-resume-{running.code}")
    assert not [b for b in at.button if b.key == f"live-resume-{finished.code}"]
    at.button(key=f"live-resume-{running.code}").click().run()
    assert at.session_state["_live_session"] == (running.id, running.code)
    assert at.code[0].value.endswith(f"/join?code={running.code}")
    other = live.start_session()
    again = open_unlocked()
    again.button(key=f"live-close-{other.code}").click().run()
    assert live.find_session(other.code).ended


def test_a_question_is_pushed_with_a_countdown_and_the_speed_bonus(live: LiveStore):
    at = open_unlocked()
    at.button(key="live-start").click().run()
    session_id, _code = at.session_state["_live_session"]
    assert at.toggle(key="live-speed").proto.disabled  # no bonus without a countdown
    at.selectbox(key="live-timer").set_value(20).run()
    at.toggle(key="live-speed").set_value(True).run()
    at.button(key="live-push").click().run()
    snapshot = live.snapshot(session_id)
    assert (snapshot.seconds, snapshot.speed_bonus) == (20, True)
    at.selectbox(key="live-timer").set_value(None).run()
    at.button(key="live-push-next").click().run()
    assert live.snapshot(session_id).seconds is None and not live.snapshot(session_id).speed_bonus
