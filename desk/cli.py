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


# --- registrations, access, groups, enrollment ------------------------------------------------


def _read_list(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    if not path.is_file():
        raise CommandError(f"No such file: {source}")
    return path.read_text(encoding="utf-8-sig")


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
    report = access.resolve_student_numbers(db, actor, registration_id, _read_list(args.file))
    print(f"{len(report.found)} students found", file=sys.stderr)
    for title, values in (("unknown numbers", report.unknown), ("given more than once", report.duplicates),
                          ("not in your units (left out)", report.outside_units)):
        if values:
            print(f"{len(values)} {title}: {', '.join(values[:50])}{' …' if len(values) > 50 else ''}", file=sys.stderr)
    decision = AccessDecision.GRANT if args.decision == "grant" else AccessDecision.REVOKE
    if args.dry_run or not report.found:
        print("Nothing applied.")
        return 0
    verb = "Grant access to" if decision is AccessDecision.GRANT else "Revoke access of"
    if not _confirm(args, f"{verb} {len(report.found)} students in {args.registration}?"):
        print("Nothing applied.")
        return 1
    result = access.decide(db, actor, registration_id, report.student_ids, decision, reason=args.reason,
                           valid_until=_until(args.until))
    print(f"{'Granted' if decision is AccessDecision.GRANT else 'Revoked'}: {result.applied} students"
          f" ({result.replaced} earlier decisions replaced).")
    return 0


def cmd_groups_list(args) -> int:
    from desk.groups import GroupScope, list_groups
    from desk.registrations import registration_by_code

    db = open_database_for(args)
    actor = acting_staff(args, db)
    registration_id = registration_by_code(db, args.registration) if args.registration else None
    term_id = None
    if args.term:
        from desk.registrations import terms

        matches = [t.id for t in terms(db) if t.code == args.term]
        if not matches:
            raise CommandError(f"No term {args.term}.")
        term_id = matches[0]
    if registration_id is None and term_id is None:
        raise CommandError("Say which groups: --registration CODE or --term CODE.")
    lines = list_groups(db, actor, GroupScope(registration_id=registration_id, term_id=term_id))
    if args.json:
        print(json.dumps([
            {"id": g.id, "group": f"{g.term_code}/{g.course_code}/{g.class_type.value}/{g.number}", "course": g.course_name,
             "seat_limit": g.seat_limit, "lower_limit": g.lower_limit, "enrolled": g.enrolled, "free": g.free,
             "below_lower_limit": g.below_lower_limit, "teachers": list(g.teachers)}
            for g in lines
        ], ensure_ascii=False, indent=2))
        return 0
    for g in lines:
        flag = "  below lower limit" if g.below_lower_limit else ""
        print(f"{g.term_code}/{g.course_code}/{g.class_type.value}/{g.number:<3} {g.enrolled:>4}/{g.seat_limit:<4} free {g.free:<4}{flag}")
    print(f"{len(lines)} groups, {sum(g.seat_limit for g in lines)} seats, {sum(g.enrolled for g in lines)} enrolled.")
    return 0


def cmd_groups_set_limit(args) -> int:
    from desk.groups import find_group, set_seat_limits

    db = open_database_for(args)
    actor = acting_staff(args, db)
    group_ids = [find_group(db, reference) for reference in args.groups]
    change = args.to
    if change is None:
        raise CommandError("Say the new limit: --to 25, or a change: --to +5 / --to -2.")
    text = change.strip()
    try:
        if text[:1] in "+-":
            result = set_seat_limits(db, actor, group_ids, delta=int(text), reason=args.reason)
        else:
            result = set_seat_limits(db, actor, group_ids, value=int(text), reason=args.reason)
    except ValueError:
        raise CommandError(f"--to takes a number such as 25, +5 or -2, not {text!r}.") from None
    print(f"Limits changed: {result.changed} groups ({result.unchanged} already had it).")
    return 0


def cmd_enroll(args) -> int:
    from desk import enrollment
    from desk.groups import find_group
    from desk.registrations import registration_by_code
    from desk.students import student_by_number

    db = open_database_for(args)
    actor = acting_staff(args, db)
    result = enrollment.enroll(
        db, actor, student_by_number(db, args.student), find_group(db, args.group), reason=args.reason,
        over_limit=args.over_limit, registration_id=registration_by_code(db, args.registration) if args.registration else None,
    )
    note = " (over the limit, recorded as an override)" if result.over_limit else ""
    print(f"Enrolled{note}: the group now has {result.enrolled_count} of {result.seat_limit}.")
    return 0


def cmd_unenroll(args) -> int:
    from desk import enrollment
    from desk.groups import find_group, standing_enrollment
    from desk.students import student_by_number

    db = open_database_for(args)
    actor = acting_staff(args, db)
    enrollment_id = standing_enrollment(db, student_by_number(db, args.student), find_group(db, args.group))
    enrollment.unenroll(db, actor, enrollment_id, reason=args.reason)
    print("Unenrolled.")
    return 0


def cmd_move(args) -> int:
    from desk import enrollment
    from desk.groups import find_group, standing_enrollment
    from desk.students import student_by_number

    db = open_database_for(args)
    actor = acting_staff(args, db)
    enrollment_id = standing_enrollment(db, student_by_number(db, args.student), find_group(db, args.from_group))
    result = enrollment.move(db, actor, enrollment_id, find_group(db, args.to_group), reason=args.reason,
                             over_limit=args.over_limit)
    print(f"Moved: the new group has {result.enrolled_count} of {result.seat_limit}.")
    return 0


def cmd_explain(args) -> int:
    from desk.eligibility import condition_label, explain
    from desk.groups import find_group
    from desk.registrations import registration_by_code
    from desk.students import student_by_number

    db = open_database_for(args)
    actor = acting_staff(args, db)
    result = explain(db, actor, student_by_number(db, args.student), registration_by_code(db, args.registration),
                     group_id=find_group(db, args.group) if args.group else None)
    if args.json:
        print(json.dumps({
            "student": result.student_number, "registration": result.registration_code, "admitted": result.admitted,
            "summary": result.summary,
            "checks": [{"condition": c.condition.value, "outcome": c.outcome.value, "detail": c.detail, "fix": c.fix}
                       for c in result.checks],
        }, ensure_ascii=False, indent=2))
        return 0 if result.admitted else 2
    print(f"{result.student_number} {result.student_name} — {result.registration_code} {result.target}".rstrip())
    marks = {"passed": "ok  ", "failed": "FAIL", "note": "note", "unknown": "?   ", "not_applicable": "-   "}
    for check in result.checks:
        print(f"  [{marks[check.outcome.value]}] {condition_label(check.condition)}: {check.detail}")
    print(result.summary)
    return 0 if result.admitted else 2


# --- tokens and payments -----------------------------------------------------------------------


def _token_type_id(db, code: str) -> int:
    from desk.registrations import token_types

    for choice in token_types(db):
        if choice.code.lower() == code.strip().lower():
            return choice.id
    raise CommandError(f"No token type {code}; one of: {', '.join(c.code for c in token_types(db))}.")


def cmd_tokens_balance(args) -> int:
    from desk.students import student_by_number
    from desk.tokens import balances, ledger

    db = open_database_for(args)
    actor = acting_staff(args, db)
    student_id = student_by_number(db, args.student)
    lines = balances(db, actor, student_id)
    entries = ledger(db, actor, student_id) if args.ledger else []
    if args.json:
        print(json.dumps({
            "student": args.student,
            "balances": {b.code: b.balance for b in lines},
            "ledger": [{"id": e.id, "type": e.token_type_code, "kind": e.kind.value, "amount": e.amount, "reason": e.reason,
                        "document": e.document_ref, "by": e.created_by, "at": e.created_at.isoformat(),
                        "reverses": e.reverses_id} for e in entries],
        }, ensure_ascii=False, indent=2))
        return 0
    for b in lines:
        print(f"{b.code:<5} {b.balance:>3}  {b.name}")
    for e in entries:
        from desk.clock import format_local

        print(f"  #{e.id:<7} {format_local(e.created_at)}  {e.token_type_code:<4} {e.kind.value:<10} {e.amount:+d}  {e.reason}"
              f"{'  [' + e.document_ref + ']' if e.document_ref else ''}")
    return 0


def cmd_tokens_types(args) -> int:
    from desk.tokens import allocation_rules, save_token_type, token_types

    db = open_database_for(args)
    actor = acting_staff(args, db)
    if args.code:
        if not (args.name and args.price):
            raise CommandError("Give the token type's --name and --price (PLN for a semester beyond the free tokens).")
        save_token_type(db, actor, args.code, args.name, args.price, reason=args.reason or "")
    for t in token_types(db, actor):
        print(f"{t.code:<6} {t.semester_price:>8} PLN  {t.name}")
    for rule in allocation_rules(db, actor):
        who = " ".join(filter(None, (rule.mode.value if rule.mode else None, rule.level.value if rule.level else None))) or "every student"
        print(f"  rule #{rule.id}: {rule.amount} x {rule.token_type_code} to {who}{'' if rule.active else ' (inactive)'}")
    return 0


def cmd_tokens_rule(args) -> int:
    from desk.model import Level, StudyMode
    from desk.tokens import add_allocation_rule

    db = open_database_for(args)
    actor = acting_staff(args, db)
    rule_id = add_allocation_rule(db, actor, _token_type_id(db, args.type), args.amount,
                                  level=Level(args.level) if args.level else None,
                                  mode=StudyMode(args.mode) if args.mode else None, reason=args.reason or "")
    print(f"Allocation rule #{rule_id} added; run `desk tokens allocate` to give the tokens.")
    return 0


def cmd_tokens_correct(args) -> int:
    from desk.students import student_by_number
    from desk.tokens import correct_balance

    db = open_database_for(args)
    actor = acting_staff(args, db)
    try:
        amount = int(args.amount)
    except ValueError:
        raise CommandError(f"The amount is a whole number such as +1 or -2, not {args.amount!r}.") from None
    result = correct_balance(
        db, actor, student_by_number(db, args.student), _token_type_id(db, args.type), amount, reason=args.reason,
        document_ref=args.document, idempotency_key=args.key, override_reason=args.override,
    )
    print(("Already recorded" if result.duplicate else "Corrected") + f": the balance is now {result.balance}.")
    return 0


def cmd_tokens_allocate(args) -> int:
    from desk.tokens import allocate_cohort, run_allocation

    db = open_database_for(args)
    actor = acting_staff(args, db)
    if args.programme:
        from desk.access import programmes

        matches = [p.id for p in programmes(db) if p.code == args.programme]
        if not matches:
            raise CommandError(f"No programme {args.programme}.")
        if not (args.type and args.amount and args.reason):
            raise CommandError("A cohort allocation needs --type, --amount and --reason.")
        count = allocate_cohort(db, actor, _token_type_id(db, args.type), matches[0], args.stage, args.amount,
                                reason=args.reason, document_ref=args.document, idempotency_key=args.key)
    else:
        count = run_allocation(db, actor)
    print(f"Tokens allocated to {count} students.")
    return 0


def cmd_tokens_resolve(args) -> int:
    from desk.token_rounds import resolve_due, resolve_now

    db = open_database_for(args)
    if args.registration:
        from desk.registrations import registration_by_code

        actor = acting_staff(args, db)
        last = {"shown": -1}

        def progress(done: int, total: int) -> None:
            if done * 10 // max(total, 1) != last["shown"]:
                last["shown"] = done * 10 // max(total, 1)
                print(f"  {done:,}/{total:,}", file=sys.stderr)

        results = {args.registration: resolve_now(db, actor, registration_by_code(db, args.registration), progress=progress)}
    else:
        results = resolve_due(db)  # the scheduled job: acts as the system, changes only what is due
    if not results:
        print("No token round has a break due.")
    for code, r in results.items():
        print(f"{code}: {r.accepted} accepted, {r.refused} refused, {r.still_pending} waiting for a place, "
              f"{r.refused_permanently} refused permanently")
    return 0


def cmd_payments_list(args) -> int:
    from desk.model import PaymentStatus
    from desk.payments import list_payments

    db = open_database_for(args)
    actor = acting_staff(args, db)
    status = PaymentStatus(args.status) if args.status else None
    lines = list_payments(db, actor, status=status, limit=args.limit)
    if args.json:
        print(json.dumps([{"id": p.id, "student": p.student_number, "amount": str(p.amount), "status": p.status.value,
                           "due_on": p.due_on.isoformat() if p.due_on else None, "course": p.course_code, "term": p.term_code}
                          for p in lines], ensure_ascii=False, indent=2))
        return 0
    for p in lines:
        print(f"#{p.id:<7} {p.student_number:>8}  {p.student_name:<30.30} {p.amount:>8} PLN  {p.status.value:<9} "
              f"{p.due_on.isoformat() if p.due_on else '':<10}  {p.course_code or ''} {p.term_code or ''}")
    print(f"{len(lines)} payments.")
    return 0


def cmd_payments_cancel(args) -> int:
    from desk.payments import cancel_payment

    db = open_database_for(args)
    actor = acting_staff(args, db)
    cancel_payment(db, actor, args.payment, reason=args.reason)
    print("Payment cancelled.")
    return 0


# --- login accounts ----------------------------------------------------------------------------


def cmd_accounts_state(args) -> int:
    from desk.accounts import account_state, state_label
    from desk.clock import format_local

    db = open_database_for(args)
    actor = acting_staff(args, db)
    report = account_state(db, actor, args.query)
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
    result = link_login(db, actor, args.email, student_id=student_by_number(db, args.student), reason=args.reason)
    made = "new login" if result.action == "created" else "existing login"
    print(f"Linked ({made}): {result.email} -> {result.person_name} ({args.student}); it waits for the portal sync.")
    return 0


def cmd_accounts_unlink(args) -> int:
    from desk.accounts import unlink_login

    db = open_database_for(args)
    actor = acting_staff(args, db)
    result = unlink_login(db, actor, args.email, reason=args.reason, remove=args.remove)
    was = f" from {result.person_name}" if result.person_name else ""
    print(f"{'Removed' if result.action == 'removed' else 'Unlinked'}: {result.email}{was}.")
    return 0


def cmd_accounts_worklist(args) -> int:
    from desk.accounts import WorkKind, work_kind_label, worklist

    db = open_database_for(args)
    actor = acting_staff(args, db)
    kinds = [WorkKind(k.replace("-", "_")) for k in args.kind] if args.kind else None
    result = worklist(db, actor, kinds=kinds, limit=args.limit)
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
    preview = preview_bulk_link(db, actor, args.file)
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
    result = apply_bulk_link(db, actor, args.file, reason=args.reason, skip_errors=args.skip_errors)
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
        set_template(db, actor, args.category.replace("-", "_"), args.domain, args.template, reason=args.reason or "")
    for t in list_templates(db, actor):
        print(f"{t.category.value:<12} @{t.domain:<30} {t.template:<45} e.g. {t.example}")
    return 0


# --- sync with the portal -------------------------------------------------------------------------


def _sync_line(report) -> str:
    line = (f"{report.kind.value} sync #{report.run_id}: {report.result.value}; {report.sent:,} change(s) sent, "
            f"{report.received:,} student action(s) read, {report.conflicts:,} conflict(s)")
    if report.repaired:
        line += f"; {report.repaired_rows:,} portal row(s) repaired"
    return line + f" ({report.seconds:.1f} s)"


def cmd_sync(args) -> int:
    from desk import sync
    from desk.model import SyncKind, SyncTrigger
    from desk.students import student_by_number

    db = open_database_for(args)
    last = {"text": None, "tenth": -1}

    def progress(done: int, total: int, text: str) -> None:
        tenth = done * 10 // max(total, 1)
        if text != last["text"] or tenth != last["tenth"]:
            print(f"  {text}: {done:,}/{total:,}", file=sys.stderr)
            last.update(text=text, tenth=tenth)

    if args.scheduled:
        # The system timer's job: run what the schedule says is due, as the institution itself.
        from desk.institution import institution_settings

        report = sync.run_due(db, zone=institution_settings(db).time_zone, progress=progress)
        print(_sync_line(report) if report else "No scheduled sync is due.")
        return 0 if report is None or report.result.value == "succeeded" else 1
    actor = acting_staff(args, db)
    kind = SyncKind.FULL if args.full else SyncKind.STUDENT if args.student else SyncKind.INCREMENTAL
    student_id = student_by_number(db, args.student) if args.student else None
    report = sync.run_sync(db, actor, kind, student_id=student_id, trigger=SyncTrigger.TERMINAL, progress=progress)
    if args.json:
        print(json.dumps({"run_id": report.run_id, "kind": report.kind.value, "result": report.result.value,
                          "sent": report.sent, "received": report.received, "conflicts": report.conflicts,
                          "repaired": [r.__dict__ for r in report.repaired], "seconds": report.seconds}, indent=2))
    else:
        print(_sync_line(report))
        for r in report.repaired:
            if r.added or r.changed or r.removed:
                print(f"  {r.table}: {r.added:,} added, {r.changed:,} changed, {r.removed:,} removed")
    return 0


def cmd_sync_status(args) -> int:
    from desk import sync
    from desk.clock import format_local
    from desk.portal.database import portal_url_of
    from desk.db import describe_url

    db = open_database_for(args)
    acting_staff(args, db)
    print(f"Portal database: {describe_url(portal_url_of(db))}")
    print("Schedule: " + sync.format_schedule(sync.schedule(db)))
    waiting = sync.waiting(db)
    print(f"Waiting to go out: {sum(w.count for w in waiting):,}" + "".join(
        f"\n  {w.entity}: {w.count:,} (oldest {format_local(w.oldest)})" for w in waiting))
    for run in sync.recent_runs(db, limit=args.limit):
        print(f"  #{run.id} {format_local(run.started_at)} {run.kind.value:<11} {run.trigger.value:<9} {run.result.value:<9} "
              f"sent {run.sent:,}, read {run.received:,}, conflicts {run.conflicts:,}" + (f" — {run.error}" if run.error else ""))
    return 0


def cmd_sync_schedule(args) -> int:
    from desk import sync

    db = open_database_for(args)
    actor = acting_staff(args, db)
    entries = sync.set_schedule(db, actor, args.schedule) if args.schedule else sync.schedule(db)
    print(sync.format_schedule(entries))
    return 0


def cmd_sync_conflicts(args) -> int:
    from desk import sync
    from desk.clock import format_local

    db = open_database_for(args)
    actor = acting_staff(args, db)
    if args.settle is not None:
        if not args.reason:
            raise CommandError("Say why with --reason.")
        sync.resolve_conflict(db, actor, args.settle, enroll_over_limit=args.over_limit, reason=args.reason)
        print(f"Conflict {args.settle} settled.")
        return 0
    lines = sync.conflicts(db, actor, open_only=not args.all)
    if not lines:
        print("No open conflicts.")
    for c in lines:
        print(f"  {c.id}: {format_local(c.detected_at)} {c.student_number or '?'} {c.student_name or ''} {c.kind} "
              f"{c.group_label or ''} {c.registration_code or ''} — {c.message}" + (f" [{c.resolution}]" if c.resolution else ""))
    return 0


def cmd_portal_simulate(args) -> int:
    from desk.portal import simulator
    from desk.portal.database import open_portal_for
    from desk.registrations import registration_by_code

    db = open_database_for(args)
    acting_staff(args, db)
    registration_id = registration_by_code(db, args.registration)
    portal = open_portal_for(db)
    try:
        if args.kind == "rush":
            result = simulator.first_come_rush(portal, registration_id, students=args.students, workers=args.workers,
                                               seed=args.seed)
            print(f"{result.students:,} students raced; {result.actions:,} registrations submitted on the portal "
                  f"({result.seats_taken_on_portal:,} places taken there). Run `desk sync` to apply them.")
        else:
            result = simulator.token_requests(portal, registration_id, students=args.students, seed=args.seed)
            print(f"{result.actions:,} token requests put in the basket. Run `desk sync` to read them.")
    finally:
        portal.dispose()
    return 0


def cmd_portal_where(args) -> int:
    from desk.db import describe_url
    from desk.portal.database import portal_url_of, set_portal_url

    db = open_database_for(args)
    if args.url is not None:
        actor = acting_staff(args, db)
        from desk.staff import Permission, require

        require(actor, Permission.ADMINISTER)
        set_portal_url(db, args.url or None)
    print(describe_url(portal_url_of(db)))
    return 0


# --- staff accounts ------------------------------------------------------------------------------

NEW_PASSWORD_ENV = "DESK_NEW_PASSWORD"


def _new_password(login: str) -> str:
    """The password an administrator sets for someone: from DESK_NEW_PASSWORD, or typed twice."""
    value = os.environ.get(NEW_PASSWORD_ENV)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CommandError(f"No new password: set {NEW_PASSWORD_ENV} or run in a terminal.")
    password = getpass.getpass(f"New password for {login}: ")
    if getpass.getpass("Repeat the new password: ") != password:
        raise CommandError("The passwords differ.")
    return password


def _unit_ids(db, codes) -> list[int]:
    return [_unit_id(db, code) for code in codes or ()]


def _staff_line_text(line) -> str:
    from desk.clock import format_local
    from desk.staff import role_label

    state = "active" if line.active else "disabled"
    if line.locked_until is not None:
        state += f", paused until {format_local(line.locked_until)}"
    units = ",".join(line.unit_codes) or "-"
    last = format_local(line.last_sign_in_at) or "never"
    return f"  {line.login:<16} {line.full_name:<28} {role_label(line.role):<24} {units:<12} {state:<10} last sign-in {last}"


def cmd_staff_list(args) -> int:
    from desk import staff

    db = open_database_for(args)
    actor = acting_staff(args, db)
    lines = staff.list_staff(db, actor)
    if args.json:
        print(json.dumps({"staff": [
            {"login": s.login, "full_name": s.full_name, "role": s.role.value, "units": list(s.unit_codes),
             "active": s.active, "locked_until": s.locked_until.isoformat() if s.locked_until else None,
             "last_sign_in_at": s.last_sign_in_at.isoformat() if s.last_sign_in_at else None}
            for s in lines]}, indent=2, ensure_ascii=False))
        return 0
    for line in lines:
        print(_staff_line_text(line))
    return 0


def cmd_staff_add(args) -> int:
    from desk import staff

    db = open_database_for(args)
    actor = acting_staff(args, db)
    unit_ids = _unit_ids(db, args.unit)
    line = staff.add_staff(db, actor, args.login, args.name, args.role, unit_ids, _new_password(args.login),
                           reason=args.reason)
    print("Added:\n" + _staff_line_text(line))
    return 0


def cmd_staff_disable(args) -> int:
    from desk import staff

    db = open_database_for(args)
    actor = acting_staff(args, db)
    change = staff.disable_staff if args.staff_command == "disable" else staff.enable_staff
    print(_staff_line_text(change(db, actor, args.login, reason=args.reason)))
    return 0


def cmd_staff_role(args) -> int:
    from desk import staff

    db = open_database_for(args)
    actor = acting_staff(args, db)
    print(_staff_line_text(staff.change_role(db, actor, args.login, args.role, _unit_ids(db, args.unit),
                                             reason=args.reason)))
    return 0


def cmd_staff_reset_password(args) -> int:
    from desk import staff

    db = open_database_for(args)
    actor = acting_staff(args, db)
    line = staff.reset_password(db, actor, args.login, _new_password(args.login), reason=args.reason)
    print(f"Password of {line.login} reset; any pause after failed sign-ins has ended.")
    return 0


# --- backups and checks ----------------------------------------------------------------------------


def _administrator(args, db):
    from desk.staff import Permission, require

    actor = acting_staff(args, db)
    require(actor, Permission.ADMINISTER)
    return actor


def cmd_backup(args) -> int:
    from desk import backup
    from desk.db import resolve_url
    from desk.institution import institution_settings

    backup.sqlite_path(resolve_url(args.db))  # on a server: which pg_dump command, before any sign-in
    db = open_database_for(args)
    actor = _administrator(args, db)
    path = backup.backup_now(db, folder=args.folder, keep=args.keep, actor=actor, zone=institution_settings(db).time_zone)
    print(f"Backup: {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


def cmd_backup_list(args) -> int:
    from desk import backup
    from desk.db import resolve_url

    path = backup.sqlite_path(resolve_url(args.db))
    _administrator(args, open_database_for(args))
    folder = Path(args.folder) if args.folder else backup.backup_folder(path)
    found = backup.list_backups(path, folder=folder)
    if not found:
        print(f"No backups in {folder}.")
    for item in found:
        print(f"  {item.taken_at:%Y-%m-%d %H:%M:%S}  {item.size / 1e6:8.1f} MB  {item.path}")
    return 0


def cmd_backup_restore(args) -> int:
    from desk import backup
    from desk.db import resolve_url
    from desk.errors import DatabaseOpenError

    target = backup.sqlite_path(resolve_url(args.db))
    backup.verify_backup(args.file)
    try:
        db = open_database_for(args)
    except DatabaseOpenError as error:
        # The current file is damaged or missing: the administrator signs in as the backup knows them.
        print(f"desk: {error} Signing in with the backup's staff accounts.", file=sys.stderr)
        actor = backup.sign_in_copy(args.file, lambda copy: _administrator(args, copy))
    else:
        try:
            actor = _administrator(args, db)
        finally:
            db.dispose()
    if not args.yes:
        if not sys.stdin.isatty():
            raise CommandError("Restoring replaces the database: confirm with --yes.")
        if input(f"Replace {target} with {args.file}? [y/N] ").strip().lower() not in ("y", "yes", "t", "tak"):
            print("Nothing restored.")
            return 1
    result = backup.restore(args.file, target, actor=actor, folder=args.folder)
    upgraded = f", upgraded from {result.upgraded_from}" if result.upgraded_from else ""
    print(f"Restored {result.target} from {result.restored_from} (schema {result.schema_version}{upgraded}).")
    if result.safety_copy:
        print(f"The database as it was before the restore: {result.safety_copy}")
    print("The portal may still show what was done after the backup: run `desk sync --full` to publish it whole.")
    return 0


def cmd_check(args) -> int:
    from desk.check import check_database, existing_portal
    from desk.institution import institution_settings

    db = open_database_for(args)
    _administrator(args, db)
    portal = None if args.no_portal else existing_portal(db)
    try:
        report = check_database(db, portal=portal, thorough=args.thorough, zone=institution_settings(db).time_zone)
    finally:
        if portal is not None:
            portal.dispose()
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
        return 0 if report.clean else 1
    counts = report.counts
    print(f"Checked {db.description} in {report.seconds:.1f} s: {counts.get('students', 0):,} students, "
          f"{counts.get('class_groups', 0):,} class groups, {counts.get('token_ledger', 0):,} ledger entries, "
          f"{counts.get('outbox_pending', 0):,} change(s) waiting for the portal.")
    for note in report.notes:
        print(f"  ({note})")
    if report.clean:
        print("No problems found.")
        return 0
    print(f"{report.problem_count:,} problem(s):")
    listed: dict[str, int] = {}
    for problem in report.problems:
        print(f"  {problem.kind}: {problem.what}: {problem.detail}")
        listed[problem.kind] = listed.get(problem.kind, 0) + 1
    for kind, total in report.totals.items():
        if total > listed.get(kind, 0):
            print(f"  {kind}: … and {total - listed.get(kind, 0):,} more")
    return 1


# --- exports -------------------------------------------------------------------------------------


def _term_id(db, code: str) -> int:
    from desk.registrations import terms

    for term in terms(db):
        if term.code == code:
            return term.id
    raise CommandError(f"No term {code}.")


def _unit_id(db, code: str) -> int:
    from desk.registrations import units

    for unit in units(db):
        if unit.code.lower() == code.lower():
            return unit.id
    raise CommandError(f"No unit {code}.")


def _out(args, default_name: str) -> Path:
    path = Path(args.out) if args.out else Path.cwd() / default_name
    if path.is_dir() or (args.out or "").endswith(("/", os.sep)):
        path = path / default_name
    if path.exists() and not args.force:
        raise CommandError(f"{path} exists: choose another --out, or add --force to replace it.")
    return path


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
        term_id = _term_id(db, args.term)
        course_id = None
        if args.course:
            from desk.registrations import courses_of_term

            course_id = next((c.id for c in courses_of_term(db, term_id) if c.code == args.course), None)
            if course_id is None:
                raise CommandError(f"No course {args.course} with groups in {args.term}.")
        scopes = [GroupScope(term_id=term_id, course_id=course_id, unit_id=_unit_id(db, args.unit) if args.unit else None)]
        label = " ".join(filter(None, (args.term, args.course, args.unit)))
    else:
        raise CommandError("Say which groups: --group, --registration, or --term (with --course or --unit).")
    path = _out(args, default_file_name(label, args.attendance))
    written = export_rosters(db, actor, scopes[0], path, attendance=args.attendance, overwrite=args.force, title=label)
    print(f"Written: {written}")
    return 0


def cmd_export_list(args) -> int:
    from desk import rosters

    db = open_database_for(args)
    actor = acting_staff(args, db)
    if args.kind == "payments":
        sheet = rosters.payments_due_sheet(db, actor, term_id=_term_id(db, args.term) if args.term else None,
                                           unit_id=_unit_id(db, args.unit) if args.unit else None)
        name = "payments-due"
    elif args.kind == "at-risk":
        if not args.term:
            raise CommandError("Say which term: --term CODE.")
        sheet, name = rosters.groups_at_risk_sheet(db, actor, _term_id(db, args.term)), f"groups-at-risk {args.term}"
    elif args.kind == "access":
        from desk.registrations import registration_by_code

        if not args.registration:
            raise CommandError("Say which registration: --registration CODE.")
        sheet = rosters.access_list_sheet(db, actor, registration_by_code(db, args.registration))
        name = f"access {args.registration}"
    else:
        from desk.access import programmes

        programme = next((p for p in programmes(db) if p.code == args.programme), None)
        if programme is None:
            raise CommandError("Say which cohort: --programme CODE [--stage N].")
        sheet = rosters.token_balances_sheet(db, actor, programme.id, args.stage)
        name = f"tokens {args.programme}" + (f" {args.stage}" if args.stage else "")
    from exports.xlsx import safe_file_name

    path = _out(args, safe_file_name(name))
    written = rosters.export_list(db, actor, sheet, path, kind=args.kind.replace("-", "_"), overwrite=args.force,
                                  personal=args.kind != "at-risk")
    print(f"Written: {written} ({sheet.written_rows} rows)")
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

    groups_parser = commands.add_parser("groups", help="class groups: list them, set seat limits")
    group_commands = groups_parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    listing = group_commands.add_parser("list", help="groups of a registration or a term, with limits and counts")
    listing.add_argument("--registration", help="registration code")
    listing.add_argument("--term", help="term code, e.g. 2026Z")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=cmd_groups_list)
    limits = group_commands.add_parser("set-limit", help="set the seat limit of groups (TERM/COURSE/TYPE/NUMBER or id)")
    limits.add_argument("groups", nargs="+", help="groups, e.g. 2026Z/MAT-101/class/2")
    limits.add_argument("--to", required=True, help="the new limit (25) or a change (+5, -2)")
    limits.add_argument("--reason", required=True, help="why the limit changes")
    limits.set_defaults(func=cmd_groups_set_limit)

    enroll_parser = commands.add_parser("enroll", help="enroll a student in a group")
    enroll_parser.add_argument("student", help="student number")
    enroll_parser.add_argument("group", help="group as TERM/COURSE/TYPE/NUMBER or id")
    enroll_parser.add_argument("--reason", required=True, help="why")
    enroll_parser.add_argument("--over-limit", action="store_true", help="enroll even if the group is full (an override)")
    enroll_parser.add_argument("--registration", help="count it in this registration's selection limit")
    enroll_parser.set_defaults(func=cmd_enroll)

    unenroll_parser = commands.add_parser("unenroll", help="take a student out of a group")
    unenroll_parser.add_argument("student", help="student number")
    unenroll_parser.add_argument("group", help="group as TERM/COURSE/TYPE/NUMBER or id")
    unenroll_parser.add_argument("--reason", required=True, help="why")
    unenroll_parser.set_defaults(func=cmd_unenroll)

    move_parser = commands.add_parser("move", help="move a student to another group of the same course, in one step")
    move_parser.add_argument("student", help="student number")
    move_parser.add_argument("from_group", metavar="FROM", help="the group they are in")
    move_parser.add_argument("to_group", metavar="TO", help="the group to move them to")
    move_parser.add_argument("--reason", required=True, help="why")
    move_parser.add_argument("--over-limit", action="store_true", help="even if the target group is full (an override)")
    move_parser.set_defaults(func=cmd_move)

    explain_parser = commands.add_parser("explain", help="why can (or can't) a student register for a registration")
    explain_parser.add_argument("student", help="student number")
    explain_parser.add_argument("registration", help="registration code")
    explain_parser.add_argument("--group", help="a group of the registration, as TERM/COURSE/TYPE/NUMBER or id")
    explain_parser.add_argument("--json", action="store_true", help="print JSON")
    explain_parser.set_defaults(func=cmd_explain)

    tokens_parser = commands.add_parser("tokens", help="token balances, corrections, allocation, round resolution")
    token_commands = tokens_parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    balance = token_commands.add_parser("balance", help="a student's balances (and ledger)")
    balance.add_argument("student", help="student number")
    balance.add_argument("--ledger", action="store_true", help="list every ledger entry too")
    balance.add_argument("--json", action="store_true", help="print JSON")
    balance.set_defaults(func=cmd_tokens_balance)
    correct = token_commands.add_parser("correct", help="correct a balance (the 7-day rule applies)")
    correct.add_argument("student", help="student number")
    correct.add_argument("type", help="token type code, e.g. JO")
    correct.add_argument("amount", help="tokens to add (+2) or take away (-1)")
    correct.add_argument("--reason", required=True, help='why, e.g. "admitted mid-year"')
    correct.add_argument("--document", help="document reference, e.g. DZ.2026.123")
    correct.add_argument("--key", help="idempotency key: the same key twice records the correction once")
    correct.add_argument("--override", metavar="REASON", help="administrators: correct after the deadline, with this reason")
    correct.set_defaults(func=cmd_tokens_correct)
    types = token_commands.add_parser("types", help="token types with their prices and allocation rules; add or change one")
    types.add_argument("code", nargs="?", help="add or change this token type (administrators)")
    types.add_argument("--name", help="its name")
    types.add_argument("--price", help="PLN for a semester beyond the free tokens, e.g. 180.00")
    types.add_argument("--reason", help="why")
    types.set_defaults(func=cmd_tokens_types)
    rule = token_commands.add_parser("rule", help="add an allocation rule, e.g. 4 JO tokens to full-time first-cycle students")
    rule.add_argument("type", help="token type code")
    rule.add_argument("amount", type=int, help="tokens each matching student gets")
    rule.add_argument("--level", choices=["first_cycle", "second_cycle", "long_cycle", "doctoral"])
    rule.add_argument("--mode", choices=["full_time", "part_time"])
    rule.add_argument("--reason", help="why")
    rule.set_defaults(func=cmd_tokens_rule)
    allocate = token_commands.add_parser("allocate", help="run the allocation rules, or allocate to a cohort")
    allocate.add_argument("--programme", help="cohort: programme code")
    allocate.add_argument("--stage", type=int, help="cohort: stage (year)")
    allocate.add_argument("--type", help="cohort: token type code")
    allocate.add_argument("--amount", type=int, help="cohort: tokens per student")
    allocate.add_argument("--reason", help="cohort: why")
    allocate.add_argument("--document", help="cohort: document reference")
    allocate.add_argument("--key", help="idempotency key of the cohort allocation")
    allocate.set_defaults(func=cmd_tokens_allocate)
    resolve = token_commands.add_parser("resolve", help="carry out the basket requests whose break is due (a scheduled job)")
    resolve.add_argument("registration", nargs="?", help="resolve every pending request of this registration now")
    resolve.set_defaults(func=cmd_tokens_resolve)

    payments_parser = commands.add_parser("payments", help="payments due")
    payment_commands = payments_parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    payments_list = payment_commands.add_parser("list", help="payments, newest first")
    payments_list.add_argument("--status", choices=["due", "paid", "cancelled"], help="only this status")
    payments_list.add_argument("--limit", type=int, default=200, help="at most this many (default 200)")
    payments_list.add_argument("--json", action="store_true", help="print JSON")
    payments_list.set_defaults(func=cmd_payments_list)
    payments_cancel = payment_commands.add_parser("cancel", help="cancel a due payment")
    payments_cancel.add_argument("payment", type=int, help="payment number (#)")
    payments_cancel.add_argument("--reason", required=True, help="why")
    payments_cancel.set_defaults(func=cmd_payments_cancel)

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
    work.add_argument("--limit", type=int, default=100, help="at most this many of each kind (default 100)")
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

    sync_parser = commands.add_parser("sync", help="send what changed to the portal and read students' actions back")
    sync_parser.add_argument("--full", action="store_true", help="compare everything with the portal and repair it")
    sync_parser.add_argument("--student", metavar="NUMBER", help="one student's data, now")
    sync_parser.add_argument("--scheduled", action="store_true",
                             help="run what the schedule says is due (for a system timer, every few minutes)")
    sync_parser.add_argument("--json", action="store_true", help="the result as JSON")
    sync_parser.set_defaults(func=cmd_sync)
    sync_commands = sync_parser.add_subparsers(title="commands", metavar="COMMAND")
    status = sync_commands.add_parser("status", help="the portal database, the schedule, what waits, the last runs")
    status.add_argument("--limit", type=int, default=10)
    status.set_defaults(func=cmd_sync_status)
    schedule = sync_commands.add_parser("schedule", help="show or set the schedule, e.g. '01:25 full, 06:05 incremental'")
    schedule.add_argument("schedule", nargs="?")
    schedule.set_defaults(func=cmd_sync_schedule)
    conflicts = sync_commands.add_parser("conflicts", help="student actions that did not fit; settle one")
    conflicts.add_argument("--all", action="store_true", help="settled ones too")
    conflicts.add_argument("--settle", type=int, metavar="ID", help="settle this conflict (dismiss, or with --over-limit enroll)")
    conflicts.add_argument("--over-limit", action="store_true", help="enroll the student over the group's limit")
    conflicts.add_argument("--reason", help="why")
    conflicts.set_defaults(func=cmd_sync_conflicts)

    portal_parser = commands.add_parser("portal", help="the portal database: where it is; students acting on it (demo)")
    portal_commands = portal_parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    where = portal_commands.add_parser("where", help="the portal database in use; set another with --url")
    where.add_argument("--url", help="a file path or database URL ('' for the default beside the desk)")
    where.set_defaults(func=cmd_portal_where)
    simulate = portal_commands.add_parser("simulate", help="play students on the portal: a first-come rush or token requests")
    simulate.add_argument("kind", choices=["rush", "tokens"])
    simulate.add_argument("registration", help="registration code")
    simulate.add_argument("--students", type=int, default=3000)
    simulate.add_argument("--workers", type=int, default=16)
    simulate.add_argument("--seed", type=int, default=1)
    simulate.set_defaults(func=cmd_portal_simulate)

    staff_parser = commands.add_parser("staff", help="staff accounts: list, add, disable, enable, role, reset-password")
    staff_commands = staff_parser.add_subparsers(title="commands", metavar="COMMAND", required=True, dest="staff_command")
    roles = ["clerk", "service_center", "administrator"]
    staff_list = staff_commands.add_parser("list", help="every staff account with its role, units and state")
    staff_list.add_argument("--json", action="store_true", help="the list as JSON")
    staff_list.set_defaults(func=cmd_staff_list)
    staff_add = staff_commands.add_parser("add", help=f"a new staff account (the password from ${NEW_PASSWORD_ENV} or a prompt)")
    staff_add.add_argument("login")
    staff_add.add_argument("--name", required=True, help="full name")
    staff_add.add_argument("--role", required=True, choices=roles)
    staff_add.add_argument("--unit", action="append", metavar="CODE", help="a unit a clerk acts for (repeat for more)")
    staff_add.add_argument("--reason", required=True, help="why")
    staff_add.set_defaults(func=cmd_staff_add)
    for name, help_text in (("disable", "the account can no longer sign in"), ("enable", "the account may sign in again")):
        sub = staff_commands.add_parser(name, help=help_text)
        sub.add_argument("login")
        sub.add_argument("--reason", required=True, help="why")
        sub.set_defaults(func=cmd_staff_disable)
    staff_role = staff_commands.add_parser("role", help="give an account another role or other units")
    staff_role.add_argument("login")
    staff_role.add_argument("role", choices=roles)
    staff_role.add_argument("--unit", action="append", metavar="CODE", help="a unit a clerk acts for (repeat for more)")
    staff_role.add_argument("--reason", required=True, help="why")
    staff_role.set_defaults(func=cmd_staff_role)
    staff_reset = staff_commands.add_parser(
        "reset-password", help=f"set a new password (from ${NEW_PASSWORD_ENV} or a prompt) and end a sign-in pause")
    staff_reset.add_argument("login")
    staff_reset.add_argument("--reason", required=True, help="why")
    staff_reset.set_defaults(func=cmd_staff_reset_password)

    backup_parser = commands.add_parser("backup", help="back up the database file now (SQLite); list or restore backups")
    backup_parser.add_argument("--folder", help="where backups go (default: backups/ beside the database file)")
    backup_parser.add_argument("--keep", type=int, default=14, help="keep this many of desk's own backups (default 14)")
    backup_parser.set_defaults(func=cmd_backup)
    backup_commands = backup_parser.add_subparsers(title="commands", metavar="COMMAND")
    backup_list = backup_commands.add_parser("list", help="the backups desk made of the database, oldest first")
    backup_list.add_argument("--folder", help="where backups are (default: backups/ beside the database file)")
    backup_list.set_defaults(func=cmd_backup_list)
    backup_restore = backup_commands.add_parser(
        "restore", help="replace the database by a backup (the backup is checked first, the current file kept)")
    backup_restore.add_argument("file", help="the backup file")
    backup_restore.add_argument("--folder", help="where the copy of the current file goes (default: backups/ beside it)")
    backup_restore.add_argument("--yes", action="store_true", help="restore without asking")
    backup_restore.set_defaults(func=cmd_backup_restore)

    check_parser = commands.add_parser(
        "check", help="check the database: integrity, search table, token ledger, seat counts, sync queue "
                      "(exit status 1 when a problem is found)")
    check_parser.add_argument("--json", action="store_true", help="the report as JSON")
    check_parser.add_argument("--thorough", action="store_true",
                              help="SQLite: the full integrity_check and foreign_key_check (slower) instead of quick_check")
    check_parser.add_argument("--no-portal", action="store_true", help="do not compare with the portal database")
    check_parser.set_defaults(func=cmd_check)

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
        sub.add_argument("--stage", type=int, help="stage (tokens)")
        sub.add_argument("--out", help="file or folder")
        sub.add_argument("--force", action="store_true", help="replace an existing file")
        sub.set_defaults(func=cmd_export_list, kind=kind)

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
