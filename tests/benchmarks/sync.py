"""Sync at scale: 50,000 queued changes sent to the portal against their floor, and 5,000 student actions read back.

    python -m tests.benchmarks.sync [--students N] [--changes N] [--actions N] [--rounds N] [--postgresql URL]

Works on a fresh copy of the search benchmark's 300,000-student demo (built first if missing),
with its portal database beside it (SQLite, attached read-only so rows are copied inside the
database) or in the same database (PostgreSQL's default), and once more with the portal in a
database of its own on the server, where rows go through Python. A full run publishes everything
first (timed, for the record). Then, each round, 50,000 changes are made and queued (persons
renamed and groups given a seat more, enrollments and ledger entries queued as they are, in the
proportions a busy day has), and sent to the portal twice over:

- by the desk: an incremental sync run, which reads the queue in batches, reads each record's
  current state, upserts it with the batch's checkpoint, and marks the batch sent at the desk;
- by the floor: the same outbound pass in plain SQL, as a competent engineer would write it for
  these kinds of record: the pending queue entries read in batches of the desk's size, the rows
  they name read and upserted into the portal tables (by INSERT … SELECT … ON CONFLICT inside
  the database, or streamed by COPY where the portal is another database), records gone at the
  desk removed, and the entries marked sent (in the portal's transaction where the portal is
  the desk's own database, after it with a checkpoint where it is not).

Between the two, the portal's rows of the round's records are put back as they were and the
round's entries marked unsent again, so both do the same work; which goes first alternates from
round to round. After each, every queue entry of the round must be marked sent, the portal must
show the renamed persons and the groups' new limits, and the portal tables written (persons,
class groups, enrollments, token balances) must hold the same rows after the floor as after the
desk (compared whole). Median and p95 of each and the ratio are quoted (--rounds, 4 by default).

Last, 5,000 students' token requests in the basket of an active token round are read back
and applied through the desk's services, one transaction each, in actions per second.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import sys
import time
from datetime import timedelta

from sqlalchemy import bindparam, create_engine, insert, select, text, tuple_, update
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
from desk.portal import schema, simulator
from desk.portal.database import open_portal
from desk.portal.publish import keys_for_changes, plain, remove, upsert
from desk.staff import actor_for_login
from tests.benchmarks import registrations, search
from desk.unit_of_work import UnitOfWork

DATA = search.DATA
ROUNDS = 4
# The portal tables the queued kinds of record are published to.
WRITTEN = (schema.persons, schema.class_groups, schema.enrollments, schema.token_balances)


# --- the changes of a round ------------------------------------------------------------------


def _queue_changes(db: Database, count: int, seed: int, tag: int) -> tuple[list[tuple[str, int]], int, int, dict]:
    """Make and queue ``count`` changes, in the proportions a busy day has: persons renamed, groups given a
    seat more, enrollments and ledger entries queued as they are. The changes, the span of the queue
    entries' ids, and what the portal must show afterwards."""
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
    renamed = [i for entity, i in changes if entity == "person"]
    widened = [i for entity, i in changes if entity == "class_group"]
    expected: dict[str, dict[int, object]] = {}
    with db.write() as session:
        names = {}
        for start in range(0, len(renamed), 5000):
            names.update(session.execute(select(Person.id, Person.first_name)
                                         .where(Person.id.in_(renamed[start:start + 5000]))).all())
        expected["persons"] = {i: f"{names[i].split(' ~')[0]} ~{tag}" for i in renamed}
        if renamed:
            session.execute(update(Person.__table__).where(Person.__table__.c.id == bindparam("pid")),
                            [{"pid": i, "first_name": name} for i, name in expected["persons"].items()])
        for start in range(0, len(widened), 5000):
            session.execute(update(ClassGroup.__table__).where(ClassGroup.__table__.c.id.in_(widened[start:start + 5000]))
                            .values(seat_limit=ClassGroup.__table__.c.seat_limit + 1))
        expected["class_groups"] = {}
        for start in range(0, len(widened), 5000):
            expected["class_groups"].update(session.execute(
                select(ClassGroup.id, ClassGroup.seat_limit).where(ClassGroup.id.in_(widened[start:start + 5000]))).all())
        before = session.scalar(select(OutboxEntry.id).order_by(OutboxEntry.id.desc()).limit(1)) or 0
        session.execute(insert(OutboxEntry), [dict(entity=e, entity_id=i, operation="upsert", created_at=now_utc())
                                              for e, i in changes])
        last = session.scalar(select(OutboxEntry.id).order_by(OutboxEntry.id.desc()).limit(1))
    return changes, before + 1, last, expected


