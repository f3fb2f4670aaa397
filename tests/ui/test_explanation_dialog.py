"""The explanation dialog: refused for a student on leave, admitted after a grant and a re-check."""

from __future__ import annotations

from datetime import timedelta

from desk import access, eligibility
from desk.clock import now_utc
from desk.model import Level, ProgrammeStatus
from tests import factories
from ui.views.explain_dialog import ExplainDialog
from desk.unit_of_work import UnitOfWork


def test_refused_then_admitted_after_grant(qtbot, app_context, db, admin):
    now = now_utc()
    term = factories.term(db)
    course = factories.course(db)
    factories.group(db, course, term)
    reg = factories.registration(db, code="WF-2026Z", term_id=term, course_ids=(course,), rules=({"level": Level.FIRST_CYCLE},),
                                 rounds=((now + timedelta(days=1), now + timedelta(days=7)),))
    student = factories.student(db, status=ProgrammeStatus.ON_LEAVE)
    dialog = ExplainDialog(app_context, student, reg)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.explanation is not None, timeout=10_000)
    assert not dialog.explanation.admitted
    assert "Cannot register" in dialog.verdict.text() and "Grant access individually" in dialog.verdict.text()
    assert dialog.table.rowCount() == len(eligibility.Condition)  # every condition, the timetable too
    assert dialog.table.currentRow() == 1  # the first failing check is selected
    access.grant_access(UnitOfWork(db, admin), reg, [student], reason="powrót z urlopu")
    with qtbot.waitSignal(dialog.explained, timeout=10_000):
        dialog.refresh.click()
    assert dialog.explanation.admitted and dialog.verdict.text().startswith("Admitted")
