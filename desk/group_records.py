"""Class groups kept by hand: add and correct a group (limits, teachers, timetable, description), with the checks a group must pass.

The rules chosen:

- a group's course and term are fixed when it is added (its students were enrolled in that course
  and term); a wrong one is a new group, the students moved to it;
- the group number is unique for its course, term and class type; left out, it is the next free one;
- the seat limit and the lower limit change through ``desk.groups`` (``set_seat_limits``,
  ``set_lower_limit``): a limit below the students enrolled is refused showing the count, a seat
  limit below the lower limit is refused;
- teachers are persons of the staff category, named by their login e-mail or their person id;
- timetable slots: weekday 1 (Monday) to 7, start before end, room and building as typed; two
  slots of the same group may not overlap on the same weekday.

``check_group`` holds every check that needs no database, so that a file importer asks the same.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import time
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from desk import bounds
from desk.changes import Action, Description, Shown
from desk.courses import refuse, text_problem
from desk.errors import DomainError, NotFound
from desk.groups import GroupLine, group_line, set_lower_limit, set_seat_limits
from desk.i18n import translate
from desk.model import (
    ClassGroup,
    ClassType,
    Course,
    GroupTeacher,
    LoginAccount,
    Person,
    PersonCategory,
    Term,
    TimetableSlot,
)
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork

ROOM_LENGTH = 40
BUILDING_LENGTH = 100
DESCRIPTION_LENGTH = 2000
TEACHER_LENGTH = 254
MAX_TEACHERS = 20
MAX_SLOTS = 20
GROUP_FIELDS = ("class_type", "number", "seat_limit", "lower_limit", "teachers", "slots", "description")
# What the portal shows of a group besides its limit: a change of these is queued for it.
PUBLISHED_FIELDS = ("class_type", "number")
_SLOT = re.compile(r"\s*([0-9]+)\s+([0-9]{1,2})[:.]([0-9]{2})\s*[-\u2013]\s*([0-9]{1,2})[:.]([0-9]{2})(?:\s+(\S+)(?:\s+(.+?))?)?\s*")


class GroupRecordAction(Action):
    """What is done to a class group's own record (its limits: ``desk.groups.GroupAction``)."""

    CREATE = "class_group.create"
    UPDATE = "class_group.update"

    def describe(self, shown: Shown) -> Description:
        label = shown.names.group(shown.entity_id)
        if self is GroupRecordAction.CREATE:
            return Description(translate("History", "Class group %1 added").replace("%1", label))
        return Description(translate("History", "Class group %1 changed").replace("%1", label))


@dataclass(frozen=True)
class SlotDraft:
    weekday: int  # 1 Monday … 7 Sunday
    starts_at: time
    ends_at: time
    room: str | None = None
    building: str | None = None


@dataclass(frozen=True)
class GroupDraft:
    """A class group as a clerk or a file gives it."""

    course_id: int
    term_id: int
    class_type: ClassType | str
    seat_limit: int
    number: int | None = None  # None: the next free number
    lower_limit: int = 0
    teachers: tuple[str, ...] = ()  # login e-mails or person ids
    slots: tuple[SlotDraft, ...] = ()
    description: str | None = None


@dataclass(frozen=True)
class GroupRecord:
    """A group as its edit form shows it."""

    id: int
    course_id: int
    course_code: str
    term_id: int
    term_code: str
    class_type: ClassType
    number: int
    seat_limit: int
    lower_limit: int
    enrolled: int
    unit_id: int
    teachers: tuple[str, ...]  # each as it can be typed again: the login e-mail, else the person id
    teacher_names: tuple[str, ...]
    slots: tuple[SlotDraft, ...]
    description: str | None


@dataclass(frozen=True)
class GroupEdit:
    line: GroupLine
    changed: tuple[str, ...] = field(default_factory=tuple)


def weekday_label(weekday: int) -> str:
    return {
        1: translate("Groups", "Mon"), 2: translate("Groups", "Tue"), 3: translate("Groups", "Wed"),
        4: translate("Groups", "Thu"), 5: translate("Groups", "Fri"), 6: translate("Groups", "Sat"),
        7: translate("Groups", "Sun"),
    }.get(weekday, str(weekday))


