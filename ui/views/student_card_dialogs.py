"""The student card's dialogs: granting access to a registration, correcting personal data (through desk.student_records)."""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk.access import grant_access
from desk.clock import local_to_utc
from desk.errors import DomainError
from desk.student_records import EMAIL_MAX, NAME_MAX, edit_student
from desk.students import PersonChanges, StudentCard
from desk.unit_of_work import UnitOfWork
from ui.changes import ALL, Changes
from ui.context import AppContext
from ui.formats import DateField
from ui.screen import fit_to_screen


class GrantAccessDialog(QDialog):
    """Grant one student access to a registration (e.g. back from leave), with a reason and an optional end."""

    def __init__(self, context: AppContext, card: StudentCard, registration_id: int, registration_code: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.student_id = card.student_id
        self.registration_id = registration_id
        self.setObjectName("grantAccessDialog")
        self.setWindowTitle(self.tr("Grant access — %1").replace("%1", registration_code))
        intro = QLabel(
            self.tr("Let %1 (%2) take part in %3 even though no rule admits them.")
            .replace("%1", f"{card.first_name} {card.last_name}")
            .replace("%2", card.student_number)
            .replace("%3", registration_code)
        )
        intro.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("grantReasonField")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("e.g. returned from leave, decision of the vice-dean"))
        self.until = DateField(self, name="grantUntilField", accessible=self.tr("Valid until"), optional=True,
                               empty_text=self.tr("no end"))
        self.error = QLabel(self)
        self.error.setObjectName("grantError")
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")  # the theme's colour for a problem
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.tr("Valid &until:"), self.until)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("grantButtons")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Grant access"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, QSize(520, self.sizeHint().height()))

    def save(self) -> None:
        day = self.until.day()
        until = local_to_utc(datetime.combine(day, time(23, 59)), self.context.time_zone) if day else None
        db, actor, reason = self.context.db, self.context.actor, self.reason.text()
        student_id, registration_id = self.student_id, self.registration_id
        self.buttons.setEnabled(False)

        self.context.operate(
            lambda: grant_access(UnitOfWork(db, actor), registration_id, [student_id], reason=reason, valid_until=until),
            lambda _result: self.accept(),
            lambda _error: self.buttons.setEnabled(True),
            changes=Changes.of(student={student_id}, registration={registration_id}, outbox=ALL, history=ALL),
            show=self.error,
        )


class PersonEditDialog(QDialog):
    """Correct a student's personal data; the reason is required and recorded."""

    def __init__(self, context: AppContext, card: StudentCard, pesel: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.card = card
        self.saved_card: StudentCard | None = None
        self.setObjectName("personEditDialog")
        self.setWindowTitle(self.tr("Edit personal data — %1").replace("%1", card.student_number))
        self.first_name = self._field("firstNameField", self.tr("First name"), card.first_name)
        self.middle_name = self._field("middleNameField", self.tr("Middle name"), card.middle_name or "")
        self.last_name = self._field("lastNameField", self.tr("Surname"), card.last_name)
        self.birth_date = DateField(self, name="birthDateField", accessible=self.tr("Birth date"), value=card.birth_date,
                                    optional=True, empty_text=self.tr("not known"))
        self.pesel = self._field("peselField", self.tr("PESEL"), pesel or "")
        self.pesel.setMaxLength(11)
        if pesel is None and card.pesel_masked:
            # Not revealed, so not shown: left empty, the PESEL stays as it is.
            self.pesel.setPlaceholderText(self.tr("unchanged (%1)").replace("%1", card.pesel_masked))
        self.private_email = self._field("privateEmailField", self.tr("Private e-mail"), card.private_email or "")
        for field, limit in ((self.first_name, NAME_MAX["first_name"]), (self.middle_name, NAME_MAX["middle_name"]),
                             (self.last_name, NAME_MAX["last_name"]), (self.private_email, EMAIL_MAX)):
            field.setMaxLength(limit)
        self.reason = self._field("reasonField", self.tr("Reason for the change"), "")
        self.reason.setPlaceholderText(self.tr("e.g. change of surname after marriage, certificate no. …"))
        self.error = QLabel(self)
        self.error.setObjectName("personEditError")
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")  # the theme's colour for a problem
        self.error.setAccessibleName(self.tr("Error"))
        self._keep_pesel = pesel is None

        form = QFormLayout()
        form.addRow(self.tr("&First name:"), self.first_name)
        form.addRow(self.tr("&Middle name:"), self.middle_name)
        form.addRow(self.tr("&Surname:"), self.last_name)
        form.addRow(self.tr("&Birth date:"), self.birth_date)
        form.addRow(self.tr("&PESEL:"), self.pesel)
        form.addRow(self.tr("Private &e-mail:"), self.private_email)
        form.addRow(self.tr("&Reason:"), self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("personEditButtons")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, QSize(520, self.sizeHint().height()))

    def _field(self, name: str, accessible: str, value: str) -> QLineEdit:
        field = QLineEdit(value, self)
        field.setObjectName(name)
        field.setAccessibleName(accessible)
        return field

    def changes(self) -> PersonChanges:
        birth = self.birth_date.day()
        pesel = self.pesel.text().strip()
        return PersonChanges(
            first_name=self.first_name.text(),
            middle_name=self.middle_name.text(),
            last_name=self.last_name.text(),
            birth_date=birth,
            pesel=pesel or None,
            private_email=self.private_email.text() if self.card.may_view_personal_data else self.card.private_email,
            keep_pesel=self._keep_pesel and not pesel,
        )

    def save(self) -> None:
        try:
            changes = self.changes()
        except DomainError as error:
            self.error.setText(str(error))
            return
        self.buttons.setEnabled(False)
        db, actor, student_id, reason = self.context.db, self.context.actor, self.card.student_id, self.reason.text()
        self.context.operate(
            lambda: edit_student(UnitOfWork(db, actor), student_id, changes, reason), self._saved, self._failed,
            changes=Changes.of(student={student_id}, account=ALL, outbox=ALL, history=ALL), show=self.error,
        )

    def _saved(self, card: StudentCard) -> None:
        self.saved_card = card
        self.accept()

    def _failed(self, _error: BaseException) -> None:
        self.buttons.setEnabled(True)  # the message is in the dialog; everything typed is kept
