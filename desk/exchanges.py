"""Exchanges: students' wishes to swap a group for a sibling, carried out together at exchange breaks.

In a registration that allows exchanges, a student (on the portal) or a clerk (for them) records a
wish: from a group they hold to one of several groups of the same course, term and class type, in
their order of preference. At an exchange break every set of wishes that can be satisfied together
is carried out in one transaction: pairs, cycles of any length (A->B->C->A), and chains that end in
a free seat, oldest wishes first. A seat is taken only where a wish frees it or it was free, never
over a limit, and every move is asked of the rulebook (the same slot, the timetable, dedicated
seats). A wish that stays open keeps why. A clerk may also swap two named students in one step.

The search runs over the groups of one course's class type: a set is found by a breadth-first
search from the oldest open wish, through the wishes that leave each group it reaches, to a free
seat or back to where it started. Its cost does not grow with the number of wishes of other courses,
so a break is linear in the wishes.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy import bindparam, case, func, insert, select, update
from sqlalchemy.orm import Session, aliased

from desk import bounds, rule_facts, rules
from desk.changes import Action, Change, Description, Shown
from desk.db import connection_of
from desk.enrollment import EnrollmentAction, EnrollmentRefused, Planned, _reason, _require_clerk, write_moves
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.labels import group_label, group_reference
from desk.messages import Message, define
from desk.model import (
    ClassGroup,
    Course,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    ExchangeTarget,
    ExchangeWish,
    Registration,
    RegistrationCourse,
    WishStatus,
)
from desk.refusals import message as refusal_message
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork

MAX_TARGETS = 10  # groups one wish may name

C = "Exchanges"
WAITING = define("exchange.waiting", C, QT_TRANSLATE_NOOP(
    "Exchanges", "Waiting: no one in the groups wished for wants a seat this would free, and none has a free seat."))
DONE = define("exchange.done", C, QT_TRANSLATE_NOOP("Exchanges", "Carried out: now in {group}."))
VOID = define("exchange.void", C, QT_TRANSLATE_NOOP("Exchanges", "The student no longer holds {group}."))
WITHDRAWN = define("exchange.withdrawn", C, QT_TRANSLATE_NOOP("Exchanges", "Withdrawn."))
REPLACED = define("exchange.replaced", C, QT_TRANSLATE_NOOP("Exchanges", "Replaced by a newer wish."))
# A wish from the portal for a group when the student holds none of its siblings to leave.
NOTHING_TO_LEAVE = define("exchange.nothing_to_leave", C, QT_TRANSLATE_NOOP(
    "Exchanges", "No group of the same course and class type as {group} is held to exchange for it."))


class ExchangeRefused(DomainError):
    """A wish refused for a reason the portal shows the student: ``stored``, a code with its parameters."""

    def __init__(self, stored: Message):
        super().__init__(stored.text())
        self.stored = stored


class ExchangeAction(Action):
    """What is done to exchange wishes, and the breaks that carry them out."""

    WISH = "exchange.wish"
    WITHDRAW = "exchange.withdraw"
    BREAK = "exchange.break"  # the head of a break's change set
    SWAP = "exchange.swap"  # a clerk swaps two students (the head of its change set)
    WAITING = "exchange.waiting"  # left open at a break, with a new reason why
    VOID = "exchange.void"  # closed at a break: the student no longer holds the group it leaves

    def describe(self, shown: Shown) -> Description:
        if self is ExchangeAction.WISH:
            return Description(translate("History", "Exchange wished: from %1").replace(
                "%1", shown.names.group(shown.after.get("from_group_id"))), frozenset({"from_group_id"}))
        if self is ExchangeAction.WITHDRAW:
            return Description(translate("History", "Exchange wish withdrawn"))
        if self is ExchangeAction.WAITING:
            return Description(translate("History", "Exchange wish left waiting"), frozenset({"status"}))
        if self is ExchangeAction.VOID:
            return Description(translate("History", "Exchange wish void: the group it leaves is no longer held"),
                               frozenset({"status"}))
        if self is ExchangeAction.SWAP:
            return Description(translate("History", "Two students swapped groups"))
        return Description(translate("History", "Exchange break: %1 wishes carried out").replace(
            "%1", str(shown.after.get("carried", 0))), frozenset({"carried"}))


def _stored(reason: Message) -> dict[str, str]:
    """The reason as a wish's row keeps it (``Message.params_text``)."""
    return {"reason_code": reason.code, "reason_params": reason.params_text()}


