"""Student search at scale: the service against a hand-written page (the floor) and a naive LIKE.

    python -m tests.benchmarks.search [--students N] [--repeat R] [--db PATH] [--postgresql URL]

Builds (once, then reuses) a demo database of N students (300,000 by default) under bench-data/,
and on PostgreSQL too when DESK_TEST_POSTGRESQL_URL or --postgresql is given. For each query of
a fixed list it times the search service's first page (what the clerk waits for) against the
floor: one hand-written SQL statement returning the same page — the same students in the same
order, with the same values in every column (name, programme, status, programme count, login)
and the same "there is more" — through the same indexes. Before timing a query the benchmark
checks that the two pages are identical and stops if they are not. The service and the floor
take turns (which goes first alternates between repetitions); per query and over all queries it
reports the median, the 95th percentile and the service/floor ratio at p95 (target: 1.5x). The
query an in-house tool would write (a naive LIKE) is timed too.
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
from desk.student_search import BROAD_MATCH, DEFAULT_PAGE, parse_query, search_students
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


# The floor: one hand-written statement per query that returns the page the service shows — the same
# students in the same order with the same values in every column, and whether there is more —
# written as a competent engineer would for each database, with the same indexes at hand.

_MORE = DEFAULT_PAGE + 1  # one row past the page says whether there is more
_END = "\U0010ffff"  # a prefix range: column >= prefix AND column < prefix + the last code point
_SHOWN_STATUS = ("CASE sp.status WHEN 'active' THEN 0 WHEN 'on_leave' THEN 1 WHEN 'suspended' THEN 2 "
                 "WHEN 'graduated' THEN 3 ELSE 4 END")
_NAME_ORDER = "sort_key, student_number, student_id"

# The page's students (ids with their sort columns, in order) become the lines of the lookup table:
# the person's names, the programme shown (active first, then on leave ...; the latest admission
# wins), how many programmes, and the first linked login.
_PAGE = """
WITH {matches},
page AS (
    SELECT found.student_id, found.sort_key, found.student_number,
           (SELECT sp.id FROM student_programmes sp WHERE sp.student_id = found.student_id
            ORDER BY {status}, sp.admitted_on DESC, sp.id LIMIT 1) AS shown_programme,
           (SELECT count(*) FROM student_programmes sp WHERE sp.student_id = found.student_id) AS programmes
    FROM page_ids AS found
)
SELECT st.id, st.person_id, st.student_number, p.last_name,
       CASE WHEN p.middle_name IS NULL OR p.middle_name = '' THEN p.first_name
            ELSE p.first_name || ' ' || p.middle_name END,
       pr.code, pr.name, sp.stage, sp.status, page.programmes,
       (SELECT l.email FROM login_accounts l WHERE l.person_id = p.id ORDER BY l.id LIMIT 1)
