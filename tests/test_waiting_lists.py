"""Waiting lists: a freed seat goes to the first student on the list who may still take it, in the same transaction,
even while others race for it on the portal; those passed over keep why; clerks reorder and remove."""

from __future__ import annotations

import multiprocessing
from datetime import time, timedelta

import pytest
from sqlalchemy import select

from desk import enrollment, groups, rules, waiting_lists
from desk.clock import now_utc
from desk.db import Database, make_engine
from desk.enrollment import EnrollmentRefused
from desk.errors import DomainError
from desk.model import ClassGroup, Enrollment, EnrollmentStatus, Level, Registration, TimetableSlot
from desk.unit_of_work import SystemJob, UnitOfWork
from tests import factories


def _full_group(db, *, limit=2, selection_limit=None):
    now = now_utc()
    term = factories.term(db)
    course = factories.course(db, "WF-101")
    group = factories.group(db, course, term, seat_limit=limit)
    registration = factories.registration(db, term_id=term, course_ids=(course,), selection_limit=selection_limit,
                                          rounds=((now - timedelta(hours=1), now + timedelta(days=1)),),
                                          rules=({"level": Level.FIRST_CYCLE},))
    with db.write() as session:
        session.get(Registration, registration).waiting_lists = True
    holders = factories.many_students(db, limit, prefix="Zapisany")
    held = [enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), s, group, registration).enrollment_id
            for s in holders]
    return term, course, group, registration, holders, held


def _in(db, student_id, group_id) -> bool:
    with db.read() as session:
        return session.scalar(select(Enrollment.id).where(Enrollment.student_id == student_id,
                                                          Enrollment.group_id == group_id,
                                                          Enrollment.status == EnrollmentStatus.ACCEPTED)) is not None


def test_a_freed_seat_goes_to_the_first_on_the_list_who_may_take_it(db, admin):
    term, _course, group, registration, holders, held = _full_group(db)
    first, second, third = (factories.student(db, name) for name in ("Pierwsza", "Drugi", "Trzeci"))
    portal = UnitOfWork(db, SystemJob.PORTAL)
    e1 = waiting_lists.join(portal, first, group, registration, portal_key="w1")
    assert waiting_lists.join(UnitOfWork(db, SystemJob.PORTAL), first, group, registration, portal_key="w1") == e1
    waiting_lists.join(UnitOfWork(db, SystemJob.PORTAL), second, group, registration)
    waiting_lists.join(UnitOfWork(db, admin), third, group, registration)
    with pytest.raises(DomainError, match="already"):
        waiting_lists.join(UnitOfWork(db, SystemJob.PORTAL), second, group, registration)
    # The first on the list now holds a group that clashes with this one: passed over, with why.
    other = factories.group(db, factories.course(db, "FIZ-101"), term, seat_limit=5)
    enrollment.enroll(UnitOfWork(db, admin), first, other, reason="fizyka")
    with db.write() as session:
        session.add(TimetableSlot(group_id=other, weekday=4, starts_at=time(12), ends_at=time(14)))
        session.add(TimetableSlot(group_id=group, weekday=4, starts_at=time(13), ends_at=time(15)))
    enrollment.unregister_from_portal(UnitOfWork(db, SystemJob.PORTAL), holders[0], group, registration)
    assert not _in(db, first, group) and _in(db, second, group)  # in the same transaction as the unregistration
    lines = waiting_lists.list_of(UnitOfWork(db, admin), group)
    assert [(line.student_id, line.place) for line in lines] == [(first, 1), (third, 2)]
    assert lines[0].passed_over is not None and lines[0].passed_over.code.startswith("refusal.timetable_clash")
    assert "clashes in the timetable" in lines[0].passed_over.text()
    # A clerk moves the third up, then raises the limit: the third gets the new seat.
    waiting_lists.move_to(UnitOfWork(db, admin), lines[1].id, 1, reason="decyzja prodziekana")
    assert [line.student_id for line in waiting_lists.list_of(UnitOfWork(db, admin), group)] == [third, first]
    groups.set_seat_limits(UnitOfWork(db, admin), [group], delta=1, reason="większa sala")
    assert _in(db, third, group)
    with db.read() as session:
        assert session.get(ClassGroup, group).enrolled_count == 3
    waiting_lists.remove(UnitOfWork(db, admin), e1, reason="zrezygnowała")
    assert waiting_lists.list_of(UnitOfWork(db, admin), group) == []


def test_joining_is_for_a_group_without_a_seat_for_the_student(db, admin):
    _term, course, group, registration, _holders, held = _full_group(db)
    student = factories.student(db, "Ktoś")
    enrollment.unenroll(UnitOfWork(db, admin), held[0], reason="rezygnacja")
    with pytest.raises(DomainError, match="register them instead"):
        waiting_lists.join(UnitOfWork(db, SystemJob.PORTAL), student, group, registration)
    outsider = factories.student(db, "Urlop", status=__import__("desk.model", fromlist=["ProgrammeStatus"]).ProgrammeStatus.ON_LEAVE)
    enrollment.enroll(UnitOfWork(db, admin), factories.student(db, "Zajmuje"), group, reason="r")
    with pytest.raises(EnrollmentRefused) as refused:  # not admitted: a list would never help
        waiting_lists.join(UnitOfWork(db, SystemJob.PORTAL), outsider, group, registration)
    assert refused.value.refusal is not rules.RefusalCode.FULL
    with db.write() as session:
        session.get(Registration, registration).waiting_lists = False
    with pytest.raises(DomainError, match="keeps no waiting lists"):
        waiting_lists.join(UnitOfWork(db, SystemJob.PORTAL), student, group, registration)


