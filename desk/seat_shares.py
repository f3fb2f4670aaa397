"""Dedicated seats: a class group's seats split into shares for chosen students, set up and released by clerks.

A share is N seats of a group for the students matching a programme, level, mode and stage (any left
open), or for those on its list; the rest of the group is everyone's. Who takes which seat is the
rulebook's (``rules.GroupFacts.seat_for``); this module keeps the shares themselves. A share is
released at an instant, when a round of the registration starts, or by a clerk here: its free seats
then go to everyone. The group row keeps the seats and takers of its shares not yet released
(``reserved_seats``, ``reserved_taken``), and every change here keeps them so, under the group's lock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from desk import bounds, rule_facts
from desk.access import split_numbers
from desk.changes import Action, Description, Shown
from desk.clock import as_utc
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.model import (
    ClassGroup,
    Course,
    Enrollment,
    Level,
    Programme,
    Registration,
    RegistrationCourse,
    Round,
    SeatShare,
    SeatShareStudent,
    Student,
    StudyMode,
)
from desk.staff import Permission
from desk.rules import GroupFacts
from desk.unit_of_work import UnitOfWork

MAX_LISTED = 5_000  # students on one share's list


class ShareAction(Action):
    """What is done to a group's dedicated seats."""

    ADD = "seat_share.add"
    REMOVE = "seat_share.remove"
    RELEASE = "seat_share.release"

    def describe(self, shown: Shown) -> Description:
        group = shown.names.group(shown.after.get("group_id") or shown.before.get("group_id"))
        seats = str(shown.after.get("seats") or shown.before.get("seats") or "")
        words = {
            ShareAction.ADD: translate("History", "%2 seats of %1 dedicated to some students"),
            ShareAction.REMOVE: translate("History", "Dedicated seats of %1 removed (%2 seats)"),
            ShareAction.RELEASE: translate("History", "Dedicated seats of %1 released to everyone (%2 seats)"),
        }[self]
        return Description(words.replace("%1", group).replace("%2", seats), frozenset({"group_id", "seats"}))


@dataclass(frozen=True)
class ShareLine:
    """One share as the group table and its dialog show it."""

    id: int
    group_id: int
    seats: int
    taken: int
    released: bool
    programme_id: int | None
    programme_code: str
    level: Level | None
    mode: StudyMode | None
    stage: int | None
    listed: bool
    listed_count: int
    release_at: datetime | None  # when it is released by itself (its instant, or its round's start), if it is
    release_round: str  # the round it waits for, by name ("" for none)
    released_at: datetime | None = None  # when its release was carried out (a clerk's, or one come due and applied)

    @property
    def free(self) -> int:
        return max(0, self.seats - self.taken)

    @property
    def released_when(self) -> datetime | None:
        """When its seats went to everyone: the release carried out, else the moment come by itself (None: kept)."""
        if not self.released:
            return None
        return self.released_at or self.release_at


@dataclass(frozen=True)
class ShareDraft:
    """A new share: its seats and whom they are for (``student_ids`` for a list), and when it is released."""

    seats: int
    programme_id: int | None = None
    level: Level | None = None
    mode: StudyMode | None = None
    stage: int | None = None
    student_ids: tuple[int, ...] | None = None  # a list of students instead of a rule
    release_at: datetime | None = None
    release_round_id: int | None = None


_LINES = (
    select(SeatShare.id, SeatShare.group_id, SeatShare.seats, SeatShare.taken, SeatShare.released_at,
           SeatShare.programme_id, Programme.code, SeatShare.level, SeatShare.mode, SeatShare.stage, SeatShare.listed,
           SeatShare.release_at, Round.starts_at, Round.name,
           select(func.count()).where(SeatShareStudent.share_id == SeatShare.id).scalar_subquery())
    .outerjoin(Programme, Programme.id == SeatShare.programme_id)
    .outerjoin(Round, Round.id == SeatShare.release_round_id)
    .order_by(SeatShare.group_id, SeatShare.id)
)