FROM page
JOIN students st ON st.id = page.student_id
JOIN persons p ON p.id = st.person_id
LEFT JOIN student_programmes sp ON sp.id = page.shown_programme
LEFT JOIN programmes pr ON pr.id = sp.programme_id
ORDER BY {order}
"""


def _like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _floor_sql(dialect: str, query: str) -> tuple[str, dict] | None:
    """The floor's statement and parameters for the query; None when the query has no terms."""
    parsed = parse_query(query)
    if parsed.is_empty:
        return None
    sqlite = dialect == "sqlite"
    params: dict = {}

    def param(value) -> str:
        name = f"p{len(params)}"
        params[name] = value
        return f":{name}"

    def prefix(column: str, value: str) -> str:
        return f"{column} >= {param(value)} AND {column} < {param(value + _END)}"

    checks = []  # row-by-row conditions on student_search s
    for number in parsed.numbers:
        if len(number) >= 4:  # the benchmark's admin may search by PESEL: student number or PESEL prefix
            checks.append(
                f"s.student_id IN (SELECT student_id FROM student_search WHERE {prefix('student_number', number)} "
                f"UNION SELECT x.student_id FROM persons p JOIN student_search x ON x.person_id = p.id "
                f"WHERE {prefix('p.pesel', number)})"
            )
        else:
            checks.append(prefix("s.student_number", number))
    for email in parsed.emails:
        checks.append(f"s.person_id IN (SELECT person_id FROM login_accounts "
                      f"WHERE {prefix('email_folded', email)} AND person_id IS NOT NULL)")
    # A short word: the start of a name word. "|| ''" keeps PostgreSQL from answering it with the trigram index.
    word_checks = {
        word: "(" + " OR ".join(f"s.search_name || '' LIKE {param(pattern)} ESCAPE '\\'"
                                for pattern in (f"{_like(word)}%", f"% {_like(word)}%", f"%-{_like(word)}%")) + ")"
        for word in parsed.short_words
    }
    long_likes = [f"s.search_name LIKE {param(f'%{_like(word)}%')} ESCAPE '\\'" for word in parsed.long_words]
    # The index that finds the name words' students: the trigram index (FTS5, pg_trgm) for long
    # words, the intersection of the short words' name-word starts for short ones (on PostgreSQL
    # as an array of ids, looked up by primary key: as an IN it hashes them and reads every row).
    if parsed.long_words:
        match = " AND ".join('"' + w.replace('"', '""') + '"' for w in parsed.long_words)
        if sqlite:
            found_by_index = [f"s.student_id IN (SELECT rowid FROM student_search_text WHERE student_search_text MATCH {param(match)})"]
        else:
            found_by_index = list(long_likes)
        name_checks = list(word_checks.values())
    elif parsed.short_words:
        starts = " INTERSECT ".join(f"SELECT student_id FROM student_name_starts WHERE {prefix('word_start', w)}"
                                    for w in parsed.short_words)
        found_by_index = [f"s.student_id IN ({starts})" if sqlite else f"s.student_id = ANY(ARRAY({starts}))"]
        name_checks = []
    else:
        found_by_index, name_checks = [], []

    if parsed.order == "number":
        where = " AND ".join(checks)
        matches = (f"page_ids AS (SELECT s.student_id, s.sort_key, s.student_number FROM student_search s "
                   f"WHERE {where} ORDER BY s.student_number LIMIT {_MORE})")
        return _PAGE.format(matches=matches, status=_SHOWN_STATUS, order="page.student_number"), params

    narrow_where = " AND ".join(found_by_index + name_checks + checks)
    single_word = not checks and len(parsed.long_words) + len(parsed.short_words) == 1
    if not single_word:
        # Several terms together match few students: collect them, then sort.
        matches = (f"matches AS MATERIALIZED (SELECT s.student_id, s.sort_key, s.student_number FROM student_search s "
                   f"WHERE {narrow_where}), "
                   f"page_ids AS (SELECT * FROM matches ORDER BY {_NAME_ORDER} LIMIT {_MORE})")
    else:
        # One name word may match a tenth of everyone: count what its index finds, up to
        # BROAD_MATCH + 1; few are collected and sorted, many are found by walking the Polish order
        # and stopping after a page. The branch not taken must cost nothing: PostgreSQL skips a plan
        # whose condition is a one-time filter, SQLite would walk every row testing it, so there
        # the branch not taken has LIMIT 0.
        walk_where = " AND ".join(long_likes + list(word_checks.values()))
        if sqlite or parsed.short_words:
            if parsed.long_words:
                indexed = f"SELECT rowid FROM student_search_text WHERE student_search_text MATCH {param(match)}"
            else:
                indexed = f"SELECT student_id FROM student_name_starts WHERE {prefix('word_start', parsed.short_words[0])}"
            counted = f"SELECT count(*) AS n FROM ({indexed} LIMIT {BROAD_MATCH + 1}) AS found"
            if sqlite:
                few_where, few_limit = narrow_where, f"CASE WHEN (SELECT n FROM counted) <= {BROAD_MATCH} THEN {_MORE} ELSE 0 END"
                many_where, many_limit = walk_where, f"CASE WHEN (SELECT n FROM counted) > {BROAD_MATCH} THEN {_MORE} ELSE 0 END"
            else:
                few_where, few_limit = f"(SELECT n FROM counted) <= {BROAD_MATCH} AND {narrow_where}", _MORE
                many_where, many_limit = f"(SELECT n FROM counted) > {BROAD_MATCH} AND {walk_where}", _MORE
            few = (f"SELECT s.student_id, s.sort_key, s.student_number FROM student_search s WHERE {few_where} "
                   f"ORDER BY s.sort_key, s.student_number, s.student_id LIMIT {few_limit}")
            many = (f"SELECT s.student_id, s.sort_key, s.student_number FROM student_search s WHERE {many_where} "
                    f"ORDER BY s.sort_key, s.student_number, s.student_id LIMIT {many_limit}")
            first = ""
        else:
            # A long word on PostgreSQL: the estimates from the trigram statistics are far off either
            # way, so the matches (up to BROAD_MATCH + 1) are collected with their sort keys, and counted.
            first = (f"matches AS MATERIALIZED (SELECT s.student_id, s.sort_key, s.student_number FROM student_search s "
                     f"WHERE {narrow_where} LIMIT {BROAD_MATCH + 1}), ")
            counted = "SELECT count(*) AS n FROM matches"
            few = (f"SELECT * FROM matches WHERE (SELECT n FROM counted) <= {BROAD_MATCH} "
                   f"ORDER BY {_NAME_ORDER} LIMIT {_MORE}")
            many = (f"SELECT s.student_id, s.sort_key, s.student_number FROM student_search s "
                    f"WHERE (SELECT n FROM counted) > {BROAD_MATCH} AND {walk_where} "
                    f"ORDER BY s.sort_key, s.student_number, s.student_id LIMIT {_MORE}")
        matches = (f"{first}counted AS MATERIALIZED ({counted}), "
                   f"page_ids AS (SELECT * FROM ({few}) AS few UNION ALL SELECT * FROM ({many}) AS many)")
    order = "page.sort_key, page.student_number, page.student_id"
    return _PAGE.format(matches=matches, status=_SHOWN_STATUS, order=order), params


