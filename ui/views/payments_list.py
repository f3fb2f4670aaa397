"""Payments due: filtered by status, term and unit; a due payment cancelled with its reason."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk import payments, registrations, rosters
from desk.model import PaymentStatus
from desk.payments import PaymentLine
from desk.staff import Permission
from ui import labels
from ui.changes import ALL, Changes, Kind
from ui.context import AppContext
from ui.formats import FilterCombo, amount_text, date_text, datetime_text, money_text
from ui.dialogs import ActionDialog
from ui.tables import ExportFlow, install_table_tools, run_export, suggested_name
from desk.unit_of_work import UnitOfWork

_COLOURS = {PaymentStatus.DUE: labels.WAITING_COLOUR, PaymentStatus.PAID: labels.OK_COLOUR,
            PaymentStatus.CANCELLED: labels.MUTED_COLOUR}


class PaymentsView(QWidget):
    loaded = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("paymentsView")
        self.lines: list[PaymentLine] = []
        self.status = QComboBox(self)
        self.status.setObjectName("paymentStatusFilter")
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("every status"), None)
        for status in PaymentStatus:
            self.status.addItem(labels.payment_status(status), status)
        self.status.setCurrentIndex(1)
        self.term = FilterCombo(self, least=10)
        self.term.setObjectName("paymentTermFilter")
        self.term.setAccessibleName(self.tr("Term"))
        self.unit = FilterCombo(self, least=10)
        self.unit.setObjectName("paymentUnitFilter")
        self.unit.setAccessibleName(self.tr("Unit"))
        self.summary = QLabel(self)
        self.summary.setObjectName("paymentsSummary")
        self.table = QTableWidget(0, 11, self)
        self.table.setObjectName("paymentsTable")
        self.table.setAccessibleName(self.tr("Payments"))
        self.table.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Student no."), self.tr("Name"), self.tr("Amount"), self.tr("Status"), self.tr("Due"),
            self.tr("Token"), self.tr("Course"), self.tr("Term"), self.tr("Created"), self.tr("Cancelled because"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.cancel_button = QPushButton(self.tr("&Cancel payment…"), self)
        self.cancel_button.setObjectName("cancelPaymentButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel the selected payment"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.export_button = QPushButton(self.tr("E&xport payments due…"), self)
        self.export_button.setObjectName("exportPaymentsButton")
        self.export_button.setAccessibleName(self.tr("Export the payments due to Excel"))
        self.export_button.setToolTip(self.tr("Every payment due of the term and unit chosen, to an .xlsx file; "
                                              "the export is recorded in the history."))
        self.export_button.clicked.connect(lambda _checked=False: self.export())
        self.last_export: ExportFlow | None = None
        install_table_tools(self.table, student_number=1, export=self.export)
        filters = QHBoxLayout()
        for text, widget in ((self.tr("&Status:"), self.status), (self.tr("Te&rm:"), self.term), (self.tr("&Unit:"), self.unit)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.table.itemSelectionChanged.connect(self._selection)
        self._ready = False
        # Payments made by a token round's break or a registration elsewhere show here.
        context.follow(self, lambda changes: changes.touches(Kind.PAYMENT), lambda: self.reload() if self._ready else None)
        db = context.db
        context.tasks.run(lambda: (registrations.terms(db), registrations.units(db)), self._show_choices,
                          lambda error: self.summary.setText(str(error)))

    def _show_choices(self, loaded) -> None:
        terms, units = loaded
        self.term.addItem(self.tr("every term"), None)
        for term in terms:
            self.term.addItem(f"{term.code} — {term.name}", term.id)
        self.unit.addItem(self.tr("every unit"), None)
        for unit in units:
            self.unit.addItem(f"{unit.code} — {unit.name}", unit.id)
        for combo in (self.status, self.term, self.unit):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self._ready = True
        self.reload()

    def reload(self) -> None:
        if not self._ready:
            return
        db, actor = self.context.db, self.context.actor
        status, term_id, unit_id = self.status.currentData(), self.term.currentData(), self.unit.currentData()
        status = PaymentStatus(status) if status else None
        self.context.tasks.run(lambda: payments.list_payments(UnitOfWork(db, actor), status=status, term_id=term_id, unit_id=unit_id),
                               self._show, lambda error: self.summary.setText(str(error)))

    def _show(self, lines: list[PaymentLine]) -> None:
        self.lines = lines
        zone = self.context.time_zone
        self.table.setRowCount(len(lines))
        for row, p in enumerate(lines):
            values = [f"#{p.id}", p.student_number, p.student_name, money_text(p.amount), labels.payment_status(p.status),
                      date_text(p.due_on), p.token_type_code or "", p.course_code or "", p.term_code or "",
                      datetime_text(p.created_at, zone), p.cancelled_reason or ""]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 4:
                    item.setForeground(_COLOURS[p.status])
                if column == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        due = sum(p.amount for p in lines if p.status is PaymentStatus.DUE)
        self.summary.setText(self.tr("%n payments shown; due in total: %1", "", len(lines)).replace("%1", money_text(due)))
        self._selection()
        self.loaded.emit(len(lines))

    def _selection(self) -> None:
        row = self.table.currentRow()
        line = self.lines[row] if 0 <= row < len(self.lines) else None
        self.cancel_button.setEnabled(line is not None and line.status is PaymentStatus.DUE
                                      and self.context.actor.can(Permission.CORRECT_TOKENS))

    def export(self) -> ExportFlow | None:
        """The payments due of the term and unit chosen (whatever the status shown), as the service lists them."""
        db, actor = self.context.db, self.context.actor
        term_id, unit_id = self.term.currentData(), self.unit.currentData()
        codes = [combo.currentText().split(" — ")[0] for combo in (self.term, self.unit) if combo.currentData() is not None]

        def write(path, overwrite, progress):
            sheet = rosters.payments_due_sheet(UnitOfWork(db, actor), term_id=term_id, unit_id=unit_id)
            return rosters.export_list(UnitOfWork(db, actor), sheet, path, kind=rosters.ExportAction.PAYMENTS,
                                       overwrite=overwrite, progress=progress)

        self.last_export = run_export(self.context, self, title=self.tr("Export payments due"),
                                      file_name=suggested_name(self.tr("payments-due"), *codes), write=write)
        return self.last_export

    def cancel(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.lines):
            return
        line = self.lines[row]
        db, actor = self.context.db, self.context.actor
        dialog = ActionDialog(self.context, self.tr("Cancel payment #%1").replace("%1", str(line.id)),
                              self.tr("%1 PLN due from %2 (%3).").replace("%1", amount_text(line.amount)).replace("%2", line.student_name)
                              .replace("%3", line.student_number),
                              self.tr("Cancel the &payment"), "cancelPaymentDialog",
                              lambda reason: payments.cancel_payment(UnitOfWork(db, actor), line.id, reason=reason), self,
                              reason_hint=self.tr("e.g. decision of the dean, letter no. …"))
        dialog.finish_form()
        dialog.changes = Changes.of(payment={line.student_id}, student={line.student_id}, outbox=ALL, history=ALL)
        dialog.succeeded.connect(lambda _r: self.reload())
        self.last_dialog = dialog
        dialog.open()
