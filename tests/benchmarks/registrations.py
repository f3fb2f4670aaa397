"""Registrations at scale: the group table, a bulk grant, and enrollments per second with 16 workers.

    python -m tests.benchmarks.registrations [--students N] [--postgresql URL]

Works on a fresh copy of the search benchmark's 300,000-student demo (built first if missing),
topped up to 500,000 enrollments, on SQLite and, when DESK_TEST_POSTGRESQL_URL or --postgresql
is given, on PostgreSQL. For each it prints:

- opening the group table (limits, counts, teachers, timetable) of the largest registration and
  of a whole term, next to counting the enrollments live, what a tool without counters would do;
- resolving a pasted list of 5,000 student numbers and granting them access in one transaction,
  next to granting the same students one at a time (timed on 200, scaled to 5,000);
- first-come registrations through the enrollment service by 1 worker and by 16 worker
  processes at once, in registrations per second, with the ratio between them.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import shutil
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from desk import access, enrollment, groups
from desk.clock import now_utc
from desk.db import Database, make_engine, open_database
from desk.demo import reset_sequences
from desk.enrollment import EnrollmentRefused
from desk.model import (
    ClassGroup,
    ClassType,
    Course,
    Enrollment,
    EnrollmentStatus,
    ProgrammeStatus,
    Registration,
    RegistrationCourse,
    RegistrationKind,
    Round,
    RoundStatus,
    Student,
    StudentProgramme,
    Term,
)
from desk.staff import actor_for_login
from tests.benchmarks import search
from desk.unit_of_work import SystemJob, UnitOfWork

DATA = search.DATA
ENROLLMENTS_PER_STUDENT = 5 / 3  # 500,000 enrollments at 300,000 students
BULK = 5_000
ONE_BY_ONE = 200
WORKERS = 16
PER_WORKER = 250
SINGLE = 1_000
BENCH_COURSES = 200


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


def _naive_group_table(db: Database, actor, registration_id: int) -> int:
    """What a tool without counters does: the same table, and each group's enrollments counted."""
    groups.list_groups(UnitOfWork(db, actor), groups.GroupScope(registration_id=registration_id))
    with db.read() as session:
        registration = session.get(Registration, registration_id)
        rows = session.execute(
            select(ClassGroup.id, ClassGroup.seat_limit, func.count(Enrollment.id))
            .join(RegistrationCourse, RegistrationCourse.course_id == ClassGroup.course_id)
            .outerjoin(Enrollment, (Enrollment.group_id == ClassGroup.id) & (Enrollment.status == EnrollmentStatus.ACCEPTED))
            .where(RegistrationCourse.registration_id == registration_id, ClassGroup.term_id == registration.term_id)
            .group_by(ClassGroup.id, ClassGroup.seat_limit)
        ).all()
    return len(rows)


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
    scope = groups.GroupScope(registration_id=largest.id)
    service = _timed(lambda: groups.list_groups(UnitOfWork(db, actor), scope), 20)
    naive = _timed(lambda: _naive_group_table(db, actor, largest.id), 5)
    term_scope = groups.GroupScope(term_id=largest.term_id)
    term_groups = len(groups.list_groups(UnitOfWork(db, actor), term_scope))
    term = _timed(lambda: groups.list_groups(UnitOfWork(db, actor), term_scope), 10)
    return dict(
        registration=largest.code, groups=largest.n,
        service_median=statistics.median(service), service_p95=_p95(service),
        naive_median=statistics.median(naive), naive_p95=_p95(naive),
        term_groups=term_groups, term_median=statistics.median(term), term_p95=_p95(term),
    )


# --- 2. a bulk grant -------------------------------------------------------------------------


