"""The ``students`` commands: finding students, admitting them, correcting their data, their programmes and statuses."""

from __future__ import annotations

import json
from datetime import date

from desk import bounds
from desk.cli.common import CommandError, acting_staff, open_database_for
from desk.model import PersonCategory, ProgrammeStatus
from desk.unit_of_work import UnitOfWork


def _status_text(status) -> str:
    return status.value.replace("_", " ") if status is not None else ""


def cmd_search(args) -> int:
    from desk.student_search import search_students

    db = open_database_for(args)
    actor = acting_staff(args, db)
    page = search_students(UnitOfWork(db, actor), args.query, limit=args.limit)
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


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(f"{option} must be a date written as YYYY-MM-DD, not {text!r}.") from None


def _today() -> date:
    from desk.clock import now_utc, to_local

    return to_local(now_utc()).date()


def _programme_id(db, code: str) -> int:
    from desk.access import programmes

    wanted = code.strip().lower()
    found = [p.id for p in programmes(db) if p.code.lower() == wanted]
    if not found:
        raise CommandError(f"No programme {code}.")
    return found[0]


def _student_programme(card, code: str | None):
    """The student's programme with this code, or their only one."""
    if code is None:
        if len(card.programmes) == 1:
            return card.programmes[0]
        codes = ", ".join(p.code for p in card.programmes) or "none"
        raise CommandError(f"Student {card.student_number} has several programmes ({codes}): say which with --programme.")
    line = next((p for p in card.programmes if p.code.lower() == code.strip().lower()), None)
    if line is None:
        codes = ", ".join(p.code for p in card.programmes) or "none"
        raise CommandError(f"Student {card.student_number} is not on {code} (their programmes: {codes}).")
    return line


def _programme_json(line) -> dict:
    return {"id": line.id, "programme": line.code, "stage": line.stage, "status": line.status.value,
            "since": line.status_since.isoformat() if line.status_since else None,
            "until": line.status_until.isoformat() if line.status_until else None,
            "admitted_on": line.admitted_on.isoformat()}


def _programme_line(line) -> str:
    dates = f" since {line.status_since.isoformat()}" if line.status_since else ""
    dates += f" until {line.status_until.isoformat()}" if line.status_until else ""
    return f"{line.code} stage {line.stage}: {_status_text(line.status)}{dates}"


def cmd_add(args) -> int:
    from desk.student_records import ProgrammeDraft, StudentDraft, add_student

    admitted_on = _day(args.admitted, "--admitted") or _today()
    draft = StudentDraft(
        first_name=args.first_name, middle_name=args.middle_name, last_name=args.last_name,
        student_number=args.number, birth_date=_day(args.birth_date, "--birth-date"), pesel=args.pesel,
        private_email=args.email, category=PersonCategory(args.category),
        programmes=tuple(ProgrammeDraft(code, admitted_on=admitted_on, stage=args.stage) for code in args.programme),
        reason=args.reason,
    )
    db = open_database_for(args)
    actor = acting_staff(args, db)
    admission = add_student(UnitOfWork(db, actor), draft)
    if args.json:
        print(json.dumps({"student_id": admission.student_id, "student_number": admission.student_number,
                          "login": admission.login, "programmes": list(args.programme)}, ensure_ascii=False, indent=2))
        return 0
    print(f"Admitted {admission.student_number}: {draft.first_name} {draft.last_name}, {', '.join(args.programme)}"
          f" (stage {args.stage}); login {admission.login or '(none)'}.")
    return 0


