"""Dedicated seats in the class-groups view: the table's column and free seats, the dialog that adds, releases and
removes shares by keyboard, and the over-limit override offered where the free seats are all dedicated."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
)

from desk import enrollment, seat_shares
from desk.clock import local_to_utc
from desk.model import Level
from desk.seat_shares import ShareDraft
from desk.unit_of_work import UnitOfWork
from tests import factories
from tests.ui.test_groups_view import (
    TIMEOUT,
    _accept_and_wait,
    _dialog,
    _error,
    _field,
    _line,
    _pick,
    _refused,
    _select,
    _view,
)
from ui.models.group_table_model import DEDICATED, FREE
from ui.views.share_dialogs import SharesDialog

ALT = Qt.KeyboardModifier.AltModifier


def _world(db, *, limit: int = 10):
    """MAT-101 class 1 (the given limit) and class 2 (limit 3), offered by WMF-OGU; the programme INF-S2 exists."""
    term = factories.term(db)
    course = factories.course(db, "MAT-101")
    first = factories.group(db, course, term, number=1, seat_limit=limit)
    second = factories.group(db, course, term, number=2, seat_limit=3)
    reg = factories.registration(db, code="WMF-OGU", term_id=term, course_ids=(course,))
    programme = factories.programme(db, "INF-S2", level=Level.SECOND_CYCLE)
    return term, reg, first, second, programme


def _share(db, admin, group_id, seats, **whom) -> int:
    return seat_shares.add_share(UnitOfWork(db, admin), group_id, ShareDraft(seats, **whom), reason="dla wybranych")


def _shares(db, admin, group_id) -> list[tuple[int, int, bool, str, int | None, bool]]:
    return [(s.seats, s.taken, s.released, s.programme_code, s.stage, s.listed)
            for s in seat_shares.shares_of(UnitOfWork(db, admin), group_id)]


# --- the table ---------------------------------------------------------------------------------------


def test_the_table_shows_each_share_and_free_as_what_everyone_can_still_take(qtbot, app_context, db, admin):
    term, reg, first, second, programme = _world(db)
    ours = factories.student(db, "Anna", "Nasza", programme_code="INF-S2", stage=2)
    listed = [factories.student(db, f"Lista{i}", number=f"55500{i}") for i in range(2)]
    _share(db, admin, first, 3, programme_id=programme, stage=2)
    _share(db, admin, first, 2, student_ids=tuple(listed))
    enrollment.enroll(UnitOfWork(db, admin), ours, first, reason="r")  # one of the share's seats
    enrollment.enroll(UnitOfWork(db, admin), factories.student(db, "Obcy"), first, reason="r")  # one of everyone's

    view = _view(qtbot, app_context, reg, term)
    assert not view.table.isColumnHidden(DEDICATED)
    line = _line(view, first)
    assert (line.enrolled, line.free, line.dedicated_free) == (2, 4, 4)  # 10 less 5 dedicated, less 1 of everyone's
    model, row = view.model, view.model.row_of(first)
    assert model.data(model.index(row, FREE)) == "4"
    assert model.data(model.index(row, DEDICATED)) == "1/3 INF-S2 · stage 2; 0/2 list of 2"
    tip = model.data(model.index(row, FREE), Qt.ItemDataRole.ToolTipRole)
    assert "Free for everyone: 4." in tip and "Dedicated to some students, still free: 4." in tip
    assert "INF-S2 · stage 2: 2 of 3 seats free" in tip and "list of 2: 2 of 2 seats free" in tip
    assert model.data(model.index(view.model.row_of(second), DEDICATED)) == ""
    assert "5 seats dedicated, 4 of them free" in view.summary.text()

    # Released, a share's free seats are everyone's: the table says so and counts them free.
    released = seat_shares.shares_of(UnitOfWork(db, admin), first)[1].id
    seat_shares.release_share(UnitOfWork(db, admin), released, reason="nikt się nie zgłosił")
    with qtbot.waitSignal(view.groupsLoaded, timeout=TIMEOUT):
        view.reload()
    assert _line(view, first).free == 6
    assert model.data(model.index(view.model.row_of(first), DEDICATED)) == "1/3 INF-S2 · stage 2; 0/2 list of 2 (released)"


def test_a_group_whose_free_seats_are_all_dedicated_is_full_for_everyone(qtbot, app_context, db, admin):
    term, reg, first, second, programme = _world(db, limit=3)
    _share(db, admin, first, 2, programme_id=programme)
    enrollment.enroll(UnitOfWork(db, admin), factories.student(db, "Obcy"), first, reason="r")
    view = _view(qtbot, app_context, reg, term)
    model, row = view.model, view.model.row_of(first)
    assert model.data(model.index(row, FREE)) == "0"
    assert "Full for everyone: its 2 free seats are dedicated to some students." in model.data(
        model.index(row, FREE), Qt.ItemDataRole.ToolTipRole)


def test_the_column_is_left_out_where_no_seat_is_dedicated(qtbot, app_context, db):
    term, reg, first, second, programme = _world(db)
    view = _view(qtbot, app_context, reg, term)
    assert view.table.isColumnHidden(DEDICATED)
    assert "dedicated" not in view.summary.text()


# --- the dialog, by keyboard ----------------------------------------------------------------------------


def _active(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)  # Alt+letters reach the window that has the keyboard


def _opened(qtbot, parent, name: str) -> QDialog:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(QDialog, name)), timeout=TIMEOUT)
    dialog = _dialog(parent, name)
    _active(qtbot, dialog)
    return dialog


def _type(qtbot, window, letter: Qt.Key, text: str) -> None:
    """Alt+letter to a field, then the text typed over what it held."""
    qtbot.keyClick(window, letter, ALT)
    field = QApplication.focusWidget()
    if isinstance(field, (QLineEdit, QAbstractSpinBox, QPlainTextEdit)):
        field.selectAll()
    qtbot.keyClicks(field, text)


def _submit(qtbot, dialog) -> None:
    """Return in the reason: the dialog's OK."""
    qtbot.keyClick(_field(dialog, QLineEdit, "reasonField"), Qt.Key.Key_Return)


