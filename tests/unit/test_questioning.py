"""Questioning practice: the techniques match lesson 4.4 and every model question is recognised."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.questioning import (
    TECHNIQUE_IDS,
    Assessment,
    assess,
    detect,
    load_situations,
    load_techniques,
)
from courseware.content.catalog import load_course

SPECIFIC = {"follow_up", "leading", "hypothetical", "repetition"}
SITUATIONS = load_situations()
MODEL_QUESTIONS = [
    (s.id, technique, question)
    for s in SITUATIONS
    for technique, question in s.model_questions.items()
]


def questioning_section():
    lesson = next(e.lesson for e in load_course("zh") if e.part == 4)
    return lesson.section("questioning")


def test_six_techniques_in_course_order():
    techniques = load_techniques()
    assert tuple(t.id for t in techniques) == TECHNIQUE_IDS
    assert [t.name for t in techniques] == [
        "封闭式发问",
        "开放式发问",
        "跟进式发问",
        "引导式发问（鼓励式）",
        "假设式发问",
        "重复式发问",
    ]
    assert load_techniques() is techniques


def test_names_purposes_and_examples_are_the_lesson_table_verbatim():
    text = questioning_section().text
    for number, t in enumerate(load_techniques(), 1):
        assert f"| {number}、{t.name} | {t.purpose} | “{t.example}” |" in text


@pytest.mark.parametrize("technique", load_techniques(), ids=lambda t: t.id)
def test_each_lesson_example_is_recognised_as_its_technique(technique):
    assert technique.id in detect(technique.example)


def test_at_least_eight_situations_each_with_six_model_questions():
    assert len(SITUATIONS) >= 8
    assert len({s.id for s in SITUATIONS}) == len(SITUATIONS)
    for situation in SITUATIONS:
        assert tuple(situation.model_questions) == TECHNIQUE_IDS
        assert all(q.endswith("？") for q in situation.model_questions.values())


@pytest.mark.parametrize(("situation", "technique", "question"), MODEL_QUESTIONS)
def test_every_model_question_is_recognised_as_its_own_technique(situation, technique, question):
    detected = detect(question)
    assert technique in detected
    assert set(detected) & SPECIFIC <= {technique}  # never mistaken for another specific one
    result = assess(situation, technique, question)
    assert result.matches and result.is_question and not result.too_short


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("这批货可以下周发吗？", ("closed",)),
        ("您什么时候方便？", ("closed",)),
        ("主要是价格的问题吗？", ("closed",)),
        ("如果我没理解错，您是说交期要提前？", ("repetition",)),
        ("这批货不一定要在十号前到吧？", ()),
        ("假如可以分批交货呢？", ("hypothetical",)),
        ("可以先寄样品再确认吗？", ("closed",)),
        ("您提到的问题，具体是哪一批？", ("follow_up",)),
        ("请继续。", ("leading",)),
        ("ＯＫ", ()),
    ],
)
def test_detect_worked_examples(question, expected):
    assert detect(question) == expected


def test_detect_keeps_course_order():
    assert detect("您的意思是，如果交期提前，您刚才说的顾虑就没有了吗？") == (
        "closed",
        "follow_up",
        "hypothetical",
        "repetition",
    )


def test_assess_a_learners_question():
    situation = SITUATIONS[0]
    result = assess(situation.id, "hypothetical", "  假如我们提前备货，会有帮助吗  ")
    assert result == Assessment(
        is_question=True,
        detected=("closed", "hypothetical"),
        matches=True,
        too_short=False,
        model_question=situation.model_questions["hypothetical"],
    )


def test_assess_flags_a_statement_and_a_wrong_technique():
    result = assess(SITUATIONS[0].id, "open", "我们会尽快安排发货。")
    assert (result.is_question, result.detected, result.matches) == (False, (), False)


@pytest.mark.parametrize(
    ("question", "is_question", "too_short"),
    [
        ("", False, True),
        ("   ", False, True),
        ("好吗", True, True),
        ("对吗？", True, True),
        ("交期稳定?", True, False),
        ("交期稳定？」", True, False),
        ("交期稳定”？", True, False),
        ("贵司的交期要求", False, False),
        ("贵司的交期要求是哪天", True, False),
    ],
)
def test_is_question_and_too_short(question, is_question, too_short):
    result = assess(SITUATIONS[0].id, "closed", question)
    assert (result.is_question, result.too_short) == (is_question, too_short)


def test_unknown_ids_raise_key_error_naming_them():
    with pytest.raises(KeyError, match="no-such-situation"):
        assess("no-such-situation", "open", "您怎么看？")
    with pytest.raises(KeyError, match="rhetorical"):
        assess(SITUATIONS[0].id, "rhetorical", "您怎么看？")


@pytest.mark.parametrize(
    "question",
    [
        None,
        "什么" * 2500,
        "<script>alert('如果')</script>",
        "如果🔋能充满电呢？😀",
        "\x00\u200b\ufeff",
        "？" * 10,
    ],
)
def test_odd_questions_still_give_an_assessment(question):
    assert isinstance(assess(SITUATIONS[0].id, "open", question), Assessment)


@given(
    st.text(max_size=300),
    st.sampled_from([s.id for s in SITUATIONS]),
    st.sampled_from(TECHNIQUE_IDS),
)
def test_assess_never_raises_on_any_text(question, situation, technique):
    result = assess(situation, technique, question)
    assert set(result.detected) <= set(TECHNIQUE_IDS)
    assert result.matches == (technique in result.detected)
    assert result.too_short == (len(question.strip()) < 5)
    if not question.strip():
        assert not result.is_question


# ---- English ----------------------------------------------------------------------------------
EN_SITUATIONS = load_situations("en")
EN_MODEL_QUESTIONS = [
    (s.id, technique, question)
    for s in EN_SITUATIONS
    for technique, question in s.model_questions.items()
]


def english_questioning_section():
    lesson = next(e.lesson for e in load_course("en") if e.part == 4)
    return lesson.section("questioning")


def test_english_techniques_in_course_order_with_the_lesson_names():
    techniques = load_techniques("en")
    assert tuple(t.id for t in techniques) == TECHNIQUE_IDS
    assert [t.name for t in techniques] == [
        "Closed question",
        "Open question",
        "Follow-up question",
        "Leading (encouraging) question",
        "Hypothetical question",
        "Reflective question",
    ]
    assert load_techniques("en") is techniques


def test_english_names_purposes_and_examples_are_the_lesson_table_verbatim():
    text = english_questioning_section().text
    for number, t in enumerate(load_techniques("en"), 1):
        assert f'| {number}. {t.name} | {t.purpose} | "{t.example}" |' in text


def test_the_english_lesson_says_to_judge_by_purpose():
    assert "Judge by purpose, not only by form" in english_questioning_section().text


@pytest.mark.parametrize("technique", load_techniques("en"), ids=lambda t: t.id)
def test_each_english_lesson_example_is_recognised_as_its_technique(technique):
    assert technique.id in detect(technique.example, "en")


def test_english_situations_are_the_chinese_ones():
    assert [s.id for s in EN_SITUATIONS] == [s.id for s in SITUATIONS]
    for situation in EN_SITUATIONS:
        assert tuple(situation.model_questions) == TECHNIQUE_IDS
        assert all(q.endswith("?") for q in situation.model_questions.values())
    texts = [s.situation for s in EN_SITUATIONS] + [q for _, _, q in EN_MODEL_QUESTIONS]
    assert not [t for t in texts if any("\u4e00" <= c <= "\u9fff" for c in t)]


@pytest.mark.parametrize(("situation", "technique", "question"), EN_MODEL_QUESTIONS)
def test_every_english_model_question_is_recognised_as_its_own_technique(
    situation, technique, question
):
    detected = detect(question, "en")
    assert technique in detected
    assert set(detected) & SPECIFIC <= {technique}
    result = assess(situation, technique, question, "en")
    assert result.matches and result.is_question and not result.too_short


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # closed: an auxiliary verb first, a tag last, or one specific fact
        ("Can we ship this batch next week?", ("closed",)),
        ("So, do you need the cells by Friday?", ("closed",)),
        ("The cells need to arrive by the 10th, right?", ("closed",)),
        ("When would be convenient for you?", ("closed",)),
        ("How many cartons were damaged?", ("closed",)),
        ("Doesn't the contract say the 10th?", ("closed",)),
        ("Do you know if the cells are in stock?", ("closed",)),  # 'if' here means 'whether'
        ("Is this the right model?", ("closed",)),  # 'right' but no tag
        # open
        ("What are your views on our service?", ("open",)),
        ("Could you walk me through your test procedure?", ("open",)),  # a request, not yes/no
        ("WHY did you switch suppliers?", ("open",)),
        ("When the cells arrived, what did you see?", ("open",)),  # 'when' here is no question
        # follow-up
        ("You mentioned a delay. Which day exactly will the line stop?", ("closed", "follow_up")),
        ("You said the cells were late: what was the cause?", ("open", "follow_up")),
        # leading
        ("Please go on.", ("leading",)),
        ("Delivery must matter a lot to you. Could you say more?", ("leading",)),
        ("I’m sure you have thought about this too. Please continue.", ("leading",)),
        ("Could you tell me more about your concerns?", ()),  # an invitation with no lead-in
        # hypothetical, even when the answer is yes or no
        ("If we sent samples next week, could you start testing right away?", ("closed", "hypothetical")),
        ("What if we split the delivery into two batches?", ("hypothetical",)),
        ("Imagine the lead time were a week shorter: what would change?", ("open", "hypothetical")),
        # reflective, even when it begins with 'if'
        ("If I understand you correctly, delivery time matters more than price, right?", ("closed", "repetition")),
        ("So price matters most to you, is that right?", ("closed", "repetition")),
        ("In other words, the price is fine?", ("repetition",)),
        # not cues inside other words
        ("This is a specific and careful plan.", ()),
        ("Showcase the whatnot", ()),
        ("OK", ()),
    ],
)  # fmt: skip
def test_detect_english_worked_examples(question, expected):
    assert detect(question, "en") == expected


def test_english_detection_judges_by_purpose():
    # a hypothetical or follow-up question is recognised even when it can be answered yes or no
    yes_or_no = assess(
        "rush-order", "hypothetical", "If we split the order, would that work?", "en"
    )
    assert yes_or_no.matches
    fact = assess(
        "rush-order", "follow_up", "You mentioned two weeks. Is that specifically the 10th?", "en"
    )
    assert fact.matches
    # restating what was said is not imagining a situation
    restated = detect("If I've understood you correctly, the 10th is too late?", "en")
    assert "hypothetical" not in restated and "repetition" in restated


def test_english_cues_are_not_chinese_markers():
    techniques = load_techniques("en")
    cues = [c for t in techniques for c in (*t.markers, *t.exclusions)]
    assert not [c for c in cues if any("\u4e00" <= ch <= "\u9fff" for ch in c)]
    assert detect("这批货可以下周发吗？", "en") == ()  # Chinese questions need the Chinese cues


def test_assess_an_english_learners_question():
    situation = EN_SITUATIONS[0]
    result = assess(
        situation.id, "hypothetical", "  Suppose we stocked up early, would that help  ", "en"
    )
    assert result == Assessment(
        is_question=True,
        detected=("closed", "hypothetical"),
        matches=True,
        too_short=False,
        model_question=situation.model_questions["hypothetical"],
    )
    statement = assess(situation.id, "open", "We will ship as soon as we can.", "en")
    assert (statement.is_question, statement.detected, statement.matches) == (False, (), False)


@pytest.mark.parametrize(
    ("question", "is_question"),
    [
        ("", False),
        ("Delivery is stable?", True),
        ('Delivery is stable?"', True),
        ("What do you need", True),
        ("Do you need it by Friday", True),
        ("It arrives on the 10th, right", True),
        ("Tell me about your plans", True),
        ("We will deliver what you need.", False),  # 'what' inside a statement
        ("Your delivery requirements", False),
    ],
)
def test_english_is_question(question, is_question):
    assert assess(EN_SITUATIONS[0].id, "closed", question, "en").is_question == is_question


@pytest.mark.parametrize(
    "question",
    [None, "what " * 1000, "Do " * 1700, ", right" * 700, "<script>alert('if')</script>", "😀?"],
)
def test_odd_english_questions_still_give_an_assessment(question):
    assert isinstance(assess(EN_SITUATIONS[0].id, "open", question, "en"), Assessment)


@given(
    st.text(max_size=300),
    st.sampled_from([s.id for s in EN_SITUATIONS]),
    st.sampled_from(TECHNIQUE_IDS),
)
def test_english_assess_never_raises_on_any_text(question, situation, technique):
    result = assess(situation, technique, question, "en")
    assert set(result.detected) <= set(TECHNIQUE_IDS)
    assert result.matches == (technique in result.detected)
    assert result.too_short == (len(question.strip()) < 5)
