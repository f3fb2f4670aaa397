"""Sync with the portal: round trips of every record, student actions, conflicts, interruptions, the schedule."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text, update

from desk import access, enrollment, groups, sync, tokens
from desk.clock import UTC, now_utc
from desk.demo import DEMO_PASSWORD
from desk.errors import DomainError, PermissionDenied
from desk.model import (
    ClassGroup,
    Enrollment,
    EnrollmentStatus,
    OutboxEntry,
    PortalInboxEntry,
    Registration,
    RegistrationKind,
    Role,
    Student,
    SyncConflict,
    SyncKind,
    SyncResult,
    SyncRun,
    SyncTrigger,
    TokenType,
)
from desk.portal import schema, simulator
from desk.portal.database import open_portal_for
from desk.portal.publish import PUBLICATIONS, differences
from desk.portal.student_view import compare, login_state_on_portal
from desk.staff import sign_in
from tests import factories
from desk.unit_of_work import SystemJob, UnitOfWork

ROOT = Path(__file__).resolve().parents[1]


def portal_differences(db, portal) -> dict[str, tuple[int, int, int]]:
    found = {}
    with db.read() as desk, portal.read() as target:
        for publication in PUBLICATIONS.values():
            missing, different, extra = differences(desk, target, publication)
            if missing or different or extra:
                found[publication.name] = (len(missing), len(different), len(extra))
    return found


@pytest.fixture
def demo(demo_db):
    return demo_db


@pytest.fixture
def demo_admin(demo):
    return sign_in(demo, "admin", DEMO_PASSWORD)


@pytest.fixture
def portal(demo):
    opened = open_portal_for(demo)
    yield opened
    opened.dispose()


def _pending(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.sent_at.is_(None)))


def _direct_registration_with_room(db):
    """An active direct registration and one of its groups with free places, and an admitted student not in it."""
    from desk import rule_facts, rules
    from desk.access import access_facts
    from desk.enrollment import active_round

    now = now_utc()
    with db.read() as session:
        for registration in session.scalars(select(Registration).where(Registration.kind == RegistrationKind.DIRECT)):
            if active_round(session, registration.id, now) is None:
                continue
            course_ids = [c.id for c in registration.courses]
            group = session.scalars(
                select(ClassGroup).where(ClassGroup.course_id.in_(course_ids), ClassGroup.term_id == registration.term_id,
                                         ClassGroup.enrolled_count < ClassGroup.seat_limit).order_by(ClassGroup.id)
            ).first()
            if group is None:
                continue
            facts, asked = rule_facts.groups(session, [group.id])[group.id], rule_facts.registration(session, registration)
            for student_id in session.scalars(select(Student.id).order_by(Student.id)):
                taken = session.scalar(select(func.count()).select_from(Enrollment).join(ClassGroup).where(
                    Enrollment.student_id == student_id, Enrollment.status == EnrollmentStatus.ACCEPTED,
                    ClassGroup.course_id == group.course_id))
                held = rule_facts.held_by(session, student_id, registration.term_id)
                if (not taken and not rules.enroll_at_desk(facts, held, registration=asked)  # no clash either
                        and access_facts(session, student_id, registration, now).admitted):
                    return registration.id, group.id, student_id
    pytest.skip("the demo has no open direct registration with room")


def test_full_sync_publishes_everything_and_a_second_finds_nothing(demo, demo_admin, portal):
    with portal.write() as session:  # whatever the demo published, start from an empty portal
        for table in schema.PUBLISHED:
            session.execute(table.delete())
    first = sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.FULL, portal=portal)
    assert first.result is SyncResult.SUCCEEDED and first.repaired_rows > 1000
    assert portal_differences(demo, portal) == {}
    again = sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.FULL, portal=portal)
    assert again.repaired_rows == 0


def test_a_full_run_repairs_what_was_changed_on_the_portal(demo, demo_admin, portal):
    sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.FULL, portal=portal)
    with portal.write() as session:
        session.execute(update(schema.class_groups).values(seat_limit=0))
        session.execute(schema.persons.delete().where(schema.persons.c.person_id < 5))
        session.execute(schema.payments.insert().values(payment_id=999_999, student_id=1, amount=1, status="due"))
    report = sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.FULL, portal=portal)
    repaired = {r.table: r for r in report.repaired}
    assert repaired["portal_class_groups"].changed > 0
    assert repaired["portal_persons"].added == 4
    assert repaired["portal_payments"].removed == 1
    assert portal_differences(demo, portal) == {}


def test_every_kind_of_change_goes_out_incrementally(demo, demo_admin, portal):
    sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.FULL, portal=portal)
    assert _pending(demo) == 0
    registration_id, group_id, student_id = _direct_registration_with_room(demo)
    access.grant_access(UnitOfWork(demo, demo_admin), registration_id, [student_id], reason="returned from leave")
    groups.set_seat_limits(UnitOfWork(demo, demo_admin), [group_id], delta=5, reason="bigger room")
    enrollment.enroll(UnitOfWork(demo, demo_admin), student_id, group_id, reason="by the dean's decision")
    with demo.read() as session:
        token_type = session.scalar(select(TokenType.id).where(TokenType.code == "JO"))
    tokens.correct_balance(UnitOfWork(demo, demo_admin), student_id, token_type, 2, reason="admitted mid-year",
                           override_reason="the dean's decision")
    assert _pending(demo) > 0
    assert sync.waiting(demo)
    report = sync.run_sync(UnitOfWork(demo, demo_admin), portal=portal)
    assert report.result is SyncResult.SUCCEEDED and report.sent > 0
    assert _pending(demo) == 0 and sync.waiting(demo) == []
    assert portal_differences(demo, portal) == {}


def test_student_actions_are_applied_once_and_a_full_group_is_a_conflict(demo, demo_admin, portal):
    sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.FULL, portal=portal)
    registration_id, group_id, student_id = _direct_registration_with_room(demo)
    key = simulator.act(portal, "register", student_id, registration_id, group_id)
    report = sync.run_sync(UnitOfWork(demo, demo_admin), portal=portal)
    assert report.received == 1 and report.conflicts == 0
    with demo.read() as session:
        standing = session.scalar(select(func.count()).select_from(Enrollment).where(
            Enrollment.student_id == student_id, Enrollment.group_id == group_id, Enrollment.status == EnrollmentStatus.ACCEPTED))
        assert standing == 1
        assert session.get(PortalInboxEntry, key).outcome == "applied"
    with portal.read() as session:
        assert session.scalar(select(schema.actions.c.outcome).where(schema.actions.c.action_key == key)) == "applied"
        assert session.scalar(select(func.count()).select_from(schema.enrollments).where(
            schema.enrollments.c.student_id == student_id, schema.enrollments.c.group_id == group_id,
            schema.enrollments.c.status == "accepted")) == 1
    # The portal forgets it read the action (a crash before marking): the desk still applies it once.
    with portal.write() as session:
        session.execute(update(schema.actions).where(schema.actions.c.action_key == key).values(read_at=None, outcome=None))
    assert sync.run_sync(UnitOfWork(demo, demo_admin), portal=portal).received == 0
    # The group fills at the desk before the next student's action is read: a conflict, kept.
    with demo.write() as session:
        session.execute(update(ClassGroup).where(ClassGroup.id == group_id).values(seat_limit=ClassGroup.enrolled_count))
    with demo.read() as session:
        other = session.scalar(select(Student.id).where(Student.id != student_id).order_by(Student.id.desc()))
    access.grant_access(UnitOfWork(demo, demo_admin), registration_id, [other], reason="late grant")
    simulator.act(portal, "register", other, registration_id, group_id)
    report = sync.run_sync(UnitOfWork(demo, demo_admin), portal=portal)
    assert report.conflicts == 1
    [line] = sync.conflicts(UnitOfWork(demo, demo_admin))
    assert line.student_id == other and line.group_id == group_id and line.message
    sync.resolve_conflict(UnitOfWork(demo, demo_admin), line.id, enroll_over_limit=True, reason="the teacher agreed")
    assert sync.conflicts(UnitOfWork(demo, demo_admin)) == []
    with demo.read() as session:
        assert session.scalar(select(Enrollment.over_limit).where(
            Enrollment.student_id == other, Enrollment.group_id == group_id)) is True
        settled = session.get(SyncConflict, line.id)
        assert (settled.resolution_kind, settled.resolution) == ("enrolled_over_limit", "the teacher agreed")
    with pytest.raises(DomainError):
        sync.resolve_conflict(UnitOfWork(demo, demo_admin), line.id, enroll_over_limit=False, reason="again")


def test_an_interrupted_batch_is_not_applied_twice(demo, demo_admin, portal, monkeypatch):
    sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.FULL, portal=portal)
    registration_id, group_id, student_id = _direct_registration_with_room(demo)
    access.grant_access(UnitOfWork(demo, demo_admin), registration_id, [student_id], reason="returned from leave")
    real = sync.mark_sent

    def killed(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(sync, "mark_sent", killed)
    with pytest.raises(RuntimeError):
        sync.run_sync(UnitOfWork(demo, demo_admin), portal=portal)
    with portal.read() as session:  # the portal committed the batch and its checkpoint
        checkpoint = json.loads(session.scalar(select(schema.sync_state.c.value).where(schema.sync_state.c.key == "last_batch")))
    # SQLite names the batch's span of queue ids, PostgreSQL lists them.
    assert ("first" in checkpoint) is demo.is_sqlite
    condition = sync.checkpoint_condition(json.dumps(checkpoint))
    with demo.read() as session:
        in_batch = session.scalar(select(func.count()).select_from(OutboxEntry).where(condition))
    assert in_batch and _pending(demo) >= in_batch
    monkeypatch.setattr(sync, "mark_sent", real)
    report = sync.run_sync(UnitOfWork(demo, demo_admin), portal=portal)
    assert report.result is SyncResult.SUCCEEDED and _pending(demo) == 0
    with demo.read() as session:  # the interrupted batch was marked by the next run, not sent again
        marked_by = set(session.scalars(select(OutboxEntry.sync_run_id).where(condition)))
    assert marked_by == {report.run_id}
    assert portal_differences(demo, portal) == {}
    failed = [r for r in sync.recent_runs(demo) if r.result is SyncResult.FAILED]
    assert failed and failed[0].error == "power cut"


def test_one_student_now_and_the_students_eye(demo, demo_admin, portal):
    sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.FULL, portal=portal)
    registration_id, group_id, student_id = _direct_registration_with_room(demo)
    with demo.write() as session:  # somebody else's change waits too
        session.add(OutboxEntry(entity="class_group", entity_id=group_id, operation="upsert"))
    revoked = access.revoke_access(UnitOfWork(demo, demo_admin), registration_id, [student_id], reason="unpaid fees")
    assert revoked
    before = compare(demo, portal, student_id)
    assert "registrations" in before.differences
    report = sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.STUDENT, student_id=student_id, portal=portal)
    assert report.sent >= 1
    after = compare(demo, portal, student_id)
    assert after.in_step, after.differences
    assert _pending(demo) == 1  # the other change still waits for the next run


def test_logged_in_but_no_account_until_the_link_is_synced(demo, demo_admin, portal):
    from desk.model import LoginAccount

    sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.FULL, portal=portal)
    with demo.read() as session:
        login = session.scalars(select(LoginAccount).where(LoginAccount.person_id.is_(None))).first()
        student = session.scalars(select(Student).where(
            ~Student.person_id.in_(select(LoginAccount.person_id).where(LoginAccount.person_id.is_not(None))))).first()
    if login is None or student is None:
        pytest.skip("the demo left no unlinked login")
    assert login_state_on_portal(portal, login.email) == "no_account"
    with demo.write() as session:
        row = session.get(LoginAccount, login.id)
        row.person_id = student.person_id
        session.add(OutboxEntry(entity="login_account", entity_id=login.id, operation="upsert", student_id=student.id))
    assert login_state_on_portal(portal, login.email) == "no_account"
    sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.STUDENT, student_id=student.id, portal=portal)
    assert login_state_on_portal(portal, login.email.upper()) == "account"


def _published_token_round(demo, admin, portal, now) -> int:
    """A token registration of the demo with a round open at ``now``, after a full sync."""
    from desk.enrollment import active_round

    sync.run_sync(UnitOfWork(demo, admin), SyncKind.FULL, portal=portal)
    with demo.read() as session:
        token = next((r.id for r in session.scalars(select(Registration).where(Registration.kind == RegistrationKind.TOKEN))
                      if active_round(session, r.id, now) is not None), None)
    if token is None:
        pytest.skip("no active token round in the demo")
    return token


def test_a_token_round_from_the_portal(demo, demo_admin, portal):
    from desk.model import TokenRequest

    now = now_utc()
    token = _published_token_round(demo, demo_admin, portal, now)
    result = simulator.token_requests(portal, token, students=40, seed=3)
    assert result.actions > 0
    report = sync.run_sync(UnitOfWork(demo, demo_admin), portal=portal)
    assert report.received == result.actions
    with demo.read() as session:
        keyed = session.scalar(select(func.count()).select_from(TokenRequest).where(TokenRequest.portal_key.like("tok-%")))
    assert keyed + report.conflicts == result.actions
    assert sync.run_sync(UnitOfWork(demo, demo_admin), portal=portal).received == 0


def test_token_requests_read_back_share_one_transaction_each_dated_when_the_student_acted(demo, demo_admin, portal,
                                                                                          monkeypatch):
    from desk import token_rounds
    from desk.model import AuditEntry, TokenRequest

    now = now_utc()
    token = _published_token_round(demo, demo_admin, portal, now)
    result = simulator.token_requests(portal, token, students=12, seed=5)
    assert result.actions >= 3
    with portal.read() as session:
        keys = list(session.scalars(select(schema.actions.c.action_key).where(schema.actions.c.action_key.like("tok-%"))
                                    .order_by(schema.actions.c.action_id)))
    instants = {key: now - timedelta(minutes=len(keys) - i) for i, key in enumerate(keys)}
    with portal.write() as session:  # each student acted at an instant of their own
        for key, at in instants.items():
            session.execute(update(schema.actions).where(schema.actions.c.action_key == key)
                            .values(submitted_at=at.replace(tzinfo=None)))
        # and one asked for a group the registration does not offer: kept for a clerk, nothing of it applied
        offered = session.execute(select(schema.actions.c.student_id, schema.actions.c.group_id)
                                  .where(schema.actions.c.action_key == keys[0])).one()
    with demo.read() as session:
        elsewhere = session.scalar(select(ClassGroup.id).where(ClassGroup.id != offered.group_id,
                                   ~ClassGroup.course_id.in_(select(ClassGroup.course_id).where(ClassGroup.id == offered.group_id)))
                                   .order_by(ClassGroup.id).limit(1))
    stray = simulator.act(portal, "token_request", offered.student_id, token, elsewhere, at=now)
    sessions = set()
    real = token_rounds.submit_request

    def watched(uow, *args, **kwargs):
        sessions.add(id(uow.session))
        return real(uow, *args, **kwargs)

    monkeypatch.setattr(token_rounds, "submit_request", watched)
    report = sync.run_sync(UnitOfWork(demo, demo_admin), portal=portal)
    assert report.received == len(keys) + 1 and report.conflicts >= 1
    assert len(sessions) == 1  # one transaction for the run of them
    with demo.read() as session:
        requests = dict(session.execute(select(TokenRequest.portal_key, TokenRequest.submitted_at)
                                        .where(TokenRequest.portal_key.in_([*keys, stray]))).all())
        audited = sorted(session.scalars(select(AuditEntry.at).where(
            AuditEntry.action == "token_request.submitted", AuditEntry.entity_id.in_(
                select(TokenRequest.id).where(TokenRequest.portal_key.in_(keys))))))
    assert stray not in requests
    with portal.read() as session:
        outcomes = dict(session.execute(select(schema.actions.c.action_key, schema.actions.c.outcome)
                                        .where(schema.actions.c.action_key.in_([*keys, stray]))).all())
    assert outcomes[stray] == "conflict"
    applied = {key for key in keys if key in requests}
    assert applied and all(requests[key].replace(tzinfo=UTC) == instants[key] for key in applied)
    assert [at.replace(tzinfo=UTC) for at in audited] == sorted(instants[key] for key in applied)


def test_a_rush_of_students_never_overbooks(demo, demo_admin, portal):
    sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.FULL, portal=portal)
    registration_id, _group, _student = _direct_registration_with_room(demo)
    result = simulator.first_come_rush(portal, registration_id, students=200, workers=8, seed=2)
    report = sync.run_sync(UnitOfWork(demo, demo_admin), portal=portal)
    assert report.received == result.actions
    with demo.read() as session:
        assert session.scalar(select(func.count()).select_from(ClassGroup).where(
            ClassGroup.enrolled_count > ClassGroup.seat_limit + ClassGroup.over_limit_count)) == 0
    assert portal_differences(demo, portal) == {}


def test_who_may_run_a_sync(demo, demo_admin):
    reader = factories.staff(demo, "someone", Role.CLERK)
    assert sync.run_sync(UnitOfWork(demo, reader)).result is SyncResult.SUCCEEDED  # clerks may push their changes out
    with pytest.raises(DomainError):  # no job but the schedule starts a run by itself
        sync.run_sync(UnitOfWork(demo, SystemJob.PORTAL))
    with pytest.raises(DomainError):
        sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.STUDENT)


def test_schedule_parsing_and_what_is_due(demo, demo_admin):
    assert sync.format_schedule(sync.parse_schedule("16:05 incremental; 1:25 full,06:05 incremental")) == \
        "01:25 full, 06:05 incremental, 16:05 incremental"
    with pytest.raises(DomainError):
        sync.parse_schedule("25:00 full")
    with pytest.raises(DomainError):
        sync.parse_schedule("06:05 sometimes")
    # 06:10 local time in winter is 05:10 UTC: the 06:05 run is due, once. (A day after every run
    # made here, the demo's own publishing included, whatever the hour the tests run.)
    morning = datetime(2030, 1, 15, 5, 10, tzinfo=UTC)
    assert sync.due_run(demo, now=morning) is SyncKind.INCREMENTAL
    assert sync.due_run(demo, now=datetime(2030, 1, 15, 0, 30, tzinfo=UTC)) is SyncKind.FULL  # 01:30 local
    assert sync.due_run(demo, now=datetime(2030, 1, 14, 23, 30, tzinfo=UTC)) is None  # 00:30 local: nothing yet
    report = sync.run_due(UnitOfWork(demo, SystemJob.SCHEDULE, now=morning))
    assert report is not None and report.result is SyncResult.SUCCEEDED
    assert sync.due_run(demo, now=morning + timedelta(minutes=5)) is None
    sync.set_schedule(UnitOfWork(demo, demo_admin), "07:00 full")
    assert [e.kind for e in sync.schedule(demo)] == [SyncKind.FULL]
    clerk = sign_in(demo, "dziekanat", DEMO_PASSWORD)
    with pytest.raises(PermissionDenied):
        sync.set_schedule(UnitOfWork(demo, clerk), "08:00 full")


def _max_run(db) -> int | None:
    with db.read() as session:
        return session.scalar(select(func.max(SyncRun.id)))


def _sent_since(db, run_id: int | None) -> int:
    """Queue entries marked sent by runs after ``run_id``."""
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.sync_run_id > (run_id or 0))) or 0


def _wait_until(condition, timeout: float = 30) -> None:
    """Poll another process's progress in the database until ``condition`` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the other process made no progress"
        time.sleep(0.01)


