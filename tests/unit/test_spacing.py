"""Spaced review: the rating of an answer, the due queue, the forecast and what is kept."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from courseware.assessment.spacing import (
    QUICK_SECONDS,
    CardView,
    Rating,
    card_view,
    class_retention,
    due_queue,
    forecast,
    in_review,
    next_due,
    rating_for,
    recall_by_part,
    reviewed,
)
from courseware.content.quiz import SingleChoice

NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def item(item_id: str, part: int) -> SingleChoice:
    return SingleChoice(
        id=item_id, part=part, section="1.1", difficulty=1, prompt="？", explanation="。",
        type="single", options={"A": "是", "B": "否"}, answer="A",
    )  # fmt: skip


ITEMS = {i.id: i for i in [item("a", 1), item("b", 1), item("c", 2), item("d", 2), item("e", 3)]}


def view(item_id: str, due: datetime, recall: float = 0.9, state: str = "review") -> CardView:
    return CardView(item_id, due, state, recall)


@pytest.mark.parametrize(
    ("score", "seconds", "in_review", "rating"),
    [
        (0.0, 1.0, True, Rating.Again),
        (0.0, None, False, Rating.Again),
        (0.01, 1.0, True, Rating.Hard),
        (0.99, 1.0, True, Rating.Hard),
        (1.0, 1.0, False, Rating.Good),  # quick, but the card is not in review yet
        (1.0, None, True, Rating.Good),  # no time known
        (1.0, QUICK_SECONDS, True, Rating.Easy),  # at the edge: still quick
        (1.0, QUICK_SECONDS + 0.01, True, Rating.Good),
        (1.0, 0.0, True, Rating.Easy),
    ],
)
def test_an_answer_is_rated_by_its_score_and_speed(score, seconds, in_review, rating):
    assert rating_for(score, seconds, in_review) == rating


def test_a_first_review_makes_a_card_and_good_answers_push_it_out():
    card, due = reviewed(None, Rating.Good, NOW)
    assert due > NOW and not in_review(card)
    now = NOW
    for _ in range(4):  # weeks of good answers, each when due
        now = due
        card, due = reviewed(card, Rating.Good, now)
    assert in_review(card) and due - now > timedelta(days=7)
    shown = card_view("a", card, now)
    assert (shown.item_id, shown.state, shown.due) == ("a", "review", due)
    assert shown.retrievability == pytest.approx(1.0)
    later = card_view("a", card, now + timedelta(days=365))
    assert 0 < later.retrievability < 0.9 < shown.retrievability


def test_a_wrong_answer_brings_a_card_back_soon():
    card, due = reviewed(None, Rating.Good, NOW)
    for _ in range(5):
        card, due = reviewed(card, Rating.Good, due)
    card, again = reviewed(card, Rating.Again, due)
    assert card_view("a", card, due).state == "relearning"
    assert again - due < timedelta(hours=1)


def test_due_cards_come_first_most_overdue_first_then_new_items_of_parts_read():
    cards = [
        view("b", NOW - timedelta(hours=1)),
        view("c", NOW - timedelta(days=3)),
        view("d", NOW + timedelta(days=1)),  # not due yet
    ]
    assert due_queue(cards, ITEMS, {1}, NOW, None) == ["c", "b", "a"]
    assert due_queue(cards, ITEMS, {1, 3}, NOW, None) == ["c", "b", "a", "e"]
    assert due_queue(cards, ITEMS, set(), NOW, None) == ["c", "b"]
    assert due_queue(cards, ITEMS, {1, 3}, NOW, 3) == ["c", "b", "a"]
    assert due_queue(cards, ITEMS, {1, 3}, NOW, 1) == ["c"]
    assert due_queue(cards, ITEMS, {1, 3}, NOW, 0) == []


def test_a_card_due_exactly_now_is_due():
    assert due_queue([view("a", NOW)], ITEMS, set(), NOW, None) == ["a"]


def test_an_item_removed_from_the_banks_is_never_scheduled():
    cards = [view("gone", NOW - timedelta(days=9)), view("a", NOW + timedelta(days=2))]
    assert due_queue(cards, ITEMS, {1, 2, 3}, NOW, None) == ["b", "c", "d", "e"]
    assert next_due(cards, ITEMS, NOW) == NOW + timedelta(days=2)
    assert next_due([view("gone", NOW + timedelta(hours=1))], ITEMS, NOW) is None
    assert sum(count for _, count in forecast(cards, ITEMS, NOW)) == 1
    assert recall_by_part(cards, ITEMS, NOW) == [(1, 0.9, 1)]


def test_the_next_due_time_is_the_earliest_after_now():
    cards = [
        view("a", NOW - timedelta(days=1)),
        view("b", NOW + timedelta(hours=5)),
        view("c", NOW + timedelta(hours=2)),
    ]
    assert next_due(cards, ITEMS, NOW) == NOW + timedelta(hours=2)
    assert next_due([], ITEMS, NOW) is None


def test_the_forecast_counts_each_of_the_next_fourteen_days_today_with_the_overdue():
    cards = [
        view("a", NOW - timedelta(days=5)),  # overdue: today
        view("b", NOW + timedelta(hours=3)),  # later today
        view("c", NOW + timedelta(days=1)),
        view("d", NOW + timedelta(days=13)),  # the last day shown
        view("e", NOW + timedelta(days=14)),  # beyond it
    ]
    days = forecast(cards, ITEMS, NOW)
    assert len(days) == 14
    assert days[0] == (date(2025, 3, 3), 2)
    assert days[1] == (date(2025, 3, 4), 1)
    assert days[13] == (date(2025, 3, 16), 1)
    assert sum(count for _, count in days) == 4
    assert [day for day, _ in forecast(cards, ITEMS, NOW, days=3)] == [
        date(2025, 3, 3), date(2025, 3, 4), date(2025, 3, 5)
    ]  # fmt: skip


def test_recall_by_part_is_the_mean_of_each_parts_cards():
    cards = [view("a", NOW, 0.8), view("b", NOW, 0.6), view("e", NOW, 0.5)]
    rows = recall_by_part(cards, ITEMS, NOW)
    assert [(part, round(recall, 3), n) for part, recall, n in rows] == [(1, 0.7, 2), (3, 0.5, 1)]


def test_class_retention_puts_the_fastest_forgotten_items_first():
    by_learner = {
        1: [view("a", NOW, 0.9), view("c", NOW, 0.4), view("e", NOW, 0.7)],
        2: [view("a", NOW, 0.7), view("c", NOW, 0.2), view("gone", NOW, 0.0)],
        3: [view("e", NOW, 0.7)],
    }
    kept = class_retention(by_learner, ITEMS, NOW)
    assert [(i, round(r, 3), n) for i, r, n in kept.by_item] == [
        ("c", 0.3, 2), ("e", 0.7, 2), ("a", 0.8, 2)
    ]  # fmt: skip
    assert [(p, round(r, 3), n) for p, r, n in kept.by_part] == [
        (1, 0.8, 2), (2, 0.3, 2), (3, 0.7, 2)
    ]  # fmt: skip


def test_times_in_other_zones_are_read_as_utc():
    card, due = reviewed(None, Rating.Good, NOW.astimezone())
    assert due.tzinfo == UTC
    assert card_view("a", card, NOW.replace(tzinfo=None)).due == due
