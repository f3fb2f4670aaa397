"""The ``demo`` command: a demo database of a realistic university."""

from __future__ import annotations

import sys
from pathlib import Path

from desk.cli.common import CommandError, open_database_for


def cmd_demo(args) -> int:
    from desk.db import resolve_url
    from desk.demo import DEMO_PASSWORD, DEMO_STAFF, build_demo

    url = resolve_url(args.db)
    if args.force:
        if url.get_backend_name() != "sqlite":
            raise CommandError("--force deletes a database file; on a server, drop the database with its own tools.")
        from desk.portal.database import default_portal_url

        path = Path(url.database or "")
        portal = Path(default_portal_url(url).database or "")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
            Path(f"{portal}{suffix}").unlink(missing_ok=True)
    db = open_database_for(args, create=True)
    last = {"phase": None}

    def progress(phase: str, done: int, total: int) -> None:
        if phase != last["phase"] or done == total:
            print(f"  {phase}: {done:,}/{total:,}", file=sys.stderr)
            last["phase"] = phase

    summary = build_demo(db, students=args.students, seed=args.seed, progress=progress)
    print(f"Demo database: {db.description}")
    print(
        f"{summary.students:,} students, {summary.class_groups:,} class groups, {summary.enrollments:,} enrollments,"
        f" {summary.registrations} registrations, built in {summary.seconds:.1f} s"
    )
    print("Sign in as " + ", ".join(login for login, *_ in DEMO_STAFF) + f" with the password {DEMO_PASSWORD}")
    return 0


def register(commands) -> None:
    demo = commands.add_parser("demo", help="build a demo database (a realistic university)")
    demo.add_argument("--students", type=int, default=12_000, help="how many students (default 12,000)")
    demo.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same data")
    demo.add_argument("--force", action="store_true", help="delete an existing SQLite database file first")
    demo.set_defaults(func=cmd_demo)
