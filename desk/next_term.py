"""Next term from this one: a term's registrations, rounds, access rules, offer and class groups, copied to another term.

The plan is a preview that writes nothing; applying it creates what is new in one transaction and
one change set (a head entry for the copy, one entry per created record pointing at it). What
students did (enrollments, grants, requests, tokens, payments) is never copied: the copied groups
start empty. Natural keys decide what already exists in the target: a group by course, class type
and number in the target term; a registration by its code for the target term. Rounds, access
rules and offered courses go with their registration. Applying a second time creates nothing.
"""

from __future__ import annotations

import enum
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk.changes import Action, Change, Description, Shown
from desk.clock import DEFAULT_TIME_ZONE, as_utc, format_local, local_to_utc, to_local
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.labels import group_label
from desk.institution import TIME_ZONE
from desk.model import (
    AccessRule,
    ClassGroup,
    ClassType,
    Course,
    GroupTeacher,
    Level,
    OrgUnit,
    Person,
    Programme,
    Registration,
    RegistrationCourse,
    RegistrationKind,
    Round,
    RoundStatus,
    Setting,
    StudyMode,
    Term,
    TimetableSlot,
    TokenAllocationRule,
    TokenType,
)
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork

Progress = Callable[[int, int, str], None]
CODE_LENGTH = 40  # Registration.code


class Kind(enum.StrEnum):
    """The kinds of item a plan lists."""

    REGISTRATION = "registration"
    ROUND = "round"
    ACCESS_RULE = "access_rule"
    OFFERED_COURSE = "offered_course"
    CLASS_GROUP = "class_group"
    TOKEN_RULE = "token_allocation_rule"


class Status(enum.StrEnum):
    NEW = "new"  # created in the target when the plan is applied
    EXISTS = "exists"  # already in the target: left as it is
    KEPT = "kept"  # not bound to a term: in force for the target as it is, nothing to copy


@dataclass(frozen=True)
class RoundCopy:
    source_id: int
    name: str
    starts_at: datetime  # moved by the gap between the terms' starts
    ends_at: datetime
    unregister_allowed: bool
    micro_round_minutes: int | None
    micro_break_minutes: int | None
    status: Status
    problem: str | None = None  # why the moved round cannot be created
    # Its audience by rule, copied (programme id, level, mode, stage); a list of students and turns are the
    # term's own, not copied.
    audience: tuple = (None, None, None, None)

    @property
    def state(self) -> RoundStatus:
        """A copied round is prepared: it opens by the clock at its moved start."""
        return RoundStatus.PREPARING


@dataclass(frozen=True)
class RuleCopy:
    source_id: int
    programme_id: int | None
    programme_code: str | None
    level: Level | None
    mode: StudyMode | None
    stage: int | None
    status: Status


@dataclass(frozen=True)
class CourseOffer:
    course_id: int
    course_code: str
    status: Status


@dataclass(frozen=True)
class RegistrationCopy:
    source_id: int
    source_code: str
    code: str  # in the target term
    name: str
    unit_id: int
    unit_code: str
    kind: RegistrationKind
    token_type_id: int | None
    token_type_code: str | None
    selection_limit: int | None
    entitled_only: bool
    message: str | None
    status: Status
    existing_id: int | None
    rounds: tuple[RoundCopy, ...]
    rules: tuple[RuleCopy, ...]
    courses: tuple[CourseOffer, ...]
    problem: str | None = None
    clash_check: bool = True
    exchanges: bool = False
    waiting_lists: bool = False


@dataclass(frozen=True)
class SlotCopy:
    weekday: int
    starts_at: time
    ends_at: time
    room: str | None
    building: str | None


@dataclass(frozen=True)
class GroupCopy:
    source_id: int
    course_id: int
    course_code: str
    unit_id: int
    class_type: ClassType
    number: int
    seat_limit: int
    lower_limit: int
    description: str | None
    teacher_ids: tuple[int, ...]
    teachers: tuple[str, ...]
    slots: tuple[SlotCopy, ...]
    status: Status
    existing_id: int | None

    @property
    def label(self) -> str:
        return group_label(self.course_code, self.class_type, self.number)


@dataclass(frozen=True)
class TokenRuleLine:
    id: int
    token_type_code: str
    level: Level | None
    mode: StudyMode | None
    amount: int
    status: Status = Status.KEPT


