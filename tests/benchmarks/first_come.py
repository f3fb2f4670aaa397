"""First come, first served: students registering on the portal, against a plain-SQL floor doing the same work.

    python -m tests.benchmarks.first_come [--students N] [--rounds R] [--postgresql URL] [--skip-sqlite]

Works on a fresh copy of the search benchmark's 300,000-student demo (built first if missing), on
SQLite and, when DESK_TEST_POSTGRESQL_URL or --postgresql is given, on PostgreSQL. Each run opens a
registration of its own, now, in a term of its own, offering 200 fresh groups of 60 places (so some fill
up and refuse), each with a weekly slot (30 different times: a student's tries may clash), with a
selection limit of 3 courses, and 1 or 16 worker processes make the same attempts: each of
5,000 students tries to register in 3 groups (a few try one twice, a few are not admitted).

- desk: ``enrollment.register_from_portal`` for each attempt, as the portal's actions arrive;
- the floor: hand-written SQL a competent engineer would write for the same outcome, in one
  transaction per attempt: one query for every condition (round open, admitted, offered, same
  slot, timetable clash, selection limit), the conditional seat update, the enrollment, the audit entry sealed in
  the hash chain, and the queued change for the portal.

Desk and floor take turns (1 worker, then 16, for each round) and must end with the same
outcome: the same students in the same groups (by position) when one worker decides, the same
number of enrollments per group and no over-booking when 16 race, every enrollment audited and
queued once, and the chain intact. Printed: registrations per second, and each attempt's latency
(median and p95), desk against floor, and every "database is locked" an attempt met.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import sys
import time
from datetime import time as clock, timedelta

from sqlalchemy import bindparam, func, select, text

from desk import enrollment
from desk.chain import CHAINED_COLUMNS, entry_hash, hashed_in_order
from desk.clock import now_utc
from desk.db import Database, make_engine, open_database
from desk.demo import reset_sequences
from desk.enrollment import EnrollmentAction, EnrollmentRefused
from desk.errors import DatabaseBusy
from desk.model import (
    AccessDecision,
    AccessGrant,
    AuditEntry,
    ClassGroup,
    ClassType,
    Course,
    Enrollment,
    EnrollmentStatus,
    OutboxEntry,
    ProgrammeStatus,
    Registration,
    RegistrationCourse,
    RegistrationKind,
    Round,
    RoundStatus,
    StudentProgramme,
    Term,
    TimetableSlot,
    UTCDateTime,
)
from desk.unit_of_work import SystemJob, UnitOfWork
from tests.benchmarks import registrations, search

DATA = search.DATA
GROUPS = 200
SEATS = 60
SELECTION_LIMIT = 3
STUDENTS = 5_000
TRIES = 3  # groups each student tries
WORKERS = 16
REVOKED_EVERY = 97  # one student in so many is not admitted (a standing revocation)
TWICE_EVERY = 53  # one student in so many tries the same group twice


def p95(samples: list[float]) -> float:
    return search.p95(samples)


# --- a registration to race for ------------------------------------------------------------


def _students(db: Database, runs: int) -> list[list[int]]:
    """Other students for each run (a student's earlier enrollments are facts the rules read), as many as
    the database has for each, at most STUDENTS."""
    with db.read() as session:
        active = list(dict.fromkeys(session.scalars(
            select(StudentProgramme.student_id).where(StudentProgramme.status == ProgrammeStatus.ACTIVE)
            .order_by(StudentProgramme.student_id))))
    each = min(STUDENTS, len(active) // runs)
    return [active[i * each:(i + 1) * each] for i in range(runs)]


def _open_registration(db: Database, label: str, students: list[int]) -> tuple[int, list[int]]:
    """A first-come registration open now, with its own 200 groups; a few students revoked."""
    now = now_utc()
    with db.write() as session:
        # A term of the run's own: a student's groups of another run (or of the demo) never clash with this one's,
        # so desk and floor, run one after the other on the same students, meet the same timetable.
        first = session.scalars(select(Term).order_by(Term.starts_on).limit(1)).one()
        stamp = int(now.timestamp() * 1000) % 10**9
        term = Term(code=f"B{stamp}", name=f"First come: {label}", starts_on=first.starts_on, ends_on=first.ends_on)
        session.add(term)
        session.flush()
        unit_id = session.scalar(select(Course.unit_id).limit(1))
        registration = Registration(
            code=f"FCFS-{label}-{stamp}", name=f"First come: {label}", unit_id=unit_id,
            term_id=term.id, kind=RegistrationKind.DIRECT, selection_limit=SELECTION_LIMIT, entitled_only=False,
        )
        session.add(registration)
        session.flush()
        session.add(Round(registration_id=registration.id, name="Round 1", starts_at=now - timedelta(hours=1),
                          ends_at=now + timedelta(days=1), status=RoundStatus.ACTIVE, unregister_allowed=True))
        courses = [Course(code=f"{registration.code}-{index:03d}", name=f"Course {index}", unit_id=unit_id)
                   for index in range(GROUPS)]
        session.add_all(courses)
        session.flush()
        session.add_all([RegistrationCourse(registration_id=registration.id, course_id=c.id) for c in courses])
        groups = [ClassGroup(course_id=c.id, term_id=term.id, class_type=ClassType.CLASS, number=1, seat_limit=SEATS,
                             lower_limit=0, enrolled_count=0, over_limit_count=0) for c in courses]
        session.add_all(groups)
        session.flush()
        # A weekly slot each, spread over the week's mornings and afternoons: a student's tries may clash with each
        # other or with the groups they hold in the term, and are refused for it, by the desk and the floor alike.
        session.add_all([TimetableSlot(group_id=g.id, weekday=1 + index % 5, starts_at=clock(8 + 2 * (index // 5 % 6), 0),
                                       ends_at=clock(9 + 2 * (index // 5 % 6), 30)) for index, g in enumerate(groups)])
        session.add_all([
            AccessGrant(registration_id=registration.id, student_id=student_id, decision=AccessDecision.REVOKE,
                        reason="benchmark", granted_at=now - timedelta(hours=2))
            for student_id in students[::REVOKED_EVERY]
        ])
        session.flush()
        return registration.id, [g.id for g in groups]


def _attempts(students: list[int], seed: int) -> list[tuple[int, int]]:
    """(student, group position) in the order they arrive: each student's tries one after another."""
    rng = random.Random(seed)
    attempts = []
    for index, student_id in enumerate(students):
        positions = rng.sample(range(GROUPS), TRIES)
        if index % TWICE_EVERY == 0:
            positions.append(positions[0])
        attempts += [(student_id, p) for p in positions]
    return attempts


# --- desk and floor, one attempt each ------------------------------------------------------


def _desk(db: Database, registration_id: int, groups: list[int]):
    def attempt(student_id: int, position: int) -> str:
        try:
            enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), student_id, groups[position], registration_id)
            return "in"
        except EnrollmentRefused:
            return "refused"
    return attempt


