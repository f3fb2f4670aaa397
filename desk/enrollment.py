"""Enrolling and unenrolling: the one service clerks and the portal's first-come rounds go through.

Seats are taken with a conditional UPDATE on the group's counter (``enrolled_count <
seat_limit``), so the database decides who gets the last place: on PostgreSQL the row lock
makes a second writer re-check the condition against the committed count, on SQLite the write
transaction holds the database lock from BEGIN (BEGIN IMMEDIATE). A CHECK constraint on the
counter is the last line of defence. The student's row is locked first (PostgreSQL), so one
student's concurrent requests cannot both slip under the selection limit; groups are always
locked in ascending id order, so two moves in opposite directions cannot deadlock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk import groups, many, rule_facts, rules
from desk.changes import Action, Description, Shown
from desk.errors import DomainError, NotFound, PermissionDenied
from desk.groups import GroupLine
from desk.i18n import translate
from desk.model import (
    ClassGroup,
    Course,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    Programme,
    Registration,
    Round,
    Student,
    StudentProgramme,
)
from desk.refusals import Refused, refuse_if, student_gender
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork

# The rulebook's codes; kept under this name for the callers that tell refusals apart (e.g. "full").
Refusal = rules.RefusalCode


class EnrollmentRefused(Refused):
    """The rulebook refused an enrollment, a move or a portal registration."""


def _refuse_if(refusals: tuple[rules.Refusal, ...], session: Session | None = None, student_id: int | None = None) -> None:
    """Refuse with the words about the student in their grammatical gender (read only when refused)."""
    if refusals:
        refuse_if(refusals, EnrollmentRefused, student_gender(session, student_id) if session is not None else None)


@dataclass(frozen=True)
class EnrollmentResult:
    enrollment_id: int
    student_id: int
    group_id: int
    over_limit: bool
    enrolled_count: int
    seat_limit: int


# --- the building blocks (inside the caller's transaction) ---------------------------------


def _lock_student(session: Session, student_id: int) -> Student:
    query = select(Student).where(Student.id == student_id)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    student = session.scalars(query).one_or_none()
    if student is None:
        raise NotFound(translate("Enrollment", "There is no student with the id %1.").replace("%1", str(student_id)))
    return student


def _group(session: Session, group_id: int) -> ClassGroup:
    group = session.get(ClassGroup, group_id)
    if group is None:
        raise NotFound(translate("Enrollment", "There is no class group with the id %1.").replace("%1", str(group_id)))
    return group


def group_label(session: Session, group: ClassGroup) -> str:
    code = session.scalar(select(Course.code).where(Course.id == group.course_id))
    return f"{code} {group.class_type.value} {group.number}"


def _take_seat(session: Session, group: ClassGroup, facts: rules.GroupFacts, *, allow_over_limit: bool) -> tuple[bool, int, int]:
    """Take one seat; returns (over the limit?, enrolled now, limit). Raises when the group is full.

    The rulebook has already said the group had a place; this conditional UPDATE is the last word
    when another writer took it meanwhile.
    """
    taken = session.execute(
        update(ClassGroup)
        .where(ClassGroup.id == group.id, ClassGroup.enrolled_count < ClassGroup.seat_limit)
        .values(enrolled_count=ClassGroup.enrolled_count + 1)
        .returning(ClassGroup.enrolled_count, ClassGroup.seat_limit)
        .execution_options(synchronize_session=False)
    ).one_or_none()
    if taken is not None:
        return False, taken[0], taken[1]
    if not allow_over_limit:
        count, limit = session.execute(
            select(ClassGroup.enrolled_count, ClassGroup.seat_limit).where(ClassGroup.id == group.id)
        ).one()
        raise EnrollmentRefused((rules.full(facts, count, limit),))
    count, limit = session.execute(
        update(ClassGroup)
        .where(ClassGroup.id == group.id)
        .values(enrolled_count=ClassGroup.enrolled_count + 1, over_limit_count=ClassGroup.over_limit_count + 1)
        .returning(ClassGroup.enrolled_count, ClassGroup.seat_limit)
        .execution_options(synchronize_session=False)
    ).one()
    return True, count, limit


def _release_seat(session: Session, group_id: int) -> None:
    session.execute(
        update(ClassGroup)
        .where(ClassGroup.id == group_id)
        .values(
            enrolled_count=ClassGroup.enrolled_count - 1,
            # Someone leaving an overfull group shrinks the excess first.
            over_limit_count=func.max(ClassGroup.over_limit_count - 1, 0)
            if session.get_bind().dialect.name == "sqlite"
            else func.greatest(ClassGroup.over_limit_count - 1, 0),
        )
        .execution_options(synchronize_session=False)
    )


def active_round(session: Session, registration_id: int, now: datetime) -> Round | None:
    return session.scalars(
        select(Round).where(Round.registration_id == registration_id, Round.starts_at <= now, Round.ends_at > now)
    ).first()


def _insert(session: Session, student_id: int, group: ClassGroup, facts: rules.GroupFacts, **values) -> Enrollment:
    enrollment = Enrollment(student_id=student_id, group_id=group.id, status=EnrollmentStatus.ACCEPTED, **values)
    session.add(enrollment)
    try:
        session.flush()
    except IntegrityError:  # the unique index's word: the same student in the same group twice
        raise EnrollmentRefused((rules.Refusal(rules.RefusalCode.SAME_SLOT, facts.params()),)) from None
    return enrollment


def _record(uow: UnitOfWork, action: EnrollmentAction, enrollment: Enrollment, reason: str | None,
            before: dict | None = None) -> None:
    after = {
        "group_id": enrollment.group_id,
        "status": enrollment.status,
        "source": enrollment.source,
        "over_limit": enrollment.over_limit,
        "registration_id": enrollment.registration_id,
    }
    uow.record_change(action, entity="enrollment", entity_id=enrollment.id, student_id=enrollment.student_id,
                      before=before, after=after, reason=reason)


def _course_unit(session: Session, group: ClassGroup) -> int:
    return session.scalar(select(Course.unit_id).where(Course.id == group.course_id))


def _require_clerk(uow: UnitOfWork, group: ClassGroup, student_id: int) -> None:
    """A clerk of the course's unit or of the student's unit may change the student's groups."""
    session = uow.session
    uow.require(Permission.MANAGE_GROUPS)
    if uow.can(Permission.MANAGE_GROUPS, _course_unit(session, group)):
        return
    student_units = session.scalars(
        select(Programme.unit_id)
        .join(StudentProgramme, StudentProgramme.programme_id == Programme.id)
        .where(StudentProgramme.student_id == student_id)
    )
    if any(uow.can(Permission.MANAGE_GROUPS, unit) for unit in student_units):
        return
    raise PermissionDenied(
        translate("Enrollment", "Neither group %1 nor the student belongs to your units.").replace(
            "%1", group_label(session, group)
        )
    )


