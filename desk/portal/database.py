"""Opening the portal database: by default a second SQLite file beside the desk's, or a URL."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlalchemy import event, inspect, select, text, update
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from desk.changes import Action, Description, Shown
from desk.db import Database, describe_url, make_engine, resolve_url, shown_url, without_password
from desk.errors import DatabaseOpenError, DomainError
from desk.i18n import translate
from desk.model import Setting
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork
from desk.portal import schema

PORTAL_URL_SETTING = "portal_url"
_CREATE_LOCK = 0x706F7274616C  # "portal": the advisory lock key under which its tables are created


def default_portal_url(desk_url: URL) -> URL:
    """Beside a desk file ``x.sqlite``: ``x-portal.sqlite``; on a server: the same database (tables ``portal_*``)."""
    if desk_url.get_backend_name() == "sqlite" and desk_url.database not in (None, "", ":memory:"):
        path = Path(desk_url.database)
        return desk_url.set(database=str(path.with_name(f"{path.stem}-portal{path.suffix or '.sqlite'}")))
    return desk_url


def portal_url_of(db: Database) -> URL:
    """The portal database the desk publishes to: the setting, or the default beside the desk's.

    A stored address desk cannot use (one saved by an older desk, or written by hand) is a
    DatabaseOpenError naming it without its password, never a driver's traceback.
    """
    with db.read() as session:
        value = session.scalar(select(Setting.value).where(Setting.key == PORTAL_URL_SETTING))
    if not value:
        return default_portal_url(db.url)
    try:
        return resolve_url(value)
    except DatabaseOpenError as error:
        raise _portal_address_error(_shown_setting(value) or "…", error.message) from error


class PortalAction(Action):
    """What is done to where the desk publishes."""

    LOCATION = "portal.location"

    def describe(self, shown: Shown) -> Description:
        return Description(translate("History", "Portal database moved"))


def _portal_address_error(url_text: str, detail: str = "") -> DatabaseOpenError:
    return DatabaseOpenError(
        translate("Portal", "The portal database cannot be opened at %1: it must be an SQLite file or a PostgreSQL "
                            "server (postgresql://…) that desk can open.").replace("%1", url_text),
        detail=detail,
    )


def _shown_setting(value: str | None) -> str | None:
    """A stored portal address as the audit keeps it: never a password (an older desk may have kept one)."""
    if not value or "://" not in value:
        return value or None
    try:
        return without_password(make_url(value)).render_as_string(hide_password=False)
    except Exception:  # noqa: BLE001 - a malformed old value is kept out of the audit rather than shown whole
        return "…"


def checked_portal_url(desk_url: URL, value: str) -> str:
    """The portal address to store for ``value``, once it is known to be a supported database desk can
    open (its tables made there when new); a DatabaseOpenError says why not. No password is kept: libpq
    reads it from ~/.pgpass, a service file or PGPASSWORD."""
    value = value.strip()
    try:
        url = resolve_url(value)
    except DatabaseOpenError as error:
        raise _portal_address_error(shown_url(value) if "://" in value and "@" not in value else "…", error.message) from error
    if url.password is not None:
        raise DatabaseOpenError(translate(
            "Portal", "Give the portal's address without its password: the server's password is read from ~/.pgpass, "
                      "a service file or PGPASSWORD, never kept by desk."))
    shown = describe_url(url)
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "")
        if not url.database or url.database == ":memory:" or path.is_dir() or not path.parent.is_dir():
            raise _portal_address_error(shown)
        if path.exists():
            try:
                with path.open("rb") as handle:
                    header = handle.read(16)
            except OSError as error:
                raise _portal_address_error(shown, str(error)) from error
            if header and header != b"SQLite format 3\x00":
                raise _portal_address_error(shown)
        if desk_url.get_backend_name() == "sqlite" and desk_url.database and Path(desk_url.database).resolve() == path.resolve():
            raise _portal_address_error(shown)
        stored = str(path)
    else:
        stored = without_password(url).render_as_string(hide_password=False)
    try:
        open_portal(url, desk_url).dispose()
    except DatabaseOpenError as error:
        raise _portal_address_error(shown, error.detail) from error
    except (DBAPIError, OSError, sqlite3.Error) as error:
        raise _portal_address_error(shown, str(getattr(error, "orig", None) or error)) from error
    return stored


def move_portal(uow: UnitOfWork, value: str | None, *, reason: str) -> URL:
    """Publish to another portal database (None or '': the default beside the desk): administrators only,
    the address checked before it is saved, the move audited. Returns the portal's address now."""
    uow.require_staff()
    uow.require(Permission.ADMINISTER)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Portal", "Say why the portal moves (it is kept with the change)."))
    stored = checked_portal_url(uow.db.url, value) if value and value.strip() else None
    with uow.write() as session:
        row = session.get(Setting, PORTAL_URL_SETTING)
        before = row.value if row is not None else None
        if stored is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(Setting(key=PORTAL_URL_SETTING, value=stored))
        else:
            row.value = stored
        uow.record_change(PortalAction.LOCATION, entity="setting", entity_id=None,
                          before={"portal": _shown_setting(before)}, after={"portal": stored}, reason=reason, portal=False)
    return portal_url_of(uow.db)


