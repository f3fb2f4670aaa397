"""The student card, PESEL checks and audited, outboxed personal data corrections."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from desk import students
from desk.errors import DomainError, PermissionDenied
from desk.model import AuditEntry, OutboxEntry, Person, ProgrammeStatus, Role
from desk.students import PersonChanges
from tests import factories
from desk.unit_of_work import UnitOfWork

VALID_PESEL = "44051401359"  # born 1944-05-14


def test_check_pesel():
    assert students.check_pesel(" 44051401359 ", date(1944, 5, 14)) == VALID_PESEL
    assert students.check_pesel(VALID_PESEL, None) == VALID_PESEL
    with pytest.raises(DomainError, match="11 digits"):
        students.check_pesel("1234", None)
    with pytest.raises(DomainError, match="not valid"):
        students.check_pesel("44051401358", None)
    with pytest.raises(DomainError, match="birth date"):
        students.check_pesel(VALID_PESEL, date(1944, 5, 15))


def test_card_shows_person_programme_and_login(db, admin):
    student_id = factories.student(
        db, "Łukasz", "Żółkiewski", number="654321", pesel=VALID_PESEL, birth_date=date(1944, 5, 14),
        status=ProgrammeStatus.ON_LEAVE,
    )
    card = students.student_card(UnitOfWork(db, admin), student_id)
    assert (card.first_name, card.last_name, card.student_number) == ("Łukasz", "Żółkiewski", "654321")
    # On file, and not one digit of it: with the birth date, the last ones would leave one possible PESEL.
    assert card.pesel_masked == "•" * 11
    assert [p.status for p in card.programmes] == [ProgrammeStatus.ON_LEAVE]
    assert card.logins == ("654321@student.uni.example.pl",)
    assert card.may_edit and card.may_view_personal_data


def test_reveal_pesel_is_audited(db, admin):
    student_id = factories.student(db, pesel=VALID_PESEL)
    assert students.reveal_pesel(UnitOfWork(db, admin), student_id) == VALID_PESEL
    with db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "person.view_pesel")).one()
    assert (entry.staff_id, entry.student_id) == (admin.id, student_id)


def test_service_center_sees_no_personal_data(db):
    student_id = factories.student(db, pesel=VALID_PESEL)
    center = factories.staff(db, "cos", Role.SERVICE_CENTER)
    card = students.student_card(UnitOfWork(db, center), student_id)
    assert card.private_email is None and not card.may_edit and not card.may_view_personal_data
    with pytest.raises(PermissionDenied):
        students.reveal_pesel(UnitOfWork(db, center), student_id)


def _changes(**overrides) -> PersonChanges:
    values = dict(
        first_name="Jan", middle_name=None, last_name="Kowalski-Łęcki", birth_date=date(1944, 5, 14),
        pesel=VALID_PESEL, private_email="jan@example.com",
    )
    values.update(overrides)
    return PersonChanges(**values)


def test_update_person_writes_audit_and_outbox_in_one_transaction(db, admin):
    student_id = factories.student(db)
    card = students.update_person(UnitOfWork(db, admin), student_id, _changes(), reason="zmiana nazwiska, akt małżeństwa")
    assert card.last_name == "Kowalski-Łęcki"
    with db.read() as session:
        person = session.get(Person, card.person_id)
        assert person.search_name == "jan kowalski-lecki"
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "person.update")).one()
        assert entry.before["last_name"] == "Kowalski" and entry.after["last_name"] == "Kowalski-Łęcki"
        assert VALID_PESEL not in str(entry.after)  # the audit trail keeps no full PESEL
        queued = session.scalars(select(OutboxEntry)).one()
        assert (queued.entity, queued.student_id, queued.sent_at) == ("person", student_id, None)
    assert card.changes_waiting_for_portal == 1


@pytest.mark.parametrize(
    "changes, reason, message",
    [
        (_changes(), "", "Say why"),
        (_changes(first_name=" "), "r", "first name"),
        (_changes(pesel="44051401358"), "r", "not valid"),
        (_changes(private_email="not-an-address"), "r", "not an e-mail"),
    ],
)
def test_update_person_refusals_leave_nothing(db, admin, changes, reason, message):
    student_id = factories.student(db)
    with pytest.raises(DomainError, match=message):
        students.update_person(UnitOfWork(db, admin), student_id, changes, reason=reason)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0
        assert session.get(Person, students.student_card(UnitOfWork(db, admin), student_id).person_id).last_name == "Kowalski"


def test_duplicate_pesel_names_the_holder_and_rolls_back(db, admin):
    factories.student(db, "Anna", "Nowak", pesel=VALID_PESEL, birth_date=date(1944, 5, 14))
    other = factories.student(db)
    with pytest.raises(DomainError, match="Anna Nowak"):
        students.update_person(UnitOfWork(db, admin), other, _changes(), reason="r")
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "person.update")) == 0


def test_clerk_of_another_unit_may_not_edit(db):
    student_id = factories.student(db, programme_code="INF-S1")  # a programme of unit WMF
    outsider = factories.staff(db, "prawo", Role.CLERK, ("WPA",))
    insider = factories.staff(db, "wmf", Role.CLERK, ("WMF",))
    assert not students.student_card(UnitOfWork(db, outsider), student_id).may_edit
    with pytest.raises(PermissionDenied):
        students.update_person(UnitOfWork(db, outsider), student_id, _changes(), reason="r")
    assert students.update_person(UnitOfWork(db, insider), student_id, _changes(), reason="r").last_name == "Kowalski-Łęcki"
