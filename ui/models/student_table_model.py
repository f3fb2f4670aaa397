"""The lookup results table: rows of StudentRow, filled a page at a time as the clerk scrolls."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont

from desk.student_search import SearchPage, StudentRow
from ui import labels

NUMBER, SURNAME, FIRST_NAMES, PROGRAMME, STAGE, STATUS, LOGIN = range(7)
COLUMN_COUNT = 7


def _headers() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("StudentTableModel", "Student no."),
        QCoreApplication.translate("StudentTableModel", "Surname"),
        QCoreApplication.translate("StudentTableModel", "First names"),
        QCoreApplication.translate("StudentTableModel", "Programme"),
        QCoreApplication.translate("StudentTableModel", "Stage"),
        QCoreApplication.translate("StudentTableModel", "Status"),
        QCoreApplication.translate("StudentTableModel", "Login"),
    )


StudentIdRole = Qt.ItemDataRole.UserRole + 1

class StudentTableModel(QAbstractTableModel):
    """Keeps the rows shown so far; asks for the next page when the view scrolls to the end."""

    # Emitted when the view scrolls to the end: the owner fetches the page off the GUI thread
    # and answers with append_page(page, generation).
    pageRequested = Signal(str, int, int)  # query, offset, generation

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[StudentRow] = []
        self._query = ""
        self._generation = 0
        self._has_more = False
        self._next_offset = 0
        self._fetching = False
        self._italic = QFont()
        self._italic.setItalic(True)

    # --- filling ---------------------------------------------------------------------------

    @property
    def generation(self) -> int:
        return self._generation

    def reset(self, page: SearchPage, generation: int) -> bool:
        """Show the first page of a new search; False (ignored) if a newer search has begun."""
        if generation < self._generation:
            return False
        self.beginResetModel()
        self._generation = generation
        self._query = page.query
        self._rows = list(page.rows)
        self._has_more = page.has_more
        self._next_offset = page.next_offset
        self._fetching = False
        self.endResetModel()
        return True

    def clear(self, generation: int) -> None:
        self.beginResetModel()
        self._generation = max(generation, self._generation)
        self._rows = []
        self._has_more = False
        self._next_offset = 0
        self._fetching = False
        self._query = ""
        self.endResetModel()

    def append_page(self, page: SearchPage, generation: int) -> bool:
        """Add a further page; ignored if it belongs to an older search or is out of place."""
        if generation != self._generation or page.query != self._query or page.offset != self._next_offset:
            return False
        self._fetching = False
        self._has_more = page.has_more
        self._next_offset = page.next_offset
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        return True

    def fetch_failed(self, generation: int) -> None:
        if generation == self._generation:
            self._fetching = False
            self._has_more = False

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._has_more and not self._fetching

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        self.pageRequested.emit(self._query, self._next_offset, self._generation)

    @property
    def has_more(self) -> bool:
        return self._has_more

    def row_at(self, row: int) -> StudentRow:
        return self._rows[row]

    # --- reading ---------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _headers()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PROGRAMME and row.programme_name:
                more = row.programme_count - 1
                extra = (
                    QCoreApplication.translate("StudentTableModel", " (+%n more)", "", more) if more > 0 else ""
                )
                return row.programme_name + extra
            if column == LOGIN and row.login is None:
                return QCoreApplication.translate(
                    "StudentTableModel", "No login account is linked to this person: they cannot sign in to the portal."
                )
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == STATUS and row.status is not None:
                return QBrush(labels.STATUS_COLOURS[row.status])
            if column == LOGIN and row.login is None:
                return QBrush(labels.STATUS_COLOURS[labels.ProgrammeStatus.SUSPENDED])
            return None
        if role == Qt.ItemDataRole.FontRole and column == LOGIN and row.login is None:
            return self._italic
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NUMBER, STAGE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == StudentIdRole:
            return row.student_id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(row, column)
        return None

    def _display(self, row: StudentRow, column: int) -> str:
        if column == NUMBER:
            return row.student_number
        if column == SURNAME:
            return row.last_name
        if column == FIRST_NAMES:
            return row.first_names
        if column == PROGRAMME:
            code = row.programme_code or ""
            return code + (" +" if row.programme_count > 1 else "")
        if column == STAGE:
            return str(row.stage) if row.stage else ""
        if column == STATUS:
            return labels.programme_status(row.status)
        if column == LOGIN:
            return row.login or QCoreApplication.translate("StudentTableModel", "no login linked")
        return ""
