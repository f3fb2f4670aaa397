"""The main window's title names the view and what it shows, then the institution; "desk" once (Qt adds it)."""

from __future__ import annotations

from PySide6.QtGui import QAction

from sqlalchemy import select

from desk.model import Student
from tests import factories
from ui.main_window import MainWindow


def test_the_title_names_the_view_and_the_student_shown_and_never_repeats_desk(qtbot, app_context, db):
    student = factories.student(db)
    window = MainWindow(app_context, "Uniwersytet Testowy")
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Students — Uniwersytet Testowy"  # Qt adds " — desk" once
    window.findChild(QAction, "tokensViewAction").trigger()
    assert window.windowTitle() == "Tokens — Uniwersytet Testowy"
    with db.read() as session:
        number = session.scalar(select(Student.student_number).where(Student.id == student))
    with qtbot.waitSignal(window.tokens.subjectChanged, timeout=10_000):
        window.tokens.picker.field.setText(number)  # found, and the first match shown
    subject = window.tokens.subject()
    assert subject.startswith(number) and window.windowTitle() == f"Tokens: {subject} — Uniwersytet Testowy"
    window.findChild(QAction, "groupsViewAction").trigger()
    assert window.windowTitle() == "Class groups — Uniwersytet Testowy"
