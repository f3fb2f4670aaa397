"""The sync view: runs, what waits to go out, conflicts, the schedule, and "sync now" against a real database."""

from __future__ import annotations

import threading
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from desk import enrollment, staff, sync
from desk.access import grant_access
from desk.clock import now_utc
from desk.model import ClassGroup, Level, ProgrammeStatus, Role, SyncConflict, SyncKind, SyncResult
from desk.portal import schema
from desk.portal.database import open_portal_for
from desk.staff import Permission
from tests import factories
from ui.context import AppContext
from ui.tasks import Lane
from ui.views.sync_view import RUN_ERROR, RUN_KIND, RUN_RESULT, RUN_SENT, SyncView
from desk.unit_of_work import UnitOfWork


def _view(qtbot, context) -> SyncView:
    view = SyncView(context)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    qtbot.waitUntil(lambda: view.overview is not None, timeout=10_000)
    return view


def _open_registration(db, *, seat_limit: int = 20):
    """A first-come registration with an open round, one course and one group, for first-cycle students."""
    now = now_utc()
    term = factories.term(db, "2026Z", now.date() - timedelta(days=30), now.date() + timedelta(days=90))
    course = factories.course(db)
    group = factories.group(db, course, term, seat_limit=seat_limit)
    registration = factories.registration(db, code="WF-2026Z", term_id=term, course_ids=(course,),
                                          rules=({"level": Level.FIRST_CYCLE},),
                                          rounds=((now - timedelta(days=1), now + timedelta(days=7)),))
    return registration, group


def _student_registers_on_the_portal(db, student_id: int, registration_id: int, group_id: int, key: str = "portal-1") -> None:
    portal = open_portal_for(db)
    try:
        with portal.write() as target:
            target.execute(schema.actions.insert().values(
                action_key=key, kind="register", student_id=student_id, registration_id=registration_id, group_id=group_id,
                payment_accepted=False, submitted_at=now_utc().replace(tzinfo=None)))
    finally:
        portal.dispose()


def _with_a_conflict(db, admin):
    """The last place taken at the desk while a student was registering for it on the portal."""
    registration, group = _open_registration(db, seat_limit=1)
    first, second = factories.student(db), factories.student(db, "Anna", "Nowak")
    enrollment.enroll(UnitOfWork(db, admin), first, group, reason="decyzja prodziekana", registration_id=registration)
    _student_registers_on_the_portal(db, second, registration, group)
    return registration, group, second


def test_sync_now_lists_the_run_and_empties_the_queue(qtbot, app_context, db, admin):
    registration, _group = _open_registration(db)
    students = [factories.student(db, status=ProgrammeStatus.ON_LEAVE) for _ in range(3)]
    grant_access(UnitOfWork(db, admin), registration, students, reason="powrót z urlopu")
    view = _view(qtbot, app_context)
    assert view.waiting_total_count == 3
    assert view.waiting_table.rowCount() == 1 and view.waiting_table.item(0, 1).text() == "3"
    assert "3 changes are waiting" in view.waiting_total.text()
    assert view.runs_table.rowCount() == 0
    assert "No successful sync yet" in view.last_sync_label.text()
    assert view.sync_button.isVisible() and view.sync_button.isEnabled()

    with qtbot.waitSignal(view.finished, timeout=20_000) as blocker:
        view.sync_button.click()
    report = blocker.args[0]
    assert report.result is SyncResult.SUCCEEDED and report.sent == 3
    assert view.runs_table.rowCount() == 1
    assert view.runs_table.item(0, RUN_KIND).text() == "full"  # the first run to a new portal publishes it whole
    assert view.runs_table.item(0, RUN_SENT).text() == "3"
    assert view.runs_table.item(0, RUN_RESULT).text() == "succeeded"
    assert view.waiting_total_count == 0 and view.waiting_table.rowCount() == 0
    assert "Nothing is waiting" in view.waiting_total.text()
    assert "sent 3" in view.result_label.text() and not view.progress_row.isVisible()
    assert "Last successful sync" in view.last_sync_label.text()
    assert view.sync_button.isEnabled()


