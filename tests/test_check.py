"""`desk check`: a clean demo is clean; problems planted behind the application's back are named, exit status 1."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import func, insert, select, text, update

from desk import sync
from desk.chain import seal
from desk.check import KINDS, check_database, existing_portal
from desk.cli import main
from desk.clock import now_utc
from desk.db import open_database
from desk.model import (
    ClassGroup,
    LedgerKind,
    OutboxEntry,
    Registration,
    RegistrationCourse,
    RegistrationKind,
    RequestAction,
    RequestStatus,
    Round,
    Student,
    SyncKind,
    SyncResult,
    SyncRun,
    SyncTrigger,
    TokenEntry,
    TokenRequest,
    TokenType,
)
from desk.portal import schema
from desk.portal.database import open_portal_for
from desk.unit_of_work import SystemJob, UnitOfWork


@pytest.fixture
def as_admin(monkeypatch):
    monkeypatch.setenv("DESK_PASSWORD", "demo1234")


def _url(db) -> str:
    return db.url.database if db.is_sqlite else db.url.render_as_string(hide_password=False)


def _kinds(report) -> set[str]:
    return set(report.totals)


def _students(db, count: int) -> list[tuple[int, str]]:
    with db.read() as session:
        return [tuple(r) for r in session.execute(select(Student.id, Student.student_number).order_by(Student.id).limit(count))]


def _entry(**values) -> dict:
    return dict(reason="planted by the test", created_at=now_utc(), **values)


def _token_request(session, student_id: int):
    """An accepted basket request of a student in the demo's token registration, written by SQL."""
    registration = session.execute(select(Registration.id, Registration.term_id, Registration.token_type_id)
                                   .where(Registration.kind == RegistrationKind.TOKEN).order_by(Registration.id)
                                   .limit(1)).one()
    round_id = session.scalar(select(Round.id).where(Round.registration_id == registration.id).order_by(Round.id).limit(1))
    group = session.execute(select(ClassGroup.id, ClassGroup.course_id)
                            .join(RegistrationCourse, RegistrationCourse.course_id == ClassGroup.course_id)
                            .where(RegistrationCourse.registration_id == registration.id,
                                   ClassGroup.term_id == registration.term_id)
                            .order_by(ClassGroup.id).limit(1)).one()
    request_id = session.execute(insert(TokenRequest).returning(TokenRequest.id), [dict(
        student_id=student_id, registration_id=registration.id, round_id=round_id, course_id=group.course_id,
        group_id=group.id, action=RequestAction.REGISTER, submitted_at=now_utc(), payment_accepted=False,
        status=RequestStatus.ACCEPTED)]).scalar_one()
    return SimpleNamespace(id=request_id, student_id=student_id, token_type_id=registration.token_type_id)


def test_a_clean_demo_is_clean(demo_db, as_admin, capsys):
    portal = existing_portal(demo_db)
    # The SQLite copy has no portal file beside it (one is never made by a check); on PostgreSQL
    # the portal's tables are in the same database, filled when the demo was built.
    assert (portal is None) == demo_db.is_sqlite
    try:
        report = check_database(demo_db, portal=portal)
    finally:
        if portal is not None:
            portal.dispose()
    assert report.clean and report.problems == () and report.totals == {}
    assert report.counts["students"] == 300 and report.counts["student_search"] == 300
    assert report.counts["class_groups"] > 0 and report.counts["token_ledger"] > 0
    if portal is not None:
        assert report.counts["portal_token_balances"] > 0 and report.notes == ()
    assert main(["--db", _url(demo_db), "check"]) == 0
    out = capsys.readouterr().out
    assert "No problems found." in out and "300 students" in out
    assert main(["--db", _url(demo_db), "check", "--json", "--thorough"]) == 0
    assert json.loads(capsys.readouterr().out)["clean"] is True


