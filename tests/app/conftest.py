"""Fixtures the page-flow tests share."""

from __future__ import annotations

import pytest


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """The data of every download button drawn, by file name."""
    import streamlit as st

    files: dict[str, bytes] = {}
    draw = st.download_button

    def recording(label, data, file_name=None, **options):
        files[file_name] = data
        return draw(label, data, file_name=file_name, **options)

    monkeypatch.setattr(st, "download_button", recording)
    return files
