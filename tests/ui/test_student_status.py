"""A clerk records a return from leave in the application: the rules admit the student again, and a
one-student sync shows the programme as active on the portal."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import select

from desk import eligibility, sync
from desk.clock import now_utc
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
    today = now.date()
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
