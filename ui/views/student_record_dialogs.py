"""Dialogs that keep a student's record: admitting a new student, a programme's status, one more programme, the stage."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QWidget

from desk import bounds
from desk.access import programmes
from desk.clock import now_utc, to_local
from desk.model import PersonCategory, ProgrammeStatus
from desk.staff import Permission
from desk.student_records import (
    EMAIL_MAX,
    NAME_MAX,
    NUMBER_MAX,
    REINSTATABLE,
    TRANSITIONS,
    WITH_END,
    Admission,
    ProgrammeDraft,
    StatusChange,
    StudentDraft,
    add_programme,
    add_student,
    change_status,
    set_stage,
)
from desk.students import StudentCard
from desk.unit_of_work import UnitOfWork
from ui import labels
from ui.changes import ALL, Changes
from ui.context import AppContext
from ui.dialogs import ActionDialog
from ui.formats import DateField, date_text, fit_combo


def _today(context: AppContext) -> QDate:
    today = to_local(now_utc(), context.time_zone).date()
    return QDate(today.year, today.month, today.day)


def _date_edit(parent: QWidget, name: str, accessible: str, value: QDate) -> DateField:
    return DateField(parent, name=name, accessible=accessible, value=value)


def _day(edit: DateField) -> date:
    return edit.day()


def programme_text(line) -> str:
    """A programme of the card with its status line: "INF-S1, stage 2: on leave since 2026-10-01 until 2027-09-30"."""
    status = f"{labels.programme_status(line.status)} {_since_until(line.status_since, line.status_until)}".strip()
    return f"{line.code}, {_stage_word()} {line.stage}: {status}"


def _stage_word() -> str:
    return QCoreApplication.translate("StudentRecordDialogs", "stage")


def _since_until(since: date | None, until: date | None) -> str:
    if since is None:
        return ""
    if until is None:
        return QCoreApplication.translate("StudentRecordDialogs", "since %1").replace("%1", date_text(since))
    return (QCoreApplication.translate("StudentRecordDialogs", "since %1 until %2")
            .replace("%1", date_text(since)).replace("%2", date_text(until)))


class StatusChangeDialog(ActionDialog):
    """Leave, return, suspension, removal or graduation of one programme of the student, with a reason."""

    def __init__(self, context: AppContext, card: StudentCard, programme_index: int = 0, parent: QWidget | None = None):
        db, actor = context.db, context.actor
        super().__init__(context, "", "", "", "statusChangeDialog",
                         lambda values: change_status(UnitOfWork(db, actor), values[0], values[1], since=values[2],
                                                      until=values[3], reason=values[4]),
                         parent, changes=Changes.of(student={card.student_id}, outbox=ALL, history=ALL))
        self.card = card
        self.reason.setPlaceholderText(self.tr("e.g. the dean's decision no. 12/2026"))
        self.set_texts(self.tr("Change the status — %1").replace("%1", card.student_number),
                       self.tr("%1 %2 (%3): the programme's new status, from which day, and why.")
                       .replace("%1", card.first_name).replace("%2", card.last_name).replace("%3", card.student_number),
                       self.tr("&Change status"))
        self.administrator = context.actor.can(Permission.ADMINISTER)
        self.programme = fit_combo(QComboBox(self))
        self.programme.setObjectName("statusProgrammeField")
        self.programme.setAccessibleName(self.tr("Programme"))
        for line in card.programmes:
            self.programme.addItem(programme_text(line), line.id)
        self.status = fit_combo(QComboBox(self))
        self.status.setObjectName("statusField")
        self.status.setAccessibleName(self.tr("New status"))
        self.since = _date_edit(self, "statusSinceField", self.tr("From"), _today(context))
        self.has_until = QCheckBox(self.tr("Planned &end:"), self)
        self.has_until.setObjectName("statusHasUntilField")
        self.has_until.setAccessibleName(self.tr("The leave or suspension has a planned end"))
        self.until = _date_edit(self, "statusUntilField", self.tr("Planned end"), _today(context).addYears(1))
        self.until.setEnabled(False)
        self.has_until.toggled.connect(lambda on: self.until.setEnabled(on and self.has_until.isEnabled()))
        self.form.addRow(self.tr("&Programme:"), self.programme)
        self.form.addRow(self.tr("New &status:"), self.status)
        self.form.addRow(self.tr("&From:"), self.since)
        self.form.addRow(self.has_until, self.until)
        self.finish_form()
        self.programme.currentIndexChanged.connect(self._programme_chosen)
        self.status.currentIndexChanged.connect(self._status_chosen)
        self.programme.setCurrentIndex(min(max(programme_index, 0), max(len(card.programmes) - 1, 0)))
        self._programme_chosen()

    def _line(self):
        index = self.programme.currentIndex()
        return self.card.programmes[index] if 0 <= index < len(self.card.programmes) else None

    def _programme_chosen(self, _index: int = 0) -> None:
        line = self._line()
        self.status.clear()
        if line is None:
            return
        allowed = set(TRANSITIONS[line.status])
        if line.status in REINSTATABLE and self.administrator:
            allowed.add(ProgrammeStatus.ACTIVE)
        for status in ProgrammeStatus:
            if status in allowed:
                self.status.addItem(labels.programme_status(status), status.value)
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        ok.setEnabled(bool(allowed))
        if not allowed:
            self.error.setText(self.tr("A programme that is %1 stays so; only an administrator reinstates a student.")
                               .replace("%1", labels.programme_status(line.status)))
        else:
            self.error.clear()
        self._status_chosen()

    def _status_chosen(self, _index: int = 0) -> None:
        value = self.status.currentData()
        with_end = value is not None and ProgrammeStatus(value) in WITH_END
        self.has_until.setEnabled(with_end)
        self.until.setEnabled(with_end and self.has_until.isChecked())

    def choose_status(self, status: ProgrammeStatus) -> None:
        self.status.setCurrentIndex(self.status.findData(status.value))

    def values(self):
        line = self._line()
        if line is None or self.status.currentData() is None:
            raise ValueError(self.tr("Choose the programme and its new status."))
        until = _day(self.until) if self.has_until.isEnabled() and self.has_until.isChecked() else None
        return line.id, ProgrammeStatus(self.status.currentData()), _day(self.since), until, self.reason.text()

    def change(self) -> StatusChange | None:
        return self.result_value


class NewStudentDialog(ActionDialog):
    """Admit a student: the person, the student number, the first programme; the login is made from its template."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        db, actor = context.db, context.actor
        super().__init__(context, "", "", "", "newStudentDialog",
                         lambda draft: add_student(UnitOfWork(db, actor), draft), parent,
                         changes=Changes.of(student=ALL, account=ALL, outbox=ALL, history=ALL))
        self.reason.setPlaceholderText(self.tr("optional: recorded as \u201cadmission\u201d"))
        self.set_texts(self.tr("New student"),
                       self.tr("The person, the student number and the programme. The login is made from the "
                               "template of the person's category."),
                       self.tr("&Admit"))
        self.first_name = self._field("newFirstNameField", self.tr("First name"), NAME_MAX["first_name"])
        self.middle_name = self._field("newMiddleNameField", self.tr("Middle name"), NAME_MAX["middle_name"])
        self.last_name = self._field("newLastNameField", self.tr("Surname"), NAME_MAX["last_name"])
        self.birth_date = DateField(self, name="newBirthDateField", accessible=self.tr("Birth date"), optional=True,
                                    empty_text=self.tr("not known"))
        self.pesel = self._field("newPeselField", self.tr("PESEL"), 11)
        self.pesel.setPlaceholderText(self.tr("optional"))
        self.private_email = self._field("newPrivateEmailField", self.tr("Private e-mail"), EMAIL_MAX)
        self.category = fit_combo(QComboBox(self))
        self.category.setObjectName("newCategoryField")
        self.category.setAccessibleName(self.tr("Category"))
        for category in (PersonCategory.STUDENT, PersonCategory.PHD_STUDENT):
            self.category.addItem(labels.category(category), category.value)
        self.student_number = self._field("newStudentNumberField", self.tr("Student number"), NUMBER_MAX)
        self.student_number.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]*"), self))
        self.programme = fit_combo(QComboBox(self))
        self.programme.setObjectName("newProgrammeField")
        self.programme.setAccessibleName(self.tr("Programme"))
        self.stage = QSpinBox(self)
        self.stage.setObjectName("newStageField")
        self.stage.setAccessibleName(self.tr("Stage"))
        self.stage.setRange(bounds.STAGE.low, bounds.STAGE.high)
        self.admitted_on = _date_edit(self, "newAdmittedOnField", self.tr("Admitted on"), _today(context))
        for label, widget in ((self.tr("&First name:"), self.first_name), (self.tr("&Middle name:"), self.middle_name),
                              (self.tr("&Surname:"), self.last_name), (self.tr("&Birth date:"), self.birth_date),
                              (self.tr("&PESEL:"), self.pesel), (self.tr("Private &e-mail:"), self.private_email),
                              (self.tr("&Category:"), self.category), (self.tr("Student &number:"), self.student_number),
                              (self.tr("Pro&gramme:"), self.programme), (self.tr("S&tage:"), self.stage),
                              (self.tr("A&dmitted on:"), self.admitted_on)):
            self.form.addRow(label, widget)
        self.finish_form()
        self.programmes_loaded = False
        context.tasks.run(lambda: programmes(db), self._show_programmes, lambda error: self.error.setText(str(error)))

    def _field(self, name: str, accessible: str, limit: int) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setAccessibleName(accessible)
        field.setMaxLength(limit)
        return field

    def _show_programmes(self, choices) -> None:
        for choice in choices:
            self.programme.addItem(f"{choice.code} — {choice.name}", choice.code)
        self.programmes_loaded = True

    def values(self) -> StudentDraft:
        birth = self.birth_date.day()
        code = self.programme.currentData()
        if not code:
            raise ValueError(self.tr("Choose the programme."))
        return StudentDraft(
            first_name=self.first_name.text(), middle_name=self.middle_name.text() or None, last_name=self.last_name.text(),
            student_number=self.student_number.text(), birth_date=birth, pesel=self.pesel.text() or None,
            private_email=self.private_email.text() or None, category=PersonCategory(self.category.currentData()),
            programmes=(ProgrammeDraft(code, admitted_on=_day(self.admitted_on), stage=self.stage.value()),),
            reason=self.reason.text() or None,
        )

    def admission(self) -> Admission | None:
        return self.result_value


