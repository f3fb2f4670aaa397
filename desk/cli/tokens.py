"""The ``tokens`` commands: balances, corrections, token types, allocation, round resolution."""

from __future__ import annotations

import json
import sys

from desk import bounds
from desk.cli.common import CommandError, acting_staff, open_database_for
from desk.unit_of_work import UnitOfWork


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
    lines = balances(UnitOfWork(db, actor), student_id)
    entries = ledger(UnitOfWork(db, actor), student_id) if args.ledger else []
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


def _require_reason(args) -> None:
    if not (args.reason or "").strip():
        raise CommandError("Say why with --reason (it is kept with the change).")


def cmd_tokens_types(args) -> int:
    from desk.tokens import allocation_rules, save_token_type, token_types

    db = open_database_for(args)
    actor = acting_staff(args, db)
    if args.code:
        if not (args.name and args.price):
            raise CommandError("Give the token type's --name and --price (PLN for a semester beyond the free tokens).")
        _require_reason(args)
        save_token_type(UnitOfWork(db, actor), args.code, args.name, args.price, reason=args.reason or "")
    for t in token_types(UnitOfWork(db, actor)):
        print(f"{t.code:<6} {t.semester_price:>8} PLN  {t.name}")
    for rule in allocation_rules(UnitOfWork(db, actor)):
        who = " ".join(filter(None, (rule.mode.value if rule.mode else None, rule.level.value if rule.level else None))) or "every student"
        print(f"  rule #{rule.id}: {rule.amount} x {rule.token_type_code} to {who}{'' if rule.active else ' (inactive)'}")
    return 0


def cmd_tokens_rule(args) -> int:
    from desk.model import Level, StudyMode
    from desk.tokens import add_allocation_rule

    _require_reason(args)
    db = open_database_for(args)
    actor = acting_staff(args, db)
    rule_id = add_allocation_rule(UnitOfWork(db, actor), _token_type_id(db, args.type), args.amount,
                                  level=Level(args.level) if args.level else None,
                                  mode=StudyMode(args.mode) if args.mode else None, reason=args.reason or "")
    print(f"Allocation rule #{rule_id} added; run `desk tokens allocate` to give the tokens.")
    return 0


def cmd_tokens_correct(args) -> int:
    from desk.students import student_by_number
    from desk.tokens import correct_balance

    amount = bounds.TOKEN_CORRECTION.parse(args.amount)  # refused before the database is opened
    db = open_database_for(args)
    actor = acting_staff(args, db)
    result = correct_balance(
        UnitOfWork(db, actor), student_by_number(db, args.student), _token_type_id(db, args.type), amount, reason=args.reason,
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
        count = allocate_cohort(UnitOfWork(db, actor), _token_type_id(db, args.type), matches[0], args.stage, args.amount,
                                reason=args.reason, document_ref=args.document, idempotency_key=args.key)
    else:
        count = run_allocation(UnitOfWork(db, actor))
    print(f"Tokens allocated to {count} students.")
    return 0


def cmd_tokens_resolve(args) -> int:
    from desk.token_rounds import resolve_due, resolve_now
    from desk.unit_of_work import SystemJob

    db = open_database_for(args)
    if args.registration:
        from desk.registrations import registration_by_code

        actor = acting_staff(args, db)
        last = {"shown": -1}

        def progress(done: int, total: int) -> None:
            if done * 10 // max(total, 1) != last["shown"]:
                last["shown"] = done * 10 // max(total, 1)
                print(f"  {done:,}/{total:,}", file=sys.stderr)

        results = {args.registration: resolve_now(UnitOfWork(db, actor), registration_by_code(db, args.registration),
                                                  progress=progress)}
    else:
        results = resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND))  # the round's job: changes only what is due
    if not results:
        print("No token round has a break due.")
    for code, r in results.items():
        print(f"{code}: {r.accepted} accepted, {r.refused} refused, {r.still_pending} waiting for a place, "
              f"{r.refused_permanently} refused permanently")
    return 0


