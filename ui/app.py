"""Application start-up: the one place that builds the database, the task runner and the windows."""

from __future__ import annotations

import importlib
import json
import logging
import os
import re
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QSettings, Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

import resources
from desk.crash import record_unexpected
from desk.errors import DatabaseOpenError
from ui import i18n, theme
from ui.sign_in import FirstAdministratorDialog, SignInDialog
from ui.tasks import Lane, TaskRunner

if TYPE_CHECKING:
    from desk.db import Database
    from desk.staff import Actor


def _later(module: str, name: str):
    """``module.name``, imported when first called: the sign-in window is on screen before SQLAlchemy,
    the data model and the services are loaded (they take longer than the window itself)."""

    def call(*args, **kwargs):
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"{module}.{name}, imported when first called."
    return call


default_database_path = _later("desk.db", "default_database_path")
describe_url = _later("desk.db", "describe_url")
open_database = _later("desk.db", "open_database")
remembered_address = _later("desk.db", "remembered_address")
server_url = _later("desk.db", "server_url")
with_password = _later("desk.db", "with_password")
institution_settings = _later("desk.institution", "institution_settings")
staff_count = _later("desk.staff", "staff_count")

DATABASE_ENV = "DESK_DATABASE_URL"  # desk.db.DATABASE_ENV, read here before desk.db is loaded
log = logging.getLogger(__name__)
LAST_DATABASE_KEY = "lastDatabase"
# What the sign-in window showed when the database was last opened (JSON), to show it again at once at the next start.
SIGN_IN_CACHE_KEY = "signInWindow"
DEMO_STUDENTS = 12_000
# The day's backup starts this long after the main window is up: the start (the window, its first view,
# the clerk's first search) never shares the disk with a copy of the whole database.
DAILY_BACKUP_DELAY_MS = 10_000


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("desk")
    app.setApplicationName("desk")
    app.setApplicationDisplayName("desk")
    app.setWindowIcon(QIcon(str(resources.path("icons", "desk.svg"))))
    theme.apply()  # the theme and font size the settings keep (as the system, 10 pt at first): style, palette, style sheet
    return app


def unexpected_error_box(kind, value, tb) -> QMessageBox:
    """The message for an error nobody expected; its full traceback goes to the log file it names."""
    text = "".join(traceback.format_exception(kind, value, tb))
    log.error("unexpected error: %s", text)
    if value is not None and value.__traceback__ is None:
        value = value.with_traceback(tb)
    path = record_unexpected(value if value is not None else kind(), where="application")
    where = (QCoreApplication.translate("App", "The details are in %1; please send that file to your administrator.")
             .replace("%1", str(path)) if path is not None else
             QCoreApplication.translate("App", "Please tell your administrator."))
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("App", "Unexpected error"), QCoreApplication.translate("App",
        "Something went wrong that desk did not expect. Nothing you saved is lost; "
        "the last action may not have been completed.") + " " + where)
    box.setObjectName("unexpectedErrorBox")
    box.setDetailedText(text)
    return box


def _show_unexpected(kind, value, tb) -> None:
    """Unexpected errors are shown and logged instead of silently ending the application."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    unexpected_error_box(kind, value, tb).exec()


def _qt_message(kind: QtMsgType, context, message: str) -> None:
    """Qt's own warnings go to the log; a critical or fatal one is kept in the error log file too."""
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        log.error("Qt: %s", message)
        record_unexpected(RuntimeError(f"Qt: {message}"), where=f"Qt {getattr(context, 'file', '') or ''}")
    elif kind == QtMsgType.QtWarningMsg:
        log.warning("Qt: %s", message)
    else:
        log.debug("Qt: %s", message)


def install_error_boundary() -> None:
    """The application's last resort: Python's excepthook and Qt's message handler."""
    sys.excepthook = _show_unexpected
    qInstallMessageHandler(_qt_message)


def database_error_box(error: DatabaseOpenError, parent: QWidget | None = None) -> QMessageBox:
    """The message shown when a database cannot be opened, with the ways forward."""
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("App", "The database cannot be opened"), error.message, parent=parent)
    box.setObjectName("databaseErrorBox")
    if error.detail:
        box.setDetailedText(error.detail)
    box.choose_file = box.addButton(QCoreApplication.translate("App", "Open another database file…"), QMessageBox.ButtonRole.AcceptRole)
    box.choose_server = box.addButton(QCoreApplication.translate("App", "Connect to a server…"), QMessageBox.ButtonRole.AcceptRole)
    box.quit = box.addButton(QCoreApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(box.choose_file)
    return box


def _wait(tasks: TaskRunner, work, label: str) -> object:
    """Run ``work(handle)`` in the background with a progress dialog; return its result or raise."""
    dialog = QProgressDialog(label, None, 0, 0)
    dialog.setObjectName("progressDialog")
    dialog.setWindowTitle("desk")
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(420)
    outcome: dict[str, object] = {}
    loop = QEventLoop()

    def progress(done: int, total: int, message: str) -> None:
        dialog.setLabelText(f"{label}\n{message}")
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, total))

    def finish(key: str, value: object) -> None:
        outcome[key] = value
        loop.quit()

    tasks.run(work, lambda v: finish("value", v), lambda e: finish("error", e), on_progress=progress, lane=Lane.LONG, with_handle=True)
    dialog.show()
    if not outcome:
        loop.exec()
    dialog.close()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome.get("value")