def test_a_full_sync_reports_the_rows_it_repaired(qtbot, app_context, db):
    factories.student(db)  # made without the services: nothing queued, so only a full sync publishes it
    view = _view(qtbot, app_context)
    assert view.waiting_total_count == 0
    with qtbot.waitSignal(view.finished, timeout=20_000) as blocker:
        view.full_button.click()
    report = blocker.args[0]
    assert report.kind is SyncKind.FULL and report.repaired_rows >= 4  # person, login, student, programme
    assert "rows repaired on the portal" in view.result_label.text()
    assert view.runs_table.item(0, RUN_KIND).text() == "full"


def test_a_cancelled_run_keeps_what_it_sent_and_says_so(qtbot, app_context, db, admin, tasks):
    registration, _group = _open_registration(db)
    grant_access(UnitOfWork(db, admin), registration, [factories.student(db, status=ProgrammeStatus.ON_LEAVE)], reason="powrót")
    view = _view(qtbot, app_context)
    gate = threading.Event()
    tasks.run(gate.wait, lane=Lane.LONG)  # the long-job lane is busy: the run waits in line
    view.run(SyncKind.FULL)
    assert view.progress_row.isVisible() and view.cancel_button.isEnabled()
    assert not view.sync_button.isEnabled() and not view.full_button.isEnabled()
    view.cancel_button.click()
    assert not view.cancel_button.isEnabled()
    with qtbot.waitSignal(view.finished, timeout=20_000) as blocker:
        gate.set()
    assert blocker.args[0].result is SyncResult.CANCELLED
    assert view.runs_table.item(0, RUN_RESULT).text() == "cancelled"
    assert "Cancelled" in view.result_label.text()
    assert view.waiting_total_count == 1  # nothing went out
    assert view.sync_button.isEnabled() and not view.progress_row.isVisible()


def test_a_failed_run_is_shown_and_listed(qtbot, app_context, db, tmp_path):
    from desk.portal.database import set_portal_url

    set_portal_url(db, f"sqlite:///{tmp_path}/no-such-folder/deeper/portal.sqlite")
    view = _view(qtbot, app_context)
    with qtbot.waitSignal(view.failed, timeout=20_000) as blocker:
        view.sync_button.click()
    assert "cannot be opened" in blocker.args[0] and blocker.args[0] in view.result_label.text()
    assert view.runs_table.item(0, RUN_RESULT).text() == "failed"
    assert "cannot be opened" in view.runs_table.item(0, RUN_ERROR).text()
    assert view.sync_button.isEnabled() and not view.progress_row.isVisible()


def test_a_conflict_is_listed_and_dismissed_with_a_reason(qtbot, app_context, db, admin):
    _registration, _group, second = _with_a_conflict(db, admin)
    view = _view(qtbot, app_context)
    assert view.conflicts_table.rowCount() == 0 and "No open conflicts" in view.conflicts_intro.text()
    with qtbot.waitSignal(view.finished, timeout=20_000) as blocker:
        view.sync_button.click()
    assert blocker.args[0].conflicts == 1
    assert view.conflicts_table.rowCount() == 1
    assert view.conflicts_table.item(0, 2).text() == "Anna Nowak"
    assert view.conflicts_table.item(0, 3).text() == "register"
    assert "full" in view.conflicts_table.item(0, 4).text()
    assert view.enroll_button.isEnabled() and view.dismiss_button.isEnabled()

    view.dismiss_button.click()
    dialog = view.last_dialog
    assert dialog.objectName() == "dismissConflictDialog" and "Anna Nowak" in dialog.intro.text()
    dialog.buttons.accepted.emit()  # no reason
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)
    assert "Say why" in dialog.error.text() and dialog.isVisible()
    dialog.reason.setText("student poinformowany mailowo")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        dialog.buttons.accepted.emit()
    assert view.conflicts_table.rowCount() == 0
    assert not view.dismiss_button.isEnabled() and not view.enroll_button.isEnabled()
    with db.read() as session:
        conflict = session.scalars(select(SyncConflict)).one()
    assert conflict.student_id == second and conflict.resolution == "student poinformowany mailowo"
    assert conflict.resolution_kind == "dismissed"


