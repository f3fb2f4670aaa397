"""Waiting lists of first-come groups: a freed seat goes to the first student on the list who may still take it.

A registration may keep waiting lists. A student (on the portal, or a clerk for them) joins the list
of a group that has no seat for them; when a seat frees (someone unregisters or is moved out, the
limit rises, dedicated seats are released), the write that freed it asks the list before it commits
(``UnitOfWork.seat_freed``): the first student on it whom the rulebook lets take the seat (admitted,
not in another group of the course, no timetable clash, under the selection limit, a seat for them)
is enrolled in the same transaction, so no racing registration can take the seat first. Each
student passed over keeps why. Clerks see the positions, move a student up or down with a reason,
and remove them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from desk import bounds, rule_facts, rules
from desk.access import Admissions
from desk.changes import Action, Change, Description, Shown
from desk.db import connection_of
from desk.enrollment import EnrollmentAction, EnrollmentRefused, _reason, _require_clerk, _take_seat
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.messages import Message, define
from desk.model import (
    ClassGroup,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    Person,
    Registration,
    RegistrationCourse,
    Student,
    WaitingEntry,
    WaitingStatus,
)
from desk.refusals import message as refusal_message
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork

C = "WaitingLists"
WAITING = define("waiting.waiting", C, QT_TRANSLATE_NOOP("WaitingLists", "Waiting for a seat."))
ENROLLED = define("waiting.enrolled", C, QT_TRANSLATE_NOOP("WaitingLists", "Enrolled when a seat freed."))
REMOVED = define("waiting.removed", C, QT_TRANSLATE_NOOP("WaitingLists", "Removed from the list."))


class WaitingAction(Action):
    """What is done to a waiting list."""

    JOIN = "waiting.join"
    REMOVE = "waiting.remove"
    MOVE = "waiting.move"  # a clerk moves a student up or down
    PASSED_OVER = "waiting.passed_over"  # a seat freed, the student could not take it: why, when it changed

    def describe(self, shown: Shown) -> Description:
        group = shown.names.group(shown.after.get("group_id") or shown.before.get("group_id"))
        words = {
            WaitingAction.JOIN: translate("History", "On the waiting list of %1"),
            WaitingAction.REMOVE: translate("History", "Off the waiting list of %1"),
            WaitingAction.MOVE: translate("History", "Moved on the waiting list of %1 to place %2"),
            WaitingAction.PASSED_OVER: translate("History", "Passed over on the waiting list of %1"),
        }[self]
        return Description(words.replace("%1", group).replace("%2", str(shown.after.get("place", ""))),
                           frozenset({"group_id", "place"}))


def _stored(reason: Message) -> dict[str, str]:
    """The reason as a waiting student's row keeps it (``Message.params_text``)."""
    return {"reason_code": reason.code, "reason_params": reason.params_text()}


def _registration(session: Session, registration_id: int) -> Registration:
    registration = session.get(Registration, registration_id)
    if registration is None:
        raise NotFound(translate("WaitingLists", "That registration no longer exists."))
    if not registration.waiting_lists:
        raise DomainError(translate("WaitingLists", "The registration %1 keeps no waiting lists.")
                          .replace("%1", registration.code))
    return registration