def bulk_grant(db: Database, actor) -> dict:
    with db.read() as session:
        registration_id = session.scalar(
            select(Registration.id).where(Registration.kind == RegistrationKind.TOKEN).order_by(Registration.id.desc()).limit(1)
        )
        numbers = session.scalars(
            select(Student.student_number)
            .where(Student.id.in_(select(StudentProgramme.student_id).where(StudentProgramme.status == ProgrammeStatus.ACTIVE)))
            .order_by(Student.id)
            .limit(BULK + ONE_BY_ONE)
        ).all()
    pasted = "\n".join(numbers[:BULK])
    started = time.perf_counter()
    report = access.resolve_student_numbers(UnitOfWork(db, actor), registration_id, pasted)
    resolved = time.perf_counter() - started
    started = time.perf_counter()
    result = access.grant_access(UnitOfWork(db, actor), registration_id, report.student_ids, reason="benchmark: list from the dean's office")
    granted = time.perf_counter() - started
    singles = access.resolve_student_numbers(UnitOfWork(db, actor), registration_id, "\n".join(numbers[BULK:])).student_ids
    started = time.perf_counter()
    for student_id in singles:
        access.grant_access(UnitOfWork(db, actor), registration_id, [student_id], reason="benchmark: one at a time")
    one_each = (time.perf_counter() - started) / len(singles)
    return dict(
        students=result.applied, resolve_s=resolved, grant_s=granted, total_s=resolved + granted,
        one_at_a_time_s=one_each * BULK, per_student_ms=one_each * 1000,
    )


# --- 3. first come, first served -------------------------------------------------------------


def _prepare_fcfs(db: Database) -> tuple[int, list[int], list[int]]:
    """A registration open now, offering 200 fresh groups with room for everyone, and its students."""
    now = now_utc()
    with db.write() as session:
        term = session.scalars(select(Term).order_by(Term.starts_on).limit(1)).one()
        unit_id = session.scalar(select(Course.unit_id).limit(1))
        registration = Registration(
            code=f"BENCH-{int(now.timestamp())}", name="Benchmark: first come, first served", unit_id=unit_id,
            term_id=term.id, kind=RegistrationKind.DIRECT, selection_limit=None, entitled_only=False,
        )
        session.add(registration)
        session.flush()
        session.add(Round(registration_id=registration.id, name="Benchmark", starts_at=now - timedelta(hours=1),
                          ends_at=now + timedelta(days=1), status=RoundStatus.ACTIVE, unregister_allowed=True))
        group_ids = []
        for index in range(BENCH_COURSES):
            course = Course(code=f"BENCH-{registration.id}-{index:03d}", name=f"Benchmark course {index}", unit_id=unit_id)
            session.add(course)
            session.flush()
            session.add(RegistrationCourse(registration_id=registration.id, course_id=course.id))
            group = ClassGroup(course_id=course.id, term_id=term.id, class_type=ClassType.CLASS, number=1,
                               seat_limit=100_000, lower_limit=0, enrolled_count=0, over_limit_count=0)
            session.add(group)
            session.flush()
            group_ids.append(group.id)
        students = session.scalars(
            select(StudentProgramme.student_id)
            .where(StudentProgramme.status == ProgrammeStatus.ACTIVE)
            .order_by(StudentProgramme.student_id)
            .limit(SINGLE + WORKERS * PER_WORKER)
        ).all()
        return registration.id, group_ids, list(dict.fromkeys(students))


def _worker(url: str, registration_id: int, group_ids: list[int], students: list[int], seed: int, barrier, results) -> None:
    db = Database(make_engine(url))
    rng = random.Random(seed)
    barrier.wait()
    started = time.perf_counter()
    accepted = refused = 0
    for student_id in students:
        try:
            enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), student_id,
                                            group_ids[rng.randrange(len(group_ids))], registration_id)
            accepted += 1
        except EnrollmentRefused:
            refused += 1
    results.put((accepted, refused, time.perf_counter() - started))
    db.dispose()


