"""The ``explain`` command: why a student can or cannot register."""

from __future__ import annotations

import json

from desk.cli.common import acting_staff, open_database_for
from desk.unit_of_work import UnitOfWork


def cmd_explain(args) -> int:
    from desk.eligibility import condition_label, explain
    from desk.groups import find_group
    from desk.registrations import registration_by_code
    from desk.students import student_by_number

    db = open_database_for(args)
    actor = acting_staff(args, db)
    result = explain(UnitOfWork(db, actor), student_by_number(db, args.student), registration_by_code(db, args.registration),
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


def register(commands) -> None:
    explain_parser = commands.add_parser("explain", help="why can (or can't) a student register for a registration")
    explain_parser.add_argument("student", help="student number")
    explain_parser.add_argument("registration", help="registration code")
    explain_parser.add_argument("--group", help="a group of the registration, as TERM/COURSE/TYPE/NUMBER or id")
    explain_parser.add_argument("--json", action="store_true", help="print JSON")
    explain_parser.set_defaults(func=cmd_explain)
