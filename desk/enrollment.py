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

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import bindparam, case, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk import groups, many, rule_facts, rules
from desk.chain import new_ids
from desk.changes import Action, Change, Description, Shown
from desk.errors import DomainError, NotFound, PermissionDenied
from desk.groups import GroupLine
from desk.i18n import translate
from desk import labels
from desk.model import (
    ClassGroup,
    Course,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    Programme,
    Registration,
    Round,
    SeatShare,
    Student,
    StudentProgramme,
)
from desk.refusals import Refused, refuse_if, student_gender, student_genders
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
    despite_clash: bool = False  # enrolled though its timetable clashes with a group the student holds (an override)
    share_id: int | None = None  # a dedicated seat taken (its share)


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
    return labels.group_label(code, group.class_type, group.number)


# The statements of every seat taken (and of a rush), built once (with their cache keys), on the tables
# (no ORM bookkeeping).
_groups_table, _enrollments_table, _shares_table = ClassGroup.__table__, Enrollment.__table__, SeatShare.__table__
# Everyone's seat: the limit less the dedicated seats, against everyone else enrolled (the group's row keeps
# both, so that a second writer re-checks them against the committed row).
_TAKE_SEAT = (
    update(_groups_table)
    .where(_groups_table.c.id == bindparam("group"),
           _groups_table.c.enrolled_count - _groups_table.c.reserved_taken
           < _groups_table.c.seat_limit - _groups_table.c.reserved_seats)
    .values(enrolled_count=_groups_table.c.enrolled_count + 1)
    .returning(_groups_table.c.enrolled_count, _groups_table.c.seat_limit)
)
# A dedicated seat: the share's, while it has one and is not released, then the group's count.
_TAKE_SHARE_SEAT = (
    update(_shares_table)
    .where(_shares_table.c.id == bindparam("share"), _shares_table.c.taken < _shares_table.c.seats,
           _shares_table.c.released_at.is_(None))
    .values(taken=_shares_table.c.taken + 1)
)
_GROUP_SHARE_SEAT = (
    update(_groups_table).where(_groups_table.c.id == bindparam("group"))
    .values(enrolled_count=_groups_table.c.enrolled_count + bindparam("n"),
            reserved_taken=_groups_table.c.reserved_taken + bindparam("n"))
    .returning(_groups_table.c.enrolled_count, _groups_table.c.seat_limit)
)
_GIVE_BACK_SHARE_SEAT = (
    update(_shares_table)
    .where(_shares_table.c.id == bindparam("share"), _shares_table.c.released_at.is_(None))
    .values(taken=_shares_table.c.taken - 1)
)
_PLACES = select(_groups_table.c.enrolled_count, _groups_table.c.seat_limit).where(_groups_table.c.id == bindparam("group"))
_PORTAL_ENROLLMENT = insert(_enrollments_table).values(
    student_id=bindparam("student_id"), group_id=bindparam("group_id"), registration_id=bindparam("registration_id"),
    created_at=bindparam("created_at"), source=EnrollmentSource.PORTAL, status=EnrollmentStatus.ACCEPTED, over_limit=False,
    share_id=bindparam("share_id"),
).returning(_enrollments_table.c.id)
_PORTAL_CANCEL = (
    update(_enrollments_table)
    .where(_enrollments_table.c.id == bindparam("enrollment"), _enrollments_table.c.status == EnrollmentStatus.ACCEPTED)
    .values(status=EnrollmentStatus.CANCELLED, cancelled_at=bindparam("at"), cancelled_by_id=None)
    .returning(_enrollments_table.c.source, _enrollments_table.c.over_limit, _enrollments_table.c.share_id)
)


@dataclass(frozen=True)
class _Taken:
    over_limit: bool
    enrolled: int
    limit: int
    share_id: int | None = None  # a dedicated seat's share


