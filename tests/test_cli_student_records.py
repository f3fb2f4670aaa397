"""Terminal commands that keep students' records: add, edit, status, and a student's programmes."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from desk.cli import main
from desk.db import open_database
from desk.model import AuditEntry, Level, LoginAccount, Role, StudyMode
from tests import factories
from tests.factories import PHD_DOMAIN, STUDENT_DOMAIN
from ui.entry import main as desk_command


@pytest.mark.parametrize("args", [["students", "add"], ["students", "edit"], ["students", "status"],
                                  ["students", "programme"], ["students", "programme", "add"],
                                  ["students", "programme", "stage"], ["students", "programme", "list"]])
def test_help(args, capsys):
    with pytest.raises(SystemExit) as exit_:
        desk_command([*args, "--help"])
    assert exit_.value.code == 0
    assert "usage: desk students" in capsys.readouterr().out


@pytest.fixture
def database(tmp_path, monkeypatch):
    path = tmp_path / "records.sqlite"
    db = open_database(str(path)).database
    factories.staff(db, "admin", Role.ADMINISTRATOR)
    factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    factories.staff(db, "cos", Role.SERVICE_CENTER)
    factories.programme(db, "INF-S1")
    factories.programme(db, "INF-S2", level=Level.SECOND_CYCLE)
    factories.programme(db, "PRA-N1", unit_code="WPA", mode=StudyMode.PART_TIME)
    factories.login_templates(db)
    factories.student(db, "Jan", "Kowalski", number="004321")
    db.dispose()
    monkeypatch.setenv("DESK_PASSWORD", "password-123")
    return ["--db", str(path)], path


def _entries(path, action: str) -> list[AuditEntry]:
    db = open_database(str(path)).database
    try:
        with db.read() as session:
            return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))
    finally:
        db.dispose()


def test_add_a_student_with_a_login(database, capsys):
    base, path = database
    clerk = [*base, "--as", "dziekanat", "students", "add"]
    assert main([*clerk, "012345", "--first-name", "Łucja", "--last-name", "Żak", "--birth-date", "1944-05-14",
                 "--pesel", "44051401359", "--email", "lucja@example.com", "--programme", "INF-S1",
                 "--admitted", "2026-10-01", "--json"]) == 0
    admitted = json.loads(capsys.readouterr().out)
    assert admitted["student_number"] == "012345" and admitted["login"] == f"012345@{STUDENT_DOMAIN}"
    # The number is taken: one line naming who has it.
    assert main([*clerk, "004321", "--first-name", "Anna", "--last-name", "Nowak", "--programme", "INF-S1"]) == 1
    assert capsys.readouterr().err.strip() == "desk: The student number 004321 already belongs to Jan Kowalski."
    assert main([*clerk, "12a", "--first-name", "Anna", "--last-name", "Nowak", "--programme", "INF-S1"]) == 1
    assert "digits" in capsys.readouterr().err
    assert main([*clerk, "555", "--first-name", "Anna", "--last-name", "Nowak", "--programme", "PRA-N1"]) == 1
    assert "not one of your units" in capsys.readouterr().err  # not the clerk's unit: it is named, not the role
    assert main([*clerk, "556", "--first-name", "Anna", "--last-name", "Nowak", "--programme", "INF-S1",
                 "--birth-date", "1.10.2004"]) == 1
    assert "YYYY-MM-DD" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([*clerk, "557", "--first-name", "A", "--last-name", "B", "--programme", "INF-S1", "--stage", "11"])
    assert "A stage is a whole number from 1 to 10" in capsys.readouterr().err
    assert main([*base, "--as", "admin", "students", "add", "700", "--first-name", "Ewa", "--last-name", "Lis",
                 "--category", "phd_student", "--programme", "INF-S2", "--programme", "PRA-N1"]) == 0
    assert f"login 700@{PHD_DOMAIN}" in capsys.readouterr().out
    db = open_database(str(path)).database
    with db.read() as session:
        assert session.scalar(select(LoginAccount.email).where(LoginAccount.email.like("555%"))) is None
    db.dispose()


def test_edit_and_status_and_programmes(database, capsys):
    base, path = database
    clerk = [*base, "--as", "dziekanat", "students"]
    assert main([*clerk, "edit", "004321", "--last-name", "Kowalski-Nowak", "--middle-name", "Maria",
                 "--reason", "akt małżeństwa"]) == 0
    assert "Corrected 004321: Jan Maria Kowalski-Nowak." in capsys.readouterr().out
    assert main([*clerk, "edit", "004321", "--reason", "nic"]) == 1
    assert "Nothing was changed" in capsys.readouterr().err

    assert main([*clerk, "status", "004321", "on_leave", "--since", "2026-10-01", "--until", "2027-09-30",
                 "--reason", "decyzja 12/2026"]) == 0
    assert "004321: INF-S1 stage 1: on leave since 2026-10-01 until 2027-09-30." in capsys.readouterr().out
    assert main([*clerk, "status", "004321", "on_leave", "--since", "2026-11-01", "--reason", "again"]) == 1
    assert "already on leave" in capsys.readouterr().err
    assert main([*clerk, "status", "004321", "removed", "--since", "2026-11-01", "--until", "2027-01-01",
                 "--reason", "x"]) == 1
    assert "Only a leave or a suspension has a planned end." in capsys.readouterr().err
    assert main([*clerk, "status", "004321", "active", "--since", "2027-02-20", "--reason", "powrót z urlopu", "--json"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert (line["status"], line["since"], line["until"]) == ("active", "2027-02-20", None)

    assert main([*clerk, "programme", "add", "004321", "INF-S2", "--stage", "1", "--admitted", "2027-02-20"]) == 0
    capsys.readouterr()
    assert main([*clerk, "status", "004321", "graduated", "--reason", "dyplom"]) == 1
    assert "several programmes (INF-S2, INF-S1)" in capsys.readouterr().err
    assert main([*clerk, "programme", "stage", "004321", "2", "--programme", "INF-S1", "--reason", "wpis na rok 2"]) == 0
    assert "INF-S1 stage 2" in capsys.readouterr().out
    assert main([*clerk, "programme", "list", "004321", "--json"]) == 0
    listed = {p["programme"]: p for p in json.loads(capsys.readouterr().out)["programmes"]}
    assert listed["INF-S1"]["stage"] == 2 and listed["INF-S2"]["status"] == "active"
    assert main([*clerk, "status", "004321", "removed", "--programme", "INF-S1", "--since", "2027-03-01",
                 "--reason", "brak wpisu"]) == 0
    capsys.readouterr()
    assert main([*clerk, "status", "004321", "active", "--programme", "INF-S1", "--since", "2027-03-02",
                 "--reason", "odwołanie"]) == 1
    assert "only an administrator reinstates" in capsys.readouterr().err
    assert main([*base, "--as", "admin", "students", "status", "004321", "active", "--programme", "INF-S1",
                 "--since", "2027-03-02", "--reason", "odwołanie uwzględnione"]) == 0
    assert main([*base, "--as", "cos", "students", "status", "004321", "on_leave", "--programme", "INF-S2",
                 "--reason", "x"]) == 1
    assert "does not allow this" in capsys.readouterr().err
    reasons = [e.reason for e in _entries(path, "student_programme.status")]
    assert reasons == ["decyzja 12/2026", "powrót z urlopu", "brak wpisu", "odwołanie uwzględnione"]
