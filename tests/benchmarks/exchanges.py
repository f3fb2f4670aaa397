"""An exchange break and a group's closure, against plain floors doing the same work with the same outcome.

    python -m tests.benchmarks.exchanges [--wishes 5000,10000,20000] [--repeat 3] [--postgresql URL] [--skip-sqlite]

A university of its own (built once per database, copied fresh for every run): 100 courses of 5
class groups of 40 seats, all full, 20,000 students in them, and a registration that allows
exchanges. Each run records W open wishes (W students, each wishing for one or two sibling groups,
oldest first in a fixed random order), then carries them out:

- desk: ``exchanges.run_break`` (the rulebook asked for every move, the seats' conditional UPDATEs,
  the enrollments, the wishes closed, every change audited and queued for the portal, one change set);
- the floor: the same search in plain Python (capacity the only rule: nothing else applies here) and
  the same rows written in bulk: the enrollments cancelled and made, the groups' counts, the wishes
  closed, the audit entries sealed in the hash chain and the queued changes.

Both must end alike: every student in the same group, as many wishes done, as many audit entries
and queued changes. Printed for each W: desk and floor, median and p95 seconds, their ratio, and
the desk's time per wish (linear when it stays flat from 5,000 to 20,000).

Then a closure: a 200-student group spread over 10 siblings (``closures.plan_closure`` and
``apply_plan``), against a floor that places the students the same way and writes the same rows.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import time
from collections import defaultdict, deque
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import create_engine, func, insert, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from desk import closures, exchanges
from desk.chain import new_ids, seal
from desk.clock import now_utc
from desk.db import Database, make_engine, open_database
from desk.model import (
    AuditEntry,
    ClassGroup,
    ClassType,
    Course,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    ExchangeTarget,
    ExchangeWish,
    Level,
    OrgUnit,
    OutboxEntry,
    Person,
    PersonCategory,
    Programme,
    ProgrammeStatus,
    Registration,
    RegistrationCourse,
    RegistrationKind,
    Round,
    RoundStatus,
    Student,
    StudentProgramme,
    StudyMode,
    Term,
    UnitKind,
    WishStatus,
)
from desk.staff import actor_for_login
from desk.text import person_name_fields
from desk.unit_of_work import UnitOfWork

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "bench-data"
COURSES, GROUPS, SEATS = 100, 5, 40
STUDENTS = COURSES * GROUPS * SEATS
CLOSED_SIZE, SIBLINGS = 200, 10


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


# --- the university -----------------------------------------------------------------------------------


def _build(db: Database) -> None:
    """100 courses x 5 full groups of 40, 20,000 students, a registration allowing exchanges; and a course of a
    200-student group with 10 siblings of 40 seats (20 taken each) for the closure."""
    from desk.staff import hash_password
    from desk.model import Role, StaffUser

    now = now_utc()
    with db.write() as session:
        unit = OrgUnit(code="WBE", name="Wydział Benchmarku", kind=UnitKind.FACULTY)
        session.add(unit)
        session.flush()
        session.add(StaffUser(login="bench", full_name="Benchmark", role=Role.ADMINISTRATOR, active=True,
                              password_hash=hash_password("bench-password")))
        term = Term(code="2026Z", name="Term 2026Z", starts_on=date(2026, 10, 1), ends_on=date(2027, 2, 28))
        programme = Programme(code="BEN-S1", name="Benchmark", unit_id=unit.id, level=Level.FIRST_CYCLE,
                              mode=StudyMode.FULL_TIME)
        session.add_all([term, programme])
        session.flush()
        courses = [Course(code=f"BEN-{c:03d}", name=f"Course {c}", unit_id=unit.id) for c in range(COURSES + 1)]
        session.add_all(courses)
        session.flush()
        group_rows = [dict(course_id=courses[c].id, term_id=term.id, class_type=ClassType.CLASS, number=g + 1,
                           seat_limit=SEATS, lower_limit=0, enrolled_count=SEATS, over_limit_count=0)
                      for c in range(COURSES) for g in range(GROUPS)]
        closing = courses[COURSES].id
        group_rows.append(dict(course_id=closing, term_id=term.id, class_type=ClassType.CLASS, number=1,
                               seat_limit=CLOSED_SIZE, lower_limit=0, enrolled_count=CLOSED_SIZE, over_limit_count=0))
        group_rows += [dict(course_id=closing, term_id=term.id, class_type=ClassType.CLASS, number=n + 2,
                            seat_limit=SEATS, lower_limit=0, enrolled_count=SEATS // 2, over_limit_count=0)
                       for n in range(SIBLINGS)]
        session.execute(insert(ClassGroup), group_rows)
        groups = session.scalars(select(ClassGroup.id).order_by(ClassGroup.id)).all()
        total = STUDENTS + CLOSED_SIZE + SIBLINGS * SEATS // 2
        persons = []
        for i in range(total):
            last = f"Student{i:05d}"
            persons.append(dict(first_name="Jan", last_name=last, category=PersonCategory.STUDENT,
                                **person_name_fields("Jan", None, last)))
        session.execute(insert(Person), persons)
        person_ids = session.scalars(select(Person.id).order_by(Person.id)).all()
        session.execute(insert(Student), [dict(person_id=pid, student_number=str(500000 + i))
                                          for i, pid in enumerate(person_ids)])
        student_ids = session.scalars(select(Student.id).order_by(Student.id)).all()
        session.execute(insert(StudentProgramme), [dict(student_id=sid, programme_id=programme.id, stage=1,
                                                        status=ProgrammeStatus.ACTIVE, admitted_on=date(2025, 10, 1))
                                                   for sid in student_ids])
        registration = Registration(code="BEN-EX", name="Exchanges", unit_id=unit.id, term_id=term.id,
                                    kind=RegistrationKind.DIRECT, entitled_only=False, exchanges=True)
        session.add(registration)
        session.flush()
        session.execute(insert(RegistrationCourse), [dict(registration_id=registration.id, course_id=c.id)
                                                     for c in courses])
        session.add(Round(registration_id=registration.id, name="Round 1", starts_at=now - timedelta(days=1),
                          ends_at=now + timedelta(days=30), status=RoundStatus.ACTIVE))
        seats = []
        for i, sid in enumerate(student_ids[:STUDENTS]):
            seats.append(dict(student_id=sid, group_id=groups[i % (COURSES * GROUPS)], registration_id=registration.id,
                              source=EnrollmentSource.PORTAL, status=EnrollmentStatus.ACCEPTED, over_limit=False,
                              created_at=now - timedelta(days=1)))
        rest = student_ids[STUDENTS:]
        for i, sid in enumerate(rest):
            group = groups[COURSES * GROUPS] if i < CLOSED_SIZE else groups[COURSES * GROUPS + 1 + (i - CLOSED_SIZE) % SIBLINGS]
            seats.append(dict(student_id=sid, group_id=group, registration_id=registration.id,
                              source=EnrollmentSource.PORTAL, status=EnrollmentStatus.ACCEPTED, over_limit=False,
                              created_at=now - timedelta(days=1)))
        session.execute(insert(Enrollment), seats)


def _sqlite_base() -> Path:
    path = DATA / "exchanges-base.sqlite"
    complete = path.with_suffix(".complete")
    if not complete.exists():
        DATA.mkdir(exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        print(f"building {STUDENTS:,} students in {COURSES * GROUPS} groups into {path} …", file=sys.stderr)
        db = open_database(str(path)).database
        _build(db)
        db.dispose()
        complete.write_text("1")
    return path


def _sqlite_copy(base: Path) -> str:
    target = DATA / "exchanges-run.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(base, target)
    return f"sqlite+pysqlite:///{target}"


def _postgresql_base(server: str) -> str:
    url = make_url(server).set(drivername="postgresql+psycopg")
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    name = "desk_bench_exchanges_base"
    with admin.connect() as connection:
        exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar()
        if exists:
            ready = make_engine(url.set(database=name))
            with ready.connect() as c:
                done = c.execute(text("SELECT count(*) FROM registrations WHERE code = 'BEN-EX'")).scalar()
            ready.dispose()
            if not done:
                connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
                exists = False
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    target = url.set(database=name).render_as_string(hide_password=False)
    if not exists:
        print(f"building {STUDENTS:,} students in {COURSES * GROUPS} groups into {name} …", file=sys.stderr)
        db = open_database(target).database
        _build(db)
        db.dispose()
    return target


def _postgresql_copy(server: str) -> str:
    url = make_url(server).set(drivername="postgresql+psycopg")
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text('DROP DATABASE IF EXISTS "desk_bench_exchanges_run" WITH (FORCE)'))
        connection.execute(text('CREATE DATABASE "desk_bench_exchanges_run" TEMPLATE "desk_bench_exchanges_base"'))
    admin.dispose()
    return url.set(database="desk_bench_exchanges_run").render_as_string(hide_password=False)


def _wish(db: Database, count: int, seed: int) -> int:
    """``count`` open wishes, oldest first in a fixed random order; the registration's id."""
    rng = random.Random(seed)
    now = now_utc()
    with db.write() as session:
        registration = session.scalar(select(Registration.id).where(Registration.code == "BEN-EX"))
        rows = session.execute(
            select(Enrollment.id, Enrollment.student_id, Enrollment.group_id, ClassGroup.course_id)
            .join(ClassGroup, ClassGroup.id == Enrollment.group_id)
            .where(ClassGroup.enrolled_count == SEATS, ClassGroup.seat_limit == SEATS)
            .order_by(Enrollment.id)).all()
        siblings: dict[int, list[int]] = defaultdict(list)
        for gid, cid in session.execute(select(ClassGroup.id, ClassGroup.course_id).order_by(ClassGroup.id)):
            siblings[cid].append(gid)
        chosen = rng.sample(rows, count)
        wishes, targets = [], []
        for index, (eid, sid, gid, cid) in enumerate(chosen, start=1):
            others = [g for g in siblings[cid] if g != gid]
            wanted = rng.sample(others, rng.choice((1, 2)))
            wishes.append(dict(id=index, student_id=sid, registration_id=registration, enrollment_id=eid,
                               from_group_id=gid, status=WishStatus.OPEN, created_at=now - timedelta(seconds=count - index),
                               reason_code="exchange.waiting", reason_params="{}"))
            targets += [dict(wish_id=index, group_id=g, preference=p) for p, g in enumerate(wanted, start=1)]
        session.execute(insert(ExchangeWish), wishes)
        session.execute(insert(ExchangeTarget), targets)
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT setval(pg_get_serial_sequence('exchange_wishes', 'id'), :n)"), {"n": count})
        return registration