_CHECKS = """
SELECT
  (SELECT count(*) FROM rounds WHERE registration_id = :r AND starts_at <= :now AND ends_at > :now) AS round_open,
  (SELECT count(*) FROM student_programmes WHERE student_id = :s AND status = 'active') AS active,
  (SELECT count(*) FROM access_grants WHERE registration_id = :r AND student_id = :s AND decision = 'revoke'
     AND withdrawn_at IS NULL AND (valid_until IS NULL OR valid_until > :now)) AS revoked,
  (SELECT count(*) FROM registration_courses rc JOIN class_groups g ON g.course_id = rc.course_id
     JOIN registrations reg ON reg.id = rc.registration_id
     WHERE rc.registration_id = :r AND g.id = :g AND g.term_id = reg.term_id) AS offered,
  (SELECT count(*) FROM enrollments e JOIN class_groups h ON h.id = e.group_id JOIN class_groups g ON g.id = :g
     WHERE e.student_id = :s AND e.status = 'accepted' AND h.course_id = g.course_id AND h.term_id = g.term_id
       AND h.class_type = g.class_type) AS same_slot,
  (SELECT count(DISTINCT h.course_id) FROM enrollments e JOIN class_groups h ON h.id = e.group_id
     WHERE e.student_id = :s AND e.status = 'accepted' AND e.registration_id = :r) AS courses_taken,
  (SELECT selection_limit FROM registrations WHERE id = :r) AS selection_limit,
  (SELECT count(*) FROM timetable_slots t JOIN class_groups g ON g.id = t.group_id
     JOIN timetable_slots o ON o.weekday = t.weekday AND o.starts_at < t.ends_at AND t.starts_at < o.ends_at
     JOIN enrollments e ON e.group_id = o.group_id AND e.student_id = :s AND e.status = 'accepted'
     JOIN class_groups h ON h.id = e.group_id
     WHERE t.group_id = :g AND h.term_id = g.term_id AND h.id <> g.id) AS clashes
"""


