"""Backups: online copies while the database is open, keeping the last N, one a day, and safe restores."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, text

from desk import backup, sync
from desk.check import check_database
from desk.cli import main
from desk.clock import UTC
from desk.db import current_revision, head_revision, make_engine, open_database, upgrade
from desk.errors import DomainError, PermissionDenied
from desk.model import AuditEntry, Setting, SyncKind, SyncTrigger
from desk.portal import schema
from desk.portal.database import open_portal_for
from desk.staff import actor_for_login
from desk.unit_of_work import SystemJob, UnitOfWork


def _job(db, now=None) -> UnitOfWork:
    """The institution's own backup job (the daily backup): not a member of staff, not recorded."""
    return UnitOfWork(db, SystemJob.SCHEDULE, now=now)


@pytest.fixture
def demo_file(tmp_path, _demo_templates, monkeypatch):
    """A copy of the small demo university as an SQLite file (backups are an SQLite feature)."""
    path = tmp_path / "desk.sqlite"
    shutil.copyfile(_demo_templates("sqlite"), path)
    monkeypatch.setenv("DESK_PASSWORD", "demo1234")
    return path


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _setting(path, key: str) -> str | None:
    connection = sqlite3.connect(path)
    try:
        row = connection.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None
    finally:
        connection.close()


def test_backup_and_restore_while_another_engine_has_the_database_open(demo_file):
    db = open_database(str(demo_file)).database
    admin = actor_for_login(db, "admin")
    copy = backup.backup_now(UnitOfWork(db, admin))
    assert copy.parent == demo_file.parent / "backups" and copy.name.startswith("desk-") and copy.suffix == ".sqlite"
    assert backup.verify_backup(copy) == head_revision()
    assert not (copy.parent / (copy.name + "-wal")).exists()  # one self-contained file
    with db.write() as session:
        session.add(Setting(key="after_backup", value="made after the backup"))
    with db.read() as session:
        audit = session.execute(select(AuditEntry.action, AuditEntry.staff_id, AuditEntry.after)
                                .where(AuditEntry.entity == "database", AuditEntry.action.like("database.%"))).all()
    assert [(a.action, a.staff_id, a.after["file"]) for a in audit] == [("database.backup", admin.id, str(copy))]

    # Another engine holds a connection, mid-transaction, while the backup is restored underneath it.
    other = make_engine(db.url)
    held = other.connect()
    assert held.execute(text("SELECT value FROM settings WHERE key = 'after_backup'")).scalar() == "made after the backup"
    result = backup.restore(copy, demo_file, actor=admin)
    held.rollback()
    assert held.execute(text("SELECT value FROM settings WHERE key = 'after_backup'")).scalar() is None
    held.close()
    other.dispose()

    assert result.schema_version == head_revision() and result.upgraded_from is None
    assert result.safety_copy is not None and "before-restore" in result.safety_copy.name
    assert _setting(result.safety_copy, "after_backup") == "made after the backup"  # what was replaced is kept
    with db.read() as session:  # the first engine, open all along, reads the restored data too
        assert session.get(Setting, "after_backup") is None
    db.dispose()

    reopened = open_database(str(demo_file), create=False).database
    try:
        assert check_database(reopened).clean
        with reopened.read() as session:
            restored = session.execute(select(AuditEntry.action, AuditEntry.staff_id, AuditEntry.after)
                                       .where(AuditEntry.entity == "database", AuditEntry.action.like("database.%"))).all()
        assert [(a.action, a.staff_id) for a in restored] == [("database.restore", admin.id)]
        assert restored[0].after["restored_from"] == str(copy) and restored[0].after["by"] == "admin"
    finally:
        reopened.dispose()
    # Backups made by desk are what `list` shows; the copy taken before the restore is kept apart.
    assert [b.path for b in backup.list_backups(demo_file)] == [copy]


def test_a_restored_older_schema_is_upgraded_when_it_opens(tmp_path):
    old = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite+pysqlite:///{old}")
    upgrade(engine, "0003")
    engine.dispose()
    assert backup.verify_backup(old) == "0003"
    target = tmp_path / "live" / "desk.sqlite"
    result = backup.restore(old, target)
    assert result.schema_version == "0003" and result.upgraded_from == "0003" and result.safety_copy is None
    engine = make_engine(f"sqlite+pysqlite:///{target}")
    try:
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()
    assert backup.verify_backup(old) == "0003"  # the backup itself is never changed


