"""Feedback and review of one item: letters as shown, lines judged one by one."""

from __future__ import annotations

from courseware.assessment.review import lettered, reviewed, right_answer
from courseware.assessment.scoring import shuffled
from courseware.content.banks import items_by_id

ITEMS = items_by_id("zh")


def first_of(kind: str):
    return next(item for item in ITEMS.values() if item.type == kind)


def test_options_are_lettered_in_the_order_shown_and_the_right_answer_uses_those_letters():
    item = first_of("single")
    for seed in range(1, 30):
        letters = lettered(item, seed)
        shown = shuffled(item, seed)
        assert [letters[k] for k in shown] == list("ABCDEFG"[: len(shown)])
        assert right_answer(item, seed) == (f"{letters[item.answer]}. {item.options[item.answer]}",)


def test_a_wrong_single_choice_is_marked_wrong_with_its_letter():
    item = first_of("single")
    wrong = next(k for k in item.options if k != item.answer)
    seen = reviewed(item, wrong, 0.0, seed=3)
    assert seen.verdict == "wrong"
    assert [(r.text, r.right) for r in seen.yours] == [
        (f"{lettered(item, 3)[wrong]}. {item.options[wrong]}", False)
    ]


def test_multiple_choice_marks_each_option_chosen():
    item = first_of("multiple")
    wrong = next(k for k in item.options if k not in item.answer)
    chosen = [item.answer[0], wrong]
    seen = reviewed(item, chosen, 0.0, seed=4)
    marks = {row.text[0]: row.right for row in seen.yours}
    letters = lettered(item, 4)
    assert marks == {letters[item.answer[0]]: True, letters[wrong]: False}
    assert len(seen.right) == len(item.answer)


def test_ordering_is_judged_place_by_place_in_the_order_answered():
    item = first_of("ordering")
    steps = list(item.steps)
    swapped = [steps[1], steps[0], *steps[2:]]
    seen = reviewed(item, swapped, 0.5, seed=1)
    assert seen.verdict == "partly"
    assert [r.right for r in seen.yours] == [False, False, *[True] * (len(steps) - 2)]
    assert seen.yours[0].text == f"第 1 步：{steps[1]}" and seen.yours[0].should_be == steps[0]
    assert seen.right[0] == f"第 1 步：{steps[0]}"


def test_matching_is_judged_entry_by_entry_in_the_order_shown():
    item = first_of("matching")
    shown = shuffled(item, 6)
    first = shown[0]
    other = next(c for c in item.categories if c != item.pairs[first])
    response = {entry: item.pairs[entry] for entry in shown} | {first: other}
    seen = reviewed(item, response, 0.5, seed=6)
    assert [r.text.split(" → ")[0] for r in seen.yours] == list(shown)
    assert seen.yours[0].right is False and seen.yours[0].should_be == item.pairs[first]
    assert all(r.right for r in seen.yours[1:])
    assert [line.split(" → ")[0] for line in seen.right] == list(shown)


def test_an_item_not_answered_says_so():
    seen = reviewed(first_of("numeric"), None, None, seed=1)
    assert (seen.verdict, seen.yours, seen.score) == ("unanswered", (), 0.0)


def test_an_answer_given_before_a_language_switch_is_judged_in_the_new_words():
    from courseware.assessment.review import carried_over

    english = items_by_id("en")
    ordering = first_of("ordering")
    in_english = english[ordering.id]
    given = list(ordering.steps)  # the right order, in Chinese
    carried = carried_over(in_english, given, [ordering])
    assert carried == list(in_english.steps)
    assert all(row.right for row in reviewed(in_english, carried, 1.0, seed=1).yours)
    matching = first_of("matching")
    shown = {entry: category for entry, category in matching.pairs.items()}
    carried = carried_over(english[matching.id], shown, [matching])
    assert carried == dict(english[matching.id].pairs)
    assert carried_over(in_english, list(in_english.steps), [ordering]) == list(in_english.steps)
    assert carried_over(first_of("single"), "a", [ordering]) == "a"  # keys are shared already
