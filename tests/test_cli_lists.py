"""The terminal's lists: the registration calendar, the history with its filters, and token requests."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from desk.cli import main
from desk.model import (
    ClassGroup,
    Course,
    Registration,
    RegistrationKind,
    RequestAction,
    RequestStatus,
    Student,
    Term,
    TokenRequest,
)


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


def test_registrations_list_with_rounds_and_states(run, demo_db):
    status, out, _err = run("registrations", "list", "--json")
    assert status == 0
    listed = json.loads(out)
    with demo_db.read() as session:
        assert len(listed) == len(session.scalars(select(Registration.id)).all())
        term = session.scalars(select(Term).order_by(Term.starts_on)).first().code
    assert all({"code", "name", "unit", "term", "kind", "rounds", "state"} <= set(r) for r in listed)
    assert any(r["rounds"] and {"name", "starts_at", "ends_at", "state"} <= set(r["rounds"][0]) for r in listed)
    status, out, _err = run("registrations", "list", "--term", term.lower(), "--json")
    assert status == 0 and {r["term"] for r in json.loads(out)} == {term}
    status, out, _err = run("registrations", "list")
    assert status == 0 and f"{len(listed)} registrations." in out
    status, _out, err = run("registrations", "list", "--term", "1999Z")
    assert status == 1 and "No term 1999Z" in err


def test_history_with_the_views_filters(run, demo_db):
    with demo_db.read() as session:
        term, course, kind, number = session.execute(
            select(Term.code, Course.code, ClassGroup.class_type, ClassGroup.number)
            .join(Course, Course.id == ClassGroup.course_id).join(Term, Term.id == ClassGroup.term_id)
            .where(ClassGroup.enrolled_count < ClassGroup.seat_limit).order_by(ClassGroup.id)
        ).first()
    group = f"{term}/{course}/{kind.value}/{number}"
    assert run("groups", "set-limit", group, "--to", "+2", "--reason", "Większa sala 204")[0] == 0
    status, out, _err = run("history", "--text", "wieksza SALA", "--json")
    assert status == 0
    found = json.loads(out)
    assert len(found) == 1 and found[0]["reason"] == "Większa sala 204" and found[0]["action"] == "class_group.limit"
    status, out, _err = run("history", "--kind", "groups", "--staff", "admin", "--limit", "1", "--json")
    assert status == 0 and [h["action"] for h in json.loads(out)] == ["class_group.limit"]
    status, out, _err = run("history", "--action", "class_group.", "--json")
    assert status == 0 and {h["action"] for h in json.loads(out)} == {"class_group.limit"}
    status, out, _err = run("history", "--action", "enrollment.", "--action", "class_group.lim", "--limit", "5", "--json")
    assert status == 0 and "class_group.limit" in {h["action"] for h in json.loads(out)}
    today = date.today()
    status, out, _err = run("history", "--from", (today - timedelta(days=1)).isoformat(), "--to", (today + timedelta(days=1)).isoformat(),
                            "--text", "Większa sala")
    assert status == 0 and "1 entries" in out and "Większa sala 204" in out
    status, out, _err = run("history", "--to", (today - timedelta(days=400)).isoformat(), "--json")
    assert status == 0 and json.loads(out) == []
    status, _out, err = run("history", "--from", "2026-05-02", "--to", "2026-05-01")
    assert status == 1 and "end date is before the start date" in err
    status, _out, err = run("history", "--staff", "nobody-at-all")
    assert status == 1 and "no staff account nobody-at-all" in err
    with demo_db.read() as session:
        number = session.scalar(select(Student.student_number).order_by(Student.id))
    status, out, _err = run("history", "--student", number, "--json")
    assert status == 0 and all(h["student"] == number for h in json.loads(out))


def _requests(db) -> tuple[str, str, str, list[str]]:
    """Requests in a token registration's first round: three students', the first student's two (one accepted)."""
    with db.write() as session:
        registration = session.scalars(select(Registration).where(Registration.kind == RegistrationKind.TOKEN,
                                                                  Registration.rounds.any())).first()
        round_ = registration.rounds[0]
        group = session.scalars(select(ClassGroup).where(ClassGroup.term_id == registration.term_id,
                                                         ClassGroup.course_id.in_([c.id for c in registration.courses]))).first()
        students = session.scalars(select(Student).order_by(Student.id).limit(3)).all()
        at = datetime(2026, 1, 5, 8, tzinfo=timezone.utc)
        for index, (student, status) in enumerate([(students[0], RequestStatus.PENDING), (students[1], RequestStatus.PENDING),
                                                   (students[2], RequestStatus.REFUSED), (students[0], RequestStatus.ACCEPTED)]):
            session.add(TokenRequest(
                portal_key=f"cli-list-{index}", student_id=student.id, registration_id=registration.id, round_id=round_.id,
                course_id=group.course_id, group_id=group.id, action=RequestAction.REGISTER,
                submitted_at=at + timedelta(minutes=10 - index), payment_accepted=False, status=status))
        return registration.code, round_.name, students[0].student_number, [s.student_number for s in students]


def test_token_requests_by_registration_round_status_and_student(run, demo_db):
    code, round_name, number, numbers = _requests(demo_db)
    status, out, _err = run("tokens", "requests", "--registration", code, "--json")
    assert status == 0
    listed = [r for r in json.loads(out) if r["student"] in numbers]
    assert len(listed) >= 4
    assert [r["submitted_at"] for r in listed] == sorted(r["submitted_at"] for r in listed)  # the order they are carried out
    status, out, _err = run("tokens", "requests", "--registration", code, "--round", round_name.upper(), "--status", "pending",
                            "--json")
    assert status == 0 and {(r["round"], r["status"]) for r in json.loads(out)} == {(round_name, "pending")}
    status, out, _err = run("tokens", "requests", "--registration", code, "--student", number, "--json")
    mine = json.loads(out)
    assert status == 0 and {r["student"] for r in mine} == {number} and {r["status"] for r in mine} >= {"pending", "accepted"}
    status, out, _err = run("tokens", "requests", "--registration", code, "--student", number, "--status", "accepted")
    assert status == 0 and "1 requests." in out
    status, _out, err = run("tokens", "requests", "--registration", code, "--round", "No such round")
    assert status == 1 and "No round No such round" in err
    status, _out, err = run("tokens", "requests", "--registration", "NO-SUCH-REGISTRATION")
    assert status == 1 and "no registration with the code" in err
