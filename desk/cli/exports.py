"""The ``export`` commands: class lists and other lists to Excel (.xlsx)."""

from __future__ import annotations

import os
from pathlib import Path

from desk import bounds
from desk.cli.common import CommandError, acting_staff, open_database_for, term_id_by_code, unit_id_by_code
from desk.unit_of_work import UnitOfWork


def _out(args, default_name: str) -> Path:
    path = Path(args.out) if args.out else Path.cwd() / default_name
    try:
        if path.is_dir() or (args.out or "").endswith(("/", os.sep)):
            path = path / default_name
        exists = path.exists()
    except OSError as error:  # a name too long for the file system, and the like
        raise _not_written(path, error) from None
    if exists and not args.force:
        raise CommandError(f"{path} exists: choose another --out, or add --force to replace it.")
    return path


def _not_written(path: Path, error: OSError) -> CommandError:
    if isinstance(error, FileExistsError) and path.exists():
        return CommandError(f"{path} exists: choose another --out, or add --force to replace it.")
    return CommandError(f"The export cannot be written to {path}: {error.strerror or error}. "
                        f"Choose a folder you can write to with --out.")


def cmd_export_roster(args) -> int:
    from desk.groups import GroupScope, find_group
    from desk.registrations import registration_by_code
    from desk.rosters import default_file_name, export_rosters

    db = open_database_for(args)
    actor = acting_staff(args, db)
    if args.group:
        scopes = [GroupScope(group_ids=tuple(find_group(db, g) for g in args.group))]
        label = "-".join(args.group[:3]).replace("/", "-")
    elif args.registration:
        scopes = [GroupScope(registration_id=registration_by_code(db, args.registration))]
        label = args.registration
    elif args.term:
        term_id = term_id_by_code(db, args.term)
        course_id = None
        if args.course:
            from desk.registrations import courses_of_term

            course_id = next((c.id for c in courses_of_term(db, term_id) if c.code == args.course), None)
            if course_id is None:
                raise CommandError(f"No course {args.course} with groups in {args.term}.")
        scopes = [GroupScope(term_id=term_id, course_id=course_id, unit_id=unit_id_by_code(db, args.unit) if args.unit else None)]
        label = " ".join(filter(None, (args.term, args.course, args.unit)))
    else:
        raise CommandError("Say which groups: --group, --registration, or --term (with --course or --unit).")
    path = _out(args, default_file_name(label, args.attendance))
    try:
        written = export_rosters(UnitOfWork(db, actor), scopes[0], path, attendance=args.attendance, overwrite=args.force,
                                 title=label)
    except OSError as error:
        raise _not_written(path, error) from None
    print(f"Written: {written}")
    return 0


def cmd_export_list(args) -> int:
    from desk import rosters

    db = open_database_for(args)
    actor = acting_staff(args, db)
    if args.kind == "payments":
        sheet = rosters.payments_due_sheet(UnitOfWork(db, actor), term_id=term_id_by_code(db, args.term) if args.term else None,
                                           unit_id=unit_id_by_code(db, args.unit) if args.unit else None)
        name = "payments-due"
    elif args.kind == "at-risk":
        if not args.term:
            raise CommandError("Say which term: --term CODE.")
        sheet, name = rosters.groups_at_risk_sheet(UnitOfWork(db, actor), term_id_by_code(db, args.term)), f"groups-at-risk {args.term}"
    elif args.kind == "access":
        from desk.registrations import registration_by_code

        if not args.registration:
            raise CommandError("Say which registration: --registration CODE.")
        sheet = rosters.access_list_sheet(UnitOfWork(db, actor), registration_by_code(db, args.registration))
        name = f"access {args.registration}"
    else:
        from desk.access import programmes

        programme = next((p for p in programmes(db) if p.code == args.programme), None)
        if programme is None:
            raise CommandError("Say which cohort: --programme CODE [--stage N].")
        sheet = rosters.token_balances_sheet(UnitOfWork(db, actor), programme.id, args.stage)
        name = f"tokens {args.programme}" + (f" {args.stage}" if args.stage else "")
    from exports.xlsx import safe_file_name

    path = _out(args, safe_file_name(name))
    kind = {"payments": rosters.ExportAction.PAYMENTS, "at-risk": rosters.ExportAction.GROUPS_AT_RISK,
            "access": rosters.ExportAction.ACCESS, "tokens": rosters.ExportAction.TOKENS}[args.kind]
    try:
        written = rosters.export_list(UnitOfWork(db, actor), sheet, path, kind=kind, overwrite=args.force,
                                      personal=kind is not rosters.ExportAction.GROUPS_AT_RISK)
    except OSError as error:
        raise _not_written(path, error) from None
    print(f"Written: {written} ({sheet.written_rows} rows)")
    return 0


def register(commands) -> None:
    export_parser = commands.add_parser("export", help="class lists and other lists to Excel (.xlsx)")
    export_commands = export_parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    roster = export_commands.add_parser("roster", help="class lists: of groups, a course, a registration or a term")
    roster.add_argument("--group", nargs="+", help="groups as TERM/COURSE/TYPE/NUMBER or ids")
    roster.add_argument("--registration", help="every group a registration offers")
    roster.add_argument("--term", help="a term's groups (with --course or --unit to narrow)")
    roster.add_argument("--course", help="with --term: one course, a sheet per group and a summary")
    roster.add_argument("--unit", help="with --term: the courses one unit runs")
    roster.add_argument("--attendance", action="store_true", help="an attendance sheet: a column per class date")
    roster.add_argument("--out", help="file or folder (default: a name from the codes, here)")
    roster.add_argument("--force", action="store_true", help="replace an existing file")
    roster.set_defaults(func=cmd_export_roster)
    for kind, help_text in (("payments", "payments due"), ("at-risk", "groups below their lower limit"),
                            ("access", "a registration's individual access decisions"),
                            ("tokens", "token balances of a cohort")):
        sub = export_commands.add_parser(kind, help=help_text)
        sub.add_argument("--term", help="term code")
        sub.add_argument("--unit", help="unit code")
        sub.add_argument("--registration", help="registration code")
        sub.add_argument("--programme", help="programme code (tokens)")
        sub.add_argument("--stage", type=bounds.STAGE.argument(), help="stage (tokens, 1-10)")
        sub.add_argument("--out", help="file or folder")
        sub.add_argument("--force", action="store_true", help="replace an existing file")
        sub.set_defaults(func=cmd_export_list, kind=kind)
