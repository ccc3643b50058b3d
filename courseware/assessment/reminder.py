"""A calendar file (.ics) that reminds a learner of their next review day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from courseware.i18n import t

PRODID = "-//Penghui courseware//review reminder//EN"
ALARM_AT = timedelta(hours=9)  # the reminder goes off at 9:00 on the day (the reader's time)


def review_reminder(
    next_due: datetime, lang: str, *, url: str | None = None, stamp: datetime | None = None
) -> bytes:
    """An all-day event on ``next_due``'s day (UTC) with a reminder at 9:00 that morning;
    ``url``, when given, is where the review is; ``stamp`` is when the file was made."""
    day = _utc(next_due).date()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"review-{day:%Y%m%d}@courseware")  # a newer file replaces the same day
    event.add("dtstamp", _utc(stamp or datetime.now(UTC)))
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", t("review.ics_summary", lang))
    event.add("description", t("review.ics_description", lang))
    event.add("transp", "TRANSPARENT")  # a reminder, not a busy day
    if url:
        event.add("url", url)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", t("review.ics_alarm", lang))
    alarm.add("trigger", ALARM_AT)
    event.add_component(alarm)
    calendar.add_component(event)
    return calendar.to_ical()


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
