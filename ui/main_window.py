"""The main window: navigation between the views, menus, shortcuts and the status bar."""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal, qVersion
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

import resources
from desk import __version__
from desk.clock import now_utc, to_local
from desk.staff import Permission, role_label
from ui.changes import SEATS_RELEASED, SYNC_RUN, TOKEN_ROUND
from ui.context import AppContext
from ui.screen import fit_to_screen
from ui.settings_dialog import SettingsDialog
from ui.sign_in import ChangePasswordDialog
from ui import theme
from ui.tasks import Lane
from ui.views.student_lookup import StudentLookupView


log = logging.getLogger(__name__)


def _view(module: str, name: str):
    """The maker of a view whose module is loaded when the view is first opened."""
    def make(context: AppContext, parent: QWidget) -> QWidget:
        return getattr(importlib.import_module(module), name)(context, parent)
    return make


# What the kinds of record a file can bring ask of whoever imports them (desk.imports.registry.kinds(),
# which loads every kind with its services; a test keeps the two the same): the window asks only this.
IMPORT_PERMISSIONS = (Permission.ADMINISTER, Permission.CORRECT_TOKENS, Permission.EDIT_STUDENTS,
                      Permission.MANAGE_ACCOUNTS)


def _may_import(actor) -> bool:
    """Whether the staff member may import some kind of record (the service checks each file anyway)."""
    return any(actor.can(permission) for permission in IMPORT_PERMISSIONS)


class _Unopened(QWidget):
    """The place of a view in the stack until it is first opened; then the view is made in its place."""

    def __init__(self, name: str, make, parent: QWidget):
        super().__init__(parent)
        self.setObjectName(f"{name}Unopened")
        self.name = name
        self.make = make


class _View:
    """A view of the window, made the first time it is opened or asked for (``window.groups``)."""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, window, owner=None):
        if window is None:
            return self
        return window._made(self.name)


