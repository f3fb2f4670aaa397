"""The ``payments`` commands: payments due, and cancelling one."""

from __future__ import annotations

import json

from desk import bounds
from desk.cli.common import acting_staff, open_database_for
from desk.unit_of_work import UnitOfWork


def cmd_payments_list(args) -> int:
    from desk.model import PaymentStatus
    from desk.payments import list_payments

    db = open_database_for(args)
    actor = acting_staff(args, db)
    status = PaymentStatus(args.status) if args.status else None
    lines = list_payments(UnitOfWork(db, actor), status=status, limit=args.limit)
    if args.json:
        print(json.dumps([{"id": p.id, "student": p.student_number, "amount": str(p.amount), "status": p.status.value,
                           "due_on": p.due_on.isoformat() if p.due_on else None, "course": p.course_code, "term": p.term_code}
                          for p in lines], ensure_ascii=False, indent=2))
        return 0
    for p in lines:
        print(f"#{p.id:<7} {p.student_number:>8}  {p.student_name:<30.30} {p.amount:>8} PLN  {p.status.value:<9} "
              f"{p.due_on.isoformat() if p.due_on else '':<10}  {p.course_code or ''} {p.term_code or ''}")
    print(f"{len(lines)} payments.")
    return 0


def cmd_payments_cancel(args) -> int:
    from desk.payments import cancel_payment

    db = open_database_for(args)
    actor = acting_staff(args, db)
    cancel_payment(UnitOfWork(db, actor), args.payment, reason=args.reason)
    print("Payment cancelled.")
    return 0


def register(commands) -> None:
    payments_parser = commands.add_parser("payments", help="payments due")
    payment_commands = payments_parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    payments_list = payment_commands.add_parser("list", help="payments, newest first")
    payments_list.add_argument("--status", choices=["due", "paid", "cancelled"], help="only this status")
    payments_list.add_argument("--limit", type=bounds.LIST_LIMIT.argument(), default=200, help="at most this many (default 200)")
    payments_list.add_argument("--json", action="store_true", help="print JSON")
    payments_list.set_defaults(func=cmd_payments_list)
    payments_cancel = payment_commands.add_parser("cancel", help="cancel a due payment")
    payments_cancel.add_argument("payment", type=bounds.RECORD_ID.argument(), help="payment number (#)")
    payments_cancel.add_argument("--reason", required=True, help="why")
    payments_cancel.set_defaults(func=cmd_payments_cancel)
