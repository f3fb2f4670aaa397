"""The ``demo`` command: a demo database of a realistic university."""

from __future__ import annotations

import sys
from pathlib import Path

from desk.cli.common import CommandError, confirm, open_database_for, removed_when_failed, require_administrator


def _make_way(args, url, path: Path) -> None:
    """Before --force deletes a database file: a demo (or an empty database) goes as it is; a university's
    own database only for an administrator who confirms it, after a backup; a file desk cannot open, never."""
    from desk.backup import backup_now
    from desk.db import open_database
    from desk.errors import DatabaseOpenError
    from desk.institution import institution_settings
    from desk.model import Person, StaffUser
    from desk.unit_of_work import UnitOfWork

    try:
        db = open_database(url, create=False).database
    except DatabaseOpenError as error:
        raise CommandError(f"{error} --force replaces only a desk database it can open: move it aside first.") from None
    try:
        from sqlalchemy import func, select

        with db.read() as session:
            empty = not (session.scalar(select(func.count()).select_from(Person))
                         or session.scalar(select(func.count()).select_from(StaffUser)))
        settings = institution_settings(db)
        if empty or settings.is_demo:
            return
        actor = require_administrator(args, db)
        name = f" ({settings.name})" if settings.name else ""
        confirm(args, f"{db.description}{name} is not a demo database. Replace it by a demo (after a backup)?")
        copy = backup_now(UnitOfWork(db, actor), keep=None, zone=settings.time_zone)
        print(f"Backup of the database replaced: {copy}")
    finally:
        db.dispose()


def cmd_demo(args) -> int:
    from desk.db import resolve_url
    from desk.demo import DEMO_PASSWORD, DEMO_STAFF, build_demo

    url = resolve_url(args.db)
    if args.force:
        if url.get_backend_name() != "sqlite":
            raise CommandError("--force deletes a database file; on a server, drop the database with its own tools.")
        from desk.portal.database import default_portal_url

        path = Path(url.database or "")
        if path.exists():
            _make_way(args, url, path)
        portal = Path(default_portal_url(url).database or "")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
            Path(f"{portal}{suffix}").unlink(missing_ok=True)
    last = {"phase": None}

    def progress(phase: str, done: int, total: int) -> None:
        if phase != last["phase"] or done == total:
            print(f"  {phase}: {done:,}/{total:,}", file=sys.stderr)
            last["phase"] = phase

    with removed_when_failed(args):
        db = open_database_for(args, create=True)
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
    demo.add_argument("--force", action="store_true",
                      help="delete an existing SQLite database file first (one that is not a demo: an administrator, "
                           "after a backup)")
    demo.add_argument("--yes", action="store_true", help="with --force over a database that is not a demo: do not ask")
    demo.set_defaults(func=cmd_demo)
