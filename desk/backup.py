"""Backups of an SQLite database: a copy now, one a day kept for two weeks, and restoring one safely.

Copies are made with SQLite's online backup API, so they are consistent while the application
(or several) has the database open, and restoring writes through the same API into the live
file, so connections that stay open see the restored data instead of a file pulled from under
them. A database on a PostgreSQL server is backed up with the server's tools (pg_dump and
pg_restore); desk says which commands, for that database, instead of doing it half.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import inspect, select
from sqlalchemy.engine import URL

from desk.changes import Action, Description, Shown
from desk.clock import DEFAULT_TIME_ZONE, now_utc, to_local
from desk.db import (
    MIGRATIONS,
    SQLITE_BUSY_TIMEOUT_MS,
    Database,
    describe_url,
    make_engine,
    open_database,
    resolve_url,
    without_password,
)
from desk.errors import DatabaseOpenError, DomainError
from desk.i18n import translate
from desk.model import Setting, StaffUser
from desk.staff import Actor, Permission, require
from desk.unit_of_work import SystemJob, UnitOfWork

KEEP = 14
FOLDER = "backups"
# Tables every desk database has, whatever its schema version.
DESK_TABLES = frozenset({"alembic_version", "persons", "students", "staff_users", "settings", "token_ledger"})


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime  # local wall-clock time of the copy, from its name
    size: int


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    target: Path
    safety_copy: Path | None  # the file as it was before the restore (None: there was none)
    schema_version: str  # the backup's schema version (alembic_version)
    upgraded_from: str | None  # set when the restored schema was older and has been upgraded
    portal_checkpoint_cleared: bool  # the portal's last-batch checkpoint named changes the backup never had
    full_publication_owed: bool = False  # the next sync publishes everything (False: the portal could not be told)


@dataclass(frozen=True)
class DatabaseIdentity:
    """Whose a database is: the institution's name and the desk's identity (the one a portal knows it by)."""

    institution: str
    desk_id: str | None  # None: this desk never published to a portal
    is_demo: bool

    def differs_from(self, other: DatabaseIdentity) -> bool:
        """Another institution, or another desk (a desk that never published is not told apart by its id)."""
        return self.institution != other.institution or (
            self.desk_id is not None and other.desk_id is not None and self.desk_id != other.desk_id)

    def describe(self) -> str:
        name = self.institution or translate("Backup", "(no institution name)")
        words = translate("Backup", "institution “%1”, desk %2").replace("%1", name).replace(
            "%2", self.desk_id[:8] if self.desk_id else translate("Backup", "that never published to a portal"))
        return words + (translate("Backup", " (a demo)") if self.is_demo else "")


# --- which database, and PostgreSQL ---------------------------------------------------------------


def _server_commands(url: URL) -> tuple[str, str]:
    # No password: pg_dump and pg_restore find it as desk does (~/.pgpass, a service file, PGPASSWORD).
    plain = without_password(url).set(drivername="postgresql")
    address = plain.render_as_string(hide_password=False)
    dump = f"{url.database or 'desk'}-{datetime.now().strftime('%Y%m%d')}.dump"
    return (
        f'pg_dump --format=custom --file={dump} "{address}"',
        f'pg_restore --clean --if-exists --no-owner --dbname="{address}" {dump}',
    )


def _refuse_server(url: URL) -> DomainError:
    dump, restore_command = _server_commands(url)
    return DomainError(
        translate(
            "Backup",
            "The database %1 is on a PostgreSQL server: back it up and restore it with the server's own tools, "
            "not with desk. Back up with:\n  %2\nRestore with:\n  %3",
        )
        .replace("%1", describe_url(url))
        .replace("%2", dump)
        .replace("%3", restore_command)
    )


def sqlite_path(url: URL | str) -> Path:
    """The file of an SQLite database; a DomainError naming pg_dump/pg_restore for a server."""
    url = resolve_url(url) if not isinstance(url, URL) else url
    if url.get_backend_name() != "sqlite":
        raise _refuse_server(url)
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        raise DomainError(translate("Backup", "Only a database file can be backed up."))
    return Path(url.database)


def backup_folder(database_file: Path) -> Path:
    """Where backups of a database file go: ``backups/`` beside it (as the copies taken before upgrades)."""
    return database_file.parent / FOLDER


# --- copying ---------------------------------------------------------------------------------------


def _copy(source: Path, target: Path) -> Path:
    """Copy a live database with the online backup API into a new, self-contained file.

    Written under a temporary name and renamed when complete, so a copy cut short (a full disk,
    the program killed) never looks like a backup.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
    try:
        writer = sqlite3.connect(partial)
        try:
            reader.backup(writer)
            # One self-contained file, no -wal beside it: a backup is moved and copied as it is.
            writer.execute("PRAGMA journal_mode = DELETE")
        finally:
            writer.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        reader.close()
    os.replace(partial, target)
    return target


