"""The capacity table: class groups with limit, lower limit, enrolled, free, dedicated seats, fill, teachers, timetable.

"Free" is what everyone can still take: the seats dedicated to some students (``desk.seat_shares``) are
counted apart, in their own column, each share as "taken/seats whom" (e.g. "2/5 INF-S2 · stage 2").
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from desk.clock import DEFAULT_TIME_ZONE
from desk.groups import GroupLine, SlotLine
from desk.seat_shares import ShareLine
from ui import labels, theme
from ui.formats import datetime_text

COURSE, NAME, TYPE, NUMBER, LIMIT, LOWER, ENROLLED, FREE, DEDICATED, FILL, TEACHERS, TIMETABLE = range(12)
COLUMN_COUNT = 12
FillRole = Qt.ItemDataRole.UserRole  # float: enrolled / limit (above 1.0 when enrolled over the limit)
GroupIdRole = Qt.ItemDataRole.UserRole + 1
AtRiskRole = Qt.ItemDataRole.UserRole + 2  # bool: below the lower limit
ClosedRole = Qt.ItemDataRole.UserRole + 3  # bool: closed (it takes no one): no fill bar, the word instead
# Row tints of the theme (light or dark), each with text that reads on it; the state is also
# written out in the tooltip and the fill bar, so the colour is never the only sign.
AT_RISK = theme.live("at_risk")  # below the lower limit: may not run
FULL = theme.live("full")  # no free seat
AT_RISK_TEXT = theme.live("at_risk_text")
NUMERIC = (NUMBER, LIMIT, LOWER, ENROLLED, FREE)


def _headers() -> tuple[str, ...]:
    # Spelled out in full (no alias) so that lupdate finds every text.
    return (
        QCoreApplication.translate("GroupTableModel", "Course"),
        QCoreApplication.translate("GroupTableModel", "Course name"),
        QCoreApplication.translate("GroupTableModel", "Type"),
        QCoreApplication.translate("GroupTableModel", "Group"),
        QCoreApplication.translate("GroupTableModel", "Limit"),
        QCoreApplication.translate("GroupTableModel", "Lower limit"),
        QCoreApplication.translate("GroupTableModel", "Enrolled"),
        QCoreApplication.translate("GroupTableModel", "Free"),
        QCoreApplication.translate("GroupTableModel", "Dedicated"),
        QCoreApplication.translate("GroupTableModel", "Fill"),
        QCoreApplication.translate("GroupTableModel", "Teachers"),
        QCoreApplication.translate("GroupTableModel", "Timetable"),
    )


def weekday(number: int) -> str:
    """The short name of a weekday, 1 Monday … 7 Sunday."""
    return (
        QCoreApplication.translate("Groups", "Mon"),
        QCoreApplication.translate("Groups", "Tue"),
        QCoreApplication.translate("Groups", "Wed"),
        QCoreApplication.translate("Groups", "Thu"),
        QCoreApplication.translate("Groups", "Fri"),
        QCoreApplication.translate("Groups", "Sat"),
        QCoreApplication.translate("Groups", "Sun"),
    )[number - 1]


def timetable(slots: tuple[SlotLine, ...]) -> str:
    """E.g. "Mon 10:15–12:30, 123 B1; Thu 8:00–9:30"."""
    parts = []
    for slot in slots:
        place = " ".join(p for p in (slot.room, slot.building) if p)
        parts.append(f"{weekday(slot.weekday)} {slot.starts_at:%H:%M}–{slot.ends_at:%H:%M}" + (f", {place}" if place else ""))
    return "; ".join(parts)


def share_whom(share: ShareLine) -> str:
    """Whom a share's seats are for: "INF-S2 · full-time · stage 2", "list of 12", "any student"."""
    if share.listed:
        return QCoreApplication.translate("GroupTableModel", "list of %n", "", share.listed_count)
    parts = [share.programme_code] if share.programme_code else []
    if share.mode:
        parts.append(labels.mode(share.mode))
    if share.level:
        parts.append(labels.level(share.level))
    if share.stage:
        parts.append(QCoreApplication.translate("GroupTableModel", "stage %1").replace("%1", str(share.stage)))
    return " · ".join(parts) or QCoreApplication.translate("GroupTableModel", "any student")


