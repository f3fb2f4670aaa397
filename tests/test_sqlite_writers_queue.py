"""Many processes writing one SQLite file: each write waits its turn, none ends in "database is locked".

SQLite's own wait sleeps longer and longer between tries (up to 100 ms), and a writer that has just
committed takes the lock again before a sleeping one wakes, so with many writers a waiting one could
miss the lock until its busy timeout ran out; desk's writers queue on locks beside the file
(``desk.db.WritersQueue``). Measured with ``_race``: with a 2 s wait, 5 of these 360 writes ended
busy without the queue, none with it; the test runs with desk's own wait (10 s), where the queue
leaves a wide margin however busy the machine running the tests is.
"""

from __future__ import annotations

import multiprocessing

import pytest
from sqlalchemy import text

from desk import db as desk_db
from desk.db import Database, make_engine
from desk.errors import DatabaseBusy

PROCESSES = 12
WRITES = 30
ROWS = 3000  # each write holds the lock while it inserts these
TIMEOUT_MS = 10_000  # as desk waits


def _writer(url: str, queued: bool, number: int, barrier, results) -> None:
    desk_db.SQLITE_BUSY_TIMEOUT_MS = TIMEOUT_MS
    db = Database(make_engine(url))
    if not queued:
        db.writers = None
    rows = [{"writer": number, "n": i} for i in range(ROWS)]
    busy = 0
    barrier.wait(timeout=60)
    for _ in range(WRITES):
        try:
            with db.write() as session:
                session.execute(text("INSERT INTO scratch (writer, n) VALUES (:writer, :n)"), rows)
        except DatabaseBusy:
            busy += 1
    db.dispose()
    results.put(busy)


def _race(tmp_path, queued: bool) -> tuple[int, int]:
    path = tmp_path / "race.sqlite"
    url = f"sqlite+pysqlite:///{path}"
    setup = Database(make_engine(url))
    with setup.write() as session:
        session.execute(text("CREATE TABLE scratch (id INTEGER PRIMARY KEY, writer INTEGER, n INTEGER)"))
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(PROCESSES), context.Queue()
    processes = [context.Process(target=_writer, args=(url, queued, i, barrier, results)) for i in range(PROCESSES)]
    for process in processes:
        process.start()
    busy = sum(results.get(timeout=300) for _ in processes)
    for process in processes:
        process.join()
    with setup.read() as session:
        written = session.execute(text("SELECT count(*) FROM scratch")).scalar()
    setup.dispose()
    return busy, written


def test_many_writers_wait_their_turn_without_a_busy_error(tmp_path):
    busy, written = _race(tmp_path, queued=True)
    assert busy == 0
    assert written == PROCESSES * WRITES * ROWS


@pytest.mark.skipif(desk_db.fcntl is None, reason="no advisory file locks here (Windows)")
def test_the_queue_is_a_file_beside_the_database(tmp_path):
    db = Database(make_engine(f"sqlite+pysqlite:///{tmp_path / 'desk.sqlite'}"))
    with db.write():
        assert (tmp_path / "desk.sqlite-writers").exists()
    db.dispose()
    memory = Database(make_engine("sqlite+pysqlite:///:memory:"))
    assert memory.writers is None
    memory.dispose()
