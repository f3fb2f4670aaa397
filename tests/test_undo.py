"""Undoing a change set: the database as it was before it (but for the audit trail), or a refusal saying what has
happened since."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from desk import closures, enrollment, exchanges, undo
from desk.clock import now_utc
from desk.model import ClassGroup, Enrollment, ExchangeWish, Level, Registration, SeatShare
from desk.undo import CannotUndo
from desk.unit_of_work import UnitOfWork
from tests import factories


def _snapshot(db):
    """Everything but the audit trail and the portal's queue."""
    with db.read() as session:
        return (
            tuple(session.execute(select(Enrollment.id, Enrollment.student_id, Enrollment.group_id, Enrollment.status,
                                         Enrollment.share_id, Enrollment.cancelled_at, Enrollment.over_limit)
                                  .order_by(Enrollment.id)).all()),
            tuple(session.execute(select(ClassGroup.id, ClassGroup.enrolled_count, ClassGroup.over_limit_count,
                                         ClassGroup.reserved_taken, ClassGroup.closed_at).order_by(ClassGroup.id)).all()),
            tuple(session.execute(select(SeatShare.id, SeatShare.taken)).all()),
            tuple(session.execute(select(ExchangeWish.id, ExchangeWish.status, ExchangeWish.done_enrollment_id)
                                  .order_by(ExchangeWish.id)).all()),
        )


def _closure(db, admin):
    term = factories.term(db)
    course = factories.course(db, "MAT-101")
    small, a, b = (factories.group(db, course, term, number=n, seat_limit=4) for n in (1, 2, 3))
    students = [factories.student(db, f"S{i}") for i in range(4)]
    for s in students:
        enrollment.enroll(UnitOfWork(db, admin), s, small, reason="r")
    return small, (a, b), students


def test_an_undone_closure_leaves_the_database_as_it_was(db, admin):
    small, _siblings, _students = _closure(db, admin)
    before = _snapshot(db)
    applied = closures.apply_plan(UnitOfWork(db, admin), closures.plan_closure(UnitOfWork(db, admin), small),
                                  reason="za mało chętnych")
    assert _snapshot(db) != before
    done = undo.undo(UnitOfWork(db, admin), applied.change_set_id, reason="pomyłka")
    assert done.students == 4 and done.change_set_id
    assert _snapshot(db) == before
    with pytest.raises(CannotUndo):  # twice: its enrollments are gone
        undo.undo(UnitOfWork(db, admin), applied.change_set_id, reason="jeszcze raz")


def test_an_undo_is_refused_when_a_student_of_the_set_moved_since(db, admin):
    small, (a, b), students = _closure(db, admin)
    applied = closures.apply_plan(UnitOfWork(db, admin), closures.plan_closure(UnitOfWork(db, admin), small),
                                  reason="za mało chętnych")
    with db.read() as session:
        moved = session.scalar(select(Enrollment.id).where(Enrollment.student_id == students[0],
                                                           Enrollment.status == "accepted"))
        where = session.get(Enrollment, moved).group_id
    enrollment.unenroll(UnitOfWork(db, admin), moved, reason="rezygnacja")
    with pytest.raises(CannotUndo) as refused:
        undo.undo(UnitOfWork(db, admin), applied.change_set_id, reason="pomyłka")
    assert "was enrolled, moved or unenrolled since" in str(refused.value)
    assert where in (a, b)


def test_an_undone_exchange_break_reopens_its_wishes(db, admin):
    now = now_utc()
    term = factories.term(db)
    course = factories.course(db, "ANG-B2")
    a, b = (factories.group(db, course, term, number=n, seat_limit=1) for n in (1, 2))
    registration = factories.registration(db, term_id=term, course_ids=(course,),
                                          rounds=((now - timedelta(hours=1), now + timedelta(days=1)),),
                                          rules=({"level": Level.FIRST_CYCLE},))
    with db.write() as session:
        session.get(Registration, registration).exchanges = True
    s1, s2 = factories.student(db, "A"), factories.student(db, "B")
    enrollment.enroll(UnitOfWork(db, admin), s1, a, reason="r", registration_id=registration)
    enrollment.enroll(UnitOfWork(db, admin), s2, b, reason="r", registration_id=registration)
    exchanges.make_wish(UnitOfWork(db, admin), s1, a, [b])
    exchanges.make_wish(UnitOfWork(db, admin), s2, b, [a])
    before = _snapshot(db)
    done = exchanges.run_break(UnitOfWork(db, admin), registration)
    assert done.carried == 2
    undo.undo(UnitOfWork(db, admin), done.change_set_id, reason="wymiana do powtórki")
    assert _snapshot(db) == before


def test_an_undo_is_refused_when_a_student_wished_since_to_leave_the_group_the_set_gave_them(db, admin):
    now = now_utc()
    term = factories.term(db)
    course = factories.course(db, "ANG-B2")
    a, b, c = (factories.group(db, course, term, number=n, seat_limit=1) for n in (1, 2, 3))
    registration = factories.registration(db, term_id=term, course_ids=(course,),
                                          rounds=((now - timedelta(hours=1), now + timedelta(days=1)),),
                                          rules=({"level": Level.FIRST_CYCLE},))
    with db.write() as session:
        session.get(Registration, registration).exchanges = True
    s1, s2 = factories.student(db, "A", number="400001"), factories.student(db, "B", number="400002")
    enrollment.enroll(UnitOfWork(db, admin), s1, a, reason="r", registration_id=registration)
    enrollment.enroll(UnitOfWork(db, admin), s2, b, reason="r", registration_id=registration)
    exchanges.make_wish(UnitOfWork(db, admin), s1, a, [b])
    exchanges.make_wish(UnitOfWork(db, admin), s2, b, [a])
    done = exchanges.run_break(UnitOfWork(db, admin), registration)
    later = exchanges.make_wish(UnitOfWork(db, admin), s1, b, [c])  # from the seat the break gave
    exchanges.withdraw(UnitOfWork(db, admin), later, reason="rezygnacja")  # closed, it still names that seat
    before = _snapshot(db)
    with pytest.raises(CannotUndo) as refused:
        undo.undo(UnitOfWork(db, admin), done.change_set_id, reason="pomyłka")
    assert "Student 400001 has wished since to exchange the group the change set gave them." in str(refused.value)
    assert _snapshot(db) == before
