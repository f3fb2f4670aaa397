"""The terminal commands of ``desk`` (init, demo, db, students): administration for scripts and timers.

The ``desk`` command itself starts in ``ui.entry``, which adds the application and ``snapshot``.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from desk import __version__

PASSWORD_ENV = "DESK_PASSWORD"
_translators: list = []  # installed translators must outlive the call that installs them


class CommandError(Exception):
    """A problem to print as one line and exit with status 1."""


def _install_translator() -> None:
    """Polish messages at the terminal on a Polish system, when the translation is shipped."""
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    import resources

    if QLocale.system().language() != QLocale.Language.Polish:
        return
    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    translator = QTranslator(app)
    if translator.load(str(resources.path("translations", "desk_pl.qm"))):
        app.installTranslator(translator)
        _translators.append(translator)


def open_database_for(args, *, create: bool = False):
    from desk.db import open_database

    return open_database(args.db, create=create).database


def _password(prompt: str = "Password: ") -> str:
    value = os.environ.get(PASSWORD_ENV)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CommandError(f"No password: set {PASSWORD_ENV} or run in a terminal.")
    return getpass.getpass(prompt)


def acting_staff(args, db):
    from desk.institution import institution_settings
    from desk.staff import sign_in

    login = args.as_login
    if not login:
        if institution_settings(db).is_demo:
            from desk.demo import DEMO_PASSWORD

            login = "admin"
            os.environ.setdefault(PASSWORD_ENV, DEMO_PASSWORD)
        else:
            raise CommandError("Say who acts: --as LOGIN (the password from DESK_PASSWORD or a prompt).")
    return sign_in(db, login, _password(f"Password for {login}: "))


# --- subcommands ---------------------------------------------------------------------------


def cmd_init(args) -> int:
    from desk.staff import create_first_administrator, staff_count

    db = open_database_for(args, create=True)
    if staff_count(db):
        raise CommandError("This database already has staff accounts.")
    login = args.login or input("Administrator login: ").strip()
    full_name = args.name or input("Full name: ").strip()
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = _password("Password: ")
        if getpass.getpass("Repeat the password: ") != password:
            raise CommandError("The passwords differ.")
    actor = create_first_administrator(db, login, full_name, password)
    print(f"Database ready: {db.description}")
    print(f"Administrator: {actor.login} ({actor.full_name})")
    return 0


def cmd_demo(args) -> int:
    from desk.db import resolve_url
    from desk.demo import DEMO_PASSWORD, DEMO_STAFF, build_demo

    url = resolve_url(args.db)
    if args.force:
        if url.get_backend_name() != "sqlite":
            raise CommandError("--force deletes a database file; on a server, drop the database with its own tools.")
        path = Path(url.database or "")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
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


def cmd_db_upgrade(args) -> int:
    from desk.db import open_database

    opened = open_database(args.db, create=False)
    if opened.upgraded_from is None and not opened.created:
        print(f"{opened.database.description} is up to date.")
    else:
        print(f"{opened.database.description} upgraded from {opened.upgraded_from or 'empty'} to the current schema.")
        if opened.backup:
            print(f"Backup copy taken before the upgrade: {opened.backup}")
    return 0


def cmd_db_version(args) -> int:
    from desk.db import current_revision, head_revision, make_engine, resolve_url

    engine = make_engine(resolve_url(args.db))
    try:
        current = current_revision(engine)
    finally:
        engine.dispose()
    print(f"database schema: {current or 'none'}")
    print(f"this program:    {head_revision()}")
    return 0


def _status_text(status) -> str:
    return status.value.replace("_", " ") if status is not None else ""


def cmd_search(args) -> int:
    from desk.student_search import search_students

    db = open_database_for(args)
    actor = acting_staff(args, db)
    page = search_students(db, actor, args.query, limit=args.limit)
    if args.json:
        print(
            json.dumps(
                {
                    "query": args.query,
                    "has_more": page.has_more,
                    "students": [
                        {
                            "student_number": r.student_number,
                            "last_name": r.last_name,
                            "first_names": r.first_names,
                            "programme": r.programme_code,
                            "stage": r.stage,
                            "status": r.status.value if r.status else None,
                            "login": r.login,
                        }
                        for r in page.rows
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not page.rows:
        print("No student matches.")
        return 0
    for r in page.rows:
        print(
            f"{r.student_number:>8}  {r.last_name + ' ' + r.first_names:<40.40}  {r.programme_code or '':<10}"
            f" {r.stage or '':>2}  {_status_text(r.status):<10}  {r.login or '(no login)'}"
        )
    if page.has_more:
        print(f"More than {len(page.rows)} students match: refine the query or raise --limit.")
    return 0


def cmd_help(args) -> int:
    args.parser.print_help()
    return 0


def _with_parents(common: argparse.ArgumentParser):
    class SubParser(argparse.ArgumentParser):
        def __init__(self, *args, **kwargs):
            kwargs.setdefault("parents", [common])
            super().__init__(*args, **kwargs)

    return SubParser


def build_parser(extend: Callable | None = None, default: Callable | None = None) -> argparse.ArgumentParser:
    """The parser of the terminal commands; ``extend(commands)`` adds more, ``default`` runs
    when no command is given (the application, when started as ``desk``)."""
    parser = argparse.ArgumentParser(
        prog="desk",
        description="Back office for course registration. With no command, opens the application.",
    )
    parser.add_argument("--version", action="version", version=f"desk {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or URL (postgresql://user@host/db); default: $DESK_DATABASE_URL or the file in your data folder",
    )
    parser.add_argument(
        "--as",
        dest="as_login",
        metavar="LOGIN",
        help=f"staff login to act as (password from ${PASSWORD_ENV} or a prompt)",
    )
    parser.set_defaults(func=default or cmd_help, parser=parser)
    # The same options are accepted after a subcommand too ("desk students search x --as k").
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    common.add_argument("--as", dest="as_login", metavar="LOGIN", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_with_parents(common))

    init = commands.add_parser("init", help="create an empty database and its first administrator")
    init.add_argument("--login", help="the administrator's login")
    init.add_argument("--name", help="the administrator's full name")
    init.set_defaults(func=cmd_init)

    demo = commands.add_parser("demo", help="build a demo database (a realistic university)")
    demo.add_argument("--students", type=int, default=12_000, help="how many students (default 12,000)")
    demo.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same data")
    demo.add_argument("--force", action="store_true", help="delete an existing SQLite database file first")
    demo.set_defaults(func=cmd_demo)

    database = commands.add_parser("db", help="database schema")
    database_commands = database.add_subparsers(title="commands", metavar="COMMAND", required=True)
    upgrade = database_commands.add_parser("upgrade", help="upgrade the schema (SQLite: after a backup copy)")
    upgrade.set_defaults(func=cmd_db_upgrade)
    version = database_commands.add_parser("version", help="show the schema version of the database and of this program")
    version.set_defaults(func=cmd_db_version)

    students = commands.add_parser("students", help="students")
    student_commands = students.add_subparsers(title="commands", metavar="COMMAND", required=True)
    search = student_commands.add_parser(
        "search", help="find students by number, name, PESEL or login e-mail"
    )
    search.add_argument("query", help='what to look for, e.g. "lukasz zolkiewski" or 123456')
    search.add_argument("--limit", type=int, default=50, help="at most this many students (default 50)")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(func=cmd_search)

    if extend is not None:
        extend(commands)
    return parser


def main(argv: list[str] | None = None, *, extend: Callable | None = None, default: Callable | None = None) -> int:
    from desk.errors import DatabaseOpenError, DomainError

    args = build_parser(extend, default).parse_args(argv)
    if args.func is not default:
        _install_translator()
    try:
        return args.func(args)
    except (CommandError, DatabaseOpenError, DomainError) as error:
        print(f"desk: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("desk: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
