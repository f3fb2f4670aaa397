"""Access to a registration (rules, grants, revocations, lists, cohorts) and the explanation of refusals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from desk import access, eligibility
from desk.clock import now_utc
from desk.eligibility import Condition, Outcome
from desk.errors import DomainError, PermissionDenied
from desk.model import AccessGrant, AuditEntry, Level, OutboxEntry, ProgrammeStatus, Role, StudentProgramme, StudyMode
from tests import factories
from desk.unit_of_work import SystemJob, UnitOfWork


@pytest.fixture
def reg(db):
    now = now_utc()
    term_id = factories.term(db)
    course_id = factories.course(db)
    factories.group(db, course_id, term_id, seat_limit=1)
    return factories.registration(
        db, term_id=term_id, course_ids=(course_id,), selection_limit=1,
        rounds=((now + timedelta(days=1), now + timedelta(days=8)),),
        rules=({"level": Level.FIRST_CYCLE, "mode": StudyMode.FULL_TIME},),
    )


def _on_leave_since(db, student_id, since: date):
    with db.write() as session:
        line = session.scalars(select(StudentProgramme).where(StudentProgramme.student_id == student_id)).one()
        line.status_since = since


def test_returning_student_refused_then_admitted_after_grant(db, admin, reg):
    sid = factories.student(db, status=ProgrammeStatus.ON_LEAVE)
    _on_leave_since(db, sid, date(2026, 10, 1))
    before = eligibility.explain(UnitOfWork(db, admin), sid, reg)
    assert not before.admitted
    assert before.first_failure.condition is Condition.RULE_OR_GRANT
    assert "On leave since 2026-10-01" in before.first_failure.detail
    assert "Grant access individually" in before.summary
    access.grant_access(UnitOfWork(db, admin), reg, [sid], reason="powrót z urlopu")
    after = eligibility.explain(UnitOfWork(db, admin), sid, reg)
    assert after.admitted, after.summary
    assert after.checks[0].outcome is Outcome.NOTE  # the round opens tomorrow
    assert "powrót z urlopu" in after.checks[1].detail
    assert "Admitted" in after.summary


def test_checks_come_in_order_and_name_the_first_failure(db, admin, reg):
    sid = factories.student(db, login=None)
    explanation = eligibility.explain(UnitOfWork(db, admin), sid, reg)
    assert [c.condition for c in explanation.checks] == list(Condition)
    assert explanation.first_failure.condition is Condition.LOGIN
    portal = explanation.checks[5]
    assert portal.outcome is Outcome.UNKNOWN and "cannot be told" in portal.detail


def test_revocation_beats_rule_and_grant_lifts_it(db, admin, reg):
    sid = factories.student(db)
    assert eligibility.explain(UnitOfWork(db, admin), sid, reg).admitted
    access.revoke_access(UnitOfWork(db, admin), reg, [sid], reason="zaległe opłaty")
    refused = eligibility.explain(UnitOfWork(db, admin), sid, reg)
    assert refused.first_failure.condition is Condition.REVOCATION and "zaległe opłaty" in refused.first_failure.detail
    result = access.grant_access(UnitOfWork(db, admin), reg, [sid], reason="opłaty uregulowane")
    assert result.replaced == 1
    assert eligibility.explain(UnitOfWork(db, admin), sid, reg).admitted
    with db.read() as session:
        standing = session.scalar(
            select(func.count()).select_from(AccessGrant).where(AccessGrant.student_id == sid, AccessGrant.withdrawn_at.is_(None))
        )
    assert standing == 1


def test_expired_grant_no_longer_admits(db, admin, reg):
    sid = factories.student(db, status=ProgrammeStatus.ON_LEAVE)
    until = now_utc() + timedelta(days=2)
    access.grant_access(UnitOfWork(db, admin), reg, [sid], reason="powrót", valid_until=until)
    assert eligibility.explain(UnitOfWork(db, admin), sid, reg).admitted
    assert not eligibility.explain(UnitOfWork(db, admin, now=until + timedelta(minutes=1)), sid, reg).admitted
    with pytest.raises(DomainError, match="future"):
        access.grant_access(UnitOfWork(db, admin), reg, [sid], reason="x", valid_until=now_utc() - timedelta(days=1))


def test_removed_student_is_refused_even_with_a_grant(db, admin, reg):
    sid = factories.student(db, status=ProgrammeStatus.REMOVED)
    access.grant_access(UnitOfWork(db, admin), reg, [sid], reason="pomyłka")
    explanation = eligibility.explain(UnitOfWork(db, admin), sid, reg)
    assert explanation.first_failure.condition is Condition.PROGRAMME_STATUS


def test_places_selection_and_round_checks(db, admin, reg):
    from desk import enrollment

    first, second = factories.student(db, last_name="A"), factories.student(db, last_name="B")
    with db.read() as session:
        from desk.model import ClassGroup

        group_id = session.scalar(select(ClassGroup.id))
    enrollment.enroll(UnitOfWork(db, admin), first, group_id, reason="r", registration_id=reg)
    full = eligibility.explain(UnitOfWork(db, admin), second, reg, group_id=group_id)
    assert full.first_failure.condition is Condition.PLACES and "1 of 1" in full.first_failure.detail
    mine = eligibility.explain(UnitOfWork(db, admin), first, reg, group_id=group_id)
    selection = next(c for c in mine.checks if c.condition is Condition.SELECTION_LIMIT)
    assert selection.outcome is Outcome.PASSED and "Already registered" in selection.detail
    assert mine.first_failure.condition is Condition.SAME_SLOT
    late = eligibility.explain(UnitOfWork(db, admin, now=now_utc() + timedelta(days=30)), second, reg)
    assert late.first_failure.condition is Condition.ROUND and "ended" in late.first_failure.detail


def test_token_registration_mentions_the_payment(db, admin):
    now = now_utc()
    token = factories.token_type(db)
    course_id = factories.course(db, "SJO-ANG")
    term_id = factories.term(db)
    factories.group(db, course_id, term_id)
    from desk.model import RegistrationKind

    reg = factories.registration(db, code="LEK", term_id=term_id, course_ids=(course_id,), kind=RegistrationKind.TOKEN,
                                 token_type_id=token, rounds=((now - timedelta(hours=1), now + timedelta(days=1)),),
                                 rules=({"level": Level.FIRST_CYCLE},))
    sid = factories.student(db)
    check = eligibility.explain(UnitOfWork(db, admin), sid, reg).checks[-1]
    assert check.outcome is Outcome.NOTE and "payment of 300.00 PLN" in check.detail


# --- lists and cohorts --------------------------------------------------------------------


def test_pasted_list_reports_unknown_and_duplicates_and_changes_nothing(db, admin, reg):
    a = factories.student(db, number="200001")
    factories.student(db, number="200002")
    report = access.resolve_student_numbers(UnitOfWork(db, admin), reg, "200001\n200002, 200001; 999999 abc\n")
    assert [s.student_number for s in report.found] == ["200001", "200002"]
    assert report.unknown == ("999999", "abc")
    assert report.duplicates == ("200001",)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(AccessGrant)) == 0
    result = access.grant_access(UnitOfWork(db, admin), reg, report.student_ids, reason="lista z dziekanatu")
    assert result.applied == 2
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "access.grant")) == 2
        assert session.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.student_id == a)) == 1


def test_cohort_takes_active_and_on_leave_of_the_stage(db, admin, reg):
    factories.student(db, number="300001", stage=2)
    factories.student(db, number="300002", stage=2, status=ProgrammeStatus.ON_LEAVE)
    factories.student(db, number="300003", stage=2, status=ProgrammeStatus.GRADUATED)
    factories.student(db, number="300004", stage=1)
    programme_id = factories.programme(db)
    report = access.resolve_cohort(UnitOfWork(db, admin), reg, programme_id, 2)
    assert [s.student_number for s in report.found] == ["300001", "300002"]


def test_clerk_decides_only_for_own_units(db, reg):
    mine = factories.student(db, number="400001")  # studies at WMF, the registration's unit too
    other_programme = factories.programme(db, "PRAWO", unit_code="WPA")
    assert other_programme
    theirs = factories.student(db, number="400002", programme_code="PRAWO")
    sjo_reg = factories.registration(db, code="SJO-X", unit_code="SJO", rounds=(), rules=())
    clerk = factories.staff(db, "wmf", Role.CLERK, ("WMF",))
    access.grant_access(UnitOfWork(db, clerk), sjo_reg, [mine], reason="powrót")  # not SJO's clerk, but the student's unit
    with pytest.raises(PermissionDenied, match="1 of these students"):
        access.grant_access(UnitOfWork(db, clerk), sjo_reg, [mine, theirs], reason="powrót")
    report = access.resolve_student_numbers(UnitOfWork(db, clerk), sjo_reg, "400001 400002")
    assert report.outside_units == ("400002",)
    service = factories.staff(db, "cos", Role.SERVICE_CENTER)
    with pytest.raises(PermissionDenied):
        access.grant_access(UnitOfWork(db, service), reg, [mine], reason="x")


def test_grant_needs_a_reason(db, admin, reg):
    sid = factories.student(db)
    with pytest.raises(DomainError, match="Say why"):
        access.grant_access(UnitOfWork(db, admin), reg, [sid], reason="  ")


def test_rules_add_and_remove(db, admin, reg):
    rule_id = access.add_rule(UnitOfWork(db, admin), reg, access.RuleDraft(stage=2))
    assert any(r.stage == 2 for r in access.rules_of(UnitOfWork(db, admin), reg))
    with pytest.raises(DomainError, match="already has"):
        access.add_rule(UnitOfWork(db, admin), reg, access.RuleDraft(stage=2))
    access.remove_rule(UnitOfWork(db, admin), rule_id, reason="błąd")
    assert not any(r.stage == 2 for r in access.rules_of(UnitOfWork(db, admin), reg))


def test_withdrawn_grant_falls_back_to_rules(db, admin, reg):
    sid = factories.student(db, status=ProgrammeStatus.ON_LEAVE)
    access.grant_access(UnitOfWork(db, admin), reg, [sid], reason="powrót")
    grant = access.decisions_of(UnitOfWork(db, admin), reg, standing_only=True)[0]
    access.withdraw_decision(UnitOfWork(db, admin), grant.id, reason="urlop przedłużony")
    assert not eligibility.explain(UnitOfWork(db, admin), sid, reg).admitted
    with pytest.raises(DomainError, match="already withdrawn"):
        access.withdraw_decision(UnitOfWork(db, admin), grant.id, reason="x")


def test_student_card_registrations(db, admin, reg):
    sid = factories.student(db, status=ProgrammeStatus.ON_LEAVE)
    today = now_utc().date()
    with db.write() as session:
        from desk.model import Term

        term = session.scalars(select(Term)).one()
        term.starts_on, term.ends_on = today - timedelta(days=30), today + timedelta(days=90)
    lines = eligibility.registrations_for_student(UnitOfWork(db, admin), sid)
    assert [(line.registration.id, line.admitted) for line in lines] == [(reg, False)]
    assert "no rule admits" in lines[0].summary


def test_explanation_knows_the_student_already_holds_a_group_of_the_course(db, admin):
    """Reproduction: the explanation answered admitted where the portal's registration refused "already enrolled"."""
    from desk import enrollment
    from desk.enrollment import EnrollmentRefused

    now = now_utc()
    term_id = factories.term(db)
    course_id = factories.course(db, "MAT-201")
    first = factories.group(db, course_id, term_id, number=1)
    second = factories.group(db, course_id, term_id, number=2)
    reg = factories.registration(db, code="MAT", term_id=term_id, course_ids=(course_id,),
                                 rounds=((now - timedelta(hours=1), now + timedelta(days=1)),),
                                 rules=({"level": Level.FIRST_CYCLE},))
    sid = factories.student(db)
    enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), sid, first, reg)
    explanation = eligibility.explain(UnitOfWork(db, admin), sid, reg, group_id=second)
    with pytest.raises(EnrollmentRefused) as refused:
        enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), sid, second, reg)
    assert not explanation.admitted, explanation.summary
    assert explanation.first_failure.condition is Condition.SAME_SLOT
    assert "already in group MAT-201 class 1 of this course (same class type)" in explanation.summary
    assert [r.code for r in explanation.refusals] == [r.code for r in refused.value.refusals]
