"""The review reminder: a calendar file with an all-day event and an alarm, in each language."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest

from courseware.assessment.reminder import review_reminder
from courseware.i18n import languages, t

DUE = datetime(2026, 3, 2, 20, 30, tzinfo=UTC)


def event(data: bytes) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar["version"] == "2.0" and calendar["prodid"]
    (found,) = calendar.walk("VEVENT")
    return found


@pytest.mark.parametrize("lang", languages())
def test_an_all_day_event_on_the_review_day_with_a_morning_alarm(lang):
    found = event(review_reminder(DUE, lang, url="https://course.example/quiz"))
    assert found.decoded("dtstart") == date(2026, 3, 2)
    assert found.decoded("dtend") == date(2026, 3, 3)
    assert str(found["summary"]) == t("review.ics_summary", lang)
    assert str(found["url"]) == "https://course.example/quiz"
    (alarm,) = found.walk("VALARM")
    assert alarm["action"] == "DISPLAY"
    assert str(alarm["description"]) == t("review.ics_alarm", lang)
    assert alarm.decoded("trigger") == timedelta(hours=9)


def test_the_same_day_keeps_the_same_event_and_a_stamp_makes_it_repeatable():
    stamp = datetime(2026, 3, 1, 8, tzinfo=UTC)
    first = review_reminder(DUE, "zh", stamp=stamp)
    assert first == review_reminder(DUE, "zh", stamp=stamp)
    later = review_reminder(DUE + timedelta(hours=1), "zh", stamp=stamp)
    assert event(first)["uid"] == event(later)["uid"]
    assert event(first)["uid"] != event(review_reminder(DUE + timedelta(days=1), "zh"))["uid"]
    assert "url" not in event(first)


def test_a_naive_time_is_taken_as_utc():
    found = event(review_reminder(datetime(2026, 3, 2, 23, 59), "en"))
    assert found.decoded("dtstart") == date(2026, 3, 2)
