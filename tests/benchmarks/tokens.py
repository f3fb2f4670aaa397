"""Tokens at scale: resolving a token round's requests, and a balance lookup among 3,000,000 ledger entries.

    python -m tests.benchmarks.tokens [--students N] [--postgresql URL]

Works on a fresh copy of the search benchmark's 300,000-student demo (built first if missing),
on SQLite and, when DESK_TEST_POSTGRESQL_URL or --postgresql is given, on PostgreSQL:

- the ledger is filled to 10 entries per student (3,000,000 at 300,000 students), then a
  student's balances are looked up through the service and by the floor (one statement: each token
  type with a SUM of the student's entries of it by the ledger's index), taking turns, for 200
  students drawn at random; both must give the same balances (median and p95 of each);
- a token registration offering 500 groups receives 5,000, 10,000 and 20,000 basket requests
  (each size a registration of its own), which are resolved as at a micro-break: the time per
  request shows whether the work grows linearly with the number of requests;
- the floor: a plain resolver (the same rules in a few lines of Python, the same rows written by plain
  multi-row statements in one transaction, no audit trail or portal queue) resolves each registration
  first and rolls back, then the desk resolves it; the two outcomes (each request's status, who got
  which group, the tokens spent and payments created, the students' balances) must be the same. The
  floor and the desk take turns, ``--repeat`` registrations of each size: median and p95 of each;
- an unregistration (the token refunded, or the payment cancelled) among the ledger's 3,000,000
  entries, through the service, for students registered by the smallest rounds;
- on SQLite, the plan of the standing-enrollments query of a batch (it must start from the students).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import bindparam, func, insert, select, text, update

from desk import payments, token_rounds, tokens
from desk.chain import entry_hash
from desk.clock import now_utc
from desk.db import open_database
from desk.demo import reset_sequences
from desk.model import (
    AuditEntry,
    ClassGroup,
    ClassType,
    Course,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    LedgerKind,
    OutboxEntry,
    Payment,
    PaymentStatus,
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
from desk.unit_of_work import SystemJob, UnitOfWork

ENTRIES_PER_STUDENT = 10
GROUPS = 500
SIZES = (5_000, 10_000, 20_000)
REPEAT = 5  # registrations of each size, the floor and the desk taking turns
REFUNDS = 30
_codes = itertools.count(1)


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


# The floor of a balance lookup: every token type with the student's balance of it, each a SUM by the
# ledger's (student, type) index, in one statement.
_BALANCES_SQL = ("SELECT t.id, t.code, t.name, t.semester_price, COALESCE((SELECT sum(l.amount) FROM token_ledger l "
                 "WHERE l.student_id = :student AND l.token_type_id = t.id), 0) FROM token_types t ORDER BY t.code")


def floor_balances(db, student_id: int) -> list[tuple]:
    with db.engine.connect() as connection:
        return connection.execute(text(_BALANCES_SQL), {"student": student_id}).all()


def _balance_rows(rows) -> list[tuple]:
    return [(type_id, code, name, Decimal(str(price)).quantize(Decimal("0.01")), int(balance))
            for type_id, code, name, price, balance in rows]


def balance_lookup(db, actor) -> dict:
    """A student's balances through the service and by the floor, taking turns, for 200 students drawn at random;
    the two must give the same balances."""
    with db.read() as session:
        students = session.scalars(select(Student.id)).all()
    picked = random.Random(3).sample(students, 200)
    desk = lambda student_id: tokens.balances(UnitOfWork(db, actor), student_id)  # noqa: E731
    floor = lambda student_id: floor_balances(db, student_id)  # noqa: E731
    desk(picked[0]), floor(picked[0])
    samples: dict[str, list[float]] = {"desk": [], "floor": []}
    for index, student_id in enumerate(picked):
        shown = {}
        for name in (("desk", "floor") if index % 2 == 0 else ("floor", "desk")):
            started = time.perf_counter()
            shown[name] = (desk if name == "desk" else floor)(student_id)
            samples[name].append((time.perf_counter() - started) * 1000)
        lines = _balance_rows((b.token_type_id, b.code, b.name, b.semester_price, b.balance) for b in shown["desk"])
        if lines != _balance_rows(shown["floor"]):
            raise SystemExit(f"student {student_id}: the desk shows the balances {lines}, the floor {_balance_rows(shown['floor'])}")
    desk_s, floor_s = samples["desk"], samples["floor"]
    result = dict(median=statistics.median(desk_s), p95=search.p95(desk_s), runs=len(desk_s),
                  floor_median=statistics.median(floor_s), floor_p95=search.p95(floor_s))
    result.update(ratio_median=result["median"] / result["floor_median"], ratio_p95=result["p95"] / result["floor_p95"])
    return result


def _token_registration(db, size: int, students: list[int], rng: random.Random):
    """A token registration of 500 fresh groups (30 seats each) and ``size`` requests in its first micro-round."""
    now = now_utc()
    start = now - timedelta(hours=2)
    with db.write() as session:
        term = session.scalars(select(Term).order_by(Term.starts_on).limit(1)).one()
        unit_id = session.scalar(select(Course.unit_id).limit(1))
        registration = Registration(
            code=f"BENCH-TOK-{size}-{int(now.timestamp())}-{next(_codes)}", name=f"Benchmark token round, {size} requests", unit_id=unit_id,
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


def floor_resolve(db, registration_id: int) -> tuple[float, dict]:
    """The floor: the registration's pending register requests resolved by a plain resolver, in one transaction.

    The rulebook's register rules in a few lines (the same slot, the selection limit, a token or the
    student's consent to pay, a place), the rows written by plain multi-row statements, and what desk
    records for them: an audit entry and a portal queue entry for each decision (a request left waiting
    the first time too), enrollment, token spent and payment, the audit entries and the tokens spent
    sealed in their hash chains; the seconds it took, and its outcome read before rolling back.
    """
    tr, cg, e, tl, pay = (TokenRequest.__table__, ClassGroup.__table__, Enrollment.__table__, TokenEntry.__table__,
                          Payment.__table__)
    started = time.perf_counter()
    with db.engine.connect() as connection:
        transaction = connection.begin()
        now = now_utc()
        reg = connection.execute(select(Registration.__table__.c.term_id, Registration.__table__.c.token_type_id,
                                        Registration.__table__.c.selection_limit)
                                 .where(Registration.__table__.c.id == registration_id)).one()
        price = connection.scalar(select(TokenType.__table__.c.semester_price).where(TokenType.__table__.c.id == reg.token_type_id))
        requests = connection.execute(
            select(tr.c.id, tr.c.student_id, tr.c.group_id, tr.c.course_id, tr.c.payment_accepted)
            .where(tr.c.registration_id == registration_id, tr.c.status == RequestStatus.PENDING,
                   tr.c.action == RequestAction.REGISTER)
            .order_by(tr.c.submitted_at, tr.c.id)
        ).all()
        students = select(tr.c.student_id).where(tr.c.registration_id == registration_id)
        groups = {row.id: [row.enrolled_count, row.seat_limit, (row.course_id, row.term_id, str(row.class_type))]
                  for row in connection.execute(
                      select(cg.c.id, cg.c.enrolled_count, cg.c.seat_limit, cg.c.course_id, cg.c.term_id, cg.c.class_type)
                      .where(cg.c.id.in_(select(tr.c.group_id).where(tr.c.registration_id == registration_id))))}
        balances = dict(connection.execute(
            select(tl.c.student_id, func.sum(tl.c.amount))
            .where(tl.c.token_type_id == reg.token_type_id, tl.c.student_id.in_(students)).group_by(tl.c.student_id)
        ).all())
        # What the students hold that these rules look at: a group of an offered course (the same slot), and the
        # courses taken through this registration (the selection limit).
        slots: dict[int, set] = {}
        courses: dict[int, set] = {}
        for row in connection.execute(
            select(e.c.student_id, e.c.registration_id, cg.c.course_id, cg.c.term_id, cg.c.class_type)
            .join(cg, cg.c.id == e.c.group_id)
            .where(e.c.status == EnrollmentStatus.ACCEPTED, e.c.student_id.in_(students),
                   cg.c.course_id.in_(select(RegistrationCourse.__table__.c.course_id)
                                      .where(RegistrationCourse.__table__.c.registration_id == registration_id)))
        ):
            slots.setdefault(row.student_id, set()).add((row.course_id, row.term_id, str(row.class_type)))
            if row.registration_id == registration_id:
                courses.setdefault(row.student_id, set()).add(row.course_id)
        limit = reg.selection_limit
        accepted, refused, spends, payers = [], [], [], []
        for request in requests:
            group = groups[request.group_id]
            held_slots = slots.setdefault(request.student_id, set())
            taken = courses.setdefault(request.student_id, set())
            balance = int(balances.get(request.student_id) or 0)
            if (group[2] in held_slots or (limit is not None and request.course_id not in taken and len(taken) >= limit)
                    or (balance <= 0 and not request.payment_accepted)):
                refused.append(request)
            elif group[0] >= group[1]:
                continue  # a full group: it waits
            else:
                group[0] += 1
                held_slots.add(group[2])
                taken.add(request.course_id)
                accepted.append(request)
                if balance > 0:
                    balances[request.student_id] = balance - 1
                    spends.append(request)
                else:
                    payers.append(request)
        decided = {r.id for r in accepted} | {r.id for r in refused}
        waiting = [r for r in requests if r.id not in decided]
        changed = [r for r in accepted + refused]
        if changed:
            connection.execute(
                update(tr).where(tr.c.id == bindparam("rid")).values(status=bindparam("new_status"), resolved_at=now),
                [dict(rid=r.id, new_status=RequestStatus.ACCEPTED) for r in accepted]
                + [dict(rid=r.id, new_status=RequestStatus.REFUSED) for r in refused])
        if accepted:
            enrollment_ids = _floor_ids(connection, "enrollments", len(accepted))
            connection.execute(insert(e), [
                dict(id=eid, student_id=r.student_id, group_id=r.group_id, registration_id=registration_id,
                     source=EnrollmentSource.TOKEN, status=EnrollmentStatus.ACCEPTED, over_limit=False, created_at=now)
                for eid, r in zip(enrollment_ids, accepted)])
            touched = sorted({r.group_id for r in accepted})
            connection.execute(update(cg).where(cg.c.id == bindparam("gid")).values(enrolled_count=bindparam("count")),
                               [dict(gid=gid, count=groups[gid][0]) for gid in touched])
        spend_ids = payment_ids = []
        if spends:
            spend_ids = _floor_ids(connection, "token_ledger", len(spends))
            rows = [dict(id=lid, student_id=r.student_id, token_type_id=reg.token_type_id, kind=LedgerKind.SPEND, amount=-1,
                         reason="token_request.ledger_spend", reason_message={"code": "token_request.ledger_spend",
                                                                              "params": {"request": r.id}},
                         idempotency_key=f"request-{r.id}", token_request_id=r.id, created_at=now)
                    for lid, r in zip(spend_ids, spends)]
            _floor_seal(connection, "token_ledger", rows)
            connection.execute(insert(tl), rows)
        if payers:
            due_on = payments.due_date(now)
            payment_ids = _floor_ids(connection, "payments", len(payers))
            connection.execute(insert(pay), [
                dict(id=pid, student_id=r.student_id, amount=price, token_type_id=reg.token_type_id, course_id=r.course_id,
                     term_id=reg.term_id, token_request_id=r.id, status=PaymentStatus.DUE, due_on=due_on, created_at=now)
                for pid, r in zip(payment_ids, payers)])
        # What desk records: an audit entry (sealed) and a queued change for each.
        recorded = (
            [("token_request.accepted", "token_request", r.id, r.student_id, {"group_id": r.group_id, "status": "accepted"})
             for r in accepted]
            + [("token_request.refused", "token_request", r.id, r.student_id, {"group_id": r.group_id, "status": "refused"})
               for r in refused]
            + [("token_request.waiting", "token_request", r.id, r.student_id, {"group_id": r.group_id, "status": "pending"})
               for r in waiting]
            + ([("enrollment.token_register", "enrollment", eid, r.student_id,
                 {"group_id": r.group_id, "status": "accepted", "source": "token", "over_limit": False,
                  "registration_id": registration_id}) for eid, r in zip(enrollment_ids, accepted)] if accepted else [])
            + [("token.spend", "token_entry", lid, r.student_id, {"token_type_id": reg.token_type_id, "kind": "spend",
                                                                  "amount": -1, "token_request_id": r.id})
               for lid, r in zip(spend_ids, spends)]
            + [("payment.create", "payment", pid, r.student_id, {"amount": str(price), "course_id": r.course_id,
                                                                 "status": "due"}) for pid, r in zip(payment_ids, payers)]
        )
        if recorded:
            audit = [dict(at=now, staff_id=None, job=None, action=action, entity=entity, entity_id=eid, student_id=sid,
                          before=None, after=after, reason=None, reason_message={"code": action, "params": {}})
                     for action, entity, eid, sid, after in recorded]
            for row, new_id in zip(audit, _floor_ids(connection, "audit_log", len(audit))):
                row["id"] = new_id
            _floor_seal(connection, "audit_log", audit)
            connection.execute(insert(AuditEntry.__table__), audit)
            connection.execute(insert(OutboxEntry.__table__), [
                dict(entity=entity, entity_id=eid, operation="upsert", student_id=sid, payload=after, created_at=now)
                for action, entity, eid, sid, after in recorded])
        seconds = time.perf_counter() - started
        result = outcome(connection, registration_id)
        result["recorded"] = len(recorded)
        transaction.rollback()
    return seconds, result


def _floor_ids(connection, table: str, count: int) -> list[int]:
    """New ids for a plain multi-row INSERT (the write lock on SQLite, the sequence on PostgreSQL)."""
    if connection.dialect.name == "postgresql":
        return sorted(connection.execute(text(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) "
                                              "FROM generate_series(1, :n)"), {"n": count}).scalars())
    top = connection.execute(text(f"SELECT max(id) FROM {table}")).scalar() or 0
    return list(range(top + 1, top + 1 + count))


def _floor_seal(connection, table: str, rows: list[dict]) -> None:
    """The rows' hashes in their chain, after its last entry (PostgreSQL: under the chains' lock)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(1684370283)"))
    previous = connection.execute(text(f"SELECT chain_hash FROM {table} ORDER BY id DESC LIMIT 1")).scalar()
    for row in rows:
        previous = row["chain_hash"] = entry_hash(table, previous, row)