def slot_text(slot: SlotDraft) -> str:
    """A slot as it is typed: ``1 08:00-09:30 A-101 Main building``."""
    words = [str(slot.weekday), f"{slot.starts_at:%H:%M}-{slot.ends_at:%H:%M}"]
    if slot.room:
        words.append(slot.room)
        if slot.building:
            words.append(slot.building)
    return " ".join(words)


def parse_slot(text: str) -> SlotDraft:
    """A slot typed as WEEKDAY HH:MM-HH:MM [ROOM [BUILDING]], e.g. ``1 08:00-09:30 A-101 Main building``."""
    found = _SLOT.fullmatch(text or "")
    problem = DomainError(
        translate("Groups", "A timetable slot is WEEKDAY START-END [ROOM [BUILDING]], e.g. 1 08:00-09:30 A-101 Main building; not %1.")
        .replace("%1", (text or "").strip()[:60] or "\u2014"))
    if found is None:
        raise problem
    weekday, h1, m1, h2, m2, room, building = found.groups()
    if len(weekday) > 2:
        raise bounds.OutOfBounds(bounds.WEEKDAY.message(weekday))
    try:
        starts_at, ends_at = time(int(h1), int(m1)), time(int(h2), int(m2))
    except ValueError:
        raise problem from None
    return SlotDraft(int(weekday), starts_at, ends_at, room, building)


def _slot_words(slot: SlotDraft) -> str:
    return f"{weekday_label(slot.weekday)} {slot.starts_at:%H:%M}\u2013{slot.ends_at:%H:%M}"


def check_slots(slots: Sequence[SlotDraft]) -> list[str]:
    problems: list[str] = []
    if len(slots) > MAX_SLOTS:
        return [translate("Groups", "A group has at most %1 timetable slots.").replace("%1", str(MAX_SLOTS))]
    fine: list[SlotDraft] = []
    for slot in slots:
        count = len(problems)
        if isinstance(slot.weekday, bool) or not isinstance(slot.weekday, int) or not 1 <= slot.weekday <= 7:
            problems.append(bounds.WEEKDAY.message(slot.weekday))
        if not isinstance(slot.starts_at, time) or not isinstance(slot.ends_at, time):
            problems.append(translate("Groups", "A timetable slot needs its start and end times."))
        elif slot.ends_at <= slot.starts_at:
            problems.append(translate("Groups", "A timetable slot ends after it starts (%1).")
                            .replace("%1", f"{slot.starts_at:%H:%M}\u2013{slot.ends_at:%H:%M}"))
        for value, what, length in ((slot.room, translate("Groups", "Room"), ROOM_LENGTH),
                                    (slot.building, translate("Groups", "Building"), BUILDING_LENGTH)):
            problem = text_problem(value, what, length, required=False)
            if problem:
                problems.append(problem)
        if len(problems) == count:
            fine.append(slot)
    for index, slot in enumerate(fine):
        for other in fine[index + 1:]:
            if slot.weekday == other.weekday and slot.starts_at < other.ends_at and other.starts_at < slot.ends_at:
                problems.append(translate("Groups", "The timetable slots %1 and %2 overlap.")
                                .replace("%1", _slot_words(slot)).replace("%2", _slot_words(other)))
    return problems


def check_teachers(teachers: Sequence[Any]) -> list[str]:
    problems: list[str] = []
    if len(teachers) > MAX_TEACHERS:
        return [translate("Groups", "A group has at most %1 teachers.").replace("%1", str(MAX_TEACHERS))]
    seen: set[str] = set()
    for teacher in teachers:
        problem = text_problem(teacher, translate("Groups", "Teacher"), TEACHER_LENGTH, required=True)
        if problem:
            problems.append(problem)
            continue
        key = str(teacher).strip().lower()
        if key in seen:
            problems.append(translate("Groups", "The teacher %1 is named twice.").replace("%1", str(teacher).strip()))
        seen.add(key)
    return problems


def check_description(description: str | None) -> list[str]:
    text = (description or "").strip()
    if len(text) > DESCRIPTION_LENGTH:
        return [translate("Groups", "Description: at most %1 characters.").replace("%1", str(DESCRIPTION_LENGTH))]
    if any(not (c.isprintable() or c in "\n\t") for c in text):
        return [translate("Groups", "Description: holds characters that cannot be shown.")]
    return []


def _class_type(value: Any) -> ClassType | None:
    try:
        return ClassType(str(value).strip().lower())
    except ValueError:
        return None


