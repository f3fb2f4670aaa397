"""The capacity table: class groups with limit, lower limit, enrolled, free, fill, teachers, timetable."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desk.groups import GroupLine, SlotLine
from ui import labels

COURSE, NAME, TYPE, NUMBER, LIMIT, LOWER, ENROLLED, FREE, FILL, TEACHERS, TIMETABLE = range(11)
COLUMN_COUNT = 11
GroupIdRole = Qt.ItemDataRole.UserRole + 1
FillRole = Qt.ItemDataRole.UserRole + 2
AT_RISK = QColor("#fff4e5")
FULL = QColor("#e8f0fe")


def _headers() -> tuple[str, ...]:
    t = QCoreApplication.translate
    return (
        t("GroupTableModel", "Course"), t("GroupTableModel", "Course name"), t("GroupTableModel", "Type"),
        t("GroupTableModel", "Group"), t("GroupTableModel", "Limit"), t("GroupTableModel", "Lower limit"),
        t("GroupTableModel", "Enrolled"), t("GroupTableModel", "Free"), t("GroupTableModel", "Fill"),
        t("GroupTableModel", "Teachers"), t("GroupTableModel", "Timetable"),
    )


def weekday(number: int) -> str:
    t = QCoreApplication.translate
    return (t("Groups", "Mon"), t("Groups", "Tue"), t("Groups", "Wed"), t("Groups", "Thu"), t("Groups", "Fri"),
            t("Groups", "Sat"), t("Groups", "Sun"))[number - 1]


def timetable(slots: tuple[SlotLine, ...]) -> str:
    parts = []
    for slot in slots:
        place = " ".join(p for p in (slot.room, slot.building) if p)
        parts.append(f"{weekday(slot.weekday)} {slot.starts_at:%H:%M}–{slot.ends_at:%H:%M}" + (f", {place}" if place else ""))
    return "; ".join(parts)


class GroupTableModel(QAbstractTableModel):
    """Rows of GroupLine, filtered by a text and sorted in the model (never a proxy over thousands)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[GroupLine] = []
        self._rows: list[GroupLine] = []
        self._filter = ""
        self._sort = (COURSE, Qt.SortOrder.AscendingOrder)

    def set_groups(self, groups: list[GroupLine]) -> None:
        self.beginResetModel()
        self._all = list(groups)
        self._apply()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._filter = text.strip().lower()
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        text = self._filter
        rows = [g for g in self._all if not text or text in g.course_code.lower() or text in g.course_name.lower()]
        column, order = self._sort
        key = {
            COURSE: lambda g: (g.course_code, g.class_type.value, g.number),
            NAME: lambda g: (g.course_name, g.number),
            TYPE: lambda g: (g.class_type.value, g.course_code, g.number),
            NUMBER: lambda g: (g.number, g.course_code),
            LIMIT: lambda g: g.seat_limit,
            LOWER: lambda g: g.lower_limit,
            ENROLLED: lambda g: g.enrolled,
            FREE: lambda g: g.free,
            FILL: lambda g: g.enrolled / g.seat_limit if g.seat_limit else 1.0,
            TEACHERS: lambda g: ", ".join(g.teachers),
            TIMETABLE: lambda g: [(s.weekday, s.starts_at) for s in g.slots],
        }[column]
        rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self._sort = (column, order)
        self._apply()
        self.endResetModel()

    @property
    def groups(self) -> list[GroupLine]:
        return list(self._rows)

    def group_at(self, row: int) -> GroupLine:
        return self._rows[row]

    def row_of(self, group_id: int) -> int:
        return next((r for r, g in enumerate(self._rows) if g.id == group_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _headers()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        g = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                COURSE: g.course_code, NAME: g.course_name, TYPE: labels.class_type(g.class_type), NUMBER: str(g.number),
                LIMIT: str(g.seat_limit), LOWER: str(g.lower_limit), ENROLLED: str(g.enrolled), FREE: str(g.free),
                FILL: f"{round(100 * g.enrolled / g.seat_limit) if g.seat_limit else 100}%",
                TEACHERS: ", ".join(g.teachers), TIMETABLE: timetable(g.slots),
            }[column]
        if role == FillRole:
            return g.enrolled / g.seat_limit if g.seat_limit else 1.0
        if role == GroupIdRole:
            return g.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NUMBER, LIMIT, LOWER, ENROLLED, FREE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if g.below_lower_limit:
                return QBrush(AT_RISK)
            if g.free == 0:
                return QBrush(FULL)
        if role == Qt.ItemDataRole.ToolTipRole:
            notes = []
            if g.below_lower_limit:
                notes.append(QCoreApplication.translate("GroupTableModel", "Below the lower limit (%1): may not run.")
                             .replace("%1", str(g.lower_limit)))
            if g.over_limit_count:
                notes.append(QCoreApplication.translate("GroupTableModel", "%1 enrolled over the limit by a clerk's decision.")
                             .replace("%1", str(g.over_limit_count)))
            if g.free == 0:
                notes.append(QCoreApplication.translate("GroupTableModel", "Full."))
            return "\n".join(notes) or None
        if role == Qt.ItemDataRole.AccessibleTextRole and column == FILL:
            return QCoreApplication.translate("GroupTableModel", "%1 of %2 places taken").replace("%1", str(g.enrolled)).replace("%2", str(g.seat_limit))
        return None
