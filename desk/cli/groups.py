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


def audience_arguments(parser) -> None:
    """Whom seats or a round are for: a rule, or a file of student numbers."""
    parser.add_argument("--programme", help="programme code")
    parser.add_argument("--level", choices=["first_cycle", "second_cycle", "long_cycle", "doctoral"])
    parser.add_argument("--mode", choices=["full_time", "part_time"])
    parser.add_argument("--stage", type=int, help="stage (year of study), 1-10")
    parser.add_argument("--students", metavar="FILE", help="a file of student numbers instead of a rule")


def audience_of(db, args) -> tuple[dict | None, tuple[int, ...] | None]:
    """The rule (programme_id, level, mode, stage) or the students (ids) the arguments name; an unknown number or
    programme is an error, so nothing is set for fewer students than the clerk meant."""
    from sqlalchemy import select

    from desk.access import split_numbers
    from desk.input_files import read_text_list
    from desk.model import Level, Programme, Student, StudyMode

    if args.students:
        numbers = sorted(set(split_numbers(read_text_list(args.students))))
        with db.read() as session:
            found = dict(session.execute(select(Student.student_number, Student.id)
                                         .where(Student.student_number.in_(numbers))).all()) if numbers else {}
        unknown = [n for n in numbers if n not in found]
        if unknown:
            raise CommandError(f"Not at the desk ({len(unknown)}): {', '.join(unknown[:20])}")
        return None, tuple(found[n] for n in numbers)
    rule: dict = {}
    if args.programme:
        with db.read() as session:
            programme_id = session.scalar(select(Programme.id).where(Programme.code == args.programme.strip().upper()))
        if programme_id is None:
            raise CommandError(f"No programme {args.programme}.")
        rule["programme_id"] = programme_id
    if args.level:
        rule["level"] = Level(args.level)
    if args.mode:
        rule["mode"] = StudyMode(args.mode)
    if args.stage is not None:
        rule["stage"] = args.stage
    return (rule or None), None


def cmd_groups_shares(args) -> int:
    from desk import seat_shares
    from desk.clock import format_local
    from desk.groups import find_group

    db = open_database_for(args)
    actor = acting_staff(args, db)
    group_id = find_group(db, args.group)
    lines = seat_shares.shares_of(UnitOfWork(db, actor), group_id)
    if args.json:
        print(json.dumps([{"id": s.id, "seats": s.seats, "taken": s.taken, "released": s.released,
                           "programme": s.programme_code or None, "level": s.level, "mode": s.mode, "stage": s.stage,
                           "listed": s.listed_count if s.listed else None,
                           "release_at": s.release_at.isoformat() if s.release_at else None,
                           "release_round": s.release_round or None} for s in lines], ensure_ascii=False, indent=2))
        return 0
    for s in lines:
        whom = (f"list of {s.listed_count}" if s.listed else " ".join(
            str(v) for v in (s.programme_code, s.level, s.mode, f"stage {s.stage}" if s.stage else "") if v) or "anyone")
        when = ("released" if s.released else f"released {format_local(s.release_at)}" if s.release_at else "kept")
        print(f"  #{s.id:<6} {s.taken:>4}/{s.seats:<4} {whom}  ({when})")
    print(f"{len(lines)} shares.")
    return 0


def cmd_groups_share_add(args) -> int:
    from datetime import datetime

    from desk import seat_shares
    from desk.clock import DEFAULT_TIME_ZONE, local_to_utc
    from desk.groups import find_group

    release_at = None
    if args.release_at:
        try:
            release_at = datetime.fromisoformat(args.release_at)
        except ValueError:
            raise CommandError("Give the release as a date and time, e.g. 2027-02-10T12:00.") from None
        if release_at.tzinfo is None:  # the institution's clock
            release_at = local_to_utc(release_at, DEFAULT_TIME_ZONE)
    db = open_database_for(args)
    actor = acting_staff(args, db)
    group_id = find_group(db, args.group)
    rule, student_ids = audience_of(db, args)
    round_id = None
    if args.release_round:
        rounds = {name.lower(): rid for rid, name, _at in seat_shares.release_rounds(UnitOfWork(db, actor), group_id)}
        round_id = rounds.get(args.release_round.strip().lower())
        if round_id is None:
            raise CommandError(f"No round {args.release_round!r} offers the group; the rounds: "
                               + (", ".join(sorted(rounds)) or "none"))
    draft = seat_shares.ShareDraft(args.seats, **(rule or {}), student_ids=student_ids, release_at=release_at,
                                   release_round_id=round_id)
    share_id = seat_shares.add_share(UnitOfWork(db, actor), group_id, draft, reason=args.reason)
    print(f"Dedicated: {args.seats} seats (#{share_id}).")
    return 0


def cmd_groups_share_release(args) -> int:
    from desk import seat_shares

    db = open_database_for(args)
    actor = acting_staff(args, db)
    seat_shares.release_share(UnitOfWork(db, actor), args.share, reason=args.reason)
    print("Released: its free seats are everyone's.")
    return 0


def cmd_groups_release_due(args) -> int:
    from desk import seat_shares
    from desk.unit_of_work import SystemJob

    db = open_database_for(args)
    released = seat_shares.release_due(UnitOfWork(db, SystemJob.SCHEDULE))  # the timer's job: only what is due
    print(f"Released: {released} of the dedicated seats' shares whose moment has passed; waiting lists asked."
          if released else "No dedicated seats are due to be released.")
    return 0


def cmd_groups_share_remove(args) -> int:
    from desk import seat_shares

    db = open_database_for(args)
    actor = acting_staff(args, db)
    seat_shares.remove_share(UnitOfWork(db, actor), args.share, reason=args.reason)
    print("Removed: its seats are everyone's again.")
    return 0


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
    shares = group_commands.add_parser("shares", help="a group's dedicated seats")
    shares.add_argument("group", help="the group: TERM/COURSE/TYPE/NUMBER or id")
    shares.add_argument("--json", action="store_true", help="print JSON")
    shares.set_defaults(func=cmd_groups_shares)
    share_add = group_commands.add_parser("share-add", help="dedicate seats of a group to some students")
    share_add.add_argument("group", help="the group: TERM/COURSE/TYPE/NUMBER or id")
    share_add.add_argument("--seats", type=int, required=True, help="how many seats")
    audience_arguments(share_add)
    share_add.add_argument("--release-at", help="when its free seats go to everyone, e.g. 2027-02-10T12:00 (local)")
    share_add.add_argument("--release-round", help="or when a round starts: \"REGISTRATION: Round name\"")
    share_add.add_argument("--reason", required=True, help="why")
    share_add.set_defaults(func=cmd_groups_share_add)
    share_release = group_commands.add_parser("share-release", help="give a share's free seats to everyone now")
    share_release.add_argument("share", type=int, help="the share's number (#, from groups shares)")
    share_release.add_argument("--reason", required=True, help="why")
    share_release.set_defaults(func=cmd_groups_share_release)
    release_due = group_commands.add_parser(
        "release-due", help="release the dedicated seats whose moment has passed and give them to the waiting lists "
                            "(what an open desk does every minute; for a system timer)")
    release_due.set_defaults(func=cmd_groups_release_due)
    share_remove = group_commands.add_parser("share-remove", help="remove a share: its seats are everyone's again")
    share_remove.add_argument("share", type=int, help="the share's number (#, from groups shares)")
    share_remove.add_argument("--reason", required=True, help="why")
    share_remove.set_defaults(func=cmd_groups_share_remove)
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
