"""The ``courses`` commands: list courses, add one, correct one."""

from __future__ import annotations

import json

from desk.cli.common import CommandError, acting_staff, open_database_for, term_id_by_code, unit_id_by_code
from desk.unit_of_work import UnitOfWork


def _line_json(line) -> dict:
    return {"id": line.id, "code": line.code, "name": line.name, "name_en": line.name_en, "unit": line.unit_code,
            "language": line.language, "groups": line.group_count}


def cmd_courses_list(args) -> int:
    from desk.courses import list_courses

    db = open_database_for(args)
    actor = acting_staff(args, db)
    unit_id = unit_id_by_code(db, args.unit) if args.unit else None
    term_id = term_id_by_code(db, args.term.strip().upper()) if args.term else None
    lines = list_courses(UnitOfWork(db, actor), unit_id=unit_id, term_id=term_id, text=args.text)
    if args.json:
        print(json.dumps([_line_json(line) for line in lines], ensure_ascii=False, indent=2))
        return 0
    for line in lines:
        print(f"{line.code:<20} {line.unit_code:<8} {line.language:<5} {line.group_count:>4} groups  {line.name}")
    print(f"{len(lines)} courses.")
    return 0


def cmd_courses_add(args) -> int:
    from desk.courses import CourseDraft, add_course, check_course, course_line, refuse

    draft = CourseDraft(args.code, args.name, args.unit, name_en=args.name_en, language=args.language or "pl")
    refuse(check_course(draft))  # before the database is opened
    db = open_database_for(args)
    actor = acting_staff(args, db)
    course_id = add_course(UnitOfWork(db, actor), draft)
    line = course_line(UnitOfWork(db, actor), course_id)
    if args.json:
        print(json.dumps(_line_json(line), ensure_ascii=False, indent=2))
    else:
        print(f"Course {line.code} added (id {line.id}).")
    return 0


def cmd_courses_edit(args) -> int:
    from desk.courses import course_by_code, edit_course

    changes = {name: value for name, value in (("code", args.new_code), ("name", args.name), ("name_en", args.name_en),
                                                ("unit_code", args.unit), ("language", args.language)) if value is not None}
    if not changes:
        raise CommandError("Say what changes: --new-code, --name, --name-en, --unit or --language.")
    if not (args.reason or "").strip():
        raise CommandError("Say why with --reason (it is kept with the change).")
    db = open_database_for(args)
    actor = acting_staff(args, db)
    course_id = course_by_code(UnitOfWork(db, actor), args.code)
    line = edit_course(UnitOfWork(db, actor), course_id, changes, args.reason)
    if args.json:
        print(json.dumps(_line_json(line), ensure_ascii=False, indent=2))
    else:
        print(f"Course {line.code} changed.")
    return 0


def register(commands) -> None:
    courses_parser = commands.add_parser("courses", help="courses: list them, add one, correct one")
    course_commands = courses_parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    listing = course_commands.add_parser("list", help="courses by code, with their unit and number of groups")
    listing.add_argument("--unit", help="only the courses of this unit (code)")
    listing.add_argument("--term", help="only courses with class groups in this term, e.g. 2026Z")
    listing.add_argument("--text", help="only courses whose code or name holds this text")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=cmd_courses_list)
    add = course_commands.add_parser("add", help="add a course of a unit")
    add.add_argument("code", help="the course's code, e.g. MAT-101 (unique)")
    add.add_argument("--name", required=True, help="its name")
    add.add_argument("--unit", required=True, help="the organising unit's code")
    add.add_argument("--name-en", help="its English name")
    add.add_argument("--language", help="the language it is taught in (pl, en, ...); default pl")
    add.add_argument("--json", action="store_true", help="print JSON")
    add.set_defaults(func=cmd_courses_add)
    edit = course_commands.add_parser("edit", help="correct a course's code, name, unit or language")
    edit.add_argument("code", help="the course's code now")
    edit.add_argument("--new-code", help="a new code")
    edit.add_argument("--name", help="a new name")
    edit.add_argument("--name-en", help="a new English name (\"\" removes it)")
    edit.add_argument("--unit", help="another organising unit (code)")
    edit.add_argument("--language", help="another language")
    edit.add_argument("--reason", required=True, help="why the course changes")
    edit.add_argument("--json", action="store_true", help="print JSON")
    edit.set_defaults(func=cmd_courses_edit)
