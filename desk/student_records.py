"""Keeping students' records by hand: admitting a student, their programmes and stages, and status changes.

A status change (leave, return, suspension, removal, graduation) is checked by one pure function,
``check_status_change``, which an importer calls too. The transitions it allows:

================  ===========================================================================
from              to
================  ===========================================================================
active            on leave, suspended, removed, graduated
on leave          active (the return), suspended, removed
suspended         active (the suspension lifted), removed
removed           active only by an administrator (reinstated), with a reason
graduated         active only by an administrator (a graduation recorded by mistake)
================  ===========================================================================

A planned end (``until``) belongs to a leave or a suspension only and comes after its start; a
change to the status the programme already has is refused, and every change needs a reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from desk import bounds
from desk.accounts.linking import create_login_for
from desk.changes import Action, Change, Description, Shown
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.messages import Message, define
from desk.model import (
    Person,
    PersonCategory,
    Programme,
    ProgrammeStatus,
    Student,
    StudentProgramme,
)
from desk.staff import Permission
from desk.students import PersonChanges, StudentCard, check_pesel, mask_pesel, update_person
from desk.text import person_name_fields
from desk.unit_of_work import UnitOfWork

C = "StudentRecords"

# --- the transition rules ------------------------------------------------------------------------

A = ProgrammeStatus
# What each status may become at a clerk's hand; removed and graduated are final (see REINSTATABLE).
TRANSITIONS: dict[ProgrammeStatus, frozenset[ProgrammeStatus]] = {
    A.ACTIVE: frozenset({A.ON_LEAVE, A.SUSPENDED, A.REMOVED, A.GRADUATED}),
    A.ON_LEAVE: frozenset({A.ACTIVE, A.SUSPENDED, A.REMOVED}),
    A.SUSPENDED: frozenset({A.ACTIVE, A.REMOVED}),
    A.REMOVED: frozenset(),
    A.GRADUATED: frozenset(),
}
# Final statuses an administrator may undo (back to active), with a reason.
REINSTATABLE = frozenset({A.REMOVED, A.GRADUATED})
# Statuses with a planned end.
WITH_END = frozenset({A.ON_LEAVE, A.SUSPENDED})

SAME_STATUS = define("status_change.same", C, QT_TRANSLATE_NOOP(
    "StudentRecords", "The programme is already {status}; nothing was changed."))
NOT_ALLOWED = define("status_change.not_allowed", C, QT_TRANSLATE_NOOP(
    "StudentRecords", "A programme that is {current} cannot become {status}."))
FINAL = define("status_change.final", C, QT_TRANSLATE_NOOP(
    "StudentRecords", "A programme that is {current} stays so; only an administrator reinstates a student, with a reason."))
UNTIL_NOT_ALLOWED = define("status_change.until_not_allowed", C, QT_TRANSLATE_NOOP(
    "StudentRecords", "Only a leave or a suspension has a planned end."))
UNTIL_BEFORE_SINCE = define("status_change.until_before_since", C, QT_TRANSLATE_NOOP(
    "StudentRecords", "The planned end ({until}) must come after the start ({since})."))
NO_SINCE = define("status_change.no_since", C, QT_TRANSLATE_NOOP(
    "StudentRecords", "Say from which day the status holds."))
NO_REASON = define("status_change.no_reason", C, QT_TRANSLATE_NOOP(
    "StudentRecords", "Say why the status changes (e.g. the dean's decision and its number)."))
BEFORE_ADMISSION = define("status_change.before_admission", C, QT_TRANSLATE_NOOP(
    "StudentRecords", "The status cannot begin ({since}) before the admission ({admitted_on})."))
BEFORE_CURRENT = define("status_change.before_current", C, QT_TRANSLATE_NOOP(
    "StudentRecords", "The new status cannot begin ({since}) before the current one did ({current_since})."))
# The reason an admission is recorded with, unless the clerk gives one.
ADMITTED = define("student.admitted", C, QT_TRANSLATE_NOOP("StudentRecords", "admission"))


class StatusChangeRefused(DomainError):
    """A status change the transition rules refuse; ``stored`` is the rule's code (kept by an importer)."""

    def __init__(self, stored: Message):
        super().__init__(stored.text())
        self.stored = stored