def _reason(reason: str | None) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Enrollment", "Say why (it is kept with the change)."))
    return reason


# --- at the desk ---------------------------------------------------------------------------


def enroll(
    uow: UnitOfWork,
    student_id: int,
    group_id: int,
    *,
    reason: str,
    over_limit: bool = False,
    registration_id: int | None = None,
) -> EnrollmentResult:
    """A clerk enrolls a student; over a full group's limit only when asked, and then recorded as an override.

    Inside a write the caller opened on the same unit of work, it commits or rolls back with what the
    caller writes there (e.g. settling the sync conflict the enrollment answers).
    """
    reason = _reason(reason)
    with uow.write() as session:
        _lock_student(session, student_id)
        group = _group(session, group_id)
        _require_clerk(uow, group, student_id)
        if over_limit and not uow.can(Permission.MANAGE_GROUPS, _course_unit(session, group)):
            # Overriding a limit is the organising unit's decision.
            raise PermissionDenied(translate("Enrollment", "Only a clerk of the unit that runs the group may enroll over its limit."))
        registration = None
        if registration_id is not None:
            row = session.get(Registration, registration_id)
            if row is None:
                raise NotFound(translate("Enrollment", "That registration no longer exists."))
            registration = rule_facts.registration(session, row)
        facts = rule_facts.groups(session, [group.id])[group.id]
        held = rule_facts.held_by(session, student_id, group.term_id)
        _refuse_if(rules.enroll_at_desk(facts, held, registration=registration, over_limit=over_limit), session, student_id)
        over, count, limit = _take_seat(session, group, facts, allow_over_limit=over_limit)
        enrollment = _insert(
            session, student_id, group, facts, registration_id=registration_id, source=EnrollmentSource.DESK, over_limit=over,
            reason=reason, created_at=uow.now, created_by_id=uow.staff_id,
        )
        _record(uow, EnrollmentAction.OVERRIDE if over else EnrollmentAction.CREATE, enrollment, reason)
        return EnrollmentResult(enrollment.id, student_id, group.id, over, count, limit)