def set_portal_url(db: Database, value: str | None) -> None:
    """Store the portal's address as given, unchecked and unaudited (tests of a broken portal);
    a person moves the portal with ``move_portal``."""
    with db.write() as session:
        row = session.get(Setting, PORTAL_URL_SETTING)
        if not value:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(Setting(key=PORTAL_URL_SETTING, value=value))
        else:
            row.value = value


def open_portal(url: URL | str, desk_url: URL | None = None) -> Database:
    """Open the portal database, creating its tables when they are missing.

    Given the desk's URL, the portal's connections can read the desk directly where the two
    allow it (SQLite files on one machine: the desk attached read-only as ``desk``; PostgreSQL:
    the same database), and the sync then copies rows inside the database instead of through
    Python (``desk_schema`` on the returned Database).
    """
    url = make_url(url) if isinstance(url, str) else url
    engine = make_engine(url)
    desk_schema: str | None | bool = False
    if desk_url is not None and url.get_backend_name() == "sqlite" == desk_url.get_backend_name() \
            and desk_url.database not in (None, "", ":memory:") and desk_url.database != url.database:
        desk_path = Path(desk_url.database).resolve().as_uri().replace("'", "''")

        @event.listens_for(engine, "connect")
        def _attach_desk(dbapi_connection, _record):
            dbapi_connection.execute(f"ATTACH DATABASE '{desk_path}?mode=ro' AS desk")

        desk_schema = "desk"
    elif desk_url is not None and url.get_backend_name() == "postgresql" == desk_url.get_backend_name() \
            and (url.host, url.port, url.database, url.username) == (desk_url.host, desk_url.port, desk_url.database, desk_url.username):
        desk_schema = None  # one database: the desk's tables are right there
    try:
        # One creator at a time: workstations opening a new portal at once would each find the
        # tables missing and all but one fail to create them. SQLite: the write lock taken at
        # BEGIN IMMEDIATE (its DDL is transactional); PostgreSQL: a lock held to the commit.
        with engine.execution_options(desk_write=True).begin() as connection:
            if url.get_backend_name() == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CREATE_LOCK})
            before = set(inspect(connection).get_table_names())
            schema.metadata.create_all(connection)
            _upgrade_contract(connection, {table.name for table in schema.metadata.sorted_tables} - before)
    except DBAPIError as error:
        engine.dispose()
        raise DatabaseOpenError(
            translate("Portal", "The portal database %1 cannot be opened.").replace("%1", _describe(url)),
            detail=str(error.orig or error).strip(),
        ) from error
    portal = Database(engine)
    portal.desk_schema = desk_schema
    return portal


def _upgrade_contract(connection, made: set[str]) -> None:
    """Bring a portal made by an older desk to this contract: its new tables (``made``) are made by
    ``create_all`` just before, the columns it lacks are added here (the contract only ever adds tables
    and nullable columns), and it is owed a whole publication so the new tables and columns are filled.

    The tables and columns are looked at whatever version the portal names, so that one naming this
    version without all of them is brought to them as well."""
    state = schema.sync_state
    present = connection.execute(select(state.c.value).where(state.c.key == "contract_version")).scalar()
    if present is None:  # a portal just made
        connection.execute(state.insert().values(key="contract_version", value=schema.CONTRACT_VERSION))
        return
    tables = schema.metadata.sorted_tables
    found = inspect(connection).get_multi_columns(filter_names=[table.name for table in tables])
    have = {name: {column["name"] for column in columns} for (_schema, name), columns in found.items()}
    lacking = [(table, column) for table in tables for column in table.columns
               if column.name not in have.get(table.name, ())]
    if present == schema.CONTRACT_VERSION and not lacking and not made:
        return
    for table, column in lacking:
        kind = column.type.compile(dialect=connection.dialect)
        connection.execute(text(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}'))
    connection.execute(update(state).where(state.c.key == "contract_version").values(value=schema.CONTRACT_VERSION))
    connection.execute(state.delete().where(state.c.key == schema.MESSAGES_FINGERPRINT))
    if connection.execute(select(state.c.key).where(state.c.key == schema.FULL_OWED)).first() is None:
        connection.execute(state.insert().values(key=schema.FULL_OWED, value=json.dumps({"contract": schema.CONTRACT_VERSION})))


def open_portal_for(db: Database) -> Database:
    return open_portal(portal_url_of(db), db.url)


def _describe(url: URL) -> str:
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database}"