def test_the_clerk_adds_releases_and_removes_shares_by_keyboard(qtbot, app_context, db, admin):
    term, reg, first, second, programme = _world(db, limit=6)
    for number in ("555001", "555002"):
        factories.student(db, f"Lista{number}", number=number)
    view = _view(qtbot, app_context, reg, term)
    _select(qtbot, view, first)
    view.table.setFocus()
    _active(qtbot, view)
    qtbot.keyClick(view.table, Qt.Key.Key_D, ALT)  # &Dedicated seats…
    shares = _opened(qtbot, view, "sharesDialog")
    assert isinstance(shares, SharesDialog)
    qtbot.waitUntil(lambda: shares.programmes is not None, timeout=TIMEOUT)
    assert shares.table.rowCount() == 0 and "No seat is dedicated" in shares.summary.text()
    assert shares.focusWidget() is shares.add_button and not shares.release_button.isEnabled()

    # A rule: more seats than are free is refused in the dialog, the input kept; then fewer are dedicated.
    qtbot.keyClick(shares, Qt.Key.Key_A, ALT)  # &Add…
    add = _opened(qtbot, shares, "addShareDialog")
    assert add.focusWidget() is _field(add, QSpinBox, "shareSeats")
    qtbot.keyClicks(add.focusWidget(), "9")
    qtbot.keyClick(add, Qt.Key.Key_P, ALT)  # &Programme:
    qtbot.keyClicks(QApplication.focusWidget(), "INF-S2")
    assert _field(add, QComboBox, "shareProgramme").currentData() == programme
    _type(qtbot, add, Qt.Key.Key_T, "2")  # S&tage:
    _type(qtbot, add, Qt.Key.Key_R, "dla informatyki")  # &Reason:
    _submit(qtbot, add)
    qtbot.waitUntil(lambda: "Only 6 of the group's seats are free to dedicate" in _error(add), timeout=TIMEOUT)
    assert add.isVisible() and _field(add, QSpinBox, "shareSeats").value() == 9
    assert _field(add, QLineEdit, "reasonField").text() == "dla informatyki"
    assert _shares(db, admin, first) == []
    _type(qtbot, add, Qt.Key.Key_S, "3")  # &Seats:
    with qtbot.waitSignal(view.groupsLoaded, timeout=TIMEOUT), qtbot.waitSignal(shares.loaded, timeout=TIMEOUT):
        _submit(qtbot, add)
    assert not add.isVisible(), _error(add)
    assert _shares(db, admin, first) == [(3, 0, False, "INF-S2", 2, False)]
    assert shares.table.item(0, 2).text() == "INF-S2 · stage 2"
    assert view.model.data(view.model.index(view.model.row_of(first), DEDICATED)) == "0/3 INF-S2 · stage 2"
    assert _line(view, first).free == 3

    # A pasted list: a number no one has is refused, naming it; corrected, the seats are dedicated.
    _active(qtbot, shares)
    qtbot.keyClick(shares, Qt.Key.Key_A, ALT)
    add = _opened(qtbot, shares, "addShareDialog")
    qtbot.keyClicks(add.focusWidget(), "2")
    qtbot.keyClick(add, Qt.Key.Key_I, ALT)  # Students on a l&ist: (a button's Alt+letter clicks it a moment later)
    qtbot.waitUntil(_field(add, QPlainTextEdit, "shareNumbers").isEnabled, timeout=TIMEOUT)
    assert not _field(add, QComboBox, "shareProgramme").isEnabled()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is _field(add, QPlainTextEdit, "shareNumbers")
    qtbot.keyClicks(QApplication.focusWidget(), "555001, 555002 999999")
    assert _field(add, QLabel, "shareNumbersCount").text() == "3 student numbers"
    qtbot.keyClick(add, Qt.Key.Key_L, ALT)  # Re&lease: at a day and time
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert _field(add, QComboBox, "shareRelease").currentData() == "at"
    qtbot.keyClick(add, Qt.Key.Key_Y, ALT)  # Da&y and time: the day typed over "type the day", then Tab to the time
    qtbot.keyClicks(QApplication.focusWidget(), "2099-12-31")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is add.release_time
    qtbot.keyClicks(add.release_time, "10:30")  # over the hour Tab selected
    _type(qtbot, add, Qt.Key.Key_R, "lista dziekana")
    _submit(qtbot, add)
    qtbot.waitUntil(lambda: "No student has these numbers (1): 999999" in _error(add), timeout=TIMEOUT)
    assert _field(add, QPlainTextEdit, "shareNumbers").toPlainText() == "555001, 555002 999999"
    numbers = _field(add, QPlainTextEdit, "shareNumbers")
    numbers.setFocus()
    numbers.selectAll()
    qtbot.keyClicks(numbers, "555001")
    qtbot.keyClick(numbers, Qt.Key.Key_Return)  # a new line in the list, not the dialog's OK
    qtbot.keyClicks(numbers, "555002")
    assert numbers.toPlainText() == "555001\n555002"
    with qtbot.waitSignal(shares.loaded, timeout=TIMEOUT):
        _submit(qtbot, add)
    assert not add.isVisible(), _error(add)
    assert _shares(db, admin, first) == [(3, 0, False, "INF-S2", 2, False), (2, 0, False, "", None, True)]
    assert [shares.table.item(row, 2).text() for row in range(2)] == ["INF-S2 · stage 2", "list of 2"]
    assert seat_shares.shares_of(UnitOfWork(db, admin), first)[1].release_at == local_to_utc(
        datetime(2099, 12, 31, 10, 30), app_context.time_zone)
    assert shares.table.item(1, 3).text() == "to be released at 2099-12-31 10:30"

    # Release the first now: its free seats are everyone's.
    shares.table.setFocus()
    shares.table.selectRow(0)
    _active(qtbot, shares)
    qtbot.keyClick(shares, Qt.Key.Key_L, ALT)  # Re&lease now…
    release = _opened(qtbot, shares, "releaseShareDialog")
    assert "Their 3 free seats go to everyone at once" in _field(release, QLabel, "dialogIntro").text()
    _refused(qtbot, release, "Say why")
    _type(qtbot, release, Qt.Key.Key_R, "nikt sie nie zglosil")
    with qtbot.waitSignal(view.groupsLoaded, timeout=TIMEOUT), qtbot.waitSignal(shares.loaded, timeout=TIMEOUT):
        _submit(qtbot, release)
    assert not release.isVisible(), _error(release)
    assert _shares(db, admin, first)[0][:3] == (3, 0, True)
    assert _line(view, first).free == 4
    released_row = next(r for r, s in enumerate(shares.shares) if s.released)
    assert shares.table.item(released_row, 3).text().startswith("released ")
    assert shares.chosen_share().released and not shares.release_button.isEnabled()  # the choice followed the share

    # Remove the list with Delete.
    listed_row = next(r for r, s in enumerate(shares.shares) if s.listed)
    shares.table.selectRow(listed_row)
    shares.table.setFocus()
    qtbot.keyClick(shares.table, Qt.Key.Key_Delete)
    remove = _opened(qtbot, shares, "removeShareDialog")
    assert "list of 2" in _field(remove, QLabel, "dialogIntro").text()
    _type(qtbot, remove, Qt.Key.Key_R, "pomylka")
    with qtbot.waitSignal(shares.loaded, timeout=TIMEOUT):
        _submit(qtbot, remove)
    assert not remove.isVisible(), _error(remove)
    assert _shares(db, admin, first) == [(3, 0, True, "INF-S2", 2, False)]
    assert shares.table.rowCount() == 1
    qtbot.waitUntil(lambda: _line(view, first).free == 6, timeout=TIMEOUT)


