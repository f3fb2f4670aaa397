"""Opening the portal database: by default a second SQLite file beside the desk's, or a URL."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import event, inspect, select, text, update
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from desk.db import Database, make_engine, resolve_url
from desk.errors import DatabaseOpenError
from desk.i18n import translate
from desk.model import Setting
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
    """The portal database the desk publishes to: the setting, or the default beside the desk's."""
    with db.read() as session:
        value = session.scalar(select(Setting.value).where(Setting.key == PORTAL_URL_SETTING))
    return resolve_url(value) if value else default_portal_url(db.url)


def set_portal_url(db: Database, value: str | None) -> None:
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
            schema.metadata.create_all(connection)
            _upgrade_contract(connection)
    except DBAPIError as error:
        engine.dispose()
        raise DatabaseOpenError(
            translate("Portal", "The portal database %1 cannot be opened.").replace("%1", _describe(url)),
            detail=str(error.orig or error).strip(),
        ) from error
    portal = Database(engine)
    portal.desk_schema = desk_schema
    return portal


def _upgrade_contract(connection) -> None:
    """Bring a portal made by an older desk to this contract: add the columns it lacks (the contract
    only ever adds nullable columns), and owe it a whole publication so the new columns are filled."""
    state = schema.sync_state
    present = connection.execute(select(state.c.value).where(state.c.key == "contract_version")).scalar()
    if present is None:  # a portal just made
        connection.execute(state.insert().values(key="contract_version", value=schema.CONTRACT_VERSION))
        return
    if present == schema.CONTRACT_VERSION:
        return
    inspector = inspect(connection)
    for table in schema.metadata.sorted_tables:
        have = {column["name"] for column in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name not in have:
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