def _enrollment(session: Session, enrollment_id: int) -> Enrollment:
    enrollment = session.get(Enrollment, enrollment_id)
    if enrollment is None or enrollment.status is not EnrollmentStatus.ACCEPTED:
        raise EnrollmentRefused((rules.Refusal(Refusal.NOT_ENROLLED, {"enrollment": enrollment_id}),))
    return enrollment


def unenroll(uow: UnitOfWork, enrollment_id: int, *, reason: str) -> None:
    """A clerk takes a student out of a group; the place is free again at once."""
    reason = _reason(reason)
    with uow.write() as session:
        student_id = session.scalar(select(Enrollment.student_id).where(Enrollment.id == enrollment_id))
        if student_id is None:
            raise NotFound(translate("Enrollment", "That enrollment no longer exists."))
        _lock_student(session, student_id)
        enrollment = _enrollment(session, enrollment_id)
        group = _group(session, enrollment.group_id)
        _require_clerk(uow, group, student_id)
        _cancel(uow, enrollment)
        _record(uow, EnrollmentAction.CANCEL, enrollment, reason, before={"status": EnrollmentStatus.ACCEPTED})


def _cancel(uow: UnitOfWork, enrollment: Enrollment) -> None:
    # The status changes with a condition, so two concurrent cancellations free one seat, not two.
    session = uow.session
    changed = session.execute(
        update(Enrollment)
        .where(Enrollment.id == enrollment.id, Enrollment.status == EnrollmentStatus.ACCEPTED)
        .values(status=EnrollmentStatus.CANCELLED, cancelled_at=uow.now, cancelled_by_id=uow.staff_id)
        .execution_options(synchronize_session=False)
    ).rowcount
    if not changed:
        raise EnrollmentRefused((rules.Refusal(Refusal.NOT_ENROLLED, {"enrollment": enrollment.id}),))
    session.refresh(enrollment)
    _release_seat(session, enrollment.group_id)


def move(
    uow: UnitOfWork,
    enrollment_id: int,
    to_group_id: int,
    *,
    reason: str,
    over_limit: bool = False,
) -> EnrollmentResult:
    """Move a student to another group of the same course in one step: both happen or neither."""
    reason = _reason(reason)
    with uow.write() as session:
        student_id = session.scalar(select(Enrollment.student_id).where(Enrollment.id == enrollment_id))
        if student_id is None:
            raise NotFound(translate("Enrollment", "That enrollment no longer exists."))
        _lock_student(session, student_id)
        enrollment = _enrollment(session, enrollment_id)
        source = _group(session, enrollment.group_id)
        target = _group(session, to_group_id)
        _require_clerk(uow, source, student_id)
        _require_clerk(uow, target, student_id)
        facts = rule_facts.groups(session, {source.id, target.id})
        held = rule_facts.held_by(session, student_id, source.term_id)
        moving = rules.Held(enrollment.id, facts[source.id], enrollment.registration_id)
        _refuse_if(rules.move(moving, facts[target.id], held, over_limit=over_limit), session, student_id)
        # Both group rows are written in ascending id order (see the module's docstring).
        over = False
        count = limit = 0
        for group in sorted((source, target), key=lambda g: g.id):
            if group is source:
                _cancel(uow, enrollment)
            else:
                over, count, limit = _take_seat(session, target, facts[target.id], allow_over_limit=over_limit)
        moved = _insert(
            session, student_id, target, facts[target.id], registration_id=enrollment.registration_id, source=EnrollmentSource.DESK,
            over_limit=over, reason=reason, created_at=uow.now, created_by_id=uow.staff_id,
        )
        # The enrollment left behind is a change the student sees too (and its group's count with it).
        _record(uow, EnrollmentAction.CANCEL, enrollment, reason, before={"status": EnrollmentStatus.ACCEPTED})
        _record(uow, EnrollmentAction.MOVE, moved, reason, before={"group_id": source.id, "enrollment_id": enrollment.id})
        return EnrollmentResult(moved.id, student_id, target.id, over, count, limit)


