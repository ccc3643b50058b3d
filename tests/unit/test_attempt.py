"""A quiz attempt as data: drawing items, answering once, retrying the missed, coming back."""

from __future__ import annotations

from courseware.assessment.attempt import Attempt, resumed


def answered(attempt: Attempt, *scores: float) -> Attempt:
    for score in scores:
        attempt = attempt.answer(attempt.current, {"score": score}, score).next()
    return attempt


def test_a_retry_reports_the_score_of_the_whole_attempt():
    first = answered(Attempt("all", 1, ("a", "b", "c", "d", "e")), 1, 1, 0.25, 1, 0)
    assert (first.score, first.passed, first.missed) == (3.25, False, ("c", "e"))
    retry = first.retry(seed=2)
    assert retry.item_ids == ("c", "e") and retry.all_ids == first.all_ids
    done = answered(retry, 1, 1)
    assert (done.round_score, done.score, done.ratio, done.passed) == (2, 5, 1.0, True)
    assert done.missed == ()


def test_a_retry_passes_only_when_the_combined_score_passes():
    first = answered(Attempt("all", 1, ("a", "b", "c", "d", "e")), 0, 0, 0, 1, 1)
    done = answered(first.retry(seed=2), 1, 0, 0)
    assert (done.round_score, done.score, done.passed) == (1, 3, False)
    assert done.missed == ("b", "c")
    again = answered(done.retry(seed=3), 1, 1)
    assert (again.score, again.passed) == (5, True)


def test_a_retried_answer_replaces_the_earlier_one_even_when_lower():
    first = answered(Attempt("all", 1, ("a", "b")), 0.5, 1)
    done = answered(first.retry(seed=2), 0)
    assert done.combined["a"].score == 0 and done.combined["a"].seed == 2
    assert done.combined["b"].seed == 1  # kept from the first round, with its order


def test_an_answer_counts_once_and_only_for_the_item_shown():
    attempt = Attempt("all", 1, ("a", "b"))
    assert attempt.answer("b", "x", 1) is attempt
    once = attempt.answer("a", "x", 1)
    assert once.answer("a", "y", 0) is once
    assert attempt.next() is attempt  # not answered yet: stays


def test_a_saved_round_comes_back_at_its_first_unanswered_item():
    back = resumed("all", 5, ["a", "b", "c"], {"a": ("x", 1.0), "b": ("y", 0.0)}, stored_id=9)
    assert (back.index, back.current, back.stored_id, back.score) == (2, "c", 9, 1.0)
    assert back.answers["b"].response == "y" and back.answers["b"].seed == 5
    done = resumed("all", 5, ["a"], {"a": ("x", 1.0), "zz": ("?", 1.0)})
    assert done.finished and "zz" not in done.answers  # an answer to no item of it is ignored


def test_a_review_is_asked_in_its_queue_order():
    from courseware.assessment.attempt import new_attempt
    from courseware.content.banks import items_by_id

    queue = list(items_by_id("zh").values())[:8]
    review = new_attempt("review:today", queue, 5, seed=3, in_order=True)
    assert review.item_ids == tuple(item.id for item in queue[:5])  # the most overdue first
    assert new_attempt("all", queue, 8, seed=3).item_ids != tuple(i.id for i in queue)
