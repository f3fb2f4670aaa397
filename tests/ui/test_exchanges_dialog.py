"""The calendar's Group exchanges dialog, driven as a clerk would: the open wishes with why each waits, a run that
carries out a pair, a wish withdrawn and one added for a student by number (pytest-qt, offscreen)."""

from __future__ import annotations

import re
from datetime import timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select

from desk import enrollment, exchanges
from desk.clock import now_utc
from desk.model import Enrollment, EnrollmentStatus, ExchangeWish, Level, Registration, WishStatus
from desk.unit_of_work import SystemJob, UnitOfWork
from tests import factories
from ui.dialogs import ActionDialog
from ui.views.calendar import RegistrationsView
from ui.views.exchanges_dialog import WHY, AddWishDialog, ExchangesDialog


def _world(db, admin, *, exchanges_allowed=True):
    """A course of three full groups of two, offered by a registration; who sits where."""
    now = now_utc()
    term = factories.term(db, "2026Z", (now - timedelta(days=30)).date(), (now + timedelta(days=90)).date())
    course = factories.course(db, "ANG-B2")
    groups = [factories.group(db, course, term, number=n, seat_limit=2) for n in (1, 2, 3)]
    registration = factories.registration(db, code="WYM-1", term_id=term, course_ids=(course,),
                                          rounds=((now - timedelta(hours=1), now + timedelta(days=3)),),
                                          rules=({"level": Level.FIRST_CYCLE},))
    with db.write() as session:
        session.get(Registration, registration).exchanges = exchanges_allowed
    seated = {}
    for group, names in zip(groups, (("Anna", "Adam"), ("Beata", "Bartek"), ("Cezary", "Celina"))):
        for name in names:
            number = f"2000{len(seated) + 1:02d}"
            student = factories.student(db, name, "Wymienny", number=number)
            enrollment.enroll(UnitOfWork(db, admin), student, group, reason="zapis", registration_id=registration)
            seated[name] = (student, number)
    return registration, groups, seated


def _where(db, student_id) -> int | None:
    with db.read() as session:
        return session.scalar(select(Enrollment.group_id).where(Enrollment.student_id == student_id,
                                                               Enrollment.status == EnrollmentStatus.ACCEPTED))


def _calendar(qtbot, app_context) -> RegistrationsView:
    view = RegistrationsView(app_context)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
    return view


def _open(qtbot, view) -> ExchangesDialog:
    """The dialog opened from the calendar, once its wishes have been read."""
    assert view.exchanges_button.isEnabled()
    view.show_exchanges()
    dialog = view.last_exchanges
    assert isinstance(dialog, ExchangesDialog)
    qtbot.waitUntil(lambda: dialog.summary.text() != "Reading the wishes…", timeout=10_000)
    return dialog


def _run(qtbot, dialog: ActionDialog, reason: str | None = None) -> None:
    if reason is not None:
        dialog.reason.setText(reason)
    with qtbot.waitSignal(dialog.succeeded, timeout=10_000):
        dialog.buttons.accepted.emit()


def test_the_open_wishes_with_why_they_wait_then_a_run_carries_out_the_pair(qtbot, app_context, db, admin):
    registration, (a, b, c), seated = _world(db, admin)
    anna, beata, cezary = seated["Anna"][0], seated["Beata"][0], seated["Cezary"][0]
    exchanges.make_wish(UnitOfWork(db, SystemJob.PORTAL), anna, a, [b])
    exchanges.make_wish(UnitOfWork(db, admin), cezary, c, [b, a])
    exchanges.run_break(UnitOfWork(db, admin), registration)  # neither can go yet: each keeps why
    view = _calendar(qtbot, app_context)
    assert "students may exchange groups" in view.info.text()
    dialog = _open(qtbot, view)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10_000)
    assert dialog.windowTitle() == "Group exchanges — WYM-1"
    rows = [[dialog.table.item(r, col).text() for col in range(dialog.table.columnCount())] for r in range(2)]
    assert rows[0][:2] == ["200001 Anna Wymienny", "ANG-B2 class 1"] and rows[0][2] == "1. ANG-B2 class 2"
    assert rows[0][4] == "on the portal" and rows[1][4] == "by a clerk"
    assert rows[1][2] == "1. ANG-B2 class 2\n2. ANG-B2 class 1"
    assert all(row[WHY].startswith("Waiting: no one in the groups wished for") for row in rows)
    assert "2 open wishes" in dialog.summary.text()
    assert dialog.run_button.isEnabled() and dialog.add_button.isEnabled() and dialog.withdraw_button.isEnabled()

    # Beata wishes on the portal to go the other way: Anna's wish and hers make a pair.
    exchanges.make_wish(UnitOfWork(db, SystemJob.PORTAL), beata, b, [a])
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=10_000)
    run = dialog.run()
    assert run.objectName() == "runExchangeDialog" and "3 open wishes" in run.intro.text()
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):  # the list follows the run it announced
        _run(qtbot, run, "przerwa wymiany")
    # "1 set" once the English plural forms are compiled (make translations), "1 sets" before.
    assert re.fullmatch(r"Run at .+: 2 wishes carried out in 1 sets? \(the longest of 2 moves\), 1 still open\.",
                        dialog.outcome.text()), dialog.outcome.text()
    assert dialog.last_run.carried == 2 and dialog.last_run.change_set_id is not None
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    assert dialog.table.item(0, 0).text() == "200005 Cezary Wymienny"
    assert (_where(db, anna), _where(db, beata), _where(db, cezary)) == (b, a, c)