def join(uow: UnitOfWork, student_id: int, group_id: int, registration_id: int, *,
         portal_key: str | None = None) -> int:
    """Put the student at the end of the group's waiting list; only where the rulebook refuses them nothing but a
    seat (they could register now otherwise, or never). The same portal key twice is one place."""
    bounds.RECORD_ID.check(group_id)
    with uow.write() as session:
        if portal_key:
            existing = session.scalar(select(WaitingEntry.id).where(WaitingEntry.portal_key == portal_key))
            if existing is not None:
                return existing
        registration = _registration(session, registration_id)
        group = session.get(ClassGroup, group_id)
        if group is None:
            raise NotFound(translate("WaitingLists", "That class group no longer exists."))
        if uow.staff is not None:
            _require_clerk(uow, group, student_id)
        facts = rule_facts.groups(session, [group_id], now=uow.now)[group_id]
        refusals = _asked(session, uow.now, registration, facts, [student_id])[student_id]
        if not refusals:
            raise DomainError(translate("WaitingLists", "The group has a seat for the student: register them instead."))
        if not rules.only_waiting(refusals):
            raise EnrollmentRefused(refusals)
        if session.scalar(select(WaitingEntry.id).where(WaitingEntry.group_id == group_id,
                                                        WaitingEntry.student_id == student_id,
                                                        WaitingEntry.status == WaitingStatus.WAITING)):
            raise DomainError(translate("WaitingLists", "The student is on this group's waiting list already."))
        last = session.scalar(select(func.max(WaitingEntry.position)).where(WaitingEntry.group_id == group_id)) or 0
        entry = WaitingEntry(portal_key=portal_key, registration_id=registration.id, group_id=group_id,
                             student_id=student_id, position=last + 1, status=WaitingStatus.WAITING, created_at=uow.now,
                             created_by_id=uow.staff_id, **_stored(WAITING()))
        session.add(entry)
        session.flush()
        uow.record_change(WaitingAction.JOIN, entity="waiting_entry", entity_id=entry.id, student_id=student_id,
                          after={"group_id": group_id, "registration_id": registration.id, "status": "waiting"})
        return entry.id


def _asked(session: Session, now: datetime, registration: Registration, group: rules.GroupFacts,
           student_ids: list[int]) -> dict[int, tuple[rules.Refusal, ...]]:
    """The rulebook's word on each student taking a seat of the group now, as on the portal (the list is kept
    through the registration's rounds: its round counts as open while one is still to end)."""
    facts = rule_facts.registration(session, registration)
    rounds = rule_facts.round_plans(rule_facts.rounds_of(session, [registration.id]).get(registration.id, []))
    admissions = Admissions.read(session, registration, student_ids)
    held = rule_facts.held(session, student_ids, group.term_id)
    seekers = rule_facts.seekers(session, student_ids, [group])
    entrants = rule_facts.entrants(session, rounds, student_ids, admissions.programmes)
    answers = {}
    for sid in student_ids:
        round_ = rules.round_for(rounds, now, entrants.get(sid))
        if not round_.open and round_.opens_at and not round_.outside:
            round_ = rules.RoundFacts(True, round_.name, round_.unregister_allowed, id=round_.id)
        answers[sid] = rules.register_first_come(group, held.get(sid, ()), facts, round_,
                                                 rule_facts.admission_of(admissions.facts(sid, now)),
                                                 seekers.get(sid, rules.NOBODY_IN_PARTICULAR))
    return answers


_we = WaitingEntry.__table__
_WAITING_IN = (select(_we.c.id, _we.c.group_id, _we.c.student_id, _we.c.registration_id, _we.c.created_by_id,
                      _we.c.reason_code, _we.c.reason_params)
               .where(_we.c.group_id.in_(bindparam("groups", expanding=True)), _we.c.status == WaitingStatus.WAITING)
               .order_by(_we.c.group_id, _we.c.position, _we.c.id))
_SET_REASON = (update(_we).where(_we.c.id == bindparam("entry"))
               .values(reason_code=bindparam("code"), reason_params=bindparam("params")))
_ENROLLED = (update(_we).where(_we.c.id == bindparam("entry"))
             .values(status=WaitingStatus.ENROLLED, closed_at=bindparam("at"), enrollment_id=bindparam("enrollment"),
                     reason_code=bindparam("code"), reason_params=bindparam("params")))


