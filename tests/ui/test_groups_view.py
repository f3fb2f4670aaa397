"""The capacity view: the table of a registration's groups, limits in bulk, enroll, override, move, unenroll."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date, time

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QRadioButton,
    QSpinBox,
    QWidget,
)
from sqlalchemy import select

from desk import enrollment
from desk.groups import GroupLine
from desk.model import AuditEntry, ClassGroup, ClassType, Enrollment, EnrollmentStatus, Role, TimetableSlot
from desk.unit_of_work import UnitOfWork
from tests import factories
from ui.models.group_table_model import (
    AT_RISK,
    ENROLLED,
    FILL,
    FULL,
    TIMETABLE,
    GroupTableModel,
)
from ui.views.groups import GroupsView

TIMEOUT = 10_000


# --- a small world and how to drive the view ---------------------------------------------------


def _world(db):
    """MAT-101 class 1 (limit 2, lower limit 2) and class 2 (limit 3), offered by WMF-OGU."""
    term = factories.term(db)
    course = factories.course(db, "MAT-101")
    first = factories.group(db, course, term, number=1, seat_limit=2, lower_limit=2)
    second = factories.group(db, course, term, number=2, seat_limit=3)
    reg = factories.registration(db, code="WMF-OGU", term_id=term, course_ids=(course,))
    return term, reg, first, second


def _view(qtbot, context, reg, term=None) -> GroupsView:
    view = GroupsView(context)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.set_registration(reg, term)
    qtbot.waitUntil(lambda: view.registration.currentData() == reg and view.model.rowCount() > 0, timeout=TIMEOUT)
    return view


def _reload(qtbot, view) -> None:
    with qtbot.waitSignal(view.groupsLoaded, timeout=TIMEOUT):
        view.reload()


def _select(qtbot, view, group_id) -> None:
    if view.current_group is not None and view.current_group.id == group_id and len(view.selected_groups()) == 1:
        return
    with qtbot.waitSignal(view.membersLoaded, timeout=TIMEOUT):
        assert view.select_group(group_id)


def _dialog(view, name: str) -> QDialog:
    """The open dialog with that objectName."""
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


def _accept_and_wait(qtbot, view, dialog) -> None:
    """OK, then wait until the change is saved and the table has been loaded again."""
    with qtbot.waitSignal(view.groupsLoaded, timeout=TIMEOUT):
        _ok(dialog).click()
    assert not dialog.isVisible(), _error(dialog)


def _refused(qtbot, dialog, words: str) -> str:
    _ok(dialog).click()
    qtbot.waitUntil(lambda: words in _error(dialog), timeout=TIMEOUT)
    assert dialog.isVisible() and _ok(dialog).isEnabled()
    return _error(dialog)


def _limits(db) -> list[int]:
    with db.read() as session:
        return list(session.scalars(select(ClassGroup.seat_limit).order_by(ClassGroup.id)))


def _standing(db, student_id) -> list[tuple[int, bool, str | None]]:
    with db.read() as session:
        return list(session.execute(
            select(Enrollment.group_id, Enrollment.over_limit, Enrollment.reason)
            .where(Enrollment.student_id == student_id, Enrollment.status == EnrollmentStatus.ACCEPTED)
        ).all())


def _line(view, group_id) -> GroupLine:
    return next(g for g in view.model.groups if g.id == group_id)


# --- the table ---------------------------------------------------------------------------------


def test_table_shows_limit_enrolled_free_and_flags_a_group_below_its_lower_limit(qtbot, app_context, db, admin):
    term, reg, first, second = _world(db)
    other = factories.course(db, "FIZ-201")
    factories.group(db, other, term, number=1, seat_limit=10)  # in the term, not offered by the registration
    enrollment.enroll(UnitOfWork(db, admin), factories.student(db), first, reason="r")
    for sid in factories.many_students(db, 3):
        enrollment.enroll(UnitOfWork(db, admin), sid, second, reason="r")
    with db.write() as session:
        session.add(TimetableSlot(group_id=first, weekday=1, starts_at=time(10, 15), ends_at=time(12, 30), room="123", building="B1"))

    view = _view(qtbot, app_context, reg)  # no term given: the view finds the registration's term
    assert view.term.currentData() == term
    lines = view.model.groups
    assert [(g.number, g.seat_limit, g.enrolled, g.free, g.below_lower_limit) for g in lines] == [
        (1, 2, 1, 1, True), (2, 3, 3, 0, False)]
    summary = view.summary.text()
    assert "2 groups" in summary and "5 seats" in summary and "4 enrolled" in summary
    assert "1 below the lower limit" in summary

    model = view.model
    at_risk, full = model.index(0, ENROLLED), model.index(1, ENROLLED)
    assert "may not run" in model.data(at_risk, Qt.ItemDataRole.ToolTipRole)
    assert model.data(at_risk, Qt.ItemDataRole.BackgroundRole).color() == AT_RISK
    assert model.data(full, Qt.ItemDataRole.BackgroundRole).color() == FULL
    assert model.data(full, Qt.ItemDataRole.BackgroundRole).color() != AT_RISK
    assert model.data(model.index(0, FILL), Qt.ItemDataRole.UserRole) == pytest.approx(0.5)
    assert model.data(model.index(1, FILL), Qt.ItemDataRole.UserRole) == pytest.approx(1.0)
    assert model.data(model.index(0, TIMETABLE)) == "Mon 10:15–12:30, 123 B1"

    # "All groups of the term" shows the course the registration does not offer too.
    assert view.registration.itemData(0) is None
    with qtbot.waitSignal(view.groupsLoaded, timeout=TIMEOUT):
        view.registration.setCurrentIndex(0)
    assert sorted(g.course_code for g in view.model.groups) == ["FIZ-201", "MAT-101", "MAT-101"]

    # The filter narrows the table in the model and says so.
    view.filter.setText("fiz")
    assert [g.course_code for g in view.model.groups] == ["FIZ-201"]
    assert "1 of 3" in view.summary.text()


def test_the_model_sorts_in_place_and_the_selection_follows(qtbot, app_context, db):
    term, reg, first, second = _world(db)
    view = _view(qtbot, app_context, reg, term)
    _select(qtbot, view, first)
    view.table.sortByColumn(FILL, Qt.SortOrder.DescendingOrder)  # the model sorts its list, no proxy
    assert view.table.model() is view.model
    assert [g.id for g in view.selected_groups()] == [first]
    view.table.sortByColumn(ENROLLED, Qt.SortOrder.AscendingOrder)
    assert [g.id for g in view.selected_groups()] == [first]


def test_choosing_a_term_lists_its_registrations_and_shows_all_its_groups(qtbot, app_context, db):
    term, reg, first, second = _world(db)
    summer = factories.term(db, "2027L", date(2027, 3, 1), date(2027, 6, 30))
    course = factories.course(db, "MAT-102")
    late = [factories.group(db, course, summer, number=n, seat_limit=10) for n in (1, 2, 3)]
    summer_reg = factories.registration(db, code="WMF-LATO", term_id=summer, course_ids=(course,))
    view = _view(qtbot, app_context, reg, term)
    with qtbot.waitSignal(view.groupsLoaded, timeout=TIMEOUT):
        view.set_term(summer)
    assert view.term.currentData() == summer and view.registration.currentData() is None
    assert [view.registration.itemData(i) for i in range(view.registration.count())] == [None, summer_reg]
    assert sorted(g.id for g in view.model.groups) == late
    view.select_groups(late[1:])
    with qtbot.waitSignal(view.groupsLoaded, timeout=TIMEOUT):
        view.set_registration(reg)  # back to the winter registration: the view switches the term
    assert view.term.currentData() == term and sorted(g.id for g in view.model.groups) == [first, second]
    assert view.selected_groups() == []


def test_model_without_widgets():
    from datetime import time as t

    from desk.groups import SlotLine

    def line(gid, code, number, limit, enrolled, lower=0):
        return GroupLine(gid, 1, code, f"Course {code}", "2026Z", ClassType.LAB, number, limit, lower, enrolled, 0, 1, (),
                         (SlotLine(3, t(8, 0), t(9, 30), None, None),))

    model = GroupTableModel()
    model.set_groups([line(1, "B", 1, 10, 10), line(2, "A", 2, 10, 1, lower=5), line(3, "A", 1, 0, 0)])
    assert [g.id for g in model.groups] == [3, 2, 1]
    model.sort(FILL, Qt.SortOrder.DescendingOrder)
    assert [g.id for g in model.groups][-1] == 2
    model.set_filter("b")
    assert [g.id for g in model.groups] == [1]
    assert model.headerData(ENROLLED, Qt.Orientation.Horizontal) == QCoreApplication.translate("GroupTableModel", "Enrolled")
    assert model.data(model.index(0, TIMETABLE)) == "Wed 08:00–09:30"


# --- limits ------------------------------------------------------------------------------------


def test_bulk_plus_five_on_two_selected_groups(qtbot, app_context, db):
    term, reg, first, second = _world(db)
    view = _view(qtbot, app_context, reg, term)
    view.table.selectAll()
    assert len(view.selected_groups()) == 2
    view.set_limit_button.click()
    dialog = _dialog(view, "setLimitDialog")
    assert _field(dialog, QRadioButton, "limitByDelta").isChecked()  # several groups: a change by default
    _field(dialog, QSpinBox, "limitDeltaField").setValue(5)
    assert "2 → 7" in _field(dialog, QLabel, "limitPreview").text()
    _field(dialog, QLineEdit, "reasonField").setText("większa sala")
    _accept_and_wait(qtbot, view, dialog)
    assert _limits(db) == [7, 8]
    assert [g.seat_limit for g in view.model.groups] == [7, 8]
    assert sorted(g.id for g in view.selected_groups()) == [first, second]  # the selection is kept


def test_a_limit_below_the_count_is_refused_showing_the_count_and_nothing_changes(qtbot, app_context, db, admin):
    term, reg, first, second = _world(db)
    for sid in factories.many_students(db, 2):
        enrollment.enroll(UnitOfWork(db, admin), sid, first, reason="r")
    view = _view(qtbot, app_context, reg, term)
    view.table.selectAll()
    view.set_limit_button.click()
    dialog = _dialog(view, "setLimitDialog")
    _field(dialog, QRadioButton, "limitToValue").setChecked(True)
    _field(dialog, QSpinBox, "limitValueField").setValue(1)
    assert "below the 2 enrolled" in _field(dialog, QLabel, "limitPreview").text()
    _field(dialog, QLineEdit, "reasonField").setText("mniejsza sala")
    message = _refused(qtbot, dialog, "students enrolled")
    assert "MAT-101 class 1: 2 students enrolled, limit asked 1" in message
    assert "Nothing was changed" in message
    assert _limits(db) == [2, 3]  # the second group, which could take 1, is unchanged too
    assert _field(dialog, QLineEdit, "reasonField").text() == "mniejsza sala"  # the input is kept
    dialog.reject()


def test_a_change_without_a_reason_is_refused_in_the_dialog(qtbot, app_context, db):
    term, reg, first, second = _world(db)
    view = _view(qtbot, app_context, reg, term)
    _select(qtbot, view, second)
    view.set_limit_button.click()
    dialog = _dialog(view, "setLimitDialog")
    _field(dialog, QSpinBox, "limitValueField").setValue(9)
    _refused(qtbot, dialog, "Say why")
    assert _field(dialog, QSpinBox, "limitValueField").value() == 9
    assert _limits(db) == [2, 3]
    dialog.reject()


def test_lower_limit_of_one_group(qtbot, app_context, db):
    term, reg, first, second = _world(db)
    view = _view(qtbot, app_context, reg, term)
    view.table.selectAll()
    assert not view.lower_limit_button.isEnabled()  # one group at a time
    _select(qtbot, view, second)
    view.lower_limit_button.click()
    dialog = _dialog(view, "lowerLimitDialog")
    _field(dialog, QSpinBox, "lowerLimitField").setValue(9)
    _field(dialog, QLineEdit, "reasonField").setText("minimum z regulaminu")
    assert "cannot exceed the seat limit" in _refused(qtbot, dialog, "seat limit")
    _field(dialog, QSpinBox, "lowerLimitField").setValue(1)
    _accept_and_wait(qtbot, view, dialog)
    assert _line(view, second).lower_limit == 1 and _line(view, second).below_lower_limit


# --- members: enroll, override, move, unenroll ----------------------------------------------------


def _pick(qtbot, dialog, text, student_id) -> None:
    _field(dialog, QLineEdit, "pickStudentField").setText(text)
    results = _field(dialog, QListWidget, "pickStudentResults")
    qtbot.waitUntil(lambda: results.currentItem() is not None
                    and results.currentItem().data(Qt.ItemDataRole.UserRole) == student_id, timeout=TIMEOUT)


def test_enrolling_a_student_through_the_dialog(qtbot, app_context, db):
    term, reg, first, second = _world(db)
    newcomer = factories.student(db, "Zofia", "Wójcik", number="555001")
    view = _view(qtbot, app_context, reg, term)
    _select(qtbot, view, second)
    assert view.members == [] and not view.unenroll_button.isEnabled()
    view.enroll_button.click()
    dialog = _dialog(view, "enrollDialog")
    assert not _field(dialog, QCheckBox, "overLimitBox").isEnabled()  # the group has room
    _pick(qtbot, dialog, "wojcik", newcomer)
    _field(dialog, QLineEdit, "reasonField").setText("zmiana kierunku")
    with qtbot.waitSignal(view.membersLoaded, timeout=TIMEOUT):
        _accept_and_wait(qtbot, view, dialog)
    assert _standing(db, newcomer) == [(second, False, "zmiana kierunku")]
    assert [m.student_number for m in view.members] == ["555001"]
    assert _line(view, second).enrolled == 1
    assert view.current_group.id == second and [g.id for g in view.selected_groups()] == [second]


def test_a_full_group_takes_a_student_only_with_the_override_box_ticked(qtbot, app_context, db, admin):
    term, reg, first, second = _world(db)
    for sid in factories.many_students(db, 2):
        enrollment.enroll(UnitOfWork(db, admin), sid, first, reason="r")
    newcomer = factories.student(db, "Zofia", "Wójcik", number="555001")
    view = _view(qtbot, app_context, reg, term)
    _select(qtbot, view, first)
    view.enroll_button.click()
    dialog = _dialog(view, "enrollDialog")
    box = _field(dialog, QCheckBox, "overLimitBox")
    assert box.isEnabled() and not box.isChecked()
    _pick(qtbot, dialog, "555001", newcomer)
    _field(dialog, QLineEdit, "reasonField").setText("decyzja prodziekana")
    assert "is full: 2 of 2" in _refused(qtbot, dialog, "full")
    assert _standing(db, newcomer) == []
    box.setChecked(True)
    with qtbot.waitSignal(view.membersLoaded, timeout=TIMEOUT):
        _accept_and_wait(qtbot, view, dialog)
    assert _standing(db, newcomer) == [(first, True, "decyzja prodziekana")]
    with db.read() as session:
        assert session.scalars(select(AuditEntry.action).where(AuditEntry.action == "enrollment.override")).one()
    assert (_line(view, first).enrolled, _line(view, first).seat_limit) == (3, 2)
    assert any(m.student_id == newcomer and m.over_limit for m in view.members)


def test_a_clash_is_refused_in_words_then_the_clerk_enrolls_despite_it(qtbot, app_context, db, admin):
    term, reg, first, second = _world(db)
    lecture = factories.group(db, factories.course(db, "FIZ-101"), term, seat_limit=50, class_type=ClassType.LECTURE)
    with db.write() as session:
        session.add_all([TimetableSlot(group_id=lecture, weekday=2, starts_at=time(10, 0), ends_at=time(11, 30)),
                         TimetableSlot(group_id=second, weekday=2, starts_at=time(11, 0), ends_at=time(12, 30))])
    newcomer = factories.student(db, "Zofia", "Wójcik", number="555001")
    enrollment.enroll(UnitOfWork(db, admin), newcomer, lecture, reason="plan")
    view = _view(qtbot, app_context, reg, term)
    _select(qtbot, view, second)
    view.enroll_button.click()
    dialog = _dialog(view, "enrollDialog")
    box = _field(dialog, QCheckBox, "despiteClashBox")
    assert not box.isEnabled()  # nothing has clashed yet
    _pick(qtbot, dialog, "555001", newcomer)
    _field(dialog, QLineEdit, "reasonField").setText("decyzja prodziekana")
    said = _refused(qtbot, dialog, "clashes")
    assert "FIZ-101 lecture 1" in said and "Tuesday, 11:00\u201311:30" in said
    assert box.isEnabled() and _standing(db, newcomer) == [(lecture, False, "plan")]
    box.setChecked(True)
    with qtbot.waitSignal(view.membersLoaded, timeout=TIMEOUT):
        _accept_and_wait(qtbot, view, dialog)
    with db.read() as session:
        assert session.scalars(select(Enrollment.despite_clash).where(Enrollment.group_id == second)).one() is True


def test_override_is_offered_when_the_group_fills_while_the_dialog_is_open(qtbot, app_context, db, admin):
    term, reg, first, second = _world(db)
    enrollment.enroll(UnitOfWork(db, admin), factories.student(db), first, reason="r")
    newcomer = factories.student(db, "Zofia", "Wójcik", number="555001")
    view = _view(qtbot, app_context, reg, term)
    _select(qtbot, view, first)
    view.enroll_button.click()
    dialog = _dialog(view, "enrollDialog")
    box = _field(dialog, QCheckBox, "overLimitBox")
    assert not box.isEnabled()
    enrollment.enroll(UnitOfWork(db, admin), factories.student(db, "Ewa", "Nowak"), first,
                      reason="someone else was quicker")
    _pick(qtbot, dialog, "555001", newcomer)
    _field(dialog, QLineEdit, "reasonField").setText("decyzja prodziekana")
    _refused(qtbot, dialog, "full")
    assert box.isEnabled()
    dialog.reject()


def test_moving_a_student_to_another_group(qtbot, app_context, db, admin):
    term, reg, first, second = _world(db)
    mover = factories.student(db, "Zofia", "Wójcik", number="555001")
    stayer = factories.student(db, "Adam", "Abacki", number="555002")
    for sid in (stayer, mover):
        enrollment.enroll(UnitOfWork(db, admin), sid, first, reason="r")
    with db.read() as session:
        course = session.get(ClassGroup, first).course_id
    factories.group(db, course, term, number=1, seat_limit=100, class_type=ClassType.LECTURE)  # not a place to move to
    view = _view(qtbot, app_context, reg, term)
    _select(qtbot, view, first)
    assert view.select_member(mover)
    view.move_button.click()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(QDialog, "moveDialog")), timeout=TIMEOUT)
    dialog = _dialog(view, "moveDialog")
    target = _field(dialog, QComboBox, "moveTargetChooser")
    assert target.count() == 1 and target.currentData() == second
    assert "3 free" in target.currentText()
    assert not _field(dialog, QCheckBox, "moveOverLimitBox").isEnabled()  # the target has room
    _field(dialog, QLineEdit, "reasonField").setText("kolizja w planie")
    with qtbot.waitSignal(view.membersLoaded, timeout=TIMEOUT):
        _accept_and_wait(qtbot, view, dialog)
    assert _standing(db, mover) == [(second, False, "kolizja w planie")]
    assert [(g.number, g.class_type, g.enrolled, g.free) for g in view.model.groups] == [
        (1, ClassType.CLASS, 1, 1), (2, ClassType.CLASS, 1, 2), (1, ClassType.LECTURE, 0, 100)]
    assert [m.student_id for m in view.members] == [stayer]  # the first group is still the one shown


def test_moving_into_a_full_group_needs_the_override(qtbot, app_context, db, admin):
    term, reg, first, second = _world(db)
    for sid in factories.many_students(db, 3, prefix="Full"):
        enrollment.enroll(UnitOfWork(db, admin), sid, second, reason="r")
    mover = factories.student(db, "Zofia", "Wójcik", number="555001")
    enrollment.enroll(UnitOfWork(db, admin), mover, first, reason="r")
    view = _view(qtbot, app_context, reg, term)
    _select(qtbot, view, first)
    view.move_button.click()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(QDialog, "moveDialog")), timeout=TIMEOUT)
    dialog = _dialog(view, "moveDialog")
    box = _field(dialog, QCheckBox, "moveOverLimitBox")
    assert box.isEnabled()
    _field(dialog, QLineEdit, "reasonField").setText("zgoda prowadzącego")
    _refused(qtbot, dialog, "full")
    assert _standing(db, mover) == [(first, False, "r")]  # both steps or neither
    box.setChecked(True)
    _accept_and_wait(qtbot, view, dialog)
    assert _standing(db, mover) == [(second, True, "zgoda prowadzącego")]


def test_unenrolling_with_the_delete_key(qtbot, app_context, db, admin):
    term, reg, first, second = _world(db)
    leaver = factories.student(db, "Zofia", "Wójcik", number="555001")
    enrollment.enroll(UnitOfWork(db, admin), leaver, second, reason="r")
    view = _view(qtbot, app_context, reg, term)
    _select(qtbot, view, second)
    assert view.select_member(leaver)
    qtbot.keyClick(view.members_table, Qt.Key.Key_Delete)
    dialog = _dialog(view, "unenrollDialog")
    assert "555001" in dialog.findChild(QLabel, "dialogIntro").text()
    _refused(qtbot, dialog, "Say why")  # no reason yet
    _field(dialog, QLineEdit, "reasonField").setText("rezygnacja")
    with qtbot.waitSignal(view.membersLoaded, timeout=TIMEOUT):
        _accept_and_wait(qtbot, view, dialog)
    assert _standing(db, leaver) == []
    assert _line(view, second).enrolled == 0 and view.members == []
    assert not view.unenroll_button.isEnabled()


def test_a_course_with_one_group_has_nowhere_to_move_to(qtbot, app_context, db, admin):
    term = factories.term(db)
    course = factories.course(db, "WF-1")
    only = factories.group(db, course, term, number=1, seat_limit=5, class_type=ClassType.PE)
    reg = factories.registration(db, code="WF", term_id=term, course_ids=(course,))
    enrollment.enroll(UnitOfWork(db, admin), factories.student(db), only, reason="r")
    view = _view(qtbot, app_context, reg, term)
    _select(qtbot, view, only)
    view.move_button.click()
    qtbot.waitUntil(lambda: view.last_message is not None and view.last_message.isVisible(), timeout=TIMEOUT)
    assert "no other group" in view.last_message.text()
    view.last_message.button(QMessageBox.StandardButton.Ok).click()


# --- keyboard, names, roles ----------------------------------------------------------------------


def test_enter_in_the_table_shows_the_members(qtbot, app_context, db, admin):
    term, reg, first, second = _world(db)
    enrollment.enroll(UnitOfWork(db, admin), factories.student(db), second, reason="r")
    view = _view(qtbot, app_context, reg, term)
    view.table.selectAll()
    view.table.selectionModel().setCurrentIndex(view.model.index(view.model.row_of(second), 0),
                                                 view.table.selectionModel().SelectionFlag.NoUpdate)
    assert len(view.selected_groups()) == 2 and view.members == []
    with qtbot.waitSignal(view.membersLoaded, timeout=TIMEOUT):
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert [g.id for g in view.selected_groups()] == [second] and len(view.members) == 1


def test_every_control_is_named_and_every_button_has_a_mnemonic(qtbot, app_context, db):
    term, reg, first, second = _world(db)
    view = _view(qtbot, app_context, reg, term)
    interactive = [w for w in view.findChildren(QWidget) if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisible()
                   and w.parent() is not None and type(w).__name__ not in ("QWidget", "QScrollBar", "QSplitterHandle")]
    assert interactive
    for widget in interactive:
        if widget.parent() in interactive:
            continue  # inner parts of a control (a table's viewport, a combo's line edit)
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()
    buttons = view.findChildren(QAbstractButton)
    assert {b.objectName() for b in buttons} >= {"setLimitButton", "lowerLimitButton", "refreshGroupsButton",
                                                  "enrollButton", "unenrollButton", "moveButton"}
    keys = [b.text().split("&", 1)[1][0].lower() for b in buttons if b.isVisible()]
    assert all("&" in b.text() for b in buttons if b.isVisible())
    assert len(keys) == len(set(keys))


def test_a_role_that_may_not_change_groups_sees_them_without_changing(qtbot, db, admin, tasks):
    from ui.context import AppContext

    term, reg, first, second = _world(db)
    service = factories.staff(db, "cos", Role.SERVICE_CENTER)
    view = _view(qtbot, AppContext(db, service, tasks), reg, term)
    _select(qtbot, view, first)
    for button in (view.set_limit_button, view.lower_limit_button, view.enroll_button):
        assert not button.isEnabled()
    view.set_limit()
    assert not view.findChildren(QDialog, "setLimitDialog")


def test_a_clerk_may_change_the_limits_of_their_own_units_groups_only(qtbot, db, tasks):
    from ui.context import AppContext

    term = factories.term(db)
    other = factories.group(db, factories.course(db, "MAT-101"), term, number=1, seat_limit=2)  # WMF's
    own_course = factories.course(db, "PRA-101", unit_code="WPA")
    own = factories.group(db, own_course, term, number=1, seat_limit=10)
    reg = factories.registration(db, code="WMF-OGU", term_id=term,
                                 course_ids=(own_course, factories.course(db, "MAT-101")))
    clerk = factories.staff(db, "dziekanat", Role.CLERK, ("WPA",))
    view = _view(qtbot, AppContext(db, clerk, tasks), reg, term)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=TIMEOUT)

    _select(qtbot, view, own)
    assert view.set_limit_button.isEnabled() and view.lower_limit_button.isEnabled()

    _select(qtbot, view, other)
    assert not view.set_limit_button.isEnabled() and not view.lower_limit_button.isEnabled()
    assert "the unit it belongs to" in view.set_limit_button.toolTip()
    view.set_limit()
    view.set_lower_limit()
    assert not view.findChildren(QDialog, "setLimitDialog") and not view.findChildren(QDialog, "lowerLimitDialog")

    view.select_groups([own, other])  # all or nothing: one group of another unit among them is enough
    assert len(view.selected_groups()) == 2
    assert not view.set_limit_button.isEnabled()

    _select(qtbot, view, own)  # and back: the buttons and their own tooltips return
    assert view.set_limit_button.isEnabled()
    assert "the unit it belongs to" not in view.set_limit_button.toolTip()


def _active_in_the_filter(qtbot, context) -> GroupsView:
    """A view just opened in an active window, the keyboard in its course filter."""
    view = GroupsView(context)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=TIMEOUT)
    view.filter.setFocus()
    return view


@contextmanager
def _down_while_the_groups_come(qtbot, app_context, db):
    """A groups view just opened, the keyboard in its filter: the registration chosen and Down pressed while its
    groups are still on their way; the block runs before they come, and the view and the first group's id are given."""
    view = _active_in_the_filter(qtbot, app_context)
    # The view opened on a university with no groups yet: however long the window took to be activated (under
    # load, long enough for the view's first lists to arrive), no group is on the screen before the chosen ones.
    qtbot.waitUntil(lambda: view._terms_loaded and not view._registrations_loading, timeout=TIMEOUT)
    term, reg, first, _second = _world(db)
    with qtbot.waitSignal(view.groupsLoaded, timeout=TIMEOUT):
        view.set_registration(reg, term)
        assert view.model.rowCount() == 0  # the groups are still on their way
        qtbot.keyClick(view.filter, Qt.Key.Key_Down)
        yield view, first


