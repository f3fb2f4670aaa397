"""Who may take part in a registration: its rules, and individual grants and revocations (one, a list, a cohort)."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk import access, rosters
from desk.access import DecisionLine, RuleDraft, RuleLine, StudentListReport
from desk.clock import local_to_utc
from desk.errors import DomainError
from desk.input_files import read_text_list
from desk.model import AccessDecision, Level, StudyMode
from desk.staff import Permission
from ui import labels
from ui.changes import ALL, Changes, Kind
from ui.context import AppContext
from ui.dialogs import ActionDialog, StudentPicker
from ui.formats import DateField, datetime_text, fit_combo
from ui.screen import fit_to_screen
from ui.tables import ExportFlow, install_table_tools, run_export, suggested_name
from desk.unit_of_work import UnitOfWork


def rule_text(rule: RuleLine) -> str:
    from PySide6.QtCore import QCoreApplication

    parts = []
    if rule.programme_code:
        parts.append(rule.programme_code)
    if rule.mode:
        parts.append(labels.mode(rule.mode))
    if rule.level:
        parts.append(labels.level(rule.level))
    if rule.stage:
        parts.append(QCoreApplication.translate("AccessPanel", "stage %1").replace("%1", str(rule.stage)))
    return " · ".join(parts) or QCoreApplication.translate("AccessPanel", "every active student")


def _until(day: date | None, zone: str) -> datetime | None:
    """A grant valid to the end of ``day`` (the institution's zone); None for no end."""
    return local_to_utc(datetime.combine(day, time(23, 59)), zone) if day is not None else None


def until_field(parent: QWidget) -> DateField:
    """"Valid until": a day typed in the clerk's form or picked from the calendar; empty, no end."""
    from PySide6.QtCore import QCoreApplication

    return DateField(parent, name="untilField", accessible=QCoreApplication.translate("AccessPanel", "Valid until"),
                     optional=True, empty_text=QCoreApplication.translate("AccessPanel", "no end"))


class AccessPanel(QWidget):
    """Rules and individual decisions of one registration."""

    changed = Signal()
    loaded = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("accessPanel")
        self.registration_id: int | None = None
        self.registration_code = ""
        self.decisions: list[DecisionLine] = []
        self.rules: list[RuleLine] = []
        self.programmes = None  # loaded with the first registration, for the rule and cohort forms

        self.rules_list = QListWidget(self)
        self.rules_list.setObjectName("accessRules")
        self.rules_list.setAccessibleName(self.tr("Rules: who takes part"))
        self.rules_list.setMaximumHeight(110)
        self.add_rule_button = self._button(self.tr("Add &rule…"), "addRuleButton", self.add_rule)
        self.remove_rule_button = self._button(self.tr("Remo&ve rule…"), "removeRuleButton", self.remove_rule)

        self.table = QTableWidget(0, 8, self)
        self.table.setObjectName("accessDecisions")
        self.table.setAccessibleName(self.tr("Individual grants and revocations"))
        self.table.setHorizontalHeaderLabels([self.tr("Student no."), self.tr("Name"), self.tr("Decision"), self.tr("Reason"),
                                              self.tr("By"), self.tr("When"), self.tr("Until"), self.tr("State")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.grant_button = self._button(self.tr("&Grant to a student…"), "grantOneButton", lambda: self.decide_one(AccessDecision.GRANT))
        self.revoke_button = self._button(self.tr("Re&voke for a student…"), "revokeOneButton", lambda: self.decide_one(AccessDecision.REVOKE))
        self.list_button = self._button(self.tr("Grant to a &list…"), "grantListButton", self.grant_list)
        self.cohort_button = self._button(self.tr("Grant to a &cohort…"), "grantCohortButton", self.grant_cohort)
        self.withdraw_button = self._button(self.tr("&Withdraw…"), "withdrawButton", self.withdraw)
        self.export_button = self._button(self.tr("E&xport access list…"), "exportAccessButton", self.export)
        self.export_button.setToolTip(self.tr("The registration's individual decisions to an .xlsx file; "
                                              "the export is recorded in the history."))
        self.export_button.setEnabled(False)
        self.last_export: ExportFlow | None = None
        install_table_tools(self.table, student_number=0, export=self.export)

        rules_row = QHBoxLayout()
        rules_row.addWidget(self.rules_list, 1)
        rule_buttons = QVBoxLayout()
        rule_buttons.addWidget(self.add_rule_button)
        rule_buttons.addWidget(self.remove_rule_button)
        rule_buttons.addStretch(1)
        rules_row.addLayout(rule_buttons)
        buttons = QVBoxLayout()
        for row_buttons in ((self.grant_button, self.revoke_button, self.withdraw_button), (self.list_button, self.cohort_button, self.export_button)):
            row = QHBoxLayout()
            for button in row_buttons:
                row.addWidget(button)
            row.addStretch(1)
            buttons.addLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        title = QLabel(self.tr("Rules — students of these programmes take part:"), self)
        layout.addWidget(title)
        layout.addLayout(rules_row)
        self.decisions_title = QLabel(self.tr("Individual decisions:"), self)
        layout.addWidget(self.decisions_title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._enable(False)
        # Grants made elsewhere (a student card) show here.
        context.follow(self, lambda changes: self.registration_id is not None and (
            changes.touches(Kind.REGISTRATION, self.registration_id)), self.reload)

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        return button

    def _enable(self, on: bool) -> None:
        may = on and self.context.actor.can(Permission.MANAGE_ACCESS)
        for button in (self.add_rule_button, self.remove_rule_button, self.grant_button, self.revoke_button,
                       self.list_button, self.cohort_button, self.withdraw_button):
            button.setEnabled(may)
        self.export_button.setEnabled(on)  # the service says whether the role may export personal data

    def set_registration(self, registration_id: int | None, code: str = "") -> None:
        self.registration_id = registration_id
        self.registration_code = code
        self.reload()

    def reload(self) -> None:
        if self.registration_id is None:
            self.rules_list.clear()
            self.table.setRowCount(0)
            self._enable(False)
            return
        db, actor, rid = self.context.db, self.context.actor, self.registration_id
        need_programmes = self.programmes is None
        self.context.tasks.run(
            lambda: (access.rules_of(UnitOfWork(db, actor), rid), access.decisions_of(UnitOfWork(db, actor), rid),
                     access.programmes(db) if need_programmes else None),
            lambda loaded: self._show(rid, *loaded), lambda error: self.decisions_title.setText(str(error)),
        )

    def _show(self, registration_id: int, rules: list[RuleLine], decisions: list[DecisionLine], programmes) -> None:
        if programmes is not None:
            self.programmes = programmes
        if registration_id != self.registration_id:
            return
        # The decision chosen before stays chosen (by its id), wherever a new grant moved its row.
        row = self.table.currentRow()
        kept = self.decisions[row].id if 0 <= row < len(self.decisions) and registration_id == getattr(
            self, "_shown_registration", None) else None
        self._shown_registration = registration_id
        self.rules, self.decisions = rules, decisions
        self.rules_list.clear()
        for rule in rules:
            item = QListWidgetItem(rule_text(rule))
            item.setData(Qt.ItemDataRole.UserRole, rule.id)
            self.rules_list.addItem(item)
        if not rules:
            self.rules_list.addItem(self.tr("(no rules: only individual grants admit students)"))
        zone = self.context.time_zone
        standing = sum(1 for d in decisions if d.standing)
        self.decisions_title.setText(self.tr("Individual decisions: %1 standing, %2 in all").replace("%1", str(standing))
                                     .replace("%2", str(len(decisions))))
        self.table.setRowCount(len(decisions))
        for row, d in enumerate(decisions):
            decision = self.tr("grant") if d.decision is AccessDecision.GRANT else self.tr("revocation")
            state = self.tr("standing") if d.standing else (self.tr("withdrawn") if d.withdrawn_at else self.tr("expired"))
            values = [d.student_number, d.student_name, decision, d.reason, d.granted_by or "", datetime_text(d.granted_at, zone),
                      datetime_text(d.valid_until, zone), state]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 2:
                    item.setForeground(labels.OK_COLOUR if d.decision is AccessDecision.GRANT else labels.PROBLEM_COLOUR)
                if not d.standing:
                    item.setForeground(labels.MUTED_COLOUR)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        again = next((r for r, d in enumerate(decisions) if d.id == kept), -1)
        if again >= 0:
            self.table.selectRow(again)
        else:
            self.table.clearSelection()
            self.table.setCurrentCell(-1, -1)
        self._enable(True)
        self.loaded.emit()

    def export(self) -> ExportFlow | None:
        """The registration's individual decisions, as the service lists them (every one, not a screenful)."""
        if self.registration_id is None:
            return None
        db, actor, rid = self.context.db, self.context.actor, self.registration_id

        def write(path, overwrite, progress):
            sheet = rosters.access_list_sheet(UnitOfWork(db, actor), rid)
            return rosters.export_list(UnitOfWork(db, actor), sheet, path, kind=rosters.ExportAction.ACCESS,
                                       overwrite=overwrite, progress=progress)

        self.last_export = run_export(self.context, self, title=self.tr("Export access list"),
                                      file_name=suggested_name(self.tr("access"), self.registration_code), write=write)
        return self.last_export

    def _changed(self, _result=None) -> None:
        self.reload()
        self.changed.emit()

    def _open(self, dialog: ActionDialog) -> None:
        # Who may take part changed: the registration, and the cards of students it admits or no longer does.
        dialog.changes = Changes.of(registration={self.registration_id}, student=ALL, outbox=ALL, history=ALL)
        dialog.succeeded.connect(self._changed)
        self.last_dialog = dialog
        dialog.open()

    # --- rules -----------------------------------------------------------------------------

    def add_rule(self) -> None:
        db, actor, rid = self.context.db, self.context.actor, self.registration_id
        dialog = ActionDialog(self.context, self.tr("Add a rule — %1").replace("%1", self.registration_code),
                              self.tr("Students matching every field that is set take part (leave a field empty for any)."),
                              self.tr("&Add rule"), "addRuleDialog",
                              lambda v: access.add_rule(UnitOfWork(db, actor), rid, v[0], reason=v[1]), self, reason=True)
        programme = fit_combo(QComboBox(dialog))
        programme.setObjectName("ruleProgramme")
        programme.setAccessibleName(self.tr("Programme"))
        programme.addItem(self.tr("any programme"), None)
        for choice in self.programmes or ():
            programme.addItem(f"{choice.code} — {choice.name}", choice.id)
        level = fit_combo(QComboBox(dialog))
        level.setObjectName("ruleLevel")
        level.setAccessibleName(self.tr("Level"))
        level.addItem(self.tr("any level"), None)
        for value in Level:
            level.addItem(labels.level(value), value)
        mode = fit_combo(QComboBox(dialog))
        mode.setObjectName("ruleMode")
        mode.setAccessibleName(self.tr("Mode"))
        mode.addItem(self.tr("any mode"), None)
        for value in StudyMode:
            mode.addItem(labels.mode(value), value)
        stage = QSpinBox(dialog)
        stage.setObjectName("ruleStage")
        stage.setAccessibleName(self.tr("Stage"))
        stage.setRange(0, 10)
        stage.setSpecialValueText(self.tr("any stage"))
        dialog.form.addRow(self.tr("&Programme:"), programme)
        dialog.form.addRow(self.tr("&Level:"), level)
        dialog.form.addRow(self.tr("&Mode:"), mode)
        dialog.form.addRow(self.tr("&Stage:"), stage)
        dialog.finish_form()
        dialog.values = lambda: (RuleDraft(programme.currentData(), level.currentData(), mode.currentData(),
                                           stage.value() or None), dialog.reason.text())
        self._open(dialog)

    def remove_rule(self) -> None:
        item = self.rules_list.currentItem()
        rule_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if rule_id is None:
            return
        db, actor = self.context.db, self.context.actor
        dialog = ActionDialog(self.context, self.tr("Remove a rule"),
                              self.tr("Remove the rule “%1”? Students it admitted no longer take part unless granted individually.")
                              .replace("%1", item.text()),
                              self.tr("&Remove"), "removeRuleDialog",
                              lambda reason: access.remove_rule(UnitOfWork(db, actor), rule_id, reason=reason), self)
        dialog.finish_form()
        self._open(dialog)

    # --- decisions -------------------------------------------------------------------------

    def decide_one(self, decision: AccessDecision) -> None:
        db, actor, rid, zone = self.context.db, self.context.actor, self.registration_id, self.context.time_zone
        grant = decision is AccessDecision.GRANT
        dialog = ActionDialog(
            self.context,
            (self.tr("Grant access — %1") if grant else self.tr("Revoke access — %1")).replace("%1", self.registration_code),
            self.tr("Find the student. A new decision replaces their standing one."),
            self.tr("&Grant access") if grant else self.tr("&Revoke access"), "decideOneDialog",
            lambda v: access.decide(UnitOfWork(db, actor), rid, [v[0]], decision, reason=v[1], valid_until=v[2]), self,
            reason_hint=self.tr("e.g. returned from leave") if grant else self.tr("e.g. unpaid fees"),
        )
        picker = StudentPicker(self.context, dialog)
        until = until_field(dialog)
        dialog.form.addRow(self.tr("&Student:"), picker)
        dialog.form.addRow(self.tr("Valid &until:"), until)
        dialog.finish_form()
        dialog.picker = picker

        def values():
            if picker.student_id is None:
                raise ValueError(self.tr("Find and choose the student first."))
            return (picker.student_id, dialog.reason.text(), _until(until.day(), zone))

        dialog.values = values
        fit_to_screen(dialog, QSize(620, 440))
        self._open(dialog)

    def grant_list(self) -> None:
        self._open(BulkGrantDialog(self.context, self.registration_id, self.registration_code, self))

    def grant_cohort(self) -> None:
        dialog = BulkGrantDialog(self.context, self.registration_id, self.registration_code, self, cohort=True,
                                 programmes=self.programmes or ())
        self._open(dialog)

    def withdraw(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.decisions):
            return
        line = self.decisions[row]
        db, actor = self.context.db, self.context.actor
        dialog = ActionDialog(self.context, self.tr("Withdraw a decision"),
                              self.tr("Withdraw the %1 for %2 (%3)? The student falls back to the rules.")
                              .replace("%1", self.tr("grant") if line.decision is AccessDecision.GRANT else self.tr("revocation"))
                              .replace("%2", line.student_name).replace("%3", line.student_number),
                              self.tr("&Withdraw"), "withdrawDialog",
                              lambda reason: access.withdraw_decision(UnitOfWork(db, actor), line.id, reason=reason), self)
        dialog.finish_form()
        self._open(dialog)


class BulkGrantDialog(ActionDialog):
    """Grant access to a pasted or loaded list of student numbers, or a cohort: checked first, applied on confirmation."""

    def __init__(self, context: AppContext, registration_id: int, code: str, parent: QWidget | None = None, *,
                 cohort: bool = False, programmes=()):
        db, actor, zone = context.db, context.actor, context.time_zone
        super().__init__(context, "", "", "", "bulkGrantDialog",
                         lambda v: access.grant_access(UnitOfWork(db, actor), registration_id, v[0], reason=v[1], valid_until=_until(v[2], zone)),
                         parent, reason_hint=self.tr("e.g. list from the dean's office, letter no. …"))
        self.registration_id = registration_id
        self.cohort = cohort
        self.report: StudentListReport | None = None
        self.set_texts(
            (self.tr("Grant access to a cohort — %1") if cohort else self.tr("Grant access to a list — %1")).replace("%1", code),
            self.tr("Nothing is granted until you check the list and confirm."),
            self.tr("&Grant"),
        )
        if cohort:
            self.programme = fit_combo(QComboBox(self))
            self.programme.setObjectName("cohortProgramme")
            self.programme.setAccessibleName(self.tr("Programme"))
            for choice in programmes:
                self.programme.addItem(f"{choice.code} — {choice.name}", choice.id)
            self.stage = QSpinBox(self)
            self.stage.setObjectName("cohortStage")
            self.stage.setAccessibleName(self.tr("Stage"))
            self.stage.setRange(0, 10)
            self.stage.setSpecialValueText(self.tr("every stage"))
            self.form.addRow(self.tr("&Programme:"), self.programme)
            self.form.addRow(self.tr("&Stage:"), self.stage)
            self.programme.currentIndexChanged.connect(self._invalidate)
            self.stage.valueChanged.connect(self._invalidate)
        else:
            self.numbers = QPlainTextEdit(self)
            self.numbers.setObjectName("numbersField")
            self.numbers.setAccessibleName(self.tr("Student numbers"))
            self.numbers.setPlaceholderText(self.tr("Student numbers, one per line or separated by commas or spaces"))
            self.numbers.textChanged.connect(self._invalidate)
            load = QPushButton(self.tr("&Load from file…"), self)
            load.setObjectName("loadNumbersButton")
            load.setAccessibleName(self.tr("Load student numbers from a file"))
            load.clicked.connect(self._load_file)
            self.form.addRow(self.tr("&Numbers:"), self.numbers)
            self.form.addRow("", load)
        self.check_button = QPushButton(self.tr("&Check"), self)
        self.check_button.setObjectName("checkListButton")
        self.check_button.setAccessibleName(self.tr("Check the list"))
        self.check_button.clicked.connect(self.check)
        self.report_label = QLabel(self.tr("Not checked yet."), self)
        self.report_label.setObjectName("listReport")
        self.report_label.setWordWrap(True)
        self.report_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.found = QListWidget(self)
        self.found.setObjectName("listFound")
        self.found.setAccessibleName(self.tr("Students found"))
        self.found.setMaximumHeight(150)
        self.until = until_field(self)
        self.form.addRow("", self.check_button)
        self.form.addRow(self.tr("Check:"), self.report_label)
        self.form.addRow("", self.found)
        self.form.addRow(self.tr("Valid &until:"), self.until)
        self.finish_form()
        self._ok = self.buttons.button(self.buttons.StandardButton.Ok)
        self._ok.setEnabled(False)
        fit_to_screen(self, QSize(660, 620))

    def _invalidate(self) -> None:
        self.report = None
        self._ok.setEnabled(False)
        self._ok.setText(self.tr("&Grant"))
        self.report_label.setText(self.tr("Not checked yet."))
        self.found.clear()

    def _load_file(self) -> None:
        settings = QSettings()
        start = settings.value("access/listFolder", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Student numbers"), start, self.tr("Text or CSV (*.txt *.csv);;All files (*)"))
        if not path:
            return
        settings.setValue("access/listFolder", str(Path(path).parent))
        try:
            self.numbers.setPlainText(read_text_list(path))
        except DomainError as error:  # too large, not UTF-8 text, unreadable: said in the clerk's words
            self.error.setText(self.tr("The file cannot be read: %1").replace("%1", str(error)))

    def check(self) -> None:
        db, actor, rid = self.context.db, self.context.actor, self.registration_id
        if self.cohort:
            programme, stage = self.programme.currentData(), self.stage.value() or None
            work = lambda: access.resolve_cohort(UnitOfWork(db, actor), rid, programme, stage)  # noqa: E731
        else:
            text = self.numbers.toPlainText()
            work = lambda: access.resolve_student_numbers(UnitOfWork(db, actor), rid, text)  # noqa: E731
        self.check_button.setEnabled(False)

        def failed(error):
            self.check_button.setEnabled(True)
            self.error.setText(str(error))

        self.context.tasks.run(work, self._show_report, failed)

    def _show_report(self, report: StudentListReport) -> None:
        self.check_button.setEnabled(True)
        self.report = report
        admitted = sum(1 for s in report.found if s.admitted_now)
        lines = [self.tr("%1 students found (%2 already admitted).").replace("%1", str(len(report.found))).replace("%2", str(admitted))]
        if report.unknown:
            lines.append(self.tr("Unknown numbers (%1): %2").replace("%1", str(len(report.unknown))).replace("%2", ", ".join(report.unknown[:30])))
        if report.duplicates:
            lines.append(self.tr("Given more than once (counted once): %1").replace("%1", ", ".join(report.duplicates[:30])))
        if report.outside_units:
            lines.append(self.tr("Not in your units, left out: %1").replace("%1", ", ".join(report.outside_units[:30])))
        self.report_label.setText("\n".join(lines))
        self.found.clear()
        for s in report.found[:500]:
            suffix = "  ✓" if s.admitted_now else ""
            self.found.addItem(f"{s.student_number}  {s.name}{suffix}")
        self._ok.setEnabled(bool(report.found))
        self._ok.setText(self.tr("&Grant to %n students", "", len(report.found)))
        self.checked = True

    def values(self):
        if self.report is None:
            raise ValueError(self.tr("Check the list first."))
        return (self.report.student_ids, self.reason.text(), self.until.day())
