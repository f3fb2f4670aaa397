"""A busy desk: a clerk's seat-limit change while a full sync of 300,000 students runs.

    python -m tests.benchmarks.busy_desk [--students N] [--pause S] [--floor N] [--postgresql URL]

Works on a fresh copy of the search benchmark's 300,000-student demo (built first if missing),
with a new, empty portal beside it, as the application runs: the full sync in the application's
long-job lane, the clerk's change in the writes lane, through the service the class-groups dialog
calls (``groups.set_seat_limits``) and the application's operation helper, its success announced on
the GUI thread. Each change is timed from the request to its success on the GUI thread.

- the floor: the same change, one after another, with nothing else running;
- during the first publish to the empty portal (every row written), and during a nightly full
  sync of the portal it filled (every table compared, differences repaired): one change, then a
  pause (--pause), then the next, for as long as the sync runs.

(On PostgreSQL the portal's tables are in the copied database, filled already: both runs compare
and repair.) Median and p95 of each are quoted; the target is under 1 s during the full sync. With
--single-lane the sync runs in the writes lane instead, as every write did before the lanes: the
change then waits for the whole sync. SQLite has one
writer at a time: how long the sync's own write transactions hold the desk's write lock is
measured too (its batches, each its own transaction), and quoted next to the changes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402
from sqlalchemy import event, func, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from desk import groups, sync  # noqa: E402
from desk.db import Database, open_database  # noqa: E402
from desk.model import ClassGroup, Student, SyncKind  # noqa: E402
from desk.staff import actor_for_login  # noqa: E402
from desk.unit_of_work import UnitOfWork  # noqa: E402
from tests.benchmarks import registrations, search  # noqa: E402
from ui.changes import ALL, Changes  # noqa: E402
from ui.context import AppContext  # noqa: E402
from ui.tasks import Lane, TaskRunner  # noqa: E402

DATA = search.DATA
TARGET_SECONDS = 1.0


def p95(samples: list[float]) -> float:
    return search.p95(samples) if samples else float("nan")


@dataclass
class WriteLocks:
    """How long each write transaction held the desk's write lock, by the thread that held it."""

    started: dict[int, tuple[int, float]] = field(default_factory=dict)
    held: dict[int, list[float]] = field(default_factory=dict)  # thread id -> seconds per transaction
    lock: threading.Lock = field(default_factory=threading.Lock)

    def install(self, db: Database) -> None:
        @event.listens_for(db.engine, "begin")
        def _began(connection):  # after the desk's own hook: BEGIN IMMEDIATE has taken the lock
            if connection.get_execution_options().get("desk_write"):
                with self.lock:
                    self.started[id(connection)] = (threading.get_ident(), time.perf_counter())

        def _ended(connection):
            with self.lock:
                began = self.started.pop(id(connection), None)
                if began is not None:
                    self.held.setdefault(began[0], []).append(time.perf_counter() - began[1])

        event.listen(db.engine, "commit", _ended)
        event.listen(db.engine, "rollback", _ended)

    def take(self, thread_id: int | None) -> list[float]:
        with self.lock:
            return self.held.pop(thread_id, []) if thread_id is not None else []

    def reset(self) -> None:
        with self.lock:
            self.held.clear()


class Clerk:
    """Changes one group's seat limit as the class-groups dialog does, and times it to its success on the GUI thread."""

    def __init__(self, context: AppContext, group_id: int, base: int):
        self.context = context
        self.group_id = group_id
        self.base = base
        self.count = 0
        self.thread_id: int | None = None

    def change(self) -> float:
        self.count += 1
        value = self.base + 1 + self.count % 2  # base+1, base+2, ...: always a change, never below the count
        db, actor, ids = self.context.db, self.context.actor, [self.group_id]
        outcome: dict[str, object] = {}
        loop = QEventLoop()

        def work():
            self.thread_id = threading.get_ident()
            return groups.set_seat_limits(UnitOfWork(db, actor), ids, value=value, reason="benchmark: a busy desk")

        def done(_result) -> None:
            outcome["seconds"] = time.perf_counter() - started
            loop.quit()

        def failed(error: BaseException) -> None:
            outcome["error"] = error
            loop.quit()

        started = time.perf_counter()
        self.context.operate(work, done, failed, changes=Changes.of(group=set(ids), outbox=ALL))
        if not outcome:
            loop.exec()
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        return outcome["seconds"]  # type: ignore[return-value]


