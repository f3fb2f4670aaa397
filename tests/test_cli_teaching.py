"""The terminal keeps courses, terms and class groups: add, correct, list; refusals are one line, nothing partial."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from desk.cli import main
from desk.model import LoginAccount, Person, PersonCategory, Term


@pytest.fixture
def run(demo_db, capsys):
    url = demo_db.url.render_as_string(hide_password=False)

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            status = main(["--db", url, *argv])
        except SystemExit as exit_:  # argparse's usage errors
            status = exit_.code
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run


def _teacher_login(db) -> str:
    with db.read() as session:
        return session.scalar(select(LoginAccount.email).join(Person, Person.id == LoginAccount.person_id)
                              .where(Person.category == PersonCategory.STAFF).order_by(LoginAccount.id))


def _last_term(db) -> tuple[str, str]:
    with db.read() as session:
        term = session.scalars(select(Term).order_by(Term.starts_on.desc())).first()
        return term.code, term.ends_on.isoformat()


def test_terms_add_list_edit(run, demo_db):
    code, last_day = _last_term(demo_db)
    year = int(code[:4]) + 3
    status, _out, err = run("terms", "add", f"{year}X", "--name", "Zima", "--starts", f"{year}-10-01", "--ends", f"{year + 1}-02-28")
    assert status == 1 and "four-digit year and Z" in err and "Traceback" not in err
    status, out, _err = run("terms", "add", f"{year}Z", "--name", "Semestr zimowy", "--starts", f"{year}-10-01",
                            "--ends", f"{year + 1}-02-28", "--json")
    assert status == 0 and json.loads(out)["code"] == f"{year}Z"
    status, _out, err = run("terms", "add", f"{year + 1}Z", "--name", "Zima", "--starts", f"{year}-12-01", "--ends", f"{year + 1}-06-30")
    assert status == 1 and f"overlap the term {year}Z" in err
    status, out, _err = run("terms", "edit", f"{year}z", "--name", "Semestr zimowy (poprawiony)", "--reason", "literówka")
    assert status == 0 and f"Term {year}Z changed" in out
    status, out, _err = run("terms", "list", "--json")
    assert status == 0 and [t["name"] for t in json.loads(out) if t["code"] == f"{year}Z"] == ["Semestr zimowy (poprawiony)"]
    status, _out, err = run("terms", "edit", f"{year}Z", "--reason", "x")
    assert status == 1 and "Say what changes" in err
    status, _out, err = run("terms", "add", f"{year + 5}Z", "--name", "x", "--starts", "tomorrow", "--ends", "2030-01-01")
    assert status == 2 and "YYYY-MM-DD" in err


def test_courses_and_groups_through_the_terminal(run, demo_db):
    code, _last_day = _last_term(demo_db)
    status, _out, err = run("courses", "add", "FIL 101", "--name", "Filozofia", "--unit", "WMF")
    assert status == 1 and "Code: letters, digits" in err
    status, out, err = run("courses", "add", "FIL-101", "--name", "Filozofia", "--unit", "NO-SUCH-UNIT")
    assert status == 1 and "no unit NO-SUCH-UNIT" in err
    status, out, _err = run("courses", "list", "--json")
    unit = json.loads(out)[0]["unit"]
    status, out, _err = run("courses", "add", "FIL-101", "--name", "Filozofia", "--unit", unit, "--name-en", "Philosophy", "--json")
    assert status == 0 and json.loads(out)["name_en"] == "Philosophy"
    status, _out, err = run("courses", "add", "fil-101", "--name", "Inna", "--unit", unit)
    assert status == 1 and "already used by the course FIL-101" in err
    status, out, _err = run("courses", "edit", "FIL-101", "--name", "Filozofia nauki", "--reason", "pełna nazwa")
    assert status == 0 and "Course FIL-101 changed" in out
    status, out, _err = run("courses", "list", "--text", "filozofia", "--json")
    assert [c["name"] for c in json.loads(out)] == ["Filozofia nauki"]

    teacher = _teacher_login(demo_db)
    status, _out, err = run("groups", "add", "FIL-101", "--term", code, "--type", "class", "--limit", "20",
                            "--slot", "1 08:00-09:30 A-1", "--slot", "1 09:00-10:00 A-2")
    assert status == 1 and "overlap" in err
    status, _out, err = run("groups", "add", "FIL-101", "--term", code, "--type", "class", "--limit", "20", "--slot", "Monday")
    assert status == 1 and "WEEKDAY START-END" in err
    status, out, err = run("groups", "add", "FIL-101", "--term", code, "--type", "class", "--limit", "20", "--lower-limit", "5",
                           "--teacher", teacher, "--slot", "2 10:00-11:30 B-12 Collegium Novum", "--json")
    assert status == 0, err
    added = json.loads(out)
    assert added["group"] == f"{code}/FIL-101/class/1" and added["teachers"] == [teacher]
    assert added["slots"] == ["2 10:00-11:30 B-12 Collegium Novum"]
    status, out, _err = run("groups", "add", "FIL-101", "--term", code, "--type", "class", "--limit", "15")
    assert status == 0 and f"{code}/FIL-101/class/2" in out
    status, _out, err = run("groups", "add", "FIL-101", "--term", code, "--type", "class", "--number", "2", "--limit", "15")
    assert status == 1 and f"The group {code}/FIL-101/class/2 already exists" in err
    status, _out, err = run("groups", "edit", f"{code}/FIL-101/class/1", "--limit", "3", "--reason", "x")
    assert status == 1 and "lower limit" in err
    status, out, err = run("groups", "edit", f"{code}/FIL-101/class/1", "--limit", "30", "--lower-limit", "10", "--no-teachers",
                           "--description", "Dla zaawansowanych", "--reason", "większa sala", "--json")
    assert status == 0, err
    edited = json.loads(out)
    assert (edited["seat_limit"], edited["lower_limit"], edited["teachers"], edited["description"]) == (
        30, 10, [], "Dla zaawansowanych")
    status, out, _err = run("groups", "list", "--term", code, "--json")
    assert any(g["group"] == f"{code}/FIL-101/class/1" and g["seat_limit"] == 30 for g in json.loads(out))
    status, _out, err = run("groups", "edit", f"{code}/FIL-101/class/1", "--reason", "x")
    assert status == 1 and "Say what changes" in err


def test_a_clerk_may_not_add_a_term(run, demo_db, monkeypatch):
    monkeypatch.setenv("DESK_PASSWORD", "demo1234")
    with demo_db.read() as session:
        from desk.model import Role, StaffUser

        clerk = session.scalar(select(StaffUser.login).where(StaffUser.role == Role.CLERK, StaffUser.active.is_(True)))
    status, _out, err = run("--as", clerk, "terms", "add", "2090Z", "--name", "x", "--starts", "2090-10-01", "--ends", "2091-02-28")
    assert status == 1 and "does not allow" in err
