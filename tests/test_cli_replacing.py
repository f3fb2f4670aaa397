"""Commands that replace a whole database: `desk demo --force` and `desk backup restore` ask who, make sure,
and keep what they replace."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from sqlalchemy import func, select

from desk import backup, sync
from desk.cli import main
from desk.db import open_database
from desk.model import Person, Role, SyncKind, SyncTrigger
from desk.portal import schema
from desk.portal.database import open_portal_for
from desk.staff import create_first_administrator
from desk.unit_of_work import SystemJob, UnitOfWork
from tests import factories


def _production(path) -> None:
    """A university's own database: an administrator, a clerk and one student, not a demo."""
    db = open_database(str(path)).database
    try:
        create_first_administrator(UnitOfWork(db, SystemJob.SETUP), "boss", "Barbara Boss", "boss-password")
        factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
        factories.student(db, "Łukasz", "Żółkiewski", number="123456")
    finally:
        db.dispose()


def _persons(path) -> int:
    db = open_database(str(path), create=False).database
    try:
        with db.read() as session:
            return session.scalar(select(func.count()).select_from(Person))
    finally:
        db.dispose()


def test_demo_force_over_a_university_database_needs_an_administrator_a_yes_and_a_backup(tmp_path, monkeypatch,
                                                                                        capsys):
    path = tmp_path / "desk.sqlite"
    _production(path)
    demo = ["--db", str(path), "demo", "--force", "--students", "40"]
    monkeypatch.delenv("DESK_PASSWORD", raising=False)
    assert main(demo) == 1  # nobody signed in
    assert "--as" in capsys.readouterr().err
    monkeypatch.setenv("DESK_PASSWORD", "wrong-password")
    assert main([*demo, "--as", "boss"]) == 1
    monkeypatch.setenv("DESK_PASSWORD", "password-123")
    assert main([*demo, "--as", "dziekanat"]) == 1  # not an administrator
    assert "does not allow" in capsys.readouterr().err
    monkeypatch.setenv("DESK_PASSWORD", "boss-password")
    assert main([*demo, "--as", "boss"]) == 1  # no terminal to ask in, and no --yes
    assert "--yes" in capsys.readouterr().err
    assert _persons(path) == 1 and not (tmp_path / "backups").exists()
    assert main([*demo, "--as", "boss", "--yes"]) == 0
    out = capsys.readouterr().out
    backups = list((tmp_path / "backups").glob("desk-*.sqlite"))
    assert len(backups) == 1 and str(backups[0]) in out
    assert _persons(backups[0]) == 1  # the university's data, kept
    assert _persons(path) > 1  # the demo in its place


def test_demo_force_over_a_demo_needs_nothing_more(tmp_path, monkeypatch):
    monkeypatch.delenv("DESK_PASSWORD", raising=False)
    path = tmp_path / "demo.sqlite"
    assert main(["--db", str(path), "demo", "--students", "30"]) == 0
    assert main(["--db", str(path), "demo", "--force", "--students", "30", "--seed", "2"]) == 0
    assert not (tmp_path / "backups").exists()


def test_demo_force_refuses_a_file_it_cannot_open(tmp_path, capsys):
    path = tmp_path / "desk.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    assert main(["--db", str(path), "demo", "--force", "--yes"]) == 1
    assert "move it aside" in capsys.readouterr().err
    assert path.read_bytes()[16:20] == b"\x07" * 4


# --- desk backup restore -----------------------------------------------------------------------------

@pytest.fixture
def demo_file(tmp_path, _demo_templates, monkeypatch):
    path = tmp_path / "desk.sqlite"
    shutil.copyfile(_demo_templates("sqlite"), path)
    monkeypatch.setenv("DESK_PASSWORD", "demo1234")
    return path


def _set(path, key: str, value: str) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("UPDATE settings SET value = ? WHERE key = ?", (value, key))
        connection.commit()
    finally:
        connection.close()