def test_only_desks_own_backups_are_pruned_and_the_newest_kept(sqlite_db):
    start = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    folder = backup.backup_folder(backup.sqlite_path(sqlite_db.url))
    folder.mkdir(parents=True, exist_ok=True)
    kept_apart = [folder / "desk-before-0004-20261101-120000.sqlite", folder / "desk-before-restore-20261101-120000.sqlite",
                  folder / "other-20261101-120000.sqlite"]
    for path in kept_apart:
        path.write_bytes(b"")
    made = [backup.backup_now(_job(sqlite_db, start + timedelta(hours=hour)), keep=3) for hour in range(5)]
    assert [b.path for b in backup.list_backups(backup.sqlite_path(sqlite_db.url))] == made[2:]
    assert not any(path.exists() for path in made[:2])
    assert all(path.exists() for path in kept_apart)
    # Twice in one second: a second file, not a replaced one.
    again = backup.backup_now(_job(sqlite_db, start + timedelta(hours=4)), keep=3)
    assert again.name == made[4].name.replace(".sqlite", "-2.sqlite") and made[4].exists()
    assert [b.path for b in backup.list_backups(backup.sqlite_path(sqlite_db.url))] == [made[3], made[4], again]
    with pytest.raises(DomainError):
        backup.backup_now(_job(sqlite_db), keep=0)


def test_the_daily_backup_is_made_once_a_local_day(sqlite_db):
    # 22:30 UTC on 28 March is 23:30 in Warsaw; 23:30 UTC is already 29 March there (UTC is still on the 28th).
    first = backup.daily_backup(_job(sqlite_db, datetime(2026, 3, 28, 22, 30, tzinfo=UTC)))
    assert first is not None and "-20260328-233000" in first.name
    assert backup.daily_backup(_job(sqlite_db, datetime(2026, 3, 28, 22, 59, tzinfo=UTC))) is None
    second = backup.daily_backup(_job(sqlite_db, datetime(2026, 3, 28, 23, 30, tzinfo=UTC)))
    assert second is not None and "-20260329-003000" in second.name
    assert backup.daily_backup(_job(sqlite_db, datetime(2026, 3, 29, 20, 0, tzinfo=UTC))) is None
    assert len(backup.list_backups(backup.sqlite_path(sqlite_db.url))) == 2


