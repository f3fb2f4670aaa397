"""The ``accounts`` commands: login state, linking, the worklist, the mail-system import, login templates."""

from __future__ import annotations

import json

from desk import bounds
from desk.cli.common import CommandError, acting_staff, open_database_for
from desk.unit_of_work import UnitOfWork


def cmd_accounts_state(args) -> int:
    from desk.accounts import account_state, state_label
    from desk.clock import format_local

    db = open_database_for(args)
    actor = acting_staff(args, db)
    report = account_state(UnitOfWork(db, actor), args.query)
    if args.json:
        print(json.dumps({
            "query": report.query, "state": report.state.value, "words": report.words, "fix": report.fix,
            "email": report.email, "person": report.person_name, "category": report.category.value if report.category else None,
            "student_numbers": list(report.student_numbers),
            "waiting_since": report.waiting_since.isoformat() if report.waiting_since else None,
            "logins": [{"email": f.email, "linked": f.person_id is not None, "state": f.state.value,
                        "waiting_since": f.waiting_since.isoformat() if f.waiting_since else None,
                        "linked_at": f.linked_at.isoformat() if f.linked_at else None, "linked_by": f.linked_by,
                        "problems": list(f.problems)} for f in report.logins],
            "problems": list(report.problems), "expected_domain": report.expected_domain,
            "suggested_email": report.suggested_email, "unlinked_candidates": list(report.unlinked_candidates),
        }, ensure_ascii=False, indent=2))
        return 0
    print(report.words)
    for problem in report.problems:
        print(f"  problem: {problem}")
    for fact in report.logins:
        linked = f"linked {format_local(fact.linked_at)}" + (f" by {fact.linked_by}" if fact.linked_by else "") if fact.linked_at else ""
        waiting = f"; waiting for the portal since {format_local(fact.waiting_since)}" if fact.waiting_since else ""
        print(f"  login {fact.email}: {state_label(fact.state)}{'; ' + linked if linked else ''}{waiting}")
    if report.fix:
        print(f"What to do: {report.fix}")
    return 0


def cmd_accounts_link(args) -> int:
    from desk.accounts import link_login
    from desk.students import student_by_number

    db = open_database_for(args)
    actor = acting_staff(args, db)
    result = link_login(UnitOfWork(db, actor), args.email, student_id=student_by_number(db, args.student), reason=args.reason)
    made = "new login" if result.action == "created" else "existing login"
    print(f"Linked ({made}): {result.email} -> {result.person_name} ({args.student}); it waits for the portal sync.")
    return 0


def cmd_accounts_unlink(args) -> int:
    from desk.accounts import unlink_login

    db = open_database_for(args)
    actor = acting_staff(args, db)
    result = unlink_login(UnitOfWork(db, actor), args.email, reason=args.reason, remove=args.remove)
    was = f" from {result.person_name}" if result.person_name else ""
    print(f"{'Removed' if result.action == 'removed' else 'Unlinked'}: {result.email}{was}.")
    return 0


def cmd_accounts_worklist(args) -> int:
    from desk.accounts import WorkKind, work_kind_label, worklist

    db = open_database_for(args)
    actor = acting_staff(args, db)
    kinds = [WorkKind(k.replace("-", "_")) for k in args.kind] if args.kind else None
    result = worklist(UnitOfWork(db, actor), kinds=kinds, limit=args.limit)
    if args.json:
        print(json.dumps({
            "counts": {kind.value: count for kind, count in result.counts.items()},
            "limit": result.limit,
            "items": [{"kind": i.kind.value, "email": i.email, "person": i.person_name, "student_number": i.student_number,
                       "category": i.category.value if i.category else None, "detail": i.detail} for i in result.items],
        }, ensure_ascii=False, indent=2))
        return 0
    for kind, count in result.counts.items():
        shown = [i for i in result.items if i.kind is kind]
        more = f" (the first {len(shown)} shown)" if len(shown) < count else ""
        print(f"{work_kind_label(kind)}: {count}{more}")
        for item in shown:
            who = " ".join(filter(None, (item.student_number, item.person_name)))
            print(f"  {item.email or '':<40} {who:<40.40}  {item.detail}")
    return 0