def test_check_finds_counts_search_rows_and_ledger_entries_changed_behind_the_applications_back(demo_db, as_admin,
                                                                                                 capsys):
    (s1, n1), (s2, n2), (s3, n3), (s4, n4), (s5, n5) = _students(demo_db, 5)
    with demo_db.write() as session:
        group = session.execute(select(ClassGroup.id, ClassGroup.enrolled_count).where(ClassGroup.enrolled_count > 2)
                                .order_by(ClassGroup.id).limit(1)).one()
        session.execute(update(ClassGroup).where(ClassGroup.id == group.id).values(enrolled_count=ClassGroup.enrolled_count - 1))
        # The search table is kept by triggers from students and persons: change it directly.
        session.execute(text("UPDATE student_search SET search_name = 'zzz nobody' WHERE student_id = :s"), {"s": s1})
        session.execute(text("DELETE FROM student_search WHERE student_id = :s"), {"s": s2})
        # The ledger refuses UPDATE and DELETE; inconsistent entries can only be inserted.
        spend = session.execute(select(TokenEntry.id, TokenEntry.student_id, TokenEntry.token_type_id)
                                .where(TokenEntry.kind == LedgerKind.SPEND).order_by(TokenEntry.id).limit(1)).one()
        jo = session.scalar(select(TokenType.id).order_by(TokenType.id).limit(1))
        session.execute(insert(TokenEntry), [
            _entry(student_id=spend.student_id, token_type_id=spend.token_type_id, kind=LedgerKind.REFUND, amount=1,
                   reverses_id=spend.id),
            _entry(student_id=spend.student_id, token_type_id=spend.token_type_id, kind=LedgerKind.REFUND, amount=1,
                   reverses_id=spend.id),
            _entry(student_id=s3, token_type_id=jo, kind=LedgerKind.REFUND, amount=1),
            _entry(student_id=s4, token_type_id=jo, kind=LedgerKind.SPEND, amount=-50),
            _entry(student_id=s5, token_type_id=spend.token_type_id, kind=LedgerKind.CORRECTION, amount=-1,
                   reverses_id=spend.id),
        ])
        # Two spends for one basket request, and one for a request of another student.
        request = _token_request(session, s5)
        session.execute(insert(TokenEntry), [
            _entry(student_id=request.student_id, token_type_id=request.token_type_id, kind=LedgerKind.SPEND, amount=-1,
                   token_request_id=request.id, idempotency_key=f"request-{request.id}"),
            _entry(student_id=request.student_id, token_type_id=request.token_type_id, kind=LedgerKind.SPEND, amount=-1,
                   token_request_id=request.id, idempotency_key=f"request-{request.id}-again"),
        ])
        other = s3
        session.execute(insert(TokenEntry), [
            _entry(student_id=other, token_type_id=request.token_type_id, kind=LedgerKind.SPEND, amount=-1,
                   token_request_id=request.id),
        ])
        group_label = session.execute(text(
            "SELECT t.code || '/' || c.code || '/' || g.class_type || '/' || g.number FROM class_groups g "
            "JOIN courses c ON c.id = g.course_id JOIN terms t ON t.id = g.term_id WHERE g.id = :g"), {"g": group.id}).scalar()

    report = check_database(demo_db)
    assert {"group_count_differs", "search_row_stale", "search_row_missing", "ledger_reversed_twice",
            "ledger_refund_without_spend", "ledger_negative_balance", "ledger_reversal_mismatch", "ledger_duplicate",
            "ledger_request_mismatch"} <= _kinds(report)
    assert set(report.totals) <= set(KINDS)
    by_kind = {p.kind: p for p in report.problems}
    assert by_kind["group_count_differs"].what.startswith(group_label)
    assert f"says {group.enrolled_count - 1} students, {group.enrolled_count} enrollments" in by_kind["group_count_differs"].detail
    assert by_kind["search_row_stale"].what.endswith(n1) and "zzz nobody" in by_kind["search_row_stale"].detail
    assert by_kind["search_row_missing"].what.endswith(n2)
    assert by_kind["ledger_negative_balance"].what.endswith(n4) and "balance is -" in by_kind["ledger_negative_balance"].detail
    assert str(spend.id) in by_kind["ledger_reversed_twice"].what
    assert n3 in by_kind["ledger_refund_without_spend"].what
    assert n5 in by_kind["ledger_reversal_mismatch"].what and "another student" in by_kind["ledger_reversal_mismatch"].detail
    assert f"token request {request.id} has 2 spend" in by_kind["ledger_duplicate"].detail
    assert f"request {request.id} of another student" in by_kind["ledger_request_mismatch"].detail
    assert report.totals["search_row_stale"] == 1 and report.totals["group_count_differs"] == 1

    assert main(["--db", _url(demo_db), "check"]) == 1
    out = capsys.readouterr().out
    assert re.search(r"\d+ problems?:", out) and group_label in out and "group_count_differs" in out and n2 in out
    assert main(["--db", _url(demo_db), "check", "--json", "--no-portal"]) == 1  # PostgreSQL: the portal differs too
    listed = json.loads(capsys.readouterr().out)
    assert listed["clean"] is False and listed["totals"] == report.totals
    assert {p["kind"] for p in listed["problems"]} == set(report.totals)