def test_restore_refuses_a_file_that_is_not_a_sound_desk_database(demo_file, tmp_path):
    db = open_database(str(demo_file)).database
    good = backup.backup_now(_job(db))
    db.dispose()
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("not a database at all", encoding="utf-8")
    foreign = tmp_path / "foreign.sqlite"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    connection.commit()
    connection.close()
    newer = tmp_path / "newer.sqlite"
    shutil.copyfile(good, newer)
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(good.read_bytes())
    page = 4096
    data[page * 2: page * 60] = bytes(range(256)) * (page * 58 // 256)
    damaged.write_bytes(bytes(data))
    portal = tmp_path / "portal.sqlite"
    schema.metadata.create_all(engine := make_engine(f"sqlite+pysqlite:///{portal}"))
    engine.dispose()

    before = _digest(demo_file)
    cases = {
        tmp_path / "missing.sqlite": "There is no backup file",
        text_file: "is not a desk database",
        foreign: "is not a desk database",
        portal: "is not a desk database",
        newer: "newer version of desk",
        damaged: "damaged",
    }
    for path, message in cases.items():
        with pytest.raises(DomainError, match=message):
            backup.restore(path, demo_file)
    assert _digest(demo_file) == before
    assert not list((demo_file.parent / "backups").glob("*before-restore*"))  # nothing was touched
    with pytest.raises(DomainError, match="from itself"):
        backup.restore(demo_file, demo_file)


def test_restore_clears_the_portals_checkpoint_of_changes_the_backup_never_had(demo_file):
    db = open_database(str(demo_file)).database
    sync.run_sync(UnitOfWork(db, SystemJob.SCHEDULE), SyncKind.FULL)  # makes and fills the portal beside it
    copy = backup.backup_now(_job(db))
    portal = open_portal_for(db)
    with portal.write() as session:
        session.execute(schema.sync_state.delete().where(schema.sync_state.c.key == sync.CHECKPOINT))
        session.execute(schema.sync_state.insert().values(key=sync.CHECKPOINT, value=json.dumps({"run": 99, "ids": [10**6]})))
    db.dispose()
    result = backup.restore(copy, demo_file)
    assert result.portal_checkpoint_cleared
    with portal.read() as session:
        assert session.scalar(select(schema.sync_state.c.value).where(schema.sync_state.c.key == sync.CHECKPOINT)) is None
    portal.dispose()


def test_only_an_administrator_backs_up_or_restores(demo_file, capsys):
    db = open_database(str(demo_file)).database
    clerk = actor_for_login(db, "dziekanat")
    with pytest.raises(PermissionDenied):
        backup.backup_now(UnitOfWork(db, clerk))
    copy = backup.backup_now(_job(db))
    with pytest.raises(PermissionDenied):
        backup.restore(copy, demo_file, actor=clerk)
    db.dispose()
    for command in (["backup"], ["backup", "list"], ["backup", "restore", str(copy), "--yes"]):
        assert main(["--db", str(demo_file), "--as", "cos", *command]) == 1
        assert "does not allow" in capsys.readouterr().err


def test_backup_list_and_restore_from_the_terminal(demo_file, capsys):
    assert main(["--db", str(demo_file), "--as", "admin", "backup", "--keep", "5"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Backup: ") and "MB" in out
    made = backup.list_backups(demo_file)
    assert len(made) == 1
    assert main(["--db", str(demo_file), "--as", "admin", "backup", "list"]) == 0
    assert str(made[0].path) in capsys.readouterr().out
    # Without --yes and without a terminal to ask in, nothing is restored.
    assert main(["--db", str(demo_file), "--as", "admin", "backup", "restore", str(made[0].path)]) == 1
    assert "--yes" in capsys.readouterr().err
    assert main(["--db", str(demo_file), "--as", "admin", "backup", "restore", str(made[0].path), "--yes"]) == 0
    out = capsys.readouterr().out
    assert f"Restored {demo_file}" in out and "before the restore" in out and "publishes everything" in out
    assert main(["--db", str(demo_file), "--as", "admin", "backup", "restore", str(demo_file.parent / "nope.sqlite"),
                 "--yes"]) == 1
    assert "There is no backup file" in capsys.readouterr().err


def test_restore_from_the_terminal_when_the_current_file_is_damaged(demo_file, capsys):
    db = open_database(str(demo_file)).database
    copy = backup.backup_now(_job(db))
    db.dispose()
    for suffix in ("-wal", "-shm"):
        demo_file.with_name(demo_file.name + suffix).unlink(missing_ok=True)
    demo_file.write_bytes(b"this is no longer a database" * 100)
    # Not on the word of the backup's own staff accounts: the damaged file is moved aside by hand first.
    assert main(["--db", str(demo_file), "--as", "admin", "backup", "restore", str(copy), "--yes"]) == 1
    assert "move it aside" in capsys.readouterr().err
    assert demo_file.read_bytes() == b"this is no longer a database" * 100  # kept as it was
    demo_file.rename(demo_file.with_name("damaged.sqlite"))
    assert main(["--db", str(demo_file), "--as", "admin", "backup", "restore", str(copy), "--yes"]) == 0
    assert "Restored" in capsys.readouterr().out
    reopened = open_database(str(demo_file), create=False).database
    try:
        assert check_database(reopened).clean
    finally:
        reopened.dispose()


def test_on_postgresql_backups_name_the_servers_tools(db, capsys):
    if db.is_sqlite:
        pytest.skip("the PostgreSQL refusal")
    name = db.url.database
    with pytest.raises(DomainError) as refused:
        backup.backup_now(_job(db))
    message = str(refused.value)
    assert "pg_dump --format=custom" in message and "pg_restore" in message and name in message
    assert "postgresql://" in message and "+psycopg" not in message
    with pytest.raises(DomainError, match="pg_restore"):
        backup.restore("/nonexistent/backup.sqlite", db.url)
    with pytest.raises(DomainError, match="pg_dump"):
        backup.daily_backup(_job(db))
    url = db.url.render_as_string(hide_password=False)
    assert main(["--db", url, "backup"]) == 1
    assert "pg_dump" in capsys.readouterr().err
    assert main(["--db", url, "backup", "restore", "x.sqlite", "--yes"]) == 1
    assert "pg_restore" in capsys.readouterr().err
