"""Hostile or clumsy input at the terminal ends in a message and exit status 1 or 2, never a traceback."""

from __future__ import annotations

import pytest

from desk.cli import main


@pytest.mark.parametrize("address", ["xyz://", "mysql://u@h/db", "oracle://x/y"])
def test_an_unsupported_database_address_is_refused(address, capsys):
    assert main(["--db", address, "db", "version"]) == 1
    err = capsys.readouterr().err
    assert "SQLite file or a PostgreSQL server" in err and "unexpected" not in err


def test_db_version_neither_creates_the_file_nor_fails(tmp_path, capsys):
    path = tmp_path / "asked.sqlite"
    assert main(["--db", str(path), "db", "version"]) == 1
    assert "There is no database" in capsys.readouterr().err
    assert not path.exists()


def test_db_version_when_the_server_is_down(capsys):
    assert main(["--db", "postgresql://nobody@127.0.0.1:9/none", "db", "version"]) == 1
    err = capsys.readouterr().err
    assert "does not answer" in err and "unexpected" not in err


def test_db_version_of_a_damaged_file(tmp_path, sqlite_template, capsys):
    path = tmp_path / "flipped.sqlite"
    data = bytearray(sqlite_template.read_bytes())
    for offset in range(100, len(data), 509):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    status = main(["--db", str(path), "db", "version"])
    err = capsys.readouterr().err
    assert status in (0, 1) and "unexpected" not in err


def test_a_foreign_sqlite_file_is_refused_and_never_switched_to_wal(tmp_path, capsys):
    import sqlite3

    path = tmp_path / "foreign.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (x)")
    connection.commit()
    connection.close()
    for command in (["db", "version"], ["init", "--login", "a", "--name", "A"], ["students", "search", "x"]):
        assert main(["--db", str(path), *command]) == 1
        assert "tables of another program" in capsys.readouterr().err
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    connection.close()


@pytest.fixture
def demo_path(tmp_path, _demo_templates, monkeypatch):
    import shutil

    path = tmp_path / "demo.sqlite"
    shutil.copyfile(_demo_templates("sqlite"), path)
    monkeypatch.setenv("DESK_PASSWORD", "demo1234")
    return str(path)


def _first(path: str, column):
    from sqlalchemy import select

    from desk.db import open_database

    db = open_database(path).database
    try:
        with db.read() as session:
            return session.scalar(select(column).order_by(column))
    finally:
        db.dispose()