@dataclass(frozen=True)
class NextTermPlan:
    """What copying the source term to the target would do; nothing is written making it."""

    source_term_id: int
    source_code: str
    target_term_id: int
    target_code: str
    shift_days: int
    registrations: tuple[RegistrationCopy, ...]
    groups: tuple[GroupCopy, ...]
    token_rules: tuple[TokenRuleLine, ...]

    def counts(self) -> dict[Kind, dict[Status, int]]:
        """How many items of each kind are new, already exist, or are kept."""
        counts: dict[Kind, dict[Status, int]] = {kind: {status: 0 for status in Status} for kind in Kind}
        for registration in self.registrations:
            counts[Kind.REGISTRATION][registration.status] += 1
            for items, kind in ((registration.rounds, Kind.ROUND), (registration.rules, Kind.ACCESS_RULE),
                                (registration.courses, Kind.OFFERED_COURSE)):
                for item in items:
                    counts[kind][item.status] += 1
        for group in self.groups:
            counts[Kind.CLASS_GROUP][group.status] += 1
        counts[Kind.TOKEN_RULE][Status.KEPT] = len(self.token_rules)
        return counts

    @property
    def problems(self) -> tuple[str, ...]:
        """Why the plan cannot be applied as it stands (empty: it can)."""
        found: list[str] = []
        for registration in self.registrations:
            if registration.status is not Status.NEW:
                continue
            if registration.problem:
                found.append(registration.problem)
            found.extend(r.problem for r in registration.rounds if r.problem)
        return tuple(found)

    @property
    def new_count(self) -> int:
        return sum(c[Status.NEW] for c in self.counts().values())


@dataclass(frozen=True)
class NextTermResult:
    """What applying created: the change set's head (None when nothing was new) and counts by kind."""

    change_set_id: int | None
    created: Mapping[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.created.values())


# --- the plan ------------------------------------------------------------------------------------


def target_code(code: str, source_code: str, target_code_: str) -> str:
    """A registration's code for the target term: the source term's code replaced, else the target's appended."""
    if source_code and source_code.lower() in code.lower():
        return re.sub(re.escape(source_code), lambda _found: target_code_, code, flags=re.IGNORECASE)
    return f"{code}-{target_code_}"


def plan_next_term(uow: UnitOfWork, source_term_id: int, target_term_id: int, *,
                   progress: Progress | None = None) -> NextTermPlan:
    """The preview of copying the source term to the target: every item, new or already there."""
    uow.require(Permission.MANAGE_REGISTRATIONS)
    with uow.read() as session:
        return _plan(session, uow.now, source_term_id, target_term_id, progress or _silent)


def _silent(_done: int, _total: int, _message: str) -> None:
    return None


def _zone(session: Session) -> str:
    zone = session.scalar(select(Setting.value).where(Setting.key == TIME_ZONE)) or DEFAULT_TIME_ZONE
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return DEFAULT_TIME_ZONE
    return zone


def _terms(session: Session, source_term_id: int, target_term_id: int) -> tuple[Term, Term]:
    if source_term_id == target_term_id:
        raise DomainError(translate("NextTerm", "Choose a target term other than the source term."))
    source, target = session.get(Term, source_term_id), session.get(Term, target_term_id)
    for term, wanted in ((source, source_term_id), (target, target_term_id)):
        if term is None:
            raise NotFound(translate("NextTerm", "There is no term with the id %1.").replace("%1", str(wanted)))
    assert source is not None and target is not None
    # A copy goes forward: a target that overlaps the source (or comes before it) would hold two
    # terms' registrations at once, so it is refused rather than guessed at.
    if target.starts_on <= source.ends_on:
        raise DomainError(
            translate("NextTerm", "The term %1 starts on %2, before %3 ends (%4): copy to a term that starts later.")
            .replace("%1", target.code).replace("%2", target.starts_on.isoformat())
            .replace("%3", source.code).replace("%4", source.ends_on.isoformat())
        )
    return source, target


def _moved(value: datetime, days: int, zone: str) -> datetime:
    """An instant moved by whole days at the same wall-clock time in the institution's zone (summer time kept right)."""
    local = to_local(value, zone).replace(tzinfo=None)
    return local_to_utc(local + timedelta(days=days), zone)