def _kill_loop_child(url: str) -> subprocess.Popen:
    code = (
        "import sys; from desk.db import open_database; from desk.staff import sign_in; from desk import sync\n"
        "from desk.unit_of_work import UnitOfWork\n"
        f"db = open_database({url!r}).database\n"
        "admin = sign_in(db, 'admin', 'demo1234')\n"
        "while True: sync.run_sync(UnitOfWork(db, admin), batch_size=50)\n"
    )
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_killed_at_any_point_the_portal_ends_equal_to_the_desk(demo, demo_admin, portal):
    sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.FULL, portal=portal)
    registration_id, _group, _student = _direct_registration_with_room(demo)
    url = demo.url.render_as_string(hide_password=False)
    with demo.read() as session:
        students = list(session.scalars(select(Student.id).order_by(Student.id).limit(120)))
    for round_number in range(3):
        # Changes at the desk and actions on the portal, then a sync killed with SIGKILL mid-run.
        with demo.write() as session:
            for student_id in students:
                session.add(OutboxEntry(entity="student", entity_id=student_id, operation="upsert", student_id=student_id))
        simulator.first_come_rush(portal, registration_id, students=30, workers=4, seed=round_number)
        with demo.read() as session:
            runs_before = session.scalar(select(func.max(SyncRun.id)))
        child = _kill_loop_child(url)
        # Killed at a different point each round: as the run starts, after its first batch of 50
        # was marked sent, after its second.
        _wait_until(lambda: _sent_since(demo, runs_before) >= 50 * round_number
                    and _max_run(demo) != runs_before)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    with demo.read() as session:
        interrupted = session.scalar(select(func.count()).select_from(SyncRun).where(SyncRun.result == SyncResult.RUNNING))
    assert interrupted >= 3  # every kill landed inside a run
    final = sync.run_sync(UnitOfWork(demo, demo_admin), portal=portal)
    assert final.result is SyncResult.SUCCEEDED
    assert _pending(demo) == 0
    assert portal_differences(demo, portal) == {}
    with portal.read() as session:
        keys = list(session.scalars(select(schema.actions.c.action_key)))
        assert session.scalar(select(func.count()).select_from(schema.actions).where(schema.actions.c.read_at.is_(None))) == 0
    with demo.read() as session:
        inbox = session.scalar(select(func.count()).select_from(PortalInboxEntry).where(PortalInboxEntry.action_key.in_(keys)))
        applied_registrations = session.scalar(select(func.count()).select_from(PortalInboxEntry).where(
            PortalInboxEntry.kind == "register", PortalInboxEntry.outcome == "applied"))
        portal_enrollments = session.scalar(select(func.count()).select_from(Enrollment).where(
            Enrollment.source == "portal", Enrollment.created_at > now_utc() - timedelta(hours=1)))
        over = session.scalar(select(func.count()).select_from(ClassGroup).where(
            ClassGroup.enrolled_count > ClassGroup.seat_limit + ClassGroup.over_limit_count))
    assert inbox == len(keys)  # every action recorded, each once (the key is the primary key)
    assert portal_enrollments == applied_registrations  # no action applied twice
    assert over == 0