def _setting(path, key: str) -> str | None:
    connection = sqlite3.connect(path)
    try:
        row = connection.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None
    finally:
        connection.close()


def _copy_of(demo_file, name: str):
    db = open_database(str(demo_file)).database
    try:
        made = backup.backup_now(UnitOfWork(db, SystemJob.SCHEDULE))
    finally:
        db.dispose()
    return made.rename(made.with_name(name))


def test_restore_names_the_backups_institution_and_desk_and_asks_when_they_differ(demo_file, capsys):
    theirs = _copy_of(demo_file, "theirs.sqlite")
    _set(theirs, "institution_name", "Politechnika Gdzieindziej")
    _set(theirs, sync.DESK_ID_SETTING, "0123456789abcdef0123456789abcdef")
    ours = _setting(demo_file, "institution_name")
    restore = ["--db", str(demo_file), "--as", "admin", "backup", "restore", str(theirs), "--yes"]
    assert main(restore) == 1  # --yes is not enough for another desk's backup
    out, err = capsys.readouterr()
    assert "Politechnika Gdzieindziej" in out + err and ours in out + err and "01234567" in out + err
    assert "--other-desk" in err
    assert _setting(demo_file, "institution_name") == ours  # not restored
    assert main([*restore, "--other-desk"]) == 0
    assert _setting(demo_file, "institution_name") == "Politechnika Gdzieindziej"
    # A backup of this same desk: named, and restored without a further question.
    ours_again = _copy_of(demo_file, "again.sqlite")
    assert main(["--db", str(demo_file), "--as", "admin", "backup", "restore", str(ours_again), "--yes"]) == 0
    assert "Politechnika Gdzieindziej" in capsys.readouterr().out


def test_restore_never_signs_in_with_the_backups_own_accounts_over_a_damaged_database(demo_file, capsys):
    copy = _copy_of(demo_file, "good.sqlite")
    for suffix in ("-wal", "-shm"):
        demo_file.with_name(demo_file.name + suffix).unlink(missing_ok=True)
    damaged = b"this is no longer a database" * 100
    demo_file.write_bytes(damaged)
    assert main(["--db", str(demo_file), "--as", "admin", "backup", "restore", str(copy), "--yes"]) == 1
    assert "move it aside" in capsys.readouterr().err
    assert demo_file.read_bytes() == damaged
    # Moved aside by hand, the place is empty: the backup's administrator, named explicitly, restores into it.
    demo_file.rename(demo_file.with_name("damaged.sqlite"))
    assert main(["--db", str(demo_file), "backup", "restore", str(copy), "--yes"]) == 1  # who? say it
    assert "--as" in capsys.readouterr().err
    assert main(["--db", str(demo_file), "--as", "admin", "backup", "restore", str(copy), "--yes"]) == 0
    assert "Restored" in capsys.readouterr().out


def test_after_a_restore_the_next_sync_publishes_everything(demo_file, capsys):
    db = open_database(str(demo_file)).database
    sync.run_sync(UnitOfWork(db, SystemJob.SCHEDULE), SyncKind.INCREMENTAL)
    db.dispose()
    copy = _copy_of(demo_file, "before.sqlite")
    assert main(["--db", str(demo_file), "--as", "admin", "backup", "restore", str(copy), "--yes"]) == 0
    assert "full" in capsys.readouterr().out
    db = open_database(str(demo_file)).database
    try:
        portal = open_portal_for(db)
        with portal.read() as session:
            owed = session.scalar(select(schema.sync_state.c.value).where(schema.sync_state.c.key == sync.FULL_OWED))
        portal.dispose()
        assert owed is not None
        report = sync.run_sync(UnitOfWork(db, SystemJob.SCHEDULE), SyncKind.INCREMENTAL)
        assert report.kind is SyncKind.FULL
        assert sync.run_sync(UnitOfWork(db, SystemJob.SCHEDULE), SyncKind.INCREMENTAL).kind is SyncKind.INCREMENTAL
    finally:
        db.dispose()
