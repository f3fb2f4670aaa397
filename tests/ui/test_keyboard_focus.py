"""Where the keyboard is when a window or dialog opens, and where Tab and Enter take it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit, QSpinBox, QWidget

from ui.dialogs import ActionDialog
from ui.main_window import MainWindow
from ui.sign_in import ChangePasswordDialog, FirstAdministratorDialog, SignInDialog

TIMEOUT = 10_000


def _active(qtbot, window):
    """Shown and active, with the keyboard somewhere in it (where the clerk starts typing)."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow() and QApplication.focusWidget() is not None, timeout=TIMEOUT)
    assert window.isAncestorOf(QApplication.focusWidget())
    return window


def _opened(qtbot, dialog):
    qtbot.addWidget(dialog)
    return _active(qtbot, dialog)


def test_sign_in_by_keyboard_login_tab_password_enter(qtbot, db, admin, tasks):
    dialog = _opened(qtbot, SignInDialog(db, tasks, is_demo=True))
    assert dialog.focusWidget() is dialog.login
    qtbot.keyClicks(dialog.focusWidget(), "admin")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.password
    qtbot.keyClicks(dialog.focusWidget(), "admin-password")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)  # Sign in, then Cancel
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.focusWidget() is dialog.password
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT):  # Enter signs in
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.login == "admin"


def test_sign_in_with_the_login_remembered_opens_in_the_password_field(qtbot, db, admin, tasks):
    dialog = _opened(qtbot, SignInDialog(db, tasks, is_demo=False, login="admin"))
    assert dialog.login.text() == "admin"
    assert dialog.focusWidget() is dialog.password
    qtbot.keyClicks(dialog.focusWidget(), "admin-password")
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Enter)
    assert dialog.actor.login == "admin"


def test_the_other_sign_in_dialogs_open_in_their_first_field(qtbot, db, admin, tasks):
    first = _opened(qtbot, FirstAdministratorDialog(db, tasks))
    assert first.focusWidget() is first.login
    for field in (first.full_name, first.password, first.repeat):
        qtbot.keyClick(first.focusWidget(), Qt.Key.Key_Tab)
        assert first.focusWidget() is field
    change = _opened(qtbot, ChangePasswordDialog(db, tasks, admin))
    assert change.focusWidget() is change.current


def test_after_sign_in_the_student_search_has_the_keyboard(qtbot, app_context):
    window = MainWindow(app_context, "Uniwersytet Testowy")
    qtbot.addWidget(window)
    _active(qtbot, window)
    assert QApplication.focusWidget() is window.lookup.field


def test_a_view_opened_for_the_first_time_by_its_shortcut_has_the_keyboard_in_its_first_field(qtbot, app_context):
    from PySide6.QtGui import QAction

    window = MainWindow(app_context, "Uniwersytet Testowy")
    qtbot.addWidget(window)
    _active(qtbot, window)
    window.findChild(QAction, "tokensViewAction").trigger()  # Ctrl+4 from the student search: the view is made now
    assert window.stack.currentWidget() is window.tokens
    assert QApplication.focusWidget() is window.tokens.picker.field  # where the student number is typed


def test_an_action_dialog_opens_in_its_first_field_and_tabs_in_the_order_of_its_rows(qtbot, app_context):
    dialog = ActionDialog(app_context, "Title", "Intro", "&Save", "focusDialog", lambda values: values)
    first, second = QComboBox(dialog), QLineEdit(dialog)
    number = QSpinBox(dialog)  # made before the rows above it are laid out: the rows' order counts, not the making
    dialog.form.addRow("&First:", first)
    dialog.form.addRow("&Second:", second)
    dialog.form.addRow("&Number:", number)
    dialog.finish_form()
    _opened(qtbot, dialog)
    assert dialog.focusWidget() is first
    for field in (second, number, dialog.reason, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        assert dialog.focusWidget() is field


def test_a_dialog_with_only_a_reason_opens_in_the_reason(qtbot, app_context):
    dialog = ActionDialog(app_context, "Remove", "Remove it?", "&Remove", "reasonOnlyDialog", lambda values: values)
    dialog.finish_form()
    _opened(qtbot, dialog)
    assert dialog.focusWidget() is dialog.reason


def test_the_seat_limit_dialog_opens_in_the_number_and_alt_letter_takes_the_keyboard_to_the_chosen_number(qtbot, app_context, db, admin):
    from datetime import timedelta

    from desk import groups
    from desk.clock import now_utc
    from desk.unit_of_work import UnitOfWork
    from tests import factories
    from ui.views.group_dialogs import SetLimitDialog

    now = now_utc()
    term = factories.term(db, "2026Z", now.date() - timedelta(days=30), now.date() + timedelta(days=90))
    group_id = factories.group(db, factories.course(db), term, seat_limit=13)
    lines = groups.list_groups(UnitOfWork(db, admin), groups.GroupScope(group_ids=(group_id,)))
    dialog = _opened(qtbot, SetLimitDialog(app_context, lines))
    assert dialog.focusWidget() is dialog.value  # not the "Set to" choice: typing 15 sets 15
    qtbot.keyClicks(dialog.focusWidget(), "15")
    assert dialog.value.value() == 15
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # Change &by
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.delta, timeout=TIMEOUT)
    assert dialog.by_delta.isChecked()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # Set &to
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.value, timeout=TIMEOUT)


def test_down_in_the_class_groups_filter_goes_on_to_the_first_group_it_leaves(qtbot, app_context, db, admin):
    from datetime import timedelta

    from desk.clock import now_utc
    from tests import factories
    from ui.views.groups import GroupsView

    now = now_utc()
    term = factories.term(db, "2026Z", now.date() - timedelta(days=30), now.date() + timedelta(days=90))
    for code in ("MAT-1", "FIZ-1"):
        factories.group(db, factories.course(db, code), term, seat_limit=10)
    view = GroupsView(app_context)
    _opened(qtbot, view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=TIMEOUT)
    view.filter.setFocus()
    qtbot.keyClicks(view.filter, "FIZ")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=TIMEOUT)
    qtbot.keyClick(view.filter, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is view.table
    assert view.set_limit_button.isEnabled()  # one group chosen: its limit can be set at once


def test_a_card_section_reached_by_its_alt_letter_is_scrolled_into_view(qtbot, app_context, db):
    from tests import factories
    from tests.ui.test_words_and_formats import _two_faculties
    from ui.views.student_card import StudentCardWindow

    _two_faculties(db)  # registrations the card lists
    card = StudentCardWindow(app_context, factories.student(db))
    qtbot.addWidget(card)
    card.resize(700, 300)  # room for the top of the card only
    _active(qtbot, card)
    qtbot.waitUntil(lambda: card.card is not None, timeout=TIMEOUT)
    bar = card.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=TIMEOUT)
    bar.setValue(0)
    section = card.findChild(QWidget, "registrationsSection")
    assert section.geometry().top() > card.scroll.viewport().height()  # below the fold
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # Reg&istrations
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=TIMEOUT)
    assert section.isAncestorOf(QApplication.focusWidget())
