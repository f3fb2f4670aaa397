"""A registration's group exchanges: the open wishes, an exchange run now, a wish withdrawn or added for a student.

The calendar opens ``ExchangesDialog`` for the registration it shows, when the registration allows
exchanges. Each change is its own small dialog (``ui.dialogs.ActionDialog``: it runs in the
background, a refusal is shown inside it in the clerk's words and the input is kept) whose success is
announced (``ui.changes``): the list here reloads, and so does every view showing the groups and
students an exchange moved.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk import exchanges
from desk.clock import now_utc
from desk.exchange_choices import WishChoices, wish_choices
from desk.exchanges import BreakDone, WishLine
from desk.registrations import RegistrationLine
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork
from ui import labels
from ui.changes import ALL, Changes, Kind
from ui.context import AppContext
from ui.dialogs import ActionDialog, error_label
from ui.focus import arrange_focus
from ui.formats import datetime_text
from ui.screen import fit_to_screen
from ui.tables import report_table
from ui.tasks import error_message
from ui.views.group_dialogs import group_label

STUDENT, FROM, WISHED, SINCE, MADE, WHY = range(6)


def wish_changes(registration_id: int) -> Changes:
    """What recording or withdrawing a wish changes: the registration's wishes, the portal's copy, the history."""
    return Changes.of(registration={registration_id}, outbox=ALL, history=ALL)


def run_changes(registration_id: int) -> Changes:
    """What an exchange run changes: besides the wishes, the students moved and the groups they left and took."""
    return Changes.of(registration={registration_id}, group=ALL, student=ALL, outbox=ALL, history=ALL)


class ExchangesDialog(QDialog):
    """One registration's open wishes (who, from which group, which groups in order, since when, made on the portal
    or by a clerk, why it waits), with Run the exchange now, Withdraw and Add a wish.

    The list is read again whenever a change of the registration or of groups is announced (its own
    dialogs' too); ``loaded(n)`` follows each read (n wishes, -1 when it failed and the message is shown).
    """

    loaded = Signal(int)

    def __init__(self, context: AppContext, registration: RegistrationLine, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.registration = registration
        self.wishes: list[WishLine] = []
        self.last_dialog: ActionDialog | None = None
        self.last_run: BreakDone | None = None
        self.may_run = context.actor.can(Permission.MANAGE_GROUPS, registration.unit_id)
        self.may_change = context.actor.can(Permission.MANAGE_GROUPS)
        self._generation = 0
        self._keep: int | None = None  # the wish chosen before a reload, by id
        self.setObjectName("exchangesDialog")
        self.setWindowTitle(self.tr("Group exchanges — %1").replace("%1", registration.code))

        self.summary = QLabel(self)
        self.summary.setObjectName("exchangesSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("exchangesOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.setVisible(False)
        self.table = report_table(self, "exchangesTable", self.tr("Open exchange wishes"),
                                  [self.tr("Student"), self.tr("Leaves"), self.tr("Wishes for, in order"),
                                   self.tr("Since"), self.tr("Made"), self.tr("Why it waits")],
                                  stretch=(WHY,))  # the groups wished for one under another, in order
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.run_button = self._button(self.tr("&Run the exchange now…"), "runExchangeButton",
                                       self.tr("Carry out every set of open wishes that can be satisfied now"), self.run)
        self.withdraw_button = self._button(self.tr("&Withdraw…"), "withdrawWishButton",
                                            self.tr("Withdraw the chosen wish"), self.withdraw)
        self.withdraw_button.setToolTip(self.tr("Withdraw the chosen wish, with a reason (Delete)"))
        self.add_button = self._button(self.tr("&Add a wish…"), "addWishButton",
                                       self.tr("Record a wish for a student"), self.add)
        if not self.may_run:
            self.run_button.setToolTip(self.tr("An exchange is run by the unit that organises the registration."))
        self.error = error_label(self, "exchangesError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.setObjectName("exchangesButtons")
        self.buttons.rejected.connect(self.reject)

        actions = QHBoxLayout()
        for button in (self.run_button, self.withdraw_button, self.add_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.outcome)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        arrange_focus(self, [self.table, self.run_button, self.withdraw_button, self.add_button],
                      [self.buttons.button(QDialogButtonBox.StandardButton.Close)])

        self.table.itemSelectionChanged.connect(self._buttons)
        self.table.installEventFilter(self)  # Delete in the list: withdraw the chosen wish
        # Its own changes and those made elsewhere (an enrollment moved, another clerk's run) show here.
        context.follow(self, lambda changes: changes.touches(Kind.REGISTRATION, registration.id)
                       or changes.touches(Kind.GROUP), self.reload)
        self.summary.setText(self.tr("Reading the wishes…"))
        self._buttons()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        fit_to_screen(self, QSize(1100, 520))
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.table and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Delete
                and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            self.withdraw()
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
        self._generation += 1
        generation = self._generation
        db, actor, registration_id = self.context.db, self.context.actor, self.registration.id
        self.context.tasks.run(lambda: exchanges.wishes_of(UnitOfWork(db, actor), registration_id),
                               lambda wishes: self._loaded(wishes, generation),
                               lambda error: self._failed(error, generation))

    def _loaded(self, wishes: list[WishLine], generation: int) -> None:
        if generation != self._generation:
            return  # a newer read has begun
        self.error.clear()
        self._show(wishes)
        self.loaded.emit(len(wishes))

    def _failed(self, error: BaseException, generation: int) -> None:
        if generation != self._generation:
            return
        self.error.setText(error_message(error))
        self.loaded.emit(-1)

    def _show(self, wishes: list[WishLine]) -> None:
        chosen = self.chosen_wish()
        keep = self._keep if self._keep is not None else (chosen.id if chosen is not None else None)
        self._keep = None
        row_before = max(0, self.table.currentRow())
        self.wishes = list(wishes)
        if wishes:
            self.summary.setText(self.tr("%n open wishes, oldest first. A run carries out together every set that "
                                         "can be: pairs, cycles and chains ending in a free seat.", "", len(wishes)))
        else:
            self.summary.setText(self.tr("No wish is open. Students wish on the portal; a clerk adds one for a "
                                         "student with Add a wish."))
        zone = self.context.time_zone
        self.table.setRowCount(len(wishes))
        for row, wish in enumerate(wishes):
            values = (f"{wish.student_number} {wish.student_name}", wish.from_group,
                      "\n".join(f"{index}. {group}" for index, group in enumerate(wish.to_groups, start=1)),
                      datetime_text(wish.created_at, zone),
                      self.tr("on the portal") if wish.on_portal else self.tr("by a clerk"),
                      wish.reason.text() if wish.reason is not None else "")
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, wish.id)
                if column == WHY and wish.reason is not None and wish.reason.code != exchanges.WAITING.code:
                    item.setForeground(labels.WAITING_COLOUR)  # a rule stands in the way, not just no seat
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if wishes:
            again = next((r for r, w in enumerate(wishes) if w.id == keep), min(row_before, len(wishes) - 1))
            self.table.selectRow(again)
        self._buttons()

    def chosen_wish(self) -> WishLine | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        row = rows[0].row() if rows else -1
        return self.wishes[row] if 0 <= row < len(self.wishes) else None

    def _buttons(self) -> None:
        self.run_button.setEnabled(self.may_run and bool(self.wishes))
        self.withdraw_button.setEnabled(self.may_change and self.chosen_wish() is not None)
        self.add_button.setEnabled(self.may_change)

    # --- the changes ----------------------------------------------------------------------------

    def _open(self, dialog: ActionDialog) -> ActionDialog:
        previous = self.last_dialog
        if previous is not None and previous is not dialog and not previous.isVisible():
            previous.deleteLater()
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def run(self) -> ActionDialog | None:
        if not self.run_button.isEnabled():
            return None
        db, actor, registration_id = self.context.db, self.context.actor, self.registration.id
        dialog = ActionDialog(self.context, "", "", "", "runExchangeDialog",
                              lambda reason: exchanges.run_break(UnitOfWork(db, actor), registration_id, reason=reason),
                              self, changes=run_changes(registration_id),
                              reason_hint=self.tr("e.g. the exchange break of the first round"))
        dialog.set_texts(
            self.tr("Run the exchange — %1").replace("%1", self.registration.code),
            self.tr("Every set of the %n open wishes that can be satisfied together is carried out now, oldest "
                    "wishes first, each move asked of the rules; the others stay open with why.", "", len(self.wishes)),
            self.tr("Run &now"))
        dialog.finish_form()
        dialog.succeeded.connect(self._ran)
        return self._open(dialog)

    def _ran(self, done: BreakDone) -> None:
        self.last_run = done
        # Said with its time: the list below goes on changing (portal wishes, this dialog's own) after the run.
        when = datetime_text(now_utc(), self.context.time_zone)
        self.outcome.setText(self.tr("Run at %1: %2").replace("%1", when).replace("%2", self.outcome_text(done)))
        self.outcome.setVisible(True)

    def outcome_text(self, done: BreakDone) -> str:
        """What a run did, in one sentence: wishes carried out, in how many sets, the longest, those still open."""
        if done.carried:
            text = (self.tr("%n wishes carried out", "", done.carried) + " "
                    + self.tr("in %n sets", "", done.sets) + " ("
                    + self.tr("the longest of %n moves", "", done.longest) + "), "
                    + self.tr("%n still open.", "", done.still_open))
        else:
            text = self.tr("No wish could be carried out; %n still open.", "", done.still_open)
        if done.void:
            text += " " + self.tr("%n closed: the student no longer holds the group they wished to leave.", "",
                                  done.void)
        return text

    def withdraw(self) -> ActionDialog | None:
        wish = self.chosen_wish()
        if wish is None or not self.withdraw_button.isEnabled():
            return None
        db, actor = self.context.db, self.context.actor
        dialog = ActionDialog(self.context, "", "", "", "withdrawWishDialog",
                              lambda reason: exchanges.withdraw(UnitOfWork(db, actor), wish.id, reason=reason),
                              self, changes=wish_changes(self.registration.id))
        dialog.set_texts(
            self.tr("Withdraw a wish — %1").replace("%1", self.registration.code),
            self.tr("Withdraw the wish of %1 to leave %2 for %3?").replace("%1", f"{wish.student_number} "
                                                                          f"{wish.student_name}")
            .replace("%2", wish.from_group).replace("%3", ", ".join(wish.to_groups)),
            self.tr("&Withdraw"))
        dialog.finish_form()
        return self._open(dialog)

    def add(self) -> ActionDialog | None:
        if not self.add_button.isEnabled():
            return None
        dialog = AddWishDialog(self.context, self.registration, self)
        dialog.changes = wish_changes(self.registration.id)
        return self._open(dialog)


class AddWishDialog(ActionDialog):
    """A wish recorded for a student: their number, then the group they leave (one they hold in the registration's
    courses), then the sibling groups they would take, ticked and put in their order of preference."""

    choicesLoaded = Signal()  # the student's groups arrived (or a refusal was shown)

    def __init__(self, context: AppContext, registration: RegistrationLine, parent: QWidget | None = None):
        db, actor = context.db, context.actor
        super().__init__(context, "", "", "", "addWishDialog",
                         lambda wish: exchanges.make_wish(UnitOfWork(db, actor), wish[0], wish[1], wish[2],
                                                          registration_id=registration.id),
                         parent, reason=False)
        self.registration = registration
        self.choices: WishChoices | None = None
        self._generation = 0
        self.set_texts(self.tr("Add an exchange wish — %1").replace("%1", registration.code),
                       self.tr("Type the student number and press Enter: their groups in this registration's courses "
                               "are offered, then tick the groups they would take, first choice at the top."),
                       self.tr("&Add the wish"))
        self.number = QLineEdit(self)
        self.number.setObjectName("wishStudentNumber")
        self.number.setAccessibleName(self.tr("Student number"))
        self.number.setPlaceholderText(self.tr("e.g. 100234, then Enter"))
        self.who = QLabel(self)
        self.who.setObjectName("wishStudent")
        self.who.setAccessibleName(self.tr("The student"))
        self.who.setWordWrap(True)
        self.source = QComboBox(self)
        self.source.setObjectName("wishFromGroup")
        self.source.setAccessibleName(self.tr("The group the student leaves"))
        self.targets = QListWidget(self)
        self.targets.setObjectName("wishTargets")
        self.targets.setAccessibleName(self.tr("The groups the student would take, in order"))
        self.targets.setMinimumHeight(120)
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.up_button.setObjectName("wishTargetUp")
        self.up_button.setAccessibleName(self.tr("Move the chosen group up"))
        self.up_button.setAutoDefault(False)
        self.down_button = QPushButton(self.tr("Move &down"), self)
        self.down_button.setObjectName("wishTargetDown")
        self.down_button.setAccessibleName(self.tr("Move the chosen group down"))
        self.down_button.setAutoDefault(False)
        order = QWidget(self)
        order_layout = QHBoxLayout(order)
        order_layout.setContentsMargins(0, 0, 0, 0)
        order_layout.addWidget(self.up_button)
        order_layout.addWidget(self.down_button)
        order_layout.addStretch(1)
        self.form.addRow(self.tr("Student &number:"), self.number)
        self.form.addRow("", self.who)
        self.form.addRow(self.tr("&From group:"), self.source)
        self.form.addRow(self.tr("&Groups wished for:"), self.targets)
        self.form.addRow("", order)
        self.finish_form()

        self._timer = QTimer(self)  # the groups follow the number typed, as a search does
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.find_student)
        self.number.textChanged.connect(lambda _text: self._timer.start())
        self.number.installEventFilter(self)  # Enter finds the student rather than adding the wish
        self.targets.installEventFilter(self)  # Alt+Up, Alt+Down: the chosen group up or down the order
        self.source.currentIndexChanged.connect(lambda _index: self._show_targets())
        self.targets.itemChanged.connect(lambda _item: self._number_targets())
        self.targets.currentRowChanged.connect(lambda _row: self._order_buttons())
        self.up_button.clicked.connect(lambda _checked=False: self.move(-1))
        self.down_button.clicked.connect(lambda _checked=False: self.move(1))
        self._show_choices(None)
        fit_to_screen(self, QSize(600, 10))
        self.number.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.number and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.find_student()
            return True
        if (watched is self.targets and event.type() == QEvent.Type.KeyPress
                and event.modifiers() == Qt.KeyboardModifier.AltModifier
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)):
            self.move(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(watched, event)

    # --- the student's groups -------------------------------------------------------------------

    def find_student(self) -> None:
        """Read the groups of the student whose number is typed (an answer to an older number is dropped)."""
        self._timer.stop()
        number = self.number.text().strip()
        if self.choices is not None and self.choices.student_number == number:
            return
        self._generation += 1
        generation = self._generation
        if not number:
            self._show_choices(None)
            return
        db, actor, registration_id = self.context.db, self.context.actor, self.registration.id
        self.who.setText(self.tr("Looking for the student…"))
        self.context.tasks.run(lambda: wish_choices(UnitOfWork(db, actor), registration_id, number),
                               lambda choices: self._found(choices, generation),
                               lambda error: self._not_found(error, generation))

    def _found(self, choices: WishChoices, generation: int) -> None:
        if generation != self._generation:
            return
        self.error.clear()
        self._show_choices(choices)
        self.choicesLoaded.emit()

    def _not_found(self, error: BaseException, generation: int) -> None:
        if generation != self._generation:
            return
        self._show_choices(None)
        self.error.setText(error_message(error))
        self.choicesLoaded.emit()

    def _show_choices(self, choices: WishChoices | None) -> None:
        self.choices = choices
        self.source.blockSignals(True)
        self.source.clear()
        if choices is not None:
            self.who.setText(f"{choices.student_number} {choices.student_name}")
            for held in choices.held:
                self.source.addItem(group_label(held.group), held.group.id)
        else:
            self.who.setText(self.tr("No student chosen yet."))
        self.source.blockSignals(False)
        self.source.setEnabled(choices is not None)
        self._show_targets()

    def _held(self):
        if self.choices is None:
            return None
        return next((h for h in self.choices.held if h.group.id == self.source.currentData()), None)

    def _show_targets(self) -> None:
        held = self._held()
        self.targets.blockSignals(True)
        self.targets.clear()
        for group in held.siblings if held is not None else ():
            item = QListWidgetItem()
            base = self.tr("%1 · %2 of %3 seats free").replace("%1", group_label(group)).replace(
                "%2", str(group.free)).replace("%3", str(group.seat_limit))
            item.setData(Qt.ItemDataRole.UserRole, group.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, base)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.targets.addItem(item)
        self.targets.blockSignals(False)
        self.targets.setEnabled(held is not None)
        if self.targets.count():
            self.targets.setCurrentRow(0)
        self._number_targets()

    def _number_targets(self) -> None:
        """Each ticked group shows its place in the order of preference."""
        self.targets.blockSignals(True)
        place = 0
        for row in range(self.targets.count()):
            item = self.targets.item(row)
            base = item.data(Qt.ItemDataRole.UserRole + 1)
            if item.checkState() == Qt.CheckState.Checked:
                place += 1
                item.setText(f"{place}. {base}")
            else:
                item.setText(base)
        self.targets.blockSignals(False)
        self._order_buttons()

    def _order_buttons(self) -> None:
        row, count = self.targets.currentRow(), self.targets.count()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)

    def move(self, step: int) -> None:
        """The chosen group one place up (-1) or down (1): the order of the ticked groups is the student's."""
        row = self.targets.currentRow()
        if not 0 <= row + step < self.targets.count() or row < 0:
            return
        self.targets.blockSignals(True)
        item = self.targets.takeItem(row)
        self.targets.insertItem(row + step, item)
        self.targets.blockSignals(False)
        self.targets.setCurrentRow(row + step)
        self._number_targets()

    def wished(self) -> list[int]:
        """The ticked groups, in the order shown."""
        return [self.targets.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.targets.count())
                if self.targets.item(row).checkState() == Qt.CheckState.Checked]

    def values(self):
        if self.choices is None or self.choices.student_number != self.number.text().strip():
            raise ValueError(self.tr("Type the student number and press Enter to see their groups."))
        held = self._held()
        if held is None:
            raise ValueError(self.tr("Choose the group the student leaves."))
        targets = self.wished()
        if not targets:
            raise ValueError(self.tr("Tick at least one group the student would take."))
        return (self.choices.student_id, held.group.id, targets)
