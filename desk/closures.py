"""Closing a group and moving many students: a preview of where each student goes (and who cannot be placed, and
why), then exactly that, in one change set with one reason.

Closing a group (one that did not reach its lower limit, say) spreads its students over the sibling
groups of the same course, term and class type: each student, in the order they enrolled, goes to
the sibling with the most seats free for them that the rulebook allows (limits, the timetable,
dedicated seats); a student no sibling takes stays, and the preview says why. The group is then
closed: it takes no one, and stays visible as closed. Moving selected students to one group is
previewed the same way. The preview is a plan; applying it plans again under the groups' locks and
refuses if anything changed meanwhile, so what is applied is what was shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desk import bounds, rule_facts, rules
from desk.changes import Action, Description, Shown
from desk.enrollment import EnrollmentAction, Planned, _reason, _require_clerk, write_moves
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.labels import group_label
from desk.model import ClassGroup, Course, Enrollment, EnrollmentSource, EnrollmentStatus, Person, Registration, Student
from desk.refusals import describe
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork


class ClosureAction(Action):
    """A group closed (its students spread) or opened again; many students moved to one group."""

    CLOSE = "class_group.close"
    REOPEN = "class_group.reopen"
    MOVE_PLANNED = "enrollment.move_planned"  # the head of a previewed move of many students

    def describe(self, shown: Shown) -> Description:
        group = shown.names.group(shown.entity_id if self is not ClosureAction.MOVE_PLANNED
                                  else shown.after.get("group_id"))
        words = {
            ClosureAction.CLOSE: translate("History", "Group %1 closed: %2 students moved to its siblings"),
            ClosureAction.REOPEN: translate("History", "Group %1 opened again"),
            ClosureAction.MOVE_PLANNED: translate("History", "%2 students moved to %1 as previewed"),
        }[self]
        return Description(words.replace("%1", group).replace("%2", str(shown.after.get("moved", ""))),
                           frozenset({"moved", "group_id"}))


@dataclass(frozen=True)
class Placement:
    """Where one student goes (``to_group_id`` None: nowhere, and why: each group's first refusal)."""

    enrollment_id: int
    student_id: int
    student_number: str
    student_name: str
    to_group_id: int | None
    to_group: str
    refusals: tuple[rules.Refusal, ...] = ()

    @property
    def why(self) -> str:
        return " ".join(describe(r) for r in self.refusals)


@dataclass(frozen=True)
class Target:
    group_id: int
    label: str
    free_before: int
    free_after: int


@dataclass(frozen=True)
class Plan:
    """A preview: the group closed (or moved to), each student's placement, and the groups that take them."""

    group_id: int
    label: str
    closing: bool
    placements: tuple[Placement, ...]
    targets: tuple[Target, ...]

    @property
    def placed(self) -> tuple[Placement, ...]:
        return tuple(p for p in self.placements if p.to_group_id is not None)

    @property
    def not_placed(self) -> tuple[Placement, ...]:
        return tuple(p for p in self.placements if p.to_group_id is None)

    def key(self) -> tuple:
        return tuple((p.enrollment_id, p.to_group_id) for p in self.placements)


@dataclass(frozen=True)
class Applied:
    moved: int
    stayed: int
    change_set_id: int | None


def _label(facts: rules.GroupFacts) -> str:
    return group_label(facts.course_code, facts.class_type, facts.number)


def _group(session: Session, group_id: int) -> ClassGroup:
    bounds.RECORD_ID.check(group_id)
    group = session.get(ClassGroup, group_id)
    if group is None:
        raise NotFound(translate("Groups", "That class group no longer exists."))
    return group


def _plan(session: Session, uow: UnitOfWork, group: ClassGroup, enrollments: list, target_ids: list[int], *,
          closing: bool, lock: bool) -> tuple[Plan, tuple[dict, dict]]:
    """Each enrollment, in the order given, to the target with the most seats free for its student that the rulebook
    allows (a closure: any sibling; a move: the one target)."""
    students = sorted({e.student_id for e in enrollments})
    if lock:
        rule_facts.lock_students(session, students)
    facts = dict(rule_facts.groups(session, {group.id, *target_ids}, lock=lock, now=uow.now))
    initial = dict(facts)
    held = rule_facts.held(session, students, group.term_id)
    seekers = rule_facts.seekers(session, students, facts.values())
    checks = {rid: check for rid, check in session.execute(
        select(Registration.id, Registration.clash_check)
        .where(Registration.id.in_({e.registration_id for e in enrollments if e.registration_id})))}
    names = {sid: (number, f"{first} {last}") for sid, number, first, last in session.execute(
        select(Student.id, Student.student_number, Person.first_name, Person.last_name)
        .join(Person, Person.id == Student.person_id).where(Student.id.in_(students)))}
    before = {gid: facts[gid].seat_limit - facts[gid].enrolled for gid in target_ids}
    placements = []
    for e in enrollments:
        seeker = seekers.get(e.student_id, rules.NOBODY_IN_PARTICULAR)
        moving = rules.Held(e.id, facts[group.id], e.registration_id)
        check = checks.get(e.registration_id, True) is not False
        answers = {gid: rules.move(moving, facts[gid], held.get(e.student_id, ()), clash_check=check, seeker=seeker)
                   for gid in target_ids}
        allowed = [gid for gid, refusals in answers.items() if not refusals]
        number, name = names.get(e.student_id, ("", ""))
        if not allowed:
            placements.append(Placement(e.id, e.student_id, number, name, None, "",
                                        tuple(refusals[0] for refusals in answers.values() if refusals)))
            continue
        best = max(allowed, key=lambda gid: (facts[gid].seat_limit - facts[gid].enrolled, -facts[gid].number))
        seat = facts[best].seat_for(seeker) or rules.Seat(None)
        facts[best] = facts[best].with_seat_taken(seat)
        facts[group.id] = facts[group.id].with_seat_taken(rules.Seat(e.share_id), -1)
        mine = [h for h in held.get(e.student_id, []) if h.enrollment_id != e.id]
        held[e.student_id] = [*mine, rules.Held(0, facts[best], e.registration_id)]
        placements.append(Placement(e.id, e.student_id, number, name, best, _label(facts[best])))
    targets = tuple(Target(gid, _label(facts[gid]), before[gid], facts[gid].seat_limit - facts[gid].enrolled)
                    for gid in sorted(target_ids, key=lambda g: facts[g].number))
    return Plan(group.id, _label(facts[group.id]), closing, tuple(placements), targets), (initial, seekers)


def _standing(session: Session, group_id: int, enrollment_ids: list[int] | None = None) -> list:
    query = (select(Enrollment.id, Enrollment.student_id, Enrollment.registration_id, Enrollment.share_id)
             .where(Enrollment.group_id == group_id, Enrollment.status == EnrollmentStatus.ACCEPTED)
             .order_by(Enrollment.id))
    if enrollment_ids is not None:
        query = query.where(Enrollment.id.in_(enrollment_ids))
    return session.execute(query).all()


def _siblings(session: Session, group: ClassGroup) -> list[int]:
    return list(session.scalars(select(ClassGroup.id).where(
        ClassGroup.course_id == group.course_id, ClassGroup.term_id == group.term_id,
        ClassGroup.class_type == group.class_type, ClassGroup.id != group.id, ClassGroup.closed_at.is_(None))
        .order_by(ClassGroup.number)))


def plan_closure(uow: UnitOfWork, group_id: int) -> Plan:
    """The preview of closing the group: where each of its students would go, and who would stay and why."""
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        group = _group(session, group_id)
        if group.closed_at is not None:
            raise DomainError(translate("Groups", "The group is closed already."))
        return _plan(session, uow, group, _standing(session, group.id), _siblings(session, group), closing=True,
                     lock=False)[0]


def plan_moves(uow: UnitOfWork, enrollment_ids: list[int], to_group_id: int) -> Plan:
    """The preview of moving the selected students (of one group) to another group of the same course."""
    uow.require(Permission.READ_STUDENTS)
    ids = list(dict.fromkeys(enrollment_ids))
    if not ids:
        raise DomainError(translate("Many", "Nothing is selected."))
    with uow.read() as session:
        group = _from_group(session, ids)
        return _plan(session, uow, group, _standing(session, group.id, ids), [_group(session, to_group_id).id],
                     closing=False, lock=False)[0]


def _from_group(session: Session, enrollment_ids: list[int]) -> ClassGroup:
    groups = set(session.scalars(select(Enrollment.group_id).where(Enrollment.id.in_(enrollment_ids))))
    if len(groups) != 1:
        raise DomainError(translate("Groups", "Select students of one group."))
    return _group(session, groups.pop())


def apply_plan(uow: UnitOfWork, plan: Plan, *, reason: str) -> Applied:
    """Carry out a previewed closure or move: planned again under the locks, refused if it differs from the preview,
    then every placed student moved and (a closure) the group closed, in one change set."""
    reason = _reason(reason)
    with uow.write() as session:
        group = _group(session, plan.group_id)
        course_unit = session.scalar(select(Course.unit_id).where(Course.id == group.course_id))
        uow.require(Permission.MANAGE_GROUPS, course_unit)
        if plan.closing:
            if group.closed_at is not None:
                raise DomainError(translate("Groups", "The group is closed already."))
            enrollments, targets = _standing(session, group.id), _siblings(session, group)
        else:
            ids = [p.enrollment_id for p in plan.placements]
            enrollments, targets = _standing(session, group.id, ids), [t.group_id for t in plan.targets]
        again, (running, seekers) = _plan(session, uow, group, enrollments, targets, closing=plan.closing, lock=True)
        if again.key() != plan.key():
            raise DomainError(translate("Groups", "The groups changed since the preview: look at the preview again."))
        action = ClosureAction.CLOSE if plan.closing else ClosureAction.MOVE_PLANNED
        after = {"moved": len(again.placed), "stayed": len(again.not_placed)}
        if not plan.closing:
            after["group_id"] = plan.targets[0].group_id
        standing = {row.id: row for row in enrollments}
        for target_id in {p.to_group_id for p in again.placed}:
            target = _group(session, target_id)
            for placement in again.placed:
                if placement.to_group_id == target_id:
                    _require_clerk(uow, target, placement.student_id)
        with uow.change_set(action, entity="class_group", after=after, reason=reason) as head:
            # Each student's move a set of its own, in the plan's order (each seat chosen as the group then stands).
            write_moves(uow, session, running, seekers, [[Planned(
                p.enrollment_id, p.student_id, group.id, standing[p.enrollment_id].share_id, p.to_group_id,
                standing[p.enrollment_id].registration_id, EnrollmentSource.DESK)] for p in again.placed],
                action=EnrollmentAction.MOVE, reason=reason)
            if plan.closing:
                session.execute(update(ClassGroup).where(ClassGroup.id == group.id).values(closed_at=uow.now)
                                .execution_options(synchronize_session=False))
                uow.record_change(ClosureAction.CLOSE, entity="class_group", entity_id=group.id,
                                  after={"closed": True, **after}, reason=reason)
        return Applied(len(again.placed), len(again.not_placed), head)


def reopen_group(uow: UnitOfWork, group_id: int, *, reason: str) -> None:
    """A closed group takes students again."""
    reason = _reason(reason)
    with uow.write() as session:
        group = _group(session, group_id)
        uow.require(Permission.MANAGE_GROUPS, session.scalar(select(Course.unit_id).where(Course.id == group.course_id)))
        if group.closed_at is None:
            raise DomainError(translate("Groups", "The group is not closed."))
        group.closed_at = None
        uow.record_change(ClosureAction.REOPEN, entity="class_group", entity_id=group.id, after={"closed": False},
                          reason=reason)
