"""The cost of sealing audit entries in the hash chain: 10,000 entries recorded in bulk, and checking the chain.

    python -m tests.benchmarks.audit_chain [--entries N] [--repeat R] [--postgresql URL]

Records ``N`` audit entries in one ``record_changes`` call, ``R`` times on a fresh database, on
SQLite and, when DESK_TEST_POSTGRESQL_URL or --postgresql is given, on PostgreSQL; prints the
median seconds of a call and, where the check verifies chains, the seconds of that verification.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desk.changes import Change
from desk.db import open_database
from desk.staff import StaffAction
from desk.unit_of_work import SystemJob, UnitOfWork


def _changes(count: int, start: int) -> list[Change]:
    return [Change("staff_user", start + n, None, before={"active": True, "n": n}, after={"active": False, "n": n},
                   reason="benchmark", portal=False) for n in range(count)]


def measure(url, entries: int, repeat: int) -> dict:
    opened = open_database(url)
    db = opened.database
    try:
        uow = UnitOfWork(db, SystemJob.SETUP)
        seconds = []
        for r in range(repeat):
            changes = _changes(entries, r * entries)
            started = time.perf_counter()
            with uow.write():
                uow.record_changes(StaffAction.CHANGE_PASSWORD, changes)
            seconds.append(time.perf_counter() - started)
        result = {"record_seconds_median": round(statistics.median(seconds), 3),
                  "record_seconds": [round(s, 3) for s in seconds]}
        from desk.check import check_database

        report = check_database(db)
        if "hash chains" in report.timings:
            result["check_chains_seconds"] = round(report.timings["hash chains"], 3)
        return result
    finally:
        db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgresql", default=os.environ.get("DESK_TEST_POSTGRESQL_URL"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        print("sqlite", measure(str(Path(folder) / "desk.sqlite"), args.entries, args.repeat))
    if args.postgresql:
        server = make_url(args.postgresql).set(drivername="postgresql+psycopg")
        name = f"desk_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            print("postgresql", measure(server.set(database=name), args.entries, args.repeat))
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


if __name__ == "__main__":
    main()