def outcome(connection, registration_id: int) -> dict:
    """What a resolution left: each request's status, who holds which group, the tokens spent and payments due
    (by request), and the balances of the registration's students."""
    tr, e, tl, pay = TokenRequest.__table__, Enrollment.__table__, TokenEntry.__table__, Payment.__table__
    requests = select(tr.c.id).where(tr.c.registration_id == registration_id)
    students = select(tr.c.student_id).where(tr.c.registration_id == registration_id)
    token_type_id = connection.scalar(select(Registration.__table__.c.token_type_id)
                                      .where(Registration.__table__.c.id == registration_id))
    return dict(
        statuses=dict(connection.execute(select(tr.c.id, tr.c.status).where(tr.c.registration_id == registration_id)).all()),
        enrolled=sorted(connection.execute(
            select(e.c.student_id, e.c.group_id)
            .where(e.c.registration_id == registration_id, e.c.status == EnrollmentStatus.ACCEPTED)).all()),
        spent=sorted(connection.scalars(select(tl.c.token_request_id).where(tl.c.token_request_id.in_(requests),
                                                                            tl.c.kind == LedgerKind.SPEND))),
        payments=sorted(connection.execute(select(pay.c.token_request_id, pay.c.amount, pay.c.status)
                                           .where(pay.c.token_request_id.in_(requests))).all()),
        balances=dict(connection.execute(
            select(tl.c.student_id, func.sum(tl.c.amount))
            .where(tl.c.token_type_id == token_type_id, tl.c.student_id.in_(students)).group_by(tl.c.student_id)).all()),
    )


