"""The `desk` command: help, init, demo, search, upgrade, and one-line errors instead of tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desk.cli import main
from ui.entry import main as desk_command
from desk.db import head_revision, open_database
from tests import factories


@pytest.mark.parametrize(
    "args", [[], ["init"], ["demo"], ["db"], ["db", "upgrade"], ["db", "version"], ["students", "search"], ["snapshot"]]
)
def test_every_command_has_help(args, capsys):
    with pytest.raises(SystemExit) as exit_:
        desk_command([*args, "--help"])
    assert exit_.value.code == 0
    assert "usage: desk" in capsys.readouterr().out


def test_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "ui", "--help"], capture_output=True, text=True, check=True)
    assert "students" in result.stdout and "snapshot" in result.stdout
    # The terminal part alone, without the application: no command prints the help.
    result = subprocess.run([sys.executable, "-m", "desk"], capture_output=True, text=True, check=True)
    assert "students" in result.stdout and "snapshot" not in result.stdout


def test_init_creates_the_first_administrator(tmp_path, monkeypatch, capsys):
    db_path = tmp_path / "new.sqlite"
    monkeypatch.setenv("DESK_PASSWORD", "secret-password")
    assert main(["--db", str(db_path), "init", "--login", "boss", "--name", "Barbara Boss"]) == 0
    assert "Administrator: boss" in capsys.readouterr().out
    assert main(["--db", str(db_path), "init", "--login", "x", "--name", "X"]) == 1
    assert "already has staff" in capsys.readouterr().err


@pytest.fixture
def searchable(tmp_path, monkeypatch):
    path = tmp_path / "cli.sqlite"
    db = open_database(str(path)).database
    from desk.staff import create_first_administrator
    from desk.unit_of_work import SystemJob, UnitOfWork

    create_first_administrator(UnitOfWork(db, SystemJob.SETUP), "admin", "Anna Admin", "admin-password")
    factories.student(db, "Łukasz", "Żółkiewski", number="123456")
    db.dispose()
    monkeypatch.setenv("DESK_PASSWORD", "admin-password")
    return path


def test_students_search_json(searchable, capsys):
    assert main(["--db", str(searchable), "--as", "admin", "students", "search", "lukasz zolkiewski", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["students"][0]["student_number"] == "123456"
    assert result["students"][0]["last_name"] == "Żółkiewski"


def test_options_after_the_command(searchable, capsys):
    assert main(["students", "search", "123", "--db", str(searchable), "--as", "admin"]) == 0
    assert "Żółkiewski" in capsys.readouterr().out


def test_wrong_password_is_one_line(searchable, monkeypatch, capsys):
    monkeypatch.setenv("DESK_PASSWORD", "wrong-password")
    assert main(["--db", str(searchable), "--as", "admin", "students", "search", "x"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "desk: Wrong login or password." and "Traceback" not in err


def test_not_a_database_is_one_line(tmp_path, capsys):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"\x00junk" * 100)
    assert main(["--db", str(path), "--as", "admin", "students", "search", "x"]) == 1
    assert "is not a desk database" in capsys.readouterr().err


def test_demo_builds_and_signs_in_without_a_password(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("DESK_PASSWORD", raising=False)
    path = tmp_path / "demo.sqlite"
    assert main(["--db", str(path), "demo", "--students", "200", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "200 students" in out and "demo1234" in out
    assert main(["--db", str(path), "demo", "--students", "10"]) == 1  # not over an existing one
    assert "not empty" in capsys.readouterr().err
    assert main(["--db", str(path), "students", "search", "a", "--limit", "3"]) == 0  # a demo acts as admin


def test_db_upgrade_and_version(tmp_path, capsys):
    path = tmp_path / "v.sqlite"
    open_database(str(path)).database.dispose()
    assert main(["--db", str(path), "db", "upgrade"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert main(["--db", str(path), "db", "version"]) == 0
    assert capsys.readouterr().out.count(head_revision()) == 2


def test_snapshot_command(searchable, tmp_path, capsys):
    assert desk_command(["--db", str(searchable), "--as", "admin", "snapshot", "--out", str(tmp_path / "png"), "--lang", "en",
                         "--query", "zolkiewski"]) == 0
    written = sorted(p.name for p in (tmp_path / "png").glob("*.png"))
    # No registration in this database: the views that need one (explanation, tokens) are left out.
    assert written == [f"en-{view}.png" for view in ("01-sign-in", "02-student-lookup", "03-student-card", "04-settings",
                                                     "05-registrations", "06-access", "07-class-groups",
                                                     "10-token-round", "11-payments", "12-accounts", "13-sync",
                                                     "14-history", "15-staff")]
