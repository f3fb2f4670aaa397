"""The ``groups`` commands: class groups with their limits and counts; seat limits."""

from __future__ import annotations

import json
from dataclasses import replace

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


def _slots(texts):
    from desk.group_records import parse_slot

    return tuple(parse_slot(text) for text in texts or ())


def _record_json(record) -> dict:
    from desk.group_records import slot_text

    return {"id": record.id, "group": f"{record.term_code}/{record.course_code}/{record.class_type.value}/{record.number}",
            "seat_limit": record.seat_limit, "lower_limit": record.lower_limit, "enrolled": record.enrolled,
            "teachers": list(record.teachers), "slots": [slot_text(s) for s in record.slots], "description": record.description}


def _print_record(args, record, done: str) -> None:
    if args.json:
        print(json.dumps(_record_json(record), ensure_ascii=False, indent=2))
    else:
        print(f"{done}: {record.term_code}/{record.course_code}/{record.class_type.value}/{record.number} (id {record.id}), "
              f"limit {record.seat_limit}, lower limit {record.lower_limit}.")


def cmd_groups_add(args) -> int:
    from desk.courses import course_by_code, refuse
    from desk.group_records import GroupDraft, add_group, check_group, group_record
    from desk.terms import term_by_code

    slots = _slots(args.slot)
    draft = GroupDraft(course_id=1, term_id=1, class_type=args.type, seat_limit=args.limit, number=args.number,
                       lower_limit=args.lower_limit or 0, teachers=tuple(args.teacher or ()), slots=slots,
                       description=args.description)
    refuse(check_group(draft))  # before the database is opened
    db = open_database_for(args)
    actor = acting_staff(args, db)
    uow = UnitOfWork(db, actor)
    draft = replace(draft, course_id=course_by_code(uow, args.course), term_id=term_by_code(uow, args.term))
    group_id = add_group(uow, draft)
    _print_record(args, group_record(uow, group_id), "Group added")
    return 0


def cmd_groups_edit(args) -> int:
    from desk.group_records import edit_group, group_record

    changes: dict = {}
    for name, value in (("class_type", args.type), ("number", args.number), ("seat_limit", args.limit),
                        ("lower_limit", args.lower_limit), ("description", args.description)):
        if value is not None:
            changes[name] = value
    if args.teacher is not None or args.no_teachers:
        if args.teacher is not None and args.no_teachers:
            raise CommandError("Give --teacher or --no-teachers, not both.")
        changes["teachers"] = tuple(args.teacher or ())
    if args.slot is not None or args.no_slots:
        if args.slot is not None and args.no_slots:
            raise CommandError("Give --slot or --no-slots, not both.")
        changes["slots"] = _slots(args.slot)
    if not changes:
        raise CommandError("Say what changes: --type, --number, --limit, --lower-limit, --teacher, --slot or --description.")
    if not (args.reason or "").strip():
        raise CommandError("Say why with --reason (it is kept with the change).")
    db = open_database_for(args)
    actor = acting_staff(args, db)
    from desk.groups import find_group

    group_id = find_group(db, args.group)
    edit_group(UnitOfWork(db, actor), group_id, changes, args.reason)
    _print_record(args, group_record(UnitOfWork(db, actor), group_id), "Group changed")
    return 0


def _group_fields(parser, *, adding: bool) -> None:
    from desk import bounds
    from desk.model import ClassType

    parser.add_argument("--type", required=adding, choices=[t.value for t in ClassType], help="class type")
    parser.add_argument("--number", type=bounds.GROUP_NUMBER.argument(),
                        help="group number" + (" (default: the next free one)" if adding else ""))
    parser.add_argument("--limit", required=adding, type=bounds.SEAT_LIMIT.argument(), help="seat limit")
    parser.add_argument("--lower-limit", type=bounds.LOWER_LIMIT.argument(), help="below it the group does not run")
    parser.add_argument("--teacher", action="append", metavar="LOGIN_OR_ID",
                        help="a teacher's login e-mail or person id (repeat for more" + ("" if adding else "; replaces them") + ")")
    parser.add_argument("--slot", action="append", metavar="SLOT",
                        help='a timetable slot "WEEKDAY HH:MM-HH:MM [ROOM [BUILDING]]", e.g. "1 08:00-09:30 A-101 Main"'
                             + ("" if adding else "; replaces them"))
    parser.add_argument("--description", help="a description")
    parser.add_argument("--json", action="store_true", help="print JSON")


def register(commands) -> None:
    groups_parser = commands.add_parser("groups", help="class groups: list them, add, correct, set seat limits")
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
    add = group_commands.add_parser("add", help="add a class group of a course in a term")
    add.add_argument("course", help="course code")
    add.add_argument("--term", required=True, help="term code, e.g. 2026Z")
    _group_fields(add, adding=True)
    add.set_defaults(func=cmd_groups_add)
    edit = group_commands.add_parser("edit", help="correct a group: type, number, limits, teachers, timetable, description")
    edit.add_argument("group", help="the group: TERM/COURSE/TYPE/NUMBER or id")
    _group_fields(edit, adding=False)
    edit.add_argument("--no-teachers", action="store_true", help="take every teacher off the group")
    edit.add_argument("--no-slots", action="store_true", help="clear the timetable")
    edit.add_argument("--reason", required=True, help="why the group changes")
    edit.set_defaults(func=cmd_groups_edit)
