"""The next-term copy at the terminal: ``desk terms copy --from 2026Z --to 2027Z`` (or ``desk next-term``)."""

from __future__ import annotations

import argparse
import json

from desk.cli.common import CommandError, acting_staff, open_database_for
from desk.unit_of_work import UnitOfWork

KIND_WORDS = {
    "registration": "registrations",
    "round": "rounds",
    "access_rule": "access rules",
    "offered_course": "offered courses",
    "class_group": "class groups",
    "token_allocation_rule": "token allocation rules",
}


def _items(plan) -> list[dict]:
    """Every item of the plan as plain data: kind, status, what it is and its details."""
    from desk.clock import format_local

    items: list[dict] = []
    for r in plan.registrations:
        items.append({"kind": "registration", "status": r.status.value, "item": r.code, "from": r.source_code,
                      "name": r.name, "unit": r.unit_code, "registration_kind": r.kind.value,
                      "token_type": r.token_type_code, "selection_limit": r.selection_limit,
                      "entitled_only": r.entitled_only, "problem": r.problem})
        for item in r.rounds:
            items.append({"kind": "round", "status": item.status.value, "item": f"{r.code}: {item.name}",
                          "starts": format_local(item.starts_at), "ends": format_local(item.ends_at),
                          "state": item.state.value, "unregister_allowed": item.unregister_allowed,
                          "problem": item.problem})
        for rule in r.rules:
            items.append({"kind": "access_rule", "status": rule.status.value, "item": r.code,
                          "programme": rule.programme_code, "level": rule.level.value if rule.level else None,
                          "mode": rule.mode.value if rule.mode else None, "stage": rule.stage})
        for course in r.courses:
            items.append({"kind": "offered_course", "status": course.status.value, "item": f"{r.code}: {course.course_code}"})
    for g in plan.groups:
        items.append({"kind": "class_group", "status": g.status.value,
                      "item": f"{plan.target_code}/{g.course_code}/{g.class_type.value}/{g.number}",
                      "seat_limit": g.seat_limit, "lower_limit": g.lower_limit, "teachers": list(g.teachers),
                      "slots": [f"{s.weekday} {s.starts_at:%H:%M}-{s.ends_at:%H:%M} {s.room or ''}".rstrip() for s in g.slots],
                      "description": g.description})
    for t in plan.token_rules:
        items.append({"kind": "token_allocation_rule", "status": t.status.value, "item": t.token_type_code,
                      "level": t.level.value if t.level else None, "mode": t.mode.value if t.mode else None,
                      "amount": t.amount, "note": "kept, nothing to copy"})
    return items


def _line(item: dict) -> str:
    details = []
    if item["kind"] == "round":
        details.append(f"{item['starts']} - {item['ends']}, {item['state']}")
    elif item["kind"] == "class_group":
        details.append(f"limit {item['seat_limit']}, lower {item['lower_limit']}")
        if item["teachers"]:
            details.append(", ".join(item["teachers"]))
        details.extend(item["slots"])
        if item["description"]:
            details.append(item["description"])
    elif item["kind"] == "registration":
        details.append(f"from {item['from']}, {item['unit']}")
    elif item["kind"] == "access_rule":
        details.append(" ".join(str(item[k]) for k in ("programme", "level", "mode", "stage") if item[k] is not None) or "everyone")
    elif item["kind"] == "token_allocation_rule":
        details.append(f"{item['amount']} ({item['note']})")
    text = f"  {item['status']:<7} {item['kind']:<22} {item['item']}"
    if details:
        text += "  [" + "; ".join(details) + "]"
    if item.get("problem"):
        text += f"  PROBLEM: {item['problem']}"
    return text


def cmd_copy(args) -> int:
    from desk import next_term

    if args.apply and not (args.reason or "").strip():
        raise CommandError("Say why the term is copied: --reason \"...\".")
    if (args.reason or "").strip() and not args.apply:
        raise CommandError("A reason goes with --apply.")
    db = open_database_for(args)
    actor = acting_staff(args, db)
    uow = UnitOfWork(db, actor)
    source_id = next_term.term_id_by_code(uow, args.source)
    target_id = next_term.term_id_by_code(uow, args.target)
    plan = next_term.plan_next_term(uow, source_id, target_id)
    counts = {kind.value: {status.value: n for status, n in by_status.items() if n}
              for kind, by_status in plan.counts().items()}
    result = None
    if args.apply:
        result = next_term.apply_next_term(UnitOfWork(db, actor), plan, args.reason)
    if args.json:
        print(json.dumps({
            "source": plan.source_code, "target": plan.target_code, "shift_days": plan.shift_days, "counts": counts,
            "problems": list(plan.problems), "items": _items(plan),
            "applied": None if result is None else {"change_set_id": result.change_set_id, "created": dict(result.created)},
        }, ensure_ascii=False, indent=2))
        return 0
    print(f"{plan.source_code} -> {plan.target_code}: dates moved by {plan.shift_days} days.")
    for kind, by_status in counts.items():
        shown = ", ".join(f"{n} {status}" for status, n in by_status.items()) or "none"
        print(f"  {KIND_WORDS[kind]}: {shown}")
    if not args.summary:
        for item in _items(plan):
            print(_line(item))
    for problem in plan.problems:
        print(f"Problem: {problem}")
    if result is None:
        print("Preview only: nothing was written. Apply it with --apply --reason \"...\".")
    elif result.change_set_id is None:
        print("Nothing new to copy: everything is in the target term already.")
    else:
        print(f"Copied: {result.total} records in change set #{result.change_set_id}.")
    return 0


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="source", required=True, help="the term to copy, e.g. 2026Z")
    parser.add_argument("--to", dest="target", required=True, help="the term to copy into, e.g. 2027Z")
    parser.add_argument("--apply", action="store_true", help="create what is new (without it: a preview)")
    parser.add_argument("--reason", help="why (required with --apply)")
    parser.add_argument("--summary", action="store_true", help="counts only, without the list of items")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=cmd_copy)


def register(commands) -> None:
    """``desk next-term``; also ``desk terms copy`` when the ``terms`` commands are registered before it."""
    terms = commands.choices.get("terms")
    if terms is not None:
        for action in terms._actions:
            if isinstance(action, argparse._SubParsersAction) and "copy" not in action.choices:
                _add_arguments(action.add_parser(
                    "copy", help="copy a term's registrations, rounds, rules and class groups to the next term"))
    _add_arguments(commands.add_parser(
        "next-term", help="copy a term's registrations, rounds, rules and class groups to the next term"))
