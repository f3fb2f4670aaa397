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
    from desk import backup
    from desk.db import resolve_url
    from desk.errors import DatabaseOpenError

    target = backup.sqlite_path(resolve_url(args.db))
    backup.verify_backup(args.file)
    try:
        db = open_database_for(args)
    except DatabaseOpenError as error:
        # The current file is damaged or missing: the administrator signs in as the backup knows them.
        print(f"desk: {error} Signing in with the backup's staff accounts.", file=sys.stderr)
        actor = backup.sign_in_copy(args.file, lambda copy: require_administrator(args, copy))
    else:
        try:
            actor = require_administrator(args, db)
        finally:
            db.dispose()
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
    print("The portal may still show what was done after the backup: run `desk sync --full` to publish it whole.")
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
    backup_restore.set_defaults(func=cmd_backup_restore)