def fill(uow: UnitOfWork, group_ids: Iterable[int]) -> int:
    """Inside the write that freed seats of the groups: each freed seat to the first student on the group's list whom
    the rulebook lets take it, those passed over keeping why; how many were enrolled."""
    session = uow.session
    connection = connection_of(session)
    waiting = connection.execute(_WAITING_IN, {"groups": sorted(set(group_ids))}).all()
    if not waiting:
        return 0
    by_group: dict[int, list] = defaultdict(list)
    for row in waiting:
        by_group[row.group_id].append(row)
    facts = rule_facts.groups(session, by_group, lock=True, now=uow.now)
    registrations = {r.id: r for r in session.scalars(
        select(Registration).where(Registration.id.in_({row.registration_id for row in waiting})))}
    enrolled = 0
    passed: list[dict] = []
    passed_changes: list[Change] = []
    for group_id, entries in by_group.items():
        group = facts.get(group_id)
        if group is None or group.closed:
            continue
        for entry in entries:
            if group.general_free <= 0 and not any(s.free > 0 for s in group.reserved):
                break  # no seat left for anyone
            registration = registrations[entry.registration_id]
            if not registration.waiting_lists:
                continue
            if not _try_lock(session, entry.student_id):
                continue  # acting elsewhere this moment: the next seat that frees asks them again
            refusals = _asked(session, uow.now, registration, group, [entry.student_id])[entry.student_id]
            if refusals:
                reason = refusal_message(refusals[0])
                why = _stored(reason)
                if (entry.reason_code, entry.reason_params) != (why["reason_code"], why["reason_params"]):
                    passed.append({"entry": entry.id, "code": why["reason_code"], "params": why["reason_params"]})
                    passed_changes.append(Change("waiting_entry", entry.id, entry.student_id,
                                                 after={"group_id": group_id, "status": "waiting"}, reason=reason))
                continue
            seeker = rule_facts.seeker(session, entry.student_id, [group])
            taken = _take_seat(session, group, seeker, allow_over_limit=False)
            enrollment = Enrollment(student_id=entry.student_id, group_id=group_id, registration_id=registration.id,
                                    source=EnrollmentSource.PORTAL if entry.created_by_id is None else EnrollmentSource.DESK,
                                    status=EnrollmentStatus.ACCEPTED, over_limit=False, created_at=uow.now,
                                    share_id=taken.share_id)
            session.add(enrollment)
            session.flush()
            group = group.with_seat_taken(rules.Seat(taken.share_id))
            done = _stored(ENROLLED())
            connection.execute(_ENROLLED, {"entry": entry.id, "at": uow.now, "enrollment": enrollment.id,
                                           "code": done["reason_code"], "params": done["reason_params"]})
            uow.record_changes(EnrollmentAction.FROM_WAITING_LIST, [Change(
                "enrollment", enrollment.id, entry.student_id,
                after={"group_id": group_id, "status": EnrollmentStatus.ACCEPTED, "source": enrollment.source,
                       "over_limit": False, "registration_id": registration.id, "waiting_entry_id": entry.id})])
            uow.record_changes(WaitingAction.REMOVE, [Change("waiting_entry", entry.id, entry.student_id,
                                                             after={"group_id": group_id, "status": "enrolled"},
                                                             reason=ENROLLED())])
            enrolled += 1
    if passed:  # the student sees why they were passed over
        connection.execute(_SET_REASON, passed)
        uow.record_changes(WaitingAction.PASSED_OVER, passed_changes)
    return enrolled


