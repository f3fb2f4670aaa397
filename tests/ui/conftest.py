"""UI fixtures: an AppContext on a fresh database, settings kept away from the user's own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from ui import i18n
from ui.context import AppContext
from ui.tasks import TaskRunner


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    QCoreApplication.setOrganizationName("desk-tests")
    QCoreApplication.setApplicationName("desk-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    yield
    # A test that switched to Polish (or failed half-way through) must not leave it for the next.
    i18n.install("en")


@pytest.fixture
def tasks(qapp):
    runner = TaskRunner()
    yield runner
    runner.wait()


@pytest.fixture
def app_context(db, admin, tasks) -> AppContext:
    return AppContext(db, admin, tasks)