def test_the_explanation_checks_the_portal(demo, demo_admin, portal):
    from desk.eligibility import Condition, Outcome, explain
    from desk.model import ProgrammeStatus, StudentProgramme

    sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.FULL, portal=portal)
    registration_id, _group, _student = _direct_registration_with_room(demo)
    with demo.read() as session:  # a student back from leave: no rule admits them
        student_id = session.scalar(select(StudentProgramme.student_id).where(
            StudentProgramme.status == ProgrammeStatus.ON_LEAVE).order_by(StudentProgramme.student_id))
    if student_id is None:
        pytest.skip("no student on leave in the demo")
    access.grant_access(UnitOfWork(demo, demo_admin), registration_id, [student_id], reason="returned from leave")
    waiting = explain(UnitOfWork(demo, demo_admin), student_id, registration_id)
    failure = waiting.first_failure
    if failure is None or failure.condition is not Condition.PORTAL:
        pytest.skip("this student is stopped by another condition first")
    assert failure.outcome is Outcome.FAILED and "wait to be sent" in failure.detail
    sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.STUDENT, student_id=student_id, portal=portal)
    passed = explain(UnitOfWork(demo, demo_admin), student_id, registration_id)
    assert next(c for c in passed.checks if c.condition is Condition.PORTAL).outcome is Outcome.PASSED