def share_lines(session: Session, group_ids: Iterable[int] | Select, now: datetime) -> dict[int, list[ShareLine]]:
    """The shares of the groups as they stand at ``now``, by group (in one query).

    ``group_ids`` is the groups' ids, or a query selecting them: the group table's scope is thousands of
    groups, read in the query itself rather than sent back as as many parameters.
    """
    found: dict[int, list[ShareLine]] = {}
    if isinstance(group_ids, Select):
        where = SeatShare.group_id.in_(group_ids)
    else:
        ids = sorted(set(group_ids))
        if not ids:
            return found
        where = SeatShare.group_id.in_(ids)
    now = as_utc(now)
    for (sid, gid, seats, taken, released_at, programme_id, code, level, mode, stage, listed, release_at,
         round_starts, round_name, listed_count) in session.execute(_LINES.where(where)):
        moment = rule_facts.release_moment(release_at, round_starts)
        released = released_at is not None or (moment is not None and moment <= now)
        found.setdefault(gid, []).append(ShareLine(
            sid, gid, seats, taken, released, programme_id, code or "", level, mode, stage, bool(listed),
            listed_count, moment, round_name or "", as_utc(released_at) if released_at is not None else None))
    return found


def shares_of(uow: UnitOfWork, group_id: int) -> list[ShareLine]:
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        return share_lines(session, [group_id], uow.now).get(group_id, [])


def release_rounds(uow: UnitOfWork, group_id: int) -> list[tuple[int, str, datetime]]:
    """The rounds a share of the group may wait for: those of the registrations offering its course in its term
    (id, "registration: round", start), in the order they start."""
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        group = _group(session, group_id)
        rows = session.execute(
            select(Round.id, Registration.code, Round.name, Round.starts_at)
            .join(Registration, Registration.id == Round.registration_id)
            .join(RegistrationCourse, RegistrationCourse.registration_id == Registration.id)
            .where(RegistrationCourse.course_id == group.course_id, Registration.term_id == group.term_id)
            .order_by(Round.starts_at, Round.id)).all()
    return [(rid, f"{code}: {name}", starts) for rid, code, name, starts in rows]


def listed_students(uow: UnitOfWork, text: str) -> tuple[int, ...]:
    """The students a pasted list of student numbers names (one per line, or separated by commas or spaces), each
    once; refused, naming them, when some numbers are no student's: seats are never kept for fewer students than
    the clerk meant."""
    uow.require(Permission.READ_STUDENTS)
    numbers = list(dict.fromkeys(split_numbers(text)))
    if not numbers:
        raise DomainError(translate("Shares", "The list names no student."))
    if len(numbers) > MAX_LISTED:
        raise DomainError(translate("Shares", "A list may name at most %1 students.").replace("%1", f"{MAX_LISTED:,}"))
    found: dict[str, int] = {}
    with uow.read() as session:
        for start in range(0, len(numbers), 1000):
            chunk = [n for n in numbers[start:start + 1000] if n.isdigit()]
            if chunk:
                found.update(session.execute(select(Student.student_number, Student.id)
                                             .where(Student.student_number.in_(chunk))).all())
    unknown = [n for n in numbers if n not in found]
    if unknown:
        shown = ", ".join(unknown[:20]) + (" …" if len(unknown) > 20 else "")
        raise DomainError(translate("Shares", "No student has these numbers (%1): %2. Correct the list; nothing was "
                                              "changed.").replace("%1", str(len(unknown))).replace("%2", shown))
    return tuple(found[n] for n in numbers)


def _group(session: Session, group_id: int) -> ClassGroup:
    group = session.get(ClassGroup, group_id)
    if group is None:
        raise NotFound(translate("Shares", "That class group no longer exists."))
    return group


