"""Next term from this one, from the calendar: the preview in the background, a refusal, the copy applied."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import func, select

from desk.clock import now_utc
from desk.model import AuditEntry, ClassGroup, Level, Registration, Role
from tests import factories
from ui.context import AppContext
from ui.views.calendar import RegistrationsView
from ui.views.next_term_dialog import NextTermDialog


def _world(db):
    now = now_utc()
    source = factories.term(db, "2026Z", (now - timedelta(days=30)).date(), (now + timedelta(days=90)).date())
    target = factories.term(db, "2027Z", (now + timedelta(days=335)).date(), (now + timedelta(days=455)).date())
    course = factories.course(db, "MAT-101")
    for number in (1, 2):
        factories.group(db, course, source, number=number, seat_limit=25)
    factories.registration(db, code="2026Z-WMF", term_id=source, course_ids=(course,),
                           rounds=((now - timedelta(days=40), now - timedelta(days=35)),),
                           rules=({"level": Level.FIRST_CYCLE, "stage": 1},))
    return source, target


def _dialog(qtbot, context) -> NextTermDialog:
    view = RegistrationsView(context)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
    assert view.next_term_action.isEnabled()
    view.next_term_action.trigger()
    dialog = view.last_dialog
    assert isinstance(dialog, NextTermDialog)
    return dialog


def test_preview_then_apply_in_one_change_set(qtbot, app_context, db):
    source, target = _world(db)
    dialog = _dialog(qtbot, app_context)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    assert dialog.source.currentData() == source and dialog.target.currentData() == target  # the next term offered
    assert not dialog.progress.isVisible()
    titles = {dialog.tree.topLevelItem(i).text(0): dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())}
    assert titles["Class groups"].text(1) == "2 new" and titles["Class groups"].childCount() == 2
    assert titles["Registrations"].child(0).text(0) == "2027Z-WMF"
    assert titles["Rounds"].child(0).text(1) == "new" and "preparing" in titles["Rounds"].child(0).text(2)
    assert titles["Token allocation rules"].text(1) == "none"
    assert "To create — registrations: 1, class groups: 2" in dialog.summary.text()
    assert dialog.apply_button.isEnabled()
    # Fits a 1366 x 768 screen, and is worked from the keyboard: every field has its label's shortcut.
    assert dialog.width() <= 1366 and dialog.height() <= 700
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    assert {dialog.source, dialog.target, dialog.reason} <= buddies
    assert dialog.tree.focusPolicy() & Qt.FocusPolicy.TabFocus

    dialog.apply_button.click()  # without a reason: refused, nothing written
    qtbot.waitUntil(lambda: "reason" in dialog.error.text(), timeout=10_000)
    assert _groups(db, target) == 0
    dialog.reason.setText("nowy rok akademicki")
    qtbot.waitUntil(dialog.apply_button.isEnabled, timeout=10_000)
    with qtbot.waitSignal(dialog.applied, timeout=10_000) as applied:
        dialog.apply_button.click()
    assert applied.args[0].created["class_groups"] == 2
    assert _groups(db, target) == 2
    with db.read() as session:
        head = applied.args[0].change_set_id
        assert session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.change_set_id == head)) == 1 + 2 + 1 + 1 + 1
        assert session.scalar(select(Registration.term_id).where(Registration.code == "2027Z-WMF")) == target
    # The preview is made again: everything is there now and there is nothing to apply.
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.plan.new_count == 0, timeout=10_000)
    assert not dialog.apply_button.isEnabled()
    assert "Records copied: 6." in dialog.summary.text()


def test_a_refused_preview_says_why(qtbot, app_context, db):
    source, _target = _world(db)
    dialog = _dialog(qtbot, app_context)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.target.setCurrentIndex(dialog.target.findData(source))
    assert "other than the source" in dialog.error.text()
    assert dialog.tree.topLevelItemCount() == 0 and not dialog.apply_button.isEnabled()


def test_staff_who_may_not_copy_do_not_get_the_action(qtbot, db, tasks):
    _world(db)
    service_center = factories.staff(db, "cos", Role.SERVICE_CENTER)
    view = RegistrationsView(AppContext(db, service_center, tasks))
    qtbot.addWidget(view)
    assert not view.next_term_action.isEnabled()


def _groups(db, term_id) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(ClassGroup).where(ClassGroup.term_id == term_id))
