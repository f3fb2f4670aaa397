"""Timetable clashes: a group whose weekly slots overlap a group the student holds in the term is refused
on every path (a clerk's enrollment and move, a first-come registration, a token request put in the
basket and carried out), naming both groups and the time; a clerk may go ahead with a reason, recorded
as an override; a registration may switch the check off; the explanation says it in both languages."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from sqlalchemy import select, update

from desk import eligibility, enrollment, rules, token_rounds, tokens
from desk.clock import now_utc
from desk.enrollment import EnrollmentRefused
from desk.model import (
    AuditEntry,
    ClassGroup,
    Enrollment,
    EnrollmentStatus,
    Level,
    Registration,
    RegistrationCourse,
    RegistrationKind,
    RequestAction,
    RequestStatus,
    TimetableSlot,
    TokenRequest,
)
from desk.rules import GroupFacts, Held, RefusalCode, SlotFacts
from desk.token_rounds import TokenRequestRefused
from desk.unit_of_work import SystemJob, UnitOfWork
from tests import factories

CLASH = RefusalCode.TIMETABLE_CLASH


def _slot(db, group_id, weekday, starts, ends):
    with db.write() as session:
        session.add(TimetableSlot(group_id=group_id, weekday=weekday, starts_at=starts, ends_at=ends))


@pytest.fixture
def week(db):
    """Mathematics' lecture on Monday 10:00-11:30; physics' groups: 1 on Monday 11:00-12:30 (clashes), 2 on Monday
    11:30-13:00 (starts as the lecture ends), 3 on Tuesday 10:00-11:30, 4 with no timetable."""
    now = now_utc()
    term_id = factories.term(db, "2026Z", (now - timedelta(days=30)).date(), (now + timedelta(days=90)).date())
    maths = factories.course(db, "MAT-101")
    physics = factories.course(db, "FIZ-101")
    lecture = factories.group(db, maths, term_id, seat_limit=100)
    _slot(db, lecture, 1, time(10, 0), time(11, 30))
    clashing, after, tuesday, unplanned = (factories.group(db, physics, term_id, number=n, seat_limit=10) for n in (1, 2, 3, 4))
    _slot(db, clashing, 1, time(11, 0), time(12, 30))
    _slot(db, after, 1, time(11, 30), time(13, 0))
    _slot(db, tuesday, 2, time(10, 0), time(11, 30))
    registration = factories.registration(db, term_id=term_id, course_ids=(maths, physics),
                                          rounds=((now - timedelta(hours=1), now + timedelta(days=1), True),),
                                          rules=({"level": Level.FIRST_CYCLE},))
    return dict(now=now, term=term_id, lecture=lecture, clashing=clashing, after=after, tuesday=tuesday,
                unplanned=unplanned, registration=registration)


def _student_at_the_lecture(db, admin, week, last_name="Nowak"):
    student = factories.student(db, last_name=last_name)
    enrollment.enroll(UnitOfWork(db, admin), student, week["lecture"], reason="plan studiów")
    return student


def _codes(refused):
    return [r.code for r in refused.value.refusals]


# --- the rule ----------------------------------------------------------------------------------------


def _facts(group_id, *slots):
    return GroupFacts(group_id, group_id, f"C{group_id}", 1, "CW", 1, 10, 0, tuple(SlotFacts(*s) for s in slots))


def test_slots_overlap_only_on_the_same_day_and_not_end_to_start():
    held = [Held(1, _facts(1, (1, 600, 690)), None)]
    assert [r.code for r in rules.enroll_at_desk(_facts(2, (1, 660, 750)), held)] == [CLASH]
    assert rules.enroll_at_desk(_facts(3, (1, 690, 780)), held) == ()  # starts as the other ends
    assert rules.enroll_at_desk(_facts(4, (2, 600, 690)), held) == ()  # another day
    assert rules.enroll_at_desk(_facts(5), held) == ()  # no timetable: never clashes
    within = rules.enroll_at_desk(_facts(6, (3, 480, 540), (1, 620, 640)), held)[0]
    assert within.params == {"course": "C6", "class_type": "CW", "number": 1, "other_course": "C1", "other_class_type": "CW",
                             "other_number": 1, "weekday": 1, "starts": "10:20", "ends": "10:40"}


# --- at the desk -------------------------------------------------------------------------------------


def test_a_clerk_is_refused_a_clash_naming_both_groups_and_the_time(db, admin, week):
    student = _student_at_the_lecture(db, admin, week)
    with pytest.raises(EnrollmentRefused) as refused:
        enrollment.enroll(UnitOfWork(db, admin), student, week["clashing"], reason="wybór")
    assert _codes(refused) == [CLASH]
    assert str(refused.value) == ("Group FIZ-101 class 1 clashes in the timetable with group MAT-101 class 1: "
                                  "both on Monday, 11:00\u201311:30.")
    for free in (week["after"], week["tuesday"], week["unplanned"]):
        enrollment.enroll(UnitOfWork(db, admin), student, free, reason="wybór")
        with db.write() as session:  # one physics group at a time
            session.execute(update(Enrollment).where(Enrollment.group_id == free).values(status=EnrollmentStatus.CANCELLED))


def test_a_clerk_enrolls_despite_a_clash_with_a_reason_recorded_as_an_override(db, admin, week):
    student = _student_at_the_lecture(db, admin, week)
    done = enrollment.enroll(UnitOfWork(db, admin), student, week["clashing"], reason="decyzja prodziekana",
                             despite_clash=True)
    with db.read() as session:
        assert session.get(Enrollment, done.enrollment_id).despite_clash is True
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "enrollment",
                                                         AuditEntry.entity_id == done.enrollment_id)).one()
    assert entry.action == enrollment.EnrollmentAction.OVERRIDE
    assert entry.after["despite_clash"] is True and entry.reason == "decyzja prodziekana"
    # Without a clash, "despite" records nothing of the kind.
    other = factories.student(db, last_name="Wiśniewska")
    plain = enrollment.enroll(UnitOfWork(db, admin), other, week["clashing"], reason="wybór", despite_clash=True)
    with db.read() as session:
        assert session.get(Enrollment, plain.enrollment_id).despite_clash is False


def test_a_move_into_a_clash_is_refused_unless_the_clerk_says_so(db, admin, week):
    student = _student_at_the_lecture(db, admin, week)
    placed = enrollment.enroll(UnitOfWork(db, admin), student, week["tuesday"], reason="wybór")
    with pytest.raises(EnrollmentRefused) as refused:
        enrollment.move(UnitOfWork(db, admin), placed.enrollment_id, week["clashing"], reason="zamiana")
    assert _codes(refused) == [CLASH]
    offered = {t.group_id: t for t in enrollment.move_targets(UnitOfWork(db, admin), placed.enrollment_id)}
    assert offered[week["clashing"]].offered  # a clerk may override it, so it is offered, with its refusal
    assert [r.code for r in offered[week["clashing"]].refusals] == [CLASH]
    moved = enrollment.move(UnitOfWork(db, admin), placed.enrollment_id, week["clashing"], reason="zamiana",
                            despite_clash=True)
    with db.read() as session:
        assert session.get(Enrollment, moved.enrollment_id).despite_clash is True


def test_moving_many_leaves_those_who_would_clash_unless_the_clerk_says_so(db, admin, week):
    clashing_student = _student_at_the_lecture(db, admin, week, "Nowak")
    free_student = factories.student(db, last_name="Zielińska")
    placed = [enrollment.enroll(UnitOfWork(db, admin), sid, week["tuesday"], reason="wybór").enrollment_id
              for sid in (clashing_student, free_student)]
    done = enrollment.move_many(UnitOfWork(db, admin), placed, week["clashing"], reason="zamiana")
    assert len(done.not_done) == 1 and "clashes in the timetable" in done.not_done[0].why
    done = enrollment.move_many(UnitOfWork(db, admin), [placed[0]], week["clashing"], reason="zamiana", despite_clash=True)
    assert not done.not_done
    with db.read() as session:
        standing = session.scalars(select(Enrollment.group_id).where(Enrollment.status == EnrollmentStatus.ACCEPTED,
                                                                     Enrollment.group_id == week["clashing"])).all()
    assert len(standing) == 2


# --- the portal --------------------------------------------------------------------------------------


def test_a_first_come_registration_that_clashes_is_refused(db, admin, week):
    student = _student_at_the_lecture(db, admin, week)
    portal = UnitOfWork(db, SystemJob.PORTAL, now=week["now"])
    with pytest.raises(EnrollmentRefused) as refused:
        enrollment.register_from_portal(portal, student, week["clashing"], week["registration"])
    assert _codes(refused) == [CLASH]
    batch = UnitOfWork(db, SystemJob.PORTAL, now=week["now"])
    actions = [enrollment.PortalAction(student, week["clashing"], week["registration"], True, week["now"]),
               enrollment.PortalAction(student, week["after"], week["registration"], True, week["now"])]
    before = enrollment.portal_facts(batch, actions)
    with batch.write():
        outcomes = enrollment.apply_portal_actions(batch, actions, before)
    assert [r.code for r in outcomes[0].refusals] == [CLASH] and outcomes[1].group_id == week["after"]


def test_a_registration_that_does_not_check_lets_a_clash_through(db, admin, week):
    with db.write() as session:
        session.execute(update(Registration).values(clash_check=False))
    student = _student_at_the_lecture(db, admin, week)
    done = enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL, now=week["now"]), student,
                                           week["clashing"], week["registration"])
    assert done.group_id == week["clashing"]
    explanation = eligibility.explain(UnitOfWork(db, admin), student, week["registration"], group_id=week["after"])
    timetable = next(c for c in explanation.checks if c.condition is eligibility.Condition.TIMETABLE)
    assert timetable.outcome is eligibility.Outcome.NOT_APPLICABLE


def test_token_requests_that_clash_are_refused_in_the_basket_and_at_the_break(db, admin, week):
    token = factories.token_type(db)
    with db.write() as session:
        session.execute(update(Registration).where(Registration.id == week["registration"])
                        .values(kind=RegistrationKind.TOKEN, token_type_id=token))
    student = _student_at_the_lecture(db, admin, week)
    tokens.correct_balance(UnitOfWork(db, admin, now=week["now"] - timedelta(days=30)), student, token, 2, reason="przydział")
    portal = UnitOfWork(db, SystemJob.PORTAL, now=week["now"])
    with pytest.raises(TokenRequestRefused) as refused:
        token_rounds.submit_request(portal, student, week["clashing"], week["registration"], RequestAction.REGISTER)
    assert _codes(refused) == [CLASH]
    # Two requests that clash with each other (Tuesday 10:00 and a Tuesday group put in later): the first is
    # carried out, the second then clashes with it.
    late = factories.group(db, factories.course(db, "CHE-101"), week["term"], seat_limit=10)
    _slot(db, late, 2, time(11, 0), time(12, 0))
    with db.write() as session:  # its course joins the registration's offer
        course = session.get(ClassGroup, late).course_id
        session.add(RegistrationCourse(registration_id=week["registration"], course_id=course))
    first = token_rounds.submit_request(UnitOfWork(db, SystemJob.PORTAL, now=week["now"]), student, week["tuesday"],
                                        week["registration"], RequestAction.REGISTER)
    second = token_rounds.submit_request(UnitOfWork(db, SystemJob.PORTAL, now=week["now"] + timedelta(seconds=1)),
                                         student, late, week["registration"], RequestAction.REGISTER)
    token_rounds.resolve_now(UnitOfWork(db, admin, now=week["now"] + timedelta(minutes=1)), week["registration"])
    with db.read() as session:
        done = {r.id: r for r in session.scalars(select(TokenRequest))}
    assert done[first].status is RequestStatus.ACCEPTED
    assert done[second].status is RequestStatus.REFUSED and done[second].resolution_code == "refusal.timetable_clash.2"


# --- the explanation ---------------------------------------------------------------------------------


def test_the_explanation_names_the_clash_and_what_to_do(db, admin, week):
    student = _student_at_the_lecture(db, admin, week)
    explanation = eligibility.explain(UnitOfWork(db, admin), student, week["registration"], group_id=week["clashing"])
    timetable = next(c for c in explanation.checks if c.condition is eligibility.Condition.TIMETABLE)
    assert timetable.outcome is eligibility.Outcome.FAILED
    assert "MAT-101 class 1" in timetable.detail and "11:00\u201311:30" in timetable.detail
    assert "despite the clash" in timetable.fix
    assert [r.code for r in explanation.refusals] == [CLASH]
    free = eligibility.explain(UnitOfWork(db, admin), student, week["registration"], group_id=week["after"])
    assert next(c for c in free.checks if c.condition is eligibility.Condition.TIMETABLE).outcome is eligibility.Outcome.PASSED


def test_the_clash_reads_in_polish_and_english_as_the_portal_gets_it(db, admin, week):
    student = _student_at_the_lecture(db, admin, week)
    with pytest.raises(EnrollmentRefused) as refused:
        enrollment.enroll(UnitOfWork(db, admin), student, week["clashing"], reason="wybór")
    stored = refused.value.messages()[0]
    assert stored.code == "refusal.timetable_clash.1"
    assert stored.texts() == {
        "pl": "Grupa FIZ-101 ćwiczenia 1 koliduje w planie zajęć z grupą MAT-101 ćwiczenia 1: obie w poniedziałek, 11:00\u201311:30.",
        "en": "Group FIZ-101 class 1 clashes in the timetable with group MAT-101 class 1: both on Monday, 11:00\u201311:30.",
    }


# --- the portal's tables -----------------------------------------------------------------------------


def test_the_portal_gets_each_groups_timetable_and_whether_a_registration_checks(db, admin, week):
    from desk import sync
    from desk.model import SyncKind
    from desk.portal import schema
    from desk.portal.database import open_portal_for

    with db.write() as session:
        session.execute(update(Registration).values(clash_check=False))
    _slot(db, week["clashing"], 4, time(8, 0), time(9, 30))
    portal = open_portal_for(db)
    try:
        sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
        with portal.read() as session:
            timetables = {gid: words for gid, words in session.execute(
                select(schema.class_groups.c.group_id, schema.class_groups.c.timetable))}
            checks = session.execute(select(schema.registrations.c.clash_check)).scalars().all()
        assert timetables[week["clashing"]] == "1 11:00-12:30; 4 08:00-09:30"
        assert timetables[week["tuesday"]] == "2 10:00-11:30" and timetables[week["unplanned"]] is None
        assert checks == [False]
    finally:
        portal.dispose()