# --- the floor -------------------------------------------------------------------------------

# For each portal table: its columns, its key, and the desk's rows for it, given the queued ids of
# each kind as a subquery ("{person}", …) and the desk's schema ("{d}": "desk." when attached).
_TABLES = {
    "portal_persons": (
        ("person_id", "first_name", "last_name", "category"), ("person_id",),
        "SELECT p.id, p.first_name, p.last_name, p.category FROM {d}persons p WHERE p.id IN ({person})",
    ),
    "portal_enrollments": (
        ("enrollment_id", "student_id", "group_id", "registration_id", "status"), ("enrollment_id",),
        "SELECT e.id, e.student_id, e.group_id, e.registration_id, e.status FROM {d}enrollments e WHERE e.id IN ({enrollment})",
    ),
    # A group's own changes, and its count changed by a queued enrollment.
    "portal_class_groups": (
        ("group_id", "course_id", "course_code", "course_name", "term_code", "class_type", "number", "seat_limit",
         "enrolled_count"), ("group_id",),
        "SELECT g.id, g.course_id, c.code, c.name, t.code, g.class_type, g.number, g.seat_limit, g.enrolled_count "
        "FROM {d}class_groups g JOIN {d}courses c ON c.id = g.course_id JOIN {d}terms t ON t.id = g.term_id "
        "WHERE g.id IN ({class_group} UNION SELECT q.group_id FROM {d}enrollments q WHERE q.id IN ({enrollment}))",
    ),
    # A ledger entry changes its student's balance of its type: the sum of the pair's entries.
    "portal_token_balances": (
        ("student_id", "token_type_id", "balance"), ("student_id", "token_type_id"),
        "SELECT l.student_id, l.token_type_id, sum(l.amount) FROM (SELECT DISTINCT k.student_id, k.token_type_id "
        "FROM {d}token_ledger k WHERE k.id IN ({token_entry})) pairs JOIN {d}token_ledger l "
        "ON l.student_id = pairs.student_id AND l.token_type_id = pairs.token_type_id WHERE 1 = 1 "
        "GROUP BY l.student_id, l.token_type_id",
    ),
}
# The kind of queued record each table is written for, and whose records, gone at the desk, are removed there.
_KINDS = {"portal_persons": ("person",), "portal_enrollments": ("enrollment",),
          "portal_class_groups": ("class_group", "enrollment"), "portal_token_balances": ("token_entry",)}
_OWN = {"person": ("portal_persons", "persons"), "enrollment": ("portal_enrollments", "enrollments"),
        "class_group": ("portal_class_groups", "class_groups")}
_NONE = "SELECT NULL WHERE 1 = 0"


