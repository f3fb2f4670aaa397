"""Rounds for chosen students and staggered starts: who may act in a round, and from which minute, on every path."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from desk import eligibility, enrollment, readiness, registrations, round_audiences, rules, token_rounds
from desk.clock import now_utc
from desk.eligibility import Condition
from desk.enrollment import EnrollmentRefused
from desk.errors import DomainError
from desk.model import Level, Registration, RegistrationKind, Round, RoundStart, RoundStudent
from desk.refusals import describe
from desk.round_audiences import AudienceDraft
from desk.rules import Audience, Entrant, RoundPlan, Study
from desk.token_rounds import RequestAction, TokenRequestRefused
from desk.unit_of_work import SystemJob, UnitOfWork
from tests import factories

T0 = datetime(2027, 2, 1, 9, 0, tzinfo=timezone.utc)
OURS = Entrant((Study(7, "first_cycle", "full_time", 2),))
OTHERS = Entrant((Study(8, "first_cycle", "full_time", 2),))
REG = rules.RegistrationFacts(1, "WF-2027L", 1, frozenset({1}), None, False)


# --- the rulebook -------------------------------------------------------------------------------------

def test_a_round_for_chosen_students_is_open_to_them_and_says_to_others_when_theirs_opens():
    first = RoundPlan(1, "Own students", T0, T0 + timedelta(days=1), audience=Audience(programme_id=7))
    second = RoundPlan(2, "Everyone", T0 + timedelta(days=2), T0 + timedelta(days=3))
    now = T0 + timedelta(hours=1)
    assert rules.round_for([first, second], now, OURS).open
    theirs = rules.round_for([first, second], now, OTHERS)
    assert not theirs.open and theirs.outside == "Own students" and theirs.name == "Everyone"
    refusal, = rules._round(REG, theirs)
    assert refusal.code is rules.RefusalCode.NOT_IN_AUDIENCE
    assert describe(refusal).startswith("The round \u201cOwn students\u201d of WF-2027L is for other students; "
                                        "\u201cEveryone\u201d opens for the student on")
    # Without a later round for them: for other students, and nothing more.
    alone, = rules._round(REG, rules.round_for([first], now, OTHERS))
    assert alone.code is rules.RefusalCode.NOT_IN_AUDIENCE and "opens_at" not in alone.params
    # As for everyone (no student named): open.
    assert rules.round_for([first, second], now).open
    listed = RoundPlan(3, "Listed", T0, T0 + timedelta(days=1), audience=Audience(listed=True))
    assert rules.round_for([listed], now, Entrant(listed=frozenset({3}))).open
    assert not rules.round_for([listed], now, OURS).open


def test_a_staggered_round_opens_at_each_students_own_minute_and_for_one_without_at_the_last_turn():
    plan = RoundPlan(1, "Turns", T0, T0 + timedelta(days=1), last_turn=T0 + timedelta(minutes=80))
    early = Entrant(starts={1: T0})
    late = Entrant(starts={1: T0 + timedelta(minutes=40)})
    at = T0 + timedelta(minutes=20)
    assert rules.round_for([plan], at, early).open
    waiting = rules.round_for([plan], at, late)
    assert not waiting.open and waiting.own_start and waiting.opens_at == (T0 + timedelta(minutes=40)).isoformat()
    refusal, = rules._round(REG, waiting)
    assert refusal.code is rules.RefusalCode.ROUND_NOT_OPEN and refusal.params["own"]
    assert "It is not the student's turn in WF-2027L yet" in describe(refusal)
    assert rules.opens_for(plan, rules.ANYONE) == T0 + timedelta(minutes=80)
    assert rules.round_for([plan], T0 + timedelta(minutes=41), late).open


# --- the services ------------------------------------------------------------------------------------

def _registration(db, *, kind=None, first_hours_ago=1, second=True):
    now = now_utc()
    term = factories.term(db)
    course = factories.course(db, "WF-101")
    group = factories.group(db, course, term, seat_limit=50)
    rounds = [(now - timedelta(hours=first_hours_ago), now + timedelta(days=1))]
    if second:
        rounds.append((now + timedelta(days=2), now + timedelta(days=3)))
    extra = {}
    if kind is RegistrationKind.TOKEN:
        extra = {"kind": kind, "token_type_id": factories.token_type(db)}
    registration = factories.registration(db, term_id=term, course_ids=(course,), rounds=tuple(rounds),
                                          rules=({"level": Level.FIRST_CYCLE},), **extra)
    with db.read() as session:
        round_ids = list(session.scalars(select(Round.id).where(Round.registration_id == registration)
                                         .order_by(Round.starts_at)))
    return registration, group, round_ids


def _portal(db, student, group, registration, now=None):
    return enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL, now=now), student, group, registration)


def test_a_round_for_a_programme_admits_its_students_and_refuses_others_on_every_path(db, admin):
    registration, group, (first, _second) = _registration(db)
    ours_programme = factories.programme(db, "INF-S2")
    round_audiences.set_audience(UnitOfWork(db, admin), first, AudienceDraft(programme_id=ours_programme),
                                 reason="najpierw nasi")
    ours = factories.student(db, "Nasz", programme_code="INF-S2")
    other = factories.student(db, "Obcy", programme_code="INF-S1")
    assert _portal(db, ours, group, registration).enrollment_id
    with pytest.raises(EnrollmentRefused) as refused:
        _portal(db, other, group, registration)
    assert refused.value.refusal is rules.RefusalCode.NOT_IN_AUDIENCE
    explained = eligibility.explain(UnitOfWork(db, admin), other, registration, group_id=group)
    check = next(c for c in explained.checks if c.condition is Condition.ROUND)
    assert check.refusal is not None and check.refusal.code is rules.RefusalCode.NOT_IN_AUDIENCE
    swept = readiness.sweep(UnitOfWork(db, admin), registration)
    by_round = next(b.student_ids for b in swept.blocked if b.condition is Condition.ROUND)
    assert other in by_round and ours not in by_round
    # Open to everyone again: the other student registers.
    round_audiences.set_audience(UnitOfWork(db, admin), first, None, reason="dla wszystkich")
    assert _portal(db, other, group, registration).enrollment_id


def test_a_round_for_a_list_of_students(db, admin):
    registration, group, (first, _second) = _registration(db)
    listed, other = factories.student(db, "Na liście"), factories.student(db, "Spoza")
    round_audiences.set_audience(UnitOfWork(db, admin), first, AudienceDraft(student_ids=(listed,)), reason="lista")
    assert _portal(db, listed, group, registration).enrollment_id
    with pytest.raises(EnrollmentRefused):
        _portal(db, other, group, registration)
    with pytest.raises(DomainError, match="not both"):
        round_audiences.set_audience(UnitOfWork(db, admin), first, AudienceDraft(stage=2, student_ids=(listed,)),
                                     reason="r")


def test_ranked_turns_open_the_round_for_each_student_at_their_own_minute(db, admin):
    registration, group, (first,) = _registration(db, first_hours_ago=0, second=False)
    students = [factories.student(db, f"S{i}", number=f"{700000 + i}") for i in range(10)]
    late_comer = factories.student(db, "Spóźniony", number="799999")
    ranking = "nr_albumu;srednia\n" + "\n".join(f"{700000 + i};{5 - i * 0.25:.2f}".replace(".", ",") for i in range(10))
    ranking += "\n123;4,0\nśmieci\n700003;5,0"
    with db.read() as session:
        start = session.get(Round, first).starts_at
    done = round_audiences.turns_by_ranking(UnitOfWork(db, admin), first, ranking, turns=5, minutes=20, reason="średnia")
    assert [(t.number, t.students) for t in done.turns] == [(1, 2), (2, 2), (3, 2), (4, 2), (5, 2)]
    assert done.unknown == ("123",) and done.unreadable == (13,) and done.duplicates == ("700003",)
    # The best two at the round's start; the third in the second turn, 20 minutes later.
    at = start + timedelta(minutes=5)
    assert _portal(db, students[0], group, registration, at).enrollment_id
    with pytest.raises(EnrollmentRefused) as refused:
        _portal(db, students[2], group, registration, at)
    assert refused.value.refusals[0].params["own"]
    assert _portal(db, students[2], group, registration, start + timedelta(minutes=20)).enrollment_id
    # A student the ranking does not name opens it with the last turn.
    with pytest.raises(EnrollmentRefused):
        _portal(db, late_comer, group, registration, start + timedelta(minutes=79))
    assert _portal(db, late_comer, group, registration, start + timedelta(minutes=80)).enrollment_id
    # The card's word: each student's own minute and turn.
    mine, = round_audiences.own_starts(UnitOfWork(db, admin, now=at), students[9])
    assert (mine.turn, mine.starts_at, mine.in_audience) == (5, start + timedelta(minutes=80), True)
    # The round moved an hour later: the turns move with it.
    registrations.save_round(UnitOfWork(db, admin), registration, registrations.RoundDraft(
        "Round 1", start + timedelta(hours=1), start + timedelta(days=1)), round_id=first, reason="przesunięta")
    with db.read() as session:
        moved = session.scalar(select(RoundStart.starts_at).where(RoundStart.round_id == first,
                                                                  RoundStart.student_id == students[9]))
        assert moved == start + timedelta(hours=1, minutes=80)
    with pytest.raises(DomainError, match="ended"):
        round_audiences.turns_by_ranking(UnitOfWork(db, admin), first, ranking, turns=50, minutes=60, reason="r")
    round_audiences.clear_turns(UnitOfWork(db, admin), first, reason="wszyscy naraz")
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(RoundStart)) == 0
        assert session.get(Round, first).last_turn_at is None


def test_turns_by_cohort_put_the_senior_years_first(db, admin):
    registration, group, (first,) = _registration(db, first_hours_ago=0, second=False)
    third = factories.student(db, "Trzeci", stage=3)
    first_year = factories.student(db, "Pierwszy", stage=1)
    done = round_audiences.turns_by_cohort(UnitOfWork(db, admin), first, [3, 2, 1], minutes=60, reason="starsi")
    assert [t.students for t in done.turns] == [1, 0, 1]
    with db.read() as session:
        start = session.get(Round, first).starts_at
    assert _portal(db, third, group, registration, start + timedelta(minutes=1)).enrollment_id
    with pytest.raises(EnrollmentRefused):
        _portal(db, first_year, group, registration, start + timedelta(minutes=1))
    assert _portal(db, first_year, group, registration, start + timedelta(minutes=120)).enrollment_id


def test_a_token_request_waits_for_the_students_turn(db, admin):
    registration, group, (first,) = _registration(db, kind=RegistrationKind.TOKEN, first_hours_ago=0,
                                                          second=False)
    early, late = factories.student(db, "A", number="710001"), factories.student(db, "B", number="710002")
    round_audiences.turns_by_ranking(UnitOfWork(db, admin), first, "710001;5\n710002;3", turns=2, minutes=30,
                                     reason="średnia")
    with db.read() as session:
        start = session.get(Round, first).starts_at
    portal = UnitOfWork(db, SystemJob.PORTAL, now=start + timedelta(minutes=1))
    assert token_rounds.submit_request(portal, early, group, registration, RequestAction.REGISTER)
    with pytest.raises(TokenRequestRefused) as refused:
        token_rounds.submit_request(UnitOfWork(db, SystemJob.PORTAL, now=start + timedelta(minutes=1)), late, group,
                                    registration, RequestAction.REGISTER)
    assert refused.value.refusal is rules.RefusalCode.ROUND_NOT_OPEN


def test_removing_a_round_takes_its_list_and_turns_with_it(db, admin):
    registration, _group, (_first, second) = _registration(db)
    student = factories.student(db, "Ktoś", number="720001")
    round_audiences.set_audience(UnitOfWork(db, admin), second, AudienceDraft(student_ids=(student,)), reason="r")
    round_audiences.turns_by_ranking(UnitOfWork(db, admin), second, "720001;1", turns=1, minutes=5, reason="r")
    registrations.delete_round(UnitOfWork(db, admin), second, reason="niepotrzebna")
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(RoundStudent)) == 0
        assert session.scalar(select(func.count()).select_from(RoundStart)) == 0
        assert session.get(Registration, registration) is not None