def cmd_tokens_requests(args) -> int:
    from desk.clock import format_local
    from desk.model import RequestStatus
    from desk.registrations import registration_by_code, registration_detail
    from desk.token_rounds import requests_of

    db = open_database_for(args)
    actor = acting_staff(args, db)
    registration_id = registration_by_code(db, args.registration)
    round_id = None
    if args.round:
        rounds = registration_detail(UnitOfWork(db, actor), registration_id).line.rounds
        wanted = args.round.strip()
        matches = [r.id for r in rounds if r.name.casefold() == wanted.casefold() or str(r.id) == wanted]
        if not matches:
            raise CommandError(f"No round {wanted[:60]} in {args.registration}; one of: "
                               + (", ".join(f"{r.name} (id {r.id})" for r in rounds) or "none") + ".")
        round_id = matches[0]
    student_id = None
    if args.student:
        from desk.students import student_by_number

        student_id = student_by_number(db, args.student)
    lines = requests_of(UnitOfWork(db, actor), registration_id, status=RequestStatus(args.status) if args.status else None,
                        limit=args.limit or 500, round_id=round_id, student_id=student_id)
    if args.json:
        print(json.dumps([
            {"id": r.id, "submitted_at": r.submitted_at.isoformat(), "student": r.student_number, "name": r.student_name,
             "round": r.round_name, "group": r.group_label, "action": r.action.value, "payment_accepted": r.payment_accepted,
             "status": r.status.value, "reason": r.resolution_reason}
            for r in lines
        ], ensure_ascii=False, indent=2))
        return 0
    for r in lines:
        reason = f"  ({r.resolution_reason})" if r.resolution_reason else ""
        print(f"#{r.id:<7} {format_local(r.submitted_at)}  {r.student_number:<8} {r.action.value:<10} {r.group_label:<24} "
              f"{r.status.value}{reason}")
    print(f"{len(lines)} requests.")
    return 0


def register(commands) -> None:
    tokens_parser = commands.add_parser("tokens", help="token balances, corrections, allocation, round resolution, requests")
    token_commands = tokens_parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    balance = token_commands.add_parser("balance", help="a student's balances (and ledger)")
    balance.add_argument("student", help="student number")
    balance.add_argument("--ledger", action="store_true", help="list every ledger entry too")
    balance.add_argument("--json", action="store_true", help="print JSON")
    balance.set_defaults(func=cmd_tokens_balance)
    correct = token_commands.add_parser("correct", help="correct a balance (the 7-day rule applies)")
    correct.add_argument("student", help="student number")
    correct.add_argument("type", help="token type code, e.g. JO")
    correct.add_argument("amount", help="tokens to add (+2) or take away (-1), at most 1,000")
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
    rule.add_argument("amount", type=bounds.TOKEN_ALLOCATION.argument(), help="tokens each matching student gets (1-1,000)")
    rule.add_argument("--level", choices=["first_cycle", "second_cycle", "long_cycle", "doctoral"])
    rule.add_argument("--mode", choices=["full_time", "part_time"])
    rule.add_argument("--reason", help="why")
    rule.set_defaults(func=cmd_tokens_rule)
    allocate = token_commands.add_parser("allocate", help="run the allocation rules, or allocate to a cohort")
    allocate.add_argument("--programme", help="cohort: programme code")
    allocate.add_argument("--stage", type=bounds.STAGE.argument(), help="cohort: stage (year, 1-10)")
    allocate.add_argument("--type", help="cohort: token type code")
    allocate.add_argument("--amount", type=bounds.TOKEN_ALLOCATION.argument(), help="cohort: tokens per student (1-1,000)")
    allocate.add_argument("--reason", help="cohort: why")
    allocate.add_argument("--document", help="cohort: document reference")
    allocate.add_argument("--key", help="idempotency key of the cohort allocation")
    allocate.set_defaults(func=cmd_tokens_allocate)
    resolve = token_commands.add_parser("resolve", help="carry out the basket requests whose break is due (a scheduled job)")
    resolve.add_argument("registration", nargs="?", help="resolve every pending request of this registration now")
    resolve.set_defaults(func=cmd_tokens_resolve)
    requests = token_commands.add_parser("requests", help="a token registration's basket requests in the order submitted")
    requests.add_argument("--registration", required=True, help="registration code")
    requests.add_argument("--round", help="only this round's (its name or id)")
    requests.add_argument("--status", choices=["pending", "accepted", "refused", "refused_permanently", "withdrawn"],
                          help="only requests in this state")
    requests.add_argument("--student", help="only this student's (student number)")
    requests.add_argument("--limit", type=bounds.LIST_LIMIT.argument(), help="at most this many (default 500)")
    requests.add_argument("--json", action="store_true", help="print JSON")
    requests.set_defaults(func=cmd_tokens_requests)
