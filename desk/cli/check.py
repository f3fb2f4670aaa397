"""The ``check`` command: the database's integrity and its agreement with the portal."""

from __future__ import annotations

import json
import sys

from desk.cli.common import open_database_for, require_administrator
from desk.i18n import counted


def cmd_check(args) -> int:
    from sqlalchemy.exc import DBAPIError

    from desk.check import check_database, existing_portal
    from desk.db import describe_url
    from desk.errors import DatabaseOpenError
    from desk.institution import institution_settings
    from desk.portal.database import portal_url_of

    db = open_database_for(args)
    require_administrator(args, db)
    portal, portal_error = None, None
    if not args.no_portal:
        try:
            portal = existing_portal(db)
        except (DatabaseOpenError, DBAPIError, OSError) as error:
            # The desk is checked all the same; the portal that cannot be reached is a problem found.
            portal_error = str(error) if isinstance(error, DatabaseOpenError) else (
                f"The portal database {describe_url(portal_url_of(db))} cannot be opened.")
            print(f"desk: {portal_error} Checking the desk's own database only.", file=sys.stderr)
    try:
        report = check_database(db, portal=portal, thorough=args.thorough, zone=institution_settings(db).time_zone)
    finally:
        if portal is not None:
            portal.dispose()
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
        return 0 if report.clean and portal_error is None else 1
    counts = report.counts
    print(f"Checked {db.description} in {report.seconds:.1f} s: {counts.get('students', 0):,} students, "
          f"{counts.get('class_groups', 0):,} class groups, {counts.get('token_ledger', 0):,} ledger entries, "
          f"{counted(counts.get('outbox_pending', 0), 'change', 'changes')} waiting for the portal.")
    for note in report.notes:
        print(f"  ({note})")
    if report.clean:
        print("No problems found." if portal_error is None else "No problems found in the desk's own database.")
        return 0 if portal_error is None else 1
    print(f"{counted(report.problem_count, 'problem', 'problems')}:")
    listed: dict[str, int] = {}
    for problem in report.problems:
        print(f"  {problem.kind}: {problem.what}: {problem.detail}")
        listed[problem.kind] = listed.get(problem.kind, 0) + 1
    for kind, total in report.totals.items():
        if total > listed.get(kind, 0):
            print(f"  {kind}: … and {total - listed.get(kind, 0):,} more")
    return 1


def register(commands) -> None:
    check_parser = commands.add_parser(
        "check", help="check the database: integrity, search table, token ledger, seat counts, sync queue "
                      "(exit status 1 when a problem is found)")
    check_parser.add_argument("--json", action="store_true", help="the report as JSON")
    check_parser.add_argument("--thorough", action="store_true",
                              help="SQLite: the full integrity_check and foreign_key_check (slower) instead of quick_check")
    check_parser.add_argument("--no-portal", action="store_true", help="do not compare with the portal database")
    check_parser.set_defaults(func=cmd_check)
