"""The ``exchanges``, ``waiting``, ``close``, ``reopen`` and ``undo`` commands: moving students in the correction week."""

from __future__ import annotations

import json

from desk.cli.common import CommandError, acting_staff, open_database_for
from desk.unit_of_work import UnitOfWork


def _wish_json(line) -> dict:
    return {"id": line.id, "student": line.student_number, "from": line.from_group, "to": list(line.to_groups),
            "status": line.status.value, "on_portal": line.on_portal, "why": line.reason.text() if line.reason else None}


def cmd_exchanges_list(args) -> int:
    from desk import exchanges
    from desk.registrations import registration_by_code

    db = open_database_for(args)
    actor = acting_staff(args, db)
    lines = exchanges.wishes_of(UnitOfWork(db, actor), registration_by_code(db, args.registration),
                                open_only=not args.all)
    if args.json:
        print(json.dumps([_wish_json(line) for line in lines], ensure_ascii=False, indent=2))
        return 0
    for line in lines:
        why = f"  {line.reason.text()}" if line.reason else ""
        print(f"  #{line.id:<6} {line.student_number} {line.from_group} -> {', '.join(line.to_groups)} "
              f"[{line.status.value}]{why}")
    print(f"{len(lines)} wishes.")
    return 0


def cmd_exchanges_wish(args) -> int:
    from desk import exchanges
    from desk.groups import find_group
    from desk.registrations import registration_by_code
    from desk.students import student_by_number

    db = open_database_for(args)
    actor = acting_staff(args, db)
    wish_id = exchanges.make_wish(
        UnitOfWork(db, actor), student_by_number(db, args.student), find_group(db, args.from_group),
        [find_group(db, g) for g in args.to], registration_id=registration_by_code(db, args.registration))
    print(f"Wish #{wish_id} recorded: it is carried out at the next exchange break.")
    return 0


def cmd_exchanges_withdraw(args) -> int:
    from desk import exchanges

    db = open_database_for(args)
    actor = acting_staff(args, db)
    exchanges.withdraw(UnitOfWork(db, actor), args.wish, reason=args.reason)
    print("Withdrawn.")
    return 0


def cmd_exchanges_run(args) -> int:
    from desk import exchanges
    from desk.registrations import registration_by_code

    db = open_database_for(args)
    actor = acting_staff(args, db)
    done = exchanges.run_break(UnitOfWork(db, actor), registration_by_code(db, args.registration), reason=args.reason)
    if args.json:
        print(json.dumps({"carried": done.carried, "sets": done.sets, "longest": done.longest,
                          "still_open": done.still_open, "void": done.void, "change_set": done.change_set_id}))
        return 0
    print(f"{done.carried} wishes carried out in {done.sets} sets (the longest {done.longest} moves); "
          f"{done.still_open} still open, {done.void} void.")
    return 0


def cmd_exchanges_swap(args) -> int:
    from desk import exchanges
    from desk.groups import find_group, standing_enrollment
    from desk.students import student_by_number

    db = open_database_for(args)
    actor = acting_staff(args, db)
    first = standing_enrollment(db, student_by_number(db, args.first), find_group(db, args.first_group))
    second = standing_enrollment(db, student_by_number(db, args.second), find_group(db, args.second_group))
    exchanges.swap(UnitOfWork(db, actor), first, second, reason=args.reason)
    print("Swapped.")
    return 0


def cmd_waiting(args) -> int:
    from desk import waiting_lists
    from desk.groups import find_group
    from desk.registrations import registration_by_code
    from desk.students import student_by_number

    db = open_database_for(args)
    actor = acting_staff(args, db)
    group_id = find_group(db, args.group)
    if args.join:
        if not args.registration:
            raise CommandError("Say which registration's list: --registration CODE.")
        waiting_lists.join(UnitOfWork(db, actor), student_by_number(db, args.join), group_id,
                           registration_by_code(db, args.registration))
    lines = waiting_lists.list_of(UnitOfWork(db, actor), group_id)
    by_number = {line.student_number: line for line in lines}
    for number, change in ((args.remove, "remove"), (args.move, "move")):
        if number is None:
            continue
        line = by_number.get(number)
        if line is None:
            raise CommandError(f"Student {number} is not on the group's waiting list.")
        if not args.reason:
            raise CommandError("Say why: --reason.")
        if change == "remove":
            waiting_lists.remove(UnitOfWork(db, actor), line.id, reason=args.reason)
        else:
            waiting_lists.move_to(UnitOfWork(db, actor), line.id, args.to, reason=args.reason)
    lines = waiting_lists.list_of(UnitOfWork(db, actor), group_id)
    if args.json:
        print(json.dumps([{"place": line.place, "student": line.student_number, "name": line.student_name,
                           "passed_over": line.passed_over.text() if line.passed_over else None} for line in lines],
                         ensure_ascii=False, indent=2))
        return 0
    for line in lines:
        why = f"  passed over: {line.passed_over.text()}" if line.passed_over else ""
        print(f"  {line.place:>3}. {line.student_number} {line.student_name}{why}")
    print(f"{len(lines)} waiting.")
    return 0