def _floor(db: Database, registration_id: int, groups: list[int]):
    """The same attempt in plain SQL: one query for the conditions, then the four writes, sealed."""
    postgresql = not db.is_sqlite
    engine = db.engine.execution_options(desk_write=True)  # BEGIN IMMEDIATE on SQLite, as desk's writes
    connection = engine.connect()
    checks = text(_CHECKS).bindparams(bindparam("now", type_=UTCDateTime()))
    enroll = text("INSERT INTO enrollments (student_id, group_id, registration_id, source, status, over_limit, created_at) "
                  "VALUES (:s, :g, :r, 'portal', 'accepted', false, :now) RETURNING id").bindparams(
        bindparam("now", type_=UTCDateTime()))
    audit = text("INSERT INTO audit_log (id, at, job, action, entity, entity_id, student_id, after, chain_hash) "
                 "VALUES (:id, :now, 'portal', :action, 'enrollment', :e, :s, :after, :hash)").bindparams(
        bindparam("now", type_=UTCDateTime()))
    queue = text("INSERT INTO sync_outbox (entity, entity_id, operation, student_id, payload, created_at) "
                 "VALUES ('enrollment', :e, 'upsert', :s, :after, :now)").bindparams(bindparam("now", type_=UTCDateTime()))

    def attempt(student_id: int, position: int) -> str:
        group_id = groups[position]
        now = now_utc()
        with db.writers_turn(), connection.begin():  # desk's writers' queue (SQLite), as desk's writes
            if postgresql:
                connection.execute(text("SELECT id FROM students WHERE id = :s FOR UPDATE"), {"s": student_id})
            c = connection.execute(checks, {"r": registration_id, "s": student_id, "g": group_id, "now": now}).one()
            if not (c.round_open and c.active and not c.revoked and c.offered and not c.same_slot and not c.clashes
                    and (c.selection_limit is None or c.courses_taken < c.selection_limit)):
                return "refused"
            taken = connection.execute(text(
                "UPDATE class_groups SET enrolled_count = enrolled_count + 1 "
                "WHERE id = :g AND enrolled_count < seat_limit RETURNING enrolled_count"), {"g": group_id}).first()
            if taken is None:
                return "refused"
            enrollment_id = connection.execute(enroll, {"s": student_id, "g": group_id, "r": registration_id, "now": now}).scalar()
            after = {"group_id": group_id, "status": "accepted", "source": "portal", "over_limit": False,
                     "registration_id": registration_id}
            if postgresql:
                connection.execute(text("SELECT pg_advisory_xact_lock(1684370283)"))
                last = connection.execute(text("SELECT chain_hash FROM audit_log ORDER BY id DESC LIMIT 1")).scalar()
                new_id = connection.execute(text("SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))")).scalar()
            else:
                row = connection.execute(text("SELECT id, chain_hash FROM audit_log ORDER BY id DESC LIMIT 1")).first()
                last, new_id = (row.chain_hash, row.id + 1) if row else (None, 1)
            values = {"at": now, "staff_id": None, "job": "portal", "action": EnrollmentAction.PORTAL_REGISTER.value,
                      "entity": "enrollment", "entity_id": enrollment_id, "student_id": student_id, "before": None,
                      "after": after, "reason": None, "reason_message": None}
            payload = json.dumps(after)
            connection.execute(audit, {"id": new_id, "now": now, "action": EnrollmentAction.PORTAL_REGISTER.value,
                                       "e": enrollment_id, "s": student_id, "after": payload,
                                       "hash": entry_hash("audit_log", last, values)})
            connection.execute(queue, {"e": enrollment_id, "s": student_id, "after": payload, "now": now})
            return "in"
    return attempt