# --- recording a wish ---------------------------------------------------------------------------------


def registration_allowing_exchanges(session: Session, registration_id: int) -> Registration:
    """The registration, refused in words where it is gone or allows no exchanges."""
    registration = session.get(Registration, registration_id)
    if registration is None:
        raise NotFound(translate("Exchanges", "That registration no longer exists."))
    if not registration.exchanges:
        raise DomainError(translate("Exchanges", "The registration %1 does not allow exchanges.")
                          .replace("%1", registration.code))
    return registration


def _targets(from_group_id: int, to_group_ids: Iterable[int]) -> list[int]:
    """The groups a wish names, in order and once each, checked before anything is read."""
    targets = list(dict.fromkeys(to_group_ids))
    for group_id in (from_group_id, *targets):
        bounds.RECORD_ID.check(group_id)
    if not targets:
        raise DomainError(translate("Exchanges", "Name at least one group to move to."))
    if len(targets) > MAX_TARGETS:
        raise DomainError(translate("Exchanges", "A wish may name at most %1 groups.").replace("%1", str(MAX_TARGETS)))
    if from_group_id in targets:
        raise DomainError(translate("Exchanges", "The group the student leaves cannot be one they wish for."))
    return targets


def _checked(uow: UnitOfWork, session: Session, student_id: int, from_group_id: int, targets: list[int],
             registration_id: int | None) -> tuple[Enrollment, Registration]:
    """The standing enrollment a wish leaves and the registration it is made in, once the student is found in the
    group, the registration allows exchanges and offers the course, and every group named is a sibling of it."""
    standing = session.scalars(select(Enrollment).where(
        Enrollment.student_id == student_id, Enrollment.group_id == from_group_id,
        Enrollment.status == EnrollmentStatus.ACCEPTED)).first()
    source = session.get(ClassGroup, from_group_id)
    if standing is None or source is None:
        raise DomainError(translate("Exchanges", "The student is not in that group."))
    if uow.staff is not None:
        _require_clerk(uow, source, student_id)
    registration = registration_allowing_exchanges(session, registration_id or standing.registration_id or 0)
    offered = session.scalar(select(RegistrationCourse.course_id).where(
        RegistrationCourse.registration_id == registration.id, RegistrationCourse.course_id == source.course_id))
    if offered is None or source.term_id != registration.term_id:
        raise DomainError(translate("Exchanges", "The registration %1 does not offer that course.")
                          .replace("%1", registration.code))
    siblings = dict(session.execute(select(ClassGroup.id, ClassGroup.class_type).where(
        ClassGroup.course_id == source.course_id, ClassGroup.term_id == source.term_id,
        ClassGroup.id.in_(targets))).all())
    if any(siblings.get(group_id) != source.class_type for group_id in targets):
        raise DomainError(translate("Exchanges", "A student exchanges only for a group of the same course, term "
                                                 "and class type."))
    return standing, registration


