"""Next term from this one at a real university's size: the preview and the copy of a term with 5,000 class groups.

    python -m tests.benchmarks.next_term [--students N] [--groups G] [--postgresql URL]

Builds a demo university (N students), tops its winter term up to G class groups (each with a
timetable slot and a teacher), adds the next winter term, and times the preview, the copy and the
preview made again (everything there), on SQLite and, when DESK_TEST_POSTGRESQL_URL or
--postgresql is given, on PostgreSQL.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
import uuid
from datetime import date
from datetime import time as clock
from pathlib import Path

from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import make_url

from desk import next_term
from desk.db import open_database
from desk.demo import DEMO_PASSWORD, build_demo
from desk.model import ClassGroup, ClassType, Course, GroupTeacher, OrgUnit, Person, PersonCategory, Term, TimetableSlot
from desk.staff import sign_in
from desk.unit_of_work import UnitOfWork
from tests import factories


def _top_up(db, source: int, groups: int) -> None:
    """More class groups in the source term, five to a course, as the tables' own INSERTs."""
    with db.write() as session:
        have = session.scalar(select(func.count()).select_from(ClassGroup).where(ClassGroup.term_id == source))
        extra = max(0, groups - have) // 5
        if not extra:
            return
        unit_id = session.scalar(select(OrgUnit.id).order_by(OrgUnit.id).limit(1))
        teachers = session.scalars(select(Person.id).where(Person.category == PersonCategory.STAFF)).all()
        courses = session.execute(insert(Course.__table__).returning(Course.__table__.c.id, sort_by_parameter_order=True), [
            {"code": f"BENCH-{i:05d}", "name": f"Przedmiot {i}", "unit_id": unit_id, "language": "pl"} for i in range(extra)
        ]).scalars().all()
        table = ClassGroup.__table__
        ids = session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), [
            {"course_id": c, "term_id": source, "class_type": ClassType.CLASS, "number": n, "seat_limit": 30,
             "lower_limit": 5, "enrolled_count": 0, "over_limit_count": 0} for c in courses for n in range(1, 6)
        ]).scalars().all()
        session.execute(insert(TimetableSlot.__table__), [
            {"group_id": g, "weekday": 1 + g % 5, "starts_at": clock(8), "ends_at": clock(9, 30), "room": "101",
             "building": "A"} for g in ids])
        if teachers:
            session.execute(insert(GroupTeacher.__table__), [{"group_id": g, "person_id": teachers[g % len(teachers)]}
                                                             for g in ids])


def measure(url, students: int, groups: int) -> dict:
    db = open_database(url).database
    try:
        build_demo(db, students=students, seed=7)
        with db.read() as session:
            source = session.scalar(select(Term.id).where(Term.code == "2026Z"))
        _top_up(db, source, groups)
        target = factories.term(db, "2027Z", date(2027, 10, 1), date(2028, 2, 29))
        admin = sign_in(db, "admin", DEMO_PASSWORD)
        started = time.perf_counter()
        plan = next_term.plan_next_term(UnitOfWork(db, admin), source, target)
        planned = time.perf_counter()
        result = next_term.apply_next_term(UnitOfWork(db, admin), plan, "benchmark")
        applied = time.perf_counter()
        again = next_term.plan_next_term(UnitOfWork(db, admin), source, target)
        finished = time.perf_counter()
        return {"groups": len(plan.groups), "created": result.total, "plan": planned - started,
                "apply": applied - planned, "plan_again": finished - applied, "new_after": again.new_count}
    finally:
        db.dispose()


def _print(where: str, found: dict) -> None:
    print(f"{where}: {found['groups']:,} groups; preview {found['plan']:.2f} s, copy {found['apply']:.2f} s "
          f"({found['created']:,} records), preview again {found['plan_again']:.2f} s ({found['new_after']} new)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=3000)
    parser.add_argument("--groups", type=int, default=5000)
    parser.add_argument("--postgresql", default=os.environ.get("DESK_TEST_POSTGRESQL_URL"), help="server URL")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        _print("SQLite", measure(str(Path(folder) / "next-term.sqlite"), args.students, args.groups))
    if args.postgresql:
        server = make_url(args.postgresql).set(drivername="postgresql+psycopg")
        name = f"desk_bench_next_term_{uuid.uuid4().hex[:8]}"
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            _print("PostgreSQL", measure(server.set(database=name), args.students, args.groups))
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