def _worker(kind: str, url: str, registration_id: int, groups: list[int], attempts, barrier, results) -> None:
    db = Database(make_engine(url))
    attempt = (_desk if kind == "desk" else _floor)(db, registration_id, groups)
    outcomes, latencies, busy = [], [], 0
    barrier.wait()
    for student_id, position in attempts:
        started = time.perf_counter()
        try:
            outcome = attempt(student_id, position)
        except DatabaseBusy:
            outcome, busy = "busy", busy + 1
        except Exception as error:  # the floor's driver errors: a lock that ran out
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            outcome, busy = "busy", busy + 1
        latencies.append((time.perf_counter() - started) * 1000)
        outcomes.append((student_id, position, outcome))
    results.put((outcomes, latencies, busy))
    db.dispose()


def _run(kind: str, url: str, workers: int, students: list[int], seed: int) -> dict:
    db = Database(make_engine(url))
    registration_id, groups = _open_registration(db, f"{kind}{workers}", students)
    audit_before = _max_id(db, AuditEntry)
    db.dispose()
    slices = [students[i::workers] for i in range(workers)]
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(workers + 1)
    results = context.Queue()
    processes = [context.Process(target=_worker, args=(kind, url, registration_id, groups, _attempts(chunk, seed + i),
                                                       barrier, results)) for i, chunk in enumerate(slices)]
    for process in processes:
        process.start()
    barrier.wait()
    started = time.perf_counter()
    got = [results.get(timeout=3600) for _ in processes]
    wall = time.perf_counter() - started
    for process in processes:
        process.join()
    outcomes = [o for g in got for o in g[0]]
    latencies = [ms for g in got for ms in g[1]]
    accepted = sum(1 for o in outcomes if o[2] == "in")
    db = Database(make_engine(url))
    state = _state(db, registration_id, groups, audit_before)
    db.dispose()
    assert state["enrolled"] == accepted, f"{kind}: {accepted} accepted, {state['enrolled']} enrollments"
    return dict(kind=kind, workers=workers, attempts=len(outcomes), accepted=accepted,
                busy=sum(g[2] for g in got), seconds=wall, per_second=accepted / wall,
                median_ms=statistics.median(latencies), p95_ms=p95(latencies),
                outcomes=sorted(outcomes) if workers == 1 else None, state=state)


def _max_id(db: Database, model) -> int:
    with db.read() as session:
        return session.scalar(select(func.max(model.id))) or 0


def _state(db: Database, registration_id: int, groups: list[int], audit_before: int) -> dict:
    """What the run left: places taken per group (by position), checked against rows, audit and queue."""
    with db.read() as session:
        counters = dict(session.execute(select(ClassGroup.id, ClassGroup.enrolled_count).where(ClassGroup.id.in_(groups))).all())
        rows = dict(session.execute(
            select(Enrollment.group_id, func.count()).where(Enrollment.registration_id == registration_id,
                                                            Enrollment.status == EnrollmentStatus.ACCEPTED)
            .group_by(Enrollment.group_id)).all())
        enrollment_ids = set(session.scalars(select(Enrollment.id).where(Enrollment.registration_id == registration_id)))
        lowest = min(enrollment_ids, default=0)
        audited = [e for e in session.scalars(select(AuditEntry.entity_id).where(
            AuditEntry.id > audit_before, AuditEntry.entity == "enrollment",
            AuditEntry.action == EnrollmentAction.PORTAL_REGISTER.value)) if e in enrollment_ids]
        queued = [e for e in session.scalars(select(OutboxEntry.entity_id).where(
            OutboxEntry.entity == "enrollment", OutboxEntry.entity_id >= lowest)) if e in enrollment_ids]
        chain = session.scalars(select(AuditEntry).where(AuditEntry.id >= audit_before).order_by(AuditEntry.id)).all()
        recomputed = hashed_in_order("audit_log", ({"id": e.id, **{name: getattr(e, name) for name in CHAINED_COLUMNS["audit_log"]}}
                                                   for e in chain[1:]), chain[0].chain_hash if chain else None)
    assert all(h == e.chain_hash for (_, h), e in zip(recomputed, chain[1:])), "the audit chain is broken"
    assert all(counters[g] == rows.get(g, 0) <= SEATS for g in groups), "counters and enrollments disagree"
    assert sorted(audited) == sorted(enrollment_ids) == sorted(queued), "an enrollment not audited or queued once"
    return dict(enrolled=len(enrollment_ids), per_group=[counters[g] for g in groups])


