"""The readiness dialog: the groups of students and what stops them, a group's fix applied from it."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from desk.clock import now_utc
from desk.model import Level, ProgrammeStatus
from tests import factories
from ui.views.readiness_dialog import FixDialog, ReadinessDialog

TIMEOUT = 10_000


def test_the_dialog_groups_the_students_and_grants_a_whole_group(qtbot, app_context, db):
    now = now_utc()
    term = factories.term(db, "2026Z", (now - timedelta(days=30)).date(), (now + timedelta(days=90)).date())
    course = factories.course(db)
    registration = factories.registration(db, term_id=term, course_ids=(course,), rules=({"level": Level.FIRST_CYCLE},),
                                          rounds=((now + timedelta(days=1), now + timedelta(days=8)),))
    factories.student(db, last_name="Gotowa")
    away = [factories.student(db, last_name=f"Urlopowa{i}", status=ProgrammeStatus.ON_LEAVE) for i in range(3)]
    factories.student(db, last_name="Bezloginowa", login=None)
    dialog = ReadinessDialog(app_context, registration)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=TIMEOUT)
    assert "Meant for 5 students: 1 ready, 4 would be stopped" in dialog.summary.text()
    rows = [(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text()) for r in range(dialog.table.rowCount())]
    assert rows == [("Rule or individual grant", "3"), ("Login linked", "1")]
    assert dialog.table.currentRow() == 0 and dialog.fix_button.isEnabled()
    dialog.table.selectRow(1)
    assert not dialog.fix_button.isEnabled()  # linking logins is not a step for many at once
    dialog.table.selectRow(0)
    dialog.fix_button.click()
    fix = dialog.last_dialog
    assert isinstance(fix, FixDialog) and fix.windowTitle().startswith("Grant access to 3 students")
    fix.findChild(QLineEdit, "reasonField").setText("powroty z urlopów")
    with qtbot.waitSignal(dialog.swept, timeout=TIMEOUT):
        fix.findChild(QDialogButtonBox, "dialogButtons").button(QDialogButtonBox.StandardButton.Ok).click()
    assert not fix.isVisible()
    stopped = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert "Rule or individual grant" not in stopped  # granted: now their grants wait to be sent to the portal
    assert stopped.get("Data on the portal") == "3" and len(away) == 3