class AddProgrammeDialog(ActionDialog):
    """Put the student on one more programme (a second field of study, a second cycle)."""

    def __init__(self, context: AppContext, card: StudentCard, parent: QWidget | None = None):
        db, actor, student_id = context.db, context.actor, card.student_id
        super().__init__(context, "", "", "", "addProgrammeDialog",
                         lambda values: add_programme(UnitOfWork(db, actor), student_id, values[0], values[1], values[2],
                                                      reason=values[3]),
                         parent, changes=Changes.of(student={student_id}, outbox=ALL, history=ALL))
        self.reason.setPlaceholderText(self.tr("optional: recorded as \u201cadmission\u201d"))
        self.set_texts(self.tr("Add a programme — %1").replace("%1", card.student_number),
                       self.tr("%1 %2 (%3) starts one more programme.").replace("%1", card.first_name)
                       .replace("%2", card.last_name).replace("%3", card.student_number),
                       self.tr("&Add programme"))
        studied = {line.code for line in card.programmes}
        self.programme = fit_combo(QComboBox(self))
        self.programme.setObjectName("addProgrammeField")
        self.programme.setAccessibleName(self.tr("Programme"))
        self.stage = QSpinBox(self)
        self.stage.setObjectName("addProgrammeStageField")
        self.stage.setAccessibleName(self.tr("Stage"))
        self.stage.setRange(bounds.STAGE.low, bounds.STAGE.high)
        self.admitted_on = _date_edit(self, "addProgrammeAdmittedOnField", self.tr("Admitted on"), _today(context))
        self.form.addRow(self.tr("&Programme:"), self.programme)
        self.form.addRow(self.tr("S&tage:"), self.stage)
        self.form.addRow(self.tr("A&dmitted on:"), self.admitted_on)
        self.finish_form()
        self.programmes_loaded = False

        def show(choices) -> None:
            for choice in choices:
                if choice.code not in studied:
                    self.programme.addItem(f"{choice.code} — {choice.name}", choice.id)
            self.programmes_loaded = True

        context.tasks.run(lambda: programmes(db), show, lambda error: self.error.setText(str(error)))

    def values(self):
        programme_id = self.programme.currentData()
        if programme_id is None:
            raise ValueError(self.tr("Choose the programme."))
        return programme_id, self.stage.value(), _day(self.admitted_on), self.reason.text() or None