def test_a_rule_that_names_no_one_and_a_release_in_the_past_are_refused_in_the_dialog(qtbot, app_context, db):
    from datetime import date

    term, reg, first, second, programme = _world(db)
    view = _view(qtbot, app_context, reg, term)
    _select(qtbot, view, first)
    view.shares_button.click()
    shares = _opened(qtbot, view, "sharesDialog")
    qtbot.waitUntil(lambda: shares.programmes is not None, timeout=TIMEOUT)
    add = shares.add()
    _field(add, QLineEdit, "reasonField").setText("dla doktorantów")
    assert "Choose whom the seats are for" in _refused(qtbot, add, "Choose whom")
    level = _field(add, QComboBox, "shareLevel")
    level.setCurrentIndex(level.findData(Level.DOCTORAL))
    release = _field(add, QComboBox, "shareRelease")
    release.setCurrentIndex(release.findData("at"))
    assert "Type the day" in _refused(qtbot, add, "Type the day")
    add.release_day.setDay(date(2020, 1, 1))
    assert "has passed" in _refused(qtbot, add, "has passed")
    assert not release.model().item(release.findData("round")).isEnabled()  # no round of the course starts later
    add.reject()
    shares.reject()


def test_a_role_that_may_not_change_groups_has_the_button_off(qtbot, db, tasks):
    from desk.model import Role
    from ui.context import AppContext

    term, reg, first, second, programme = _world(db)
    view = _view(qtbot, AppContext(db, factories.staff(db, "cos", Role.SERVICE_CENTER), tasks), reg, term)
    _select(qtbot, view, first)
    assert not view.shares_button.isEnabled()
    view.dedicated_seats()
    assert not view.findChildren(QDialog, "sharesDialog")


