"""Token ledger: balances, corrections under the 7-day rule, undo, allocation, and duplicate submissions."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, text

from desk import tokens
from desk.errors import DomainError, PermissionDenied
from desk.model import LedgerKind, Level, ProgrammeStatus, RegistrationKind, Role, StudyMode, TokenEntry
from tests import factories
from desk.unit_of_work import UnitOfWork

WARSAW = ZoneInfo("Europe/Warsaw")
# The language registration starts on 30 March 2027 at 09:00 Warsaw time, three days after the
# change to summer time: "7 days before" is 23 March 09:00 CET (08:00 UTC), not 07:00 UTC.
STARTS = datetime(2027, 3, 30, 9, 0, tzinfo=WARSAW)
DEADLINE = datetime(2027, 3, 23, 9, 0, tzinfo=WARSAW)


@pytest.fixture
def setup(db):
    token = factories.token_type(db)
    course_id = factories.course(db, "SJO-ANG")
    term_id = factories.term(db, "2027L")
    factories.group(db, course_id, term_id)
    factories.registration(db, code="SJO-LEK-2027L", unit_code="SJO", term_id=term_id, course_ids=(course_id,),
                           kind=RegistrationKind.TOKEN, token_type_id=token,
                           rounds=((STARTS, STARTS + timedelta(days=7)),), rules=({"level": Level.FIRST_CYCLE},))
    student = factories.student(db)
    clerk = factories.staff(db, "dziekanat", Role.CLERK, ("WMF",))
    return token, student, clerk


def test_deadline_is_seven_days_before_in_local_time_to_the_second(db, setup):
    token, student, clerk = setup
    assert DEADLINE.astimezone(timezone.utc).hour == 8
    at_deadline = DEADLINE.astimezone(timezone.utc)
    tokens.correct_balance(UnitOfWork(db, clerk, now=at_deadline), student, token, 2, reason="przyjęty w połowie roku")
    with pytest.raises(DomainError, match="SJO-LEK-2027L starts on 2027-03-30 09:00"):
        tokens.correct_balance(UnitOfWork(db, clerk, now=at_deadline + timedelta(seconds=1)), student, token, 1, reason="x")
    assert tokens.balances(UnitOfWork(db, clerk), student)[0].balance == 2


def test_eight_days_before_allowed_six_refused_administrator_overrides(db, admin, setup):
    token, student, clerk = setup
    eight = (STARTS - timedelta(days=8)).astimezone(timezone.utc)
    six = (STARTS - timedelta(days=6)).astimezone(timezone.utc)
    assert tokens.correct_balance(UnitOfWork(db, clerk, now=eight), student, token, 4, reason="przyjęty w połowie roku").balance == 4
    with pytest.raises(DomainError, match="no later than 7 days"):
        tokens.correct_balance(UnitOfWork(db, clerk, now=six), student, token, 1, reason="x")
    with pytest.raises(PermissionDenied, match="Only an administrator"):
        tokens.correct_balance(UnitOfWork(db, clerk, now=six), student, token, 1, reason="x", override_reason="pilne")
    result = tokens.correct_balance(UnitOfWork(db, admin, now=six), student, token, 1, reason="decyzja dziekana", override_reason="pismo 12/2027")
    assert result.balance == 5
    with db.read() as session:
        after = session.execute(text("SELECT after FROM audit_log WHERE action = 'tokens.correction' ORDER BY id DESC")).scalars().first()
    assert "pismo 12/2027" in str(after)


def test_no_deadline_after_the_registration_ended(db, setup):
    token, student, clerk = setup
    later = (STARTS + timedelta(days=8)).astimezone(timezone.utc)
    assert tokens.correct_balance(UnitOfWork(db, clerk, now=later), student, token, 1, reason="r").balance == 1


def test_balance_never_negative_and_undo_makes_a_new_entry(db, setup):
    token, student, clerk = setup
    early = (STARTS - timedelta(days=30)).astimezone(timezone.utc)
    with pytest.raises(DomainError, match="below zero"):
        tokens.correct_balance(UnitOfWork(db, clerk, now=early), student, token, -1, reason="r")
    first = tokens.correct_balance(UnitOfWork(db, clerk, now=early), student, token, 3, reason="pomyłka")
    undone = tokens.undo_correction(UnitOfWork(db, clerk, now=early), first.entry_id, reason="cofnięcie")
    assert undone.balance == 0
    with pytest.raises(DomainError, match="already undone"):
        tokens.undo_correction(UnitOfWork(db, clerk, now=early), first.entry_id, reason="again")
    lines = tokens.ledger(UnitOfWork(db, clerk), student)
    assert [(line.amount, line.reverses_id) for line in lines] == [(-3, first.entry_id), (3, None)]
    assert lines[1].reversed_by_id == undone.entry_id


def test_ledger_is_append_only_in_the_database(db, setup):
    token, student, clerk = setup
    tokens.correct_balance(UnitOfWork(db, clerk, now=(STARTS - timedelta(days=30)).astimezone(timezone.utc)), student, token, 1, reason="r")
    with pytest.raises(Exception):
        with db.write() as session:
            session.execute(text("UPDATE token_ledger SET amount = 5"))
    with pytest.raises(Exception):
        with db.write() as session:
            session.execute(text("DELETE FROM token_ledger"))


def test_clerk_of_another_unit_may_not_correct(db, setup):
    token, student, _clerk = setup
    other = factories.staff(db, "obcy", Role.CLERK, ("WPA",))
    with pytest.raises(PermissionDenied):
        tokens.correct_balance(UnitOfWork(db, other, now=(STARTS - timedelta(days=30)).astimezone(timezone.utc)), student, token, 1, reason="r")


def test_sixteen_concurrent_duplicate_submissions_record_one_entry(db, setup):
    token, student, clerk = setup
    early = (STARTS - timedelta(days=30)).astimezone(timezone.utc)
    key = tokens.new_idempotency_key()
    barrier = threading.Barrier(16)
    results, errors = [], []

    def submit():
        barrier.wait()
        try:
            results.append(tokens.correct_balance(UnitOfWork(db, clerk, now=early), student, token, 2, reason="przyjęty w połowie roku",
                                                  idempotency_key=key))
        except Exception as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)

    threads = [threading.Thread(target=submit) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert len({r.entry_id for r in results}) == 1 and sum(not r.duplicate for r in results) == 1
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(TokenEntry)) == 1
    assert tokens.balances(UnitOfWork(db, clerk), student)[0].balance == 2


def test_preview_shows_new_balance_deadline_and_basket(db, setup):
    token, student, clerk = setup
    six = (STARTS - timedelta(days=6)).astimezone(timezone.utc)
    preview = tokens.preview_correction(UnitOfWork(db, clerk, now=six), student, token, 2)
    assert (preview.balance_before, preview.balance_after) == (0, 2)
    assert preview.needs_override and not preview.may_override
    assert preview.deadline.registration_code == "SJO-LEK-2027L"


def test_allocation_by_rule_is_repeatable_and_skips_others(db, admin, setup):
    token, student, clerk = setup
    part_time = factories.programme(db, "INF-N1", mode=StudyMode.PART_TIME)
    assert part_time
    other = factories.student(db, programme_code="INF-N1")
    on_leave = factories.student(db, status=ProgrammeStatus.ON_LEAVE)
    tokens.add_allocation_rule(UnitOfWork(db, admin), token, 4, level=Level.FIRST_CYCLE, mode=StudyMode.FULL_TIME)
    assert tokens.run_allocation(UnitOfWork(db, admin)) == 1
    assert tokens.run_allocation(UnitOfWork(db, admin)) == 0
    assert [b.balance for b in tokens.balances(UnitOfWork(db, admin), student)] == [4]
    assert [b.balance for b in tokens.balances(UnitOfWork(db, admin), other)] == [0]
    assert [b.balance for b in tokens.balances(UnitOfWork(db, admin), on_leave)] == [0]


def test_cohort_allocation_for_students_admitted_mid_year(db, setup):
    token, student, clerk = setup
    second = factories.student(db, stage=1)
    programme_id = factories.programme(db)
    count = tokens.allocate_cohort(UnitOfWork(db, clerk), token, programme_id, 1, 2, reason="przyjęci w semestrze letnim",
                                   document_ref="DZ.2027.14", idempotency_key="cohort-1")
    assert count == 2
    assert tokens.allocate_cohort(UnitOfWork(db, clerk), token, programme_id, 1, 2, reason="again", idempotency_key="cohort-1") == 0
    with db.read() as session:
        kinds = session.scalars(select(TokenEntry.kind).where(TokenEntry.student_id.in_([student, second]))).all()
    assert kinds == [LedgerKind.ALLOCATION, LedgerKind.ALLOCATION]


# --- one idempotency key, one intended change -----------------------------------------------------------

KEY_USED = "This key was already used for another correction"


def test_a_key_used_for_another_correction_is_refused_not_reported_as_recorded(db, setup):
    token, student, clerk = setup
    other_student = factories.student(db, "Ewa", "Nowak")
    other_token = factories.token_type(db, "WF", "100.00")
    early = (STARTS - timedelta(days=30)).astimezone(timezone.utc)
    key = tokens.new_idempotency_key()
    first = tokens.correct_balance(UnitOfWork(db, clerk, now=early), student, token, 2, reason="r", idempotency_key=key)
    again = tokens.correct_balance(UnitOfWork(db, clerk, now=early), student, token, 2, reason="r", idempotency_key=key)
    assert (again.entry_id, again.duplicate, again.balance) == (first.entry_id, True, 2)  # the same change twice: once
    for student_id, token_id, amount in ((other_student, token, 2), (student, token, 3), (student, other_token, 2)):
        with pytest.raises(DomainError, match=KEY_USED):
            tokens.correct_balance(UnitOfWork(db, clerk, now=early), student_id, token_id, amount, reason="r",
                                   idempotency_key=key)
    assert [line.balance for line in tokens.balances(UnitOfWork(db, clerk), other_student)] == [0, 0]
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(TokenEntry)) == 1


def test_a_key_is_looked_up_only_after_the_permission_check(db, setup):
    token, student, clerk = setup
    early = (STARTS - timedelta(days=30)).astimezone(timezone.utc)
    tokens.correct_balance(UnitOfWork(db, clerk, now=early), student, token, 2, reason="r", idempotency_key="k-1")
    other = factories.staff(db, "obcy", Role.CLERK, ("WPA",))
    # Refused as any correction of that student is: not told that the key exists, nor the balance.
    with pytest.raises(PermissionDenied):
        tokens.correct_balance(UnitOfWork(db, other, now=early), student, token, 2, reason="r", idempotency_key="k-1")


def test_one_key_sent_for_two_students_at_once_records_one_and_refuses_the_other(db, setup):
    token, student, clerk = setup
    other_student = factories.student(db, "Ewa", "Nowak")
    early = (STARTS - timedelta(days=30)).astimezone(timezone.utc)
    barrier = threading.Barrier(16)
    outcomes: list[tuple[int, object]] = []
    lock = threading.Lock()

    def submit(student_id: int):
        barrier.wait()
        try:
            outcome = tokens.correct_balance(UnitOfWork(db, clerk, now=early), student_id, token, 2, reason="r",
                                             idempotency_key="shared")
        except Exception as error:  # noqa: BLE001 - collected for the assertion
            outcome = error
        with lock:
            outcomes.append((student_id, outcome))

    threads = [threading.Thread(target=submit, args=(student if n % 2 else other_student,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    with db.read() as session:
        entries = session.scalars(select(TokenEntry)).all()
    assert len(entries) == 1 and len(outcomes) == 16
    winner = entries[0].student_id
    for student_id, outcome in outcomes:
        if student_id == winner:
            assert isinstance(outcome, tokens.LedgerResult) and outcome.entry_id == entries[0].id, outcome
        else:
            assert isinstance(outcome, DomainError) and KEY_USED in str(outcome), outcome