def test_a_conflict_settled_by_enrolling_over_the_limit(qtbot, app_context, db, admin):
    _registration, group, _second = _with_a_conflict(db, admin)
    sync.run_sync(UnitOfWork(db, admin))
    view = _view(qtbot, app_context)
    assert view.conflicts_table.rowCount() == 1
    view.conflicts_table.selectRow(0)
    view.enroll_button.click()
    dialog = view.last_dialog
    assert dialog.objectName() == "enrollOverLimitDialog"
    dialog.reason.setText("decyzja prodziekana")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        dialog.buttons.accepted.emit()
    assert view.conflicts_table.rowCount() == 0
    with db.read() as session:
        row = session.get(ClassGroup, group)
        assert (row.enrolled_count, row.seat_limit) == (2, 1)
    assert view.waiting_total_count >= 1  # the enrollment waits to go out


def test_only_a_clerk_of_the_groups_unit_may_dismiss_its_conflict(qtbot, db, admin, tasks):
    _with_a_conflict(db, admin)  # the group is run by the unit WMF
    sync.run_sync(UnitOfWork(db, admin))
    for login, units, may in (("obcy", ("WH",), False), ("swoj", ("WMF",), True)):
        clerk = factories.staff(db, login, Role.CLERK, units)
        view = _view(qtbot, AppContext(db, clerk, tasks))
        assert view.conflicts_table.rowCount() == 1  # every clerk sees what waits
        view.conflicts_table.selectRow(0)
        assert view.dismiss_button.isEnabled() is may, login
        assert view.enroll_button.isEnabled() is may, login


def test_the_administrator_edits_the_schedule_and_a_mistake_is_refused(qtbot, app_context, db):
    view = _view(qtbot, app_context)
    field = view.schedule_field
    assert field.text() == "01:25 full, 06:05 incremental, 16:05 incremental"
    assert not field.isReadOnly() and view.save_schedule_button.isVisible()
    assert not view.save_schedule_button.isEnabled()  # nothing edited yet
    assert "Next scheduled run" in view.next_run_label.text()

    field.selectAll()
    qtbot.keyClicks(field, "7 rano")
    assert view.save_schedule_button.isEnabled()
    view.save_schedule_button.click()
    qtbot.waitUntil(lambda: view.schedule_error.text() != "", timeout=10_000)
    assert "“7 rano” is not a schedule entry" in view.schedule_error.text()
    assert field.text() == "7 rano" and view.save_schedule_button.isEnabled()  # what was typed is kept

    field.selectAll()
    qtbot.keyClicks(field, "16:05 incremental; 2:00 full")
    with qtbot.waitSignal(view.scheduleSaved, timeout=10_000) as blocker:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert blocker.args[0] == "02:00 full, 16:05 incremental"
    assert field.text() == "02:00 full, 16:05 incremental" and view.schedule_error.text() == ""
    assert sync.format_schedule(sync.schedule(db)) == "02:00 full, 16:05 incremental"


def test_the_schedule_is_read_only_for_the_service_center(qtbot, db, tasks):
    cos = factories.staff(db, "cos", Role.SERVICE_CENTER)
    view = _view(qtbot, AppContext(db, cos, tasks))
    assert view.schedule_field.isReadOnly()
    assert not view.save_schedule_button.isVisible()
    assert "Only an administrator" in view.schedule_hint.text()
    view.save_schedule()  # even if asked: nothing is saved
    tasks.wait()
    assert sync.format_schedule(sync.schedule(db)) == sync.DEFAULT_SCHEDULE
    # The Student Service Center pushes data to the portal now, so it may run the sync.
    assert view.sync_button.isVisible() and view.full_button.isVisible()
    # ...but may not enroll anyone over a limit.
    assert not view.enroll_button.isEnabled()