def share_text(share: ShareLine) -> str:
    """A share as the table shows it: "2/5 INF-S2 · stage 2", a released one marked so."""
    text = f"{share.taken}/{share.seats} {share_whom(share)}"
    if share.released:
        text += " " + QCoreApplication.translate("GroupTableModel", "(released)")
    return text


def shares_text(group: GroupLine) -> str:
    """The group's shares, those still kept first: "2/5 INF-S2 · stage 2; 1/3 list of 12"."""
    return "; ".join(share_text(s) for s in sorted(group.shares, key=lambda s: s.released))


def share_release(share: ShareLine, zone: str = DEFAULT_TIME_ZONE) -> str:
    """When a share's seats go to everyone: "released 2026-10-01 10:00", "to be released at …", "to be released
    when REG: Round 2 starts (…)", or kept until a clerk releases them."""
    if share.released:
        when = share.released_when
        return (QCoreApplication.translate("GroupTableModel", "released %1").replace("%1", datetime_text(when, zone))
                if when is not None else QCoreApplication.translate("GroupTableModel", "released"))
    if share.release_round:
        return (QCoreApplication.translate("GroupTableModel", "to be released when %1 starts (%2)")
                .replace("%1", share.release_round).replace("%2", datetime_text(share.release_at, zone)))
    if share.release_at is not None:
        return (QCoreApplication.translate("GroupTableModel", "to be released at %1")
                .replace("%1", datetime_text(share.release_at, zone)))
    return QCoreApplication.translate("GroupTableModel", "kept until a clerk releases them")


def seats_tooltip(group: GroupLine, zone: str = DEFAULT_TIME_ZONE) -> str:
    """The group's free seats of each kind: everyone's, then each share's with whom it is for and its release."""
    lines = [QCoreApplication.translate("GroupTableModel", "Free for everyone: %1.").replace("%1", str(group.free))]
    if group.kept_shares:
        lines.append(QCoreApplication.translate("GroupTableModel", "Dedicated to some students, still free: %1.")
                     .replace("%1", str(group.dedicated_free)))
    for share in sorted(group.shares, key=lambda s: s.released):
        if share.released:
            lines.append("• " + QCoreApplication.translate("GroupTableModel", "%1: %2 of %3 seats taken, %4; its free "
                                                           "seats are everyone's")
                         .replace("%1", share_whom(share)).replace("%2", str(share.taken)).replace("%3", str(share.seats))
                         .replace("%4", share_release(share, zone)))
        else:
            lines.append("• " + QCoreApplication.translate("GroupTableModel", "%1: %2 of %3 seats free, %4")
                         .replace("%1", share_whom(share)).replace("%2", str(share.free)).replace("%3", str(share.seats))
                         .replace("%4", share_release(share, zone)))
    return "\n".join(lines)


def fill_ratio(group: GroupLine) -> float:
    if group.seat_limit:
        return group.enrolled / group.seat_limit
    return 1.0 + group.enrolled  # a zero limit is full; anyone in it is over it


def fill_text(group: GroupLine) -> str:
    if group.closed:
        return QCoreApplication.translate("GroupTableModel", "closed")
    return f"{round(100 * fill_ratio(group))}%" if group.seat_limit else "—"


def closed_tooltip(group: GroupLine, zone: str = DEFAULT_TIME_ZONE) -> str:
    """Why a closed group's row is grey: when it was closed, and that it takes no one until opened again."""
    return (QCoreApplication.translate("GroupTableModel", "Closed %1: it takes no one. Open again… lets it take "
                                                          "students.")
            .replace("%1", datetime_text(group.closed_at, zone)))


class Capacity(enum.Enum):
    """Which groups the capacity filter shows, by how full they are."""

    ALL = "all"
    FULL = "full"  # no free place (a zero limit too)
    NEARLY_FULL = "nearly_full"  # at least 90% of the places taken, full ones included
    BELOW_LOWER_LIMIT = "below_lower_limit"  # at risk of not running (DOMAIN rule 6)