def _floor(engine, query: str) -> tuple[list[tuple], bool]:
    """The page (its lines as plain tuples) and whether there is more, by the floor's one statement."""
    statement = _floor_sql(engine.dialect.name, query)
    if statement is None:
        return [], False
    sql, params = statement
    with engine.connect() as connection:
        rows = [tuple(row) for row in connection.execute(text(sql), params)]
    return rows[:DEFAULT_PAGE], len(rows) > DEFAULT_PAGE


def _service(db: Database, actor, query: str) -> tuple[list[tuple], bool]:
    page = search_students(UnitOfWork(db, actor), query, limit=DEFAULT_PAGE)
    rows = [
        (r.student_id, r.person_id, r.student_number, r.last_name, r.first_names, r.programme_code,
         r.programme_name, r.stage, None if r.status is None else r.status.value, r.programme_count, r.login)
        for r in page.rows
    ]
    return rows, page.has_more


def check_same_page(db: Database, actor, query: str) -> int:
    """Fail loudly unless the floor gives exactly the service's page; returns the rows on it."""
    service, service_more = _service(db, actor, query)
    floor, floor_more = _floor(db.engine, query)
    if service != floor or service_more != floor_more:
        lines = [f"the floor's page differs from the service's for {query!r} on {db.engine.dialect.name}:",
                 f"  rows: service {len(service)}, floor {len(floor)}; more: service {service_more}, floor {floor_more}"]
        for index, (a, b) in enumerate(zip(service, floor)):
            if a != b:
                lines.append(f"  first difference at row {index}:\n    service {a}\n    floor   {b}")
                break
        missing = {r[0] for r in service} ^ {r[0] for r in floor}
        if missing:
            lines.append(f"  students on one page only: {sorted(missing)[:20]}")
        raise AssertionError("\n".join(lines))
    return len(service)


def _naive(connection, query: str) -> int:
    like = f"%{fold(query)}%"
    return len(connection.execute(text(NAIVE_SQL), {"q": like}).all())


def _timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _stats(samples: list[float]) -> dict:
    return dict(median=statistics.median(samples), p95=p95(samples))


