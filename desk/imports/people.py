"""Importing people: students with their programmes and logins (one row a student's programme), staff
who teach, and login accounts on their own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desk import bounds
from desk.accounts.addresses import address_problem
from desk.accounts.templates import domain_problem, templates_by_category
from desk.changes import Change
from desk.errors import DomainError
from desk.i18n import translate
from desk.imports import cells
from desk.imports.cells import CellProblem, Parser
from desk.imports.kind import Column, Kind, Row, Status, compare, insert_rows
from desk.model import (
    Level,
    LoginAccount,
    Person,
    PersonCategory,
    Programme,
    ProgrammeStatus,
    Student,
    StudentProgramme,
)
from desk.staff import Permission
from desk.student_records import UNTIL_NOT_ALLOWED, check_status_change
from desk.students import check_pesel
from desk.text import person_name_fields
from desk.unit_of_work import UnitOfWork

IN_CHUNK = 900  # ids or keys per IN (…) list: below SQLite's bound on parameters


def _login(value: str) -> str:
    problem = address_problem(value)
    if problem:
        raise CellProblem(problem)
    return value


LOGIN = Parser(_login, QT_TRANSLATE_NOOP("Import", "institutional e-mail address"))

STATUS = cells.choice(ProgrammeStatus, {
    ProgrammeStatus.ACTIVE: ("aktywny", "active", "aktywna"),
    ProgrammeStatus.ON_LEAVE: ("urlop", "on leave", "urlopowany"),
    ProgrammeStatus.SUSPENDED: ("zawieszony", "suspended"),
    ProgrammeStatus.REMOVED: ("skreślony", "removed", "skreślenie"),
    ProgrammeStatus.GRADUATED: ("absolwent", "graduated", "ukończone"),
})
CATEGORY = cells.choice(PersonCategory, {
    PersonCategory.STUDENT: ("student",),
    PersonCategory.PHD_STUDENT: ("doktorant", "phd student", "doktorantka"),
    PersonCategory.STAFF: ("pracownik", "staff"),
})

_PERSON_COLUMNS = (
    Column("last_name", QT_TRANSLATE_NOOP("ImportColumns", "Last name"), "Nazwisko", cells.text(150), True, "NAZWISKO",
           example="Łukasiewicz"),
    Column("first_name", QT_TRANSLATE_NOOP("ImportColumns", "First name"), "Imię", cells.text(100), True, "IMIE",
           example="Jan"),
    Column("middle_name", QT_TRANSLATE_NOOP("ImportColumns", "Middle name"), "Drugie imię", cells.text(100),
           usos="IMIE2"),
    Column("pesel", QT_TRANSLATE_NOOP("ImportColumns", "PESEL"), "PESEL", cells.digits(11), usos="PESEL",
           note=QT_TRANSLATE_NOOP("ImportNotes", "11 digits, checked by its check digit and against the birth date; "
                                                 "empty for students without one"), example="02270836244"),
    Column("birth_date", QT_TRANSLATE_NOOP("ImportColumns", "Birth date"), "Data urodzenia", cells.DATE, usos="DATA_UR",
           example="08.07.2002"),
    Column("private_email", QT_TRANSLATE_NOOP("ImportColumns", "Private e-mail"), "E-mail prywatny", cells.EMAIL,
           aliases=("email prywatny",), example="jan.lukasiewicz@gmail.com"),
)
_PERSON_KEYS = ("first_name", "middle_name", "last_name", "pesel", "birth_date", "private_email")
_PROGRAMME_KEYS = ("stage", "status", "status_since", "status_until", "admitted_on")


@dataclass
class _StudentsState:
    programmes: dict[str, tuple[int, int, Level]]  # code: id, unit, level
    templates: dict
    # What the file said so far, by the hash of a number, PESEL or login (memory stays small whatever
    # the file's length): the line it was first on, and the hash of that line's personal data.
    # Each value packs the line and a 64-bit hash in one int (``_pack``): a third of a tuple's memory.
    numbers: dict[int, int] = field(default_factory=dict)
    pesels: dict[int, int] = field(default_factory=dict)
    logins: dict[int, int] = field(default_factory=dict)  # the line, and the hash of the student number
    # Made while writing the current chunk (later chunks find them in the database).
    created_students: dict[str, tuple[int, int]] = field(default_factory=dict)  # number: student id, person id
    created_persons: dict[str, int] = field(default_factory=dict)  # PESEL: person id


@dataclass
class _Found:
    student_id: int | None = None
    person_id: int | None = None
    person: dict[str, Any] | None = None
    programme_row_id: int | None = None
    programme: dict[str, Any] | None = None
    login_id: int | None = None
    login_person: int | None = None
    login_email: str | None = None


def _chunks(values: list, size: int = IN_CHUNK):
    for start in range(0, len(values), size):
        yield values[start:start + size]


def students_by_number(session: Session, numbers) -> dict[str, tuple[int, set[int]]]:
    """The students a chunk names, by number: their id and the units of their programmes (for the unit check)."""
    found: dict[str, tuple[int, set[int]]] = {}
    for chunk in _chunks(list(numbers)):
        for sid, number, unit in session.execute(
                select(Student.id, Student.student_number, Programme.unit_id)
                .outerjoin(StudentProgramme, StudentProgramme.student_id == Student.id)
                .outerjoin(Programme, Programme.id == StudentProgramme.programme_id)
                .where(Student.student_number.in_(chunk))):
            found.setdefault(number, (sid, set()))[1].add(unit)
    return found


_LOW = (1 << 64) - 1


def _pack(line: int, hashed: int) -> int:
    return (line << 64) | (hashed & _LOW)


def _unpack(packed: int) -> tuple[int, int]:
    """(line, the hash's low 64 bits)."""
    return packed >> 64, packed & _LOW


def _person_values(row: Row) -> tuple:
    return tuple(row.values.get(k) for k in _PERSON_KEYS if k in row.values)


class StudentsKind(Kind):
    code = "students"
    title = QT_TRANSLATE_NOOP("ImportKinds", "Students and their programmes")
    entity = "student"
    permission = Permission.EDIT_STUDENTS
    unit_scoped = True
    key = ("student_number", "programme")
    columns = (
        Column("student_number", QT_TRANSLATE_NOOP("ImportColumns", "Student number"), "Numer albumu", cells.digits(20),
               True, "INDEKS", QT_TRANSLATE_NOOP("ImportNotes", "digits, kept as text: leading zeros stay"),
               "012345", ("nr albumu", "numer indeksu", "indeks")),
        *_PERSON_COLUMNS,
        Column("category", QT_TRANSLATE_NOOP("ImportColumns", "Category"), "Kategoria", CATEGORY,
               note=QT_TRANSLATE_NOOP("ImportNotes", "empty: a PhD student on a doctoral programme, else a student"),
               example="student"),
        Column("programme", QT_TRANSLATE_NOOP("ImportColumns", "Programme code"), "Kod kierunku", cells.text(30), True,
               "PRG_KOD", QT_TRANSLATE_NOOP("ImportNotes", "a programme the desk has (import programmes first)"),
               "WI-INF-S1", ("kierunek",)),
        Column("stage", QT_TRANSLATE_NOOP("ImportColumns", "Stage"), "Etap", cells.whole(bounds.STAGE), usos="ETAP",
               note=QT_TRANSLATE_NOOP("ImportNotes", "year of study, 1 to 10; empty: 1"), example="1", aliases=("rok",),
               default=1),
        Column("status", QT_TRANSLATE_NOOP("ImportColumns", "Status"), "Status", STATUS,
               note=QT_TRANSLATE_NOOP("ImportNotes", "empty: active"), example="aktywny", default=ProgrammeStatus.ACTIVE),
        Column("status_since", QT_TRANSLATE_NOOP("ImportColumns", "Status since"), "Status od", cells.DATE,
               note=QT_TRANSLATE_NOOP("ImportNotes", "required for any status but active")),
        Column("status_until", QT_TRANSLATE_NOOP("ImportColumns", "Status until"), "Status do", cells.DATE,
               note=QT_TRANSLATE_NOOP("ImportNotes", "a leave's or suspension's planned end, after its start")),
        Column("admitted_on", QT_TRANSLATE_NOOP("ImportColumns", "Admitted on"), "Data przyjęcia", cells.DATE, True,
               "DATA_PRZYJECIA", example="01.10.2026"),
        Column("login", QT_TRANSLATE_NOOP("ImportColumns", "Institutional e-mail"), "E-mail uczelniany", LOGIN,
               usos="EMAIL", note=QT_TRANSLATE_NOOP("ImportNotes", "the login; its domain fits the category's template"),
               example="123456@student.uni.opole.pl", aliases=("login",)),
    )

    def begin(self, session: Session, uow: UnitOfWork) -> _StudentsState:
        programmes = {code: (pid, unit, level) for pid, code, unit, level in
                      session.execute(select(Programme.id, Programme.code, Programme.unit_id, Programme.level))}
        return _StudentsState(programmes, templates_by_category(session))

    def judge(self, session: Session, uow: UnitOfWork, state: _StudentsState, rows: Sequence[Row]) -> None:
        found = self._found(session, rows)
        for row in rows:
            self._judge_row(uow, state, row, found)

    def _found(self, session: Session, rows: Sequence[Row]) -> dict[str, dict]:
        numbers = list({r["student_number"] for r in rows})
        pesels = list({r["pesel"] for r in rows if r["pesel"]})
        logins = list({r["login"].lower() for r in rows if r["login"]})
        students: dict[str, tuple[int, int, dict]] = {}
        for chunk in _chunks(numbers):
            for sid, number, pid, *values in session.execute(
                    select(Student.id, Student.student_number, Person.id, *(getattr(Person, k) for k in _PERSON_KEYS))
                    .join(Person, Person.id == Student.person_id).where(Student.student_number.in_(chunk))):
                students[number] = (sid, pid, dict(zip(_PERSON_KEYS, values)))
        by_pesel: dict[str, tuple[int, dict]] = {}
        for chunk in _chunks(pesels):
            for pid, *values in session.execute(
                    select(Person.id, *(getattr(Person, k) for k in _PERSON_KEYS)).where(Person.pesel.in_(chunk))):
                person = dict(zip(_PERSON_KEYS, values))
                by_pesel[person["pesel"]] = (pid, person)
        programmes: dict[tuple[int, int], tuple[int, dict]] = {}
        student_ids = [s[0] for s in students.values()]
        for chunk in _chunks(student_ids):
            for spid, sid, prid, *values in session.execute(
                    select(StudentProgramme.id, StudentProgramme.student_id, StudentProgramme.programme_id,
                           *(getattr(StudentProgramme, k) for k in _PROGRAMME_KEYS))
                    .where(StudentProgramme.student_id.in_(chunk))):
                programmes[(sid, prid)] = (spid, dict(zip(_PROGRAMME_KEYS, values)))
        accounts: dict[str, tuple[int, int | None, str]] = {}
        for chunk in _chunks(logins):
            for lid, person_id, email in session.execute(
                    select(LoginAccount.id, LoginAccount.person_id, LoginAccount.email)
                    .where(func.lower(LoginAccount.email).in_(chunk))):
                accounts[email.lower()] = (lid, person_id, email)
        return {"students": students, "pesels": by_pesel, "programmes": programmes, "logins": accounts}

    def _judge_row(self, uow: UnitOfWork, state: _StudentsState, row: Row, found: dict[str, dict]) -> None:
        values = row.values
        number = values["student_number"]
        programme = state.programmes.get(values["programme"])
        if programme is None:
            row.problem(self.column("programme"), translate("Import", "no programme %1 at the desk").replace("%1", values["programme"]))
            return
        programme_id, unit_id, level = programme
        if not uow.can(Permission.EDIT_STUDENTS, unit_id):
            row.problem(self.column("programme"), translate("Import", "the programme %1 is not of your units")
                        .replace("%1", values["programme"]))
            return
        if values.get("pesel"):
            try:
                check_pesel(values["pesel"], values.get("birth_date"))
            except DomainError as error:
                row.problem(self.column("pesel"), str(error))
        # The same student on several lines (several programmes): one person, the same on each line.
        person_values = hash(_person_values(row))  # a hash: memory stays small whatever the file's length
        earlier = _unpack(state.numbers.setdefault(hash(number), _pack(row.line, person_values)))
        if earlier[0] != row.line and earlier[1] != _pack(0, person_values):
            row.problem(self.column("student_number"), translate("Import", "the same student as line %1, with other "
                                                                           "personal data").replace("%1", str(earlier[0])))
        if values.get("pesel"):
            other = _unpack(state.pesels.setdefault(hash(values["pesel"]), _pack(row.line, person_values)))
            if other[0] != row.line and other[1] != _pack(0, person_values):
                row.problem(self.column("pesel"), translate("Import", "the same PESEL as line %1, with other personal "
                                                                      "data").replace("%1", str(other[0])))
        category = values.get("category") or (PersonCategory.PHD_STUDENT if level is Level.DOCTORAL else PersonCategory.STUDENT)
        f = _Found()
        student = found["students"].get(number)
        if student:
            f.student_id, f.person_id, f.person = student
        elif values.get("pesel") and values["pesel"] in found["pesels"]:
            f.person_id, f.person = found["pesels"][values["pesel"]]
        if f.student_id is not None:
            existing = found["programmes"].get((f.student_id, programme_id))
            if existing:
                f.programme_row_id, f.programme = existing
        login = values.get("login")
        if login:
            account = found["logins"].get(login.lower())
            label = f"{values['first_name']} {values['last_name']} ({number})"
            problem = domain_problem(login, category, state.templates, label)
            if problem:
                row.problem(self.column("login"), problem)
            holder = _unpack(state.logins.setdefault(hash(login.lower()), _pack(row.line, hash(number))))
            if holder[1] != _pack(0, hash(number)):
                row.problem(self.column("login"), translate("Import", "the same login as line %1").replace("%1", str(holder[0])))
            if account:
                f.login_id, f.login_person, f.login_email = account
                if f.login_person is not None and f.login_person != f.person_id:
                    row.problem(self.column("login"), translate("Import", "already the login of another person"))
        self._check_status(uow, row, f.programme)
        if row.problems:
            return
        row.current = (f, programme_id, category)
        if f.programme_row_id is None:
            row.status = Status.NEW
            row.changes = []
            if f.person is not None:
                compare(row, self, f.person, _PERSON_KEYS)
                row.status = Status.NEW
            return
        compare(row, self, {**(f.person or {}), **(f.programme or {}),
                            "login": f.login_email if f.login_person == f.person_id and f.login_id else None},
                (*_PERSON_KEYS, *_PROGRAMME_KEYS, "login"))

    def _check_status(self, uow: UnitOfWork, row: Row, current: dict[str, Any] | None) -> None:
        """The status rules of a programme (desk.student_records), the one place they are kept: a changed
        status is a change from the current one; a status of a new line, one from active at admission."""
        status = row["status"] or ProgrammeStatus.ACTIVE
        since, until = row["status_since"], row["status_until"]
        if current is not None and "status" in row.values and current["status"] is not status:
            problems = check_status_change(current["status"], status, since, until, admitted_on=row["admitted_on"],
                                           current_since=current["status_since"],
                                           may_reinstate=uow.can(Permission.ADMINISTER))
        elif status is not ProgrammeStatus.ACTIVE:
            problems = check_status_change(ProgrammeStatus.ACTIVE, status, since, until, admitted_on=row["admitted_on"])
        elif until is not None:
            problems = [UNTIL_NOT_ALLOWED()]
        else:
            problems = []
        for problem in problems:
            row.problem(self.column("status"), problem.text())

    def write(self, session: Session, uow: UnitOfWork, state: _StudentsState, rows: Sequence[Row]) -> list[Change]:
        now = uow.now
        state.created_students.clear()
        state.created_persons.clear()
        # New persons: one per student number (and per PESEL: a person with two student numbers).
        new_persons: list[dict] = []
        slot_of: dict[str, int] = {}  # number or "pesel:…": index in new_persons
        for row in rows:
            f, _programme_id, category = row.current
            number, pesel = row["student_number"], row["pesel"]
            if f.person_id is None:
                f.person_id = state.created_students.get(number, (None, None))[1] or (
                    state.created_persons.get(pesel) if pesel else None)
            if f.person_id is not None:
                continue
            slot = slot_of.get(number)
            if slot is None and pesel:
                slot = slot_of.get("pesel:" + pesel)
            if slot is None:
                slot = len(new_persons)
                new_persons.append(self._person(row, category, now))
            slot_of[number] = slot
            if pesel:
                slot_of["pesel:" + pesel] = slot
        if new_persons:
            ids = insert_rows(session, Person, new_persons)
            for row in rows:
                f = row.current[0]
                if f.person_id is None:
                    f.person_id = ids[slot_of[row["student_number"]]]
                    if row["pesel"]:
                        state.created_persons[row["pesel"]] = f.person_id
        # Persons that exist and whose data the file changes.
        updates = [dict(id=row.current[0].person_id, **self._person_fields(row), updated_at=now)
                   for row in rows if row.current[0].person is not None and any(
                       k in row.values and row.values[k] != row.current[0].person.get(k) for k in _PERSON_KEYS)]
        if updates:
            session.execute(update(Person), updates)
        # Student records: one per number.
        new_students: list[dict] = []
        slot_of = {}
        for row in rows:
            f = row.current[0]
            number = row["student_number"]
            if f.student_id is None:
                f.student_id = state.created_students.get(number, (None, None))[0]
            if f.student_id is None and number not in slot_of:
                slot_of[number] = len(new_students)
                new_students.append(dict(person_id=f.person_id, student_number=number, created_at=now))
        if new_students:
            ids = insert_rows(session, Student, new_students)
            for row in rows:
                f = row.current[0]
                if f.student_id is None:
                    f.student_id = ids[slot_of[row["student_number"]]]
                    state.created_students[row["student_number"]] = (f.student_id, f.person_id)
        # Their programmes.
        new_programmes = [dict(student_id=row.current[0].student_id, programme_id=row.current[1], **self._programme_fields(row))
                          for row in rows if row.current[0].programme_row_id is None]
        if new_programmes:
            ids = insert_rows(session, StudentProgramme, new_programmes)
            for row, spid in zip((r for r in rows if r.current[0].programme_row_id is None), ids):
                row.current[0].programme_row_id = spid
        changed_programmes = [dict(id=row.current[0].programme_row_id, **self._programme_fields(row)) for row in rows
                              if row.current[0].programme is not None and any(
                                  k in row.values and row.values[k] != row.current[0].programme.get(k) for k in _PROGRAMME_KEYS)]
        if changed_programmes:
            session.execute(update(StudentProgramme), changed_programmes)
        # Logins: made, or linked where the mail system has them unlinked.
        new_logins, linked = [], []
        for row in rows:
            f = row.current[0]
            login = row["login"]
            if not login:
                continue
            if f.login_id is None:
                new_logins.append((row, dict(email=login, email_folded=login.lower(), person_id=f.person_id, linked_at=now,
                                             linked_by_id=uow.staff_id, created_at=now)))
            elif f.login_person is None:
                linked.append(dict(id=f.login_id, person_id=f.person_id, linked_at=now, linked_by_id=uow.staff_id))
        if new_logins:
            ids = insert_rows(session, LoginAccount, [values for _row, values in new_logins])
            for (row, _values), login_id in zip(new_logins, ids):
                row.current[0].login_id = login_id
        if linked:
            session.execute(update(LoginAccount), linked)
        return [self._change(row) for row in rows]

    def _change(self, row: Row) -> Change:
        f = row.current[0]
        # Queued by kind, not as "student" (everything of one student, published one student at a time).
        also = [("student_record", f.student_id), ("person", f.person_id), ("student_programme", f.programme_row_id)]
        if f.login_id is not None and row["login"]:
            also.append(("login_account", f.login_id))
        after = {"line": row.line, "key": self.shown_key(row), **row.values}
        before = dict(row.before) if row.status is Status.CHANGED else None
        return Change("student", f.student_id, f.student_id, before, after, None, False, with_records=tuple(also))

    @staticmethod
    def _person_fields(row: Row) -> dict:
        values = {k: row.values[k] for k in _PERSON_KEYS if k in row.values}
        if {"first_name", "middle_name", "last_name"} & values.keys():
            values.update(person_name_fields(row["first_name"], row["middle_name"], row["last_name"]))
        return values

    def _person(self, row: Row, category: PersonCategory, now) -> dict:
        return dict(first_name=row["first_name"], middle_name=row["middle_name"], last_name=row["last_name"],
                    pesel=row["pesel"], birth_date=row["birth_date"], private_email=row["private_email"],
                    category=category, created_at=now, updated_at=now,
                    **person_name_fields(row["first_name"], row["middle_name"], row["last_name"]))

    @staticmethod
    def _programme_fields(row: Row) -> dict:
        return dict(stage=row["stage"] or 1, status=row["status"] or ProgrammeStatus.ACTIVE,
                    status_since=row["status_since"], status_until=row["status_until"], admitted_on=row["admitted_on"])

    def records(self, session: Session):
        for number, category, code, *values in session.execute(
                select(Student.student_number, Person.category, Programme.code,
                       *(getattr(Person, k) for k in _PERSON_KEYS), *(getattr(StudentProgramme, k) for k in _PROGRAMME_KEYS))
                .join(Person, Person.id == Student.person_id)
                .join(StudentProgramme, StudentProgramme.student_id == Student.id)
                .join(Programme, Programme.id == StudentProgramme.programme_id)
                .order_by(Student.id, StudentProgramme.id)):
            yield {"student_number": number, "category": category, "programme": code,
                   **dict(zip((*_PERSON_KEYS, *_PROGRAMME_KEYS), values))}

    def missing(self, session: Session, uow: UnitOfWork, state: _StudentsState, seen: set[tuple]) -> tuple[int, list[str]]:
        count, first = 0, []
        for number, code in session.execute(
                select(Student.student_number, Programme.code)
                .join(StudentProgramme, StudentProgramme.student_id == Student.id)
                .join(Programme, Programme.id == StudentProgramme.programme_id)
                .where(StudentProgramme.status.in_((ProgrammeStatus.ACTIVE, ProgrammeStatus.ON_LEAVE, ProgrammeStatus.SUSPENDED)))):
            if hash((number, code)) not in seen:
                count += 1
                if len(first) < 50:
                    first.append(f"{number} / {code}")
        return count, first



class StaffKind(Kind):
    """Members of staff who teach (persons of the staff category) with their logins: a group's teachers
    are named by these logins."""

    code = "staff"
    title = QT_TRANSLATE_NOOP("ImportKinds", "Teaching staff")
    entity = "person"
    key = ("login",)
    columns = (
        Column("login", QT_TRANSLATE_NOOP("ImportColumns", "Institutional e-mail"), "E-mail uczelniany", LOGIN, True,
               "EMAIL", example="j.kowalski@uni.opole.pl", aliases=("login",)),
        *(c for c in _PERSON_COLUMNS if c.key in ("last_name", "first_name", "middle_name")),
    )
    _FIELDS = ("first_name", "middle_name", "last_name")

    def row_key(self, row: Row) -> tuple | None:
        return (row["login"].lower(),) if row["login"] else None

    def begin(self, session: Session, uow: UnitOfWork) -> dict:
        return {"templates": templates_by_category(session)}

    def judge(self, session: Session, uow: UnitOfWork, state: dict, rows: Sequence[Row]) -> None:
        logins = [r["login"].lower() for r in rows]
        found: dict[str, tuple] = {}
        for chunk in _chunks(logins):
            for lid, email, pid, category, *names in session.execute(
                    select(LoginAccount.id, LoginAccount.email, Person.id, Person.category,
                           *(getattr(Person, k) for k in self._FIELDS))
                    .outerjoin(Person, Person.id == LoginAccount.person_id)
                    .where(func.lower(LoginAccount.email).in_(chunk))):
                found[email.lower()] = (lid, pid, category, dict(zip(self._FIELDS, names)))
        for row in rows:
            label = f"{row['first_name']} {row['last_name']}"
            problem = domain_problem(row["login"], PersonCategory.STAFF, state["templates"], label)
            if problem:
                row.problem(self.column("login"), problem)
                continue
            current = found.get(row["login"].lower())
            row.current = current
            if current is None or current[1] is None:
                row.status = Status.NEW
            elif current[2] is not PersonCategory.STAFF:
                row.problem(self.column("login"), translate("Import", "the login of a student, not of staff"))
            else:
                compare(row, self, current[3], self._FIELDS)

    def records(self, session: Session):
        for email, *names in session.execute(
                select(LoginAccount.email, *(getattr(Person, k) for k in self._FIELDS))
                .join(Person, Person.id == LoginAccount.person_id).where(Person.category == PersonCategory.STAFF)
                .order_by(LoginAccount.id)):
            yield {"login": email, **dict(zip(self._FIELDS, names))}

    def write(self, session: Session, uow: UnitOfWork, state: dict, rows: Sequence[Row]) -> list[Change]:
        now = uow.now
        new = [r for r in rows if r.current is None or r.current[1] is None]
        changes = []
        if new:
            ids = insert_rows(session, Person, [dict(
                first_name=r["first_name"], middle_name=r["middle_name"], last_name=r["last_name"],
                category=PersonCategory.STAFF, created_at=now, updated_at=now,
                **person_name_fields(r["first_name"], r["middle_name"], r["last_name"])) for r in new])
            made = [r for r in new if r.current is None]
            login_ids = insert_rows(session, LoginAccount, [dict(
                email=r["login"], email_folded=r["login"].lower(), person_id=pid, linked_at=now, linked_by_id=uow.staff_id,
                created_at=now) for r, pid in zip(new, ids) if r.current is None]) if made else []
            by_row = dict(zip((r.line for r in made), login_ids))
            linked = [dict(id=r.current[0], person_id=pid, linked_at=now, linked_by_id=uow.staff_id)
                      for r, pid in zip(new, ids) if r.current is not None]
            if linked:
                session.execute(update(LoginAccount), linked)
            for r, pid in zip(new, ids):
                login_id = by_row.get(r.line) or r.current[0]
                changes.append(Change("person", pid, None, None, {"line": r.line, **r.values}, None, {},
                                      with_records=(("login_account", login_id),)))
        changed = [r for r in rows if r.status is Status.CHANGED]
        if changed:
            session.execute(update(Person), [dict(id=r.current[1], updated_at=now, first_name=r["first_name"],
                                                  middle_name=r["middle_name"], last_name=r["last_name"],
                                                  **person_name_fields(r["first_name"], r["middle_name"], r["last_name"]))
                                             for r in changed])
            for r in changed:
                changes.append(Change("person", r.current[1], None, dict(r.before),
                                      {"line": r.line, **r.values}, None, {}))
        return changes


class LoginsKind(Kind):
    """Login accounts as the mail system has them: linked to a student (by number) or to nobody yet."""

    code = "logins"
    title = QT_TRANSLATE_NOOP("ImportKinds", "Login accounts")
    entity = "login_account"
    permission = Permission.MANAGE_ACCOUNTS
    key = ("login",)
    columns = (
        Column("login", QT_TRANSLATE_NOOP("ImportColumns", "Institutional e-mail"), "E-mail uczelniany", LOGIN, True,
               "EMAIL", example="123456@student.uni.opole.pl", aliases=("login",)),
        Column("student_number", QT_TRANSLATE_NOOP("ImportColumns", "Student number"), "Numer albumu", cells.digits(20),
               usos="INDEKS", note=QT_TRANSLATE_NOOP("ImportNotes", "the student the login is linked to; empty: "
                                                                   "linked to nobody yet"), example="123456"),
    )

    def row_key(self, row: Row) -> tuple | None:
        return (row["login"].lower(),) if row["login"] else None

    def begin(self, session: Session, uow: UnitOfWork) -> dict:
        return {"templates": templates_by_category(session)}

    def judge(self, session: Session, uow: UnitOfWork, state: dict, rows: Sequence[Row]) -> None:
        logins = [r["login"].lower() for r in rows]
        numbers = list({r["student_number"] for r in rows if r["student_number"]})
        found: dict[str, tuple[int, int | None]] = {}
        for chunk in _chunks(logins):
            for lid, email, pid in session.execute(select(LoginAccount.id, LoginAccount.email, LoginAccount.person_id)
                                                   .where(func.lower(LoginAccount.email).in_(chunk))):
                found[email.lower()] = (lid, pid)
        persons: dict[str, tuple[int, PersonCategory, str]] = {}
        for chunk in _chunks(numbers):
            for number, pid, category, first, last in session.execute(
                    select(Student.student_number, Person.id, Person.category, Person.first_name, Person.last_name)
                    .join(Person, Person.id == Student.person_id).where(Student.student_number.in_(chunk))):
                persons[number] = (pid, category, f"{first} {last} ({number})")
        for row in rows:
            person = None
            if row["student_number"]:
                person = persons.get(row["student_number"])
                if person is None:
                    row.problem(self.column("student_number"), translate("Import", "no student %1 at the desk")
                                .replace("%1", row["student_number"]))
                    continue
                problem = domain_problem(row["login"], person[1], state["templates"], person[2])
                if problem:
                    row.problem(self.column("login"), problem)
                    continue
            current = found.get(row["login"].lower())
            person_id = person[0] if person else None
            row.current = (current, person_id)
            if current is None:
                row.status = Status.NEW
            elif current[1] == person_id:
                row.status = Status.UNCHANGED
            elif current[1] is not None and person_id is not None:
                row.problem(self.column("login"), translate("Import", "already the login of another person"))
            elif current[1] is not None:
                row.problem(self.column("student_number"), translate("Import", "the login is linked; unlink it in "
                                                                               "the accounts view"))
            else:
                row.status = Status.CHANGED
                row.changes = [(self.column("student_number").shown(), "—", row["student_number"])]

    def records(self, session: Session):
        """Logins of students (with the first student number of their person) and logins of nobody."""
        numbers = {}
        for person_id, number in session.execute(select(Student.person_id, Student.student_number).order_by(Student.id)):
            numbers.setdefault(person_id, number)
        for email, person_id, category in session.execute(
                select(LoginAccount.email, LoginAccount.person_id, Person.category)
                .outerjoin(Person, Person.id == LoginAccount.person_id).order_by(LoginAccount.id)):
            if category is PersonCategory.STAFF:
                continue  # with the staff
            yield {"login": email, "student_number": numbers.get(person_id) if person_id else None}

    def write(self, session: Session, uow: UnitOfWork, state: dict, rows: Sequence[Row]) -> list[Change]:
        now = uow.now
        new = [r for r in rows if r.current[0] is None]
        ids = insert_rows(session, LoginAccount, [dict(
            email=r["login"], email_folded=r["login"].lower(), person_id=r.current[1],
            linked_at=now if r.current[1] else None, linked_by_id=uow.staff_id if r.current[1] else None, created_at=now)
            for r in new]) if new else []
        linked = [r for r in rows if r.current[0] is not None]
        if linked:
            session.execute(update(LoginAccount), [dict(id=r.current[0][0], person_id=r.current[1], linked_at=now,
                                                        linked_by_id=uow.staff_id) for r in linked])
        made = dict(zip((r.line for r in new), ids))
        return [Change("login_account", made.get(r.line) or r.current[0][0], None,
                       {"person_id": None} if r.current[0] else None, {"line": r.line, **r.values}, None, {})
                for r in rows]
