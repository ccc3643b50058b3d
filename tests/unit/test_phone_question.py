"""A bank item as a phone shows it, and a phone's JSON answer read back for scoring."""

from __future__ import annotations

import pytest

from courseware.assessment.scoring import check
from courseware.content.banks import items_by_id
from courseware.live.phone_question import answer_in_letters, phone_question, read_answer

ITEMS = items_by_id("zh")


def item_of(kind: str):
    return next(i for i in ITEMS.values() if i.type == kind)


def test_options_are_lettered_in_the_banks_order():
    item = ITEMS["smart-specific-1"]
    shown = phone_question(item, question_id=7, number=3)
    assert (shown["id"], shown["number"], shown["prompt"]) == (7, 3, item.prompt)
    assert [(o["letter"], o["key"]) for o in shown["options"]] == [
        ("A", "a"), ("B", "b"), ("C", "c"), ("D", "d"),
    ]  # fmt: skip
    assert answer_in_letters(item) == "B. 本季度内拜访华南区 20 家重点客户"


def test_true_false_reads_as_two_lettered_options():
    item = ITEMS["pdca-do-1"]
    assert [o["text"] for o in phone_question(item, 1, 1)["options"]] == ["正确", "错误"]
    assert read_answer(item, "true") is True and read_answer(item, "false") is False
    assert check(item, read_answer(item, "true")).score == 1.0
    assert answer_in_letters(item) == "A. 正确"


def test_steps_and_entries_come_in_one_order_per_question():
    ordering, matching = item_of("ordering"), item_of("matching")
    steps = phone_question(ordering, 11, 1)["steps"]
    assert sorted(steps) == sorted(ordering.steps)
    assert steps == phone_question(ordering, 11, 1)["steps"]  # every phone alike
    shown = phone_question(matching, 12, 1)
    assert sorted(shown["entries"]) == sorted(matching.pairs)
    assert shown["categories"] == list(matching.categories)
    assert check(ordering, read_answer(ordering, list(ordering.steps))).score == 1.0
    assert check(matching, read_answer(matching, dict(matching.pairs))).score == 1.0


@pytest.mark.parametrize(
    "kind", ["single", "multiple", "truefalse", "ordering", "matching", "numeric"]
)
@pytest.mark.parametrize("sent", [None, 3, "x" * 10_000, {"a": 1}, [1, 2], True])
def test_odd_answers_are_refused_by_scoring_never_raised(kind, sent):
    item = item_of(kind)
    checked = check(item, read_answer(item, sent))
    assert checked.score == 0.0 or checked.problem is None


def test_a_number_is_read_as_typed():
    item = item_of("numeric")
    assert read_answer(item, "1,000") == "1,000" and read_answer(item, 12.5) == 12.5
    assert len(read_answer(item, "9" * 5_000)) == 200
