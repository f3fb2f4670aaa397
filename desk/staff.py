"""Staff users: password hashes, sign-in, and the one permission check every service calls."""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk.changes import Action, Description, Shown
from desk.clock import now_utc
from desk.db import Database, limit_interactive
from desk.errors import DomainError, NotFound, PermissionDenied, SignInFailed
from desk.i18n import translate
from desk.messages import define
from desk.model import OrgUnit, Role, StaffUnit, StaffUser

if TYPE_CHECKING:  # the unit of work checks permissions with this module: no import at run time
    from desk.unit_of_work import UnitOfWork

password_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters

MIN_PASSWORD_LENGTH = 8
# After this many failures in a row, each further attempt waits longer (doubling, capped).
FREE_ATTEMPTS = 3
MAX_PAUSE = timedelta(minutes=15)


class Permission(enum.StrEnum):
    """What a service may be asked to do. Roles map to permissions in ROLE_PERMISSIONS."""

    READ_STUDENTS = "read_students"
    VIEW_PERSONAL_DATA = "view_personal_data"
    EDIT_STUDENTS = "edit_students"
    MANAGE_REGISTRATIONS = "manage_registrations"
    MANAGE_ACCESS = "manage_access"
    MANAGE_GROUPS = "manage_groups"
    CORRECT_TOKENS = "correct_tokens"
    OVERRIDE_TOKEN_DEADLINE = "override_token_deadline"
    MANAGE_ACCOUNTS = "manage_accounts"
    RUN_SYNC = "run_sync"
    MANAGE_STAFF = "manage_staff"
    ADMINISTER = "administer"


# Permissions marked unit-scoped are checked against the clerk's units as well.
UNIT_SCOPED = {
    Permission.EDIT_STUDENTS,
    Permission.MANAGE_REGISTRATIONS,
    Permission.MANAGE_ACCESS,
    Permission.MANAGE_GROUPS,
    Permission.CORRECT_TOKENS,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset(
        {
            Permission.READ_STUDENTS,
            Permission.VIEW_PERSONAL_DATA,
            Permission.EDIT_STUDENTS,
            Permission.MANAGE_REGISTRATIONS,
            Permission.MANAGE_ACCESS,
            Permission.MANAGE_GROUPS,
            Permission.CORRECT_TOKENS,
            Permission.RUN_SYNC,
        }
    ),
    Role.SERVICE_CENTER: frozenset(
        {Permission.READ_STUDENTS, Permission.MANAGE_ACCOUNTS, Permission.RUN_SYNC}
    ),
    Role.ADMINISTRATOR: frozenset(Permission),
}


@dataclass(frozen=True)
class Actor:
    """The signed-in staff member, as services see them: plain values, no ORM object."""

    id: int
    login: str
    full_name: str
    role: Role
    unit_ids: frozenset[int]

    def can(self, permission: Permission, unit_id: int | None = None) -> bool:
        if permission not in ROLE_PERMISSIONS[self.role]:
            return False
        if self.role is Role.ADMINISTRATOR or unit_id is None or permission not in UNIT_SCOPED:
            return True
        return unit_id in self.unit_ids


def require(actor: Actor, permission: Permission, unit_id: int | None = None, *, unit: str | None = None,
            subject: str | None = None) -> None:
    """Raise PermissionDenied unless the actor's role (and units, where it matters) allow it.

    A role that may do this, only not for this unit, is told so: the refusal names the unit (``unit``,
    its code and name; the id without it) and what belongs to it (``subject``, e.g. "The group MAT-101
    class 1"; "This" without it), not the role.
    """
    if actor.can(permission, unit_id):
        return
    if permission in ROLE_PERMISSIONS[actor.role]:  # the role may; the unit is not one of the actor's
        where = unit or str(unit_id)
        raise PermissionDenied(
            translate("Staff", "%1 belongs to %2, not one of your units.").replace("%2", where).replace("%1", subject)
            if subject else translate("Staff", "This belongs to %1, not one of your units.").replace("%1", where)
        )
    raise PermissionDenied(
        translate("Staff", "Your role (%1) does not allow this: %2.")
        .replace("%1", role_label(actor.role))
        .replace("%2", permission_label(permission))
    )


def role_label(role: Role) -> str:
    return {
        Role.CLERK: translate("Staff", "dean's office clerk"),
        Role.SERVICE_CENTER: translate("Staff", "Student Service Center"),
        Role.ADMINISTRATOR: translate("Staff", "administrator"),
    }[role]


