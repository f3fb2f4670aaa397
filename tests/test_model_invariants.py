"""The database itself keeps the invariants: uniqueness, limits, foreign keys, append-only tables."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import insert, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from desk.clock import now_utc
from desk.model import (
    AuditEntry,
    ClassGroup,
    ClassType,
    Course,
    LedgerKind,
    LoginAccount,
    Student,
    Term,
    TokenEntry,
    TokenType,
)
from tests import factories


def test_student_number_is_unique(db):
    factories.student(db, number="123456")
    with pytest.raises(IntegrityError):
        factories.student(db, "Anna", "Nowak", number="123456")


def test_login_is_unique_whatever_its_case(db):
    factories.student(db, login="Jan.Kowalski@Student.uni.example.pl")
    with pytest.raises(IntegrityError):
        factories.student(db, "Anna", "Nowak", login="jan.kowalski@student.UNI.example.pl")


def _group_row(db, **values):
    unit_id = factories.unit(db)
    with db.write() as session:
        term = Term(code="2026Z", name="Zima 2026/27", starts_on=date(2026, 10, 1), ends_on=date(2027, 2, 28))
        course = Course(code="MAT-1", name="Analiza matematyczna", unit_id=unit_id)
        session.add_all([term, course])
        session.flush()
        row = dict(course_id=course.id, term_id=term.id, class_type=ClassType.LAB, number=1, seat_limit=20)
        row.update(values)
        session.add(ClassGroup(**row))


@pytest.mark.parametrize(
    "values",
    [
        {"seat_limit": -1},
        {"lower_limit": -1},
        {"enrolled_count": -1},
        {"seat_limit": 2, "enrolled_count": 3},
    ],
    ids=["negative-limit", "negative-lower-limit", "negative-count", "over-limit"],
)
def test_group_limits_are_checked_by_the_database(db, values):
    with pytest.raises(IntegrityError):
        _group_row(db, **values)


def test_over_limit_needs_a_recorded_override(db):
    _group_row(db, seat_limit=2, enrolled_count=3, over_limit_count=1)
    with db.read() as session:
        assert session.scalar(select(ClassGroup.enrolled_count)) == 3


def test_foreign_keys_are_enforced(db):
    with pytest.raises(IntegrityError):
        with db.write() as session:
            session.execute(insert(Student).values(person_id=999_999, student_number="1", created_at=now_utc()))


def _ledger_entry(db) -> int:
    student_id = factories.student(db)
    with db.write() as session:
        token_type = TokenType(code="JO", name="Lektorat", semester_price=Decimal("180.00"))
        session.add(token_type)
        session.flush()
        entry = TokenEntry(
            student_id=student_id, token_type_id=token_type.id, kind=LedgerKind.ALLOCATION, amount=4, reason="przydział"
        )
        session.add(entry)
        session.flush()
        return entry.id


def test_token_ledger_refuses_update(db):
    entry_id = _ledger_entry(db)
    with pytest.raises(DBAPIError, match="append-only"):
        with db.write() as session:
            session.execute(update(TokenEntry).where(TokenEntry.id == entry_id).values(amount=40))
    with db.read() as session:
        assert session.get(TokenEntry, entry_id).amount == 4


def test_token_ledger_refuses_delete(db):
    entry_id = _ledger_entry(db)
    with pytest.raises(DBAPIError, match="append-only"):
        with db.write() as session:
            session.execute(text("DELETE FROM token_ledger WHERE id = :id"), {"id": entry_id})


def test_audit_log_refuses_update_and_delete(db, admin):
    with db.read() as session:
        entry_id = session.scalar(select(AuditEntry.id))
    with pytest.raises(DBAPIError, match="append-only"):
        with db.write() as session:
            session.execute(update(AuditEntry).where(AuditEntry.id == entry_id).values(reason="changed"))
    with pytest.raises(DBAPIError, match="append-only"):
        with db.write() as session:
            session.execute(text("DELETE FROM audit_log"))


def test_login_search_column_is_kept_lower_case_by_callers(db):
    factories.student(db, login="ABC@student.uni.example.pl")
    with db.read() as session:
        assert session.scalar(select(LoginAccount.email_folded)) == "abc@student.uni.example.pl"


def test_times_come_back_as_utc_instants(db):
    student_id = factories.student(db)
    with db.read() as session:
        created = session.get(Student, student_id).created_at
    assert created.tzinfo is not None and created.utcoffset().total_seconds() == 0