def cmd_accounts_import(args) -> int:
    from desk.accounts import apply_bulk_link, outcome_label, preview_bulk_link

    db = open_database_for(args)
    actor = acting_staff(args, db)
    if args.apply and not (args.reason or "").strip():
        raise CommandError("Say why the logins are linked: --reason R.")
    preview = preview_bulk_link(UnitOfWork(db, actor), args.file)
    column = "PESEL" if preview.identifier_kind == "pesel" else "student number"
    print(f"{preview.file_name}: {len(preview.lines)} lines; {column} from \"{preview.identifier_column}\","
          f" e-mail from \"{preview.email_column}\"")
    for outcome, count in sorted(preview.counts.items(), key=lambda pair: pair[0].value):
        print(f"  {outcome_label(outcome)}: {count}")
    for line in preview.lines:
        if line.is_error:
            print(f"  line {line.line_number}: {outcome_label(line.outcome)}: {line.message}")
    if not args.apply:
        print("Nothing applied (a preview): add --apply --reason R to link" + (
            ", and --skip-errors to leave the lines in error out." if preview.errors else "."))
        return 2 if preview.errors else 0
    result = apply_bulk_link(UnitOfWork(db, actor), args.file, reason=args.reason, skip_errors=args.skip_errors)
    print(f"Linked: {result.linked} logins ({result.created} new); {result.unchanged} already linked;"
          f" {result.skipped} lines in error left out.")
    return 0


def cmd_accounts_templates(args) -> int:
    from desk.accounts import list_templates, set_template

    db = open_database_for(args)
    actor = acting_staff(args, db)
    if args.category:
        if not (args.domain and args.template):
            raise CommandError("Give the category's --domain and --template, e.g. --template '{student_number}@student.uni.pl'.")
        if not (args.reason or "").strip():
            raise CommandError("Say why with --reason (it is kept with the change).")
        set_template(UnitOfWork(db, actor), args.category.replace("-", "_"), args.domain, args.template, reason=args.reason or "")
    for t in list_templates(UnitOfWork(db, actor)):
        print(f"{t.category.value:<12} @{t.domain:<30} {t.template:<45} e.g. {t.example}")
    return 0


def register(commands) -> None:
    accounts_parser = commands.add_parser("accounts", help="login accounts: state, link, unlink, worklist, import, templates")
    account_commands = accounts_parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    state = account_commands.add_parser("state", help="the state of a login or a student, in plain words")
    state.add_argument("query", help="a login e-mail or a student number")
    state.add_argument("--json", action="store_true", help="print JSON")
    state.set_defaults(func=cmd_accounts_state)
    link = account_commands.add_parser("link", help="link a login e-mail to a student")
    link.add_argument("student", help="student number")
    link.add_argument("email", help="the institutional e-mail, e.g. 123456@student.uni.opole.pl")
    link.add_argument("--reason", required=True, help='why, e.g. "reported by the student"')
    link.set_defaults(func=cmd_accounts_link)
    unlink = account_commands.add_parser("unlink", help="take a login away from its person")
    unlink.add_argument("email", help="the login e-mail")
    unlink.add_argument("--reason", required=True, help='why, e.g. "linked to the wrong person"')
    unlink.add_argument("--remove", action="store_true", help="delete the login as well (an address made by mistake)")
    unlink.set_defaults(func=cmd_accounts_unlink)
    work = account_commands.add_parser("worklist", help="students without a login, logins without a person, mismatches")
    work.add_argument("--kind", action="append",
                      choices=["no-login", "not-linked", "domain-mismatch", "malformed", "near-duplicate"],
                      help="only this kind (may be given more than once)")
    work.add_argument("--limit", type=bounds.LIST_LIMIT.argument(), default=100, help="at most this many of each kind (default 100)")
    work.add_argument("--json", action="store_true", help="print JSON")
    work.set_defaults(func=cmd_accounts_worklist)
    bulk = account_commands.add_parser(
        "import", help="link logins from a CSV or .xlsx file of the mail system (a preview unless --apply)",
        description="Columns: the student number (or PESEL) and the e-mail, named in the first line. Without --apply "
                    "only the report is printed; exit status 2 when lines are in error.",
    )
    bulk.add_argument("file", help="a .csv (UTF-8 or Windows-1250) or .xlsx file, at most 20 MB and 100,000 rows")
    bulk.add_argument("--apply", action="store_true", help="link them: all or nothing, in one transaction")
    bulk.add_argument("--skip-errors", action="store_true", help="with --apply: leave the lines in error out")
    bulk.add_argument("--reason", help="why (required with --apply)")
    bulk.set_defaults(func=cmd_accounts_import)
    templates = account_commands.add_parser("templates", help="login templates per person category; set one (administrators)")
    templates.add_argument("category", nargs="?", choices=["student", "phd_student", "phd-student", "staff"],
                           help="set the template of this category")
    templates.add_argument("--domain", help="its domain, e.g. student.uni.opole.pl")
    templates.add_argument("--template", help="e.g. {student_number}@student.uni.opole.pl or {first_initial}.{last}@uni.opole.pl")
    templates.add_argument("--reason", help="why")
    templates.set_defaults(func=cmd_accounts_templates)