# --- the floor ---------------------------------------------------------------------------------------------


def floor_break(db: Database, registration_id: int) -> int:
    """The same break in plain Python and bulk SQL: the same search, capacity its only rule, the same rows."""
    now = now_utc()
    with db.write() as session:
        staff_id = session.scalar(select(func.min(AuditEntry.staff_id))) or None
        rows = session.execute(
            select(ExchangeWish.id, ExchangeWish.student_id, ExchangeWish.enrollment_id, ExchangeWish.from_group_id,
                   Enrollment.registration_id)
            .join(Enrollment, Enrollment.id == ExchangeWish.enrollment_id)
            .where(ExchangeWish.registration_id == registration_id, ExchangeWish.status == WishStatus.OPEN,
                   Enrollment.status == EnrollmentStatus.ACCEPTED)
            .order_by(ExchangeWish.created_at, ExchangeWish.id)).all()
        wanted: dict[int, list[int]] = defaultdict(list)
        for wid, gid in session.execute(select(ExchangeTarget.wish_id, ExchangeTarget.group_id)
                                        .order_by(ExchangeTarget.wish_id, ExchangeTarget.preference)):
            wanted[wid].append(gid)
        involved = sorted({r.from_group_id for r in rows} | {g for r in rows for g in wanted[r.id]})
        lock = select(ClassGroup.id, ClassGroup.seat_limit, ClassGroup.enrolled_count).where(ClassGroup.id.in_(involved))
        if session.get_bind().dialect.name == "postgresql":
            session.execute(select(Student.id).where(Student.id.in_(sorted({r.student_id for r in rows})))
                            .order_by(Student.id).with_for_update())
            lock = lock.order_by(ClassGroup.id).with_for_update()
        free = {gid: limit - enrolled for gid, limit, enrolled in session.execute(lock)}
        routes: dict[int, dict[int, deque]] = defaultdict(dict)
        age = {}
        done: set[int] = set()
        for index, r in enumerate(rows):
            age[r.id] = index
            for target in wanted[r.id]:
                routes[r.from_group_id].setdefault(target, deque()).append(r)
        sets = []
        for wish in rows:
            if wish.id in done:
                continue
            found = _floor_find(wish, wanted, routes, age, done, free)
            if found:
                for mover, group in found:
                    free[mover.from_group_id] += 1
                    free[group] -= 1
                    done.add(mover.id)
                sets.append(found)
        moves = [step for found in sets for step in found]
        if not moves:
            return 0
        session.execute(update(Enrollment).where(Enrollment.id.in_([m.enrollment_id for m, _ in moves]))
                        .values(status=EnrollmentStatus.CANCELLED, cancelled_at=now, cancelled_by_id=staff_id))
        made = new_ids(session, "enrollments", len(moves))
        session.execute(insert(Enrollment), [dict(id=eid, student_id=m.student_id, group_id=g, registration_id=m.registration_id,
                                                  source=EnrollmentSource.PORTAL, status=EnrollmentStatus.ACCEPTED,
                                                  over_limit=False, created_at=now) for eid, (m, g) in zip(made, moves)])
        delta: dict[int, int] = defaultdict(int)
        for m, g in moves:
            delta[m.from_group_id] -= 1
            delta[g] += 1
        changed = [{"g": g, "d": d} for g, d in sorted(delta.items()) if d]
        if changed:
            session.execute(text("UPDATE class_groups SET enrolled_count = enrolled_count + :d WHERE id = :g"), changed)
        session.execute(text("UPDATE exchange_wishes SET status = 'done', closed_at = :at, done_enrollment_id = :e, "
                             "reason_code = 'exchange.done', reason_params = :p WHERE id = :w"),
                        [{"at": now, "e": eid, "p": json.dumps({"group": str(g)}), "w": m.id}
                         for eid, (m, g) in zip(made, moves)])
        audit = [dict(at=now, staff_id=staff_id, action="exchange.break", entity="registration", entity_id=None,
                      after={"carried": len(moves)})]
        queue = []
        for eid, (m, g) in zip(made, moves):
            audit += [dict(at=now, staff_id=staff_id, action="enrollment.cancel", entity="enrollment",
                           entity_id=m.enrollment_id, student_id=m.student_id, before={"status": "accepted"},
                           after={"group_id": m.from_group_id, "status": "cancelled"}),
                      dict(at=now, staff_id=staff_id, action="enrollment.exchange", entity="enrollment", entity_id=eid,
                           student_id=m.student_id, before={"group_id": m.from_group_id},
                           after={"group_id": g, "status": "accepted"}),
                      dict(at=now, staff_id=staff_id, action="exchange.wish", entity="exchange_wish", entity_id=m.id,
                           student_id=m.student_id, after={"status": "done", "done_enrollment_id": eid})]
            queue += [dict(entity="enrollment", entity_id=m.enrollment_id, operation="upsert", student_id=m.student_id,
                           created_at=now, staff_id=staff_id),
                      dict(entity="enrollment", entity_id=eid, operation="upsert", student_id=m.student_id,
                           created_at=now, staff_id=staff_id),
                      dict(entity="exchange_wish", entity_id=m.id, operation="upsert", student_id=m.student_id,
                           created_at=now, staff_id=staff_id)]
        seal(session, AuditEntry.__table__, audit, assign_ids=True)
        for row in audit:
            row["change_set_id"] = audit[0]["id"]
        session.execute(insert(AuditEntry.__table__), audit)
        session.execute(insert(OutboxEntry.__table__), queue)
        return len(moves)