def permission_label(permission: Permission) -> str:
    return {
        Permission.READ_STUDENTS: translate("Staff", "look up students"),
        Permission.VIEW_PERSONAL_DATA: translate("Staff", "see personal data"),
        Permission.EDIT_STUDENTS: translate("Staff", "change students' records"),
        Permission.MANAGE_REGISTRATIONS: translate("Staff", "manage registrations"),
        Permission.MANAGE_ACCESS: translate("Staff", "grant access to registrations"),
        Permission.MANAGE_GROUPS: translate("Staff", "manage class groups"),
        Permission.CORRECT_TOKENS: translate("Staff", "correct token balances"),
        Permission.OVERRIDE_TOKEN_DEADLINE: translate("Staff", "override the token correction deadline"),
        Permission.MANAGE_ACCOUNTS: translate("Staff", "link login accounts"),
        Permission.RUN_SYNC: translate("Staff", "run the sync"),
        Permission.MANAGE_STAFF: translate("Staff", "manage staff accounts"),
        Permission.ADMINISTER: translate("Staff", "administer the system"),
    }[permission]


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DomainError(
            translate("Staff", "A password needs at least %1 characters.").replace(
                "%1", str(MIN_PASSWORD_LENGTH)
            )
        )
    return password_hasher.hash(password)


def _actor(session: Session, user: StaffUser) -> Actor:
    unit_ids = session.scalars(select(StaffUnit.unit_id).where(StaffUnit.staff_id == user.id)).all()
    return Actor(user.id, user.login, user.full_name, user.role, frozenset(unit_ids))


def _find(session: Session, login: str) -> StaffUser | None:
    return session.scalars(
        select(StaffUser).where(func.lower(StaffUser.login) == login.strip().lower())
    ).one_or_none()


def pause_after(failures: int) -> timedelta:
    """How long sign-in waits after ``failures`` failed attempts in a row."""
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    return min(timedelta(seconds=2 ** (failures - FREE_ATTEMPTS + 1)), MAX_PAUSE)


def sign_in(db: Database, login: str, password: str) -> Actor:
    """Check a login and password; raise SignInFailed with a message the clerk can act on.

    Each attempt is counted before its password is checked, by one atomic ``UPDATE ... RETURNING``
    that also refuses it while a pause runs: attempts made at once, from any number of
    workstations, are counted one by one, and no more passwords are checked than one after
    another. The check itself (argon2, slow on purpose) holds no connection and no lock; the
    outcome is written in a short transaction after it. A disabled account answers exactly as a
    wrong password does, whatever the password: a guessed password is never confirmed.
    """
    wrong = translate("Staff", "Wrong login or password.")
    with db.read() as session:
        limit_interactive(session)
        found = session.execute(
            select(StaffUser.id, StaffUser.password_hash).where(func.lower(StaffUser.login) == login.strip().lower())
        ).one_or_none()
    if found is None:
        password_hasher.hash(password or "x")  # the same time spent whether or not the login exists
        raise SignInFailed(wrong)
    _take_attempt(db, found.id)
    try:
        password_hasher.verify(found.password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        raise SignInFailed(wrong) from None  # counted already
    rehashed = password_hasher.hash(password) if password_hasher.check_needs_rehash(found.password_hash) else None
    with db.write() as session:
        limit_interactive(session)
        now = now_utc()
        # Only the account as it was checked: not disabled, nor its password reset, meanwhile.
        signed_in = session.execute(
            update(StaffUser)
            .where(StaffUser.id == found.id, StaffUser.active.is_(True), StaffUser.password_hash == found.password_hash)
            .values(failed_sign_ins=0, locked_until=None, last_sign_in_at=now,
                    password_hash=rehashed or StaffUser.password_hash)
            .returning(StaffUser.id)
            .execution_options(synchronize_session=False)
        ).scalar_one_or_none()
        actor = _actor(session, session.get(StaffUser, found.id)) if signed_in is not None else None
    if actor is None:
        raise SignInFailed(wrong)
    return actor


def _take_attempt(db: Database, user_id: int) -> None:
    """Count one attempt at the account's password, or refuse it while a pause after failures runs."""
    with db.write() as session:
        limit_interactive(session)
        now = now_utc()
        count = session.execute(
            update(StaffUser)
            .where(StaffUser.id == user_id, or_(StaffUser.locked_until.is_(None), StaffUser.locked_until <= now))
            .values(failed_sign_ins=StaffUser.failed_sign_ins + 1)
            .returning(StaffUser.failed_sign_ins)
            .execution_options(synchronize_session=False)
        ).scalar_one_or_none()
        if count is not None:
            pause = pause_after(count)
            if pause:  # the row is locked by the UPDATE above until the commit: no other attempt interleaves
                session.execute(update(StaffUser).where(StaffUser.id == user_id).values(locked_until=now + pause)
                                .execution_options(synchronize_session=False))
            return
        locked_until = session.scalar(select(StaffUser.locked_until).where(StaffUser.id == user_id))
    seconds = int((locked_until - now).total_seconds()) + 1 if locked_until is not None else 1
    raise SignInFailed(
        translate("Staff", "Too many failed attempts. Try again in %1 s.").replace("%1", str(max(seconds, 1)))
    )


def actor_for_login(db: Database, login: str) -> Actor:
    """The actor for a login without a password: for tests and trusted local jobs only."""
    with db.read() as session:
        user = _find(session, login)
        if user is None or not user.active:
            raise SignInFailed(translate("Staff", "There is no active staff account %1.").replace("%1", login))
        return _actor(session, user)


def staff_count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(StaffUser)) or 0


