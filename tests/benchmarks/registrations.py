"""Registrations at scale: the group table and a bulk grant, each against its floor.

    python -m tests.benchmarks.registrations [--students N] [--postgresql URL]

Works on a fresh copy of the search benchmark's 300,000-student demo (built first if missing),
topped up to 500,000 enrollments, on SQLite and, when DESK_TEST_POSTGRESQL_URL or --postgresql
is given, on PostgreSQL. For each it prints:

- opening the group table (limits, counts, teachers, timetable, dedicated seats) of the largest
  registration and of a whole term, against its floor: four hand-written queries (the groups with
  their courses and term, the teachers, the timetable slots, the dedicated seats) giving the same
  rows in the same order, checked
  row by row. The service and the floor take turns; median and p95 of each and their ratio.
  Beside them, the same queries counting each group's enrollments live, what a tool without
  counters does;
- resolving a pasted list of 5,000 student numbers and granting them access in one transaction,
  against its floor: plain SQL resolving the same numbers and writing the same grants, with the
  audit entries (sealed in the audit chain) and portal queue entries a grant writes, by multi-row
  INSERTs (COPY on PostgreSQL). Each turn grants on fresh registrations, the desk's and the floor's
  taking turns; the grants written must be the same and the audit chain whole. Beside them,
  granting the same students one at a time (timed on 200, scaled to 5,000).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import sys
import time
from datetime import time as clock_time
from itertools import count
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from desk import access, groups
from desk.chain import entry_hash
from desk.clock import now_utc
from desk.db import Database, open_database
from desk.demo import reset_sequences
from desk.model import (
    AccessGrant,
    AuditEntry,
    ClassGroup,
    ClassType,
    Enrollment,
    EnrollmentStatus,
    OutboxEntry,
    ProgrammeStatus,
    Registration,
    RegistrationCourse,
    RegistrationKind,
    Student,
    StudentProgramme,
    Term,
)
from desk.staff import actor_for_login
from tests.benchmarks import search
from desk.unit_of_work import UnitOfWork

DATA = search.DATA
ENROLLMENTS_PER_STUDENT = 5 / 3  # 500,000 enrollments at 300,000 students
BULK = 5_000
ONE_BY_ONE = 200
TABLE_REPEAT = 20  # turns of the service and the floor on a registration's group table
TERM_REPEAT = 10  # … on a whole term's
GRANT_REPEAT = 6  # bulk grants of the desk and of the floor, each on a fresh registration
NAIVE_REPEAT = 5
REASON = "benchmark: list from the dean's office"
_codes = count(1)


def _p95(samples: list[float]) -> float:
    return search.p95(samples)


def _timed(function, repeat: int) -> list[float]:
    function()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _summary(desk: list[float], floor: list[float]) -> dict:
    d = dict(median=statistics.median(desk), p95=_p95(desk), runs=len(desk))
    f = dict(median=statistics.median(floor), p95=_p95(floor), runs=len(floor))
    return dict(desk=d, floor=f, ratio_median=d["median"] / f["median"], ratio_p95=d["p95"] / f["p95"])


def _alternate(desk, floor, repeat: int) -> tuple[list[float], list[float]]:
    """Time ``desk`` and ``floor`` taking turns (each first every other time), after one warm-up run of each."""
    desk(), floor()
    desk_samples, floor_samples = [], []
    for turn in range(repeat):
        for name in (("desk", "floor") if turn % 2 == 0 else ("floor", "desk")):
            function, samples = (desk, desk_samples) if name == "desk" else (floor, floor_samples)
            started = time.perf_counter()
            function()
            samples.append((time.perf_counter() - started) * 1000)
    return desk_samples, floor_samples


# --- a fresh copy to work on ---------------------------------------------------------------


def sqlite_copy(students: int, name: str = "registrations") -> str:
    """A fresh copy of the search benchmark's demo database (built first if missing)."""
    source = DATA / f"search-{students // 1000}k.sqlite"
    search.sqlite_database(students, source).dispose()
    target = DATA / f"{name}-{students // 1000}k.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return f"sqlite+pysqlite:///{target}"


