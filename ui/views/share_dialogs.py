"""A class group's dedicated seats: its shares listed, a share added, released now or removed, each with a reason.

The groups view opens ``SharesDialog`` for one group. Each change is its own small dialog
(``ui.dialogs.ActionDialog``: a refusal shown inside it in the clerk's words, the input kept) whose
success is announced as a change of the group, so the list here, the capacity table and every other
view showing the group refresh. Whom seats are for is chosen as the access rules are (programme, level,
mode, stage; any left open) or as a pasted list of student numbers, resolved by the service.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTime, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desk import access, bounds, groups, seat_shares
from desk.access import ProgrammeChoice, split_numbers
from desk.clock import local_to_utc, now_utc
from desk.groups import GroupLine
from desk.model import Level, StudyMode
from desk.seat_shares import ShareDraft, ShareLine
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork
from ui import labels
from ui.changes import ALL, Changes, Kind
from ui.context import AppContext
from ui.dialogs import ActionDialog, error_label
from ui.focus import arrange_focus
from ui.formats import DateField, datetime_text, fit_combo
from ui.models.group_table_model import share_release, share_whom
from ui.screen import fit_to_screen
from ui.tables import report_table
from ui.views.group_dialogs import group_label

SEATS, TAKEN, WHOM, RELEASE = range(4)


def share_changes(group_id: int) -> Changes:
    """What a change of a group's dedicated seats changes: the group (its free seats), the portal's copy, the
    history."""
    return Changes.of(group={group_id}, outbox=ALL, history=ALL)


@dataclass(frozen=True)
class NewShare:
    """What the add dialog gives its action: the share, the pasted numbers (None for a rule) and the reason."""

    draft: ShareDraft
    numbers: str | None
    reason: str


def dedicate(context: AppContext, group_id: int, new: NewShare) -> int:
    """In the background: the pasted numbers resolved to students (refused, naming those no one has), then the share."""
    db, actor = context.db, context.actor
    draft = new.draft
    if new.numbers is not None:
        draft = replace(draft, student_ids=seat_shares.listed_students(UnitOfWork(db, actor), new.numbers))
    return seat_shares.add_share(UnitOfWork(db, actor), group_id, draft, reason=new.reason)


class SharesDialog(QDialog):
    """One group's dedicated seats: each share (seats, taken, whom, its release), and Add, Release now, Remove.

    The list is loaded again whenever a change of the group is announced (its own dialogs' too);
    ``loaded(n)`` follows each load (n shares, -1 when the load failed and the message is shown).
    """

    loaded = Signal(int)

    def __init__(self, context: AppContext, group: GroupLine, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.group = group
        self.shares: list[ShareLine] = []
        self.rounds: list[tuple[int, str, datetime]] = []
        self.programmes: list[ProgrammeChoice] | None = None
        self.last_dialog: ActionDialog | None = None
        self.may_change = context.actor.can(Permission.MANAGE_GROUPS, group.unit_id)
        self._generation = 0
        self._keep: int | None = None  # the share chosen before a reload, by id
        self._add_when_loaded = False  # Add pressed before the programmes came: opened when they do
        self.setObjectName("sharesDialog")
        self.setWindowTitle(self.tr("Dedicated seats — %1").replace("%1", group_label(group)))

        self.summary = QLabel(self)
        self.summary.setObjectName("sharesSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = report_table(self, "sharesTable", self.tr("Dedicated seats of the group"),
                                  [self.tr("Seats"), self.tr("Taken"), self.tr("For whom"), self.tr("Release")],
                                  stretch=(WHOM, RELEASE))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_button = self._button(self.tr("&Add…"), "addShareButton",
                                       self.tr("Dedicate seats of the group to some students"), self.add)
        self.release_button = self._button(self.tr("Re&lease now…"), "releaseShareButton",
                                           self.tr("Release the chosen seats to everyone now"), self.release)
        self.remove_button = self._button(self.tr("Re&move…"), "removeShareButton",
                                          self.tr("Remove the chosen dedicated seats"), self.remove)
        self.remove_button.setToolTip(self.tr("Remove the chosen dedicated seats (Delete)"))
        if not self.may_change:
            self.add_button.setToolTip(self.tr("A group's dedicated seats are set by the unit it belongs to."))
        self.error = error_label(self, "sharesError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.setObjectName("sharesButtons")
        self.buttons.rejected.connect(self.reject)

        actions = QHBoxLayout()
        for button in (self.add_button, self.release_button, self.remove_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        arrange_focus(self, [self.table, self.add_button, self.release_button, self.remove_button],
                      [self.buttons.button(QDialogButtonBox.StandardButton.Close)])

        self.table.itemSelectionChanged.connect(self._buttons)
        self.table.installEventFilter(self)  # Delete in the list: remove the chosen share
        # Its own changes and those made elsewhere (another clerk's dialog, an enrollment taking a seat) show here.
        context.follow(self, lambda changes: changes.touches(Kind.GROUP, group.id), self.reload)
        self._show(group)
        # The keyboard starts in the list, or on Add when there is nothing to list yet.
        (self.table if self.shares else self.add_button).setFocus(Qt.FocusReason.OtherFocusReason)
        fit_to_screen(self, QSize(760, 420))
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.table and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Delete
                and event.modifiers() == Qt.KeyboardModifier.NoModifier):
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
        """The group and its shares again, and the rounds a new share may wait for (the programmes once)."""
        self._generation += 1
        generation = self._generation
        db, actor, group_id = self.context.db, self.context.actor, self.group.id
        need_programmes = self.programmes is None

        def load():
            line = groups.group_line(UnitOfWork(db, actor), group_id)
            rounds = seat_shares.release_rounds(UnitOfWork(db, actor), group_id)
            return line, rounds, access.programmes(db) if need_programmes else None

        self.context.tasks.run(load, lambda loaded: self._loaded(loaded, generation),
                               lambda error: self._failed(error, generation))

    def _loaded(self, loaded, generation: int) -> None:
        if generation != self._generation:
            return  # a newer load has begun
        line, rounds, programmes = loaded
        if programmes is not None:
            self.programmes = programmes
        self.rounds = rounds
        self.error.clear()
        self._show(line)
        self.loaded.emit(len(self.shares))
        if self._add_when_loaded:
            self._add_when_loaded = False
            self.add()

    def _failed(self, error: BaseException, generation: int) -> None:
        if generation != self._generation:
            return
        self.error.setText(str(error))
        self.loaded.emit(-1)

    def _show(self, group: GroupLine) -> None:
        self.group = group
        chosen = self.chosen_share()
        keep = self._keep if self._keep is not None else (chosen.id if chosen is not None else None)
        self._keep = None
        row_before = max(0, self.table.currentRow())
        self.shares = sorted(group.shares, key=lambda s: (s.released, s.id))
        if self.shares:
            summary = (self.tr("Limit %1 · %2 enrolled · free for everyone: %3 · dedicated: %4 seats, %5 of them free.")
                       .replace("%4", str(sum(s.seats for s in group.kept_shares)))
                       .replace("%5", str(group.dedicated_free)))
        else:
            summary = self.tr("Limit %1 · %2 enrolled · free for everyone: %3. No seat is dedicated to some students yet.")
        self.summary.setText(summary.replace("%1", str(group.seat_limit)).replace("%2", str(group.enrolled))
                             .replace("%3", str(group.free)))
        zone = self.context.time_zone
        table = self.table
        table.setRowCount(len(self.shares))
        for row, share in enumerate(self.shares):
            values = (str(share.seats), str(share.taken), share_whom(share), share_release(share, zone))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, share.id)
                if column in (SEATS, TAKEN):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if share.released:
                    item.setForeground(labels.MUTED_COLOUR)
                table.setItem(row, column, item)
        table.resizeRowsToContents()
        if self.shares:
            again = next((r for r, s in enumerate(self.shares) if s.id == keep), min(row_before, len(self.shares) - 1))
            table.selectRow(again)
        self._buttons()

    def chosen_share(self) -> ShareLine | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() is not None else []
        row = rows[0].row() if rows else -1
        return self.shares[row] if 0 <= row < len(self.shares) else None

    def _buttons(self) -> None:
        chosen = self.chosen_share()
        self.add_button.setEnabled(self.may_change)
        self.release_button.setEnabled(self.may_change and chosen is not None and not chosen.released)
        self.remove_button.setEnabled(self.may_change and chosen is not None)
        if chosen is not None and chosen.released:
            self.release_button.setToolTip(self.tr("These seats are released already."))
        else:
            self.release_button.setToolTip(self.tr("Their free seats go to everyone at once."))

    # --- the changes ----------------------------------------------------------------------------

    def _open(self, dialog: ActionDialog) -> ActionDialog:
        previous = self.last_dialog
        if previous is not None and previous is not dialog and not previous.isVisible():
            previous.deleteLater()
        dialog.changes = share_changes(self.group.id)  # announced on success: this list and the groups refresh
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def add(self) -> ActionDialog | None:
        if not self.may_change:
            return None
        if self.programmes is None:  # typed ahead of the first load: the programmes are on their way
            self._add_when_loaded = True
            return None
        return self._open(AddShareDialog(self.context, self.group, self.programmes, self.rounds, self))

    def release(self) -> ActionDialog | None:
        share = self.chosen_share()
        if not self.may_change or share is None or share.released:
            return None
        self._keep = share.id
        return self._open(ShareChangeDialog(self.context, self.group, share, remove=False, parent=self))

    def remove(self) -> ActionDialog | None:
        share = self.chosen_share()
        if not self.may_change or share is None:
            return None
        return self._open(ShareChangeDialog(self.context, self.group, share, remove=True, parent=self))


# --- a new share ----------------------------------------------------------------------------------


NOT_BY_ITSELF, AT_A_TIME, AT_A_ROUND = "none", "at", "round"


class AddShareDialog(ActionDialog):
    """Dedicate seats of the group: how many, for whom (a rule or a list of student numbers), and when they are
    released to everyone (never by themselves, at a day and time, or when a round of the course starts)."""

    def __init__(self, context: AppContext, group: GroupLine, programmes: list[ProgrammeChoice],
                 rounds: list[tuple[int, str, datetime]], parent: QWidget | None = None):
        super().__init__(context, "", "", "", "addShareDialog", lambda new: dedicate(context, group.id, new), parent,
                         reason_hint=self.tr("e.g. dean's decision no. …"))
        self.group = group
        self.set_texts(
            self.tr("Dedicate seats — %1").replace("%1", group_label(group)),
            self.tr("The seats are kept for the students matching every field set below, or for those on a list; "
                    "%n of the group's seats can be dedicated now.", "", group.free),
            self.tr("&Add"),
        )
        self.seats = QSpinBox(self)
        self.seats.setObjectName("shareSeats")
        self.seats.setAccessibleName(self.tr("Seats"))
        self.seats.setRange(1, bounds.SEAT_LIMIT.high)  # more than are free is refused by the service, with the numbers
        self.seats.setValue(1)

        self.by_rule = QRadioButton(self.tr("Students &matching:"), self)
        self.by_rule.setObjectName("shareByRule")
        self.by_rule.setAccessibleName(self.tr("Seats for the students matching a programme, level, mode or stage"))
        self.by_list = QRadioButton(self.tr("Students on a l&ist:"), self)
        self.by_list.setObjectName("shareByList")
        self.by_list.setAccessibleName(self.tr("Seats for the students on a list"))
        whom = QButtonGroup(self)
        whom.addButton(self.by_rule)
        whom.addButton(self.by_list)
        self.by_rule.setChecked(True)

        self.programme = fit_combo(QComboBox(self))
        self.programme.setObjectName("shareProgramme")
        self.programme.setAccessibleName(self.tr("Programme"))
        self.programme.addItem(self.tr("any programme"), None)
        for choice in programmes:
            self.programme.addItem(f"{choice.code} — {choice.name}", choice.id)
        self.level = fit_combo(QComboBox(self))
        self.level.setObjectName("shareLevel")
        self.level.setAccessibleName(self.tr("Level"))
        self.level.addItem(self.tr("any level"), None)
        for value in Level:
            self.level.addItem(labels.level(value), value)
        self.mode = fit_combo(QComboBox(self))
        self.mode.setObjectName("shareMode")
        self.mode.setAccessibleName(self.tr("Mode"))
        self.mode.addItem(self.tr("any mode"), None)
        for value in StudyMode:
            self.mode.addItem(labels.mode(value), value)
        self.stage = QSpinBox(self)
        self.stage.setObjectName("shareStage")
        self.stage.setAccessibleName(self.tr("Stage"))
        self.stage.setRange(0, 10)
        self.stage.setSpecialValueText(self.tr("any stage"))

        self.numbers = QPlainTextEdit(self)
        self.numbers.setObjectName("shareNumbers")
        self.numbers.setAccessibleName(self.tr("Student numbers"))
        self.numbers.setPlaceholderText(self.tr("Student numbers, one per line or separated by commas or spaces"))
        self.numbers.setTabChangesFocus(True)  # Tab goes on to the next field, as everywhere else in the form
        self.numbers.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self.counted = QLabel(self)
        self.counted.setObjectName("shareNumbersCount")
        self.counted.setAccessibleName(self.tr("Student numbers counted"))

        self.release = fit_combo(QComboBox(self))
        self.release.setObjectName("shareRelease")
        self.release.setAccessibleName(self.tr("When the seats go to everyone"))
        self.release.addItem(self.tr("not by themselves: a clerk releases them"), NOT_BY_ITSELF)
        self.release.addItem(self.tr("at a day and time"), AT_A_TIME)
        self.release.addItem(self.tr("when a round starts"), AT_A_ROUND)
        # Empty until the clerk types the day (any of their forms): no day is assumed for them.
        self.release_day = DateField(self, name="shareReleaseDay", accessible=self.tr("Release day"), optional=True,
                                     empty_text=self.tr("type the day"))
        self.release_time = QTimeEdit(QTime(8, 0), self)
        self.release_time.setObjectName("shareReleaseTime")
        self.release_time.setAccessibleName(self.tr("Release time"))
        self.release_time.setDisplayFormat("HH:mm")
        when = QWidget(self)
        when_layout = QHBoxLayout(when)
        when_layout.setContentsMargins(0, 0, 0, 0)
        when_layout.addWidget(self.release_day)
        when_layout.addWidget(self.release_time)
        when_layout.addStretch(1)
        when_label = QLabel(self.tr("Da&y and time:"), self)
        when_label.setBuddy(self.release_day)  # its Alt+letter goes to the day, Tab then on to the time
        self.release_round = fit_combo(QComboBox(self))
        self.release_round.setObjectName("shareReleaseRound")
        self.release_round.setAccessibleName(self.tr("Round whose start releases the seats"))
        now = now_utc()
        for round_id, name, starts in rounds:
            if starts > now:  # a round begun already would release them at once
                self.release_round.addItem(f"{name} — {datetime_text(starts, context.time_zone)}", round_id)
        if self.release_round.count() == 0:
            self.release_round.addItem(self.tr("no round of the course starts later"), None)
            choices: QStandardItemModel = self.release.model()  # a combo box's own model
            choices.item(self.release.findData(AT_A_ROUND)).setEnabled(False)

        self.form.addRow(self.tr("&Seats:"), self.seats)
        self.form.addRow(self.by_rule)
        self.form.addRow(self.tr("&Programme:"), self.programme)
        self.form.addRow(self.tr("L&evel:"), self.level)
        self.form.addRow(self.tr("M&ode:"), self.mode)
        self.form.addRow(self.tr("S&tage:"), self.stage)
        self.form.addRow(self.by_list)
        self.form.addRow(self.tr("Numbers:"), self.numbers)
        self.form.addRow("", self.counted)
        self.form.addRow(self.tr("Re&lease:"), self.release)
        self.form.addRow(when_label, when)
        self.form.addRow(self.tr("Ro&und:"), self.release_round)
        self.finish_form()
        self.by_rule.toggled.connect(lambda _checked: self._sync())
        self.release.currentIndexChanged.connect(lambda _index: self._sync())
        self.numbers.textChanged.connect(self._count)
        self._count()
        self._sync()
        fit_to_screen(self, QSize(600, 10))
        self.seats.setFocus(Qt.FocusReason.OtherFocusReason)
        self.seats.selectAll()

    def _sync(self) -> None:
        rule = self.by_rule.isChecked()
        for field in (self.programme, self.level, self.mode, self.stage):
            field.setEnabled(rule)
        self.numbers.setEnabled(not rule)
        self.counted.setEnabled(not rule)
        release = self.release.currentData()
        self.release_day.setEnabled(release == AT_A_TIME)
        self.release_time.setEnabled(release == AT_A_TIME)
        self.release_round.setEnabled(release == AT_A_ROUND)

    def _count(self) -> None:
        given = split_numbers(self.numbers.toPlainText())
        distinct = len(set(given))
        text = self.tr("%n student number(s)", "", distinct)
        if len(given) > distinct:
            text += " " + self.tr("(%1 given more than once, counted once)").replace("%1", str(len(given) - distinct))
        self.counted.setText(text)

    def release_moment(self) -> datetime | None:
        """The day and time typed, in the institution's zone, as the instant it is (None: no day typed)."""
        day: date | None = self.release_day.day()
        if day is None:
            return None
        clock = self.release_time.time()
        return local_to_utc(datetime.combine(day, time(clock.hour(), clock.minute())), self.context.time_zone)

    def values(self) -> NewShare:
        numbers = None
        rule: dict = {}
        if self.by_list.isChecked():
            numbers = self.numbers.toPlainText()
            if not split_numbers(numbers):
                raise ValueError(self.tr("Paste the student numbers of the students the seats are for."))
        else:
            rule = {"programme_id": self.programme.currentData(), "level": self.level.currentData(),
                    "mode": self.mode.currentData(), "stage": self.stage.value() or None}
            if all(value is None for value in rule.values()):
                raise ValueError(self.tr("Choose whom the seats are for: a programme, level, mode or stage, or a list "
                                         "of students."))
        release_at = release_round_id = None
        release = self.release.currentData()
        if release == AT_A_TIME:
            release_at = self.release_moment()
            if release_at is None:
                raise ValueError(self.tr("Type the day the seats go to everyone, or choose another release."))
            if release_at <= now_utc():
                raise ValueError(self.tr("That day and time has passed: choose a later one, or release the seats "
                                         "now in the list."))
        elif release == AT_A_ROUND:
            release_round_id = self.release_round.currentData()
            if release_round_id is None:
                raise ValueError(self.tr("Choose the round whose start releases the seats."))
        draft = ShareDraft(self.seats.value(), **rule, release_at=release_at, release_round_id=release_round_id)
        return NewShare(draft, numbers, self.reason.text())


# --- release now, remove ------------------------------------------------------------------------


class ShareChangeDialog(ActionDialog):
    """Release a share's seats to everyone now, or remove the share; either with the reason."""

    def __init__(self, context: AppContext, group: GroupLine, share: ShareLine, *, remove: bool,
                 parent: QWidget | None = None):
        db, actor = context.db, context.actor
        change = seat_shares.remove_share if remove else seat_shares.release_share
        super().__init__(context, "", "", "", "removeShareDialog" if remove else "releaseShareDialog",
                         lambda reason: change(UnitOfWork(db, actor), share.id, reason=reason), parent)
        self.share = share
        whom, label = share_whom(share), group_label(group)
        kept = ""
        if share.taken:
            kept = " " + self.tr("The seats taken (%1) stay with the students who took them.").replace("%1", str(share.taken))
        if remove:
            self.set_texts(
                self.tr("Remove dedicated seats — %1").replace("%1", label),
                self.tr("Remove the %n seat(s) dedicated to some students (%1)? They are everyone's again.", "",
                        share.seats).replace("%1", whom) + kept,
                self.tr("Re&move"),
            )
        else:
            self.set_texts(
                self.tr("Release dedicated seats — %1").replace("%1", label),
                self.tr("Release the seats dedicated to some students (%1) now? Their %n free seat(s) go to everyone "
                        "at once.", "", share.free).replace("%1", whom) + kept,
                self.tr("Re&lease"),
            )
        self.finish_form()
        fit_to_screen(self, QSize(540, 10))

    def values(self) -> str:
        return self.reason.text()
