"""A fresh store on each database the app supports: a SQLite file and a real PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

import courseware.live.store  # noqa: F401 - registers the live tables, so they are emptied too
from courseware.storage.store import Base, Store

POSTGRES_URL_ENV = "COURSEWARE_TEST_POSTGRES_URL"


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        url = os.environ.get(POSTGRES_URL_ENV)
        if not url:  # `python3 dev.py test` always provides a server
            pytest.fail(f"set {POSTGRES_URL_ENV} (python3 dev.py test starts a PostgreSQL)")
    opened = Store(url)
    yield opened
    if request.param == "postgresql":  # leave the shared test database empty
        tables = ", ".join(
            t.name for t in Base.metadata.sorted_tables if t.name != "schema_version"
        )
        with opened.engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY"))
    opened.close()
