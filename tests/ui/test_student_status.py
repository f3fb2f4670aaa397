"""A clerk records a return from leave in the application: the rules admit the student again, and a
one-student sync shows the programme as active on the portal."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import select

from desk import eligibility, sync
from desk.clock import now_utc, to_local
from desk.eligibility import Condition, Outcome
from desk.model import AuditEntry, Level, ProgrammeStatus, Role, StudentProgramme, StudyMode, SyncKind
from desk.portal import schema
from desk.portal.database import open_portal_for
from desk.unit_of_work import UnitOfWork
from tests import factories
from ui.context import AppContext
from ui.views.student_card import StudentCardWindow
from ui.views.student_record_dialogs import StatusChangeDialog


def _portal_status(db, student_id: int) -> str | None:
    portal = open_portal_for(db)
    try:
        with portal.read() as session:
            return session.scalar(select(schema.student_programmes.c.status)
                                  .where(schema.student_programmes.c.student_id == student_id))
    finally:
        portal.dispose()


def test_a_return_from_leave_recorded_in_the_application_admits_the_student_and_reaches_the_portal(qtbot, db, admin,
                                                                                                    tasks):
    now = now_utc()
    today = to_local(now).date()  # the university's day (the dialog's default), not the machine's UTC one
    term_id = factories.term(db, "2026Z", today - timedelta(days=30), today + timedelta(days=90))
    course_id = factories.course(db)
    factories.group(db, course_id, term_id)
    registration = factories.registration(db, code="SJO-2026Z", term_id=term_id, course_ids=(course_id,),
                                          rounds=((now + timedelta(days=1), now + timedelta(days=8)),),
                                          rules=({"level": Level.FIRST_CYCLE, "mode": StudyMode.FULL_TIME},))
    student_id = factories.student(db, "Łucja", "Żak", status=ProgrammeStatus.ON_LEAVE)
    left_on, back_by = today - timedelta(days=60), today + timedelta(days=300)
    with db.write() as session:
        line = session.scalars(select(StudentProgramme).where(StudentProgramme.student_id == student_id)).one()
        line.status_since, line.status_until = left_on, back_by
    clerk = factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    sync.run_sync(UnitOfWork(db, clerk), SyncKind.FULL)
    assert _portal_status(db, student_id) == "on_leave"

    # While on leave, the rules do not admit the student: the explanation names the status with its dates.
    before = eligibility.explain(UnitOfWork(db, clerk), student_id, registration)
    assert not before.admitted
    assert f"On leave since {left_on.isoformat()} until {back_by.isoformat()}" in before.first_failure.detail

    context = AppContext(db, clerk, tasks)
    window = StudentCardWindow(context, student_id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.card is not None, timeout=10_000)
    status_cell = window.programmes_table.item(0, 5).text()
    assert status_cell == f"on leave since {left_on.isoformat()} until {back_by.isoformat()}"
    assert window.status_button.isEnabled()

    # The clerk opens "Change status…" from the keyboard (its mnemonic), the programme's field has the focus.
    window.status_button.setFocus()
    qtbot.keyClick(window.status_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: any(isinstance(w, StatusChangeDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=5_000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, StatusChangeDialog) and w.isVisible())
    qtbot.waitUntil(lambda: dialog.programme.hasFocus() or QApplication.focusWidget() is dialog.programme, timeout=5_000)
    statuses = [dialog.status.itemData(i) for i in range(dialog.status.count())]
    assert statuses == ["active", "suspended", "removed"]  # what a leave may become
    assert dialog.status.currentData() == "active"
    assert not dialog.has_until.isEnabled()  # a return has no planned end
    assert dialog.since.date() == QDate(today.year, today.month, today.day)
    # Without a reason the dialog refuses and keeps what was chosen.
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)
    assert "Say why" in dialog.error.text() and dialog.isVisible()
    qtbot.keyClicks(dialog.reason, "return from leave, decision 7/2027")
    with qtbot.waitSignal(window.loaded, timeout=10_000):  # the announced change reloads the card
        with qtbot.waitSignal(dialog.succeeded, timeout=10_000):
            qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert window.programmes_table.item(0, 5).text() == f"active since {today.isoformat()}"

    with db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "student_programme.status")).one()
    assert entry.staff_id == clerk.id and entry.reason == "return from leave, decision 7/2027"
    assert (entry.before["status"], entry.after["status"]) == ("on_leave", "active")

    # The rules admit an active full-time student; what still stops them is that the portal does not know yet.
    after = eligibility.explain(UnitOfWork(db, clerk), student_id, registration)
    passed = {check.condition for check in after.checks if check.outcome is Outcome.PASSED}
    assert {Condition.RULE_OR_GRANT, Condition.PROGRAMME_STATUS} <= passed
    assert "Admitted by a rule" in next(c.detail for c in after.checks if c.condition is Condition.RULE_OR_GRANT)
    assert after.first_failure.condition is Condition.PORTAL

    # Not on the portal until the student is synced; the card's one-student sync sends it.
    assert _portal_status(db, student_id) == "on_leave"
    with qtbot.waitSignal(window.studentSynced, timeout=20_000) as synced:
        window.sync_student_button.click()
    assert synced.args[0].kind is SyncKind.STUDENT and synced.args[0].sent >= 1
    assert _portal_status(db, student_id) == "active"
    qtbot.waitUntil(lambda: window.comparison is not None and window.comparison.in_step, timeout=10_000)
    assert [(r.code, r.may_register) for r in window.comparison.portal.registrations] == [("SJO-2026Z", True)]
    synced_now = eligibility.explain(UnitOfWork(db, clerk), student_id, registration)
    assert synced_now.admitted, synced_now.summary


def test_a_new_student_is_admitted_from_the_lookup_by_keyboard(qtbot, db, admin, tasks):
    from ui.views.student_lookup import StudentLookupView
    from ui.views.student_record_dialogs import NewStudentDialog

    factories.programme(db, "INF-S1")
    factories.login_templates(db)
    factories.student(db, "Jan", "Kowalski", number="004321")
    clerk = factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    view = StudentLookupView(AppContext(db, clerk, tasks))
    qtbot.addWidget(view)
    view.show()
    assert view.new_student_button.isEnabled()
    dialog = view.new_student()
    assert isinstance(dialog, NewStudentDialog)
    qtbot.waitUntil(lambda: dialog.programmes_loaded, timeout=10_000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.first_name, timeout=5_000)
    # Fits a 1366x768 screen with room for the window frame and the task bar.
    hint = dialog.sizeHint()
    assert hint.width() <= 1366 and hint.height() <= 700, hint
    qtbot.keyClicks(dialog.first_name, "Lucja")
    dialog.last_name.setText("Żak")
    qtbot.keyClicks(dialog.student_number, "00x4321")  # the field takes digits only
    assert dialog.student_number.text() == "004321"
    dialog.birth_date.setText("1944-05-14")
    dialog.pesel.setText("44051401359")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    qtbot.waitUntil(lambda: "already belongs to Jan Kowalski" in dialog.error.text(), timeout=10_000)
    assert dialog.isVisible() and dialog.first_name.text() == "Lucja"  # refused, nothing typed is lost
    dialog.student_number.setText("004322")
    with qtbot.waitSignal(view.studentAdmitted, timeout=10_000) as admitted:
        ok.click()
    admission = admitted.args[0]
    assert admission.student_number == "004322" and admission.login == "004322@" + factories.STUDENT_DOMAIN
    card = view._cards[admission.student_id]
    qtbot.waitUntil(lambda: card.card is not None, timeout=10_000)
    assert (card.card.last_name, card.card.programmes[0].code) == ("Żak", "INF-S1")
    card.close()


def test_status_dialog_fits_the_screen_and_offers_what_a_status_may_become(qtbot, db, admin, tasks):
    student_id = factories.student(db, status=ProgrammeStatus.REMOVED)
    clerk = factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    for actor, offered in ((clerk, []), (admin, ["active"])):
        window = StudentCardWindow(AppContext(db, actor, tasks), student_id)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.card is not None, timeout=10_000)
        dialog = StatusChangeDialog(window.context, window.card, 0, window)
        qtbot.addWidget(dialog)
        assert [dialog.status.itemData(i) for i in range(dialog.status.count())] == offered
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled() == bool(offered)
        hint = dialog.sizeHint()
        assert hint.width() <= 1366 and hint.height() <= 700, hint
    dialog.choose_status(ProgrammeStatus.ACTIVE)
    dialog.reason.setText("odwołanie uwzględnione")
    with qtbot.waitSignal(dialog.succeeded, timeout=10_000) as done:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert done.args[0].status is ProgrammeStatus.ACTIVE


def test_ctrl_n_in_the_main_window_opens_the_new_student_dialog(qtbot, app_context):
    from PySide6.QtGui import QKeySequence

    from ui.main_window import MainWindow
    from ui.views.student_record_dialogs import NewStudentDialog

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    action = window.findChild(type(window.actions()[0]), "newStudentAction")
    assert action.shortcut() == QKeySequence("Ctrl+N")
    action.trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, NewStudentDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=5_000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, NewStudentDialog) and w.isVisible())
    qtbot.waitUntil(lambda: dialog.programmes_loaded, timeout=10_000)
    dialog.reject()


def test_the_lookup_shows_a_status_changed_on_a_card(qtbot, db, admin, tasks):
    from ui.models.student_table_model import STATUS
    from ui.views.student_lookup import StudentLookupView

    factories.student(db, "Anna", "Kowalska")
    student_id = factories.student(db, "Jan", "Kowalski", status=ProgrammeStatus.ON_LEAVE)
    view = StudentLookupView(AppContext(db, admin, tasks))
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.searchFinished, timeout=10_000):
        view.set_query("kowalsk")
    row = next(r for r in range(view.model.rowCount()) if view.model.row_at(r).student_id == student_id)
    view.table.setCurrentIndex(view.model.index(row, 0))
    assert view.model.index(row, STATUS).data() == "on leave"
    window = view.open_student(student_id)
    qtbot.waitUntil(lambda: window.card is not None, timeout=10_000)
    dialog = window.change_status()
    dialog.reason.setText("powrót z urlopu")
    with qtbot.waitSignal(view.searchFinished, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert view.model.index(row, STATUS).data() == "active"
    assert view.table.currentIndex().row() == row  # the same student stays selected
    window.close()


def test_the_student_service_center_neither_admits_nor_changes_a_status(qtbot, db, admin, tasks):
    from ui.views.student_lookup import StudentLookupView

    student_id = factories.student(db)
    service = factories.staff(db, "cos", Role.SERVICE_CENTER)
    context = AppContext(db, service, tasks)
    view = StudentLookupView(context)
    qtbot.addWidget(view)
    assert not view.new_student_button.isEnabled() and view.new_student() is None
    window = StudentCardWindow(context, student_id)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.card is not None, timeout=10_000)
    assert not window.status_button.isEnabled()


def test_the_programme_selected_on_the_card_is_the_one_changed(qtbot, app_context, db):
    from datetime import date

    from desk.student_records import add_programme

    student_id = factories.student(db)
    second = factories.programme(db, "INF-S2")
    add_programme(UnitOfWork(db, app_context.actor), student_id, second, 1, date(2026, 10, 1))
    window = StudentCardWindow(app_context, student_id)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.card is not None, timeout=10_000)
    row = next(r for r, p in enumerate(window.card.programmes) if p.code == "INF-S1")
    window.programmes_table.selectRow(row)
    dialog = window.change_status()
    assert dialog.programme.currentData() == window.card.programmes[row].id
    dialog.choose_status(ProgrammeStatus.ON_LEAVE)
    assert dialog.has_until.isEnabled() and not dialog.until.isEnabled()
    dialog.has_until.setChecked(True)
    assert dialog.until.isEnabled()
    dialog.since.setDate(QDate(2026, 10, 1))
    dialog.until.setDate(QDate(2026, 9, 30))
    dialog.reason.setText("urlop zdrowotny")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    qtbot.waitUntil(lambda: "must come after the start" in dialog.error.text(), timeout=10_000)
    dialog.until.setDate(QDate(2027, 9, 30))
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        ok.click()
    lines = {p.code: p for p in window.card.programmes}
    assert (lines["INF-S1"].status, lines["INF-S1"].status_until) == (ProgrammeStatus.ON_LEAVE, date(2027, 9, 30))
    assert lines["INF-S2"].status is ProgrammeStatus.ACTIVE


def test_one_more_programme_and_the_next_stage_from_the_card(qtbot, app_context, db):
    from ui.views.student_record_dialogs import AddProgrammeDialog, StageDialog

    student_id = factories.student(db)
    factories.programme(db, "INF-S2", level=Level.SECOND_CYCLE)
    window = StudentCardWindow(app_context, student_id)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.card is not None, timeout=10_000)
    dialog = window.add_programme()
    assert isinstance(dialog, AddProgrammeDialog)
    qtbot.waitUntil(lambda: dialog.programmes_loaded, timeout=10_000)
    assert [dialog.programme.itemText(i).split(" ")[0] for i in range(dialog.programme.count())] == ["INF-S2"]
    assert dialog.sizeHint().height() <= 700
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert sorted(p.code for p in window.card.programmes) == ["INF-S1", "INF-S2"]

    row = next(r for r, p in enumerate(window.card.programmes) if p.code == "INF-S1")
    window.programmes_table.selectRow(row)
    stage = window.change_stage()
    assert isinstance(stage, StageDialog) and stage.stage.value() == 2  # the next year, proposed
    ok = stage.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    qtbot.waitUntil(lambda: "Say why the stage changes" in stage.error.text(), timeout=10_000)
    stage.reason.setText("wpis na drugi rok")
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        ok.click()
    assert {p.code: p.stage for p in window.card.programmes} == {"INF-S1": 2, "INF-S2": 1}
