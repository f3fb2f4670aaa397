"""The ``terms`` commands: list the terms, add one, correct one (administrators)."""

from __future__ import annotations

import argparse
import json
from datetime import date

from desk.cli.common import CommandError, acting_staff, open_database_for
from desk.unit_of_work import UnitOfWork


def iso_date(text: str) -> date:
    """An argparse ``type``: a date as YYYY-MM-DD."""
    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"a date as YYYY-MM-DD, not {text[:24]!r}") from None
    if not 1900 <= value.year <= 2200:
        raise argparse.ArgumentTypeError(f"a date from 1900 to 2200, not {value.isoformat()}")
    return value


def _line_json(line) -> dict:
    return {"id": line.id, "code": line.code, "name": line.name, "starts_on": line.starts_on.isoformat(),
            "ends_on": line.ends_on.isoformat(), "groups": line.group_count, "registrations": line.registration_count}


def cmd_terms_list(args) -> int:
    from desk.terms import list_terms

    db = open_database_for(args)
    actor = acting_staff(args, db)
    lines = list_terms(UnitOfWork(db, actor))
    if args.json:
        print(json.dumps([_line_json(line) for line in lines], ensure_ascii=False, indent=2))
        return 0
    for line in lines:
        print(f"{line.code:<6} {line.starts_on} \u2013 {line.ends_on}  {line.group_count:>5} groups "
              f"{line.registration_count:>3} registrations  {line.name}")
    return 0


def cmd_terms_add(args) -> int:
    from desk.courses import refuse
    from desk.terms import TermDraft, add_term, check_term, term_line

    draft = TermDraft(args.code, args.name, args.starts, args.ends)
    refuse(check_term(draft))  # before the database is opened
    db = open_database_for(args)
    actor = acting_staff(args, db)
    term_id = add_term(UnitOfWork(db, actor), draft)
    line = term_line(UnitOfWork(db, actor), term_id)
    if args.json:
        print(json.dumps(_line_json(line), ensure_ascii=False, indent=2))
    else:
        print(f"Term {line.code} added ({line.starts_on} \u2013 {line.ends_on}).")
    return 0


def cmd_terms_edit(args) -> int:
    from desk.terms import edit_term, term_by_code

    changes = {name: value for name, value in (("code", args.new_code), ("name", args.name), ("starts_on", args.starts),
                                                ("ends_on", args.ends)) if value is not None}
    if not changes:
        raise CommandError("Say what changes: --new-code, --name, --starts or --ends.")
    if not (args.reason or "").strip():
        raise CommandError("Say why with --reason (it is kept with the change).")
    db = open_database_for(args)
    actor = acting_staff(args, db)
    line = edit_term(UnitOfWork(db, actor), term_by_code(UnitOfWork(db, actor), args.code), changes, args.reason)
    if args.json:
        print(json.dumps(_line_json(line), ensure_ascii=False, indent=2))
    else:
        print(f"Term {line.code} changed ({line.starts_on} \u2013 {line.ends_on}).")
    return 0


def register(commands) -> None:
    terms_parser = commands.add_parser("terms", help="terms: list them, add one, correct one (administrators)")
    term_commands = terms_parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    listing = term_commands.add_parser("list", help="every term by start date, with its groups and registrations")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=cmd_terms_list)
    add = term_commands.add_parser("add", help="add a term (administrators)")
    add.add_argument("code", help="a four-digit year and Z (winter) or L (summer), e.g. 2026Z")
    add.add_argument("--name", required=True, help='its name, e.g. "Semestr zimowy 2026/27"')
    add.add_argument("--starts", required=True, type=iso_date, help="first day, YYYY-MM-DD")
    add.add_argument("--ends", required=True, type=iso_date, help="last day, YYYY-MM-DD")
    add.add_argument("--json", action="store_true", help="print JSON")
    add.set_defaults(func=cmd_terms_add)
    edit = term_commands.add_parser("edit", help="correct a term's code, name or dates (administrators)")
    edit.add_argument("code", help="the term's code now")
    edit.add_argument("--new-code", help="a new code")
    edit.add_argument("--name", help="a new name")
    edit.add_argument("--starts", type=iso_date, help="a new first day, YYYY-MM-DD")
    edit.add_argument("--ends", type=iso_date, help="a new last day, YYYY-MM-DD")
    edit.add_argument("--reason", required=True, help="why the term changes")
    edit.add_argument("--json", action="store_true", help="print JSON")
    edit.set_defaults(func=cmd_terms_edit)
