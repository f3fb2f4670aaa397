"""Signing in: the sign-in dialog, the first administrator of an empty database, password change."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desk.db import Database
from desk.errors import DomainError
from desk.staff import Actor, change_password, create_first_administrator, sign_in
from ui.dialogs import arrange_focus, keyboard_fields
from ui.tasks import TaskRunner
from desk.unit_of_work import SystemJob, UnitOfWork


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
    """

    def __init__(self, db: Database, tasks: TaskRunner, *, is_demo: bool, institution: str = "", login: str = "",
                 parent: QWidget | None = None):
        super().__init__(tasks, parent)
        self.db = db
        self.actor: Actor | None = None
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in — desk"))
        heading = QLabel(institution or self.tr("Course registration back office"), self)
        heading.setProperty("role", "title")
        where = QLabel(self.tr("Database: %1").replace("%1", db.description), self)
        where.setObjectName("signInDatabase")
        where.setWordWrap(True)
        where.setProperty("role", "muted")
        self.login = _line(self, "loginField", self.tr("Login"))
        self.password = _line(self, "passwordField", self.tr("Password"), password=True)
        form = QFormLayout()
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("&Password:"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(where)
        if is_demo:
            hint = QLabel(
                self.tr(
                    "Demo database: sign in as <b>admin</b> (administrator), <b>dziekanat</b> (dean's office clerk) "
                    "or <b>cos</b> (Student Service Center), password <b>demo1234</b>."
                ),
                self,
            )
            hint.setObjectName("demoHint")
            hint.setWordWrap(True)
            hint.setTextFormat(Qt.TextFormat.RichText)
            hint.setProperty("role", "hint")
            layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        if login:
            self.login.setText(login)
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)  # given the focus when the dialog opens

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if os.environ.get("DESK_REPORT_SHOWN") == "1":  # for the start-up benchmark: the moment it is on screen
            print(f"shown sign-in {time.process_time():.3f}", file=sys.stderr, flush=True)

    def _submit(self) -> None:
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
        db, actor, current, new = self.db, self.actor, self.current.text(), self.new.text()
        self._run(lambda: change_password(UnitOfWork(db, actor), current, new), lambda _none: self.accept())
