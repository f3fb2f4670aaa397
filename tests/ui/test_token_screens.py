"""Token correction, payments and token round views against a real database."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from desk import token_rounds, tokens
from desk.clock import now_utc
from desk.model import Level, Payment, PaymentStatus, RegistrationKind, RequestAction, Role, TokenEntry
from tests import factories
from ui.context import AppContext
from ui.views.payments_list import PaymentsView
from ui.views.token_balances import TokenCorrectionView
from ui.views.token_rounds import TokenRoundView
from desk.unit_of_work import SystemJob, UnitOfWork


def _language_registration(db, starts_in: timedelta, *, rounds_open: bool = False):
    now = now_utc()
    token = factories.token_type(db)
    course = factories.course(db, "SJO-ANG", unit_code="SJO")
    term = factories.term(db)
    group = factories.group(db, course, term, seat_limit=5)
    start = now + starts_in
    reg = factories.registration(db, code="SJO-LEK", unit_code="SJO", term_id=term, course_ids=(course,),
                                 kind=RegistrationKind.TOKEN, token_type_id=token,
                                 rounds=((start, start + timedelta(days=7)),), rules=({"level": Level.FIRST_CYCLE},))
    return token, group, reg


def _view(qtbot, context, student_id) -> TokenCorrectionView:
    view = TokenCorrectionView(context)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.previewShown, timeout=10_000):
        view.set_student(student_id)
    return view


def _entries(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(TokenEntry))


def test_clerk_corrects_eight_days_before_and_a_double_click_records_once(qtbot, db, tasks):
    _language_registration(db, timedelta(days=8))
    student = factories.student(db)
    clerk = factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    view = _view(qtbot, AppContext(db, clerk, tasks), student)
    with qtbot.waitSignal(view.previewShown, timeout=10_000):
        view.amount.setValue(2)
    assert "0 → <b>2</b>" in view.effect.text() and "Corrections allowed until" in view.effect.text()
    view.reason.setText("przyjęty w połowie roku")
    assert view.save_button.isEnabled()
    with qtbot.waitSignal(view.saved, timeout=10_000):
        view.save()
        view.save()  # the same form saved twice
    qtbot.waitUntil(lambda: view.ledger.rowCount() == 1, timeout=10_000)
    tasks.wait()
    assert _entries(db) == 1
    assert tokens.balances(UnitOfWork(db, clerk), student)[0].balance == 2


def test_six_days_before_the_clerk_is_refused_and_the_administrator_overrides(qtbot, db, tasks, admin):
    _language_registration(db, timedelta(days=6))
    student = factories.student(db)
    clerk = factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    view = _view(qtbot, AppContext(db, clerk, tasks), student)
    assert "no later than 7 days" in view.effect.text()
    assert not view.save_button.isEnabled() and not view.override.isEnabled()

    boss = _view(qtbot, AppContext(db, admin, tasks), student)
    assert boss.override.isEnabled() and boss.save_button.isEnabled()
    boss.reason.setText("decyzja dziekana")
    boss.save()
    qtbot.waitUntil(lambda: boss.error.text() != "", timeout=10_000)
    assert "no later than 7 days" in boss.error.text()  # an override needs its reason
    boss.override.setText("pismo DZ.2026.77")
    with qtbot.waitSignal(boss.saved, timeout=10_000):
        boss.save()
    assert tokens.balances(UnitOfWork(db, admin), student)[0].balance == 1


def test_undo_adds_a_reversing_entry(qtbot, db, tasks, admin):
    token, _group, _reg = _language_registration(db, timedelta(days=30))
    student = factories.student(db)
    tokens.correct_balance(UnitOfWork(db, admin), student, token, 3, reason="pomyłka")
    view = _view(qtbot, AppContext(db, admin, tasks), student)
    view.ledger.selectRow(0)
    assert view.undo_button.isEnabled()
    view.undo()
    dialog = view.last_dialog
    dialog.reason.setText("wpisane omyłkowo")
    with qtbot.waitSignal(view.studentLoaded, timeout=10_000):
        dialog.buttons.accepted.emit()
    assert [line.amount for line in tokens.ledger(UnitOfWork(db, admin), student)] == [-3, 3]


def test_payments_view_lists_and_cancels(qtbot, app_context, db):
    token, group, reg = _language_registration(db, -timedelta(hours=2))
    student = factories.student(db)
    token_rounds.submit_request(UnitOfWork(db, SystemJob.PORTAL, now=now_utc() - timedelta(minutes=90)), student, group, reg,
                                RequestAction.REGISTER, payment_accepted=True)
    token_rounds.resolve_due(UnitOfWork(db, SystemJob.TOKEN_ROUND))
    view = PaymentsView(app_context)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10_000)
    assert view.table.item(0, 3).text() == "300.00 PLN"
    view.table.selectRow(0)
    view.cancel()
    dialog = view.last_dialog
    dialog.reason.setText("decyzja dziekana")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        dialog.buttons.accepted.emit()
    with db.read() as session:
        assert session.scalars(select(Payment.status)).one() is PaymentStatus.CANCELLED


def test_token_round_view_resolves_now(qtbot, app_context, db):
    token, group, reg = _language_registration(db, -timedelta(minutes=30))
    for index, student in enumerate(factories.many_students(db, 3)):
        tokens.correct_balance(UnitOfWork(db, app_context.actor, now=now_utc() - timedelta(days=30)), student, token, 1, reason="przydział")
        token_rounds.submit_request(UnitOfWork(db, SystemJob.PORTAL, now=now_utc() - timedelta(minutes=20 - index)), student, group,
                                    reg, RequestAction.REGISTER)
    view = TokenRoundView(app_context)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: "Waiting 3" in view.counts.text(), timeout=10_000)
    assert view.resolve_button.isEnabled()
    with qtbot.waitSignal(view.resolved, timeout=10_000) as blocker:
        view.resolve_button.click()
    assert blocker.args[0].accepted == 3
    qtbot.waitUntil(lambda: "accepted 3" in view.counts.text(), timeout=10_000)