def test_a_wish_withdrawn_with_a_reason_and_one_added_for_a_student_by_number(qtbot, app_context, db, admin):
    registration, (a, b, c), seated = _world(db, admin)
    anna = seated["Anna"][0]
    wish = exchanges.make_wish(UnitOfWork(db, admin), anna, a, [c])
    view = _calendar(qtbot, app_context)
    dialog = _open(qtbot, view)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)

    withdraw = dialog.withdraw()
    assert "200001 Anna Wymienny" in withdraw.intro.text() and "ANG-B2 class 1" in withdraw.intro.text()
    withdraw.buttons.accepted.emit()  # no reason: refused inside the dialog
    qtbot.waitUntil(lambda: "Say why" in withdraw.error.text(), timeout=10_000)
    assert withdraw.isVisible()
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        _run(qtbot, withdraw, "student zrezygnował")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=10_000)
    assert "No wish is open" in dialog.summary.text() and not dialog.run_button.isEnabled()
    with db.read() as session:
        assert session.get(ExchangeWish, wish).status is WishStatus.WITHDRAWN

    add = dialog.add()
    assert isinstance(add, AddWishDialog)
    qtbot.keyClicks(add.number, "999999")
    with qtbot.waitSignal(add.choicesLoaded, timeout=10_000):
        qtbot.keyClick(add.number, Qt.Key.Key_Return)  # Enter finds the student; it adds nothing yet
    assert "no student with the number 999999" in add.error.text() and add.isVisible()
    add.number.clear()
    qtbot.keyClicks(add.number, "200003")  # Beata, of group 2
    with qtbot.waitSignal(add.choicesLoaded, timeout=10_000):
        qtbot.keyClick(add.number, Qt.Key.Key_Return)
    assert add.who.text() == "200003 Beata Wymienny" and add.error.text() == ""
    assert add.source.currentText() == "ANG-B2 class 2"
    assert [add.targets.item(r).text() for r in range(add.targets.count())] == [
        "ANG-B2 class 1 · 0 of 2 seats free", "ANG-B2 class 3 · 0 of 2 seats free"]
    add.buttons.accepted.emit()
    assert "Tick at least one group" in add.error.text()
    # Group 3 first, then group 1: ticked, and group 3 moved up with Alt+Up.
    for row in range(2):
        add.targets.item(row).setCheckState(Qt.CheckState.Checked)
    add.targets.setCurrentRow(1)
    qtbot.keyClick(add.targets, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [add.targets.item(r).text() for r in range(2)] == [
        "1. ANG-B2 class 3 · 0 of 2 seats free", "2. ANG-B2 class 1 · 0 of 2 seats free"]
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        _run(qtbot, add)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    assert dialog.table.item(0, 0).text() == "200003 Beata Wymienny"
    assert dialog.table.item(0, 2).text() == "1. ANG-B2 class 3\n2. ANG-B2 class 1"
    assert dialog.table.item(0, 4).text() == "by a clerk"


def test_the_button_is_off_where_the_registration_allows_no_exchanges(qtbot, app_context, db, admin):
    _world(db, admin, exchanges_allowed=False)
    view = _calendar(qtbot, app_context)
    assert not view.exchanges_button.isEnabled()
    assert "does not allow exchanges" in view.exchanges_button.toolTip()
    view.show_exchanges()
    assert not hasattr(view, "last_exchanges")