def move_many(uow: UnitOfWork, enrollment_ids: list[int], to_group_id: int, *, reason: str, over_limit: bool = False,
              progress: many.Progress | None = None) -> many.ManyDone:
    """Move several students to one group: ``move`` for each (the rulebook asked for each), in one change set.

    A student the rulebook refuses stays where they are and is reported with why; the others move.
    """
    reason = _reason(reason)
    uow.require(Permission.MANAGE_GROUPS)
    return many.one_by_one(
        uow, enrollment_ids, lambda eid: move(uow, eid, to_group_id, reason=reason, over_limit=over_limit),
        action=EnrollmentAction.MOVE_MANY, entity="enrollment", after={"group_id": to_group_id, "over_limit": over_limit},
        reason=reason, progress=progress)


def unenroll_many(uow: UnitOfWork, enrollment_ids: list[int], *, reason: str,
                  progress: many.Progress | None = None) -> many.ManyDone:
    """Take several students out of their groups: ``unenroll`` for each, in one change set; refusals reported."""
    reason = _reason(reason)
    uow.require(Permission.MANAGE_GROUPS)
    return many.one_by_one(uow, enrollment_ids, lambda eid: unenroll(uow, eid, reason=reason),
                           action=EnrollmentAction.UNENROLL_MANY, entity="enrollment", after={}, reason=reason,
                           progress=progress)


@dataclass(frozen=True)
class MoveTarget:
    """A group a student might be moved to, and what the rulebook says about it."""

    group_id: int
    refusals: tuple[rules.Refusal, ...]

    @property
    def offered(self) -> bool:
        """Worth offering: nothing refuses it, or only a full group, which a clerk may override with a reason."""
        return all(r.code is rules.RefusalCode.FULL for r in self.refusals)


def move_targets(uow: UnitOfWork, enrollment_id: int) -> list[MoveTarget]:
    """Every other group of the enrollment's course and term, each with the rulebook's answer to moving there."""
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        return _move_targets(session, enrollment_id)[1]


def groups_to_move_to(uow: UnitOfWork, enrollment_id: int) -> list[GroupLine]:
    """The groups a clerk is offered for a move: those the rulebook allows (a full one too: the clerk may
    enroll over its limit with a reason), as the class-groups view lists groups."""
    uow.require(Permission.READ_STUDENTS)
    with uow.read():
        source_id, targets = _move_targets(uow.session, enrollment_id)
        offered = {t.group_id for t in targets if t.offered}
        return [line for line in groups.sibling_groups(uow, source_id) if line.id in offered]


def _move_targets(session: Session, enrollment_id: int) -> tuple[int, list[MoveTarget]]:
    enrollment = _enrollment(session, enrollment_id)
    source = _group(session, enrollment.group_id)
    sibling_ids = session.scalars(select(ClassGroup.id).where(
        ClassGroup.course_id == source.course_id, ClassGroup.term_id == source.term_id, ClassGroup.id != source.id,
    ).order_by(ClassGroup.id)).all()
    facts = rule_facts.groups(session, [source.id, *sibling_ids])
    held = rule_facts.held_by(session, enrollment.student_id, source.term_id)
    moving = rules.Held(enrollment.id, facts[source.id], enrollment.registration_id)
    return source.id, [MoveTarget(gid, rules.move(moving, facts[gid], held)) for gid in sibling_ids]


# --- from the portal (first come, first served) -------------------------------------------
#
# The principal is the portal (SystemJob.PORTAL) and the unit's clock the moment the student acted.
# The sync records the portal action it applied in the same transaction, by opening the write itself.


