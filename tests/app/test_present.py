"""Presenter mode behind the instructor passcode: the gate, then slides by URL and buttons."""

from __future__ import annotations

import json
import logging
import re

import pytest
from streamlit.testing.v1 import AppTest

from courseware.content.catalog import load_course
from courseware.content.slides import slide_of_section, slides
from courseware.passcode import GUESSES_PER_ADDRESS, PASSCODE_ENV, generate_passcode, matches
from tests.app.harness import open_page

PASSCODE = "correct-horse"
DECKS = {entry.part: slides(entry.lesson) for entry in load_course("zh")}


def heading(slide) -> str:
    """A slide's title as the page shows it: with "(2/3)" when its section takes several."""
    return slide.title + (f" ({slide.piece}/{slide.pieces})" if slide.pieces > 1 else "")


@pytest.fixture(autouse=True)
def passcode(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(PASSCODE_ENV, PASSCODE)


def unlock(at: AppTest, given: str = PASSCODE) -> AppTest:
    at.text_input(key="instructor-passcode").set_value(given)
    return at.button(key="FormSubmitter:instructor-gate-进入").click().run()


def test_the_page_shows_only_a_password_field_until_unlocked():
    at = open_page("present")
    assert at.title[0].value == "讲师专用"
    assert at.text_input(key="instructor-passcode").proto.type == 1  # a password input
    assert not at.header and not at.main.button_group  # no slide controls before the passcode
    unlock(at, "wrong")
    assert at.error[0].value.startswith("口令不正确")
    unlock(at)
    assert at.title[0].value == heading(DECKS[1][0])  # part 1, slide 1


def test_a_fresh_session_per_guess_is_refused_after_ten_wrong_passcodes(caplog):
    with caplog.at_level(logging.WARNING, logger="courseware"):
        for n in range(GUESSES_PER_ADDRESS):
            guessed = unlock(open_page("present"), f"guess-{n}")
            assert guessed.error[0].value == "口令不正确。"
        refused = unlock(open_page("present"), PASSCODE)  # even the right one, for now
    assert refused.title[0].value == "讲师专用"
    assert refused.error[0].value.startswith("口令输错的次数太多，请 ")
    failures = [r.getMessage() for r in caplog.records if "wrong instructor passcode" in r.message]
    assert len(failures) == GUESSES_PER_ADDRESS
    assert all(re.fullmatch(r"wrong instructor passcode from local at \S+", f) for f in failures)
    assert "guess-" not in caplog.text  # the passcodes tried are never written down


def test_slides_follow_the_url_and_the_buttons():
    discussion = slide_of_section(DECKS[2], "goal-discussion")  # 2.7, after the pieces of 2.6
    at = unlock(open_page("present", part="2", slide=str(discussion - 1)))
    assert at.title[0].value == heading(DECKS[2][discussion - 2])
    at.button(key="present-next").click().run()
    assert at.title[0].value == "2.7 目标讨论原则"
    assert at.query_params["slide"] == str(discussion) and at.query_params["part"] == "2"
    at.button(key="present-prev").click().run()
    at.button(key="present-prev").click().run()
    assert at.title[0].value == heading(DECKS[2][discussion - 3])


@pytest.mark.parametrize(("part", "slide"), [("9", "1"), ("x", "y"), ("3", "999"), ("1", "-4")])
def test_odd_addresses_open_a_real_slide(part: str, slide: str):
    at = unlock(open_page("present", part=part, slide=slide))
    assert not at.exception
    assert at.title[0].value in {heading(s) for deck in DECKS.values() for s in deck}


def _visibility(unlocked: bool) -> None:
    import streamlit as st

    from courseware.navigation import build_pages

    st.session_state["_instructor"] = unlocked
    st.json({p.url_path: p.visibility for group in build_pages().values() for p in group})


@pytest.mark.parametrize(("unlocked", "shown"), [(False, "hidden"), (True, "visible")])
def test_instructor_pages_are_listed_only_for_an_instructor(unlocked: bool, shown: str):
    at = AppTest.from_function(_visibility, args=(unlocked,)).run()
    listed = json.loads(at.json[0].value)
    teaching = ("present", "live", "instructor")
    assert {listed[page] for page in teaching} == {shown}
    assert listed.pop("not-found") == "hidden"  # reached by an unknown address only
    assert {v for k, v in listed.items() if k not in teaching} == {"visible"}


def test_generated_passcode_is_logged_and_compared_in_constant_time(caplog):
    with caplog.at_level(logging.WARNING, logger="courseware"):
        passcode = generate_passcode()
    assert (
        f"instructor passcode (none configured, generated at start-up): {passcode}" in caplog.text
    )
    assert len(passcode) >= 12 and matches(passcode, passcode) and not matches("x", passcode)


def test_without_a_configured_passcode_the_generated_one_opens_the_page(monkeypatch):
    monkeypatch.delenv(PASSCODE_ENV)
    from courseware.passcode import current_passcode

    at = open_page("present")
    unlock(at, current_passcode())
    assert at.title[0].value == DECKS[1][0].title


def test_speaker_notes_are_in_the_notes_window_never_on_the_projected_page():
    number = slide_of_section(DECKS[2], "smart")
    slide = DECKS[2][number - 1]
    assert slide.notes, "every section has speaker notes"
    projected = unlock(open_page("present", part="2", slide=str(number)))
    shown = " ".join(m.value for m in projected.markdown)
    assert not any(note.splitlines()[0] in shown for note in slide.notes)
    assert not projected.expander  # no notes tucked away either
    notes = unlock(open_page("present", part="2", slide=str(number), notes="1"))
    assert notes.title[0].value == slide.title
    assert notes.main.markdown[-1].value == slide.notes[-1]
    assert notes.main.caption[-1].value == f"下一页：{DECKS[2][number].title}"
