"""The rows of an import preview: line, record, status and what changes or what is wrong; sorted and filtered in the model."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QStyle

from desk.imports.kind import Row, Status, status_label
from ui import labels, theme

LINE, RECORD, STATUS, WHAT = range(4)
COLUMN_COUNT = 4
StatusRole = Qt.ItemDataRole.UserRole  # the row's Status
# A tint behind a row in error, with the word "error" and an icon: the colour is never the only sign.
ERROR_BACKGROUND = theme.live("error_row")
STATUS_COLOURS = {Status.NEW: labels.OK_COLOUR, Status.CHANGED: labels.WAITING_COLOUR,
                  Status.UNCHANGED: labels.MUTED_COLOUR, Status.ERROR: labels.PROBLEM_COLOUR}
_STATUS_ORDER = {Status.ERROR: 0, Status.CHANGED: 1, Status.NEW: 2, Status.UNCHANGED: 3}


@dataclass(frozen=True)
class PreviewLine:
    """A row of the file as the preview shows it."""

    line: int
    record: str
    status: Status
    what: str


def what_of(row: Row) -> str:
    """For a row in error "Column: reason; …", for a changed row "Column: old → new; …"."""
    if row.status is Status.ERROR or row.problems:
        return "; ".join(f"{column}: {reason}" for column, reason in row.problems)
    if row.status is Status.CHANGED:
        return "; ".join(f"{column}: {old} → {new}" for column, old, new in row.changes)
    return ""


def preview_lines(rows: Iterable[Row], shown_key: Callable[[Row], str]) -> list[PreviewLine]:
    return [PreviewLine(row.line, shown_key(row), Status.ERROR if row.problems else row.status, what_of(row))
            for row in rows]


def _headers() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("ImportRowsModel", "Line"),
        QCoreApplication.translate("ImportRowsModel", "Record"),
        QCoreApplication.translate("ImportRowsModel", "Status"),
        QCoreApplication.translate("ImportRowsModel", "What changes, or what is wrong"),
    )


_SORT_KEYS: dict[int, Callable[[PreviewLine], Any]] = {
    LINE: lambda p: p.line,
    RECORD: lambda p: (p.record.casefold(), p.line),
    STATUS: lambda p: (_STATUS_ORDER[p.status], p.line),
    WHAT: lambda p: (p.what.casefold(), p.line),
}


class ImportRowsModel(QAbstractTableModel):
    """Preview lines, optionally only those in error, sorted in the model (a preview keeps up to 2,000 rows);
    the rows in error first until another order is asked for."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[PreviewLine] = []
        self._rows: list[PreviewLine] = []
        self._only_errors = False
        self._sort = (STATUS, Qt.SortOrder.AscendingOrder)
        self._warning = None

    def set_lines(self, lines: list[PreviewLine]) -> None:
        self.beginResetModel()
        self._all = list(lines)
        self._apply()
        self.endResetModel()

    def set_only_errors(self, only: bool) -> None:
        if only == self._only_errors:
            return
        self.beginResetModel()
        self._only_errors = only
        self._apply()
        self.endResetModel()

    @property
    def only_errors(self) -> bool:
        return self._only_errors

    def _apply(self) -> None:
        rows = [p for p in self._all if p.status is Status.ERROR] if self._only_errors else list(self._all)
        column, order = self._sort
        rows.sort(key=_SORT_KEYS[column], reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in _SORT_KEYS:
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply()
        self.layoutChanged.emit()

    @property
    def lines(self) -> list[PreviewLine]:
        """The lines shown, in the order shown."""
        return list(self._rows)

    def line_at(self, row: int) -> PreviewLine:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMN_COUNT:
            return _headers()[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(line.line), line.record, status_label(line.status), line.what)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == WHAT and line.what:
            return line.what.replace("; ", "\n")
        if role == Qt.ItemDataRole.ForegroundRole and column in (STATUS, WHAT) and line.status is Status.ERROR:
            return QBrush(theme.colour("problem"))
        if role == Qt.ItemDataRole.ForegroundRole and line.status is Status.ERROR:  # text that reads on the tint
            return QBrush(theme.colour("tint_text"))
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return QBrush(STATUS_COLOURS[line.status])
        if role == Qt.ItemDataRole.BackgroundRole and line.status is Status.ERROR:
            return QBrush(theme.colour("error_row"))
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS and line.status is Status.ERROR:
            if self._warning is None:
                self._warning = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            return self._warning
        if role == Qt.ItemDataRole.TextAlignmentRole and column == LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == StatusRole:
            return line.status
        return None