def check_group(draft: GroupDraft) -> list[str]:
    """Every problem of a group's fields, in words (empty: it may be kept). No database: a file row is checked the same."""
    problems: list[str] = []
    for value, bound in ((draft.course_id, bounds.RECORD_ID), (draft.term_id, bounds.RECORD_ID)):
        try:
            bound.check(value)
        except bounds.OutOfBounds as error:
            problems.append(str(error))
    if _class_type(draft.class_type) is None:
        problems.append(translate("Groups", "Unknown class type %1; one of: %2.")
                        .replace("%1", str(draft.class_type)[:30]).replace("%2", ", ".join(t.value for t in ClassType)))
    limits_fine = True
    for value, bound in ((draft.seat_limit, bounds.SEAT_LIMIT), (draft.lower_limit, bounds.LOWER_LIMIT)):
        try:
            bound.check(value)
        except bounds.OutOfBounds as error:
            problems.append(str(error))
            limits_fine = False
    if limits_fine and draft.lower_limit > draft.seat_limit:
        problems.append(translate("Groups", "The lower limit (%1) cannot exceed the seat limit (%2).")
                        .replace("%1", str(draft.lower_limit)).replace("%2", str(draft.seat_limit)))
    if draft.number is not None:
        try:
            bounds.GROUP_NUMBER.check(draft.number)
        except bounds.OutOfBounds as error:
            problems.append(str(error))
    problems += check_teachers(draft.teachers)
    problems += check_slots(draft.slots)
    problems += check_description(draft.description)
    return problems


# --- reading ---------------------------------------------------------------------------------


def _label(course_code: str, term_code: str, class_type: ClassType, number: int) -> str:
    return f"{term_code}/{course_code}/{class_type.value}/{number}"


