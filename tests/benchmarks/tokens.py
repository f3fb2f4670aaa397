"""Tokens at scale: resolving a token round's requests, and a balance lookup among 3,000,000 ledger entries.

    python -m tests.benchmarks.tokens [--students N] [--postgresql URL]

Works on a fresh copy of the search benchmark's 300,000-student demo (built first if missing),
on SQLite and, when DESK_TEST_POSTGRESQL_URL or --postgresql is given, on PostgreSQL:

- the ledger is filled to 10 entries per student (3,000,000 at 300,000 students), then a
  student's balances are looked up through the service, for 200 students drawn at random;
- a token registration offering 500 groups receives 5,000, 10,000 and 20,000 basket requests
  (each size a registration of its own), which are resolved as at a micro-break: the time per
  request shows whether the work grows linearly with the number of requests.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import timedelta

from sqlalchemy import func, insert, select

from desk import token_rounds, tokens
from desk.clock import now_utc
from desk.db import open_database
from desk.demo import reset_sequences
from desk.model import (
    ClassGroup,
    ClassType,
    Course,
    LedgerKind,
    ProgrammeStatus,
    Registration,
    RegistrationCourse,
    RegistrationKind,
    RequestAction,
    RequestStatus,
    Round,
    RoundStatus,
    Student,
    StudentProgramme,
    Term,
    TokenEntry,
    TokenRequest,
    TokenType,
)
from desk.staff import actor_for_login
from tests.benchmarks import registrations, search
from desk.unit_of_work import UnitOfWork

ENTRIES_PER_STUDENT = 10
GROUPS = 500
SIZES = (5_000, 10_000, 20_000)


def _fill_ledger(db) -> int:
    """Top the ledger up to ten entries per student: allocations, spends and corrections that net out."""
    with db.write() as session:
        have = session.scalar(select(func.count()).select_from(TokenEntry))
        students = session.scalars(select(Student.id).order_by(Student.id)).all()
        per_student = dict(session.execute(
            select(TokenEntry.student_id, func.count()).group_by(TokenEntry.student_id)
        ).all())
        type_ids = session.scalars(select(TokenType.id).order_by(TokenType.id)).all()
    now = now_utc()
    rows = []
    written = 0
    for student_id in students:
        missing = max(0, ENTRIES_PER_STUDENT - per_student.get(student_id, 0))
        for index in range(missing):
            # +1 then -1 of the same type: the history grows, the balances stay as they were.
            token_type_id = type_ids[(index // 2) % len(type_ids)]
            amount = -1 if index % 2 else 1
            rows.append(dict(student_id=student_id, token_type_id=token_type_id, kind=LedgerKind.CORRECTION, amount=amount,
                             reason="benchmark history", created_at=now - timedelta(days=missing - index), created_by_id=None))
        if len(rows) >= 50_000:
            with db.write() as session:
                session.execute(insert(TokenEntry), rows)
            written += len(rows)
            rows = []
    if rows:
        with db.write() as session:
            session.execute(insert(TokenEntry), rows)
        written += len(rows)
    if db.is_sqlite:
        with db.engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")
    else:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE token_ledger")
    return have + written


def balance_lookup(db, actor) -> dict:
    with db.read() as session:
        students = session.scalars(select(Student.id)).all()
    picked = random.Random(3).sample(students, 200)
    tokens.balances(UnitOfWork(db, actor), picked[0])
    samples = []
    for student_id in picked:
        started = time.perf_counter()
        tokens.balances(UnitOfWork(db, actor), student_id)
        samples.append((time.perf_counter() - started) * 1000)
    return dict(median=statistics.median(samples), p95=search.p95(samples))


def _token_registration(db, size: int, students: list[int], rng: random.Random):
    """A token registration of 500 fresh groups (30 seats each) and ``size`` requests in its first micro-round."""
    now = now_utc()
    start = now - timedelta(hours=2)
    with db.write() as session:
        term = session.scalars(select(Term).order_by(Term.starts_on).limit(1)).one()
        unit_id = session.scalar(select(Course.unit_id).limit(1))
        registration = Registration(
            code=f"BENCH-TOK-{size}-{int(now.timestamp())}", name=f"Benchmark token round, {size} requests", unit_id=unit_id,
            term_id=term.id, kind=RegistrationKind.TOKEN, token_type_id=1, selection_limit=1, entitled_only=False,
        )
        session.add(registration)
        session.flush()
        round_ = Round(registration_id=registration.id, name="Benchmark", starts_at=start, ends_at=now + timedelta(days=1),
                       status=RoundStatus.ACTIVE, unregister_allowed=True, micro_round_minutes=60, micro_break_minutes=15)
        session.add(round_)
        session.flush()
        groups = []
        for index in range(GROUPS):
            course = Course(code=f"BT-{registration.id}-{index:03d}", name=f"Benchmark language {index}", unit_id=unit_id)
            session.add(course)
            session.flush()
            session.add(RegistrationCourse(registration_id=registration.id, course_id=course.id))
            group = ClassGroup(course_id=course.id, term_id=term.id, class_type=ClassType.LANGUAGE, number=1, seat_limit=30,
                               lower_limit=0, enrolled_count=0, over_limit_count=0)
            session.add(group)
            session.flush()
            groups.append((group.id, course.id))
        rows = []
        for index, student_id in enumerate(students[:size]):
            group_id, course_id = groups[rng.randrange(GROUPS)]
            rows.append(dict(student_id=student_id, registration_id=registration.id, round_id=round_.id, course_id=course_id,
                             group_id=group_id, action=RequestAction.REGISTER,
                             submitted_at=start + timedelta(seconds=index * 3600 / size),
                             payment_accepted=rng.random() < 0.5, status=RequestStatus.PENDING))
        session.execute(insert(TokenRequest), rows)
        return registration.id


def resolution(db, actor) -> list[dict]:
    with db.read() as session:
        students = list(dict.fromkeys(session.scalars(
            select(StudentProgramme.student_id).where(StudentProgramme.status == ProgrammeStatus.ACTIVE)
            .order_by(StudentProgramme.student_id)
        )))
    rng = random.Random(5)
    results = []
    for size in SIZES:
        size = min(size, len(students))
        chosen = rng.sample(students, size)
        registration_id = _token_registration(db, size, chosen, rng)
        started = time.perf_counter()
        result = token_rounds.resolve_now(UnitOfWork(db, actor), registration_id)
        seconds = time.perf_counter() - started
        results.append(dict(requests=size, seconds=seconds, per_request_ms=seconds * 1000 / size,
                            accepted=result.accepted, refused=result.refused, waiting=result.still_pending))
    return results


def measure(url: str) -> dict:
    db = open_database(url).database
    if not db.is_sqlite:
        reset_sequences(db)
    entries = _fill_ledger(db)
    actor = actor_for_login(db, "admin")
    with db.read() as session:
        students = session.scalar(select(func.count()).select_from(Student))
    result = dict(students=students, ledger_entries=entries, balance=balance_lookup(db, actor), resolution=resolution(db, actor))
    db.dispose()
    return result


def _print(title: str, r: dict) -> None:
    print(f"\n{title}: {r['students']:,} students, {r['ledger_entries']:,} ledger entries")
    b = r["balance"]
    print(f"balance lookup: {b['median']:.2f} ms median, {b['p95']:.2f} ms p95")
    for line in r["resolution"]:
        print(f"resolve {line['requests']:>6,} requests over {GROUPS} groups: {line['seconds']:6.1f} s, "
              f"{line['per_request_ms']:.2f} ms a request ({line['accepted']:,} accepted, {line['refused']:,} refused, "
              f"{line['waiting']:,} waiting for a place)")
    first, last = r["resolution"][0], r["resolution"][-1]
    print(f"per-request time from {first['requests']:,} to {last['requests']:,} requests: "
          f"{last['per_request_ms'] / first['per_request_ms']:.2f}x (1.00x is linear)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=300_000)
    parser.add_argument("--postgresql", default=os.environ.get("DESK_TEST_POSTGRESQL_URL"), help="server URL")
    parser.add_argument("--skip-sqlite", action="store_true", help="PostgreSQL only")
    args = parser.parse_args(argv)
    results = {}
    if not args.skip_sqlite:
        results["sqlite"] = measure(registrations.sqlite_copy(args.students, "tokens"))
        _print("SQLite", results["sqlite"])
    if args.postgresql:
        results["postgresql"] = measure(registrations.postgresql_copy(args.students, args.postgresql, "tokens"))
        _print("PostgreSQL", results["postgresql"])
    search.DATA.mkdir(exist_ok=True)
    (search.DATA / "tokens-results.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
