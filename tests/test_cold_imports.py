"""A cold start loads only what is on screen: the sign-in window before SQLAlchemy's ORM and the data
model (the database is opened once it is shown), without the views, their tables and exports (openpyxl),
Alembic or the search; the main window with its first view only.

Each check starts the application in a fresh interpreter (this one has imported everything by now),
offscreen, and lists the modules loaded at the moment the window is shown.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desk.db import open_database

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "admin-password"

# The application as the ``desk`` command starts it; when the window named is first shown (and, when a
# login is given, after signing in on the sign-in window) it prints the loaded modules and closes.
PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

app = QApplication(sys.argv[:1])
window, login, password = sys.argv[1], sys.argv[2], sys.argv[3]

def sign_in(dialog):
    dialog.login.setText(login)
    dialog.password.setText(password)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    if ok.isEnabled():
        ok.click()
    else:  # shown before the database is open: Sign in works once it is
        dialog.ready.connect(ok.click)

class Watch(QObject):
    seen = set()

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show and watched.isWidgetType() and watched.isWindow():
            first = watched.objectName() not in self.seen
            self.seen.add(watched.objectName())
            if watched.objectName() == window and first:
                print("LOADED " + json.dumps(sorted(sys.modules)), flush=True)
                QTimer.singleShot(0, watched.close)
            elif watched.objectName() == "signInDialog" and login and first:
                QTimer.singleShot(0, lambda: sign_in(watched))
        return False

watch = Watch()
app.installEventFilter(watch)
from ui.entry import main
sys.exit(main(sys.argv[4:]))
"""

# Neither window needs these: exports (openpyxl, and the rosters that write with it), schema changes
# and backups (Alembic), the highlighting of a rule's explanation (pygments).
NEVER_AT_START = ("openpyxl", "alembic", "pygments", "exports", "desk.rosters", "desk.backup", "ui.print_roster")

# The sign-in window is shown before the database is opened (with what the last opening showed): not
# SQLAlchemy's ORM or the data model, the views, their tables, the student search (with the PESEL checks
# of stdnum), the commands of the terminal or a unit of work.
NOT_BEFORE_SIGN_IN = NEVER_AT_START + (
    "sqlalchemy.orm", "desk.model",
    "ui.main_window", "ui.views", "ui.tables", "ui.models", "ui.context", "ui.dialogs", "desk.student_search",
    "stdnum", "desk.unit_of_work", "desk.cli.access", "desk.cli.students",
)

# The first view is the student lookup; each other view is built when it is first opened.
OTHER_VIEWS = (
    "ui.views.calendar", "ui.views.groups", "ui.views.token_balances", "ui.views.token_rounds",
    "ui.views.payments_list", "ui.views.accounts", "ui.views.sync_view", "ui.views.history",
    "ui.views.staff_admin", "ui.views.import_view", "ui.views.student_card",
)


@pytest.fixture
def database(tmp_path, sqlite_template) -> Path:
    """A database with its first administrator (signing in is the whole of what the sign-in window does)."""
    from desk.staff import create_first_administrator
    from desk.unit_of_work import SystemJob, UnitOfWork

    path = tmp_path / "desk.sqlite"
    shutil.copyfile(sqlite_template, path)
    opened = open_database(str(path))
    create_first_administrator(UnitOfWork(opened.database, SystemJob.SETUP), "admin", "Anna Administratorka", PASSWORD)
    opened.database.dispose()
    return path


def loaded_when_shown(database: Path, home: Path, window: str, login: str = "") -> set[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        environment[name] = str(home / name.lower())
    result = subprocess.run([sys.executable, "-c", PROBE, window, login, PASSWORD, "--db", str(database)], cwd=ROOT,
                            env=environment, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    lines = [line for line in result.stdout.splitlines() if line.startswith("LOADED ")]
    assert lines, f"the {window} was not shown (exit {result.returncode}):\n{result.stderr[-3000:]}"
    return set(json.loads(lines[-1].removeprefix("LOADED ")))


def among(loaded: set[str], packages: tuple[str, ...]) -> list[str]:
    return sorted(name for name in loaded if any(name == p or name.startswith(p + ".") for p in packages))


def test_the_sign_in_window_shows_before_anything_it_does_not_need(database, tmp_path):
    loaded = loaded_when_shown(database, tmp_path, "signInDialog")
    assert "ui.sign_in" in loaded
    assert among(loaded, NOT_BEFORE_SIGN_IN) == []


def test_the_main_window_shows_its_first_view_only(database, tmp_path):
    loaded = loaded_when_shown(database, tmp_path, "mainWindow", login="admin")
    assert "ui.views.student_lookup" in loaded
    assert among(loaded, NEVER_AT_START + OTHER_VIEWS) == []
