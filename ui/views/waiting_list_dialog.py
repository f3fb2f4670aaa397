"""A class group's waiting list: the students in order (since when, on the portal or put there by a clerk, why each
was passed over when a seat last freed), a student added, moved up or down, or removed, each with a reason.

The groups view opens ``WaitingListDialog`` for one group. A freed seat goes by itself to the first
student on the list the rules let take it (``desk.waiting_lists``); here a clerk sees the order and
changes it. Each change is its own small dialog (``ui.dialogs.ActionDialog``: a refusal shown inside
it, the input kept) whose success is announced as a change of the group, so the list here, the
capacity table and every view showing the group refresh.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk import groups, waiting_lists
from desk.groups import GroupLine
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork
from desk.waiting_lists import ListRegistration, WaitingLine
from ui.changes import ALL, Changes, Kind
from ui.context import AppContext
from ui.dialogs import ActionDialog, StudentPicker, error_label
from ui.focus import arrange_focus
from ui.formats import datetime_text, fit_combo
from ui.screen import fit_to_screen
from ui.tables import report_table
from ui.views.group_dialogs import group_label

PLACE, NUMBER, STUDENT, SINCE, HOW, PASSED_OVER = range(6)


def list_changes(group_id: int, student_id: int | None = None) -> Changes:
    """What a change of a group's waiting list changes: the group, the student, the portal's copy, the history."""
    return Changes.of(group={group_id}, student=ALL if student_id is None else {student_id}, outbox=ALL, history=ALL)


class WaitingListDialog(QDialog):
    """One group's waiting list in order, and Add a student, Move up, Move down (also Alt+Up and Alt+Down in the
    list) and Remove.

    The list is loaded again whenever a change of the group is announced (its own dialogs' too);
    ``loaded(n)`` follows each load (n students waiting, -1 when the load failed and the message is shown).
    """

    loaded = Signal(int)

    def __init__(self, context: AppContext, group: GroupLine, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.group = group
        self.lines: list[WaitingLine] = []
        self.registrations: list[ListRegistration] | None = None
        self.last_dialog: ActionDialog | None = None
        self.may_change = context.actor.can(Permission.MANAGE_GROUPS, group.unit_id)
        self._generation = 0
        self._keep: int | None = None  # the entry chosen before a reload, by id: it stays chosen where it went
        self._add_when_loaded = False  # Add pressed before the registrations came: opened when they do
        self.setObjectName("waitingListDialog")
        self.setWindowTitle(self.tr("Waiting list — %1").replace("%1", group_label(group)))

        self.summary = QLabel(self)
        self.summary.setObjectName("waitingSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = report_table(self, "waitingTable", self.tr("Students waiting for a seat, in order"),
                                  [self.tr("Place"), self.tr("Student no."), self.tr("Student"), self.tr("Since"),
                                   self.tr("Joined"), self.tr("Passed over because")],
                                  stretch=(PASSED_OVER,))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_button = self._button(self.tr("&Add a student…"), "addWaitingButton",
                                       self.tr("Put a student on the waiting list"), self.add)
        self.up_button = self._button(self.tr("Move &up…"), "waitingUpButton",
                                      self.tr("Move the chosen student one place up"), lambda: self.move(-1))
        self.up_button.setToolTip(self.tr("One place up, with a reason (Alt+Up in the list)"))
        self.down_button = self._button(self.tr("Move &down…"), "waitingDownButton",
                                        self.tr("Move the chosen student one place down"), lambda: self.move(+1))
        self.down_button.setToolTip(self.tr("One place down, with a reason (Alt+Down in the list)"))
        self.remove_button = self._button(self.tr("Re&move…"), "removeWaitingButton",
                                          self.tr("Take the chosen student off the waiting list"), self.remove)
        self.remove_button.setToolTip(self.tr("Take the chosen student off the list, with a reason (Delete)"))
        if not self.may_change:
            for button in (self.add_button, self.up_button, self.down_button, self.remove_button):
                button.setToolTip(self.tr("A group's waiting list is changed by the unit it belongs to."))
        self.error = error_label(self, "waitingError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.setObjectName("waitingButtons")
        self.buttons.rejected.connect(self.reject)

        actions = QHBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button, self.remove_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        arrange_focus(self, [self.table, self.add_button, self.up_button, self.down_button, self.remove_button],
                      [self.buttons.button(QDialogButtonBox.StandardButton.Close)])

        self.table.itemSelectionChanged.connect(self._buttons)
        self.table.installEventFilter(self)  # Alt+Up, Alt+Down and Delete in the list
        context.follow(self, lambda changes: changes.touches(Kind.GROUP, group.id), self.reload)
        self.summary.setText(self.tr("Loading…"))
        self._buttons()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        fit_to_screen(self, QSize(860, 440))
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            key, modifiers = event.key(), event.modifiers()
            if modifiers == Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move(-1 if key == Qt.Key.Key_Up else +1)
                return True
            if key == Qt.Key.Key_Delete and modifiers == Qt.KeyboardModifier.NoModifier:
                self.remove()
                return True
        return super().eventFilter(watched, event)

    def _button(self, text: str, name: str, accessible: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- the list ------------------------------------------------------------------------------

    def reload(self) -> None:
        """The group, its list and the registrations a student may be put on it through, again."""
        self._generation += 1
        generation = self._generation
        db, actor, group_id = self.context.db, self.context.actor, self.group.id

        def load():
            return (groups.group_line(UnitOfWork(db, actor), group_id),
                    waiting_lists.list_of(UnitOfWork(db, actor), group_id),
                    waiting_lists.registrations_for(UnitOfWork(db, actor), group_id))

        self.context.tasks.run(load, lambda loaded: self._loaded(loaded, generation),
                               lambda error: self._failed(error, generation))

    def _loaded(self, loaded, generation: int) -> None:
        if generation != self._generation:
            return  # a newer load has begun
        self.group, lines, self.registrations = loaded
        self.error.clear()
        self._show(lines)
        self.loaded.emit(len(lines))
        if self._add_when_loaded:
            self._add_when_loaded = False
            self.add()

    def _failed(self, error: BaseException, generation: int) -> None:
        if generation != self._generation:
            return
        self.error.setText(str(error))
        self.loaded.emit(-1)

    def _show(self, lines: list[WaitingLine]) -> None:
        chosen = self.chosen()
        keep = self._keep if self._keep is not None else (chosen.id if chosen is not None else None)
        self._keep = None
        row_before = max(0, self.table.currentRow())
        self.lines = list(lines)
        group = self.group
        summary = self.tr("%n students waiting.", "", len(lines)) + " " + (
            self.tr("Limit %1 · %2 enrolled · free for everyone: %3. A freed seat goes by itself to the first student "
                    "on the list the rules let take it.")
            .replace("%1", str(group.seat_limit)).replace("%2", str(group.enrolled)).replace("%3", str(group.free)))
        if not self.registrations:
            summary += " " + self.tr("No registration offering the course keeps waiting lists.")
        self.summary.setText(summary)
        zone = self.context.time_zone
        table = self.table
        table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            why = line.passed_over.text() if line.passed_over is not None else ""
            values = (str(line.place), line.student_number, line.student_name, datetime_text(line.since, zone),
                      self.tr("on the portal") if line.on_portal else self.tr("by a clerk"), why)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, line.id)
                if column == PLACE:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == PASSED_OVER and why:
                    item.setToolTip(why)
                table.setItem(row, column, item)
        table.resizeRowsToContents()
        if lines:
            again = next((r for r, line in enumerate(lines) if line.id == keep), min(row_before, len(lines) - 1))
            table.selectRow(again)
        self._buttons()

    def chosen(self) -> WaitingLine | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() is not None else []
        row = rows[0].row() if rows else -1
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def _buttons(self) -> None:
        chosen = self.chosen()
        self.add_button.setEnabled(self.may_change and self.registrations != [])
        if self.may_change and self.registrations == []:
            self.add_button.setToolTip(self.tr("No registration offering the course keeps waiting lists."))
        elif self.may_change:
            self.add_button.setToolTip(self.tr("Put a student at the end of the list"))
        self.up_button.setEnabled(self.may_change and chosen is not None and chosen.place > 1)
        self.down_button.setEnabled(self.may_change and chosen is not None and chosen.place < len(self.lines))
        self.remove_button.setEnabled(self.may_change and chosen is not None)

    # --- the changes ----------------------------------------------------------------------------

    def _open(self, dialog: ActionDialog, student_id: int | None) -> ActionDialog:
        previous = self.last_dialog
        if previous is not None and previous is not dialog and not previous.isVisible():
            previous.deleteLater()
        dialog.changes = list_changes(self.group.id, student_id)  # announced on success: this list and the groups
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def add(self) -> ActionDialog | None:
        if not self.may_change:
            return None
        if self.registrations is None:  # typed ahead of the first load: the registrations are on their way
            self._add_when_loaded = True
            return None
        if not self.registrations:
            return None
        return self._open(JoinDialog(self.context, self.group, self.registrations, self), None)

    def move(self, step: int) -> ActionDialog | None:
        """One place up (-1) or down (+1), with a reason."""
        line = self.chosen()
        if not self.may_change or line is None:
            return None
        place = line.place + step
        if not 1 <= place <= len(self.lines):
            return None
        self._keep = line.id  # chosen still where it goes: Alt+Up again moves it on
        return self._open(MoveOnListDialog(self.context, self.group, line, place, self), line.student_id)

    def remove(self) -> ActionDialog | None:
        line = self.chosen()
        if not self.may_change or line is None:
            return None
        return self._open(LeaveListDialog(self.context, self.group, line, self), line.student_id)


class JoinDialog(ActionDialog):
    """Put a student at the end of the group's list, through one of the registrations offering its course that keep
    waiting lists (its rounds and rules decide whether the student may take a seat when one frees)."""

    def __init__(self, context: AppContext, group: GroupLine, registrations: list[ListRegistration],
                 parent: QWidget | None = None):
        db, actor = context.db, context.actor
        super().__init__(context, "", "", "", "joinWaitingListDialog",
                         lambda v: waiting_lists.join(UnitOfWork(db, actor), v[0], group.id, v[1]), parent, reason=False)
        self.set_texts(
            self.tr("Add to the waiting list — %1").replace("%1", group_label(group)),
            self.tr("The student goes to the end of the list. Only a student whom the rules refuse nothing but a seat "
                    "can wait for one."),
            self.tr("&Add to the list"),
        )
        self.picker = StudentPicker(context, self)
        self.picker.setObjectName("waitingStudentPicker")
        self.picker.setAccessibleName(self.tr("Student to put on the list"))
        self.registration = fit_combo(QComboBox(self))
        self.registration.setObjectName("waitingRegistrationChooser")
        self.registration.setAccessibleName(self.tr("Registration the student waits through"))
        for choice in registrations:
            self.registration.addItem(f"{choice.code} — {choice.name}", choice.id)
        self.form.addRow(self.tr("&Student:"), self.picker)
        self.form.addRow(self.tr("Re&gistration:"), self.registration)
        self.finish_form()
        fit_to_screen(self, QSize(620, 400))

    def values(self) -> tuple[int, int]:
        student_id = self.picker.student_id
        if student_id is None:
            raise ValueError(self.tr("Find and choose the student first."))
        registration_id = self.registration.currentData()
        if registration_id is None:
            raise ValueError(self.tr("Choose the registration the student waits through."))
        return student_id, registration_id


def _who(line: WaitingLine) -> str:
    return f"{line.student_name} ({line.student_number})"


class MoveOnListDialog(ActionDialog):
    """Put a student one place up or down the list, with the reason."""

    def __init__(self, context: AppContext, group: GroupLine, line: WaitingLine, place: int,
                 parent: QWidget | None = None):
        db, actor = context.db, context.actor
        super().__init__(context, "", "", "", "moveOnWaitingListDialog",
                         lambda reason: waiting_lists.move_to(UnitOfWork(db, actor), line.id, place, reason=reason),
                         parent)
        self.place = place
        title = self.tr("Move up the waiting list") if place < line.place else self.tr("Move down the waiting list")
        self.set_texts(
            title,
            self.tr("%1 from place %2 to place %3 of the waiting list of %4.").replace("%1", _who(line))
            .replace("%2", str(line.place)).replace("%3", str(place)).replace("%4", group_label(group)),
            self.tr("&Move"),
        )
        self.finish_form()


class LeaveListDialog(ActionDialog):
    """Take a student off the list, with the reason."""

    def __init__(self, context: AppContext, group: GroupLine, line: WaitingLine, parent: QWidget | None = None):
        db, actor = context.db, context.actor
        super().__init__(context, "", "", "", "leaveWaitingListDialog",
                         lambda reason: waiting_lists.remove(UnitOfWork(db, actor), line.id, reason=reason), parent)
        self.set_texts(
            self.tr("Remove from the waiting list — %1").replace("%1", group_label(group)),
            self.tr("Take %1 off the waiting list of %2? The others keep their order.").replace("%1", _who(line))
            .replace("%2", group_label(group)),
            self.tr("Re&move"),
        )
        self.finish_form()
