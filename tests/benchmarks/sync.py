"""Sync at scale: 50,000 queued changes sent to the portal, and 5,000 student actions read back.

    python -m tests.benchmarks.sync [--students N] [--changes N] [--actions N] [--postgresql URL]

Works on a fresh copy of the search benchmark's 300,000-student demo (built first if missing),
with its portal database beside it (SQLite, attached read-only so rows are copied inside the
database) or in the same database (PostgreSQL's default), and once more with the portal in a
database of its own on the server, where rows go through Python. A full run
publishes everything first (timed, for the record). Then 50,000 changes are queued (persons,
enrollments, ledger entries and groups, as clerks and round resolution queue them) and:

- the floor: the portal rows those changes produce, read beforehand, written by one bare bulk
  upsert per table in one transaction: what a sync cannot beat;
- the desk: an incremental run, which reads the queue in batches, reads each record's current
  state, upserts it with the batch's checkpoint, and marks the batch sent at the desk.

Floor and desk take turns over three rounds of fresh changes (--rounds); the medians are quoted,
with the ratio of the best of each beside them (this machine's speed varies from run to run).

Last, 5,000 students' token requests in the basket of an active token round are read back
and applied through the desk's services, one transaction each, in actions per second.
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

from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.engine import make_url

from desk import sync
from desk.clock import now_utc
from desk.db import Database, open_database
from desk.enrollment import active_round
from desk.model import (
    ClassGroup,
    Enrollment,
    OutboxEntry,
    Person,
    Registration,
    RegistrationKind,
    SyncKind,
    TokenEntry,
)
from desk.portal import simulator
from desk.portal.database import open_portal
from desk.portal.publish import PUBLICATIONS, keys_for_changes, upsert
from desk.staff import actor_for_login
from tests.benchmarks import registrations, search
from desk.unit_of_work import UnitOfWork

DATA = search.DATA


def _queue_changes(db: Database, count: int, seed: int = 7) -> list[tuple[str, int]]:
    """Queue ``count`` changes of existing records, in the proportions a busy day has."""
    rng = random.Random(seed)
    with db.read() as session:
        persons = list(session.scalars(select(Person.id)))
        enrollments = list(session.scalars(select(Enrollment.id)))
        ledger = list(session.scalars(select(TokenEntry.id)))
        groups = list(session.scalars(select(ClassGroup.id)))
    mix = (("person", persons, 0.4), ("enrollment", enrollments, 0.4), ("token_entry", ledger, 0.15), ("class_group", groups, 0.05))
    changes = []
    for entity, ids, share in mix:
        changes += [(entity, i) for i in rng.sample(ids, min(len(ids), int(count * share)))]
    changes = changes[:count]
    rng.shuffle(changes)
    with db.write() as session:
        session.execute(insert(OutboxEntry), [dict(entity=e, entity_id=i, operation="upsert", created_at=now_utc())
                                              for e, i in changes])
    return changes


def _floor(db: Database, portal: Database, changes: list[tuple[str, int]]) -> tuple[float, int]:
    with db.read() as session:
        keys = keys_for_changes(session, changes)
        rows = {name: list(PUBLICATIONS[name].rows_for_keys(session, k).values()) for name, k in keys.items() if not name.startswith("@")}
    started = time.perf_counter()
    with portal.write() as target:
        for name, table_rows in rows.items():
            upsert(target, PUBLICATIONS[name].table, table_rows)
    return time.perf_counter() - started, sum(len(r) for r in rows.values())


def _token_registration(db: Database) -> int | None:
    now = now_utc()
    with db.read() as session:
        for registration in session.scalars(select(Registration).where(Registration.kind == RegistrationKind.TOKEN)):
            if active_round(session, registration.id, now) is not None:
                return registration.id
    return None


def measure(url: str, portal_url: str, changes: int, actions: int, *, inside: bool = True, rounds: int = 3) -> dict:
    db = open_database(url).database
    # inside: as the desk opens its portal (it reads the desk's tables itself); else through Python.
    portal = open_portal(portal_url, db.url if inside else None)
    admin = actor_for_login(db, "admin")
    result: dict = {"copied_inside_the_database": portal.desk_schema is not False}
    started = time.perf_counter()
    full = sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
    result["full_seconds"] = time.perf_counter() - started
    result["full_rows"] = full.repaired_rows

    floors, desks = [], []
    for round_number in range(rounds):  # floor and desk take turns, on fresh changes each round
        queued = _queue_changes(db, changes, seed=7 + round_number)
        floor_seconds, floor_rows = _floor(db, portal, queued)
        started = time.perf_counter()
        run = sync.run_sync(UnitOfWork(db, admin), portal=portal)
        desks.append(time.perf_counter() - started)
        floors.append(floor_seconds)
    desk_seconds, floor_seconds = statistics.median(desks), statistics.median(floors)
    result.update(changes=len(queued), sent=run.sent, rows=floor_rows, floor_seconds=floor_seconds, desk_seconds=desk_seconds,
                  ratio=desk_seconds / floor_seconds, rounds=rounds, all_desk_seconds=[round(x, 3) for x in desks],
                  all_floor_seconds=[round(x, 3) for x in floors], best_ratio=min(desks) / min(floors))

    registration_id = _token_registration(db)
    if registration_id is not None and actions:
        made = simulator.token_requests(portal, registration_id, students=actions, seed=3,
                                        at=now_utc() - timedelta(minutes=1))
        started = time.perf_counter()
        inbound = sync.run_sync(UnitOfWork(db, admin), portal=portal)
        seconds = time.perf_counter() - started
        result.update(actions=made.actions, received=inbound.received, conflicts=inbound.conflicts, inbound_seconds=seconds,
                      actions_per_second=inbound.received / seconds if seconds else 0.0)
    portal.dispose()
    db.dispose()
    return result


def _print(title: str, r: dict) -> None:
    how = "rows copied inside the database" if r["copied_inside_the_database"] else "rows sent through Python"
    print(f"{title} ({how}): full run {r['full_seconds']:.1f} s ({r['full_rows']:,} rows published)")
    print(f"  {r['changes']:,} queued changes ({r['rows']:,} portal rows), median of {r['rounds']} rounds: "
          f"desk {r['desk_seconds']:.2f} s, bare upsert {r['floor_seconds']:.2f} s, desk/floor {r['ratio']:.2f}x "
          f"(best of each: {r['best_ratio']:.2f}x; desk {r['all_desk_seconds']}, floor {r['all_floor_seconds']})")
    if "actions" in r:
        print(f"  {r['received']:,} student actions read back and applied in {r['inbound_seconds']:.1f} s "
              f"({r['actions_per_second']:.0f}/s; {r['conflicts']:,} kept as conflicts)")


def _sqlite(students: int) -> tuple[str, str]:
    url = registrations.sqlite_copy(students, name="sync")
    path = make_url(url).database
    portal = path.replace(".sqlite", "-portal.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(portal + suffix):
            os.unlink(portal + suffix)
    return url, f"sqlite+pysqlite:///{portal}"


def _postgresql(students: int, server: str, *, separate: bool) -> tuple[str, str]:
    url = registrations.postgresql_copy(students, server, name="sync")
    if not separate:
        return url, url  # the default for a PostgreSQL desk: portal_* tables in the same database
    base = make_url(server).set(drivername="postgresql+psycopg")
    name = f"desk_bench_sync_portal_{students // 1000}k"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url, base.set(database=name).render_as_string(hide_password=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=300_000)
    parser.add_argument("--changes", type=int, default=50_000)
    parser.add_argument("--actions", type=int, default=5_000)
    parser.add_argument("--postgresql", default=os.environ.get("DESK_TEST_POSTGRESQL_URL"), help="server URL")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of changes, floor and desk taking turns")
    parser.add_argument("--skip-sqlite", action="store_true", help="PostgreSQL only")
    args = parser.parse_args(argv)
    results = {}
    if not args.skip_sqlite:
        results["sqlite"] = measure(*_sqlite(args.students), args.changes, args.actions, rounds=args.rounds)
        _print("SQLite", results["sqlite"])
    if args.postgresql:
        results["postgresql"] = measure(*_postgresql(args.students, args.postgresql, separate=False), args.changes, args.actions,
                                        rounds=args.rounds)
        _print("PostgreSQL", results["postgresql"])
        results["postgresql_separate"] = measure(*_postgresql(args.students, args.postgresql, separate=True), args.changes,
                                                 0, inside=False, rounds=args.rounds)
        _print("PostgreSQL, portal in a database of its own", results["postgresql_separate"])
    DATA.mkdir(exist_ok=True)
    (DATA / "sync-results.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
