"""Open one registered page of the app in AppTest, the way a browser would by its URL."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from courseware.paths import PROJECT_ROOT

APP = str(PROJECT_ROOT / "course.py")


GOTO = "harness.goto"  # set in a test, then run(), to follow a link to another page


def _navigate(url_path: str, query: dict[str, str]) -> None:
    """Run the app's navigation; open ``url_path`` first, later any page a test asks for."""
    import streamlit as st

    from courseware.navigation import build_pages
    from courseware.shell import sidebar
    from courseware.ui.database import banner
    from courseware.ui.language import choose_language

    pages = build_pages(choose_language())
    page = st.navigation(pages)
    sidebar()
    banner()
    target = st.session_state.pop("harness.goto", None)  # the function runs as a script:
    if "harness.started" not in st.session_state:  # it sees literals, not module constants
        st.session_state["harness.started"] = True
        target = url_path
    if target is not None and page.url_path != target:
        wanted = next(p for group in pages.values() for p in group if p.url_path == target)
        st.switch_page(wanted, query_params=query if target == url_path else None)
    page.run()


def go_to(at: AppTest, url_path: str) -> AppTest:
    """Follow a sidebar link to another page, as a trainee would; query params are dropped."""
    at.session_state[GOTO] = url_path
    return at.run()


def open_page(url_path: str, **query: str) -> AppTest:
    """A fresh session opening ``/url_path?query``."""
    at = AppTest.from_function(_navigate, args=(url_path, query), default_timeout=30)
    at.query_params.update(query)  # the address the browser asked for
    return at.run()


def _list_pages() -> None:
    import streamlit as st

    from courseware.navigation import build_pages

    st.json([page.url_path for group in build_pages().values() for page in group])


def registered_url_paths() -> list[str]:
    """Every page the navigation registers, by URL path ("" is the home page)."""
    import json

    at = AppTest.from_function(_list_pages, default_timeout=30).run()
    return json.loads(at.json[0].value)
