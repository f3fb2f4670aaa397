"""The ``groups`` commands: class groups with their limits and counts; seat limits."""

from __future__ import annotations

import json

from desk.cli.common import CommandError, acting_staff, open_database_for
from desk.unit_of_work import UnitOfWork


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
    lines = list_groups(UnitOfWork(db, actor), GroupScope(registration_id=registration_id, term_id=term_id))
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
    from desk import bounds
    from desk.groups import find_group, set_seat_limits

    change = args.to
    if change is None:
        raise CommandError("Say the new limit: --to 25, or a change: --to +5 / --to -2.")
    # The number is checked before the database is opened.
    text = change.strip()
    delta = bounds.SEAT_LIMIT_CHANGE.parse(text) if text[:1] in "+-" else None
    value = bounds.SEAT_LIMIT.parse(text) if delta is None else None
    db = open_database_for(args)
    actor = acting_staff(args, db)
    group_ids = [find_group(db, reference) for reference in args.groups]
    result = set_seat_limits(UnitOfWork(db, actor), group_ids, value=value, delta=delta, reason=args.reason)
    print(f"Limits changed: {result.changed} groups ({result.unchanged} already had it).")
    return 0


def register(commands) -> None:
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