def _floor_find(wish, wanted, routes, age, done, free):
    origin = wish.from_group_id
    for first in wanted[wish.id]:
        queue = deque([(first, wish, [])])
        reached, closing = {first, origin}, set()
        while queue:
            group, mover, path = queue.popleft()
            steps = [*path, (mover, group)]
            if group == origin or free[group] > 0:
                return steps
            movers = {m.student_id for m, _ in steps}
            found = []
            for target, wishes in routes.get(group, {}).items():
                while wishes and wishes[0].id in done:
                    wishes.popleft()
                if (target in reached) if target != origin else (group in closing):
                    continue
                leaver = next((w for w in wishes if w.id not in done and w.student_id not in movers), None)
                if leaver is not None:
                    found.append((age[leaver.id], wanted[leaver.id].index(target), target, leaver))
            for _age, _preference, target, leaver in sorted(found, key=lambda item: item[:2]):
                (closing if target == origin else reached).add(group if target == origin else target)
                queue.append((target, leaver, steps))
    return None


def _outcome(db: Database) -> tuple:
    with db.read() as session:
        placed = tuple(session.execute(select(Enrollment.student_id, Enrollment.group_id)
                                       .where(Enrollment.status == EnrollmentStatus.ACCEPTED)
                                       .order_by(Enrollment.student_id, Enrollment.group_id)).all())
        done = session.scalar(select(func.count()).select_from(ExchangeWish).where(ExchangeWish.status == WishStatus.DONE))
        audit = session.scalar(select(func.count()).select_from(AuditEntry))
        queued = session.scalar(select(func.count()).select_from(OutboxEntry))
        over = session.scalar(select(func.count()).select_from(ClassGroup)
                              .where(ClassGroup.enrolled_count > ClassGroup.seat_limit))
    return placed, done, audit, queued, over


