"""The answer to "why can't this student register for X?": every condition in turn, the first failure named."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.access import resolve_student_numbers
from desk.eligibility import Condition, Explanation, Outcome, condition_label, explain
from desk.staff import Permission
from desk.students import StudentCard, student_card
from desk.unit_of_work import UnitOfWork
from ui import labels, theme
from ui.context import AppContext
from ui.screen import fit_to_screen
from ui.views.student_card_dialogs import GrantAccessDialog
from ui.tables import report_table

_OUTCOME_COLOURS = {
    Outcome.PASSED: labels.OK_COLOUR,
    Outcome.FAILED: labels.PROBLEM_COLOUR,
    Outcome.NOTE: labels.WAITING_COLOUR,
    Outcome.UNKNOWN: labels.MUTED_COLOUR,
    Outcome.NOT_APPLICABLE: labels.MUTED_COLOUR,
}


def outcome_label(outcome: Outcome) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        Outcome.PASSED: QCoreApplication.translate("Labels", "✓ passed"),
        Outcome.FAILED: QCoreApplication.translate("Labels", "✗ fails"),
        Outcome.NOTE: QCoreApplication.translate("Labels", "! note"),
        Outcome.UNKNOWN: QCoreApplication.translate("Labels", "? cannot tell yet"),
        Outcome.NOT_APPLICABLE: QCoreApplication.translate("Labels", "– not applicable"),
    }[outcome]


def needs_grant(explanation: Explanation) -> bool:
    """Whether what stops the student first is missing access: no rule or grant admits them, or a revocation stands."""
    first = explanation.first_failure
    return first is not None and first.condition in (Condition.RULE_OR_GRANT, Condition.REVOCATION)


def may_grant_access(uow: UnitOfWork, explanation: Explanation) -> bool:
    """Whether the clerk may grant this student access to the registration: the role, and the registration's
    or the student's unit (the check a list of numbers gets, asked for this one)."""
    if not uow.can(Permission.MANAGE_ACCESS):
        return False
    report = resolve_student_numbers(uow, explanation.registration_id, explanation.student_number)
    return any(s.student_id == explanation.student_id for s in report.found)


class ExplainDialog(QDialog):
    """Runs the check in the background; F5 runs it again (after a grant made elsewhere, say)."""

    explained = Signal()

    def __init__(self, context: AppContext, student_id: int, registration_id: int, *, course_id: int | None = None,
                 group_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.student_id, self.registration_id = student_id, registration_id
        self.course_id, self.group_id = course_id, group_id
        self.explanation: Explanation | None = None
        self.setObjectName("explainDialog")
        self.setWindowTitle(self.tr("Can this student register?"))
        self.heading = QLabel(self.tr("Checking…"), self)
        self.heading.setObjectName("explainHeading")
        self.heading.setProperty("role", "title")
        self.verdict = QLabel(self)
        self.verdict.setObjectName("explainVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName(self.tr("Verdict"))
        font = QFont(self.verdict.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.verdict.setFont(font)
        self.table = report_table(self, "explainChecks", self.tr("Conditions checked"),
                                  [self.tr("Condition"), self.tr("Result"), self.tr("Details"), self.tr("How to fix")], (2, 3))
        self.refresh = QPushButton(self.tr("&Check again"), self)
        self.refresh.setObjectName("explainRefreshButton")
        self.refresh.setAccessibleName(self.tr("Check again"))
        self.refresh.setToolTip(self.tr("F5: check again, e.g. after granting access"))
        self.refresh.clicked.connect(self.reload)
        # Shown when what stops the student is missing access; on only for a clerk who may grant it (the service checks too).
        self.grant = QPushButton(self.tr("&Grant access…"), self)
        self.grant.setObjectName("explainGrantButton")
        self.grant.setAccessibleName(self.tr("Grant the student access to this registration"))
        self.grant.clicked.connect(self.grant_access)
        self.grant.setVisible(False)
        self.may_grant = False
        self.last_dialog: GrantAccessDialog | None = None
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("explainButtons")
        buttons.addButton(self.grant, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.refresh, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)
        fit_to_screen(self, QSize(980, 520))
        self.reload()

    def reload(self) -> None:
        db, actor = self.context.db, self.context.actor
        args = (self.student_id, self.registration_id)
        course_id, group_id = self.course_id, self.group_id
        self.refresh.setEnabled(False)
        self.grant.setEnabled(False)

        def load() -> tuple[Explanation, bool]:
            explanation = explain(UnitOfWork(db, actor), *args, course_id=course_id, group_id=group_id)
            return explanation, needs_grant(explanation) and may_grant_access(UnitOfWork(db, actor), explanation)

        self.context.tasks.run(load, lambda loaded: self._show(*loaded), self._failed)

    def grant_access(self) -> None:
        """The grant dialog of the student card, for this student and registration; the answer is read again after."""
        explanation = self.explanation
        if explanation is None or not self.may_grant:
            return
        db, actor = self.context.db, self.context.actor
        self.grant.setEnabled(False)

        def opened(card: StudentCard) -> None:
            self.grant.setEnabled(True)
            dialog = GrantAccessDialog(self.context, card, explanation.registration_id, explanation.registration_code, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(self.reload)
            self.last_dialog = dialog
            dialog.open()

        self.context.tasks.run(lambda: student_card(UnitOfWork(db, actor), explanation.student_id), opened, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.refresh.setEnabled(True)
        self.verdict.setText(str(error))
        self.verdict.setStyleSheet(f"color: {labels.PROBLEM_COLOUR.name()}")
        self.explained.emit()

    def _show(self, explanation: Explanation, may: bool = False) -> None:
        self.explanation = explanation
        self.refresh.setEnabled(True)
        self.may_grant = may
        self.grant.setVisible(needs_grant(explanation))
        self.grant.setEnabled(may)
        self.grant.setToolTip("" if may else self.tr("Your role or units do not allow granting access to this registration."))
        target = f" · {explanation.target}" if explanation.target else ""
        self.heading.setText(
            f"{explanation.student_name} ({explanation.student_number}) — {explanation.registration_code}{target}"
        )
        self.setWindowTitle(self.tr("Can %1 register for %2?").replace("%1", explanation.student_number)
                            .replace("%2", explanation.registration_code))
        self.verdict.setText(explanation.summary)
        colour = labels.OK_COLOUR if explanation.admitted else labels.PROBLEM_COLOUR
        self.verdict.setStyleSheet(f"color: {colour.name()}")
        first = explanation.first_failure
        self.table.setRowCount(len(explanation.checks))
        for row, check in enumerate(explanation.checks):
            cells = [condition_label(check.condition), outcome_label(check.outcome), check.detail, check.fix]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 1:
                    item.setForeground(_OUTCOME_COLOURS[check.outcome])
                if check is first:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setBackground(theme.colour("error_row"))
                    if column != 1:  # text that reads on the tint, whatever the theme is later
                        item.setForeground(theme.colour("tint_text"))
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if first is not None:
            self.table.selectRow(explanation.checks.index(first))
        self.explained.emit()