def make_wish(uow: UnitOfWork, student_id: int, from_group_id: int, to_group_ids: Iterable[int], *,
              registration_id: int | None = None, portal_key: str | None = None) -> int:
    """Record a wish to leave ``from_group_id`` for one of ``to_group_ids`` (in the order of preference); the wish's
    id. A newer wish from the same group replaces an open one; the same portal key twice is one wish."""
    targets = _targets(from_group_id, to_group_ids)
    with uow.write() as session:
        if portal_key:
            existing = session.scalar(select(ExchangeWish.id).where(ExchangeWish.portal_key == portal_key))
            if existing is not None:
                return existing
        standing, registration = _checked(uow, session, student_id, from_group_id, targets, registration_id)
        replaced = []
        for old in session.scalars(select(ExchangeWish).where(ExchangeWish.enrollment_id == standing.id,
                                                              ExchangeWish.status == WishStatus.OPEN)):
            old.status, old.closed_at = WishStatus.WITHDRAWN, uow.now
            for key, value in _stored(REPLACED()).items():
                setattr(old, key, value)
            replaced.append(Change("exchange_wish", old.id, student_id, after={"status": WishStatus.WITHDRAWN.value},
                                   reason=REPLACED()))
        if replaced:  # the student sees the old wish closed
            uow.record_changes(ExchangeAction.WITHDRAW, replaced)
        wish = ExchangeWish(portal_key=portal_key, student_id=student_id, registration_id=registration.id,
                            enrollment_id=standing.id, from_group_id=from_group_id, status=WishStatus.OPEN,
                            created_at=uow.now, created_by_id=uow.staff_id, **_stored(WAITING()))
        session.add(wish)
        session.flush()
        session.execute(insert(ExchangeTarget), [{"wish_id": wish.id, "group_id": gid, "preference": index}
                                                 for index, gid in enumerate(targets, start=1)])
        uow.record_change(ExchangeAction.WISH, entity="exchange_wish", entity_id=wish.id, student_id=student_id,
                          after={"from_group_id": from_group_id, "to_group_ids": targets,
                                 "registration_id": registration.id, "status": WishStatus.OPEN.value})
        return wish.id


def wish_from_portal(uow: UnitOfWork, student_id: int, registration_id: int, group_id: int, *,
                     portal_key: str | None = None) -> int:
    """A student's wish for ``group_id`` from the portal, which names one group an action; the wish's id.

    The group the student leaves is the one they hold of the same course, term and class type. Where they have an
    open wish from it already, the group is added to that wish as their next choice (the actions come in the order
    the student chose the groups), with the checks of ``make_wish``; otherwise it begins a new wish. A group the wish
    names already changes nothing, so an action applied again is the same wish."""
    bounds.RECORD_ID.check(group_id)
    with uow.write() as session:
        if portal_key:
            existing = session.scalar(select(ExchangeWish.id).where(ExchangeWish.portal_key == portal_key))
            if existing is not None:
                return existing
        wished = session.get(ClassGroup, group_id)
        if wished is None:
            raise NotFound(translate("Exchanges", "That class group no longer exists."))
        held = aliased(ClassGroup)
        standing = session.execute(
            select(Enrollment.id, Enrollment.group_id).join(held, held.id == Enrollment.group_id)
            .where(Enrollment.student_id == student_id, Enrollment.status == EnrollmentStatus.ACCEPTED,
                   held.course_id == wished.course_id, held.term_id == wished.term_id,
                   held.class_type == wished.class_type)
            .order_by(case((Enrollment.registration_id == registration_id, 0), else_=1), Enrollment.id)).first()
        if standing is None:
            raise ExchangeRefused(NOTHING_TO_LEAVE(group=_group_label(session, group_id)))
        wish = session.scalars(select(ExchangeWish).where(ExchangeWish.enrollment_id == standing.id,
                                                          ExchangeWish.status == WishStatus.OPEN)).first()
        if wish is None:
            return make_wish(uow, student_id, standing.group_id, [group_id], registration_id=registration_id,
                             portal_key=portal_key)
        named = list(session.scalars(select(ExchangeTarget.group_id).where(ExchangeTarget.wish_id == wish.id)
                                     .order_by(ExchangeTarget.preference)))
        if group_id in named:
            return wish.id
        targets = _targets(standing.group_id, [*named, group_id])
        _checked(uow, session, student_id, standing.group_id, targets, registration_id)
        last = session.scalar(select(func.max(ExchangeTarget.preference)).where(ExchangeTarget.wish_id == wish.id)) or 0
        session.add(ExchangeTarget(wish_id=wish.id, group_id=group_id, preference=last + 1))
        session.flush()
        uow.record_change(ExchangeAction.WISH, entity="exchange_wish", entity_id=wish.id, student_id=student_id,
                          after={"from_group_id": standing.group_id, "to_group_ids": targets,
                                 "registration_id": wish.registration_id, "status": WishStatus.OPEN.value})
        return wish.id