def _add_user(
    session: Session,
    login: str,
    full_name: str,
    password: str,
    role: Role,
    unit_codes: list[str],
) -> StaffUser:
    login = login.strip()
    if not login or not full_name.strip():
        raise DomainError(translate("Staff", "A staff account needs a login and a full name."))
    _refuse_control_characters(login, full_name)
    if _find(session, login) is not None:
        raise DomainError(translate("Staff", "The login %1 is already taken.").replace("%1", login))
    units = []
    for code in unit_codes:
        unit = session.scalars(select(OrgUnit).where(OrgUnit.code == code)).one_or_none()
        if unit is None:
            raise DomainError(translate("Staff", "There is no unit with the code %1.").replace("%1", code))
        units.append(unit)
    if role is Role.CLERK and not units:
        raise DomainError(translate("Staff", "A dean's office clerk acts for at least one unit."))
    user = StaffUser(
        login=login, full_name=full_name.strip(), password_hash=hash_password(password), role=role
    )
    user.units = units
    session.add(user)
    session.flush()
    return user


def _staff_snapshot(user: StaffUser) -> dict:
    return {
        "login": user.login,
        "full_name": user.full_name,
        "role": user.role.value,
        "active": user.active,
        "units": sorted(unit.code for unit in user.units),
    }


# --- what is recorded ------------------------------------------------------------------------

# Reasons the system gives: kept as codes, put into words in the reader's language.
FIRST_ADMINISTRATOR = define("staff.first_administrator", "Staff", QT_TRANSLATE_NOOP("Staff", "first administrator"))
PASSWORD_CHANGED_BY_OWNER = define("staff.password_changed_by_owner", "Staff",
                                   QT_TRANSLATE_NOOP("Staff", "password changed by its owner"))


class StaffAction(Action):
    """What is done to staff accounts."""

    CREATE = "staff.create"
    CHANGE_PASSWORD = "staff.change_password"
    DISABLE = "staff.disable"
    ENABLE = "staff.enable"
    ROLE = "staff.role"
    RESET_PASSWORD = "staff.reset_password"

    def describe(self, shown: Shown) -> Description:
        login = str(shown.after.get("login") or shown.before.get("login") or "")
        if self is StaffAction.CREATE:
            return Description(translate("History", "Staff account %1 created").replace("%1", login), frozenset({"login"}))
        if self is StaffAction.CHANGE_PASSWORD:
            return Description(translate("History", "Password changed by its owner"))
        if self is StaffAction.DISABLE:
            return Description(translate("History", "Staff account %1 disabled").replace("%1", login), frozenset({"login"}))
        if self is StaffAction.ENABLE:
            return Description(translate("History", "Staff account %1 enabled").replace("%1", login), frozenset({"login"}))
        if self is StaffAction.ROLE:
            return Description(translate("History", "Role of staff account %1 changed").replace("%1", login),
                               frozenset({"login"}))
        return Description(translate("History", "Password of staff account %1 reset").replace("%1", login),
                           frozenset({"login", "password", "failed_sign_ins", "locked_until"}))