def status_label(status: ProgrammeStatus) -> str:
    """A programme status in words (the same words as the card and the explanation)."""
    return {
        A.ACTIVE: translate("Labels", "active"),
        A.ON_LEAVE: translate("Labels", "on leave"),
        A.SUSPENDED: translate("Labels", "suspended"),
        A.REMOVED: translate("Labels", "removed"),
        A.GRADUATED: translate("Labels", "graduated"),
    }[status]


def check_status_change(current: ProgrammeStatus, new: ProgrammeStatus, since: date | None, until: date | None, *,
                        reason: str | None = None, may_reinstate: bool = False, admitted_on: date | None = None,
                        current_since: date | None = None) -> list[Message]:
    """Why a programme's status may not change from ``current`` to ``new`` (empty: it may).

    Pure: the facts in, the broken rules out as codes, first the one to fix first. ``reason`` is
    checked only when given (an importer may check it elsewhere); ``may_reinstate``: the principal is
    an administrator, who may bring a removed or graduated student back to active.
    """
    current, new = ProgrammeStatus(current), ProgrammeStatus(new)
    problems: list[Message] = []
    if new is current:
        problems.append(SAME_STATUS(status=status_label(new)))
    elif current in REINSTATABLE:
        if new is not A.ACTIVE:
            problems.append(NOT_ALLOWED(current=status_label(current), status=status_label(new)))
        elif not may_reinstate:
            problems.append(FINAL(current=status_label(current)))
    elif new not in TRANSITIONS[current]:
        problems.append(NOT_ALLOWED(current=status_label(current), status=status_label(new)))
    if since is None:
        problems.append(NO_SINCE())
    else:
        if admitted_on is not None and since < admitted_on:
            problems.append(BEFORE_ADMISSION(since=since.isoformat(), admitted_on=admitted_on.isoformat()))
        if current_since is not None and since < current_since and new is not current:
            problems.append(BEFORE_CURRENT(since=since.isoformat(), current_since=current_since.isoformat()))
    if until is not None:
        if new not in WITH_END:
            problems.append(UNTIL_NOT_ALLOWED())
        elif since is not None and until <= since:
            problems.append(UNTIL_BEFORE_SINCE(since=since.isoformat(), until=until.isoformat()))
    if reason is not None and not reason.strip():
        problems.append(NO_REASON())
    return problems


def status_words(status: ProgrammeStatus, since: date | None, until: date | None) -> str:
    """"on leave since 2026-10-01 until 2027-09-30": the status with its dates."""
    text = status_label(status)
    if since is not None and until is not None:
        return (translate("StudentRecords", "%1 since %2 until %3").replace("%1", text).replace("%2", since.isoformat())
                .replace("%3", until.isoformat()))
    if since is not None:
        return translate("StudentRecords", "%1 since %2").replace("%1", text).replace("%2", since.isoformat())
    return text


# --- what is recorded ----------------------------------------------------------------------------


class RecordAction(Action):
    """What is done to students' records by hand."""

    ADMIT = "student.admit"  # a new student record with its person (two entries: person and student)
    PROGRAMME_ADD = "student_programme.add"
    STAGE_SET = "student_programme.stage"
    STATUS_CHANGE = "student_programme.status"

    def describe(self, shown: Shown) -> Description:
        after, before = shown.after, shown.before
        if self is RecordAction.ADMIT:
            return Description(translate("History", "Student %1 admitted").replace("%1", str(after.get("student_number", ""))),
                               frozenset({"student_number"}))
        code = str(after.get("programme_code") or before.get("programme_code") or "")
        if self is RecordAction.PROGRAMME_ADD:
            return Description(translate("History", "Programme %1 added").replace("%1", code), frozenset({"programme_code"}))
        if self is RecordAction.STAGE_SET:
            return Description(translate("History", "Stage on %1 set to %2").replace("%1", code)
                               .replace("%2", str(after.get("stage", ""))), frozenset({"programme_code", "stage"}))
        try:
            status = status_words(ProgrammeStatus(after.get("status")), _day(after.get("status_since")),
                                  _day(after.get("status_until")))
        except ValueError:
            status = str(after.get("status", ""))
        return Description(translate("History", "Status on %1: %2").replace("%1", code).replace("%2", status),
                           frozenset({"programme_code", "status", "status_since", "status_until"}))


