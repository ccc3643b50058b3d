"""Quiz flows in AppTest: start, answer, feedback, finish, review, retry the missed, resume by
link, an attempt that survives a reload, and quitting with a confirmation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from courseware.assessment.scoring import shuffled
from courseware.ui import session
from courseware.ui.quiz_scopes import quiz_items
from courseware.ui.safe import plain
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
    assert not at.dataframe  # a card per item, not a wide table
    assert card_marks(at) == [f":green[✓] **第 {n} 题** · 得 1 分" for n in range(1, 6)]
    at.toggle(key=f"{HUB}.wrong-only").set_value(True).run()
    assert card_marks(at) == []  # every item right: nothing left to show


def card_marks(at: AppTest) -> list[str]:
    """The first line of each review card: ✓/✗, the item's number and its points."""
    return [m.value for m in at.markdown if re.match(r":\w+\[.\] \*\*第 \d+ 题\*\*", m.value)]


def test_wrong_answers_show_the_right_answer_and_can_be_retried_alone():
    at = open_page("quiz")
    start(at, "topic:questioning", length=5)
    for n in range(5):
        respond(at, right=n >= 2)  # the first two wrong
        if n < 2:
            assert at.error[0].value == "回答错误。" or at.warning[0].value.startswith("部分正确")
            assert any(m.value.startswith("**正确答案**") for m in at.markdown)
        next_item(at)
    first = at.session_state[HUB]
    assert not first.passed and len(first.missed) == 2
    at.toggle(key=f"{HUB}.wrong-only").set_value(True).run()
    assert len(card_marks(at)) == 2 and all(":green" not in m for m in card_marks(at))
    at.button(key=f"{HUB}.retry").click().run()
    retry = at.session_state[HUB]
    assert retry.item_ids == first.missed and retry.seed != first.seed
    assert "重做：第 1 / 2 题" in [p.proto.text for p in at.get("progress")]


def test_a_retry_reports_the_combined_score_of_the_attempt():
    at = open_page("quiz")
    start(at, "topic:smart", length=5)
    for n in range(5):
        respond(at, right=n >= 3)  # three wrong: 2 / 5
        next_item(at)
    assert at.error[0].value.startswith("**还没有通过。** 得分 2 / 5（40.0%）")
    at.button(key=f"{HUB}.retry").click().run()
    for n in range(3):
        respond(at, right=n == 0)  # one of the three put right: 3 / 5 in all
        next_item(at)
    assert at.error[0].value.startswith("**还没有通过。** 得分 3 / 5（60.0%）")
    assert any(c.value.startswith("本轮重做 3 题，得 1 分") for c in at.caption)
    assert len(card_marks(at)) == 5  # the review covers the whole attempt
    at.button(key=f"{HUB}.retry").click().run()
    assert len(at.session_state[HUB].item_ids) == 2
    for _ in range(2):
        respond(at, right=True)
        next_item(at)
    assert at.success[0].value.startswith("**通过！** 得分 5 / 5（100.0%）")


def test_options_are_lettered_as_shown_and_the_feedback_uses_those_letters():
    at = open_page("quiz")
    start(at, "part:1", length=None)
    while True:
        _attempt, item, widget = current(at)
        if item.type == "single":
            break
        respond(at, right=True)
        next_item(at)
    shown = at.radio(key=widget).options
    assert [o[:3] for o in shown] == [f"{letter}. " for letter in "ABCDEFG"[: len(shown)]]
    respond(at, right=False)
    right = next(o for o in shown if o.endswith(item.options[item.answer]))
    assert any(m.value == f"**正确答案**\n\n- {plain(right)}" for m in at.markdown), right


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


def sign_up(name: str = "<b>王芳</b>", code: str = "PH-2026") -> tuple[AppTest, str]:
    """A trainee starts saving progress; the app and their secret token."""
    at = AppTest.from_file(APP, default_timeout=30).run()
    at.sidebar.toggle(key="learner-start").set_value(True).run()
    at.sidebar.text_input(key="learner-name").set_value(name)
    at.sidebar.text_input(key="learner-class").set_value(code)
    at.sidebar.button(key="FormSubmitter:learner-form-开始记录").click().run()
    return at, at.session_state["_learner"].token


