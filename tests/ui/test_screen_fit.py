"""Windows open within the screen: 1366x768, and the same laptop at 125% (1093x614 of Qt's pixels)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication

from tests import factories
from ui.main_window import MainWindow
from ui.screen import FRAME, fit_to_screen, fitted_geometry, frame_of
from ui.views.student_card import StudentCardWindow

LAPTOP = QRect(0, 0, 1366, 728)  # 1366x768 less a task bar
LAPTOP_125 = QRect(0, 0, 1093, 614)
TASK_BAR_ON_TOP = QRect(0, 40, 1093, 574)


@pytest.mark.parametrize("available", [LAPTOP, LAPTOP_125, TASK_BAR_ON_TOP])
@pytest.mark.parametrize("wanted", [QSize(960, 760), QSize(1280, 800), QSize(540, 300), QSize(1180, 600)])
def test_a_window_is_given_the_room_the_screen_has(available, wanted):
    geometry = fitted_geometry(wanted, available)
    assert available.contains(geometry.marginsAdded(FRAME)), (available, wanted, geometry)
    assert geometry.size() == wanted.boundedTo(available.marginsRemoved(FRAME).size())
    # A window the clerk left partly off the screen comes back inside it, moved as little as it must.
    moved = fitted_geometry(QSize(500, 300), available, at=QPoint(available.right() - 100, available.top() - 50))
    assert available.contains(moved.marginsAdded(FRAME))
    assert moved.right() == available.marginsRemoved(FRAME).right()


def _card(qtbot, app_context, db) -> StudentCardWindow:
    card = StudentCardWindow(app_context, factories.student(db, "Ewa", "Kowalska"))
    qtbot.addWidget(card)
    return card


@pytest.mark.parametrize("available", [LAPTOP, LAPTOP_125, TASK_BAR_ON_TOP])
def test_the_student_card_fits_a_laptop_screen(qtbot, app_context, db, available):
    card = _card(qtbot, app_context, db)
    fit_to_screen(card, QSize(960, 760), available)
    assert card.height() + FRAME.top() + FRAME.bottom() <= available.height()
    assert card.width() + FRAME.left() + FRAME.right() <= available.width()
    card.show()
    qtbot.waitUntil(lambda: card.card is not None, timeout=10_000)
    assert card.minimumSizeHint().height() <= 614 and card.minimumSizeHint().width() <= 1093
    fit_to_screen(card, available=available)  # shown: also moved inside the room
    assert available.contains(card.geometry().marginsAdded(frame_of(card)))


def test_every_window_opens_within_the_screen(qtbot, app_context, db):
    """Offscreen the screen cannot be changed: what it has, the windows keep to (frame included)."""
    card = _card(qtbot, app_context, db)
    card.show()
    qtbot.waitUntil(lambda: card.card is not None, timeout=10_000)
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dialog = window.lookup.new_student()
    qtbot.waitExposed(dialog)
    for shown in QApplication.topLevelWidgets():
        if shown.isVisible():
            room = shown.screen().availableGeometry()
            assert room.contains(shown.frameGeometry()), (shown.objectName(), shown.frameGeometry(), room)
    dialog.reject()
