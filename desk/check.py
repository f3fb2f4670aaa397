"""Checking a database: its file or server, the search table, the token ledger, seat counts and the sync queue.

Every check is one set-based query (or two compared in memory), never a query per row, so the
whole check of a university with 300,000 students takes seconds. The desk is read in one
snapshot: SQLite's read transaction, PostgreSQL's REPEATABLE READ. A problem names its record
and says what is wrong with the values found; nothing is repaired here.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import and_, func, inspect, or_, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, aliased

from desk.chain import CHAINED_COLUMNS, CHAINED_TABLES, broken_links
from desk.clock import DEFAULT_TIME_ZONE, as_utc, format_local, now_utc
from desk.db import SQLITE_BUSY_TIMEOUT_MS, SQLITE_MMAP_BYTES, Database, make_engine
from desk.i18n import translate
from desk.model import (
    AuditEntry,
    ClassGroup,
    Course,
    Enrollment,
    EnrollmentStatus,
    LedgerKind,
    OutboxEntry,
    Person,
    Registration,
    RequestAction,
    SeatShare,
    Setting,
    Student,
    StudentSearchRow,
    SyncRun,
    Term,
    TokenEntry,
    TokenRequest,
    TokenType,
)

LIMIT = 100  # problems listed per kind; the totals count them all
PENDING_TOO_LONG = timedelta(hours=24)

# The kinds of problem, in the order the report lists them.
KINDS = (
    "database_integrity",
    "chain_guard_missing",
    "chain_broken",
    "search_row_missing",
    "search_row_extra",
    "search_row_stale",
    "ledger_negative_balance",
    "ledger_reversed_twice",
    "ledger_reversal_mismatch",
    "ledger_refund_without_spend",
    "ledger_duplicate",
    "ledger_request_mismatch",
    "portal_balance_differs",
    "group_count_differs",
    "group_over_limit",
    "share_count_differs",
    "outbox_batch_unmarked",
    "outbox_pending_too_long",
    "sync_run_stuck",
)


@dataclass(frozen=True)
class Problem:
    kind: str  # one of KINDS: stable, for scripts
    what: str  # the record, as a clerk finds it: a student number, a group's name, a ledger entry
    detail: str  # what is wrong, with the values found


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[Problem, ...]  # at most LIMIT of each kind
    totals: dict[str, int]  # every problem found, by kind (more than listed when a kind passes LIMIT)
    counts: dict[str, int]  # rows checked: students, class groups, ledger entries …
    notes: tuple[str, ...] = ()  # what was not checked, and why
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not self.totals

    @property
    def problem_count(self) -> int:
        return sum(self.totals.values())

    def as_json(self) -> dict:
        return {
            "clean": self.clean,
            "problems": [{"kind": p.kind, "what": p.what, "detail": p.detail} for p in self.problems],
            "totals": dict(self.totals),
            "counts": dict(self.counts),
            "notes": list(self.notes),
            "seconds": round(self.seconds, 3),
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
        }


class _Collector:
    def __init__(self, limit: int):
        self.limit = limit
        self.problems: list[Problem] = []
        self.totals: dict[str, int] = {}
        self.counts: dict[str, int] = {}
        self.notes: list[str] = []
        self.timings: dict[str, float] = {}

    def add(self, kind: str, rows: Iterable, make: Callable[..., tuple[str, str]]) -> None:
        """Count every row; turn the first ``limit`` of them into problems with ``make(row) -> (what, detail)``."""
        found = self.totals.get(kind, 0)
        for row in rows:
            if found < self.limit:
                what, detail = make(row)
                self.problems.append(Problem(kind, what, detail))
            found += 1
        if found:
            self.totals[kind] = found

    def timed(self, name: str, work: Callable[[], None], session: Session) -> None:
        started = time.perf_counter()
        try:
            work()
        except DBAPIError as error:
            # A damaged file (or a lost server) fails the queries that read it: named, not raised,
            # and the other checks still run in a new transaction.
            session.rollback()
            detail = str(error.orig or error).strip().splitlines()[0]
            self.add("database_integrity", [name], lambda n: (translate("Check", "the check of %1").replace("%1", n),
                                                              translate("Check", "could not read the database: %1").replace("%1", detail)))
        self.timings[name] = time.perf_counter() - started


def _student(number: str | None, student_id: int) -> str:
    return (translate("Check", "student %1").replace("%1", number) if number else
            translate("Check", "student id %1").replace("%1", str(student_id)))


def _entry(entry_id: int, number: str | None) -> str:
    return (translate("Check", "ledger entry %1 of student %2").replace("%1", str(entry_id)).replace("%2", number or "?"))


# --- (a) the file or the server ----------------------------------------------------------------------


class _FileCheck(threading.Thread):
    """SQLite's own check of the file, on a connection of its own, while the queries run.

    quick_check does what integrity_check does except matching every index entry with its row
    (4x faster: about 6 s against 25 s on a 450 MB file); the search table, the one index-like
    table the lookup depends on, is compared with its sources by the queries.
    """

    def __init__(self, path: Path, thorough: bool):
        super().__init__(name="desk-check-file", daemon=True)
        self.path, self.thorough = path, thorough
        self.messages: list[str] = []
        self.missing_rows: list[tuple] = []
        self.error: BaseException | None = None
        self.seconds = 0.0

    def run(self) -> None:
        started = time.perf_counter()
        try:
            connection = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                         timeout=SQLITE_BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
            try:
                connection.execute(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")
                pragma = "integrity_check" if self.thorough else "quick_check"
                self.messages = [row[0] for row in connection.execute(f"PRAGMA {pragma}")]
                if self.thorough:
                    self.missing_rows = connection.execute("PRAGMA foreign_key_check").fetchall()
            finally:
                connection.close()
        except sqlite3.Error as error:
            self.error = error
        self.seconds = time.perf_counter() - started

    def report(self, out: _Collector) -> None:
        self.join()
        out.timings["database file"] = self.seconds
        if self.error is not None:
            out.add("database_integrity", [str(self.error)], lambda m: (translate("Check", "database file"), m))
        elif self.messages != ["ok"]:
            out.add("database_integrity", self.messages, lambda m: (translate("Check", "database file"), m))
        out.add("database_integrity", self.missing_rows,
                lambda r: (translate("Check", "table %1, row %2").replace("%1", str(r[0])).replace("%2", str(r[1])),
                           translate("Check", "refers to a missing row of %1").replace("%1", str(r[2]))))


def _counts(session: Session, out: _Collector) -> None:
    """Counts of the key tables; on PostgreSQL they are also the check that the server answers."""
    session.execute(text("SELECT 1"))
    tables = {
        "persons": Person, "students": Student, "student_search": StudentSearchRow, "class_groups": ClassGroup,
        "enrollments": Enrollment, "token_ledger": TokenEntry, "token_requests": TokenRequest, "sync_outbox": OutboxEntry,
    }
    for name, model in tables.items():
        out.counts[name] = session.scalar(select(func.count()).select_from(model)) or 0


# --- (a2) the append-only tables: their guards and their hash chains -----------------------------------


def _expected_guards(db: Database) -> dict[str, tuple[str, ...]]:
    if db.is_sqlite:
        return {table: (f"{table}_no_update", f"{table}_no_delete", f"{table}_no_replace") for table in CHAINED_TABLES}
    return {table: (f"{table}_append_only", f"{table}_no_truncate") for table in CHAINED_TABLES}


def _guards(db: Database, session: Session, out: _Collector) -> None:
    """The triggers that refuse changing, removing and replacing entries: present and enabled, no rule around them."""
    found: list[tuple[str, str, str]] = []
    expected = _expected_guards(db)
    # A guard replaced by one of the same name that refuses nothing counts as missing.
    if db.is_sqlite:
        rows = session.execute(text("SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'trigger'")).all()
        present = {(r.tbl_name, r.name) for r in rows}
        refusing = {(r.tbl_name, r.name) for r in rows if "RAISE(ABORT" in (r.sql or "").upper().replace(" ", "")}
        enabled = present
    else:
        rows = session.execute(text(
            "SELECT c.relname AS tbl_name, t.tgname AS name, t.tgenabled AS enabled, p.prosrc AS body FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid "
            "WHERE c.relnamespace = to_regnamespace(current_schema())::oid AND NOT t.tgisinternal")).all()
        present = {(r.tbl_name, r.name) for r in rows}
        enabled = {(r.tbl_name, r.name) for r in rows if r.enabled != "D"}
        refusing = {(r.tbl_name, r.name) for r in rows if "RAISE EXCEPTION" in " ".join((r.body or "").upper().split())}
        # A rule (DO INSTEAD …) would let statements past the triggers.
        for r in session.execute(text("SELECT tablename, rulename FROM pg_rules WHERE schemaname = current_schema() "
                                      "AND tablename IN ('audit_log', 'token_ledger')")):
            found.append((r.tablename, r.rulename, translate("Check", "a rule on an append-only table lets changes past its guards")))
    for table, names in expected.items():
        for name in names:
            if (table, name) not in present:
                found.append((table, name, translate("Check", "the guard trigger is missing: entries can be changed or removed unnoticed")))
            elif (table, name) not in enabled:
                found.append((table, name, translate("Check", "the guard trigger is disabled: entries can be changed or removed unnoticed")))
            elif (table, name) not in refusing:
                found.append((table, name, translate("Check", "the guard trigger refuses nothing: entries can be changed or removed unnoticed")))
    out.add("chain_guard_missing", found,
            lambda r: (translate("Check", "table %1, trigger %2").replace("%1", r[0]).replace("%2", r[1]), r[2]))


def _chains(session: Session, out: _Collector) -> None:
    """Every entry's hash against its content and its predecessor's hash, in id order, streamed."""
    for model in (AuditEntry, TokenEntry):
        table = model.__table__
        name = table.name
        columns = [table.c.id, table.c.chain_hash] + [table.c[c] for c in CHAINED_COLUMNS[name]]
        rows = session.execute(select(*columns).order_by(table.c.id).execution_options(yield_per=5000)).mappings()

        def describe(broken, name=name) -> tuple[str, str]:
            entry_id, stored, _expected = broken
            what = (translate("Check", "audit entry %1 (table audit_log)") if name == "audit_log" else
                    translate("Check", "ledger entry %1 (table token_ledger)")).replace("%1", str(entry_id))
            if stored is None:
                return what, translate("Check", "has no chain hash: it was written behind the application's back")
            return what, translate("Check", "breaks the hash chain: this entry or the one before it was changed, "
                                            "removed or replaced behind the application's back")

        out.add("chain_broken", broken_links(name, rows), describe)


# --- (b) the search table ---------------------------------------------------------------------------


def _search_table(session: Session, out: _Collector) -> None:
    s, ss, p = Student.__table__.c, StudentSearchRow.__table__.c, Person.__table__.c
    missing = (
        select(s.id, s.student_number)
        .select_from(Student.__table__.outerjoin(StudentSearchRow.__table__, ss.student_id == s.id))
        .where(ss.student_id.is_(None))
        .order_by(s.id)
    )
    out.add("search_row_missing", session.execute(missing),
            lambda r: (_student(r.student_number, r.id), translate("Check", "has no row in the search table: the lookup cannot find them")))
    extra = (
        select(ss.student_id, ss.student_number)
        .select_from(StudentSearchRow.__table__.outerjoin(Student.__table__, s.id == ss.student_id))
        .where(s.id.is_(None))
        .order_by(ss.student_id)
    )
    out.add("search_row_extra", session.execute(extra),
            lambda r: (_student(r.student_number, r.student_id), translate("Check", "is in the search table but there is no such student")))
    stale = (
        select(s.id, s.student_number, ss.student_number.label("found_number"), ss.person_id.label("found_person"),
               s.person_id, ss.search_name.label("found_name"), p.search_name,
               (ss.sort_key == p.sort_key).label("same_key"),
               and_(ss.first_name_folded == p.first_name_folded, ss.last_name_folded == p.last_name_folded).label("same_parts"))
        .select_from(StudentSearchRow.__table__.join(Student.__table__, s.id == ss.student_id).join(Person.__table__, p.id == s.person_id))
        .where(or_(ss.student_number != s.student_number, ss.person_id != s.person_id, ss.search_name != p.search_name,
                   ss.sort_key != p.sort_key, ss.first_name_folded != p.first_name_folded,
                   ss.last_name_folded != p.last_name_folded))
        .order_by(s.id)
    )

    def describe(r) -> tuple[str, str]:
        parts = []
        if r.found_number != r.student_number:
            parts.append(translate("Check", "number %1 in the search table, %2 in students")
                         .replace("%1", r.found_number).replace("%2", r.student_number))
        if r.found_person != r.person_id:
            parts.append(translate("Check", "person %1 in the search table, %2 in students")
                         .replace("%1", str(r.found_person)).replace("%2", str(r.person_id)))
        if r.found_name != r.search_name:
            parts.append(translate("Check", "name \"%1\" in the search table, \"%2\" in persons")
                         .replace("%1", r.found_name).replace("%2", r.search_name))
        if not r.same_key or not r.same_parts:
            parts.append(translate("Check", "sort key or name parts differ from persons"))
        return _student(r.student_number, r.id), "; ".join(parts)

    out.add("search_row_stale", session.execute(stale), describe)


# --- (c) the token ledger -------------------------------------------------------------------------


def _ledger(session: Session, out: _Collector) -> None:
    e = aliased(TokenEntry, name="e")
    o = aliased(TokenEntry, name="o")
    number = select(Student.student_number).where(Student.id == e.student_id).scalar_subquery()
    sums = (
        select(TokenEntry.student_id, TokenEntry.token_type_id, func.sum(TokenEntry.amount).label("balance"))
        .group_by(TokenEntry.student_id, TokenEntry.token_type_id)
        .having(func.sum(TokenEntry.amount) < 0)
        .subquery()
    )
    negative = (
        select(sums.c.student_id, sums.c.balance, Student.student_number, TokenType.code)
        .join(Student, Student.id == sums.c.student_id)
        .join(TokenType, TokenType.id == sums.c.token_type_id)
        .order_by(sums.c.student_id)
    )
    # The services never take a balance below zero (a payment is created instead of a spend).
    out.add("ledger_negative_balance", session.execute(negative),
            lambda r: (_student(r.student_number, r.student_id),
                       translate("Check", "the %1 balance is %2: the ledger took more tokens than it gave")
                       .replace("%1", r.code).replace("%2", str(r.balance))))
    twice = (
        select(TokenEntry.reverses_id, func.count().label("times"), func.min(TokenEntry.student_id).label("student_id"))
        .where(TokenEntry.reverses_id.is_not(None))
        .group_by(TokenEntry.reverses_id)
        .having(func.count() > 1)
        .subquery()
    )
    out.add("ledger_reversed_twice", session.execute(
        select(twice, Student.student_number).outerjoin(Student, Student.id == twice.c.student_id).order_by(twice.c.reverses_id)),
        lambda r: (_entry(r.reverses_id, r.student_number),
                   translate("Check", "is reversed by %1 entries; an entry is reversed at most once").replace("%1", str(r.times))))
    mismatch = (
        select(e.id, e.amount, e.reverses_id, number.label("number"), o.id.label("original"), o.amount.label("original_amount"),
               (e.student_id == o.student_id).label("same_student"), (e.token_type_id == o.token_type_id).label("same_type"))
        .select_from(e)
        .outerjoin(o, o.id == e.reverses_id)
        .where(e.reverses_id.is_not(None))
        .where(or_(o.id.is_(None), e.id == o.id, e.student_id != o.student_id, e.token_type_id != o.token_type_id,
                   e.amount != -o.amount))
        .order_by(e.id)
    )

    def reversal(r) -> tuple[str, str]:
        if r.original is None:
            why = translate("Check", "reverses entry %1, which does not exist").replace("%1", str(r.reverses_id))
        elif r.original == r.id:
            why = translate("Check", "reverses itself")
        elif not r.same_student or not r.same_type:
            why = translate("Check", "reverses entry %1 of another student or token type").replace("%1", str(r.original))
        else:
            why = (translate("Check", "amount %1 does not undo entry %2 (amount %3)")
                   .replace("%1", str(r.amount)).replace("%2", str(r.original)).replace("%3", str(r.original_amount)))
        return _entry(r.id, r.number), why

    out.add("ledger_reversal_mismatch", session.execute(mismatch), reversal)
    refunds = (
        select(e.id, number.label("number"), o.kind.label("original_kind"))
        .select_from(e)
        .outerjoin(o, o.id == e.reverses_id)
        .where(e.kind == LedgerKind.REFUND, or_(o.id.is_(None), o.kind != LedgerKind.SPEND))
        .order_by(e.id)
    )
    out.add("ledger_refund_without_spend", session.execute(refunds),
            lambda r: (_entry(r.id, r.number), translate("Check", "is a refund that gives back no spent token")))
    # The idempotency keys ("request-N", "refund-N") make one spend per register request and one
    # refund per unregister request; the unique key cannot stop a second entry under another key.
    duplicates = (
        select(TokenEntry.token_request_id, TokenEntry.kind, TokenEntry.student_id, func.count().label("times"))
        .where(TokenEntry.token_request_id.is_not(None), TokenEntry.kind.in_([LedgerKind.SPEND, LedgerKind.REFUND]))
        .group_by(TokenEntry.token_request_id, TokenEntry.kind, TokenEntry.student_id)
        .having(func.count() > 1)
        .subquery()
    )
    out.add("ledger_duplicate", session.execute(
        select(duplicates, Student.student_number).outerjoin(Student, Student.id == duplicates.c.student_id)
        .order_by(duplicates.c.token_request_id)),
        lambda r: (_student(r.student_number, r.student_id),
                   translate("Check", "token request %1 has %2 %3 entries; it has one at most")
                   .replace("%1", str(r.token_request_id)).replace("%2", str(r.times)).replace("%3", LedgerKind(r.kind).value)))
    requests = (
        select(e.id, e.kind, number.label("number"), TokenRequest.id.label("request_id"),
               (TokenRequest.student_id == e.student_id).label("same_student"),
               (Registration.token_type_id == e.token_type_id).label("same_type"), TokenRequest.action)
        .select_from(e)
        .join(TokenRequest, TokenRequest.id == e.token_request_id)
        .join(Registration, Registration.id == TokenRequest.registration_id)
        .where(or_(
            TokenRequest.student_id != e.student_id,
            Registration.token_type_id.is_(None),
            Registration.token_type_id != e.token_type_id,
            and_(e.kind == LedgerKind.SPEND, TokenRequest.action != RequestAction.REGISTER),
            and_(e.kind == LedgerKind.REFUND, TokenRequest.action != RequestAction.UNREGISTER),
        ))
        .order_by(e.id)
    )

    def request(r) -> tuple[str, str]:
        if not r.same_student:
            why = translate("Check", "points at token request %1 of another student")
        elif not r.same_type:
            why = translate("Check", "points at token request %1 of a registration with another token type")
        else:
            why = translate("Check", "is a %2 for token request %1, which asked for something else")
        return _entry(r.id, r.number), why.replace("%1", str(r.request_id)).replace("%2", LedgerKind(r.kind).value)

    out.add("ledger_request_mismatch", session.execute(requests), request)


def _portal_balances(db: Database, session: Session, portal: Database, out: _Collector) -> None:
    """The balances the portal shows against the ledger, for students with nothing waiting to go out."""
    from desk.portal import schema

    def desk_side() -> tuple[dict, set]:
        # Read fresh, after the portal (not in the check's snapshot): a change sent meanwhile is
        # then either waiting here or already on both sides at the second look.
        with db.read() as fresh:
            sums = {(s, t): int(b) for s, t, b in fresh.execute(
                select(TokenEntry.student_id, TokenEntry.token_type_id, func.sum(TokenEntry.amount))
                .group_by(TokenEntry.student_id, TokenEntry.token_type_id))}
            waiting = set(fresh.scalars(
                select(OutboxEntry.student_id).where(OutboxEntry.sent_at.is_(None), OutboxEntry.student_id.is_not(None))
                .distinct()))
        return sums, waiting

    def portal_side() -> dict:
        with portal.read() as target:
            c = schema.token_balances.c
            shown = {(s, t): int(b) for s, t, b in target.execute(select(c.student_id, c.token_type_id, c.balance))}
        out.counts["portal_token_balances"] = len(shown)
        return shown

    def differing() -> dict:
        where = getattr(portal, "desk_schema", False)
        if where is not False:
            return in_database("" if where is None else f"{where}.")
        shown = portal_side()
        sums, waiting = desk_side()
        found = {}
        for key in sums.keys() | shown.keys():
            if key[0] not in waiting and sums.get(key) != shown.get(key):
                found[key] = (sums.get(key), shown.get(key))
        return found

    def in_database(desk: str) -> dict:
        # The portal's connection reads the desk too (the desk's file attached, or one PostgreSQL
        # database): the database compares, and only the differences come back.
        statement = text(
            "SELECT coalesce(l.student_id, p.student_id) AS student_id, "
            "coalesce(l.token_type_id, p.token_type_id) AS token_type_id, l.balance AS ledger, p.balance AS shown "
            f"FROM (SELECT student_id, token_type_id, sum(amount) AS balance FROM {desk}token_ledger "
            "GROUP BY student_id, token_type_id) l "
            "FULL OUTER JOIN portal_token_balances p ON p.student_id = l.student_id AND p.token_type_id = l.token_type_id "
            "WHERE (l.balance IS NULL OR p.balance IS NULL OR l.balance <> p.balance) "
            f"AND coalesce(l.student_id, p.student_id) NOT IN (SELECT student_id FROM {desk}sync_outbox "
            "WHERE sent_at IS NULL AND student_id IS NOT NULL)"
        )
        with portal.read() as target:
            out.counts["portal_token_balances"] = target.scalar(select(func.count()).select_from(schema.token_balances)) or 0
            return {(r.student_id, r.token_type_id): (None if r.ledger is None else int(r.ledger),
                                                      None if r.shown is None else int(r.shown))
                    for r in target.execute(statement)}

    found = differing()
    if found:
        # A sync may have run between reading the two sides: what still differs on a second look is real.
        again = differing()
        found = {key: value for key, value in found.items() if again.get(key) == value}
    if not found:
        return
    ids = sorted({student for student, _type in found})
    numbers = dict(session.execute(select(Student.id, Student.student_number).where(Student.id.in_(ids[: out.limit * 2]))).all())
    codes = dict(session.execute(select(TokenType.id, TokenType.code)).all())
    rows = [(key, *found[key]) for key in sorted(found)]

    def describe(row) -> tuple[str, str]:
        (student_id, type_id), ledger, shown = row
        code = codes.get(type_id, str(type_id))
        if shown is None:
            why = translate("Check", "the ledger gives %1 %2, the portal shows no balance").replace("%1", str(ledger)).replace("%2", code)
        elif ledger is None:
            why = translate("Check", "the portal shows %1 %2 but the ledger has no entries").replace("%1", str(shown)).replace("%2", code)
        else:
            why = (translate("Check", "the ledger gives %1 %2, the portal shows %3 and nothing waits to go out")
                   .replace("%1", str(ledger)).replace("%2", code).replace("%3", str(shown)))
        return _student(numbers.get(student_id), student_id), why

    out.add("portal_balance_differs", rows, describe)


# --- (d) seat counts -------------------------------------------------------------------------------


def _groups(session: Session, out: _Collector) -> None:
    accepted = (
        select(Enrollment.group_id, func.count().label("accepted"))
        .where(Enrollment.status == EnrollmentStatus.ACCEPTED)
        .group_by(Enrollment.group_id)
        .subquery()
    )
    actual = func.coalesce(accepted.c.accepted, 0)
    rows = session.execute(
        select(ClassGroup.id, ClassGroup.enrolled_count, actual.label("accepted"), ClassGroup.seat_limit,
               ClassGroup.over_limit_count, Term.code.label("term"), Course.code.label("course"), ClassGroup.class_type,
               ClassGroup.number)
        .outerjoin(accepted, accepted.c.group_id == ClassGroup.id)
        .join(Course, Course.id == ClassGroup.course_id)
        .join(Term, Term.id == ClassGroup.term_id)
        .where(or_(ClassGroup.enrolled_count != actual,
                   ClassGroup.enrolled_count > ClassGroup.seat_limit + ClassGroup.over_limit_count,
                   actual > ClassGroup.seat_limit + ClassGroup.over_limit_count))
        .order_by(ClassGroup.id)
    ).all()

    def name(r) -> str:
        return f"{r.term}/{r.course}/{r.class_type.value}/{r.number} (id {r.id})"

    out.add("group_count_differs", [r for r in rows if r.enrolled_count != r.accepted],
            lambda r: (name(r), translate("Check", "the group's count says %1 students, %2 enrollments are accepted")
                       .replace("%1", str(r.enrolled_count)).replace("%2", str(r.accepted))))
    out.add("group_over_limit", [r for r in rows if max(r.enrolled_count, r.accepted) > r.seat_limit + r.over_limit_count],
            lambda r: (name(r), translate("Check", "%1 students in a group of %2 places with %3 recorded overrides")
                       .replace("%1", str(max(r.enrolled_count, r.accepted))).replace("%2", str(r.seat_limit))
                       .replace("%3", str(r.over_limit_count))))
    out.counts["accepted_enrollments"] = session.scalar(
        select(func.count()).select_from(Enrollment).where(Enrollment.status == EnrollmentStatus.ACCEPTED)) or 0
    _shares(session, out, name)


def _shares(session: Session, out: _Collector, name: Callable) -> None:
    """Dedicated seats: a share not released counts the standing enrollments that took its seats, and its group's
    row the seats and takers of such shares."""
    holders = (select(Enrollment.share_id, func.count().label("holding"))
               .where(Enrollment.status == EnrollmentStatus.ACCEPTED, Enrollment.share_id.is_not(None))
               .group_by(Enrollment.share_id).subquery())
    holding = func.coalesce(holders.c.holding, 0)
    kept = (select(SeatShare.group_id, func.sum(SeatShare.seats).label("seats"), func.sum(SeatShare.taken).label("taken"))
            .where(SeatShare.released_at.is_(None)).group_by(SeatShare.group_id).subquery())
    rows = session.execute(
        select(SeatShare.id, SeatShare.group_id, SeatShare.taken, holding.label("holding"))
        .outerjoin(holders, holders.c.share_id == SeatShare.id)
        .where(SeatShare.released_at.is_(None), SeatShare.taken != holding).order_by(SeatShare.id)).all()
    groups = session.execute(
        select(ClassGroup.id, ClassGroup.reserved_seats, ClassGroup.reserved_taken, Term.code.label("term"),
               Course.code.label("course"), ClassGroup.class_type, ClassGroup.number,
               func.coalesce(kept.c.seats, 0).label("seats"), func.coalesce(kept.c.taken, 0).label("taken"))
        .outerjoin(kept, kept.c.group_id == ClassGroup.id)
        .join(Course, Course.id == ClassGroup.course_id).join(Term, Term.id == ClassGroup.term_id)
        .where(or_(ClassGroup.reserved_seats != func.coalesce(kept.c.seats, 0),
                   ClassGroup.reserved_taken != func.coalesce(kept.c.taken, 0)))
        .order_by(ClassGroup.id)).all()
    out.add("share_count_differs", rows, lambda r: (
        translate("Check", "dedicated seats %1 of group %2").replace("%1", str(r.id)).replace("%2", str(r.group_id)),
        translate("Check", "the share counts %1 taken, %2 standing enrollments hold its seats")
        .replace("%1", str(r.taken)).replace("%2", str(r.holding))))
    out.add("share_count_differs", groups, lambda r: (
        name(r), translate("Check", "the group keeps %1 dedicated seats (%2 taken), its shares say %3 (%4 taken)")
        .replace("%1", str(r.reserved_seats)).replace("%2", str(r.reserved_taken))
        .replace("%3", str(r.seats)).replace("%4", str(r.taken))))


# --- (e) the sync queue ---------------------------------------------------------------------------------


def _outbox(session: Session, out: _Collector, now: datetime, zone: str, pending_after: timedelta) -> None:
    from desk.sync import interrupted

    out.counts["outbox_pending"] = session.scalar(
        select(func.count()).select_from(OutboxEntry).where(OutboxEntry.sent_at.is_(None))) or 0
    old = session.execute(
        select(OutboxEntry.entity, func.count().label("waiting"), func.min(OutboxEntry.created_at).label("oldest"))
        .where(OutboxEntry.sent_at.is_(None), OutboxEntry.created_at < now - pending_after)
        .group_by(OutboxEntry.entity)
        .order_by(OutboxEntry.entity)
    ).all()
    out.add("outbox_pending_too_long", old,
            lambda r: (translate("Check", "changes of %1 waiting for the portal").replace("%1", r.entity),
                       translate("Check", "%1 waiting since %2, more than %3 hours: is the sync running?")
                       .replace("%1", str(r.waiting)).replace("%2", format_local(as_utc(r.oldest), zone))
                       .replace("%3", str(int(pending_after.total_seconds() // 3600)))))
    # The sync's own rule: `desk sync status` shows the same runs as interrupted.
    stuck = session.execute(
        select(SyncRun.id, SyncRun.kind, SyncRun.started_at).where(interrupted(now)).order_by(SyncRun.id)
    ).all()
    out.add("sync_run_stuck", stuck,
            lambda r: (translate("Check", "sync run %1").replace("%1", str(r.id)),
                       translate("Check", "a %1 run started at %2 was interrupted: it is still marked running but gives no sign of life; the next sync closes it")
                       .replace("%1", r.kind.value).replace("%2", format_local(r.started_at, zone))))


def _checkpoint(session: Session, portal: Database, out: _Collector) -> None:
    from desk.portal import schema
    from desk.sync import CHECKPOINT, checkpoint_condition

    with portal.read() as target:
        value = target.scalar(select(schema.sync_state.c.value).where(schema.sync_state.c.key == CHECKPOINT))
    if not value:
        return
    try:
        condition = checkpoint_condition(value)
        run = json.loads(value).get("run")
    except (ValueError, AttributeError):
        out.add("outbox_batch_unmarked", [value[:80]], lambda v: (translate("Check", "the portal's checkpoint"),
                                                                   translate("Check", "cannot be read: %1").replace("%1", v)))
        return
    if condition is None:
        return
    total = session.scalar(select(func.count()).select_from(OutboxEntry).where(condition)) or 0
    unmarked = session.scalar(
        select(func.count()).select_from(OutboxEntry).where(OutboxEntry.sent_at.is_(None), condition)
    ) or 0
    if unmarked:
        out.add("outbox_batch_unmarked", [(run, unmarked, total)],
                lambda r: (translate("Check", "the last batch of sync run %1").replace("%1", str(r[0])),
                           translate("Check", "%1 of its %2 changes reached the portal but are not marked sent (the run was interrupted); the next sync marks them")
                           .replace("%1", str(r[1])).replace("%2", str(r[2]))))


# --- the portal, and the whole check -----------------------------------------------------------------------


def existing_portal(db: Database) -> Database | None:
    """The portal database the desk publishes to, if it exists already (a check never creates one)."""
    from desk.portal import schema
    from desk.portal.database import open_portal_for, portal_url_of

    url = portal_url_of(db)
    if url.get_backend_name() == "sqlite" and not (url.database and Path(url.database).is_file()):
        return None
    probe = make_engine(url)
    try:
        if not inspect(probe).has_table(schema.sync_state.name):
            return None
    finally:
        probe.dispose()
    return open_portal_for(db)


def _portal_state(session: Session, portal: Database):
    from desk.sync import DESK_ID_SETTING, portal_state

    return portal_state(session.scalar(select(Setting.value).where(Setting.key == DESK_ID_SETTING)), portal)


def check_database(
    db: Database,
    *,
    portal: Database | None = None,
    thorough: bool = False,
    now: datetime | None = None,
    zone: str = DEFAULT_TIME_ZONE,
    pending_after: timedelta = PENDING_TOO_LONG,
    limit: int = LIMIT,
) -> CheckReport:
    """Check the database (and, given the portal, what it shows against the desk); repair nothing.

    On SQLite the file itself is checked (quick_check; with ``thorough`` the full integrity_check
    and foreign_key_check, tens of seconds on a large file) on a connection of its own while the
    queries run.
    """
    from desk.sync import PortalState

    started = time.perf_counter()
    now = as_utc(now) if now else now_utc()
    out = _Collector(limit)
    file_check = None
    if db.is_sqlite and db.url.database not in (None, "", ":memory:"):
        file_check = _FileCheck(Path(db.url.database), thorough)
        file_check.start()
    with db.read() as session:
        if not db.is_sqlite:
            # One snapshot for every query, as SQLite's read transaction gives.
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        out.timed("table counts", lambda: _counts(session, out), session)
        out.timed("search table", lambda: _search_table(session, out), session)
        out.timed("token ledger", lambda: _ledger(session, out), session)
        out.timed("guards", lambda: _guards(db, session, out), session)
        out.timed("hash chains", lambda: _chains(session, out), session)
        out.timed("class groups", lambda: _groups(session, out), session)
        out.timed("sync queue", lambda: _outbox(session, out, now, zone, pending_after), session)
        state = None if portal is None else _portal_state(session, portal)
        if portal is None:
            out.notes.append(translate("Check", "No portal database: balances and the last batch on the portal were not compared."))
        elif state is PortalState.NOT_OURS:
            out.notes.append(translate("Check", "The portal database has not been filled by this desk yet: it was not compared."))
        elif state is PortalState.UNFINISHED:
            out.notes.append(translate(
                "Check", "The first full publication to the portal database was interrupted: it was not compared. The next sync finishes it."))
        else:
            out.timed("portal", lambda: (_checkpoint(session, portal, out), _portal_balances(db, session, portal, out)), session)
    if file_check is not None:
        file_check.report(out)
    order = {kind: index for index, kind in enumerate(KINDS)}
    problems = sorted(out.problems, key=lambda p: order.get(p.kind, len(order)))
    totals = {kind: out.totals[kind] for kind in sorted(out.totals, key=lambda k: order.get(k, len(order)))}
    return CheckReport(tuple(problems), totals, dict(out.counts), tuple(out.notes), time.perf_counter() - started,
                       dict(out.timings))