def capacity_label(capacity: Capacity) -> str:
    return {
        Capacity.ALL: QCoreApplication.translate("GroupTableModel", "All groups"),
        Capacity.FULL: QCoreApplication.translate("GroupTableModel", "Full"),
        Capacity.NEARLY_FULL: QCoreApplication.translate("GroupTableModel", "Nearly full (≥ 90%)"),
        Capacity.BELOW_LOWER_LIMIT: QCoreApplication.translate("GroupTableModel", "Below the lower limit"),
    }[capacity]


def shows(capacity: Capacity, group: GroupLine) -> bool:
    """Whether the capacity filter shows the group (whole numbers: 9 of 10 is 90%, never a rounding away)."""
    if capacity is Capacity.FULL:
        return group.free == 0 and not group.closed
    if capacity is Capacity.NEARLY_FULL:
        return group.enrolled * 10 >= group.seat_limit * 9 and not group.closed
    if capacity is Capacity.BELOW_LOWER_LIMIT:
        return group.below_lower_limit
    return True


_SORT_KEYS: dict[int, Callable[[GroupLine], Any]] = {
    COURSE: lambda g: (g.course_code, g.class_type.value, g.number),
    NAME: lambda g: (g.course_name, g.course_code, g.class_type.value, g.number),
    TYPE: lambda g: (g.class_type.value, g.course_code, g.number),
    NUMBER: lambda g: (g.number, g.course_code, g.class_type.value),
    LIMIT: lambda g: (g.seat_limit, g.course_code, g.number),
    LOWER: lambda g: (g.lower_limit, g.course_code, g.number),
    ENROLLED: lambda g: (g.enrolled, g.course_code, g.number),
    FREE: lambda g: (g.free, g.course_code, g.number),
    DEDICATED: lambda g: (sum(s.seats for s in g.kept_shares), len(g.shares), g.course_code, g.number),
    FILL: lambda g: (-1.0 if g.closed else fill_ratio(g), g.course_code, g.number),
    TEACHERS: lambda g: (", ".join(g.teachers), g.course_code, g.number),
    TIMETABLE: lambda g: ([(s.weekday, s.starts_at) for s in g.slots], g.course_code, g.number),
}


