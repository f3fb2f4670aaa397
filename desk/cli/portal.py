"""The ``portal`` commands: where the portal database is; students acting on it (demo)."""

from __future__ import annotations

from desk.cli.common import CommandError, acting_staff, open_database_for


def cmd_portal_simulate(args) -> int:
    from desk.portal import simulator
    from desk.portal.database import open_portal_for
    from desk.registrations import registration_by_code

    db = open_database_for(args)
    acting_staff(args, db)
    registration_id = registration_by_code(db, args.registration)
    portal = open_portal_for(db)
    try:
        if args.kind == "rush":
            result = simulator.first_come_rush(portal, registration_id, students=args.students, workers=args.workers,
                                               seed=args.seed)
            print(f"{result.students:,} students raced; {result.actions:,} registrations submitted on the portal "
                  f"({result.seats_taken_on_portal:,} places taken there). Run `desk sync` to apply them.")
        else:
            result = simulator.token_requests(portal, registration_id, students=args.students, seed=args.seed)
            print(f"{result.actions:,} token requests put in the basket. Run `desk sync` to read them.")
    finally:
        portal.dispose()
    return 0


def cmd_portal_where(args) -> int:
    from desk.db import describe_url
    from desk.portal.database import move_portal, portal_url_of
    from desk.unit_of_work import UnitOfWork

    db = open_database_for(args)
    if args.url is not None:
        if args.reason is None:
            raise CommandError("Moving the portal needs --reason (it is kept with the change).")
        actor = acting_staff(args, db)
        url = move_portal(UnitOfWork(db, actor), args.url, reason=args.reason)
        print(f"The portal database is now {describe_url(url)}. Run `desk sync --full` to publish everything there.")
        return 0
    print(describe_url(portal_url_of(db)))
    return 0


def register(commands) -> None:
    portal_parser = commands.add_parser("portal", help="the portal database: where it is; students acting on it (demo)")
    portal_commands = portal_parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    where = portal_commands.add_parser("where", help="the portal database in use; set another with --url")
    where.add_argument("--url", help="move it (administrators): a file path or postgresql:// address without "
                                     "password ('' for the default beside the desk); checked before it is saved")
    where.add_argument("--reason", help="why it moves (kept in the history); needed with --url")
    where.set_defaults(func=cmd_portal_where)
    simulate = portal_commands.add_parser("simulate", help="play students on the portal: a first-come rush or token requests")
    simulate.add_argument("kind", choices=["rush", "tokens"])
    simulate.add_argument("registration", help="registration code")
    simulate.add_argument("--students", type=int, default=3000)
    simulate.add_argument("--workers", type=int, default=16)
    simulate.add_argument("--seed", type=int, default=1)
    simulate.set_defaults(func=cmd_portal_simulate)