# --- the runs -----------------------------------------------------------------------------------------------


def _break_runs(copy, wishes: int, repeat: int) -> dict:
    desk_times, floor_times, carried = [], [], 0
    for turn in range(repeat):
        outcomes = {}
        for name in (("desk", "floor") if turn % 2 == 0 else ("floor", "desk")):
            db = Database(make_engine(copy()))
            registration = _wish(db, wishes, seed=turn)
            started = time.perf_counter()
            if name == "desk":
                actor = actor_for_login(db, "bench")
                carried = exchanges.run_break(UnitOfWork(db, actor), registration).carried
                desk_times.append(time.perf_counter() - started)
            else:
                floor_break(db, registration)
                floor_times.append(time.perf_counter() - started)
            outcomes[name] = _outcome(db)
            db.dispose()
        assert outcomes["desk"][0] == outcomes["floor"][0], "desk and floor placed the students differently"
        assert outcomes["desk"][1:] == outcomes["floor"][1:], (outcomes["desk"][1:], outcomes["floor"][1:])
        assert outcomes["desk"][4] == 0
    return {"wishes": wishes, "carried": carried,
            "desk_median": statistics.median(desk_times), "desk_p95": p95(desk_times),
            "floor_median": statistics.median(floor_times), "floor_p95": p95(floor_times)}


