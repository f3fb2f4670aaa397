"""Student search at scale: the service against the raw index query (the floor) and a naive LIKE.

    python -m tests.benchmarks.search [--students N] [--repeat R] [--db PATH] [--postgresql URL]

Builds (once, then reuses) a demo database of N students (300,000 by default) under bench-data/,
and on PostgreSQL too when DESK_TEST_POSTGRESQL_URL or --postgresql is given. For each query of
a fixed list it times the search service's first page (what the clerk waits for), the bare index
lookup that any implementation must do (the floor), and the query an in-house tool would write.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desk.db import Database, open_database
from desk.demo import build_demo
from desk.staff import actor_for_login
from desk.student_search import DEFAULT_PAGE, parse_query, search_students
from desk.text import fold
from desk.unit_of_work import UnitOfWork

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "bench-data"
SEED = 2026

QUERIES = [
    # surnames and fragments
    "kowalski", "nowak", "wiśniewska", "kowal", "ski", "ewski", "szczep", "żółkiewski", "zolkiewski",
    "łukasiewicz", "lukasiewicz", "slusarz", "jezioranska",
    # first names and two-word names, both orders
    "lukasz", "małgorzata", "anna nowak", "nowak anna", "jan kowalski", "kowalski jan", "zofia wójcik",
    # short words
    "ab", "ż", "ka no",
    # numbers, PESEL, e-mail
    "100123", "1001", "12", "990", "01234567890",
    "100500@student.und.edu.pl", "100500@", "1005",
    # misses
    "qqqzzz", "xyzxyz kowalski", "99999999",
]

NAIVE_SQL = (
    "SELECT s.id FROM students s JOIN persons p ON p.id = s.person_id "
    "LEFT JOIN login_accounts l ON l.person_id = p.id "
    "WHERE lower(p.first_name || ' ' || p.last_name) LIKE :q OR s.student_number LIKE :q "
    "OR p.pesel LIKE :q OR lower(l.email) LIKE :q "
    "ORDER BY p.last_name, p.first_name LIMIT 100"
)


def _floor(connection, query: str) -> int:
    """The bare index lookup for the query's most selective term: the cost any search pays."""
    parsed = parse_query(query)
    sqlite = connection.dialect.name == "sqlite"
    if parsed.long_words:
        if sqlite:
            match = " AND ".join('"' + w.replace('"', '""') + '"' for w in parsed.long_words)
            rows = connection.execute(
                text("SELECT rowid FROM student_search_text WHERE student_search_text MATCH :m"), {"m": match}
            )
        else:
            clauses = " AND ".join(f"search_name LIKE :w{i}" for i in range(len(parsed.long_words)))
            params = {f"w{i}": f"%{w}%" for i, w in enumerate(parsed.long_words)}
            rows = connection.execute(text(f"SELECT student_id FROM student_search WHERE {clauses}"), params)
    elif parsed.numbers:
        n = parsed.numbers[0]
        rows = connection.execute(
            text("SELECT student_id FROM student_search WHERE student_number >= :a AND student_number < :b"),
            {"a": n, "b": n + "\U0010ffff"},
        )
    elif parsed.emails:
        e = parsed.emails[0]
        rows = connection.execute(
            text("SELECT person_id FROM login_accounts WHERE email_folded >= :a AND email_folded < :b"),
            {"a": e, "b": e + "\U0010ffff"},
        )
    elif parsed.short_words:
        w = parsed.short_words[0]
        rows = connection.execute(
            text("SELECT student_id FROM student_search WHERE last_name_folded >= :a AND last_name_folded < :b "
                 "UNION SELECT student_id FROM student_search WHERE first_name_folded >= :a AND first_name_folded < :b"),
            {"a": w, "b": w + "\U0010ffff"},
        )
    else:
        return 0
    return len(rows.all())


def _naive(connection, query: str) -> int:
    like = f"%{fold(query)}%"
    return len(connection.execute(text(NAIVE_SQL), {"q": like}).all())