def _group_label(session: Session, group_id: int) -> str:
    """A group as the wishes' reasons name it: "ANG-B2 class 2"."""
    row = session.execute(select(Course.code, ClassGroup.class_type, ClassGroup.number)
                          .join(Course, Course.id == ClassGroup.course_id).where(ClassGroup.id == group_id)).first()
    return group_reference(row.code, row.class_type, row.number) if row is not None else str(group_id)


def withdraw(uow: UnitOfWork, wish_id: int, *, reason: str | None = None) -> None:
    """Withdraw an open wish (the student on the portal, or a clerk with a reason)."""
    with uow.write() as session:
        wish = session.get(ExchangeWish, wish_id)
        if wish is None:
            raise NotFound(translate("Exchanges", "That wish no longer exists."))
        if uow.staff is not None:
            _require_clerk(uow, session.get(ClassGroup, wish.from_group_id), wish.student_id)
            reason = _reason(reason)
        if wish.status is not WishStatus.OPEN:
            raise DomainError(translate("Exchanges", "That wish is no longer open."))
        wish.status, wish.closed_at = WishStatus.WITHDRAWN, uow.now
        for key, value in _stored(WITHDRAWN()).items():
            setattr(wish, key, value)
        uow.record_change(ExchangeAction.WITHDRAW, entity="exchange_wish", entity_id=wish.id,
                          student_id=wish.student_id, after={"status": WishStatus.WITHDRAWN.value}, reason=reason)


# --- the search ---------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Wish:
    id: int
    student_id: int
    enrollment_id: int
    from_group: int
    targets: list[int]
    share_id: int | None  # the seat it leaves: a share's, or everyone's
    registration_id: int | None
    on_portal: bool = False  # the student's own wish (their new seat is the portal's, as a registration there is)
    done: bool = False
    age: int = 0  # its place among the break's wishes, the oldest 0


