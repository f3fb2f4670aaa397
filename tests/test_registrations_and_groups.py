"""The registration calendar's validation and round states; class-group limits and members."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from desk import enrollment, groups, registrations
from desk.errors import DomainError, PermissionDenied
from desk.groups import GroupScope, LimitBelowCount
from desk.model import AuditEntry, ClassGroup, OutboxEntry, RegistrationKind, Role, RoundStatus
from desk.registrations import RegistrationDraft, RoundDraft
from tests import factories
from desk.unit_of_work import UnitOfWork

UTC = timezone.utc


def _draft(db, **overrides) -> RegistrationDraft:
    values = dict(code="WMF-OGU", name="Przedmioty do wyboru", unit_id=factories.unit(db), term_id=factories.term(db),
                  kind=RegistrationKind.DIRECT, selection_limit=2)
    values.update(overrides)
    return RegistrationDraft(**values)


def test_round_state_follows_the_clock():
    start, end = datetime(2026, 11, 23, 8, tzinfo=UTC), datetime(2026, 11, 30, 22, 59, tzinfo=UTC)
    assert registrations.round_state(start, end, start - timedelta(seconds=1)) is RoundStatus.PREPARING
    assert registrations.round_state(start, end, start) is RoundStatus.ACTIVE
    assert registrations.round_state(start, end, end) is RoundStatus.CLOSED


def test_create_and_edit_a_registration_with_courses(db, admin):
    course_id = factories.course(db)
    factories.group(db, course_id, factories.term(db))
    reg = registrations.save_registration(UnitOfWork(db, admin), _draft(db, course_ids=(course_id,)))
    detail = registrations.registration_detail(UnitOfWork(db, admin), reg)
    assert detail.line.code == "WMF-OGU" and [c.id for c in detail.courses] == [course_id]
    registrations.save_registration(UnitOfWork(db, admin), _draft(db, name="Nowa nazwa", course_ids=()), registration_id=reg, reason="literówka")
    detail = registrations.registration_detail(UnitOfWork(db, admin), reg)
    assert detail.line.name == "Nowa nazwa" and detail.courses == ()
    with db.read() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "registration").order_by(AuditEntry.id)).all()
    assert actions == ["registration.create", "registration.update"]


def test_registration_validation(db, admin):
    with pytest.raises(DomainError, match="token type"):
        registrations.save_registration(UnitOfWork(db, admin), _draft(db, kind=RegistrationKind.TOKEN))
    other_term = factories.term(db, "2027L")
    course_id = factories.course(db, "ONLY-SUMMER")
    factories.group(db, course_id, other_term)
    with pytest.raises(DomainError, match="no class groups in the term"):
        registrations.save_registration(UnitOfWork(db, admin), _draft(db, course_ids=(course_id,)))
    registrations.save_registration(UnitOfWork(db, admin), _draft(db))
    with pytest.raises(DomainError, match="already used"):
        registrations.save_registration(UnitOfWork(db, admin), _draft(db, code="wmf-ogu"))
    with pytest.raises(DomainError, match="selection limit"):
        registrations.save_registration(UnitOfWork(db, admin), _draft(db, code="X", selection_limit=0))


def test_rounds_end_after_start_and_never_overlap(db, admin):
    reg = registrations.save_registration(UnitOfWork(db, admin), _draft(db))
    start = datetime(2027, 1, 10, 9, tzinfo=UTC)
    with pytest.raises(DomainError, match="end after"):
        registrations.save_round(UnitOfWork(db, admin), reg, RoundDraft("Tura I", start, start))
    first = registrations.save_round(UnitOfWork(db, admin), reg, RoundDraft("Tura I", start, start + timedelta(days=7)))
    with pytest.raises(DomainError, match="overlaps"):
        registrations.save_round(UnitOfWork(db, admin), reg, RoundDraft("Tura II", start + timedelta(days=6), start + timedelta(days=9)))
    second = registrations.save_round(UnitOfWork(db, admin), reg, RoundDraft("Tura II", start + timedelta(days=7), start + timedelta(days=9)))
    registrations.save_round(UnitOfWork(db, admin), reg, RoundDraft("Tura I", start, start + timedelta(days=6)), round_id=first)
    lines = registrations.list_registrations(UnitOfWork(db, admin, now=start - timedelta(days=1)))
    assert [r.id for r in lines[0].rounds] == [first, second]
    assert lines[0].state is RoundStatus.PREPARING
    registrations.delete_round(UnitOfWork(db, admin, now=start), second, reason="niepotrzebna")
    with pytest.raises(DomainError, match="already started"):
        registrations.delete_round(UnitOfWork(db, admin, now=start + timedelta(hours=1)), first, reason="x")


def test_token_round_needs_micro_rounds(db, admin):
    token = factories.token_type(db)
    reg = registrations.save_registration(UnitOfWork(db, admin), _draft(db, kind=RegistrationKind.TOKEN, token_type_id=token))
    start = datetime(2027, 1, 10, 9, tzinfo=UTC)
    with pytest.raises(DomainError, match="micro-rounds"):
        registrations.save_round(UnitOfWork(db, admin), reg, RoundDraft("Tura I", start, start + timedelta(days=1)))
    registrations.save_round(UnitOfWork(db, admin), reg, RoundDraft("Tura I", start, start + timedelta(days=1), micro_round_minutes=60, micro_break_minutes=15))


def test_clerk_of_another_unit_cannot_edit_the_calendar(db):
    clerk = factories.staff(db, "obcy", Role.CLERK, ("WPA",))
    with pytest.raises(PermissionDenied):
        registrations.save_registration(UnitOfWork(db, clerk), _draft(db))


def test_a_refusal_for_another_unit_names_the_unit_not_the_role(db):
    clerk = factories.staff(db, "obcy", Role.CLERK, ("WPA",))
    factories.unit(db, "WMF", "Wydział Matematyki i Fizyki")
    with pytest.raises(PermissionDenied) as refused:
        registrations.save_registration(UnitOfWork(db, clerk), _draft(db))
    assert str(refused.value) == "This belongs to WMF — Wydział Matematyki i Fizyki, not one of your units."


# --- groups ---------------------------------------------------------------------------------


@pytest.fixture
def two_groups(db):
    term_id = factories.term(db)
    course_id = factories.course(db)
    return [factories.group(db, course_id, term_id, number=n, seat_limit=3, lower_limit=2) for n in (1, 2)]


def test_group_table_flags_groups_below_the_lower_limit(db, admin, two_groups):
    sid = factories.student(db)
    enrollment.enroll(UnitOfWork(db, admin), sid, two_groups[0], reason="r")
    lines = groups.list_groups(UnitOfWork(db, admin), GroupScope(term_id=factories.term(db)))
    assert [(g.enrolled, g.free, g.below_lower_limit) for g in lines] == [(1, 2, True), (0, 3, True)]


def test_bulk_limits_by_value_and_by_delta(db, admin, two_groups):
    assert groups.set_seat_limits(UnitOfWork(db, admin), two_groups, delta=5, reason="większa sala").changed == 2
    assert groups.set_seat_limits(UnitOfWork(db, admin), two_groups, value=10, reason="r").changed == 2
    assert groups.set_seat_limits(UnitOfWork(db, admin), two_groups, value=10, reason="r").unchanged == 2
    with db.read() as session:
        assert set(session.scalars(select(ClassGroup.seat_limit))) == {10}
        assert session.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.entity == "class_group")) == 4


def test_a_clerk_setting_another_units_limit_is_told_the_group_belongs_to_that_unit(db, two_groups):
    clerk = factories.staff(db, "obcy", Role.CLERK, ("WPA",))
    own = factories.group(db, factories.course(db, "PRA-101", unit_code="WPA"), factories.term(db))
    told = "The group MAT-101 class 2 belongs to WMF — Unit WMF, not one of your units."
    with pytest.raises(PermissionDenied) as refused:
        groups.set_seat_limits(UnitOfWork(db, clerk), [own, two_groups[1]], value=30, reason="większa sala")
    assert str(refused.value) == told
    with pytest.raises(PermissionDenied) as refused:
        groups.set_lower_limit(UnitOfWork(db, clerk), two_groups[1], 1, reason="mniej chętnych")
    assert str(refused.value) == told
    with db.read() as session:
        assert set(session.scalars(select(ClassGroup.seat_limit))) == {3, 20}  # nothing changed, the own group neither
    assert groups.set_seat_limits(UnitOfWork(db, clerk), [own], value=30, reason="większa sala").changed == 1


def test_limit_never_below_the_count_and_nothing_partial(db, admin, two_groups):
    ids = factories.many_students(db, 3)
    for sid in ids:
        enrollment.enroll(UnitOfWork(db, admin), sid, two_groups[0], reason="r")
    with pytest.raises(LimitBelowCount, match="3 students enrolled") as refused:
        groups.set_seat_limits(UnitOfWork(db, admin), two_groups, value=2, reason="mniejsza sala")
    assert refused.value.groups[0][1:] == (3, 2)
    with db.read() as session:
        assert set(session.scalars(select(ClassGroup.seat_limit))) == {3}  # the second group unchanged too
    with pytest.raises(LimitBelowCount):
        groups.set_seat_limits(UnitOfWork(db, admin), [two_groups[1]], delta=-4, reason="r")


def test_raising_the_limit_absorbs_an_override(db, admin, two_groups):
    ids = factories.many_students(db, 4)
    for sid in ids[:3]:
        enrollment.enroll(UnitOfWork(db, admin), sid, two_groups[0], reason="r")
    enrollment.enroll(UnitOfWork(db, admin), ids[3], two_groups[0], reason="decyzja", over_limit=True)
    groups.set_seat_limits(UnitOfWork(db, admin), [two_groups[0]], value=4, reason="r")
    line = groups.group_line(UnitOfWork(db, admin), two_groups[0])
    assert (line.seat_limit, line.enrolled, line.over_limit_count) == (4, 4, 0)


def test_lower_limit_and_members(db, admin, two_groups):
    with pytest.raises(DomainError, match="cannot exceed"):
        groups.set_lower_limit(UnitOfWork(db, admin), two_groups[0], 9, reason="r")
    groups.set_lower_limit(UnitOfWork(db, admin), two_groups[0], 1, reason="r")
    b = factories.student(db, "Anna", "Łukasik")
    a = factories.student(db, "Jan", "Lis")
    for sid in (b, a):
        enrollment.enroll(UnitOfWork(db, admin), sid, two_groups[0], reason="r")
    assert [m.last_name for m in groups.members(UnitOfWork(db, admin), two_groups[0])] == ["Lis", "Łukasik"]
    assert [g.id for g in groups.sibling_groups(UnitOfWork(db, admin), two_groups[0])] == [two_groups[1]]
