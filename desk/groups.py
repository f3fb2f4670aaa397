"""Class groups: the capacity table (limits, counts, fill, dedicated seats), seat-limit changes, and a group's members."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import String, select, type_coerce, update
from sqlalchemy.orm import Session

from desk import bounds
from desk.changes import Action, Description, Shown
from desk.clock import now_utc
from desk.db import Database
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.labels import group_label
from desk.model import (
    ClassGroup,
    ClassType,
    Course,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    GroupTeacher,
    Person,
    Registration,
    RegistrationCourse,
    Student,
    Term,
    TimetableSlot,
)
from desk.seat_shares import ShareLine, share_lines
from desk.staff import Actor, Permission, require
from desk.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class SlotLine:
    weekday: int  # 1 Monday … 7 Sunday
    starts_at: time
    ends_at: time
    room: str | None
    building: str | None


@dataclass(frozen=True)
class GroupLine:
    """One row of the capacity table."""

    id: int
    course_id: int
    course_code: str
    course_name: str
    term_code: str
    class_type: ClassType
    number: int
    seat_limit: int
    lower_limit: int
    enrolled: int
    over_limit_count: int
    unit_id: int
    teachers: tuple[str, ...]
    slots: tuple[SlotLine, ...]
    shares: tuple[ShareLine, ...] = ()  # its dedicated seats, released ones too (seat_shares)
    closed_at: datetime | None = None  # closed (desk.closures): it takes no one and stays visible as closed

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    @property
    def kept_shares(self) -> tuple[ShareLine, ...]:
        """The shares not released: their seats are kept for their students."""
        return tuple(s for s in self.shares if not s.released)

    @property
    def free(self) -> int:
        """Everyone's free seats: what a student no share is for can still take (the rulebook's ``general_free``);
        none in a closed group, which takes no one."""
        if self.closed:
            return 0
        kept = self.kept_shares
        if not kept:
            return max(0, self.seat_limit - self.enrolled)
        return max(0, (self.seat_limit - sum(s.seats for s in kept)) - (self.enrolled - sum(s.taken for s in kept)))

    @property
    def dedicated_free(self) -> int:
        """The free seats kept for the students of the shares not released."""
        return sum(s.free for s in self.kept_shares)

    @property
    def below_lower_limit(self) -> bool:
        """At risk of not running (DOMAIN rule 6); a closed group does not run already."""
        return self.enrolled < self.lower_limit and not self.closed

    @property
    def label(self) -> str:
        return group_label(self.course_code, self.class_type, self.number)


@dataclass(frozen=True)
class GroupScope:
    """Which groups to show: those a registration offers, a course's in a term, or a whole term."""

    registration_id: int | None = None
    course_id: int | None = None
    term_id: int | None = None
    unit_id: int | None = None  # with term_id: only courses this unit runs
    group_ids: tuple[int, ...] = ()  # these groups


def scope_query(session: Session, scope: GroupScope):
    query = select(ClassGroup.id)
    if scope.registration_id is not None:
        # Its term only: a plain row, not the registration loaded as an object.
        session.flush()
        term_id = session.connection().execute(
            select(Registration.term_id).where(Registration.id == scope.registration_id)
        ).scalar()
        if term_id is None:
            raise NotFound(translate("Groups", "That registration no longer exists."))
        query = query.join(RegistrationCourse, RegistrationCourse.course_id == ClassGroup.course_id).where(
            RegistrationCourse.registration_id == scope.registration_id, ClassGroup.term_id == term_id
        )
    if scope.course_id is not None:
        query = query.where(ClassGroup.course_id == scope.course_id)
    if scope.term_id is not None:
        query = query.where(ClassGroup.term_id == scope.term_id)
    if scope.unit_id is not None:
        query = query.where(ClassGroup.course_id.in_(select(Course.id).where(Course.unit_id == scope.unit_id)))
    if scope.group_ids:
        query = query.where(ClassGroup.id.in_(scope.group_ids))
    return query


def _clock(value) -> time:
    return time.fromisoformat(value) if isinstance(value, str) else value


