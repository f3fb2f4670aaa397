"""Opening a database: engines for SQLite and PostgreSQL, sessions, schema upgrades, clear errors.

SQLite is the default, a file in the user's data directory; PostgreSQL is used by URL when
several workstations share one data set. Write transactions take SQLite's write lock at BEGIN
(``BEGIN IMMEDIATE``) so that "read, check, write" cannot interleave with another writer; the
pysqlite driver's own transaction handling is switched off for that, as SQLAlchemy documents.
"""

from __future__ import annotations

import ast
import os
import re
import sqlite3
import threading
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

try:
    import fcntl
except ImportError:  # Windows: SQLite's own wait for the write lock
    fcntl = None
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desk.errors import DatabaseBusy, DatabaseOpenError
from desk.i18n import translate

if TYPE_CHECKING:
    from alembic.config import Config

DATABASE_ENV = "DESK_DATABASE_URL"
SQLITE_BUSY_TIMEOUT_MS = 10_000
# PostgreSQL waits this long for a lock another connection holds (a row, a table), as SQLite's busy timeout.
POSTGRESQL_LOCK_TIMEOUT_MS = 10_000
# A student's action on the portal or a system job (a token round, a sync) waits its turn this long
# instead (see UnitOfWork.write): nobody sits at a frozen window, and in a rush everyone is served in turn.
PATIENT_WAIT_MS = 60_000
# And a statement of interactive work (a sign-in, a lookup) runs at most this long (see limit_interactive).
INTERACTIVE_STATEMENT_TIMEOUT_MS = 30_000
SQLITE_MMAP_BYTES = 256 << 20
SQLITE_CACHE_KIB = 32 * 1024
MIGRATIONS = Path(__file__).with_name("migrations")


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir("desk", appauthor=False)) / "desk.sqlite"


# The drivers desk is built and tested with; any other address is refused before a driver is loaded.
SUPPORTED_DRIVERS = frozenset({"sqlite+pysqlite", "postgresql+psycopg"})


def resolve_url(value: str | os.PathLike[str] | None = None) -> URL:
    """A database URL from ``--db`` (a path or URL), else ``DESK_DATABASE_URL``, else the default file."""
    raw = os.fspath(value) if value is not None else os.environ.get(DATABASE_ENV) or None
    if raw is None:
        return URL.create("sqlite+pysqlite", database=str(default_database_path()))
    if "://" in raw:
        try:
            url = make_url(raw)
            url.port  # noqa: B018 - a malformed port only fails when read
        except (ArgumentError, ValueError) as error:
            raise DatabaseOpenError(
                translate("Database", "This is not a database address: %1").replace("%1", _PASSWORD_IN_TEXT.sub(r"\1***@", raw))
            ) from error
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        elif url.drivername == "sqlite":
            url = url.set(drivername="sqlite+pysqlite")
        if url.drivername not in SUPPORTED_DRIVERS:
            raise DatabaseOpenError(
                translate("Database", "desk works with an SQLite file or a PostgreSQL server (postgresql://…), not %1.")
                .replace("%1", shown_url(url))
            )
        return url
    return URL.create("sqlite+pysqlite", database=str(Path(raw).expanduser().resolve()))


# "scheme://user:password@" in text that is not a valid address (so URL cannot take it apart).
_PASSWORD_IN_TEXT = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")


def describe_url(url: URL) -> str:
    """The database as a clerk should see it: a file path, or server/database without password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    if url.query.get("service") and not url.host:
        return f"service {url.query['service']}"  # libpq's service file names the server
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def without_password(url: URL) -> URL:
    """The address to keep (settings) or to print (commands to run): libpq finds the password itself,
    in ~/.pgpass, a service file or PGPASSWORD, or it is asked for and kept in memory only."""
    return URL.create(url.drivername, username=url.username, password=None, host=url.host, port=url.port,
                      database=url.database, query=url.query)


def server_url(target: str) -> URL | None:
    """A database server's address, or None for a file (or text that is no address at all)."""
    if "://" not in target:
        return None
    try:
        url = make_url(target)
    except Exception:  # noqa: BLE001 - open_database names a malformed address itself
        return None
    return None if url.get_backend_name() == "sqlite" else url


def remembered_address(target: str) -> str:
    """The database as a settings file keeps it: a server's address without its password."""
    url = server_url(target)
    if url is None or url.password is None:
        return target
    return without_password(url).render_as_string(hide_password=False)


def with_password(target: str, password: str) -> str:
    """A server's address with the password a clerk typed (kept in memory only)."""
    url = server_url(target)
    return target if url is None else url.set(password=password).render_as_string(hide_password=False)