def _summary(samples: list[float]) -> dict:
    return dict(median=statistics.median(samples), p95=search.p95(samples), runs=len(samples))


def resolution(db, actor, repeat: int) -> tuple[list[dict], list[int]]:
    """Each size ``repeat`` times, each time a registration of its own: the floor (rolled back), then the desk."""
    with db.read() as session:
        students = list(dict.fromkeys(session.scalars(
            select(StudentProgramme.student_id).where(StudentProgramme.status == ProgrammeStatus.ACTIVE)
            .order_by(StudentProgramme.student_id)
        )))
    rng = random.Random(5)
    results = []
    small: list[int] = []  # registrations of the smallest size: no request left waiting, for the refunds
    for index, size in enumerate(SIZES):
        size = min(size, len(students))
        desk_samples, floor_samples, last = [], [], None
        for _ in range(repeat):
            chosen = rng.sample(students, size)
            registration_id = _token_registration(db, size, chosen, rng)
            floor_seconds, floor_outcome = floor_resolve(db, registration_id)
            with db.engine.connect() as connection:
                audited_before = connection.scalar(select(func.max(AuditEntry.__table__.c.id))) or 0
            started = time.perf_counter()
            result = token_rounds.resolve_now(UnitOfWork(db, actor), registration_id)
            desk_seconds = time.perf_counter() - started
            with db.engine.connect() as connection:
                desk_outcome = outcome(connection, registration_id)
                desk_outcome["recorded"] = connection.scalar(select(func.count()).select_from(AuditEntry.__table__).where(
                    AuditEntry.__table__.c.id > audited_before))
            if desk_outcome != floor_outcome:
                differ = [key for key in desk_outcome if desk_outcome[key] != floor_outcome[key]]
                raise SystemExit(f"the floor and the desk disagree at {size:,} requests: {', '.join(differ)}")
            desk_samples.append(desk_seconds)
            floor_samples.append(floor_seconds)
            last = result
            if index == 0:
                small.append(registration_id)
        desk, floor = _summary(desk_samples), _summary(floor_samples)
        results.append(dict(requests=size, seconds=desk["median"], per_request_ms=desk["median"] * 1000 / size,
                            desk=desk, floor=floor, ratio=desk["median"] / floor["median"],
                            accepted=last.accepted, refused=last.refused, waiting=last.still_pending))
    return results, small