def group_lines(session: Session, ids_query, now: datetime | None = None) -> list[GroupLine]:
    """The groups ``ids_query`` selects, with their teachers, timetables and dedicated seats as they stand at ``now``."""
    # Plain column tuples read through the session's connection, without the ORM's result
    # handling: a term's table is thousands of groups, teachers and slots.
    session.flush()  # what the session's own transaction changed is read too
    connection = session.connection()
    rows = connection.execute(
        select(
            ClassGroup.id, ClassGroup.course_id, ClassGroup.class_type, ClassGroup.number, ClassGroup.seat_limit,
            ClassGroup.lower_limit, ClassGroup.enrolled_count, ClassGroup.over_limit_count,
            Course.code, Course.name, Course.unit_id, Term.code, ClassGroup.closed_at,
        )
        .join(Course, Course.id == ClassGroup.course_id)
        .join(Term, Term.id == ClassGroup.term_id)
        .where(ClassGroup.id.in_(ids_query))
        .order_by(Course.code, ClassGroup.class_type, ClassGroup.number)
    ).all()
    teachers: dict[int, list[str]] = {}
    slots: dict[int, list[SlotLine]] = {}
    for group_id, first, last in connection.execute(
        select(GroupTeacher.group_id, Person.first_name, Person.last_name)
        .join(Person, Person.id == GroupTeacher.person_id)
        .where(GroupTeacher.group_id.in_(ids_query))
        .order_by(GroupTeacher.group_id, Person.sort_key)
    ).all():  # fetched at once: row by row costs a driver call each
        teachers.setdefault(group_id, []).append(f"{first} {last}")
    # The times as the driver gives them: SQLite's text is parsed here, much faster than by the
    # column type's pattern (a term has thousands of slots); PostgreSQL's driver gives times.
    for group_id, weekday, starts_at, ends_at, room, building in connection.execute(
        select(TimetableSlot.group_id, TimetableSlot.weekday, type_coerce(TimetableSlot.starts_at, String),
               type_coerce(TimetableSlot.ends_at, String), TimetableSlot.room, TimetableSlot.building)
        .where(TimetableSlot.group_id.in_(ids_query))
        .order_by(TimetableSlot.group_id, TimetableSlot.weekday, TimetableSlot.starts_at)
    ).all():
        slots.setdefault(group_id, []).append(SlotLine(weekday, _clock(starts_at), _clock(ends_at), room, building))
    shares = share_lines(session, ids_query, now or now_utc())  # one query for the scope; most groups have none
    return [
        GroupLine(
            id=gid, course_id=course_id, course_code=code, course_name=name, term_code=term_code, class_type=class_type,
            number=number, seat_limit=limit, lower_limit=lower, enrolled=enrolled, over_limit_count=over, unit_id=unit_id,
            teachers=tuple(teachers.get(gid, ())), slots=tuple(slots.get(gid, ())), shares=tuple(shares.get(gid, ())),
            closed_at=closed_at,
        )
        for gid, course_id, class_type, number, limit, lower, enrolled, over, code, name, unit_id, term_code, closed_at
        in rows
    ]


def list_groups(uow: UnitOfWork, scope: GroupScope) -> list[GroupLine]:
    """The capacity table for a registration, a course or a term, ordered by course and group."""
    with uow.read() as session:
        uow.require(Permission.READ_STUDENTS)  # in this session: the principal re-read with the table
        if scope.registration_id is None and scope.course_id is None and scope.term_id is None and not scope.group_ids:
            raise DomainError(translate("Groups", "Choose a registration, a course or a term."))
        return group_lines(session, scope_query(session, scope), uow.now)


def group_line(uow: UnitOfWork, group_id: int) -> GroupLine:
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        lines = group_lines(session, select(ClassGroup.id).where(ClassGroup.id == group_id), uow.now)
    if not lines:
        raise NotFound(translate("Groups", "That class group no longer exists."))
    return lines[0]


def sibling_groups(uow: UnitOfWork, group_id: int) -> list[GroupLine]:
    """The other groups of the same course and term: where a student can be moved."""
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        group = session.get(ClassGroup, group_id)
        if group is None:
            raise NotFound(translate("Groups", "That class group no longer exists."))
        return group_lines(
            session,
            select(ClassGroup.id).where(
                ClassGroup.course_id == group.course_id, ClassGroup.term_id == group.term_id, ClassGroup.id != group.id
            ),
            uow.now,
        )