def floor_closure(db: Database, group_id: int) -> int:
    """The closure's placements in plain Python (the sibling with the most free seats, by number on a tie, students in
    enrollment order) and its rows in bulk."""
    now = now_utc()
    with db.write() as session:
        staff_id = session.scalar(select(func.min(AuditEntry.staff_id))) or None
        group = session.get(ClassGroup, group_id)
        siblings = session.execute(select(ClassGroup.id, ClassGroup.number, ClassGroup.seat_limit, ClassGroup.enrolled_count)
                                   .where(ClassGroup.course_id == group.course_id, ClassGroup.id != group_id)
                                   .order_by(ClassGroup.number)).all()
        free = {gid: limit - count for gid, _n, limit, count in siblings}
        number = {gid: n for gid, n, _l, _c in siblings}
        standing = session.execute(select(Enrollment.id, Enrollment.student_id, Enrollment.registration_id)
                                   .where(Enrollment.group_id == group_id, Enrollment.status == EnrollmentStatus.ACCEPTED)
                                   .order_by(Enrollment.id)).all()
        moves = []
        for eid, sid, rid in standing:
            open_ = [g for g in free if free[g] > 0]
            if not open_:
                continue
            best = max(open_, key=lambda g: (free[g], -number[g]))
            free[best] -= 1
            moves.append((eid, sid, rid, best))
        session.execute(update(Enrollment).where(Enrollment.id.in_([m[0] for m in moves]))
                        .values(status=EnrollmentStatus.CANCELLED, cancelled_at=now, cancelled_by_id=staff_id))
        made = new_ids(session, "enrollments", len(moves))
        session.execute(insert(Enrollment), [dict(id=new, student_id=sid, group_id=g, registration_id=rid,
                                                  source=EnrollmentSource.DESK, status=EnrollmentStatus.ACCEPTED,
                                                  over_limit=False, created_at=now, reason="bench")
                                             for new, (_e, sid, rid, g) in zip(made, moves)])
        delta: dict[int, int] = defaultdict(int)
        for _e, _s, _r, g in moves:
            delta[g] += 1
        session.execute(text("UPDATE class_groups SET enrolled_count = enrolled_count + :d WHERE id = :g"),
                        [{"g": g, "d": d} for g, d in sorted(delta.items())])
        session.execute(update(ClassGroup).where(ClassGroup.id == group_id)
                        .values(enrolled_count=ClassGroup.enrolled_count - len(moves), closed_at=now))
        audit = [dict(at=now, staff_id=staff_id, action="class_group.close", entity="class_group", entity_id=None,
                      after={"moved": len(moves)}, reason="bench")]
        queue = []
        for new, (old, sid, _r, g) in zip(made, moves):
            audit += [dict(at=now, staff_id=staff_id, action="enrollment.cancel", entity="enrollment", entity_id=old,
                           student_id=sid, before={"status": "accepted"}, after={"status": "cancelled"}, reason="bench"),
                      dict(at=now, staff_id=staff_id, action="enrollment.move", entity="enrollment", entity_id=new,
                           student_id=sid, before={"group_id": group_id}, after={"group_id": g}, reason="bench")]
            queue += [dict(entity="enrollment", entity_id=old, operation="upsert", student_id=sid, created_at=now,
                           staff_id=staff_id),
                      dict(entity="enrollment", entity_id=new, operation="upsert", student_id=sid, created_at=now,
                           staff_id=staff_id)]
        audit.append(dict(at=now, staff_id=staff_id, action="class_group.close", entity="class_group", entity_id=group_id,
                          after={"closed": True}, reason="bench"))
        queue.append(dict(entity="class_group", entity_id=group_id, operation="upsert", student_id=None, created_at=now,
                          staff_id=staff_id))
        seal(session, AuditEntry.__table__, audit, assign_ids=True)
        for row in audit:
            row["change_set_id"] = audit[0]["id"]
        session.execute(insert(AuditEntry.__table__), audit)
        session.execute(insert(OutboxEntry.__table__), queue)
        return len(moves)