def postgresql_copy(students: int, server: str, name: str = "registrations") -> str:
    """A fresh copy, on the server, of the search benchmark's demo database."""
    search.postgresql_database(students, server).dispose()
    url = make_url(server).set(drivername="postgresql+psycopg")
    source, name = f"desk_bench_{students // 1000}k", f"desk_bench_{name}_{students // 1000}k"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{source}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def _top_up(db: Database) -> int:
    """Add imported lecture enrollments of active students up to 500,000 (at 300,000 students)."""
    with db.write() as session:
        have = session.scalar(select(func.count()).select_from(Enrollment))
        students_count = session.scalar(select(func.count()).select_from(Student))
        missing = round(students_count * ENROLLMENTS_PER_STUDENT) - have
        if missing <= 0:
            return have
        term_id = session.scalar(select(Term.id).order_by(Term.starts_on).limit(1))
        lectures = session.execute(
            select(ClassGroup.id, ClassGroup.seat_limit, ClassGroup.enrolled_count)
            .where(ClassGroup.term_id == term_id, ClassGroup.class_type == ClassType.LECTURE)
            .order_by(ClassGroup.id)
        ).all()
        students = session.scalars(
            select(StudentProgramme.student_id).where(StudentProgramme.status == ProgrammeStatus.ACTIVE).order_by(StudentProgramme.student_id)
        ).all()
        taken = set(
            session.execute(
                select(Enrollment.student_id, Enrollment.group_id).where(Enrollment.status == EnrollmentStatus.ACCEPTED)
            ).all()
        )
        rng = random.Random(7)
        rows, added = [], {}
        now = now_utc()
        while len(rows) < missing:
            group_id, limit, count = lectures[rng.randrange(len(lectures))]
            student_id = students[rng.randrange(len(students))]
            if (student_id, group_id) in taken:
                continue
            taken.add((student_id, group_id))
            added[group_id] = added.get(group_id, 0) + 1
            rows.append(dict(student_id=student_id, group_id=group_id, source="import", status="accepted", over_limit=False,
                             created_at=now))
        session.execute(Enrollment.__table__.insert(), rows)
        for group_id, extra in added.items():
            session.execute(
                ClassGroup.__table__.update()
                .where(ClassGroup.id == group_id)
                .values(enrolled_count=ClassGroup.enrolled_count + extra,
                        seat_limit=func.max(ClassGroup.seat_limit, ClassGroup.enrolled_count + extra)
                        if db.is_sqlite else func.greatest(ClassGroup.seat_limit, ClassGroup.enrolled_count + extra))
            )
        return have + len(rows)


# --- 1. the group table ----------------------------------------------------------------------

# The floor: what any program showing this table has to ask the database for. The scope is a
# condition on the groups ``g``: a registration's (the courses it offers, in its term) or a term's.
_REGISTRATION_SCOPE = ("g.term_id = (SELECT term_id FROM registrations WHERE id = :scope) AND g.course_id IN "
                       "(SELECT course_id FROM registration_courses WHERE registration_id = :scope)")
_TERM_SCOPE = "g.term_id = :scope"
_GROUPS_SQL = (
    "SELECT g.id, g.course_id, c.code, c.name, t.code, g.class_type, g.number, g.seat_limit, g.lower_limit, "
    "{enrolled}, g.over_limit_count, c.unit_id "
    "FROM class_groups g JOIN courses c ON c.id = g.course_id JOIN terms t ON t.id = g.term_id{joins} "
    "WHERE {scope}{group_by} ORDER BY c.code, g.class_type, g.number"
)
_TEACHERS_SQL = (
    "SELECT gt.group_id, p.first_name, p.last_name FROM group_teachers gt "
    "JOIN class_groups g ON g.id = gt.group_id JOIN persons p ON p.id = gt.person_id "
    "WHERE {scope} ORDER BY gt.group_id, p.sort_key"
)
_SLOTS_SQL = (
    "SELECT s.group_id, s.weekday, s.starts_at, s.ends_at, s.room, s.building FROM timetable_slots s "
    "JOIN class_groups g ON g.id = s.group_id WHERE {scope} ORDER BY s.group_id, s.weekday, s.starts_at"
)
# The seats dedicated to some students (few groups have any): each share's seats and takers, for its column.
_SHARES_SQL = (
    "SELECT sh.group_id, sh.id, sh.seats, sh.taken FROM seat_shares sh "
    "JOIN class_groups g ON g.id = sh.group_id WHERE {scope} ORDER BY sh.group_id, sh.id"
)
# A tool without counters: each group's accepted enrollments counted as the table opens.
_LIVE_COUNT = dict(
    enrolled="count(e.id)",
    joins=" LEFT JOIN enrollments e ON e.group_id = g.id AND e.status = 'accepted'",
    group_by=" GROUP BY g.id, g.course_id, c.code, c.name, t.code, g.class_type, g.number, g.seat_limit, "
             "g.lower_limit, g.over_limit_count, c.unit_id",
)
_COUNTER = dict(enrolled="g.enrolled_count", joins="", group_by="")