# --- limits --------------------------------------------------------------------------------


class GroupAction(Action):
    """What is done to a class group's capacity."""

    SEAT_LIMIT = "class_group.limit"
    LOWER_LIMIT = "class_group.lower_limit"

    def describe(self, shown: Shown) -> Description:
        if self is GroupAction.SEAT_LIMIT:
            return Description(translate("History", "Seat limit changed"))
        return Description(translate("History", "Lower limit changed"))


@dataclass(frozen=True)
class LimitChange:
    changed: int  # groups whose limit changed
    unchanged: int  # groups that already had the requested limit


class LimitBelowCount(DomainError):
    """A limit would drop below the students already in the group; ``groups`` lists (label, count, asked)."""

    def __init__(self, message: str, groups: list[tuple[str, int, int]]):
        super().__init__(message)
        self.groups = groups


def _label(session: Session, group_id: int) -> str:
    code, class_type, number = session.execute(
        select(Course.code, ClassGroup.class_type, ClassGroup.number)
        .join(Course, Course.id == ClassGroup.course_id)
        .where(ClassGroup.id == group_id)
    ).one()
    return group_label(code, class_type, number)


def _the_group(session: Session, group_id: int) -> str:
    """The group as a sentence begins with it: "The group MAT-101 class 1"."""
    return translate("Groups", "The group %1").replace("%1", _label(session, group_id))


