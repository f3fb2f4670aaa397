"""Courses kept by hand: add, correct and list them; the checks a course's fields must pass, for forms and files alike."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from desk.changes import Action, Description, Shown
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.model import ClassGroup, Course, OrgUnit
from desk.staff import Permission
from desk.text import fold
from desk.unit_of_work import UnitOfWork

CODE_LENGTH = 40
NAME_LENGTH = 200
# Letters, digits and . _ - only: a group is named TERM/COURSE/TYPE/NUMBER, so no "/" and no spaces.
# Letters (Polish ones too: SJO-WŁO-A1), digits, dots, hyphens and underscores; never "/" (groups are
# written TERM/COURSE/TYPE/NUMBER) nor a space.
_CODE = re.compile(r"[^\W_][\w.-]*")
# An ISO 639 language code, optionally with a region: pl, en, de, en-GB.
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z]{2})?")
COURSE_FIELDS = ("code", "name", "name_en", "unit_code", "language")


class CourseAction(Action):
    """What is done to the list of courses."""

    CREATE = "course.create"
    UPDATE = "course.update"

    def describe(self, shown: Shown) -> Description:
        code = str(shown.after.get("code") or shown.before.get("code") or f"#{shown.entity_id}")
        if self is CourseAction.CREATE:
            return Description(translate("History", "Course %1 added").replace("%1", code), frozenset({"code"}))
        return Description(translate("History", "Course %1 changed").replace("%1", code))


@dataclass(frozen=True)
class CourseDraft:
    """A course as a clerk or a file gives it; the unit by its code."""

    code: str
    name: str
    unit_code: str
    name_en: str | None = None
    language: str = "pl"


@dataclass(frozen=True)
class CourseLine:
    id: int
    code: str
    name: str
    name_en: str | None
    unit_id: int
    unit_code: str
    language: str
    group_count: int  # class groups in every term


def text_problem(value: Any, what: str, length: int, *, required: bool) -> str | None:
    """Why a typed text field cannot be kept (empty when required, too long, control characters), or None."""
    text = "" if value is None else str(value)
    if not text.strip():
        return translate("Courses", "%1: give a value.").replace("%1", what) if required else None
    if len(text.strip()) > length:
        return translate("Courses", "%1: at most %2 characters.").replace("%1", what).replace("%2", str(length))
    if any(not c.isprintable() for c in text.strip()):
        return translate("Courses", "%1: holds characters that cannot be shown.").replace("%1", what)
    return None


def clean(draft: CourseDraft) -> CourseDraft:
    """The draft with its spaces trimmed and empty optional fields as None."""
    return CourseDraft(
        code=(draft.code or "").strip(), name=(draft.name or "").strip(), unit_code=(draft.unit_code or "").strip(),
        name_en=(draft.name_en or "").strip() or None, language=(draft.language or "").strip().lower() or "pl",
    )


def check_course(draft: CourseDraft) -> list[str]:
    """Every problem of a course's fields, in words (empty: it may be kept). No database: a file row is checked the same."""
    draft = clean(draft)
    problems = []
    code_problem = text_problem(draft.code, translate("Courses", "Code"), CODE_LENGTH, required=True)
    if code_problem:
        problems.append(code_problem)
    elif not _CODE.fullmatch(draft.code):
        problems.append(translate("Courses", "Code: letters, digits, dots, hyphens and underscores only (e.g. MAT-101), not %1.")
                        .replace("%1", draft.code[:40]))
    for value, what, required in ((draft.name, translate("Courses", "Name"), True),
                                  (draft.name_en, translate("Courses", "English name"), False)):
        problem = text_problem(value, what, NAME_LENGTH, required=required)
        if problem:
            problems.append(problem)
    unit_problem = text_problem(draft.unit_code, translate("Courses", "Unit"), 20, required=True)
    if unit_problem:
        problems.append(unit_problem)
    if not _LANGUAGE.fullmatch(draft.language):
        problems.append(translate("Courses", "Language: a language code such as pl or en, not %1.").replace("%1", draft.language[:20]))
    return problems


def refuse(problems: list[str]) -> None:
    """One refusal naming every problem."""
    if problems:
        raise DomainError("\n".join(problems))


def _snapshot(row: Course) -> dict[str, Any]:
    # The unit by its id: the history names it by its code.
    return {"code": row.code, "name": row.name, "name_en": row.name_en, "unit_id": row.unit_id, "language": row.language}


def _unit_id(session, code: str) -> int:
    found = session.scalar(select(OrgUnit.id).where(func.lower(OrgUnit.code) == code.lower()))
    if found is None:
        raise NotFound(translate("Courses", "There is no unit %1.").replace("%1", code))
    return found


def _refuse_taken(session, code: str, course_id: int | None) -> None:
    holder = session.execute(
        select(Course.id, Course.code, Course.name).where(func.lower(Course.code) == code.lower())
    ).first()
    if holder is not None and holder.id != course_id:
        raise DomainError(
            translate("Courses", "The code %1 is already used by the course %2 \u201c%3\u201d.")
            .replace("%1", code).replace("%2", holder.code).replace("%3", holder.name)
        )