def test_progress_is_saved_and_found_again_through_the_resume_link():
    at, token = sign_up()
    assert "learner" not in at.query_params  # the address never carries who this is
    assert at.sidebar.text[0].value == "<b>王芳</b> · PH-2026"  # shown as text, not HTML
    go_to_quiz = open_page("quiz", learner=token)
    assert "learner" not in go_to_quiz.query_params  # dropped once the link signed in
    start(go_to_quiz, "topic:pdca", length=5)
    for n in range(5):
        respond(go_to_quiz, right=n != 0)
        next_item(go_to_quiz)
    later = open_page("progress", learner=token)  # a new browser session, next week
    assert not later.exception
    assert later.caption[0].value == r"学员：\<b\>王芳\</b\>"  # escaped: shown as typed
    # mastery by part and topic, scores, and the review plan: due per day, recall, reviews
    assert len(later.get("vega_lite_chart")) + len(later.get("arrow_vega_lite_chart")) == 6
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


def test_quitting_asks_first_and_then_leaves_the_quiz():
    at = open_page("quiz")
    start(at, "topic:smart", length=5)
    _attempt, _item, widget = current(at)
    assert at.markdown.values.count("确定放弃吗？本次测验的作答不再计入结果，也不能继续。") == 1
    at.button(key=f"{widget}.quit").click().run()  # the button inside the confirmation
    assert HUB not in at.session_state
    assert at.button(key=f"{HUB}.start")


PART = "quiz.part-2"


def test_an_attempt_under_way_survives_a_reload_for_a_learner_who_saves_progress(
    monkeypatch: pytest.MonkeyPatch,
):
    _at, token = sign_up("李雷", "")
    at = open_page("part-2", learner=token)
    at.toggle(key=f"{PART}.open").set_value(True).run()
    start(at, "part:2", length=5, key=PART)
    for _ in range(2):
        respond(at, right=True, key=PART)
        next_item(at, key=PART)
    respond(at, right=False, key=PART)  # answered, "next" not yet tapped
    before = at.session_state[PART]

    monkeypatch.setattr(session, "kept_token", lambda: token)  # the browser's cookie
    reloaded = open_page("part-2")  # a reload: a new session of the same browser
    assert reloaded.toggle(key=f"{PART}.open").value is True  # the part's quiz is open again
    after = reloaded.session_state[PART]
    assert (after.item_ids, after.seed, after.index) == (before.item_ids, before.seed, 3)
    assert {k: (a.response, a.score) for k, a in after.answers.items()} == {
        k: (a.response, a.score) for k, a in before.answers.items()
    }
    assert "第 4 / 5 题" in [p.proto.text for p in reloaded.get("progress")]
    for _ in range(2):
        respond(reloaded, right=True, key=PART)
        next_item(reloaded, key=PART)
    assert any(s.value.startswith("**通过！** 得分 4 / 5（80.0%）") for s in reloaded.success)

    again = open_page("part-2")  # finished: the next visit starts afresh
    assert PART not in again.session_state
    assert again.toggle(key=f"{PART}.open").value is False


def test_a_retry_under_way_comes_back_with_the_round_it_retries(monkeypatch: pytest.MonkeyPatch):
    _at, token = sign_up("韩梅梅", "")
    monkeypatch.setattr(session, "kept_token", lambda: token)
    at = open_page("quiz")
    start(at, "topic:smart", length=5)
    for n in range(5):
        respond(at, right=n >= 2)
        next_item(at)
    at.button(key=f"{HUB}.retry").click().run()
    respond(at, right=True)
    reloaded = open_page("quiz")
    attempt = reloaded.session_state[HUB]
    assert attempt.is_retry and attempt.index == 1 and len(attempt.all_ids) == 5
    respond(reloaded, right=True)
    next_item(reloaded)  # the first of the two was answered before the reload
    assert reloaded.success[0].value.startswith("**通过！** 得分 5 / 5（100.0%）")


def test_a_quiz_given_up_is_not_brought_back(monkeypatch: pytest.MonkeyPatch):
    _at, token = sign_up("张三", "")
    monkeypatch.setattr(session, "kept_token", lambda: token)
    at = open_page("quiz")
    start(at, "topic:smart", length=5)
    respond(at, right=True)
    _attempt, _item, widget = current(at)
    at.button(key=f"{widget}.quit").click().run()
    assert HUB not in open_page("quiz").session_state
