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