def refunds(db, actor, registration_ids: list[int]) -> dict:
    """Unregistrations through the service: the portal's request submitted, then resolved at once (the token
    refunded or the payment cancelled); the resolution timed, for students registered by these registrations."""
    with db.read() as session:
        held = session.execute(
            select(Enrollment.student_id, Enrollment.group_id, Enrollment.registration_id)
            .where(Enrollment.registration_id.in_(registration_ids), Enrollment.status == EnrollmentStatus.ACCEPTED)
            .order_by(Enrollment.id)
        ).all()
    picked = random.Random(7).sample(held, min(REFUNDS, len(held)))
    samples = []
    for student_id, group_id, registration_id in picked:
        token_rounds.submit_request(UnitOfWork(db, SystemJob.PORTAL), student_id, group_id, registration_id,
                                    RequestAction.UNREGISTER)
        started = time.perf_counter()
        result = token_rounds.resolve_now(UnitOfWork(db, actor), registration_id)
        samples.append((time.perf_counter() - started) * 1000)
        assert result.accepted == 1, result
    return _summary(samples)


def standing_plan(db) -> list[str]:
    """SQLite's plan of a batch's standing-enrollments query, for 500 students."""
    with db.read() as session:
        term_id = session.scalar(select(Term.id).order_by(Term.starts_on).limit(1))
        student_ids = sorted(random.Random(11).sample(session.scalars(select(Student.id)).all(), 500))
        query = token_rounds._STANDING.params(students=student_ids, term=term_id)
        sql = str(query.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True, "render_postcompile": True}))
        return [row[-1] for row in session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]


