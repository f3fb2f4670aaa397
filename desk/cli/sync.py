"""The ``sync`` commands: a run now or as scheduled, its status, the schedule, conflicts."""

from __future__ import annotations

import json
import sys

from desk import bounds
from desk.cli.common import CommandError, acting_staff, open_database_for
from desk.i18n import counted
from desk.unit_of_work import SystemJob, UnitOfWork


def _sync_line(report) -> str:
    line = (f"{report.kind.value} sync #{report.run_id}: {report.result.value}; {counted(report.sent, 'change', 'changes')} sent, "
            f"{counted(report.received, 'student action', 'student actions')} read, "
            f"{counted(report.conflicts, 'conflict', 'conflicts')}")
    if report.repaired:
        line += f"; {counted(report.repaired_rows, 'portal row', 'portal rows')} repaired"
    return line + f" ({report.seconds:.1f} s)"


def cmd_sync(args) -> int:
    from desk import sync
    from desk.model import SyncKind, SyncTrigger
    from desk.students import student_by_number

    db = open_database_for(args)
    last = {"text": None, "tenth": -1}

    def progress(done: int, total: int, text: str) -> None:
        tenth = done * 10 // max(total, 1)
        if text != last["text"] or tenth != last["tenth"]:
            print(f"  {text}: {done:,}/{total:,}", file=sys.stderr)
            last.update(text=text, tenth=tenth)

    if args.scheduled:
        # The system timer's job: run what the schedule says is due, as the institution itself.
        from desk.institution import institution_settings

        report = sync.run_due(UnitOfWork(db, SystemJob.SCHEDULE), zone=institution_settings(db).time_zone, progress=progress)
        print(_sync_line(report) if report else "No scheduled sync is due.")
        return 0 if report is None or report.result.value == "succeeded" else 1
    if args.student is not None and not args.student.strip():
        raise CommandError("--student needs a student number (a whole sync is `desk sync`).")
    actor = acting_staff(args, db)
    kind = SyncKind.FULL if args.full else SyncKind.STUDENT if args.student else SyncKind.INCREMENTAL
    student_id = student_by_number(db, args.student.strip()) if args.student else None
    report = sync.run_sync(UnitOfWork(db, actor), kind, student_id=student_id, progress=progress)
    if args.json:
        print(json.dumps({"run_id": report.run_id, "kind": report.kind.value, "result": report.result.value,
                          "sent": report.sent, "received": report.received, "conflicts": report.conflicts,
                          "repaired": [r.__dict__ for r in report.repaired], "seconds": report.seconds}, indent=2))
    else:
        print(_sync_line(report))
        for r in report.repaired:
            if r.added or r.changed or r.removed:
                print(f"  {r.table}: {r.added:,} added, {r.changed:,} changed, {r.removed:,} removed")
    return 0


def cmd_sync_status(args) -> int:
    from desk import sync
    from desk.clock import format_local
    from desk.portal.database import portal_url_of
    from desk.db import describe_url

    db = open_database_for(args)
    acting_staff(args, db)
    print(f"Portal database: {describe_url(portal_url_of(db))}")
    print("Schedule: " + sync.format_schedule(sync.schedule(db)))
    waiting = sync.waiting(db)
    print(f"Waiting to go out: {sum(w.count for w in waiting):,}" + "".join(
        f"\n  {w.entity}: {w.count:,} (oldest {format_local(w.oldest)})" for w in waiting))
    for run in sync.recent_runs(db, limit=args.limit):
        print(f"  #{run.id} {format_local(run.started_at)} {run.kind.value:<11} {run.trigger.value:<9} {run.state:<11} "
              f"sent {run.sent:,}, read {run.received:,}, conflicts {run.conflicts:,}" + (f" — {run.error}" if run.error else ""))
    return 0


def cmd_sync_schedule(args) -> int:
    from desk import sync

    db = open_database_for(args)
    actor = acting_staff(args, db)
    entries = sync.set_schedule(UnitOfWork(db, actor), args.schedule) if args.schedule else sync.schedule(db)
    print(sync.format_schedule(entries))
    return 0


def cmd_sync_conflicts(args) -> int:
    from desk import sync
    from desk.sync_conflicts import resolve_conflicts
    from desk.clock import format_local

    db = open_database_for(args)
    actor = acting_staff(args, db)
    if args.settle is not None:
        if not args.reason:
            raise CommandError("Say why with --reason.")
        if len(args.settle) == 1:
            sync.resolve_conflict(UnitOfWork(db, actor), args.settle[0], enroll_over_limit=args.over_limit, reason=args.reason)
            print(f"Conflict {args.settle[0]} settled.")
            return 0
        # Several: each asked as one would be, in one change set; those that cannot be settled are named, with why.
        result = resolve_conflicts(UnitOfWork(db, actor), args.settle, enroll_over_limit=args.over_limit, reason=args.reason)
        print(f"{len(result.done):,} of {result.asked:,} conflicts settled.")
        for refused in result.not_done:
            print(f"  {refused.id}: not settled — {refused.why}")
        return 1 if result.not_done else 0
    lines = sync.conflicts(UnitOfWork(db, actor), open_only=not args.all)
    if not lines:
        print("No open conflicts.")
    for c in lines:
        print(f"  {c.id}: {format_local(c.detected_at)} {c.student_number or '?'} {c.student_name or ''} {c.kind} "
              f"{c.group_label or ''} {c.registration_code or ''} — {c.message}" + (f" [{c.resolution}]" if c.resolution else ""))
    return 0


def register(commands) -> None:
    sync_parser = commands.add_parser("sync", help="send what changed to the portal and read students' actions back")
    sync_parser.add_argument("--full", action="store_true", help="compare everything with the portal and repair it")
    sync_parser.add_argument("--student", metavar="NUMBER", help="one student's data, now")
    sync_parser.add_argument("--scheduled", action="store_true",
                             help="run what the schedule says is due (for a system timer, every few minutes)")
    sync_parser.add_argument("--json", action="store_true", help="the result as JSON")
    sync_parser.set_defaults(func=cmd_sync)
    sync_commands = sync_parser.add_subparsers(title="commands", metavar="COMMAND")
    status = sync_commands.add_parser("status", help="the portal database, the schedule, what waits, the last runs")
    status.add_argument("--limit", type=bounds.LIST_LIMIT.argument(), default=10)
    status.set_defaults(func=cmd_sync_status)
    schedule = sync_commands.add_parser("schedule", help="show or set the schedule, e.g. '01:25 full, 06:05 incremental'")
    schedule.add_argument("schedule", nargs="?")
    schedule.set_defaults(func=cmd_sync_schedule)
    conflicts = sync_commands.add_parser("conflicts", help="student actions that did not fit; settle one")
    conflicts.add_argument("--all", action="store_true", help="settled ones too")
    conflicts.add_argument("--settle", type=bounds.RECORD_ID.argument(), nargs="+", metavar="ID",
                           help="settle these conflicts (dismiss, or with --over-limit enroll); several at once share one reason")
    conflicts.add_argument("--over-limit", action="store_true", help="enroll the student over the group's limit")
    conflicts.add_argument("--reason", help="why")
    conflicts.set_defaults(func=cmd_sync_conflicts)