def _round_problem(name: str, starts_at: datetime, ends_at: datetime, now: datetime, target: Term, zone: str) -> str | None:
    # A copied round is prepared for the target: it must still be to come, and over by the term's end.
    if as_utc(starts_at) <= as_utc(now):
        return (translate("NextTerm", "The round \u201c%1\u201d would start on %2, which has already passed.")
                .replace("%1", name).replace("%2", format_local(starts_at, zone)))
    last = local_to_utc(datetime.combine(target.ends_on + timedelta(days=1), time()), zone)
    if as_utc(ends_at) > last:
        return (translate("NextTerm", "The round \u201c%1\u201d would end on %2, after the term %3 ends (%4).")
                .replace("%1", name).replace("%2", format_local(ends_at, zone))
                .replace("%3", target.code).replace("%4", target.ends_on.isoformat()))
    return None


def _plan(session: Session, now: datetime, source_term_id: int, target_term_id: int, progress: Progress) -> NextTermPlan:
    source, target = _terms(session, source_term_id, target_term_id)
    zone = _zone(session)
    shift = (target.starts_on - source.starts_on).days
    steps = 4
    progress(0, steps, translate("NextTerm", "Reading registrations…"))
    registrations = _registration_copies(session, now, source, target, shift, zone)
    progress(1, steps, translate("NextTerm", "Reading class groups…"))
    groups = _group_copies(session, source, target)
    progress(3, steps, translate("NextTerm", "Reading token allocation rules…"))
    token_rules = tuple(
        TokenRuleLine(rule_id, code, level, mode, amount)
        for rule_id, code, level, mode, amount in session.execute(
            select(TokenAllocationRule.id, TokenType.code, TokenAllocationRule.level, TokenAllocationRule.mode,
                   TokenAllocationRule.amount)
            .join(TokenType, TokenType.id == TokenAllocationRule.token_type_id)
            .where(TokenAllocationRule.active.is_(True))
            .order_by(TokenType.code, TokenAllocationRule.id)
        )
    )
    progress(steps, steps, "")
    return NextTermPlan(source.id, source.code, target.id, target.code, shift, registrations, groups, token_rules)


