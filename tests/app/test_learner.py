"""Who is saving progress: kept in the browser's cookie, never in an address but the resume link."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from courseware.ui import session
from tests.app.harness import go_to, open_page
from tests.app.test_quiz import sign_up

FORM = "FormSubmitter:learner-form-开始记录"


@pytest.fixture(autouse=True)
def own_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("COURSEWARE_DATABASE_URL", raising=False)
    monkeypatch.setenv("COURSEWARE_SQLITE_PATH", str(tmp_path / "progress.sqlite3"))


def cookie_calls(at: AppTest) -> list[str]:
    """The calls this run asks the browser to make to the learner cookie's route."""
    return [h.proto.body for h in at.sidebar.get("html") if "/api/learner/session" in h.proto.body]


def test_signing_up_keeps_the_token_in_the_browser_and_out_of_every_address():
    at, token = sign_up("王芳", "PH-2026")
    assert "learner" not in at.query_params
    [call] = cookie_calls(at)
    assert '"method": "POST"' in call and token in call
    go_to(at, "part-1")
    assert "learner" not in at.query_params and not cookie_calls(at)  # set once, not every run
    assert at.sidebar.text[0].value == "王芳 · PH-2026"


def test_the_browser_cookie_signs_in_a_fresh_visit(monkeypatch: pytest.MonkeyPatch):
    _at, token = sign_up("王芳", "")
    monkeypatch.setattr(session, "kept_token", lambda: token)
    later = open_page("progress")  # next week, same browser, no link
    assert later.caption[0].value == "学员：王芳"
    assert later.sidebar.text[0].value == "王芳"


def test_a_copied_section_link_signs_no_one_in():
    sign_up("王芳", "")
    colleague = open_page("part-2", section="mbo")  # another browser: no cookie
    assert session.CURRENT not in colleague.session_state
    assert colleague.sidebar.toggle(key="learner-start")


def test_the_resume_link_is_shown_on_the_progress_page_with_a_warning(
    monkeypatch: pytest.MonkeyPatch,
):
    _at, token = sign_up("王芳", "")
    monkeypatch.setattr(session, "kept_token", lambda: token)
    at = open_page("progress")
    assert not at.code  # behind a toggle
    at.toggle(key="learner-link").set_value(True).run()
    assert (
        at.warning[0].value.startswith("这是你的个人进度链接")
        and "不要发给别人" in at.warning[0].value
    )
    assert at.code[0].value.endswith(f"/progress?learner={token}&lang=zh")  # in its language
    assert not at.sidebar.code  # the sidebar carries no link


def test_signing_out_clears_the_cookie_and_ignores_it_for_the_rest_of_the_visit(
    monkeypatch: pytest.MonkeyPatch,
):
    _at, token = sign_up("王芳", "")
    monkeypatch.setattr(session, "kept_token", lambda: token)
    at = open_page("quiz")
    at.sidebar.button(key="learner-sign-out").click().run()
    assert session.CURRENT not in at.session_state
    assert any('"method": "DELETE"' in call for call in cookie_calls(at))
    go_to(at, "progress")
    assert at.info[0].value.startswith("在左侧栏填写姓名")


def test_a_cookie_that_names_no_learner_is_dropped(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(session, "kept_token", lambda: "x" * 22)
    at = open_page("")
    assert session.CURRENT not in at.session_state
    assert any('"method": "DELETE"' in call for call in cookie_calls(at))
    assert not at.sidebar.warning  # not the resume link's "invalid" message: nothing to say


def test_a_name_too_long_gets_a_message_and_stays_in_the_field():
    at = open_page("")
    at.sidebar.toggle(key="learner-start").set_value(True).run()
    name = "王" * 41
    at.sidebar.text_input(key="learner-name").set_value(name)
    at.sidebar.button(key=FORM).click().run()
    assert at.sidebar.error[0].value == "姓名最多 40 个字，现在是 41 个字，请删短一些。"
    assert at.sidebar.text_input(key="learner-name").value == name
    assert session.CURRENT not in at.session_state
    at.sidebar.text_input(key="learner-name").set_value(name[:40])
    at.sidebar.button(key=FORM).click().run()
    assert at.session_state[session.CURRENT].name == name[:40]


def test_a_class_code_too_long_gets_its_own_message():
    at = open_page("")
    at.sidebar.toggle(key="learner-start").set_value(True).run()
    at.sidebar.text_input(key="learner-name").set_value("王芳")
    at.sidebar.text_input(key="learner-class").set_value("C" * 21)
    at.sidebar.button(key=FORM).click().run()
    assert at.sidebar.error[0].value == "班级代码最多 20 个字符，现在是 21 个，请删短一些。"