def set_seat_limits(uow: UnitOfWork, group_ids: list[int],
    *,
    value: int | None = None,
    delta: int | None = None,
    reason: str,
) -> LimitChange:
    """Set the seat limit of the groups to ``value``, or change it by ``delta`` (e.g. +5).

    All or nothing: if any group would end below the students it holds, nothing changes and the
    error lists those groups with their counts. The check and the write are one conditional
    UPDATE per group, so an enrollment committed meanwhile is always counted.
    """
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Groups", "Say why the limit changes (it is kept with the change)."))
    if (value is None) == (delta is None):
        raise DomainError(translate("Groups", "Give either a new limit or a change such as +5."))
    if value is not None and value < 0:
        raise DomainError(translate("Groups", "A seat limit cannot be negative."))
    if value is not None:
        bounds.SEAT_LIMIT.check(value)
    if delta is not None:
        bounds.SEAT_LIMIT_CHANGE.check(delta)
    for group_id in group_ids:
        bounds.RECORD_ID.check(group_id)
    if delta == 0:
        raise DomainError(translate("Groups", "Nothing was changed."))
    group_ids = sorted(set(group_ids))  # ascending: the lock order every writer of groups uses
    if not group_ids:
        raise DomainError(translate("Groups", "Select at least one group."))
    refused: list[tuple[str, int, int]] = []
    kept: list[tuple[str, int, int]] = []  # room for those in it, not for its dedicated seats too
    below_lower: list[tuple[str, int, int]] = []
    changed = unchanged = 0
    with uow.write() as session:
        units = dict(
            session.execute(
                select(ClassGroup.id, Course.unit_id).join(Course, Course.id == ClassGroup.course_id).where(ClassGroup.id.in_(group_ids))
            ).all()
        )
        missing = [gid for gid in group_ids if gid not in units]
        if missing:
            raise NotFound(translate("Groups", "Some of the groups no longer exist."))
        for group_id in group_ids:  # in order: the first group of another unit is the one named
            if not uow.can(Permission.MANAGE_GROUPS, units[group_id]):
                uow.require(Permission.MANAGE_GROUPS, units[group_id], subject=_the_group(session, group_id))
        # Lock the rows first (PostgreSQL; SQLite holds the database lock already), ascending.
        lock = (select(ClassGroup.id, ClassGroup.seat_limit, ClassGroup.lower_limit)
                .where(ClassGroup.id.in_(group_ids)).order_by(ClassGroup.id))
        if session.get_bind().dialect.name == "postgresql":
            lock = lock.with_for_update()
        locked = {gid: (limit, lower) for gid, limit, lower in session.execute(lock).all()}
        previous = {gid: limit for gid, (limit, _) in locked.items()}
        for group_id in group_ids:
            asked = previous[group_id] + delta if delta is not None else value
            if asked == previous[group_id]:
                unchanged += 1
                continue
            if asked < 0:
                refused.append((_label(session, group_id), previous[group_id], asked))
                continue
            if asked > bounds.SEAT_LIMIT.high:
                raise bounds.OutOfBounds(bounds.SEAT_LIMIT.message(asked))
            if asked < locked[group_id][1]:
                count = session.scalar(select(ClassGroup.enrolled_count).where(ClassGroup.id == group_id))
                if count <= asked:  # below the students already in it is the first thing to say
                    below_lower.append((_label(session, group_id), locked[group_id][1], asked))
                    continue
                refused.append((_label(session, group_id), count, asked))
                continue
            # Room for everyone in it and for every seat dedicated to some students (not released yet).
            row = session.execute(
                update(ClassGroup)
                .where(ClassGroup.id == group_id,
                       ClassGroup.enrolled_count - ClassGroup.reserved_taken + ClassGroup.reserved_seats <= asked)
                .values(seat_limit=asked, over_limit_count=0)
                .returning(ClassGroup.seat_limit)
                .execution_options(synchronize_session=False)
            ).one_or_none()
            if row is None:
                count, held = session.execute(
                    select(ClassGroup.enrolled_count,
                           ClassGroup.enrolled_count - ClassGroup.reserved_taken + ClassGroup.reserved_seats)
                    .where(ClassGroup.id == group_id)).one()
                if count <= asked:
                    kept.append((_label(session, group_id), held, asked))
                else:
                    refused.append((_label(session, group_id), count, asked))
                continue
            if asked > previous[group_id]:
                uow.seat_freed(group_id)  # more seats: the waiting list is asked
            uow.record_change(GroupAction.SEAT_LIMIT, entity="class_group", entity_id=group_id,
                              before={"seat_limit": previous[group_id]}, after={"seat_limit": asked}, reason=reason)
            changed += 1
        if refused:
            lines = "\n".join(
                translate("Groups", "%1: %2 students enrolled, limit asked %3")
                .replace("%1", label)
                .replace("%2", str(count))
                .replace("%3", str(asked))
                for label, count, asked in refused[:20]
            )
            raise LimitBelowCount(
                translate("Groups", "A limit cannot be set below the students already in the group. Nothing was changed.")
                + "\n"
                + lines,
                refused,
            )
        if kept:
            raise DomainError(
                translate("Groups", "A limit cannot be set below the students in the group and the seats dedicated to "
                                    "some students. Nothing was changed.")
                + "\n" + "\n".join(
                    translate("Groups", "%1: %2 seats needed, limit asked %3")
                    .replace("%1", label).replace("%2", str(held)).replace("%3", str(asked))
                    for label, held, asked in kept[:20]
                )
            )
        if below_lower:
            raise DomainError(
                translate("Groups", "A seat limit cannot be below the group's lower limit (below it the group does not run). Nothing was changed.")
                + "\n" + "\n".join(
                    translate("Groups", "%1: lower limit %2, limit asked %3")
                    .replace("%1", label).replace("%2", str(lower)).replace("%3", str(asked))
                    for label, lower, asked in below_lower[:20]
                )
            )
    return LimitChange(changed, unchanged)