def _stamp_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(\d{{8}})-(\d{{6}})(?:-(\d+))?\.sqlite$")


def list_backups(database_file: Path, *, folder: Path | None = None) -> list[BackupFile]:
    """The backups desk made of a database file (oldest first); copies before upgrades and restores are not among them."""
    folder = folder or backup_folder(database_file)
    pattern = _stamp_pattern(database_file.stem)
    found: list[tuple[tuple[str, str, int], BackupFile]] = []
    if not folder.is_dir():
        return []
    for entry in folder.iterdir():
        match = pattern.match(entry.name)
        if not match or not entry.is_file():
            continue
        day, clock, counter = match.group(1), match.group(2), int(match.group(3) or 1)
        taken = datetime.strptime(day + clock, "%Y%m%d%H%M%S")
        found.append(((day, clock, counter), BackupFile(entry, taken, entry.stat().st_size)))
    return [backup for _key, backup in sorted(found, key=lambda pair: pair[0])]


def _prune(database_file: Path, folder: Path, keep: int) -> list[Path]:
    backups = list_backups(database_file, folder=folder)
    removed = []
    for old in backups[: max(0, len(backups) - keep)]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


class DatabaseAction(Action):
    """What is done to the database as a whole."""

    BACKUP = "database.backup"
    RESTORE = "database.restore"

    def describe(self, shown: Shown) -> Description:
        if self is DatabaseAction.BACKUP:
            return Description(translate("History", "Database backed up"), frozenset({"by", "bytes"}))
        return Description(translate("History", "Database restored from a backup"), frozenset({"by"}))


def _record(uow: UnitOfWork, action: DatabaseAction, by: str, after: dict, before: dict | None = None) -> None:
    # The staff member is named by login as well: after a restore their id may mean someone else, or nobody.
    with uow.write():
        uow.record_change(action, entity="database", entity_id=None, before=before, after={"by": by, **after},
                          portal=False)


def backup_now(
    uow: UnitOfWork,
    *,
    folder: Path | str | None = None,
    keep: int | None = KEEP,
    zone: str = DEFAULT_TIME_ZONE,
) -> Path:
    """Copy the database now into ``backups/`` beside it, named by the local time; keep the newest ``keep``.

    Only desk's own stamped backups are pruned; copies taken before an upgrade or a restore stay.
    A staff member (an administrator) is recorded in the audit trail; a system job is the
    institution's own (the daily backup).
    """
    path = sqlite_path(uow.db.url)
    uow.require(Permission.ADMINISTER)
    if keep is not None and keep < 1:
        raise DomainError(translate("Backup", "Keep at least one backup."))
    target_folder = Path(folder) if folder is not None else backup_folder(path)
    stamp = to_local(uow.now, zone).strftime("%Y%m%d-%H%M%S")
    target = target_folder / f"{path.stem}-{stamp}.sqlite"
    counter = 1
    while target.exists():
        counter += 1
        target = target_folder / f"{path.stem}-{stamp}-{counter}.sqlite"
    try:
        _copy(path, target)
    except (sqlite3.Error, OSError) as error:
        raise DomainError(
            translate("Backup", "The backup of %1 could not be written to %2: %3")
            .replace("%1", str(path)).replace("%2", str(target_folder)).replace("%3", str(error))
        ) from error
    if keep is not None:
        _prune(path, target_folder, keep)
    if uow.staff_id is not None:  # the daily backup, a job of the institution, is not recorded
        _record(uow, DatabaseAction.BACKUP, uow.principal.login, {"file": str(target), "bytes": target.stat().st_size})
    return target


def daily_backup(
    uow: UnitOfWork,
    *,
    folder: Path | str | None = None,
    keep: int | None = KEEP,
    zone: str = DEFAULT_TIME_ZONE,
) -> Path | None:
    """A backup unless one was made today (the institution's local date); None when there already is one.

    Run by a timer: ``uow`` is a unit of work of ``SystemJob.SCHEDULE``.
    """
    path = sqlite_path(uow.db.url)
    target_folder = Path(folder) if folder is not None else backup_folder(path)
    today = to_local(uow.now, zone).date()
    if any(backup.taken_at.date() == today for backup in list_backups(path, folder=target_folder)):
        return None
    return backup_now(uow, folder=target_folder, keep=keep, zone=zone)


