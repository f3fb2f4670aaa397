"""Application start-up: the one place that builds the database, the task runner and the windows."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt, QTimer, QtMsgType, qInstallMessageHandler
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
from desk.db import (
    DATABASE_ENV,
    Database,
    default_database_path,
    describe_url,
    open_database,
    remembered_address,
    server_url,
    with_password,
)
from desk.errors import DatabaseOpenError
from desk.institution import institution_settings
from desk.staff import Actor, staff_count
from ui import i18n, theme
from ui.context import AppContext
from ui.sign_in import FirstAdministratorDialog, SignInDialog
from ui.tasks import Lane, TaskRunner

log = logging.getLogger(__name__)
LAST_DATABASE_KEY = "lastDatabase"
DEMO_STUDENTS = 12_000


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


def open_or_ask(db_arg: str | None, settings: QSettings, tasks: TaskRunner) -> Database | None:
    """Open the database, building the demo on first run; on failure let the clerk choose another."""
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


def sign_in_or_create(database: Database, tasks: TaskRunner, login: str = "") -> Actor | None:
    """Who works at the desk; ``login``: who has just signed out, offered again (only the password is asked)."""
    settings = institution_settings(database)
    if staff_count(database) == 0:
        first = FirstAdministratorDialog(database, tasks)
        if first.exec() != FirstAdministratorDialog.DialogCode.Accepted:
            return None
        return first.actor
    dialog = SignInDialog(database, tasks, is_demo=settings.is_demo, institution=settings.name, login=login)
    if dialog.exec() != SignInDialog.DialogCode.Accepted:
        return None
    return dialog.actor


def _daily_backup(database: Database, zone: str):
    from desk.backup import daily_backup  # imported here, in the background: it loads Alembic
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
    database = open_or_ask(db, settings, tasks)
    if database is None:
        return 1
    institution = institution_settings(database)
    last_login = ""
    while True:
        actor = sign_in_or_create(database, tasks, last_login)
        if actor is None:
            break
        from ui.main_window import MainWindow  # the views, their tables and exports: after the sign-in, not before it

        context = AppContext(database, actor, tasks, institution.time_zone)
        window = MainWindow(context, institution.name)
        signed_out: list[bool] = []
        window.signOutRequested.connect(lambda: signed_out.append(True))
        window.show()
        if database.is_sqlite:  # one backup a day, off the GUI thread, once the window is up; a failure is only logged
            QTimer.singleShot(0, lambda: tasks.run(lambda: _daily_backup(database, institution.time_zone), None,
                                                   lambda error: log.warning("daily backup failed: %s", error),
                                                   lane=Lane.LONG))
        app.exec()
        if not signed_out:
            break
        last_login = actor.login
    tasks.wait()
    database.dispose()
    return 0
