"""Every view at a laptop's 1366x768 and at the same laptop at 125% (1093x614 of Qt's pixels).

QT_SCALE_FACTOR scales fonts and widgets alike, so at 125% the window has the room of a
1093x614 screen in Qt's pixels with the fonts of 100%: the walk gives the main window that room
and looks at every view's labels, fields and buttons. None may be smaller than its size hint
(clipped text, a squashed field), a wrapped label must have the height its lines need, and the
lists that are the point of their view keep at least 8 rows in sight.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from desk.staff import actor_for_login
from ui import i18n
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.screen import FRAME

LAPTOP = QSize(1366, 768 - 40)  # less a task bar
LAPTOP_125 = QSize(1093, 614)
ROOMS = {"100%": LAPTOP, "125%": LAPTOP_125}

# The lists a view is for: (view attribute, list attribute).
MAIN_LISTS = [("lookup", "table"), ("groups", "table"), ("history", "table"), ("accounts", "table"),
              ("staff_admin", "table"), ("payments", "table"), ("calendar", "table"), ("import_view", "table"),
              ("sync", "conflicts_table")]
MIN_ROWS = 8


def _inside(room: QSize) -> QSize:
    return QSize(room.width() - FRAME.left() - FRAME.right(), room.height() - FRAME.top() - FRAME.bottom())


def _settle(qtbot, window) -> None:
    """The view's data read (the tasks done) and shown (the events they posted handled). A view opened for
    the first time is made then, and reads its data in steps (its choices, then what they show): each
    step is waited for."""
    for _ in range(8):
        window.context.tasks.wait()
        QApplication.processEvents()


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", lambda: "")()
    return f"{type(widget).__name__} {widget.objectName() or ''} {text!r}".strip()


def squeezed(top: QWidget) -> list[str]:
    """The labels, fields and buttons under ``top`` that are drawn smaller than they need."""
    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 0 or widget.objectName().startswith("qt_"):
            continue  # hidden, or a part of another widget (a spin box's line edit) checked as that widget
        if isinstance(widget, QLabel):
            if widget.wordWrap():
                if widget.height() < widget.heightForWidth(widget.width()) - 1:
                    found.append(f"{_name(widget)}: {widget.height()} px high, its lines need {widget.heightForWidth(widget.width())}")
                continue
            if not widget.text() or widget.pixmap() is not None and not widget.pixmap().isNull():
                continue
            hint = widget.minimumSizeHint()
        elif isinstance(widget, (QAbstractButton, QComboBox)):
            hint = widget.sizeHint()
        elif isinstance(widget, (QLineEdit, QAbstractSpinBox)):
            hint = widget.sizeHint()
            if widget.height() < widget.sizeHint().height():
                found.append(f"{_name(widget)}: {widget.height()} px high, needs {widget.sizeHint().height()}")
                continue
        else:
            continue
        if widget.width() < hint.width() or widget.height() < hint.height():
            found.append(f"{_name(widget)}: {widget.width()}x{widget.height()}, needs {hint.width()}x{hint.height()}")
    return found


def visible_rows(view: QAbstractItemView) -> int:
    height = view.verticalHeader().defaultSectionSize() if hasattr(view, "verticalHeader") else view.sizeHintForRow(0)
    return view.viewport().height() // max(height, 1)


@pytest.fixture(params=["en", "pl"])
def window(request, qtbot, demo_db, tasks):
    i18n.install(request.param)  # Polish words are longer: both are walked
    context = AppContext(demo_db, actor_for_login(demo_db, "admin"), tasks)
    shown = MainWindow(context, "Uniwersytet Nadodrzański")
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.mark.parametrize("scale", list(ROOMS))
def test_every_view_shows_its_labels_fields_and_buttons_whole(qtbot, window, scale):
    room = _inside(ROOMS[scale])
    assert window.minimumSizeHint().width() <= room.width() and window.minimumSizeHint().height() <= room.height()
    window.resize(room)
    qtbot.waitUntil(lambda: window.size() == room, timeout=5_000)
    problems = {}
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        _settle(qtbot, window)
        view = window.stack.currentWidget()
        found = squeezed(view)
        if found:
            problems[window.navigation.item(row).text()] = found
    assert not problems, problems


@pytest.mark.parametrize("scale", list(ROOMS))
def test_the_lists_a_view_is_for_keep_eight_rows_in_sight(qtbot, window, scale):
    window.resize(_inside(ROOMS[scale]))
    qtbot.waitUntil(lambda: window.size() == _inside(ROOMS[scale]), timeout=5_000)
    short = {}
    for view_name, list_name in MAIN_LISTS:
        view = getattr(window, view_name)
        window.stack.setCurrentWidget(view)
        _settle(qtbot, window)
        table = getattr(view, list_name)
        if visible_rows(table) < MIN_ROWS:
            short[f"{view_name}.{list_name}"] = visible_rows(table)
    assert not short, short


def test_a_filter_choice_too_long_for_the_bar_ends_in_an_ellipsis_and_opens_whole(qtbot):
    from ui.formats import FilterCombo

    combo = FilterCombo(least=8)
    qtbot.addWidget(combo)
    whole = "2026Z — Semestr zimowy 2026/2027"
    combo.addItems([whole, "2027L — Semestr letni 2026/2027"])
    combo.resize(120, combo.sizeHint().height())
    combo.show()
    qtbot.waitExposed(combo)
    combo.grab()  # painted shortened, without error
    assert combo.toolTip() == whole  # the whole choice on hover
    combo.showPopup()
    assert combo.view().width() >= combo.fontMetrics().horizontalAdvance(whole)  # the list shows whole items
    combo.hidePopup()
