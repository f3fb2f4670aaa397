"""Tamper evidence: the audit log and the token ledger are hash chains; `desk check` names the first broken entry
however the rows were changed, and the guards (REPLACE refused on SQLite) are checked to be in place."""

from __future__ import annotations

import multiprocessing
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from desk.chain import CHAINED_TABLES, entry_hash
from desk.changes import Change
from desk.check import check_database
from desk.db import open_database
from desk.model import AuditEntry, LedgerKind, TokenEntry
from desk.staff import StaffAction
from desk.tokens import add_entry
from desk.unit_of_work import SystemJob, UnitOfWork
from tests import factories

LEDGER_MARK = "LEDGER-MARK-7f3a"
AUDIT_MARK = "AUDIT-MARK-9c1e"


@pytest.fixture
def entries(db):
    """A few ledger entries (each with its audit entry) and audit entries of their own."""
    token = factories.token_type(db)
    student = factories.student(db)
    uow = UnitOfWork(db, SystemJob.SETUP)
    for amount in (3, -1, 2, 5):
        with uow.write():
            add_entry(uow, student_id=student, token_type_id=token, kind=LedgerKind.CORRECTION, amount=amount,
                      reason=LEDGER_MARK if amount == 2 else f"correction {amount}")
    with uow.write():
        uow.record_changes(StaffAction.CHANGE_PASSWORD, [
            Change("staff_user", n, None, before={"n": n}, after={"n": n + 1}, reason=AUDIT_MARK if n == 2 else None,
                   portal=False) for n in range(1, 5)])
    return token, student


def _ids(db, table: str) -> list[int]:
    with db.read() as session:
        return list(session.scalars(text(f"SELECT id FROM {table} ORDER BY id")))


def _broken(report) -> list[str]:
    return [p.what for p in report.problems if p.kind == "chain_broken"]


def _guard_names(db, table: str) -> list[str]:
    if db.is_sqlite:
        return [f"{table}_no_update", f"{table}_no_delete", f"{table}_no_replace"]
    return [f"{table}_append_only"]


