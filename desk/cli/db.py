"""The ``init`` and ``db`` commands: an empty database with its first administrator; the schema."""

from __future__ import annotations

import getpass
import os
import sys

from desk.cli.common import CommandError, PASSWORD_ENV, ask_password, open_database_for, removed_when_failed


def cmd_init(args) -> int:
    from desk.staff import create_first_administrator, staff_count
    from desk.unit_of_work import SystemJob, UnitOfWork

    with removed_when_failed(args):
        db = open_database_for(args, create=True)
        if staff_count(db):
            raise CommandError("This database already has staff accounts.")
        if not (args.login and args.name) and not sys.stdin.isatty():
            raise CommandError("Give the administrator's --login and --name (there is no terminal to ask).")
        login = args.login or input("Administrator login: ").strip()
        full_name = args.name or input("Full name: ").strip()
        password = os.environ.get(PASSWORD_ENV)
        if password is None:
            password = ask_password("Password: ")
            if getpass.getpass("Repeat the password: ") != password:
                raise CommandError("The passwords differ.")
        actor = create_first_administrator(UnitOfWork(db, SystemJob.SETUP), login, full_name, password)
    print(f"Database ready: {db.description}")
    print(f"Administrator: {actor.login} ({actor.full_name})")
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
    from desk.db import head_revision, resolve_url, schema_revision_of

    current = schema_revision_of(resolve_url(args.db))
    print(f"database schema: {current or 'none'}")
    print(f"this program:    {head_revision()}")
    return 0


def register_init(commands) -> None:
    init = commands.add_parser("init", help="create an empty database and its first administrator")
    init.add_argument("--login", help="the administrator's login")
    init.add_argument("--name", help="the administrator's full name")
    init.set_defaults(func=cmd_init)


def register(commands) -> None:
    database = commands.add_parser("db", help="database schema")
    database_commands = database.add_subparsers(title="commands", metavar="COMMAND", required=True)
    upgrade = database_commands.add_parser("upgrade", help="upgrade the schema (SQLite: after a backup copy)")
    upgrade.set_defaults(func=cmd_db_upgrade)
    version = database_commands.add_parser("version", help="show the schema version of the database and of this program")
    version.set_defaults(func=cmd_db_version)