def _take_seat(session: Session, facts: rules.GroupFacts, seeker: rules.Seeker, *, allow_over_limit: bool) -> _Taken:
    """Take one seat for the student: a free seat of their share where they have one (dedicated seats go first),
    else one of everyone's; over the limit only when allowed. Raises when there is none.

    The rulebook has already said which seat; these conditional UPDATEs are the last word when another
    writer took it meanwhile.
    """
    seat = facts.seat_for(seeker)
    if seat is not None and seat.share_id is not None:
        if session.execute(_TAKE_SHARE_SEAT, {"share": seat.share_id}).rowcount == 1:
            count, limit = session.execute(_GROUP_SHARE_SEAT, {"group": facts.id, "n": 1}).one()
            return _Taken(False, count, limit, seat.share_id)
    taken = session.execute(_TAKE_SEAT, {"group": facts.id}).one_or_none()
    if taken is not None:
        return _Taken(False, taken[0], taken[1])
    if not allow_over_limit:
        count, limit = session.execute(_PLACES, {"group": facts.id}).one()
        raise EnrollmentRefused((rules.full(facts, count, limit) if count >= limit or not facts.reserved
                                 else rules.dedicated(facts),))
    count, limit = session.execute(
        update(ClassGroup)
        .where(ClassGroup.id == facts.id)
        .values(enrolled_count=ClassGroup.enrolled_count + 1, over_limit_count=ClassGroup.over_limit_count + 1)
        .returning(ClassGroup.enrolled_count, ClassGroup.seat_limit)
        .execution_options(synchronize_session=False)
    ).one()
    return _Taken(True, count, limit)


def _release_seat(session: Session, group_id: int, share_id: int | None = None) -> None:
    """Give a seat back: to its share while the share keeps its seats, else to everyone."""
    if share_id is not None and session.execute(_GIVE_BACK_SHARE_SEAT, {"share": share_id}).rowcount == 1:
        session.execute(_GROUP_SHARE_SEAT, {"group": group_id, "n": -1})
        return
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
    if enrollment.despite_clash:
        after["despite_clash"] = True
    if enrollment.share_id is not None:
        after["share_id"] = enrollment.share_id
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
    despite_clash: bool = False,
) -> EnrollmentResult:
    """A clerk enrolls a student; over a full group's limit, or despite a timetable clash, only when asked, and
    then recorded as an override.

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
        facts = rule_facts.groups(session, [group.id], lock=True, now=uow.now)[group.id]
        held = rule_facts.held_by(session, student_id, group.term_id)
        seeker = rule_facts.seeker(session, student_id, [facts])
        _refuse_if(rules.enroll_at_desk(facts, held, registration=registration, over_limit=over_limit,
                                        despite_clash=despite_clash, seeker=seeker), session, student_id)
        clashed = despite_clash and bool(rules.enroll_at_desk(facts, held, registration=registration, over_limit=True))
        taken = _take_seat(session, facts, seeker, allow_over_limit=over_limit)
        enrollment = _insert(
            session, student_id, group, facts, registration_id=registration_id, source=EnrollmentSource.DESK,
            over_limit=taken.over_limit, despite_clash=clashed, reason=reason, created_at=uow.now,
            created_by_id=uow.staff_id, share_id=taken.share_id,
        )
        _record(uow, EnrollmentAction.OVERRIDE if taken.over_limit or clashed else EnrollmentAction.CREATE, enrollment,
                reason)
        return EnrollmentResult(enrollment.id, student_id, group.id, taken.over_limit, taken.enrolled, taken.limit,
                                clashed, taken.share_id)


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
    _release_seat(session, enrollment.group_id, enrollment.share_id)
    uow.seat_freed(enrollment.group_id)


def move(
    uow: UnitOfWork,
    enrollment_id: int,
    to_group_id: int,
    *,
    reason: str,
    over_limit: bool = False,
    despite_clash: bool = False,
) -> EnrollmentResult:
    """Move a student to another group of the same course in one step: both happen or neither (over a full group's
    limit, or despite a timetable clash, only when asked, and then recorded as an override)."""
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
        facts = rule_facts.groups(session, {source.id, target.id}, lock=True, now=uow.now)
        held = rule_facts.held_by(session, student_id, source.term_id)
        moving = rules.Held(enrollment.id, facts[source.id], enrollment.registration_id)
        checks = _clash_check(session, enrollment.registration_id)
        seeker = rule_facts.seeker(session, student_id, [facts[target.id]])
        _refuse_if(rules.move(moving, facts[target.id], held, over_limit=over_limit,
                              clash_check=checks and not despite_clash, seeker=seeker), session, student_id)
        clashed = despite_clash and bool(rules.move(moving, facts[target.id], held, over_limit=True, clash_check=checks))
        # Both group rows are written in ascending id order (see the module's docstring).
        taken = _Taken(False, 0, 0)
        for group in sorted((source, target), key=lambda g: g.id):
            if group is source:
                _cancel(uow, enrollment)
            else:
                taken = _take_seat(session, facts[target.id], seeker, allow_over_limit=over_limit)
        moved = _insert(
            session, student_id, target, facts[target.id], registration_id=enrollment.registration_id,
            source=EnrollmentSource.DESK, over_limit=taken.over_limit, despite_clash=clashed, reason=reason,
            created_at=uow.now, created_by_id=uow.staff_id, share_id=taken.share_id,
        )
        # The enrollment left behind is a change the student sees too (and its group's count with it).
        _record(uow, EnrollmentAction.CANCEL, enrollment, reason, before={"status": EnrollmentStatus.ACCEPTED})
        _record(uow, EnrollmentAction.MOVE, moved, reason, before={"group_id": source.id, "enrollment_id": enrollment.id})
        return EnrollmentResult(moved.id, student_id, target.id, taken.over_limit, taken.enrolled, taken.limit, clashed,
                                taken.share_id)


# --- many moves planned in memory, written in bulk ----------------------------------------


@dataclass(frozen=True)
class Planned:
    """One student's move decided in memory (the rulebook asked): the enrollment it leaves, the group it takes."""

    enrollment_id: int
    student_id: int
    from_group: int
    from_share: int | None  # the seat it leaves: a share's, or everyone's
    to_group: int
    registration_id: int | None
    source: EnrollmentSource