@dataclass
class _Board:
    """The groups, the students' standing enrollments and the open wishes, as a break changes them in memory."""

    facts: dict[int, rules.GroupFacts]
    held: dict[int, list[rules.Held]]
    seekers: dict[int, rules.Seeker]
    clash_check: bool
    # Each group's open wishes by the group they wish for, oldest first: the routes out of the group.
    routes: dict[int, dict[int, deque[_Wish]]] = field(default_factory=lambda: defaultdict(dict))
    initial: dict[int, rules.GroupFacts] = field(default_factory=dict)  # the groups as read, before any move

    def __post_init__(self) -> None:
        self.initial = dict(self.facts)

    def after_leaving(self, group_id: int, leaving: _Wish | None) -> rules.GroupFacts:
        facts = self.facts[group_id]
        return facts if leaving is None else facts.with_seat_taken(rules.Seat(leaving.share_id), -1)

    def refusals(self, mover: _Wish, group_id: int, leaving: _Wish | None) -> tuple[rules.Refusal, ...]:
        """The rulebook's word on the mover taking a seat in the group, ``leaving`` having left it."""
        moving = rules.Held(mover.enrollment_id, self.facts[mover.from_group], mover.registration_id)
        return rules.move(moving, self.after_leaving(group_id, leaving), self.held.get(mover.student_id, ()),
                          clash_check=self.clash_check,
                          seeker=self.seekers.get(mover.student_id, rules.NOBODY_IN_PARTICULAR))

    def find(self, wish: _Wish) -> list[tuple[_Wish, int]] | None:
        """The set of moves that carries out ``wish``: a chain to a free seat or a cycle back to its group, the
        shortest first and, among those, through the oldest wishes (breadth-first, each group reached once)."""
        origin = wish.from_group
        asked: dict[tuple[int, int, object], bool] = {}

        def allowed(mover: _Wish, group_id: int, leaving: _Wish | None) -> bool:
            # The answer depends on the leaver only through the seat it frees (a share's or everyone's).
            key = (mover.id, group_id, "free" if leaving is None else leaving.share_id)
            if key not in asked:
                asked[key] = not self.refusals(mover, group_id, leaving)
            return asked[key]

        for first in wish.targets:
            queue: deque[tuple[int, _Wish, list[tuple[_Wish, int]]]] = deque([(first, wish, [])])
            reached, closing = {first, origin}, set()
            while queue:
                group_id, mover, path = queue.popleft()
                steps = [*path, (mover, group_id)]
                if group_id == origin:  # the cycle closes: the first mover's seat is free for the last
                    if allowed(mover, origin, wish):
                        return steps
                    continue
                if allowed(mover, group_id, None):  # a free seat the mover may take
                    return steps
                movers = {m.student_id for m, _ in steps}
                # For each group wished for from here, the oldest wish leaving this group that may free the mover's
                # seat; those routes taken in the order of their wishes' age (and each wish's preference). A group
                # is reached once; the origin once from each group (it closes the cycle).
                found = []
                for target, wishes in self.routes.get(group_id, {}).items():
                    while wishes and wishes[0].done:
                        wishes.popleft()
                    if (target in reached) if target != origin else (group_id in closing):
                        continue
                    for leaver in wishes:
                        if leaver.done or leaver.student_id in movers or not allowed(mover, group_id, leaver):
                            continue
                        if target == origin and not allowed(leaver, origin, wish):
                            continue
                        found.append((leaver.age, leaver.targets.index(target), target, leaver))
                        break
                for _age, _preference, target, leaver in sorted(found, key=lambda item: item[:2]):
                    (closing if target == origin else reached).add(group_id if target == origin else target)
                    queue.append((target, leaver, steps))
        return None

    def apply(self, steps: list[tuple[_Wish, int]]) -> None:
        """The moves in memory: every leaver out first, then every mover in (as the writes do)."""
        for mover, _group in steps:
            self.facts[mover.from_group] = self.after_leaving(mover.from_group, mover)
        for mover, group_id in steps:
            seeker = self.seekers.get(mover.student_id, rules.NOBODY_IN_PARTICULAR)
            seat = self.facts[group_id].seat_for(seeker) or rules.Seat(None)
            self.facts[group_id] = self.facts[group_id].with_seat_taken(seat)
            mover.done = True
            mine = [h for h in self.held.get(mover.student_id, []) if h.enrollment_id != mover.enrollment_id]
            self.held[mover.student_id] = [*mine, rules.Held(0, self.facts[group_id], mover.registration_id)]

    def why_open(self, wish: _Wish) -> Message:
        """Why a wish stays open: what the rulebook says of its first group, where that is more than no seat."""
        for refusal in self.refusals(wish, wish.targets[0], None):
            if refusal.code not in (rules.RefusalCode.FULL, rules.RefusalCode.DEDICATED):
                return refusal_message(refusal)
        return WAITING()


# --- the break -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BreakDone:
    carried: int  # wishes carried out
    sets: int  # sets of moves written (each a pair, a cycle or a chain)
    longest: int  # the most moves in one set
    still_open: int
    void: int  # wishes whose student no longer holds the group they leave
    change_set_id: int | None