def _as_time(value):
    return clock_time.fromisoformat(value) if isinstance(value, str) else value  # SQLite keeps times as text


def _floor_table(db: Database, scope_sql: str, scope: int, *, live: bool = False) -> list[tuple]:
    """The group table by hand: each group's columns, then its teachers, its slots and its dedicated seats, in the
    table's order."""
    counted = _LIVE_COUNT if live else _COUNTER
    with db.engine.connect() as connection:
        rows = connection.execute(text(_GROUPS_SQL.format(scope=scope_sql, **counted)), {"scope": scope}).all()
        teachers: dict[int, list[str]] = {}
        for group_id, first, last in connection.execute(text(_TEACHERS_SQL.format(scope=scope_sql)), {"scope": scope}):
            teachers.setdefault(group_id, []).append(f"{first} {last}")
        slots: dict[int, list[tuple]] = {}
        for group_id, weekday, starts, ends, room, building in connection.execute(
            text(_SLOTS_SQL.format(scope=scope_sql)), {"scope": scope}
        ):
            slots.setdefault(group_id, []).append((weekday, _as_time(starts), _as_time(ends), room, building))
        shares: dict[int, list[tuple]] = {}
        for group_id, share_id, seats, taken in connection.execute(text(_SHARES_SQL.format(scope=scope_sql)),
                                                                   {"scope": scope}):
            shares.setdefault(group_id, []).append((share_id, seats, taken))
    return [(*row, tuple(teachers.get(row[0], ())), tuple(slots.get(row[0], ())), tuple(shares.get(row[0], ())))
            for row in rows]


def _service_rows(lines: list[groups.GroupLine]) -> list[tuple]:
    """The service's lines as the floor's tuples: every field the table shows, in the same order."""
    return [
        (line.id, line.course_id, line.course_code, line.course_name, line.term_code, line.class_type.value, line.number,
         line.seat_limit, line.lower_limit, line.enrolled, line.over_limit_count, line.unit_id, line.teachers,
         tuple((s.weekday, s.starts_at, s.ends_at, s.room, s.building) for s in line.slots),
         tuple((s.id, s.seats, s.taken) for s in line.shares))
        for line in lines
    ]


def _same_table(what: str, service: list[tuple], floor: list[tuple]) -> None:
    if service == floor:
        return
    if len(service) != len(floor):
        raise SystemExit(f"group table of {what}: the service shows {len(service)} groups, the floor {len(floor)}")
    index = next(i for i, (a, b) in enumerate(zip(service, floor)) if a != b)
    raise SystemExit(f"group table of {what}, row {index}: the service shows {service[index]}, the floor {floor[index]}")


def _table_turns(db: Database, actor, what: str, scope: groups.GroupScope, scope_sql: str, scope_id: int,
                 repeat: int) -> dict:
    service = lambda: groups.list_groups(UnitOfWork(db, actor), scope)  # noqa: E731
    floor = lambda: _floor_table(db, scope_sql, scope_id)  # noqa: E731
    expected = _service_rows(service())
    _same_table(what, expected, floor())
    desk_samples, floor_samples = _alternate(service, floor, repeat)
    return dict(groups=len(expected), **_summary(desk_samples, floor_samples))


