"""Small builders of records for tests: each adds rows in one transaction and returns ids."""

from __future__ import annotations

import itertools
from datetime import date

from sqlalchemy import select

from desk.db import Database
from desk.model import (
    LoginAccount,
    OrgUnit,
    Person,
    PersonCategory,
    Programme,
    ProgrammeStatus,
    Level,
    Role,
    StaffUser,
    Student,
    StudentProgramme,
    StudyMode,
    UnitKind,
)
from desk.staff import Actor, actor_for_login, hash_password
from desk.text import person_name_fields

_numbers = itertools.count(100001)


def unit(db: Database, code: str = "WMF", name: str = "Wydział Matematyki i Fizyki") -> int:
    with db.write() as session:
        existing = session.scalars(select(OrgUnit).where(OrgUnit.code == code)).one_or_none()
        if existing:
            return existing.id
        row = OrgUnit(code=code, name=name, kind=UnitKind.FACULTY)
        session.add(row)
        session.flush()
        return row.id


def programme(
    db: Database,
    code: str = "INF-S1",
    unit_code: str = "WMF",
    level: Level = Level.FIRST_CYCLE,
    mode: StudyMode = StudyMode.FULL_TIME,
) -> int:
    unit_id = unit(db, unit_code, f"Unit {unit_code}")
    with db.write() as session:
        existing = session.scalars(select(Programme).where(Programme.code == code)).one_or_none()
        if existing:
            return existing.id
        row = Programme(code=code, name=f"Programme {code}", unit_id=unit_id, level=level, mode=mode)
        session.add(row)
        session.flush()
        return row.id


def student(
    db: Database,
    first_name: str = "Jan",
    last_name: str = "Kowalski",
    *,
    middle_name: str | None = None,
    number: str | None = None,
    pesel: str | None = None,
    birth_date: date | None = None,
    programme_code: str = "INF-S1",
    status: ProgrammeStatus = ProgrammeStatus.ACTIVE,
    stage: int = 1,
    login: str | None = "auto",
) -> int:
    """A student with one programme and (unless login=None) a linked login; returns the student id."""
    programme_id = programme(db, programme_code)
    number = number or str(next(_numbers))
    with db.write() as session:
        person = Person(
            first_name=first_name,
            middle_name=middle_name,
            last_name=last_name,
            pesel=pesel,
            birth_date=birth_date,
            category=PersonCategory.STUDENT,
            **person_name_fields(first_name, middle_name, last_name),
        )
        session.add(person)
        session.flush()
        row = Student(person_id=person.id, student_number=number)
        session.add(row)
        session.flush()
        session.add(
            StudentProgramme(
                student_id=row.id,
                programme_id=programme_id,
                stage=stage,
                status=status,
                admitted_on=date(2025, 10, 1),
            )
        )
        if login:
            email = f"{number}@student.uni.example.pl" if login == "auto" else login
            session.add(LoginAccount(email=email, email_folded=email.lower(), person_id=person.id))
        return row.id


def staff(db: Database, login: str, role: Role, unit_codes: tuple[str, ...] = ()) -> Actor:
    units = [unit(db, code, f"Unit {code}") for code in unit_codes]
    with db.write() as session:
        user = StaffUser(
            login=login, full_name=login.title(), password_hash=hash_password("password-123"), role=role
        )
        user.units = [session.get(OrgUnit, unit_id) for unit_id in units]
        session.add(user)
    return actor_for_login(db, login)


# --- terms, courses, groups, registrations -----------------------------------------------------


def term(db: Database, code: str = "2026Z", starts_on: date = date(2026, 10, 1), ends_on: date = date(2027, 2, 28)) -> int:
    from desk.model import Term

    with db.write() as session:
        existing = session.scalars(select(Term).where(Term.code == code)).one_or_none()
        if existing:
            return existing.id
        row = Term(code=code, name=f"Term {code}", starts_on=starts_on, ends_on=ends_on)
        session.add(row)
        session.flush()
        return row.id


def course(db: Database, code: str = "MAT-101", unit_code: str = "WMF") -> int:
    from desk.model import Course

    unit_id = unit(db, unit_code, f"Unit {unit_code}")
    with db.write() as session:
        existing = session.scalars(select(Course).where(Course.code == code)).one_or_none()
        if existing:
            return existing.id
        row = Course(code=code, name=f"Course {code}", unit_id=unit_id)
        session.add(row)
        session.flush()
        return row.id


def group(db: Database, course_id: int, term_id: int, *, number: int = 1, seat_limit: int = 20, lower_limit: int = 0,
          class_type=None) -> int:
    from desk.model import ClassGroup, ClassType

    with db.write() as session:
        row = ClassGroup(course_id=course_id, term_id=term_id, class_type=class_type or ClassType.CLASS, number=number,
                         seat_limit=seat_limit, lower_limit=lower_limit, enrolled_count=0, over_limit_count=0)
        session.add(row)
        session.flush()
        return row.id