# --- the override where the free seats are all dedicated ---------------------------------------------------------


def test_the_enroll_dialog_offers_the_override_when_the_free_seats_turn_out_dedicated(qtbot, app_context, db, admin):
    term, reg, first, second, programme = _world(db, limit=3)
    _share(db, admin, first, 2, programme_id=programme)
    newcomer = factories.student(db, "Zofia", "Wójcik", number="555001")  # INF-S1: not the share's
    view = _view(qtbot, app_context, reg, term)
    _select(qtbot, view, first)
    view.enroll_button.click()
    dialog = _dialog(view, "enrollDialog")
    box = _field(dialog, QCheckBox, "overLimitBox")
    assert not box.isEnabled()  # one of everyone's seats is free
    assert "Free places dedicated to some students: 2" in _field(dialog, QLabel, "dialogIntro").text()
    enrollment.enroll(UnitOfWork(db, admin), factories.student(db, "Ewa", "Nowak"), first, reason="quicker")
    _pick(qtbot, dialog, "555001", newcomer)
    _field(dialog, QLineEdit, "reasonField").setText("decyzja prodziekana")
    said = _refused(qtbot, dialog, "dedicated")
    assert "its 2 free seats are dedicated to students of INF-S2" in said
    assert box.isEnabled() and not box.isChecked()
    box.setChecked(True)
    with qtbot.waitSignal(view.membersLoaded, timeout=TIMEOUT):
        _accept_and_wait(qtbot, view, dialog)
    assert any(m.student_id == newcomer and m.over_limit for m in view.members)
    assert _shares(db, admin, first) == [(2, 0, False, "INF-S2", None, False)]  # the share keeps its seats