def test_a_clerk_puts_a_student_on_a_list_through_a_registration_of_the_term_that_offers_the_course_and_keeps_lists(
        db, admin):
    term, course, group, registration, _holders, _held = _full_group(db)
    factories.registration(db, code="WF-INNY", term_id=term, course_ids=(course,))  # offers the course, keeps no lists
    other_course = factories.registration(db, code="FIZ-OGU", term_id=term, course_ids=(factories.course(db, "FIZ-1"),))
    with db.write() as session:
        session.get(Registration, other_course).waiting_lists = True
    offered = waiting_lists.registrations_for(UnitOfWork(db, admin), group)
    assert [(r.id, r.code) for r in offered] == [(registration, "REG-1")]


WORKERS = 16


def _racer(url, student_id, group_id, registration_id, barrier, results):
    db = Database(make_engine(url))
    barrier.wait(timeout=60)
    for _attempt in range(15):  # refreshing the portal, as a student after a seat does
        try:
            outcome = enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), student_id, group_id,
                                                      registration_id).enrollment_id
            break
        except EnrollmentRefused as refused:
            outcome = refused.refusal.value
    db.dispose()
    results.put((student_id, outcome))


def _leaver(url, student_id, group_id, registration_id, barrier, results):
    db = Database(make_engine(url))
    barrier.wait(timeout=60)
    enrollment.unregister_from_portal(UnitOfWork(db, SystemJob.PORTAL), student_id, group_id, registration_id)
    db.dispose()
    results.put((student_id, "left"))


def test_a_freed_seat_goes_to_the_list_even_while_16_processes_race_for_it(db, admin):
    _term, _course, group, registration, holders, _held = _full_group(db, limit=3)
    listed = factories.student(db, "Czeka")
    waiting_lists.join(UnitOfWork(db, SystemJob.PORTAL), listed, group, registration)
    racers = factories.many_students(db, WORKERS, prefix="Ściga")
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(WORKERS + 1), context.Queue()
    url = db.url.render_as_string(hide_password=False)
    db.dispose()
    processes = [context.Process(target=_racer, args=(url, s, group, registration, barrier, results)) for s in racers]
    processes.append(context.Process(target=_leaver, args=(url, holders[0], group, registration, barrier, results)))
    for process in processes:
        process.start()
    outcomes = dict(results.get(timeout=300) for _ in processes)
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    assert _in(db, listed, group)  # the seat was the list's
    assert not any(isinstance(outcomes[s], int) for s in racers)  # no racer got it
    with db.read() as session:
        group_row = session.get(ClassGroup, group)
        standing = session.scalars(select(Enrollment.id).where(Enrollment.group_id == group,
                                                               Enrollment.status == EnrollmentStatus.ACCEPTED)).all()
        assert group_row.enrolled_count == len(standing) == 3


def test_seats_released_at_their_moment_go_to_the_waiting_list_by_the_timer(db, admin):
    """Dedicated seats released by the clock, not by a write: the timer's job carries the release out and the
    waiting list is asked, so the first on the list gets the seat before anyone racing on the portal."""
    from desk import seat_shares

    _term, _course, group, registration, _holders, _held = _full_group(db, limit=2)
    with db.write() as session:
        session.get(ClassGroup, group).seat_limit = 3
    listed = factories.student(db, "Na liście")
    release = now_utc() + timedelta(minutes=10)
    seat_shares.add_share(UnitOfWork(db, admin), group, seat_shares.ShareDraft(seats=1, student_ids=(listed,),
                                                                                 release_at=release), reason="Erasmus")
    waiting = factories.student(db, "Czekająca")
    waiting_lists.join(UnitOfWork(db, SystemJob.PORTAL), waiting, group, registration)
    assert seat_shares.release_due(UnitOfWork(db, SystemJob.SCHEDULE, now=release - timedelta(minutes=1))) == 0
    assert not _in(db, waiting, group)  # before the moment the seat is the list's student's
    assert seat_shares.release_due(UnitOfWork(db, SystemJob.SCHEDULE, now=release + timedelta(minutes=1))) == 1
    assert _in(db, waiting, group)
    assert waiting_lists.list_of(UnitOfWork(db, admin), group) == []
    with db.read() as session:
        row = session.get(ClassGroup, group)
        assert (row.enrolled_count, row.reserved_seats) == (3, 0)
    assert seat_shares.release_due(UnitOfWork(db, SystemJob.SCHEDULE, now=release + timedelta(minutes=2))) == 0
