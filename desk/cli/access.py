"""The ``access`` commands: granting and revoking access to a registration for a list of students."""

from __future__ import annotations

import sys
from pathlib import Path

from desk.cli.common import CommandError, acting_staff, open_database_for
from desk.unit_of_work import UnitOfWork


def _read_list(source: str) -> str:
    from desk.input_files import MAX_FILE_BYTES, read_text_list, text_of

    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        raw = stream.read(MAX_FILE_BYTES + 1) if stream is not None else sys.stdin.read(MAX_FILE_BYTES + 1).encode("utf-8", "surrogateescape")
        if len(raw) > MAX_FILE_BYTES:
            raise CommandError(f"The list is longer than {MAX_FILE_BYTES // 1024 // 1024} MB; split it.")
        return text_of(raw, "stdin")
    return read_text_list(Path(source))


def _confirm(args, question: str) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise CommandError("Nothing applied: add --yes to apply without a question (or --dry-run to only check).")
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes", "t", "tak")


def _until(text: str | None):
    if not text:
        return None
    from datetime import date, datetime, time

    from desk.clock import local_to_utc

    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--until must be a date written as YYYY-MM-DD, not {text!r}.") from None
    return local_to_utc(datetime.combine(day, time(23, 59)))


def cmd_access(args) -> int:
    from desk import access
    from desk.model import AccessDecision
    from desk.registrations import registration_by_code

    db = open_database_for(args)
    actor = acting_staff(args, db)
    registration_id = registration_by_code(db, args.registration)
    report = access.resolve_student_numbers(UnitOfWork(db, actor), registration_id, _read_list(args.file))
    print(f"{len(report.found)} students found", file=sys.stderr)
    for title, values in (("unknown numbers", report.unknown), ("given more than once", report.duplicates),
                          ("not in your units (left out)", report.outside_units)):
        if values:
            print(f"{len(values)} {title}: {', '.join(values[:50])}{' …' if len(values) > 50 else ''}", file=sys.stderr)
    decision = AccessDecision.GRANT if args.decision == "grant" else AccessDecision.REVOKE
    if not report.found:
        raise CommandError("Nothing applied: no student of the list was found.")
    if args.dry_run:
        print("Nothing applied.")
        return 0
    verb = "Grant access to" if decision is AccessDecision.GRANT else "Revoke access of"
    if not _confirm(args, f"{verb} {len(report.found)} students in {args.registration}?"):
        print("Nothing applied.")
        return 1
    result = access.decide(UnitOfWork(db, actor), registration_id, report.student_ids, decision, reason=args.reason,
                           valid_until=_until(args.until))
    print(f"{'Granted' if decision is AccessDecision.GRANT else 'Revoked'}: {result.applied} students"
          f" ({result.replaced} earlier decisions replaced).")
    return 0


def register(commands) -> None:
    access_parser = commands.add_parser("access", help="access to registrations: grant or revoke for a list of students")
    access_commands = access_parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for decision, help_text in (("grant", "grant access to the students of a file"),
                                ("revoke", "revoke access of the students of a file")):
        sub = access_commands.add_parser(decision, help=help_text)
        sub.add_argument("registration", help="registration code, e.g. SJO-LEK-2026Z")
        sub.add_argument("--file", required=True, help="student numbers, one per line or separated by commas; - for stdin")
        sub.add_argument("--reason", required=True, help='why, e.g. "returned from leave"')
        sub.add_argument("--until", help="valid until this day (YYYY-MM-DD, end of day local time)")
        sub.add_argument("--dry-run", action="store_true", help="only report what the list resolves to")
        sub.add_argument("--yes", action="store_true", help="apply without asking")
        sub.set_defaults(func=cmd_access, decision=decision)
