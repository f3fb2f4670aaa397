"""Test fixtures: a fresh database per test, on SQLite always and on PostgreSQL when configured.

Set DESK_TEST_POSTGRESQL_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) to run every
database test on PostgreSQL as well; each test then gets its own database, copied from a
migrated template made once per run.
"""

from __future__ import annotations

import os
import shutil
import uuid

X_SERVER_ENV = "DESK_TEST_X_SERVER"
if os.environ.get(X_SERVER_ENV) == "1":
    # The UI suite in a real X server: each test process (each xdist worker) gets its own Xvfb at
    # 1366x768 with openbox, so one process's windows never take the keyboard from another's.
    import atexit
    import tempfile

    from tests.window.xsession import XSession

    _x_session = XSession(__import__("pathlib").Path(tempfile.mkdtemp(prefix="desk-x-")))
    atexit.register(_x_session.close)
    os.environ["DISPLAY"] = _x_session.display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # the offscreen screen is a laptop's 1366x768, not Qt's 800x800
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={os.path.join(os.path.dirname(__file__), 'laptop-screen.json')}"
os.environ.setdefault("LC_ALL", "C.UTF-8")

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desk.db import Database, open_database

POSTGRESQL_ENV = "DESK_TEST_POSTGRESQL_URL"


def postgresql_url():
    raw = os.environ.get(POSTGRESQL_ENV)
    if not raw:
        return None
    url = make_url(raw)
    return url.set(drivername="postgresql+psycopg")


class PostgresDatabases:
    """Creates databases on the configured server: a migrated template, then a copy per test."""

    def __init__(self, url):
        self.url = url
        self.admin = create_engine(url, isolation_level="AUTOCOMMIT")
        self.template = f"desk_template_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self._template_ready = False

    def _ensure_template(self):
        if self._template_ready:
            return
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{self.template}"'))
        opened = open_database(self.url.set(database=self.template))
        opened.database.dispose()
        self._template_ready = True

    def create(self, *, migrated: bool = True) -> str:
        name = f"desk_test_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as connection:
            if migrated:
                self._ensure_template()
                connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"'))
            else:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        return name

    def drop(self, name: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def close(self):
        if self._template_ready:
            self.drop(self.template)
        self.admin.dispose()


@pytest.fixture(scope="session", autouse=True)
def error_log_folder(tmp_path_factory):
    """An unexpected error's log file goes to a folder of the test run, not the user's log folder."""
    folder = tmp_path_factory.mktemp("logs")
    patch = pytest.MonkeyPatch()
    patch.setattr("desk.crash.log_folder", lambda: folder)
    yield folder
    patch.undo()


@pytest.fixture(scope="session")
def postgres_databases():
    url = postgresql_url()
    if url is None:
        yield None
        return
    databases = PostgresDatabases(url)
    yield databases
    databases.close()


def _backends():
    return [
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgresql),
    ]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """One migrated, empty SQLite file per run; each test gets a copy (migrating takes a second)."""
    path = tmp_path_factory.mktemp("template") / "desk.sqlite"
    opened = open_database(str(path))
    opened.database.dispose()
    return path


def fresh_sqlite(template, folder):
    """A copy of the migrated template in ``folder``: a new, empty database."""
    path = folder / "desk.sqlite"
    shutil.copyfile(template, path)
    return path


@pytest.fixture(params=_backends())
def db_url(request, tmp_path, postgres_databases, sqlite_template):
    """The URL of a fresh, migrated, empty database on each configured backend."""
    if request.param == "sqlite":
        path = fresh_sqlite(sqlite_template, tmp_path)
        yield make_url(f"sqlite+pysqlite:///{path}")
        return
    if postgres_databases is None:
        pytest.skip(f"{POSTGRESQL_ENV} is not set")
    name = postgres_databases.create()
    yield postgres_databases.url.set(database=name)
    postgres_databases.drop(name)


@pytest.fixture
def db(db_url) -> Database:
    opened = open_database(db_url)
    yield opened.database
    opened.database.dispose()


@pytest.fixture
def sqlite_db(tmp_path, sqlite_template) -> Database:
    """A fresh SQLite database only, for tests of SQLite-specific behaviour."""
    opened = open_database(str(fresh_sqlite(sqlite_template, tmp_path)))
    yield opened.database
    opened.database.dispose()


@pytest.fixture
def admin(db):
    from desk.staff import create_first_administrator
    from desk.unit_of_work import SystemJob, UnitOfWork

    return create_first_administrator(UnitOfWork(db, SystemJob.SETUP), "admin", "Anna Administratorka", "admin-password")


DEMO_STUDENTS = 300
DEMO_SEED = 5


@pytest.fixture(scope="session")
def _demo_templates(tmp_path_factory, sqlite_template, postgres_databases):
    """A small demo university built once per run and backend; each test gets a copy."""
    from desk.demo import build_demo

    built: dict[str, object] = {}

    def template(backend: str):
        if backend in built:
            return built[backend]
        if backend == "sqlite":
            path = fresh_sqlite(sqlite_template, tmp_path_factory.mktemp("demo"))
            opened = open_database(str(path))
            build_demo(opened.database, students=DEMO_STUDENTS, seed=DEMO_SEED)
            opened.database.dispose()
            built[backend] = path
        else:
            name = postgres_databases.create()
            opened = open_database(postgres_databases.url.set(database=name))
            build_demo(opened.database, students=DEMO_STUDENTS, seed=DEMO_SEED)
            opened.database.dispose()
            built[backend] = name
        return built[backend]

    yield template
    if "postgresql" in built:
        postgres_databases.drop(built["postgresql"])


@pytest.fixture(params=_backends())
def demo_db(request, tmp_path, postgres_databases, _demo_templates) -> Database:
    """A fresh copy of a small demo university (300 students), on each configured backend."""
    if request.param == "sqlite":
        path = tmp_path / "desk.sqlite"
        shutil.copyfile(_demo_templates("sqlite"), path)
        opened = open_database(str(path))
        yield opened.database
        opened.database.dispose()
        return
    if postgres_databases is None:
        pytest.skip(f"{POSTGRESQL_ENV} is not set")
    source = _demo_templates("postgresql")
    name = f"desk_test_{uuid.uuid4().hex[:12]}"
    with postgres_databases.admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{source}"'))
    opened = open_database(postgres_databases.url.set(database=name))
    yield opened.database
    opened.database.dispose()
    postgres_databases.drop(name)