def _registration_copies(session: Session, now: datetime, source: Term, target: Term, shift: int,
                         zone: str) -> tuple[RegistrationCopy, ...]:
    rows = session.execute(
        select(Registration, OrgUnit.code, TokenType.code)
        .join(OrgUnit, OrgUnit.id == Registration.unit_id)
        .outerjoin(TokenType, TokenType.id == Registration.token_type_id)
        .where(Registration.term_id == source.id)
        .order_by(Registration.code)
    ).all()
    ids = [row[0].id for row in rows]
    codes = {row[0].id: target_code(row[0].code, source.code, target.code) for row in rows}
    holders = {
        code.lower(): (registration_id, term_id)
        for registration_id, code, term_id in session.execute(
            select(Registration.id, Registration.code, Registration.term_id)
            .where(func.lower(Registration.code).in_([c.lower() for c in codes.values()]))
        )
    } if codes else {}
    rounds: dict[int, list[Round]] = defaultdict(list)
    rules: dict[int, list[tuple[AccessRule, str | None]]] = defaultdict(list)
    offers: dict[int, list[tuple[int, str]]] = defaultdict(list)
    if ids:
        for row in session.scalars(select(Round).where(Round.registration_id.in_(ids)).order_by(Round.starts_at, Round.id)):
            rounds[row.registration_id].append(row)
        for rule, programme_code in session.execute(
            select(AccessRule, Programme.code).outerjoin(Programme, Programme.id == AccessRule.programme_id)
            .where(AccessRule.registration_id.in_(ids)).order_by(AccessRule.id)
        ):
            rules[rule.registration_id].append((rule, programme_code))
        for registration_id, course_id, course_code in session.execute(
            select(RegistrationCourse.registration_id, Course.id, Course.code)
            .join(Course, Course.id == RegistrationCourse.course_id)
            .where(RegistrationCourse.registration_id.in_(ids)).order_by(Course.code)
        ):
            offers[registration_id].append((course_id, course_code))
    copies = []
    for registration, unit_code, token_code in rows:
        code = codes[registration.id]
        holder = holders.get(code.lower())
        existing_id = holder[0] if holder is not None and holder[1] == target.id else None
        status = Status.EXISTS if existing_id is not None else Status.NEW
        problem = None
        if holder is not None and existing_id is None:
            problem = (translate("NextTerm", "The code %1 is already used by a registration of another term.")
                       .replace("%1", code))
        elif len(code) > CODE_LENGTH:
            problem = (translate("NextTerm", "The code %1 would be longer than %2 characters.")
                       .replace("%1", code).replace("%2", str(CODE_LENGTH)))
        round_copies = []
        for row in rounds[registration.id]:
            try:
                starts_at, ends_at = _moved(row.starts_at, shift, zone), _moved(row.ends_at, shift, zone)
            except OverflowError:
                starts_at, ends_at = row.starts_at, row.ends_at
                round_problem = (translate("NextTerm", "The round \u201c%1\u201d cannot be moved that far.")
                                 .replace("%1", row.name))
            else:
                round_problem = _round_problem(row.name, starts_at, ends_at, now, target, zone)
            round_copies.append(RoundCopy(row.id, row.name, starts_at, ends_at, row.unregister_allowed,
                                          row.micro_round_minutes, row.micro_break_minutes, status,
                                          round_problem if status is Status.NEW else None,
                                          (row.audience_programme_id, row.audience_level, row.audience_mode,
                                           row.audience_stage)))
        copies.append(RegistrationCopy(
            source_id=registration.id, source_code=registration.code, code=code, name=registration.name,
            unit_id=registration.unit_id, unit_code=unit_code, kind=registration.kind,
            token_type_id=registration.token_type_id, token_type_code=token_code,
            selection_limit=registration.selection_limit, entitled_only=registration.entitled_only,
            clash_check=registration.clash_check, exchanges=registration.exchanges,
            waiting_lists=registration.waiting_lists, message=registration.message, status=status,
            existing_id=existing_id, rounds=tuple(round_copies),
            rules=tuple(RuleCopy(rule.id, rule.programme_id, programme_code, rule.level, rule.mode, rule.stage, status)
                        for rule, programme_code in rules[registration.id]),
            courses=tuple(CourseOffer(course_id, course_code, status) for course_id, course_code in offers[registration.id]),
            problem=problem,
        ))
    return tuple(copies)


def _group_copies(session: Session, source: Term, target: Term) -> tuple[GroupCopy, ...]:
    # Plain column tuples, not ORM objects: a term has thousands of groups.
    existing = {
        (course_id, ClassType(class_type), number): group_id
        for group_id, course_id, class_type, number in session.execute(
            select(ClassGroup.id, ClassGroup.course_id, ClassGroup.class_type, ClassGroup.number)
            .where(ClassGroup.term_id == target.id)
        )
    }
    teachers: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for group_id, person_id, first, last in session.execute(
        select(GroupTeacher.group_id, Person.id, Person.first_name, Person.last_name)
        .join(Person, Person.id == GroupTeacher.person_id)
        .join(ClassGroup, ClassGroup.id == GroupTeacher.group_id)
        .where(ClassGroup.term_id == source.id)
        .order_by(GroupTeacher.group_id, Person.sort_key, Person.id)
    ):
        teachers[group_id].append((person_id, f"{first} {last}"))
    slots: dict[int, list[SlotCopy]] = defaultdict(list)
    for group_id, weekday, starts_at, ends_at, room, building in session.execute(
        select(TimetableSlot.group_id, TimetableSlot.weekday, TimetableSlot.starts_at, TimetableSlot.ends_at,
               TimetableSlot.room, TimetableSlot.building)
        .join(ClassGroup, ClassGroup.id == TimetableSlot.group_id)
        .where(ClassGroup.term_id == source.id)
        .order_by(TimetableSlot.group_id, TimetableSlot.weekday, TimetableSlot.starts_at, TimetableSlot.id)
    ):
        slots[group_id].append(SlotCopy(weekday, starts_at, ends_at, room, building))
    copies = []
    for group_id, course_id, code, unit_id, class_type, number, seat_limit, lower_limit, description in session.execute(
        select(ClassGroup.id, ClassGroup.course_id, Course.code, Course.unit_id, ClassGroup.class_type, ClassGroup.number,
               ClassGroup.seat_limit, ClassGroup.lower_limit, ClassGroup.description)
        .join(Course, Course.id == ClassGroup.course_id)
        .where(ClassGroup.term_id == source.id)
        .order_by(Course.code, ClassGroup.class_type, ClassGroup.number)
    ):
        class_type = ClassType(class_type)
        existing_id = existing.get((course_id, class_type, number))
        people = teachers.get(group_id, [])
        copies.append(GroupCopy(
            source_id=group_id, course_id=course_id, course_code=code, unit_id=unit_id, class_type=class_type,
            number=number, seat_limit=seat_limit, lower_limit=lower_limit or 0, description=description,
            teacher_ids=tuple(p for p, _ in people), teachers=tuple(n for _, n in people),
            slots=tuple(slots.get(group_id, ())), status=Status.EXISTS if existing_id is not None else Status.NEW,
            existing_id=existing_id,
        ))
    return tuple(copies)


