"""Open one registered page of the app in AppTest, the way a browser would by its URL."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from courseware.paths import PROJECT_ROOT

APP = str(PROJECT_ROOT / "app.py")


def _navigate(url_path: str, query: dict[str, str]) -> None:
    """Run the app's navigation, then switch to the page at ``url_path`` with ``query``."""
    import streamlit as st

    from courseware.navigation import build_pages

    pages = build_pages()
    page = st.navigation(pages)
    wanted = next(p for group in pages.values() for p in group if p.url_path == url_path)
    if page.url_path != wanted.url_path:
        st.switch_page(wanted, query_params=query)
    page.run()


def open_page(url_path: str, **query: str) -> AppTest:
    return AppTest.from_function(_navigate, args=(url_path, query), default_timeout=30).run()


def _list_pages() -> None:
    import streamlit as st

    from courseware.navigation import build_pages

    st.json([page.url_path for group in build_pages().values() for page in group])


def registered_url_paths() -> list[str]:
    """Every page the navigation registers, by URL path ("" is the home page)."""
    import json

    at = AppTest.from_function(_list_pages, default_timeout=30).run()
    return json.loads(at.json[0].value)