def registration(db: Database, *, code: str = "REG-1", unit_code: str = "WMF", term_id: int | None = None,
                 course_ids: tuple[int, ...] = (), selection_limit: int | None = None, entitled_only: bool = True,
                 rounds: tuple[tuple, ...] = (), rules: tuple[dict, ...] = (), kind=None, token_type_id: int | None = None) -> int:
    """A registration offering the courses; rounds as (starts_at, ends_at[, unregister_allowed])."""
    from desk.model import AccessRule, Registration, RegistrationCourse, RegistrationKind, Round, RoundStatus

    unit_id = unit(db, unit_code, f"Unit {unit_code}")
    term_id = term_id or term(db)
    with db.write() as session:
        row = Registration(code=code, name=f"Registration {code}", unit_id=unit_id, term_id=term_id,
                           kind=kind or RegistrationKind.DIRECT, token_type_id=token_type_id,
                           selection_limit=selection_limit, entitled_only=entitled_only)
        session.add(row)
        session.flush()
        for course_id in course_ids:
            session.add(RegistrationCourse(registration_id=row.id, course_id=course_id))
        for index, spec in enumerate(rounds, start=1):
            starts_at, ends_at = spec[0], spec[1]
            session.add(Round(registration_id=row.id, name=f"Round {index}", starts_at=starts_at, ends_at=ends_at,
                              status=RoundStatus.PREPARING, unregister_allowed=spec[2] if len(spec) > 2 else True,
                              micro_round_minutes=60 if token_type_id else None, micro_break_minutes=15 if token_type_id else None))
        for rule in rules:
            session.add(AccessRule(registration_id=row.id, **rule))
        return row.id


def token_type(db: Database, code: str = "JO", price: str = "300.00") -> int:
    from decimal import Decimal

    from desk.model import TokenType

    with db.write() as session:
        existing = session.scalars(select(TokenType).where(TokenType.code == code)).one_or_none()
        if existing:
            return existing.id
        row = TokenType(code=code, name=f"Tokens {code}", semester_price=Decimal(price))
        session.add(row)
        session.flush()
        return row.id


def many_students(db: Database, count: int, *, programme_code: str = "INF-S1", prefix: str = "Student") -> list[int]:
    """``count`` active first-year students with linked logins, in one transaction."""
    programme_id = programme(db, programme_code)
    ids = []
    with db.write() as session:
        for index in range(count):
            number = str(next(_numbers))
            last = f"{prefix}{index:05d}"
            person = Person(first_name="Jan", last_name=last, category=PersonCategory.STUDENT,
                            **person_name_fields("Jan", None, last))
            session.add(person)
            session.flush()
            row = Student(person_id=person.id, student_number=number)
            session.add(row)
            session.flush()
            session.add(StudentProgramme(student_id=row.id, programme_id=programme_id, stage=1,
                                         status=ProgrammeStatus.ACTIVE, admitted_on=date(2025, 10, 1)))
            email = f"{number}@student.uni.example.pl"
            session.add(LoginAccount(email=email, email_folded=email, person_id=person.id))
            ids.append(row.id)
    return ids


# --- login accounts -------------------------------------------------------------------------

STUDENT_DOMAIN = "student.uni.example.pl"
PHD_DOMAIN = "doktorant.uni.example.pl"
STAFF_DOMAIN = "uni.example.pl"


def login_templates(db: Database) -> None:
    """The three login templates of the test university (the domain ``student()`` logins use)."""
    from desk.model import LoginTemplate

    with db.write() as session:
        session.add_all([
            LoginTemplate(category=PersonCategory.STUDENT, domain=STUDENT_DOMAIN, template="{student_number}@" + STUDENT_DOMAIN),
            LoginTemplate(category=PersonCategory.PHD_STUDENT, domain=PHD_DOMAIN, template="{student_number}@" + PHD_DOMAIN),
            LoginTemplate(category=PersonCategory.STAFF, domain=STAFF_DOMAIN, template="{first_initial}.{last}@" + STAFF_DOMAIN),
        ])


def person_of(db: Database, student_id: int) -> int:
    with db.read() as session:
        return session.get(Student, student_id).person_id


def set_category(db: Database, student_id: int, category: PersonCategory) -> None:
    """Make the student's person a PhD student (or staff) without changing anything else."""
    with db.write() as session:
        session.get(Student, student_id).person.category = category


def staff_person(db: Database, first_name: str = "Jan", last_name: str = "Kowalski") -> int:
    """A member of staff (a teacher) as a person without a student record or login; returns the person id."""
    with db.write() as session:
        person = Person(first_name=first_name, last_name=last_name, category=PersonCategory.STAFF,
                        **person_name_fields(first_name, None, last_name))
        session.add(person)
        session.flush()
        return person.id


def login(db: Database, email: str, person_id: int | None = None) -> int:
    """A login row as the mail system left it (linked or not), with no audit or outbox entry."""
    with db.write() as session:
        row = LoginAccount(email=email, email_folded=email.lower(), person_id=person_id)
        session.add(row)
        session.flush()
        return row.id