# --- applying it ---------------------------------------------------------------------------------


class NextTermAction(Action):
    """A term copied to the next: the copy as one change set, and each record it created."""

    COPIED = "next_term.copy"
    REGISTRATION = "next_term.registration"
    ROUND = "next_term.round"
    ACCESS_RULE = "next_term.access_rule"
    CLASS_GROUP = "next_term.class_group"

    def describe(self, shown: Shown) -> Description:
        a, names = shown.after, shown.names
        if self is NextTermAction.COPIED:
            return Description(
                translate("History", "Term %1 copied to %2 (registrations: %3, class groups: %4)")
                .replace("%1", str(a.get("source", ""))).replace("%2", str(a.get("target", "")))
                .replace("%3", str(a.get("registrations", 0))).replace("%4", str(a.get("class_groups", 0))),
                frozenset({"source", "target", "registrations", "class_groups"}),
            )
        if self is NextTermAction.REGISTRATION:
            return Description(
                translate("History", "Registration %1 copied from %2")
                .replace("%1", str(a.get("code") or names.registration(shown.entity_id)))
                .replace("%2", str(a.get("copied_from", ""))),
                frozenset({"code", "copied_from"}),
            )
        if self is NextTermAction.ROUND:
            return Description(
                translate("History", "Round \u201c%1\u201d copied to %2")
                .replace("%1", str(a.get("name", ""))).replace("%2", names.registration(a.get("registration_id"))),
                frozenset({"name", "registration_id"}),
            )
        if self is NextTermAction.ACCESS_RULE:
            return Description(translate("History", "Access rule copied to %1")
                               .replace("%1", names.registration(a.get("registration_id"))), frozenset({"registration_id"}))
        return Description(translate("History", "Class group %1 copied").replace("%1", names.group(shown.entity_id)))


