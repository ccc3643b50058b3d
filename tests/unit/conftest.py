"""A fresh store on each database the app supports: a SQLite file and a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

import courseware.live.store  # noqa: F401 - registers the live tables, so they are emptied too
from courseware.storage.store import Base, Store
from tests.own_database import own_database


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """This test process's own database on the test PostgreSQL."""
    with own_database("courseware_store") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_database")
    opened = Store(url)
    yield opened
    if request.param == "postgresql":  # leave this process's database empty
        tables = ", ".join(
            t.name for t in Base.metadata.sorted_tables if t.name != "schema_version"
        )
        with opened.engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY"))
    opened.close()