class MainWindow(QMainWindow):
    """The views, each made when first opened: the window opens with the student lookup only."""

    signOutRequested = Signal()

    calendar = _View()
    groups = _View()
    tokens = _View()
    token_rounds = _View()
    payments = _View()
    accounts = _View()
    sync = _View()
    history = _View()
    staff_admin = _View()

    def __init__(self, context: AppContext, institution: str = ""):
        super().__init__()
        self.context = context
        self.setObjectName("mainWindow")
        self.institution = institution
        self._view_titles: dict[QWidget, str] = {}
        self.setWindowIcon(QIcon(str(resources.path("icons", "desk.svg"))))

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Views"))
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setFixedWidth(190)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("viewStack")

        self._unopened: dict[str, _Unopened] = {}
        self.lookup = StudentLookupView(context, self)
        self._add_view(self.lookup, self.tr("Students"), "students.svg")
        self._add_unopened("calendar", _view("ui.views.calendar", "RegistrationsView"), self.tr("Registrations"), "registrations.svg")
        self._add_unopened("groups", _view("ui.views.groups", "GroupsView"), self.tr("Class groups"), "groups.svg")
        self._add_unopened("tokens", _view("ui.views.token_balances", "TokenCorrectionView"), self.tr("Tokens"), "tokens.svg")
        self._add_unopened("token_rounds", _view("ui.views.token_rounds", "TokenRoundView"), self.tr("Token rounds"), "rounds.svg")
        self._add_unopened("payments", _view("ui.views.payments_list", "PaymentsView"), self.tr("Payments"), "payments.svg")
        self._add_unopened("accounts", _view("ui.views.accounts", "AccountsView"), self.tr("Accounts"), "accounts.svg")
        self._add_unopened("sync", _view("ui.views.sync_view", "SyncView"), self.tr("Sync"), "sync.svg")
        self._add_unopened("history", _view("ui.views.history", "HistoryView"), self.tr("History"), "history.svg")
        self._add_unopened("staff_admin", _view("ui.views.staff_admin", "StaffAdminView"), self.tr("Staff"), "staff.svg")
        # Only for those who may import some kind of record (the service checks each file anyway).
        self._may_import = _may_import(context.actor)
        if self._may_import:
            self._add_unopened("import_view", _view("ui.views.import_view", "ImportView"), self.tr("Import"), "import.svg")
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.stack.currentChanged.connect(self._opened)
        self.navigation.setCurrentRow(0)

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._status_bar()
        self._menus()
        # Token rounds are resolved at their micro-breaks whenever the desk is open (any
        # workstation may do it: resolution carries out each request once).
        self.resolution_timer = QTimer(self)
        self.resolution_timer.setObjectName("tokenResolutionTimer")
        self.resolution_timer.setInterval(60_000)
        self.resolution_timer.timeout.connect(self.resolve_due_token_requests)
        # Dedicated seats released at their moment go to the groups' waiting lists then, not at the next write.
        self.resolution_timer.timeout.connect(self.release_due_seats)
        self.resolution_timer.start()
        # The sync schedule (e.g. full at 01:25, incremental at 06:05 and 16:05) is kept whenever a
        # desk is open; a system timer running `desk sync --scheduled` does the same without one.
        self.schedule_timer = QTimer(self)
        self.schedule_timer.setObjectName("syncScheduleTimer")
        self.schedule_timer.setInterval(60_000)
        self.schedule_timer.timeout.connect(self.run_scheduled_sync)
        self.schedule_timer.start()
        self.lookup.searchFinished.connect(lambda _rows: self._mark_data_time())
        self._restore()
        # The window opens with the keyboard in the student search, not in the navigation list
        # (made first, it would otherwise be given the focus).
        self.lookup.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_title()

    def _add_view(self, view, title: str, icon: str) -> None:
        item = QListWidgetItem(theme.icon(icon), title)  # drawn in the theme's colours
        item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        self.navigation.addItem(item)
        self.stack.addWidget(view)
        self._view_titles[view] = title
        if hasattr(view, "subjectChanged"):  # a view that shows one student or person names them in the title
            view.subjectChanged.connect(self._update_title)

    def _add_unopened(self, name: str, make, title: str, icon: str) -> None:
        place = _Unopened(name, make, self)
        self._unopened[name] = place
        self._add_view(place, title, icon)

    def _made(self, name: str) -> QWidget:
        """The view ``name``, made now in its place in the stack if it has not been opened yet."""
        place = self._unopened.get(name)
        if place is None:
            return self.__dict__[name]
        view = place.make(self.context, self)  # a view that fails to be made keeps its place, to be tried again
        del self._unopened[name]
        self.__dict__[name] = view
        index = self.stack.indexOf(place)
        was_current = self.stack.currentIndex() == index
        title = self._view_titles.pop(place)
        self.stack.blockSignals(True)
        try:
            self.stack.insertWidget(index, view)
            if was_current:  # from its place to the view: the keyboard the place was given goes on into the view
                self.stack.setCurrentIndex(index)
            self.stack.removeWidget(place)
        finally:
            self.stack.blockSignals(False)
        place.deleteLater()
        self._view_titles[view] = title
        if hasattr(view, "subjectChanged"):  # a view that shows one student or person names them in the title
            view.subjectChanged.connect(self._update_title)
        if name == "calendar":
            view.showGroupsRequested.connect(self.show_groups_of)
        return view

    def _opened(self, index: int) -> None:
        place = self.stack.widget(index)
        if isinstance(place, _Unopened):
            self._made(place.name)
        self._update_title()

    @property
    def import_view(self):
        """The import view, or None for a staff member who may import nothing."""
        return self._made("import_view") if self._may_import else None

    def _update_title(self) -> None:
        """The view and what it shows, then the institution: "Tokens: 107174 Kamiński Leon — Uniwersytet …".

        The application's name is added by Qt (the application display name), once.
        """
        view = self.stack.currentWidget()
        shown = self._view_titles.get(view, "")
        subject = view.subject() if hasattr(view, "subject") else ""
        if shown and subject:
            shown = self.tr("%1: %2").replace("%1", shown).replace("%2", subject)
        self.setWindowTitle(" — ".join(part for part in (shown, self.institution or self.tr("course registration")) if part))

    def _status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        db = self.context.db
        kind = self.tr("SQLite file") if db.is_sqlite else self.tr("PostgreSQL server")
        # The file's name only (the whole path in the tooltip): a picture of the window shows no folder of a machine.
        shown = Path(db.description).name if db.is_sqlite else db.description
        self.database_label = QLabel(f"{kind}: {shown}", self)
        self.database_label.setObjectName("databaseStatus")
        self.database_label.setToolTip(db.description)
        actor = self.context.actor
        self.staff_label = QLabel(f"{actor.full_name} ({role_label(actor.role)})", self)
        self.staff_label.setObjectName("staffStatus")
        self.data_label = QLabel(self)
        self.data_label.setObjectName("dataAsOfStatus")
        bar.addWidget(self.database_label, 1)
        bar.addPermanentWidget(self.staff_label)
        bar.addPermanentWidget(self.data_label)
        self._mark_data_time()

    def _mark_data_time(self) -> None:
        local = to_local(now_utc(), self.context.time_zone)
        self.data_label.setText(self.tr("data as of %1").replace("%1", local.strftime("%H:%M:%S")))

    def _action(self, text: str, name: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("Change &password…"), "changePasswordAction", self.change_password))
        file_menu.addAction(self._action(self.tr("Sign &out"), "signOutAction", self.sign_out))
        if self._may_import:
            file_menu.addSeparator()
            file_menu.addAction(self._action(self.tr("&Import from a file…"), "importFileAction", self.import_file, "Ctrl+O"))
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("&Settings…"), "settingsAction", self.open_settings, QKeySequence.StandardKey.Preferences)
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), "quitAction", self.close, "Ctrl+Q"))
        students_menu = menu.addMenu(self.tr("S&tudents"))
        students_menu.addAction(self._action(self.tr("&New student…"), "newStudentAction", self.new_student, "Ctrl+N"))
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addAction(self._action(self.tr("&Students"), "studentsViewAction", lambda: self.navigation.setCurrentRow(0), "Ctrl+1"))
        view_menu.addAction(self._action(self.tr("&Registrations"), "registrationsViewAction", lambda: self.navigation.setCurrentRow(1), "Ctrl+2"))
        view_menu.addAction(self._action(self.tr("Class &groups"), "groupsViewAction", lambda: self.navigation.setCurrentRow(2), "Ctrl+3"))
        view_menu.addAction(self._action(self.tr("&Tokens"), "tokensViewAction", lambda: self.navigation.setCurrentRow(3), "Ctrl+4"))
        view_menu.addAction(self._action(self.tr("Token r&ounds"), "tokenRoundsViewAction", lambda: self.navigation.setCurrentRow(4), "Ctrl+5"))
        view_menu.addAction(self._action(self.tr("&Payments"), "paymentsViewAction", lambda: self.navigation.setCurrentRow(5), "Ctrl+6"))
        view_menu.addAction(self._action(self.tr("&Accounts"), "accountsViewAction", lambda: self.navigation.setCurrentRow(6), "Ctrl+7"))
        view_menu.addAction(self._action(self.tr("S&ync"), "syncViewAction", lambda: self.navigation.setCurrentRow(7), "Ctrl+8"))
        view_menu.addAction(self._action(self.tr("&History"), "historyViewAction", lambda: self.navigation.setCurrentRow(8), "Ctrl+9"))
        view_menu.addAction(self._action(self.tr("S&taff accounts"), "staffViewAction", lambda: self.navigation.setCurrentRow(9), "Ctrl+0"))
        if self._may_import:
            view_menu.addAction(self._action(self.tr("&Import"), "importViewAction", self.show_import, "Ctrl+I"))
        view_menu.addAction(self._action(self.tr("&Find student"), "findStudentAction", self.find_student, "Ctrl+F"))
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Keyboard shortcuts"), "shortcutsAction", self.show_shortcuts, "F1"))
        help_menu.addAction(self._action(self.tr("&About desk"), "aboutAction", self.show_about))

    # --- actions ---------------------------------------------------------------------------

    def _timer_job(self, job, changes, what: str, key: str) -> None:
        """Work a timer starts (``job`` given the system's unit of work): a long job, so it never holds up a clerk's
        Save, and one still running is not queued twice; ``changes`` of its result is announced."""
        from desk.unit_of_work import SystemJob, UnitOfWork

        db = self.context.db
        self.context.operate(lambda: job(UnitOfWork(db, SystemJob.SCHEDULE)),
                             changes=lambda result: changes if result else None,
                             failed=lambda error: log.warning("%s failed: %s", what, error), lane=Lane.LONG, key=key)

    def resolve_due_token_requests(self) -> None:
        from desk.token_rounds import resolve_due

        self._timer_job(resolve_due, TOKEN_ROUND, "token round resolution", "resolve-due-token-requests")

    def release_due_seats(self) -> None:
        from desk.seat_shares import release_due

        self._timer_job(release_due, SEATS_RELEASED, "releasing dedicated seats", "release-due-seats")

    def run_scheduled_sync(self) -> None:
        from desk.sync import run_due

        zone = self.context.time_zone  # like a sync started in the sync view
        self._timer_job(lambda uow: run_due(uow, zone=zone), SYNC_RUN, "scheduled sync", "scheduled-sync")

    def show_groups_of(self, registration_id: int, term_id: int) -> None:
        self.navigation.setCurrentRow(self.stack.indexOf(self.groups))
        self.groups.set_registration(registration_id, term_id)

    def new_student(self) -> None:
        self.navigation.setCurrentRow(0)
        self.lookup.new_student()

    def find_student(self) -> None:
        self.navigation.setCurrentRow(0)
        self.lookup.focus_search()

    def show_import(self) -> None:
        self.navigation.setCurrentRow(self.stack.indexOf(self.import_view))

    def import_file(self) -> None:
        self.show_import()
        self.import_view.choose_file()

    def change_password(self) -> None:
        ChangePasswordDialog(self.context.db, self.context.tasks, self.context.actor, self).exec()

    def sign_out(self) -> None:
        self.signOutRequested.emit()
        self.close()

    def open_settings(self) -> None:
        SettingsDialog(self.context.time_zone, self).exec()

    def show_shortcuts(self) -> None:
        rows = [
            ("Ctrl+F", self.tr("find a student")),
            ("Ctrl+N", self.tr("admit a new student")),
            ("↓ / ↑", self.tr("move between the search field and the results")),
            ("Enter", self.tr("open the selected student's card")),
            ("Esc", self.tr("back to the search field; close a card")),
            ("F5", self.tr("refresh a card")),
            ("Ctrl+1", self.tr("students")),
            ("Ctrl+2", self.tr("registrations")),
            ("Ctrl+3", self.tr("class groups")),
            ("Ctrl+4", self.tr("tokens")),
            ("Ctrl+5", self.tr("token rounds")),
            ("Ctrl+6", self.tr("payments")),
            ("Ctrl+7", self.tr("accounts")),
            ("Ctrl+8", self.tr("sync with the portal")),
            ("Ctrl+9", self.tr("history of changes")),
            ("Ctrl+0", self.tr("staff accounts")),
            ("Insert", self.tr("class groups: a new group")),
            ("F2", self.tr("class groups: edit the selected group")),
            ("Ctrl+Shift+N", self.tr("class groups: a new course")),
            ("Ctrl+Shift+T", self.tr("registrations: a new term")),
            ("Ctrl+Shift+E", self.tr("registrations: edit the chosen term")),
            ("Ctrl+I", self.tr("import records from a file")),
            ("Ctrl+O", self.tr("choose a file to import")),
            ("Ctrl+Q", self.tr("quit")),
        ]
        text = "<table>" + "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows) + "</table>"
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), text)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About desk"),
            self.tr("<b>desk</b> %1 — the back office for course registration.<br>Database: %2<br>Qt %3")
            .replace("%1", __version__)
            .replace("%2", self.context.db.description)
            .replace("%3", qVersion()),
        )

    # --- state -----------------------------------------------------------------------------

    def _restore(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)  # Qt brings a window saved on a larger screen back onto this one
        else:
            # Within the screen, title bar included: a 1366x768 laptop has less room than 1280x800.
            fit_to_screen(self, QSize(1280, 800))
        state = settings.value("mainWindow/state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event) -> None:
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/state", self.saveState())
        super().closeEvent(event)