def group_table(db: Database, actor) -> dict:
    with db.read() as session:
        largest = session.execute(
            select(Registration.id, Registration.code, Registration.term_id, func.count(ClassGroup.id).label("n"))
            .join(RegistrationCourse, RegistrationCourse.registration_id == Registration.id)
            .join(ClassGroup, (ClassGroup.course_id == RegistrationCourse.course_id) & (ClassGroup.term_id == Registration.term_id))
            .group_by(Registration.id, Registration.code, Registration.term_id)
            .order_by(func.count(ClassGroup.id).desc())
            .limit(1)
        ).one()
    registration = _table_turns(db, actor, largest.code, groups.GroupScope(registration_id=largest.id), _REGISTRATION_SCOPE,
                                largest.id, TABLE_REPEAT)
    term = _table_turns(db, actor, "the whole term", groups.GroupScope(term_id=largest.term_id), _TERM_SCOPE,
                        largest.term_id, TERM_REPEAT)
    # Counting live gives the same table where the counters are right: checked, then timed.
    expected = _service_rows(groups.list_groups(UnitOfWork(db, actor), groups.GroupScope(registration_id=largest.id)))
    _same_table(f"{largest.code}, counted live", expected, _floor_table(db, _REGISTRATION_SCOPE, largest.id, live=True))
    naive = _timed(lambda: _floor_table(db, _REGISTRATION_SCOPE, largest.id, live=True), NAIVE_REPEAT)
    return dict(registration_code=largest.code, registration=registration, term=term,
                naive=dict(median=statistics.median(naive), p95=_p95(naive), runs=len(naive)))


# --- 2. a bulk grant -------------------------------------------------------------------------


def _fresh_registration(db: Database, template_id: int) -> int:
    """A new registration like the template (unit, term, kind, token type), no decisions yet: a grant's fresh target."""
    with db.write() as session:
        template = session.get(Registration, template_id)
        registration = Registration(
            code=f"BENCH-GR-{int(time.time())}-{next(_codes)}", name="Benchmark: bulk grant", unit_id=template.unit_id,
            term_id=template.term_id, kind=template.kind, token_type_id=template.token_type_id,
            selection_limit=template.selection_limit, entitled_only=template.entitled_only,
        )
        session.add(registration)
        session.flush()
        return registration.id


_NUMBER_SEPARATORS = re.compile(r"[\s,;]+")
_ROWS_PER_INSERT = 1000


def _insert_rows(connection, table: str, columns: tuple[str, ...], rows: list[tuple], sqlite: bool) -> None:
    """Rows given with their ids, through the driver (no per-row work by SQLAlchemy): multi-row INSERTs on SQLite,
    COPY on PostgreSQL (a statement of thousands of parameters costs more to prepare there than COPY to stream)."""
    names = ", ".join(f'"{c}"' for c in columns)
    if not sqlite:
        with connection.connection.dbapi_connection.cursor() as cursor:
            with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        return
    one = "(" + ", ".join(["?"] * len(columns)) + ")"
    head = f"INSERT INTO {table} ({names}) VALUES "
    for start in range(0, len(rows), _ROWS_PER_INSERT):
        part = rows[start:start + _ROWS_PER_INSERT]
        connection.exec_driver_sql(head + ", ".join([one] * len(part)), tuple(v for row in part for v in row))