def cmd_close(args) -> int:
    from desk import closures
    from desk.groups import find_group

    db = open_database_for(args)
    actor = acting_staff(args, db)
    plan = closures.plan_closure(UnitOfWork(db, actor), find_group(db, args.group))
    for placement in plan.placements:
        where = placement.to_group or f"stays: {placement.why}"
        print(f"  {placement.student_number} {placement.student_name} -> {where}")
    for target in plan.targets:
        print(f"  {target.label}: {target.free_before} free -> {target.free_after}")
    if not args.apply:
        print(f"Preview: {len(plan.placed)} would move, {len(plan.not_placed)} would stay. Nothing was changed "
              "(--apply --reason R to close the group).")
        return 0
    if not args.reason:
        raise CommandError("Say why the group closes: --reason.")
    applied = closures.apply_plan(UnitOfWork(db, actor), plan, reason=args.reason)
    print(f"Closed: {applied.moved} moved, {applied.stayed} stayed (change set {applied.change_set_id}).")
    return 0


def cmd_reopen(args) -> int:
    from desk import closures
    from desk.groups import find_group

    db = open_database_for(args)
    actor = acting_staff(args, db)
    closures.reopen_group(UnitOfWork(db, actor), find_group(db, args.group), reason=args.reason)
    print("The group takes students again.")
    return 0


def cmd_undo(args) -> int:
    from desk import undo

    db = open_database_for(args)
    actor = acting_staff(args, db)
    done = undo.undo(UnitOfWork(db, actor), args.change_set, reason=args.reason)
    print(f"Undone: {done.students} students back where they were (change set {done.change_set_id}).")
    return 0


def register(commands) -> None:
    parser = commands.add_parser("exchanges", help="students' wishes to swap groups, and the exchange breaks")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    listing = sub.add_parser("list", help="a registration's open wishes, oldest first, with why each waits")
    listing.add_argument("registration", help="registration code")
    listing.add_argument("--all", action="store_true", help="the closed ones too")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=cmd_exchanges_list)
    wish = sub.add_parser("wish", help="record a student's wish to leave a group for one of its siblings")
    wish.add_argument("student", help="student number")
    wish.add_argument("from_group", help="the group the student leaves: TERM/COURSE/TYPE/NUMBER or id")
    wish.add_argument("--to", nargs="+", required=True, help="the groups wished for, the first preferred")
    wish.add_argument("--registration", required=True, help="registration code")
    wish.set_defaults(func=cmd_exchanges_wish)
    withdraw = sub.add_parser("withdraw", help="withdraw an open wish")
    withdraw.add_argument("wish", type=int, help="the wish's number (#, from exchanges list)")
    withdraw.add_argument("--reason", required=True, help="why")
    withdraw.set_defaults(func=cmd_exchanges_withdraw)
    run = sub.add_parser("run", help="an exchange break: carry out every set of wishes that can be satisfied together")
    run.add_argument("registration", help="registration code")
    run.add_argument("--reason", help="why (kept with the change set)")
    run.add_argument("--json", action="store_true", help="print JSON")
    run.set_defaults(func=cmd_exchanges_run)
    swap = sub.add_parser("swap", help="two students swap their groups in one step")
    swap.add_argument("first", help="student number")
    swap.add_argument("first_group", help="the first student's group")
    swap.add_argument("second", help="student number")
    swap.add_argument("second_group", help="the second student's group")
    swap.add_argument("--reason", required=True, help="why")
    swap.set_defaults(func=cmd_exchanges_swap)
    waiting = commands.add_parser("waiting", help="a group's waiting list: list, join, move a student, remove")
    waiting.add_argument("group", help="the group: TERM/COURSE/TYPE/NUMBER or id")
    waiting.add_argument("--join", metavar="NUMBER", help="put this student at the end of the list")
    waiting.add_argument("--registration", help="the registration whose list it is (with --join)")
    waiting.add_argument("--move", metavar="NUMBER", help="move this student on the list to --to")
    waiting.add_argument("--to", type=int, default=1, help="the place (with --move; default 1)")
    waiting.add_argument("--remove", metavar="NUMBER", help="take this student off the list")
    waiting.add_argument("--reason", help="why (with --move and --remove)")
    waiting.add_argument("--json", action="store_true", help="print JSON")
    waiting.set_defaults(func=cmd_waiting)
    close = commands.add_parser("close", help="close a group: its students spread over its siblings (a preview first)")
    close.add_argument("group", help="the group: TERM/COURSE/TYPE/NUMBER or id")
    close.add_argument("--apply", action="store_true", help="close it as previewed")
    close.add_argument("--reason", help="why (with --apply)")
    close.set_defaults(func=cmd_close)
    reopen = commands.add_parser("reopen", help="a closed group takes students again")
    reopen.add_argument("group", help="the group: TERM/COURSE/TYPE/NUMBER or id")
    reopen.add_argument("--reason", required=True, help="why")
    reopen.set_defaults(func=cmd_reopen)
    undo = commands.add_parser("undo", help="undo a change set (a move of many, a closure, an exchange break, a swap)")
    undo.add_argument("change_set", type=int, help="the change set's number (from desk history)")
    undo.add_argument("--reason", required=True, help="why")
    undo.set_defaults(func=cmd_undo)