_w, _t, _e = ExchangeWish.__table__, ExchangeTarget.__table__, Enrollment.__table__
_OPEN = (select(_w.c.id, _w.c.student_id, _w.c.enrollment_id, _w.c.from_group_id, _w.c.reason_code,
                _w.c.reason_params, _w.c.created_by_id, _e.c.status, _e.c.group_id, _e.c.share_id, _e.c.registration_id)
         .join(_e, _e.c.id == _w.c.enrollment_id)
         .where(_w.c.registration_id == bindparam("registration"), _w.c.status == WishStatus.OPEN)
         .order_by(_w.c.created_at, _w.c.id))
_TARGETS = (select(_t.c.wish_id, _t.c.group_id).where(_t.c.wish_id.in_(bindparam("ids", expanding=True)))
            .order_by(_t.c.wish_id, _t.c.preference))
_SET_REASON = (update(_w).where(_w.c.id == bindparam("wish"))
               .values(reason_code=bindparam("code"), reason_params=bindparam("params")))
_CLOSE = (update(_w).where(_w.c.id == bindparam("wish"))
          .values(status=bindparam("status"), closed_at=bindparam("at"), done_enrollment_id=bindparam("done"),
                  reason_code=bindparam("code"), reason_params=bindparam("params")))


def run_break(uow: UnitOfWork, registration_id: int, *, reason: str | None = None) -> BreakDone:
    """Carry out every set of the registration's open wishes that can be satisfied together (one transaction, one
    change set); the rest stay open with why."""
    with uow.write() as session:
        registration = registration_allowing_exchanges(session, registration_id)
        uow.require(Permission.MANAGE_GROUPS, registration.unit_id)
        connection = connection_of(session)
        rows = connection.execute(_OPEN, {"registration": registration.id}).all()
        targets: dict[int, list[int]] = defaultdict(list)
        for start in range(0, len(rows), 5000):
            for wish_id, group_id in connection.execute(_TARGETS, {"ids": [r.id for r in rows[start:start + 5000]]}):
                targets[wish_id].append(group_id)
        void = [r for r in rows if r.status != EnrollmentStatus.ACCEPTED or r.group_id != r.from_group_id]
        live = [_Wish(r.id, r.student_id, r.enrollment_id, r.from_group_id, targets[r.id], r.share_id,
                      r.registration_id, r.created_by_id is None) for r in rows if r not in void and targets[r.id]]
        board = _board(session, uow, registration, live)
        found: list[list[tuple[_Wish, int]]] = []
        for wish in live:
            if not wish.done:
                steps = board.find(wish)
                if steps is not None:
                    board.apply(steps)
                    found.append(steps)
        carried = sum(len(steps) for steps in found)
        head = None
        if found or void:
            with uow.change_set(ExchangeAction.BREAK, entity="registration",
                                after={"registration_id": registration.id, "carried": carried, "sets": len(found)},
                                reason=reason) as head:
                _close_void(uow, session, void)
                _write(uow, session, board, found, reason)
        stored = {r.id: (r.reason_code, r.reason_params) for r in rows}
        changed, waiting = [], []
        for wish in live:
            if not wish.done:
                why = board.why_open(wish)
                kept = _stored(why)
                if stored[wish.id] != (kept["reason_code"], kept["reason_params"]):
                    changed.append({"wish": wish.id, "code": kept["reason_code"], "params": kept["reason_params"]})
                    waiting.append(Change("exchange_wish", wish.id, wish.student_id,
                                          after={"status": WishStatus.OPEN.value}, reason=why))
        if changed:  # the student sees why their wish still waits
            connection.execute(_SET_REASON, changed)
            uow.record_changes(ExchangeAction.WAITING, waiting)
        return BreakDone(carried, len(found), max((len(s) for s in found), default=0),
                         sum(1 for w in live if not w.done), len(void), head)