def test_rows_copied_inside_the_database_equal_rows_sent_through_python(demo, demo_admin):
    from desk.portal.database import open_portal, portal_url_of

    inside = open_portal_for(demo)
    assert inside.desk_schema is not False  # SQLite files beside each other, or one PostgreSQL database
    through_python = open_portal(portal_url_of(demo))  # as for a portal on another server
    assert through_python.desk_schema is False
    try:
        sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.FULL, portal=inside)
        registration_id, group_id, student_id = _direct_registration_with_room(demo)
        access.grant_access(UnitOfWork(demo, demo_admin), registration_id, [student_id], reason="returned from leave")
        groups.set_seat_limits(UnitOfWork(demo, demo_admin), [group_id], delta=5, reason="bigger room")
        enrollment.enroll(UnitOfWork(demo, demo_admin), student_id, group_id, reason="by the dean's decision")
        with demo.read() as session:
            token_type = session.scalar(select(TokenType.id).where(TokenType.code == "JO"))
        tokens.correct_balance(UnitOfWork(demo, demo_admin), student_id, token_type, 2, reason="admitted mid-year",
                               override_reason="the dean's decision")
        # On PostgreSQL the rows stream from one database's COPY into the other's; on SQLite through Python.
        report = sync.run_sync(UnitOfWork(demo, demo_admin), portal=through_python)
        assert report.result is SyncResult.SUCCEEDED and report.sent > 0
        assert portal_differences(demo, through_python) == {}
        access.revoke_access(UnitOfWork(demo, demo_admin), registration_id, [student_id], reason="unpaid fees")
        sync.run_sync(UnitOfWork(demo, demo_admin), portal=inside)
        assert portal_differences(demo, inside) == {}
    finally:
        inside.dispose()
        through_python.dispose()