def cmd_edit(args) -> int:
    from desk.student_records import edit_student
    from desk.students import PersonChanges, student_by_number, student_card

    db = open_database_for(args)
    actor = acting_staff(args, db)
    student_id = student_by_number(db, args.number)
    card = student_card(UnitOfWork(db, actor), student_id)
    if not card.may_view_personal_data:
        raise CommandError("Your role does not see personal data, so it cannot correct them.")

    def given(value, current):
        return current if value is None else (value.strip() or None)

    birth = card.birth_date if args.birth_date is None else (_day(args.birth_date, "--birth-date") if args.birth_date.strip() else None)
    changes = PersonChanges(
        first_name=args.first_name if args.first_name is not None else card.first_name,
        middle_name=given(args.middle_name, card.middle_name),
        last_name=args.last_name if args.last_name is not None else card.last_name,
        birth_date=birth,
        pesel=args.pesel.strip() or None if args.pesel is not None else None,
        private_email=given(args.email, card.private_email),
        keep_pesel=args.pesel is None,
    )
    after = edit_student(UnitOfWork(db, actor), student_id, changes, args.reason)
    name = " ".join(n for n in (after.first_name, after.middle_name, after.last_name) if n)
    print(f"Corrected {after.student_number}: {name}.")
    return 0


def cmd_status(args) -> int:
    from desk.student_records import change_status
    from desk.students import student_by_number, student_card

    since = _day(args.since, "--since") or _today()
    until = _day(args.until, "--until")
    db = open_database_for(args)
    actor = acting_staff(args, db)
    student_id = student_by_number(db, args.number)
    line = _student_programme(student_card(UnitOfWork(db, actor), student_id), args.programme)
    change_status(UnitOfWork(db, actor), line.id, ProgrammeStatus(args.status), since=since, until=until, reason=args.reason)
    card = student_card(UnitOfWork(db, actor), student_id)
    changed = next(p for p in card.programmes if p.id == line.id)
    if args.json:
        print(json.dumps({"student_number": card.student_number, **_programme_json(changed)}, ensure_ascii=False, indent=2))
        return 0
    print(f"{card.student_number}: {_programme_line(changed)}. Sent to the portal with the next sync.")
    return 0


def cmd_programmes(args) -> int:
    from desk.students import student_by_number, student_card

    db = open_database_for(args)
    actor = acting_staff(args, db)
    card = student_card(UnitOfWork(db, actor), student_by_number(db, args.number))
    if args.json:
        print(json.dumps({"student_number": card.student_number, "programmes": [_programme_json(p) for p in card.programmes]},
                         ensure_ascii=False, indent=2))
        return 0
    for line in card.programmes:
        print(_programme_line(line))
    if not card.programmes:
        print("No programme.")
    return 0


def cmd_programme_add(args) -> int:
    from desk.student_records import add_programme
    from desk.students import student_by_number

    admitted_on = _day(args.admitted, "--admitted") or _today()
    db = open_database_for(args)
    actor = acting_staff(args, db)
    student_id = student_by_number(db, args.number)
    add_programme(UnitOfWork(db, actor), student_id, _programme_id(db, args.programme), args.stage, admitted_on,
                  ProgrammeStatus(args.status), reason=args.reason)
    print(f"{args.number.strip()}: {args.programme} stage {args.stage} added ({args.status.replace('_', ' ')}"
          f" since {admitted_on.isoformat()}).")
    return 0


def cmd_programme_stage(args) -> int:
    from desk.student_records import set_stage
    from desk.students import student_by_number, student_card

    db = open_database_for(args)
    actor = acting_staff(args, db)
    student_id = student_by_number(db, args.number)
    line = _student_programme(student_card(UnitOfWork(db, actor), student_id), args.programme)
    set_stage(UnitOfWork(db, actor), line.id, args.stage, reason=args.reason)
    print(f"{args.number.strip()}: {line.code} stage {args.stage}.")
    return 0


_STATUSES = [s.value for s in ProgrammeStatus]


