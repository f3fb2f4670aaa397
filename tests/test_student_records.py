"""Keeping students' records by hand: admission, programmes, stages and status changes, on both databases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desk import eligibility, sync
from desk.changes import action_of
from desk.clock import now_utc
from desk.errors import DomainError, NotFound, PermissionDenied
from desk.model import (
    AuditEntry,
    Level,
    LoginAccount,
    OutboxEntry,
    PersonCategory,
    ProgrammeStatus,
    Role,
    StudentProgramme,
    StudyMode,
    SyncKind,
)
from desk.portal import schema
from desk.portal.database import open_portal_for
from desk.student_records import (
    FINAL,
    NO_REASON,
    NOT_ALLOWED,
    SAME_STATUS,
    UNTIL_BEFORE_SINCE,
    UNTIL_NOT_ALLOWED,
    ProgrammeDraft,
    RecordAction,
    StatusChangeRefused,
    StudentDraft,
    add_programme,
    add_student,
    change_status,
    check_status_change,
    edit_student,
    set_stage,
)
from desk.students import PersonChanges, student_card
from desk.sync_conflicts import reasons_of
from desk.unit_of_work import UnitOfWork
from tests import factories

S = ProgrammeStatus
PESEL = "44051401359"  # born 1944-05-14


def _draft(number: str = "012345", programme: str = "INF-S1", **overrides) -> StudentDraft:
    values = dict(first_name="Łucja", last_name="Żak", student_number=number, birth_date=date(1944, 5, 14), pesel=PESEL,
                  private_email="lucja@example.com",
                  programmes=(ProgrammeDraft(programme, admitted_on=date(2026, 10, 1)),))
    values.update(overrides)
    return StudentDraft(**values)


@pytest.fixture
def setup(db, admin):
    factories.programme(db, "INF-S1")
    factories.programme(db, "PRA-N1", unit_code="WPA", mode=StudyMode.PART_TIME)
    factories.login_templates(db)
    return admin


def _line_id(db, student_id: int) -> int:
    with db.read() as session:
        return session.scalars(select(StudentProgramme.id).where(StudentProgramme.student_id == student_id)).first()


# --- the pure rules -------------------------------------------------------------------------------


def _codes(*args, **kwargs) -> list[str]:
    return [message.code for message in check_status_change(*args, **kwargs)]


def test_transition_rules():
    day, later = date(2026, 10, 1), date(2027, 9, 30)
    assert _codes(S.ACTIVE, S.ON_LEAVE, day, later, reason="decyzja") == []
    assert _codes(S.ON_LEAVE, S.ACTIVE, day, None, reason="powrót") == []
    assert _codes(S.ACTIVE, S.SUSPENDED, day, later) == []
    assert _codes(S.SUSPENDED, S.ACTIVE, day, None) == []
    assert _codes(S.ACTIVE, S.REMOVED, day, None) == []
    assert _codes(S.ACTIVE, S.GRADUATED, day, None) == []
    assert _codes(S.ACTIVE, S.ACTIVE, day, None) == [SAME_STATUS.code]
    assert _codes(S.ON_LEAVE, S.GRADUATED, day, None) == [NOT_ALLOWED.code]
    assert _codes(S.SUSPENDED, S.ON_LEAVE, day, None) == [NOT_ALLOWED.code]
    assert _codes(S.REMOVED, S.ACTIVE, day, None) == [FINAL.code]
    assert _codes(S.REMOVED, S.ACTIVE, day, None, may_reinstate=True) == []
    assert _codes(S.GRADUATED, S.ON_LEAVE, day, None, may_reinstate=True) == [NOT_ALLOWED.code]
    assert _codes(S.ACTIVE, S.REMOVED, day, later) == [UNTIL_NOT_ALLOWED.code]
    assert _codes(S.ACTIVE, S.ON_LEAVE, day, day) == [UNTIL_BEFORE_SINCE.code]
    assert _codes(S.ACTIVE, S.ON_LEAVE, day, None, reason=" ") == [NO_REASON.code]
    assert _codes(S.ACTIVE, S.ON_LEAVE, day, None, admitted_on=day + timedelta(days=1))[0] == "status_change.before_admission"
    assert _codes(S.ON_LEAVE, S.ACTIVE, day, None, current_since=later)[0] == "status_change.before_current"
    assert "cannot become" in check_status_change(S.ON_LEAVE, S.GRADUATED, day, None)[0].text()


# --- admission ------------------------------------------------------------------------------------


def test_admission_makes_person_student_programme_and_login(db, setup):
    admission = add_student(UnitOfWork(db, setup), _draft())
    assert admission.student_number == "012345"  # leading zero kept
    assert admission.login == "012345@" + factories.STUDENT_DOMAIN
    card = student_card(UnitOfWork(db, setup), admission.student_id)
    assert (card.first_name, card.last_name, card.birth_date) == ("Łucja", "Żak", date(1944, 5, 14))
    assert card.pesel_masked == "•" * 11 and card.logins == (admission.login,)
    (line,) = card.programmes
    assert (line.code, line.stage, line.status, line.status_since, line.id) == (
        "INF-S1", 1, S.ACTIVE, date(2026, 10, 1), admission.student_programme_ids[0])
    with db.read() as session:
        queued = {(e.entity, e.entity_id) for e in session.scalars(select(OutboxEntry))}
        actions = [a for a in session.scalars(select(AuditEntry.action).order_by(AuditEntry.id))]
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == RecordAction.ADMIT.value)).first()
    assert {("person", admission.person_id), ("student", admission.student_id),
            ("student_programme", admission.student_programme_ids[0])} <= queued
    assert any(entity == "login_account" for entity, _ in queued)
    assert actions[-4:] == ["student.admit", "student.admit", "student_programme.add", "login.create"]
    assert PESEL not in str(audit.after) and audit.staff_id == setup.id
    assert action_of("student_programme.status") is RecordAction.STATUS_CHANGE


def test_admission_refusals(db, setup):
    add_student(UnitOfWork(db, setup), _draft())
    with pytest.raises(DomainError, match="012345 already belongs to Łucja Żak"):
        add_student(UnitOfWork(db, setup), _draft(pesel=None, first_name="Anna"))
    with pytest.raises(DomainError, match="PESEL 44051401359 already belongs to Łucja Żak"):
        add_student(UnitOfWork(db, setup), _draft("99"))
    with pytest.raises(DomainError, match="digits"):
        add_student(UnitOfWork(db, setup), _draft("12-34", pesel=None))
    with pytest.raises(DomainError, match="birth date"):
        add_student(UnitOfWork(db, setup), _draft("77", pesel=PESEL, birth_date=date(1944, 5, 15)))
    with pytest.raises(DomainError, match="not in the past"):
        add_student(UnitOfWork(db, setup), _draft("76", pesel=None, birth_date=date(2999, 1, 1)))
    with pytest.raises(NotFound, match="XYZ"):
        add_student(UnitOfWork(db, setup), _draft("78", pesel=None, programmes=(ProgrammeDraft("XYZ", date(2026, 10, 1)),)))
    with pytest.raises(DomainError, match="not staff"):
        add_student(UnitOfWork(db, setup), _draft("79", pesel=None, category=PersonCategory.STAFF))
    with pytest.raises(DomainError, match="longer than 150"):
        add_student(UnitOfWork(db, setup), _draft("80", pesel=None, last_name="x" * 151))
    with pytest.raises(DomainError, match="A stage"):
        add_student(UnitOfWork(db, setup), _draft("81", pesel=None,
                                                  programmes=(ProgrammeDraft("INF-S1", date(2026, 10, 1), stage=0),)))
    with db.read() as session:  # nothing partial remains
        assert session.scalar(select(LoginAccount.id).where(LoginAccount.email.like("7%"))) is None


def test_phd_student_gets_the_phd_login(db, setup):
    admission = add_student(UnitOfWork(db, setup), _draft("500", pesel=None, category=PersonCategory.PHD_STUDENT,
                                                          programmes=(ProgrammeDraft("inf-s1", date(2026, 10, 1)),)))
    assert admission.login == "500@" + factories.PHD_DOMAIN


def test_clerk_admits_only_to_their_units(db, setup):
    clerk = factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    add_student(UnitOfWork(db, clerk), _draft("1001", pesel=None))
    with pytest.raises(PermissionDenied):
        add_student(UnitOfWork(db, clerk), _draft("1002", pesel=None,
                                                  programmes=(ProgrammeDraft("PRA-N1", date(2026, 10, 1)),)))
    service = factories.staff(db, "cos", Role.SERVICE_CENTER)
    with pytest.raises(PermissionDenied):
        add_student(UnitOfWork(db, service), _draft("1003", pesel=None))


def test_edit_programme_and_stage(db, setup):
    admission = add_student(UnitOfWork(db, setup), _draft(pesel=None))
    card = edit_student(UnitOfWork(db, setup), admission.student_id,
                        PersonChanges("Łucja", "Maria", "Żak-Nowak", date(1944, 5, 14), PESEL, None), "akt małżeństwa")
    assert (card.middle_name, card.last_name, card.pesel_masked) == ("Maria", "Żak-Nowak", "•" * 11)
    with pytest.raises(DomainError, match="longer than 100"):
        edit_student(UnitOfWork(db, setup), admission.student_id, PersonChanges("y" * 101, None, "Żak", None, None, None), "r")
    with db.read() as session:
        programme_id = session.scalar(select(StudentProgramme.programme_id)
                                      .where(StudentProgramme.id == admission.student_programme_ids[0]))
    pra = factories.programme(db, "PRA-N1")
    line_id = add_programme(UnitOfWork(db, setup), admission.student_id, pra, 2, date(2026, 10, 1))
    with pytest.raises(DomainError, match="already on INF-S1"):
        add_programme(UnitOfWork(db, setup), admission.student_id, programme_id, 1, date(2026, 10, 1))
    assert set_stage(UnitOfWork(db, setup), line_id, 3, reason="wpis na kolejny rok") == 3
    with pytest.raises(DomainError, match="already at stage 3"):
        set_stage(UnitOfWork(db, setup), line_id, 3, reason="again")
    with pytest.raises(DomainError, match="Say why"):
        set_stage(UnitOfWork(db, setup), line_id, 4, reason=" ")
    lines = {p.code: p for p in student_card(UnitOfWork(db, setup), admission.student_id).programmes}
    assert lines["PRA-N1"].stage == 3 and lines["INF-S1"].stage == 1


# --- status changes -------------------------------------------------------------------------------


def test_leave_and_return_are_recorded_and_explained(db, setup):
    now = now_utc()
    term_id = factories.term(db)
    course_id = factories.course(db)
    factories.group(db, course_id, term_id)
    registration = factories.registration(db, term_id=term_id, course_ids=(course_id,),
                                          rounds=((now + timedelta(days=1), now + timedelta(days=8)),),
                                          rules=({"level": Level.FIRST_CYCLE, "mode": StudyMode.FULL_TIME},))
    student_id = factories.student(db)
    line_id = _line_id(db, student_id)
    change = change_status(UnitOfWork(db, setup), line_id, S.ON_LEAVE, since=date(2026, 10, 1), until=date(2027, 9, 30),
                           reason="decyzja dziekana 12/2026")
    assert (change.status, change.status_until) == (S.ON_LEAVE, date(2027, 9, 30))
    explained = eligibility.explain(UnitOfWork(db, setup), student_id, registration)
    assert not explained.admitted
    assert "On leave since 2026-10-01 until 2027-09-30" in explained.first_failure.detail
    (line,) = student_card(UnitOfWork(db, setup), student_id).programmes
    assert (line.status, line.status_until) == (S.ON_LEAVE, date(2027, 9, 30))

    with pytest.raises(StatusChangeRefused, match="already on leave") as same:
        change_status(UnitOfWork(db, setup), line_id, S.ON_LEAVE, since=date(2026, 11, 1), reason="x")
    assert reasons_of(same.value)[0].code == SAME_STATUS.code
    with pytest.raises(StatusChangeRefused, match="Say why"):
        change_status(UnitOfWork(db, setup), line_id, S.ACTIVE, since=date(2027, 2, 20), reason="")
    change_status(UnitOfWork(db, setup), line_id, S.ACTIVE, since=date(2027, 2, 20), reason="powrót z urlopu")
    (line,) = student_card(UnitOfWork(db, setup), student_id).programmes
    assert (line.status, line.status_since, line.status_until) == (S.ACTIVE, date(2027, 2, 20), None)
    assert eligibility.explain(UnitOfWork(db, setup), student_id, registration).admitted
    with db.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == RecordAction.STATUS_CHANGE.value)
                                  .order_by(AuditEntry.id)).all()
        queued = session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "student_programme")).all()
    assert [e.reason for e in entries] == ["decyzja dziekana 12/2026", "powrót z urlopu"]
    assert entries[1].before["status"] == "on_leave" and entries[1].after["status"] == "active"
    assert [q.payload["status"] for q in queued] == ["on_leave", "active"]


def test_a_status_change_reaches_the_portal_with_a_one_student_sync(db, setup):
    student_id = factories.student(db, status=S.ON_LEAVE)
    other = factories.student(db, "Anna", "Nowak", status=S.ON_LEAVE)
    sync.run_sync(UnitOfWork(db, setup), SyncKind.FULL)
    change_status(UnitOfWork(db, setup), _line_id(db, student_id), S.ACTIVE, since=date(2027, 2, 20), reason="powrót")
    change_status(UnitOfWork(db, setup), _line_id(db, other), S.ACTIVE, since=date(2027, 2, 20), reason="powrót")
    report = sync.run_sync(UnitOfWork(db, setup), SyncKind.STUDENT, student_id=student_id)
    assert report.sent == 1
    portal = open_portal_for(db)
    try:
        with portal.read() as session:
            shown = dict(session.execute(select(schema.student_programmes.c.student_id, schema.student_programmes.c.status)).all())
    finally:
        portal.dispose()
    assert shown == {student_id: "active", other: "on_leave"}  # the other waits for the next run


def test_removal_is_final_but_an_administrator_reinstates(db, setup):
    student_id = factories.student(db)
    line_id = _line_id(db, student_id)
    clerk = factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    outsider = factories.staff(db, "prawo", Role.CLERK, ("WPA",))
    with pytest.raises(PermissionDenied):
        change_status(UnitOfWork(db, outsider), line_id, S.REMOVED, since=date(2026, 11, 1), reason="brak zaliczenia")
    change_status(UnitOfWork(db, clerk), line_id, S.REMOVED, since=date(2026, 11, 1), reason="brak zaliczenia")
    with pytest.raises(StatusChangeRefused, match="only an administrator"):
        change_status(UnitOfWork(db, clerk), line_id, S.ACTIVE, since=date(2026, 12, 1), reason="odwołanie")
    with pytest.raises(StatusChangeRefused, match="planned end"):
        change_status(UnitOfWork(db, setup), line_id, S.ACTIVE, since=date(2026, 12, 1), until=date(2027, 1, 1),
                      reason="odwołanie")
    change_status(UnitOfWork(db, setup), line_id, S.ACTIVE, since=date(2026, 12, 1), reason="odwołanie uwzględnione")
    with pytest.raises(StatusChangeRefused, match="before the admission"):
        change_status(UnitOfWork(db, setup), line_id, S.GRADUATED, since=date(2020, 1, 1), reason="x")
    with pytest.raises(NotFound):
        change_status(UnitOfWork(db, setup), 999_999, S.ACTIVE, since=date(2026, 12, 1), reason="x")


def test_the_history_words_each_change(db, setup):
    from desk.history import student_history

    admission = add_student(UnitOfWork(db, setup), _draft(pesel=None))
    line_id = admission.student_programme_ids[0]
    set_stage(UnitOfWork(db, setup), line_id, 2, reason="wpis na rok 2")
    change_status(UnitOfWork(db, setup), line_id, S.ON_LEAVE, since=date(2026, 11, 1), until=date(2027, 9, 30),
                  reason="urlop zdrowotny")
    words = [line.description for line in student_history(UnitOfWork(db, setup), admission.student_id)]
    assert "Status on INF-S1: on leave since 2026-11-01 until 2027-09-30" in words
    assert "Stage on INF-S1 set to 2" in words and "Programme INF-S1 added" in words
    assert "Student 012345 admitted" in words


def test_two_workstations_giving_the_same_number_at_once(db, setup):
    import threading

    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def admit(first_name: str) -> None:
        barrier.wait()
        try:
            add_student(UnitOfWork(db, setup), _draft("31337", pesel=None, first_name=first_name))
            outcomes.append("admitted")
        except DomainError as refusal:
            outcomes.append(str(refusal))

    threads = [threading.Thread(target=admit, args=(name,)) for name in ("Anna", "Ewa")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(outcomes) == 2 and outcomes.count("admitted") == 1, outcomes
    refusal = next(o for o in outcomes if o != "admitted")
    assert "already belongs to" in refusal or "just given at another workstation" in refusal


def test_no_admission_without_a_login_template(db, admin):
    factories.programme(db, "INF-S1")
    with pytest.raises(DomainError, match="No login template"):
        add_student(UnitOfWork(db, admin), _draft(pesel=None))
    with db.read() as session:  # the person, the number and the programme went with the refusal
        assert session.scalar(select(StudentProgramme.id)) is None
        assert session.scalar(select(OutboxEntry.id)) is None


def test_an_admitted_student_can_sign_in_to_the_portal_after_a_sync(db, setup):
    from desk.portal.student_view import login_state_on_portal

    admission = add_student(UnitOfWork(db, setup), _draft(pesel=None))
    portal = open_portal_for(db)
    try:
        assert login_state_on_portal(portal, admission.login) == "unknown"
        sync.run_sync(UnitOfWork(db, setup), SyncKind.INCREMENTAL, portal=portal)
        assert login_state_on_portal(portal, admission.login.upper()) == "account"
        with portal.read() as session:
            row = session.execute(select(schema.student_programmes)).mappings().one()
            number = session.scalar(select(schema.students.c.student_number))
        assert (row["programme_code"], row["stage"], row["status"], row["mode"]) == ("INF-S1", 1, "active", "full_time")
        assert number == "012345"
        assert sync.waiting(db) == []
    finally:
        portal.dispose()