def test_many_problems_of_a_kind_are_counted_and_the_first_listed(demo_db):
    with demo_db.write() as session:
        session.execute(text("UPDATE student_search SET search_name = search_name || ' x'"))
    report = check_database(demo_db, limit=10)
    assert report.totals == {"search_row_stale": 300} and len(report.problems) == 10


def test_check_compares_the_portal_and_the_sync_queue(demo_db, as_admin, capsys):
    sync.run_sync(UnitOfWork(demo_db, SystemJob.SCHEDULE), SyncKind.FULL)  # SQLite: the portal file is made now
    portal = open_portal_for(demo_db)
    try:
        assert check_database(demo_db, portal=portal).clean
        (s2, n2), (s3, _n3) = _students(demo_db, 2)
        now = now_utc()
        with demo_db.write() as session:
            s1, n1, jo = session.execute(select(TokenEntry.student_id, Student.student_number, TokenEntry.token_type_id)
                                         .join(Student, Student.id == TokenEntry.student_id)
                                         .where(TokenEntry.student_id.not_in([s2, s3]))
                                         .order_by(TokenEntry.id).limit(1)).one()
            # A ledger entry written by SQL (sealed in the chain): no outbox entry, so the portal is never told.
            session.execute(insert(TokenEntry), seal(session, TokenEntry.__table__, [
                _entry(student_id=s1, token_type_id=jo, kind=LedgerKind.CORRECTION, amount=2)]))
            queued = OutboxEntry(entity="student", entity_id=s2, operation="upsert", student_id=s2)
            session.add(queued)
            session.add(OutboxEntry(entity="student", entity_id=s3, operation="upsert", student_id=s3,
                                    created_at=now - timedelta(days=2)))
            session.add(SyncRun(kind=SyncKind.INCREMENTAL, trigger=SyncTrigger.SCHEDULE, started_at=now - timedelta(hours=3),
                                result=SyncResult.RUNNING))
            session.flush()
            queued_id = queued.id
        # A batch the portal committed whose entries the desk never marked (a run killed in between).
        with portal.write() as session:
            session.execute(schema.sync_state.update().where(schema.sync_state.c.key == sync.CHECKPOINT)
                            .values(value=json.dumps({"run": 4242, "ids": [queued_id]})))
            if not session.scalar(select(func.count()).select_from(schema.sync_state)
                                  .where(schema.sync_state.c.key == sync.CHECKPOINT)):
                session.execute(schema.sync_state.insert().values(key=sync.CHECKPOINT,
                                                                  value=json.dumps({"run": 4242, "ids": [queued_id]})))
        report = check_database(demo_db, portal=portal)
        assert _kinds(report) == {"portal_balance_differs", "outbox_batch_unmarked", "outbox_pending_too_long",
                                  "sync_run_stuck"}
        by_kind = {p.kind: p for p in report.problems}
        assert by_kind["portal_balance_differs"].what.endswith(n1)
        assert "nothing waits to go out" in by_kind["portal_balance_differs"].detail
        assert "4242" in by_kind["outbox_batch_unmarked"].what and "1 of its 1 changes" in by_kind["outbox_batch_unmarked"].detail
        assert "student" in by_kind["outbox_pending_too_long"].what and "more than 24 hours" in by_kind["outbox_pending_too_long"].detail
        assert report.totals["portal_balance_differs"] == 1  # the students with changes waiting are not compared
        assert main(["--db", _url(demo_db), "check"]) == 1
        assert "portal_balance_differs" in capsys.readouterr().out
        assert main(["--db", _url(demo_db), "check", "--no-portal"]) == 1  # the queue's own problems remain
        out = capsys.readouterr().out
        assert "portal_balance_differs" not in out and "sync_run_stuck" in out

        # What the check says is what the sync repairs: a full run sends the queue, marks the
        # interrupted batch, ends the stuck run and republishes the balance.
        sync.run_sync(UnitOfWork(demo_db, SystemJob.SCHEDULE), SyncKind.FULL)
        assert check_database(demo_db, portal=portal).clean
    finally:
        portal.dispose()


