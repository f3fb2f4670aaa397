"""UI fixtures: an AppContext on a fresh database, settings kept away from the user's own."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from sqlalchemy.engine import make_url

from desk.db import open_database
from tests.conftest import fresh_sqlite

from ui import i18n, theme
from ui.context import AppContext
from ui.tasks import TaskRunner


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    QCoreApplication.setOrganizationName("desk-tests")
    QCoreApplication.setApplicationName("desk-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    # The same application object runs the whole session: a style sheet a terminal test applied
    # (through make_application) must not change the sizes these tests see.
    qapp.setStyleSheet("")
    theme.reset(qapp)  # and the theme, font size and palette it applied
    i18n.install("en")  # English, as a clerk who chose it sees it (its plural forms included)
    yield
    # A test that switched to Polish (or failed half-way through) must not leave it for the next.
    i18n.install("en")


# UI tests drive widgets; what the services do on each database is tested on SQLite and
# PostgreSQL by the tests one folder up. Here every view runs on SQLite, which keeps the suite short.


@pytest.fixture
def db_url(tmp_path, sqlite_template):
    path = fresh_sqlite(sqlite_template, tmp_path)
    return make_url(f"sqlite+pysqlite:///{path}")


@pytest.fixture
def demo_db(tmp_path, _demo_templates):
    path = tmp_path / "desk.sqlite"
    shutil.copyfile(_demo_templates("sqlite"), path)
    opened = open_database(str(path))
    yield opened.database
    opened.database.dispose()


@pytest.fixture
def tasks(qapp):
    runner = TaskRunner()
    yield runner
    runner.wait()


@pytest.fixture
def app_context(db, admin, tasks) -> AppContext:
    return AppContext(db, admin, tasks)
