"""Keeping the teaching offer in the application: a new class group through its dialog, seen in the class-groups view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox
from sqlalchemy import select

from desk.model import ClassGroup, TimetableSlot
from tests import factories
from ui.views.groups import GroupsView

TIMEOUT = 10_000


def _dialog(view, name: str) -> QDialog:
    shown = [d for d in view.findChildren(QDialog, name) if d.isVisible()]
    assert len(shown) == 1, f"expected one open {name}, found {len(shown)}"
    return shown[0]


def _field(dialog, kind, name):
    widget = dialog.findChild(kind, name)
    assert widget is not None, name
    return widget


def _ok(dialog) -> QAbstractButton:
    return _field(dialog, QDialogButtonBox, "dialogButtons").button(QDialogButtonBox.StandardButton.Ok)


def _error(dialog) -> str:
    return _field(dialog, QLabel, "dialogError").text()


def test_a_new_group_added_through_the_dialog_shows_in_the_view(qtbot, app_context, db):
    term = factories.term(db)
    course = factories.course(db, "MAT-101")
    first = factories.group(db, course, term, number=1, seat_limit=10)
    teacher = factories.staff_person(db, "Ewa", "Nowak")
    factories.login(db, "e.nowak@uni.example.pl", teacher)

    view = GroupsView(app_context)
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=TIMEOUT)
    with qtbot.waitSignal(view.membersLoaded, timeout=TIMEOUT):
        assert view.select_group(first)

    # Insert, with the table focused: the new-group dialog, its first field (the course) has the keyboard.
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(QDialog, "groupDialog")), timeout=TIMEOUT)
    dialog = _dialog(view, "groupDialog")
    course_field = _field(dialog, QComboBox, "groupCourseChooser")
    qtbot.waitUntil(lambda: course_field.hasFocus(), timeout=TIMEOUT)
    assert course_field.currentData() == course  # the selected group's course
    assert _field(dialog, QComboBox, "groupTermChooser").currentData() == term
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert dialog.sizeHint().height() <= min(screen.height(), 700) and dialog.width() <= 1366

    _field(dialog, QComboBox, "groupTypeChooser").setCurrentIndex(
        _field(dialog, QComboBox, "groupTypeChooser").findData("lab"))
    _field(dialog, QSpinBox, "groupSeatLimitField").setValue(16)
    _field(dialog, QSpinBox, "groupLowerLimitField").setValue(4)
    _field(dialog, QLineEdit, "groupTeachersField").setText("e.nowak@uni.example.pl")
    slots = _field(dialog, QPlainTextEdit, "groupSlotsField")
    slots.setPlainText("3 10:00-11:30 B-12 Collegium\n3 11:00-12:00 B-12")
    _ok(dialog).click()
    qtbot.waitUntil(lambda: "overlap" in _error(dialog), timeout=TIMEOUT)  # refused in the dialog, the input kept
    assert dialog.isVisible() and _ok(dialog).isEnabled()
    slots.setPlainText("3 10:00-11:30 B-12 Collegium")
    with qtbot.waitSignal(view.groupsLoaded, timeout=TIMEOUT):
        _ok(dialog).click()
    assert not dialog.isVisible(), _error(dialog)

    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=TIMEOUT)
    with db.read() as session:
        added = session.scalars(select(ClassGroup).where(ClassGroup.id != first)).one()
        assert (added.class_type.value, added.number, added.seat_limit, added.lower_limit) == ("lab", 1, 16, 4)
        assert session.scalar(select(TimetableSlot.room).where(TimetableSlot.group_id == added.id)) == "B-12"
    line = next(g for g in view.model.groups if g.id == added.id)
    assert line.teachers == ("Ewa Nowak",) and line.seat_limit == 16
    qtbot.waitUntil(lambda: [g.id for g in view.selected_groups()] == [added.id], timeout=TIMEOUT)

    # F2 edits the selected group: its limit, shown in the view once saved.
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=TIMEOUT)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(QDialog, "groupDialog")), timeout=TIMEOUT)
    edit = _dialog(view, "groupDialog")
    assert _field(edit, QLineEdit, "groupTeachersField").text() == "e.nowak@uni.example.pl"
    _field(edit, QSpinBox, "groupSeatLimitField").setValue(24)
    _field(edit, QLineEdit, "reasonField").setText("większa sala")
    with qtbot.waitSignal(view.groupsLoaded, timeout=TIMEOUT):
        _ok(edit).click()
    qtbot.waitUntil(lambda: next(g for g in view.model.groups if g.id == added.id).seat_limit == 24, timeout=TIMEOUT)


def test_a_new_term_from_the_calendar_is_offered_in_its_term_chooser(qtbot, app_context, db):
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDateEdit

    from ui.views.calendar import RegistrationsView

    factories.term(db, "2026Z")
    view = RegistrationsView(app_context)
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.show()
    qtbot.waitUntil(lambda: view.term.count() == 2, timeout=TIMEOUT)  # "all terms" and 2026Z
    # Ctrl+Shift+T; triggered here rather than typed: a test's modifier keys would outlive the dialog it opens.
    assert view.term_actions.new_term.shortcut().toString() == "Ctrl+Shift+T"
    view.term_actions.new_term.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(QDialog, "termDialog")), timeout=TIMEOUT)
    dialog = _dialog(view, "termDialog")
    code = _field(dialog, QLineEdit, "termCodeField")
    qtbot.waitUntil(code.hasFocus, timeout=TIMEOUT)
    assert code.text() == "2027L"  # the term after the last one
    _field(dialog, QLineEdit, "termNameField").setText("Semestr letni 2026/27")
    _field(dialog, QDateEdit, "termStartsField").setDate(QDate(2027, 3, 1))
    _field(dialog, QDateEdit, "termEndsField").setDate(QDate(2027, 2, 1))
    _ok(dialog).click()
    qtbot.waitUntil(lambda: "ends after it starts" in _error(dialog), timeout=TIMEOUT)
    _field(dialog, QDateEdit, "termEndsField").setDate(QDate(2027, 9, 30))
    _ok(dialog).click()
    qtbot.waitUntil(lambda: view.term.count() == 3, timeout=TIMEOUT)
    assert view.term.currentText().startswith("2027L") and not dialog.isVisible()
    assert [t.code for t in view.choices[1]] == ["2026Z", "2027L"]

    # Edit term… corrects the chosen one; the chooser shows the new name.
    view.term_actions.edit_term.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(QDialog, "termDialog")), timeout=TIMEOUT)
    edit = _dialog(view, "termDialog")
    assert _field(edit, QLineEdit, "termCodeField").text() == "2027L"
    _field(edit, QLineEdit, "termNameField").setText("Semestr letni")
    _field(edit, QLineEdit, "reasonField").setText("krótsza nazwa")
    _ok(edit).click()
    qtbot.waitUntil(lambda: view.term.currentText() == "2027L — Semestr letni", timeout=TIMEOUT)


def test_a_new_course_then_its_first_group(qtbot, app_context, db):
    term = factories.term(db)
    factories.group(db, factories.course(db, "MAT-101"), term)
    view = GroupsView(app_context)
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=TIMEOUT)
    assert view.offer.new_course.shortcut().toString() == "Ctrl+Shift+N"
    view.offer.new_course.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(QDialog, "courseDialog")), timeout=TIMEOUT)
    dialog = _dialog(view, "courseDialog")
    code = _field(dialog, QLineEdit, "courseCodeField")
    qtbot.waitUntil(code.hasFocus, timeout=TIMEOUT)
    code.setText("MAT-101")
    _field(dialog, QLineEdit, "courseNameField").setText("Analiza")
    _ok(dialog).click()
    qtbot.waitUntil(lambda: "already used by the course MAT-101" in _error(dialog), timeout=TIMEOUT)
    code.setText("FIL-201")
    _ok(dialog).click()
    # Saved: the new group dialog follows, with the new course chosen.
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(QDialog, "groupDialog")), timeout=TIMEOUT)
    group = _dialog(view, "groupDialog")
    assert _field(group, QComboBox, "groupCourseChooser").currentText().startswith("FIL-201")
    with qtbot.waitSignal(view.groupsLoaded, timeout=TIMEOUT):
        _ok(group).click()
    qtbot.waitUntil(lambda: any(g.course_code == "FIL-201" for g in view.model.groups), timeout=TIMEOUT)
