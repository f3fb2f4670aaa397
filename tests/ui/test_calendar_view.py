"""The registration calendar and its access panel, driven like a clerk would."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from desk import eligibility
from desk.clock import now_utc
from desk.model import AccessGrant, Level, ProgrammeStatus, Registration, RegistrationKind, Round
from desk.unit_of_work import UnitOfWork
from tests import factories
from ui.views.access_panel import BulkGrantDialog
from ui.views.calendar import RegistrationDialog, RegistrationsView, RoundDialog


def _world(db):
    now = now_utc()
    term = factories.term(db, "2026Z", (now - timedelta(days=30)).date(), (now + timedelta(days=90)).date())
    course = factories.course(db, "MAT-101")
    factories.group(db, course, term)
    reg = factories.registration(db, code="WMF-OGU", term_id=term, course_ids=(course,),
                                 rounds=((now - timedelta(hours=1), now + timedelta(days=3)),),
                                 rules=({"level": Level.FIRST_CYCLE, "stage": 1},))
    return term, course, reg


def _view(qtbot, app_context) -> RegistrationsView:
    view = RegistrationsView(app_context)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
    return view


def test_lists_registrations_with_state_and_detail(qtbot, app_context, db):
    _term, _course, reg = _world(db)
    view = _view(qtbot, app_context)
    assert view.table.item(0, 0).text() == "WMF-OGU"
    assert view.table.item(0, 5).text() == "active"
    assert view.rounds.rowCount() == 1 and view.rounds.item(0, 3).text() == "active"
    assert view.courses.item(0, 0).text() == "MAT-101"
    qtbot.waitUntil(lambda: view.access.rules_list.count() == 1, timeout=10_000)
    assert "first cycle" in view.access.rules_list.item(0).text()


def test_new_registration_refused_then_saved(qtbot, app_context, db):
    term, course, _reg = _world(db)
    factories.token_type(db)
    view = _view(qtbot, app_context)
    view.new_button.click()
    dialog = view.last_dialog
    assert isinstance(dialog, RegistrationDialog)
    qtbot.waitUntil(lambda: dialog.courses.count() == 1, timeout=10_000)
    dialog.code.setText("SJO-X")
    dialog.name.setText("Lektoraty")
    dialog.kind.setCurrentIndex(dialog.kind.findData(RegistrationKind.TOKEN))
    dialog.token.setCurrentIndex(-1)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)
    assert "token type" in dialog.error.text(), dialog.error.text()
    assert dialog.isVisible() and dialog.code.text() == "SJO-X"  # nothing lost
    dialog.token.setCurrentIndex(0)
    dialog.courses.item(0).setCheckState(dialog.courses.item(0).checkState().Checked)
    with qtbot.waitSignal(view.registrationsLoaded, timeout=10_000):
        dialog.buttons.accepted.emit()
    with db.read() as session:
        assert session.scalar(select(Registration.kind).where(Registration.code == "SJO-X")) is RegistrationKind.TOKEN


def test_overlapping_round_refused_and_a_valid_one_added(qtbot, app_context, db):
    _world(db)
    view = _view(qtbot, app_context)
    view.add_round_button.click()
    dialog = view.last_dialog
    assert isinstance(dialog, RoundDialog)
    dialog.name.setText("Tura II")
    dialog.buttons.accepted.emit()  # starts today 09:00: overlaps the open round
    qtbot.waitUntil(lambda: "overlaps" in dialog.error.text(), timeout=10_000)
    dialog.starts.setDateTime(dialog.starts.dateTime().addDays(10))
    dialog.ends.setDateTime(dialog.starts.dateTime().addDays(-1))
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "end after" in dialog.error.text(), timeout=10_000)
    dialog.ends.setDateTime(dialog.starts.dateTime().addDays(5))
    with qtbot.waitSignal(dialog.succeeded, timeout=10_000):
        dialog.buttons.accepted.emit()
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Round)) == 2


def test_bulk_list_reports_then_grants_on_confirmation(qtbot, app_context, db, admin):
    _term, _course, reg = _world(db)
    returning = factories.student(db, number="700001", status=ProgrammeStatus.ON_LEAVE)
    factories.student(db, number="700002", stage=2)
    view = _view(qtbot, app_context)
    view.tabs.setCurrentWidget(view.access)
    qtbot.waitUntil(lambda: view.access.list_button.isEnabled(), timeout=10_000)
    view.access.list_button.click()
    dialog = view.access.last_dialog
    assert isinstance(dialog, BulkGrantDialog)
    dialog.numbers.setPlainText("700001\n700002\n700001\n999999\n")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    report = dialog.report_label.text()
    assert "2 students found" in report and "999999" in report and "more than once" in report
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(AccessGrant)) == 0  # nothing until confirmed
    dialog.reason.setText("powrót z urlopu")
    with qtbot.waitSignal(view.access.changed, timeout=10_000):
        dialog.buttons.accepted.emit()
    assert eligibility.explain(UnitOfWork(db, admin), returning, reg).admitted
    qtbot.waitUntil(lambda: view.access.table.rowCount() == 2, timeout=10_000)


def test_the_detail_and_a_grant_follow_the_highlighted_registration_when_the_filter_changes(qtbot, app_context, db):
    from desk.model import AccessDecision

    term, course, first = _world(db)  # WMF-OGU, unit WMF
    other_course = factories.course(db, "FIL-101", unit_code="WFIL")
    second = factories.registration(db, code="WFIL-OGU", unit_code="WFIL", term_id=term, course_ids=(other_course,))
    student = factories.student(db, "Ola", "Nowak", number="700010")
    view = _view(qtbot, app_context)
    assert [line.code for line in view.lines] == ["WFIL-OGU", "WMF-OGU"]
    view.select_registration(first)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.line.id == first, timeout=10_000)

    # Only the other unit's registrations: the one listed (and highlighted) is the one the detail pane shows.
    with qtbot.waitSignal(view.registrationsLoaded, timeout=10_000):
        view.unit.setCurrentIndex(view.unit.findData(factories.unit(db, "WFIL")))
    assert view.current_id() == second
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.line.id == second, timeout=10_000)
    assert view.title.text().startswith("WFIL-OGU")
    assert view.access.registration_id == second

    # A grant from the access panel lands on the highlighted registration.
    view.tabs.setCurrentWidget(view.access)
    qtbot.waitUntil(lambda: view.access.grant_button.isEnabled(), timeout=10_000)
    view.access.grant_button.click()
    dialog = view.access.last_dialog
    qtbot.keyClicks(dialog.picker.field, "700010")
    qtbot.waitUntil(lambda: dialog.picker.student_id == student, timeout=10_000)
    dialog.reason.setText("decyzja dziekana")
    with qtbot.waitSignal(dialog.succeeded, timeout=10_000):
        dialog.buttons.accepted.emit()
    with db.read() as session:
        grants = session.execute(select(AccessGrant.registration_id, AccessGrant.decision)).all()
    assert grants == [(second, AccessDecision.GRANT)]

    # A filter that lists nothing: the detail pane shows nothing, and nothing can be granted.
    empty_term = factories.term(db, "2027L")
    view.term.addItem("2027L", empty_term)  # a term made after the view loaded its choices
    with qtbot.waitSignal(view.registrationsLoaded, timeout=10_000):
        view.term.setCurrentIndex(view.term.findData(empty_term))
    assert view.table.rowCount() == 0 and view.current_id() is None
    qtbot.waitUntil(lambda: view.detail is None, timeout=10_000)
    assert view.access.registration_id is None and not view.access.grant_button.isEnabled()


def test_grant_to_a_student_opens_in_the_student_field(qtbot, app_context, db):
    _world(db)
    factories.student(db, "Ola", "Nowak", number="700011")
    view = _view(qtbot, app_context)
    view.tabs.setCurrentWidget(view.access)
    qtbot.waitUntil(lambda: view.access.grant_button.isEnabled(), timeout=10_000)
    view.access.grant_button.click()
    dialog = view.access.last_dialog
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isActiveWindow() and QApplication.focusWidget() is not None, timeout=10_000)
    assert QApplication.focusWidget() is dialog.picker.field
    qtbot.keyClicks(dialog.focusWidget(), "700011")
    qtbot.waitUntil(lambda: dialog.picker.results.count() == 1, timeout=10_000)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.picker.results
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget().objectName() == "untilField"
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.reason