def _build_demo(database: Database, tasks: TaskRunner) -> None:
    from desk.demo import build_demo

    def work(handle):
        return build_demo(database, students=DEMO_STUDENTS, progress=lambda phase, done, total: handle.progress(done, total, phase))

    _wait(tasks, work, QCoreApplication.translate("App", "Creating the demo database (a university with %1 students)…").replace("%1", f"{DEMO_STUDENTS:,}"))


def _target(db_arg: str | None, settings: QSettings) -> tuple[str, bool]:
    """The database to open, and whether it is the default file (which gets demo data when new)."""
    last = settings.value(LAST_DATABASE_KEY)
    if last and remembered(str(last)) != str(last):
        settings.setValue(LAST_DATABASE_KEY, remembered(str(last)))  # an older desk kept a password there
    chosen = db_arg or os.environ.get(DATABASE_ENV) or last
    if chosen:
        return str(chosen), False
    return str(default_database_path()), True


def remembered(target: str) -> str:
    """The database as the settings file keeps it: a server's address without its password.

    libpq finds the password itself (~/.pgpass, a service file, PGPASSWORD), or it is asked for
    when the server wants it and kept in memory only.
    """
    return remembered_address(target)


def _wants_password(target: str, error: DatabaseOpenError) -> bool:
    url = server_url(target)
    detail = (error.detail or "").lower()
    return url is not None and url.password is None and (
        "no password supplied" in detail or "password authentication failed" in detail)


def ask_server_password(shown: str) -> str | None:
    """The password of the database server, asked for (None: the clerk cancelled)."""
    password, ok = QInputDialog.getText(
        None, QCoreApplication.translate("App", "Database password"),
        QCoreApplication.translate("App", "Password for the database %1 (not saved):").replace("%1", shown),
        QLineEdit.EchoMode.Password,
    )
    return password if ok and password else None


def open_or_ask(db_arg: str | None, settings: QSettings, tasks: TaskRunner,
                waiting: QWidget | None = None) -> Database | None:
    """Open the database, building the demo on first run; on failure let the clerk choose another.

    ``waiting``: the sign-in window shown before the database is open; a failure's questions replace it.
    """
    target, is_default = _target(db_arg, settings)
    while True:
        try:
            fresh_default = is_default and not Path(target).exists()
            opened = open_database(target, create=True)
            database = opened.database
            if fresh_default:
                _build_demo(database, tasks)
            settings.setValue(LAST_DATABASE_KEY, remembered(target) if not is_default else "")
            return database
        except DatabaseOpenError as error:
            if waiting is not None:
                waiting.hide()
            if _wants_password(target, error):
                password = ask_server_password(describe_url(server_url(target)))
                if password is not None:
                    target = with_password(target, password)
                    continue
            box = database_error_box(error)
            box.exec()
            clicked = box.clickedButton()
            if clicked is box.choose_file:
                path, _ = QFileDialog.getSaveFileName(
                    None, QCoreApplication.translate("App", "Open or create a database file"), str(Path(target).parent),
                    QCoreApplication.translate("App", "desk databases (*.sqlite *.db);;All files (*)"),
                    options=QFileDialog.Option.DontConfirmOverwrite,
                )
                if path:
                    target, is_default = path, False
                continue
            if clicked is box.choose_server:
                url, ok = QInputDialog.getText(
                    None, QCoreApplication.translate("App", "Connect to a server"),
                    QCoreApplication.translate(
                        "App", "Database address, e.g. postgresql://user@server/desk (the password is asked for, "
                               "or read from ~/.pgpass; it is never saved)"),
                )
                if ok and url.strip():
                    target, is_default = url.strip(), False
                continue
            return None


def sign_in_or_create(database: Database, tasks: TaskRunner, login: str = "",
                      dialog: SignInDialog | None = None) -> Actor | None:
    """Who works at the desk; ``login``: who has just signed out, offered again (only the password is asked).

    ``dialog``: the sign-in window shown while the database was being opened, kept with what was typed in it.
    """
    settings = institution_settings(database)
    if staff_count(database) == 0:
        if dialog is not None:  # no one to sign in: the first administrator's dialog replaces it
            dialog.hide()
            dialog.deleteLater()
        first = FirstAdministratorDialog(database, tasks)
        if first.exec() != FirstAdministratorDialog.DialogCode.Accepted:
            return None
        return first.actor
    if dialog is None:
        dialog = SignInDialog(database, tasks, is_demo=settings.is_demo, institution=settings.name, login=login)
    else:
        dialog.opened(database, is_demo=settings.is_demo, institution=settings.name)
    if dialog.exec() != SignInDialog.DialogCode.Accepted:
        return None
    return dialog.actor


