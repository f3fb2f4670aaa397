"""A clerk disabled by an administrator while their window stays open is refused at their next action."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QRadioButton, QSpinBox
from sqlalchemy import select

from desk import staff
from desk.model import ClassGroup, Role
from desk.unit_of_work import UnitOfWork
from tests import factories
from ui.context import AppContext
from ui.views.groups import GroupsView

TIMEOUT = 10_000


def _dialog(view, name: str) -> QDialog:
    shown = [d for d in view.findChildren(QDialog, name) if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def test_a_clerk_disabled_meanwhile_is_refused_in_the_open_window_and_nothing_changes(qtbot, db, admin, tasks):
    term = factories.term(db)
    course = factories.course(db, "MAT-101")
    group = factories.group(db, course, term, number=1, seat_limit=20)
    reg = factories.registration(db, code="WMF-OGU", term_id=term, course_ids=(course,))
    clerk = factories.staff(db, "kowalska", Role.CLERK, ("WMF",))

    view = GroupsView(AppContext(db, clerk, tasks))  # signed in before the administrator acts
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.set_registration(reg, term)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=TIMEOUT)

    staff.disable_staff(UnitOfWork(db, admin), "kowalska", reason="odeszła z pracy")

    view.table.selectAll()
    view.set_limit_button.click()
    dialog = _dialog(view, "setLimitDialog")
    dialog.findChild(QRadioButton, "limitToValue").setChecked(True)
    dialog.findChild(QSpinBox, "limitValueField").setValue(30)
    dialog.findChild(QLineEdit, "reasonField").setText("większa sala")
    dialog.findChild(QDialogButtonBox, "dialogButtons").button(QDialogButtonBox.StandardButton.Ok).click()
    error = dialog.findChild(QLabel, "dialogError")
    qtbot.waitUntil(lambda: "has been disabled" in error.text(), timeout=TIMEOUT)
    assert dialog.isVisible()
    with db.read() as session:
        assert session.get(ClassGroup, group).seat_limit == 20
    dialog.reject()
