"""The staff accounts view, driven by objectName: add a clerk, disable them, reset a password; refusals keep the input."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QWidget,
)

from desk import staff
from desk.errors import SignInFailed
from desk.model import Role
from tests import factories
from ui.context import AppContext
from ui.views.staff_admin import COL_ACTIVE, COL_LOGIN, COL_ROLE, COL_UNITS, StaffAdminView

TIMEOUT = 10_000


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    monkeypatch.setattr(staff, "password_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def _view(qtbot, context) -> StaffAdminView:
    view = StaffAdminView(context)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
        view.show()
    return view


def _child(parent: QWidget, kind, name: str):
    widget = parent.findChild(kind, name)
    assert widget is not None, name
    return widget


def _dialog(view, name: str) -> QDialog:
    shown = [d for d in view.findChildren(QDialog, name) if d.isVisible()]
    assert len(shown) == 1, f"expected one open {name}, found {len(shown)}"
    return shown[0]


def _ok(dialog):
    return _child(dialog, QDialogButtonBox, "dialogButtons").button(QDialogButtonBox.StandardButton.Ok)


def _refused(qtbot, dialog) -> str:
    """OK, then wait for the refusal shown in the dialog (which stays open)."""
    error = _child(dialog, QLabel, "dialogError")
    error.clear()
    _ok(dialog).click()
    qtbot.waitUntil(lambda: bool(error.text()) and _ok(dialog).isEnabled(), timeout=TIMEOUT)
    assert dialog.isVisible()
    return error.text()


def _saved(qtbot, view, dialog) -> None:
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
        _ok(dialog).click()
    assert not dialog.isVisible()


def _row(view, login: str) -> int:
    table = _child(view, QTableWidget, "staffTable")
    rows = [r for r in range(table.rowCount()) if table.item(r, COL_LOGIN).text() == login]
    assert rows, f"{login} is not in the table"
    return rows[0]


def _select(view, login: str) -> None:
    _child(view, QTableWidget, "staffTable").selectRow(_row(view, login))


def test_administrator_adds_a_clerk_disables_them_and_resets_a_password(qtbot, app_context, db):
    factories.unit(db, "WMF", "Wydział Matematyki i Fizyki")
    factories.unit(db, "WCH", "Wydział Chemii")
    view = _view(qtbot, app_context)
    table = _child(view, QTableWidget, "staffTable")
    assert table.rowCount() == 1 and table.item(0, COL_LOGIN).text() == "admin"
    assert "1 staff account, 1 active" in _child(view, QLabel, "staffSummary").text()

    # --- add a clerk: a refusal first (the password is too short), the input stays ---
    _child(view, QPushButton, "addStaffButton").click()
    dialog = _dialog(view, "addStaffDialog")
    _child(dialog, QLineEdit, "staffLoginField").setText("kowalska")
    _child(dialog, QLineEdit, "staffNameField").setText("Ewa Kowalska")
    role = _child(dialog, QComboBox, "staffRoleField")
    role.setCurrentIndex(role.findData(Role.CLERK.value))
    units = _child(dialog, QListWidget, "staffUnitsField")
    assert units.isEnabled()
    wmf = next(units.item(r) for r in range(units.count()) if units.item(r).text().startswith("WMF "))
    wmf.setCheckState(Qt.CheckState.Checked)
    assert "WMF" in _child(dialog, QLabel, "staffUnitsChosen").text()
    _child(dialog, QLineEdit, "staffPasswordField").setText("short")
    _child(dialog, QLineEdit, "staffRepeatField").setText("short")
    _child(dialog, QLineEdit, "reasonField").setText("nowa pracownica dziekanatu")
    assert "at least 10 characters" in _refused(qtbot, dialog)
    assert _child(dialog, QLineEdit, "staffLoginField").text() == "kowalska"  # nothing typed is lost
    assert _child(dialog, QLineEdit, "reasonField").text() == "nowa pracownica dziekanatu"
    assert wmf.checkState() == Qt.CheckState.Checked
    _child(dialog, QLineEdit, "staffPasswordField").setText("clerk-password")
    assert "differ" in _refused(qtbot, dialog)  # checked before anything is sent
    _child(dialog, QLineEdit, "staffRepeatField").setText("clerk-password")
    _saved(qtbot, view, dialog)
    row = _row(view, "kowalska")
    assert table.item(row, COL_ROLE).text() == "dean's office clerk" and table.item(row, COL_UNITS).text() == "WMF"
    assert table.item(row, COL_ACTIVE).text() == "active"
    assert view.current() is not None and view.current().login == "kowalska"  # the new account stays selected
    assert staff.sign_in(db, "kowalska", "clerk-password").role is Role.CLERK

    # --- disable: the reason is required ---
    toggle = _child(view, QPushButton, "toggleActiveButton")
    assert toggle.isEnabled() and "Disable" in toggle.text()
    toggle.click()
    dialog = _dialog(view, "disableStaffDialog")
    assert "Say why" in _refused(qtbot, dialog)
    _child(dialog, QLineEdit, "reasonField").setText("odeszła z pracy")
    _saved(qtbot, view, dialog)
    assert table.item(_row(view, "kowalska"), COL_ACTIVE).text() == "disabled"
    assert "Enable" in toggle.text()
    with pytest.raises(SignInFailed, match="Wrong login or password"):
        staff.sign_in(db, "kowalska", "clerk-password")

    # --- reset the password: the repeat must match, then the new one works at once ---
    _select(view, "kowalska")
    _child(view, QPushButton, "resetPasswordButton").click()
    dialog = _dialog(view, "resetPasswordDialog")
    _child(dialog, QLineEdit, "staffPasswordField").setText("new-password-1")
    _child(dialog, QLineEdit, "staffRepeatField").setText("new-password-2")
    _child(dialog, QLineEdit, "reasonField").setText("zapomniała hasła")
    assert "differ" in _refused(qtbot, dialog)
    assert _child(dialog, QLineEdit, "staffPasswordField").text() == "new-password-1"
    _child(dialog, QLineEdit, "staffRepeatField").setText("new-password-1")
    _saved(qtbot, view, dialog)

    # --- enable again, and sign in with the new password ---
    _select(view, "kowalska")
    toggle.click()
    dialog = _dialog(view, "enableStaffDialog")
    _child(dialog, QLineEdit, "reasonField").setText("wróciła")
    _saved(qtbot, view, dialog)
    assert table.item(_row(view, "kowalska"), COL_ACTIVE).text() == "active"
    assert staff.sign_in(db, "kowalska", "new-password-1").login == "kowalska"


def test_change_role_refusal_keeps_the_choice(qtbot, app_context, db):
    factories.unit(db, "WMF")
    factories.staff(db, "cos", Role.SERVICE_CENTER)
    view = _view(qtbot, app_context)
    _select(view, "cos")
    _child(view, QPushButton, "changeRoleButton").click()
    dialog = _dialog(view, "changeRoleDialog")
    role = _child(dialog, QComboBox, "staffRoleField")
    units = _child(dialog, QListWidget, "staffUnitsField")
    assert not units.isEnabled()  # the Student Service Center acts for no units
    role.setCurrentIndex(role.findData(Role.CLERK.value))
    assert units.isEnabled()
    _child(dialog, QLineEdit, "reasonField").setText("przeszła do dziekanatu")
    assert "at least one unit" in _refused(qtbot, dialog)
    assert role.currentData() == Role.CLERK.value
    units.item(0).setCheckState(Qt.CheckState.Checked)
    _saved(qtbot, view, dialog)
    table = _child(view, QTableWidget, "staffTable")
    assert table.item(_row(view, "cos"), COL_ROLE).text() == "dean's office clerk"
    assert table.item(_row(view, "cos"), COL_UNITS).text() == "WMF"


def test_own_account_cannot_be_disabled_or_demoted_here(qtbot, app_context):
    view = _view(qtbot, app_context)
    _select(view, "admin")
    assert not _child(view, QPushButton, "toggleActiveButton").isEnabled()
    assert not _child(view, QPushButton, "changeRoleButton").isEnabled()
    assert _child(view, QPushButton, "resetPasswordButton").isEnabled()
    assert _child(view, QPushButton, "addStaffButton").isEnabled()


@pytest.mark.parametrize("role", [Role.CLERK, Role.SERVICE_CENTER])
def test_others_see_a_note_and_no_actions(qtbot, db, tasks, role):
    actor = factories.staff(db, "someone", role, ("WMF",) if role is Role.CLERK else ())
    view = StaffAdminView(AppContext(db, actor, tasks))
    qtbot.addWidget(view)
    view.show()
    note = _child(view, QLabel, "staffAdminNote")
    assert note.isVisible() and "Only an administrator manages staff accounts" in note.text()
    assert not _child(view, QTableWidget, "staffTable").isVisible()
    for name in ("addStaffButton", "changeRoleButton", "toggleActiveButton", "resetPasswordButton", "refreshStaffButton"):
        button = _child(view, QPushButton, name)
        assert not button.isVisible() and not button.isEnabled()
    view.add()  # even when asked directly, nothing opens
    assert not view.findChildren(QDialog)


def test_every_interactive_widget_has_a_name(qtbot, app_context, db):
    factories.unit(db, "WMF")
    view = _view(qtbot, app_context)
    _child(view, QPushButton, "addStaffButton").click()
    dialog = _dialog(view, "addStaffDialog")
    for parent in (view, dialog):
        for kind in (QPushButton, QLineEdit, QComboBox, QListWidget, QTableWidget):
            for widget in parent.findChildren(kind):
                if widget.parent() is not None and widget.parent().inherits("QAbstractSpinBox"):
                    continue
                if isinstance(widget, QPushButton) and widget.parent() is not None and \
                        widget.parent().objectName() == "dialogButtons":
                    continue  # OK and Cancel: found through their box
                assert widget.objectName(), f"{kind.__name__} without an objectName"
                assert widget.accessibleName(), f"{widget.objectName()} without an accessible name"
    dialog.reject()
