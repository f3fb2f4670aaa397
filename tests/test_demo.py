"""The demo university: deterministic by seed, realistic, and consistent with every invariant."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from sqlalchemy import func, select, text
from stdnum.pl import pesel as stdnum_pesel

from desk.db import open_database
from desk.demo import DEMO_PASSWORD, DEMO_STAFF, build_demo
from desk.errors import DomainError
from desk.model import (
    ClassGroup,
    Enrollment,
    EnrollmentStatus,
    LoginAccount,
    Person,
    ProgrammeStatus,
    Round,
    RoundStatus,
    Student,
    StudentProgramme,
    TokenEntry,
)
from desk.staff import sign_in
from desk.unit_of_work import UnitOfWork

TODAY = date(2026, 11, 22)
N = 400


def _digest(db) -> str:
    digest = hashlib.sha256()
    with db.read() as session:
        for table in ("persons", "students", "student_programmes", "login_accounts", "class_groups",
                      "enrollments", "token_ledger", "rounds", "access_grants"):
            for row in session.execute(text(f"SELECT * FROM {table} ORDER BY 1")):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


@pytest.fixture
def demo(db):
    summary = build_demo(db, students=N, seed=7, today=TODAY)
    return db, summary


def test_same_seed_same_data_other_seed_other_data(tmp_path):
    digests = []
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        opened = open_database(str(tmp_path / f"{name}.sqlite"))
        build_demo(opened.database, students=N, seed=seed, today=TODAY)
        digests.append(_digest(opened.database))
        opened.database.dispose()
    assert digests[0] == digests[1] != digests[2]


def test_counts_and_staff(demo):
    db, summary = demo
    assert summary.students == N and summary.enrollments > N and summary.class_groups >= 80
    for login, _name, role, _units in DEMO_STAFF:
        assert sign_in(db, login, DEMO_PASSWORD).role is role


def test_pesels_valid_and_match_birth_dates(demo):
    db, _ = demo
    with db.read() as session:
        rows = session.execute(select(Person.pesel, Person.birth_date).where(Person.pesel.is_not(None))).all()
    assert len(rows) > N * 0.9
    for pesel, birth in rows:
        assert stdnum_pesel.is_valid(pesel), pesel
        assert stdnum_pesel.get_birth_date(pesel) == birth


def test_group_counts_equal_accepted_enrollments_within_limits(demo):
    db, _ = demo
    with db.read() as session:
        accepted = dict(
            session.execute(
                select(Enrollment.group_id, func.count())
                .where(Enrollment.status == EnrollmentStatus.ACCEPTED)
                .group_by(Enrollment.group_id)
            ).all()
        )
        for group in session.scalars(select(ClassGroup)):
            assert group.enrolled_count == accepted.get(group.id, 0)
            assert group.enrolled_count <= group.seat_limit + group.over_limit_count
        overrides = session.scalar(select(func.count()).select_from(Enrollment).where(Enrollment.over_limit))
        below = session.scalar(
            select(func.count()).select_from(ClassGroup).where(ClassGroup.enrolled_count < ClassGroup.lower_limit)
        )
    assert overrides >= 1 and below >= 1


def test_logins_unique_whatever_the_case_and_some_left_as_work(demo):
    db, _ = demo
    with db.read() as session:
        emails = session.scalars(select(LoginAccount.email)).all()
        unlinked = session.scalar(select(func.count()).select_from(LoginAccount).where(LoginAccount.person_id.is_(None)))
        students_without = session.scalar(
            select(func.count()).select_from(Student).where(
                ~Student.person_id.in_(select(LoginAccount.person_id).where(LoginAccount.person_id.is_not(None)))
            )
        )
    assert len({e.lower() for e in emails}) == len(emails)
    assert unlinked >= 1 and students_without >= 1


def test_token_balances_never_negative(demo):
    db, _ = demo
    with db.read() as session:
        balances = session.execute(
            select(TokenEntry.student_id, TokenEntry.token_type_id, func.sum(TokenEntry.amount)).group_by(
                TokenEntry.student_id, TokenEntry.token_type_id
            )
        ).all()
    assert balances and all(total >= 0 for _s, _t, total in balances)


def test_rounds_in_every_state_and_the_token_deadline_cases(demo):
    db, _ = demo
    with db.read() as session:
        states = set(session.scalars(select(Round.status)))
        starts = session.scalars(select(Round.starts_at).where(Round.status == RoundStatus.PREPARING)).all()
    assert states == {RoundStatus.PREPARING, RoundStatus.ACTIVE, RoundStatus.CLOSED}
    days_ahead = {(start.date() - TODAY).days for start in starts}
    assert {5, 10} <= days_ahead  # one inside the 7-day correction deadline, one outside


def test_names_statuses_and_programmes_are_realistic(demo):
    db, _ = demo
    with db.read() as session:
        last_names = session.scalars(select(Person.last_name)).all()
        first_names = session.scalars(select(Person.first_name)).all()
        statuses = set(session.scalars(select(StudentProgramme.status)))
        two_programmes = session.scalar(
            select(func.count()).select_from(
                select(StudentProgramme.student_id).group_by(StudentProgramme.student_id).having(func.count() > 1).subquery()
            )
        )
    names = last_names + first_names
    assert any("Ł" in n or "ł" in n for n in names)
    assert any(c in "".join(names) for c in "ąęśźżćńó")
    assert any("-" in n for n in last_names)
    assert {ProgrammeStatus.ON_LEAVE, ProgrammeStatus.REMOVED, ProgrammeStatus.GRADUATED} <= statuses
    assert two_programmes >= 1


def test_refuses_a_database_that_is_not_empty(demo):
    db, _ = demo
    with pytest.raises(DomainError, match="not empty"):
        build_demo(db, students=10, today=TODAY)


def test_the_desk_can_add_rows_after_the_demo(demo):
    """Rows were loaded with their ids; new ones must not collide with them (PostgreSQL sequences)."""
    from desk import access, enrollment
    from desk.model import ClassGroup as Group
    from desk.staff import actor_for_login

    db, _summary = demo
    admin = actor_for_login(db, "admin")
    with db.read() as session:
        group_id, student_id = session.execute(
            select(Group.id, StudentProgramme.student_id)
            .where(Group.enrolled_count < Group.seat_limit, StudentProgramme.status == ProgrammeStatus.ACTIVE)
            .limit(1)
        ).one()
        registration_id = session.scalar(text("SELECT min(id) FROM registrations"))
    result = enrollment.enroll(UnitOfWork(db, admin), student_id, group_id, reason="po pokazie")
    access.grant_access(UnitOfWork(db, admin), registration_id, [student_id], reason="po pokazie")
    with db.read() as session:
        assert result.enrollment_id > session.scalar(select(func.count()).select_from(Enrollment)) - 1
