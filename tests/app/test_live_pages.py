"""Live poll pages in AppTest: the instructor's controls and a trainee joining and answering."""

from __future__ import annotations

from pathlib import Path

import pytest

from courseware.live.store import LiveStore
from courseware.passcode import PASSCODE_ENV
from courseware.store import Store
from tests.app.harness import open_page

PASSCODE = "live-2026"


@pytest.fixture
def live(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LiveStore:
    path = tmp_path / "live.sqlite3"
    monkeypatch.delenv("COURSEWARE_DATABASE_URL", raising=False)
    monkeypatch.setenv("COURSEWARE_SQLITE_PATH", str(path))
    monkeypatch.setenv(PASSCODE_ENV, PASSCODE)
    return LiveStore(Store(f"sqlite:///{path}"))


def test_the_instructor_starts_a_poll_and_pushes_a_topic_item_by_item(live: LiveStore):
    at = open_page("live")
    at.text_input(key="instructor-passcode").set_value(PASSCODE)
    at.button(key="FormSubmitter:instructor-gate-进入").click().run()
    at.button(key="live-start").click().run()
    session_id, code = at.session_state["_live_session"]
    assert live.find_session(code).id == session_id
    assert at.code[0].value.endswith(f"/join?code={code}")
    at.selectbox(key="live-topic").set_value("smart").run()
    first = at.selectbox(key="live-item").options[0]
    at.button(key="live-push").click().run()
    at.button(key="live-push-next").click().run()
    assert live.current(session_id).number == 2
    assert at.selectbox(key="live-item").value != first
    at.button(key="live-end").click().run()
    assert live.find_session(code).ended


def test_a_trainee_joins_answers_once_and_comes_back_by_link(live: LiveStore):
    session = live.start_session()
    for problem, code, nickname in [
        ("找不到这个加入码，请核对后再试。", "ZZZZZZ", "小周"),
        ("请填写昵称。", session.code, "  "),
        ("昵称最多 20 个字。", session.code, "名" * 500),
    ]:
        at = open_page("join", code=code)
        at.text_input(key="join-nick").set_value(nickname)
        at.button(key="FormSubmitter:join-form-加入").click().run()
        assert at.error[0].value == problem
    at = open_page("join", code=session.code.lower())
    assert at.text_input(key="join-code").value == session.code.lower()
    at.text_input(key="join-nick").set_value("<i onclick=x>周</i>")
    at.button(key="FormSubmitter:join-form-加入").click().run()
    token = at.query_params["player"]
    assert at.text[0].value == "已加入：<i onclick=x>周</i>"  # text, not HTML
    assert at.info[0].value == "已加入，请等待讲师推送题目。"
    question = live.push(session.id, "pdca-do-1")  # a true/false item
    at.run()
    key = f"live.{question.id}"
    at.radio(key=key).set_value(True)
    at.button(key=f"FormSubmitter:{key}.form-提交答案").click().run()
    assert at.info[0].value == "答案已提交，等待讲师公布答案。"
    player = live.player(token)
    assert live.answer(question.id, player, False, 0.0) == "duplicate"
    live.reveal(question.id)
    again = open_page("join", player=token)  # a reload, or another tab
    assert again.text[0].value.startswith("已加入")
    assert again.success or again.error  # right or wrong, shown with the answer
    assert again.main.caption[-1].value == "你的得分：1"
    live.end_session(session.id)
    late = open_page("join", code=session.code)
    late.text_input(key="join-nick").set_value("迟到")
    late.button(key="FormSubmitter:join-form-加入").click().run()
    assert late.error[0].value == "这次课堂投票已经结束。"


def test_a_trainee_saving_progress_is_known_by_name(live: LiveStore):
    session = live.start_session()
    learner = live.store.create_learner("陈晨", "A1")
    at = open_page("join", code=session.code, learner=learner.token)
    assert at.text_input(key="join-nick").value == "陈晨"
