"""A database of its own on the test PostgreSQL server, dropped afterwards, so that tests run in
parallel (one pytest worker each) never empty or read one another's tables."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, make_url, text

from tests.postgres_cluster import POSTGRES_URL_ENV


def server_url() -> str:
    """The test PostgreSQL that ``python3 dev.py test`` starts (or the one configured)."""
    server = os.environ.get(POSTGRES_URL_ENV)
    if not server:
        pytest.fail(f"set {POSTGRES_URL_ENV} (python3 dev.py test starts a PostgreSQL)")
    return server


@contextmanager
def own_database(prefix: str) -> Iterator[str]:
    """Create an empty database named ``prefix`` plus a random tail; yield its URL; drop it."""
    server = server_url()
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()