def _locked(uow: UnitOfWork, group_id: int) -> tuple[ClassGroup, GroupFacts]:
    """The group, its unit's clerk checked, locked (with its shares' due releases carried out): the lock order of
    every writer of seats."""
    session = uow.session
    group = _group(session, group_id)
    unit_id = session.scalar(select(Course.unit_id).where(Course.id == group.course_id))
    uow.require(Permission.MANAGE_GROUPS, unit_id)
    facts = rule_facts.groups(session, [group_id], lock=True, timetables=False, now=uow.now)[group_id]
    session.refresh(group)
    return group, facts


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Shares", "Say why (it is kept with the change)."))
    return reason


def add_share(uow: UnitOfWork, group_id: int, draft: ShareDraft, *, reason: str) -> int:
    """Dedicate ``draft.seats`` of the group's free seats to some students; the new share's id."""
    reason = _reason(reason)
    bounds.RECORD_ID.check(group_id)
    bounds.SEAT_LIMIT.check(draft.seats)
    if draft.seats < 1:
        raise DomainError(translate("Shares", "Dedicate at least one seat."))
    if draft.stage is not None and not 1 <= draft.stage <= 10:
        raise DomainError(translate("Shares", "A stage is a number from 1 to 10."))
    listed = draft.student_ids is not None
    if listed and not draft.student_ids:
        raise DomainError(translate("Shares", "The list names no student."))
    if listed and len(set(draft.student_ids)) > MAX_LISTED:
        raise DomainError(translate("Shares", "A list may name at most %1 students.").replace("%1", f"{MAX_LISTED:,}"))
    if listed and any(v is not None for v in (draft.programme_id, draft.level, draft.mode, draft.stage)):
        raise DomainError(translate("Shares", "Seats are for the students on a list or for those matching a rule, "
                                              "not both."))
    with uow.write() as session:
        group, facts = _locked(uow, group_id)
        free = facts.general_free
        if draft.seats > free:
            raise DomainError(translate("Shares", "Only %1 of the group's seats are free to dedicate (limit %2, "
                                                  "%3 taken by everyone else, %4 dedicated already).")
                              .replace("%1", str(max(0, free))).replace("%2", str(group.seat_limit))
                              .replace("%3", str(group.enrolled_count - group.reserved_taken))
                              .replace("%4", str(group.reserved_seats)))
        if draft.programme_id is not None and session.get(Programme, draft.programme_id) is None:
            raise NotFound(translate("Shares", "That programme no longer exists."))
        if draft.release_round_id is not None and session.get(Round, draft.release_round_id) is None:
            raise NotFound(translate("Shares", "That round no longer exists."))
        share_id = session.execute(insert(SeatShare).values(
            group_id=group_id, seats=draft.seats, taken=0, programme_id=draft.programme_id, level=draft.level,
            mode=draft.mode, stage=draft.stage, listed=listed,
            release_at=as_utc(draft.release_at) if draft.release_at is not None else None,
            release_round_id=draft.release_round_id, created_at=uow.now, created_by_id=uow.staff_id,
        ).returning(SeatShare.id)).scalar_one()
        if listed:
            session.execute(insert(SeatShareStudent), [{"share_id": share_id, "student_id": sid}
                                                       for sid in sorted(set(draft.student_ids))])
        session.execute(update(ClassGroup).where(ClassGroup.id == group_id)
                        .values(reserved_seats=ClassGroup.reserved_seats + draft.seats)
                        .execution_options(synchronize_session=False))
        uow.record_change(ShareAction.ADD, entity="seat_share", entity_id=share_id, after={
            "group_id": group_id, "seats": draft.seats, "programme_id": draft.programme_id,
            "level": draft.level, "mode": draft.mode, "stage": draft.stage,
            "listed": len(set(draft.student_ids)) if listed else None,
            "release_at": draft.release_at.isoformat() if draft.release_at else None,
            "release_round_id": draft.release_round_id}, reason=reason)
        return share_id


