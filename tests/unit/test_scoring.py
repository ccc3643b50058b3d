"""Scoring quiz responses: every type, partial credit at its edges, and every problem code."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter

from courseware.assessment.scoring import (
    PROBLEMS,
    Checked,
    check,
    correct_answer,
    parse_number,
    score,
    shuffled,
)
from courseware.content.quiz import Item

COMMON = {"part": 2, "section": "smart", "difficulty": 1, "prompt": "题目", "explanation": "解析"}


def make(**fields):
    """An item of any type, with the fields every item needs filled in."""
    return TypeAdapter(Item).validate_python({"id": f"{fields['type']}-1", **COMMON, **fields})


SINGLE = make(
    type="single",
    options={"a": "今年把服务做得更好", "b": "本季度内拜访华南区 20 家重点客户", "c": "尽量提高"},
    answer="b",
)
MULTIPLE = make(
    type="multiple", options={"a": "甲", "b": "乙", "c": "丙", "d": "丁"}, answer=["a", "c"]
)
TRUEFALSE = make(type="truefalse", answer=True)
ORDERING = make(type="ordering", steps=["目标设定", "行动展开", "绩效考核", "绩效改善"])
MATCHING = make(
    type="matching",
    categories=["封闭式", "开放式"],
    pairs={"能到吗?": "封闭式", "有何看法?": "开放式", "是否满意?": "封闭式", "怎么想?": "开放式"},
)
NUMERIC = make(type="numeric", answer=60, tolerance=0.5, unit="元")
ALL_ITEMS = [SINGLE, MULTIPLE, TRUEFALSE, ORDERING, MATCHING, NUMERIC]


# single and true/false


def test_single_right_and_wrong():
    assert check(SINGLE, "b") == Checked(score=1.0, correct=True, problem=None)
    assert check(SINGLE, "a") == Checked(score=0.0, correct=False, problem=None)


def test_truefalse_right_and_wrong():
    assert score(TRUEFALSE, True) == 1.0
    assert score(TRUEFALSE, False) == 0.0


@pytest.mark.parametrize("response", ["z", "B", 1, ["b"], {"b": "b"}])
def test_single_unknown_option(response):
    assert check(SINGLE, response).problem == "unknown_option"


@pytest.mark.parametrize("response", ["true", 1, 0, "对"])
def test_truefalse_takes_only_a_bool(response):
    assert check(TRUEFALSE, response) == Checked(0.0, False, "unknown_option")


# multiple: (right chosen - wrong chosen) / k, never below 0


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        (["a", "c"], 1.0),
        (("c", "a"), 1.0),
        ({"a", "c"}, 1.0),
        (["a"], 0.5),
        (["a", "c", "b"], 0.5),  # one wrong extra costs 1/k
        (["a", "b"], 0.0),
        (["b", "d"], 0.0),  # floor at 0, not -1
        (["a", "b", "c", "d"], 0.0),  # choosing everything earns nothing
        (["a", "a"], 0.5),  # a key chosen twice counts once
        ("a", 0.5),  # a bare key is a one-key selection
    ],
)
def test_multiple_partial_credit(response, expected):
    assert score(MULTIPLE, response) == pytest.approx(expected)
    assert check(MULTIPLE, response).correct is (expected == 1.0)


def test_multiple_with_three_right_options_scores_in_thirds():
    item = make(
        type="multiple", options={"a": "1", "b": "2", "c": "3", "d": "4"}, answer=["a", "b", "c"]
    )
    assert score(item, ["a", "b"]) == pytest.approx(2 / 3)
    assert score(item, ["a", "b", "d"]) == pytest.approx(1 / 3)
    assert score(item, ["a", "b", "c", "d"]) == pytest.approx(2 / 3)


@pytest.mark.parametrize("response", [["a", "x"], [1], [None], 3, {"a": True}])
def test_multiple_unknown_option(response):
    assert check(MULTIPLE, response) == Checked(0.0, False, "unknown_option")


# ordering: the share of pairs in the right relative order


def test_ordering_right_order_scores_1():
    assert check(ORDERING, list(ORDERING.steps)) == Checked(1.0, True, None)


def test_ordering_reversed_scores_0():
    assert score(ORDERING, list(reversed(ORDERING.steps))) == 0.0


def test_ordering_one_adjacent_swap_in_four_scores_5_of_6():
    a, b, c, d = ORDERING.steps
    assert score(ORDERING, [a, c, b, d]) == pytest.approx(5 / 6)
    assert score(ORDERING, (b, a, c, d)) == pytest.approx(5 / 6)


def test_ordering_first_moved_last_keeps_the_other_pairs():
    a, b, c, d = ORDERING.steps
    assert score(ORDERING, [b, c, d, a]) == pytest.approx(3 / 6)


@pytest.mark.parametrize(
    "response",
    [
        ["目标设定", "行动展开", "绩效考核"],  # a step missing
        ["目标设定", "行动展开", "绩效考核", "绩效考核"],  # a step twice
        ["目标设定", "行动展开", "绩效考核", "别的"],  # an unknown step
        ["目标设定", "行动展开", "绩效考核", "绩效改善", "绩效改善"],
        {"目标设定", "行动展开", "绩效考核", "绩效改善"},  # a set has no order
        "目标设定",
        [1, 2, 3, 4],
    ],
)
def test_ordering_wrong_steps(response):
    assert check(ORDERING, response) == Checked(0.0, False, "wrong_steps")


# matching: the share of entries in the right category


def test_matching_all_right():
    assert check(MATCHING, dict(MATCHING.pairs)) == Checked(1.0, True, None)


def test_matching_half_right_scores_half():
    response = {
        "能到吗?": "封闭式",
        "有何看法?": "开放式",
        "是否满意?": "开放式",
        "怎么想?": "封闭式",
    }
    assert score(MATCHING, response) == 0.5


def test_matching_unanswered_entries_count_wrong():
    assert score(MATCHING, {"能到吗?": "封闭式", "有何看法?": None}) == 0.25


def test_matching_unknown_entry_and_category():
    assert check(MATCHING, {"别的?": "封闭式"}).problem == "unknown_entry"
    assert check(MATCHING, {"能到吗?": "假设式"}).problem == "unknown_category"
    assert check(MATCHING, [("能到吗?", "封闭式")]).problem == "unknown_entry"


# numeric: right within ± tolerance, inclusive


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        (60, 1.0),
        (60.5, 1.0),  # the edge is inclusive
        (59.5, 1.0),
        (60.50001, 0.0),
        (59.49, 0.0),
        ("60", 1.0),
        ("６０", 1.0),  # full-width digits
        (" 60.0 ", 1.0),
        ("60 元", 1.0),  # with the item's unit
        ("+60", 1.0),
        (Fraction(121, 2), 1.0),
        ("1,000,000", 0.0),
    ],
)
def test_numeric_tolerance(response, expected):
    assert check(NUMERIC, response) == Checked(expected, expected == 1.0, None)


def test_numeric_edge_survives_float_noise():
    item = make(type="numeric", answer=0.3, tolerance=0.1)
    assert 0.4 - 0.3 > 0.1  # the float noise this guards against
    assert score(item, 0.4) == 1.0
    assert score(item, 0.2) == 1.0
    assert score(item, 0.41) == 0.0


def test_numeric_without_tolerance_needs_the_exact_value():
    item = make(type="numeric", answer=1_000_000)
    assert score(item, "1,000,000") == 1.0
    assert score(item, "１，０００，０００") == 1.0
    assert score(item, 1_000_001) == 0.0


@pytest.mark.parametrize(
    "response",
    [
        "abc",
        "6O",
        "1,5",
        "1,00",
        "nan",
        "inf",
        "-Infinity",
        "1_000",
        math.nan,
        math.inf,
        True,
        [60],
        10**400,
    ],
)
def test_numeric_not_a_number(response):
    assert check(NUMERIC, response) == Checked(0.0, False, "not_a_number")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("−5", -5.0),
        ("-5", -5.0),
        (".5", 0.5),
        ("1e3", 1000.0),
        ("1,234.5", 1234.5),
        ("１２.５", 12.5),
    ],
)
def test_parse_number_reads_what_people_type(text, value):
    assert parse_number(text) == value


# empty responses and the problem codes


@pytest.mark.parametrize("item", ALL_ITEMS, ids=lambda item: item.type)
@pytest.mark.parametrize("response", [None, "", "   ", [], (), set(), {}])
def test_empty_response_is_a_problem_for_every_type(item, response):
    assert check(item, response) == Checked(0.0, False, "empty")


def test_matching_with_nothing_chosen_is_empty():
    assert check(MATCHING, {"能到吗?": None}).problem == "empty"


def test_every_problem_code_is_listed():
    assert set(PROBLEMS) == {
        "empty",
        "unknown_option",
        "wrong_steps",
        "unknown_entry",
        "unknown_category",
        "not_a_number",
    }


class Hostile:
    """A response whose every operation raises."""

    def __iter__(self):
        raise RuntimeError("no")

    def __eq__(self, other):
        raise RuntimeError("no")

    def __hash__(self):
        raise RuntimeError("no")


@pytest.mark.parametrize("item", ALL_ITEMS, ids=lambda item: item.type)
def test_hostile_response_is_a_problem_not_an_exception(item):
    assert check(item, Hostile()).problem in PROBLEMS
    assert check(item, [Hostile()]).problem in PROBLEMS


@given(
    response=st.one_of(
        st.none(),
        st.text(),
        st.integers(),
        st.floats(),
        st.lists(st.text()),
        st.dictionaries(st.text(), st.text()),
        st.booleans(),
    )
)
def test_check_never_raises(response):
    for item in ALL_ITEMS:
        result = check(item, response)
        assert 0.0 <= result.score <= 1.0
        assert result.correct == (result.score == 1.0)
        assert result.problem is None or (result.problem in PROBLEMS and result.score == 0.0)


# the right answer, for people


def test_correct_answer_of_every_type():
    assert correct_answer(SINGLE) == "b. 本季度内拜访华南区 20 家重点客户"
    assert correct_answer(MULTIPLE) == "a. 甲；c. 丙"
    assert correct_answer(TRUEFALSE) == "true"
    assert correct_answer(ORDERING) == "目标设定 → 行动展开 → 绩效考核 → 绩效改善"
    assert correct_answer(MATCHING) == (
        "能到吗? → 封闭式；有何看法? → 开放式；是否满意? → 封闭式；怎么想? → 开放式"
    )
    assert correct_answer(NUMERIC) == "60 元 (±0.5)"
    assert correct_answer(make(type="numeric", answer=2.5)) == "2.5"


# presentation order


@pytest.mark.parametrize(
    ("item", "shown"),
    [(SINGLE, "abc"), (MULTIPLE, "abcd"), (ORDERING, ORDERING.steps), (MATCHING, MATCHING.pairs)],
    ids=lambda value: getattr(value, "type", ""),
)
def test_shuffled_is_deterministic_and_a_permutation(item, shown):
    first = shuffled(item, 7)
    assert first == shuffled(item, 7)
    assert sorted(first) == sorted(shown)


def test_shuffled_depends_on_the_seed():
    assert len({shuffled(MATCHING, seed) for seed in range(20)}) > 1


def test_shuffled_steps_are_never_in_the_right_order():
    three = make(type="ordering", steps=["一", "二", "三"])
    for item in (ORDERING, three):
        for seed in range(300):
            assert shuffled(item, seed) != item.steps


def test_nothing_to_shuffle_for_truefalse_and_numeric():
    assert shuffled(TRUEFALSE, 1) == ()
    assert shuffled(NUMERIC, 1) == ()