class GroupTableModel(QAbstractTableModel):
    """Rows of GroupLine, filtered by a text and by how full, and sorted in the model (never a proxy over thousands).

    Sorting moves rows with layoutChanged and keeps persistent indexes, so the view's selection
    follows the groups; filling and filtering reset the model.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[GroupLine] = []
        self._rows: list[GroupLine] = []
        self._filter = ""
        self._capacity = Capacity.ALL
        self._sort = (COURSE, Qt.SortOrder.AscendingOrder)
        self._bold = QFont()
        self._bold.setBold(True)
        self.time_zone = DEFAULT_TIME_ZONE  # the institution's, for the release times in the tooltips

    # --- filling ---------------------------------------------------------------------------

    def set_groups(self, groups: list[GroupLine]) -> None:
        self.beginResetModel()
        self._all = list(groups)
        self._apply()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        text = text.strip().casefold()
        if text == self._filter:
            return
        self.beginResetModel()
        self._filter = text
        self._apply()
        self.endResetModel()

    @property
    def filter_text(self) -> str:
        return self._filter

    def set_capacity(self, capacity: Capacity) -> None:
        if capacity is self._capacity:
            return
        self.beginResetModel()
        self._capacity = capacity
        self._apply()
        self.endResetModel()

    @property
    def capacity(self) -> Capacity:
        return self._capacity

    def _matches(self, group: GroupLine) -> bool:
        text = self._filter
        return (not text or text in group.course_code.casefold() or text in group.course_name.casefold()) and shows(
            self._capacity, group)

    def _apply(self) -> None:
        rows = [g for g in self._all if self._matches(g)]
        column, order = self._sort
        rows.sort(key=_SORT_KEYS[column], reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in _SORT_KEYS:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()].id if index.isValid() else None for index in before]
        self._sort = (column, order)
        self._apply()
        rows = {g.id: r for r, g in enumerate(self._rows)}
        after = [self.index(rows[gid], index.column()) if gid in rows else QModelIndex() for gid, index in zip(ids, before)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # --- reading ---------------------------------------------------------------------------

    @property
    def groups(self) -> list[GroupLine]:
        """The groups shown (filtered), in the order shown."""
        return list(self._rows)

    @property
    def all_groups(self) -> list[GroupLine]:
        """Every group loaded, whatever the filter."""
        return list(self._all)

    def group_at(self, row: int) -> GroupLine:
        return self._rows[row]

    def row_of(self, group_id: int) -> int:
        return next((r for r, g in enumerate(self._rows) if g.id == group_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        g = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(g, column)
        if role == FillRole:
            return fill_ratio(g)
        if role == GroupIdRole:
            return g.id
        if role == AtRiskRole:
            return g.below_lower_limit
        if role == ClosedRole:
            return g.closed
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if g.closed and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                                 Qt.ItemDataRole.FontRole):
            # Greyed, untinted: it takes no one, so neither full nor at risk (the word and the tooltip say so).
            return QBrush(theme.colour("muted")) if role == Qt.ItemDataRole.ForegroundRole else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if g.below_lower_limit:
                return QBrush(theme.colour("at_risk"))
            if g.free == 0:
                return QBrush(theme.colour("full"))
            return None
        if role == Qt.ItemDataRole.ForegroundRole and g.below_lower_limit:  # text that reads on the tint
            return QBrush(theme.colour("at_risk_text" if column in (ENROLLED, LOWER) else "tint_text"))
        if role == Qt.ItemDataRole.ForegroundRole and g.free == 0:
            return QBrush(theme.colour("tint_text"))
        if role == Qt.ItemDataRole.FontRole and (
            (g.below_lower_limit and column == ENROLLED) or (g.free == 0 and column == FREE)
        ):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(g, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == FILL and g.closed:
                return fill_text(g)
            if column == FILL:
                return (QCoreApplication.translate("GroupTableModel", "%1 of %2 places taken")
                        .replace("%1", str(g.enrolled)).replace("%2", str(g.seat_limit)))
            return self._display(g, column)
        return None

    def _display(self, g: GroupLine, column: int) -> str:
        return {
            COURSE: g.course_code, NAME: g.course_name, TYPE: labels.class_type(g.class_type), NUMBER: str(g.number),
            LIMIT: str(g.seat_limit), LOWER: str(g.lower_limit), ENROLLED: str(g.enrolled), FREE: str(g.free),
            DEDICATED: shares_text(g), FILL: fill_text(g), TEACHERS: ", ".join(g.teachers), TIMETABLE: timetable(g.slots),
        }[column]

    def _tooltip(self, g: GroupLine, column: int) -> str | None:
        notes = [closed_tooltip(g, self.time_zone)] if g.closed else []
        if g.below_lower_limit:
            notes.append(QCoreApplication.translate("GroupTableModel", "Below the lower limit (%1 of %2 needed): may not run.")
                         .replace("%1", str(g.enrolled)).replace("%2", str(g.lower_limit)))
        if g.over_limit_count:
            notes.append(QCoreApplication.translate("GroupTableModel", "%1 enrolled over the limit by a clerk's decision.")
                         .replace("%1", str(g.over_limit_count)))
        full = g.free == 0 and not g.closed  # a closed group has no seat for anyone, as said above
        if full and g.dedicated_free:
            notes.append(QCoreApplication.translate(
                "GroupTableModel", "Full for everyone: its %n free seats are dedicated to some students.", "",
                g.dedicated_free))
        elif full:
            notes.append(QCoreApplication.translate("GroupTableModel", "Full."))
        if column in (FREE, DEDICATED) and g.shares:
            notes.insert(0, seats_tooltip(g, self.time_zone))
        if column in (NAME, TEACHERS, TIMETABLE):
            # Long texts may be cut off in the column; the tooltip shows them whole.
            notes.insert(0, self._display(g, column))
        return "\n".join(n for n in notes if n) or None
