"""The bare Streamlit apps every figure is measured against, written out as scripts to run.

Each floor does the least Streamlit can do for the same interaction: a page switch between two
titled pages, the same switch to a page that shows a part's opening section as plain
``st.markdown``, a number input driving a metric, a one-field form.
"""

from __future__ import annotations

import json
from pathlib import Path

from courseware.content.catalog import load_course
from courseware.content.lesson import Lesson
from courseware.i18n import part_label
from courseware.navigation import part_title

TWO_PAGES = """
import streamlit as st

def first():
    st.title("First")

def second():
    st.title("Second")

st.navigation([st.Page(first, title="First"), st.Page(second, title="Second")]).run()
"""
NUMBER_INPUT = """
import streamlit as st

value = st.number_input("n", value=1.0)
st.metric("double", f"{value * 2:g}")
"""
ONE_FIELD_FORM = """
import streamlit as st

with st.form("f"):
    value = st.text_input("a")
    sent = st.form_submit_button("提交")
if sent:
    st.success(f"收到 {value}")
"""
SAME_CONTENT = """
import json

import streamlit as st

PARTS = json.loads(PARTS_JSON)

def home():
    st.title(HOME_HEADING)

def show(heading, text):
    def page():
        st.title(heading)
        st.markdown(text)
    return page

pages = [st.Page(home, title=HOME_LINK, default=True)] + [
    st.Page(show(heading, text), title=link, url_path=path) for path, link, heading, text in PARTS
]
st.navigation(pages).run()
"""
BLANK = """
import streamlit as st

st.title("Blank")
"""


def opening_markdown(lesson: Lesson) -> str:
    """The Markdown a part opens on: its introduction and first section, prose and callouts."""
    section = lesson.sections[0]
    shown = (*lesson.intro, *section.blocks)
    texts = [b.text for b in shown if b.kind not in ("figure", "tool", "notes", "break")]
    return "\n\n".join([f"## {section.label}", *texts])


def same_content_app(home_link: str, home_heading: str) -> str:
    """A bare two-level app with the real app's links and headings and each part's opening
    Markdown, so a switch to it costs what the same words cost in plain Streamlit."""
    parts = [
        (f"part-{e.part}", part_title(e), f"{part_label(e.part)} · {e.lesson.meta.title}",
         opening_markdown(e.lesson))
        for e in load_course("zh") if e.lesson is not None
    ]  # fmt: skip
    source = SAME_CONTENT.replace("PARTS_JSON", repr(json.dumps(parts, ensure_ascii=False)))
    source = source.replace("HOME_HEADING", json.dumps(home_heading, ensure_ascii=False))
    return source.replace("HOME_LINK", json.dumps(home_link, ensure_ascii=False))


def write(folder: Path, name: str, source: str) -> Path:
    path = folder / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    return path
