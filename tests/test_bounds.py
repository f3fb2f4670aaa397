"""Bounds at the edge: every number a clerk or a file gives has a documented range (desk.bounds), checked by the
service before any database work and by the terminal's arguments; a number out of range is a message, never an
overflow or a traceback, on either database."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desk import bounds, groups, payments, sync_conflicts, tokens
from desk.cli import main
from desk.model import AuditEntry, Student, TokenEntry, TokenType
from desk.staff import sign_in
from desk.unit_of_work import UnitOfWork
from tests import factories

HUGE = "9223372036854775807"  # 2^63 - 1: accepted before, and one +1 more overflowed the balance


@pytest.fixture
def as_admin(monkeypatch):
    monkeypatch.setenv("DESK_PASSWORD", "demo1234")


def _url(db) -> str:
    return db.url.database if db.is_sqlite else db.url.render_as_string(hide_password=False)


def _run(argv) -> int:
    try:
        return main(argv)
    except SystemExit as exit_:  # argparse's usage error
        return exit_.code


def _ledger_and_audit(db) -> tuple[int, int]:
    with db.read() as session:
        return (session.scalar(select(func.count()).select_from(TokenEntry)),
                session.scalar(select(func.count()).select_from(AuditEntry)))


def _first_student(db) -> tuple[int, str]:
    with db.read() as session:
        return tuple(session.execute(select(Student.id, Student.student_number).order_by(Student.id).limit(1)).one())


# --- item 9: the overflowing correction -------------------------------------------------------------------


def test_an_enormous_correction_is_refused_and_nothing_changes(demo_db, as_admin, capsys):
    _student_id, number = _first_student(demo_db)
    before = _ledger_and_audit(demo_db)
    for amount in (HUGE, "-" + HUGE, "1001", "-1001", "99999999999999999999999", "3000000000"):
        assert _run(["--db", _url(demo_db), "tokens", "correct", number, "WF", amount, "--reason", "x"]) == 1
        err = capsys.readouterr().err
        assert "A token correction is a whole number from -1,000 to 1,000" in err and "Traceback" not in err
    assert _ledger_and_audit(demo_db) == before


def test_a_balance_cannot_pass_its_bound_so_it_cannot_overflow(demo_db, as_admin, capsys):
    student_id, number = _first_student(demo_db)
    admin = sign_in(demo_db, "admin", "demo1234")
    with demo_db.read() as session:
        wf = session.scalar(select(TokenType.id).where(TokenType.code == "WF"))
        balance = tokens.balance_of(session, student_id, wf)
    uow = UnitOfWork(demo_db, admin)
    while balance + 1000 <= bounds.TOKEN_BALANCE.high:
        balance = tokens.correct_balance(uow, student_id, wf, 1000, reason="test").balance
    if balance < bounds.TOKEN_BALANCE.high:
        balance = tokens.correct_balance(uow, student_id, wf, bounds.TOKEN_BALANCE.high - balance, reason="test").balance
    assert balance == 10_000
    with pytest.raises(bounds.OutOfBounds, match="would pass 10,000 tokens"):
        tokens.correct_balance(uow, student_id, wf, 1, reason="one more")
    assert _run(["--db", _url(demo_db), "tokens", "correct", number, "WF", "+1", "--reason", "x"]) == 1
    assert "would pass 10,000 tokens" in capsys.readouterr().err
    # The balance, the export's sums and the reversing correction all still work.
    assert _run(["--db", _url(demo_db), "tokens", "balance", number]) == 0
    assert "10000" in capsys.readouterr().out
    assert tokens.correct_balance(uow, student_id, wf, -1000, reason="back").balance == 9_000


def test_numbers_above_a_32_bit_integer_are_messages_not_tracebacks(demo_db, as_admin, capsys):
    big = str(2**31)
    base = ["--db", _url(demo_db)]
    _student_id, number = _first_student(demo_db)
    before = _ledger_and_audit(demo_db)
    for argv, status in (
        (["payments", "cancel", big, "--reason", "x"], 2),
        (["payments", "list", "--limit", big], 2),
        (["students", "search", "kowal", "--limit", HUGE], 2),
        (["sync", "conflicts", "--settle", big, "--reason", "x"], 2),
        (["groups", "set-limit", big, "--to", "5", "--reason", "x"], 1),
        (["groups", "set-limit", "2026Z/MAT-101/class/" + big, "--to", "5", "--reason", "x"], 1),
        (["enroll", number, big, "--reason", "x"], 1),
        (["tokens", "allocate", "--programme", "X", "--type", "WF", "--amount", big, "--reason", "x"], 2),
        (["tokens", "allocate", "--programme", "X", "--type", "WF", "--amount", "5", "--stage", big, "--reason", "x"], 2),
        (["tokens", "rule", "WF", big], 2),
    ):
        assert _run([*base, *argv]) == status, argv
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err and "unexpected error" not in captured.err, argv
        assert " from 1 to " in captured.err or " from 0 to " in captured.err, (argv, captured.err)
    assert _ledger_and_audit(demo_db) == before


# --- each bound, in the service ----------------------------------------------------------------------------


@pytest.mark.parametrize("bound, low, high", [
    (bounds.TOKEN_CORRECTION, -1_000, 1_000), (bounds.TOKEN_BALANCE, 0, 10_000), (bounds.TOKEN_ALLOCATION, 1, 1_000),
    (bounds.SEAT_LIMIT, 0, 10_000), (bounds.SEAT_LIMIT_CHANGE, -10_000, 10_000), (bounds.LOWER_LIMIT, 0, 10_000),
    (bounds.RECORD_ID, 1, 2**31 - 1), (bounds.LIST_LIMIT, 1, 100_000), (bounds.STAGE, 1, 10),
    (bounds.GROUP_NUMBER, 1, 10_000),
])
def test_each_bound_takes_its_ends_and_refuses_past_them(bound, low, high):
    assert bound.check(low) == low and bound.check(high) == high
    assert bound.parse(str(low)) == low and bound.parse(f" {high} ") == high
    for outside in (low - 1, high + 1, 2**63, -(2**63)):
        with pytest.raises(bounds.OutOfBounds):
            bound.check(outside)
        with pytest.raises(bounds.OutOfBounds):
            bound.parse(str(outside))
    for not_a_number in ("²", "٣", "１", "1e3", "1.0", "", "0x10", "1_000", "NaN", "5²", "x" * 10_000, "1\x00"):
        with pytest.raises(bounds.OutOfBounds):
            bound.parse(not_a_number)
    for not_an_int in (True, 1.0, "1", None):
        with pytest.raises(bounds.OutOfBounds):
            bound.check(not_an_int)


def test_a_price_has_two_decimal_places_at_most_and_its_range():
    assert bounds.price("0") == Decimal("0.00") and bounds.price("100000.00") == Decimal("100000.00")
    assert bounds.price("180,5") == Decimal("180.50") and bounds.price(Decimal("12.3")) == Decimal("12.30")
    for refused in ("0.001", "100000.01", "-1", "NaN", "inf", "Infinity", "1E+23", "1e23", "1" + "0" * 23, "²",
                    Decimal("NaN"), Decimal("Infinity"), Decimal("0.001"), Decimal("1E+23"), 0.5, "", " ", "1.2.3"):
        with pytest.raises(bounds.OutOfBounds):
            bounds.price(refused)


@pytest.fixture
def group_id(db):
    return factories.group(db, factories.course(db), factories.term(db), seat_limit=20)


def test_seat_and_lower_limits_are_bounded_in_the_service(db, admin, group_id):
    uow = UnitOfWork(db, admin)
    before = _ledger_and_audit(db)
    for kwargs in ({"value": 10_001}, {"value": 2**63}, {"delta": 10_001}, {"delta": -(2**63)}):
        with pytest.raises(bounds.OutOfBounds):
            groups.set_seat_limits(uow, [group_id], reason="x", **kwargs)
    groups.set_seat_limits(uow, [group_id], value=9_999, reason="x")
    with pytest.raises(bounds.OutOfBounds):  # the change ends past the bound
        groups.set_seat_limits(uow, [group_id], delta=+2, reason="x")
    with pytest.raises(bounds.OutOfBounds):
        groups.set_seat_limits(uow, [2**31], value=5, reason="x")
    for lower in (10_001, 2**40):
        with pytest.raises(bounds.OutOfBounds):
            groups.set_lower_limit(uow, group_id, lower, reason="x")
    assert _ledger_and_audit(db)[1] == before[1] + 1


def test_a_group_number_or_id_in_other_digits_is_refused(db, group_id):
    for reference in ("²", "2026Z/MAT-101/class/²", "2026Z/MAT-101/class/٣", "2026Z/MAT-101/class/" + HUGE, HUGE):
        with pytest.raises(bounds.OutOfBounds):
            groups.find_group(db, reference)
    assert groups.find_group(db, str(group_id)) == group_id


def test_token_services_refuse_numbers_out_of_range(db, admin):
    uow = UnitOfWork(db, admin)
    token = factories.token_type(db)
    student = factories.student(db)
    for amount in (1_001, -1_001, 2**63 - 1):
        with pytest.raises(bounds.OutOfBounds):
            tokens.correct_balance(uow, student, token, amount, reason="x")
    with pytest.raises(bounds.OutOfBounds):
        tokens.correct_balance(uow, 2**31, token, 1, reason="x")
    with pytest.raises(bounds.OutOfBounds):
        tokens.undo_correction(uow, 2**31, reason="x")
    for amount in (1_001, 2**40):
        with pytest.raises(bounds.OutOfBounds):
            tokens.add_allocation_rule(uow, token, amount)
    programme = factories.programme(db)
    with pytest.raises(bounds.OutOfBounds):
        tokens.allocate_cohort(uow, token, programme, 11, 1, reason="x")
    with pytest.raises(bounds.OutOfBounds):
        tokens.allocate_cohort(uow, token, programme, None, 1_001, reason="x")
    for price in ("0.001", "NaN", "1E+23", "100000.01"):
        with pytest.raises(bounds.OutOfBounds):
            tokens.save_token_type(uow, "JO", "Tokens", price)
    assert tokens.save_token_type(uow, "JO", "Tokens", "0.01") == token
    with db.read() as session:
        assert session.scalar(select(TokenType.semester_price).where(TokenType.id == token)) == Decimal("0.01")
        assert session.scalar(select(func.count()).select_from(TokenEntry)) == 0


def test_payment_and_conflict_ids_and_list_lengths_are_bounded_in_the_service(db, admin):
    uow = UnitOfWork(db, admin)
    with pytest.raises(bounds.OutOfBounds):
        payments.cancel_payment(uow, 2**31, reason="x")
    for limit in (0, 100_001, 2**63):
        with pytest.raises(bounds.OutOfBounds):
            payments.list_payments(uow, limit=limit)
    with pytest.raises(bounds.OutOfBounds):
        sync_conflicts.resolve_conflict(uow, 2**31, enroll_over_limit=False, reason="x")


@pytest.mark.parametrize("argv", [
    ["payments", "list", "--limit", "0"], ["payments", "list", "--limit", "100001"],
    ["students", "search", "x", "--limit", "²"], ["sync", "status", "--limit", "-1"],
    ["accounts", "worklist", "--limit", "100001"], ["export", "tokens", "--stage", "11"],
])
def test_the_terminal_refuses_limits_and_stages_out_of_range_before_opening_the_database(argv, tmp_path, capsys):
    missing = tmp_path / "none.sqlite"
    assert _run(["--db", str(missing), *argv]) == 2
    assert " is a whole number from " in capsys.readouterr().err
    assert not missing.exists()


def test_a_cohort_sheet_refuses_a_stage_out_of_range(db, admin):
    from desk.rosters import token_balances_sheet

    programme = factories.programme(db)
    for stage in (0, 11, 2**63):
        with pytest.raises(bounds.OutOfBounds):
            token_balances_sheet(UnitOfWork(db, admin), programme, stage)


def test_a_cohort_allocation_that_would_pass_the_balance_bound_is_refused_whole(db, admin):
    uow = UnitOfWork(db, admin)
    token = factories.token_type(db)
    programme = factories.programme(db)
    full, other = factories.student(db), factories.student(db, "Anna", "Nowak")
    for _ in range(10):
        tokens.correct_balance(uow, full, token, 1_000, reason="x")
    before = _ledger_and_audit(db)
    with pytest.raises(bounds.OutOfBounds, match="balance of 1 students would pass 10,000"):
        tokens.allocate_cohort(uow, token, programme, None, 1, reason="x")
    assert _ledger_and_audit(db) == before
    tokens.correct_balance(uow, full, token, -1, reason="x")
    assert tokens.allocate_cohort(uow, token, programme, None, 1, reason="x") == 2
    with db.read() as session:
        assert tokens.balance_of(session, full, token) == 10_000 and tokens.balance_of(session, other, token) == 1
