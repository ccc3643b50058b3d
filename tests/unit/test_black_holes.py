"""Self-diagnosis of the three black holes: the data matches the course, scores by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.black_holes import Diagnosis, diagnose, load_holes, load_survey
from courseware.content.catalog import load_course

IDS = ("undecided", "unexecuted", "fruitless")


def lesson_section(part: int, section_id: str):
    lesson = next(e.lesson for e in load_course("zh") if e.part == part)
    return lesson.section(section_id)


def test_three_holes_in_course_order_with_the_course_names():
    holes = load_holes()
    assert [(h.id, h.name, h.label) for h in holes] == [
        ("undecided", "议而不决", "口号管理"),
        ("unexecuted", "决而不行", "光说不练"),
        ("fruitless", "行而不果", "形式主义"),
    ]
    assert load_holes("zh") is holes


def test_each_hole_has_three_numbered_statements():
    for hole in load_holes():
        assert [s.id for s in hole.statements] == [f"{hole.id}.{n}" for n in (1, 2, 3)]
        assert all(s.text.endswith("。") for s in hole.statements)
    texts = [s.text for h in load_holes() for s in h.statements]
    assert len(set(texts)) == 9


def test_the_lesson_link_names_the_section_that_teaches_the_holes():
    survey = load_survey()
    assert (survey.lesson.part, survey.lesson.section) == (3, "why-execution")
    section = lesson_section(survey.lesson.part, survey.lesson.section)
    assert section is not None
    for hole in survey.holes:
        assert f"| {hole.name} | {hole.label} |" in section.text


def test_scale_runs_from_never_to_always():
    scale = load_survey().scale
    assert len(scale) == 5
    assert (scale[0], scale[-1]) == ("从不", "总是")


def test_nothing_answered():
    result = diagnose({})
    assert result == Diagnosis(scores=dict.fromkeys(IDS), worst=None, answered=0, invalid=0)


def test_scores_by_hand():
    answers = {
        "undecided.1": 5,  # 100
        "undecided.2": 4,  # 75
        "undecided.3": 3,  # 50  -> mean 75
        "unexecuted.1": 2,  # 25 -> 25
        "fruitless.1": 5,  # 100
        "fruitless.2": 1,  # 0  -> 50
    }
    result = diagnose(answers)
    assert result.scores == {"undecided": 75.0, "unexecuted": 25.0, "fruitless": 50.0}
    assert result.worst == "undecided"
    assert (result.answered, result.invalid) == (6, 0)


def test_worst_needs_at_least_fifty():
    assert diagnose({"undecided.1": 3}).worst == "undecided"  # exactly 50
    low = diagnose({"undecided.1": 2, "unexecuted.1": 2, "fruitless.2": 1})
    assert low.scores == {"undecided": 25.0, "unexecuted": 25.0, "fruitless": 0.0}
    assert low.worst is None


def test_a_tie_goes_to_the_hole_that_comes_first():
    result = diagnose({"unexecuted.3": 4, "fruitless.1": 4, "undecided.1": 1})
    assert result.worst == "unexecuted"


def test_invalid_answers_are_ignored_and_counted():
    answers = {
        "undecided.1": 4,
        "undecided.2": 0,
        "undecided.3": 6,
        "unexecuted.1": 2.5,
        "unexecuted.2": "5",
        "unexecuted.3": True,
        "fruitless.1": 3.0,  # a whole float counts as 3
        "fruitless.2": None,  # not answered
        "fruitless.9": 3,
        "nonsense": 3,
    }
    result = diagnose(answers)
    assert result.scores == {"undecided": 75.0, "unexecuted": None, "fruitless": 50.0}
    assert result.worst == "undecided"
    assert (result.answered, result.invalid) == (2, 7)


def test_not_a_mapping_gives_an_empty_diagnosis():
    assert diagnose(None).answered == 0  # type: ignore[arg-type]


@pytest.mark.parametrize("rating", [1, 2, 3, 4, 5])
def test_all_the_same_rating(rating):
    answers = {s.id: rating for h in load_holes() for s in h.statements}
    result = diagnose(answers)
    assert set(result.scores.values()) == {(rating - 1) * 25.0}
    assert result.answered == 9
    assert result.worst == ("undecided" if rating >= 3 else None)


STATEMENT_IDS = [s.id for h in load_holes() for s in h.statements]
VALUES = st.one_of(
    st.none(), st.integers(), st.floats(allow_nan=True), st.text(max_size=3), st.booleans()
)


@given(st.dictionaries(st.one_of(st.sampled_from(STATEMENT_IDS), st.text(max_size=12)), VALUES))
def test_diagnose_never_raises_and_stays_in_range(answers):
    result = diagnose(answers)
    assert set(result.scores) == set(IDS)
    assert all(s is None or 0 <= s <= 100 for s in result.scores.values())
    given_answers = sum(1 for v in answers.values() if v is not None)
    assert result.answered + result.invalid == given_answers
    if result.worst is not None:
        assert result.scores[result.worst] == max(
            s for s in result.scores.values() if s is not None
        )
        assert result.scores[result.worst] >= 50


# ---- English ----------------------------------------------------------------------------------
def test_english_holes_are_the_chinese_ones_with_the_english_lesson_names():
    holes = load_holes("en")
    assert [(h.id, h.name, h.label) for h in holes] == [
        ("undecided", "Discussion without decision", "Management by slogan"),
        ("unexecuted", "Decision without action", "All talk, no action"),
        ("fruitless", "Action without results", "Going through the motions"),
    ]
    assert load_holes("en") is holes


def test_english_statements_match_the_chinese_ones_one_for_one():
    pairs = zip(load_holes("en"), load_holes(), strict=True)
    for english, chinese in pairs:
        assert [s.id for s in english.statements] == [s.id for s in chinese.statements]
        assert all(s.text.endswith(".") for s in english.statements)
    texts = [s.text for h in load_holes("en") for s in h.statements]
    assert len(set(texts)) == 9
    assert not [t for t in texts if any("\u4e00" <= c <= "\u9fff" for c in t)]


def test_the_english_lesson_table_names_each_hole_as_the_survey_does():
    survey, chinese = load_survey("en"), load_survey()
    assert survey.lesson == chinese.lesson
    lesson = next(e.lesson for e in load_course("en") if e.part == survey.lesson.part)
    section = lesson.section(survey.lesson.section)
    assert section is not None
    for hole in survey.holes:
        assert f"| {hole.name} | {hole.label} |" in section.text


def test_english_scale_runs_from_never_to_always():
    assert load_survey("en").scale == ("Never", "Rarely", "Sometimes", "Often", "Always")


def test_english_scores_are_the_chinese_scores():
    answers = {"undecided.1": 5, "undecided.2": 4, "unexecuted.1": 2, "fruitless.9": 3}
    assert diagnose(answers, "en") == diagnose(answers)