def _behind_the_back(db, table: str, *statements: str, drop: list[str] | None = None, restore: bool = True) -> None:
    """Drop the guard triggers, run the statements, and put the triggers back as they were."""
    drop = _guard_names(db, table) if drop is None else drop
    with db.write() as session:
        if db.is_sqlite:
            definitions = [session.scalar(text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :n"), {"n": n})
                           for n in drop]
            for name in drop:
                session.execute(text(f"DROP TRIGGER {name}"))
        else:
            definitions = [session.scalar(text("SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = :n"), {"n": n})
                           for n in drop]
            for name in drop:
                session.execute(text(f"DROP TRIGGER {name} ON {table}"))
        for statement in statements:
            session.execute(text(statement))
        if restore:
            for definition in definitions:
                session.execute(text(definition))


def test_entries_written_by_the_application_form_unbroken_chains(db, entries):
    report = check_database(db)
    assert report.clean, report.problems
    with db.read() as session:
        hashes = list(session.scalars(select(AuditEntry.chain_hash).order_by(AuditEntry.id)))
        assert len(hashes) == 8 and all(h and len(h) == 64 for h in hashes) and len(set(hashes)) == 8
        assert all(len(h) == 64 for h in session.scalars(select(TokenEntry.chain_hash)))


@pytest.mark.parametrize("table", CHAINED_TABLES)
def test_an_updated_entry_is_named(db, entries, table):
    ids = _ids(db, table)
    column = "amount = amount + 10" if table == "token_ledger" else "reason = 'nothing happened'"
    _behind_the_back(db, table, f"UPDATE {table} SET {column} WHERE id = {ids[1]}")
    report = check_database(db)
    assert set(report.totals) == {"chain_broken"}
    assert _broken(report)[0].startswith(f"{'audit' if table == 'audit_log' else 'ledger'} entry {ids[1]} (table {table})")


@pytest.mark.parametrize("table", CHAINED_TABLES)
def test_a_deleted_entry_breaks_the_chain_at_the_next(db, entries, table):
    ids = _ids(db, table)
    _behind_the_back(db, table, f"DELETE FROM {table} WHERE id = {ids[1]}")
    report = check_database(db)
    assert set(report.totals) == {"chain_broken"}
    assert f" {ids[2]} (table {table})" in _broken(report)[0]


@pytest.mark.parametrize("table", CHAINED_TABLES)
def test_a_dropped_guard_trigger_is_named(db, entries, table):
    names = _guard_names(db, table)
    _behind_the_back(db, table, drop=names, restore=False)
    report = check_database(db)
    assert set(report.totals) == {"chain_guard_missing"}
    listed = [p.what for p in report.problems]
    assert all(any(name in what and table in what for what in listed) for name in names)


def test_a_disabled_guard_trigger_is_named_on_postgresql(db, entries):
    if db.is_sqlite:
        pytest.skip("SQLite triggers cannot be disabled, only dropped")
    with db.write() as session:
        session.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
    report = check_database(db)
    assert report.totals == {"chain_guard_missing": 1} and "disabled" in report.problems[0].detail


@pytest.mark.parametrize("table", CHAINED_TABLES)
def test_replace_is_refused_on_sqlite(sqlite_db, table):
    token = factories.token_type(sqlite_db)
    student = factories.student(sqlite_db)
    uow = UnitOfWork(sqlite_db, SystemJob.SETUP)
    with uow.write():
        add_entry(uow, student_id=student, token_type_id=token, kind=LedgerKind.CORRECTION, amount=2, reason="given",
                  idempotency_key="key-1")
    path = sqlite_db.url.database
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        first = connection.execute(f"SELECT id FROM {table} ORDER BY id LIMIT 1").fetchone()[0]
        if table == "token_ledger":
            attempts = [
                f"INSERT OR REPLACE INTO token_ledger (id, student_id, token_type_id, kind, amount, reason, created_at) "
                f"VALUES ({first}, {student}, {token}, 'correction', 9, 'replaced', '2026-01-01 00:00:00')",
                # A new id under a key already used: REPLACE would remove the entry holding the key.
                f"INSERT OR REPLACE INTO token_ledger (student_id, token_type_id, kind, amount, reason, created_at, "
                f"idempotency_key) VALUES ({student}, {token}, 'correction', 9, 'replaced', '2026-01-01 00:00:00', 'key-1')",
            ]
        else:
            attempts = [f"INSERT OR REPLACE INTO audit_log (id, at, action, entity, reason) "
                        f"VALUES ({first}, '2026-01-01 00:00:00', 'x', 'y', 'replaced')"]
        for attempt in attempts:
            with pytest.raises(sqlite3.IntegrityError, match="never replaced"):
                connection.execute(attempt)
        assert connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 1
    finally:
        connection.close()
    assert check_database(sqlite_db).clean


@pytest.mark.parametrize("table", CHAINED_TABLES)
def test_a_replaced_entry_is_named(sqlite_db, table):
    token = factories.token_type(sqlite_db)
    student = factories.student(sqlite_db)
    uow = UnitOfWork(sqlite_db, SystemJob.SETUP)
    for amount in (1, 2, 3):
        with uow.write():
            add_entry(uow, student_id=student, token_type_id=token, kind=LedgerKind.CORRECTION, amount=amount,
                      reason=f"given {amount}")
    ids = _ids(sqlite_db, table)
    with sqlite_db.read() as session:
        stored = session.scalar(text(f"SELECT chain_hash FROM {table} WHERE id = {ids[1]}"))
    if table == "token_ledger":
        replace = (f"INSERT OR REPLACE INTO token_ledger (id, student_id, token_type_id, kind, amount, reason, created_at, "
                   f"chain_hash) VALUES ({ids[1]}, {student}, {token}, 'correction', 20, 'given 2', '2026-01-01 00:00:00', "
                   f"'{stored}')")
    else:
        replace = (f"INSERT OR REPLACE INTO audit_log (id, at, action, entity, reason, chain_hash) "
                   f"VALUES ({ids[1]}, '2026-01-01 00:00:00', 'x', 'y', 'replaced', '{stored}')")
    _behind_the_back(sqlite_db, table, replace, drop=[f"{table}_no_replace"])
    report = check_database(sqlite_db)
    assert set(report.totals) == {"chain_broken"}
    assert f" {ids[1]} (table {table})" in _broken(report)[0]


@pytest.mark.parametrize("table", CHAINED_TABLES)
def test_an_edited_file_is_named(sqlite_db, entries_file, table):
    """Bytes of a value changed in the file itself, the triggers never touched."""
    path = Path(sqlite_db.url.database)
    mark = LEDGER_MARK if table == "token_ledger" else AUDIT_MARK
    ids = entries_file(sqlite_db)
    sqlite_db.dispose()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = path.read_bytes()
    assert data.count(mark.encode()) >= 1
    path.write_bytes(data.replace(mark.encode(), mark[:-1].encode() + b"X"))
    opened = open_database(str(path))
    try:
        report = check_database(opened.database)
    finally:
        opened.database.dispose()
    assert "database_integrity" not in report.totals and "chain_guard_missing" not in report.totals
    assert f" {ids[table]} (table {table})" in [what for what in _broken(report) if table in what][0]


@pytest.fixture
def entries_file():
    def make(db) -> dict[str, int]:
        token = factories.token_type(db)
        student = factories.student(db)
        uow = UnitOfWork(db, SystemJob.SETUP)
        with uow.write():
            for amount in (3, 2, 5):
                add_entry(uow, student_id=student, token_type_id=token, kind=LedgerKind.CORRECTION, amount=amount,
                          reason=LEDGER_MARK if amount == 2 else f"correction {amount}")
        with uow.write():
            uow.record_changes(StaffAction.CHANGE_PASSWORD, [
                Change("staff_user", n, None, reason=AUDIT_MARK if n == 2 else None, portal=False) for n in range(1, 4)])
        with db.read() as session:
            return {
                "token_ledger": session.scalar(select(TokenEntry.id).where(TokenEntry.reason == LEDGER_MARK)),
                "audit_log": session.scalar(select(AuditEntry.id).where(AuditEntry.reason == AUDIT_MARK)),
            }

    return make


def test_the_chain_recipe_is_stable():
    """Entries already written must still verify: the recipe is a contract."""
    assert entry_hash("token_ledger", None, {"amount": 1}) == entry_hash("token_ledger", "", {"amount": 1})
    assert entry_hash("token_ledger", "a", {"amount": 1}) != entry_hash("token_ledger", "b", {"amount": 1})
    assert entry_hash("audit_log", None, {"reason": "x"}) != entry_hash("audit_log", None, {"reason": "y"})


def _write_audit_entries(url: str, worker: int, transactions: int) -> int:
    opened = open_database(url)
    db = opened.database
    written = 0
    try:
        uow = UnitOfWork(db, SystemJob.SETUP)
        for n in range(transactions):
            for attempt in range(50):
                try:
                    with uow.write():
                        uow.record_changes(StaffAction.CHANGE_PASSWORD, [
                            Change("staff_user", worker * 1000 + n, None, after={"k": k}, portal=False) for k in range(3)])
                    written += 3
                    break
                except Exception:  # busy: try again, as a clerk would
                    time.sleep(0.05)
    finally:
        db.dispose()
    return written


def test_concurrent_writers_keep_one_unbroken_chain(db):
    url = db.url.render_as_string(hide_password=False)
    workers, transactions = 6, 15
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers) as pool:
        written = pool.starmap(_write_audit_entries, [(url, w, transactions) for w in range(workers)])
    assert sum(written) == workers * transactions * 3
    with db.read() as session:
        assert session.scalar(text("SELECT count(*) FROM audit_log")) == sum(written)
    report = check_database(db)
    assert report.clean, report.problems


