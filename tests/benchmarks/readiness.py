"""The readiness sweep of a registration meant for 20,000 students, against the explanation asked 20,000 times.

    python -m tests.benchmarks.readiness [--students N] [--meant-for N] [--repeat R] [--postgresql URL] [--skip-sqlite]

Works on a fresh copy of the search benchmark's 300,000-student demo (built first if missing), on
SQLite and, when DESK_TEST_POSTGRESQL_URL or --postgresql is given, on PostgreSQL. A registration of
its own is made, its round opening tomorrow, with one access rule for each of enough programmes that
about 20,000 students study (active or on leave); some of them are on leave, some have no login and
some have changes waiting for the portal, as the demo made them.

- desk: ``readiness.sweep``, ``--repeat`` times (median and p95);
- the baseline: the explanation of one student (``eligibility._explain``, the conditions the sweep
  asks, without reading the portal's own database) for every student the sweep counted, one after
  another in one read, as a clerk would have to ask it (per student median and p95, and the total).

Both must say the same of every student: the sweep's group is the first condition the explanation
fails (a student the sweep stops at "Data on the portal" fails nothing before it).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import timedelta

from sqlalchemy import func, select

from desk import readiness
from desk.clock import now_utc
from desk.db import open_database
from desk.eligibility import Condition, Outcome, _explain
from desk.model import (
    AccessRule,
    Course,
    Programme,
    ProgrammeStatus,
    Registration,
    RegistrationKind,
    Round,
    RoundStatus,
    StudentProgramme,
    Term,
)
from desk.staff import actor_for_login
from desk.unit_of_work import UnitOfWork
from tests.benchmarks import registrations, search

TARGET_SECONDS = 10.0
_ORDER = list(Condition)


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _registration(db, meant_for: int) -> int:
    """A registration opening tomorrow, its rules matching programmes of about ``meant_for`` students."""
    now = now_utc()
    with db.write() as session:
        counts = session.execute(
            select(StudentProgramme.programme_id, func.count(func.distinct(StudentProgramme.student_id)))
            .where(StudentProgramme.status.in_([ProgrammeStatus.ACTIVE, ProgrammeStatus.ON_LEAVE]))
            .group_by(StudentProgramme.programme_id).order_by(StudentProgramme.programme_id)).all()
        chosen, total = [], 0
        for programme_id, count in counts:
            if total >= meant_for:
                break
            chosen.append(programme_id)
            total += count
        term = session.scalars(select(Term).order_by(Term.starts_on.desc()).limit(1)).one()
        unit_id = session.scalar(select(Programme.unit_id).where(Programme.id == chosen[0]))
        registration = Registration(code=f"READY-{int(now.timestamp()) % 10**8}", name="Readiness", unit_id=unit_id,
                                    term_id=term.id, kind=RegistrationKind.DIRECT, entitled_only=True)
        session.add(registration)
        session.flush()
        registration.courses = list(session.scalars(select(Course).limit(5)))
        session.add(Round(registration_id=registration.id, name="Tura I", starts_at=now + timedelta(days=1),
                          ends_at=now + timedelta(days=8), status=RoundStatus.PREPARING, unregister_allowed=True))
        session.add_all([AccessRule(registration_id=registration.id, programme_id=pid, created_at=now) for pid in chosen])
        return registration.id


def measure(url: str, meant_for: int, repeat: int) -> dict:
    db = open_database(url).database
    try:
        registration_id = _registration(db, meant_for)
        admin = actor_for_login(db, "admin")
        now = now_utc()
        sweeps, found = [], None
        for _ in range(repeat):
            started = time.perf_counter()
            found = readiness.sweep(UnitOfWork(db, admin, now=now), registration_id)
            sweeps.append(time.perf_counter() - started)
        stopped = {sid: b.condition for b in found.blocked for sid in b.student_ids}
        students = sorted({*found.ready, *stopped})
        one, disagree = [], 0
        with db.read() as session:
            for student_id in students:
                started = time.perf_counter()
                explanation = _explain(session, student_id, registration_id, course_id=None, group_id=None, now=now)
                one.append(time.perf_counter() - started)
                failed = next((c.condition for c in explanation.checks if c.outcome is Outcome.FAILED), None)
                said = stopped.get(student_id)
                if said is Condition.PORTAL:  # the explanation reads the portal's own database for this one
                    agrees = failed is None or _ORDER.index(failed) > _ORDER.index(Condition.PORTAL)
                else:
                    agrees = failed == said
                disagree += not agrees
        return {
            "meant_for": found.meant_for, "ready": len(found.ready),
            "blocked": {b.condition.value + (f" ({b.fix.value})" if b.fix else ""): b.count for b in found.blocked},
            "sweep_median_s": statistics.median(sweeps), "sweep_p95_s": p95(sweeps),
            "explain_total_s": sum(one), "explain_median_ms": statistics.median(one) * 1000, "explain_p95_ms": p95(one) * 1000,
            "ratio": sum(one) / statistics.median(sweeps), "disagreements": disagree,
        }
    finally:
        db.dispose()


def _print(label: str, r: dict) -> None:
    print(f"{label}: a registration meant for {r['meant_for']:,} students ({r['ready']:,} ready; {r['blocked']})")
    print(f"  sweep: median {r['sweep_median_s']:.2f} s, p95 {r['sweep_p95_s']:.2f} s "
          f"(target under {TARGET_SECONDS:.0f} s: {'met' if r['sweep_p95_s'] < TARGET_SECONDS else 'NOT met'})")
    print(f"  the explanation for each of them: {r['explain_total_s']:.1f} s in all "
          f"(median {r['explain_median_ms']:.2f} ms, p95 {r['explain_p95_ms']:.2f} ms a student)")
    print(f"  explanations / sweep: {r['ratio']:.0f}x; students they disagree on: {r['disagreements']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=300_000)
    parser.add_argument("--meant-for", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5, help="sweeps timed (default 5)")
    parser.add_argument("--postgresql", default=os.environ.get("DESK_TEST_POSTGRESQL_URL"), help="server URL")
    parser.add_argument("--skip-sqlite", action="store_true", help="PostgreSQL only")
    args = parser.parse_args(argv)
    results = {}
    if not args.skip_sqlite:
        results["sqlite"] = measure(registrations.sqlite_copy(args.students, "readiness"), args.meant_for, args.repeat)
        _print("SQLite", results["sqlite"])
    if args.postgresql:
        results["postgresql"] = measure(registrations.postgresql_copy(args.students, args.postgresql, "readiness"),
                                        args.meant_for, args.repeat)
        _print("PostgreSQL", results["postgresql"])
    search.DATA.mkdir(exist_ok=True)
    (search.DATA / "readiness-results.json").write_text(json.dumps(results, indent=2))
    return 0 if all(r["disagreements"] == 0 for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
