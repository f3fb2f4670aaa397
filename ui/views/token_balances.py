"""Token correction: find a student, see balances and the ledger, correct with the effect shown before saving."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk import access, rosters, tokens
from desk.students import student_card
from desk.model import LedgerKind
from desk.staff import Permission
from desk.tokens import BalanceLine, CorrectionPreview, LedgerLine
from ui import labels
from ui.changes import ALL, Changes, Kind
from ui.context import AppContext
from ui.formats import datetime_text, fit_combo
from ui.dialogs import ActionDialog, StudentPicker, error_label
from ui.tables import ExportFlow, install_table_tools, run_export, suggested_name
from desk.unit_of_work import UnitOfWork


def ledger_kind(kind: LedgerKind) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        LedgerKind.ALLOCATION: QCoreApplication.translate("Labels", "allocation"),
        LedgerKind.CORRECTION: QCoreApplication.translate("Labels", "correction"),
        LedgerKind.SPEND: QCoreApplication.translate("Labels", "spent"),
        LedgerKind.REFUND: QCoreApplication.translate("Labels", "refund"),
        LedgerKind.EXPIRY: QCoreApplication.translate("Labels", "expiry"),
    }[kind]


class TokenCorrectionView(QWidget):
    """Balances per token type, the append-only ledger, and a correction under the 7-day rule."""

    studentLoaded = Signal()
    subjectChanged = Signal()  # the student shown, for the window's title
    previewShown = Signal()
    saved = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("tokenCorrectionView")
        self.student_id: int | None = None
        self.balances: list[BalanceLine] = []
        self.entries: list[LedgerLine] = []
        self.preview: CorrectionPreview | None = None
        self._key = tokens.new_idempotency_key()
        self._preview_generation = 0

        self.picker = StudentPicker(context, self)
        self.picker.chosen.connect(self.set_student)

        self.title = QLabel(self.tr("Find a student on the left."), self)
        self.title.setObjectName("tokenStudentTitle")
        self.title.setProperty("role", "title")
        self.balance_label = QLabel(self)
        self.balance_label.setObjectName("tokenBalances")
        self.balance_label.setWordWrap(True)
        self.ledger = QTableWidget(0, 8, self)
        self.ledger.setObjectName("tokenLedger")
        self.ledger.setAccessibleName(self.tr("Token ledger"))
        self.ledger.setHorizontalHeaderLabels([self.tr("No."), self.tr("When"), self.tr("Type"), self.tr("Entry"),
                                               self.tr("Amount"), self.tr("Reason"), self.tr("Document"), self.tr("By")])
        self.ledger.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ledger.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ledger.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ledger.verticalHeader().setVisible(False)
        self.ledger.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.ledger.verticalHeader().setDefaultSectionSize(24)
        self.ledger.horizontalHeader().setStretchLastSection(True)
        self.undo_button = QPushButton(self.tr("&Undo correction…"), self)
        self.undo_button.setObjectName("undoCorrectionButton")
        self.undo_button.setAccessibleName(self.tr("Undo the selected correction"))
        self.undo_button.clicked.connect(self.undo)
        self.ledger.itemSelectionChanged.connect(self._ledger_selection)
        install_table_tools(self.ledger)
        self.export_button = QPushButton(self.tr("E&xport the cohort's balances…"), self)
        self.export_button.setObjectName("exportCohortBalancesButton")
        self.export_button.setAccessibleName(self.tr("Export the token balances of a cohort to Excel"))
        self.export_button.setToolTip(self.tr("Balances of every student of a programme and stage (the student's shown "
                                              "first), one column per token type; recorded in the history."))
        self.export_button.clicked.connect(lambda _checked=False: self.choose_cohort())
        self.cohort_dialog: CohortDialog | None = None
        self.last_export: ExportFlow | None = None

        self.token_type = fit_combo(QComboBox(self))
        self.token_type.setObjectName("correctionTokenType")
        self.token_type.setAccessibleName(self.tr("Token type"))
        self.amount = QSpinBox(self)
        self.amount.setObjectName("correctionAmount")
        self.amount.setAccessibleName(self.tr("Tokens to add or take away"))
        self.amount.setRange(-50, 50)
        self.amount.setValue(1)
        self.amount.setPrefix("")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("correctionReason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("e.g. admitted mid-year, no allocation"))
        self.document = QLineEdit(self)
        self.document.setObjectName("correctionDocument")
        self.document.setAccessibleName(self.tr("Document reference"))
        self.document.setPlaceholderText(self.tr("e.g. DZ.2026.123"))
        self.override = QLineEdit(self)
        self.override.setObjectName("correctionOverride")
        self.override.setAccessibleName(self.tr("Reason for overriding the deadline"))
        self.override.setPlaceholderText(self.tr("administrators only, after the deadline"))
        self.effect = QLabel(self)
        self.effect.setObjectName("correctionEffect")
        self.effect.setWordWrap(True)
        self.effect.setTextFormat(Qt.TextFormat.RichText)
        # Room for the balance line and a deadline message of four lines (Polish is the longest);
        # a wrapped label in a form is not always given the height its text needs.
        self.effect.setMinimumHeight(self.effect.fontMetrics().lineSpacing() * 6)
        self.effect.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.error = error_label(self, "correctionError")
        self.save_button = QPushButton(self.tr("&Save correction"), self)
        self.save_button.setObjectName("saveCorrectionButton")
        self.save_button.setAccessibleName(self.tr("Save the correction"))
        self.save_button.clicked.connect(self.save)
        form_box = QGroupBox(self.tr("Correct the balance"), self)
        form_box.setObjectName("correctionForm")
        form = QFormLayout(form_box)
        form.addRow(self.tr("Token t&ype:"), self.token_type)
        form.addRow(self.tr("&Amount (+/−):"), self.amount)
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.tr("&Document:"), self.document)
        form.addRow(self.tr("&Override reason:"), self.override)
        form.addRow(self.tr("Effect:"), self.effect)
        form.addRow("", self.error)
        form.addRow("", self.save_button)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.balance_label)
        right_layout.addWidget(self.ledger, 1)
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.export_button)
        undo_row.addStretch(1)
        undo_row.addWidget(self.undo_button)
        right_layout.addLayout(undo_row)
        right_layout.addWidget(form_box)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("tokenSplitter")
        splitter.addWidget(self.picker)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(splitter)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._refresh_preview)
        for signal in (self.token_type.currentIndexChanged, self.amount.valueChanged):
            signal.connect(self._form_changed)
        self._enable(False)
        # The student's balance changed elsewhere (a token round, an enrollment, another workstation's sync).
        context.follow(self, lambda changes: self.student_id is not None and (
            changes.touches(Kind.TOKENS, self.student_id) or changes.touches(Kind.STUDENT, self.student_id)), self.reload)

    def _enable(self, on: bool) -> None:
        may = on and self.context.actor.can(Permission.CORRECT_TOKENS)
        for widget in (self.token_type, self.amount, self.reason, self.document, self.save_button):
            widget.setEnabled(may)
        self.override.setEnabled(False)
        self.undo_button.setEnabled(False)

    # --- loading ---------------------------------------------------------------------------

    def subject(self) -> str:
        return self.title.text() if self.student_id is not None else ""

    def set_student(self, student_id: int) -> None:
        self.student_id = student_id
        self.reload()

    def reload(self) -> None:
        if self.student_id is None:
            return
        db, actor, student_id = self.context.db, self.context.actor, self.student_id
        self.context.tasks.run(lambda: (tokens.balances(UnitOfWork(db, actor), student_id), tokens.ledger(UnitOfWork(db, actor), student_id)),
                               lambda loaded: self._show(student_id, *loaded), lambda error: self.title.setText(str(error)))

    def _show(self, student_id: int, balances: list[BalanceLine], entries: list[LedgerLine]) -> None:
        if student_id != self.student_id:
            return
        self.balances, self.entries = balances, entries
        item = self.picker.results.currentItem()
        self.title.setText(item.text().split("  ·  ")[0] if item is not None else "")
        self.balance_label.setText("   ".join(f"<b>{b.code}</b> {b.balance}" for b in balances))
        current = self.token_type.currentData()
        self.token_type.blockSignals(True)
        self.token_type.clear()
        for b in balances:
            self.token_type.addItem(f"{b.code} — {b.name} ({b.balance})", b.token_type_id)
        if current is None:  # the type the student actually has, else the first
            current = next((b.token_type_id for b in balances if b.balance), None)
        if current is not None:
            self.token_type.setCurrentIndex(max(0, self.token_type.findData(current)))
        self.token_type.blockSignals(False)
        zone = self.context.time_zone
        self.ledger.setRowCount(len(entries))
        for row, e in enumerate(entries):
            note = ""
            if e.reverses_id:
                note = " " + self.tr("(reverses #%1)").replace("%1", str(e.reverses_id))
            elif e.reversed_by_id:
                note = " " + self.tr("(reversed by #%1)").replace("%1", str(e.reversed_by_id))
            values = [f"#{e.id}", datetime_text(e.created_at, zone), e.token_type_code, ledger_kind(e.kind) + note,
                      f"{e.amount:+d}", e.reason, e.document_ref or "", e.created_by or ""]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column == 4:
                    cell.setForeground(labels.OK_COLOUR if e.amount > 0 else labels.PROBLEM_COLOUR)
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.ledger.setItem(row, column, cell)
        self.ledger.resizeColumnsToContents()
        self._enable(True)
        self._form_changed()
        self.studentLoaded.emit()
        self.subjectChanged.emit()

    # --- the correction --------------------------------------------------------------------

    def _form_changed(self) -> None:
        self.error.clear()
        self._timer.start()

    def _refresh_preview(self) -> None:
        token_type_id = self.token_type.currentData()
        if self.student_id is None or token_type_id is None:
            return
        if self.amount.value() == 0:
            self.effect.setText(self.tr("Choose how many tokens to add (+) or take away (−)."))
            self.save_button.setEnabled(False)
            return
        self._preview_generation += 1
        generation = self._preview_generation
        db, actor, student_id, amount = self.context.db, self.context.actor, self.student_id, self.amount.value()
        zone = self.context.time_zone
        self.context.tasks.run(
            lambda: tokens.preview_correction(UnitOfWork(db, actor), student_id, token_type_id, amount, zone=zone),
            lambda preview: self._show_preview(preview, generation), lambda error: self.error.setText(str(error)),
        )

    def _show_preview(self, preview: CorrectionPreview, generation: int) -> None:
        if generation != self._preview_generation:
            return
        self.preview = preview
        zone = self.context.time_zone
        lines = [self.tr("Balance of %1: %2 → <b>%3</b>").replace("%1", preview.token_type_code)
                 .replace("%2", str(preview.balance_before)).replace("%3", str(preview.balance_after))]
        if preview.balance_after < 0:
            lines.append(f"<span style='color:{labels.PROBLEM_COLOUR.name()}'>" + self.tr("A balance cannot fall below zero.") + "</span>")
        deadline = preview.deadline
        if deadline is None:
            lines.append(self.tr("No registration with these tokens is coming: corrections are open."))
        elif deadline.passed:
            text = deadline.message(zone)
            if preview.may_override:
                text += " " + self.tr("As an administrator you may override it, with a reason.")
            lines.append(f"<span style='color:{labels.PROBLEM_COLOUR.name()}'>{text}</span>")
        else:
            lines.append(self.tr("Corrections allowed until %1 (registration %2 starts %3).")
                         .replace("%1", datetime_text(deadline.deadline, zone)).replace("%2", deadline.registration_code)
                         .replace("%3", datetime_text(deadline.starts_at, zone)))
        pending = preview.pending
        if pending.requests:
            lines.append(
                self.tr("Requests in the basket: %1 — free %2 → %3, paid %4 → %5, refused %6 → %7")
                .replace("%1", str(pending.requests)).replace("%2", str(pending.free_before)).replace("%3", str(pending.free_after))
                .replace("%4", str(pending.paid_before)).replace("%5", str(pending.paid_after))
                .replace("%6", str(pending.refused_before)).replace("%7", str(pending.refused_after))
            )
        self.effect.setText("<br>".join(lines))
        may = self.context.actor.can(Permission.CORRECT_TOKENS)
        blocked = preview.balance_after < 0 or (preview.needs_override and not preview.may_override)
        self.override.setEnabled(preview.needs_override and preview.may_override)
        self.save_button.setEnabled(may and not blocked)
        self.previewShown.emit()

    def save(self) -> None:
        token_type_id = self.token_type.currentData()
        if self.student_id is None or token_type_id is None:
            return
        db, actor, student_id = self.context.db, self.context.actor, self.student_id
        amount, reason, document = self.amount.value(), self.reason.text(), self.document.text()
        override = self.override.text() if self.override.isEnabled() else None
        key, zone = self._key, self.context.time_zone
        self.save_button.setEnabled(False)

        def done(_result) -> None:
            self._key = tokens.new_idempotency_key()  # the next correction is a new one
            self.reason.clear()
            self.document.clear()
            self.override.clear()
            self.saved.emit()  # the announced change reloads the balances and the ledger

        self.context.operate(
            lambda: tokens.correct_balance(UnitOfWork(db, actor), student_id, token_type_id, amount, reason=reason, document_ref=document,
                                           idempotency_key=key, override_reason=override, zone=zone),
            done, lambda _error: self.save_button.setEnabled(True), show=self.error,
            changes=Changes.of(tokens={student_id}, student={student_id}, payment={student_id}, outbox=ALL, history=ALL),
        )

    # --- the cohort's balances to Excel ------------------------------------------------------

    def choose_cohort(self) -> CohortDialog:
        """Ask which cohort (the shown student's programme and stage chosen), then export its balances."""
        self.cohort_dialog = CohortDialog(self.context, self.student_id, self)
        self.cohort_dialog.accepted.connect(lambda: self.export_cohort(*self.cohort_dialog.cohort()))
        self.cohort_dialog.open()
        return self.cohort_dialog

    def export_cohort(self, programme_id: int, code: str, stage: int | None) -> ExportFlow | None:
        db, actor = self.context.db, self.context.actor

        def write(path, overwrite, progress):
            sheet = rosters.token_balances_sheet(UnitOfWork(db, actor), programme_id, stage)
            return rosters.export_list(UnitOfWork(db, actor), sheet, path, kind=rosters.ExportAction.TOKENS,
                                       overwrite=overwrite, progress=progress)

        self.last_export = run_export(self.context, self, title=self.tr("Export token balances"),
                                      file_name=suggested_name(self.tr("tokens"), code, stage), write=write)
        return self.last_export

    def _ledger_selection(self) -> None:
        row = self.ledger.currentRow()
        entry = self.entries[row] if 0 <= row < len(self.entries) else None
        self.undo_button.setEnabled(
            entry is not None and entry.kind is LedgerKind.CORRECTION and entry.reverses_id is None
            and entry.reversed_by_id is None and self.context.actor.can(Permission.CORRECT_TOKENS)
        )

    def undo(self) -> None:
        row = self.ledger.currentRow()
        if not 0 <= row < len(self.entries):
            return
        entry = self.entries[row]
        db, actor, zone = self.context.db, self.context.actor, self.context.time_zone
        dialog = ActionDialog(
            self.context, self.tr("Undo correction #%1").replace("%1", str(entry.id)),
            self.tr("A new entry of %1 reverses it; the original stays in the ledger.").replace("%1", f"{-entry.amount:+d}"),
            self.tr("&Undo"), "undoCorrectionDialog",
            lambda v: tokens.undo_correction(UnitOfWork(db, actor), entry.id, reason=v[0], override_reason=v[1] or None, zone=zone), self,
            changes=Changes.of(tokens={self.student_id}, student={self.student_id}, payment={self.student_id}, outbox=ALL,
                               history=ALL),
        )
        override = QLineEdit(dialog)
        override.setObjectName("undoOverride")
        override.setAccessibleName(self.tr("Reason for overriding the deadline"))
        override.setPlaceholderText(self.tr("administrators only, after the deadline"))
        override.setEnabled(self.context.actor.can(Permission.OVERRIDE_TOKEN_DEADLINE))
        dialog.finish_form()
        dialog.form.addRow(self.tr("&Override reason:"), override)
        dialog.values = lambda: (dialog.reason.text(), override.text())
        dialog.succeeded.connect(lambda _r: self.saved.emit())  # the announced change reloads the ledger
        self.last_dialog = dialog
        dialog.open()


class CohortDialog(QDialog):
    """A programme and a stage (or every stage): whose token balances to export."""

    loaded = Signal()

    def __init__(self, context: AppContext, student_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cohortBalancesDialog")
        self.setWindowTitle(self.tr("Token balances of a cohort"))
        self.programme = fit_combo(QComboBox(self))
        self.programme.setObjectName("cohortBalancesProgramme")
        self.programme.setAccessibleName(self.tr("Programme"))
        self.programme.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.programme.setMinimumContentsLength(32)
        self.stage = QSpinBox(self)
        self.stage.setObjectName("cohortBalancesStage")
        self.stage.setAccessibleName(self.tr("Stage"))
        self.stage.setRange(0, 10)
        self.stage.setSpecialValueText(self.tr("every stage"))
        self.error = error_label(self, "cohortBalancesError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("E&xport…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Programme:"), self.programme)
        form.addRow(self.tr("&Stage:"), self.stage)
        form.addRow("", self.error)
        form.addRow(self.buttons)
        db, actor = context.db, context.actor

        def load():
            shown = student_card(UnitOfWork(db, actor), student_id).programmes if student_id is not None else ()
            return access.programmes(db), shown

        context.tasks.run(load, self._show, lambda error: self.error.setText(str(error)))

    def _show(self, loaded) -> None:
        programmes, shown = loaded
        for choice in programmes:
            self.programme.addItem(f"{choice.code} — {choice.name}", (choice.id, choice.code))
        if shown:  # the cohort of the student shown
            index = next((i for i, p in enumerate(programmes) if p.code == shown[0].code), -1)
            if index >= 0:
                self.programme.setCurrentIndex(index)
                self.stage.setValue(shown[0].stage or 0)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(programmes))
        self.loaded.emit()

    def cohort(self) -> tuple[int, str, int | None]:
        programme_id, code = self.programme.currentData()
        return programme_id, code, self.stage.value() or None
