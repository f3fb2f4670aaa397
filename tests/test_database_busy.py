"""A database held by another connection: every wait has an end, and it ends in "busy, try again", not a traceback."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from sqlalchemy import select, text

from desk import db as desk_db
from desk.cli import main
from desk.db import open_database
from desk.errors import DatabaseBusy
from desk.student_search import search_students
from desk.unit_of_work import UnitOfWork
from tests import factories

BUSY = "The database is busy: another workstation or job is changing it. Try again in a moment."


@pytest.fixture
def short_waits(monkeypatch):
    monkeypatch.setattr(desk_db, "SQLITE_BUSY_TIMEOUT_MS", 500)
    monkeypatch.setattr(desk_db, "POSTGRESQL_LOCK_TIMEOUT_MS", 500)
    monkeypatch.setattr(desk_db, "INTERACTIVE_STATEMENT_TIMEOUT_MS", 500)


def _hold_sqlite_write_lock(path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    connection.execute("BEGIN IMMEDIATE")
    return connection


def test_a_terminal_search_while_another_writer_holds_the_file_is_one_line(tmp_path, monkeypatch, capsys, short_waits):
    path = tmp_path / "busy.sqlite"
    db = open_database(str(path)).database
    from desk.staff import create_first_administrator
    from desk.unit_of_work import SystemJob

    create_first_administrator(UnitOfWork(db, SystemJob.SETUP), "admin", "Anna Admin", "admin-password")
    factories.student(db, "Łukasz", "Żółkiewski", number="123456")
    db.dispose()
    monkeypatch.setenv("DESK_PASSWORD", "admin-password")
    holder = _hold_sqlite_write_lock(str(path))
    try:
        started = time.monotonic()
        status = main(["--db", str(path), "--as", "admin", "students", "search", "zolkiewski"])
        seconds = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err
    assert status == 1 and err.strip() == f"desk: {BUSY}" and "Traceback" not in err
    assert seconds < 10
    # Once the other writer is done, the same command works.
    assert main(["--db", str(path), "--as", "admin", "students", "search", "zolkiewski"]) == 0


def test_a_search_waiting_on_a_table_lock_ends_in_busy(db, admin, short_waits):
    if db.is_sqlite:
        pytest.skip("SQLite readers are not blocked by a writer (WAL); its wait is the writers' busy timeout")
    factories.student(db, "Łukasz", "Żółkiewski", number="123456")
    waiting = open_database(db.url, create=False).database  # opened with the short waits
    holder = db.engine.connect()
    transaction = holder.begin()
    holder.execute(text("LOCK TABLE students IN ACCESS EXCLUSIVE MODE"))
    outcome: dict = {}

    def search():
        try:
            outcome["page"] = search_students(UnitOfWork(waiting, admin), "zolkiewski")
        except BaseException as error:  # noqa: BLE001 - the test looks at it
            outcome["error"] = error

    thread = threading.Thread(target=search)
    try:
        thread.start()
        thread.join(8)
        finished_while_held = not thread.is_alive()
    finally:
        transaction.rollback()
        holder.close()
        thread.join(30)
        waiting.dispose()
    assert finished_while_held, "the search waited as long as the lock was held"
    assert isinstance(outcome.get("error"), DatabaseBusy) and str(outcome["error"]) == BUSY


def test_a_lookup_that_runs_too_long_is_ended_as_busy(db, admin, short_waits):
    if db.is_sqlite:
        pytest.skip("a statement timeout is PostgreSQL's")
    waiting = open_database(db.url, create=False).database
    try:
        with pytest.raises(DatabaseBusy):
            with UnitOfWork(waiting, admin).read() as session:
                desk_db.limit_interactive(session)
                session.execute(text("SELECT pg_sleep(3)"))
    finally:
        waiting.dispose()


def test_a_students_registration_waits_its_turn_longer_than_a_clerk_does(db, admin, short_waits):
    """A rush on an overloaded machine: a writer holds the group longer than a clerk waits (here 0.5 s).
    The student's registration waits its turn and is served; the clerk's change is told "busy"."""
    from datetime import timedelta

    from desk import enrollment, groups
    from desk.clock import now_utc
    from desk.model import ClassGroup, Level
    from desk.unit_of_work import SystemJob

    now = now_utc()
    term_id = factories.term(db)
    course_id = factories.course(db, "RUSH-1")
    group_id = factories.group(db, course_id, term_id, seat_limit=5)
    registration_id = factories.registration(db, term_id=term_id, course_ids=(course_id,),
                                             rounds=((now - timedelta(hours=1), now + timedelta(days=1)),),
                                             rules=({"level": Level.FIRST_CYCLE},))
    student_id = factories.student(db)
    waiting = open_database(db.url, create=False).database  # opened with the short waits
    held, release = threading.Event(), threading.Event()

    def hold():  # another writer of the same group, slow to finish
        with waiting.write() as session:
            session.execute(select(ClassGroup.id).where(ClassGroup.id == group_id).with_for_update())
            held.set()
            release.wait(30)

    outcome: dict = {}

    def register():
        try:
            outcome["result"] = enrollment.register_from_portal(UnitOfWork(waiting, SystemJob.PORTAL), student_id,
                                                                group_id, registration_id)
        except BaseException as error:  # noqa: BLE001 - the test looks at it
            outcome["error"] = error

    holder, student = threading.Thread(target=hold), threading.Thread(target=register)
    holder.start()
    try:
        assert held.wait(10)
        with pytest.raises(DatabaseBusy):
            groups.set_seat_limits(UnitOfWork(waiting, admin), [group_id], value=3, reason="sala zamieniona")
        student.start()
        student.join(1.5)
        assert student.is_alive(), "the student's registration gave up as soon as a clerk would"
    finally:
        release.set()
        holder.join(30)
        student.join(30)
        waiting.dispose()
    assert "error" not in outcome, outcome.get("error")
    assert outcome["result"].group_id == group_id and outcome["result"].enrolled_count == 1