def _board(session: Session, uow: UnitOfWork, registration: Registration, live: list[_Wish]) -> _Board:
    """The facts of every group the wishes leave or name and of the students' standing enrollments, locked in the
    lock order (students, then groups)."""
    students = sorted({w.student_id for w in live})
    rule_facts.lock_students(session, students)
    group_ids = {w.from_group for w in live} | {g for w in live for g in w.targets}
    facts = rule_facts.groups(session, group_ids, lock=True, now=uow.now)
    held = rule_facts.held(session, students, registration.term_id)
    board = _Board(dict(facts), held, rule_facts.seekers(session, students, facts.values()), bool(registration.clash_check))
    for age, wish in enumerate(live):
        wish.age = age
        for target in wish.targets:
            board.routes[wish.from_group].setdefault(target, deque()).append(wish)
    return board


def _close_void(uow: UnitOfWork, session: Session, void: list) -> None:
    if not void:
        return
    facts = rule_facts.groups(session, {r.from_group_id for r in void}, timetables=False)
    rows, changes = [], []
    for r in void:
        group = facts.get(r.from_group_id)
        reason = VOID(group=group_reference(group.course_code, group.class_type, group.number) if group else "")
        why = _stored(reason)
        rows.append({"wish": r.id, "status": WishStatus.VOID.value, "at": uow.now, "done": None,
                     "code": why["reason_code"], "params": why["reason_params"]})
        changes.append(Change("exchange_wish", r.id, r.student_id, after={"status": WishStatus.VOID.value},
                              reason=reason))
    connection_of(session).execute(_CLOSE, rows)
    uow.record_changes(ExchangeAction.VOID, changes)


def _write(uow: UnitOfWork, session: Session, board: _Board, sets: list[list[tuple[_Wish, int]]],
           reason: str | None) -> list[int]:
    """The sets' moves written in bulk (``enrollment.write_moves``), then the wishes they carry out closed with the
    seat each got; the new enrollments' ids, in the order of the moves."""
    planned = [[Planned(m.enrollment_id, m.student_id, m.from_group, m.share_id, group_id, m.registration_id,
                        EnrollmentSource.PORTAL if m.on_portal else EnrollmentSource.DESK) for m, group_id in steps]
               for steps in sets]
    made = write_moves(uow, session, board.initial, board.seekers, planned, action=EnrollmentAction.EXCHANGE,
                       reason=reason)
    movers = [(m, group_id) for steps in sets for m, group_id in steps]
    wished = [(eid, m, g) for eid, (m, g) in zip(made, movers) if m.id]  # a clerk's swap closes no wish
    if wished:
        closed = []
        for eid, m, g in wished:
            facts = board.facts[g]
            done = _stored(DONE(group=group_reference(facts.course_code, facts.class_type, facts.number)))
            closed.append({"wish": m.id, "status": WishStatus.DONE.value, "at": uow.now, "done": eid,
                           "code": done["reason_code"], "params": done["reason_params"]})
        connection_of(session).execute(_CLOSE, closed)
        uow.record_changes(ExchangeAction.WISH, [Change(
            "exchange_wish", m.id, m.student_id, after={"status": WishStatus.DONE.value, "done_enrollment_id": eid})
            for eid, m, _g in wished])
    return made


# --- a clerk swaps two students -----------------------------------------------------------------------