def apply_next_term(uow: UnitOfWork, plan_or_ids: NextTermPlan | tuple[int, int], reason: str, *,
                    progress: Progress | None = None) -> NextTermResult:
    """Create what the plan lists as new, all or nothing, as one change set.

    The plan is made again inside the write transaction (what another clerk created meanwhile
    exists now), so a plan shown a while ago is never applied stale.
    """
    progress = progress or _silent
    if isinstance(plan_or_ids, NextTermPlan):
        source_term_id, target_term_id = plan_or_ids.source_term_id, plan_or_ids.target_term_id
    else:
        source_term_id, target_term_id = plan_or_ids
    reason = (reason or "").strip()
    uow.require(Permission.MANAGE_REGISTRATIONS)
    if not reason:
        raise DomainError(translate("NextTerm", "Say why the term is copied; the reason is kept with the copy."))
    with uow.write() as session:
        plan = _plan(session, uow.now, source_term_id, target_term_id, _silent)
        problems = plan.problems
        if problems:
            more = len(problems) - 3
            text = "\n".join(problems[:3])
            if more > 0:
                text += "\n" + translate("NextTerm", "and %1 more").replace("%1", str(more))
            raise DomainError(translate("NextTerm", "Nothing was copied:") + "\n" + text)
        new_registrations = [r for r in plan.registrations if r.status is Status.NEW]
        new_groups = [g for g in plan.groups if g.status is Status.NEW]
        if not new_registrations and not new_groups:
            return NextTermResult(None, {})
        for unit_id in sorted({r.unit_id for r in new_registrations}):
            uow.require(Permission.MANAGE_REGISTRATIONS, unit_id)
            uow.require(Permission.MANAGE_ACCESS, unit_id)
        for unit_id in sorted({g.unit_id for g in new_groups}):
            uow.require(Permission.MANAGE_GROUPS, unit_id)
        counts = {
            "registrations": len(new_registrations),
            "rounds": sum(len(r.rounds) for r in new_registrations),
            "access_rules": sum(len(r.rules) for r in new_registrations),
            "offered_courses": sum(len(r.courses) for r in new_registrations),
            "class_groups": len(new_groups),
            "timetable_slots": sum(len(g.slots) for g in new_groups),
            "teachers": sum(len(g.teacher_ids) for g in new_groups),
        }
        head_after = {"source": plan.source_code, "target": plan.target_code, "shift_days": plan.shift_days, **counts}
        with uow.change_set(NextTermAction.COPIED, entity="term_copy", after=head_after, reason=reason) as head:
            try:
                progress(0, 2, translate("NextTerm", "Creating class groups…"))
                changes = _create_groups(session, plan, new_groups, reason)
                progress(1, 2, translate("NextTerm", "Creating registrations…"))
                changes += _create_registrations(session, uow, plan, new_registrations, reason)
            except IntegrityError:
                # A group or a registration with the same key was created meanwhile (another clerk's
                # copy, on PostgreSQL, where two copies may run at once): this one is undone whole.
                raise DomainError(translate("NextTerm", "Some of these records were created in the target term "
                                                        "meanwhile. Nothing was copied; look at the preview again.")) from None
            _record_by_action(uow, changes)
            progress(2, 2, "")
        return NextTermResult(head, counts)


def _record_by_action(uow: UnitOfWork, changes: list[tuple[NextTermAction, Change]]) -> None:
    by_action: dict[NextTermAction, list[Change]] = defaultdict(list)
    for action, change in changes:
        by_action[action].append(change)
    for action, listed in by_action.items():
        uow.record_changes(action, listed)


def _inserted_ids(session: Session, model, rows: list[dict[str, Any]]) -> list[int]:
    """Insert many rows in one statement per batch and hand back their ids in the rows' order."""
    if not rows:
        return []
    # The table's INSERT, not the ORM's bulk path: thousands of rows without per-row ORM bookkeeping.
    table = model.__table__
    result = session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
    return list(result.scalars())


def _create_groups(session: Session, plan: NextTermPlan, groups: list[GroupCopy],
                   reason: str) -> list[tuple[NextTermAction, Change]]:
    ids = _inserted_ids(session, ClassGroup, [
        {"course_id": g.course_id, "term_id": plan.target_term_id, "class_type": g.class_type, "number": g.number,
         "seat_limit": g.seat_limit, "lower_limit": g.lower_limit, "enrolled_count": 0, "over_limit_count": 0,
         "description": g.description}
        for g in groups
    ])
    teacher_rows = [{"group_id": new_id, "person_id": person_id}
                    for new_id, g in zip(ids, groups) for person_id in g.teacher_ids]
    slot_rows = [{"group_id": new_id, "weekday": s.weekday, "starts_at": s.starts_at, "ends_at": s.ends_at,
                  "room": s.room, "building": s.building}
                 for new_id, g in zip(ids, groups) for s in g.slots]
    if teacher_rows:
        session.execute(insert(GroupTeacher.__table__), teacher_rows)
    if slot_rows:
        session.execute(insert(TimetableSlot.__table__), slot_rows)
    return [
        (NextTermAction.CLASS_GROUP, Change("class_group", new_id, after={
            "course_id": g.course_id, "term_id": plan.target_term_id, "class_type": g.class_type, "number": g.number,
            "seat_limit": g.seat_limit, "lower_limit": g.lower_limit, "description": g.description,
            "teacher_ids": list(g.teacher_ids),
            "slots": [{"weekday": s.weekday, "starts_at": s.starts_at.isoformat(timespec="minutes"),
                       "ends_at": s.ends_at.isoformat(timespec="minutes"), "room": s.room, "building": s.building}
                      for s in g.slots],
            "copied_from": g.source_id,
        }, reason=reason))
        for new_id, g in zip(ids, groups)
    ]


