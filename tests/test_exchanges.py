"""Exchanges: wishes carried out together at a break (pairs, cycles, chains to a free seat), never over a limit, every
move asked of the rulebook; what stays open says why; a clerk's swap of two students."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from sqlalchemy import func, select

from desk import enrollment, exchanges, rules, seat_shares
from desk.clock import now_utc
from desk.enrollment import EnrollmentRefused
from desk.errors import DomainError
from desk.model import (
    AuditEntry,
    ClassGroup,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    ExchangeWish,
    Level,
    Registration,
    TimetableSlot,
    WishStatus,
)
from desk.seat_shares import ShareDraft
from desk.unit_of_work import SystemJob, UnitOfWork
from tests import factories


def _university(db, admin, *, groups=3, limit=2, exchanges_allowed=True):
    """A course of ``groups`` groups of ``limit`` seats, offered by a registration that allows exchanges."""
    now = now_utc()
    term = factories.term(db)
    course = factories.course(db, "ANG-B2")
    group_ids = [factories.group(db, course, term, number=n, seat_limit=limit) for n in range(1, groups + 1)]
    registration = factories.registration(db, term_id=term, course_ids=(course,),
                                          rounds=((now - timedelta(hours=1), now + timedelta(days=1)),),
                                          rules=({"level": Level.FIRST_CYCLE},))
    with db.write() as session:
        session.get(Registration, registration).exchanges = exchanges_allowed
    return registration, group_ids


def _seat(db, admin, registration, group, name, **student):
    student_id = factories.student(db, name, **student)
    enrollment.enroll(UnitOfWork(db, admin), student_id, group, reason="zapis", registration_id=registration)
    return student_id


def _where(db, student_id) -> int | None:
    with db.read() as session:
        return session.scalar(select(Enrollment.group_id).where(Enrollment.student_id == student_id,
                                                               Enrollment.status == EnrollmentStatus.ACCEPTED))


def _counts(db, group_ids) -> list[int]:
    with db.read() as session:
        return [session.get(ClassGroup, g).enrolled_count for g in group_ids]


def _wish_state(db, wish_id):
    with db.read() as session:
        wish = session.get(ExchangeWish, wish_id)
        return wish.status, wish.reason_code


def test_a_three_way_cycle_among_full_groups_is_carried_out_in_one_transaction(db, admin):
    registration, (a, b, c) = _university(db, admin)
    fillers = [_seat(db, admin, registration, g, f"Stały{g}") for g in (a, b, c)]
    s1, s2, s3 = (_seat(db, admin, registration, g, f"Chętny{g}") for g in (a, b, c))
    assert _counts(db, (a, b, c)) == [2, 2, 2]
    portal = UnitOfWork(db, SystemJob.PORTAL)
    w1 = exchanges.make_wish(portal, s1, a, [b], portal_key="k1")
    w2 = exchanges.make_wish(UnitOfWork(db, SystemJob.PORTAL), s2, b, [c])
    w3 = exchanges.make_wish(UnitOfWork(db, admin), s3, c, [a])
    assert exchanges.make_wish(UnitOfWork(db, SystemJob.PORTAL), s1, a, [b], portal_key="k1") == w1  # the same key
    done = exchanges.run_break(UnitOfWork(db, admin), registration, reason="przerwa wymiany")
    assert (done.carried, done.sets, done.longest, done.still_open) == (3, 1, 3, 0)
    assert (_where(db, s1), _where(db, s2), _where(db, s3)) == (b, c, a)
    assert _counts(db, (a, b, c)) == [2, 2, 2]  # every group still at its limit
    assert [_where(db, f) for f in fillers] == [a, b, c]  # nobody else moved
    assert all(_wish_state(db, w)[0] is WishStatus.DONE for w in (w1, w2, w3))
    with db.read() as session:
        sources = set(session.scalars(select(Enrollment.source).where(Enrollment.status == EnrollmentStatus.ACCEPTED,
                                                                      Enrollment.student_id.in_((s1, s2, s3)))))
        assert sources == {EnrollmentSource.PORTAL, EnrollmentSource.DESK}  # two wishes the students', one a clerk's
        head = session.get(AuditEntry, done.change_set_id)
        assert head.action == "exchange.break"
        members = session.scalar(select(func.count()).select_from(AuditEntry)
                                 .where(AuditEntry.change_set_id == done.change_set_id))
        assert members > 6  # the head, each cancellation, each new seat, each wish closed


def test_a_chain_ends_in_a_free_seat_and_never_takes_anyones_seat(db, admin):
    registration, (a, b, c) = _university(db, admin)
    _seat(db, admin, registration, a, "Stały")
    s1 = _seat(db, admin, registration, a, "Pierwszy")
    _seat(db, admin, registration, b, "Stały")
    s2 = _seat(db, admin, registration, b, "Drugi")
    _seat(db, admin, registration, c, "Jedyny")  # C has one free seat
    w1 = exchanges.make_wish(UnitOfWork(db, admin), s1, a, [b])
    w2 = exchanges.make_wish(UnitOfWork(db, admin), s2, b, [c])
    done = exchanges.run_break(UnitOfWork(db, admin), registration)
    assert (done.carried, done.sets) == (2, 1)
    assert (_where(db, s1), _where(db, s2)) == (b, c)
    assert _counts(db, (a, b, c)) == [1, 2, 2]
    assert {_wish_state(db, w)[0] for w in (w1, w2)} == {WishStatus.DONE}


def test_a_wish_a_rule_refuses_stays_open_with_that_rule_as_the_reason(db, admin):
    registration, (a, b, _c) = _university(db, admin)
    s1 = _seat(db, admin, registration, a, "Kolizja")
    s2 = _seat(db, admin, registration, b, "Drugi")
    _seat(db, admin, registration, a, "Stały")
    _seat(db, admin, registration, b, "Stały")
    # s1 holds another course's group on Monday 10:00-11:30; group B meets then too.
    term = factories.term(db)
    other_course = factories.course(db, "FIZ-101")
    with db.read() as session:
        term = session.get(ClassGroup, a).term_id
    other = factories.group(db, other_course, term, seat_limit=10)
    enrollment.enroll(UnitOfWork(db, admin), s1, other, reason="fizyka")
    with db.write() as session:
        session.add(TimetableSlot(group_id=other, weekday=1, starts_at=time(10), ends_at=time(11, 30)))
        session.add(TimetableSlot(group_id=b, weekday=1, starts_at=time(11), ends_at=time(12, 30)))
    w1 = exchanges.make_wish(UnitOfWork(db, admin), s1, a, [b])
    w2 = exchanges.make_wish(UnitOfWork(db, admin), s2, b, [a])
    done = exchanges.run_break(UnitOfWork(db, admin), registration)
    assert done.carried == 0 and done.still_open == 2
    assert (_where(db, s1), _where(db, s2)) == (a, b)
    assert _wish_state(db, w1) == (WishStatus.OPEN, "refusal.timetable_clash.1")
    assert _wish_state(db, w2) == (WishStatus.OPEN, "exchange.waiting")
    line = next(w for w in exchanges.wishes_of(UnitOfWork(db, admin), registration) if w.id == w1)
    assert "clashes in the timetable" in line.reason.text()


def test_the_oldest_wish_takes_a_freed_seat_and_dedicated_seats_are_respected(db, admin):
    registration, (a, b) = _university(db, admin, groups=2)
    ours = factories.programme(db, "INF-S2")
    s_old = _seat(db, admin, registration, a, "Starszy")
    s_new = _seat(db, admin, registration, a, "Młodszy")
    leaver = _seat(db, admin, registration, b, "Odchodzi")
    _seat(db, admin, registration, b, "Stały")
    older = exchanges.make_wish(UnitOfWork(db, admin, now=now_utc() - timedelta(minutes=5)), s_old, a, [b])
    newer = exchanges.make_wish(UnitOfWork(db, admin), s_new, a, [b])
    back = exchanges.make_wish(UnitOfWork(db, admin), leaver, b, [a])
    done = exchanges.run_break(UnitOfWork(db, admin), registration)
    assert done.carried == 2 and (_where(db, s_old), _where(db, leaver)) == (b, a)
    assert _wish_state(db, newer)[0] is WishStatus.OPEN and _wish_state(db, older)[0] is WishStatus.DONE
    assert _wish_state(db, back)[0] is WishStatus.DONE
    # A seat of B is dedicated to INF-S2 now; the newer wish (INF-S1) may not take it when it frees.
    enrollment.unenroll(UnitOfWork(db, admin), _enrollment_of(db, s_old), reason="rezygnacja")
    seat_shares.add_share(UnitOfWork(db, admin), b, ShareDraft(1, programme_id=ours), reason="dla INF")
    done = exchanges.run_break(UnitOfWork(db, admin), registration)
    assert done.carried == 0 and _where(db, s_new) == a


def _enrollment_of(db, student_id) -> int:
    with db.read() as session:
        return session.scalar(select(Enrollment.id).where(Enrollment.student_id == student_id,
                                                          Enrollment.status == EnrollmentStatus.ACCEPTED))


def test_a_wish_whose_student_left_the_group_is_void_and_a_new_wish_replaces_an_open_one(db, admin):
    registration, (a, b, c) = _university(db, admin)
    s1 = _seat(db, admin, registration, a, "Zmienny")
    first = exchanges.make_wish(UnitOfWork(db, admin), s1, a, [b])
    second = exchanges.make_wish(UnitOfWork(db, admin), s1, a, [c, b])
    assert _wish_state(db, first) == (WishStatus.WITHDRAWN, "exchange.replaced")
    enrollment.unenroll(UnitOfWork(db, admin), _enrollment_of(db, s1), reason="rezygnacja")
    done = exchanges.run_break(UnitOfWork(db, admin), registration)
    assert done.void == 1 and _wish_state(db, second) == (WishStatus.VOID, "exchange.void")


def test_wishes_are_checked_at_the_edge(db, admin):
    registration, (a, b, _c) = _university(db, admin)
    s1 = _seat(db, admin, registration, a, "Ktoś")
    other_course = factories.course(db, "FIZ-101")
    with db.read() as session:
        term = session.get(ClassGroup, a).term_id
    elsewhere = factories.group(db, other_course, term)
    with pytest.raises(DomainError, match="same course"):
        exchanges.make_wish(UnitOfWork(db, admin), s1, a, [elsewhere])
    with pytest.raises(DomainError, match="not in that group"):
        exchanges.make_wish(UnitOfWork(db, admin), s1, b, [a])
    with pytest.raises(DomainError, match="at least one"):
        exchanges.make_wish(UnitOfWork(db, admin), s1, a, [])
    with db.write() as session:
        session.get(Registration, registration).exchanges = False
    with pytest.raises(DomainError, match="does not allow exchanges"):
        exchanges.make_wish(UnitOfWork(db, admin), s1, a, [b])


def test_a_clerk_swaps_two_students_of_full_groups_in_one_step(db, admin):
    registration, (a, b) = _university(db, admin, groups=2, limit=1)
    s1 = _seat(db, admin, registration, a, "Pierwsza")
    s2 = _seat(db, admin, registration, b, "Drugi")
    first, second = exchanges.swap(UnitOfWork(db, admin), _enrollment_of(db, s1), _enrollment_of(db, s2),
                                   reason="zamiana za zgodą obojga")
    assert (_where(db, s1), _where(db, s2)) == (b, a) and _counts(db, (a, b)) == [1, 1]
    with pytest.raises(DomainError, match="same group"):
        exchanges.swap(UnitOfWork(db, admin), first, first, reason="x")
    # A clash refuses the swap as a whole.
    with db.read() as session:
        term = session.get(ClassGroup, a).term_id
    other = factories.group(db, factories.course(db, "FIZ-101"), term, seat_limit=5)
    enrollment.enroll(UnitOfWork(db, admin), s2, other, reason="fizyka")
    with db.write() as session:
        session.add(TimetableSlot(group_id=other, weekday=2, starts_at=time(8), ends_at=time(9)))
        session.add(TimetableSlot(group_id=b, weekday=2, starts_at=time(8, 30), ends_at=time(10)))
    with pytest.raises(EnrollmentRefused) as refused:
        exchanges.swap(UnitOfWork(db, admin), _enrollment_of(db, s1), second, reason="z powrotem")
    assert refused.value.refusal is rules.RefusalCode.TIMETABLE_CLASH
    assert (_where(db, s1), _where(db, s2)) == (b, a)