def test_a_portal_filled_by_another_desk_is_published_whole_and_its_actions_set_aside(demo, demo_admin, portal):
    from desk.model import Setting

    sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.FULL, portal=portal)
    registration_id, group_id, student_id = _direct_registration_with_room(demo)
    key = simulator.act(portal, "register", student_id, registration_id, group_id)
    with demo.write() as session:  # as if this portal had been filled by another desk
        session.get(Setting, sync.DESK_ID_SETTING).value = "another-desk"
    report = sync.run_sync(UnitOfWork(demo, demo_admin), portal=portal)
    assert report.kind is SyncKind.FULL and report.received == 0
    with portal.read() as session:
        assert session.scalar(select(schema.actions.c.outcome).where(schema.actions.c.action_key == key)) == "discarded"
    assert portal_differences(demo, portal) == {}
    assert sync.run_sync(UnitOfWork(demo, demo_admin), portal=portal).kind is SyncKind.INCREMENTAL


def test_a_record_deleted_at_the_desk_goes_from_the_portal(demo, demo_admin, portal):
    from desk.model import AccessRule

    sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.FULL, portal=portal)
    with demo.read() as session:
        rule = session.scalars(select(AccessRule).order_by(AccessRule.id)).first()
    access.remove_rule(UnitOfWork(demo, demo_admin), rule.id, reason="the rule was wrong")
    sync.run_sync(UnitOfWork(demo, demo_admin), portal=portal)
    with portal.read() as session:
        assert session.scalar(select(func.count()).select_from(schema.access_rules).where(
            schema.access_rules.c.rule_id == rule.id)) == 0
    assert portal_differences(demo, portal) == {}