def test_down_in_the_filter_before_the_groups_come_chooses_the_first_when_they_do(qtbot, app_context, db):
    """A clerk typing ahead in a view just opened: Down in the course filter is not lost while the groups load."""
    from PySide6.QtWidgets import QApplication

    with _down_while_the_groups_come(qtbot, app_context, db) as (view, first):
        pass
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=TIMEOUT)
    assert QApplication.focusWidget() is view.table
    assert view.current_group is not None and view.current_group.id == first
    assert view.set_limit_button.isEnabled()  # the clerk's next key (Alt+L) finds a group chosen


def test_the_course_name_keeps_room_beside_a_long_timetable_on_a_laptop_screen(qtbot, app_context, db):
    """A whole term at 1366 pixels: the timetable and the teachers took their widest widths and
    squeezed the course name, which takes what is left, to a few letters."""
    from desk.model import GroupTeacher
    from ui.models.group_table_model import NAME, TEACHERS

    term = factories.term(db)
    course = factories.course(db, "WF-ENG-ADV-SEMINAR-2026")
    group = factories.group(db, course, term, number=1, seat_limit=20)
    with db.write() as session:
        for weekday in (1, 3, 5):
            session.add(TimetableSlot(group_id=group, weekday=weekday, starts_at=time(10, 15), ends_at=time(12, 30),
                                      room="A-123", building="Collegium Novum, budynek dydaktyczny"))
    for first, last in (("Małgorzata", "Wiśniewska-Kowalczyk"), ("Krzysztof", "Zieliński-Nowakowski")):
        person = factories.staff_person(db, first, last)
        with db.write() as session:
            session.add(GroupTeacher(group_id=group, person_id=person))
    reg = factories.registration(db, code="WF-SEM", term_id=term, course_ids=(course,))
    view = GroupsView(app_context)
    qtbot.addWidget(view)
    view.resize(1366 - 260, 700)  # beside the window's list of views
    view.show()
    view.set_registration(reg, term)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: view.table.viewport().width() > 0, timeout=TIMEOUT)
    em = view.fontMetrics().horizontalAdvance("M")
    assert view.table.columnWidth(NAME) >= 14 * em, [view.table.columnWidth(c) for c in range(view.model.columnCount())]
    assert view.table.columnWidth(TEACHERS) > 0, view.table.viewport().width()
    view.resize(760, 700)  # narrower than the other columns: the name keeps its room, the table scrolls sideways
    qtbot.waitUntil(lambda: view.table.horizontalScrollBar().maximum() > 0, timeout=TIMEOUT)
    assert view.table.columnWidth(NAME) >= 14 * em
    view.resize(1366 - 260, 700)  # and wide again: it stretches into what is left, with nothing to scroll
    qtbot.waitUntil(lambda: view.table.horizontalScrollBar().maximum() == 0, timeout=TIMEOUT)
    assert view.table.columnWidth(NAME) >= 14 * em


def test_the_limit_asked_for_before_the_groups_came_opens_for_the_first_one_when_they_come(qtbot, app_context, db):
    """A clerk typing ahead in a view just opened: Down was kept until the groups came, but Alt+L met a
    disabled button and was lost (the real-window walkthrough under load)."""
    with _down_while_the_groups_come(qtbot, app_context, db) as (view, first):
        assert view.set_limit_button.isEnabled()  # Alt+L is taken, not lost
        view.set_limit_button.click()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(QDialog, "setLimitDialog")), timeout=TIMEOUT)
    assert [g.id for g in view.selected_groups()] == [first]
    _dialog(view, "setLimitDialog").reject()