def _run_workers(url: str, registration_id: int, group_ids: list[int], slices: list[list[int]]) -> dict:
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(len(slices) + 1)
    results = context.Queue()
    processes = [
        context.Process(target=_worker, args=(url, registration_id, group_ids, chunk, index, barrier, results))
        for index, chunk in enumerate(slices)
    ]
    for process in processes:
        process.start()
    barrier.wait()
    started = time.perf_counter()
    outcomes = [results.get(timeout=1800) for _ in processes]
    wall = time.perf_counter() - started
    for process in processes:
        process.join()
    accepted = sum(o[0] for o in outcomes)
    return dict(workers=len(slices), accepted=accepted, refused=sum(o[1] for o in outcomes), seconds=wall,
                per_second=accepted / wall)


def first_come(db: Database) -> dict:
    registration_id, group_ids, students = _prepare_fcfs(db)
    url = db.url.render_as_string(hide_password=False)
    db.dispose()
    single = _run_workers(url, registration_id, group_ids, [students[:SINGLE]])
    rest = students[SINGLE:]
    many = _run_workers(url, registration_id, group_ids, [rest[i * PER_WORKER : (i + 1) * PER_WORKER] for i in range(WORKERS)])
    with db.read() as session:
        counted = session.scalar(select(func.sum(ClassGroup.enrolled_count)).where(ClassGroup.id.in_(group_ids)))
        rows = session.scalar(
            select(func.count()).select_from(Enrollment).where(
                Enrollment.group_id.in_(group_ids), Enrollment.status == EnrollmentStatus.ACCEPTED
            )
        )
    assert counted == rows == single["accepted"] + many["accepted"], "counters and enrollments disagree"
    return dict(single=single, many=many, ratio=many["per_second"] / single["per_second"])


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
    result["first_come"] = first_come(db)
    db.dispose()
    return result


def _print(title: str, r: dict) -> None:
    s, g, b, f = r["scale"], r["group_table"], r["bulk_grant"], r["first_come"]
    print(f"\n{title}: {s['students']:,} students, {s['groups']:,} groups, {s['enrollments']:,} enrollments")
    print(f"group table of {g['registration']} ({g['groups']} groups): {g['service_median']:.1f} ms median, "
          f"{g['service_p95']:.1f} ms p95; counting live: {g['naive_median']:.1f}/{g['naive_p95']:.1f} ms "
          f"({g['naive_median'] / g['service_median']:.1f}x slower)")
    print(f"group table of the whole term ({g['term_groups']:,} groups): {g['term_median']:.1f} ms median, {g['term_p95']:.1f} ms p95")
    print(f"bulk grant to {b['students']:,} students: resolve {b['resolve_s']:.2f} s + grant {b['grant_s']:.2f} s = "
          f"{b['total_s']:.2f} s; one at a time: {b['per_student_ms']:.1f} ms each, {b['one_at_a_time_s']:.1f} s for "
          f"{BULK:,} ({b['one_at_a_time_s'] / b['total_s']:.0f}x slower)")
    one, many = f["single"], f["many"]
    print(f"first-come registrations: 1 worker {one['per_second']:.0f}/s ({one['accepted']} in {one['seconds']:.1f} s); "
          f"{many['workers']} workers {many['per_second']:.0f}/s ({many['accepted']} in {many['seconds']:.1f} s); "
          f"{f['ratio']:.2f}x a single worker; refused {one['refused'] + many['refused']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=300_000)
    parser.add_argument("--postgresql", default=os.environ.get("DESK_TEST_POSTGRESQL_URL"), help="server URL")
    parser.add_argument("--skip-sqlite", action="store_true", help="PostgreSQL only")
    args = parser.parse_args(argv)
    results = {}
    if not args.skip_sqlite:
        results["sqlite"] = measure(sqlite_copy(args.students))
        _print("SQLite", results["sqlite"])
    if args.postgresql:
        results["postgresql"] = measure(postgresql_copy(args.students, args.postgresql))
        _print("PostgreSQL", results["postgresql"])
    DATA.mkdir(exist_ok=True)
    (DATA / "registrations-results.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
