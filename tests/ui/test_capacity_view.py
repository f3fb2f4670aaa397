"""The capacity view: the table of a registration's groups, limits in bulk, enroll, override, move, unenroll."""

from __future__ import annotations

from sqlalchemy import select

from desk import enrollment
from desk.model import ClassGroup, Enrollment, EnrollmentStatus
from desk.unit_of_work import UnitOfWork
from tests import factories
from ui.views.group_dialogs import EnrollDialog, MoveDialog, SetLimitDialog
from ui.views.groups import GroupsView


def _world(db):
    term = factories.term(db)
    course = factories.course(db, "MAT-101")
    first = factories.group(db, course, term, number=1, seat_limit=2, lower_limit=2)
    second = factories.group(db, course, term, number=2, seat_limit=3)
    reg = factories.registration(db, code="WMF-OGU", term_id=term, course_ids=(course,))
    return term, reg, first, second


def _view(qtbot, app_context, term, reg) -> GroupsView:
    view = GroupsView(app_context)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.registration.count() > 1, timeout=10_000)
    with qtbot.waitSignal(view.groupsLoaded, timeout=10_000):
        view.set_registration(reg, term)
    return view


def _limits(db):
    with db.read() as session:
        return [g.seat_limit for g in session.scalars(select(ClassGroup).order_by(ClassGroup.id))]


def test_table_shows_counts_and_flags_groups_below_the_lower_limit(qtbot, app_context, db, admin):
    term, reg, first, second = _world(db)
    enrollment.enroll(UnitOfWork(db, admin), factories.student(db), first, reason="r")
    view = _view(qtbot, app_context, term, reg)
    lines = view.model.groups
    assert [(g.number, g.enrolled, g.free, g.below_lower_limit) for g in lines] == [(1, 1, 1, True), (2, 0, 3, False)]
    assert "1 below the lower limit" in view.summary.text()
    assert "may not run" in view.model.data(view.model.index(0, 0), 3)  # the tooltip


def _run_dialog(qtbot, view, kind, fill, trigger):
    trigger()
    dialog = view.last_dialog
    assert isinstance(dialog, kind) and dialog.isVisible()
    fill(dialog)
    with qtbot.waitSignal(dialog.succeeded, timeout=10_000):
        dialog.buttons.accepted.emit()
    return dialog


def test_bulk_plus_five_on_two_groups(qtbot, app_context, db):
    term, reg, first, second = _world(db)
    view = _view(qtbot, app_context, term, reg)
    view.table.selectAll()

    def fill(dialog):
        dialog.by_delta.setChecked(True)
        dialog.delta.setValue(5)
        dialog.reason.setText("większa sala")

    _run_dialog(qtbot, view, SetLimitDialog, fill, view.set_limit_button.click)
    assert _limits(db) == [7, 8]
    qtbot.waitUntil(lambda: [g.seat_limit for g in view.model.groups] == [7, 8], timeout=10_000)


def test_limit_below_the_count_is_refused_showing_it(qtbot, app_context, db, admin):
    term, reg, first, second = _world(db)
    for sid in factories.many_students(db, 2):
        enrollment.enroll(UnitOfWork(db, admin), sid, first, reason="r")
    view = _view(qtbot, app_context, term, reg)
    view.select_group(first)
    view.set_limit_button.click()
    dialog = view.last_dialog
    dialog.to_value.setChecked(True)
    dialog.value.setValue(1)
    dialog.reason.setText("mniejsza sala")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)
    assert "2 students enrolled" in dialog.error.text() and dialog.isVisible()
    assert _limits(db) == [2, 3]
    dialog.reject()


def test_enroll_full_group_only_with_override_then_move_and_unenroll(qtbot, app_context, db, admin):
    term, reg, first, second = _world(db)
    for sid in factories.many_students(db, 2):
        enrollment.enroll(UnitOfWork(db, admin), sid, first, reason="r")
    newcomer = factories.student(db, "Zofia", "Wójcik", number="555001")
    view = _view(qtbot, app_context, term, reg)
    with qtbot.waitSignal(view.membersLoaded, timeout=10_000):
        view.select_group(first)
    view.enroll_button.click()
    dialog = view.last_dialog
    assert isinstance(dialog, EnrollDialog) and dialog.over_limit.isEnabled()
    dialog.picker.field.setText("555001")
    qtbot.waitUntil(lambda: dialog.picker.student_id == newcomer, timeout=10_000)
    dialog.reason.setText("decyzja prodziekana")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "full" in dialog.error.text(), timeout=10_000)
    dialog.over_limit.setChecked(True)
    with qtbot.waitSignal(view.groupsLoaded, timeout=10_000):
        dialog.buttons.accepted.emit()
    with db.read() as session:
        row = session.scalars(select(Enrollment).where(Enrollment.student_id == newcomer)).one()
        assert row.over_limit and row.reason == "decyzja prodziekana"

    qtbot.waitUntil(lambda: any(m.student_id == newcomer for m in view.members), timeout=10_000)
    view.members_table.selectRow(next(i for i, m in enumerate(view.members) if m.student_id == newcomer))

    def move(dialog):
        assert isinstance(dialog, MoveDialog)
        dialog.target.setCurrentIndex(0)
        dialog.reason.setText("kolizja w planie")

    view.move_button.click()
    qtbot.waitUntil(lambda: isinstance(getattr(view, "last_dialog", None), MoveDialog), timeout=10_000)
    move(view.last_dialog)
    with qtbot.waitSignal(view.groupsLoaded, timeout=10_000):
        view.last_dialog.buttons.accepted.emit()
    with db.read() as session:
        standing = session.scalars(select(Enrollment.group_id).where(
            Enrollment.student_id == newcomer, Enrollment.status == EnrollmentStatus.ACCEPTED)).one()
    assert standing == second

    view.table.clearSelection()
    view.select_group(second)
    qtbot.waitUntil(lambda: view.current_group is not None and view.current_group.id == second and bool(view.members), timeout=10_000)
    view.members_table.selectRow(0)
    view.unenroll_button.click()
    dialog = view.last_dialog
    dialog.reason.setText("rezygnacja")
    with qtbot.waitSignal(view.groupsLoaded, timeout=10_000):
        dialog.buttons.accepted.emit()
    assert [g.enrolled for g in view.model.groups] == [2, 0]