def measure(db: Database, queries: list[str], repeat: int, naive_repeat: int) -> dict:
    """Per query: check that the floor gives the service's page, then time the two taking turns
    (the service first in one repetition, the floor first in the next), and the naive LIKE."""
    actor = actor_for_login(db, "admin")
    rows = []
    service_all: list[float] = []
    floor_all: list[float] = []
    naive_all: list[float] = []
    for query in queries:
        found = check_same_page(db, actor, query)  # warms the caches too: a clerk's workstation is warm
        service: list[float] = []
        floor: list[float] = []
        for turn in range(repeat):
            runs = [(service, lambda: search_students(UnitOfWork(db, actor), query, limit=DEFAULT_PAGE)),
                    (floor, lambda: _floor(db.engine, query))]
            for samples, function in runs if turn % 2 == 0 else reversed(runs):
                samples.append(_timed(function))
        with db.engine.connect() as connection:
            _naive(connection, query)
            naive = [_timed(lambda: _naive(connection, query)) for _ in range(naive_repeat)]
        rows.append(dict(query=query, found=found, service=_stats(service), floor=_stats(floor), naive=_stats(naive),
                         service_over_floor_p95=p95(service) / max(p95(floor), 1e-9)))
        service_all += service
        floor_all += floor
        naive_all += naive
    summary = dict(service=_stats(service_all), floor=_stats(floor_all), naive=_stats(naive_all))
    summary["service_over_floor_p95"] = summary["service"]["p95"] / max(summary["floor"]["p95"], 1e-9)
    summary["naive_over_service_p95"] = summary["naive"]["p95"] / max(summary["service"]["p95"], 1e-9)
    return dict(queries=rows, summary=summary)


TARGET = 1.5  # the service within 1.5 times its floor at p95


def _print(title: str, result: dict) -> None:
    print(f"\n{title}")
    print(f"{'query':<28}{'found':>6}  {'service ms med/p95':>20}  {'floor ms med/p95':>18}  {'p95 ratio':>9}"
          f"  {'naive ms med/p95':>18}")
    for r in result["queries"]:
        print(
            f"{r['query'][:27]:<28}{r['found']:>6}  {r['service']['median']:>9.2f}/{r['service']['p95']:<9.2f}"
            f"  {r['floor']['median']:>8.2f}/{r['floor']['p95']:<8.2f}  {r['service_over_floor_p95']:>8.2f}x"
            f"  {r['naive']['median']:>8.1f}/{r['naive']['p95']:<8.1f}"
        )
    s = result["summary"]
    print(
        f"all queries: service median {s['service']['median']:.2f} ms, p95 {s['service']['p95']:.2f} ms; "
        f"floor median {s['floor']['median']:.2f} ms, p95 {s['floor']['p95']:.2f} ms; "
        f"naive median {s['naive']['median']:.1f} ms, p95 {s['naive']['p95']:.1f} ms"
    )
    ratio = s["service_over_floor_p95"]
    print(
        f"service/floor at p95: {ratio:.2f}x (target <= {TARGET}x: {'met' if ratio <= TARGET else 'NOT met'});  "
        f"naive/service at p95: {s['naive_over_service_p95']:.1f}x"
    )
    worst = sorted(result["queries"], key=lambda r: r["service_over_floor_p95"], reverse=True)[:3]
    print("worst service/floor at p95: " + ", ".join(f"{r['query']!r} {r['service_over_floor_p95']:.2f}x" for r in worst))


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


def postgresql_database(students: int, server: str, name: str | None = None) -> Database:
    url = make_url(server).set(drivername="postgresql+psycopg")
    name = name or f"desk_bench_{students // 1000}k"
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
    parser.add_argument("--postgresql-database", help="PostgreSQL database to build or reuse (default desk_bench_<N>k)")
    args = parser.parse_args(argv)
    results = {}
    database = sqlite_database(args.students, args.db)
    results["sqlite"] = measure(database, QUERIES, args.repeat, args.naive_repeat)
    database.dispose()
    _print(f"SQLite, {args.students:,} students", results["sqlite"])
    if args.postgresql:
        database = postgresql_database(args.students, args.postgresql, args.postgresql_database)
        results["postgresql"] = measure(database, QUERIES, args.repeat, args.naive_repeat)
        database.dispose()
        _print(f"PostgreSQL, {args.students:,} students", results["postgresql"])
    DATA.mkdir(exist_ok=True)
    (DATA / "search-results.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