def test_the_migration_hashes_existing_entries_in_id_order(db_url, monkeypatch):
    """Entries written before the chains existed are sealed by the upgrade, in batches, and then verify."""
    from alembic import command
    from alembic.config import Config

    from desk.db import MIGRATIONS, make_engine, upgrade

    opened = open_database(db_url)
    db = opened.database
    token = factories.token_type(db)
    student = factories.student(db)
    uow = UnitOfWork(db, SystemJob.SETUP)
    for amount in range(1, 8):
        with uow.write():
            add_entry(uow, student_id=student, token_type_id=token, kind=LedgerKind.CORRECTION, amount=amount,
                      reason=f"given {amount}")
    db.dispose()
    engine = make_engine(db_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0009")
    import desk.chain

    monkeypatch.setattr(desk.chain, "MIGRATION_BATCH", 3)  # several batches, each chained to the one before
    upgrade(engine)
    engine.dispose()
    opened = open_database(db_url)
    try:
        report = check_database(opened.database)
        assert report.clean, report.problems
        with opened.database.read() as session:
            assert session.scalar(text("SELECT count(*) FROM token_ledger WHERE chain_hash IS NOT NULL")) == 7
            assert session.scalar(text("SELECT count(*) FROM audit_log WHERE chain_hash IS NOT NULL")) == 7
    finally:
        opened.database.dispose()


def test_a_guard_trigger_that_refuses_nothing_is_named(db, entries):
    with db.write() as session:
        if db.is_sqlite:
            session.execute(text("DROP TRIGGER token_ledger_no_update"))
            session.execute(text("CREATE TRIGGER token_ledger_no_update BEFORE UPDATE ON token_ledger BEGIN SELECT 1; END"))
        else:
            session.execute(text("CREATE OR REPLACE FUNCTION desk_refuse_change() RETURNS trigger LANGUAGE plpgsql AS "
                                 "$$ BEGIN IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$"))
    report = check_database(db)
    assert set(report.totals) == {"chain_guard_missing"}
    assert all("refuses nothing" in p.detail for p in report.problems)
    assert any("token_ledger" in p.what for p in report.problems)


def test_one_transaction_takes_the_chains_lock_once_and_again_after_a_savepoint_that_took_it_is_undone(db):
    """PostgreSQL: a refund writes a ledger entry and its audit entries, and each took the lock again."""
    from sqlalchemy import event

    if db.is_sqlite:
        pytest.skip("SQLite's write lock is taken at BEGIN IMMEDIATE")
    token, student = factories.token_type(db), factories.student(db)
    locks = []

    def _count(conn, cursor, statement, *args):
        if "pg_advisory_xact_lock" in statement:
            locks.append(statement)

    uow = UnitOfWork(db, SystemJob.SETUP)
    event.listen(db.engine, "before_cursor_execute", _count)
    try:
        with uow.write():
            with pytest.raises(RuntimeError):
                with uow.savepoint():
                    add_entry(uow, student_id=student, token_type_id=token, kind=LedgerKind.CORRECTION, amount=9,
                              reason="undone")
                    raise RuntimeError("undone with the savepoint")
            for amount in (1, 2):
                add_entry(uow, student_id=student, token_type_id=token, kind=LedgerKind.CORRECTION, amount=amount,
                          reason=f"correction {amount}")
    finally:
        event.remove(db.engine, "before_cursor_execute", _count)
    assert len(locks) == 2  # the undone savepoint's, then one for the rest of the transaction
    with db.read() as session:
        assert list(session.scalars(select(TokenEntry.amount).where(TokenEntry.student_id == student)
                                    .order_by(TokenEntry.id))) == [1, 2]
    assert check_database(db).clean
