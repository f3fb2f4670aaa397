"""The ``registrations`` commands: the registration calendar with its rounds and their state."""

from __future__ import annotations

import json

from desk.cli.common import acting_staff, open_database_for, term_id_by_code
from desk.unit_of_work import UnitOfWork


def cmd_registrations_list(args) -> int:
    from desk.clock import format_local
    from desk.registrations import list_registrations

    db = open_database_for(args)
    actor = acting_staff(args, db)
    term_id = term_id_by_code(db, args.term.strip().upper()) if args.term else None
    lines = list_registrations(UnitOfWork(db, actor), term_id=term_id)
    if args.json:
        print(json.dumps([
            {"id": r.id, "code": r.code, "name": r.name, "unit": r.unit_code, "term": r.term_code, "kind": r.kind.value,
             "token_type": r.token_type_code, "selection_limit": r.selection_limit, "entitled_only": r.entitled_only,
             "courses": r.course_count, "state": r.state.value if r.state else None,
             "rounds": [{"id": t.id, "name": t.name, "starts_at": t.starts_at.isoformat(), "ends_at": t.ends_at.isoformat(),
                         "state": t.state.value, "unregister_allowed": t.unregister_allowed} for t in r.rounds]}
            for r in lines
        ], ensure_ascii=False, indent=2))
        return 0
    for r in lines:
        kind = r.kind.value + (f" ({r.token_type_code})" if r.token_type_code else "")
        state = r.state.value if r.state else "no rounds"
        print(f"{r.code:<24} {r.term_code:<6} {r.unit_code:<8} {kind:<10} {state:<10} {r.name}")
        for t in r.rounds:
            print(f"    {t.name}: {format_local(t.starts_at)} \u2013 {format_local(t.ends_at)}  {t.state.value}"
                  f"{'' if t.unregister_allowed else ', no unregistering'}")
    print(f"{len(lines)} registrations.")
    return 0


def cmd_registrations_readiness(args) -> int:
    from desk import readiness
    from desk.registrations import registration_by_code

    db = open_database_for(args)
    actor = acting_staff(args, db)
    registration_id = registration_by_code(db, args.code)
    found = readiness.sweep(UnitOfWork(db, actor), registration_id)
    if args.fix:
        fix = readiness.Fix(args.fix)
        blocked = next((b for b in found.blocked if b.fix is fix), None)
        if blocked is None:
            print(f"No student waits for that fix ({fix.value}).")
            return 0
        done = readiness.apply_fix(UnitOfWork(db, actor), registration_id, fix, list(blocked.student_ids),
                                   reason=args.reason or "", amount=args.amount)
        print(f"{fix.value}: {done} done for {blocked.count} students.")
        found = readiness.sweep(UnitOfWork(db, actor), registration_id)
    if args.json:
        print(json.dumps({
            "registration": found.registration_code, "meant_for": found.meant_for, "ready": len(found.ready),
            "blocked": [{"condition": b.condition.value, "label": b.label, "count": b.count,
                         "fix": b.fix.value if b.fix else None, "advice": b.advice, "student_ids": list(b.student_ids)}
                        for b in found.blocked],
        }, ensure_ascii=False, indent=2))
        return 0
    print(f"{found.registration_code}: meant for {found.meant_for} students, {len(found.ready)} ready.")
    for b in found.blocked:
        fix = f"  [--fix {b.fix.value}]" if b.fix else ""
        print(f"  {b.count:>7}  {b.label}: {b.advice}{fix}")
    return 0


def register(commands) -> None:
    parser = commands.add_parser("registrations", help="the registration calendar: registrations and their rounds")
    registration_commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    listing = registration_commands.add_parser("list", help="registrations by term and code, with their rounds and state")
    listing.add_argument("--term", help="only this term's, e.g. 2026Z")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=cmd_registrations_list)

    ready = registration_commands.add_parser(
        "readiness", help="before a round opens: the students it is meant for, grouped by what would stop them first")
    ready.add_argument("code", help="the registration's code")
    ready.add_argument("--fix", choices=["grant", "send", "allocate"], help="apply this fix to its whole group first")
    ready.add_argument("--reason", help="why (for grant and allocate)")
    ready.add_argument("--amount", type=int, default=1, help="tokens each, for allocate (default 1)")
    ready.add_argument("--json", action="store_true", help="print JSON")
    ready.set_defaults(func=cmd_registrations_readiness)
    register_rounds(registration_commands)


