"""Linking a login to a person and unlinking it; the login made at admission."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from desk.accounts.actions import MADE_AT_ADMISSION, LoginAction
from desk.accounts.addresses import check_address
from desk.accounts.persons import (
    OUTBOX_ENTITY,
    PersonFacts,
    login_by_email,
    person_facts,
    person_of_student,
    required_reason,
)
from desk.accounts.templates import domain_problem, generate_login, templates_by_category
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.messages import Message
from desk.model import LoginAccount, Student, StudentProgramme
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class LinkResult:
    login_id: int
    email: str
    person_id: int | None
    person_name: str | None
    student_id: int | None
    action: str  # created (a new login), linked (an existing one), unlinked, removed, existing (nothing to do)


def _snapshot(login: LoginAccount) -> dict:
    return {"email": login.email, "person_id": login.person_id}


def _link(uow: UnitOfWork, person: PersonFacts, email: str, reason: str | Message, *, action: str) -> LinkResult:
    """Link ``email`` to the person inside the unit's open transaction, or refuse with the rule that fails."""
    session = uow.session
    email = check_address(email)
    problem = domain_problem(email, person.category, templates_by_category(session), person.label)
    if problem is not None:
        raise DomainError(problem)
    login = login_by_email(session, email, lock=True)
    before = None
    if login is not None:
        if login.person_id == person.person_id:
            raise DomainError(
                translate("Accounts", "%1 is already linked to %2; nothing was changed.").replace("%1", login.email)
                .replace("%2", person.label)
            )
        if login.person_id is not None:
            holder = person_facts(session, login.person_id)
            raise DomainError(
                translate("Accounts", "%1 is already linked to %2, so it cannot be linked to %3. If it was linked by "
                                      "mistake, unlink it from %2 first.")
                .replace("%1", login.email).replace("%2", holder.label).replace("%3", person.label)
            )
        before = _snapshot(login)
        action = "linked"
    else:
        login = LoginAccount(email=email, email_folded=email)
        session.add(login)
    login.person_id = person.person_id
    login.linked_at = uow.now
    login.linked_by_id = uow.staff_id
    try:
        session.flush()
    except IntegrityError:
        # Another workstation created the same address a moment ago (the unique index on lower(email)).
        raise DomainError(
            translate("Accounts", "%1 was just created at another workstation; look it up again.").replace("%1", email)
        ) from None
    uow.record_change(LoginAction.LINK if action == "linked" else LoginAction.CREATE, entity=OUTBOX_ENTITY,
                      entity_id=login.id, student_id=person.student_id, before=before, after=_snapshot(login), reason=reason)
    return LinkResult(login.id, login.email, person.person_id, person.name, person.student_id, action)


def link_login(uow: UnitOfWork, email: str, *, person_id: int | None = None, student_id: int | None = None,
               reason: str) -> LinkResult:
    """Link a login address to a person (given by person id or by one of their student ids).

    An existing login row with that address and no person is linked rather than duplicated.
    """
    uow.require(Permission.MANAGE_ACCOUNTS)
    reason = required_reason(reason, translate("Accounts", "Say why the login is linked (e.g. reported by the student)."))
    if (person_id is None) == (student_id is None):
        raise DomainError(translate("Accounts", "Say whom the login is linked to: one person or one student."))
    with uow.write() as session:
        if person_id is None:
            person_id = person_of_student(session, student_id)
        return _link(uow, person_facts(session, person_id), email, reason, action="created")


def unlink_login(uow: UnitOfWork, email: str, *, reason: str, remove: bool = False) -> LinkResult:
    """Take a login away from its person (the portal then has no person for it); ``remove`` deletes the
    login row as well, for an address that was made by mistake."""
    uow.require(Permission.MANAGE_ACCOUNTS)
    reason = required_reason(reason, translate("Accounts", "Say why the login is unlinked (e.g. linked to the wrong person)."))
    with uow.write() as session:
        login = login_by_email(session, email, lock=True)
        if login is None:
            raise NotFound(translate("Accounts", "There is no login %1.").replace("%1", (email or "").strip()))
        if login.person_id is None and not remove:
            raise DomainError(translate("Accounts", "%1 is not linked to anyone; nothing was changed.").replace("%1", login.email))
        person = person_facts(session, login.person_id) if login.person_id is not None else None
        student_id = person.student_id if person else None
        before = _snapshot(login)
        login_id, address = login.id, login.email
        if remove:
            session.delete(login)
            operation, action, after = "delete", "removed", None
        else:
            login.person_id = None
            login.linked_at = None
            login.linked_by_id = None
            operation, action, after = "upsert", "unlinked", _snapshot(login)
        session.flush()
        uow.record_change(LoginAction.DELETE if remove else LoginAction.UNLINK, entity=OUTBOX_ENTITY, entity_id=login_id,
                          student_id=student_id, before=before, after=after, reason=reason, operation=operation)
        return LinkResult(login_id, address, None, person.name if person else None, student_id, action)


def _may_create_at_admission(uow: UnitOfWork, student_id: int) -> bool:
    # Admission is the dean's office's work, and the login is made together with the student number,
    # so a clerk of the student's unit may do it as well as the Student Service Center.
    if uow.can(Permission.MANAGE_ACCOUNTS):
        return True
    from desk.model import Programme

    units = uow.session.scalars(
        select(Programme.unit_id).join(StudentProgramme, StudentProgramme.programme_id == Programme.id)
        .where(StudentProgramme.student_id == student_id)
    ).all()
    return any(uow.can(Permission.EDIT_STUDENTS, unit) for unit in units)


def create_login_for(uow: UnitOfWork, student_id: int, *, reason: str | None = None) -> LinkResult:
    """Inside the unit's open transaction (an admission): make the student's login from the template and
    link it, unless the person already has a linked login."""
    session = uow.session
    person = person_facts(session, person_of_student(session, student_id))
    existing = session.scalars(
        select(LoginAccount).where(LoginAccount.person_id == person.person_id).order_by(LoginAccount.id).limit(1)
    ).first()
    if existing is not None:
        return LinkResult(existing.id, existing.email, person.person_id, person.name, person.student_id, "existing")
    number = session.scalar(select(Student.student_number).where(Student.id == student_id))
    email = generate_login(session, person.person_id, number)
    return _link(uow, person, email, (reason or "").strip() or MADE_AT_ADMISSION(), action="created")


def create_login_at_admission(uow: UnitOfWork, student_id: int, *, reason: str | None = None) -> LinkResult:
    """Make and link the login of a newly admitted student (if the person has none)."""
    with uow.write():
        if not _may_create_at_admission(uow, student_id):
            uow.require(Permission.MANAGE_ACCOUNTS)  # refuses, naming the permission
        return create_login_for(uow, student_id, reason=reason)