def _new_empty_portal(portal) -> None:
    """The portal as a new one: no published rows, no actions, claimed by no desk."""
    with portal.write() as session:
        for table in schema.PUBLISHED:
            session.execute(table.delete())
        session.execute(schema.actions.delete())
        session.execute(schema.sync_state.delete().where(schema.sync_state.c.key != "contract_version"))


def _stalled_first_fill_child(url: str) -> subprocess.Popen:
    """A sync that stops for good inside its first full publication, once the students are on the portal."""
    code = (
        "import time; from desk.db import open_database; from desk.staff import sign_in; from desk import sync\n"
        "from desk.unit_of_work import UnitOfWork\n"
        f"db = open_database({url!r}).database\n"
        "real = sync.compare_and_repair\n"
        "def stalled(source, target, publication):\n"
        "    if publication.name == 'portal_student_programmes':\n"
        "        time.sleep(600)\n"
        "    return real(source, target, publication)\n"
        "sync.compare_and_repair = stalled\n"
        "sync.run_sync(UnitOfWork(db, sign_in(db, 'admin', 'demo1234')))\n"
    )
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_a_first_publication_killed_midway_is_finished_by_the_next_run(demo, demo_admin, portal):
    from desk.check import check_database

    _new_empty_portal(portal)
    runs_before = _max_run(demo)
    child = _stalled_first_fill_child(demo.url.render_as_string(hide_password=False))
    try:
        def students_published() -> bool:
            with portal.read() as session:
                return bool(session.scalar(select(func.count()).select_from(schema.students)))

        _wait_until(students_published)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    with demo.read() as session:
        killed = session.scalar(select(SyncRun).where(SyncRun.id > (runs_before or 0)))
        assert killed.result is SyncResult.RUNNING
    assert set(portal_differences(demo, portal)) >= {"portal_enrollments", "portal_token_balances"}
    # Until the first publication is finished, the check does not compare a half-filled portal.
    checked = check_database(demo, portal=portal)
    assert "portal_balance_differs" not in checked.totals and checked.notes
    # The next run, whatever was asked of it, finishes the publication.
    report = sync.run_sync(UnitOfWork(demo, demo_admin), portal=portal)
    assert report.result is SyncResult.SUCCEEDED and report.kind is SyncKind.FULL
    assert portal_differences(demo, portal) == {}
    assert check_database(demo, portal=portal).notes == ()
    assert sync.run_sync(UnitOfWork(demo, demo_admin), portal=portal).kind is SyncKind.INCREMENTAL