def _new_ids(connection, table: str, n: int, sqlite: bool) -> range | list[int]:
    if sqlite:  # under the write lock taken at BEGIN IMMEDIATE
        top = connection.exec_driver_sql(f"SELECT max(id) FROM {table}").scalar() or 0
        return range(top + 1, top + 1 + n)
    return sorted(connection.exec_driver_sql(
        f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, {int(n)})").scalars())


_AUDIT_COLUMNS = ("id", "at", "staff_id", "job", "action", "entity", "entity_id", "student_id", "before", "after", "reason",
                  "reason_message", "chain_hash", "change_set_id")
_QUEUE_COLUMNS = ("entity", "entity_id", "operation", "student_id", "payload", "created_at", "staff_id")


def floor_resolve(db: Database, pasted: str) -> list[tuple[int, str, str]]:
    """The pasted numbers (each once, in the order given) resolved to students with their names, by plain SQL."""
    numbers = [n for n in dict.fromkeys(t.strip("\"'") for t in _NUMBER_SEPARATORS.split(pasted)) if n.isdigit()]
    sql = ("SELECT s.student_number, s.id, p.first_name, p.last_name FROM students s "
           "JOIN persons p ON p.id = s.person_id WHERE s.student_number ")
    found = {}
    with db.engine.connect() as connection:
        for start in range(0, len(numbers), 5000):
            chunk = numbers[start:start + 5000]
            if db.is_sqlite:
                rows = connection.exec_driver_sql(sql + "IN (" + ", ".join(["?"] * len(chunk)) + ")", tuple(chunk))
            else:  # one array parameter: thousands of them cost more to prepare than the lookup
                rows = connection.exec_driver_sql(sql + "= ANY(%s)", (chunk,))
            for number, student_id, first, last in rows:
                found[number] = (student_id, number, f"{first} {last}")
    return [found[n] for n in numbers if n in found]


def floor_grant(db: Database, staff_id: int, registration_id: int, student_ids: list[int], reason: str) -> int:
    """Grant access by plain SQL in one transaction: a standing decision withdrawn, the grants, their audit entries
    (sealed in the audit chain) and portal queue entries, written with their ids given (see _insert_rows)."""
    sqlite = db.is_sqlite
    now = now_utc()
    stored_now = now.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f") if sqlite else now
    payload = {"registration_id": registration_id, "decision": "grant", "valid_until": None}
    payload_json = json.dumps(payload)
    with db.engine.execution_options(desk_write=True).begin() as connection:
        withdraw = ("UPDATE access_grants SET withdrawn_at = {m}, withdrawn_by_id = {m} WHERE registration_id = {m} "
                    "AND withdrawn_at IS NULL AND (valid_until IS NULL OR valid_until > {m}) AND student_id {students} "
                    "RETURNING id, student_id, decision")
        replaced = []
        for start in range(0, len(student_ids), 5000):
            chunk = student_ids[start:start + 5000]
            if sqlite:
                statement = withdraw.format(m="?", students="IN (" + ", ".join(["?"] * len(chunk)) + ")")
                replaced += connection.exec_driver_sql(statement, (stored_now, staff_id, registration_id, stored_now, *chunk)).all()
            else:
                statement = withdraw.format(m="%s", students="= ANY(%s)")
                replaced += connection.exec_driver_sql(statement, (now, staff_id, registration_id, now, chunk)).all()
        grant_ids = _new_ids(connection, "access_grants", len(student_ids), sqlite)
        _insert_rows(connection, "access_grants",
                     ("id", "registration_id", "student_id", "decision", "reason", "granted_by_id", "granted_at"),
                     [(gid, registration_id, sid, "grant", reason, staff_id, stored_now)
                      for gid, sid in zip(grant_ids, student_ids)], sqlite)
        # The audit entries: those replaced first, then the grants, as the desk records them.
        withdrawn = {"registration_id": registration_id, "withdrawn_at": now.isoformat()}
        entries = [("access.replace", gid, sid, {"decision": old}, withdrawn) for gid, sid, old in replaced]
        entries += [("access.grant", gid, sid, None, payload) for gid, sid in zip(grant_ids, student_ids)]
        if not sqlite:
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(%s)", (0x6465736B,))  # the chains' lock
        previous = connection.exec_driver_sql("SELECT chain_hash FROM audit_log ORDER BY id DESC LIMIT 1").scalar()
        audit_ids = _new_ids(connection, "audit_log", len(entries), sqlite)
        audit_rows, queue_rows = [], []
        for audit_id, (action, gid, sid, before, after) in zip(audit_ids, entries):
            previous = entry_hash("audit_log", previous, {
                "at": now, "staff_id": staff_id, "job": None, "action": action, "entity": "access_grant", "entity_id": gid,
                "student_id": sid, "before": before, "after": after, "reason": reason, "reason_message": None})
            after_json = payload_json if after is payload else json.dumps(after)
            audit_rows.append((audit_id, stored_now, staff_id, None, action, "access_grant", gid, sid,
                               json.dumps(before), after_json, reason, "null", previous, None))
            queue_rows.append(("access_grant", gid, "upsert", sid, after_json, stored_now, staff_id))
        _insert_rows(connection, "audit_log", _AUDIT_COLUMNS, audit_rows, sqlite)
        _insert_rows(connection, "sync_outbox", _QUEUE_COLUMNS, queue_rows, sqlite)
    return len(grant_ids)


def _granted(db: Database, registration_id: int, audit_before: int, queue_before: int) -> tuple[set, int, int]:
    """A registration's grants (all but their ids and times), and how many of the audit and queue entries written
    since the benchmark began name them (matched here: the planner's statistics predate those rows)."""
    with db.read() as session:
        rows = set(session.execute(
            select(AccessGrant.student_id, AccessGrant.decision, AccessGrant.reason, AccessGrant.granted_by_id,
                   AccessGrant.valid_until, AccessGrant.withdrawn_at).where(AccessGrant.registration_id == registration_id)
        ).all())
        ids = set(session.scalars(select(AccessGrant.id).where(AccessGrant.registration_id == registration_id)))
        audited = sum(entity_id in ids for entity_id in session.scalars(
            select(AuditEntry.entity_id).where(AuditEntry.id > audit_before, AuditEntry.entity == "access_grant")))
        queued = sum(entity_id in ids for entity_id in session.scalars(
            select(OutboxEntry.entity_id).where(OutboxEntry.id > queue_before, OutboxEntry.entity == "access_grant")))
    return rows, audited, queued


def _chain_whole(db: Database, after_id: int) -> int:
    """Check the audit chain from the entry after ``after_id`` on (each hash follows from its content and its
    predecessor's); how many entries were checked."""
    columns = [AuditEntry.__table__.c[name] for name in ("id", "at", "staff_id", "job", "action", "entity", "entity_id",
                                                         "student_id", "before", "after", "reason", "reason_message",
                                                         "chain_hash")]
    with db.read() as session:
        previous = session.scalar(select(AuditEntry.chain_hash).where(AuditEntry.id <= after_id)
                                  .order_by(AuditEntry.id.desc()).limit(1))
        checked = 0
        for row in session.execute(select(*columns).where(AuditEntry.id > after_id).order_by(AuditEntry.id)).mappings():
            expected = entry_hash("audit_log", previous, row)
            if row["chain_hash"] != expected:
                raise SystemExit(f"the audit chain is broken at entry {row['id']}")
            previous = row["chain_hash"]
            checked += 1
    return checked


def bulk_grant(db: Database, actor) -> dict:
    with db.read() as session:
        template_id = session.scalar(
            select(Registration.id).where(Registration.kind == RegistrationKind.TOKEN).order_by(Registration.id.desc()).limit(1)
        )
        numbers = session.scalars(
            select(Student.student_number)
            .where(Student.id.in_(select(StudentProgramme.student_id).where(StudentProgramme.status == ProgrammeStatus.ACTIVE)))
            .order_by(Student.id)
            .limit(BULK + ONE_BY_ONE)
        ).all()
        audit_before = session.scalar(select(func.max(AuditEntry.id))) or 0
        queue_before = session.scalar(select(func.max(OutboxEntry.id))) or 0
    pasted = "\n".join(numbers[:BULK])
    samples = {key: [] for key in ("desk_resolve", "desk_grant", "desk", "floor_resolve", "floor_grant", "floor")}

    def desk_turn() -> tuple[int, list[int]]:
        registration_id = _fresh_registration(db, template_id)
        started = time.perf_counter()
        report = access.resolve_student_numbers(UnitOfWork(db, actor), registration_id, pasted)
        resolved = time.perf_counter()
        result = access.grant_access(UnitOfWork(db, actor), registration_id, report.student_ids, reason=REASON)
        done = time.perf_counter()
        samples["desk_resolve"].append(resolved - started)
        samples["desk_grant"].append(done - resolved)
        samples["desk"].append(done - started)
        assert result.applied == len(report.student_ids) and not result.replaced, result
        return registration_id, report.student_ids

    def floor_turn() -> tuple[int, list[int]]:
        registration_id = _fresh_registration(db, template_id)
        started = time.perf_counter()
        found = floor_resolve(db, pasted)
        resolved = time.perf_counter()
        floor_grant(db, actor.id, registration_id, [student_id for student_id, _n, _name in found], REASON)
        done = time.perf_counter()
        samples["floor_resolve"].append(resolved - started)
        samples["floor_grant"].append(done - resolved)
        samples["floor"].append(done - started)
        return registration_id, [student_id for student_id, _n, _name in found]

    for turn in range(GRANT_REPEAT):
        order = (desk_turn, floor_turn) if turn % 2 == 0 else (floor_turn, desk_turn)
        outcomes = {function: function() for function in order}
        (desk_registration, desk_ids), (floor_registration, floor_ids) = outcomes[desk_turn], outcomes[floor_turn]
        if desk_ids != floor_ids:
            raise SystemExit("the floor resolved the pasted numbers to other students than the desk")
        desk_rows, desk_audited, desk_queued = _granted(db, desk_registration, audit_before, queue_before)
        floor_rows, floor_audited, floor_queued = _granted(db, floor_registration, audit_before, queue_before)
        if desk_rows != floor_rows or (desk_audited, desk_queued) != (floor_audited, floor_queued) \
                or len(desk_rows) != len(desk_ids) or desk_audited != len(desk_ids) or desk_queued != len(desk_ids):
            raise SystemExit(f"the floor's grants differ from the desk's: {len(desk_rows)} grants, {desk_audited} audited, "
                             f"{desk_queued} queued at the desk; {len(floor_rows)}, {floor_audited}, {floor_queued} by the floor")
    chained = _chain_whole(db, audit_before)

    registration_id = _fresh_registration(db, template_id)
    singles = access.resolve_student_numbers(UnitOfWork(db, actor), registration_id, "\n".join(numbers[BULK:])).student_ids
    started = time.perf_counter()
    for student_id in singles:
        access.grant_access(UnitOfWork(db, actor), registration_id, [student_id], reason="benchmark: one at a time")
    one_each = (time.perf_counter() - started) / len(singles)
    milliseconds = {key: [s * 1000 for s in values] for key, values in samples.items()}
    return dict(
        students=len(desk_ids), audit_entries_checked=chained,
        total=_summary(milliseconds["desk"], milliseconds["floor"]),
        resolve=_summary(milliseconds["desk_resolve"], milliseconds["floor_resolve"]),
        grant=_summary(milliseconds["desk_grant"], milliseconds["floor_grant"]),
        one_at_a_time_s=one_each * BULK, per_student_ms=one_each * 1000,
    )


def measure(url: str) -> dict:
    db = open_database(url).database
    if not db.is_sqlite:
        reset_sequences(db)  # copies of a demo built before sequences were moved past the loaded ids
    enrollments = _top_up(db)
    actor = actor_for_login(db, "admin")
    with db.read() as session:
        counts = dict(
            students=session.scalar(select(func.count()).select_from(Student)),
            groups=session.scalar(select(func.count()).select_from(ClassGroup)),
            enrollments=enrollments,
        )
    result = dict(scale=counts, group_table=group_table(db, actor), bulk_grant=bulk_grant(db, actor))
    db.dispose()
    return result


def _line(what: str, r: dict, unit: str = "ms", digits: int = 1) -> str:
    d, f = r["desk"], r["floor"]
    return (f"{what}: desk {d['median']:.{digits}f}/{d['p95']:.{digits}f} {unit}, floor {f['median']:.{digits}f}/"
            f"{f['p95']:.{digits}f} {unit} (median/p95 of {d['runs']} turns each); desk/floor {r['ratio_median']:.2f}x "
            f"median, {r['ratio_p95']:.2f}x p95")


def _print(title: str, r: dict) -> None:
    s, g, b = r["scale"], r["group_table"], r["bulk_grant"]
    print(f"\n{title}: {s['students']:,} students, {s['groups']:,} groups, {s['enrollments']:,} enrollments")
    reg, term, naive = g["registration"], g["term"], g["naive"]
    print(_line(f"group table of {g['registration_code']} ({reg['groups']} groups)", reg, digits=2) + ", the same rows")
    print(f"  counting enrollments live instead: {naive['median']:.1f}/{naive['p95']:.1f} ms "
          f"({naive['median'] / reg['desk']['median']:.1f}x the desk)")
    print(_line(f"group table of the whole term ({term['groups']:,} groups)", term) + ", the same rows")
    print(_line(f"bulk grant to {b['students']:,} students, resolve + grant", b["total"]) + ", the same grants")
    print("  " + _line("resolve", b["resolve"]))
    print("  " + _line("grant", b["grant"]))
    print(f"  audit chain whole over the {b['audit_entries_checked']:,} entries written; one at a time: "
          f"{b['per_student_ms']:.1f} ms each, {b['one_at_a_time_s']:.1f} s for {BULK:,} "
          f"({b['one_at_a_time_s'] * 1000 / b['total']['desk']['median']:.0f}x the bulk grant)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=300_000)
    parser.add_argument("--postgresql", default=os.environ.get("DESK_TEST_POSTGRESQL_URL"), help="server URL")
    parser.add_argument("--skip-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--name", default="registrations", help="name of the working copies (runs side by side)")
    args = parser.parse_args(argv)
    results = {}
    if not args.skip_sqlite:
        results["sqlite"] = measure(sqlite_copy(args.students, args.name))
        _print("SQLite", results["sqlite"])
    if args.postgresql:
        results["postgresql"] = measure(postgresql_copy(args.students, args.postgresql, args.name))
        _print("PostgreSQL", results["postgresql"])
    DATA.mkdir(exist_ok=True)
    named = "" if args.name == "registrations" else f"-{args.name}"
    (DATA / f"registrations{named}-results.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
