"""Token rounds: a batch that cancels and makes enrollments of the same students writes them in the right order."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from desk import token_rounds, tokens
from desk.model import (
    ClassGroup,
    Enrollment,
    EnrollmentStatus,
    Level,
    RegistrationKind,
    RequestAction,
    RequestStatus,
    TokenRequest,
)
from tests import factories
from desk.unit_of_work import SystemJob, UnitOfWork

UTC = timezone.utc
START = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)  # micro-rounds of 60 minutes, breaks of 15


@pytest.fixture
def lang(db, admin):
    token = factories.token_type(db)
    course_id = factories.course(db, "SJO-ANG-B2", unit_code="SJO")
    term_id = factories.term(db, "2027L")
    group = factories.group(db, course_id, term_id, seat_limit=5, class_type=None)
    reg = factories.registration(db, code="LEK", unit_code="SJO", term_id=term_id, course_ids=(course_id,),
                                 kind=RegistrationKind.TOKEN, token_type_id=token, selection_limit=1,
                                 rounds=((START, START + timedelta(days=2)),), rules=({"level": Level.FIRST_CYCLE},))
    return dict(token=token, group=group, reg=reg, admin=admin)


def _submit(db, lang, student, minutes, action=RequestAction.REGISTER):
    return token_rounds.submit_request(UnitOfWork(db, SystemJob.PORTAL, now=START + timedelta(minutes=minutes)), student,
                                       lang["group"], lang["reg"], action)


def _resolve(db, minutes):
    return token_rounds.resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND, now=START + timedelta(minutes=minutes)))["LEK"]


def _enrollments(db, student):
    with db.read() as session:
        return sorted(session.scalars(select(Enrollment.status).where(Enrollment.student_id == student)))


def test_leaving_and_coming_back_at_one_break(db, lang):
    student = factories.student(db)
    tokens.correct_balance(UnitOfWork(db, lang["admin"], now=START - timedelta(days=30)), student, lang["token"], 2,
                           reason="przydział")
    _submit(db, lang, student, 10)
    assert _resolve(db, 61).accepted == 1
    # In the next micro-round the student leaves the group and asks for it again: one batch cancels the
    # standing enrollment and makes a new one (the one standing enrollment a group allows, at every moment).
    leave = _submit(db, lang, student, 80, action=RequestAction.UNREGISTER)
    back = _submit(db, lang, student, 85)
    assert _resolve(db, 136).accepted == 2
    with db.read() as session:
        assert [session.get(TokenRequest, r).status for r in (leave, back)] == [RequestStatus.ACCEPTED] * 2
        assert session.get(ClassGroup, lang["group"]).enrolled_count == 1
    assert _enrollments(db, student) == sorted([EnrollmentStatus.ACCEPTED, EnrollmentStatus.CANCELLED])
    assert tokens.balances(UnitOfWork(db, lang["admin"]), student)[0].balance == 1  # spent, refunded, spent


def test_an_enrollment_made_and_cancelled_at_one_break(db, lang):
    student, other = factories.many_students(db, 2)
    for s in (student, other):
        tokens.correct_balance(UnitOfWork(db, lang["admin"], now=START - timedelta(days=30)), s, lang["token"], 1,
                               reason="przydział")
    _submit(db, lang, student, 10)
    _submit(db, lang, student, 20, action=RequestAction.UNREGISTER)
    _submit(db, lang, other, 30)
    result = _resolve(db, 61)
    assert (result.accepted, result.refused) == (3, 0)
    assert _enrollments(db, student) == [EnrollmentStatus.CANCELLED]
    assert _enrollments(db, other) == [EnrollmentStatus.ACCEPTED]
    with db.read() as session:
        assert session.get(ClassGroup, lang["group"]).enrolled_count == 1
        standing = session.scalar(select(func.count()).select_from(Enrollment)
                                  .where(Enrollment.status == EnrollmentStatus.ACCEPTED))
        assert standing == 1
