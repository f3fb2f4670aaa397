"""The registration calendar and its access panel, driven like a clerk would."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from desk import eligibility
from desk.clock import now_utc
from desk.model import (
    AccessGrant,
    AuditEntry,
    Level,
    ProgrammeStatus,
    Registration,
    RegistrationKind,
    Round,
    RoundStart,
    RoundStudent,
)
from desk.unit_of_work import UnitOfWork
from tests import factories
from ui.views.access_panel import BulkGrantDialog
from ui.formats import datetime_text
from ui.views.calendar import RegistrationDialog, RegistrationsView, RoundDialog
from ui.views.round_audience_dialog import RoundAudienceDialog


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


# --- who and when: a round's audience and turns ------------------------------------------------------------------


def _active(qtbot, window):
    """Shown and active, with the keyboard in it: Alt+letters reach its fields."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow() and QApplication.focusWidget() is not None, timeout=10_000)
    return window


def _who_and_when(qtbot, view) -> RoundAudienceDialog:
    """The first round highlighted, and its "Who and when…" opened by its Alt+letter from the calendar."""
    before = getattr(view, "last_dialog", None)
    view.rounds.setFocus()
    view.rounds.selectRow(0)
    _active(qtbot, view)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(getattr(view, "last_dialog", None), RoundAudienceDialog)
                    and view.last_dialog is not before, timeout=10_000)
    dialog = view.last_dialog
    _active(qtbot, dialog)
    assert dialog.focusWidget() is dialog.audience  # it opens in its first choice: whom the round is for
    qtbot.waitUntil(lambda: dialog.programme.count() > 1, timeout=10_000)  # the programmes to choose from
    return dialog


def _key(qtbot, dialog, key, alt=False) -> None:
    qtbot.keyClick(dialog.focusWidget(), key, Qt.KeyboardModifier.AltModifier if alt else Qt.KeyboardModifier.NoModifier)


def _reason_and_save(qtbot, dialog, reason: str) -> None:
    _key(qtbot, dialog, Qt.Key.Key_R, alt=True)
    assert dialog.focusWidget() is dialog.reason
    qtbot.keyClicks(dialog.reason, reason)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter saves


def _round(db) -> Round:
    with db.read() as session:
        row = session.scalars(select(Round)).one()
        session.expunge(row)
        return row


def _round_cells(view) -> tuple[str, str]:
    return view.rounds.item(0, 4).text(), view.rounds.item(0, 5).text()


def test_a_round_for_students_matching_a_rule_set_by_keyboard(qtbot, app_context, db):
    _world(db)
    factories.programme(db, "INF-S2")
    view = _view(qtbot, app_context)
    assert _round_cells(view) == ("everyone", "")
    dialog = _who_and_when(qtbot, view)
    _key(qtbot, dialog, Qt.Key.Key_Down)  # everyone -> students matching a rule
    assert dialog.audience.currentData() == "rule" and dialog.programme.isVisible()
    _key(qtbot, dialog, Qt.Key.Key_M, alt=True)  # Progra&mme
    assert dialog.focusWidget() is dialog.programme
    _key(qtbot, dialog, Qt.Key.Key_Down)  # the first programme after "any programme": INF-S2
    assert dialog.programme.currentText().startswith("INF-S2")
    _key(qtbot, dialog, Qt.Key.Key_A, alt=True)  # St&age
    assert dialog.focusWidget() is dialog.stage
    qtbot.keyClicks(dialog.stage, "2")
    with qtbot.waitSignal(view.registrationsLoaded, timeout=10_000):
        _reason_and_save(qtbot, dialog, "najpierw drugi rok INF-S2")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)  # nothing to read afterwards: it closes
    row = _round(db)
    assert (row.audience_programme_id, row.audience_stage, row.audience_listed) == (
        factories.programme(db, "INF-S2"), 2, False)
    qtbot.waitUntil(lambda: _round_cells(view)[0] == "INF-S2 · stage 2", timeout=10_000)


