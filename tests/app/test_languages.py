"""Both editions in AppTest: every page in each language, no Chinese left on English pages but the
course's proper names, no English UI on Chinese pages, and a switch that keeps the trainee's place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from courseware.content.banks import items_by_id
from courseware.i18n import catalog, languages, t
from courseware.passcode import PASSCODE_ENV
from tests.app.harness import open_page
from tests.app.page_text import page_texts

PAGES = [
    ("", {}), ("part-1", {"section": "all"}), ("part-2", {"section": "all"}),
    ("part-3", {"section": "all"}), ("part-4", {"section": "all"}), ("quiz", {}),
    ("progress", {}), ("not-found", {"address": "/part-5"}),
]  # fmt: skip
TEACHING = ["present", "live", "instructor"]
PASSCODE = "correct-horse"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+")
# Chinese an English page shows on purpose: the switch names 中文 in itself, the company's name
# after its pinyin, and the two characters lesson 4.1 explains.
SHOWN_IN_CHINESE = {"中文", "鹏辉", "沟通", "【沟】", "【通】"}


@pytest.fixture(autouse=True)
def own_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("COURSEWARE_DATABASE_URL", raising=False)
    monkeypatch.setenv("COURSEWARE_SQLITE_PATH", str(tmp_path / "progress.sqlite3"))
    monkeypatch.setenv(PASSCODE_ENV, PASSCODE)


def opened(page: str, lang: str, **query: str) -> AppTest:
    """A page in ``lang``; an instructor page unlocked with the passcode."""
    at = open_page(page, lang=lang, **query)
    if page in TEACHING:
        at.text_input(key="instructor-passcode").set_value(PASSCODE)
        at.button(key=f"FormSubmitter:instructor-gate-{t('instructor.unlock', lang)}").click()
        at.run()
    return at


def every_page() -> list:
    return [(page, query) for page, query in PAGES] + [(page, {}) for page in TEACHING]


@pytest.mark.parametrize("lang", languages())
@pytest.mark.parametrize(
    ("page", "query"), every_page(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_page_opens_in_each_language(page: str, query: dict, lang: str):
    at = opened(page, lang, **query)
    assert not at.exception
    assert at.query_params["lang"] == lang  # the address carries the choice


@pytest.mark.parametrize(
    ("page", "query"), every_page(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_english_pages_carry_no_chinese_but_the_courses_names(page: str, query: dict):
    texts = page_texts(opened(page, "en", **query))
    found = {run for text in texts for run in CJK.findall(text)}
    assert found <= SHOWN_IN_CHINESE, found - SHOWN_IN_CHINESE


def english_ui_strings() -> set[str]:
    """The English catalog's sentences and labels of two words or more (no placeholders)."""
    found: set[str] = set()

    def walk(ours: dict, theirs: dict) -> None:
        for key, value in ours.items():
            if isinstance(value, dict):
                walk(value, theirs.get(key, {}))
            elif isinstance(value, str) and "{" not in value and len(value.split()) >= 2:
                found.update([value] if value != theirs.get(key) else [])

    walk(catalog("en"), catalog("zh"))
    return found


@pytest.mark.parametrize(
    ("page", "query"), every_page(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_chinese_pages_carry_no_english_ui(page: str, query: dict):
    texts = page_texts(opened(page, "zh", **query))
    english = english_ui_strings()
    leaked = {s for s in english for text in texts if s in text}
    assert leaked == set()


def test_switching_language_keeps_the_section_and_the_quiz_under_way():
    at = open_page("part-2", lang="zh", section="smart")
    at.toggle(key="quiz.part-2.open").set_value(True).run()
    at.button(key="quiz.part-2.start").click().run()
    attempt = at.session_state["quiz.part-2"]
    zh_prompt = items_by_id("zh")[attempt.current].prompt
    assert any(m.value == f"**{zh_prompt}**" for m in at.markdown)

    at.sidebar.button_group(key="language-switch").set_value("en").run()
    assert at.query_params["lang"] == "en" and at.query_params["section"] == "smart"
    assert at.title[0].value.startswith("Part 2 · ")
    assert at.header[0].value.startswith("2.6 ")  # the same section, in English
    same = at.session_state["quiz.part-2"]
    assert (same.item_ids, same.index, same.seed) == (attempt.item_ids, attempt.index, attempt.seed)
    en_prompt = items_by_id("en")[attempt.current].prompt
    assert any(m.value == f"**{en_prompt}**" for m in at.markdown)


def test_a_first_visit_without_a_choice_opens_in_chinese():
    at = open_page("")
    assert at.query_params["lang"] == "zh"
    assert at.title[0].value == "新机遇新挑战——鹏辉客户营销系列课程"


def test_a_learner_keeps_their_language_on_the_next_visit(monkeypatch: pytest.MonkeyPatch):
    from courseware.ui import session

    at = open_page("", lang="en")
    at.sidebar.toggle(key="learner-start").set_value(True).run()
    at.sidebar.text_input(key="learner-name").set_value("Sam")
    at.sidebar.button(key=f"FormSubmitter:learner-form-{t('learner.start', 'en')}").click().run()
    token = at.session_state["_learner"].token
    monkeypatch.setattr(session, "kept_token", lambda: token)  # the browser's cookie
    later = open_page("progress")  # no ?lang= this time
    assert later.query_params["lang"] == "en"
    assert later.title[0].value == t("progress.title", "en")


@pytest.mark.parametrize(("locale", "lang"), [("en-US", "en"), ("en-GB", "en"), ("zh-CN", "zh"),
                                              ("fr-FR", "zh")])  # fmt: skip
def test_a_first_visit_follows_the_browsers_language(locale: str, lang: str):
    from tests.app.harness import _navigate

    at = AppTest.from_function(_navigate, args=("", {}), default_timeout=30)
    at.context = {"locale": locale}
    at.run()
    assert at.query_params["lang"] == lang
    assert at.title[0].value == t("app.title", lang)