def add_course(uow: UnitOfWork, draft: CourseDraft) -> int:
    """A new course of a unit; its code is unique (any case). Returns its id."""
    refuse(check_course(draft))
    draft = clean(draft)
    with uow.write() as session:
        unit_id = _unit_id(session, draft.unit_code)
        uow.require(Permission.MANAGE_GROUPS, unit_id)
        _refuse_taken(session, draft.code, None)
        row = Course(code=draft.code, name=draft.name, name_en=draft.name_en, unit_id=unit_id, language=draft.language)
        session.add(row)
        _flush(session, draft.code)
        # No class group yet: the portal shows a course only through its groups.
        uow.record_change(CourseAction.CREATE, entity="course", entity_id=row.id, after=_snapshot(row),
                          portal=False)
        return row.id


def edit_course(uow: UnitOfWork, course_id: int, changes: Mapping[str, Any], reason: str) -> CourseLine:
    """Correct a course: any of code, name, name_en, unit_code, language. A new code or name reaches the
    portal through the course's class groups (they carry it)."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Courses", "Say why the course changes (it is kept with the change)."))
    unknown = sorted(set(changes) - set(COURSE_FIELDS))
    if unknown:
        raise DomainError(translate("Courses", "A course has no field %1.").replace("%1", ", ".join(unknown)))
    with uow.write() as session:
        row = session.get(Course, course_id)
        if row is None:
            raise NotFound(translate("Courses", "That course no longer exists."))
        uow.require(Permission.MANAGE_GROUPS, row.unit_id)
        unit_code = session.scalar(select(OrgUnit.code).where(OrgUnit.id == row.unit_id))
        current = CourseDraft(row.code, row.name, unit_code, row.name_en, row.language)
        draft = clean(replace(current, **{k: ("" if v is None else v) for k, v in changes.items()}))
        refuse(check_course(draft))
        unit_id = _unit_id(session, draft.unit_code)
        if unit_id != row.unit_id:
            uow.require(Permission.MANAGE_GROUPS, unit_id)
        if draft.code != row.code:
            _refuse_taken(session, draft.code, row.id)
        before = _snapshot(row)
        row.code, row.name, row.name_en, row.unit_id, row.language = (
            draft.code, draft.name, draft.name_en, unit_id, draft.language)
        _flush(session, draft.code)
        after = _snapshot(row)
        if before == after:
            raise DomainError(translate("Courses", "Nothing was changed."))
        shown = before["code"] != after["code"] or before["name"] != after["name"]
        # The portal's class groups carry the course's code and name: the sync publishes them again.
        # The code is kept on both sides whether or not it changed: the history names the course by it.
        uow.record_change(CourseAction.UPDATE, entity="course", entity_id=row.id,
                          before={k: v for k, v in before.items() if after[k] != v or k == "code"},
                          after={k: v for k, v in after.items() if before[k] != v or k == "code"}, reason=reason,
                          portal={"code": row.code, "name": row.name} if shown else False)
    return course_line(uow, course_id)


def _flush(session, code: str) -> None:
    try:
        session.flush()
    except IntegrityError:  # another workstation took the code between the check and the write
        raise DomainError(translate("Courses", "The code %1 is already used by another course.").replace("%1", code)) from None


def list_courses(uow: UnitOfWork, *, unit_id: int | None = None, term_id: int | None = None, text: str | None = None,
                 limit: int | None = None) -> list[CourseLine]:
    """Courses by code: of a unit, with groups in a term, or whose code or name holds ``text`` (any case, any accents)."""
    uow.require(Permission.READ_STUDENTS)
    groups = select(func.count(ClassGroup.id)).where(ClassGroup.course_id == Course.id).scalar_subquery()
    query = (select(Course.id, Course.code, Course.name, Course.name_en, Course.unit_id, OrgUnit.code, Course.language, groups)
             .join(OrgUnit, OrgUnit.id == Course.unit_id).order_by(Course.code))
    if unit_id is not None:
        query = query.where(Course.unit_id == unit_id)
    if term_id is not None:
        query = query.where(Course.id.in_(select(ClassGroup.course_id).where(ClassGroup.term_id == term_id)))
    with uow.read() as session:
        rows = session.execute(query).all()
    lines = [CourseLine(*row[:7], group_count=row[7] or 0) for row in rows]
    if text and text.strip():
        wanted = fold(text.strip()).lower()
        lines = [line for line in lines
                 if wanted in fold(line.code).lower() or wanted in fold(line.name).lower()
                 or wanted in fold(line.name_en or "").lower()]
    return lines[:limit] if limit is not None else lines


def course_line(uow: UnitOfWork, course_id: int) -> CourseLine:
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        row = session.execute(
            select(Course.id, Course.code, Course.name, Course.name_en, Course.unit_id, OrgUnit.code, Course.language,
                   select(func.count(ClassGroup.id)).where(ClassGroup.course_id == Course.id).scalar_subquery())
            .join(OrgUnit, OrgUnit.id == Course.unit_id).where(Course.id == course_id)
        ).first()
    if row is None:
        raise NotFound(translate("Courses", "That course no longer exists."))
    return CourseLine(*row[:7], group_count=row[7] or 0)


def course_by_code(uow: UnitOfWork, code: str) -> int:
    """The id of the course with this code (any case), or NotFound."""
    code = (code or "").strip()
    with uow.read() as session:
        found = session.scalar(select(Course.id).where(func.lower(Course.code) == code.lower()))
    if found is None:
        raise NotFound(translate("Courses", "There is no course %1.").replace("%1", code[:60]))
    return found
