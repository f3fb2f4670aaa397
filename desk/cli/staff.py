"""The ``staff`` commands: staff accounts, their roles, units and passwords."""

from __future__ import annotations

import getpass
import json
import os
import sys

from desk.cli.common import CommandError, acting_staff, open_database_for, unit_id_by_code
from desk.unit_of_work import UnitOfWork


NEW_PASSWORD_ENV = "DESK_NEW_PASSWORD"


def _new_password(login: str) -> str:
    """The password an administrator sets for someone: from DESK_NEW_PASSWORD, or typed twice."""
    value = os.environ.get(NEW_PASSWORD_ENV)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CommandError(f"No new password: set {NEW_PASSWORD_ENV} or run in a terminal.")
    password = getpass.getpass(f"New password for {login}: ")
    if getpass.getpass("Repeat the new password: ") != password:
        raise CommandError("The passwords differ.")
    return password


def _unit_ids(db, codes) -> list[int]:
    return [unit_id_by_code(db, code) for code in codes or ()]


def _staff_line_text(line) -> str:
    from desk.clock import format_local
    from desk.staff import role_label

    state = "active" if line.active else "disabled"
    if line.locked_until is not None:
        state += f", paused until {format_local(line.locked_until)}"
    units = ",".join(line.unit_codes) or "-"
    last = format_local(line.last_sign_in_at) or "never"
    return f"  {line.login:<16} {line.full_name:<28} {role_label(line.role):<24} {units:<12} {state:<10} last sign-in {last}"


def cmd_staff_list(args) -> int:
    from desk import staff

    db = open_database_for(args)
    actor = acting_staff(args, db)
    lines = staff.list_staff(UnitOfWork(db, actor))
    if args.json:
        print(json.dumps({"staff": [
            {"login": s.login, "full_name": s.full_name, "role": s.role.value, "units": list(s.unit_codes),
             "active": s.active, "locked_until": s.locked_until.isoformat() if s.locked_until else None,
             "last_sign_in_at": s.last_sign_in_at.isoformat() if s.last_sign_in_at else None}
            for s in lines]}, indent=2, ensure_ascii=False))
        return 0
    for line in lines:
        print(_staff_line_text(line))
    return 0


def cmd_staff_add(args) -> int:
    from desk import staff

    db = open_database_for(args)
    actor = acting_staff(args, db)
    unit_ids = _unit_ids(db, args.unit)
    line = staff.add_staff(UnitOfWork(db, actor), args.login, args.name, args.role, unit_ids, _new_password(args.login),
                           reason=args.reason)
    print("Added:\n" + _staff_line_text(line))
    return 0


def cmd_staff_disable(args) -> int:
    from desk import staff

    db = open_database_for(args)
    actor = acting_staff(args, db)
    change = staff.disable_staff if args.staff_command == "disable" else staff.enable_staff
    print(_staff_line_text(change(UnitOfWork(db, actor), args.login, reason=args.reason)))
    return 0


def cmd_staff_role(args) -> int:
    from desk import staff

    db = open_database_for(args)
    actor = acting_staff(args, db)
    print(_staff_line_text(staff.change_role(UnitOfWork(db, actor), args.login, args.role, _unit_ids(db, args.unit),
                                             reason=args.reason)))
    return 0


def cmd_staff_reset_password(args) -> int:
    from desk import staff

    db = open_database_for(args)
    actor = acting_staff(args, db)
    line = staff.reset_password(UnitOfWork(db, actor), args.login, _new_password(args.login), reason=args.reason)
    print(f"Password of {line.login} reset; any pause after failed sign-ins has ended.")
    return 0


def register(commands) -> None:
    staff_parser = commands.add_parser("staff", help="staff accounts: list, add, disable, enable, role, reset-password")
    staff_commands = staff_parser.add_subparsers(title="commands", metavar="COMMAND", required=True, dest="staff_command")
    roles = ["clerk", "service_center", "administrator"]
    staff_list = staff_commands.add_parser("list", help="every staff account with its role, units and state")
    staff_list.add_argument("--json", action="store_true", help="the list as JSON")
    staff_list.set_defaults(func=cmd_staff_list)
    staff_add = staff_commands.add_parser("add", help=f"a new staff account (the password from ${NEW_PASSWORD_ENV} or a prompt)")
    staff_add.add_argument("login")
    staff_add.add_argument("--name", required=True, help="full name")
    staff_add.add_argument("--role", required=True, choices=roles)
    staff_add.add_argument("--unit", action="append", metavar="CODE", help="a unit a clerk acts for (repeat for more)")
    staff_add.add_argument("--reason", required=True, help="why")
    staff_add.set_defaults(func=cmd_staff_add)
    for name, help_text in (("disable", "the account can no longer sign in"), ("enable", "the account may sign in again")):
        sub = staff_commands.add_parser(name, help=help_text)
        sub.add_argument("login")
        sub.add_argument("--reason", required=True, help="why")
        sub.set_defaults(func=cmd_staff_disable)
    staff_role = staff_commands.add_parser("role", help="give an account another role or other units")
    staff_role.add_argument("login")
    staff_role.add_argument("role", choices=roles)
    staff_role.add_argument("--unit", action="append", metavar="CODE", help="a unit a clerk acts for (repeat for more)")
    staff_role.add_argument("--reason", required=True, help="why")
    staff_role.set_defaults(func=cmd_staff_role)
    staff_reset = staff_commands.add_parser(
        "reset-password", help=f"set a new password (from ${NEW_PASSWORD_ENV} or a prompt) and end a sign-in pause")
    staff_reset.add_argument("login")
    staff_reset.add_argument("--reason", required=True, help="why")
    staff_reset.set_defaults(func=cmd_staff_reset_password)