def _day(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


# --- drafts --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgrammeDraft:
    """A programme of a student being admitted: by its code (PRG_KOD)."""

    programme_code: str
    admitted_on: date
    stage: int = 1
    status: ProgrammeStatus = ProgrammeStatus.ACTIVE
    status_since: date | None = None  # None: the admission date
    status_until: date | None = None


@dataclass(frozen=True)
class StudentDraft:
    """A student to admit: the person, the student number and one or more programmes."""

    first_name: str
    last_name: str
    student_number: str
    programmes: Sequence[ProgrammeDraft]
    middle_name: str | None = None
    pesel: str | None = None
    birth_date: date | None = None
    private_email: str | None = None
    category: PersonCategory = PersonCategory.STUDENT
    reason: str | None = None  # None: recorded as "admission"


@dataclass(frozen=True)
class Admission:
    student_id: int
    person_id: int
    student_number: str
    login: str | None
    student_programme_ids: tuple[int, ...]


@dataclass(frozen=True)
class StatusChange:
    student_programme_id: int
    student_id: int
    programme_code: str
    status: ProgrammeStatus
    status_since: date
    status_until: date | None


# --- checks at the edge --------------------------------------------------------------------------

NAME_MAX = {"first_name": bounds.FIRST_NAME_LENGTH, "middle_name": bounds.MIDDLE_NAME_LENGTH,
            "last_name": bounds.SURNAME_LENGTH}
EMAIL_MAX = bounds.EMAIL_LENGTH
NUMBER_MAX = bounds.STUDENT_NUMBER_DIGITS
_NUMBER = re.compile(r"[0-9]{1,%d}" % NUMBER_MAX)


def _text(value: str | None, limit: int, what: str) -> str | None:
    text = " ".join((value or "").split())
    if len(text) > limit:
        raise DomainError(translate("StudentRecords", "%1 is longer than %2 characters.")
                          .replace("%1", what).replace("%2", str(limit)))
    return text or None


def check_student_number(value: str) -> str:
    """Digits only, kept as text with its leading zeros (numer albumu)."""
    number = (value or "").strip()
    if not _NUMBER.fullmatch(number):
        shown = number if len(number) <= 24 else number[:24] + "…"
        raise DomainError(translate("StudentRecords", "A student number is 1 to %1 digits (0-9), not \u201c%2\u201d.")
                          .replace("%1", str(NUMBER_MAX)).replace("%2", shown))
    return number


def _email(value: str | None) -> str | None:
    email = _text(value, EMAIL_MAX, translate("StudentRecords", "The private e-mail"))
    if email is not None and (email.count("@") != 1 or " " in email or email.startswith("@") or email.endswith("@")):
        raise DomainError(translate("Students", "%1 is not an e-mail address.").replace("%1", email))
    return email


def _refuse(problems: list[Message]) -> None:
    if problems:
        raise StatusChangeRefused(problems[0])


# --- reading what a change needs -----------------------------------------------------------------


def _programme(session, programme_id: int) -> Programme:
    found = session.get(Programme, programme_id)
    if found is None:
        raise NotFound(translate("StudentRecords", "There is no programme with the id %1.").replace("%1", str(programme_id)))
    return found


def programme_by_code(session, code: str) -> Programme:
    wanted = (code or "").strip()
    found = session.scalars(select(Programme).where(Programme.code == wanted)).one_or_none()
    if found is None:  # typed in another case: inf-s1
        found = session.scalars(select(Programme).where(func.lower(Programme.code) == wanted.lower())).first()
    if found is None:
        raise NotFound(translate("StudentRecords", "There is no programme %1.").replace("%1", (code or "").strip()))
    return found


def _student(session, student_id: int) -> Student:
    found = session.get(Student, student_id)
    if found is None:
        raise NotFound(translate("Students", "There is no student with the id %1.").replace("%1", str(student_id)))
    return found


def _line(session, student_programme_id: int) -> StudentProgramme:
    found = session.get(StudentProgramme, student_programme_id, with_for_update=True)
    if found is None:
        raise NotFound(translate("StudentRecords", "There is no student programme with the id %1.")
                       .replace("%1", str(student_programme_id)))
    return found


def _holder_of_number(session, number: str) -> str | None:
    row = session.execute(
        select(Person.first_name, Person.last_name).join(Student, Student.person_id == Person.id)
        .where(Student.student_number == number)
    ).first()
    return f"{row.first_name} {row.last_name}" if row else None


def _number_taken(number: str, holder: str) -> DomainError:
    return DomainError(translate("StudentRecords", "The student number %1 already belongs to %2.")
                       .replace("%1", number).replace("%2", holder))


def _programme_state(line: StudentProgramme, programme: Programme) -> dict:
    """What the portal shows of a student's programme, and the dates the audit keeps with it."""
    return {
        "programme_code": programme.code,
        "stage": line.stage,
        "status": line.status,
        "status_since": line.status_since,
        "status_until": line.status_until,
    }


def _portal_programme(line: StudentProgramme, programme: Programme) -> dict:
    # The portal's copy of a programme (portal_student_programmes): code, level, mode, stage, status.
    return {"programme_code": programme.code, "level": programme.level, "mode": programme.mode, "stage": line.stage,
            "status": line.status}


# --- admitting a student -------------------------------------------------------------------------


def add_student(uow: UnitOfWork, draft: StudentDraft) -> Admission:
    """Admit a student: the person, the student record with its number, the programmes, and the login made
    from the category's template; audited and queued for the portal in one transaction."""
    first = _text(draft.first_name, NAME_MAX["first_name"], translate("StudentRecords", "The first name"))
    middle = _text(draft.middle_name, NAME_MAX["middle_name"], translate("StudentRecords", "The middle name"))
    last = _text(draft.last_name, NAME_MAX["last_name"], translate("StudentRecords", "The surname"))
    if not first or not last:
        raise DomainError(translate("Students", "A person needs a first name and a surname."))
    category = PersonCategory(draft.category)
    if category is PersonCategory.STAFF:
        raise DomainError(translate("StudentRecords", "A student is a student or a PhD student, not staff."))
    number = check_student_number(draft.student_number)
    email = _email(draft.private_email)
    pesel = check_pesel(draft.pesel, draft.birth_date) if (draft.pesel or "").strip() else None
    if draft.birth_date is not None and draft.birth_date >= uow.now.date():
        raise DomainError(translate("StudentRecords", "The birth date %1 is not in the past.")
                          .replace("%1", draft.birth_date.isoformat()))
    if not draft.programmes:
        raise DomainError(translate("StudentRecords", "A student is admitted to at least one programme."))
    reason: str | Message = (draft.reason or "").strip() or ADMITTED()
    with uow.write() as session:
        programmes = []
        for item in draft.programmes:
            programme = programme_by_code(session, item.programme_code)
            if any(programme.id == seen.id for seen, _item in programmes):
                raise DomainError(translate("StudentRecords", "The programme %1 is given twice.").replace("%1", programme.code))
            uow.require(Permission.EDIT_STUDENTS, programme.unit_id)
            bounds.STAGE.check(item.stage)
            status = ProgrammeStatus(item.status)
            since = item.status_since or item.admitted_on
            if item.status_until is not None and (status not in WITH_END or item.status_until <= since):
                _refuse([UNTIL_NOT_ALLOWED() if status not in WITH_END
                         else UNTIL_BEFORE_SINCE(since=since.isoformat(), until=item.status_until.isoformat())])
            if since < item.admitted_on:
                _refuse([BEFORE_ADMISSION(since=since.isoformat(), admitted_on=item.admitted_on.isoformat())])
            programmes.append((programme, item))
        holder = _holder_of_number(session, number)
        if holder is not None:
            raise _number_taken(number, holder)
        if pesel is not None:
            owner = session.scalars(select(Person).where(Person.pesel == pesel)).first()
            if owner is not None:
                numbers = ", ".join(s.student_number for s in owner.students)
                raise DomainError(
                    translate("StudentRecords", "The PESEL %1 already belongs to %2 (%3): add the programme to their record instead.")
                    .replace("%1", pesel).replace("%2", f"{owner.first_name} {owner.last_name}").replace("%3", numbers or "—"))
        person = Person(first_name=first, middle_name=middle, last_name=last, pesel=pesel, birth_date=draft.birth_date,
                        private_email=email, category=category, **person_name_fields(first, middle, last))
        session.add(person)
        session.flush()
        student = Student(person_id=person.id, student_number=number)
        session.add(student)
        try:
            session.flush()
        except IntegrityError:
            # Given at another workstation a moment ago (the unique index on the number).
            raise DomainError(translate("StudentRecords", "The student number %1 was just given at another workstation; look it up.")
                              .replace("%1", number)) from None
        lines = []
        for programme, item in programmes:
            line = StudentProgramme(student_id=student.id, programme_id=programme.id, stage=item.stage,
                                    status=ProgrammeStatus(item.status), status_since=item.status_since or item.admitted_on,
                                    status_until=item.status_until, admitted_on=item.admitted_on)
            session.add(line)
            lines.append((line, programme))
        session.flush()
        after = {"student_number": number, "first_name": first, "middle_name": middle, "last_name": last,
                 "category": category, "birth_date": draft.birth_date, "pesel": mask_pesel(pesel), "private_email": email}
        changes = [
            Change("person", person.id, student.id, after=after, reason=reason,
                   portal={"first_name": first, "last_name": last, "category": category}),
            # "student": the portal publishes everything of the student (person, logins, programmes).
            Change("student", student.id, student.id, after={"student_number": number, "person_id": person.id},
                   reason=reason, portal={"student_number": number, "person_id": person.id}),
        ]
        uow.record_changes(RecordAction.ADMIT, changes)
        uow.record_changes(RecordAction.PROGRAMME_ADD, [
            Change("student_programme", line.id, student.id, after=_programme_state(line, programme), reason=reason,
                   portal=_portal_programme(line, programme))
            for line, programme in lines
        ])
        login = create_login_for(uow, student.id)
        return Admission(student.id, person.id, number, login.email, tuple(line.id for line, _p in lines))


def edit_student(uow: UnitOfWork, student_id: int, changes: PersonChanges, reason: str) -> StudentCard:
    """Correct names, birth date, PESEL and private e-mail (``desk.students.update_person``, which the card uses)."""
    for name, limit in NAME_MAX.items():
        _text(getattr(changes, name), limit, {"first_name": translate("StudentRecords", "The first name"),
                                              "middle_name": translate("StudentRecords", "The middle name"),
                                              "last_name": translate("StudentRecords", "The surname")}[name])
    _text(changes.private_email, EMAIL_MAX, translate("StudentRecords", "The private e-mail"))
    return update_person(uow, student_id, changes, reason=reason)


# --- programmes and stages -----------------------------------------------------------------------


def add_programme(uow: UnitOfWork, student_id: int, programme_id: int, stage: int, admitted_on: date,
                  status: ProgrammeStatus = ProgrammeStatus.ACTIVE, *, reason: str | None = None) -> int:
    """Put a student on one more programme; returns the student programme's id."""
    bounds.STAGE.check(stage)
    status = ProgrammeStatus(status)
    recorded: str | Message = (reason or "").strip() or ADMITTED()
    with uow.write() as session:
        student = _student(session, student_id)
        programme = _programme(session, programme_id)
        uow.require(Permission.EDIT_STUDENTS, programme.unit_id)
        existing = session.scalars(select(StudentProgramme).where(
            StudentProgramme.student_id == student_id, StudentProgramme.programme_id == programme_id)).first()
        if existing is not None:
            raise DomainError(translate("StudentRecords", "Student %1 is already on %2 (stage %3, %4).")
                              .replace("%1", student.student_number).replace("%2", programme.code)
                              .replace("%3", str(existing.stage)).replace("%4", status_label(existing.status)))
        line = StudentProgramme(student_id=student_id, programme_id=programme_id, stage=stage, status=status,
                                status_since=admitted_on, admitted_on=admitted_on)
        session.add(line)
        try:
            session.flush()
        except IntegrityError:
            raise DomainError(translate("StudentRecords", "Student %1 was just put on %2 at another workstation.")
                              .replace("%1", student.student_number).replace("%2", programme.code)) from None
        uow.record_change(RecordAction.PROGRAMME_ADD, entity="student_programme", entity_id=line.id, student_id=student_id,
                          after=_programme_state(line, programme), reason=recorded, portal=_portal_programme(line, programme))
        return line.id


def set_stage(uow: UnitOfWork, student_programme_id: int, stage: int, *, reason: str) -> int:
    """Move a student to another stage (year) of a programme; returns the stage."""
    bounds.STAGE.check(stage)
    text = (reason or "").strip()
    if not text:
        raise DomainError(translate("StudentRecords", "Say why the stage changes (e.g. promoted to the next year)."))
    with uow.write() as session:
        line = _line(session, student_programme_id)
        programme = _programme(session, line.programme_id)
        uow.require(Permission.EDIT_STUDENTS, programme.unit_id)
        if line.stage == stage:
            raise DomainError(translate("StudentRecords", "The student is already at stage %1 of %2; nothing was changed.")
                              .replace("%1", str(stage)).replace("%2", programme.code))
        before = _programme_state(line, programme)
        line.stage = stage
        session.flush()
        uow.record_change(RecordAction.STAGE_SET, entity="student_programme", entity_id=line.id, student_id=line.student_id,
                          before=before, after=_programme_state(line, programme), reason=text,
                          portal=_portal_programme(line, programme))
        return stage


# --- status changes ------------------------------------------------------------------------------


def change_status(uow: UnitOfWork, student_programme_id: int, status: ProgrammeStatus, *, since: date,
                  until: date | None = None, reason: str) -> StatusChange:
    """Leave, return, suspension, removal, graduation (or an administrator's reinstatement) of one programme."""
    status = ProgrammeStatus(status)
    text = (reason or "").strip()
    with uow.write() as session:
        line = _line(session, student_programme_id)
        programme = _programme(session, line.programme_id)
        uow.require(Permission.EDIT_STUDENTS, programme.unit_id)
        _refuse(check_status_change(line.status, status, since, until, reason=text,
                                    may_reinstate=uow.can(Permission.ADMINISTER), admitted_on=line.admitted_on,
                                    current_since=line.status_since))
        before = _programme_state(line, programme)
        line.status, line.status_since, line.status_until = status, since, until
        session.flush()
        uow.record_change(RecordAction.STATUS_CHANGE, entity="student_programme", entity_id=line.id,
                          student_id=line.student_id, before=before, after=_programme_state(line, programme), reason=text,
                          portal=_portal_programme(line, programme))
        return StatusChange(line.id, line.student_id, programme.code, status, since, until)


__all__ = [
    "ADMITTED", "Admission", "ProgrammeDraft", "RecordAction", "REINSTATABLE", "StatusChange", "StatusChangeRefused",
    "StudentDraft", "TRANSITIONS", "WITH_END", "add_programme", "add_student", "change_status", "check_status_change",
    "check_student_number", "edit_student", "programme_by_code", "set_stage", "status_label", "status_words",
]
