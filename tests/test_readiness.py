"""The readiness sweep: everyone a registration is meant for, grouped by the first thing that would stop them,
agreeing with the explanation student by student; the clerk's fixes applied to a whole group at once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from desk import access, readiness, tokens
from desk.clock import now_utc
from desk.eligibility import Condition, Outcome, _explain
from desk.model import Level, OutboxEntry, Programme, ProgrammeStatus, Registration, RegistrationKind, StudentProgramme
from desk.readiness import Fix
from desk.unit_of_work import UnitOfWork
from tests import factories


@pytest.fixture
def cohort(db, admin):
    """A first-cycle registration whose round opens tomorrow, and one student for each thing that can stop them."""
    now = now_utc()
    term = factories.term(db, "2026Z", (now - timedelta(days=30)).date(), (now + timedelta(days=90)).date())
    course = factories.course(db)
    factories.group(db, course, term)
    registration = factories.registration(db, term_id=term, course_ids=(course,), rules=({"level": Level.FIRST_CYCLE},),
                                          rounds=((now + timedelta(days=1), now + timedelta(days=8)),))
    people = dict(
        ready=factories.student(db, last_name="Gotowa"),
        on_leave=factories.student(db, last_name="Urlopowa", status=ProgrammeStatus.ON_LEAVE),
        revoked=factories.student(db, last_name="Cofnięta"),
        no_login=factories.student(db, last_name="Bezloginowa", login=None),
        waiting=factories.student(db, last_name="Czekająca"),
    )
    master = factories.student(db, last_name="Magisterska", programme_code="INF-M2")
    with db.write() as session:  # not meant for it: a second-cycle programme, which the rule does not match
        programme_id = session.scalar(select(StudentProgramme.programme_id).where(StudentProgramme.student_id == master))
        session.execute(update(Programme).where(Programme.id == programme_id).values(level=Level.SECOND_CYCLE))
    access.revoke_access(UnitOfWork(db, admin), registration, [people["revoked"]], reason="zaległości")
    _all_sent(db, now)
    with db.write() as session:  # one change of one student still waiting
        session.add(OutboxEntry(entity="student", entity_id=people["waiting"], operation="upsert",
                                student_id=people["waiting"], created_at=now))
    return dict(now=now, registration=registration, **people)


def _all_sent(db, now):
    with db.write() as session:
        session.execute(update(OutboxEntry).where(OutboxEntry.sent_at.is_(None)).values(sent_at=now))


def _groups(found: readiness.Readiness) -> dict[Condition, tuple[tuple[int, ...], Fix | None]]:
    return {b.condition: (b.student_ids, b.fix) for b in found.blocked}


def test_students_are_grouped_by_what_would_stop_them_first(db, admin, cohort):
    found = readiness.sweep(UnitOfWork(db, admin, now=cohort["now"]), cohort["registration"])
    assert found.ready == (cohort["ready"],)
    assert _groups(found) == {
        Condition.RULE_OR_GRANT: ((cohort["on_leave"],), Fix.GRANT),
        Condition.REVOCATION: ((cohort["revoked"],), None),
        Condition.LOGIN: ((cohort["no_login"],), None),
        Condition.PORTAL: ((cohort["waiting"],), Fix.SEND),
    }
    assert found.meant_for == 5  # the other cohorts are not counted
    assert all(b.advice for b in found.blocked)


def test_the_sweep_agrees_with_the_explanation_of_each_student(db, admin, cohort):
    found = readiness.sweep(UnitOfWork(db, admin, now=cohort["now"]), cohort["registration"])
    stopped = {sid: b.condition for b in found.blocked for sid in b.student_ids}
    with db.read() as session:
        for student_id in (cohort["ready"], cohort["on_leave"], cohort["revoked"], cohort["no_login"]):
            explanation = _explain(session, student_id, cohort["registration"], course_id=None, group_id=None,
                                   now=cohort["now"])
            failed = next((c.condition for c in explanation.checks if c.outcome is Outcome.FAILED
                           and c.condition is not Condition.PORTAL), None)
            assert stopped.get(student_id) == failed, student_id


def test_a_grant_to_the_whole_group_moves_them_on(db, admin, cohort):
    uow = UnitOfWork(db, admin, now=cohort["now"])
    found = readiness.sweep(uow, cohort["registration"])
    blocked = next(b for b in found.blocked if b.fix is Fix.GRANT)
    assert readiness.apply_fix(UnitOfWork(db, admin, now=cohort["now"]), cohort["registration"], blocked.fix,
                               list(blocked.student_ids), reason="powrót z urlopu") == 1
    again = readiness.sweep(UnitOfWork(db, admin, now=cohort["now"]), cohort["registration"])
    assert cohort["on_leave"] not in {sid for b in again.blocked if b.condition is Condition.RULE_OR_GRANT
                                      for sid in b.student_ids}


def test_a_token_registration_finds_those_without_tokens_and_allocates_them(db, admin, cohort):
    token = factories.token_type(db)
    with db.write() as session:
        session.execute(update(Registration).values(kind=RegistrationKind.TOKEN, token_type_id=token))
    tokens.correct_balance(UnitOfWork(db, admin, now=cohort["now"] - timedelta(days=30)), cohort["ready"], token, 2,
                           reason="przydział")
    _all_sent(db, cohort["now"])
    found = readiness.sweep(UnitOfWork(db, admin, now=cohort["now"]), cohort["registration"])
    assert found.ready == (cohort["ready"],)
    blocked = next(b for b in found.blocked if b.condition is Condition.TOKENS)
    assert blocked.student_ids == (cohort["waiting"],) and blocked.fix is Fix.ALLOCATE  # its change went out meanwhile
    assert readiness.apply_fix(UnitOfWork(db, admin, now=cohort["now"]), cohort["registration"], Fix.ALLOCATE,
                               list(blocked.student_ids), reason="przydział uzupełniający") == 1
    with db.read() as session:
        assert tokens.balance_of(session, cohort["waiting"], token) == 1
    _all_sent(db, cohort["now"])
    found = readiness.sweep(UnitOfWork(db, admin, now=cohort["now"]), cohort["registration"])
    assert set(found.ready) == {cohort["ready"], cohort["waiting"]}


def test_a_registration_with_no_round_to_come_stops_everyone_at_the_round(db, admin, cohort):
    later = cohort["now"] + timedelta(days=30)  # every round has ended
    found = readiness.sweep(UnitOfWork(db, admin, now=later), cohort["registration"])
    assert found.ready == () and [b.condition for b in found.blocked] == [Condition.ROUND]
    assert found.blocked[0].count == 5 and "round" in found.blocked[0].advice