def test_a_round_for_a_list_shows_what_it_found_before_saving(qtbot, app_context, db):
    _world(db)
    listed = factories.student(db, "Ola", "Nowak", number="700021")
    view = _view(qtbot, app_context)
    dialog = _who_and_when(qtbot, view)
    _key(qtbot, dialog, Qt.Key.Key_Down)
    _key(qtbot, dialog, Qt.Key.Key_Down)  # students on a list
    assert dialog.audience.currentData() == "list"
    _key(qtbot, dialog, Qt.Key.Key_N, alt=True)
    assert dialog.focusWidget() is dialog.numbers
    qtbot.keyClicks(dialog.numbers, "700021, 999999")
    _reason_and_save(qtbot, dialog, "lista z dziekanatu")  # not checked yet: refused, nothing saved
    qtbot.waitUntil(lambda: "Check the list first" in dialog.error.text(), timeout=10_000)
    _key(qtbot, dialog, Qt.Key.Key_C, alt=True)  # &Check
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    report = dialog.list_report.text()
    assert "1 student" in report and "found" in report and "Unknown numbers, left out (1): 999999" in report
    assert not _round(db).audience_listed
    with qtbot.waitSignal(dialog.succeeded, timeout=10_000):
        _key(qtbot, dialog, Qt.Key.Key_S, alt=True)  # &Save
    row = _round(db)
    with db.read() as session:
        assert row.audience_listed and session.scalars(select(RoundStudent.student_id)).all() == [listed]
    qtbot.waitUntil(lambda: _round_cells(view)[0].startswith("list of 1 "), timeout=10_000)


def test_turns_from_a_ranking_file_are_shown_in_the_dialog_then_cleared(qtbot, app_context, db, tmp_path):
    _world(db)
    for index in range(4):
        factories.student(db, f"S{index}", number=f"70010{index}")
    ranking = tmp_path / "ranking.csv"
    ranking.write_text("nr_albumu;srednia\n700100;4,50\n700101;5,00\n700102;3,75\n700103;4,00\n123;4,0\nśmieci\n",
                       encoding="utf-8")
    view = _view(qtbot, app_context)
    start = _round(db).starts_at
    dialog = _who_and_when(qtbot, view)
    _key(qtbot, dialog, Qt.Key.Key_O, alt=True)
    assert dialog.focusWidget() is dialog.opens
    _key(qtbot, dialog, Qt.Key.Key_Down)  # in turns by a ranking file
    _key(qtbot, dialog, Qt.Key.Key_K, alt=True)
    assert dialog.focusWidget() is dialog.ranking_file
    qtbot.keyClicks(dialog.ranking_file, str(ranking))
    _key(qtbot, dialog, Qt.Key.Key_T, alt=True)
    assert dialog.focusWidget() is dialog.turn_count
    dialog.turn_count.selectAll()
    qtbot.keyClicks(dialog.turn_count, "2")
    _key(qtbot, dialog, Qt.Key.Key_B, alt=True)
    assert dialog.focusWidget() is dialog.ranking_minutes
    dialog.ranking_minutes.selectAll()
    qtbot.keyClicks(dialog.ranking_minutes, "20")
    with qtbot.waitSignal(dialog.succeeded, timeout=10_000):
        _reason_and_save(qtbot, dialog, "ranking ze sredniej")
    # The turns made are shown in the dialog, which stays open for them; the lines that named nobody too.
    qtbot.waitUntil(lambda: dialog.turns_table.rowCount() == 2 and dialog.turns_table.isVisible(), timeout=10_000)
    assert dialog.isVisible()
    zone = app_context.time_zone
    assert [[dialog.turns_table.item(r, c).text() for c in range(3)] for r in range(2)] == [
        ["1", datetime_text(start, zone), "2"], ["2", datetime_text(start + timedelta(minutes=20), zone), "2"]]
    assert dialog.done_turns.unknown == ("123",) and dialog.done_turns.unreadable == (7,)
    note = dialog.turns_note.text()
    assert "Not students at the desk (1): 123" in note and "Lines without a student number and a score (1): 7" in note
    assert dialog.opens.currentData() == "keep"  # saving again would change nothing
    assert dialog.buttons.button(dialog.buttons.StandardButton.Cancel).text() == "Close"
    assert _round(db).last_turn_at is not None
    qtbot.waitUntil(lambda: _round_cells(view)[1].startswith("last turn "), timeout=10_000)
    assert datetime_text(start + timedelta(minutes=20), zone) in _round_cells(view)[1]
    dialog.reject()

    # Cleared: everyone opens it at its start again; nothing to read, so the dialog closes.
    dialog = _who_and_when(qtbot, view)
    assert dialog.opens.currentData() == "keep"
    _key(qtbot, dialog, Qt.Key.Key_O, alt=True)
    _key(qtbot, dialog, Qt.Key.Key_Home)  # all at the round's start
    assert dialog.opens.currentData() == "start"
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        _reason_and_save(qtbot, dialog, "jednak wszyscy naraz")
    assert _round(db).last_turn_at is None
    qtbot.waitUntil(lambda: _round_cells(view)[1] == "", timeout=10_000)


