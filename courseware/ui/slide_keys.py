"""Keys that move the slides: → / PageDown / Space forward, ← / PageUp back.

One listener on the page (installed once), which ignores keys typed into a field, a list or an
editable cell, so that a tool's inputs on a slide keep their arrow keys. It also tells a notes
window of the same browser which slide is shown (``localStorage``), and can hand the focus back
to the slide after a part was chosen. Drawn in the sidebar, so that the slide's elements keep
their places.
"""

from __future__ import annotations

import json

import streamlit as st

SLIDE_KEY = "courseware.present.slide"  # localStorage: "part/slide" on the projector
_LISTENER = """
(() => {
  const doc = window.document;
  if (!window.__coursewareSlideKeys) {
    window.__coursewareSlideKeys = true;
    doc.addEventListener("keydown", (event) => {
      const target = event.target;
      const typing = target && (target.closest("input, textarea, select, [contenteditable=''],"
        + " [contenteditable='true'], [role='listbox'], [role='combobox'], [role='grid'],"
        + " [data-testid='stDataFrame']"));
      if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
      const forward = ["ArrowRight", "PageDown", " "].includes(event.key);
      const back = ["ArrowLeft", "PageUp"].includes(event.key);
      if (!forward && !back) return;
      const button = doc.querySelector(forward ? ".st-key-present-next button"
                                               : ".st-key-present-prev button");
      if (button && !button.disabled) { event.preventDefault(); button.click(); }
    });
  }
})();
"""


def slide_keys(shown: str, refocus: bool) -> None:
    """Install the keys; say which slide (``"part/slide"``) is shown; maybe take the focus back."""
    remember = f"localStorage.setItem({json.dumps(SLIDE_KEY)}, {json.dumps(shown)});"
    script = _LISTENER + f"try {{ {remember} }} catch (e) {{}}\n"
    if refocus:
        script += "if (document.activeElement) document.activeElement.blur();\n"
    st.sidebar.html(f"<script>{script}</script>", unsafe_allow_javascript=True)


def follow_slides(part: int, number: int) -> None:
    """In the notes window: open the notes of whichever slide the projector shows."""
    script = f"""
(() => {{
  const shown = {json.dumps(f"{part}/{number}")};
  const follow = (value) => {{
    if (!value || value === shown) return;
    const [part, slide] = value.split("/");
    const url = new URL(window.location.href);
    url.searchParams.set("part", part); url.searchParams.set("slide", slide);
    window.location.replace(url.toString());
  }};
  window.addEventListener("storage", (event) => {{
    if (event.key === {json.dumps(SLIDE_KEY)}) follow(event.newValue);
  }});
  try {{ follow(localStorage.getItem({json.dumps(SLIDE_KEY)})); }} catch (e) {{}}
}})();
"""
    st.sidebar.html(f"<script>{script}</script>", unsafe_allow_javascript=True)
