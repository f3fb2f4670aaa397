"""Commands that replace a whole database: `desk demo --force` and `desk backup restore` ask who, make sure,
and keep what they replace."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desk.cli import main
from desk.db import open_database
from desk.model import Person, Role
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
