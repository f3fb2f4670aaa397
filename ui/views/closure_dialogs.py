"""Closing a group and moving many of its students, each shown before it is applied: where every student would go
(or that they stay, and why), the groups' free seats before → after, and what applying it would set off (who gains
a seat from a waiting list); then exactly that plan, in one change set (``desk.closures``). Opening a closed group
again, with a reason.

Applying refuses a plan the groups have outrun since it was shown: the dialog says so, keeps the
reason, and offers to preview again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from desk import closures, groups, impact
from desk.closures import Plan
from desk.errors import DomainError
from desk.groups import GroupLine, GroupScope
from desk.impact import Impact
from desk.unit_of_work import UnitOfWork
from ui import labels
from ui.changes import ALL, Changes
from ui.context import AppContext
from ui.dialogs import ActionDialog
from ui.screen import fit_to_screen
from ui.tables import report_table
from ui.tasks import error_message
from ui.views.group_dialogs import group_label
from ui.views.impact_preview import REHEARSAL_REASON, Rehearsals, impact_text, outrun

NUMBER, STUDENT, WHERE = range(3)


class PlanPreview(QWidget):
    """A closure's or a move's preview: each student and the group they would go to (or that they stay, and why),
    the groups' free seats before → after, and what applying it would set off.

    ``plan`` is the plan shown, None while it is prepared or once the groups outran it; ``ready(plan)``
    follows each preview (None when it failed and the message is shown).
    """

    ready = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, closing: bool):
        super().__init__(parent)
        self.context = context
        self.closing = closing
        self.plan: Plan | None = None
        self._plan_of: Callable[[UnitOfWork], Plan] | None = None
        self.rehearsals = Rehearsals(context, self, self._show, self._failed)

        self.status = QLabel(self)
        self.status.setObjectName("previewStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.again = QPushButton(self.tr("Pre&view again"), self)
        self.again.setObjectName("previewAgainButton")
        self.again.setAccessibleName(self.tr("Prepare the preview again"))
        self.again.setToolTip(self.tr("Plan again with the groups as they stand now"))
        self.again.setAutoDefault(False)
        self.again.clicked.connect(lambda _checked=False: self.load())
        self.table = report_table(self, "previewTable", self.tr("Where each student would go"),
                                  [self.tr("Student no."), self.tr("Student"), self.tr("Goes to")],
                                  stretch=(STUDENT, WHERE))
        self.table.setMinimumHeight(self.fontMetrics().height() * 8)
        self.targets = QLabel(self)
        self.targets.setObjectName("previewTargets")
        self.targets.setAccessibleName(self.tr("Free seats before and after"))
        self.targets.setWordWrap(True)
        self.targets.setTextFormat(Qt.TextFormat.PlainText)
        self.targets.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.effects = QLabel(self)
        self.effects.setObjectName("previewImpact")
        self.effects.setAccessibleName(self.tr("What applying it would set off"))
        self.effects.setWordWrap(True)
        self.effects.setTextFormat(Qt.TextFormat.PlainText)
        self.effects.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.again, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.targets)
        layout.addWidget(self.effects)

    def preview(self, plan_of: Callable[[UnitOfWork], Plan]) -> None:
        """Plan with ``plan_of`` (a closure's or a move's planner) and show it; again with Preview again."""
        self._plan_of = plan_of
        self.load()

    def load(self) -> None:
        plan_of = self._plan_of
        if plan_of is None:
            return
        self.plan = None
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Preparing the preview…"))
        db, actor, zone = self.context.db, self.context.actor, self.context.time_zone

        def work() -> tuple[Plan, dict[int, GroupLine], Impact | str]:
            plan = plan_of(UnitOfWork(db, actor))
            ids = (plan.group_id, *(t.group_id for t in plan.targets))
            lines = {g.id: g for g in groups.list_groups(UnitOfWork(db, actor), GroupScope(group_ids=ids))}
            uow = UnitOfWork(db, actor)
            try:
                seen: Impact | str = impact.preview(
                    uow, lambda: closures.apply_plan(uow, plan, reason=REHEARSAL_REASON), zone=zone)
            except DomainError as error:  # the plan stands; what applying it sets off cannot be rehearsed now
                seen = str(error)
            return plan, lines, seen

        self.rehearsals.ask(work)

    def outdated(self) -> None:
        """The groups outran the plan shown: it is no longer applicable until previewed again."""
        self.plan = None
        self.status.setStyleSheet(f"color: {labels.PROBLEM_COLOUR.name()}")
        self.status.setText(self.tr("The groups changed since this preview: press Preview again to see the plan "
                                    "as they stand now."))
        self.again.setFocus(Qt.FocusReason.OtherFocusReason)

    def _label(self, lines: dict[int, GroupLine], group_id: int | None, fallback: str) -> str:
        line = lines.get(group_id) if group_id is not None else None
        return group_label(line) if line is not None else fallback

    def _show(self, loaded: tuple[Plan, dict[int, GroupLine], Impact | str]) -> None:
        plan, lines, seen = loaded
        self.plan = plan
        placed, stays = len(plan.placed), len(plan.not_placed)
        total = len(plan.placements)
        if self.closing and not total:
            status = self.tr("The group has no students: closing it moves no one.")
        elif self.closing:
            status = (self.tr("Of its %n students, %1 would move to the other groups of the course and %2 would stay "
                              "in the closed group.", "", total))
        else:
            target = plan.targets[0] if plan.targets else None
            status = (self.tr("Of the %n selected students, %1 would move to %3 and %2 would stay where they are.",
                              "", total)
                      .replace("%3", self._label(lines, target.group_id if target else None,
                                                 target.label if target else "")))
        self.status.setStyleSheet("")
        self.status.setText(status.replace("%1", str(placed)).replace("%2", str(stays)))

        table = self.table
        table.setRowCount(total)
        for row, placement in enumerate(plan.placements):
            if placement.to_group_id is not None:
                where = self._label(lines, placement.to_group_id, placement.to_group)
            else:
                where = self.tr("stays — %1").replace("%1", placement.why)
            for column, value in ((NUMBER, placement.student_number), (STUDENT, placement.student_name),
                                  (WHERE, where)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, placement.enrollment_id)
                if column == WHERE and placement.to_group_id is None:
                    item.setForeground(labels.PROBLEM_COLOUR)
                    item.setToolTip(placement.why)
                table.setItem(row, column, item)
        table.resizeRowsToContents()

        if plan.targets:
            self.targets.setText(self.tr("Free seats:") + "\n" + "\n".join(
                self.tr("%1: %2 → %3").replace("%1", self._label(lines, t.group_id, t.label))
                .replace("%2", str(max(t.free_before, 0))).replace("%3", str(max(t.free_after, 0)))  # over the limit: none
                for t in plan.targets))
        else:
            self.targets.setText(self.tr("The course has no other open group of this class type in the term."))
        if isinstance(seen, Impact):
            self.effects.setText(self.tr("Applying it:") + " " + impact_text(seen))
        else:
            self.effects.setText(self.tr("What applying it would set off cannot be shown: %1").replace("%1", seen))
        self.ready.emit(plan)

    def _failed(self, error: BaseException) -> None:
        self.plan = None
        self.table.setRowCount(0)
        self.targets.clear()
        self.effects.clear()
        self.status.setStyleSheet(f"color: {labels.PROBLEM_COLOUR.name()}")
        self.status.setText(error_message(error))
        self.ready.emit(None)


def plan_changes(plan: Plan) -> Changes:
    """What applying a plan changes: its groups (a freed seat may go to a waiting list, so any student), the portal's
    copy and the history."""
    return Changes.of(group={plan.group_id, *(t.group_id for t in plan.targets)}, student=ALL, payment=ALL,
                      outbox=ALL, history=ALL)


class CloseGroupDialog(ActionDialog):
    """Close one group: its preview (each student's new group or why they stay, the siblings' free seats, what it
    would set off), a reason, and Close the group, which applies exactly the plan shown."""

    def __init__(self, context: AppContext, group: GroupLine, parent: QWidget | None = None):
        db, actor = context.db, context.actor
        super().__init__(context, "", "", "", "closeGroupDialog",
                         lambda v: closures.apply_plan(UnitOfWork(db, actor), v[0], reason=v[1]), parent,
                         reason_hint=self.tr("e.g. too few students to run it"))
        self.group = group
        self.applied: Plan | None = None
        self.set_texts(
            self.tr("Close group — %1").replace("%1", group_label(group)),
            self.tr("Its students go to the other groups of the course and class type, each to the one with the most "
                    "free seats the rules let them take; then the group takes no one. Nothing changes until you "
                    "close it."),
            self.tr("Close the &group"),
        )
        self.preview = PlanPreview(context, self, closing=True)
        self.form.addRow(self.preview)
        self.finish_form()
        self.changes = lambda _applied: plan_changes(self.applied) if self.applied is not None else None
        fit_to_screen(self, QSize(780, 600))
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)  # the clerk reads the preview, says why, presses Enter
        self.preview.preview(lambda uow: closures.plan_closure(uow, group.id))

    def values(self) -> tuple[Plan, str]:
        plan = self.preview.plan
        if plan is None:
            raise ValueError(self.tr("The preview is not ready: close the group once it is shown."))
        self.applied = plan
        return plan, self.reason.text()

    def refused(self, error: BaseException) -> None:
        if outrun(error):
            self.preview.outdated()


class ReopenGroupDialog(ActionDialog):
    """Let a closed group take students again, with the reason."""

    def __init__(self, context: AppContext, group: GroupLine, parent: QWidget | None = None):
        db, actor = context.db, context.actor
        super().__init__(context, "", "", "", "reopenGroupDialog",
                         lambda reason: closures.reopen_group(UnitOfWork(db, actor), group.id, reason=reason), parent)
        self.set_texts(
            self.tr("Open again — %1").replace("%1", group_label(group)),
            self.tr("The group takes students again. The students moved out when it was closed stay where they are "
                    "now."),
            self.tr("&Open again"),
        )
        self.finish_form()