def test_run_buttons_are_hidden_from_a_role_that_does_not_sync(qtbot, db, tasks, monkeypatch):
    monkeypatch.setitem(staff.ROLE_PERMISSIONS, Role.SERVICE_CENTER, frozenset({Permission.READ_STUDENTS}))
    reader = factories.staff(db, "cos", Role.SERVICE_CENTER)
    view = _view(qtbot, AppContext(db, reader, tasks))
    assert not view.sync_button.isVisible() and not view.full_button.isVisible()
    view.run(SyncKind.INCREMENTAL)  # asked anyway: nothing starts
    assert not view.running and not view.progress_row.isVisible()
    assert view.refresh_button.isVisible()


def test_f5_refreshes(qtbot, app_context, db, admin):
    registration, _group = _open_registration(db)
    view = _view(qtbot, app_context)
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=10_000)  # a shortcut answers in the window that has the keyboard
    assert view.waiting_total_count == 0
    grant_access(UnitOfWork(db, admin), registration, [factories.student(db, status=ProgrammeStatus.ON_LEAVE)], reason="powrót")
    view.runs_table.setFocus()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(view.runs_table, Qt.Key.Key_F5)
    assert view.waiting_total_count == 1


def test_buttons_have_names_and_accelerators(qtbot, app_context):
    from PySide6.QtWidgets import QPushButton

    view = _view(qtbot, app_context)
    for name in ("syncNowButton", "fullSyncButton", "refreshSyncButton", "cancelSyncButton", "enrollOverLimitButton",
                 "dismissConflictButton", "saveScheduleButton"):
        widget = view.findChild(QPushButton, name)
        assert widget is not None and widget.accessibleName() and "&" in widget.text(), name
    for name in ("syncRunsTable", "waitingTable", "conflictsTable", "scheduleField"):
        assert view.findChild(QWidget, name).accessibleName(), name


def test_a_run_stopped_by_force_shows_as_interrupted(qtbot, app_context, db, admin):
    from desk.model import SyncRun, SyncTrigger

    now = now_utc()
    with db.write() as session:  # killed an hour ago, and one still giving signs of life
        session.add_all([
            SyncRun(kind=SyncKind.FULL, trigger=SyncTrigger.SCHEDULE, started_at=now - timedelta(hours=1), result=SyncResult.RUNNING),
            SyncRun(kind=SyncKind.INCREMENTAL, trigger=SyncTrigger.SCHEDULE, started_at=now - timedelta(minutes=50),
                    heartbeat_at=now - timedelta(seconds=10), result=SyncResult.RUNNING),
        ])
    view = _view(qtbot, app_context)
    shown = {view.runs_table.item(row, RUN_KIND).text(): view.runs_table.item(row, RUN_RESULT).text()
             for row in range(view.runs_table.rowCount())}
    assert shown == {"full": "interrupted", "incremental": "running"}


def test_every_kind_of_queued_record_and_of_student_action_has_words():
    from desk.portal.publish import DIRECT
    from desk.sync import FIRST_COME_KINDS, REFUSED_KINDS, TOKEN_REQUEST_KINDS
    from ui.views.sync_view import action_label, entity_label

    # A code shown as it is would keep its underscore ("exchange_wish"); words have none.
    for entity in set(DIRECT) - {"student_record"} | {"course", "term", "token_entry", "seat_share"}:
        assert "_" not in entity_label(entity), entity
    for kind in FIRST_COME_KINDS | TOKEN_REQUEST_KINDS | REFUSED_KINDS:
        assert "_" not in action_label(kind), kind