def swap(uow: UnitOfWork, first_enrollment_id: int, second_enrollment_id: int, *, reason: str) -> tuple[int, int]:
    """Two students of sibling groups swap them in one step (both or neither), each move asked of the rulebook with
    the other's seat free; the two new enrollments."""
    reason = _reason(reason)
    for enrollment_id in (first_enrollment_id, second_enrollment_id):
        bounds.RECORD_ID.check(enrollment_id)
    with uow.write() as session:
        pair = [session.get(Enrollment, eid) for eid in (first_enrollment_id, second_enrollment_id)]
        if any(e is None or e.status is not EnrollmentStatus.ACCEPTED for e in pair):
            raise NotFound(translate("Exchanges", "That enrollment is no longer standing."))
        a, b = pair
        if a.group_id == b.group_id:
            raise DomainError(translate("Exchanges", "Both students are in the same group."))
        for enrollment, other in ((a, b), (b, a)):
            _require_clerk(uow, session.get(ClassGroup, enrollment.group_id), enrollment.student_id)
            _require_clerk(uow, session.get(ClassGroup, other.group_id), enrollment.student_id)
        term_id = session.get(ClassGroup, a.group_id).term_id
        wishes = [_Wish(0, e.student_id, e.id, e.group_id, [o.group_id], e.share_id, e.registration_id)
                  for e, o in ((a, b), (b, a))]
        students = sorted({a.student_id, b.student_id})
        rule_facts.lock_students(session, students)
        facts = rule_facts.groups(session, {a.group_id, b.group_id}, lock=True, now=uow.now)
        clash_check = all(session.scalar(select(Registration.clash_check).where(Registration.id == e.registration_id))
                          is not False for e in pair if e.registration_id is not None)
        board = _Board(dict(facts), rule_facts.held(session, students, term_id),
                       rule_facts.seekers(session, students, facts.values()), clash_check)
        for mover, leaver in ((wishes[0], wishes[1]), (wishes[1], wishes[0])):
            refusals = board.refusals(mover, mover.targets[0], leaver)
            if refusals:
                raise EnrollmentRefused(refusals)
        steps = [(wishes[0], b.group_id), (wishes[1], a.group_id)]
        board.apply(steps)
        with uow.change_set(ExchangeAction.SWAP, entity="enrollment",
                            after={"group_id": a.group_id, "other_group_id": b.group_id}, reason=reason):
            first, second = _write(uow, session, board, [steps], reason)
        return first, second


# --- what a clerk sees ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class WishLine:
    id: int
    student_id: int
    student_number: str
    student_name: str
    from_group: str
    to_groups: tuple[str, ...]
    status: WishStatus
    created_at: Any
    on_portal: bool  # made by the student (not a clerk)
    reason: Message | None


def wishes_of(uow: UnitOfWork, registration_id: int, *, open_only: bool = True) -> list[WishLine]:
    """The registration's wishes, oldest first, with the groups they name and why each waits or was closed."""
    from desk.model import Person, Student

    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        query = (select(ExchangeWish, Student.student_number, Person.first_name, Person.last_name)
                 .join(Student, Student.id == ExchangeWish.student_id).join(Person, Person.id == Student.person_id)
                 .where(ExchangeWish.registration_id == registration_id)
                 .order_by(ExchangeWish.created_at, ExchangeWish.id))
        if open_only:
            query = query.where(ExchangeWish.status == WishStatus.OPEN)
        rows = session.execute(query).all()
        ids = [row[0].id for row in rows]
        names = {gid: group_label(code, kind, number) for gid, code, kind, number in session.execute(
            select(ClassGroup.id, Course.code, ClassGroup.class_type, ClassGroup.number)
            .join(Course, Course.id == ClassGroup.course_id)
            .where(ClassGroup.id.in_(select(ExchangeTarget.group_id).where(ExchangeTarget.wish_id.in_(ids))
                                     .union(select(ExchangeWish.from_group_id).where(ExchangeWish.id.in_(ids))))))}
        targets: dict[int, list[str]] = defaultdict(list)
        for wish_id, group_id in session.execute(select(ExchangeTarget.wish_id, ExchangeTarget.group_id)
                                                 .where(ExchangeTarget.wish_id.in_(ids))
                                                 .order_by(ExchangeTarget.wish_id, ExchangeTarget.preference)):
            targets[wish_id].append(names.get(group_id, str(group_id)))
        return [WishLine(w.id, w.student_id, number, f"{first} {last}", names.get(w.from_group_id, ""),
                         tuple(targets[w.id]), w.status, w.created_at, w.created_by_id is None,
                         Message.from_columns(w.reason_code, w.reason_params))
                for w, number, first, last in rows]
