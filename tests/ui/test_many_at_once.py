"""Acting on many at once, as a clerk does it: all the selected sync conflicts settled with one reason, the selected
students of a group moved or unenrolled together, and the class groups filtered by how full they are."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLineEdit, QMessageBox
from sqlalchemy import func, select

from desk import enrollment, history
from desk.model import AuditEntry, ClassGroup, Enrollment, EnrollmentStatus, Role, SyncConflict
from desk.sync_conflicts import record_conflict
from desk.unit_of_work import UnitOfWork
from tests import factories
from ui.context import AppContext
from ui.models.group_table_model import Capacity
from ui.views.groups import GroupsView
from ui.views.sync_view import SyncView

TIMEOUT = 10_000
_ROW = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows


# --- sync conflicts -------------------------------------------------------------------------------


def _conflicts(db, count: int, *, unit_code: str = "WMF", start: int = 1) -> tuple[int, list[int]]:
    """``count`` students whose registration for a full group came back from the portal as conflicts."""
    term = factories.term(db)
    course = factories.course(db, f"C-{unit_code}", unit_code=unit_code)
    group = factories.group(db, course, term, number=start, seat_limit=1)
    students = factories.many_students(db, count, prefix=f"Late{unit_code}")
    for index, student_id in enumerate(students, start=start):
        record_conflict(db, {"action_key": f"portal-{unit_code}-{index}", "kind": "register", "student_id": student_id,
                             "group_id": group, "registration_id": None}, [], None)
    return group, students


def _sync_view(qtbot, context) -> SyncView:
    view = SyncView(context)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    qtbot.waitUntil(lambda: view.overview is not None, timeout=TIMEOUT)
    return view


def _open_conflicts(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved_at.is_(None)))


def test_ctrl_a_and_one_reason_dismiss_every_conflict_in_one_change_set(qtbot, app_context, db, admin):
    _conflicts(db, 12)
    view = _sync_view(qtbot, app_context)
    assert view.conflicts_table.rowCount() == 12
    view.conflicts_table.setFocus()
    qtbot.keyClick(view.conflicts_table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(view.conflicts_table.selectionModel().selectedRows()) == 12
    assert view.dismiss_button.isEnabled()
    view.dismiss_button.click()
    dialog = view.last_dialog
    assert dialog.objectName() == "dismissConflictsDialog"
    assert "12 conflicts" in dialog.intro.text() and "and 4 more" in dialog.intro.text()  # eight named, the rest counted
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.text().replace("&", "") == "Dismiss 12 conflicts"
    ok.click()  # no reason: refused in the dialog, nothing settled
    qtbot.waitUntil(lambda: "Say why" in dialog.error.text(), timeout=TIMEOUT)
    assert dialog.isVisible() and _open_conflicts(db) == 12
    dialog.reason.setText("studenci poinformowani mailowo")
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
        ok.click()
    qtbot.waitUntil(lambda: view.last_message is not None and view.last_message.isVisible(), timeout=TIMEOUT)
    assert view.last_message.text() == "12 conflicts dismissed."
    assert view.conflicts_table.rowCount() == 0 and _open_conflicts(db) == 0
    head = history.history(UnitOfWork(db, admin))[0]
    assert head.is_change_set and head.rows == 12
    assert head.description == "Selected sync conflicts dismissed at once (selected: 12)"


def test_conflicts_of_another_unit_are_named_in_the_result_and_stay_open(qtbot, db, admin, tasks):
    _conflicts(db, 2, unit_code="WMF")
    _conflicts(db, 1, unit_code="WH", start=5)
    clerk = factories.staff(db, "swoj", Role.CLERK, ("WMF",))
    view = _sync_view(qtbot, AppContext(db, clerk, tasks))
    view.conflicts_table.selectAll()
    assert view.dismiss_button.isEnabled()  # some are the clerk's own
    view.dismiss_button.click()
    dialog = view.last_dialog
    dialog.reason.setText("inna grupa zaproponowana")
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: view.last_message is not None and view.last_message.isVisible(), timeout=TIMEOUT)
    text = view.last_message.text()
    assert text.startswith("2 conflicts dismissed.\n1 selected ")  # "was not, and stays as it was:" (English forms)
    assert "LateWH00000" in text and "not one of your units" in text
    assert view.last_message.icon() == QMessageBox.Icon.Warning
    assert view.conflicts_table.rowCount() == 1 and _open_conflicts(db) == 1


def test_several_conflicts_are_enrolled_over_the_limit_with_progress(qtbot, app_context, db):
    group, students = _conflicts(db, 3)
    view = _sync_view(qtbot, app_context)
    view.conflicts_table.selectAll()
    view.enroll_button.click()
    dialog = view.last_dialog
    assert dialog.objectName() == "enrollConflictsOverLimitDialog"
    dialog.reason.setText("decyzja prodziekana")
    steps = []
    dialog.progress.valueChanged.connect(steps.append)
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT) as blocker:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert blocker.args[0].done and len(blocker.args[0].done) == 3
    assert steps and steps[-1] == 3 and dialog.progress.maximum() == 3
    with db.read() as session:
        row = session.get(ClassGroup, group)
        assert (row.enrolled_count, row.over_limit_count) == (3, 2)
    qtbot.waitUntil(lambda: view.last_message is not None, timeout=TIMEOUT)
    assert view.last_message.text() == "3 conflicts settled by enrolling the students over the limit."


def test_one_conflict_selected_keeps_its_own_dialog(qtbot, app_context, db):
    _conflicts(db, 2)
    view = _sync_view(qtbot, app_context)
    view.conflicts_table.clearSelection()
    view.conflicts_table.selectionModel().select(view.conflicts_table.model().index(1, 0), _ROW)
    view.dismiss_button.click()
    assert view.last_dialog.objectName() == "dismissConflictDialog"


# --- the students of a group ------------------------------------------------------------------


def _world(db):
    """MAT-101 class 1 (limit 10) and class 2 (limit 2), offered by WMF-OGU."""
    term = factories.term(db)
    course = factories.course(db, "MAT-101")
    first = factories.group(db, course, term, number=1, seat_limit=10)
    second = factories.group(db, course, term, number=2, seat_limit=2)
    reg = factories.registration(db, code="WMF-OGU", term_id=term, course_ids=(course,))
    return term, reg, first, second


def _groups_view(qtbot, context, reg, term) -> GroupsView:
    view = GroupsView(context)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.set_registration(reg, term)
    qtbot.waitUntil(lambda: view.registration.currentData() == reg and view.model.rowCount() > 0, timeout=TIMEOUT)
    return view


def _members_of(qtbot, view, group_id) -> None:
    with qtbot.waitSignal(view.membersLoaded, timeout=TIMEOUT):
        assert view.select_group(group_id)


def _dialog(view, name: str) -> QDialog:
    shown = [d for d in view.findChildren(QDialog, name) if d.isVisible()]
    assert len(shown) == 1, name
    return shown[0]


def _standing(db, group_id) -> set[int]:
    with db.read() as session:
        return set(session.scalars(select(Enrollment.student_id).where(
            Enrollment.group_id == group_id, Enrollment.status == EnrollmentStatus.ACCEPTED)))


def _number(db, student_id) -> str:
    from desk.model import Student

    with db.read() as session:
        return session.get(Student, student_id).student_number


def _enrolled(db, admin, group_id, count, prefix) -> list[int]:
    students = factories.many_students(db, count, prefix=prefix)
    for student_id in students:
        enrollment.enroll(UnitOfWork(db, admin), student_id, group_id, reason="r")
    return students


def test_three_selected_students_move_at_once_and_the_one_without_a_place_is_named(qtbot, app_context, db, admin):
    term, reg, first, second = _world(db)
    movers = _enrolled(db, admin, first, 4, "Mover")  # Mover00000 … Mover00003, in this order in the table
    view = _groups_view(qtbot, app_context, reg, term)
    _members_of(qtbot, view, first)
    table = view.members_table
    table.clearSelection()  # (selectRow would follow the modifier keys a test before left pressed)
    for row in (0, 1, 2):
        table.selectionModel().select(table.model().index(row, 0), _ROW)
    assert len(view.selected_members()) == 3 and view.move_button.isEnabled() and view.unenroll_button.isEnabled()
    view.move_button.click()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(QDialog, "moveManyDialog")), timeout=TIMEOUT)
    dialog = _dialog(view, "moveManyDialog")
    assert "Move these 3 students" in dialog.intro.text() and "Mover00002" in dialog.intro.text()
    target = dialog.findChild(QComboBox, "moveTargetChooser")
    assert target.currentData() == second and "2 free" in target.currentText()
    # The preview first: who goes, who stays and why, the target's seats; the override once someone stays for want of one.
    qtbot.waitUntil(lambda: dialog.preview.plan is not None, timeout=TIMEOUT)
    assert "3 selected students, 2 would move to MAT-101 class 2 and 1 would stay" in dialog.preview.status.text()
    preview = dialog.preview.table
    assert [preview.item(row, 2).text() for row in range(preview.rowCount())][:2] == ["MAT-101 class 2"] * 2
    assert preview.item(2, 2).text().startswith("stays — ") and "is full" in preview.item(2, 2).text()
    assert "MAT-101 class 2: 2 → 0" in dialog.preview.targets.text()
    assert "No one would gain a seat from a waiting list." in dialog.preview.effects.text()
    assert dialog.findChild(QCheckBox, "moveOverLimitBox").isEnabled()  # three students, two places
    dialog.findChild(QLineEdit, "reasonField").setText("kolizja w planie")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.text().replace("&", "") == "Move 3 students"
    with qtbot.waitSignal(view.membersLoaded, timeout=TIMEOUT):
        ok.click()
    qtbot.waitUntil(lambda: view.last_message is not None and view.last_message.isVisible(), timeout=TIMEOUT)
    text = view.last_message.text()
    assert text.startswith("2 students moved to MAT-101 class 2.\n1 selected ")
    assert text.endswith("Jan Mover00002 (%s): Group MAT-101 class 2 is full: 2 of 2 places taken." % _number(db, movers[2]))
    assert view.last_message.icon() == QMessageBox.Icon.Warning
    assert _standing(db, second) == set(movers[:2]) and _standing(db, first) == set(movers[2:])
    head = history.history(UnitOfWork(db, admin))[0]
    assert head.is_change_set and head.rows == 4  # two moves: each a cancel and a new place
    assert head.action == "enrollment.move_planned"  # exactly the plan previewed


def test_selected_students_unenrolled_at_once_with_the_delete_key(qtbot, app_context, db, admin):
    term, reg, first, _second = _world(db)
    students = _enrolled(db, admin, first, 4, "Leaver")
    view = _groups_view(qtbot, app_context, reg, term)
    _members_of(qtbot, view, first)
    view.members_table.setFocus()
    view.members_table.selectAll()
    qtbot.keyClick(view.members_table, Qt.Key.Key_Delete)
    dialog = _dialog(view, "unenrollManyDialog")
    assert "these 4 students out of MAT-101 class 1" in dialog.intro.text()
    dialog.findChild(QLineEdit, "reasonField").setText("rezygnacja")
    with qtbot.waitSignal(view.membersLoaded, timeout=TIMEOUT):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: view.last_message is not None and view.last_message.isVisible(), timeout=TIMEOUT)
    assert view.last_message.text() == "4 students unenrolled from MAT-101 class 1."
    assert _standing(db, first) == set() and view.members == [] and students
    with db.read() as session:
        assert session.get(ClassGroup, first).enrolled_count == 0
        heads = session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "enrollment.cancel_many"))
    assert heads == 1


def test_cancelling_a_run_changes_nothing(qtbot, app_context, db, admin, monkeypatch):
    term, reg, first, _second = _world(db)
    students = _enrolled(db, admin, first, 3, "Stayer")
    view = _groups_view(qtbot, app_context, reg, term)
    _members_of(qtbot, view, first)
    view.members_table.selectAll()
    view.unenroll_button.click()
    dialog = _dialog(view, "unenrollManyDialog")
    dialog.findChild(QLineEdit, "reasonField").setText("pomyłka")
    real = enrollment.unenroll

    def the_clerk_cancels_midway(uow, enrollment_id, **kwargs):
        dialog._cancelling = True  # as Cancel (or Escape) does while it runs
        return real(uow, enrollment_id, **kwargs)

    monkeypatch.setattr(enrollment, "unenroll", the_clerk_cancels_midway)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "nothing was changed" in dialog.error.text(), timeout=TIMEOUT)
    assert dialog.isVisible() and not dialog.running
    assert _standing(db, first) == set(students)


# --- the capacity filter ------------------------------------------------------------------------


def test_each_capacity_filter_shows_exactly_its_groups(qtbot, app_context, db, admin):
    term = factories.term(db)
    course = factories.course(db, "FIL-1")
    made = {}
    for number, (limit, lower, enrolled) in enumerate(((10, 0, 10),   # full
                                                        (10, 0, 9),    # 90%: nearly full
                                                        (20, 0, 17),   # 85%: neither
                                                        (10, 5, 4),    # below its lower limit
                                                        (0, 0, 0),     # a zero limit: full
                                                        (10, 3, 3)),   # at its lower limit: not below
                                                       start=1):
        group = factories.group(db, course, term, number=number, seat_limit=limit, lower_limit=lower)
        for student_id in factories.many_students(db, enrolled, prefix=f"G{number}-"):
            enrollment.enroll(UnitOfWork(db, admin), student_id, group, reason="r")
        made[number] = group
    reg = factories.registration(db, code="FIL", term_id=term, course_ids=(course,))
    view = _groups_view(qtbot, app_context, reg, term)
    chooser = view.capacity
    assert [chooser.itemText(i) for i in range(chooser.count())] == [
        "All groups", "Full", "Nearly full (≥ 90%)", "Below the lower limit"]
    expected = {Capacity.ALL: {1, 2, 3, 4, 5, 6}, Capacity.FULL: {1, 5}, Capacity.NEARLY_FULL: {1, 2, 5},
                Capacity.BELOW_LOWER_LIMIT: {4}}
    for capacity, numbers in expected.items():
        chooser.setCurrentIndex(chooser.findData(capacity))
        assert {g.number for g in view.model.groups} == numbers, capacity
        assert {view.model.group_at(r).id for r in range(view.model.rowCount())} == {made[n] for n in numbers}
    chooser.setCurrentIndex(chooser.findData(Capacity.FULL))
    assert view.summary.text().startswith("2 of 6 groups (filtered)")
    view.filter.setText("nothing like it")  # the text filter and the capacity filter together
    assert view.model.rowCount() == 0
    view.filter.clear()
    _reload = view.groupsLoaded
    with qtbot.waitSignal(_reload, timeout=TIMEOUT):
        view.reload()
    assert {g.number for g in view.model.groups} == {1, 5}  # kept across a reload
