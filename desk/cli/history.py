"""The ``history`` command: the audit trail with the History view's filters (student, staff member, kind, dates, text)
and the kind of change (``--action``).

A change set (an import, a copy of a term) is printed as its head with the number of rows it holds;
``--change-set ID`` lists its rows in the order they were recorded.
"""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta

from desk import bounds
from desk.cli.common import CommandError, acting_staff, open_database_for
from desk.cli.terms import iso_date
from desk.unit_of_work import UnitOfWork

PAGE = 500


def _matches(line, wanted: str) -> bool:
    from desk.text import fold

    words = " ".join(filter(None, (line.description, line.record, line.change, line.reason, line.who, line.action,
                                   line.student_number, line.student_name)))
    return wanted in fold(words)


def cmd_history(args) -> int:
    from desk.clock import format_local, local_to_utc
    from desk.history import change_set_rows, history, record_kinds
    from desk.institution import institution_settings
    from desk.students import student_by_number
    from desk.text import fold

    limit = args.limit or 50
    db = open_database_for(args)
    actor = acting_staff(args, db)
    zone = institution_settings(db).time_zone
    if args.since and args.until and args.until < args.since:
        raise CommandError("The end date is before the start date.")
    entities = None
    if args.kind:
        kinds = {kind.key: kind.entities for kind in record_kinds()}
        entities = kinds[args.kind]
    student_id = student_by_number(db, args.student) if args.student else None
    since = local_to_utc(datetime.combine(args.since, time(0)), zone) if args.since else None
    until = local_to_utc(datetime.combine(args.until + timedelta(days=1), time(0)), zone) if args.until else None
    wanted = fold(args.text) if args.text and args.text.strip() else None

    if args.change_set is not None:
        if args.staff or args.kind or args.action or args.since or args.until or args.personal_data:
            raise CommandError("--change-set lists one change set's rows: with --student, --text and --limit only.")

        def page(size: int, after_id: int | None):  # the rows in the order they were recorded
            return change_set_rows(UnitOfWork(db, actor), args.change_set, student_id=student_id, after_id=after_id,
                                   limit=size, zone=zone)
    else:
        def page(size: int, before_id: int | None):
            return history(UnitOfWork(db, actor), staff_login=args.staff, student_id=student_id, entity=entities,
                           action_prefix=args.action or None, since=since, until=until,
                           personal_data_only=args.personal_data, limit=size,
                           before_id=before_id, zone=zone)

    if wanted is None:
        lines = page(limit, None)
    else:  # the text is looked for in the words of each entry: read page after page until enough match
        lines, cursor = [], None
        while len(lines) < limit:
            read = page(PAGE, cursor)
            lines += [line for line in read if _matches(line, wanted)]
            if len(read) < PAGE:
                break
            cursor = read[-1].id
        lines = lines[:limit]
    if args.json:
        print(json.dumps([
            {"id": h.id, "at": h.at.isoformat(), "who": h.who, "staff": h.staff_login, "action": h.action,
             "description": h.description, "record": h.record, "entity": h.entity, "entity_id": h.entity_id,
             "student": h.student_number, "change": h.change, "reason": h.reason, "personal_data": h.personal_data,
             "change_set_id": h.change_set_id, "rows": h.rows}
            for h in lines
        ], ensure_ascii=False, indent=2))
        return 0
    for h in lines:
        print(f"#{h.id:<8} {format_local(h.at, zone)}  {h.who}: {h.description}")
        if h.is_change_set:
            print(f"           change set of {h.rows:,} rows (desk history --change-set {h.id})")
        details = "  ".join(filter(None, (h.record, h.change, f"because: {h.reason}" if h.reason else "")))
        if details:
            print(f"           {details}")
    what = f"rows of change set #{args.change_set}" if args.change_set is not None else "entries"
    print(f"{len(lines)} {what}" + (" (more with a larger --limit)" if len(lines) == limit else "") + ".")
    return 0


def register(commands) -> None:
    from desk.history import record_kinds

    parser = commands.add_parser("history", help="who did what, when and why: the audit trail, newest first")
    parser.add_argument("--student", help="one student's history (student number)")
    parser.add_argument("--staff", metavar="LOGIN", help="what one staff member did (administrators)")
    parser.add_argument("--kind", choices=[kind.key for kind in record_kinds()], help="one kind of record")
    parser.add_argument("--action", metavar="CODE", action="append",
                        help="only this kind of change, by its code or its start (class_group.limit, enrollment.); "
                             "repeat for more")
    parser.add_argument("--from", dest="since", type=iso_date, metavar="YYYY-MM-DD", help="from this day on")
    parser.add_argument("--to", dest="until", type=iso_date, metavar="YYYY-MM-DD", help="up to this day, inclusive")
    parser.add_argument("--text", help="only entries whose words hold this text (any case, any accents)")
    parser.add_argument("--change-set", type=int, metavar="ID",
                        help="the rows of one change set (an import, a copy of a term), in the order they were recorded")
    parser.add_argument("--personal-data", action="store_true", help="only personal-data access (PESEL shown, lists exported)")
    parser.add_argument("--limit", type=bounds.LIST_LIMIT.argument(), help="at most this many entries (default 50)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=cmd_history)
