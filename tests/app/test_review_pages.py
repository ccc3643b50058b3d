"""Spaced review on the pages, in AppTest: a week after a quiz the sidebar and home page count
the items due, the hub offers today's review and answering it clears them, the progress page
draws the review plan and a calendar reminder, and the dashboard shows what the class recalls.
Time moves by ``review_now`` (and the clock answers are recorded by), never by sleeping."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from streamlit.testing.v1 import AppTest

from courseware.passcode import PASSCODE_ENV
from courseware.storage.store import Store, StoreUnavailable
from courseware.ui import clock, review
from courseware.ui.quiz_scopes import REVIEW_SCOPE
from tests.app.harness import open_page
from tests.app.test_quiz import HUB, next_item, respond, sign_up, start

PASSCODE = "teach-2026"
WEEK = timedelta(days=7)


@pytest.fixture(autouse=True)
def own_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("COURSEWARE_DATABASE_URL", raising=False)
    monkeypatch.setenv("COURSEWARE_SQLITE_PATH", str(tmp_path / "progress.sqlite3"))
    monkeypatch.setenv(PASSCODE_ENV, PASSCODE)


def move_time(monkeypatch: pytest.MonkeyPatch, by: timedelta) -> datetime:
    """From now on the pages, and the answers they record, live ``by`` later."""
    moment = datetime.now(UTC) + by
    monkeypatch.setattr(clock, "now", lambda: moment)
    return moment


def take_quiz(token: str, scope: str = "topic:smart", length: int | None = 5) -> AppTest:
    at = open_page("quiz", learner=token)
    start(at, scope, length=length)
    for _ in range(len(at.session_state[HUB].item_ids)):
        respond(at, right=True)
        next_item(at)
    assert at.session_state[HUB].finished
    return at


def due_line(at: AppTest) -> str:
    return next(c.value for c in at.sidebar.caption if "今日待复习" in c.value)


def charts(at: AppTest) -> list:
    return [*at.get("vega_lite_chart"), *at.get("arrow_vega_lite_chart")]


def test_a_week_after_a_quiz_the_review_is_counted_offered_and_cleared(monkeypatch):
    _at, token = sign_up()
    take_quiz(token)
    assert due_line(open_page("", learner=token)).endswith("今日待复习 0 题")
    move_time(monkeypatch, WEEK)
    home = open_page("", learner=token)
    assert not home.exception
    assert due_line(home).endswith("今日待复习 5 题")
    assert home.info[0].value.startswith("今天有 5 道题到了复习的时候")
    hub = open_page("quiz", learner=token)
    scope = hub.selectbox(key=f"{HUB}.scope")
    assert scope.options[0] == f"今日复习（{review.SESSION_ITEMS} 题）"  # the due, then new ones
    due = {card.item_id for card in review.due_now(review.cards(hub.session_state["_learner"]))}
    start(hub, REVIEW_SCOPE, length=5)
    assert set(hub.session_state[HUB].item_ids) == due  # the five due come first
    for _ in range(5):
        respond(hub, right=True)
        next_item(hub)
    after = open_page("quiz", learner=token)
    assert due_line(after).endswith("今日待复习 0 题")
    assert any(i.value.startswith("下一次复习：") for i in after.info)
    new = after.selectbox(key=f"{HUB}.scope").options[0]  # nothing due: new items of the part
    assert new == f"今日复习（{review.SESSION_ITEMS} 题）"


def test_hundreds_due_make_a_review_of_sensible_length(monkeypatch):
    _at, token = sign_up()
    take_quiz(token, "part:1", length=None)
    move_time(monkeypatch, WEEK * 4)
    hub = open_page("quiz", learner=token)
    assert hub.selectbox(key=f"{HUB}.scope").options[0] == f"今日复习（{review.SESSION_ITEMS} 题）"


def test_the_progress_page_draws_the_plan_and_a_calendar_reminder(monkeypatch, downloads):
    _at, token = sign_up()
    take_quiz(token)
    moment = move_time(monkeypatch, WEEK)
    at = open_page("progress", learner=token)
    assert not at.exception
    titles = [json.dumps(json.loads(c.proto.spec), ensure_ascii=False) for c in charts(at)]
    assert len(titles) == 6  # mastery by part and topic, scores, and the review plan's three
    assert any("未来 14 天每天到期的题数" in spec for spec in titles)
    assert any("今天大概率记得的比例" in spec for spec in titles)
    assert any("每天的复习次数（按评分）" in spec for spec in titles)
    calendar = icalendar.Calendar.from_ical(downloads["review.ics"])
    event = next(c for c in calendar.walk("VEVENT"))
    assert event.decoded("dtstart") == moment.date()  # items are due now: today
    assert [a["action"] for a in event.walk("VALARM")] == ["DISPLAY"]


def test_the_dashboard_shows_class_retention_and_its_csv(monkeypatch, downloads):
    _at, token = sign_up()
    take_quiz(token)
    move_time(monkeypatch, WEEK)
    at = open_page("instructor")
    at.text_input(key="instructor-passcode").set_value(PASSCODE)
    at.button(key="FormSubmitter:instructor-gate-进入").click().run()
    assert not at.exception
    assert "班级记忆保持" in [s.value for s in at.subheader]
    kept = at.dataframe[2].value
    assert len(kept) == 5 and set(kept["学员数"]) == {1}
    assert kept["平均记住概率（%）"].between(0, 100).all()
    rows = list(csv.DictReader(io.StringIO(downloads["class-retention.csv"].decode("utf-8-sig"))))
    assert len(rows) == 5 and {r["id"] for r in rows} == set(kept["id"])


def test_no_reviews_yet_say_so():
    _at, token = sign_up()
    at = open_page("progress", learner=token)
    assert not at.exception and not at.get("download_button")
    home = open_page("", learner=token)
    assert not home.exception and not home.info  # nothing due: no nudge


def test_reviews_out_of_reach_leave_every_page_working(monkeypatch):
    _at, token = sign_up()
    take_quiz(token)
    move_time(monkeypatch, WEEK)

    def down(*_args):
        raise StoreUnavailable("no database", "unreachable")

    for name in ("review_cards", "review_logs", "class_review_cards"):
        monkeypatch.setattr(Store, name, down)
    for page in ("", "quiz", "progress"):
        at = open_page(page, learner=token)
        assert not at.exception, page
        assert not [c for c in at.sidebar.caption if "今日待复习" in c.value]
    progress = open_page("progress", learner=token)
    assert any(w.value.startswith("暂时连不上数据库") for w in progress.warning)
    hub = open_page("quiz", learner=token)
    assert "今日复习" not in hub.selectbox(key=f"{HUB}.scope").options[0]


def test_the_review_speaks_english_on_english_pages(monkeypatch):
    from tests.app.page_text import page_texts
    from tests.app.test_languages import CJK, SHOWN_IN_CHINESE

    _at, token = sign_up(name="Wang Fang", code="PH")
    take_quiz(token)
    move_time(monkeypatch, WEEK)
    home = open_page("", learner=token, lang="en")
    assert any(c.value.endswith("5 questions to review today") for c in home.sidebar.caption)
    assert open_page("quiz", learner=token, lang="en").selectbox(key=f"{HUB}.scope").options[0] == (
        f"Review today ({review.SESSION_ITEMS} questions)"
    )
    for page in ("", "quiz", "progress"):
        at = open_page(page, learner=token, lang="en")
        assert not at.exception, page
        found = {run for text in page_texts(at) for run in CJK.findall(text)}
        assert found <= SHOWN_IN_CHINESE, (page, found - SHOWN_IN_CHINESE)