_CANCEL_ALL = (update(_enrollments_table)
               .where(_enrollments_table.c.id.in_(bindparam("ids", expanding=True)),
                      _enrollments_table.c.status == EnrollmentStatus.ACCEPTED)
               .values(status=EnrollmentStatus.CANCELLED, cancelled_at=bindparam("at"), cancelled_by_id=bindparam("by")))
# A group's seats after a batch of moves: its count and its dedicated takers by their changes, and each seat of
# everyone's given back shrinking the overrides first (as one leaving at a time would: ``_release_seat``).
_GROUP_SEATS = (update(_groups_table).where(_groups_table.c.id == bindparam("group"))
                .values(enrolled_count=_groups_table.c.enrolled_count + bindparam("delta"),
                        reserved_taken=_groups_table.c.reserved_taken + bindparam("kept"),
                        over_limit_count=case((_groups_table.c.over_limit_count > bindparam("left"),
                                               _groups_table.c.over_limit_count - bindparam("left")), else_=0)))
_SHARE_SEATS = (update(_shares_table).where(_shares_table.c.id == bindparam("share"),
                                            _shares_table.c.released_at.is_(None),
                                            _shares_table.c.taken + bindparam("n") <= _shares_table.c.seats,
                                            _shares_table.c.taken + bindparam("n") >= 0)
                .values(taken=_shares_table.c.taken + bindparam("n")))


