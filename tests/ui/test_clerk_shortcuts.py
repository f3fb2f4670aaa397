"""What a clerk expects to find: the students they opened last, their own unit's registrations first, and a grant
offered where the explanation says access is missing."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desk.clock import now_utc
from desk.model import Level, ProgrammeStatus, Role
from tests import factories
from ui.context import AppContext
from ui.views.calendar import RegistrationsView
from ui.views.explain_dialog import ExplainDialog
from ui.views.student_lookup import StudentLookupView

TIMEOUT = 10_000


# --- recently opened students -------------------------------------------------------------------


def _lookup(qtbot, context) -> StudentLookupView:
    view = StudentLookupView(context)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    return view


def _open_by_search(qtbot, view, query: str) -> None:
    with qtbot.waitSignal(view.searchFinished, timeout=TIMEOUT):
        view.set_query(query)
    with qtbot.waitSignal(view.studentOpened, timeout=TIMEOUT) as opened:
        view._search_now_or_open()
    card = view._cards[opened.args[0]]
    qtbot.waitUntil(lambda: card.card is not None, timeout=TIMEOUT)
    card.close()


def _recent(view) -> list[str]:
    return [view.recent.item(i).text() for i in range(view.recent.count())]


def test_the_students_opened_last_are_offered_newest_first_and_open(qtbot, app_context, db):
    first = factories.student(db, "Ewa", "Kowalska", number="400001")
    second = factories.student(db, "Jan", "Nowak", number="400002")
    view = _lookup(qtbot, app_context)
    assert view.recent.count() == 0 and not view.recent.isVisible()  # nothing opened yet
    _open_by_search(qtbot, view, "kowalska")
    _open_by_search(qtbot, view, "400002")
    with qtbot.waitSignal(view.searchFinished, timeout=TIMEOUT):
        view.set_query("")
    assert view.recent.isVisible() and not view.table.isVisible()
    assert _recent(view) == ["400002  Jan Nowak", "400001  Ewa Kowalska"]
    assert "opened recently" in view.feedback.text()
    # By keyboard: Down from the empty field, Down again, Enter opens the older one.
    view.field.setFocus()
    qtbot.keyClick(view.field, Qt.Key.Key_Down)
    assert view.focusWidget() is view.recent and view.recent.currentRow() == 0
    qtbot.keyClick(view.recent, Qt.Key.Key_Down)
    with qtbot.waitSignal(view.studentOpened, timeout=TIMEOUT) as opened:
        qtbot.keyClick(view.recent, Qt.Key.Key_Return)
    assert opened.args[0] == first
    assert _recent(view)[0] == "400001  Ewa Kowalska"  # opened again: first now
    qtbot.keyClick(view.recent, Qt.Key.Key_Up)
    qtbot.keyClick(view.recent, Qt.Key.Key_Up)
    assert view.focusWidget() is view.field
    # Typing shows the results instead; the list is kept for this clerk on this workstation.
    view.field.setText("nowak")
    assert not view.recent.isVisible() and view.table.isVisible()
    again = _lookup(qtbot, app_context)
    assert _recent(again) == ["400001  Ewa Kowalska", "400002  Jan Nowak"] and second


def test_recent_students_are_kept_per_clerk_and_at_most_ten(qtbot, app_context, db, tasks):
    students = [factories.student(db, "Anna", f"Nazwisko{i:02d}", number=f"5000{i:02d}") for i in range(12)]
    view = _lookup(qtbot, app_context)
    for index in range(12):
        _open_by_search(qtbot, view, f"5000{index:02d}")
    assert len(_recent(view)) == 10 and _recent(view)[0].startswith("500011") and _recent(view)[-1].startswith("500002")
    other = factories.staff(db, "inny", Role.CLERK, ("WMF",))
    assert _lookup(qtbot, AppContext(db, other, tasks)).recent.count() == 0 and students


# --- the registrations of the clerk's own unit ----------------------------------------------------


def _registrations(db):
    now = now_utc()
    term = factories.term(db, "2026Z", (now - timedelta(days=30)).date(), (now + timedelta(days=90)).date())
    factories.registration(db, code="WMF-OGU", unit_code="WMF", term_id=term)
    factories.registration(db, code="WFIL-OGU", unit_code="WFIL", term_id=term)
    return term


def _calendar(qtbot, context) -> RegistrationsView:
    view = RegistrationsView(context)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.choices is not None and view.detail is not None, timeout=TIMEOUT)
    return view


def _codes(view) -> list[str]:
    return [view.table.item(r, 0).text() for r in range(view.table.rowCount())]


def test_a_clerk_opens_the_registrations_on_their_own_unit(qtbot, db, tasks):
    _registrations(db)
    clerk = factories.staff(db, "dziekanat", Role.CLERK, ("WFIL",))
    view = _calendar(qtbot, AppContext(db, clerk, tasks))
    assert view.unit.currentData() == factories.unit(db, "WFIL")
    qtbot.waitUntil(lambda: _codes(view) == ["WFIL-OGU"], timeout=TIMEOUT)
    with qtbot.waitSignal(view.registrationsLoaded, timeout=TIMEOUT):
        view.unit.setCurrentIndex(0)  # all units, one choice away
    assert sorted(_codes(view)) == ["WFIL-OGU", "WMF-OGU"]


def test_an_administrator_without_a_unit_sees_every_registration(qtbot, app_context, db):
    _registrations(db)
    view = _calendar(qtbot, app_context)
    assert view.unit.currentIndex() == 0 and view.unit.currentData() is None
    qtbot.waitUntil(lambda: sorted(_codes(view)) == ["WFIL-OGU", "WMF-OGU"], timeout=TIMEOUT)


# --- granting access from the explanation ---------------------------------------------------------


def _on_leave(db):
    """A first-cycle student on leave: no rule admits them to WF-2026Z (organised by WMF)."""
    now = now_utc()
    term = factories.term(db)
    course = factories.course(db)
    factories.group(db, course, term)
    reg = factories.registration(db, code="WF-2026Z", term_id=term, course_ids=(course,), rules=({"level": Level.FIRST_CYCLE},),
                                 rounds=((now + timedelta(days=1), now + timedelta(days=7)),))
    return reg, factories.student(db, "Zofia", "Wójcik", number="600001", status=ProgrammeStatus.ON_LEAVE)


def _explain(qtbot, context, student, reg) -> ExplainDialog:
    dialog = ExplainDialog(context, student, reg)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.explanation is not None, timeout=TIMEOUT)
    return dialog


def test_grant_access_from_the_explanation_then_it_is_read_again(qtbot, app_context, db):
    reg, student = _on_leave(db)
    dialog = _explain(qtbot, app_context, student, reg)
    assert not dialog.explanation.admitted
    assert dialog.grant.isVisible() and dialog.grant.isEnabled()
    dialog.grant.click()
    qtbot.waitUntil(lambda: dialog.last_dialog is not None and dialog.last_dialog.isVisible(), timeout=TIMEOUT)
    grant = dialog.last_dialog
    assert grant.objectName() == "grantAccessDialog" and grant.registration_id == reg and grant.student_id == student
    assert "WF-2026Z" in grant.windowTitle()
    grant.reason.setText("powrót z urlopu")
    with qtbot.waitSignal(dialog.explained, timeout=TIMEOUT):
        grant.buttons.accepted.emit()
    assert dialog.explanation.admitted and dialog.verdict.text().startswith("Admitted")
    assert not dialog.grant.isVisible()  # nothing left to grant


def test_the_grant_button_is_off_for_a_role_or_a_unit_that_may_not_grant(qtbot, db, tasks):
    reg, student = _on_leave(db)  # the registration is WMF's, the student studies INF-S1 (WMF)
    for login, role, units in (("cos", Role.SERVICE_CENTER, ()), ("obcy", Role.CLERK, ("WH",))):
        dialog = _explain(qtbot, AppContext(db, factories.staff(db, login, role, units), tasks), student, reg)
        assert dialog.grant.isVisible() and not dialog.grant.isEnabled(), login
        assert "do not allow" in dialog.grant.toolTip()
        dialog.grant.click()
        assert dialog.last_dialog is None


def test_no_grant_is_offered_when_access_is_not_what_is_missing(qtbot, app_context, db):
    now = now_utc()
    term = factories.term(db)
    reg = factories.registration(db, code="WF-2026Z", term_id=term, rules=({"level": Level.FIRST_CYCLE},),
                                 rounds=((now - timedelta(days=9), now - timedelta(days=2)),))  # every round is over
    dialog = _explain(qtbot, app_context, factories.student(db), reg)
    assert not dialog.explanation.admitted and not dialog.grant.isVisible()
    assert QApplication.activeModalWidget() is None
