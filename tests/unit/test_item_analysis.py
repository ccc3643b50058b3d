"""Facility and discrimination checked against a hand-worked example; no judgement on an item
answered too few times to mean anything."""

from __future__ import annotations

import math

import pytest

from courseware.assessment.item_analysis import MIN_ANSWERS, analyse

# Four attempts at the same three items (q1, q2, q3):
#   attempt 1: 1, 1, 1   attempt 2: 1, 1, 0   attempt 3: 0, 1, 0   attempt 4: 0, 0, 0.5
ROWS = [
    (1, "q1", 1), (1, "q2", 1), (1, "q3", 1),
    (2, "q1", 1), (2, "q2", 1), (2, "q3", 0),
    (3, "q1", 0), (3, "q2", 1), (3, "q3", 0),
    (4, "q1", 0), (4, "q2", 0), (4, "q3", 0.5),
]  # fmt: skip


def test_facility_is_the_mean_score():
    stats = {s.item_id: s for s in analyse(ROWS, min_answers=4)}
    assert stats["q1"].facility == 0.5  # (1+1+0+0)/4
    assert stats["q2"].facility == 0.75  # (1+1+1+0)/4
    assert stats["q3"].facility == pytest.approx(0.375)  # (1+0+0+0.5)/4
    assert [s.answers for s in stats.values()] == [4, 4, 4]


def test_discrimination_correlates_the_item_with_the_rest_of_the_attempt():
    q1 = {s.item_id: s for s in analyse(ROWS, min_answers=4)}["q1"]
    # q1 scores x = 1, 1, 0, 0; rest of the attempt y = 2, 1, 1, 0.5
    # mean x = 0.5, mean y = 1.125; Sxy = 0.4375+(-0.0625)+0.0625+0.3125 = 0.75
    # Sxx = 1; Syy = 0.765625+0.015625+0.015625+0.390625 = 1.1875; r = 0.75/sqrt(1.1875)
    assert q1.discrimination == pytest.approx(0.75 / math.sqrt(1.1875))  # 0.6882
    assert q1.flags == () and q1.judged


def test_flags_for_too_hard_too_easy_and_weak_items():
    rows = [(a, "easy", 1) for a in range(1, 11)] + [(a, "hard", 0) for a in range(1, 11)]
    rows += [(a, "odd", 1 if a % 2 else 0) for a in range(1, 11)]
    stats = {s.item_id: s for s in analyse(rows)}
    assert stats["easy"].flags == ("too_easy",) and stats["easy"].discrimination is None
    assert stats["hard"].flags == ("too_hard",)
    assert stats["odd"].facility == 0.5
    # every attempt scores 1 on easy, 0 on hard: the rest of the attempt does not vary with odd
    assert stats["odd"].discrimination is None


def test_a_negative_discrimination_is_flagged():
    rows = [(1, "x", 1), (1, "y", 0), (2, "x", 0), (2, "y", 1), (3, "x", 1), (3, "y", 0)]
    x = {s.item_id: s for s in analyse(rows, min_answers=3)}["x"]
    assert x.discrimination == pytest.approx(-1.0)
    assert "low_discrimination" in x.flags


def test_a_single_answer_is_not_judged():
    [only] = analyse([(1, "q", 1)])
    assert only.facility == 1.0  # what happened, shown as it is
    assert only.discrimination is None and only.flags == () and not only.judged  # not 太容易


def test_two_learners_who_disagree_are_not_a_discrimination_of_minus_one():
    rows = [(1, "x", 1), (1, "y", 0), (2, "x", 0), (2, "y", 1)]
    x = {s.item_id: s for s in analyse(rows)}["x"]
    assert (x.answers, x.facility) == (2, 0.5)
    assert x.discrimination is None and x.flags == () and not x.judged


def test_items_are_judged_from_the_minimum_number_of_answers():
    assert MIN_ANSWERS == 10

    def hard(answers: int):
        rows = [(a, "hard", 0) for a in range(answers)] + [
            (a, "other", a % 2) for a in range(answers)
        ]
        return {s.item_id: s for s in analyse(rows)}["hard"]

    assert hard(MIN_ANSWERS - 1).flags == () and not hard(MIN_ANSWERS - 1).judged
    assert hard(MIN_ANSWERS).flags == ("too_hard",) and hard(MIN_ANSWERS).judged
