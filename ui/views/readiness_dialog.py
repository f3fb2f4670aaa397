"""Readiness of a registration: the students it is meant for, grouped by what would stop them first, each group's
fix applied to all of them in one step (``desk.readiness``)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk import readiness
from desk.readiness import Blocked, Fix, Readiness
from desk.unit_of_work import UnitOfWork
from ui import labels
from ui.changes import ALL, Changes
from ui.context import AppContext
from ui.dialogs import ActionDialog
from ui.screen import fit_to_screen
from ui.tables import report_table
from ui.tasks import Lane


class ReadinessDialog(QDialog):
    """Swept in the background; F5 sweeps again. *Apply the fix…* asks the reason and does the whole group."""

    swept = Signal()

    def __init__(self, context: AppContext, registration_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.registration_id = registration_id
        self.found: Readiness | None = None
        self.last_dialog: QDialog | None = None
        self.setObjectName("readinessDialog")
        self.setWindowTitle(self.tr("Readiness"))
        self.heading = QLabel(self.tr("Checking every student it is meant for…"), self)
        self.heading.setObjectName("readinessHeading")
        self.heading.setProperty("role", "title")
        self.summary = QLabel(self)
        self.summary.setObjectName("readinessSummary")
        self.summary.setWordWrap(True)
        self.table = report_table(self, "readinessGroups", self.tr("What would stop them"),
                                  [self.tr("What stops them first"), self.tr("Students"), self.tr("What to do")], (2,))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._chosen)
        self.fix_button = QPushButton(self.tr("&Apply the fix…"), self)
        self.fix_button.setObjectName("readinessFixButton")
        self.fix_button.setAccessibleName(self.tr("Apply the fix to the whole group"))
        self.fix_button.clicked.connect(self.apply_fix)
        self.fix_button.setEnabled(False)
        self.refresh = QPushButton(self.tr("&Check again"), self)
        self.refresh.setObjectName("readinessRefreshButton")
        self.refresh.setToolTip(self.tr("F5: check again"))
        self.refresh.clicked.connect(self.reload)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("readinessButtons")
        buttons.addButton(self.fix_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.refresh, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)
        fit_to_screen(self, QSize(900, 460))
        self.reload()

    def reload(self) -> None:
        db, actor, registration_id = self.context.db, self.context.actor, self.registration_id
        self.refresh.setEnabled(False)
        self.fix_button.setEnabled(False)
        self.context.tasks.run(lambda: readiness.sweep(UnitOfWork(db, actor), registration_id), self._show, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.refresh.setEnabled(True)
        self.summary.setText(str(error))
        self.summary.setStyleSheet(f"color: {labels.PROBLEM_COLOUR.name()}")
        self.swept.emit()

    def _show(self, found: Readiness) -> None:
        self.found = found
        self.refresh.setEnabled(True)
        self.summary.setStyleSheet("")
        self.heading.setText(self.tr("Readiness of %1").replace("%1", found.registration_code))
        self.setWindowTitle(self.tr("Readiness of %1").replace("%1", found.registration_code))
        blocked = sum(b.count for b in found.blocked)
        self.summary.setText(
            self.tr("Meant for %1 students: %2 ready, %3 would be stopped, each by the first of these in the "
                    "explanation's order.").replace("%1", QLocale().toString(found.meant_for))
            .replace("%2", QLocale().toString(len(found.ready))).replace("%3", QLocale().toString(blocked)))
        self.table.setRowCount(len(found.blocked))
        for row, group in enumerate(found.blocked):
            for column, text in enumerate((group.label, QLocale().toString(group.count), group.advice)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if found.blocked:  # the first group the clerk can fix at once, else the first
            self.table.selectRow(next((row for row, group in enumerate(found.blocked) if group.fix is not None), 0))
        self._chosen()
        self.swept.emit()

    def chosen_group(self) -> Blocked | None:
        row = self.table.currentRow()
        if self.found is None or not 0 <= row < len(self.found.blocked):
            return None
        return self.found.blocked[row]

    def _chosen(self) -> None:
        group = self.chosen_group()
        self.fix_button.setEnabled(group is not None and group.fix is not None)
        self.fix_button.setToolTip("" if group is None or group.fix else
                                   self.tr("Not a step for many at once: see what to do."))

    def apply_fix(self) -> None:
        group = self.chosen_group()
        if group is None or group.fix is None:
            return
        dialog = FixDialog(self.context, self.registration_id, group, self)
        dialog.succeeded.connect(lambda _done: self.reload())
        self.last_dialog = dialog
        dialog.open()


class FixDialog(ActionDialog):
    """One group's fix for all its students: the reason (and, for tokens, how many each)."""

    def __init__(self, context: AppContext, registration_id: int, group: Blocked, parent: QWidget | None = None):
        db, actor, ids, fix = context.db, context.actor, list(group.student_ids), group.fix
        super().__init__(
            context, "", "", "", "readinessFixDialog",
            lambda v: readiness.apply_fix(UnitOfWork(db, actor), registration_id, fix, ids, reason=v[0], amount=v[1]),
            parent, reason=fix is not Fix.SEND,
            changes=Changes.of(student=ids, registration=registration_id, outbox=ALL),
        )
        self.lane = Lane.LONG if fix is Fix.SEND else Lane.WRITE
        titles = {
            Fix.GRANT: (self.tr("Grant access to %n students", "", group.count), self.tr("&Grant")),
            Fix.SEND: (self.tr("Send the waiting changes of %n students", "", group.count), self.tr("&Send now")),
            Fix.ALLOCATE: (self.tr("Allocate tokens to %n students", "", group.count), self.tr("&Allocate")),
        }
        title, ok = titles[fix]
        self.set_texts(title, group.advice, ok)
        self.amount = QSpinBox(self)
        self.amount.setObjectName("readinessTokenAmount")
        self.amount.setAccessibleName(self.tr("Tokens each"))
        self.amount.setRange(1, 10)
        self.amount.setValue(1)
        if fix is Fix.ALLOCATE:
            self.form.addRow(self.tr("&Tokens each:"), self.amount)
        else:
            self.amount.setVisible(False)
        self.finish_form()

    def values(self):
        return (self.reason.text() if self.reason is not None else "", self.amount.value())
