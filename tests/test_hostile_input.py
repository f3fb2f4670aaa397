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


def test_db_version_does_not_switch_a_foreign_file_to_wal(tmp_path, capsys):
    import sqlite3

    path = tmp_path / "foreign.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (x)")
    connection.commit()
    connection.close()
    assert main(["--db", str(path), "db", "version"]) == 0
    assert "database schema: none" in capsys.readouterr().out
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    connection.close()