def create_first_administrator(uow: UnitOfWork, login: str, full_name: str, password: str) -> Actor:
    """The first staff account of an empty database; refused once any account exists.

    ``uow`` is a unit of work of the system job that sets a database up (``SystemJob.SETUP``).
    """
    with uow.write() as session:
        if session.scalar(select(func.count()).select_from(StaffUser)):
            raise DomainError(
                translate("Staff", "This database already has staff accounts; an administrator adds new ones.")
            )
        user = _add_user(session, login, full_name, password, Role.ADMINISTRATOR, [])
        uow.record_change(StaffAction.CREATE, entity="staff_user", entity_id=user.id, after=_staff_snapshot(user),
                          reason=FIRST_ADMINISTRATOR(), portal=False)
        return _actor(session, user)


def create_staff_user(uow: UnitOfWork, *,
    login: str,
    full_name: str,
    password: str,
    role: Role,
    unit_codes: list[str] | None = None,
    reason: str,
) -> Actor:
    uow.require(Permission.MANAGE_STAFF)
    with uow.write() as session:
        user = _add_user(session, login, full_name, password, role, unit_codes or [])
        uow.record_change(StaffAction.CREATE, entity="staff_user", entity_id=user.id, after=_staff_snapshot(user),
                          reason=reason, portal=False)
        return _actor(session, user)


