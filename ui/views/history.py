"""History: the audit trail read by staff member, student, kind of record, dates and personal-data access; exported to Excel.

A change set (an import, a copy of a term) is one line with the number of its rows; Enter, a double
click or "Open change set…" opens its rows, a page at a time, in ``ChangeSetDialog``. A change set
that can be reversed in one step (a many-student move, a group's closure, an exchange run, a swap:
``desk.undo.UNDOABLE``) is undone from its line with a reason; a refusal lists what stands in the way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,  # noqa: F401 - the save dialog the export asks through (tests replace it here)
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk import history as audit_history
from desk import undo as change_set_undo
from desk.clock import local_to_utc
from desk.errors import DomainError
from desk.history import HistoryLine
from desk.staff import Permission
from desk.students import student_by_number
from ui import labels
from ui.changes import ALL, Changes
from ui.context import AppContext
from ui.dialogs import ActionDialog
from ui.formats import NO_DATE as FORMATS_NO_DATE
from ui.formats import DateField, date_text, datetime_text
from ui.screen import fit_to_screen
from ui import tables
from ui.tables import install_table_tools, run_export
from ui.tasks import error_message
from desk.unit_of_work import UnitOfWork

PAGE = 500
EXPORT_FOLDER_SETTING = tables.EXPORT_FOLDER_SETTING  # one folder remembered for every export
# An empty date field: the date field shows its "no date" text at this day (ui.formats).
NO_DATE = FORMATS_NO_DATE

# The columns of the history table, in order.
WHEN, WHO, WHAT, RECORD, CHANGE, REASON = range(6)


class HistoryTableModel(QAbstractTableModel):
    """The lines shown, newest first; pages are appended as "More…" reads them."""

    def __init__(self, zone: str, parent: QObject | None = None):
        super().__init__(parent)
        self.zone = zone
        self.lines: list[HistoryLine] = []
        self._bold: QFont | None = None

    def headers(self) -> list[str]:
        return [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Record"), self.tr("Change"), self.tr("Reason")]

    def set_lines(self, lines: list[HistoryLine]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()

    def append(self, lines: list[HistoryLine]) -> None:
        if not lines:
            return
        first = len(self.lines)
        self.beginInsertRows(QModelIndex(), first, first + len(lines) - 1)
        self.lines.extend(lines)
        self.endInsertRows()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def text(self, line: HistoryLine, column: int) -> str:
        if column == WHEN:
            return datetime_text(line.at, self.zone)
        if column == WHO:
            return line.staff_name or line.who
        if column == WHAT:
            return line.description
        if column == RECORD:
            if line.is_change_set:  # "import · 300,000 rows"
                return f"{line.record} · {self.tr('%Ln rows', '', line.rows)}"
            return line.record
        if column == CHANGE:
            return line.change
        return line.reason or ""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.text(line, column)
            if column == WHAT:
                mark = "\n" + self.tr("Personal data access") if line.personal_data else ""
                if line.is_change_set:
                    mark += "\n" + self.tr("Enter or a double click opens its rows.")
                elif line.change_set_id is not None:
                    mark += "\n" + self.tr("A row of change set #%1.").replace("%1", str(line.change_set_id))
                return f"{text}{mark}\n({line.action}, #{line.id})"
            if column == WHO:
                return line.who
            return text or None
        if role == Qt.ItemDataRole.ForegroundRole and column == WHAT and line.personal_data:
            return labels.WAITING_COLOUR
        if role == Qt.ItemDataRole.FontRole and column == WHAT and line.personal_data:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        return None


@dataclass(frozen=True)
class _Filters:
    """What the clerk asked for, as plain values (read on the GUI thread, used off it)."""

    staff_login: str | None
    student_number: str
    entities: tuple[str, ...]
    since: datetime | None
    until: datetime | None
    personal_data_only: bool
    summary: str  # in words, for the export's heading


class HistoryView(QWidget):
    """Who did what, when and why: the audit trail, a page at a time, newest first."""

    loaded = Signal(int)  # lines shown after a page arrived
    exported = Signal(str)  # the file written

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("historyView")
        self.is_administrator = context.actor.can(Permission.ADMINISTER)
        self._generation = 0
        self._filters: _Filters | None = None
        self._more = False
        self._student_id: int | None = None

        self.staff = QComboBox(self)
        self.staff.setObjectName("historyStaffFilter")
        self.staff.setAccessibleName(self.tr("Staff member"))
        self.staff.addItem(self.tr("every staff member"), None)
        self.staff.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.staff.setMinimumContentsLength(10)
        self.student = QLineEdit(self)
        self.student.setObjectName("historyStudentFilter")
        self.student.setAccessibleName(self.tr("Student number"))
        self.student.setPlaceholderText(self.tr("e.g. 100234"))
        self.student.setClearButtonEnabled(True)
        self.student.setMaximumWidth(130)
        self.kind = QComboBox(self)
        self.kind.setObjectName("historyKindFilter")
        self.kind.setAccessibleName(self.tr("Kind of record"))
        self.kind.addItem(self.tr("every kind of record"), ())
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(10)
        for kind in audit_history.record_kinds():
            self.kind.addItem(kind.label, kind.entities)
        self.since = self._date_field("historySinceFilter", self.tr("From date"))
        self.until = self._date_field("historyUntilFilter", self.tr("To date"))
        self.personal = QCheckBox(self.tr("Personal data &access only (PESEL shown, lists exported)"), self)
        self.personal.setObjectName("historyPersonalDataFilter")
        self.personal.setAccessibleName(self.tr("Personal data access only"))
        self.apply_button = QPushButton(self.tr("&Show"), self)
        self.apply_button.setObjectName("historyApplyButton")
        self.apply_button.setAccessibleName(self.tr("Show the history with these filters"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(lambda _checked=False: self.apply_filters())

        self.hint = QLabel(self)
        self.hint.setObjectName("historyHint")
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.hint.setVisible(False)

        self.model = HistoryTableModel(context.time_zone, self)
        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName(self.tr("History: who did what, when and why"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        # Widths set once (not fitted to contents: pages keep arriving); the change takes what is left.
        when = self.table.fontMetrics().horizontalAdvance("2026-12-31 23:59") + 20
        for column, width in ((WHEN, when), (WHO, 150), (WHAT, 270), (RECORD, 210), (REASON, 130)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(CHANGE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.undo_action = QAction(self.tr("&Undo this change set…"), self)
        self.undo_action.setObjectName("historyUndoChangeSetAction")
        self.undo_action.triggered.connect(lambda _checked=False: self.undo_change_set())
        install_table_tools(self.table, export=self.export,
                            extra_actions=lambda: [self.undo_action] if self.undoable_line() is not None else [])

        self.summary = QLabel(self)
        self.summary.setObjectName("historySummary")
        self.summary.setAccessibleName(self.tr("What the history shows"))
        self.summary.setWordWrap(True)
        self.more_button = QPushButton(self.tr("&More…"), self)
        self.more_button.setObjectName("historyMoreButton")
        self.more_button.setAccessibleName(self.tr("Show older entries"))
        self.more_button.clicked.connect(lambda _checked=False: self.load_more())
        self.more_button.setEnabled(False)
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.setObjectName("historyExportButton")
        self.export_button.setAccessibleName(self.tr("Export the entries shown to Excel"))
        self.export_button.setToolTip(self.tr("Writes the entries shown to an .xlsx file; the export is recorded in the history."))
        self.export_button.clicked.connect(lambda _checked=False: self.export())
        self.export_button.setEnabled(False)
        self.open_button = QPushButton(self.tr("O&pen change set…"), self)
        self.open_button.setObjectName("historyOpenChangeSetButton")
        self.open_button.setAccessibleName(self.tr("Open the change set of the selected entry"))
        self.open_button.setToolTip(self.tr("An import or a copy of a term is one entry: this lists its rows (Enter)."))
        self.open_button.clicked.connect(lambda _checked=False: self.open_change_set())
        self.open_button.setEnabled(False)
        self.change_set_dialog: ChangeSetDialog | None = None
        self.undo_button = QPushButton(self.tr("&Undo this change set…"), self)
        self.undo_button.setObjectName("historyUndoChangeSetButton")
        self.undo_button.setAccessibleName(self.tr("Undo the selected change set"))
        self.undo_button.setToolTip(self.tr("A many-student move, a group's closure, an exchange run or a swap, "
                                            "reversed in one step with a reason (also in the line's context menu)."))
        self.undo_button.clicked.connect(lambda _checked=False: self.undo_change_set())
        self.undo_button.setEnabled(False)
        self.undo_dialog: ActionDialog | None = None

        filters = QGridLayout()
        filters.setHorizontalSpacing(8)
        for column, (text, widget) in enumerate(
            ((self.tr("Staff mem&ber:"), self.staff), (self.tr("Student &no.:"), self.student), (self.tr("&Kind:"), self.kind))
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            filters.addWidget(label, 0, 2 * column)
            filters.addWidget(widget, 0, 2 * column + 1)
        dates = QHBoxLayout()
        for text, widget in ((self.tr("F&rom:"), self.since), (self.tr("T&o:"), self.until)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            dates.addWidget(label)
            dates.addWidget(widget)
            dates.addSpacing(8)
        dates.addStretch(1)
        filters.addLayout(dates, 1, 0, 1, 7)
        # On a row of its own, so the view fits a small window.
        last = QHBoxLayout()
        last.addWidget(self.personal)
        last.addStretch(1)
        last.addWidget(self.apply_button)
        filters.addLayout(last, 2, 0, 1, 7)
        filters.setColumnStretch(6, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.more_button)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(filters)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        # Enter in any filter applies the filters; F5 reads the history again.
        for widget in (self.staff, self.student, self.kind, self.since, self.until, self.personal):
            widget.installEventFilter(self)
        self.student.returnPressed.connect(self.apply_filters)
        for combo in (self.staff, self.kind):
            combo.activated.connect(lambda _index: self.apply_filters())
        self.personal.toggled.connect(lambda _checked: self.apply_filters())
        # Enter or a double click on a change set's line opens its rows.
        self.table.activated.connect(lambda _index: self.open_change_set())
        self.table.selectionModel().currentRowChanged.connect(lambda _current, _previous: self._update_buttons())
        refresh = QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        if self.is_administrator:
            db, actor = context.db, context.actor
            context.tasks.run(lambda: audit_history.staff_members(UnitOfWork(db, actor)), self._show_staff,
                              lambda error: self.summary.setText(str(error)))
        else:
            self.staff.setEnabled(False)
            self.staff.setToolTip(self.tr("Only an administrator reads the whole history or one staff member's."))
        self.apply_filters()

    def _date_field(self, name: str, accessible: str) -> DateField:
        return DateField(self, name=name, accessible=accessible, optional=True, empty_text=self.tr("any date"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if watched is not self.student:  # the line edit says so itself (returnPressed)
                self.apply_filters()
                return True
        return super().eventFilter(watched, event)

    def _show_staff(self, members) -> None:
        current = self.staff.currentData()
        for member in members:
            text = f"{member.full_name} ({member.login})"
            if not member.active:
                text += " — " + self.tr("disabled")
            self.staff.addItem(text, member.login)
        index = self.staff.findData(current)
        self.staff.setCurrentIndex(max(0, index))

    # --- reading ---------------------------------------------------------------------------

    def _date(self, field: DateField):
        return field.day()

    def current_filters(self) -> _Filters:
        zone = self.context.time_zone
        start, end = self._date(self.since), self._date(self.until)
        since = local_to_utc(datetime.combine(start, time(0)), zone) if start else None
        until = local_to_utc(datetime.combine(end + timedelta(days=1), time(0)), zone) if end else None
        parts = []
        if self.staff.currentData():
            parts.append(self.tr("staff member: %1").replace("%1", self.staff.currentText()))
        number = self.student.text().strip()
        if number:
            parts.append(self.tr("student: %1").replace("%1", number))
        if self.kind.currentData():
            parts.append(self.tr("kind: %1").replace("%1", self.kind.currentText()))
        if start:
            parts.append(self.tr("from %1").replace("%1", date_text(start)))
        if end:
            parts.append(self.tr("to %1").replace("%1", date_text(end)))
        if self.personal.isChecked():
            parts.append(self.tr("personal data access only"))
        return _Filters(
            staff_login=self.staff.currentData() or None, student_number=number, entities=tuple(self.kind.currentData() or ()),
            since=since, until=until, personal_data_only=self.personal.isChecked(), summary="; ".join(parts),
        )

    def apply_filters(self) -> None:
        """Read the first page for the filters as they are now; an answer to older filters is dropped."""
        filters = self.current_filters()
        if filters.since and filters.until and filters.until <= filters.since:
            self._message(self.tr("The end date is before the start date."), error=True)
            return
        self._generation += 1
        self._filters = filters
        self._student_id = None
        if not self.is_administrator and not filters.student_number:
            self.model.set_lines([])
            self._more = False
            self._update_buttons()
            self.hint.setText(self.tr("Enter a student number to see that student's history. "
                                      "The whole history, by staff member or by personal-data access, is for administrators."))
            self.hint.setVisible(True)
            self.summary.setText("")
            self.loaded.emit(0)
            return
        self.hint.setVisible(False)
        self._message(self.tr("Reading the history…"))
        self.more_button.setEnabled(False)
        self._read(filters, None, self._generation)

    def refresh(self) -> None:
        self.apply_filters()

    def load_more(self) -> None:
        if not self._more or self._filters is None or not self.model.lines:
            return
        self.more_button.setEnabled(False)
        self._message(self.tr("Reading older entries…"))
        self._read(self._filters, self.model.lines[-1].id, self._generation)

    def _read(self, filters: _Filters, before_id: int | None, generation: int) -> None:
        db, actor, zone = self.context.db, self.context.actor, self.context.time_zone
        known_student = self._student_id

        def read():
            student_id = known_student
            if filters.student_number and student_id is None:
                student_id = student_by_number(db, filters.student_number)
            lines = audit_history.history(
                UnitOfWork(db, actor), staff_login=filters.staff_login, student_id=student_id, entity=filters.entities or None,
                since=filters.since, until=filters.until, personal_data_only=filters.personal_data_only,
                limit=PAGE + 1, before_id=before_id, zone=zone,
            )
            return student_id, lines

        self.context.tasks.run(read, lambda result: self._show(result, before_id, generation),
                               lambda error: self._failed(error, generation))

    def _show(self, result, before_id: int | None, generation: int) -> None:
        if generation != self._generation:
            return
        self._student_id, lines = result
        self._more = len(lines) > PAGE
        lines = lines[:PAGE]
        if before_id is None:
            self.model.set_lines(lines)
            if lines:
                self.table.scrollToTop()
        else:
            self.model.append(lines)
        count = len(self.model.lines)
        if count == 0:
            self._message(self.tr("No entries match these filters."))
        else:
            text = self.tr("%n entries shown, newest first.", "", count)
            if self._more:
                text += " " + self.tr("Older entries: More…")
            self._message(text)
        self._update_buttons()
        self.loaded.emit(count)

    def _failed(self, error: BaseException, generation: int) -> None:
        if generation != self._generation:
            return
        self._more = False
        if not isinstance(error, DomainError):
            error = self.tr("The history cannot be read: %1").replace("%1", str(error))
        self._message(str(error), error=True)
        self._update_buttons()
        self.loaded.emit(len(self.model.lines))

    def _message(self, text: str, *, error: bool = False) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {labels.PROBLEM_COLOUR.name()}" if error else "")

    def _update_buttons(self) -> None:
        self.more_button.setEnabled(self._more)
        self.export_button.setEnabled(bool(self.model.lines))
        self.open_button.setEnabled(self.selected_change_set() is not None)
        self.undo_button.setEnabled(self.undoable_line() is not None)
        self.undo_action.setEnabled(self.undo_button.isEnabled())

    # --- change sets -----------------------------------------------------------------------

    def selected_change_set(self) -> int | None:
        """The change set of the current line (its head, or a row of it), when the reader may open it."""
        row = self.table.currentIndex().row()
        if not self.is_administrator or not 0 <= row < len(self.model.lines):
            return None
        return self.model.lines[row].change_set_id

    def undoable_line(self) -> HistoryLine | None:
        """The current line when it is the head of a change set of a kind that can be undone and the reader moves
        students (the service checks the units and everything else again)."""
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.model.lines) or not self.context.actor.can(Permission.MANAGE_GROUPS):
            return None
        line = self.model.lines[row]
        return line if line.is_change_set and line.action in change_set_undo.UNDOABLE else None

    def undo_change_set(self) -> ActionDialog | None:
        """Ask for the reason, then undo the current line's change set in the background; a refusal stays in the
        dialog with what stands in the way, a success reads the history again and tells the other views."""
        line = self.undoable_line()
        if line is None:
            return None
        db, actor, head_id = self.context.db, self.context.actor, line.id
        dialog = ActionDialog(self.context, "", "", "", "undoChangeSetDialog",
                              lambda reason: change_set_undo.undo(UnitOfWork(db, actor), head_id, reason=reason), self,
                              changes=Changes.of(group=ALL, student=ALL, registration=ALL, outbox=ALL, history=ALL))
        when = datetime_text(line.at, self.context.time_zone)
        dialog.set_texts(
            self.tr("Undo change set #%1").replace("%1", str(head_id)),
            self.tr("Undo “%1” (%2, %3)? Each student it moved gets back the very seat they had, what it enrolled "
                    "is removed, a group it closed opens again. It is refused, saying why, if anything that depends "
                    "on it has happened since.").replace("%1", line.description).replace("%2", when)
            .replace("%3", line.staff_name or line.who),
            self.tr("&Undo"))
        dialog.finish_form()
        dialog.succeeded.connect(lambda done: self._undone(head_id, done))
        previous = self.undo_dialog
        if previous is not None and not previous.isVisible():
            previous.deleteLater()
        self.undo_dialog = dialog
        dialog.open()
        return dialog

    def _undone(self, head_id: int, done: change_set_undo.Undone) -> None:
        self.refresh()
        self.hint.setText(self.tr("Change set #%1 undone: %n students given back their former seats.", "",
                                  done.students).replace("%1", str(head_id)))
        self.hint.setVisible(True)

    def open_change_set(self) -> None:
        head_id = self.selected_change_set()
        if head_id is None:
            return
        head = next((line for line in self.model.lines if line.id == head_id), None)
        self.change_set_dialog = ChangeSetDialog(self.context, head_id, head, self)
        self.change_set_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.change_set_dialog.open()

    # --- export ----------------------------------------------------------------------------

    def export(self) -> None:
        """Ask where, then write the lines shown to .xlsx in the background (recorded in the history)."""
        lines = list(self.model.lines)
        if not lines:
            return
        number = self._filters.student_number if self._filters else None
        db, actor, zone = self.context.db, self.context.actor, self.context.time_zone
        summary = self._filters.summary if self._filters else ""

        def write(target: Path, overwrite: bool, _progress) -> Path:
            return audit_history.export_history(UnitOfWork(db, actor), lines, target, overwrite=overwrite, zone=zone,
                                                filters=summary)

        # The one export flow of the application: asked where, a long job, then "Open the file".
        flow = run_export(self.context, self, title=self.tr("Export the history"),
                          file_name=audit_history.default_export_name(number or None), write=write)
        if flow is None:
            return
        self.export_button.setEnabled(False)
        self._message(self.tr("Exporting %n entries…", "", len(lines)))

        def done(written: str) -> None:
            self._update_buttons()
            self._message(self.tr("Exported %n entries to %1.", "", len(lines)).replace("%1", written))
            self.exported.emit(written)

        def failed(message: str) -> None:
            self._update_buttons()
            self._message(message, error=True)

        flow.written.connect(done)
        flow.failed.connect(failed)
        flow.cancelled.connect(self._update_buttons)


class ChangeSetDialog(QDialog):
    """A change set's rows in the order they were recorded (an import's: its file's), a page at a time,
    with the History's columns. Sized to fit a 1366x768 screen; Escape closes it."""

    loaded = Signal(int)  # rows shown after a page arrived

    def __init__(self, context: AppContext, head_id: int, head: HistoryLine | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.head_id = head_id
        self._more = False
        self._reading = False
        self.setObjectName("changeSetDialog")
        self.setWindowTitle(self.tr("Change set #%1").replace("%1", str(head_id)))
        self.heading = QLabel(self)
        self.heading.setObjectName("changeSetHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        if head is not None:
            parts = [f"{datetime_text(head.at, context.time_zone)}  {head.who}: {head.description}",
                     self.tr("%Ln rows", "", head.rows)]
            if head.reason:
                parts.append(self.tr("Reason: %1").replace("%1", head.reason))
            self.heading.setText("\n".join(parts))
        else:
            self.heading.setText(self.tr("Change set #%1").replace("%1", str(head_id)))
        self.model = HistoryTableModel(context.time_zone, self)
        self.table = QTableView(self)
        self.table.setObjectName("changeSetTable")
        self.table.setAccessibleName(self.tr("The rows of the change set"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        when = self.table.fontMetrics().horizontalAdvance("2026-12-31 23:59") + 20
        for column, width in ((WHEN, when), (WHO, 130), (WHAT, 250), (RECORD, 210), (REASON, 100)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(CHANGE, QHeaderView.ResizeMode.Stretch)
        install_table_tools(self.table)
        self.summary = QLabel(self)
        self.summary.setObjectName("changeSetSummary")
        self.summary.setWordWrap(True)
        self.more_button = QPushButton(self.tr("&More…"), self)
        self.more_button.setObjectName("changeSetMoreButton")
        self.more_button.setAccessibleName(self.tr("Show the next rows"))
        self.more_button.setAutoDefault(False)
        self.more_button.setEnabled(False)
        self.more_button.clicked.connect(lambda _checked=False: self.load_more())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.more_button)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        fit_to_screen(self, QSize(1180, 600))  # within 1366 x 768 with the window's frame and the task bar
        self.table.setFocus()
        self._read(None)

    def load_more(self) -> None:
        if self._more and not self._reading and self.model.lines:
            self._read(self.model.lines[-1].id)

    def _read(self, after_id: int | None) -> None:
        db, actor, zone, head_id = self.context.db, self.context.actor, self.context.time_zone, self.head_id
        self._reading = True
        self.more_button.setEnabled(False)
        self.summary.setText(self.tr("Reading the rows…"))
        self.context.tasks.run(
            lambda: audit_history.change_set_rows(UnitOfWork(db, actor), head_id, after_id=after_id, limit=PAGE + 1,
                                                  zone=zone),
            self._show, self._failed)

    def _show(self, lines: list[HistoryLine]) -> None:
        self._reading = False
        self._more = len(lines) > PAGE
        first = not self.model.lines
        self.model.append(lines[:PAGE])
        if first and self.model.lines:
            self.table.selectRow(0)
        count = len(self.model.lines)
        text = self.tr("%Ln rows shown, in the order they were recorded.", "", count)
        if self._more:
            text += " " + self.tr("Next rows: More…")
        self.summary.setText(text)
        self.summary.setStyleSheet("")
        self.more_button.setEnabled(self._more)
        self.loaded.emit(count)

    def _failed(self, error: BaseException) -> None:
        self._reading = False
        self.summary.setText(error_message(error))
        self.summary.setStyleSheet(f"color: {labels.PROBLEM_COLOUR.name()}")
        self.more_button.setEnabled(self._more)
        self.loaded.emit(len(self.model.lines))