def shown_url(url: URL | str) -> str:
    """Any address as it may be shown: the password masked."""
    url = make_url(url) if isinstance(url, str) else url
    return url.render_as_string(hide_password=True)


def _write_ahead_logging(cursor) -> None:
    """Put the file in WAL mode (kept in the file: for all but its first opener, nothing changes).

    Several workstations opening one file at once: SQLite may refuse the pragma with "database is
    locked" at once, without its busy wait, while another opener sets the file's shared memory up.
    It is asked again every millisecond until the busy timeout, as a writer waits for its turn.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.001)


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy's "begin" event emit BEGIN itself (see _on_begin).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        _write_ahead_logging(cursor)
        # Read through the OS page cache without a system call per page, and keep a larger
        # cache of our own: searches touch thousands of scattered rows.
        cursor.execute(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")
        cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        if connection.get_execution_options().get("desk_write"):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


def make_engine(url: URL | str, *, echo: bool = False) -> Engine:
    """An engine for the URL with the pragmas and transaction behaviour the desk relies on."""
    url = make_url(url) if isinstance(url, str) else url
    if url.get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            echo=echo,
            # uri: a plain path stays a path, and ATTACH may open a file read-only (the portal reads the desk).
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False, "uri": True},
        )
        _install_sqlite_hooks(engine)
        return engine
    return create_engine(
        url,
        echo=echo,
        pool_pre_ping=True,
        pool_size=8,
        max_overflow=24,
        # Short interactive queries: parallel workers only add start-up time to each, and the
        # default random_page_cost (4, for spinning disks) made the planner hash whole tables
        # where a few thousand index lookups were ten times faster.
        connect_args={
            "connect_timeout": 5,
            "application_name": "desk",
            # A lock held elsewhere is waited for as long as SQLite's busy timeout, then the work
            # ends in DatabaseBusy ("busy, try again") instead of a frozen window.
            "options": "-c max_parallel_workers_per_gather=0 -c random_page_cost=1.1"
                       f" -c lock_timeout={int(POSTGRESQL_LOCK_TIMEOUT_MS)}",
        },
    )


def connection_of(session: Session):
    """The session's connection, for a statement built once and run on the tables, with anything pending
    in the session written first (as the session's own execute would)."""
    if session.new or session.dirty or session.deleted:
        session.flush()
    return session.connection()


def limit_interactive(session: Session) -> None:
    """On PostgreSQL, end any statement of this transaction that runs longer than interactive work may.

    For what a clerk waits on with nothing to show (signing in, a lookup); long jobs (a full sync,
    an export, the demo) are not limited. The end is a DatabaseBusy, as a lock waited for too long.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"SET LOCAL statement_timeout = {int(INTERACTIVE_STATEMENT_TIMEOUT_MS)}"))


# SQLSTATEs of a wait that ran out: lock_not_available (lock_timeout), query_canceled
# (statement_timeout), deadlock_detected (one of two waiting transactions is ended).
_BUSY_SQLSTATES = frozenset({"55P03", "57014", "40P01"})


def busy_error(error: BaseException) -> DatabaseBusy | None:
    """The DatabaseBusy a driver error means, when it is a wait on another connection that ran out; else None.

    The one place where waiting too long becomes words: Database.read() and write() raise it in
    place of the driver's error, so every service, the terminal and the application say the same.
    """
    original = getattr(error, "orig", None) or error
    busy = False
    if isinstance(original, sqlite3.OperationalError):
        name = getattr(original, "sqlite_errorname", "") or ""
        text_ = str(original).lower()
        busy = name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text_ \
            or "database table is locked" in text_
    else:
        busy = getattr(original, "sqlstate", None) in _BUSY_SQLSTATES
    if not busy:
        return None
    return DatabaseBusy(
        translate("Database", "The database is busy: another workstation or job is changing it. Try again in a moment.")
    )


class WritersQueue:
    """desk's writers to one SQLite file take turns on advisory locks beside it before BEGIN IMMEDIATE.

    SQLite's own wait for its write lock sleeps longer and longer between tries (up to 100 ms), and
    a writer that has just committed takes the lock again before a sleeping one wakes: with many
    writers, a waiting one can miss its turn until its busy timeout runs out. Here a writer first
    passes a gate, then takes the turn and leaves the gate: whoever holds the gate is next, and a
    writer that has just finished queues behind it. Each looks again every millisecond. A writer that is
    not desk (another tool) is still waited for by SQLite's busy timeout. Where there are no such
    locks (Windows, a read-only folder, an in-memory database), SQLite alone decides.
    """

    def __init__(self, path: Path):
        self.path = path
        self.gate = path.with_name(path.name + "-gate")
        self._held = threading.local()

    @classmethod
    def beside(cls, url: URL) -> WritersQueue | None:
        database = url.database or ""
        if database.startswith("file:"):
            database = database[len("file:"):].split("?", 1)[0]
        if not database or database == ":memory:" or url.query.get("mode") == "memory" or fcntl is None:
            return None
        return cls(Path(f"{database}-writers"))

    @contextmanager
    def turn(self, wait_ms: int | None = None) -> Iterator[None]:
        """This writer's turn, waited for ``wait_ms`` (the busy timeout if not given), then DatabaseBusy."""
        if getattr(self._held, "turn", False):  # a write already open in this thread
            yield
            return
        try:
            gate = os.open(self.gate, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            yield  # nowhere to queue: SQLite's own wait
            return
        try:
            handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            os.close(gate)
            yield  # nowhere to queue: SQLite's own wait
            return
        try:
            try:
                deadline = time.monotonic() + (SQLITE_BUSY_TIMEOUT_MS if wait_ms is None else wait_ms) / 1000
                _take(gate, deadline)
                _take(handle, deadline)
            finally:
                os.close(gate)  # the next writer may pass the gate now
            self._held.turn = True
            try:
                yield
            finally:
                self._held.turn = False
        finally:
            os.close(handle)  # and the turn with it


def _take(handle: int, deadline: float) -> None:
    """The lock, looked at every millisecond (the same for every waiter: none is favoured) until the deadline."""
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise DatabaseBusy(translate(
                    "Database", "The database is busy: another workstation or job is changing it. Try again in a moment."
                )) from None
            time.sleep(0.001)


class Database:
    """One open database: read sessions and write units of work.

    ``write()`` is the unit of work: one transaction that commits when the block ends and rolls
    back, leaving nothing partial, when it raises.
    """

    def __init__(self, engine: Engine):
        self.engine = engine
        self.url = engine.url
        # For a portal database: where its connections read the desk's tables (see desk.portal.database).
        self.desk_schema: str | None | bool = False
        self._reader = sessionmaker(engine, expire_on_commit=False)
        self._writer = sessionmaker(
            engine.execution_options(desk_write=True), expire_on_commit=False
        )
        self.writers = WritersQueue.beside(self.url) if self.is_sqlite else None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def description(self) -> str:
        return describe_url(self.url)

    @contextmanager
    def read(self) -> Iterator[Session]:
        # Closing the session ends its transaction (a rollback at the driver); objects loaded
        # in it stay readable, detached, for building the plain results services return.
        try:
            with self._reader() as session:
                yield session
        except DBAPIError as error:
            if (busy := busy_error(error)) is None:
                raise
            raise busy from error

    @contextmanager
    def writers_turn(self, wait_ms: int | None = None) -> Iterator[None]:
        """This write's turn among desk's writers (SQLite; see WritersQueue)."""
        if self.writers is None:
            yield
        else:
            with self.writers.turn(wait_ms):
                yield

    @contextmanager
    def write(self, *, wait_ms: int | None = None) -> Iterator[Session]:
        """The write transaction. A lock another writer holds is waited for ``wait_ms``, by default as
        long as a clerk waits (the busy timeout), then the write ends in DatabaseBusy."""
        try:
            with self.writers_turn(wait_ms), self._writer() as session:
                with session.begin():
                    if wait_ms is not None and not self.is_sqlite:
                        session.execute(text(f"SET LOCAL lock_timeout = {int(wait_ms)}"))
                    yield session
        except DBAPIError as error:
            if (busy := busy_error(error)) is None:
                raise
            raise busy from error

    def dispose(self) -> None:
        self.engine.dispose()


# --- schema version -------------------------------------------------------------------------


# Alembic (with its dialects and templates) is imported only to change a schema: opening a database
# whose schema is current reads the version table and the migration files' revision lines itself.


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


def _migration_graph() -> dict[str, tuple[str, ...]] | None:
    """Each migration's revision and the revisions it follows, read from its file's plain assignments
    (as Alembic finds them); None when a file says it otherwise, and Alembic is asked instead."""
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        if path.name.startswith(("__init__", ".#")):
            continue
        found = {name: value for name, value in _ASSIGNMENT.findall(path.read_text(encoding="utf-8"))}
        try:
            revision = ast.literal_eval(found["revision"])
            down = ast.literal_eval(found["down_revision"])
        except (KeyError, ValueError, SyntaxError):
            return None
        down = (down,) if isinstance(down, str) else tuple(down or ())
        if not isinstance(revision, str) or revision in graph or not all(isinstance(d, str) for d in down):
            return None
        graph[revision] = down
    if not graph or any(d not in graph for downs in graph.values() for d in downs):
        return None
    return graph


def _single_head(graph: dict[str, tuple[str, ...]] | None) -> str | None:
    if graph is None:
        return None
    heads = set(graph) - {d for downs in graph.values() for d in downs}
    return next(iter(heads)) if len(heads) == 1 else None


def head_revision() -> str:
    head = _single_head(_migration_graph())
    if head is not None:
        return head
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def _known_revisions() -> set[str]:
    graph = _migration_graph()
    if _single_head(graph) is not None:
        return set(graph)
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        versions = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        if len(versions) <= 1:
            return versions[0] if versions else None
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()  # several heads: Alembic's refusal


def schema_revision_of(url: URL) -> str | None:
    """The schema revision of an existing database, read without creating or changing anything
    (a file is opened read-only: no new file, no journal mode switched); a DatabaseOpenError otherwise."""
    if url.get_backend_name() == "sqlite":
        _check_sqlite_file(url, create=False)
        path = Path(url.database or "")
        try:
            connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                if "alembic_version" not in names:
                    return None
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                return row[0] if row else None
            finally:
                connection.close()
        except (sqlite3.Error, UnicodeDecodeError) as error:
            raise _database_error(url, error) from error
    engine = make_engine(url)
    try:
        return current_revision(engine)
    except (OperationalError, DBAPIError, OSError) as error:
        raise _database_error(url, error) from error
    finally:
        engine.dispose()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


@dataclass(frozen=True)
class OpenedDatabase:
    database: Database
    created: bool  # the schema was made now (an empty database)
    upgraded_from: str | None  # the revision it had before an upgrade
    backup: Path | None  # the copy taken before the upgrade


def backup_sqlite(path: Path, target: Path) -> Path:
    """Copy a live SQLite database with its online backup API (consistent while in use)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def _database_error(url: URL, error: Exception) -> DatabaseOpenError:
    """Turn a driver error into a sentence for the clerk; the driver's text stays as detail."""
    where = describe_url(url)
    detail = str(getattr(error, "orig", None) or error)
    lowered = detail.lower()
    if url.get_backend_name() == "sqlite":
        if "not a database" in lowered or "malformed" in lowered or "file is encrypted" in lowered:
            message = translate("Database", "The file %1 is not a desk database (or it is damaged).")
        elif "locked" in lowered or "busy" in lowered:
            message = translate(
                "Database",
                "The database %1 is locked by another program. Close it there, or wait, and try again.",
            )
        elif "readonly" in lowered or "read-only" in lowered or "read only" in lowered:
            message = translate(
                "Database",
                "The database %1 is read-only. Ask your administrator for write access to the file and its folder.",
            )
        elif "unable to open" in lowered:
            message = translate(
                "Database",
                "The database %1 cannot be opened: the folder does not exist or cannot be written to.",
            )
        else:
            message = translate("Database", "The database %1 cannot be opened.")
    else:
        if "password authentication failed" in lowered or "authentication" in lowered or (
            "role" in lowered and "does not exist" in lowered
        ):
            message = translate(
                "Database",
                "The database server %1 refused the sign-in. Check the user name and password in the database address.",
            )
        elif "database" in lowered and "does not exist" in lowered:
            message = translate("Database", "The database %1 does not exist on the server.")
        elif "connection refused" in lowered or "could not connect" in lowered or "timeout" in lowered or "timed out" in lowered or "connection failed" in lowered or "no route" in lowered or "name or service" in lowered:
            message = translate(
                "Database",
                "The database server %1 does not answer. It may be down, or the network is unavailable.",
            )
        elif "permission denied" in lowered:
            message = translate(
                "Database",
                "The database %1 does not allow this user to change its structure. Ask your administrator.",
            )
        else:
            message = translate("Database", "The database %1 cannot be opened.")
    return DatabaseOpenError(message.replace("%1", where), detail=detail)


def damaged_database_error(error: BaseException, url: URL) -> DatabaseOpenError | None:
    """The words for an error that says the database file is damaged (found while working, after it
    opened: SQLite reads pages only when they are needed), or None for any other error."""
    if url.get_backend_name() != "sqlite":
        return None
    if isinstance(error, UnicodeDecodeError):
        # SQLite handed back text that is not UTF-8: its pages were changed outside desk.
        frames = traceback.extract_tb(error.__traceback__)
        innermost = frames[-1] if frames else None
        damaged = innermost is not None and ("sqlalchemy" in innermost.filename or "sqlite3" in innermost.filename
                                             or "execute(" in (innermost.line or "") or "fetch" in (innermost.line or ""))
    else:
        detail = str(getattr(error, "orig", None) or error).lower()
        damaged = any(words in detail for words in ("malformed", "not a database", "file is encrypted", "disk i/o error", "could not decode to utf-8"))
    if not damaged:
        return None
    return DatabaseOpenError(
        translate("Database", "A database file is damaged: %1 or a file given to the command. Run desk check "
                              "--thorough, and restore a backup (desk backup list, desk backup restore).")
        .replace("%1", describe_url(url)),
        detail=str(error),
    )


def _foreign_sqlite(path: Path) -> bool:
    """True for an SQLite file of another program: tables, none of them desk's schema version."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            connection.close()
    except (sqlite3.Error, UnicodeDecodeError):
        return False  # damaged or locked: opening it says so in its own words
    return bool(names) and "alembic_version" not in names


def _check_sqlite_file(url: URL, *, create: bool) -> None:
    path = Path(url.database or "")
    if not url.database or url.database == ":memory:":
        return
    if path.exists():
        if path.is_dir():
            raise DatabaseOpenError(
                translate("Database", "%1 is a folder, not a database file.").replace("%1", str(path))
            )
        with path.open("rb") as handle:
            header = handle.read(16)
        if not header:
            # desk never leaves an empty file; taking one for a new database would answer "wrong login".
            raise DatabaseOpenError(
                translate("Database", "The file %1 is empty: it is not a desk database. Remove it, or choose another file.")
                .replace("%1", str(path))
            )
        if header != b"SQLite format 3\x00":
            raise DatabaseOpenError(
                translate("Database", "The file %1 is not a desk database (or it is damaged).").replace(
                    "%1", str(path)
                )
            )
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise DatabaseOpenError(
                translate(
                    "Database",
                    "The database %1 is read-only. Ask your administrator for write access to the file and its folder.",
                ).replace("%1", str(path))
            )
        if _foreign_sqlite(path):
            # Refused before desk's own connection touches it (which would switch it to WAL).
            raise DatabaseOpenError(
                translate(
                    "Database",
                    "The database %1 holds tables of another program; desk will not change it.",
                ).replace("%1", str(path))
            )
    elif not create:
        raise DatabaseOpenError(
            translate("Database", "There is no database at %1.").replace("%1", str(path))
        )
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise _database_error(url, error) from error


def open_database(
    url: URL | str | None = None,
    *,
    create: bool = True,
    upgrade_schema: bool = True,
    backup_dir: Path | None = None,
) -> OpenedDatabase:
    """Open (and if needed create or upgrade) a database, or raise a DatabaseOpenError.

    An older schema is upgraded after a backup copy of the file (SQLite); a schema newer than
    this program knows is refused rather than touched.
    """
    url = resolve_url(url) if not isinstance(url, URL) else url
    if url.get_backend_name() == "sqlite":
        _check_sqlite_file(url, create=create)
    engine = make_engine(url)
    try:
        revision = current_revision(engine)
        head = head_revision()
        if revision is not None and revision not in _known_revisions():
            raise DatabaseOpenError(
                translate(
                    "Database",
                    "The database %1 was made by a newer version of desk. Install the newer version to open it.",
                ).replace("%1", describe_url(url))
            )
        created = revision is None
        if created:
            tables = set(inspect(engine).get_table_names())
            if tables - {"alembic_version"}:
                raise DatabaseOpenError(
                    translate(
                        "Database",
                        "The database %1 holds tables of another program; desk will not change it.",
                    ).replace("%1", describe_url(url))
                )
        backup = None
        upgraded_from = None
        if revision != head:
            if not upgrade_schema:
                raise DatabaseOpenError(
                    translate(
                        "Database",
                        "The database %1 needs an upgrade. Run: desk db upgrade",
                    ).replace("%1", describe_url(url))
                )
            if not created and url.get_backend_name() == "sqlite" and url.database:
                path = Path(url.database)
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                folder = backup_dir or path.parent / "backups"
                backup = backup_sqlite(path, folder / f"{path.stem}-before-{head}-{stamp}.sqlite")
            upgrade(engine)
            upgraded_from = revision
        return OpenedDatabase(Database(engine), created, upgraded_from, backup)
    except DatabaseOpenError:
        engine.dispose()
        raise
    except (OperationalError, DBAPIError, sqlite3.Error, OSError) as error:
        engine.dispose()
        raise _database_error(url, error) from error