def test_a_cancelled_first_publication_is_finished_by_the_next_run(demo, demo_admin, portal):
    _new_empty_portal(portal)
    tables = []

    def cancel_after_three() -> bool:
        return len(tables) >= 3

    report = sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.FULL, portal=portal, is_cancelled=cancel_after_three,
                           progress=lambda done, total, text: tables.append(text))
    assert report.result is SyncResult.CANCELLED and portal_differences(demo, portal)
    assert sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.STUDENT, student_id=1, portal=portal).kind is SyncKind.FULL
    assert portal_differences(demo, portal) == {}


def _race_for_the_slot(url: str, now: datetime, barrier, results) -> None:
    """One workstation's scheduled job: it sees the slot free, waits until the other has seen it too, then runs."""
    from desk import sync as racing_sync
    from desk.db import open_database

    db = open_database(url).database
    seen = racing_sync.due_slot

    def due_then_wait(*args, **kwargs):
        kind = seen(*args, **kwargs)
        barrier.wait(timeout=60)
        return kind

    racing_sync.due_slot = due_then_wait
    try:
        report = racing_sync.run_due(UnitOfWork(db, SystemJob.SCHEDULE, now=now))
        results.put(None if report is None else report.run_id)
    except BaseException as problem:  # noqa: BLE001 - reported to the test
        results.put(f"failed: {problem!r}")
    finally:
        db.dispose()


def test_two_workstations_due_at_once_start_one_scheduled_run(demo):
    import multiprocessing

    morning = datetime(2030, 1, 15, 5, 10, tzinfo=UTC)  # 06:10 in Warsaw: the 06:05 run is due
    assert sync.due_run(demo, now=morning) is SyncKind.INCREMENTAL
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    url = demo.url.render_as_string(hide_password=False)
    workstations = [context.Process(target=_race_for_the_slot, args=(url, morning, barrier, results)) for _ in range(2)]
    for process in workstations:
        process.start()
    outcomes = [results.get(timeout=120) for _ in workstations]
    for process in workstations:
        process.join(timeout=60)
    assert not [o for o in outcomes if isinstance(o, str)], outcomes
    started = [o for o in outcomes if o is not None]
    assert len(started) == 1, outcomes
    with demo.read() as session:
        runs = session.scalar(select(func.count()).select_from(SyncRun).where(
            SyncRun.trigger == SyncTrigger.SCHEDULE, SyncRun.started_at >= morning - timedelta(minutes=5)))
    assert runs == 1
    assert sync.due_run(demo, now=morning + timedelta(minutes=1)) is None


