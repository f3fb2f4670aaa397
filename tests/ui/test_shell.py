"""The application shell: sign-in, the main window, menus, settings, errors, snapshots."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from desk.demo import DEMO_PASSWORD
from desk.errors import DatabaseOpenError
from desk.staff import sign_in
from desk.unit_of_work import SystemJob, UnitOfWork
from tests import factories
from ui import i18n
from ui.app import database_error_box
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog
from ui.sign_in import FirstAdministratorDialog, SignInDialog
from ui.snapshot import render_all


def test_sign_in_success_and_failure(qtbot, db, admin, tasks):
    dialog = SignInDialog(db, tasks, is_demo=True)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "demoHint") is not None
    dialog.login.setText("admin")
    dialog.password.setText("wrong-password")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)
    assert "Wrong login or password" in dialog.error.text()
    dialog.password.setText("admin-password")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.actor.login == "admin"


def test_first_administrator_dialog(qtbot, db, tasks):
    dialog = FirstAdministratorDialog(db, tasks)
    qtbot.addWidget(dialog)
    dialog.login.setText("root")
    dialog.full_name.setText("Rafał Root")
    dialog.password.setText("long-password")
    dialog.repeat.setText("other-password")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "differ" in dialog.error.text()
    dialog.repeat.setText("long-password")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.actor.login == "root"


def test_main_window_status_bar_and_shortcuts(qtbot, app_context):
    window = MainWindow(app_context, "Uniwersytet Testowy")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not app_context.db.is_sqlite or window.database_label.text().endswith("desk.sqlite")  # the name; the path: tooltip
    assert "Anna Administratorka" in window.staff_label.text()
    names = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert names == ["Students", "Registrations", "Class groups", "Tokens", "Token rounds", "Payments", "Accounts", "Sync", "History", "Staff", "Import"]
    window.findChild(QAction, "syncViewAction").trigger()
    assert window.stack.currentWidget() is window.sync
    window.findChild(QAction, "accountsViewAction").trigger()
    assert window.stack.currentWidget() is window.accounts
    assert window.schedule_timer.isActive()
    window.findChild(QAction, "groupsViewAction").trigger()
    assert window.stack.currentWidget() is window.groups
    window.activateWindow()
    window.lookup.table.setFocus()
    window.findChild(QAction, "findStudentAction").trigger()
    assert window.focusWidget() is window.lookup.field


def test_window_geometry_persists(qtbot, app_context):
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    window.resize(1040, 560)  # within a laptop at 125% (1093x614)
    qtbot.waitUntil(lambda: window.width() == 1040)
    window.close()
    assert QSettings().value("mainWindow/geometry") is not None
    again = MainWindow(app_context)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (1040, 560)


def test_every_view_fits_a_laptop_screen_at_125_percent(qtbot, app_context):
    """1366x768 at 125% is 1093x614 of Qt's pixels; the window's smallest size fits, whichever view is shown."""
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    for index in range(window.stack.count()):
        window.stack.setCurrentIndex(index)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1093 and hint.height() <= 614, (type(window.stack.widget(index)).__name__, hint)


def test_settings_remember_the_language(qtbot):
    dialog = SettingsDialog("Europe/Warsaw")
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("pl"))
    dialog.accept()
    assert QSettings().value("language") == "pl" and dialog.language_changed


def test_database_error_box_explains_and_offers_a_way_out(qtbot):
    box = database_error_box(DatabaseOpenError("The file x is not a desk database.", detail="file is not a database"))
    qtbot.addWidget(box)
    assert box.text() == "The file x is not a desk database."
    assert box.detailedText() == "file is not a database"
    assert {box.choose_file.text(), box.choose_server.text(), box.quit.text()} == {
        "Open another database file…", "Connect to a server…", "Quit"
    }


VIEWS = ("01-sign-in", "02-student-lookup", "03-student-card", "04-settings", "05-registrations", "06-access",
         "07-class-groups", "08-explain", "09-tokens", "10-token-round", "11-payments", "12-accounts", "13-sync", "14-history",
         "15-staff", "19-import-preview")


def test_snapshot_renders_every_view_in_both_languages(qtbot, sqlite_db, tmp_path):
    from desk.demo import build_demo

    build_demo(sqlite_db, students=300, seed=7)
    admin = sign_in(sqlite_db, "admin", DEMO_PASSWORD)
    paths = render_all(sqlite_db, admin, tmp_path, languages=("en", "pl"), query="kowal")
    assert sorted(p.name for p in paths) == sorted(f"{lang}-{view}.png" for lang in ("en", "pl") for view in VIEWS)
    assert all(p.stat().st_size > 5_000 for p in paths)


def test_first_run_builds_the_demo_database(qtbot, tmp_path, monkeypatch, tasks):
    from PySide6.QtCore import QSettings as Settings

    import ui.app
    from desk.institution import institution_settings

    target = tmp_path / "data" / "desk.sqlite"
    monkeypatch.delenv("DESK_DATABASE_URL", raising=False)
    monkeypatch.setattr(ui.app, "default_database_path", lambda: target)
    monkeypatch.setattr(ui.app, "DEMO_STUDENTS", 150)
    database = ui.app.open_or_ask(None, Settings(), tasks)
    try:
        assert target.exists() and institution_settings(database).is_demo
    finally:
        database.dispose()
    again = ui.app.open_or_ask(None, Settings(), tasks)  # the second run opens it as it is
    again.dispose()


def test_the_open_desk_resolves_due_token_requests(qtbot, app_context, db, admin):
    from datetime import timedelta

    from desk import token_rounds
    from desk.clock import now_utc
    from desk.model import Level, RegistrationKind, RequestAction, RequestStatus, TokenRequest
    from tests import factories

    now = now_utc()
    token = factories.token_type(db)
    course = factories.course(db, "SJO-ANG")
    term = factories.term(db)
    group = factories.group(db, course, term)
    reg = factories.registration(db, code="LEK", term_id=term, course_ids=(course,), kind=RegistrationKind.TOKEN,
                                 token_type_id=token, rounds=((now - timedelta(minutes=70), now + timedelta(days=1)),),
                                 rules=({"level": Level.FIRST_CYCLE},))
    student = factories.student(db)
    request = token_rounds.submit_request(UnitOfWork(db, SystemJob.PORTAL, now=now - timedelta(minutes=30)), student, group, reg,
                                          RequestAction.REGISTER, payment_accepted=True)
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    assert window.resolution_timer.isActive()
    window.resolve_due_token_requests()

    def resolved():
        with db.read() as session:
            return session.get(TokenRequest, request).status is RequestStatus.ACCEPTED

    qtbot.waitUntil(resolved, timeout=10_000)


def test_the_open_desk_runs_its_timed_jobs_as_long_jobs_once_each(qtbot, app_context, monkeypatch):
    import threading

    from ui.tasks import Lane

    gate = threading.Event()
    calls: list[str] = []

    def scheduled_run(db, zone):
        calls.append("sync")
        gate.wait(10)

    monkeypatch.setattr("desk.sync.run_due", scheduled_run)
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    try:
        window.run_scheduled_sync()
        window.run_scheduled_sync()  # the timer again, a minute later: the run is still going
        qtbot.waitUntil(lambda: calls == ["sync"], timeout=5_000)
        saved: list[str] = []
        app_context.tasks.run(lambda: "saved", saved.append, lane=Lane.WRITE)  # a clerk's Save meanwhile
        qtbot.waitUntil(lambda: saved == ["saved"], timeout=5_000)
        assert app_context.tasks.busy(Lane.LONG) == 1
    finally:
        gate.set()
    qtbot.waitUntil(lambda: app_context.tasks.busy(Lane.LONG) == 0, timeout=10_000)
    assert calls == ["sync"]


def test_the_status_bar_names_the_database_file_not_the_machines_path(qtbot, app_context):
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    shown = window.database_label.text()
    assert app_context.db.is_sqlite is False or ("/" not in shown and "\\" not in shown), shown
    assert window.database_label.toolTip() == app_context.db.description  # the whole of it, on demand