def _teachers(session, group_id: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = session.execute(
        select(Person.id, Person.first_name, Person.last_name)
        .join(GroupTeacher, GroupTeacher.person_id == Person.id)
        .where(GroupTeacher.group_id == group_id).order_by(Person.sort_key, Person.id)
    ).all()
    logins: dict[int, str] = {}
    for person_id, email in session.execute(
        select(LoginAccount.person_id, LoginAccount.email).where(LoginAccount.person_id.in_([r.id for r in rows]))
        .order_by(LoginAccount.id)
    ):
        logins.setdefault(person_id, email)
    return (tuple(logins.get(r.id, str(r.id)) for r in rows), tuple(f"{r.first_name} {r.last_name}" for r in rows))


def _slots(session, group_id: int) -> tuple[SlotDraft, ...]:
    return tuple(
        SlotDraft(weekday, starts_at, ends_at, room, building)
        for weekday, starts_at, ends_at, room, building in session.execute(
            select(TimetableSlot.weekday, TimetableSlot.starts_at, TimetableSlot.ends_at, TimetableSlot.room,
                   TimetableSlot.building).where(TimetableSlot.group_id == group_id)
            .order_by(TimetableSlot.weekday, TimetableSlot.starts_at, TimetableSlot.id)
        )
    )


def group_record(uow: UnitOfWork, group_id: int) -> GroupRecord:
    """A group with everything its edit form shows."""
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        row = session.execute(
            select(ClassGroup, Course.code, Course.unit_id, Term.code)
            .join(Course, Course.id == ClassGroup.course_id).join(Term, Term.id == ClassGroup.term_id)
            .where(ClassGroup.id == group_id)
        ).first()
        if row is None:
            raise NotFound(translate("Groups", "That class group no longer exists."))
        group, course_code, unit_id, term_code = row
        teachers, names = _teachers(session, group_id)
        return GroupRecord(
            id=group.id, course_id=group.course_id, course_code=course_code, term_id=group.term_id, term_code=term_code,
            class_type=group.class_type, number=group.number, seat_limit=group.seat_limit, lower_limit=group.lower_limit,
            enrolled=group.enrolled_count, unit_id=unit_id, teachers=teachers, teacher_names=names,
            slots=_slots(session, group_id), description=group.description,
        )


# --- writing ---------------------------------------------------------------------------------


def _resolve_teachers(session, teachers: Sequence[str]) -> list[tuple[int, str]]:
    """(person id, name) of each teacher named by login e-mail or person id; refused unless a member of staff."""
    found: list[tuple[int, str]] = []
    for reference in teachers:
        text = str(reference).strip()
        person = None
        if re.fullmatch(r"[0-9]{1,10}", text):
            person = session.get(Person, int(text)) if int(text) <= bounds.RECORD_ID.high else None
        else:
            person = session.scalar(
                select(Person).join(LoginAccount, LoginAccount.person_id == Person.id)
                .where(func.lower(LoginAccount.email) == text.lower())
            )
        if person is None:
            raise NotFound(translate("Groups", "There is no person %1 (give a login e-mail or a person id).").replace("%1", text[:80]))
        if person.category is not PersonCategory.STAFF:
            raise DomainError(translate("Groups", "%1 (%2) is not a member of staff and cannot teach a group.")
                              .replace("%1", f"{person.first_name} {person.last_name}").replace("%2", text[:80]))
        if person.id in {p for p, _ in found}:
            raise DomainError(translate("Groups", "The teacher %1 is named twice.").replace("%1", text[:80]))
        found.append((person.id, f"{person.first_name} {person.last_name}"))
    return found


def _slot_snapshot(slots: Sequence[SlotDraft]) -> list[str]:
    return [slot_text(s) for s in slots]


def _clean_slot(slot: SlotDraft) -> SlotDraft:
    return SlotDraft(slot.weekday, slot.starts_at, slot.ends_at, (slot.room or "").strip() or None,
                     (slot.building or "").strip() or None)


def _set_teachers(session, group_id: int, people: list[tuple[int, str]]) -> None:
    session.execute(delete(GroupTeacher).where(GroupTeacher.group_id == group_id))
    for person_id, _name in people:
        session.add(GroupTeacher(group_id=group_id, person_id=person_id))


def _set_slots(session, group_id: int, slots: Sequence[SlotDraft]) -> None:
    session.execute(delete(TimetableSlot).where(TimetableSlot.group_id == group_id))
    for slot in slots:
        session.add(TimetableSlot(group_id=group_id, weekday=slot.weekday, starts_at=slot.starts_at, ends_at=slot.ends_at,
                                  room=slot.room, building=slot.building))


def _refuse_taken(session, course_id: int, term_id: int, class_type: ClassType, number: int, group_id: int | None,
                  label: str) -> None:
    holder = session.scalar(select(ClassGroup.id).where(
        ClassGroup.course_id == course_id, ClassGroup.term_id == term_id, ClassGroup.class_type == class_type,
        ClassGroup.number == number, ClassGroup.id != (group_id or 0)))
    if holder is not None:
        raise DomainError(translate("Groups", "The group %1 already exists.").replace("%1", label))


def _flush(session, label: str) -> None:
    try:
        session.flush()
    except IntegrityError:  # another workstation took the number between the check and the write
        raise DomainError(translate("Groups", "The group %1 already exists.").replace("%1", label)) from None


def add_group(uow: UnitOfWork, draft: GroupDraft) -> int:
    """A new class group of a course in a term; queued for the portal. Returns its id."""
    refuse(check_group(draft))
    class_type = _class_type(draft.class_type)
    slots = tuple(_clean_slot(s) for s in draft.slots)
    description = (draft.description or "").strip() or None
    with uow.write() as session:
        course = session.execute(select(Course.id, Course.code, Course.unit_id).where(Course.id == draft.course_id)).first()
        if course is None:
            raise NotFound(translate("Courses", "That course no longer exists."))
        uow.require(Permission.MANAGE_GROUPS, course.unit_id)
        term_code = session.scalar(select(Term.code).where(Term.id == draft.term_id))
        if term_code is None:
            raise NotFound(translate("Terms", "That term no longer exists."))
        number = draft.number
        if number is None:
            highest = session.scalar(select(func.max(ClassGroup.number)).where(
                ClassGroup.course_id == course.id, ClassGroup.term_id == draft.term_id, ClassGroup.class_type == class_type))
            number = (highest or 0) + 1
            bounds.GROUP_NUMBER.check(number)
        label = _label(course.code, term_code, class_type, number)
        _refuse_taken(session, course.id, draft.term_id, class_type, number, None, label)
        people = _resolve_teachers(session, draft.teachers)
        group = ClassGroup(course_id=course.id, term_id=draft.term_id, class_type=class_type, number=number,
                           seat_limit=draft.seat_limit, lower_limit=draft.lower_limit, enrolled_count=0, over_limit_count=0,
                           description=description)
        session.add(group)
        _flush(session, label)
        _set_teachers(session, group.id, people)
        _set_slots(session, group.id, slots)
        _flush(session, label)
        uow.record_change(GroupRecordAction.CREATE, entity="class_group", entity_id=group.id, after={
            "course_id": course.id, "term_id": draft.term_id, "class_type": class_type, "number": number,
            "seat_limit": draft.seat_limit, "lower_limit": draft.lower_limit, "teachers": [n for _p, n in people],
            "slots": _slot_snapshot(slots), "description": description,
        })
        return group.id


def edit_group(uow: UnitOfWork, group_id: int, changes: Mapping[str, Any], reason: str) -> GroupEdit:
    """Correct a group: any of GROUP_FIELDS. All or nothing; limits through ``desk.groups``'s own rules."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Groups", "Say why the group changes (it is kept with the change)."))
    unknown = sorted(set(changes) - set(GROUP_FIELDS))
    if unknown:
        raise DomainError(translate("Groups", "A class group has no field %1.").replace("%1", ", ".join(unknown)))
    bounds.RECORD_ID.check(group_id)
    with uow.write() as session:
        current = group_record(uow, group_id)
        uow.require(Permission.MANAGE_GROUPS, current.unit_id)
        draft = GroupDraft(
            course_id=current.course_id, term_id=current.term_id,
            class_type=changes.get("class_type", current.class_type),
            seat_limit=changes.get("seat_limit", current.seat_limit),
            number=changes.get("number", current.number),
            lower_limit=changes.get("lower_limit", current.lower_limit),
            teachers=tuple(changes.get("teachers", current.teachers)),
            slots=tuple(changes.get("slots", current.slots)),
            description=changes.get("description", current.description),
        )
        if draft.number is None:
            raise DomainError(translate("Groups", "A group keeps its number; give one."))
        refuse(check_group(draft))
        class_type = _class_type(draft.class_type)
        slots = tuple(_clean_slot(s) for s in draft.slots)
        description = (draft.description or "").strip() or None
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        group = session.get(ClassGroup, group_id)
        if (class_type, draft.number) != (current.class_type, current.number):
            label = _label(current.course_code, current.term_code, class_type, draft.number)
            _refuse_taken(session, current.course_id, current.term_id, class_type, draft.number, group_id, label)
            for name, old, new in (("class_type", current.class_type, class_type), ("number", current.number, draft.number)):
                if old != new:
                    before[name], after[name] = old, new
            group.class_type, group.number = class_type, draft.number
            _flush(session, label)
        if "teachers" in changes:
            people = _resolve_teachers(session, draft.teachers)
            if {p for p, _n in people} != set(_teacher_ids(session, group_id)):
                before["teachers"], after["teachers"] = list(current.teacher_names), [n for _p, n in people]
                _set_teachers(session, group_id, people)
        if "slots" in changes and _slot_snapshot(slots) != _slot_snapshot(current.slots):
            before["slots"], after["slots"] = _slot_snapshot(current.slots), _slot_snapshot(slots)
            _set_slots(session, group_id, slots)
        if description != current.description:
            before["description"], after["description"] = current.description, description
            group.description = description
        session.flush()
        changed = list(after)
        # Limits in the order that keeps the lower limit at or below the seat limit at every step.
        seat_first = draft.seat_limit > current.seat_limit
        for step in (("seat", "lower") if seat_first else ("lower", "seat")):
            if step == "seat" and draft.seat_limit != current.seat_limit:
                set_seat_limits(uow, [group_id], value=draft.seat_limit, reason=reason)
                session.expire(group)  # written by a statement, not through the object
                changed.append("seat_limit")
            if step == "lower" and draft.lower_limit != current.lower_limit:
                set_lower_limit(uow, group_id, draft.lower_limit, reason=reason)
                changed.append("lower_limit")
        if not changed:
            raise DomainError(translate("Groups", "Nothing was changed."))
        if after:
            published = any(name in after for name in PUBLISHED_FIELDS)
            uow.record_change(GroupRecordAction.UPDATE, entity="class_group", entity_id=group_id, before=before, after=after,
                              reason=reason, portal=True if published else False)
    return GroupEdit(group_line(uow, group_id), tuple(changed))


def _teacher_ids(session, group_id: int) -> list[int]:
    return list(session.scalars(
        select(GroupTeacher.person_id).join(Person, Person.id == GroupTeacher.person_id)
        .where(GroupTeacher.group_id == group_id).order_by(Person.sort_key, Person.id)))
