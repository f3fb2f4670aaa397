"""Students' records: the student card (read side), personal data edits and PESEL checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum.exceptions import ValidationError
from stdnum.pl import pesel as stdnum_pesel

from desk import outbox
from desk.changes import Action, Change, Description, Shown
from desk.db import Database
from desk.errors import DomainError, NotFound, PermissionDenied
from desk.i18n import translate
from desk.model import (
    ClassGroup,
    Course,
    Enrollment,
    EnrollmentStatus,
    Level,
    LoginAccount,
    OrgUnit,
    Payment,
    PaymentStatus,
    Person,
    PersonCategory,
    Programme,
    ProgrammeStatus,
    Student,
    StudentProgramme,
    StudyMode,
    Term,
    TokenEntry,
    TokenType,
)
from desk.staff import Actor, Permission
from desk.text import person_name_fields
from desk.unit_of_work import UnitOfWork


# --- PESEL -------------------------------------------------------------------------------


def check_pesel(value: str, birth_date: date | None) -> str:
    """A valid PESEL (digits only) consistent with the birth date, or a DomainError saying why."""
    number = value.strip().replace(" ", "")
    if len(number) != 11 or not number.isdigit():
        raise DomainError(translate("Students", "A PESEL has exactly 11 digits."))
    # python-stdnum's own steps, without its validate(): that cleans the text three times over, a
    # quarter of the time of importing a student (the digits were checked just above).
    try:
        if number[-1] != stdnum_pesel.calc_check_digit(number[:-1]):
            raise ValidationError()
        encoded = stdnum_pesel.get_birth_date(number)
    except ValidationError:
        raise DomainError(
            translate("Students", "The PESEL %1 is not valid: its check digit or date is wrong.").replace("%1", number)
        ) from None
    if birth_date is not None and encoded != birth_date:
        raise DomainError(
            translate("Students", "The PESEL %1 gives the birth date %2, but the record says %3.")
            .replace("%1", number)
            .replace("%2", encoded.isoformat())
            .replace("%3", birth_date.isoformat())
        )
    return number


def mask_pesel(value: str | None) -> str:
    """That a PESEL is on file, and nothing of it: its last digits with the birth date leave one possible number."""
    return "" if not value else "•" * 11


# --- the student card --------------------------------------------------------------------


@dataclass(frozen=True)
class ProgrammeLine:
    code: str
    name: str
    unit_code: str
    unit_name: str
    level: Level
    mode: StudyMode
    stage: int
    status: ProgrammeStatus
    status_since: date | None
    admitted_on: date
    id: int = 0  # the student programme's own id (what a status change names)
    status_until: date | None = None  # a leave's planned end


@dataclass(frozen=True)
class EnrollmentLine:
    term_code: str
    course_code: str
    course_name: str
    class_type: str
    group_number: int
    status: EnrollmentStatus
    source: str
    created_at: datetime


@dataclass(frozen=True)
class TokenBalance:
    code: str
    name: str
    balance: int


@dataclass(frozen=True)
class PaymentLine:
    amount: Decimal
    status: PaymentStatus
    due_on: date | None
    what: str


@dataclass(frozen=True)
class StudentCard:
    student_id: int
    person_id: int
    student_number: str
    first_name: str
    middle_name: str | None
    last_name: str
    category: PersonCategory
    birth_date: date | None  # None unless the role may see personal data
    pesel_masked: str  # "•••••••••••" when a PESEL is on file; the number only through reveal_pesel (logged)
    private_email: str | None  # None unless the role may see personal data
    other_student_numbers: tuple[str, ...]
    programmes: tuple[ProgrammeLine, ...]
    logins: tuple[str, ...]
    enrollments: tuple[EnrollmentLine, ...]
    tokens: tuple[TokenBalance, ...]
    payments: tuple[PaymentLine, ...]
    changes_waiting_for_portal: int
    may_edit: bool
    may_view_personal_data: bool


def _student(session: Session, student_id: int) -> Student:
    student = session.get(Student, student_id)
    if student is None:
        raise NotFound(translate("Students", "There is no student with the id %1.").replace("%1", str(student_id)))
    return student


def _student_unit_ids(session: Session, student_id: int) -> set[int]:
    """The units whose programmes the student studies: the units whose clerks act on them."""
    return set(
        session.scalars(
            select(Programme.unit_id)
            .join(StudentProgramme, StudentProgramme.programme_id == Programme.id)
            .where(StudentProgramme.student_id == student_id)
        )
    )


def _may(actor: Actor, permission: Permission, unit_ids: set[int]) -> bool:
    return any(actor.can(permission, unit_id) for unit_id in unit_ids) or (
        not unit_ids and actor.can(permission)
    )


def student_card(uow: UnitOfWork, student_id: int) -> StudentCard:
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        student = _student(session, student_id)
        person = student.person
        unit_ids = _student_unit_ids(session, student_id)
        personal = uow.can(Permission.VIEW_PERSONAL_DATA)
        programmes = tuple(
            ProgrammeLine(
                code=programme.code,
                name=programme.name,
                unit_code=unit.code,
                unit_name=unit.name,
                level=programme.level,
                mode=programme.mode,
                stage=line.stage,
                status=line.status,
                status_since=line.status_since,
                admitted_on=line.admitted_on,
                id=line.id,
                status_until=line.status_until,
            )
            for line, programme, unit in session.execute(
                select(StudentProgramme, Programme, OrgUnit)
                .join(Programme, Programme.id == StudentProgramme.programme_id)
                .join(OrgUnit, OrgUnit.id == Programme.unit_id)
                .where(StudentProgramme.student_id == student_id)
                .order_by(StudentProgramme.admitted_on.desc())
            )
        )
        enrollments = tuple(
            EnrollmentLine(
                term_code=term_code,
                course_code=course_code,
                course_name=course_name,
                class_type=class_type.value,
                group_number=number,
                status=status,
                source=source.value,
                created_at=created_at,
            )
            for term_code, course_code, course_name, class_type, number, status, source, created_at in session.execute(
                select(
                    Term.code,
                    Course.code,
                    Course.name,
                    ClassGroup.class_type,
                    ClassGroup.number,
                    Enrollment.status,
                    Enrollment.source,
                    Enrollment.created_at,
                )
                .join(ClassGroup, ClassGroup.id == Enrollment.group_id)
                .join(Course, Course.id == ClassGroup.course_id)
                .join(Term, Term.id == ClassGroup.term_id)
                .where(Enrollment.student_id == student_id)
                .order_by(Term.starts_on.desc(), Course.code, ClassGroup.number)
            )
        )
        tokens = tuple(
            TokenBalance(code, name, int(balance or 0))
            for code, name, balance in session.execute(
                select(TokenType.code, TokenType.name, func.sum(TokenEntry.amount))
                .join(TokenEntry, TokenEntry.token_type_id == TokenType.id)
                .where(TokenEntry.student_id == student_id)
                .group_by(TokenType.id, TokenType.code, TokenType.name)
                .order_by(TokenType.code)
            )
        )
        payments = tuple(
            PaymentLine(amount, status, due_on, " ".join(filter(None, (course_code, term_code))))
            for amount, status, due_on, course_code, term_code in session.execute(
                select(Payment.amount, Payment.status, Payment.due_on, Course.code, Term.code)
                .outerjoin(Course, Course.id == Payment.course_id)
                .outerjoin(Term, Term.id == Payment.term_id)
                .where(Payment.student_id == student_id)
                .order_by(Payment.created_at.desc())
            )
        )
        others = tuple(
            session.scalars(
                select(Student.student_number)
                .where(Student.person_id == person.id, Student.id != student_id)
                .order_by(Student.student_number)
            )
        )
        logins = tuple(
            session.scalars(
                select(LoginAccount.email).where(LoginAccount.person_id == person.id).order_by(LoginAccount.id)
            )
        )
        return StudentCard(
            student_id=student.id,
            person_id=person.id,
            student_number=student.student_number,
            first_name=person.first_name,
            middle_name=person.middle_name,
            last_name=person.last_name,
            category=person.category,
            birth_date=person.birth_date if personal else None,
            pesel_masked=mask_pesel(person.pesel),
            private_email=person.private_email if personal else None,
            other_student_numbers=others,
            programmes=programmes,
            logins=logins,
            enrollments=enrollments,
            tokens=tokens,
            payments=payments,
            changes_waiting_for_portal=outbox.pending_count(session, student_id),
            may_edit=_may(uow.staff, Permission.EDIT_STUDENTS, unit_ids),
            may_view_personal_data=personal,
        )


class PersonAction(Action):
    """What is done to a person's record: reading the full PESEL, finding or confirming a person by PESEL
    (personal-data access, each in the access log), and corrections."""

    VIEW_PESEL = "person.view_pesel"
    UPDATE = "person.update"
    SEARCH_BY_PESEL = "personal_data.pesel_search"  # the lookup found the student by PESEL (or was given a whole one)
    LOOKUP_BY_PESEL = "personal_data.pesel_lookup"  # the state of a person's login, asked by PESEL
    PESEL_FILE = "personal_data.pesel_file"  # a file of logins by PESEL previewed or imported

    def describe(self, shown: Shown) -> Description:
        if self is PersonAction.VIEW_PESEL:
            return Description(translate("History", "PESEL shown"))
        if self is PersonAction.SEARCH_BY_PESEL:
            return Description(translate("History", "Searched by PESEL"))
        if self is PersonAction.LOOKUP_BY_PESEL:
            return Description(translate("History", "Login state looked up by PESEL"))
        if self is PersonAction.PESEL_FILE:
            return Description(translate("History", "File of logins by PESEL read"))
        return Description(translate("History", "Personal data corrected"))


def record_pesel_use(uow: UnitOfWork, action: PersonAction, found: list[tuple[int | None, int | None]],
                     after: dict | None = None) -> None:
    """One access-log entry per person found or confirmed by PESEL, ``(person id, student id)``; the PESEL itself is not kept."""
    with uow.write():
        uow.record_changes(action, [Change("person", person_id, student_id, after=after, portal=False)
                                    for person_id, student_id in found])


def reveal_pesel(uow: UnitOfWork, student_id: int) -> str | None:
    """The full PESEL for staff whose role needs it; every look is written to the audit trail."""
    uow.require(Permission.VIEW_PERSONAL_DATA)
    with uow.write() as session:
        student = _student(session, student_id)
        uow.record_change(PersonAction.VIEW_PESEL, entity="person", entity_id=student.person_id, student_id=student.id,
                          portal=False)
        return student.person.pesel


# --- personal data edits -----------------------------------------------------------------


@dataclass(frozen=True)
class PersonChanges:
    first_name: str
    middle_name: str | None
    last_name: str
    birth_date: date | None
    pesel: str | None
    private_email: str | None
    # The clerk did not reveal the PESEL, so it was not shown for editing: leave it as it is.
    keep_pesel: bool = False


def _snapshot(person: Person) -> dict:
    return {
        "first_name": person.first_name,
        "middle_name": person.middle_name,
        "last_name": person.last_name,
        "birth_date": person.birth_date,
        "pesel": mask_pesel(person.pesel),
        "private_email": person.private_email,
    }


def update_person(uow: UnitOfWork, student_id: int, changes: PersonChanges, *, reason: str
) -> StudentCard:
    """Correct a student's personal data; audited, and queued for the portal, in one transaction."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Students", "Say why the personal data is being changed."))
    first = changes.first_name.strip()
    last = changes.last_name.strip()
    middle = (changes.middle_name or "").strip() or None
    if not first or not last:
        raise DomainError(translate("Students", "A person needs a first name and a surname."))
    email = (changes.private_email or "").strip() or None
    if email is not None and (email.count("@") != 1 or " " in email or email.startswith("@") or email.endswith("@")):
        raise DomainError(translate("Students", "%1 is not an e-mail address.").replace("%1", email))
    pesel = None
    if not changes.keep_pesel and (changes.pesel or "").strip():
        pesel = check_pesel(changes.pesel, changes.birth_date)
    with uow.write() as session:
        student = _student(session, student_id)
        units = _student_unit_ids(session, student_id)
        if not _may(uow.staff, Permission.EDIT_STUDENTS, units):
            raise PermissionDenied(
                translate("Students", "Student %1 does not study in any of your units.").replace("%1", student.student_number)
            )
        person = student.person
        if changes.keep_pesel:
            pesel = person.pesel
            if pesel is not None:
                check_pesel(pesel, changes.birth_date)  # a new birth date must still agree with it
        if pesel is not None and pesel != person.pesel:
            holder = session.scalars(select(Person).where(Person.pesel == pesel, Person.id != person.id)).first()
            if holder is not None:
                raise DomainError(
                    translate("Students", "The PESEL %1 already belongs to %2.")
                    .replace("%1", pesel)
                    .replace("%2", f"{holder.first_name} {holder.last_name}")
                )
        before = _snapshot(person)
        replaced = person.pesel is not None and pesel is not None and pesel != person.pesel
        person.first_name, person.middle_name, person.last_name = first, middle, last
        person.birth_date = changes.birth_date
        person.pesel = pesel
        person.private_email = email
        for column, value in person_name_fields(first, middle, last).items():
            setattr(person, column, value)
        after = _snapshot(person)
        if replaced:  # the masks are alike: said in so many words, no digit of either number kept
            after["pesel_replaced"] = True
        if after == before:
            raise DomainError(translate("Students", "Nothing was changed."))
        # Every student record of the person shows the change, the one edited first; each goes to the portal.
        others = [each.id for each in person.students if each.id != student.id]
        portal = {"first_name": first, "middle_name": middle, "last_name": last}
        uow.record_changes(PersonAction.UPDATE, [
            Change("person", person.id, each, before=before, after=after, reason=reason, portal=portal)
            for each in [student.id, *others]
        ])
    return student_card(uow, student_id)


def student_by_number(db: Database, number: str) -> int:
    """The id of the student with this student number, or NotFound."""
    with db.read() as session:
        found = session.scalar(select(Student.id).where(Student.student_number == number.strip()))
    if found is None:
        raise NotFound(translate("Students", "There is no student with the number %1.").replace("%1", number))
    return found
