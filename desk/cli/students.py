"""The ``students`` commands: finding students."""

from __future__ import annotations

import json

from desk import bounds
from desk.cli.common import acting_staff, open_database_for
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