def test_turns_that_would_open_after_the_round_ends_are_refused_in_the_dialog_with_the_input_kept(
        qtbot, app_context, db, tmp_path):
    _world(db)
    factories.student(db, number="700200", programme_code="INF-S2")
    ranking = tmp_path / "ranking.txt"
    ranking.write_text("700200 4.5\n", encoding="utf-8")
    view = _view(qtbot, app_context)
    dialog = _who_and_when(qtbot, view)
    _key(qtbot, dialog, Qt.Key.Key_Down)  # a rule: INF-S2, saved before the turns are tried
    _key(qtbot, dialog, Qt.Key.Key_M, alt=True)  # Progra&mme
    _key(qtbot, dialog, Qt.Key.Key_Down)
    _key(qtbot, dialog, Qt.Key.Key_O, alt=True)
    _key(qtbot, dialog, Qt.Key.Key_Down)
    dialog.ranking_file.setText(str(ranking))
    dialog.turn_count.setValue(50)
    dialog.ranking_minutes.setValue(24 * 60)  # 49 days after the start: the round ends in 3 days
    _reason_and_save(qtbot, dialog, "tury")
    qtbot.waitUntil(lambda: "when the round has ended" in dialog.error.text(), timeout=10_000)
    assert dialog.isVisible() and dialog.ranking_file.text() == str(ranking) and dialog.reason.text() == "tury"
    row = _round(db)
    assert row.last_turn_at is None and row.audience_programme_id == factories.programme(db, "INF-S2")
    # Fewer minutes between them: saved now, and the audience, saved already, is not set again.
    dialog.ranking_minutes.setValue(30)
    with qtbot.waitSignal(dialog.succeeded, timeout=10_000) as saved:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert saved.args[0].turns[-1].number == 50
    with db.read() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert [a for a in actions if a.startswith("round.")] == ["round.audience", "round.turns"]
    dialog.reject()


def test_turns_by_stage_the_stages_as_typed(qtbot, app_context, db):
    _world(db)
    factories.student(db, number="700301", stage=3)  # not admitted: the registration's rule is the first year
    first = factories.student(db, number="700302", stage=1)
    view = _view(qtbot, app_context)
    dialog = _who_and_when(qtbot, view)
    _key(qtbot, dialog, Qt.Key.Key_O, alt=True)
    _key(qtbot, dialog, Qt.Key.Key_End)  # in turns by stage
    assert dialog.opens.currentData() == "stage"
    _key(qtbot, dialog, Qt.Key.Key_G, alt=True)
    assert dialog.focusWidget() is dialog.stages
    dialog.stages.selectAll()
    qtbot.keyClicks(dialog.stages, "3, trzeci")
    _reason_and_save(qtbot, dialog, "rocznikami")
    assert "Give the stages as numbers" in dialog.error.text()  # refused before anything is asked of the desk
    dialog.stages.selectAll()
    qtbot.keyClicks(dialog.stages, "3 1")
    with qtbot.waitSignal(dialog.succeeded, timeout=10_000) as saved:
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    # The registration admits the first year only (its rule): the third year's turn is made, and empty.
    assert [(t.number, t.students) for t in saved.args[0].turns] == [(1, 0), (2, 1)]
    with db.read() as session:
        assert dict(session.execute(select(RoundStart.student_id, RoundStart.turn)).all()) == {first: 2}


def test_exchanges_and_waiting_lists_switched_on_in_the_registration_dialog_are_saved(qtbot, app_context, db):
    _term, _course, reg = _world(db)
    view = _view(qtbot, app_context)
    assert not view.exchanges_button.isEnabled()  # the registration allows none yet
    view.edit_button.click()
    dialog = view.last_dialog
    assert isinstance(dialog, RegistrationDialog)
    assert not dialog.exchanges.isChecked() and not dialog.waiting_lists.isChecked()
    qtbot.waitUntil(lambda: dialog.courses.count() == 1, timeout=10_000)
    dialog.exchanges.setChecked(True)
    dialog.waiting_lists.setChecked(True)
    dialog.reason.setText("wymiany i listy")
    with qtbot.waitSignal(view.detailLoaded, timeout=10_000):
        dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: view.exchanges_button.isEnabled(), timeout=10_000)
    with db.read() as session:
        saved = session.get(Registration, reg)
        assert (saved.exchanges, saved.waiting_lists, saved.clash_check) == (True, True, True)
        change = session.scalars(select(AuditEntry).where(AuditEntry.entity == "registration")
                                 .order_by(AuditEntry.id.desc())).first()
        assert (change.before["exchanges"], change.after["exchanges"]) == (False, True)
        assert change.after["waiting_lists"] is True and change.reason == "wymiany i listy"
    assert "students may exchange groups" in view.info.text() and "full groups keep waiting lists" in view.info.text()
    view.edit_button.click()  # opened again: as saved
    again = view.last_dialog
    assert again.exchanges.isChecked() and again.waiting_lists.isChecked()
    again.reject()