# "://user:password@" in an address: the password is never kept in the settings.
_PASSWORD_IN_ADDRESS = re.compile(r"(://[^:/@\s]*):[^@\s]*@")


def _start_key(chosen: str) -> str:
    """The database a start opens, as the sign-in window's cache knows it without opening it: a file's
    full path, a server's address without its password, or "" for the default file."""
    if "://" in chosen:
        return _PASSWORD_IN_ADDRESS.sub(r"\1@", chosen)
    return str(Path(chosen).expanduser().resolve()) if chosen else ""


def remembered_sign_in(db_arg: str | None, settings: QSettings) -> dict[str, object]:
    """What the sign-in window showed when this database was last opened (nothing known: a neutral window)."""
    key = _start_key(str(db_arg or os.environ.get(DATABASE_ENV) or settings.value(LAST_DATABASE_KEY) or ""))
    try:
        cached = json.loads(str(settings.value(SIGN_IN_CACHE_KEY) or "{}"))
    except ValueError:
        cached = {}
    if not isinstance(cached, dict) or cached.get("database") != key:
        return {"description": key if "://" not in key else "", "institution": "", "is_demo": False}
    return {"description": str(cached.get("description") or ""), "institution": str(cached.get("institution") or ""),
            "is_demo": cached.get("demo") is True}


def remember_sign_in(settings: QSettings, database: Database, name: str, is_demo: bool) -> None:
    """Kept for the next start of the same database (the one open_or_ask has just remembered)."""
    key = _start_key(str(settings.value(LAST_DATABASE_KEY) or ""))
    settings.setValue(SIGN_IN_CACHE_KEY, json.dumps(
        {"database": key, "description": database.description, "institution": name, "demo": bool(is_demo)}))


class _FirstPaint(QObject):
    def __init__(self, loop: QEventLoop):
        super().__init__()
        self.loop = loop

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self.loop.quit)  # once the painted window is on the screen
        return False


def _until_painted(window: QWidget, at_most_ms: int = 250) -> None:
    """Let a window just shown be painted (or wait at most ``at_most_ms``, where it is never exposed)."""
    loop = QEventLoop()
    watch = _FirstPaint(loop)
    window.installEventFilter(watch)
    limit = QTimer()
    limit.setSingleShot(True)
    limit.timeout.connect(loop.quit)
    limit.start(at_most_ms)
    loop.exec()
    limit.stop()
    window.removeEventFilter(watch)


def _daily_backup(database: Database, zone: str):
    from desk.backup import daily_backup  # imported here, in the background, with the units of work
    from desk.unit_of_work import SystemJob, UnitOfWork

    return daily_backup(UnitOfWork(database, SystemJob.SCHEDULE), zone=zone)


def run(db: str | None = None) -> int:
    """Open the application; returns the process exit status."""
    logging.basicConfig(level=logging.WARNING)
    app = make_application()
    settings = QSettings()
    i18n.install(i18n.chosen_language(settings))
    install_error_boundary()
    tasks = TaskRunner(app)
    # The sign-in window first, as the last opening of this database showed it; the database is opened
    # behind it (SQLAlchemy, the data model, a schema check take longer than the window), then Sign in works.
    cached = remembered_sign_in(db, settings)
    waiting = SignInDialog(None, tasks, is_demo=bool(cached["is_demo"]), institution=str(cached["institution"]),
                           description=str(cached["description"]))
    waiting.setWindowModality(Qt.WindowModality.ApplicationModal)  # as exec() shows it
    closed: list[bool] = []
    waiting.finished.connect(lambda _result: closed.append(True))
    waiting.show()
    _until_painted(waiting)
    if closed:  # cancelled before the database was opened
        return 0
    database = open_or_ask(db, settings, tasks, waiting=waiting)
    if database is None:
        return 1
    institution = institution_settings(database)
    remember_sign_in(settings, database, institution.name, institution.is_demo)
    if closed:  # cancelled while the demo was being made
        tasks.wait()
        database.dispose()
        return 0
    last_login = ""
    while True:
        actor = sign_in_or_create(database, tasks, last_login, dialog=waiting)
        waiting = None
        if actor is None:
            break
        from ui.context import AppContext
        from ui.main_window import MainWindow  # the views, their tables and exports: after the sign-in, not before it

        context = AppContext(database, actor, tasks, institution.time_zone)
        window = MainWindow(context, institution.name)
        signed_out: list[bool] = []
        window.signOutRequested.connect(lambda: signed_out.append(True))
        window.show()
        backup = QTimer()
        if database.is_sqlite:  # one backup a day, off the GUI thread, once the start is over; a failure is only logged
            backup.setSingleShot(True)
            backup.timeout.connect(lambda: tasks.run(lambda: _daily_backup(database, institution.time_zone), None,
                                                     lambda error: log.warning("daily backup failed: %s", error),
                                                     lane=Lane.LONG))
            backup.start(DAILY_BACKUP_DELAY_MS)
        app.exec()
        backup.stop()  # closed sooner: the next start takes the day's backup
        if not signed_out:
            break
        last_login = actor.login
    tasks.wait()
    database.dispose()
    return 0