def register(commands) -> None:
    students = commands.add_parser("students", help="students")
    student_commands = students.add_subparsers(title="commands", metavar="COMMAND", required=True)
    search = student_commands.add_parser(
        "search", help="find students by number, name, PESEL or login e-mail"
    )
    search.add_argument("query", help='what to look for, e.g. "lukasz zolkiewski" or 123456')
    search.add_argument("--limit", type=bounds.LIST_LIMIT.argument(), default=50, help="at most this many students (default 50)")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(func=cmd_search)

    add = student_commands.add_parser("add", help="admit a student: person, student number, programme and login")
    add.add_argument("number", help="student number (digits; leading zeros are kept)")
    add.add_argument("--first-name", required=True)
    add.add_argument("--middle-name")
    add.add_argument("--last-name", required=True)
    add.add_argument("--birth-date", help="YYYY-MM-DD")
    add.add_argument("--pesel", help="11 digits, consistent with --birth-date")
    add.add_argument("--email", help="private e-mail (from admissions)")
    add.add_argument("--category", choices=[PersonCategory.STUDENT.value, PersonCategory.PHD_STUDENT.value],
                     default=PersonCategory.STUDENT.value)
    add.add_argument("--programme", action="append", required=True, metavar="CODE",
                     help="programme code, e.g. INF-S1 (repeat for several)")
    add.add_argument("--stage", type=bounds.STAGE.argument(), default=1, help="stage (year), default 1")
    add.add_argument("--admitted", help="admission date YYYY-MM-DD (default: today)")
    add.add_argument("--reason", help='why (default: "admission")')
    add.add_argument("--json", action="store_true", help="print JSON")
    add.set_defaults(func=cmd_add)

    edit = student_commands.add_parser("edit", help="correct a student's names, birth date, PESEL or private e-mail")
    edit.add_argument("number", help="student number")
    edit.add_argument("--first-name")
    edit.add_argument("--middle-name", help='"" removes it')
    edit.add_argument("--last-name")
    edit.add_argument("--birth-date", help='YYYY-MM-DD; "" removes it')
    edit.add_argument("--pesel", help='11 digits; "" removes it')
    edit.add_argument("--email", help='private e-mail; "" removes it')
    edit.add_argument("--reason", required=True, help='why, e.g. "change of surname after marriage"')
    edit.set_defaults(func=cmd_edit)

    status = student_commands.add_parser(
        "status", help="change a programme's status: leave (with --until), return, suspension, removal, graduation")
    status.add_argument("number", help="student number")
    status.add_argument("status", choices=_STATUSES, help="the new status")
    status.add_argument("--programme", metavar="CODE", help="which programme (needed when the student has several)")
    status.add_argument("--since", help="from this day, YYYY-MM-DD (default: today)")
    status.add_argument("--until", help="planned end of a leave or suspension, YYYY-MM-DD")
    status.add_argument("--reason", required=True, help='why, e.g. "dean\'s decision 12/2026"')
    status.add_argument("--json", action="store_true", help="print JSON")
    status.set_defaults(func=cmd_status)

    programme = student_commands.add_parser("programme", help="a student's programmes: list, add, set the stage")
    programme_commands = programme.add_subparsers(title="commands", metavar="COMMAND", required=True)
    listing = programme_commands.add_parser("list", help="the student's programmes with their statuses")
    listing.add_argument("number", help="student number")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=cmd_programmes)
    programme_add = programme_commands.add_parser("add", help="put the student on one more programme")
    programme_add.add_argument("number", help="student number")
    programme_add.add_argument("programme", metavar="CODE", help="programme code, e.g. INF-S2")
    programme_add.add_argument("--stage", type=bounds.STAGE.argument(), default=1, help="stage (year), default 1")
    programme_add.add_argument("--admitted", help="admission date YYYY-MM-DD (default: today)")
    programme_add.add_argument("--status", choices=_STATUSES, default=ProgrammeStatus.ACTIVE.value)
    programme_add.add_argument("--reason", help='why (default: "admission")')
    programme_add.set_defaults(func=cmd_programme_add)
    stage = programme_commands.add_parser("stage", help="move the student to another stage (year) of a programme")
    stage.add_argument("number", help="student number")
    stage.add_argument("stage", type=bounds.STAGE.argument(), help="the new stage")
    stage.add_argument("--programme", metavar="CODE", help="which programme (needed when the student has several)")
    stage.add_argument("--reason", required=True, help='why, e.g. "promoted to the next year"')
    stage.set_defaults(func=cmd_programme_stage)