def _create_registrations(session: Session, uow: UnitOfWork, plan: NextTermPlan, registrations: list[RegistrationCopy],
                          reason: str) -> list[tuple[NextTermAction, Change]]:
    ids = _inserted_ids(session, Registration, [
        {"code": r.code, "name": r.name, "unit_id": r.unit_id, "term_id": plan.target_term_id, "kind": r.kind,
         "token_type_id": r.token_type_id, "message": r.message, "selection_limit": r.selection_limit,
         "entitled_only": r.entitled_only, "clash_check": r.clash_check, "exchanges": r.exchanges,
         "waiting_lists": r.waiting_lists}
        for r in registrations
    ])
    offered = [{"registration_id": new_id, "course_id": c.course_id}
               for new_id, r in zip(ids, registrations) for c in r.courses]
    if offered:
        session.execute(insert(RegistrationCourse.__table__), offered)
    owners = [(new_id, item) for new_id, r in zip(ids, registrations) for item in r.rounds]
    round_ids = _inserted_ids(session, Round, [
        {"registration_id": new_id, "name": item.name, "starts_at": item.starts_at, "ends_at": item.ends_at,
         "status": RoundStatus.PREPARING, "unregister_allowed": item.unregister_allowed,
         "micro_round_minutes": item.micro_round_minutes, "micro_break_minutes": item.micro_break_minutes,
         "audience_programme_id": item.audience[0], "audience_level": item.audience[1],
         "audience_mode": item.audience[2], "audience_stage": item.audience[3], "audience_listed": False}
        for new_id, item in owners
    ])
    rule_owners = [(new_id, rule) for new_id, r in zip(ids, registrations) for rule in r.rules]
    rule_ids = _inserted_ids(session, AccessRule, [
        {"registration_id": new_id, "programme_id": rule.programme_id, "level": rule.level, "mode": rule.mode,
         "stage": rule.stage, "created_by_id": uow.staff_id, "created_at": uow.now}
        for new_id, rule in rule_owners
    ])
    changes: list[tuple[NextTermAction, Change]] = []
    for new_id, r in zip(ids, registrations):
        changes.append((NextTermAction.REGISTRATION, Change("registration", new_id, after={
            "code": r.code, "name": r.name, "unit_id": r.unit_id, "term_id": plan.target_term_id, "kind": r.kind,
            "token_type_id": r.token_type_id, "selection_limit": r.selection_limit, "entitled_only": r.entitled_only,
            "clash_check": r.clash_check, "exchanges": r.exchanges, "waiting_lists": r.waiting_lists,
            "message": r.message, "course_ids": sorted(c.course_id for c in r.courses), "copied_from": r.source_code,
        }, reason=reason)))
    for round_id, (new_id, item) in zip(round_ids, owners):
        after = {"name": item.name, "starts_at": item.starts_at, "ends_at": item.ends_at,
                 "unregister_allowed": item.unregister_allowed, "micro_round_minutes": item.micro_round_minutes,
                 "micro_break_minutes": item.micro_break_minutes}
        changes.append((NextTermAction.ROUND, Change("round", round_id, after={"registration_id": new_id, **after},
                                                     reason=reason)))
    for rule_id, (new_id, rule) in zip(rule_ids, rule_owners):
        changes.append((NextTermAction.ACCESS_RULE, Change("access_rule", rule_id, after={
            "registration_id": new_id, "programme_id": rule.programme_id, "level": rule.level, "mode": rule.mode,
            "stage": rule.stage}, reason=reason)))
    return changes


def term_id_by_code(uow: UnitOfWork, code: str) -> int:
    """The id of the term with this code (any case), or NotFound."""
    with uow.read() as session:
        found = session.scalar(select(Term.id).where(func.lower(Term.code) == code.strip().lower()))
    if found is None:
        raise NotFound(translate("NextTerm", "There is no term %1.").replace("%1", code.strip()))
    return found


def term_choices(uow: UnitOfWork) -> list[tuple[int, str, str, date, date]]:
    """Every term as (id, code, name, starts, ends), earliest first: what the copy is chosen from."""
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        return [tuple(row) for row in session.execute(
            select(Term.id, Term.code, Term.name, Term.starts_on, Term.ends_on).order_by(Term.starts_on, Term.code))]