class StageDialog(ActionDialog):
    """Move the student to another stage (year) of one programme, with a reason."""

    def __init__(self, context: AppContext, card: StudentCard, programme_index: int = 0, parent: QWidget | None = None):
        db, actor, student_id = context.db, context.actor, card.student_id
        super().__init__(context, "", "", "", "stageDialog",
                         lambda values: set_stage(UnitOfWork(db, actor), values[0], values[1], reason=values[2]),
                         parent, changes=Changes.of(student={student_id}, outbox=ALL, history=ALL))
        self.card = card
        self.reason.setPlaceholderText(self.tr("e.g. promoted to the next year"))
        self.set_texts(self.tr("Change the stage — %1").replace("%1", card.student_number), "", self.tr("&Change stage"))
        self.programme = fit_combo(QComboBox(self))
        self.programme.setObjectName("stageProgrammeField")
        self.programme.setAccessibleName(self.tr("Programme"))
        for line in card.programmes:
            self.programme.addItem(programme_text(line), line.id)
        self.stage = QSpinBox(self)
        self.stage.setObjectName("stageField")
        self.stage.setAccessibleName(self.tr("Stage"))
        self.stage.setRange(bounds.STAGE.low, bounds.STAGE.high)
        self.form.addRow(self.tr("&Programme:"), self.programme)
        self.form.addRow(self.tr("S&tage:"), self.stage)
        self.finish_form()
        self.programme.currentIndexChanged.connect(self._programme_chosen)
        self.programme.setCurrentIndex(min(max(programme_index, 0), max(len(card.programmes) - 1, 0)))
        self._programme_chosen()
        self.stage.setFocus(Qt.FocusReason.OtherFocusReason)

    def _programme_chosen(self, _index: int = 0) -> None:
        index = self.programme.currentIndex()
        if 0 <= index < len(self.card.programmes):
            self.stage.setValue(min(self.card.programmes[index].stage + 1, bounds.STAGE.high))

    def values(self):
        if self.programme.currentData() is None:
            raise ValueError(self.tr("Choose the programme."))
        return self.programme.currentData(), self.stage.value(), self.reason.text()
