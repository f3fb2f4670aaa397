"""Impact preview: the change rehearsed and undone, every entry it would record in words; nothing kept."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from desk import closures, enrollment, groups, impact, waiting_lists
from desk.clock import now_utc
from desk.model import AuditEntry, ClassGroup, Enrollment, EnrollmentStatus, Level, Registration, WaitingEntry, WaitingStatus
from desk.unit_of_work import SystemJob, UnitOfWork
from tests import factories


def _state(db):
    with db.read() as session:
        return (session.scalar(select(func.count()).select_from(AuditEntry)),
                session.scalar(select(func.count()).select_from(Enrollment).where(Enrollment.status == EnrollmentStatus.ACCEPTED)),
                tuple(session.execute(select(ClassGroup.id, ClassGroup.seat_limit, ClassGroup.enrolled_count,
                                             ClassGroup.closed_at).order_by(ClassGroup.id)).all()),
                tuple(session.execute(select(WaitingEntry.id, WaitingEntry.status)).all()))


def test_a_raised_limit_shows_who_gains_a_seat_from_the_waiting_list_and_keeps_nothing(db, admin):
    now = now_utc()
    term = factories.term(db)
    course = factories.course(db, "WF-101")
    group = factories.group(db, course, term, seat_limit=1)
    registration = factories.registration(db, term_id=term, course_ids=(course,),
                                          rounds=((now - timedelta(hours=1), now + timedelta(days=1)),),
                                          rules=({"level": Level.FIRST_CYCLE},))
    with db.write() as session:
        session.get(Registration, registration).waiting_lists = True
    enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), factories.student(db, "Jest"), group, registration)
    waiting = factories.student(db, "Czeka", number="730001")
    waiting_lists.join(UnitOfWork(db, SystemJob.PORTAL), waiting, group, registration)
    before = _state(db)
    uow = UnitOfWork(db, admin)
    seen = impact.preview(uow, lambda: groups.set_seat_limits(uow, [group], delta=1, reason="większa sala"))
    assert [line.student_id for line in seen.gains] == [waiting]
    assert "from its waiting list" in seen.gains[0].description and seen.losses == ()
    assert any(line.action == "class_group.limit" for line in seen.lines)
    assert _state(db) == before  # nothing kept: no entry, no seat, the list as it was


def test_a_closures_impact_names_every_move(db, admin):
    term = factories.term(db)
    course = factories.course(db, "MAT-101")
    small, other = (factories.group(db, course, term, number=n, seat_limit=5) for n in (1, 2))
    students = [factories.student(db, f"S{i}") for i in range(3)]
    for s in students:
        enrollment.enroll(UnitOfWork(db, admin), s, small, reason="r")
    plan = closures.plan_closure(UnitOfWork(db, admin), small)
    before = _state(db)
    uow = UnitOfWork(db, admin)
    seen = impact.preview(uow, lambda: closures.apply_plan(uow, plan, reason="za mało chętnych"))
    assert sorted(line.student_id for line in seen.moves) == sorted(students)
    assert seen.losses == () and seen.gains == ()
    assert _state(db) == before
    closures.apply_plan(UnitOfWork(db, admin), plan, reason="za mało chętnych")  # the preview left it applicable
    with db.read() as session:
        assert session.get(ClassGroup, other).enrolled_count == 3