def _pause(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def _a_group(db: Database) -> tuple[int, int]:
    """A group with students in it, and a limit to change from (above its count and its lower limit)."""
    with db.read() as session:
        row = session.execute(
            select(ClassGroup.id, ClassGroup.seat_limit, ClassGroup.enrolled_count, ClassGroup.lower_limit)
            .where(ClassGroup.enrolled_count > 0).order_by(ClassGroup.enrolled_count.desc()).limit(1)
        ).one()
    group_id, limit, enrolled, lower = row
    return group_id, max(limit, enrolled, lower or 0)


def _during(context: AppContext, clerk: Clerk, locks: WriteLocks, kind: SyncKind, pause: float,
            lane: Lane = Lane.LONG) -> dict:
    """Run a sync of ``kind`` in the long-job lane; change the limit again and again until it ends."""
    db, actor = context.db, context.actor
    state: dict[str, object] = {}
    sync_thread: dict[str, int] = {}
    locks.reset()

    def work(handle):
        sync_thread["id"] = threading.get_ident()
        return sync.run_sync(UnitOfWork(db, actor), kind, is_cancelled=lambda: handle.cancelled)

    def finished(report) -> None:
        state["report"] = report
        state["seconds"] = time.perf_counter() - started

    def failed(error: BaseException) -> None:
        state["error"] = error

    started = time.perf_counter()
    context.operate(work, finished, failed, lane=lane, with_handle=True,
                    changes=lambda report: None)  # the benchmark's views need no refresh
    while "id" not in sync_thread:
        _pause(0.01)
    _pause(pause)  # the sync under way
    samples: list[float] = []
    while not state:
        samples.append(clerk.change())
        if not state:
            _pause(pause)
    if "error" in state:
        raise state["error"]  # type: ignore[misc]
    held = locks.take(sync_thread["id"])
    clerk_held = locks.take(clerk.thread_id)
    report = state["report"]
    return {
        "sync_seconds": state["seconds"], "sync_result": report.result.value, "repaired_rows": report.repaired_rows,
        "sent": report.sent, "changes": len(samples), "median": statistics.median(samples) if samples else float("nan"),
        "p95": p95(samples), "max": max(samples, default=float("nan")), "samples": [round(s, 4) for s in samples],
        "sync_write_transactions": len(held), "sync_lock_median": statistics.median(held) if held else 0.0,
        "sync_lock_p95": p95(held), "sync_lock_max": max(held, default=0.0), "sync_lock_total": sum(held),
        "clerk_lock_median": statistics.median(clerk_held) if clerk_held else 0.0,
    }


def measure(url: str, *, pause: float, floor_changes: int, sync_lane: Lane = Lane.LONG) -> dict:
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    db = open_database(url).database
    locks = WriteLocks()
    locks.install(db)
    admin = actor_for_login(db, "admin")
    tasks = TaskRunner()
    context = AppContext(db, admin, tasks)
    group_id, base = _a_group(db)
    clerk = Clerk(context, group_id, base)
    with db.read() as session:
        students = session.scalar(select(func.count()).select_from(Student))
    result: dict = {"group_id": group_id, "students": students, "sync_lane": sync_lane.value}

    clerk.change()  # warm: the connection pool, the statements
    floor = []
    for _ in range(floor_changes):
        floor.append(clerk.change())
        _pause(pause)
    result["floor"] = {"changes": len(floor), "median": statistics.median(floor), "p95": p95(floor), "max": max(floor),
                       "samples": [round(s, 4) for s in floor]}
    result["first_publish"] = _during(context, clerk, locks, SyncKind.FULL, pause, sync_lane)
    result["nightly_full"] = _during(context, clerk, locks, SyncKind.FULL, pause, sync_lane)
    tasks.wait()
    db.dispose()
    del app
    return result


def _print(title: str, r: dict) -> None:
    f = r["floor"]
    where = "the long-job lane" if r["sync_lane"] == Lane.LONG.value else "the writes lane (as before the lanes)"
    print(f"{title}: a seat-limit change from the request to its success on the GUI thread; the sync in {where}")
    print(f"  floor (nothing else running): median {f['median'] * 1000:.0f} ms, p95 {f['p95'] * 1000:.0f} ms "
          f"({f['changes']} changes)")
    for key, name in (("first_publish", "first publish to an empty portal"), ("nightly_full", "full sync of a filled portal")):
        d = r[key]
        verdict = "met" if d["p95"] < TARGET_SECONDS else "NOT met"
        print(f"  during the {name} ({d['sync_seconds']:.0f} s, {d['repaired_rows']:,} rows repaired): "
              f"median {d['median'] * 1000:.0f} ms, p95 {d['p95'] * 1000:.0f} ms, max {d['max'] * 1000:.0f} ms "
              f"({d['changes']} changes; target p95 < {TARGET_SECONDS:.0f} s: {verdict})")
        print(f"    the sync's write transactions at the desk: {d['sync_write_transactions']}, holding the write lock "
              f"median {d['sync_lock_median'] * 1000:.0f} ms, p95 {d['sync_lock_p95'] * 1000:.0f} ms, "
              f"longest {d['sync_lock_max'] * 1000:.0f} ms, {d['sync_lock_total']:.1f} s in all")


def _sqlite(students: int) -> str:
    url = registrations.sqlite_copy(students, name="busy")
    path = make_url(url).database
    portal = path.replace(".sqlite", "-portal.sqlite")  # where the desk opens its portal: new and empty
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(portal + suffix):
            os.unlink(portal + suffix)
    return url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=300_000)
    parser.add_argument("--pause", type=float, default=0.5, help="seconds between two changes")
    parser.add_argument("--floor", type=int, default=20, help="changes with nothing else running")
    parser.add_argument("--postgresql", default=os.environ.get("DESK_TEST_POSTGRESQL_URL"), help="server URL")
    parser.add_argument("--skip-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--single-lane", action="store_true", help="the sync in the writes lane, as before the lanes")
    args = parser.parse_args(argv)
    lane = Lane.WRITE if args.single_lane else Lane.LONG
    results = {}
    if not args.skip_sqlite:
        results["sqlite"] = measure(_sqlite(args.students), pause=args.pause, floor_changes=args.floor, sync_lane=lane)
        _print("SQLite", results["sqlite"])
    if args.postgresql:
        url = registrations.postgresql_copy(args.students, args.postgresql, name="busy")
        results["postgresql"] = measure(url, pause=args.pause, floor_changes=args.floor, sync_lane=lane)
        _print("PostgreSQL", results["postgresql"])
    DATA.mkdir(exist_ok=True)
    (DATA / ("busy-single-lane-results.json" if args.single_lane else "busy-results.json")).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