# --- the run -------------------------------------------------------------------------------


def measure(url: str, rounds: int) -> dict:
    db = open_database(url).database
    if not db.is_sqlite:
        reset_sequences(db)
    registrations._top_up(db)
    cohorts = iter(_students(db, rounds * 4))
    db.dispose()
    runs: dict[tuple[str, int], list[dict]] = {}
    for round_number in range(rounds):
        for workers in (1, WORKERS):
            pair = {}
            students = next(cohorts)  # the same students for desk and floor: the same attempts
            for kind in ("desk", "floor") if round_number % 2 == 0 else ("floor", "desk"):
                pair[kind] = _run(kind, url, workers, students, seed=round_number * 1000 + workers)
                runs.setdefault((kind, workers), []).append(pair[kind])
            desk, floor = pair["desk"], pair["floor"]
            if workers == 1:
                assert desk["outcomes"] == floor["outcomes"], "desk and floor decided differently"
    summary = {}
    for workers in (1, WORKERS):
        d, f = runs[("desk", workers)], runs[("floor", workers)]
        summary[workers] = dict(
            desk_per_second=statistics.median(r["per_second"] for r in d),
            floor_per_second=statistics.median(r["per_second"] for r in f),
            desk_median_ms=statistics.median(r["median_ms"] for r in d), desk_p95_ms=statistics.median(r["p95_ms"] for r in d),
            floor_median_ms=statistics.median(r["median_ms"] for r in f), floor_p95_ms=statistics.median(r["p95_ms"] for r in f),
            accepted=[r["accepted"] for r in d], floor_accepted=[r["accepted"] for r in f],
            busy=sum(r["busy"] for r in d), floor_busy=sum(r["busy"] for r in f),
        )
        s = summary[workers]
        s["ratio"] = s["floor_per_second"] / s["desk_per_second"]
        s["ratio_median"] = s["desk_median_ms"] / s["floor_median_ms"]
        s["ratio_p95"] = s["desk_p95_ms"] / s["floor_p95_ms"]
    return summary


def _print(title: str, summary: dict) -> None:
    print(f"\n{title}: first come, first served ({STUDENTS:,} students x {TRIES} tries, {GROUPS} groups of {SEATS})")
    for workers, s in summary.items():
        print(f"  {workers:>2} worker{'s' if workers > 1 else ' '}: desk {s['desk_per_second']:.0f}/s, floor "
              f"{s['floor_per_second']:.0f}/s ({s['ratio']:.2f}x); per attempt desk {s['desk_median_ms']:.2f}/"
              f"{s['desk_p95_ms']:.2f} ms, floor {s['floor_median_ms']:.2f}/{s['floor_p95_ms']:.2f} ms median/p95 "
              f"({s['ratio_median']:.2f}x / {s['ratio_p95']:.2f}x); database busy: desk {s['busy']}, floor {s['floor_busy']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=300_000)
    parser.add_argument("--rounds", type=int, default=2, help="desk and floor in turn, this many times")
    parser.add_argument("--postgresql", default=os.environ.get("DESK_TEST_POSTGRESQL_URL"), help="server URL")
    parser.add_argument("--skip-sqlite", action="store_true", help="PostgreSQL only")
    args = parser.parse_args(argv)
    results = {}
    if not args.skip_sqlite:
        results["sqlite"] = measure(registrations.sqlite_copy(args.students, "first-come"), args.rounds)
        _print("SQLite", results["sqlite"])
    if args.postgresql:
        results["postgresql"] = measure(registrations.postgresql_copy(args.students, args.postgresql, "first_come"), args.rounds)
        _print("PostgreSQL", results["postgresql"])
    DATA.mkdir(exist_ok=True)
    (DATA / "first-come-results.json").write_text(json.dumps(results, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
