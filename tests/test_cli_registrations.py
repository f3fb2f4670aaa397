"""Terminal commands for access, limits, enrollment and explanations, on a small demo university."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from desk.cli import main
from desk.db import open_database
from desk.demo import build_demo
from desk.model import ClassGroup, Course, ProgrammeStatus, Student, StudentProgramme, Term
from ui.entry import main as desk_command


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    db = open_database(str(path)).database
    build_demo(db, students=800, seed=5)
    db.dispose()
    return str(path)


def _db(path):
    return open_database(path).database


def _numbers(path, status: ProgrammeStatus, count: int) -> list[str]:
    db = _db(path)
    with db.read() as session:
        numbers = session.scalars(
            select(Student.student_number)
            .join(StudentProgramme, StudentProgramme.student_id == Student.id)
            .where(StudentProgramme.status == status)
            .order_by(Student.student_number)
            .limit(count)
        ).all()
    db.dispose()
    return list(numbers)


def _two_groups(path) -> tuple[str, str]:
    """Two groups of one course in the current term with free seats, as TERM/COURSE/TYPE/NUMBER."""
    db = _db(path)
    with db.read() as session:
        rows = session.execute(
            select(Term.code, Course.code, ClassGroup.class_type, ClassGroup.number, ClassGroup.course_id)
            .join(Course, Course.id == ClassGroup.course_id)
            .join(Term, Term.id == ClassGroup.term_id)
            .where(ClassGroup.enrolled_count < ClassGroup.seat_limit - 2)
            .order_by(ClassGroup.course_id, ClassGroup.number)
        ).all()
    db.dispose()
    by_course: dict[int, list] = {}
    for row in rows:
        by_course.setdefault((row[0], row[4], row[2]), []).append(row)
    pair = next(v for v in by_course.values() if len(v) >= 2)
    return tuple(f"{t}/{c}/{k.value}/{n}" for t, c, k, n, _ in pair[:2])


@pytest.mark.parametrize("args", [["access", "grant"], ["groups", "list"], ["groups", "set-limit"], ["enroll"],
                                  ["unenroll"], ["move"], ["explain"], ["registrations", "readiness"]])
def test_help(args, capsys):
    with pytest.raises(SystemExit) as exit_:
        desk_command([*args, "--help"])
    assert exit_.value.code == 0


def test_grant_from_a_file_reports_then_applies(demo_path, tmp_path, capsys):
    on_leave = _numbers(demo_path, ProgrammeStatus.ON_LEAVE, 2)
    listing = tmp_path / "numbers.txt"
    listing.write_text("\n".join([*on_leave, on_leave[0], "0000001"]) + "\n", encoding="utf-8")
    base = ["--db", demo_path]
    assert main([*base, "access", "grant", "WF-2027L", "--file", str(listing), "--reason", "powrót", "--dry-run"]) == 0
    captured = capsys.readouterr()
    assert "1 unknown numbers: 0000001" in captured.err and "1 given more than once" in captured.err
    assert "Nothing applied" in captured.out
    assert main([*base, "explain", on_leave[0], "WF-2027L"]) == 2
    assert "Grant access individually" in capsys.readouterr().out
    assert main([*base, "access", "grant", "WF-2027L", "--file", str(listing), "--reason", "powrót", "--yes"]) == 0
    assert "Granted: 2 students" in capsys.readouterr().out
    # Admitted at the desk, but the portal does not know yet: the explanation says so ...
    assert main([*base, "explain", on_leave[0], "WF-2027L"]) == 2
    assert "wait to be sent to the portal" in capsys.readouterr().out
    # ... until the student is synced.
    assert main([*base, "sync", "--student", on_leave[0]]) == 0
    capsys.readouterr()
    assert main([*base, "explain", on_leave[0], "WF-2027L", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["admitted"] is True


def test_readiness_groups_everyone_the_registration_is_meant_for(demo_path, capsys):
    base = ["--db", demo_path]
    assert main([*base, "registrations", "readiness", "WF-2027L", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["meant_for"] > 0
    assert found["ready"] + sum(group["count"] for group in found["blocked"]) == found["meant_for"]
    assert all(group["advice"] and group["student_ids"] for group in found["blocked"])
    assert main([*base, "registrations", "readiness", "WF-2027L"]) == 0
    assert f"meant for {found['meant_for']} students" in capsys.readouterr().out


def test_limits_enroll_move_unenroll(demo_path, capsys):
    base = ["--db", demo_path]
    first, second = _two_groups(demo_path)
    student = _numbers(demo_path, ProgrammeStatus.GRADUATED, 1)[0]
    assert main([*base, "groups", "set-limit", first, "--to", "0", "--reason", "x"]) == 1
    assert "Nothing was changed" in capsys.readouterr().err
    assert main([*base, "groups", "set-limit", first, second, "--to", "+3", "--reason", "większa sala"]) == 0
    assert "2 groups" in capsys.readouterr().out
    assert main([*base, "enroll", student, first, "--reason", "powtarza przedmiot"]) == 0
    assert main([*base, "move", student, first, second, "--reason", "kolizja"]) == 0
    assert main([*base, "unenroll", student, first, "--reason", "x"]) == 1
    assert "not in that group" in capsys.readouterr().err
    assert main([*base, "unenroll", student, second, "--reason", "rezygnacja"]) == 0
    assert main([*base, "enroll", student, "no/such/group/1", "--reason", "x"]) == 1
    assert "Unknown class type" in capsys.readouterr().err


def test_dedicated_seats_from_the_terminal(demo_path, capsys, tmp_path):
    base = ["--db", demo_path]
    first, _second = _two_groups(demo_path)
    listed = tmp_path / "lista.txt"
    listed.write_text("\n".join(_numbers(demo_path, ProgrammeStatus.ACTIVE, 3)), encoding="utf-8")
    assert main([*base, "groups", "share-add", first, "--seats", "2", "--students", str(listed),
                 "--release-round", "nie ma takiej", "--reason", "x"]) == 1
    assert "No round" in capsys.readouterr().err
    assert main([*base, "groups", "share-add", first, "--seats", "2", "--students", str(listed),
                 "--release-at", "2030-01-01T12:00", "--reason", "dla wymiany"]) == 0
    capsys.readouterr()
    assert main([*base, "groups", "shares", first, "--json"]) == 0
    share, = json.loads(capsys.readouterr().out)
    assert (share["seats"], share["taken"], share["listed"], share["released"]) == (2, 0, 3, False)
    assert main([*base, "groups", "share-add", first, "--seats", "9999", "--level", "doctoral", "--reason", "x"]) == 1
    assert "free to dedicate" in capsys.readouterr().err
    assert main([*base, "groups", "release-due"]) == 0  # its moment (2030) has not come
    assert "No dedicated seats are due" in capsys.readouterr().out
    assert main([*base, "groups", "share-release", str(share["id"]), "--reason", "nikt nie przyszedł"]) == 0
    assert main([*base, "groups", "share-remove", str(share["id"]), "--reason", "porządki"]) == 0
    capsys.readouterr()
    assert main([*base, "groups", "shares", first]) == 0
    assert "0 shares." in capsys.readouterr().out


def test_a_rounds_audience_and_turns_from_the_terminal(demo_path, capsys, tmp_path):
    base = ["--db", demo_path]
    assert main([*base, "registrations", "list", "--json"]) == 0
    registration = next(r for r in json.loads(capsys.readouterr().out) if r["rounds"])
    code, round_name = registration["code"], registration["rounds"][-1]["name"]
    assert main([*base, "registrations", "audience", code, round_name, "--stage", "2", "--reason", "drugi rok"]) == 0
    assert main([*base, "registrations", "audience", code, round_name, "--reason", "x"]) == 1
    assert "Say whom" in capsys.readouterr().err
    ranking = tmp_path / "ranking.csv"
    numbers = _numbers(demo_path, ProgrammeStatus.ACTIVE, 10)
    ranking.write_text("nr;średnia\n" + "\n".join(f"{n};{4 + i / 10:.1f}" for i, n in enumerate(numbers)) + "\n1;5\n",
                       encoding="utf-8")
    assert main([*base, "registrations", "turns", code, round_name, "--ranking", str(ranking), "--turns", "5",
                 "--minutes", "1", "--reason", "średnia"]) == 0
    out = capsys.readouterr().out
    assert out.count("turn ") == 5 and "Not at the desk (1): 1" in out
    assert main([*base, "registrations", "turns", code, round_name, "--cohorts", "3,2,x", "--reason", "x"]) == 1
    assert main([*base, "registrations", "turns", code, round_name, "--clear", "--reason", "wszyscy"]) == 0
    assert main([*base, "registrations", "audience", code, round_name, "--everyone", "--reason", "wszyscy"]) == 0


def test_closing_a_group_waiting_lists_exchanges_and_undo_from_the_terminal(demo_path, capsys):
    base = ["--db", demo_path]
    first, second = _two_groups(demo_path)
    assert main([*base, "close", first]) == 0
    out = capsys.readouterr().out
    assert "Preview:" in out and "Nothing was changed" in out
    assert main([*base, "close", first, "--apply"]) == 1
    assert "--reason" in capsys.readouterr().err
    assert main([*base, "close", first, "--apply", "--reason", "za mało chętnych"]) == 0
    out = capsys.readouterr().out
    change_set = int(out.rsplit("change set ", 1)[1].rstrip(").\n"))
    assert main([*base, "undo", str(change_set), "--reason", "pomyłka"]) == 0
    assert "back where they were" in capsys.readouterr().out
    assert main([*base, "undo", str(change_set), "--reason", "jeszcze raz"]) == 1
    assert "cannot be undone" in capsys.readouterr().err
    assert main([*base, "waiting", second, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main([*base, "exchanges", "run", "WF-2027L"]) == 1
    assert "does not allow exchanges" in capsys.readouterr().err
