"""The student card: sections, the logged PESEL reveal, and personal data edits."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QGroupBox, QLabel
from sqlalchemy import select

from desk.errors import PermissionDenied
from desk.model import AuditEntry, Role
from desk.students import PersonChanges, update_person
from tests import factories
from ui.context import AppContext
from ui.views.student_card import PersonEditDialog, StudentCardWindow

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
    assert PESEL not in text and "1359" in window.pesel_label.text()


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
    dialog.birth_date.setText("17.05.2004")
    dialog.reason.setText("akt małżeństwa")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "YYYY-MM-DD" in dialog.error.text()
    dialog.birth_date.setText("")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.saved_card.last_name == "Kowalski-Nowak"


def test_edit_keeps_an_unrevealed_pesel(qtbot, app_context, db):
    student_id = factories.student(db, pesel=PESEL, birth_date=date(1944, 5, 14))
    window = _card(qtbot, app_context, student_id)
    dialog = PersonEditDialog(app_context, window.card, None, window)
    qtbot.addWidget(dialog)
    dialog.first_name.setText("Janusz")
    dialog.reason.setText("literówka w imieniu")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.saved_card.first_name == "Janusz" and dialog.saved_card.pesel_masked.endswith("1359")


def test_clerk_of_another_unit_cannot_edit(qtbot, db, tasks):
    student_id = factories.student(db)
    outsider = factories.staff(db, "prawo", Role.CLERK, ("WPA",))
    window = _card(qtbot, AppContext(db, outsider, tasks), student_id)
    assert not window.edit.isEnabled()
    with pytest.raises(PermissionDenied):
        update_person(db, outsider, student_id, PersonChanges("A", None, "B", None, None, None), reason="r")


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
    assert table.item(0, 4).text() == "no" and "no rule admits" in table.item(0, 5).text().lower()

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
    assert window.registrations_table.item(0, 4).text() == "yes"
