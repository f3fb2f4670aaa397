"""Persons and their logins as every part of login accounts reads them, and what those parts share."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.model import LoginAccount, Person, PersonCategory, Student

OUTBOX_ENTITY = "login_account"
CHUNK = 5000


@dataclass(frozen=True)
class PersonFacts:
    person_id: int
    name: str
    category: PersonCategory
    student_id: int | None  # the first student record, whose id the portal's changes are filed under
    student_numbers: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.name} ({', '.join(self.student_numbers)})" if self.student_numbers else self.name


def person_facts(session: Session, person_id: int) -> PersonFacts:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(translate("Accounts", "There is no person with the id %1.").replace("%1", str(person_id)))
    records = session.execute(
        select(Student.id, Student.student_number).where(Student.person_id == person_id).order_by(Student.id)
    ).all()
    return PersonFacts(person.id, f"{person.first_name} {person.last_name}", person.category,
                       records[0][0] if records else None, tuple(number for _id, number in records))


def person_of_student(session: Session, student_id: int) -> int:
    person_id = session.scalar(select(Student.person_id).where(Student.id == student_id))
    if person_id is None:
        raise NotFound(translate("Accounts", "There is no student with the id %1.").replace("%1", str(student_id)))
    return person_id


def login_by_email(session: Session, email: str, *, lock: bool = False) -> LoginAccount | None:
    query = select(LoginAccount).where(func.lower(LoginAccount.email) == email.strip().lower())
    if lock:
        query = query.with_for_update()
    return session.scalars(query).one_or_none()


def required_reason(reason: str | None, message: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise DomainError(message)
    return text