def _upsert_sql(table: str, prefix: str, source: str) -> str:
    columns, key, _query = _TABLES[table]
    others = [c for c in columns if c not in key]
    return (f"INSERT INTO {prefix}{table} ({', '.join(columns)}) {source} ON CONFLICT ({', '.join(key)}) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in others))


def _check_kinds(kinds) -> None:
    unknown = set(kinds) - {"person", "enrollment", "class_group", "token_entry"}
    if unknown:
        raise SystemExit(f"the floor publishes persons, enrollments, groups and ledger entries, not {sorted(unknown)}")


def floor_sqlite(db: Database, portal: Database, batch: int = sync.BATCH) -> int:
    """The floor with the desk attached to the portal (SQLite): each batch upserted by INSERT … SELECT in the
    portal's transaction with a checkpoint, then marked sent at the desk. How many entries were sent."""
    sent = after = 0
    while True:
        with portal.engine.execution_options(desk_write=True).begin() as target:
            kinds = {entity: (n, distinct, low, high) for entity, n, distinct, low, high in target.exec_driver_sql(
                "SELECT entity, count(*), count(DISTINCT entity_id), min(id), max(id) FROM (SELECT id, entity, entity_id "
                "FROM desk.sync_outbox WHERE sent_at IS NULL AND id > ? ORDER BY id LIMIT ?) GROUP BY entity", (after, batch))}
            if not kinds:
                return sent
            _check_kinds(kinds)
            first, last = min(k[2] for k in kinds.values()), max(k[3] for k in kinds.values())
            queued = {kind: (f"SELECT entity_id FROM desk.sync_outbox WHERE id BETWEEN {first} AND {last} "
                             f"AND sent_at IS NULL AND entity = '{kind}'" if kind in kinds else _NONE)
                      for kind in ("person", "enrollment", "class_group", "token_entry")}
            written = {}
            for table, (_columns, _key, query) in _TABLES.items():
                if any(kind in kinds for kind in _KINDS[table]):
                    written[table] = target.exec_driver_sql(
                        _upsert_sql(table, "main.", query.format(d="desk.", **queued))).rowcount
            for kind, (table, desk_table) in _OWN.items():
                # Records deleted at the desk since they were queued: where fewer rows were written than queued.
                if kind in kinds and (kind == "class_group" or written.get(table) != kinds[kind][1]):
                    key = _TABLES[table][1][0]
                    target.exec_driver_sql(f"DELETE FROM main.{table} WHERE {key} IN ({queued[kind]}) AND NOT EXISTS "
                                           f"(SELECT 1 FROM desk.{desk_table} x WHERE x.id = {key})")
            target.exec_driver_sql("INSERT INTO main.portal_sync_state (key, value) VALUES ('floor_batch', ?) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (json.dumps([first, last]),))
        stamp = now_utc().replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
        with db.engine.execution_options(desk_write=True).begin() as desk:
            desk.exec_driver_sql("UPDATE sync_outbox SET sent_at = ? WHERE id BETWEEN ? AND ? AND sent_at IS NULL",
                                 (stamp, first, last))
        sent += sum(k[0] for k in kinds.values())
        after = last


def _listed(ids) -> str:
    return f"SELECT unnest('{{{','.join(str(int(i)) for i in ids)}}}'::int[])" if ids else _NONE


def floor_postgresql(db: Database, batch: int = sync.BATCH) -> int:
    """The floor with the portal's tables in the desk's own PostgreSQL database: each batch taken from the queue
    and marked sent by one UPDATE … RETURNING, its rows upserted by INSERT … SELECT, in one transaction."""
    sent = 0
    while True:
        with db.engine.execution_options(desk_write=True).begin() as connection:
            taken = connection.exec_driver_sql(
                "UPDATE sync_outbox SET sent_at = now() WHERE id IN (SELECT id FROM sync_outbox WHERE sent_at IS NULL "
                f"ORDER BY id LIMIT {int(batch)} FOR UPDATE SKIP LOCKED) RETURNING entity, entity_id").all()
            if not taken:
                return sent
            ids: dict[str, set[int]] = {}
            for entity, entity_id in taken:
                ids.setdefault(entity, set()).add(entity_id)
            _check_kinds(ids)
            queued = {kind: _listed(ids.get(kind)) for kind in ("person", "enrollment", "class_group", "token_entry")}
            written = {}
            for table, (_columns, _key, query) in _TABLES.items():
                if any(kind in ids for kind in _KINDS[table]):
                    written[table] = connection.exec_driver_sql(_upsert_sql(table, "", query.format(d="", **queued))).rowcount
            for kind, (table, desk_table) in _OWN.items():
                if kind in ids and (kind == "class_group" or written.get(table) != len(ids[kind])):
                    key = _TABLES[table][1][0]
                    connection.exec_driver_sql(f"DELETE FROM {table} WHERE {key} IN ({queued[kind]}) AND NOT EXISTS "
                                               f"(SELECT 1 FROM {desk_table} x WHERE x.id = {key})")
            sent += len(taken)


def floor_between(db: Database, portal: Database, batch: int = sync.BATCH) -> int:
    """The floor with the portal in a PostgreSQL database of its own: each batch's rows streamed by COPY out of
    the desk into a temporary table at the portal and upserted from it, with a checkpoint, in the portal's
    transaction; then the batch marked sent at the desk."""
    sent = after = 0
    source, target = db.engine.raw_connection(), portal.engine.raw_connection()
    try:
        while True:
            with source.cursor() as cursor:
                cursor.execute("SELECT id, entity, entity_id FROM sync_outbox WHERE sent_at IS NULL AND id > %s "
                               "ORDER BY id LIMIT %s", (after, batch))
                taken = cursor.fetchall()
            if not taken:
                source.rollback()
                return sent
            ids: dict[str, set[int]] = {}
            for _id, entity, entity_id in taken:
                ids.setdefault(entity, set()).add(entity_id)
            _check_kinds(ids)
            queued = {kind: _listed(ids.get(kind)) for kind in ("person", "enrollment", "class_group", "token_entry")}
            with source.cursor() as out_cursor, target.cursor() as in_cursor:
                for table, (columns, key, query) in _TABLES.items():
                    if not any(kind in ids for kind in _KINDS[table]):
                        continue
                    incoming = f"floor_incoming_{table}"
                    in_cursor.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {incoming} (LIKE {table}) ON COMMIT DELETE ROWS")
                    with out_cursor.copy(f"COPY ({query.format(d='', **queued)}) TO STDOUT") as rows_out, \
                            in_cursor.copy(f"COPY {incoming} ({', '.join(columns)}) FROM STDIN") as rows_in:
                        for data in rows_out:
                            rows_in.write(data)
                    others = [c for c in columns if c not in key]
                    in_cursor.execute(f"INSERT INTO {table} SELECT * FROM {incoming} ON CONFLICT ({', '.join(key)}) "
                                      "DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in others))
                    for kind in _KINDS[table]:
                        if kind in ids and _OWN.get(kind, (None,))[0] == table and \
                                (kind == "class_group" or in_cursor.rowcount != len(ids[kind])):
                            in_cursor.execute(f"DELETE FROM {table} WHERE {key[0]} IN ({queued[kind]}) AND {key[0]} NOT IN "
                                              f"(SELECT {key[0]} FROM {incoming})")
                in_cursor.execute("INSERT INTO portal_sync_state (key, value) VALUES ('floor_batch', %s) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                  (json.dumps([row[0] for row in taken]),))
            source.rollback()
            target.commit()
            with source.cursor() as cursor:
                cursor.execute("UPDATE sync_outbox SET sent_at = now() WHERE id = ANY(%s)", ([row[0] for row in taken],))
            source.commit()
            sent += len(taken)
            after = taken[-1][0]
    finally:
        source.close()
        target.close()


# --- checking and putting back -----------------------------------------------------------------


def _portal_rows(portal: Database, table, keys) -> dict[tuple, dict]:
    columns = list(table.primary_key.columns)
    keys = list(keys)
    found = {}
    with portal.read() as session:
        for start in range(0, len(keys), 500):
            part = keys[start:start + 500]
            condition = columns[0].in_([k[0] for k in part]) if len(columns) == 1 else tuple_(*columns).in_(part)
            for row in session.execute(select(table).where(condition)).mappings():
                found[tuple(row[c.name] for c in columns)] = dict(row)
    return found


def _snapshot(db: Database, portal: Database, changes) -> dict:
    """The portal's rows of the round's records before anyone sends them (keys with no row: None)."""
    with db.read() as session:
        keys = keys_for_changes(session, changes)
    snapshot = {}
    for table in WRITTEN:
        table_keys = keys.get(table.name, set())
        rows = _portal_rows(portal, table, table_keys)
        snapshot[table.name] = (table, {key: rows.get(key) for key in table_keys})
    return snapshot


def _put_back(db: Database, portal: Database, snapshot: dict, first: int, last: int) -> None:
    """The portal's rows of the round's records as they were, and the round's queue entries unsent again."""
    with portal.write() as target:
        for table, rows in snapshot.values():
            remove(target, table, [key for key, row in rows.items() if row is None])
            upsert(target, table, [row for row in rows.values() if row is not None])
    with db.write() as session:
        session.execute(update(OutboxEntry).where(OutboxEntry.id.between(first, last))
                        .values(sent_at=None, sync_run_id=None).execution_options(synchronize_session=False))


def _digest(portal: Database) -> dict[str, tuple[int, str]]:
    """Each written portal table whole: its rows in key order, counted and hashed."""
    digests = {}
    with portal.read() as session:
        for table in WRITTEN:
            hashed, count = hashlib.sha256(), 0
            for row in session.execute(select(table).order_by(*table.primary_key.columns)):
                hashed.update(repr(tuple(plain(v) for v in row)).encode())
                count += 1
            digests[table.name] = (count, hashed.hexdigest())
    return digests


def _check_sent(db: Database, portal: Database, first: int, last: int, expected: dict, who: str) -> None:
    with db.read() as session:
        unsent = session.scalar(select(OutboxEntry.id).where(OutboxEntry.id.between(first, last),
                                                             OutboxEntry.sent_at.is_(None)).limit(1))
    if unsent is not None:
        raise SystemExit(f"{who}: the queue entry {unsent} was not marked sent")
    names = _portal_rows(portal, schema.persons, [(i,) for i in expected["persons"]])
    limits = _portal_rows(portal, schema.class_groups, [(i,) for i in expected["class_groups"]])
    wrong = [i for i, name in expected["persons"].items() if names.get((i,), {}).get("first_name") != name]
    wrong += [i for i, limit in expected["class_groups"].items() if limits.get((i,), {}).get("seat_limit") != limit]
    if wrong:
        raise SystemExit(f"{who}: the portal does not show the changes of {len(wrong)} records (e.g. {wrong[:5]})")


def _floor_for(db: Database, portal: Database):
    if portal.desk_schema is False:
        return lambda: floor_between(db, portal)
    if db.is_sqlite:
        return lambda: floor_sqlite(db, portal)
    return lambda: floor_postgresql(db)


def _token_registration(db: Database) -> int | None:
    now = now_utc()
    with db.read() as session:
        for registration in session.scalars(select(Registration).where(Registration.kind == RegistrationKind.TOKEN)):
            if active_round(session, registration.id, now) is not None:
                return registration.id
    return None


def measure(url: str, portal_url: str, changes: int, actions: int, *, inside: bool = True, rounds: int = ROUNDS) -> dict:
    db = open_database(url).database
    # inside: as the desk opens its portal (it reads the desk's tables itself); else through Python.
    portal = open_portal(portal_url, db.url if inside else None)
    admin = actor_for_login(db, "admin")
    result: dict = {"copied_inside_the_database": portal.desk_schema is not False}
    started = time.perf_counter()
    full = sync.run_sync(UnitOfWork(db, admin), SyncKind.FULL, portal=portal)
    result["full_seconds"] = time.perf_counter() - started
    result["full_rows"] = full.repaired_rows

    floor = _floor_for(db, portal)
    desk = lambda: sync.run_sync(UnitOfWork(db, admin), portal=portal).sent  # noqa: E731
    samples: dict[str, list[float]] = {"desk": [], "floor": []}
    for round_number in range(rounds):  # fresh changes each round, sent by both, each first every other round
        queued, first, last, expected = _queue_changes(db, changes, seed=7 + round_number, tag=round_number)
        snapshot = _snapshot(db, portal, queued)
        order = ("floor", "desk") if round_number % 2 == 0 else ("desk", "floor")
        digests = {}
        for turn, who in enumerate(order):
            if turn:
                _put_back(db, portal, snapshot, first, last)
            started = time.perf_counter()
            sent = (floor if who == "floor" else desk)()
            samples[who].append(time.perf_counter() - started)
            if sent < len(queued):
                raise SystemExit(f"{who}: {sent} queue entries sent of {len(queued)}")
            _check_sent(db, portal, first, last, expected, who)
            digests[who] = _digest(portal)
        differ = [name for name in digests["desk"] if digests["desk"][name] != digests["floor"][name]]
        if differ:
            raise SystemExit(f"the portal differs after the floor and after the desk: {', '.join(differ)}")
    desk_s, floor_s = samples["desk"], samples["floor"]
    result.update(changes=len(queued), rounds=rounds,
                  rows=sum(len(rows) for _table, rows in snapshot.values()),
                  desk=dict(median=statistics.median(desk_s), p95=search.p95(desk_s), all=[round(x, 3) for x in desk_s]),
                  floor=dict(median=statistics.median(floor_s), p95=search.p95(floor_s), all=[round(x, 3) for x in floor_s]))
    result.update(ratio_median=result["desk"]["median"] / result["floor"]["median"],
                  ratio_p95=result["desk"]["p95"] / result["floor"]["p95"])

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
    d, f = r["desk"], r["floor"]
    print(f"  {r['changes']:,} queued changes ({r['rows']:,} portal rows), {r['rounds']} rounds, desk and floor taking turns: "
          f"desk {d['median']:.2f}/{d['p95']:.2f} s, floor {f['median']:.2f}/{f['p95']:.2f} s (median/p95); desk/floor "
          f"{r['ratio_median']:.2f}x median, {r['ratio_p95']:.2f}x p95; the same portal rows "
          f"(desk {d['all']}, floor {f['all']})")
    if "actions" in r:
        print(f"  {r['received']:,} student actions read back and applied in {r['inbound_seconds']:.1f} s "
              f"({r['actions_per_second']:.0f}/s; {r['conflicts']:,} kept as conflicts)")


def _sqlite(students: int, name: str) -> tuple[str, str]:
    url = registrations.sqlite_copy(students, name=name)
    path = make_url(url).database
    portal = path.replace(".sqlite", "-portal.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(portal + suffix):
            os.unlink(portal + suffix)
    return url, f"sqlite+pysqlite:///{portal}"


def _postgresql(students: int, server: str, name: str, *, separate: bool) -> tuple[str, str]:
    url = registrations.postgresql_copy(students, server, name=name)
    if not separate:
        return url, url  # the default for a PostgreSQL desk: portal_* tables in the same database
    base = make_url(server).set(drivername="postgresql+psycopg")
    name = f"desk_bench_{name}_portal_{students // 1000}k"
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
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="rounds of changes, floor and desk taking turns")
    parser.add_argument("--skip-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--name", default="sync", help="name of the working copies (runs side by side)")
    args = parser.parse_args(argv)
    results = {}
    if not args.skip_sqlite:
        results["sqlite"] = measure(*_sqlite(args.students, args.name), args.changes, args.actions, rounds=args.rounds)
        _print("SQLite", results["sqlite"])
    if args.postgresql:
        results["postgresql"] = measure(*_postgresql(args.students, args.postgresql, args.name, separate=False), args.changes, args.actions,
                                        rounds=args.rounds)
        _print("PostgreSQL", results["postgresql"])
        results["postgresql_separate"] = measure(*_postgresql(args.students, args.postgresql, args.name, separate=True), args.changes,
                                                 0, inside=False, rounds=args.rounds)
        _print("PostgreSQL, portal in a database of its own", results["postgresql_separate"])
    DATA.mkdir(exist_ok=True)
    named = "" if args.name == "sync" else f"-{args.name}"
    (DATA / f"sync{named}-results.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