def test_workstations_opening_a_new_portal_at_once_all_open_it(db):
    import threading

    from desk.portal.database import open_portal, portal_url_of

    url = portal_url_of(db)
    barrier = threading.Barrier(4)
    opened, failed = [], []

    def open_it() -> None:
        barrier.wait(timeout=30)
        try:
            opened.append(open_portal(url, db.url))
        except Exception as problem:  # noqa: BLE001 - reported by the test
            failed.append(problem)

    for _attempt in range(3):
        threads = [threading.Thread(target=open_it) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for portal in opened:
            portal.dispose()
        assert not failed, [(problem, problem.detail) for problem in failed]
        with open_portal(url, db.url).write() as session:  # the next attempt finds no tables again
            for table in reversed(schema.metadata.sorted_tables):
                session.execute(text(f"DROP TABLE {table.name}"))
        opened.clear()


def test_a_move_reaches_the_portal_whole(db, admin):
    """Found by the invariant: the enrollment left behind and its group's count went out too."""
    from desk.model import ClassType
    from desk.unit_of_work import UnitOfWork

    term = factories.term(db)
    course = factories.course(db)
    first, second = (factories.group(db, course, term, number=n, seat_limit=3, class_type=ClassType.LAB) for n in (1, 2))
    student_id = factories.student(db)
    portal = open_portal_for(db)
    try:
        sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
        enrolled = enrollment.enroll(UnitOfWork(db, admin), student_id, first, reason="by the dean's decision")
        sync.run_sync(UnitOfWork(db, admin), portal=portal)
        enrollment.move(UnitOfWork(db, admin), enrolled.enrollment_id, second, reason="timetable clash")
        sync.run_sync(UnitOfWork(db, admin), portal=portal)
        assert portal_differences(db, portal) == {}
        with portal.read() as session:
            assert dict(session.execute(select(schema.class_groups.c.group_id, schema.class_groups.c.enrolled_count))
                        .all()) == {first: 0, second: 1}
    finally:
        portal.dispose()


class _WordsFor:
    """A translator with a few Polish sentences, as the application installs one."""

    def __init__(self, words: dict[str, str]):
        from PySide6.QtCore import QTranslator

        class Translator(QTranslator):
            def translate(self, context, source, disambiguation=None, n=-1):  # noqa: N802 - Qt's name
                return words.get(source, "")

            def isEmpty(self):  # noqa: N802 - Qt's name
                return False

        self.translator = Translator()

    def __enter__(self):
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.installTranslator(self.translator)
        return self

    def __exit__(self, *_exc):
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.removeTranslator(self.translator)


def test_a_conflict_keeps_why_as_codes_and_reads_in_the_clerks_language(demo, demo_admin, portal, qapp):
    sync.run_sync(UnitOfWork(demo, demo_admin), SyncKind.FULL, portal=portal)
    registration_id, group_id, student_id = _direct_registration_with_room(demo)
    with demo.write() as session:  # the group fills at the desk before the student's click is read
        session.execute(update(ClassGroup).where(ClassGroup.id == group_id).values(seat_limit=ClassGroup.enrolled_count))
    simulator.act(portal, "register", student_id, registration_id, group_id)
    assert sync.run_sync(UnitOfWork(demo, demo_admin), portal=portal).conflicts == 1
    with demo.read() as session:
        stored = session.scalars(select(SyncConflict)).one()
        inbox = session.scalars(select(PortalInboxEntry).where(PortalInboxEntry.outcome == "conflict")).one()
    # Stored as the rulebook's codes with their parameters, never as words.
    assert stored.message is None and "refusal.full" in [r["code"] for r in stored.reasons]
    assert [r["code"] for r in json.loads(inbox.detail)] == [r["code"] for r in stored.reasons]
    [english] = sync.conflicts(UnitOfWork(demo, demo_admin))
    assert "is full" in english.message
    polish = {"Group {group} is full: {enrolled} of {limit} places taken.": "Grupa {group} jest pełna: zajęte {enrolled} z {limit} miejsc.",
              "dismissed: %1": "odrzucono: %1"}
    with _WordsFor(polish):
        [line] = sync.conflicts(UnitOfWork(demo, demo_admin))
        assert "jest pełna" in line.message and "is full" not in line.message
        sync.resolve_conflict(UnitOfWork(demo, demo_admin), line.id, enroll_over_limit=False, reason="student chose another group")
        [settled] = sync.conflicts(UnitOfWork(demo, demo_admin), open_only=False)
        assert settled.resolution == "odrzucono: student chose another group"
    with demo.read() as session:
        assert session.get(SyncConflict, line.id).resolution == "student chose another group"  # as the clerk typed it
    assert sync.conflicts(UnitOfWork(demo, demo_admin), open_only=False)[0].resolution == "dismissed: student chose another group"
