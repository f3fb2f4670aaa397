"""Dialogs keep every row readable: a refusal shown in them makes them grow, never squeezes their fields."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QWidget,
)

import resources
from desk import enrollment, groups
from desk.clock import now_utc
from desk.model import Role
from desk.unit_of_work import UnitOfWork
from tests import factories
from tests.factories import PHD_DOMAIN
from ui.context import AppContext
from ui.views.accounts import LinkLoginDialog
from ui.views.group_dialogs import SetLimitDialog

_OWN_PARTS = (QAbstractSpinBox, QComboBox, QAbstractItemView)  # their inner widgets are theirs to lay out


def squashed(dialog) -> list[str]:
    """The widgets shown lower than they need (a wrapped text: all its lines), or cut off by what holds them."""
    found = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog) or widget.isWindow() or isinstance(widget.parent(), _OWN_PARTS):
            continue
        if any(isinstance(ancestor, _OWN_PARTS) for ancestor in _ancestors(widget, dialog)):
            continue
        needed = max(widget.minimumSizeHint().height(), widget.minimumHeight())
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            needed = max(needed, widget.heightForWidth(widget.width()))
        name = widget.objectName() or type(widget).__name__
        if widget.height() < needed:
            found.append(f"{name} {widget.height()} < {needed}")
        if not widget.parentWidget().rect().contains(widget.geometry()):
            found.append(f"{name} cut off at {widget.geometry().bottom()} by {widget.parentWidget().height()}")
    return found


def _ancestors(widget, top):
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        yield parent
        parent = parent.parentWidget()


def _readable(dialog) -> None:
    assert not squashed(dialog)


def _refused(qtbot, dialog) -> QLabel:
    error = dialog.findChild(QLabel, "dialogError")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: error.text() != "", timeout=10_000)
    return error


@pytest.fixture(autouse=True)
def house_style(qapp):
    """The application's own style sheet (its paddings make fields taller), as a clerk sees the dialogs."""
    qapp.setStyleSheet(resources.path("style.qss").read_text(encoding="utf-8"))
    yield
    qapp.setStyleSheet("")


@pytest.fixture
def cos_context(db, tasks):
    factories.login_templates(db)
    return AppContext(db, factories.staff(db, "cos", Role.SERVICE_CENTER), tasks)


def test_the_link_dialog_grows_with_its_refusal(qtbot, cos_context, db):
    factories.student(db, "Anna", "Nowak", number="700001", login=None)
    dialog = LinkLoginDialog(cos_context, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    picker = dialog.picker
    picker.field.setText("700001")
    qtbot.waitUntil(lambda: picker.student_id is not None, timeout=10_000)
    dialog.email.setText(f"700001@{PHD_DOMAIN}")
    dialog.reason.setText("zgłoszenie w BOS")
    error = _refused(qtbot, dialog)
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: _readable(dialog), timeout=2_000)
    assert error.height() >= error.heightForWidth(error.width())  # the message's last line is shown


def test_the_seat_limit_dialog_shows_its_reason_and_its_refusal(qtbot, app_context, db, admin):
    now = now_utc()
    term = factories.term(db, "2026Z", now.date() - timedelta(days=30), now.date() + timedelta(days=90))
    course = factories.course(db)
    group_ids = [factories.group(db, course, term, seat_limit=3, number=n) for n in (1, 2, 3)]
    for group in group_ids:
        for _ in range(2):
            enrollment.enroll(UnitOfWork(db, admin), factories.student(db), group, reason="decyzja")
    lines = groups.list_groups(UnitOfWork(db, admin), groups.GroupScope(group_ids=tuple(group_ids)))
    dialog = SetLimitDialog(app_context, lines)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: _readable(dialog), timeout=2_000)  # the Reason field among them, before anything is refused
    dialog.delta.setValue(-2)
    dialog.reason.setText("mniejsza sala")
    error = _refused(qtbot, dialog)
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: _readable(dialog), timeout=2_000)
    assert error.height() >= error.heightForWidth(error.width())



def test_a_layout_pass_without_the_fitting_timer_is_let_be(qtbot, app_context):
    """Qt may lay a dialog out while Python has no longer (or not yet) its attributes: nothing to fit, no error."""
    from PySide6.QtCore import QCoreApplication, QEvent

    dialog = LinkLoginDialog(app_context, None)
    qtbot.addWidget(dialog)
    timer = dialog.__dict__.pop("_fit_timer")
    assert QCoreApplication.sendEvent(dialog, QEvent(QEvent.Type.LayoutRequest)) is not None
    dialog.resize(dialog.width() + 40, dialog.height())
    dialog._fit_timer = timer
