"""The ``enroll``, ``unenroll`` and ``move`` commands: a student's place in a class group."""

from __future__ import annotations

from desk.cli.common import acting_staff, open_database_for
from desk.unit_of_work import UnitOfWork


def cmd_enroll(args) -> int:
    from desk import enrollment
    from desk.groups import find_group
    from desk.registrations import registration_by_code
    from desk.students import student_by_number

    db = open_database_for(args)
    actor = acting_staff(args, db)
    result = enrollment.enroll(
        UnitOfWork(db, actor), student_by_number(db, args.student), find_group(db, args.group), reason=args.reason,
        over_limit=args.over_limit, registration_id=registration_by_code(db, args.registration) if args.registration else None,
        despite_clash=args.despite_clash,
    )
    note = _override_note(result)
    print(f"Enrolled{note}: the group now has {result.enrolled_count} of {result.seat_limit}.")
    return 0


def cmd_unenroll(args) -> int:
    from desk import enrollment
    from desk.groups import find_group, standing_enrollment
    from desk.students import student_by_number

    db = open_database_for(args)
    actor = acting_staff(args, db)
    enrollment_id = standing_enrollment(db, student_by_number(db, args.student), find_group(db, args.group))
    enrollment.unenroll(UnitOfWork(db, actor), enrollment_id, reason=args.reason)
    print("Unenrolled.")
    return 0


def cmd_move(args) -> int:
    from desk import enrollment
    from desk.groups import find_group, standing_enrollment
    from desk.students import student_by_number

    db = open_database_for(args)
    actor = acting_staff(args, db)
    enrollment_id = standing_enrollment(db, student_by_number(db, args.student), find_group(db, args.from_group))
    result = enrollment.move(UnitOfWork(db, actor), enrollment_id, find_group(db, args.to_group), reason=args.reason,
                             over_limit=args.over_limit, despite_clash=args.despite_clash)
    print(f"Moved{_override_note(result)}: the new group has {result.enrolled_count} of {result.seat_limit}.")
    return 0


def _override_note(result) -> str:
    overrides = [words for done, words in ((result.over_limit, "over the limit"),
                                           (result.despite_clash, "despite a timetable clash")) if done]
    return f" ({' and '.join(overrides)}, recorded as an override)" if overrides else ""


def register(commands) -> None:
    enroll_parser = commands.add_parser("enroll", help="enroll a student in a group")
    enroll_parser.add_argument("student", help="student number")
    enroll_parser.add_argument("group", help="group as TERM/COURSE/TYPE/NUMBER or id")
    enroll_parser.add_argument("--reason", required=True, help="why")
    enroll_parser.add_argument("--over-limit", action="store_true", help="enroll even if the group is full (an override)")
    enroll_parser.add_argument("--registration", help="count it in this registration's selection limit")
    enroll_parser.add_argument("--despite-clash", action="store_true",
                               help="even if its timetable clashes with a group the student holds (an override)")
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
    move_parser.add_argument("--despite-clash", action="store_true",
                             help="even if its timetable clashes with a group the student holds (an override)")
    move_parser.set_defaults(func=cmd_move)
