"""Windows open within the screen: a laptop's 1366x768 at 125% leaves 1093x614 of Qt's pixels, less the task bar.

Every window asks for the size it would like; ``fit_to_screen`` gives it that or, on a smaller
screen, the room the screen has (what ``QScreen.availableGeometry()`` leaves, less the window's
frame and title bar), and keeps it inside that room.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QStyle, QTableView, QWidget

# The frame and title bar the window system puts around a window not yet shown (a shown one says).
FRAME = QMargins(8, 32, 8, 8)


def available_area(window: QWidget | None = None) -> QRect:
    """The part of the window's screen (or the main screen) that windows may use: without the task bar."""
    screen = window.screen() if window is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1093, 614)


def frame_of(window: QWidget) -> QMargins:
    """What the window system adds around the window: the real frame once shown, else an estimate."""
    if window.isVisible():
        outer, inner = window.frameGeometry(), window.geometry()
        shown = QMargins(inner.left() - outer.left(), inner.top() - outer.top(),
                         outer.right() - inner.right(), outer.bottom() - inner.bottom())
        if shown.top() > 0 or shown.left() > 0:
            return shown
    return FRAME


def fitted_geometry(wanted: QSize, available: QRect, *, minimum: QSize | None = None, at: QPoint | None = None,
                    frame: QMargins = FRAME) -> QRect:
    """Where a window whose contents would like ``wanted`` goes within ``available``, its frame included.

    The size is ``wanted`` as far as the room allows (never below ``minimum``); the window is placed
    at ``at`` (its contents' top left), moved as little as needed to lie within the room, or centred.
    """
    room = available.marginsRemoved(frame)
    size = wanted.boundedTo(room.size())
    if minimum is not None:
        size = size.expandedTo(minimum)
    if at is None:
        at = QPoint(room.left() + (room.width() - size.width()) // 2, room.top() + (room.height() - size.height()) // 2)
    left = max(room.left(), min(at.x(), room.right() + 1 - size.width()))
    top = max(room.top(), min(at.y(), room.bottom() + 1 - size.height()))
    return QRect(QPoint(left, top), size)


def fit_to_screen(window: QWidget, wanted: QSize | None = None, available: QRect | None = None) -> QRect:
    """Give ``window`` the size it wants (``wanted``, else its current size), within the available screen area.

    A window already shown is moved back inside the area if it sticks out; one not yet shown is
    only sized (the window system, or Qt for a dialog, places it). Returns the contents' geometry.
    """
    area = available if available is not None else available_area(window)
    wanted = wanted if wanted is not None else window.size()
    shown = window.isVisible()
    geometry = fitted_geometry(wanted, area, minimum=window.minimumSize(), at=window.geometry().topLeft() if shown else None,
                               frame=frame_of(window))
    if shown:
        window.setGeometry(geometry)
    else:
        window.resize(geometry.size())
    return geometry


def keep_rows_in_sight(table: QAbstractItemView, rows: int = 8) -> None:
    """A list that is the point of its view never shrinks below ``rows`` rows (with its header and a scroll bar).

    Splitters and layouts then give the room to the rest of the view, which scrolls or shrinks instead.
    """
    row = table.verticalHeader().defaultSectionSize() if isinstance(table, QTableView) else max(table.sizeHintForRow(0), 20)
    header = table.horizontalHeader().sizeHint().height() if isinstance(table, QTableView) else 0
    scroll = table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    table.setMinimumHeight(header + rows * row + scroll + 2 * table.frameWidth() + 2)


__all__ = ["FRAME", "available_area", "fit_to_screen", "fitted_geometry", "frame_of", "keep_rows_in_sight"]