@pytest.mark.parametrize("command", [
    ["students", "search", "kow\udcffal"],
    ["sync", "--student", "\udcc3"],
    ["explain", "\udcff", "X"],
    ["--as", "adm\udcffin", "staff", "list"],
])
def test_arguments_that_are_not_utf8_are_a_usage_error(demo_path, command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--db", demo_path, *command])
    assert exit_.value.code == 2
    assert "not valid UTF-8" in capsys.readouterr().err


def test_sync_of_an_empty_student_number_is_refused(demo_path, capsys):
    from sqlalchemy import func, select

    from desk.db import open_database
    from desk.model import SyncRun

    def runs() -> int:
        db = open_database(demo_path).database
        with db.read() as session:
            count = session.scalar(select(func.count()).select_from(SyncRun))
        db.dispose()
        return count

    before = runs()
    for empty in ("", "  "):
        assert main(["--db", demo_path, "--as", "admin", "sync", "--student", empty]) == 1
        assert "--student needs a student number" in capsys.readouterr().err
    assert runs() == before


def test_access_grant_that_applies_nothing_is_not_a_success(demo_path, tmp_path, capsys):
    from desk.model import Registration

    code = _first(demo_path, Registration.code)
    listing = tmp_path / "nobody.txt"
    listing.write_text("000000000\n", encoding="utf-8")
    assert main(["--db", demo_path, "--as", "admin", "access", "grant", code, "--file", str(listing),
                 "--reason", "r", "--yes"]) == 1
    assert "Nothing applied" in capsys.readouterr().err


def _export(demo_path, out, *extra):
    from desk.model import Registration

    code = _first(demo_path, Registration.code)
    return main(["--db", demo_path, "--as", "admin", "export", "access", "--registration", code, "--out", str(out), *extra])


def test_an_export_under_a_file_or_into_a_read_only_folder_is_a_message(demo_path, tmp_path, capsys, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert _export(demo_path, blocker / "list.xlsx") == 1
    err = capsys.readouterr().err
    assert "cannot be written" in err and "unexpected" not in err

    import tempfile

    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    assert _export(demo_path, tmp_path / "list.xlsx") == 1
    err = capsys.readouterr().err
    assert "cannot be written" in err and "Permission denied" in err


def test_an_export_gets_the_mode_of_any_new_file_and_tidies_what_a_killed_one_left(demo_path, tmp_path, capsys):
    import os
    import time

    leftover = tmp_path / ".desk-export-killed.xlsx"
    leftover.write_bytes(b"half")
    old = time.time() - 13 * 3600
    os.utime(leftover, (old, old))
    recent = tmp_path / ".desk-export-running.xlsx"
    recent.write_bytes(b"in progress")
    previous = os.umask(0o022)
    try:
        assert _export(demo_path, tmp_path / "list.xlsx") == 0
    finally:
        os.umask(previous)
    assert (tmp_path / "list.xlsx").stat().st_mode & 0o777 == 0o644
    assert not leftover.exists() and recent.exists()


@pytest.mark.parametrize("login, name", [
    ("ko\x1b[2Jwal", "Ewa Kowal"), ("kowal\u202e", "Ewa Kowal"), ("kowal", "Ewa \x1b]0;pwned\x07Kowal"),
    ("kowal\u200b", "Ewa Kowal"),
])
def test_logins_and_names_with_control_characters_are_refused(demo_path, login, name, monkeypatch, capsys):
    monkeypatch.setenv("DESK_NEW_PASSWORD", "new-password-1")
    status = main(["--db", demo_path, "--as", "admin", "staff", "add", login, "--name", name, "--role", "administrator",
                   "--reason", "r"])
    err = capsys.readouterr().err
    assert status == 1 and "control or invisible characters" in err


def test_escape_sequences_in_stored_names_never_reach_the_terminal(demo_path, capsys):
    from sqlalchemy import update

    from desk.db import open_database
    from desk.model import StaffUser

    db = open_database(demo_path).database
    with db.write() as session:  # as an older desk, or an edited file, might have kept it
        session.execute(update(StaffUser).where(StaffUser.login == "cos").values(full_name="Cos \x1b[2J\x1b]0;x\x07\x9b"))
    db.dispose()
    assert main(["--db", demo_path, "--as", "admin", "staff", "list"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "Cos \\x1b[2J" in out


def test_an_empty_file_never_becomes_a_database(tmp_path, capsys, monkeypatch):
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    monkeypatch.setenv("DESK_PASSWORD", "secret-password")
    for command in (["init", "--login", "boss", "--name", "B"], ["db", "upgrade"], ["students", "search", "x"]):
        assert main(["--db", str(path), *command]) == 1
        assert "is empty" in capsys.readouterr().err
    assert path.stat().st_size == 0


def test_a_failed_init_or_demo_leaves_no_file(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("DESK_PASSWORD", raising=False)
    path = tmp_path / "new.sqlite"
    status = main(["--db", str(path), "init"])  # no login given and no terminal to ask
    assert status == 1 and "unexpected" not in capsys.readouterr().err
    status = main(["--db", str(path), "init", "--login", "boss", "--name", "B"])  # no password anywhere
    assert status == 1
    assert not path.exists() and not list(tmp_path.glob("new.sqlite*"))
    assert main(["--db", str(path), "demo", "--students", "-5"]) in (1, 2)
    capsys.readouterr()
    assert not list(tmp_path.glob("new*"))


@pytest.mark.parametrize("seed", range(5))
def test_a_database_file_with_flipped_bytes_is_a_message(demo_path, seed, capsys, monkeypatch):
    import random

    data = bytearray(open(demo_path, "rb").read())
    chance = random.Random(seed)
    for _ in range(40):
        data[chance.randrange(100, len(data))] ^= 0xFF
    with open(demo_path, "wb") as damaged:
        damaged.write(bytes(data))
    for command in (["students", "search", "kow"], ["check"], ["staff", "list"], ["sync"]):
        status = main(["--db", demo_path, "--as", "admin", *command])
        err = capsys.readouterr().err
        assert status in (0, 1) and "unexpected" not in err, (command, err)


@pytest.mark.parametrize("command", [
    ["students", "search", "a\x00b"], ["groups", "list", "--registration", "\x00"], ["tokens", "balance", "\x00"],
    ["portal", "where", "--url", "\x00", "--reason", "r"], ["enroll", "1", "2", "--reason", "x\x00"],
])
def test_a_nul_character_in_an_argument_is_a_usage_error(demo_path, command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--db", demo_path, "--as", "admin", *command])
    assert exit_.value.code == 2 and "NUL character" in capsys.readouterr().err


def test_a_file_name_too_long_for_the_file_system_is_a_message(demo_path, tmp_path, capsys):
    from desk.model import Registration

    code = _first(demo_path, Registration.code)
    long_name = str(tmp_path / ("ł" * 300))
    for command in (["accounts", "import", long_name], ["export", "access", "--registration", code, "--out", long_name],
                    ["access", "grant", code, "--file", long_name, "--reason", "r", "--dry-run"],
                    ["backup", "restore", long_name], ["backup", "--folder", long_name],
                    ["portal", "where", "--url", long_name, "--reason", "r"]):
        status = main(["--db", demo_path, "--as", "admin", *command])
        err = capsys.readouterr().err
        assert status == 1 and "unexpected" not in err, (command, err)