def test_a_group_full_for_everyone_offers_the_override_from_the_start_and_a_share_student_takes_a_seat(
        qtbot, app_context, db, admin):
    term, reg, first, second, programme = _world(db, limit=2)
    _share(db, admin, first, 2, programme_id=programme)
    ours = factories.student(db, "Anna", "Nasza", number="555002", programme_code="INF-S2")
    view = _view(qtbot, app_context, reg, term)
    _select(qtbot, view, first)
    view.enroll_button.click()
    dialog = _dialog(view, "enrollDialog")
    assert _field(dialog, QCheckBox, "overLimitBox").isEnabled()  # every free seat is dedicated
    _pick(qtbot, dialog, "555002", ours)
    _field(dialog, QLineEdit, "reasonField").setText("zapis z listy kierunku")
    with qtbot.waitSignal(view.membersLoaded, timeout=TIMEOUT):
        _accept_and_wait(qtbot, view, dialog)  # the box left unticked: the share's seat is the student's
    assert [(m.student_id, m.over_limit) for m in view.members] == [(ours, False)]
    assert _shares(db, admin, first) == [(2, 1, False, "INF-S2", None, False)]


def test_moving_into_a_group_whose_free_seats_are_dedicated_offers_the_override(qtbot, app_context, db, admin):
    term, reg, first, second, programme = _world(db)
    _share(db, admin, second, 3, programme_id=programme)  # all of class 2's seats
    mover = factories.student(db, "Zofia", "Wójcik", number="555001")
    enrollment.enroll(UnitOfWork(db, admin), mover, first, reason="r")
    view = _view(qtbot, app_context, reg, term)
    _select(qtbot, view, first)
    view.move_button.click()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(QDialog, "moveDialog")), timeout=TIMEOUT)
    dialog = _dialog(view, "moveDialog")
    assert "0 free" in _field(dialog, QComboBox, "moveTargetChooser").currentText()
    box = _field(dialog, QCheckBox, "moveOverLimitBox")
    assert box.isEnabled()
    _field(dialog, QLineEdit, "reasonField").setText("zgoda prowadzącego")
    assert "dedicated to students of INF-S2" in _refused(qtbot, dialog, "dedicated")
    box.setChecked(True)
    _accept_and_wait(qtbot, view, dialog)
    with db.read() as session:
        from sqlalchemy import select

        from desk.model import Enrollment, EnrollmentStatus
        assert session.execute(select(Enrollment.group_id, Enrollment.over_limit).where(
            Enrollment.student_id == mover, Enrollment.status == EnrollmentStatus.ACCEPTED)).all() == [(second, True)]