# --- verifying and restoring --------------------------------------------------------------------------


def _known_revisions() -> set[str]:
    from alembic.config import Config  # Alembic only to check a backup before a restore, not for a copy
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return {revision.revision for revision in ScriptDirectory.from_config(config).walk_revisions()}


def verify_backup(backup_path: Path | str) -> str:
    """Check a backup before it replaces anything: readable, intact (integrity_check), a desk database.

    Returns its schema version; raises a DomainError saying what is wrong.
    """
    path = Path(backup_path)
    shown = str(path)
    not_desk = translate("Backup", "The file %1 is not a desk database backup.").replace("%1", shown)
    if not path.is_file():
        raise DomainError(translate("Backup", "There is no backup file %1.").replace("%1", shown))
    with path.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise DomainError(not_desk)
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise DomainError(
                    translate("Backup", "The backup %1 is damaged (%2); it is not restored.")
                    .replace("%1", shown).replace("%2", "; ".join(problems[:3]))
                )
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not DESK_TABLES <= tables:
                raise DomainError(not_desk)
            versions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise DomainError(
            translate("Backup", "The backup %1 is damaged (%2); it is not restored.").replace("%1", shown).replace("%2", str(error))
        ) from error
    if len(versions) != 1:
        raise DomainError(not_desk)
    if versions[0] not in _known_revisions():
        raise DomainError(
            translate("Backup", "The backup %1 was made by a newer version of desk (schema %2). Install that version to restore it.")
            .replace("%1", shown).replace("%2", str(versions[0]))
        )
    return versions[0]


_IDENTITY_KEYS = ("institution_name", "desk_id", "demo")


def _identity(values: dict[str, str]) -> DatabaseIdentity:
    return DatabaseIdentity(values.get("institution_name", ""), values.get("desk_id") or None, values.get("demo") == "1")


def backup_identity(backup_path: Path | str) -> DatabaseIdentity:
    """Whose the backup is, read from the file without opening it as a database of this desk."""
    connection = sqlite3.connect(f"{Path(backup_path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            f"SELECT key, value FROM settings WHERE key IN ({', '.join('?' * len(_IDENTITY_KEYS))})", _IDENTITY_KEYS
        ).fetchall()
    except sqlite3.DatabaseError as error:
        raise DomainError(translate("Backup", "The file %1 is not a desk database backup.").replace("%1", str(backup_path))) from error
    finally:
        connection.close()
    return _identity(dict(rows))


def database_identity(db: Database) -> DatabaseIdentity:
    """Whose the open database is (nothing is created: a desk that never published has no identity yet)."""
    with db.read() as session:
        rows = session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(_IDENTITY_KEYS))).all()
    return _identity(dict(rows))


def restore(
    backup_path: Path | str,
    target_path: Path | str | URL,
    *,
    actor: Actor | None = None,
    folder: Path | str | None = None,
    zone: str = DEFAULT_TIME_ZONE,
) -> RestoreResult:
    """Replace the database at ``target_path`` by a backup, after checking the backup and copying the current file.

    Works while other connections have the target open (the backup API writes into the live
    file; they wait for its lock and then read the restored data). The restored database is
    then opened as the application opens it, which upgrades an older schema. The portal's
    checkpoint of the last batch sent is cleared: it names changes the backup never had, and
    a sync must not mark the restored database's own changes with those numbers as sent. And
    the portal is told that a full publication is owed (the sync's own mark of an unfinished
    first publication): what it shows from after the backup is repaired by the next sync,
    whichever kind was asked for.
    """
    target = sqlite_path(target_path)
    backup = Path(backup_path)
    if actor is not None:
        require(actor, Permission.ADMINISTER)
    if target.exists() and backup.exists() and backup.resolve() == target.resolve():
        raise DomainError(translate("Backup", "A database cannot be restored from itself."))
    version = verify_backup(backup)
    safety = None
    stamp = to_local(now_utc(), zone).strftime("%Y%m%d-%H%M%S")
    target_folder = Path(folder) if folder is not None else backup_folder(target)
    try:
        if target.exists():
            safety = _keep_current(target, target_folder / f"{target.stem}-before-restore-{stamp}.sqlite")
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            _write_into(backup, target)
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.OperationalError):
                raise  # locked, read-only, no room: the file itself is sound
            # The current file is no database any more (the reason to restore): nobody can be
            # using it, so it is replaced as a whole, without the -wal and -shm it had.
            for suffix in ("-wal", "-shm"):
                target.with_name(target.name + suffix).unlink(missing_ok=True)
            _copy(backup, target)
    except (sqlite3.Error, OSError) as error:
        raise DomainError(
            translate("Backup", "The database %1 could not be restored: %2").replace("%1", str(target)).replace("%2", str(error))
        ) from error
    try:
        opened = open_database(str(target), create=False)
    except DatabaseOpenError as error:
        raise DomainError(
            translate("Backup", "The restored database %1 does not open: %2 The copy taken before the restore is %3.")
            .replace("%1", str(target)).replace("%2", error.message).replace("%3", str(safety or "-"))
        ) from error
    database = opened.database
    try:
        cleared, owed = _forget_portal_checkpoint(database)
        if actor is not None:
            _record(_restorer(database, actor), DatabaseAction.RESTORE, actor.login,
                    {"restored_from": str(backup), "schema_version": version, "upgraded_from": opened.upgraded_from},
                    before={"safety_copy": str(safety) if safety else None})
    finally:
        database.dispose()
    return RestoreResult(backup, target, safety, version, opened.upgraded_from, cleared, owed)


