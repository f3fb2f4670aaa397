"""Closing a group, moving many students and changing a limit, each with its preview before it is applied; a group's
waiting list reordered and pruned, by keyboard as a clerk does it."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QSpinBox
from sqlalchemy import select

from desk import closures, enrollment, waiting_lists
from desk.clock import now_utc
from desk.model import ClassGroup, Level, Registration
from desk.unit_of_work import SystemJob, UnitOfWork
from tests import factories
from tests.ui.test_dedicated_seats_view import _active, _opened, _submit, _type
from tests.ui.test_groups_view import TIMEOUT, _error, _field, _line, _select, _view
from ui.models.group_table_model import FILL, ClosedRole

ALT = Qt.KeyboardModifier.AltModifier


def _world(db, admin):
    """MAT-101 class 1 (3 students, lower limit 5: too few to run), class 2 (limit 3, one seat taken) and class 3
    (limit 4), offered by WMF-OGU."""
    term = factories.term(db)
    course = factories.course(db, "MAT-101")
    small = factories.group(db, course, term, number=1, seat_limit=10, lower_limit=5)
    second = factories.group(db, course, term, number=2, seat_limit=3)
    third = factories.group(db, course, term, number=3, seat_limit=4)
    reg = factories.registration(db, code="WMF-OGU", term_id=term, course_ids=(course,))
    students = [factories.student(db, f"Mały{i}", number=f"71000{i}") for i in range(3)]
    for student in students:
        enrollment.enroll(UnitOfWork(db, admin), student, small, reason="r")
    enrollment.enroll(UnitOfWork(db, admin), factories.student(db, "Już"), second, reason="r")
    return term, reg, small, second, third, students


def _closed_at(db, group_id):
    with db.read() as session:
        return session.get(ClassGroup, group_id).closed_at


def _preview_rows(preview) -> list[tuple[str, str]]:
    table = preview.table
    return [(table.item(row, 0).text(), table.item(row, 2).text()) for row in range(table.rowCount())]


# --- closing a group ---------------------------------------------------------------------------------------


def test_the_clerk_closes_a_group_by_keyboard_after_its_preview_and_opens_it_again(qtbot, app_context, db, admin):
    term, reg, small, second, third, students = _world(db, admin)
    view = _view(qtbot, app_context, reg, term)
    _select(qtbot, view, small)
    view.table.setFocus()
    _active(qtbot, view)
    assert view.close_button.isEnabled() and view.close_button.text() == "Close th&is group…"
    qtbot.keyClick(view.table, Qt.Key.Key_I, ALT)  # Close th&is group…
    dialog = _opened(qtbot, view, "closeGroupDialog")
    assert dialog.windowTitle() == "Close group — MAT-101 class 1"
    qtbot.waitUntil(lambda: dialog.preview.plan is not None, timeout=TIMEOUT)

    # Each student to the sibling with the most free seats as the plan fills them; the siblings' seats before → after.
    preview = dialog.preview
    assert "Of its 3 students, 3 would move to the other groups of the course and 0 would stay" in preview.status.text()
    assert _preview_rows(preview) == [("710000", "MAT-101 class 3"), ("710001", "MAT-101 class 3"),
                                      ("710002", "MAT-101 class 2")]
    assert "MAT-101 class 2: 2 → 1" in preview.targets.text() and "MAT-101 class 3: 4 → 2" in preview.targets.text()
    assert "3 students moved" in preview.effects.text()
    assert "No one would gain a seat from a waiting list." in preview.effects.text()
    assert QApplication.focusWidget() is _field(dialog, QLineEdit, "reasonField")  # read, say why, Enter

    qtbot.keyClicks(QApplication.focusWidget(), "za malo chetnych")
    with qtbot.waitSignal(view.groupsLoaded, timeout=TIMEOUT):
        _submit(qtbot, dialog)
    assert not dialog.isVisible(), _error(dialog)
    assert _closed_at(db, small) is not None
    assert (_line(view, second).enrolled, _line(view, third).enrolled) == (2, 2)

    # The closed group stays in the table, greyed, "closed" where its fill was, the tooltip saying why.
    model, row = view.model, view.model.row_of(small)
    assert _line(view, small).closed and _line(view, small).enrolled == 0
    assert model.data(model.index(row, FILL)) == "closed" and model.data(model.index(row, FILL), ClosedRole)
    assert "it takes no one" in model.data(model.index(row, FILL), Qt.ItemDataRole.ToolTipRole)
    assert not _line(view, small).below_lower_limit  # not at risk: it does not run already
    assert "1 closed" in view.summary.text()

    # Open again replaces Close for it, on the same Alt+letter.
    assert [g.id for g in view.selected_groups()] == [small]
    assert view.close_button.text() == "Open aga&in…"
    assert not view.enroll_button.isEnabled() and "open it again" in view.enroll_button.toolTip()
    _active(qtbot, view)
    qtbot.keyClick(view.table, Qt.Key.Key_I, ALT)
    reopen = _opened(qtbot, view, "reopenGroupDialog")
    _type(qtbot, reopen, Qt.Key.Key_R, "jednak ruszy")
    with qtbot.waitSignal(view.groupsLoaded, timeout=TIMEOUT):
        _submit(qtbot, reopen)
    assert not reopen.isVisible(), _error(reopen)
    assert _closed_at(db, small) is None and not _line(view, small).closed
    assert view.close_button.text() == "Close th&is group…" and view.enroll_button.isEnabled()


def test_a_preview_the_groups_outran_is_refused_and_previewed_again(qtbot, app_context, db, admin):
    term, reg, small, second, third, students = _world(db, admin)
    view = _view(qtbot, app_context, reg, term)
    _select(qtbot, view, small)
    view.close_button.click()
    dialog = _opened(qtbot, view, "closeGroupDialog")
    qtbot.waitUntil(lambda: dialog.preview.plan is not None, timeout=TIMEOUT)
    assert dict(_preview_rows(dialog.preview))["710002"] == "MAT-101 class 2"

    # Meanwhile another clerk fills class 3: the plan shown is no longer what would happen.
    for student in factories.many_students(db, 4, prefix="Szybszy"):
        enrollment.enroll(UnitOfWork(db, admin), student, third, reason="r")
    _field(dialog, QLineEdit, "reasonField").setText("za mało chętnych")
    _submit(qtbot, dialog)
    qtbot.waitUntil(lambda: "changed since the preview" in _error(dialog), timeout=TIMEOUT)
    assert dialog.isVisible() and _closed_at(db, small) is None  # nothing was applied
    assert "changed since this preview" in dialog.preview.status.text() and dialog.preview.plan is None
    again = _field(dialog, QPushButton, "previewAgainButton")
    assert QApplication.focusWidget() is again
    assert _field(dialog, QLineEdit, "reasonField").text() == "za mało chętnych"  # the input is kept

    qtbot.keyClick(again, Qt.Key.Key_Space)  # Preview again: the plan as the groups stand now
    qtbot.waitUntil(lambda: dialog.preview.plan is not None, timeout=TIMEOUT)
    assert _preview_rows(dialog.preview)[:2] == [("710000", "MAT-101 class 2"), ("710001", "MAT-101 class 2")]
    assert _preview_rows(dialog.preview)[2][1].startswith("stays — ")
    assert "1 would stay in the closed group" in dialog.preview.status.text()
    with qtbot.waitSignal(view.groupsLoaded, timeout=TIMEOUT):
        _submit(qtbot, dialog)
    assert not dialog.isVisible(), _error(dialog)
    assert _closed_at(db, small) is not None and _line(view, second).enrolled == 3


# --- a waiting list --------------------------------------------------------------------------------------------


def _full_group_with_a_list(db, *, waiting: int):
    """WF-101 class 1 (limit 2, full) of a first-come registration that keeps waiting lists, ``waiting`` students on
    its list (numbers 73000n, in that order)."""
    now = now_utc()
    term = factories.term(db)
    course = factories.course(db, "WF-101")
    group = factories.group(db, course, term, seat_limit=2)
    registration = factories.registration(db, code="WF-OGU", term_id=term, course_ids=(course,),
                                          rounds=((now - timedelta(hours=1), now + timedelta(days=1)),),
                                          rules=({"level": Level.FIRST_CYCLE},))
    with db.write() as session:
        session.get(Registration, registration).waiting_lists = True
    for holder in factories.many_students(db, 2, prefix="Zapisany"):
        enrollment.register_from_portal(UnitOfWork(db, SystemJob.PORTAL), holder, group, registration)
    names = ("Pierwsza", "Drugi", "Trzeci", "Czwarta", "Piąty")
    listed = [factories.student(db, names[i], number=f"73000{i + 1}") for i in range(waiting)]
    for student in listed:
        waiting_lists.join(UnitOfWork(db, SystemJob.PORTAL), student, group, registration)
    return term, registration, group, listed


def _order(db, admin, group_id) -> list[str]:
    return [line.student_number for line in waiting_lists.list_of(UnitOfWork(db, admin), group_id)]


def test_the_limit_dialog_shows_who_would_gain_a_seat_from_the_waiting_list(qtbot, app_context, db, admin):
    term, registration, group, listed = _full_group_with_a_list(db, waiting=2)
    view = _view(qtbot, app_context, registration, term)
    _select(qtbot, view, group)
    view.set_limit_button.click()
    dialog = _opened(qtbot, view, "setLimitDialog")
    gains = _field(dialog, QLabel, "limitImpact")
    qtbot.waitUntil(lambda: "does not rise" in gains.text(), timeout=TIMEOUT)  # the limit as it is

    _field(dialog, QSpinBox, "limitValueField").setValue(3)  # one seat more: the first on the list gains it
    qtbot.waitUntil(lambda: "would gain a seat" in gains.text(), timeout=TIMEOUT)
    assert "730001 Pierwsza" in gains.text() and "730002" not in gains.text()
    assert "from its waiting list" in gains.text()
    _field(dialog, QSpinBox, "limitValueField").setValue(4)  # two more: both of them
    qtbot.waitUntil(lambda: "730002 Drugi" in gains.text(), timeout=TIMEOUT)
    assert "2 students would gain a seat" in gains.text() and "730001 Pierwsza" in gains.text()
    assert _order(db, admin, group) == ["730001", "730002"]  # rehearsed only: nobody has moved yet

    _field(dialog, QLineEdit, "reasonField").setText("większa sala")
    with qtbot.waitSignal(view.groupsLoaded, timeout=TIMEOUT):
        _submit(qtbot, dialog)
    assert not dialog.isVisible(), _error(dialog)
    assert _order(db, admin, group) == [] and _line(view, group).enrolled == 4


def test_the_clerk_reorders_adds_and_removes_on_a_waiting_list_by_keyboard(qtbot, app_context, db, admin):
    term, registration, group, listed = _full_group_with_a_list(db, waiting=3)
    newcomer = factories.student(db, "Nowa", "Wójcik", number="730009")
    view = _view(qtbot, app_context, registration, term)
    _select(qtbot, view, group)
    view.table.setFocus()
    _active(qtbot, view)
    qtbot.keyClick(view.table, Qt.Key.Key_N, ALT)  # Waiti&ng list…
    dialog = _opened(qtbot, view, "waitingListDialog")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3 and dialog.registrations is not None, timeout=TIMEOUT)
    table = dialog.table
    assert [table.item(r, 1).text() for r in range(3)] == ["730001", "730002", "730003"]
    assert [table.item(r, 4).text() for r in range(3)] == ["on the portal"] * 3
    assert "3 students waiting." in dialog.summary.text()
    assert QApplication.focusWidget() is table

    # Alt+Up on the third: one place up, with a reason; it stays chosen where it went.
    table.selectRow(2)
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
        qtbot.keyClick(table, Qt.Key.Key_Up, ALT)
        move = _opened(qtbot, dialog, "moveOnWaitingListDialog")
        assert "from place 3 to place 2" in move.intro.text()
        _type(qtbot, move, Qt.Key.Key_R, "decyzja prodziekana")
        _submit(qtbot, move)
    assert not move.isVisible(), _error(move)
    assert _order(db, admin, group) == ["730001", "730003", "730002"]
    assert [table.item(r, 1).text() for r in range(3)] == ["730001", "730003", "730002"]
    assert dialog.chosen().student_number == "730003"
    assert not dialog.down_button.isEnabled() or dialog.chosen().place < 3

    # Delete removes the chosen one, with a reason; the others keep their order.
    _active(qtbot, dialog)
    table.setFocus()
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
        qtbot.keyClick(table, Qt.Key.Key_Delete)
        leave = _opened(qtbot, dialog, "leaveWaitingListDialog")
        assert "Take Trzeci" in leave.intro.text() and "730003" in leave.intro.text()
        _type(qtbot, leave, Qt.Key.Key_R, "rezygnacja")
        _submit(qtbot, leave)
    assert not leave.isVisible(), _error(leave)
    assert _order(db, admin, group) == ["730001", "730002"]

    # Add a student: found by number, through the registration keeping lists, at the end.
    _active(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_A, ALT)  # &Add a student…
    join = _opened(qtbot, dialog, "joinWaitingListDialog")
    qtbot.keyClicks(join.picker.field, "730009")
    qtbot.waitUntil(lambda: join.picker.student_id == newcomer, timeout=TIMEOUT)
    assert join.registration.currentData() == registration
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
        qtbot.keyClick(join.picker.field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not join.isVisible(), timeout=TIMEOUT)
    assert _order(db, admin, group) == ["730001", "730002", "730009"]
    assert table.item(2, 4).text() == "by a clerk"


def test_a_role_that_may_not_change_groups_reads_the_list_without_changing_it(qtbot, db, tasks):
    from desk.model import Role
    from ui.context import AppContext

    term, registration, group, listed = _full_group_with_a_list(db, waiting=2)
    service = factories.staff(db, "cos", Role.SERVICE_CENTER)
    view = _view(qtbot, AppContext(db, service, tasks), registration, term)
    _select(qtbot, view, group)
    assert not view.close_button.isEnabled() and view.waiting_button.isEnabled()
    view.waiting_button.click()
    dialog = _opened(qtbot, view, "waitingListDialog")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=TIMEOUT)
    dialog.table.selectRow(1)
    assert not any(b.isEnabled() for b in (dialog.add_button, dialog.up_button, dialog.down_button,
                                            dialog.remove_button))
    assert dialog.move(-1) is None and dialog.remove() is None


def test_a_closed_group_is_counted_apart_from_full_and_at_risk_groups(qtbot, app_context, db, admin):
    term, reg, small, second, third, students = _world(db, admin)
    closures.apply_plan(UnitOfWork(db, admin), closures.plan_closure(UnitOfWork(db, admin), small), reason="r")
    with db.read() as session:
        assert session.scalar(select(ClassGroup.closed_at).where(ClassGroup.id == small)) is not None
    view = _view(qtbot, app_context, reg, term)
    summary = view.summary.text()
    assert "0 full" in summary and "0 below the lower limit" in summary and "1 closed" in summary
    line = _line(view, small)
    assert line.free == 0 and line.closed  # it takes no one
    model = view.model
    assert model.data(model.index(model.row_of(small), FILL), Qt.ItemDataRole.BackgroundRole) is None  # not tinted full


# --- many students moved --------------------------------------------------------------------------------------


def _holders_selected(qtbot, view, group) -> None:
    _select(qtbot, view, group)
    view.members_table.setFocus()
    view.members_table.selectAll()
    assert len(view.selected_members()) == 2


def test_a_many_student_move_previews_who_gains_the_seats_it_frees_and_applies_that_plan(qtbot, app_context, db, admin):
    term, registration, group, listed = _full_group_with_a_list(db, waiting=2)
    with db.read() as session:
        course = session.get(ClassGroup, group).course_id
    roomy = factories.group(db, course, term, number=2, seat_limit=10)
    view = _view(qtbot, app_context, registration, term)
    _holders_selected(qtbot, view, group)
    view.move_button.click()
    dialog = _opened(qtbot, view, "moveManyDialog")
    qtbot.waitUntil(lambda: dialog.preview.plan is not None, timeout=TIMEOUT)
    assert [where for _number, where in _preview_rows(dialog.preview)] == ["WF-101 class 2"] * 2
    effects = dialog.preview.effects.text()
    assert "2 students would gain a seat from a waiting list" in effects
    assert "730001 Pierwsza" in effects and "730002 Drugi" in effects
    assert not dialog.over_limit.isEnabled()  # no one is left behind: nothing to override
    _field(dialog, QLineEdit, "reasonField").setText("zmiana planu")
    with qtbot.waitSignal(view.groupsLoaded, timeout=TIMEOUT):
        _submit(qtbot, dialog)
    assert not dialog.isVisible(), _error(dialog)
    assert _order(db, admin, group) == [] and _line(view, roomy).enrolled == 2 and _line(view, group).enrolled == 2


def test_the_override_moves_those_the_preview_leaves_behind_for_want_of_a_seat(qtbot, app_context, db, admin):
    term, registration, group, listed = _full_group_with_a_list(db, waiting=0)
    with db.read() as session:
        course = session.get(ClassGroup, group).course_id
    narrow = factories.group(db, course, term, number=2, seat_limit=1)
    view = _view(qtbot, app_context, registration, term)
    _holders_selected(qtbot, view, group)
    view.move_button.click()
    dialog = _opened(qtbot, view, "moveManyDialog")
    qtbot.waitUntil(lambda: dialog.preview.plan is not None, timeout=TIMEOUT)
    assert "2 would move" not in dialog.preview.status.text() and "1 would stay" in dialog.preview.status.text()
    assert dialog.over_limit.isEnabled() and not dialog.overridden.isVisible()
    dialog.over_limit.setChecked(True)
    assert dialog.overridden.isVisible()
    _field(dialog, QLineEdit, "reasonField").setText("zgoda prowadzacego")
    with qtbot.waitSignal(view.groupsLoaded, timeout=TIMEOUT):
        _submit(qtbot, dialog)
    assert not dialog.isVisible(), _error(dialog)
    assert (_line(view, narrow).enrolled, _line(view, narrow).seat_limit) == (2, 1)


def test_an_open_desk_gives_seats_released_at_their_moment_to_the_waiting_list(qtbot, app_context, db, admin):
    """Every minute an open desk releases the dedicated seats whose moment has passed; the first on the waiting list
    gets the seat then, not at the next write to the group."""
    from desk import seat_shares
    from desk.model import SeatShare
    from ui.main_window import MainWindow

    _term, _registration, group, listed = _full_group_with_a_list(db, waiting=1)
    with db.write() as session:
        session.get(ClassGroup, group).seat_limit = 3
    seat_shares.add_share(UnitOfWork(db, admin), group, seat_shares.ShareDraft(
        seats=1, student_ids=(factories.student(db, "Wymiana"),), release_at=now_utc() + timedelta(days=1)),
        reason="Erasmus")
    with db.write() as session:  # its moment has come since
        session.execute(SeatShare.__table__.update().values(release_at=now_utc() - timedelta(minutes=1)))
    window = MainWindow(app_context, "Uniwersytet Testowy")
    qtbot.addWidget(window)
    window.resolution_timer.timeout.emit()
    qtbot.waitUntil(lambda: waiting_lists.list_of(UnitOfWork(db, admin), group) == [], timeout=TIMEOUT)
    with db.read() as session:
        assert session.get(ClassGroup, group).enrolled_count == 3
    from desk import groups

    assert listed[0] in {line.student_id for line in groups.members(UnitOfWork(db, admin), group)}