def _time(function: Callable[[], object], repeat: int) -> list[float]:
    function()  # warm the caches: a clerk's workstation is warm too
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(db: Database, queries: list[str], repeat: int, naive_repeat: int) -> dict:
    actor = actor_for_login(db, "admin")
    rows = []
    service_all: list[float] = []
    floor_all: list[float] = []
    naive_all: list[float] = []
    with db.engine.connect() as connection:
        for query in queries:
            service = _time(lambda: search_students(UnitOfWork(db, actor), query, limit=DEFAULT_PAGE), repeat)
            floor = _time(lambda: _floor(connection, query), repeat)
            naive = _time(lambda: _naive(connection, query), naive_repeat)
            found = len(search_students(UnitOfWork(db, actor), query, limit=DEFAULT_PAGE).rows)
            rows.append(dict(
                query=query, found=found,
                service_median=statistics.median(service), service_p95=p95(service),
                floor_median=statistics.median(floor), floor_p95=p95(floor),
                naive_median=statistics.median(naive), naive_p95=p95(naive),
            ))
            service_all += service
            floor_all += floor
            naive_all += naive
    summary = dict(
        service_p95=p95(service_all), floor_p95=p95(floor_all), naive_p95=p95(naive_all),
        service_median=statistics.median(service_all), floor_median=statistics.median(floor_all),
        naive_median=statistics.median(naive_all),
    )
    summary["service_over_floor_p95"] = summary["service_p95"] / max(summary["floor_p95"], 1e-9)
    summary["naive_over_service_p95"] = summary["naive_p95"] / max(summary["service_p95"], 1e-9)
    return dict(queries=rows, summary=summary)


def _print(title: str, result: dict) -> None:
    print(f"\n{title}")
    print(f"{'query':<28}{'found':>6}  {'service ms med/p95':>20}  {'floor ms med/p95':>18}  {'naive ms med/p95':>18}")
    for r in result["queries"]:
        print(
            f"{r['query'][:27]:<28}{r['found']:>6}  {r['service_median']:>9.2f}/{r['service_p95']:<9.2f}"
            f"  {r['floor_median']:>8.2f}/{r['floor_p95']:<8.2f}  {r['naive_median']:>8.1f}/{r['naive_p95']:<8.1f}"
        )
    s = result["summary"]
    print(
        f"all queries: service p95 {s['service_p95']:.2f} ms, floor p95 {s['floor_p95']:.2f} ms, "
        f"naive p95 {s['naive_p95']:.1f} ms"
    )
    print(
        f"service/floor at p95: {s['service_over_floor_p95']:.2f}x (target <= 2x: "
        f"{'met' if s['service_over_floor_p95'] <= 2 else 'NOT met'});  naive/service at p95: "
        f"{s['naive_over_service_p95']:.1f}x (target >= 20x: {'met' if s['naive_over_service_p95'] >= 20 else 'NOT met'})"
    )


def sqlite_database(students: int, path: Path | None) -> Database:
    path = path or DATA / f"search-{students // 1000}k.sqlite"
    complete = path.with_suffix(".complete")
    if not complete.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"building {students:,} students into {path} …", file=sys.stderr)
        database = open_database(str(path)).database
        summary = build_demo(database, students=students, seed=SEED)
        print(f"  built in {summary.seconds:.0f} s", file=sys.stderr)
        complete.write_text(str(students))
        return database
    return open_database(str(path)).database


def postgresql_database(students: int, server: str) -> Database:
    url = make_url(server).set(drivername="postgresql+psycopg")
    name = f"desk_bench_{students // 1000}k"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar()
    target = url.set(database=name)
    ready = False
    if exists:
        database = open_database(target).database
        with database.engine.connect() as connection:
            ready = connection.execute(text("SELECT value FROM settings WHERE key = 'bench_complete'")).scalar() == str(students)
        if ready:
            admin.dispose()
            return database
        database.dispose()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    print(f"building {students:,} students into PostgreSQL {name} …", file=sys.stderr)
    database = open_database(target).database
    summary = build_demo(database, students=students, seed=SEED)
    print(f"  built in {summary.seconds:.0f} s", file=sys.stderr)
    with database.write() as session:
        session.execute(text("INSERT INTO settings (key, value) VALUES ('bench_complete', :n)"), {"n": str(students)})
    return database


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per query (default 20)")
    parser.add_argument("--naive-repeat", type=int, default=3, help="timed runs per query of the naive LIKE")
    parser.add_argument("--db", type=Path, help="SQLite file to build or reuse")
    parser.add_argument("--postgresql", default=os.environ.get("DESK_TEST_POSTGRESQL_URL"), help="server URL")
    args = parser.parse_args(argv)
    results = {}
    database = sqlite_database(args.students, args.db)
    results["sqlite"] = measure(database, QUERIES, args.repeat, args.naive_repeat)
    database.dispose()
    _print(f"SQLite, {args.students:,} students", results["sqlite"])
    if args.postgresql:
        database = postgresql_database(args.students, args.postgresql)
        results["postgresql"] = measure(database, QUERIES, args.repeat, args.naive_repeat)
        database.dispose()
        _print(f"PostgreSQL, {args.students:,} students", results["postgresql"])
    DATA.mkdir(exist_ok=True)
    (DATA / "search-results.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