def _round_of(db, registration_id: int, name: str) -> int:
    """A round of the registration by its name (any case)."""
    from sqlalchemy import func, select

    from desk.cli.common import CommandError
    from desk.model import Round

    with db.read() as session:
        found = session.scalars(select(Round.id).where(Round.registration_id == registration_id,
                                                       func.lower(Round.name) == name.strip().lower())).all()
    if len(found) != 1:
        raise CommandError(f"No round named {name!r} in that registration.")
    return found[0]


def cmd_registrations_audience(args) -> int:
    from desk import round_audiences
    from desk.cli.common import CommandError
    from desk.cli.groups import audience_of
    from desk.registrations import registration_by_code

    db = open_database_for(args)
    actor = acting_staff(args, db)
    registration_id = registration_by_code(db, args.code)
    round_id = _round_of(db, registration_id, args.round)
    if args.everyone:
        draft = None
    else:
        rule, student_ids = audience_of(db, args)
        if rule is None and student_ids is None:
            raise CommandError("Say whom the round is for: --programme/--level/--mode/--stage, --students FILE, "
                               "or --everyone.")
        draft = round_audiences.AudienceDraft(**(rule or {}), student_ids=student_ids)
    round_audiences.set_audience(UnitOfWork(db, actor), round_id, draft, reason=args.reason)
    print("The round is for everyone the registration admits." if draft is None else "The round's audience is set.")
    return 0


def cmd_registrations_turns(args) -> int:
    from desk import round_audiences
    from desk.cli.common import CommandError
    from desk.clock import format_local
    from desk.input_files import read_text_list
    from desk.registrations import registration_by_code

    if sum(bool(x) for x in (args.ranking, args.cohorts, args.clear)) != 1:
        raise CommandError("Say how the turns are made: --ranking FILE --turns N, --cohorts 3,2,1, or --clear.")
    text = read_text_list(args.ranking) if args.ranking else None
    db = open_database_for(args)
    actor = acting_staff(args, db)
    registration_id = registration_by_code(db, args.code)
    round_id = _round_of(db, registration_id, args.round)
    if args.clear:
        round_audiences.clear_turns(UnitOfWork(db, actor), round_id, reason=args.reason)
        print("The round opens for everyone at its start.")
        return 0
    if text is not None:
        done = round_audiences.turns_by_ranking(UnitOfWork(db, actor), round_id, text, turns=args.turns,
                                                minutes=args.minutes, reason=args.reason)
    else:
        try:
            stages = [int(part) for part in args.cohorts.replace(";", ",").split(",") if part.strip()]
        except ValueError:
            raise CommandError("Give the stages as numbers, e.g. --cohorts 3,2,1.") from None
        done = round_audiences.turns_by_cohort(UnitOfWork(db, actor), round_id, stages, minutes=args.minutes,
                                               reason=args.reason)
    for turn in done.turns:
        print(f"  turn {turn.number:>2}  {format_local(turn.starts_at)}  {turn.students:>6} students")
    if done.unknown:
        print(f"Not at the desk ({len(done.unknown)}): {', '.join(done.unknown[:20])}")
    if done.unreadable:
        print(f"Lines without a student number and a score ({len(done.unreadable)}): "
              f"{', '.join(str(n) for n in done.unreadable[:20])}")
    if done.duplicates:
        print(f"Named twice, the first line counts ({len(done.duplicates)}): {', '.join(done.duplicates[:20])}")
    return 0


def register_rounds(registration_commands) -> None:
    from desk.cli.groups import audience_arguments

    audience = registration_commands.add_parser(
        "audience", help="mean a round for chosen students (a programme, level, mode, stage, or a list), or everyone")
    audience.add_argument("code", help="the registration's code")
    audience.add_argument("round", help="the round's name")
    audience_arguments(audience)
    audience.add_argument("--everyone", action="store_true", help="for everyone the registration admits again")
    audience.add_argument("--reason", required=True, help="why")
    audience.set_defaults(func=cmd_registrations_audience)
    turns = registration_commands.add_parser(
        "turns", help="open a round in turns: by a ranking file (number;score a line) or by stage")
    turns.add_argument("code", help="the registration's code")
    turns.add_argument("round", help="the round's name")
    turns.add_argument("--ranking", help="a file with a student number and a score on each line, the best first")
    turns.add_argument("--turns", type=int, default=5, help="how many turns of equal size (with --ranking; default 5)")
    turns.add_argument("--cohorts", help="the stages in the order of their turns, e.g. 3,2,1")
    turns.add_argument("--minutes", type=int, default=30, help="minutes between two turns (default 30)")
    turns.add_argument("--clear", action="store_true", help="open the round for everyone at its start again")
    turns.add_argument("--reason", required=True, help="why")
    turns.set_defaults(func=cmd_registrations_turns)
