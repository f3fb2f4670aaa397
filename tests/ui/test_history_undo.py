"""Undoing a change set from the History view: a swap's line undone with a reason gives both students their seats back
and tells the other views; a set something depends on is refused, saying who moved since (pytest-qt, offscreen)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select

from desk import enrollment, exchanges
from desk.clock import now_utc
from desk.model import Enrollment, EnrollmentStatus, Level, Registration
from desk.unit_of_work import UnitOfWork
from tests import factories
from ui.changes import Kind
from ui.context import AppContext
from ui.tables import table_tools
from ui.views.history import WHAT, HistoryView

SWAPPED = "Two students swapped groups"


def _swap(db, admin):
    """Two students of sibling full groups swapped by a clerk: one change set."""
    now = now_utc()
    term = factories.term(db)
    course = factories.course(db, "ANG-B2")
    a, b, c = (factories.group(db, course, term, number=n, seat_limit=1) for n in (1, 2, 3))
    registration = factories.registration(db, code="WYM-1", term_id=term, course_ids=(course,),
                                          rounds=((now - timedelta(hours=1), now + timedelta(days=1)),),
                                          rules=({"level": Level.FIRST_CYCLE},))
    with db.write() as session:
        session.get(Registration, registration).exchanges = True
    first = factories.student(db, "Pierwsza", number="300001")
    second = factories.student(db, "Drugi", number="300002")
    for student, group in ((first, a), (second, b)):
        enrollment.enroll(UnitOfWork(db, admin), student, group, reason="zapis", registration_id=registration)
    exchanges.swap(UnitOfWork(db, admin), _standing(db, first), _standing(db, second), reason="zamiana")
    return (a, b, c), (first, second)


def _standing(db, student_id) -> int:
    with db.read() as session:
        return session.scalar(select(Enrollment.id).where(Enrollment.student_id == student_id,
                                                          Enrollment.status == EnrollmentStatus.ACCEPTED))


def _where(db, student_id) -> int:
    with db.read() as session:
        return session.get(Enrollment, _standing(db, student_id)).group_id


def _view(qtbot, context) -> HistoryView:
    view = HistoryView(context)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.summary.text() not in ("", "Reading the history…"), timeout=10_000)
    return view


def _choose(view, text: str) -> int:
    texts = [view.model.index(row, WHAT).data() for row in range(view.model.rowCount())]
    row = texts.index(text)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(row, WHAT))
    return row


def test_a_swap_undone_from_its_line_gives_both_students_their_seats_back(qtbot, db, admin, tasks):
    (a, b, _c), (first, second) = _swap(db, admin)
    assert (_where(db, first), _where(db, second)) == (b, a)
    context = AppContext(db, admin, tasks)
    view = _view(qtbot, context)
    _choose(view, "Staff account admin created")
    assert not view.undo_button.isEnabled()  # not a change set
    row = _choose(view, SWAPPED)
    assert view.undo_button.isEnabled()
    assert view.undo_action in table_tools(view.table).extra_actions()  # the line's context menu holds it too
    announced = []
    context.changes.changed.connect(announced.append)
    view.undo_button.click()
    dialog = view.undo_dialog
    assert dialog.objectName() == "undoChangeSetDialog" and SWAPPED in dialog.intro.text()
    head = view.model.lines[row].id
    assert dialog.windowTitle() == f"Undo change set #{head}"
    dialog.buttons.accepted.emit()  # without a reason: refused inside the dialog
    qtbot.waitUntil(lambda: "Say why" in dialog.error.text(), timeout=10_000)
    dialog.reason.setText("pomyłka")
    with qtbot.waitSignal(view.loaded, timeout=10_000):  # the history is read again
        dialog.buttons.accepted.emit()
    assert (_where(db, first), _where(db, second)) == (a, b)
    assert view.hint.isVisible() and "undone: 2 students given back their former seats" in view.hint.text()
    texts = [view.model.index(r, WHAT).data() for r in range(view.model.rowCount())]
    assert texts[0] == f"Change set #{head} undone"  # the newest line
    assert announced and announced[-1].touches(Kind.GROUP, a) and announced[-1].touches(Kind.STUDENT, first)


def test_an_undo_something_depends_on_is_refused_naming_who_moved_since(qtbot, db, admin, tasks):
    (a, b, c), (first, second) = _swap(db, admin)
    enrollment.move(UnitOfWork(db, admin), _standing(db, first), c, reason="na prośbę")  # moved on since
    view = _view(qtbot, AppContext(db, admin, tasks))
    _choose(view, SWAPPED)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=10_000)  # Alt+letters reach the window that has the keyboard
    qtbot.keyClick(view.table, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: view.undo_dialog is not None, timeout=10_000)  # a mnemonic clicks a moment later
    dialog = view.undo_dialog
    dialog.reason.setText("pomyłka")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)
    assert dialog.error.text().startswith("The change set cannot be undone:")
    assert "Student 300001 was enrolled, moved or unenrolled since." in dialog.error.text()
    assert dialog.isVisible() and dialog.reason.text() == "pomyłka"
    assert (_where(db, first), _where(db, second)) == (c, a)  # nothing changed