def _share(session: Session, share_id: int) -> SeatShare:
    bounds.RECORD_ID.check(share_id)
    share = session.get(SeatShare, share_id)
    if share is None:
        raise NotFound(translate("Shares", "Those dedicated seats no longer exist."))
    return share


def release_share(uow: UnitOfWork, share_id: int, *, reason: str) -> None:
    """Release a share now: its free seats go to everyone."""
    reason = _reason(reason)
    with uow.write() as session:
        group_id = _share(session, share_id).group_id
        _locked(uow, group_id)
        share = _share(session, share_id)
        session.refresh(share)
        if share.released_at is not None:
            raise DomainError(translate("Shares", "Those seats are released already."))
        _give_back(session, share, uow.now)
        uow.seat_freed(group_id)
        uow.record_change(ShareAction.RELEASE, entity="seat_share", entity_id=share_id,
                          before={"group_id": group_id, "seats": share.seats, "taken": share.taken},
                          after={"group_id": group_id, "seats": share.seats, "released": True}, reason=reason)


def remove_share(uow: UnitOfWork, share_id: int, *, reason: str) -> None:
    """Remove a share: its seats are everyone's again, and those who took one keep it as one of everyone's."""
    reason = _reason(reason)
    with uow.write() as session:
        group_id = _share(session, share_id).group_id
        _locked(uow, group_id)
        share = _share(session, share_id)
        session.refresh(share)
        seats, taken = share.seats, share.taken
        if share.released_at is None:
            _give_back(session, share, uow.now)
        uow.seat_freed(group_id)
        session.execute(update(Enrollment).where(Enrollment.share_id == share_id).values(share_id=None)
                        .execution_options(synchronize_session=False))
        session.execute(delete(SeatShareStudent).where(SeatShareStudent.share_id == share_id))
        session.execute(delete(SeatShare).where(SeatShare.id == share_id))
        session.expunge(share)
        uow.record_change(ShareAction.REMOVE, entity="seat_share", entity_id=share_id,
                          before={"group_id": group_id, "seats": seats, "taken": taken}, operation="delete",
                          reason=reason)


def release_due(uow: UnitOfWork) -> int:
    """The timer's job (and ``desk groups release-due``): the dedicated seats whose moment has passed released, and
    each of their groups' waiting lists asked for the seats they free; how many shares were released.

    A write that reads a due share carries its release out anyway (``rule_facts.release_due``); this is for the
    group nobody writes to at that moment, where the first student on the waiting list is owed the seat.
    """
    now = uow.now
    due = (select(SeatShare.id, SeatShare.group_id)
           .outerjoin(Round, Round.id == SeatShare.release_round_id)
           .where(SeatShare.released_at.is_(None), or_(SeatShare.release_at <= now, Round.starts_at <= now)))
    with uow.read() as session:
        found = session.execute(due).all()
    if not found:
        return 0
    group_ids = sorted({group_id for _share_id, group_id in found})
    with uow.write() as session:
        rule_facts.groups(session, group_ids, lock=True, timetables=False, now=now)  # locked, the releases carried out
        for group_id in group_ids:
            uow.seat_freed(group_id)
        return session.scalar(select(func.count()).select_from(SeatShare).where(
            SeatShare.id.in_([share_id for share_id, _group_id in found]), SeatShare.released_at.is_not(None))) or 0


def _give_back(session: Session, share: SeatShare, now: datetime) -> None:
    session.execute(update(SeatShare).where(SeatShare.id == share.id).values(released_at=now)
                    .execution_options(synchronize_session=False))
    session.execute(update(ClassGroup).where(ClassGroup.id == share.group_id)
                    .values(reserved_seats=ClassGroup.reserved_seats - share.seats,
                            reserved_taken=ClassGroup.reserved_taken - share.taken)
                    .execution_options(synchronize_session=False))
