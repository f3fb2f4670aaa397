"""Staff sign-in, password hashes, the permission helper and the audit entry of staff changes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from desk import staff
from desk.errors import DomainError, PermissionDenied, SignInFailed
from desk.model import AuditEntry, Role, StaffUser
from desk.staff import Actor, Permission
from tests import factories
from desk.unit_of_work import SystemJob, UnitOfWork


def test_first_administrator_signs_in_and_is_audited(db, admin):
    actor = staff.sign_in(db, "ADMIN", "admin-password")
    assert actor.role is Role.ADMINISTRATOR and actor.login == "admin"
    with db.read() as session:
        user = session.scalars(select(StaffUser)).one()
        assert user.password_hash.startswith("$argon2id$")
        entry = session.scalars(select(AuditEntry)).one()
    # Set up by the system (no one is signed in yet), for a reason kept as a code.
    assert (entry.action, entry.staff_id, entry.job, entry.after["role"]) == ("staff.create", None, "setup", "administrator")
    assert entry.reason is None and entry.reason_message == {"code": "staff.first_administrator", "params": {}}


def test_second_first_administrator_is_refused(db, admin):
    with pytest.raises(DomainError):
        staff.create_first_administrator(UnitOfWork(db, SystemJob.SETUP), "other", "Other", "password-123")


def test_wrong_password_and_unknown_login_say_the_same(db, admin):
    with pytest.raises(SignInFailed) as wrong:
        staff.sign_in(db, "admin", "nope-nope")
    with pytest.raises(SignInFailed) as unknown:
        staff.sign_in(db, "nobody", "nope-nope")
    assert str(wrong.value) == str(unknown.value)


def test_repeated_failures_pause_sign_in(db, admin):
    for _ in range(staff.FREE_ATTEMPTS):
        with pytest.raises(SignInFailed):
            staff.sign_in(db, "admin", "wrong-password")
    # Now paused: even the right password waits.
    with pytest.raises(SignInFailed, match="Try again"):
        staff.sign_in(db, "admin", "admin-password")
    with db.read() as session:
        user = session.scalars(select(StaffUser)).one()
        assert user.failed_sign_ins == staff.FREE_ATTEMPTS and user.locked_until is not None


def test_pause_grows_and_is_capped():
    pauses = [staff.pause_after(n) for n in range(0, 20)]
    assert pauses[: staff.FREE_ATTEMPTS] == [timedelta(0)] * staff.FREE_ATTEMPTS
    assert pauses == sorted(pauses)
    assert pauses[-1] == staff.MAX_PAUSE


def test_disabled_account_cannot_sign_in(db, admin):
    with db.write() as session:
        session.scalars(select(StaffUser)).one().active = False
    with pytest.raises(SignInFailed, match="Wrong login or password"):  # the same answer as a wrong password
        staff.sign_in(db, "admin", "admin-password")


def test_short_password_is_refused(db):
    with pytest.raises(DomainError, match="at least"):
        staff.create_first_administrator(UnitOfWork(db, SystemJob.SETUP), "admin", "Admin", "short")


def test_clerk_needs_a_unit_and_administrator_creates_staff(db, admin):
    factories.unit(db, "WMF")
    with pytest.raises(DomainError):
        staff.create_staff_user(
            UnitOfWork(db, admin), login="k", full_name="K", password="password-123", role=Role.CLERK, reason="new clerk"
        )
    clerk = staff.create_staff_user(
        UnitOfWork(db, admin),
        login="kowalska",
        full_name="Ewa Kowalska",
        password="password-123",
        role=Role.CLERK,
        unit_codes=["WMF"],
        reason="nowa pracownica dziekanatu",
    )
    assert clerk.role is Role.CLERK and len(clerk.unit_ids) == 1
    with pytest.raises(PermissionDenied):
        staff.create_staff_user(
            UnitOfWork(db, clerk), login="x", full_name="X", password="password-123", role=Role.ADMINISTRATOR, reason="r"
        )


def test_change_password(db, admin):
    with pytest.raises(SignInFailed):
        staff.change_password(UnitOfWork(db, admin), "wrong", "new-password-1")
    staff.change_password(UnitOfWork(db, admin), "admin-password", "new-password-1")
    assert staff.sign_in(db, "admin", "new-password-1").id == admin.id


def _actor(role, units=()):
    return Actor(1, "x", "X", role, frozenset(units))


def test_permission_helper_checks_role_and_unit():
    clerk = _actor(Role.CLERK, {10})
    assert clerk.can(Permission.EDIT_STUDENTS, 10)
    assert not clerk.can(Permission.EDIT_STUDENTS, 11)
    assert not clerk.can(Permission.MANAGE_STAFF)
    center = _actor(Role.SERVICE_CENTER)
    assert center.can(Permission.MANAGE_ACCOUNTS) and center.can(Permission.READ_STUDENTS)
    assert not center.can(Permission.EDIT_STUDENTS, 10)
    assert not center.can(Permission.VIEW_PERSONAL_DATA)
    administrator = _actor(Role.ADMINISTRATOR)
    assert all(administrator.can(p, 99) for p in Permission)
    with pytest.raises(PermissionDenied, match="does not allow"):
        staff.require(center, Permission.CORRECT_TOKENS)
