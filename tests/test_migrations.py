"""Migrations: from empty to the current schema and back, on both databases, matching the model."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from desk.db import MIGRATIONS, head_revision, make_engine, upgrade
from desk.model import Base


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def empty_url(request, tmp_path, postgres_databases):
    if request.param == "sqlite":
        yield f"sqlite+pysqlite:///{tmp_path / 'empty.sqlite'}"
        return
    if postgres_databases is None:
        pytest.skip("DESK_TEST_POSTGRESQL_URL is not set")
    name = postgres_databases.create(migrated=False)
    yield postgres_databases.url.set(database=name)
    postgres_databases.drop(name)


def _config(connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _made_by_hand(difference) -> bool:
    """Objects only the migration declares: search indexes, and expression indexes (lower(email))
    that not every dialect can reflect for comparison."""
    kind, item = difference[0], difference[1]
    if kind == "remove_table":
        return item.name.startswith(("person_search", "student_search_text"))
    if kind in ("add_index", "remove_index"):
        return item.name.endswith("search_name_trgm") or "lower" in str(list(item.expressions))
    return False


def test_upgrade_downgrade_upgrade(empty_url):
    engine = make_engine(empty_url)
    upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"persons", "students", "token_ledger", "audit_log", "sync_outbox"} <= tables
    with engine.begin() as connection:
        command.downgrade(_config(connection), "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head_revision()
    engine.dispose()


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection", "ignore:autogenerate skipping")
def test_migrated_schema_matches_the_model(empty_url):
    engine = make_engine(empty_url)
    upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        differences = [d for d in compare_metadata(context, Base.metadata) if not _made_by_hand(d)]
    engine.dispose()
    assert differences == []


def test_sqlite_has_its_search_index(tmp_path):
    engine = make_engine(f"sqlite+pysqlite:///{tmp_path / 's.sqlite'}")
    upgrade(engine)
    assert "person_search" in inspect(engine).get_table_names()
    engine.dispose()
