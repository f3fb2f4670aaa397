"""Opening databases: new, older, newer, damaged, locked or read-only files and unreachable servers."""

from __future__ import annotations

import os
import sqlite3

import pytest
from sqlalchemy import text

from desk.db import backup_sqlite, head_revision, open_database, resolve_url
from desk.errors import DatabaseOpenError


def test_new_file_is_created_and_migrated(tmp_path):
    opened = open_database(str(tmp_path / "sub" / "new.sqlite"))
    assert opened.created and opened.upgraded_from is None
    opened.database.dispose()
    again = open_database(str(tmp_path / "sub" / "new.sqlite"))
    assert not again.created and again.backup is None
    again.database.dispose()


def test_missing_file_without_create(tmp_path):
    with pytest.raises(DatabaseOpenError, match="There is no database"):
        open_database(str(tmp_path / "absent.sqlite"), create=False)


def test_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"These are my notes, not a database." * 20)
    with pytest.raises(DatabaseOpenError, match="is not a desk database") as error:
        open_database(str(path))
    assert "Traceback" not in str(error.value)


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(DatabaseOpenError, match="is a folder"):
        open_database(str(tmp_path))


def test_database_of_another_program_is_left_alone(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(DatabaseOpenError, match="another program"):
        open_database(str(path))


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "newer.sqlite"
    open_database(str(path)).database.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    with pytest.raises(DatabaseOpenError, match="newer version of desk"):
        open_database(str(path))


def test_older_schema_is_upgraded_after_a_backup(tmp_path):
    from alembic import command
    from alembic.config import Config

    from desk.db import MIGRATIONS, make_engine
    from tests import factories

    path = tmp_path / "old.sqlite"
    db = open_database(str(path)).database
    factories.student(db, "Łukasz", "Żółkiewski", number="123456")
    db.dispose()
    engine = make_engine(f"sqlite+pysqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")  # as a database made by the first release
    engine.dispose()
    with pytest.raises(DatabaseOpenError, match="needs an upgrade"):
        open_database(str(path), upgrade_schema=False)
    opened = open_database(str(path))
    assert opened.upgraded_from == "0001" and opened.backup.parent == tmp_path / "backups"
    with sqlite3.connect(opened.backup) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    with opened.database.read() as session:  # the upgrade filled the new search table
        assert session.execute(text("SELECT student_number FROM student_search")).scalars().all() == ["123456"]
    opened.database.dispose()


def test_backup_copies_a_live_database(tmp_path, sqlite_db):
    path = sqlite_db.url.database
    with sqlite_db.write() as session:
        session.execute(text("INSERT INTO settings (key, value) VALUES ('k', 'v')"))
    copy = backup_sqlite(path, tmp_path / "copy.sqlite")
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT value FROM settings WHERE key = 'k'").fetchone() == ("v",)
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)


def test_locked_database_gives_a_clear_message(tmp_path, monkeypatch):
    path = tmp_path / "locked.sqlite"
    open_database(str(path)).database.dispose()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr("desk.db.SQLITE_BUSY_TIMEOUT_MS", 200)
    try:
        with pytest.raises(DatabaseOpenError, match="locked by another program"):
            opened = open_database(str(path))
            with opened.database.write() as session:
                session.execute(text("SELECT 1"))
    finally:
        holder.rollback()
        holder.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="file permissions do not bind root")
def test_read_only_file_gives_a_clear_message(tmp_path):
    path = tmp_path / "ro.sqlite"
    open_database(str(path)).database.dispose()
    path.chmod(0o444)
    with pytest.raises(DatabaseOpenError, match="read-only"):
        open_database(str(path))


def test_read_only_message_when_the_system_says_so(tmp_path, monkeypatch):
    path = tmp_path / "ro.sqlite"
    open_database(str(path)).database.dispose()
    monkeypatch.setattr(os, "access", lambda p, mode: mode != os.W_OK)
    with pytest.raises(DatabaseOpenError, match="read-only"):
        open_database(str(path))


def test_server_that_does_not_answer():
    with pytest.raises(DatabaseOpenError, match="does not answer") as error:
        open_database("postgresql://desk@127.0.0.1:1/desk")
    assert error.value.detail


def test_server_that_refuses_the_login():
    import shutil
    import subprocess

    if not shutil.which("pg_isready") or subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode:
        pytest.skip("no local PostgreSQL server")
    with pytest.raises(DatabaseOpenError, match="refused the sign-in|does not exist"):
        open_database("postgresql://no_such_desk_user@127.0.0.1:5432/test")


def test_resolve_url(tmp_path, monkeypatch):
    monkeypatch.delenv("DESK_DATABASE_URL", raising=False)
    assert resolve_url(str(tmp_path / "a.sqlite")).database == str(tmp_path / "a.sqlite")
    assert resolve_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    monkeypatch.setenv("DESK_DATABASE_URL", "postgresql://u@h/other")
    assert resolve_url(None).database == "other"
    with pytest.raises(DatabaseOpenError, match="not a database address"):
        resolve_url("postgresql://u@h:notaport/db")