def _try_lock(session: Session, student_id: int) -> bool:
    """The student locked for the rest of the write unless another writer holds them (PostgreSQL: SKIP LOCKED, so a
    seat freed never waits on, nor deadlocks with, a student acting elsewhere; SQLite's writer holds the database)."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    return session.scalar(select(Student.id).where(Student.id == student_id)
                          .with_for_update(skip_locked=True)) is not None


def _entry(session: Session, entry_id: int) -> WaitingEntry:
    bounds.RECORD_ID.check(entry_id)
    entry = session.get(WaitingEntry, entry_id)
    if entry is None or entry.status is not WaitingStatus.WAITING:
        raise NotFound(translate("WaitingLists", "The student is no longer on that waiting list."))
    return entry


def remove(uow: UnitOfWork, entry_id: int, *, reason: str | None = None) -> None:
    """Take the student off the list (the student on the portal; a clerk with a reason)."""
    with uow.write() as session:
        entry = _entry(session, entry_id)
        if uow.staff is not None:
            _require_clerk(uow, session.get(ClassGroup, entry.group_id), entry.student_id)
            reason = _reason(reason)
        entry.status, entry.closed_at = WaitingStatus.REMOVED, uow.now
        for key, value in _stored(REMOVED()).items():
            setattr(entry, key, value)
        uow.record_change(WaitingAction.REMOVE, entity="waiting_entry", entity_id=entry.id, student_id=entry.student_id,
                          after={"group_id": entry.group_id, "status": "removed"}, reason=reason)


def move_to(uow: UnitOfWork, entry_id: int, place: int, *, reason: str) -> None:
    """A clerk puts the student at ``place`` (1 the first) of the list; the others keep their order."""
    reason = _reason(reason)
    with uow.write() as session:
        entry = _entry(session, entry_id)
        _require_clerk(uow, session.get(ClassGroup, entry.group_id), entry.student_id)
        others = [e for e in session.scalars(select(WaitingEntry).where(
            WaitingEntry.group_id == entry.group_id, WaitingEntry.status == WaitingStatus.WAITING)
            .order_by(WaitingEntry.position, WaitingEntry.id)) if e.id != entry.id]
        if not 1 <= place <= len(others) + 1:
            raise DomainError(translate("WaitingLists", "A place on this list is from 1 to %1.")
                              .replace("%1", str(len(others) + 1)))
        others.insert(place - 1, entry)
        for position, e in enumerate(others, start=1):
            e.position = position
        uow.record_change(WaitingAction.MOVE, entity="waiting_entry", entity_id=entry.id, student_id=entry.student_id,
                          after={"group_id": entry.group_id, "place": place}, reason=reason)


@dataclass(frozen=True)
class WaitingLine:
    id: int
    place: int
    student_id: int
    student_number: str
    student_name: str
    since: datetime
    on_portal: bool
    passed_over: Message | None  # why the student was passed over when a seat last freed


def list_of(uow: UnitOfWork, group_id: int) -> list[WaitingLine]:
    """The group's waiting list in order, with why each student was passed over, if they were."""
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        rows = session.execute(
            select(WaitingEntry, Student.student_number, Person.first_name, Person.last_name)
            .join(Student, Student.id == WaitingEntry.student_id).join(Person, Person.id == Student.person_id)
            .where(WaitingEntry.group_id == group_id, WaitingEntry.status == WaitingStatus.WAITING)
            .order_by(WaitingEntry.position, WaitingEntry.id)).all()
    lines = []
    for place, (entry, number, first, last) in enumerate(rows, start=1):
        why = Message.from_columns(entry.reason_code, entry.reason_params) if entry.reason_code != WAITING.code else None
        lines.append(WaitingLine(entry.id, place, entry.student_id, number, f"{first} {last}", entry.created_at,
                                 entry.created_by_id is None, why))
    return lines



@dataclass(frozen=True)
class ListRegistration:
    """A registration through which a student may be put on a group's waiting list."""

    id: int
    code: str
    name: str


def registrations_for(uow: UnitOfWork, group_id: int) -> list[ListRegistration]:
    """The registrations of the group's term that offer its course and keep waiting lists: a clerk putting a student
    on the list names the one the student registers through (its rounds and rules decide who may take a seat)."""
    uow.require(Permission.READ_STUDENTS)
    bounds.RECORD_ID.check(group_id)
    with uow.read() as session:
        group = session.get(ClassGroup, group_id)
        if group is None:
            raise NotFound(translate("WaitingLists", "That class group no longer exists."))
        rows = session.execute(
            select(Registration.id, Registration.code, Registration.name)
            .join(RegistrationCourse, RegistrationCourse.registration_id == Registration.id)
            .where(RegistrationCourse.course_id == group.course_id, Registration.term_id == group.term_id,
                   Registration.waiting_lists.is_(True))
            .order_by(Registration.code)).all()
    return [ListRegistration(rid, code, name) for rid, code, name in rows]