def test_a_damaged_file_is_named_not_raised(tmp_path, _demo_templates, as_admin, capsys):
    path = tmp_path / "desk.sqlite"
    shutil.copyfile(_demo_templates("sqlite"), path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = DELETE")
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ix_token_ledger_student_type'").fetchone()[0]
    page = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    with path.open("r+b") as handle:  # an index page of the ledger overwritten, as a failing disk would
        handle.seek((root - 1) * page)
        handle.write(b"\xff" * page)
    db = open_database(str(path)).database
    try:
        report = check_database(db)
    finally:
        db.dispose()
    assert "database_integrity" in report.totals
    assert any(p.what == "database file" and "Page" in p.detail for p in report.problems)
    assert main(["--db", str(path), "check"]) == 1
    assert "database_integrity" in capsys.readouterr().out


def test_a_killed_run_is_interrupted_alike_in_sync_status_and_check(demo_db, as_admin, capsys):
    now = now_utc()
    planted = {
        "killed long ago": dict(started_at=now - timedelta(hours=3)),
        "killed a while ago": dict(started_at=now - timedelta(minutes=40)),
        "silent since": dict(started_at=now - timedelta(hours=2), heartbeat_at=now - timedelta(minutes=25)),
        "long but alive": dict(started_at=now - timedelta(hours=1), heartbeat_at=now - timedelta(seconds=20)),
        "just started": dict(started_at=now - timedelta(minutes=1)),
    }
    with demo_db.write() as session:
        ids = {}
        for name, times in planted.items():
            run = SyncRun(kind=SyncKind.INCREMENTAL, trigger=SyncTrigger.SCHEDULE, result=SyncResult.RUNNING, **times)
            session.add(run)
            session.flush()
            ids[name] = run.id
    assert main(["--db", _url(demo_db), "--as", "admin", "sync", "status", "--limit", "50"]) == 0
    status = capsys.readouterr().out
    shown = {name for name, run_id in ids.items() if any(
        line.strip().startswith(f"#{run_id} ") and " interrupted " in line for line in status.splitlines())}
    report = check_database(demo_db, now=now)
    named = {name for name, run_id in ids.items() if any(
        p.kind == "sync_run_stuck" and p.what.endswith(f" {run_id}") for p in report.problems)}
    assert shown == named == {"killed long ago", "killed a while ago", "silent since"}
    assert {r.id for r in sync.recent_runs(demo_db, now=now) if r.interrupted} == {ids[n] for n in named}
    # The next run closes them as failed, and then neither says "interrupted" any more.
    sync.run_sync(UnitOfWork(demo_db, SystemJob.SCHEDULE))
    assert "sync_run_stuck" not in check_database(demo_db).totals
    assert not [r for r in sync.recent_runs(demo_db) if r.interrupted]
    with demo_db.read() as session:
        assert session.get(SyncRun, ids["long but alive"]).result is SyncResult.RUNNING
        assert session.get(SyncRun, ids["killed long ago"]).result is SyncResult.FAILED
        assert json.loads(session.get(SyncRun, ids["killed long ago"]).error)["code"] == "sync.interrupted"  # words when shown
    closed = next(r for r in sync.recent_runs(demo_db) if r.id == ids["killed long ago"])
    assert closed.state == "failed" and closed.error == "interrupted: the program stopped during the run"