def write_moves(uow: UnitOfWork, session: Session, facts: dict[int, rules.GroupFacts], seekers: dict[int, rules.Seeker],
                sets: list[list[Planned]], *, action: EnrollmentAction, reason: str | None) -> list[int]:
    """Moves the rulebook allowed, written in bulk inside the caller's write (the students and groups locked, ``facts``
    as read under the locks): set by set in order, every enrollment a set leaves cancelled, then every seat it takes
    chosen as the group stands at that moment (a share's for its students first); the groups' counts and the
    shares' takers changed by one statement each (the database's checks the last word), the new enrollments in one
    INSERT, every change recorded (``action`` for each new seat, with the enrollment it replaces). The new
    enrollments' ids, in the order of the moves."""
    running = dict(facts)
    moves: list[tuple[Planned, int | None]] = []  # the move, the share whose seat it takes
    group_delta: dict[int, list[int]] = {}  # count, dedicated takers, seats of everyone's given back
    share_delta: dict[int, int] = {}
    for steps in sets:
        for move in steps:
            before = running[move.from_group]
            kept = next((sh for sh in before.reserved if sh.id == move.from_share), None)
            running[move.from_group] = before.with_seat_taken(rules.Seat(move.from_share), -1)
            delta = group_delta.setdefault(move.from_group, [0, 0, 0])
            delta[0] -= 1
            if kept is not None:
                delta[1] -= 1
                share_delta[kept.id] = share_delta.get(kept.id, 0) - 1
            else:
                delta[2] += 1
        for move in steps:
            seat = running[move.to_group].seat_for(seekers.get(move.student_id, rules.NOBODY_IN_PARTICULAR))
            if seat is None:
                raise DomainError(translate("Enrollment", "A group changed meanwhile; try again."))
            running[move.to_group] = running[move.to_group].with_seat_taken(seat)
            delta = group_delta.setdefault(move.to_group, [0, 0, 0])
            delta[0] += 1
            if seat.share_id is not None:
                delta[1] += 1
                share_delta[seat.share_id] = share_delta.get(seat.share_id, 0) + 1
            moves.append((move, seat.share_id))
    if not moves:
        return []
    connection, now, staff_id = session.connection(), uow.now, uow.staff_id
    connection.execute(_CANCEL_ALL, {"ids": [m.enrollment_id for m, _s in moves], "at": now, "by": staff_id})
    shares = [{"share": sid, "n": n} for sid, n in sorted(share_delta.items()) if n]
    if shares and connection.execute(_SHARE_SEATS, shares).rowcount != len(shares):
        raise DomainError(translate("Enrollment", "A group changed meanwhile; try again."))
    changed = [{"group": gid, "delta": d, "kept": k, "left": left}
               for gid, (d, k, left) in sorted(group_delta.items()) if d or k or left]
    if changed:
        connection.execute(_GROUP_SEATS, changed)
    for gid, (d, _k, _left) in group_delta.items():
        if d < 0:
            uow.seat_freed(gid)  # a seat left free: its waiting list is asked
    made = new_ids(session, Enrollment.__tablename__, len(moves))
    rows = [dict(id=eid, student_id=m.student_id, group_id=m.to_group, registration_id=m.registration_id, source=m.source,
                 status=EnrollmentStatus.ACCEPTED, over_limit=False, despite_clash=False, reason=reason, created_at=now,
                 created_by_id=staff_id, share_id=share) for eid, (m, share) in zip(made, moves)]
    session.execute(insert(_enrollments_table), rows)
    uow.record_changes(EnrollmentAction.CANCEL, [Change(
        "enrollment", m.enrollment_id, m.student_id, before={"status": EnrollmentStatus.ACCEPTED},
        after={"group_id": m.from_group, "status": EnrollmentStatus.CANCELLED, "registration_id": m.registration_id},
        reason=reason) for m, _s in moves])
    uow.record_changes(action, [Change(
        "enrollment", row["id"], m.student_id, before={"group_id": m.from_group, "enrollment_id": m.enrollment_id},
        after={"group_id": m.to_group, "status": EnrollmentStatus.ACCEPTED, "source": m.source, "over_limit": False,
               "registration_id": m.registration_id, **({"share_id": share} if share is not None else {})},
        reason=reason) for row, (m, share) in zip(rows, moves)])
    return made


