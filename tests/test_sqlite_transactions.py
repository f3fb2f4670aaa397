"""SQLite write transactions take the write lock at BEGIN, so check-then-write cannot interleave."""

from __future__ import annotations

import threading

from sqlalchemy import select, text

from desk.model import OrgUnit, UnitKind


def test_write_transactions_begin_immediate(sqlite_db):
    statements = []
    from sqlalchemy import event

    @event.listens_for(sqlite_db.engine, "before_cursor_execute")
    def _capture(conn, cursor, statement, *args):
        statements.append(statement)

    with sqlite_db.write() as session:
        session.execute(select(1))
    with sqlite_db.read() as session:
        session.execute(select(1))
    begins = [s for s in statements if s.startswith("BEGIN")]
    assert begins == ["BEGIN IMMEDIATE", "BEGIN"]


def test_concurrent_check_then_insert_never_duplicates(sqlite_db):
    """16 writers each insert a unit only if none exists: exactly one wins on every run."""
    barrier = threading.Barrier(16)
    errors = []

    def writer(index):
        try:
            barrier.wait()
            with sqlite_db.write() as session:
                exists = session.scalar(select(OrgUnit.id).where(OrgUnit.name == "shared"))
                if exists is None:
                    session.add(OrgUnit(code=f"U{index}", name="shared", kind=UnitKind.OTHER))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    with sqlite_db.read() as session:
        assert session.scalar(text("SELECT count(*) FROM org_units WHERE name = 'shared'")) == 1


def test_pragmas(sqlite_db):
    with sqlite_db.read() as session:
        assert session.scalar(text("PRAGMA foreign_keys")) == 1
        assert session.scalar(text("PRAGMA journal_mode")) == "wal"
        assert session.scalar(text("PRAGMA busy_timeout")) >= 5000
