"""The student card: sections, the logged PESEL reveal, and personal data edits."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QGroupBox, QLabel, QPushButton
from sqlalchemy import select

from desk.errors import PermissionDenied
from desk.model import AuditEntry, Role
from desk.students import PersonChanges, update_person
from tests import factories
from ui.context import AppContext
from ui.views.student_card import PersonEditDialog, StudentCardWindow
from desk.unit_of_work import UnitOfWork

PESEL = "44051401359"


def _card(qtbot, context, student_id) -> StudentCardWindow:
    window = StudentCardWindow(context, student_id)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.card is not None, timeout=10_000)
    return window


def _texts(window) -> str:
    return " ".join(label.text() for label in window.findChildren(QLabel))


def test_card_shows_its_sections(qtbot, app_context, db):
    student_id = factories.student(db, "Łukasz", "Żółkiewski", number="654321", pesel=PESEL, birth_date=date(1944, 5, 14))
    window = _card(qtbot, app_context, student_id)
    names = {box.objectName() for box in window.findChildren(QGroupBox)}
    assert {"personSection", "programmesSection", "loginSection", "enrollmentsSection", "tokensSection"} <= names
    text = _texts(window)
    assert "Żółkiewski" in text and "654321@student.uni.example.pl" in text
    assert PESEL not in text and window.pesel_label.text() == "•" * 11


def test_showing_the_pesel_is_recorded(qtbot, app_context, db):
    student_id = factories.student(db, pesel=PESEL)
    window = _card(qtbot, app_context, student_id)
    window.show_pesel.click()
    qtbot.waitUntil(lambda: window.pesel_label.text() == PESEL, timeout=10_000)
    with db.read() as session:
        assert session.scalars(select(AuditEntry.action).where(AuditEntry.action == "person.view_pesel")).all()


def test_a_student_without_login_says_so(qtbot, app_context, db):
    window = _card(qtbot, app_context, factories.student(db, login=None))
    assert "No login account is linked" in window.findChild(QLabel, "loginLabel").text()


def test_edit_without_reason_keeps_what_was_typed(qtbot, app_context, db):
    student_id = factories.student(db)
    window = _card(qtbot, app_context, student_id)
    dialog = PersonEditDialog(app_context, window.card, None, window)
    qtbot.addWidget(dialog)
    dialog.last_name.setText("Kowalski-Nowak")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)
    assert "why" in dialog.error.text() and dialog.last_name.text() == "Kowalski-Nowak"
    dialog.birth_date.setText("17.05.2004")  # the clerk's way of writing a day is read, not refused
    dialog.reason.setText("akt małżeństwa")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.saved_card.last_name == "Kowalski-Nowak" and dialog.saved_card.birth_date == date(2004, 5, 17)


def test_edit_keeps_an_unrevealed_pesel(qtbot, app_context, db):
    student_id = factories.student(db, pesel=PESEL, birth_date=date(1944, 5, 14))
    window = _card(qtbot, app_context, student_id)
    dialog = PersonEditDialog(app_context, window.card, None, window)
    qtbot.addWidget(dialog)
    dialog.first_name.setText("Janusz")
    dialog.reason.setText("literówka w imieniu")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.saved_card.first_name == "Janusz" and dialog.saved_card.pesel_masked == "•" * 11


def test_clerk_of_another_unit_cannot_edit(qtbot, db, tasks):
    student_id = factories.student(db)
    outsider = factories.staff(db, "prawo", Role.CLERK, ("WPA",))
    window = _card(qtbot, AppContext(db, outsider, tasks), student_id)
    assert not window.edit.isEnabled()
    with pytest.raises(PermissionDenied):
        update_person(UnitOfWork(db, outsider), student_id, PersonChanges("A", None, "B", None, None, None), reason="r")


def test_card_lists_registrations_and_a_grant_admits_the_returning_student(qtbot, app_context, db):
    from datetime import timedelta

    from PySide6.QtWidgets import QApplication

    from desk.clock import now_utc
    from desk.model import Level, ProgrammeStatus
    from ui.views.student_card import GrantAccessDialog

    today = now_utc().date()
    term_id = factories.term(db, "2026Z", today - timedelta(days=30), today + timedelta(days=90))
    now = now_utc()
    factories.registration(db, code="WF-2026Z", term_id=term_id, rules=({"level": Level.FIRST_CYCLE},),
                           rounds=((now + timedelta(days=1), now + timedelta(days=7)),))
    student_id = factories.student(db, status=ProgrammeStatus.ON_LEAVE)
    window = _card(qtbot, app_context, student_id)
    table = window.registrations_table
    assert table.item(0, 0).text() == "WF-2026Z"
    assert table.item(0, 5).text() == "no" and "no rule admits" in table.item(0, 6).text().lower()

    dialogs = []

    def fill():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, GrantAccessDialog) and w.isVisible())
        dialogs.append(dialog)
        dialog.reason.setText("powrót z urlopu")
        dialog.buttons.accepted.emit()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, fill)
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.grant_button.click()
    assert dialogs
    assert window.registrations_table.item(0, 5).text() == "yes"


# --- on the portal --------------------------------------------------------------------------


def _portal_card(qtbot, context, student_id) -> StudentCardWindow:
    window = _card(qtbot, context, student_id)
    qtbot.waitUntil(lambda: window.comparison is not None, timeout=10_000)
    return window


def _aspect_row(window, aspect_label: str) -> int:
    table = window.portal_table
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == aspect_label)


def test_portal_section_shows_a_change_not_yet_sent_and_syncing_the_student_puts_it_in_step(qtbot, app_context, db):
    from datetime import timedelta

    from desk import sync
    from desk.access import grant_access
    from desk.clock import now_utc
    from desk.model import Level, ProgrammeStatus, SyncKind

    today = now_utc().date()
    term_id = factories.term(db, "2026Z", today - timedelta(days=30), today + timedelta(days=90))
    now = now_utc()
    registration = factories.registration(db, code="WF-2026Z", term_id=term_id, rules=({"level": Level.FIRST_CYCLE},),
                                          rounds=((now + timedelta(days=1), now + timedelta(days=7)),))
    student_id = factories.student(db, status=ProgrammeStatus.ON_LEAVE)
    other = factories.student(db, "Anna", "Nowak", status=ProgrammeStatus.ON_LEAVE)
    sync.run_sync(UnitOfWork(db, app_context.actor), SyncKind.FULL)

    window = _portal_card(qtbot, app_context, student_id)
    assert window.findChild(QGroupBox, "portalSection") is window.portal_section
    assert window.comparison.in_step
    assert window.portal_step.text() == "In step with the desk"
    assert window.portal_last_sync.text().startswith("Last successful sync: ")
    assert window.portal_table.rowCount() == 7
    assert [window.portal_table.horizontalHeaderItem(c).text() for c in range(3)] == ["Aspect", "On the portal", "At the desk"]
    assert not any(window.portal_table.item(r, 1).font().bold() for r in range(7))

    # A grant at the desk: the desk admits the student, the portal does not know yet.
    grant_access(UnitOfWork(db, app_context.actor), registration, [student_id, other], reason="powrót z urlopu")
    with qtbot.waitSignal(window.portalLoaded, timeout=10_000) as blocker:
        window.reload_portal()
    comparison = blocker.args[0]
    assert comparison.differences == ("registrations",)
    assert window.portal_step.text() == "One difference: not yet sent"
    row = _aspect_row(window, "Registrations")
    assert window.portal_table.item(row, 1).text() == "—"
    assert window.portal_table.item(row, 2).text() == "WF-2026Z: may register"
    for column in range(3):
        assert window.portal_table.item(row, column).font().bold()
        assert window.portal_table.item(row, column).background().color().name() == "#fde7c2"
    login_row = _aspect_row(window, "Login")
    assert not window.portal_table.item(login_row, 1).font().bold()

    button = window.findChild(QPushButton, "syncStudentButton")
    assert button.isEnabled() and button.accessibleName()
    with qtbot.waitSignal(window.studentSynced, timeout=20_000) as synced:
        button.click()
    report = synced.args[0]
    assert report.kind is SyncKind.STUDENT and report.sent == 1
    qtbot.waitUntil(lambda: window.comparison is not None and window.comparison.in_step, timeout=10_000)
    assert window.portal_step.text() == "In step with the desk"
    assert window.portal_table.item(row, 1).text() == "WF-2026Z: may register"
    assert not window.portal_table.item(row, 1).font().bold()
    assert "Changes sent: 1" in window.portal_sync_result.text()
    qtbot.waitUntil(lambda: "portal: 0" in window.findChild(QLabel, "portalWaitingLabel").text(), timeout=10_000)
    # Only this student went out: the other grant still waits.
    assert sum(w.count for w in sync.waiting(db)) == 1


def test_portal_section_of_a_student_never_synced(qtbot, app_context, db):
    window = _portal_card(qtbot, app_context, factories.student(db))
    assert {"login", "account"} <= set(window.comparison.differences)
    assert "differences: not yet sent" in window.portal_step.text()
    assert "not on the portal yet" in window.portal_step.text()
    assert window.portal_last_sync.text() == "No successful sync yet."


def test_portal_section_says_when_the_portal_cannot_be_read(qtbot, app_context, db, tmp_path):
    from desk.portal.database import set_portal_url

    folder = tmp_path / "no-such-folder" / "deeper"
    set_portal_url(db, f"sqlite:///{folder}/portal.sqlite")
    window = _card(qtbot, app_context, factories.student(db))
    qtbot.waitUntil(lambda: "cannot be read" in window.portal_step.text(), timeout=10_000)
    assert window.comparison is None and not window.portal_table.isVisible()


def test_the_card_shows_when_the_students_turn_comes(qtbot, app_context, db, admin):
    from datetime import timedelta

    from sqlalchemy import select

    from desk import round_audiences
    from desk.clock import now_utc
    from desk.model import Level, Round
    from desk.unit_of_work import UnitOfWork

    today = now_utc().date()
    term_id = factories.term(db, "2026Z", today - timedelta(days=30), today + timedelta(days=90))
    now = now_utc()
    registration = factories.registration(db, code="WF-2026Z", term_id=term_id, rules=({"level": Level.FIRST_CYCLE},),
                                          rounds=((now + timedelta(days=1), now + timedelta(days=7)),))
    first = factories.student(db, "Pierwszy", number="740001")
    second = factories.student(db, "Drugi", number="740002")
    with db.read() as session:
        round_id = session.scalar(select(Round.id).where(Round.registration_id == registration))
    round_audiences.turns_by_ranking(UnitOfWork(db, admin), round_id, "740001;5\n740002;4", turns=2, minutes=30,
                                     reason="średnia")
    window = _card(qtbot, app_context, second)
    assert "(turn 2)" in window.registrations_table.item(0, 4).text()
    window = _card(qtbot, app_context, first)
    assert "(turn 1)" in window.registrations_table.item(0, 4).text()
