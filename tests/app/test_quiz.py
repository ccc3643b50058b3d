"""Quiz flows in AppTest: start, answer, feedback, finish, retry the missed, resume by link."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from courseware.assessment.scoring import shuffled
from courseware.ui.quiz_scopes import quiz_items
from tests.app.harness import APP, go_to, open_page

ITEMS, _TITLES, _ERRORS = quiz_items()
HUB = "quiz.hub"


@pytest.fixture(autouse=True)
def own_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("COURSEWARE_DATABASE_URL", raising=False)
    monkeypatch.setenv("COURSEWARE_SQLITE_PATH", str(tmp_path / "progress.sqlite3"))


def current(at: AppTest, key: str = HUB):
    attempt = at.session_state[key]
    item = ITEMS[attempt.current]
    return attempt, item, f"{key}.{attempt.seed}.{item.id}"


def respond(at: AppTest, right: bool, key: str = HUB) -> None:
    """Answer the current item right (or wrong where the type allows) and submit."""
    attempt, item, widget = current(at, key)
    if item.type == "single":
        wrong = next(k for k in item.options if k != item.answer)
        at.radio(key=widget).set_value(item.answer if right else wrong)
    elif item.type == "truefalse":
        at.radio(key=widget).set_value(item.answer if right else not item.answer)
    elif item.type == "multiple":
        chosen = set(item.answer) if right else set(item.options) - set(item.answer)
        for option in item.options:
            at.checkbox(key=f"{widget}.{option}").set_value(option in chosen)
    elif item.type == "ordering":
        at.multiselect(key=widget).set_value(list(item.steps if right else item.steps[::-1]))
    elif item.type == "matching":
        for n, entry in enumerate(shuffled(item, attempt.seed)):
            right_one = item.pairs[entry]
            other = next(c for c in item.categories if c != right_one)
            at.selectbox(key=f"{widget}.{n}").set_value(right_one if right else other)
    else:
        at.text_input(key=widget).set_value(str(item.answer if right else item.answer + 1000))
    at.button(key=f"FormSubmitter:{widget}.form-提交答案").click().run()
    assert not at.exception


def next_item(at: AppTest, key: str = HUB) -> None:
    _attempt, _item, widget = current(at, key)
    at.button(key=f"{widget}.next").click().run()


def start(at: AppTest, scope: str, length: int | None = 5, key: str = HUB) -> None:
    at.selectbox(key=f"{key}.scope").set_value(scope)
    at.button_group(key=f"{key}.length").set_value(length or 0)
    at.button(key=f"{key}.start").click().run()


def test_a_full_quiz_gives_feedback_then_a_passing_score_and_review():
    at = open_page("quiz")
    assert at.title[0].value == "测验" and not at.exception
    start(at, "topic:smart")
    assert at.session_state[HUB].item_ids and len(at.session_state[HUB].item_ids) == 5
    for n in range(5):
        assert f"第 {n + 1} / 5 题" in [p.proto.text for p in at.get("progress")]
        respond(at, right=True)
        assert at.success[0].value == "回答正确！"
        assert at.info[0].value == current(at)[1].explanation
        next_item(at)
    assert at.success[0].value.startswith("**通过！** 得分 5 / 5（100.0%）")
    review = at.dataframe[0].value
    assert list(review.columns) == ["题号", "题目", "你的答案", "正确答案", "得分"]
    assert len(review) == 5


def test_wrong_answers_show_the_right_answer_and_can_be_retried_alone():
    at = open_page("quiz")
    start(at, "topic:questioning", length=5)
    for n in range(5):
        respond(at, right=n >= 2)  # the first two wrong
        if n < 2:
            assert at.error[0].value == "回答错误。" or at.warning[0].value.startswith("部分正确")
            assert at.text[0].value  # the right answer, in words
        next_item(at)
    first = at.session_state[HUB]
    assert not first.passed and len(first.missed) == 2
    at.button(key=f"{HUB}.retry").click().run()
    retry = at.session_state[HUB]
    assert set(retry.item_ids) == set(first.missed) and retry.seed != first.seed


def test_an_empty_or_unreadable_answer_gets_a_message_and_is_not_counted():
    at = open_page("quiz")
    start(at, "topic:customers", length=None)
    for _ in range(len(at.session_state[HUB].item_ids)):
        _attempt, item, widget = current(at)
        if item.type == "numeric":
            at.text_input(key=widget).set_value("六十")
            at.button(key=f"FormSubmitter:{widget}.form-提交答案").click().run()
            assert at.warning[0].value == "请输入一个数字，例如 60 或 1,000,000。"
            assert item.id not in at.session_state[HUB].answers
            return
        respond(at, right=True)
        next_item(at)
    pytest.fail("the customers bank has no numeric item")


def test_a_rerun_never_reshuffles_and_a_new_attempt_does():
    at = open_page("quiz")
    start(at, "part:2", length=10)
    first = at.session_state[HUB]
    at.run()
    assert at.session_state[HUB].item_ids == first.item_ids
    respond(at, right=True)
    next_item(at)
    go_to(at, "part-1")
    go_to(at, "quiz")
    assert at.session_state[HUB].index == 1  # the attempt goes on where it was


def test_part_pages_offer_their_own_quiz():
    at = open_page("part-3")
    at.toggle(key="quiz.part-3.open").set_value(True).run()
    scopes = at.selectbox(key="quiz.part-3.scope").options
    assert scopes[0] == "第三部分：全部主题（18 题）".replace(
        "18", str(sum(i.part == 3 for i in ITEMS.values()))
    )
    assert all("第一部分" not in s for s in scopes)


def test_progress_is_saved_and_found_again_through_the_resume_link():
    at = AppTest.from_file(APP, default_timeout=30).run()
    at.sidebar.toggle(key="learner-start").set_value(True).run()
    at.sidebar.text_input(key="learner-name").set_value("<b>王芳</b>")
    at.sidebar.text_input(key="learner-class").set_value("PH-2026")
    at.sidebar.button(key="FormSubmitter:learner-form-开始记录").click().run()
    token = at.query_params["learner"]
    assert at.sidebar.text[0].value == "<b>王芳</b> · PH-2026"  # shown as text, not HTML
    go_to_quiz = open_page("quiz", learner=token)
    start(go_to_quiz, "topic:pdca", length=5)
    for n in range(5):
        respond(go_to_quiz, right=n != 0)
        next_item(go_to_quiz)
    later = open_page("progress", learner=token)  # a new browser session, next week
    assert not later.exception
    assert later.caption[0].value == r"学员：\<b\>王芳\</b\>"  # escaped: shown as typed
    assert len(later.get("vega_lite_chart")) + len(later.get("arrow_vega_lite_chart")) == 3
    assert later.dataframe[0].value.iloc[0]["答错次数"] == 1


def test_an_unknown_resume_link_says_so():
    at = open_page("progress", learner="no-such-token")
    assert at.info[0].value.startswith("在左侧栏填写姓名")
    assert at.sidebar.warning[0].value == "这个进度链接无效或已失效。可以重新开始记录。"


def test_without_a_database_quizzes_still_run_with_a_banner(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("COURSEWARE_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    at = open_page("quiz")
    assert at.sidebar.warning[0].value.startswith("暂时连不上数据库")
    start(at, "topic:smart", length=5)
    respond(at, right=True)
    assert at.success[0].value == "回答正确！"


def test_a_broken_bank_is_named_on_the_hub_and_the_others_still_run(content_copy: Path):
    bank = content_copy / "quizzes" / "zh" / "pdca.yaml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("type: single", "type: essay", 1))
    at = open_page("quiz")
    assert not at.exception
    assert at.error[0].value.startswith("有一个题库文件有问题")
    assert at.code[0].value.startswith("quizzes/zh/pdca.yaml:")
    scopes = at.selectbox(key=f"{HUB}.scope").options
    assert not any(s.startswith("PDCA") for s in scopes)
    start(at, "topic:smart", length=5)
    respond(at, right=True)
    assert at.success[0].value == "回答正确！"


def test_an_id_used_twice_is_named_on_the_hub_and_the_first_item_keeps_it(content_copy: Path):
    bank = content_copy / "quizzes" / "zh" / "smart.yaml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text.replace("id: smart-specific-1", "id: pdca-order-1", 1), encoding="utf-8")
    at = open_page("quiz")
    assert not at.exception
    assert at.error[0].value.startswith("有一道题的编号与另一道题重复")
    assert at.code[0].value == (
        "quizzes/zh/smart.yaml:4: id 'pdca-order-1' is already used at quizzes/zh/pdca.yaml:4"
    )
    scopes = at.selectbox(key=f"{HUB}.scope").options
    smart = sum(i.topic == "smart" for i in ITEMS.values())
    assert any(s.startswith("SMART") and f"（{smart - 1} 题）" in s for s in scopes), scopes
    start(at, "topic:pdca", length=5)
    respond(at, right=True)
    assert at.success[0].value == "回答正确！"


def test_a_quiz_can_be_left_midway():
    at = open_page("quiz")
    start(at, "topic:smart", length=5)
    _attempt, _item, widget = current(at)
    at.button(key=f"{widget}.quit").click().run()
    assert HUB not in at.session_state
    assert at.button(key=f"{HUB}.start")