def set_lower_limit(uow: UnitOfWork, group_id: int, lower_limit: int, *, reason: str) -> None:
    """The number of students below which the group does not run; at most the seat limit."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Groups", "Say why the limit changes (it is kept with the change)."))
    if lower_limit < 0:
        raise DomainError(translate("Groups", "A lower limit cannot be negative."))
    bounds.LOWER_LIMIT.check(lower_limit)
    bounds.RECORD_ID.check(group_id)
    with uow.write() as session:
        group = session.get(ClassGroup, group_id)
        if group is None:
            raise NotFound(translate("Groups", "That class group no longer exists."))
        unit_id = session.scalar(select(Course.unit_id).where(Course.id == group.course_id))
        if not uow.can(Permission.MANAGE_GROUPS, unit_id):
            uow.require(Permission.MANAGE_GROUPS, unit_id, subject=_the_group(session, group_id))
        if lower_limit > group.seat_limit:
            raise DomainError(
                translate("Groups", "The lower limit (%1) cannot exceed the seat limit (%2).")
                .replace("%1", str(lower_limit))
                .replace("%2", str(group.seat_limit))
            )
        if lower_limit == group.lower_limit:
            raise DomainError(translate("Groups", "Nothing was changed."))
        before = group.lower_limit
        group.lower_limit = lower_limit
        uow.record_change(GroupAction.LOWER_LIMIT, entity="class_group", entity_id=group.id,
                          before={"lower_limit": before}, after={"lower_limit": lower_limit}, reason=reason)


# --- members -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberLine:
    enrollment_id: int
    student_id: int
    student_number: str
    last_name: str
    first_name: str
    source: EnrollmentSource
    over_limit: bool
    reason: str | None
    enrolled_at: datetime
    despite_clash: bool = False  # a clerk's override of a timetable clash


def members(uow: UnitOfWork, group_id: int) -> list[MemberLine]:
    """The students standing in a group, in Polish alphabetical order."""
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        if session.get(ClassGroup, group_id) is None:
            raise NotFound(translate("Groups", "That class group no longer exists."))
        return [
            MemberLine(eid, sid, number, last, first, source, over, reason, at, clash)
            for eid, sid, number, last, first, source, over, reason, at, clash in session.execute(
                select(
                    Enrollment.id,
                    Student.id,
                    Student.student_number,
                    Person.last_name,
                    Person.first_name,
                    Enrollment.source,
                    Enrollment.over_limit,
                    Enrollment.reason,
                    Enrollment.created_at,
                    Enrollment.despite_clash,
                )
                .join(Student, Student.id == Enrollment.student_id)
                .join(Person, Person.id == Student.person_id)
                .where(Enrollment.group_id == group_id, Enrollment.status == EnrollmentStatus.ACCEPTED)
                .order_by(Person.sort_key, Student.student_number)
            )
        ]


def find_group(db: Database, reference: str) -> int:
    """A group by its id or as TERM/COURSE/TYPE/NUMBER, e.g. ``2026Z/SJO-ANG-B2/language/3``."""
    reference = reference.strip()
    if reference.isdigit():
        group_id = bounds.RECORD_ID.parse(reference)  # ASCII digits only: "²" is a digit to isdigit()
        with db.read() as session:
            if session.get(ClassGroup, group_id) is not None:
                return group_id
        raise NotFound(translate("Groups", "There is no class group %1.").replace("%1", reference))
    parts = reference.split("/")
    if len(parts) != 4 or not parts[3].isdigit():
        raise DomainError(
            translate("Groups", "Name a group as TERM/COURSE/TYPE/NUMBER (e.g. 2026Z/MAT-101/class/2) or by its id.")
        )
    term_code, course_code, type_text, number_text = parts
    number = bounds.GROUP_NUMBER.parse(number_text)
    try:
        class_type = ClassType(type_text.lower())
    except ValueError:
        raise DomainError(
            translate("Groups", "Unknown class type %1; one of: %2.")
            .replace("%1", type_text)
            .replace("%2", ", ".join(t.value for t in ClassType))
        ) from None
    with db.read() as session:
        found = session.scalar(
            select(ClassGroup.id)
            .join(Course, Course.id == ClassGroup.course_id)
            .join(Term, Term.id == ClassGroup.term_id)
            .where(
                Term.code == term_code,
                Course.code == course_code,
                ClassGroup.class_type == class_type,
                ClassGroup.number == number,
            )
        )
    if found is None:
        raise NotFound(translate("Groups", "There is no class group %1.").replace("%1", reference))
    return found


def standing_enrollment(db: Database, student_id: int, group_id: int) -> int:
    """The id of the student's accepted enrollment in the group, or NotFound."""
    with db.read() as session:
        found = session.scalar(
            select(Enrollment.id).where(
                Enrollment.student_id == student_id,
                Enrollment.group_id == group_id,
                Enrollment.status == EnrollmentStatus.ACCEPTED,
            )
        )
    if found is None:
        raise NotFound(translate("Groups", "The student is not in that group."))
    return found
