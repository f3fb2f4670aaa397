"""Student lookup: one field, results as the clerk types, keyboard all the way to the card."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.staff import Permission
from desk.student_search import DEFAULT_PAGE, SearchPage, search_students
from ui.changes import ALL, Changes, Kind
from ui.context import AppContext
from ui.models.student_table_model import (
    FIRST_NAMES,
    LOGIN,
    NUMBER,
    PROGRAMME,
    STAGE,
    STATUS,
    SURNAME,
    StudentIdRole,
    StudentTableModel,
)
from ui.tables import export_table, install_table_tools
from ui.recent_students import Recent, RecentStudents
from ui.tasks import error_message, log_unexpected
from desk.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from ui.views.student_card import StudentCardWindow
    from ui.views.student_record_dialogs import NewStudentDialog

TYPING_PAUSE_MS = 200


class StudentLookupView(QWidget):
    """Find a student by number, name, PESEL or login e-mail and open their card."""

    searchFinished = Signal(int)  # rows shown after a search completed
    studentOpened = Signal(int)  # student id
    studentAdmitted = Signal(object)  # the Admission of "New student…"

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("studentLookupView")
        self._generation = 0
        # Enter pressed while a search runs: open a row of that search's answer when it comes.
        self._open_when_answered: int | None = None
        self._answered = 0  # the search whose answer (rows, none, or a failure) is shown
        self._cards: dict[int, StudentCardWindow] = {}

        self.field = QLineEdit(self)
        self.field.setObjectName("studentSearchField")
        self.field.setAccessibleName(self.tr("Find a student"))
        self.field.setPlaceholderText(
            self.tr("Student number, name, PESEL or login e-mail — e.g. 123456 or lukasz zolkiewski")
        )
        self.field.setClearButtonEnabled(True)
        self.field.setMaxLength(200)

        self.feedback = QLabel(self)
        self.feedback.setObjectName("studentSearchFeedback")
        self.feedback.setAccessibleName(self.tr("Search result summary"))

        self.model = StudentTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("studentResults")
        self.table.setAccessibleName(self.tr("Students found"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows may be chosen to copy or export (Enter and a double click still open the current one).
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)  # the database orders rows (Polish order)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        widths = {NUMBER: 110, SURNAME: 200, FIRST_NAMES: 170, PROGRAMME: 100, STAGE: 55, STATUS: 100}
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(LOGIN, QHeaderView.ResizeMode.Stretch)  # the last column

        self.new_student_button = QPushButton(self.tr("&New student…"), self)
        self.new_student_button.setObjectName("newStudentButton")
        self.new_student_button.setAccessibleName(self.tr("Admit a new student"))
        self.new_student_button.setToolTip(self.tr("Admit a new student (Ctrl+N)"))
        self.new_student_button.clicked.connect(lambda _checked=False: self.new_student())
        self.new_student_button.setEnabled(context.actor.can(Permission.EDIT_STUDENTS))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        top = QHBoxLayout()
        top.addWidget(self.field, 1)
        top.addWidget(self.new_student_button)
        layout.addLayout(top)
        layout.addWidget(self.feedback)
        layout.addWidget(self.table, 1)
        # With nothing typed: the students this clerk opened last, newest first (Down from the field, Enter opens).
        self.recent_students = RecentStudents(context.actor.login, context.db.description)
        self.recent = QListWidget(self)
        self.recent.setObjectName("recentStudentsList")
        self.recent.setAccessibleName(self.tr("Students you opened recently, newest first"))
        self.recent.itemActivated.connect(lambda item: self.open_student(int(item.data(Qt.ItemDataRole.UserRole))))
        self.recent.installEventFilter(self)
        layout.addWidget(self.recent, 1)
        self._show_recent(self.recent_students.load())

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self._search)
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.textChanged.connect(lambda _text: self._recent_visible())
        self.field.returnPressed.connect(self._search_now_or_open)
        self.model.pageRequested.connect(self._fetch_page)
        self.table.activated.connect(self._open_index)
        install_table_tools(self.table, student_number=NUMBER, email=lambda row: self.model.row_at(row).login,
                            open_student=lambda row: self._open_index(self.model.index(row, NUMBER)),
                            export=self.export_selected)
        self.field.installEventFilter(self)
        self.table.installEventFilter(self)
        # A student shown here changed (a status, a name), or students the change cannot name: the rows are
        # read again, the same one kept selected, and the window's "data as of" follows (searchFinished).
        self._keep_student: int | None = None
        context.follow(self, self._shows_changed, self._refresh_results)
        self._hint()

    # --- public ----------------------------------------------------------------------------

    def set_query(self, text: str) -> None:
        self.field.setText(text)

    def focus_search(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def open_student(self, student_id: int) -> StudentCardWindow:
        window = self._cards.get(student_id)
        if window is None:
            from ui.views.student_card import StudentCardWindow  # loaded with the first card opened

            window = StudentCardWindow(self.context, student_id, self.window())
            window.destroyed.connect(lambda _=None, sid=student_id: self._cards.pop(sid, None))
            window.loaded.connect(lambda w=window: self._card_loaded(w))
            self._cards[student_id] = window
        shown = next((self.model.row_at(r) for r in range(self.model.rowCount())
                      if self.model.row_at(r).student_id == student_id), None)
        self._show_recent(self.recent_students.opened(
            student_id, shown.student_number if shown else "", f"{shown.first_names} {shown.last_name}" if shown else ""))
        window.show()
        window.raise_()
        window.activateWindow()
        self.studentOpened.emit(student_id)
        return window

    def _card_loaded(self, window: StudentCardWindow) -> None:
        card = window.card
        if card is not None:
            self._show_recent(self.recent_students.named(card.student_id, card.student_number,
                                                         f"{card.first_name} {card.last_name}"))

    def _show_recent(self, recent: list[Recent]) -> None:
        self.recent.clear()
        for line in recent:
            if not line.number:
                continue  # opened, its card not read yet: listed once it is
            item = QListWidgetItem(f"{line.number}  {line.name}")
            item.setData(Qt.ItemDataRole.UserRole, line.student_id)
            self.recent.addItem(item)
        self._recent_visible()
        if not self.field.text().strip():
            self._hint()

    def _recent_visible(self) -> None:
        """The recent list in place of the results while nothing is typed."""
        empty = not self.field.text().strip()
        self.recent.setVisible(empty and self.recent.count() > 0)
        self.table.setVisible(not self.recent.isVisibleTo(self))

    def export_selected(self):
        """The selected students (every one shown when one or none is selected) to Excel, recorded in the history."""
        return export_table(self.context, self.table, title=self.tr("Students found"),
                            name_parts=[self.field.text().strip()[:40]])

    def new_student(self) -> NewStudentDialog | None:
        """Admit a student in a dialog; once admitted, their card opens."""
        if not self.context.actor.can(Permission.EDIT_STUDENTS):
            return None
        from ui.views.student_record_dialogs import NewStudentDialog

        dialog = NewStudentDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.succeeded.connect(self._admitted)
        dialog.open()
        return dialog

    def _admitted(self, admission) -> None:
        self.set_query(admission.student_number)
        self.open_student(admission.student_id)
        self.studentAdmitted.emit(admission)

    def _shows_changed(self, changes: Changes) -> bool:
        if not changes.touches(Kind.STUDENT) or not self.field.text().strip():
            return False
        ids = changes.ids(Kind.STUDENT)
        if ids is ALL:
            return True  # any student (a sync, an admission, an import): the answer may have changed
        return any(self.model.row_at(r).student_id in ids for r in range(self.model.rowCount()))

    def _refresh_results(self) -> None:
        index = self.table.currentIndex()
        self._keep_student = self.model.row_at(index.row()).student_id if index.isValid() else None
        self._search()

    # --- searching -------------------------------------------------------------------------

    def _hint(self) -> None:
        if self.recent.count():
            self.feedback.setText(self.tr("Type a student number, a name, a PESEL or a login e-mail — or open a student "
                                          "you opened recently (↓):"))
            return
        self.feedback.setText(self.tr("Type a student number, a name, a PESEL or a login e-mail."))

    def _search(self) -> None:
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        self._open_when_answered = None  # an Enter waited for an older answer
        query = self.field.text()
        if not query.strip():
            self._answered = generation
            self.model.clear(generation)
            self._hint()
            self.searchFinished.emit(0)
            return
        self.feedback.setText(self.tr("Searching…"))
        db, actor = self.context.db, self.context.actor
        self.context.tasks.run(
            lambda: search_students(UnitOfWork(db, actor), query, limit=DEFAULT_PAGE),
            lambda page: self._show(page, generation),
            lambda error: self._failed(error, generation),
        )

    def _show(self, page: SearchPage, generation: int) -> None:
        if generation != self._generation or not self.model.reset(page, generation):
            return  # a newer search has started: its answer will come
        self._answered = generation
        count = len(page.rows)
        if count == 0:
            self.feedback.setText(self.tr("No student matches “%1”.").replace("%1", page.query.strip()))
        elif page.has_more:
            self.feedback.setText(self.tr("More than %n students match; scroll for more or refine the search.", "", count))
        else:
            self.feedback.setText(self.tr("%n student(s) found.", "", count))
        kept, self._keep_student = self._keep_student, None
        if count and self.table.currentIndex().row() < 0:
            rows = [r for r in range(count) if kept is not None and self.model.row_at(r).student_id == kept]
            self.table.setCurrentIndex(self.model.index(rows[0] if rows else 0, 0))
        self.searchFinished.emit(count)
        if self._open_when_answered == generation:
            self._open_when_answered = None
            if count:
                self._open_index(self.table.currentIndex())

    def _failed(self, error: BaseException, generation: int) -> None:
        if generation != self._generation:
            return
        self._open_when_answered = None
        self._answered = generation
        log_unexpected(error, "search")
        message = error_message(error)
        self.feedback.setText(message)
        self.model.fetch_failed(generation)
        self.searchFinished.emit(0)

    def _fetch_page(self, query: str, offset: int, generation: int) -> None:
        db, actor = self.context.db, self.context.actor
        self.context.tasks.run(
            lambda: search_students(UnitOfWork(db, actor), query, limit=DEFAULT_PAGE, offset=offset),
            lambda page: self._more(page, generation),
            lambda error: self._failed(error, generation),
        )

    def _more(self, page: SearchPage, generation: int) -> None:
        if self.model.append_page(page, generation):
            total = self.model.rowCount()
            if self.model.has_more:
                self.feedback.setText(self.tr("More than %n students match; scroll for more or refine the search.", "", total))
            else:
                self.feedback.setText(self.tr("%n student(s) found.", "", total))

    # --- keyboard --------------------------------------------------------------------------

    @property
    def answered(self) -> bool:
        """Whether the rows shown answer what is typed (no search pending or running)."""
        return not self._timer.isActive() and self._answered == self._generation

    def _search_now_or_open(self) -> None:
        """Enter: open the chosen row of the answer to what is typed, waiting for that answer if need be."""
        if self._timer.isActive():
            self._search()
        if not self.answered:
            self._open_when_answered = self._generation  # never a row of an older search's results
            return
        if self.model.rowCount() == 0:
            self._search()
            return
        self._open_index(self.table.currentIndex() if self.table.currentIndex().isValid() else self.model.index(0, 0))

    def _open_index(self, index) -> None:
        if index.isValid():
            self.open_student(int(self.model.data(index, StudentIdRole)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if watched is self.field and key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.recent.isVisible():
                self.recent.setFocus(Qt.FocusReason.TabFocusReason)
                self.recent.setCurrentRow(max(self.recent.currentRow(), 0))
                return True
            at_top = key == Qt.Key.Key_Up and self.recent.currentRow() <= 0
            if watched is self.recent and (key == Qt.Key.Key_Escape or at_top):
                self.focus_search()
                return True
            if watched is self.recent and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.recent.currentItem():
                self.recent.itemActivated.emit(self.recent.currentItem())
                return True
            if watched is self.field and key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.model.rowCount():
                self.table.setFocus(Qt.FocusReason.TabFocusReason)
                if not self.table.currentIndex().isValid():
                    self.table.setCurrentIndex(self.model.index(0, 0))
                self.table.selectRow(self.table.currentIndex().row())
                return True
            if watched is self.table:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    if self.answered:
                        self._open_index(self.table.currentIndex())
                    else:
                        self._open_when_answered = self._generation
                    return True
                if key == Qt.Key.Key_Escape or (key == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0):
                    self.focus_search()
                    return True
        return super().eventFilter(watched, event)
