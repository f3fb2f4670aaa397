"""The ``registrations`` commands: the registration calendar with its rounds and their state."""

from __future__ import annotations

import json

from desk.cli.common import acting_staff, open_database_for, term_id_by_code
from desk.unit_of_work import UnitOfWork


def cmd_registrations_list(args) -> int:
    from desk.clock import format_local
    from desk.registrations import list_registrations

    db = open_database_for(args)
    actor = acting_staff(args, db)
    term_id = term_id_by_code(db, args.term.strip().upper()) if args.term else None
    lines = list_registrations(UnitOfWork(db, actor), term_id=term_id)
    if args.json:
        print(json.dumps([
            {"id": r.id, "code": r.code, "name": r.name, "unit": r.unit_code, "term": r.term_code, "kind": r.kind.value,
             "token_type": r.token_type_code, "selection_limit": r.selection_limit, "entitled_only": r.entitled_only,
             "courses": r.course_count, "state": r.state.value if r.state else None,
             "rounds": [{"id": t.id, "name": t.name, "starts_at": t.starts_at.isoformat(), "ends_at": t.ends_at.isoformat(),
                         "state": t.state.value, "unregister_allowed": t.unregister_allowed} for t in r.rounds]}
            for r in lines
        ], ensure_ascii=False, indent=2))
        return 0
    for r in lines:
        kind = r.kind.value + (f" ({r.token_type_code})" if r.token_type_code else "")
        state = r.state.value if r.state else "no rounds"
        print(f"{r.code:<24} {r.term_code:<6} {r.unit_code:<8} {kind:<10} {state:<10} {r.name}")
        for t in r.rounds:
            print(f"    {t.name}: {format_local(t.starts_at)} \u2013 {format_local(t.ends_at)}  {t.state.value}"
                  f"{'' if t.unregister_allowed else ', no unregistering'}")
    print(f"{len(lines)} registrations.")
    return 0


def cmd_registrations_readiness(args) -> int:
    from desk import readiness
    from desk.registrations import registration_by_code

    db = open_database_for(args)
    actor = acting_staff(args, db)
    registration_id = registration_by_code(db, args.code)
    found = readiness.sweep(UnitOfWork(db, actor), registration_id)
    if args.fix:
        fix = readiness.Fix(args.fix)
        blocked = next((b for b in found.blocked if b.fix is fix), None)
        if blocked is None:
            print(f"No student waits for that fix ({fix.value}).")
            return 0
        done = readiness.apply_fix(UnitOfWork(db, actor), registration_id, fix, list(blocked.student_ids),
                                   reason=args.reason or "", amount=args.amount)
        print(f"{fix.value}: {done} done for {blocked.count} students.")
        found = readiness.sweep(UnitOfWork(db, actor), registration_id)
    if args.json:
        print(json.dumps({
            "registration": found.registration_code, "meant_for": found.meant_for, "ready": len(found.ready),
            "blocked": [{"condition": b.condition.value, "label": b.label, "count": b.count,
                         "fix": b.fix.value if b.fix else None, "advice": b.advice, "student_ids": list(b.student_ids)}
                        for b in found.blocked],
        }, ensure_ascii=False, indent=2))
        return 0
    print(f"{found.registration_code}: meant for {found.meant_for} students, {len(found.ready)} ready.")
    for b in found.blocked:
        fix = f"  [--fix {b.fix.value}]" if b.fix else ""
        print(f"  {b.count:>7}  {b.label}: {b.advice}{fix}")
    return 0


def register(commands) -> None:
    parser = commands.add_parser("registrations", help="the registration calendar: registrations and their rounds")
    registration_commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    listing = registration_commands.add_parser("list", help="registrations by term and code, with their rounds and state")
    listing.add_argument("--term", help="only this term's, e.g. 2026Z")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=cmd_registrations_list)

    ready = registration_commands.add_parser(
        "readiness", help="before a round opens: the students it is meant for, grouped by what would stop them first")
    ready.add_argument("code", help="the registration's code")
    ready.add_argument("--fix", choices=["grant", "send", "allocate"], help="apply this fix to its whole group first")
    ready.add_argument("--reason", help="why (for grant and allocate)")
    ready.add_argument("--amount", type=int, default=1, help="tokens each, for allocate (default 1)")
    ready.add_argument("--json", action="store_true", help="print JSON")
    ready.set_defaults(func=cmd_registrations_readiness)
