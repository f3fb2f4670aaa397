"""Closing a group and moving many students: the preview says where each goes and who stays and why, and what is
applied is exactly the preview (or nothing, if the groups changed meanwhile)."""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy import select

from desk import closures, enrollment, rules
from desk.enrollment import EnrollmentRefused
from desk.errors import DomainError
from desk.model import ClassGroup, Enrollment, EnrollmentStatus, TimetableSlot
from desk.unit_of_work import UnitOfWork
from tests import factories


def _course(db, admin, limits=(6, 3, 2)):
    term = factories.term(db)
    course = factories.course(db, "MAT-101")
    return term, [factories.group(db, course, term, number=n, seat_limit=limit)
                  for n, limit in enumerate(limits, start=1)]


def _fill(db, admin, group, count, prefix):
    ids = []
    for i in range(count):
        student = factories.student(db, f"{prefix}{i}")
        enrollment.enroll(UnitOfWork(db, admin), student, group, reason="zapis")
        ids.append(student)
    return ids


def _groups_of(db, students) -> dict[int, int]:
    with db.read() as session:
        return dict(session.execute(select(Enrollment.student_id, Enrollment.group_id).where(
            Enrollment.student_id.in_(students), Enrollment.status == EnrollmentStatus.ACCEPTED)).all())


def test_a_closures_preview_equals_what_is_applied(db, admin):
    term, (small, second, third) = _course(db, admin)
    moving = _fill(db, admin, small, 5, "Mały")
    _fill(db, admin, second, 1, "Drugi")  # second: 2 free; third: 2 free
    # The last of the five holds a group of another course at the time the third group meets.
    other = factories.group(db, factories.course(db, "FIZ-101"), term, seat_limit=9)
    enrollment.enroll(UnitOfWork(db, admin), moving[4], other, reason="fizyka")
    with db.write() as session:
        session.add(TimetableSlot(group_id=other, weekday=3, starts_at=time(8), ends_at=time(10)))
        session.add(TimetableSlot(group_id=third, weekday=3, starts_at=time(9), ends_at=time(11)))
    plan = closures.plan_closure(UnitOfWork(db, admin), small)
    assert [t.free_before for t in plan.targets] == [2, 2] and [t.free_after for t in plan.targets] == [0, 0]
    assert len(plan.placed) == 4 and len(plan.not_placed) == 1
    stays = plan.not_placed[0]
    assert stays.student_id == moving[4]
    assert {r.code for r in stays.refusals} == {rules.RefusalCode.FULL, rules.RefusalCode.TIMETABLE_CLASH}
    before = _groups_of(db, moving)
    applied = closures.apply_plan(UnitOfWork(db, admin), plan, reason="za mało chętnych")
    assert (applied.moved, applied.stayed) == (4, 1) and applied.change_set_id
    after = _groups_of(db, moving)
    assert {sid: after[sid] for sid in moving} == {p.student_id: p.to_group_id or before[p.student_id]
                                                   for p in plan.placements}
    with db.read() as session:
        assert session.get(ClassGroup, small).closed_at is not None
        assert [session.get(ClassGroup, g).enrolled_count for g in (small, second, third)] == [1, 3, 2]
    # Closed: it takes no one, and it cannot be closed twice.
    with pytest.raises(EnrollmentRefused) as refused:
        enrollment.enroll(UnitOfWork(db, admin), factories.student(db, "Nowy"), small, reason="r")
    assert refused.value.refusal is rules.RefusalCode.GROUP_CLOSED
    with pytest.raises(DomainError, match="closed already"):
        closures.plan_closure(UnitOfWork(db, admin), small)
    closures.reopen_group(UnitOfWork(db, admin), small, reason="jednak ruszy")
    enrollment.enroll(UnitOfWork(db, admin), factories.student(db, "Nowy2"), small, reason="r")


def test_a_preview_the_groups_outran_is_refused_whole(db, admin):
    _term, (small, second, _third) = _course(db, admin, limits=(4, 2, 1))
    _fill(db, admin, small, 3, "Mały")
    plan = closures.plan_closure(UnitOfWork(db, admin), small)
    _fill(db, admin, second, 1, "Wcześniej")  # a seat of the plan's taken meanwhile
    with pytest.raises(DomainError, match="changed since the preview"):
        closures.apply_plan(UnitOfWork(db, admin), plan, reason="za mało")
    with db.read() as session:
        assert session.get(ClassGroup, small).closed_at is None and session.get(ClassGroup, small).enrolled_count == 3


def test_moving_selected_students_is_previewed_and_applied_as_shown(db, admin):
    _term, (first, second, _third) = _course(db, admin, limits=(6, 2, 2))
    students = _fill(db, admin, first, 3, "Grupa")
    with db.read() as session:
        ids = list(session.scalars(select(Enrollment.id).where(Enrollment.student_id.in_(students))
                                   .order_by(Enrollment.id)))
    plan = closures.plan_moves(UnitOfWork(db, admin), ids, second)
    assert [p.to_group_id for p in plan.placements] == [second, second, None]
    assert plan.not_placed[0].refusals[0].code is rules.RefusalCode.FULL
    applied = closures.apply_plan(UnitOfWork(db, admin), plan, reason="podział")
    assert (applied.moved, applied.stayed) == (2, 1)
    assert list(_groups_of(db, students).values()).count(second) == 2
    with db.read() as session:
        assert session.get(ClassGroup, first).closed_at is None