def move_many(uow: UnitOfWork, enrollment_ids: list[int], to_group_id: int, *, reason: str, over_limit: bool = False,
              despite_clash: bool = False, progress: many.Progress | None = None) -> many.ManyDone:
    """Move several students to one group: ``move`` for each (the rulebook asked for each), in one change set.

    A student the rulebook refuses stays where they are and is reported with why; the others move.
    """
    reason = _reason(reason)
    uow.require(Permission.MANAGE_GROUPS)
    return many.one_by_one(
        uow, enrollment_ids,
        lambda eid: move(uow, eid, to_group_id, reason=reason, over_limit=over_limit, despite_clash=despite_clash),
        action=EnrollmentAction.MOVE_MANY, entity="enrollment",
        after={"group_id": to_group_id, "over_limit": over_limit, **({"despite_clash": True} if despite_clash else {})},
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
        """Worth offering: nothing refuses it, or only what a clerk may override with a reason (a full group,
        a timetable clash)."""
        return all(r.code in rules.OVERRIDABLE for r in self.refusals)


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
    checks = _clash_check(session, enrollment.registration_id)
    seeker = rule_facts.seeker(session, enrollment.student_id, facts.values())
    return source.id, [MoveTarget(gid, rules.move(moving, facts[gid], held, clash_check=checks, seeker=seeker))
                       for gid in sibling_ids]


def _clash_check(session: Session, registration_id: int | None) -> bool:
    """Whether the registration an enrollment was made in checks timetables (one made at the desk alone does)."""
    if registration_id is None:
        return True
    return session.scalar(select(Registration.clash_check).where(Registration.id == registration_id)) is not False


# --- from the portal (first come, first served) -------------------------------------------
#
# The principal is the portal (SystemJob.PORTAL) and each action is dated the moment the student
# acted. What the rulebook asks that no write lock guards (the registration, its rounds, the
# student's admission) is read before the write begins, once for a batch; under the lock are read
# only what a concurrent write changes and the rules count on (the students' standing enrollments,
# the groups' places, both locked in ascending id order on PostgreSQL), then each action is asked
# of the rulebook in turn and written: the conditional seat update, the enrollment, and, for the
# batch at once, the audit entries and the queued changes. A registration's settings changed by a
# clerk while the batch is between its two reads take effect from the next action on: the action
# was taken before the change.


@dataclass(frozen=True)
class PortalAction:
    """A student's action in a first-come round: register in a group, or unregister from it."""

    student_id: int
    group_id: int
    registration_id: int
    register: bool
    at: datetime  # when the student acted


# What became of an action: registered, unregistered (None), or refused (the refusal, not raised).
PortalOutcome = EnrollmentResult | None | DomainError


def register_from_portal(uow: UnitOfWork, student_id: int, group_id: int, registration_id: int) -> EnrollmentResult:
    """A student registers in an active direct round: round open, admitted, under the selection limit, a place left."""
    return _one(uow, PortalAction(student_id, group_id, registration_id, True, uow.now))


def unregister_from_portal(uow: UnitOfWork, student_id: int, group_id: int, registration_id: int) -> None:
    """A student unregisters, where the open round allows it."""
    _one(uow, PortalAction(student_id, group_id, registration_id, False, uow.now))


def _one(uow: UnitOfWork, action: PortalAction):
    before = portal_facts(uow, [action])
    try:
        with uow.write():
            (outcome,) = apply_portal_actions(uow, [action], before)
    except IntegrityError:  # the unique index's word: the same student in the same group twice
        raise EnrollmentRefused((rules.Refusal(rules.RefusalCode.SAME_SLOT, {}),)) from None
    if isinstance(outcome, DomainError):
        raise outcome
    return outcome


def portal_facts(uow: UnitOfWork, actions: list[PortalAction]) -> rule_facts.FirstCome:
    """What the actions' rules need that no write lock guards; read before ``apply_portal_actions``'s write."""
    with uow.read() as session:
        return rule_facts.FirstCome.read(session, [(a.student_id, a.group_id, a.registration_id) for a in actions])


def apply_portal_actions(uow: UnitOfWork, actions: list[PortalAction], before: rule_facts.FirstCome) -> list[PortalOutcome]:
    """Students' first-come actions, in the order they acted, inside the caller's write; each action's
    outcome in its place. A refused action changes nothing and is returned, not raised."""
    with uow.write() as session:
        students = sorted({a.student_id for a in actions})
        group_ids = sorted({a.group_id for a in actions if a.group_id is not None})
        rule_facts.lock_students(session, students)  # the lock order: students, then groups (as their facts are read)
        groups_now, held = rule_facts.groups_and_held(session, group_ids, students, lock=True, now=uow.now)
        seekers = rule_facts.seekers(session, students, groups_now.values())
        outcomes: list[PortalOutcome] = []
        changes: list[tuple[EnrollmentAction, Change]] = []
        refused: list[tuple[int, tuple[rules.Refusal, ...]]] = []
        for action in actions:
            registration = before.registration(action.registration_id)
            if registration is None:
                outcomes.append(NotFound(translate("Enrollment", "That registration no longer exists.")))
                continue
            group = groups_now.get(action.group_id)
            mine = held.setdefault(action.student_id, [])
            round_ = before.round_at(action.registration_id, action.at, action.student_id)
            if action.register:
                if group is None:
                    outcomes.append(_no_group(action.group_id))
                    continue
                in_term = [h for h in mine if h.group.term_id == group.term_id]
                seeker = seekers.get(action.student_id, rules.NOBODY_IN_PARTICULAR)
                refusals = rules.register_first_come(group, in_term, registration, round_,
                                                     before.admission(action.student_id, action.registration_id, action.at),
                                                     seeker)
                if not refusals:
                    refusals, result = _portal_register(session, action, group, seeker, mine, groups_now)
                    if result is not None:
                        outcomes.append(result)
                        changes.append((EnrollmentAction.PORTAL_REGISTER,
                                        _portal_change(action, result.enrollment_id, EnrollmentStatus.ACCEPTED)))
                        continue
            else:
                standing = next((h for h in mine if h.group.id == action.group_id
                                 and h.registration_id == action.registration_id), None)
                refusals = rules.unregister_first_come(registration, round_, standing is not None)
                if not refusals:
                    changes.append((EnrollmentAction.PORTAL_UNREGISTER,
                                    _portal_unregister(session, action, standing, mine, groups_now)))
                    uow.seat_freed(action.group_id)
                    outcomes.append(None)
                    continue
            refused.append((len(outcomes), refusals))
            outcomes.append(None)
        _record_portal(uow, changes)
        if refused:
            genders = student_genders(session, [actions[i].student_id for i, _ in refused])
            for index, refusals in refused:
                outcomes[index] = EnrollmentRefused(refusals, genders.get(actions[index].student_id))
        return outcomes


def _no_group(group_id: int) -> NotFound:
    return NotFound(translate("Enrollment", "There is no class group with the id %1.").replace("%1", str(group_id)))


def _portal_register(session: Session, action: PortalAction, group: rules.GroupFacts, seeker: rules.Seeker,
                     mine: list[rules.Held], groups_now: dict[int, rules.GroupFacts]
                     ) -> tuple[tuple[rules.Refusal, ...], EnrollmentResult | None]:
    """The place (the conditional update has the last word) and the enrollment; the facts kept current."""
    try:
        taken = _take_seat(session, group, seeker, allow_over_limit=False)
    except EnrollmentRefused as full:
        return full.refusals, None
    # The same student in the same group twice is refused by the rulebook (the standing enrollments
    # were read under the lock); the unique index behind it ends the batch (see ``_one``).
    enrollment_id = session.execute(_PORTAL_ENROLLMENT, {
        "student_id": action.student_id, "group_id": group.id, "registration_id": action.registration_id,
        "created_at": action.at, "share_id": taken.share_id}).scalar_one()
    now = replace(group.with_seat_taken(rules.Seat(taken.share_id)), enrolled=taken.enrolled, seat_limit=taken.limit)
    groups_now[group.id] = now
    mine.append(rules.Held(enrollment_id, now, action.registration_id))
    return (), EnrollmentResult(enrollment_id, action.student_id, group.id, False, taken.enrolled, taken.limit,
                                share_id=taken.share_id)


def _portal_unregister(session: Session, action: PortalAction, standing: rules.Held, mine: list[rules.Held],
                       groups_now: dict[int, rules.GroupFacts]) -> Change:
    source, over_limit, share_id = session.execute(_PORTAL_CANCEL, {"enrollment": standing.enrollment_id,
                                                                    "at": action.at}).one()
    _release_seat(session, standing.group.id, share_id)
    mine.remove(standing)
    group = groups_now.get(standing.group.id)
    if group is not None:
        groups_now[group.id] = group.with_seat_taken(rules.Seat(share_id), -1)
    return _portal_change(action, standing.enrollment_id, EnrollmentStatus.CANCELLED, source, over_limit)


def _portal_change(action: PortalAction, enrollment_id: int, status: EnrollmentStatus,
                   source: EnrollmentSource = EnrollmentSource.PORTAL, over_limit: bool = False) -> Change:
    after = {"group_id": action.group_id, "status": status, "source": source, "over_limit": over_limit,
             "registration_id": action.registration_id}
    before = {"status": EnrollmentStatus.ACCEPTED} if status is EnrollmentStatus.CANCELLED else None
    return Change("enrollment", enrollment_id, action.student_id, before, after, None, at=action.at)


def _record_portal(uow: UnitOfWork, changes: list[tuple[EnrollmentAction, Change]]) -> None:
    """The audit entries and queued changes, in the order the students acted: a bulk write per run of one kind."""
    run: list[Change] = []
    for index, (kind, change) in enumerate(changes):
        run.append(change)
        if index + 1 == len(changes) or changes[index + 1][0] is not kind:
            uow.record_changes(kind, run)
            run = []


class EnrollmentAction(Action):
    """What is done to a student's place in a class group: at the desk, or by the student on the portal."""

    CREATE = "enrollment.create"
    OVERRIDE = "enrollment.override"  # enrolled over the group's limit
    CANCEL = "enrollment.cancel"
    MOVE = "enrollment.move"
    FROM_WAITING_LIST = "enrollment.from_waiting_list"  # a freed seat given to the first on its waiting list
    PORTAL_REGISTER = "enrollment.portal_register"
    PORTAL_UNREGISTER = "enrollment.portal_unregister"
    TOKEN_REGISTER = "enrollment.token_register"  # a token request from the basket, carried out at a break
    TOKEN_UNREGISTER = "enrollment.token_unregister"
    EXCHANGE = "enrollment.exchange"  # moved by an exchange (a wish carried out, or a clerk's swap)
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
        if self is EnrollmentAction.EXCHANGE:
            return Description(translate("History", "Exchanged from %1 to %2").replace(
                "%1", shown.names.group(shown.before.get("group_id"))).replace("%2", group),
                frozenset({"group_id", "enrollment_id"}))
        if self is EnrollmentAction.MOVE:
            return Description(translate("History", "Moved from %1 to %2").replace("%1", shown.names.group(shown.before.get("group_id")))
                               .replace("%2", group), frozenset({"group_id", "enrollment_id"}))
        if self is EnrollmentAction.OVERRIDE and shown.after.get("despite_clash") and not shown.after.get("over_limit"):
            return Description(translate("History", "Enrolled in %1 despite a timetable clash").replace("%1", group),
                               frozenset({"group_id", "despite_clash"}))
        words = {
            EnrollmentAction.CREATE: translate("History", "Enrolled in %1"),
            EnrollmentAction.OVERRIDE: translate("History", "Enrolled over the limit in %1"),
            EnrollmentAction.CANCEL: translate("History", "Unenrolled from %1"),
            EnrollmentAction.PORTAL_REGISTER: translate("History", "Registered on the portal in %1"),
            EnrollmentAction.FROM_WAITING_LIST: translate("History", "Enrolled in %1 from its waiting list"),
            EnrollmentAction.PORTAL_UNREGISTER: translate("History", "Unregistered on the portal from %1"),
            EnrollmentAction.TOKEN_REGISTER: translate("History", "Registered by a token request in %1"),
            EnrollmentAction.TOKEN_UNREGISTER: translate("History", "Unregistered by a token request from %1"),
        }[self]
        return Description(words.replace("%1", group), frozenset({"group_id"}))
