"""The ``backup`` commands: a backup now, the list of backups, restoring one."""

from __future__ import annotations

import sys
from pathlib import Path

from desk.cli.common import CommandError, open_database_for, require_administrator
from desk.unit_of_work import UnitOfWork


def cmd_backup(args) -> int:
    from desk import backup
    from desk.db import resolve_url
    from desk.institution import institution_settings

    backup.sqlite_path(resolve_url(args.db))  # on a server: which pg_dump command, before any sign-in
    db = open_database_for(args)
    actor = require_administrator(args, db)
    path = backup.backup_now(UnitOfWork(db, actor), folder=args.folder, keep=args.keep, zone=institution_settings(db).time_zone)
    print(f"Backup: {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


def cmd_backup_list(args) -> int:
    from desk import backup
    from desk.db import resolve_url

    path = backup.sqlite_path(resolve_url(args.db))
    require_administrator(args, open_database_for(args))
    folder = Path(args.folder) if args.folder else backup.backup_folder(path)
    found = backup.list_backups(path, folder=folder)
    if not found:
        print(f"No backups in {folder}.")
    for item in found:
        print(f"  {item.taken_at:%Y-%m-%d %H:%M:%S}  {item.size / 1e6:8.1f} MB  {item.path}")
    return 0


def cmd_backup_restore(args) -> int:
    """Restore a backup: it is checked and named (institution, desk) first; whoever restores signs in against
    the database it replaces, never against the backup's own accounts. A database desk cannot open is not
    replaced: it is moved aside by hand (and kept), and the backup's administrator, named with --as,
    restores into the empty place."""
    from desk import backup
    from desk.db import resolve_url
    from desk.errors import DatabaseOpenError

    target = backup.sqlite_path(resolve_url(args.db))
    backup.verify_backup(args.file)
    incoming = backup.backup_identity(args.file)
    print(f"The backup {args.file}: {incoming.describe()}.")
    if target.exists():
        try:
            db = open_database_for(args)
        except DatabaseOpenError as error:
            raise CommandError(
                f"{error} desk does not replace a database it cannot open on the word of the backup's own staff "
                f"accounts: move it aside (keep it), then restore into the empty place as an administrator of the "
                f"backup (--as)."
            ) from None
        try:
            actor = require_administrator(args, db)
            current = backup.database_identity(db)
        finally:
            db.dispose()
        print(f"The database {target}: {current.describe()}.")
        if incoming.differs_from(current) and not args.other_desk:
            question = "The backup is of another institution or another desk. Replace this database by it?"
            if not sys.stdin.isatty():
                raise CommandError(f"{question} Restore it all the same with --other-desk.")
            if input(f"{question} [y/N] ").strip().lower() not in ("y", "yes", "t", "tak"):
                print("Nothing restored.")
                return 1
    else:
        # Nothing is replaced: the backup's own administrator restores, named explicitly (no demo shortcut).
        if not args.as_login:
            raise CommandError("There is no database to replace: say who restores, --as LOGIN, an administrator of the backup.")
        actor = backup.sign_in_copy(args.file, lambda copy: require_administrator(args, copy))
    if not args.yes:
        if not sys.stdin.isatty():
            raise CommandError("Restoring replaces the database: confirm with --yes.")
        if input(f"Replace {target} with {args.file}? [y/N] ").strip().lower() not in ("y", "yes", "t", "tak"):
            print("Nothing restored.")
            return 1
    result = backup.restore(args.file, target, actor=actor, folder=args.folder)
    upgraded = f", upgraded from {result.upgraded_from}" if result.upgraded_from else ""
    print(f"Restored {result.target} from {result.restored_from} (schema {result.schema_version}{upgraded}).")
    if result.safety_copy:
        print(f"The database as it was before the restore: {result.safety_copy}")
    if result.full_publication_owed:
        print("The next sync publishes everything to the portal (a full sync), whichever kind is run.")
    else:
        print("The portal could not be reached: run `desk sync --full` to publish the restored data whole.")
    return 0


def register(commands) -> None:
    backup_parser = commands.add_parser("backup", help="back up the database file now (SQLite); list or restore backups")
    backup_parser.add_argument("--folder", help="where backups go (default: backups/ beside the database file)")
    backup_parser.add_argument("--keep", type=int, default=14, help="keep this many of desk's own backups (default 14)")
    backup_parser.set_defaults(func=cmd_backup)
    backup_commands = backup_parser.add_subparsers(title="commands", metavar="COMMAND")
    backup_list = backup_commands.add_parser("list", help="the backups desk made of the database, oldest first")
    backup_list.add_argument("--folder", help="where backups are (default: backups/ beside the database file)")
    backup_list.set_defaults(func=cmd_backup_list)
    backup_restore = backup_commands.add_parser(
        "restore", help="replace the database by a backup (the backup is checked first, the current file kept)")
    backup_restore.add_argument("file", help="the backup file")
    backup_restore.add_argument("--folder", help="where the copy of the current file goes (default: backups/ beside it)")
    backup_restore.add_argument("--yes", action="store_true", help="restore without asking")
    backup_restore.add_argument("--other-desk", action="store_true",
                                help="restore a backup of another institution or desk (asked otherwise)")
    backup_restore.set_defaults(func=cmd_backup_restore)