def _restorer(database: Database, actor: Actor) -> UnitOfWork:
    """Who restored, as the restored database knows them: their id there may mean someone else, or nobody.

    A staff member the backup does not know by the same id and login is named by login only, the
    entry recorded as the system's setting up of the database.
    """
    with database.read() as session:
        staff = session.get(StaffUser, actor.id)
        known = staff is not None and staff.login == actor.login
    return UnitOfWork(database, actor if known else SystemJob.SETUP)


def _keep_current(target: Path, copy: Path) -> Path:
    """The safety copy of the file a restore replaces; a damaged one is kept byte for byte."""
    try:
        return _copy(target, copy)
    except sqlite3.DatabaseError as error:
        if isinstance(error, sqlite3.OperationalError):
            raise
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, copy)
        return copy


def _write_into(backup: Path, target: Path) -> None:
    """Write the backup into the live target through the backup API (open connections see the result)."""
    reader = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        writer = sqlite3.connect(target, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
        try:
            reader.backup(writer)
        finally:
            writer.close()
    finally:
        reader.close()


def _forget_portal_checkpoint(db: Database) -> tuple[bool, bool]:
    """Clear the portal's "last_batch" checkpoint and mark a full publication owed, where the portal exists
    (never create one here: a portal made later is published whole anyway, being new to the desk).

    Returns (a checkpoint was cleared, the next sync is a full publication).
    """
    from desk.portal import schema
    from desk.portal.database import open_portal_for, portal_url_of
    from desk.sync import CHECKPOINT, FULL_OWED

    url = portal_url_of(db)
    if url.get_backend_name() == "sqlite" and not (url.database and Path(url.database).is_file()):
        return False, True
    probe = make_engine(url)
    try:
        if not inspect(probe).has_table(schema.sync_state.name):
            return False, True
    except Exception:  # noqa: BLE001 - a portal that cannot be reached is not the restore's business
        return False, False
    finally:
        probe.dispose()
    portal = open_portal_for(db)
    try:
        with portal.write() as session:
            present = session.scalar(select(schema.sync_state.c.key).where(schema.sync_state.c.key == CHECKPOINT))
            session.execute(schema.sync_state.delete().where(schema.sync_state.c.key.in_((CHECKPOINT, FULL_OWED))))
            session.execute(schema.sync_state.insert().values(
                key=FULL_OWED, value=json.dumps({"run": None, "since": now_utc().replace(tzinfo=None).isoformat(),
                                                 "after": "restore"})))
        return present is not None, True
    finally:
        portal.dispose()


def sign_in_copy(backup_path: Path | str, sign_in) -> Actor:
    """Sign in against a scratch copy of a backup (the current database cannot be opened): ``sign_in(db)``."""
    verify_backup(backup_path)
    with tempfile.TemporaryDirectory(prefix="desk-restore-") as scratch:
        copy = _copy(Path(backup_path), Path(scratch) / "sign-in.sqlite")
        database = open_database(str(copy), create=False).database
        try:
            return sign_in(database)
        finally:
            database.dispose()