def _closure_runs(copy, repeat: int) -> dict:
    desk_times, floor_times = [], []
    for turn in range(repeat):
        outcomes = {}
        for name in (("desk", "floor") if turn % 2 == 0 else ("floor", "desk")):
            db = Database(make_engine(copy()))
            with db.read() as session:
                group_id = session.scalar(select(ClassGroup.id).where(ClassGroup.seat_limit == CLOSED_SIZE))
            started = time.perf_counter()
            if name == "desk":
                uow = UnitOfWork(db, actor_for_login(db, "bench"))
                closures.apply_plan(uow, closures.plan_closure(UnitOfWork(db, actor_for_login(db, "bench")), group_id),
                                    reason="bench")
                desk_times.append(time.perf_counter() - started)
            else:
                floor_closure(db, group_id)
                floor_times.append(time.perf_counter() - started)
            outcomes[name] = _outcome(db)
            db.dispose()
        assert outcomes["desk"][0] == outcomes["floor"][0], "desk and floor placed the students differently"
        assert outcomes["desk"][2:] == outcomes["floor"][2:], (outcomes["desk"][2:], outcomes["floor"][2:])
    return {"desk_median": statistics.median(desk_times), "desk_p95": p95(desk_times),
            "floor_median": statistics.median(floor_times), "floor_p95": p95(floor_times)}


def _report(label: str, breaks: list[dict], closure: dict) -> None:
    print(f"\n{label}: an exchange break over {COURSES * GROUPS} full groups ({STUDENTS:,} students)")
    for r in breaks:
        print(f"  {r['wishes']:>6,} wishes ({r['carried']:>6,} carried out): desk {r['desk_median']:.2f}/{r['desk_p95']:.2f} s, "
              f"floor {r['floor_median']:.2f}/{r['floor_p95']:.2f} s median/p95 ({r['desk_median'] / r['floor_median']:.2f}x); "
              f"desk {r['desk_median'] / r['wishes'] * 1e6:.0f} µs a wish")
    if len(breaks) > 1:
        first, last = breaks[0], breaks[-1]
        per = (last["desk_median"] / last["wishes"]) / (first["desk_median"] / first["wishes"])
        print(f"  per wish, {last['wishes']:,} against {first['wishes']:,}: {per:.2f}x (1.00: linear)")
    print(f"  closing a {CLOSED_SIZE}-student group into {SIBLINGS} siblings: desk {closure['desk_median']:.2f}/"
          f"{closure['desk_p95']:.2f} s, floor {closure['floor_median']:.2f}/{closure['floor_p95']:.2f} s "
          f"({closure['desk_median'] / closure['floor_median']:.2f}x)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wishes", default="5000,10000,20000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgresql", default=os.environ.get("DESK_TEST_POSTGRESQL_URL"))
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args(argv)
    sizes = [int(part) for part in args.wishes.split(",")]
    if not args.skip_sqlite:
        base = _sqlite_base()
        _report("SQLite", [_break_runs(lambda: _sqlite_copy(base), w, args.repeat) for w in sizes],
                _closure_runs(lambda: _sqlite_copy(base), args.repeat))
    if args.postgresql:
        _postgresql_base(args.postgresql)
        _report("PostgreSQL", [_break_runs(lambda: _postgresql_copy(args.postgresql), w, args.repeat) for w in sizes],
                _closure_runs(lambda: _postgresql_copy(args.postgresql), args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
