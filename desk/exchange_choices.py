"""What a clerk may choose when recording an exchange wish for a student: the groups the student holds in the
registration's courses, each with the sibling groups it may be exchanged for.

The wish itself is recorded by ``desk.exchanges.make_wish``, which checks everything again; this only
reads, so that the clerk picks from groups that make sense instead of typing group ids: the student's
standing groups of the courses the registration offers in its term, and for each the other open groups
of the same course, term and class type (a closed group takes no one, so it is not offered).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from desk import bounds
from desk.errors import DomainError, NotFound
from desk.exchanges import registration_allowing_exchanges
from desk.groups import GroupLine, group_lines
from desk.i18n import translate
from desk.model import ClassGroup, Enrollment, EnrollmentStatus, Person, RegistrationCourse, Student
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class HeldGroup:
    """A group the student holds, and the groups a wish from it may name (in the capacity table's order)."""

    group: GroupLine
    siblings: tuple[GroupLine, ...]


@dataclass(frozen=True)
class WishChoices:
    student_id: int
    student_number: str
    student_name: str
    held: tuple[HeldGroup, ...]  # only groups that have a sibling to wish for


def wish_choices(uow: UnitOfWork, registration_id: int, student_number: str) -> WishChoices:
    """The student's groups in the registration's courses that could be exchanged, each with its siblings.

    Refused in words when there is no such student, the registration does not allow exchanges, or the
    student holds no group of its courses that has a sibling."""
    uow.require(Permission.READ_STUDENTS)
    bounds.RECORD_ID.check(registration_id)
    number = (student_number or "").strip()
    if not number:
        raise DomainError(translate("Exchanges", "Type the student number."))
    with uow.read() as session:
        registration = registration_allowing_exchanges(session, registration_id)
        found = session.execute(select(Student.id, Person.first_name, Person.last_name)
                                .join(Person, Person.id == Student.person_id)
                                .where(Student.student_number == number)).first()
        if found is None:
            raise NotFound(translate("Exchanges", "There is no student with the number %1.").replace("%1", number))
        student_id, first_name, last_name = found
        offered = select(RegistrationCourse.course_id).where(RegistrationCourse.registration_id == registration.id)
        held_ids = (select(ClassGroup.id).join(Enrollment, Enrollment.group_id == ClassGroup.id)
                    .where(Enrollment.student_id == student_id, Enrollment.status == EnrollmentStatus.ACCEPTED,
                           ClassGroup.term_id == registration.term_id, ClassGroup.course_id.in_(offered)))
        held = group_lines(session, held_ids, uow.now)
        sibling_ids = select(ClassGroup.id).where(
            ClassGroup.term_id == registration.term_id, ClassGroup.closed_at.is_(None),
            ClassGroup.course_id.in_([g.course_id for g in held]))
        by_kind: dict[tuple[int, str], list[GroupLine]] = defaultdict(list)
        for line in group_lines(session, sibling_ids, uow.now) if held else ():
            by_kind[(line.course_id, line.class_type)].append(line)
    choices = tuple(
        HeldGroup(group, tuple(g for g in by_kind[(group.course_id, group.class_type)] if g.id != group.id))
        for group in held)
    choices = tuple(choice for choice in choices if choice.siblings)
    if not choices:
        raise DomainError(translate("Exchanges", "Student %1 holds no group of this registration's courses that has "
                                                 "another group to exchange it for.").replace("%1", number))
    return WishChoices(student_id, number, f"{first_name} {last_name}", choices)