def change_password(uow: UnitOfWork, old_password: str, new_password: str) -> None:
    with uow.write() as session:
        user = session.get(StaffUser, uow.staff_id)
        try:
            password_hasher.verify(user.password_hash, old_password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            raise SignInFailed(translate("Staff", "The current password is wrong.")) from None
        user.password_hash = hash_password(new_password)
        uow.record_change(StaffAction.CHANGE_PASSWORD, entity="staff_user", entity_id=user.id,
                          reason=PASSWORD_CHANGED_BY_OWNER(), portal=False)


# --- staff administration ----------------------------------------------------------------------

# Passwords an administrator sets (a new account, a reset) are longer than the minimum every
# hash accepts: the demo's and older accounts' passwords keep working.
STAFF_PASSWORD_LENGTH = 10


@dataclass(frozen=True)
class StaffLine:
    """One staff account as the administrator's list shows it (no password hash)."""

    id: int
    login: str
    full_name: str
    role: Role
    unit_codes: tuple[str, ...]
    active: bool
    locked_until: datetime | None  # the end of a pause after failed sign-ins still running, else None
    failed_sign_ins: int
    last_sign_in_at: datetime | None


def list_staff(uow: UnitOfWork) -> list[StaffLine]:
    """Every staff account, by login, with its units, state and last sign-in."""
    uow.require(Permission.MANAGE_STAFF)
    now = now_utc()
    with uow.read() as session:
        uow.require(Permission.MANAGE_STAFF)  # as the account is now, not at sign-in
        units: dict[int, list[str]] = {}
        for staff_id, code in session.execute(
            select(StaffUnit.staff_id, OrgUnit.code).join(OrgUnit, OrgUnit.id == StaffUnit.unit_id).order_by(OrgUnit.code)
        ):
            units.setdefault(staff_id, []).append(code)
        users = session.scalars(select(StaffUser).order_by(func.lower(StaffUser.login), StaffUser.id)).all()
        return [_staff_line(user, units.get(user.id, ()), now) for user in users]


def _staff_line(user: StaffUser, unit_codes, now: datetime) -> StaffLine:
    running = user.locked_until is not None and user.locked_until > now
    return StaffLine(
        id=user.id,
        login=user.login,
        full_name=user.full_name,
        role=user.role,
        unit_codes=tuple(sorted(unit_codes)),
        active=user.active,
        locked_until=user.locked_until if running else None,
        failed_sign_ins=user.failed_sign_ins,
        last_sign_in_at=user.last_sign_in_at,
    )


def _staff_reason(reason: str | None) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Staff", "Say why (it is kept with the change)."))
    return reason


def _staff_password(password: str) -> str:
    """The hash of a password an administrator sets: refused when too short, before any transaction."""
    if len(password or "") < STAFF_PASSWORD_LENGTH:
        raise DomainError(
            translate("Staff", "A password needs at least %1 characters.").replace("%1", str(STAFF_PASSWORD_LENGTH))
        )
    return password_hasher.hash(password)


def _role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise DomainError(translate("Staff", "There is no role %1.").replace("%1", str(role))) from None


def _units_for(session: Session, role: Role, unit_ids) -> list[OrgUnit]:
    """The units a role acts for: at least one for a clerk, none for the others."""
    unit_ids = list(dict.fromkeys(unit_ids or ()))
    units = []
    for unit_id in unit_ids:
        unit = session.get(OrgUnit, unit_id)
        if unit is None:
            raise DomainError(translate("Staff", "There is no unit with the id %1.").replace("%1", str(unit_id)))
        units.append(unit)
    if role is Role.CLERK and not units:
        raise DomainError(translate("Staff", "A dean's office clerk acts for at least one unit."))
    if role is not Role.CLERK and units:
        raise DomainError(
            translate("Staff", "Only a dean's office clerk acts for units; leave them empty for %1.").replace(
                "%1", role_label(role)
            )
        )
    return units


def _staff_user(session: Session, login: str, *, lock: bool = False) -> StaffUser:
    query = select(StaffUser).where(func.lower(StaffUser.login) == (login or "").strip().lower())
    if lock and session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    user = session.scalars(query).one_or_none()
    if user is None:
        raise NotFound(translate("Staff", "There is no staff account %1.").replace("%1", (login or "").strip()))
    return user


def _lock_administrators(session: Session) -> int:
    """The number of active administrators, their rows locked (PostgreSQL) so that two administrators
    disabling or demoting each other at once cannot leave none. SQLite holds the write lock already."""
    query = select(StaffUser.id).where(StaffUser.role == Role.ADMINISTRATOR, StaffUser.active.is_(True))
    if session.get_bind().dialect.name == "postgresql":
        query = query.order_by(StaffUser.id).with_for_update()
    return len(session.scalars(query).all())


def _audit_staff(uow: UnitOfWork, action: StaffAction, user: StaffUser, *, before: dict | None, after: dict,
                 reason: str) -> None:
    uow.record_change(action, entity="staff_user", entity_id=user.id, before=before, after=after, reason=reason,
                      portal=False)


def _refuse_control_characters(login: str, full_name: str) -> None:
    """A login or a name is text to read: no control or invisible formatting characters (an escape
    sequence, a bidirectional override), which would act on a terminal or disguise one login as another."""
    if any(unicodedata.category(character) in ("Cc", "Cf", "Cs", "Co", "Cn") for character in login + full_name):
        raise DomainError(translate("Staff", "A login or a name cannot hold control or invisible characters."))


def add_staff(uow: UnitOfWork, login: str,
    full_name: str,
    role: Role | str,
    unit_ids,
    password: str,
    *,
    reason: str,
) -> StaffLine:
    """A new staff account: a clerk acts for at least one unit; the password has at least 10 characters."""
    uow.require(Permission.MANAGE_STAFF)
    role = _role(role)
    login, full_name = (login or "").strip(), " ".join((full_name or "").split())
    if not login or not full_name:
        raise DomainError(translate("Staff", "A staff account needs a login and a full name."))
    if any(character.isspace() for character in login):
        raise DomainError(translate("Staff", "A login has no spaces: %1.").replace("%1", login))
    _refuse_control_characters(login, full_name)
    if len(login) > 100 or len(full_name) > 200:
        raise DomainError(translate("Staff", "The login or the name is too long."))
    reason = _staff_reason(reason)
    password_hash = _staff_password(password)  # argon2 is slow on purpose: not inside the transaction
    try:
        with uow.write() as session:
            uow.require(Permission.MANAGE_STAFF)  # as the account is now, not at sign-in
            if _find(session, login) is not None:
                raise DomainError(translate("Staff", "The login %1 is already taken.").replace("%1", login))
            units = _units_for(session, role, unit_ids)
            user = StaffUser(login=login, full_name=full_name, password_hash=password_hash, role=role, active=True,
                             failed_sign_ins=0)
            user.units = units
            session.add(user)
            session.flush()
            _audit_staff(uow, StaffAction.CREATE, user, before=None, after=_staff_snapshot(user), reason=reason)
            user_id = user.id
    except IntegrityError:
        # Another administrator took the same login a moment earlier (the unique index decides).
        raise DomainError(translate("Staff", "The login %1 is already taken.").replace("%1", login)) from None
    return _line_of(uow.db, user_id)


def _line_of(db: Database, user_id: int) -> StaffLine:
    with db.read() as session:
        user = session.get(StaffUser, user_id)
        return _staff_line(user, [unit.code for unit in user.units], now_utc())


def disable_staff(uow: UnitOfWork, login: str, *, reason: str) -> StaffLine:
    """The account can no longer sign in. Not one's own account, nor the last active administrator."""
    uow.require(Permission.MANAGE_STAFF)
    reason = _staff_reason(reason)
    with uow.write() as session:
        administrators = _lock_administrators(session)
        user = _staff_user(session, login, lock=True)
        if user.id == uow.staff_id:
            raise DomainError(translate("Staff", "You cannot disable your own account; ask another administrator."))
        if not user.active:
            raise DomainError(translate("Staff", "The account %1 is already disabled.").replace("%1", user.login))
        if user.role is Role.ADMINISTRATOR and administrators <= 1:
            raise DomainError(
                translate("Staff", "%1 is the last active administrator; add or enable another one first.").replace(
                    "%1", user.login
                )
            )
        uow.require(Permission.MANAGE_STAFF)  # as the account is now, not at sign-in
        before = _staff_snapshot(user)
        user.active = False
        _audit_staff(uow, StaffAction.DISABLE, user, before=before, after=_staff_snapshot(user), reason=reason)
        user_id = user.id
    return _line_of(uow.db, user_id)


def enable_staff(uow: UnitOfWork, login: str, *, reason: str) -> StaffLine:
    """A disabled account may sign in again (with the password it had)."""
    uow.require(Permission.MANAGE_STAFF)
    reason = _staff_reason(reason)
    with uow.write() as session:
        user = _staff_user(session, login, lock=True)
        if user.active:
            raise DomainError(translate("Staff", "The account %1 is already enabled.").replace("%1", user.login))
        uow.require(Permission.MANAGE_STAFF)  # as the account is now, not at sign-in
        before = _staff_snapshot(user)
        user.active = True
        # Attempts made while it was disabled (answered as wrong passwords) leave no pause behind.
        user.failed_sign_ins, user.locked_until = 0, None
        _audit_staff(uow, StaffAction.ENABLE, user, before=before, after=_staff_snapshot(user), reason=reason)
        user_id = user.id
    return _line_of(uow.db, user_id)


def change_role(uow: UnitOfWork, login: str, role: Role | str, unit_ids, *, reason: str) -> StaffLine:
    """Give an account another role and/or other units. Not one's own role, nor the last active administrator's."""
    uow.require(Permission.MANAGE_STAFF)
    role = _role(role)
    reason = _staff_reason(reason)
    with uow.write() as session:
        administrators = _lock_administrators(session)
        user = _staff_user(session, login, lock=True)
        units = _units_for(session, role, unit_ids)
        if user.id == uow.staff_id and role is not user.role:
            raise DomainError(translate("Staff", "You cannot change your own role; ask another administrator."))
        if user.role is Role.ADMINISTRATOR and role is not Role.ADMINISTRATOR and user.active and administrators <= 1:
            raise DomainError(
                translate("Staff", "%1 is the last active administrator; add or enable another one first.").replace(
                    "%1", user.login
                )
            )
        uow.require(Permission.MANAGE_STAFF)  # as the account is now, not at sign-in
        before = _staff_snapshot(user)
        if role is user.role and sorted(u.id for u in units) == sorted(u.id for u in user.units):
            raise DomainError(translate("Staff", "Nothing was changed."))
        user.role = role
        user.units = units
        session.flush()
        _audit_staff(uow, StaffAction.ROLE, user, before=before, after=_staff_snapshot(user), reason=reason)
        user_id = user.id
    return _line_of(uow.db, user_id)


def reset_password(uow: UnitOfWork, login: str, new_password: str, *, reason: str) -> StaffLine:
    """Set a new password (the staff member is told it and changes it) and end any pause after failed sign-ins."""
    uow.require(Permission.MANAGE_STAFF)
    reason = _staff_reason(reason)
    password_hash = _staff_password(new_password)
    with uow.write() as session:
        uow.require(Permission.MANAGE_STAFF)  # as the account is now, not at sign-in
        user = _staff_user(session, login, lock=True)
        before = {"login": user.login, "failed_sign_ins": user.failed_sign_ins, "locked_until": user.locked_until}
        user.password_hash = password_hash
        user.failed_sign_ins = 0
        user.locked_until = None
        _audit_staff(uow, StaffAction.RESET_PASSWORD, user, before=before,
                     after={"login": user.login, "failed_sign_ins": 0, "locked_until": None, "password": "reset"},
                     reason=reason)
        user_id = user.id
    return _line_of(uow.db, user_id)