def measure(url: str, repeat: int = REPEAT) -> dict:
    db = open_database(url).database
    if not db.is_sqlite:
        reset_sequences(db)
    entries = _fill_ledger(db)
    actor = actor_for_login(db, "admin")
    with db.read() as session:
        students = session.scalar(select(func.count()).select_from(Student))
    result = dict(students=students, ledger_entries=entries, balance=balance_lookup(db, actor))
    result["resolution"], small = resolution(db, actor, repeat)
    result["refund"] = refunds(db, actor, small)
    result["standing_plan"] = standing_plan(db) if db.is_sqlite else []
    db.dispose()
    return result


def _print(title: str, r: dict) -> None:
    print(f"\n{title}: {r['students']:,} students, {r['ledger_entries']:,} ledger entries")
    b = r["balance"]
    print(f"balance lookup among {r['ledger_entries']:,} ledger entries, {b['runs']} students, desk and floor taking turns: "
          f"desk {b['median']:.2f}/{b['p95']:.2f} ms, floor {b['floor_median']:.2f}/{b['floor_p95']:.2f} ms (median/p95); "
          f"desk/floor {b['ratio_median']:.2f}x median, {b['ratio_p95']:.2f}x p95; the same balances")
    for line in r["resolution"]:
        print(f"resolve {line['requests']:>6,} requests over {GROUPS} groups: {line['seconds']:6.1f} s, "
              f"{line['per_request_ms']:.2f} ms a request ({line['accepted']:,} accepted, {line['refused']:,} refused, "
              f"{line['waiting']:,} waiting for a place)")
    for line in r["resolution"]:
        d, f = line["desk"], line["floor"]
        print(f"  {line['requests']:>6,} requests, {d['runs']} runs each: desk {d['median']:.2f} s median, {d['p95']:.2f} s p95; "
              f"floor {f['median']:.2f} s median, {f['p95']:.2f} s p95; desk/floor {line['ratio']:.1f}x "
              f"(p95 {d['p95'] / f['p95']:.1f}x), the same outcome")
    u = r["refund"]
    print(f"unregistration (refund) among {r['ledger_entries']:,} ledger entries: {u['median']:.1f} ms median, "
          f"{u['p95']:.1f} ms p95 ({u['runs']} students); {u['median'] / b['median']:.1f}x a balance lookup")
    if r["standing_plan"]:
        print("standing enrollments of a batch (SQLite's plan): " + "; ".join(r["standing_plan"]))
    first, last = r["resolution"][0], r["resolution"][-1]
    print(f"per-request time from {first['requests']:,} to {last['requests']:,} requests: "
          f"{last['per_request_ms'] / first['per_request_ms']:.2f}x (1.00x is linear)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=300_000)
    parser.add_argument("--postgresql", default=os.environ.get("DESK_TEST_POSTGRESQL_URL"), help="server URL")
    parser.add_argument("--skip-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--repeat", type=int, default=REPEAT, help="registrations of each size (floor and desk in turn)")
    args = parser.parse_args(argv)
    results = {}
    if not args.skip_sqlite:
        results["sqlite"] = measure(registrations.sqlite_copy(args.students, "tokens"), args.repeat)
        _print("SQLite", results["sqlite"])
    if args.postgresql:
        results["postgresql"] = measure(registrations.postgresql_copy(args.students, args.postgresql, "tokens"), args.repeat)
        _print("PostgreSQL", results["postgresql"])
    search.DATA.mkdir(exist_ok=True)
    (search.DATA / "tokens-results.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
