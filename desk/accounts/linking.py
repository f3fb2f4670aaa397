"""Linking a login to a person and unlinking it; the login made at admission."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk import audit, outbox
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
from desk.clock import now_utc
from desk.db import Database
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.model import LoginAccount, Student, StudentProgramme
from desk.staff import Actor, Permission, require


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


def _link(session: Session, actor: Actor, person: PersonFacts, email: str, reason: str, *, action: str) -> LinkResult:
    """Link ``email`` to the person inside the caller's transaction, or refuse with the rule that fails."""
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
    login.linked_at = now_utc()
    login.linked_by_id = actor.id
    try:
        session.flush()
    except IntegrityError:
        # Another workstation created the same address a moment ago (the unique index on lower(email)).
        raise DomainError(
            translate("Accounts", "%1 was just created at another workstation; look it up again.").replace("%1", email)
        ) from None
    audit.record(session, actor_id=actor.id, action="login.link" if action == "linked" else "login.create",
                 entity=OUTBOX_ENTITY, entity_id=login.id, student_id=person.student_id, before=before,
                 after=_snapshot(login), reason=reason)
    outbox.enqueue(session, entity=OUTBOX_ENTITY, entity_id=login.id, student_id=person.student_id, operation="upsert",
                   payload=_snapshot(login), actor_id=actor.id)
    return LinkResult(login.id, login.email, person.person_id, person.name, person.student_id, action)


def link_login(db: Database, actor: Actor, email: str, *, person_id: int | None = None, student_id: int | None = None,
               reason: str) -> LinkResult:
    """Link a login address to a person (given by person id or by one of their student ids).

    An existing login row with that address and no person is linked rather than duplicated.
    """
    require(actor, Permission.MANAGE_ACCOUNTS)
    reason = required_reason(reason, translate("Accounts", "Say why the login is linked (e.g. reported by the student)."))
    if (person_id is None) == (student_id is None):
        raise DomainError(translate("Accounts", "Say whom the login is linked to: one person or one student."))
    with db.write() as session:
        if person_id is None:
            person_id = person_of_student(session, student_id)
        return _link(session, actor, person_facts(session, person_id), email, reason, action="created")


def unlink_login(db: Database, actor: Actor, email: str, *, reason: str, remove: bool = False) -> LinkResult:
    """Take a login away from its person (the portal then has no person for it); ``remove`` deletes the
    login row as well, for an address that was made by mistake."""
    require(actor, Permission.MANAGE_ACCOUNTS)
    reason = required_reason(reason, translate("Accounts", "Say why the login is unlinked (e.g. linked to the wrong person)."))
    with db.write() as session:
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
        audit.record(session, actor_id=actor.id, action=f"login.{'delete' if remove else 'unlink'}", entity=OUTBOX_ENTITY,
                     entity_id=login_id, student_id=student_id, before=before, after=after, reason=reason)
        outbox.enqueue(session, entity=OUTBOX_ENTITY, entity_id=login_id, student_id=student_id, operation=operation,
                       payload=after, actor_id=actor.id)
        return LinkResult(login_id, address, None, person.name if person else None, student_id, action)


def _may_create_at_admission(session: Session, actor: Actor, student_id: int) -> bool:
    # Admission is the dean's office's work, and the login is made together with the student number,
    # so a clerk of the student's unit may do it as well as the Student Service Center.
    if actor.can(Permission.MANAGE_ACCOUNTS):
        return True
    from desk.model import Programme

    units = session.scalars(
        select(Programme.unit_id).join(StudentProgramme, StudentProgramme.programme_id == Programme.id)
        .where(StudentProgramme.student_id == student_id)
    ).all()
    return any(actor.can(Permission.EDIT_STUDENTS, unit) for unit in units)


def create_login_for(session: Session, actor: Actor, student_id: int, *, reason: str | None = None) -> LinkResult:
    """Inside the caller's transaction (an admission): make the student's login from the template and
    link it, unless the person already has a linked login."""
    person = person_facts(session, person_of_student(session, student_id))
    existing = session.scalars(
        select(LoginAccount).where(LoginAccount.person_id == person.person_id).order_by(LoginAccount.id).limit(1)
    ).first()
    if existing is not None:
        return LinkResult(existing.id, existing.email, person.person_id, person.name, person.student_id, "existing")
    number = session.scalar(select(Student.student_number).where(Student.id == student_id))
    email = generate_login(session, person.person_id, number)
    return _link(session, actor, person, email, (reason or "").strip() or translate("Accounts", "made at admission"),
                 action="created")


def create_login_at_admission(db: Database, actor: Actor, student_id: int, *, reason: str | None = None) -> LinkResult:
    """Make and link the login of a newly admitted student (if the person has none)."""
    with db.write() as session:
        if not _may_create_at_admission(session, actor, student_id):
            require(actor, Permission.MANAGE_ACCOUNTS)  # refuses, naming the permission
        return create_login_for(session, actor, student_id, reason=reason)