def register_from_portal(uow: UnitOfWork, student_id: int, group_id: int, registration_id: int) -> EnrollmentResult:
    """A student registers in an active direct round: round open, admitted, under the selection limit, a place left."""
    with uow.write() as session:
        now = uow.now
        _lock_student(session, student_id)
        row = session.get(Registration, registration_id)
        if row is None:
            raise NotFound(translate("Enrollment", "That registration no longer exists."))
        group = _group(session, group_id)
        facts = rule_facts.groups(session, [group.id])[group.id]
        _refuse_if(rules.register_first_come(
            facts, rule_facts.held_by(session, student_id, group.term_id), rule_facts.registration(session, row),
            rule_facts.round_now(session, registration_id, now), rule_facts.admission(session, student_id, row, now),
        ), session, student_id)
        over, count, limit = _take_seat(session, group, facts, allow_over_limit=False)
        enrollment = _insert(
            session, student_id, group, facts, registration_id=registration_id, source=EnrollmentSource.PORTAL, over_limit=False,
            created_at=now, created_by_id=uow.staff_id,
        )
        _record(uow, EnrollmentAction.PORTAL_REGISTER, enrollment, None)
        return EnrollmentResult(enrollment.id, student_id, group.id, over, count, limit)


def unregister_from_portal(uow: UnitOfWork, student_id: int, group_id: int, registration_id: int) -> None:
    """A student unregisters, where the open round allows it."""
    with uow.write() as session:
        _lock_student(session, student_id)
        row = session.get(Registration, registration_id)
        if row is None:
            raise NotFound(translate("Enrollment", "That registration no longer exists."))
        enrollment = session.scalars(
            select(Enrollment).where(
                and_(
                    Enrollment.student_id == student_id,
                    Enrollment.group_id == group_id,
                    Enrollment.registration_id == registration_id,
                    Enrollment.status == EnrollmentStatus.ACCEPTED,
                )
            )
        ).first()
        _refuse_if(rules.unregister_first_come(rule_facts.registration(session, row),
                                               rule_facts.round_now(session, registration_id, uow.now),
                                               enrollment is not None), session, student_id)
        _cancel(uow, enrollment)
        _record(uow, EnrollmentAction.PORTAL_UNREGISTER, enrollment, None, before={"status": EnrollmentStatus.ACCEPTED})


class EnrollmentAction(Action):
    """What is done to a student's place in a class group: at the desk, or by the student on the portal."""

    CREATE = "enrollment.create"
    OVERRIDE = "enrollment.override"  # enrolled over the group's limit
    CANCEL = "enrollment.cancel"
    MOVE = "enrollment.move"
    PORTAL_REGISTER = "enrollment.portal_register"
    PORTAL_UNREGISTER = "enrollment.portal_unregister"
    TOKEN_REGISTER = "enrollment.token_register"  # a token request from the basket, carried out at a break
    TOKEN_UNREGISTER = "enrollment.token_unregister"
    MOVE_MANY = "enrollment.move_many"  # the head of a change set: several students moved at once
    UNENROLL_MANY = "enrollment.cancel_many"

    def describe(self, shown: Shown) -> Description:
        group = shown.names.group(shown.after.get("group_id"))
        asked = str(shown.after.get("asked", ""))
        if self is EnrollmentAction.MOVE_MANY:
            return Description(translate("History", "Selected students moved to %1 at once (selected: %2)")
                               .replace("%1", group).replace("%2", asked), frozenset({"group_id", "asked"}))
        if self is EnrollmentAction.UNENROLL_MANY:
            return Description(translate("History", "Selected students unenrolled at once (selected: %1)").replace("%1", asked),
                               frozenset({"asked"}))
        if self is EnrollmentAction.MOVE:
            return Description(translate("History", "Moved from %1 to %2").replace("%1", shown.names.group(shown.before.get("group_id")))
                               .replace("%2", group), frozenset({"group_id", "enrollment_id"}))
        words = {
            EnrollmentAction.CREATE: translate("History", "Enrolled in %1"),
            EnrollmentAction.OVERRIDE: translate("History", "Enrolled over the limit in %1"),
            EnrollmentAction.CANCEL: translate("History", "Unenrolled from %1"),
            EnrollmentAction.PORTAL_REGISTER: translate("History", "Registered on the portal in %1"),
            EnrollmentAction.PORTAL_UNREGISTER: translate("History", "Unregistered on the portal from %1"),
            EnrollmentAction.TOKEN_REGISTER: translate("History", "Registered by a token request in %1"),
            EnrollmentAction.TOKEN_UNREGISTER: translate("History", "Unregistered by a token request from %1"),
        }[self]
        return Description(words.replace("%1", group), frozenset({"group_id"}))
