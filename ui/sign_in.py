"""Signing in: the sign-in dialog, the first administrator of an empty database, password change."""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desk.errors import DomainError
from ui.focus import arrange_focus, keyboard_fields
from ui.tasks import TaskRunner

if TYPE_CHECKING:  # the services (SQLAlchemy and the data model) are loaded after the sign-in window is shown
    from desk.db import Database
    from desk.staff import Actor


def _line(parent: QWidget, name: str, accessible: str, *, password: bool = False) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    if password:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("errorLabel")
    label.setAccessibleName(QCoreApplication.translate("SignIn", "Error"))
    label.setWordWrap(True)
    label.setProperty("role", "error")
    return label


class _TaskDialog(QDialog):
    """A dialog whose OK runs a service off the GUI thread and shows its refusal in place."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.tasks = tasks
        self.error = _error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.setObjectName("dialogButtons")
        self.buttons.accepted.connect(self._submit)  # each dialog below says what OK does
        self.buttons.rejected.connect(self.reject)
        self._focus_arranged = False

    def showEvent(self, event) -> None:
        # The buttons are made first, here: without this they would have the focus and come first in Tab order.
        if not self._focus_arranged:
            self._focus_arranged = True
            fields = [w for w in keyboard_fields(self.layout()) if not self.buttons.isAncestorOf(w)]
            arrange_focus(self, fields, [self.buttons.button(QDialogButtonBox.StandardButton.Ok),
                                         self.buttons.button(QDialogButtonBox.StandardButton.Cancel)])
        super().showEvent(event)

    def _run(self, work, on_success) -> None:
        self.buttons.setEnabled(False)
        self.error.clear()

        def failed(error: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.error.setText(
                str(error)
                if isinstance(error, DomainError)
                else QCoreApplication.translate("SignIn", "Failed: %1").replace("%1", str(error))
            )

        self.tasks.run(work, on_success, failed, write=True)


class SignInDialog(_TaskDialog):
    """Login and password; on a demo database it says how to sign in.

    It opens in the login field, or with ``login`` (who signed out) filled in, in the password field.

    At the start it is shown before the database is open (``db`` None), with what the last opening of
    the same database showed (``institution``, ``is_demo``, ``description``): the fields take typing,
    Sign in waits (an Enter pressed meanwhile signs in once the database is open) until ``opened``.
    """

    ready = Signal()  # the database is open: Sign in works

    def __init__(self, db: Database | None, tasks: TaskRunner, *, is_demo: bool, institution: str = "", login: str = "",
                 description: str = "", parent: QWidget | None = None):
        super().__init__(tasks, parent)
        self.db = db
        self.actor: Actor | None = None
        self._submit_when_ready = False
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in — desk"))
        self.heading = QLabel(self)
        self.heading.setObjectName("signInHeading")
        self.heading.setProperty("role", "title")
        self.where = QLabel(self)
        self.where.setObjectName("signInDatabase")
        self.where.setWordWrap(True)
        self.where.setProperty("role", "muted")
        self.login = _line(self, "loginField", self.tr("Login"))
        self.password = _line(self, "passwordField", self.tr("Password"), password=True)
        form = QFormLayout()
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("&Password:"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.where)
        self.hint = QLabel(
            self.tr(
                "Demo database: sign in as <b>admin</b> (administrator), <b>dziekanat</b> (dean's office clerk) "
                "or <b>cos</b> (Student Service Center), password <b>demo1234</b>."
            ),
            self,
        )
        self.hint.setObjectName("demoHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.hint.setProperty("role", "hint")
        layout.addWidget(self.hint)
        layout.addLayout(form)
        self.status = QLabel(self.tr("Opening the database…"), self)
        self.status.setObjectName("signInStatus")
        self.status.setAccessibleName(self.tr("Opening the database…"))
        self.status.setProperty("role", "muted")
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Sign in"))
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._describe(db.description if db is not None else description, institution, is_demo)
        if login:
            self.login.setText(login)
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)  # given the focus when the dialog opens
        self.status.setVisible(db is None)
        self.sign_in_button.setEnabled(db is not None)
        if db is None:
            self.sign_in_button.setAccessibleDescription(self.status.text())

    def _describe(self, description: str, institution: str, is_demo: bool) -> None:
        self.heading.setText(institution or self.tr("Course registration back office"))
        self.where.setText(self.tr("Database: %1").replace("%1", description))
        self.where.setVisible(bool(description))
        self.hint.setVisible(is_demo)

    def opened(self, db: Database, *, is_demo: bool, institution: str = "") -> None:
        """The database is open: what it says replaces what was remembered, and Sign in works."""
        self.db = db
        self._describe(db.description, institution, is_demo)
        self.status.hide()
        self._fit()
        self.sign_in_button.setAccessibleDescription("")
        self.sign_in_button.setEnabled(True)
        if self.focusWidget() is None:  # where the clerk is typing stays as it is
            self.login.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ready.emit()
        if self._submit_when_ready:
            self._submit_when_ready = False
            self._submit()

    def _fit(self) -> None:
        """Grow to what is shown now (the demo hint may have come with the database), at the same width."""
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def keyPressEvent(self, event) -> None:
        # Enter before the database is open: kept, and signs in as soon as it is.
        if self.db is None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit_when_ready = True
            event.accept()
            return
        super().keyPressEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if os.environ.get("DESK_REPORT_SHOWN") == "1":  # for the start-up benchmark: the moment it is on screen
            print(f"shown sign-in {time.process_time():.3f}", file=sys.stderr, flush=True)

    def _submit(self) -> None:
        if self.db is None:  # not open yet: signing in waits for it
            self._submit_when_ready = True
            return
        from desk.staff import sign_in

        db, login, password = self.db, self.login.text(), self.password.text()
        if not login.strip():
            self.error.setText(self.tr("Type your login."))
            self.login.setFocus()
            return

        def signed_in(actor: Actor) -> None:
            self.actor = actor
            self.accept()

        self._run(lambda: sign_in(db, login, password), signed_in)
        self.password.clear()
        self.password.setFocus()


class FirstAdministratorDialog(_TaskDialog):
    """An empty database: create the first administrator, as ``desk init`` does."""

    def __init__(self, db: Database, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(tasks, parent)
        self.db = db
        self.actor: Actor | None = None
        self.setObjectName("firstAdministratorDialog")
        self.setWindowTitle(self.tr("New database — first administrator"))
        intro = QLabel(
            self.tr("This database has no staff accounts yet. Create the administrator's account; "
                    "the administrator then adds the other staff."),
            self,
        )
        intro.setWordWrap(True)
        self.login = _line(self, "adminLoginField", self.tr("Login"))
        self.full_name = _line(self, "adminNameField", self.tr("Full name"))
        self.password = _line(self, "adminPasswordField", self.tr("Password"), password=True)
        self.repeat = _line(self, "adminRepeatField", self.tr("Repeat the password"), password=True)
        form = QFormLayout()
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("&Full name:"), self.full_name)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Repeat:"), self.repeat)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _submit(self) -> None:
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The passwords differ."))
            return
        from desk.staff import create_first_administrator
        from desk.unit_of_work import SystemJob, UnitOfWork

        db, login, name, password = self.db, self.login.text(), self.full_name.text(), self.password.text()

        def created(actor: Actor) -> None:
            self.actor = actor
            self.accept()

        self._run(lambda: create_first_administrator(UnitOfWork(db, SystemJob.SETUP), login, name, password), created)


class ChangePasswordDialog(_TaskDialog):
    def __init__(self, db: Database, tasks: TaskRunner, actor: Actor, parent: QWidget | None = None):
        super().__init__(tasks, parent)
        self.db = db
        self.actor = actor
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change password"))
        self.current = _line(self, "currentPasswordField", self.tr("Current password"), password=True)
        self.new = _line(self, "newPasswordField", self.tr("New password"), password=True)
        self.repeat = _line(self, "repeatPasswordField", self.tr("Repeat the new password"), password=True)
        form = QFormLayout()
        form.addRow(self.tr("&Current password:"), self.current)
        form.addRow(self.tr("&New password:"), self.new)
        form.addRow(self.tr("&Repeat:"), self.repeat)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        if self.new.text() != self.repeat.text():
            self.error.setText(self.tr("The new passwords differ."))
            return
        from desk.staff import change_password
        from desk.unit_of_work import UnitOfWork

        db, actor, current, new = self.db, self.actor, self.current.text(), self.new.text()
        self._run(lambda: change_password(UnitOfWork(db, actor), current, new), lambda _none: self.accept())
