"""The facts the rulebook decides on, read from the database: one student's or, in bulk, a batch's."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Row, bindparam, func, select, update
from sqlalchemy.orm import Session

from desk.access import GRANT_STATUSES, AccessFacts, Admissions, access_facts, admission_rules, programme_facts_of
from desk.clock import as_utc, now_utc
from desk.db import connection_of
from desk.model import (
    ClassGroup,
    Course,
    Enrollment,
    EnrollmentStatus,
    Programme,
    Registration,
    RegistrationCourse,
    RegistrationFactsStamp,
    RegistrationKind,
    Round,
    RoundStart,
    RoundStudent,
    SeatShare,
    SeatShareStudent,
    Student,
    TimetableSlot,
    TokenEntry,
    TokenType,
)
from desk.rules import (
    ANYONE,
    NOBODY_IN_PARTICULAR,
    Admission,
    Audience,
    Entrant,
    GroupFacts,
    Held,
    RegistrationFacts,
    RoundFacts,
    RoundPlan,
    Seeker,
    ShareFacts,
    SlotFacts,
    Study,
    Tokens,
    round_for,
)


# The hot statements are built once (their cache keys with them), on the tables, and run on the
# session's connection: a first-come rush asks them for every student's action, and building a
# statement, or the ORM's bookkeeping, costs more than running it.
_g, _c, _e = ClassGroup.__table__, Course.__table__, Enrollment.__table__
_GROUP_COLUMNS = (_g.c.id, _g.c.course_id, _c.c.code, _g.c.term_id, _g.c.class_type, _g.c.number, _g.c.seat_limit,
                  _g.c.enrolled_count, _g.c.closed_at, _g.c.reserved_seats)
_GROUPS = select(*_GROUP_COLUMNS).join(_c, _c.c.id == _g.c.course_id).where(_g.c.id.in_(bindparam("ids", expanding=True)))
# The same, the groups locked as they are read (PostgreSQL; in id order, the lock order of every writer of groups).
_GROUPS_LOCKED = _GROUPS.order_by(_g.c.id).with_for_update(of=_g)
_s = Student.__table__
_LOCK_STUDENTS = select(_s.c.id).where(_s.c.id.in_(bindparam("ids", expanding=True))).order_by(_s.c.id).with_for_update()
_HELD = (
    select(_e.c.student_id, _e.c.id, _e.c.registration_id, *_GROUP_COLUMNS)
    .select_from(_e)
    .join(_g, _g.c.id == _e.c.group_id)
    .join(_c, _c.c.id == _g.c.course_id)
    .where(_e.c.student_id.in_(bindparam("students", expanding=True)), _e.c.status == EnrollmentStatus.ACCEPTED)
    .order_by(_e.c.id)
)
# "+ 0": SQLite would otherwise start from the term's groups, not from the students' few enrollments.
_HELD_IN_TERM = _HELD.where(_g.c.term_id + 0 == bindparam("term"))
_r, _rc, _rounds = Registration.__table__, RegistrationCourse.__table__, Round.__table__
_REGISTRATIONS = (select(_r.c.id, _r.c.code, _r.c.term_id, _r.c.selection_limit, _r.c.kind, _r.c.entitled_only,
                         _r.c.clash_check)
                  .where(_r.c.id.in_(bindparam("ids", expanding=True))))
_OFFERED = select(_rc.c.registration_id, _rc.c.course_id).where(_rc.c.registration_id.in_(bindparam("ids", expanding=True)))
_ROUNDS = (select(_rounds.c.registration_id, _rounds.c.id, _rounds.c.name, _rounds.c.starts_at, _rounds.c.ends_at,
                  _rounds.c.unregister_allowed, _rounds.c.audience_programme_id, _rounds.c.audience_level,
                  _rounds.c.audience_mode, _rounds.c.audience_stage, _rounds.c.audience_listed, _rounds.c.last_turn_at)
           .where(_rounds.c.registration_id.in_(bindparam("ids", expanding=True)))
           .order_by(_rounds.c.registration_id, _rounds.c.starts_at))


_t = TimetableSlot.__table__
_SLOTS = (select(_t.c.group_id, _t.c.weekday, _t.c.starts_at, _t.c.ends_at)
          .where(_t.c.group_id.in_(bindparam("ids", expanding=True)))
          .order_by(_t.c.group_id, _t.c.weekday, _t.c.starts_at))


_STAMP = select(RegistrationFactsStamp.__table__.c.version)


@dataclass(frozen=True)
class _Known:
    """One registration's facts as a process keeps them: the row, its offered courses, rounds and access
    rules, with the stamp they were read under.

    A rush asks them for every student's action and they seldom change, so a process keeps them per
    database (engine) and asks only the stamp, which database triggers move on any change of the four
    tables by any writer (migration 0015): a changed stamp, or a registration not kept, is read anew.
    The copy is as fresh as reading them would be: both happen before the write lock, in the same read.
    """

    stamp: int
    row: Any
    facts: RegistrationFacts
    plans: list
    rules: list

    @staticmethod
    def of(session: Session, registration_ids: Iterable[int]) -> dict[int, _Known]:
        connection = connection_of(session)
        stamp = connection.execute(_STAMP).scalar()
        kept = _KEPT.setdefault(session.get_bind().engine, {})
        found = {rid: kept[rid] for rid in registration_ids if rid in kept and kept[rid].stamp == stamp}
        missing = sorted(set(registration_ids) - set(found))
        if missing:
            rows = {row.id: row for row in connection.execute(_REGISTRATIONS, {"ids": missing})}
            facts = registrations(session, rows.values())
            rounds = rounds_of(session, rows)
            for rid, row in rows.items():
                found[rid] = kept[rid] = _Known(stamp, row, facts[rid], round_plans(rounds.get(rid, [])),
                                                admission_rules(session, rid))
        return found


# Per database (its engine, gone with it): registration id -> what is known of it.
_KEPT: WeakKeyDictionary[Any, dict[int, _Known]] = WeakKeyDictionary()


def _group(row) -> GroupFacts:
    group_id, course_id, code, term_id, class_type, number, seat_limit, enrolled, closed_at, _reserved = row
    return GroupFacts(group_id, course_id, code, term_id, str(class_type), number, seat_limit, enrolled,
                      closed=closed_at is not None)


# --- dedicated seats ------------------------------------------------------------------------------
#
# A group's shares are read only where its row says it keeps seats (``reserved_seats``): most groups
# have none, and a rush asks for every action. A share is released at the moment asked when a clerk
# released it, its instant has passed, or the round it waits for has started. One whose moment has
# passed is carried out by the first write that reads it under the group's lock (``release_due``):
# its seats and takers leave the group's row, so that the conditional UPDATE of everyone's seats sees them.
_sh, _shs, _p = SeatShare.__table__, SeatShareStudent.__table__, Programme.__table__
_SHARES = (
    select(_sh.c.id, _sh.c.group_id, _sh.c.seats, _sh.c.taken, _sh.c.programme_id, _sh.c.level, _sh.c.mode,
           _sh.c.stage, _sh.c.listed, _sh.c.release_at, _rounds.c.starts_at, _sh.c.released_at, _p.c.code)
    .select_from(_sh)
    .outerjoin(_rounds, _rounds.c.id == _sh.c.release_round_id)
    .outerjoin(_p, _p.c.id == _sh.c.programme_id)
    .where(_sh.c.group_id.in_(bindparam("ids", expanding=True)))
    .order_by(_sh.c.group_id, _sh.c.id)
)
_LISTED = select(_shs.c.student_id, _shs.c.share_id).where(
    _shs.c.share_id.in_(bindparam("shares", expanding=True)), _shs.c.student_id.in_(bindparam("students", expanding=True)))
_RELEASE = (update(_sh).where(_sh.c.id == bindparam("share"), _sh.c.released_at.is_(None))
            .values(released_at=bindparam("at")).returning(_sh.c.seats, _sh.c.taken))
_GIVE_BACK_RESERVED = (update(_g).where(_g.c.id == bindparam("group"))
                       .values(reserved_seats=_g.c.reserved_seats - bindparam("seats"),
                               reserved_taken=_g.c.reserved_taken - bindparam("taken")))


@dataclass(frozen=True)
class ShareRow:
    """A share as stored: its facts at the moment asked, and whether its release is due but not carried out."""

    facts: ShareFacts
    due: bool


def release_moment(release_at: datetime | None, round_starts: datetime | None) -> datetime | None:
    """When a share is released by itself: at its instant, or when its round starts, whichever comes first."""
    moments = [as_utc(m) for m in (release_at, round_starts) if m is not None]
    return min(moments) if moments else None


def shares(session: Session, group_ids: Iterable[int], now: datetime) -> dict[int, list[ShareRow]]:
    """The groups' shares as they stand at ``now``, by group."""
    found: dict[int, list[ShareRow]] = {}
    ids = sorted(set(group_ids))
    if not ids:
        return found
    now = as_utc(now)
    for (sid, gid, seats, taken, programme_id, level, mode, stage, listed, release_at, round_starts, released_at,
         code) in connection_of(session).execute(_SHARES, {"ids": ids}):
        moment = release_moment(release_at, round_starts)
        due = released_at is None and moment is not None and moment <= now
        facts = ShareFacts(sid, seats, taken, released_at is not None or due, programme_id,
                           None if level is None else str(level), None if mode is None else str(mode), stage,
                           bool(listed), code or "")
        found.setdefault(gid, []).append(ShareRow(facts, due))
    return found


def _with_shares(session: Session, found: dict[int, GroupFacts], reserving: Iterable[int], now: datetime | None,
                 release: bool) -> dict[int, GroupFacts]:
    reserving = sorted(reserving)
    if not reserving:
        return found
    read = shares(session, reserving, now or now_utc())
    if release:
        release_due(session, read, now or now_utc())
    return {gid: replace(facts, shares=tuple(row.facts for row in read.get(gid, ()))) if gid in read else facts
            for gid, facts in found.items()}


def release_due(session: Session, read: dict[int, list[ShareRow]], now: datetime) -> None:
    """Carry out the releases whose moment has passed (inside a write, the groups locked): each share marked
    released once, and its seats and takers taken off its group's row."""
    connection = connection_of(session)
    for gid, rows in read.items():
        for row in rows:
            if not row.due:
                continue
            done = connection.execute(_RELEASE, {"share": row.facts.id, "at": as_utc(now)}).one_or_none()
            if done is not None:
                connection.execute(_GIVE_BACK_RESERVED, {"group": gid, "seats": done[0], "taken": done[1]})


def seekers(session: Session, student_ids: Iterable[int], groups: Iterable[GroupFacts]) -> dict[int, Seeker]:
    """What the groups' dedicated seats ask of the students (their programmes, the lists that name them), by
    student; nothing is read when none of the groups keeps seats."""
    share_ids = sorted({share.id for group in groups for share in group.reserved})
    students = sorted(set(student_ids))
    if not share_ids or not students:
        return {}
    listed: dict[int, set[int]] = {}
    for student_id, share_id in connection_of(session).execute(_LISTED, {"shares": share_ids, "students": students}):
        listed.setdefault(student_id, set()).add(share_id)
    studies = programme_facts_of(session, students)
    return {sid: Seeker(_studies(studies.get(sid, ())), frozenset(listed.get(sid, ()))) for sid in students}


def seeker(session: Session, student_id: int, groups: Iterable[GroupFacts]) -> Seeker:
    return seekers(session, [student_id], groups).get(student_id, NOBODY_IN_PARTICULAR)


def slots(session: Session, group_ids: Iterable[int]) -> dict[int, tuple[SlotFacts, ...]]:
    """The groups' weekly timetables, by group (a group without one is left out)."""
    found: dict[int, list[SlotFacts]] = {}
    ids = sorted(set(group_ids))
    if ids:
        for group_id, weekday, starts, ends in connection_of(session).execute(_SLOTS, {"ids": ids}):
            found.setdefault(group_id, []).append(SlotFacts(weekday, starts.hour * 60 + starts.minute,
                                                            ends.hour * 60 + ends.minute))
    return {group_id: tuple(group_slots) for group_id, group_slots in found.items()}


def with_slots(facts: GroupFacts, timetables: dict[int, tuple[SlotFacts, ...]]) -> GroupFacts:
    return replace(facts, slots=timetables[facts.id]) if facts.id in timetables else facts


def groups(session: Session, group_ids: Iterable[int], *, lock: bool = False, timetables: bool = True,
           now: datetime | None = None) -> dict[int, GroupFacts]:
    """The groups, as they stand at ``now`` (the clock's, if not given), with their dedicated seats and timetables
    (unless the caller reads those with others'), by id; ``lock``: locked for the rest of the write transaction
    (on PostgreSQL: SQLite's writer holds the whole database already), and a share whose release is due
    released (``release_due``)."""
    ids = sorted(set(group_ids))
    if not ids:
        return {}
    query = _GROUPS_LOCKED if lock else _GROUPS
    rows = connection_of(session).execute(query, {"ids": ids}).all()
    found = _with_shares(session, {row[0]: _group(row) for row in rows}, (row[0] for row in rows if row[-1]), now,
                         release=lock)
    if not timetables:
        return found
    read = slots(session, found)
    return {gid: with_slots(facts, read) for gid, facts in found.items()}


def lock_students(session: Session, student_ids: Iterable[int]) -> None:
    """The students locked for the rest of the write transaction, in id order: on PostgreSQL every writer of
    seats locks its students first, then their groups (``groups(..., lock=True)``); SQLite's writer holds the
    whole database already."""
    ids = sorted(set(student_ids))
    if ids and session.get_bind().dialect.name == "postgresql":
        connection_of(session).execute(_LOCK_STUDENTS, {"ids": ids})


def held(session: Session, student_ids: Iterable[int], term_id: int | None, *, timetables: bool = True
         ) -> dict[int, list[Held]]:
    """The standing enrollments of many students (in the term, if given) in one query, by student, with their
    groups' timetables (unless the caller reads them with others')."""
    result: dict[int, list[Held]] = {}
    students = sorted(set(student_ids))
    if not students:
        return result
    connection = connection_of(session)
    rows = (connection.execute(_HELD, {"students": students}) if term_id is None
            else connection.execute(_HELD_IN_TERM, {"students": students, "term": term_id}))
    standing = [(row[0], Held(row[1], _group(row[3:]), row[2])) for row in rows]
    read = slots(session, {h.group.id for _sid, h in standing}) if timetables else {}
    for student_id, h in standing:
        result.setdefault(student_id, []).append(replace(h, group=with_slots(h.group, read)))
    return result


def groups_and_held(session: Session, group_ids: Iterable[int], student_ids: Iterable[int], *, lock: bool = False,
                    now: datetime | None = None) -> tuple[dict[int, GroupFacts], dict[int, list[Held]]]:
    """The groups (``groups``) and the students' standing enrollments in the groups' term (``held``), every
    timetable among them read in one query: a first-come batch asks both for every action."""
    found = groups(session, group_ids, lock=lock, timetables=False, now=now)
    terms = {group.term_id for group in found.values()}
    standing = held(session, student_ids, terms.pop() if len(terms) == 1 else None, timetables=False)
    read = slots(session, {*found, *(h.group.id for mine in standing.values() for h in mine)})
    return ({gid: with_slots(facts, read) for gid, facts in found.items()},
            {sid: [replace(h, group=with_slots(h.group, read)) for h in mine] for sid, mine in standing.items()})


def held_by(session: Session, student_id: int, term_id: int | None) -> list[Held]:
    return held(session, [student_id], term_id).get(student_id, [])


def registration(session: Session, row: Registration | Row) -> RegistrationFacts:
    """``row``: the registration, or a plain row with its id, code, term_id, selection_limit and kind."""
    return registrations(session, [row])[row.id]


def registrations(session: Session, rows: Iterable[Registration | Row]) -> dict[int, RegistrationFacts]:
    """Registrations as the rules see them (with the courses each offers, in one query), by id."""
    rows = {row.id: row for row in rows}
    offered: dict[int, set[int]] = {rid: set() for rid in rows}
    for rid, course_id in connection_of(session).execute(_OFFERED, {"ids": sorted(rows)}):
        offered[rid].add(course_id)
    return {rid: RegistrationFacts(row.id, row.code, row.term_id, frozenset(offered[rid]), row.selection_limit,
                                   row.kind is RegistrationKind.TOKEN, bool(row.clash_check)) for rid, row in rows.items()}


def round_now(session: Session, registration_id: int, now: datetime, student_id: int | None = None) -> RoundFacts:
    """The round open at ``now`` (to the student, when one is named: their audience and own start), else the next
    one to open, else none."""
    rows = rounds_of(session, [registration_id]).get(registration_id, [])
    if student_id is None:
        return round_at(rows, now)
    plans = round_plans(rows)
    return round_for(plans, as_utc(now), entrants(session, plans, [student_id]).get(student_id, ANYONE))


def round_plans(rows: Iterable[Row]) -> list[RoundPlan]:
    """One registration's rounds (rows of ``rounds_of``) as the rules see them."""
    plans = []
    for row in rows:
        audience = None
        if row.audience_listed or any(v is not None for v in (row.audience_programme_id, row.audience_level,
                                                              row.audience_mode, row.audience_stage)):
            audience = Audience(row.audience_programme_id, None if row.audience_level is None else str(row.audience_level),
                                None if row.audience_mode is None else str(row.audience_mode), row.audience_stage,
                                bool(row.audience_listed))
        plans.append(RoundPlan(row.id, row.name, as_utc(row.starts_at), as_utc(row.ends_at), bool(row.unregister_allowed),
                               audience, as_utc(row.last_turn_at) if row.last_turn_at is not None else None))
    return plans


_rs, _rst = RoundStudent.__table__, RoundStart.__table__
_ROUND_LISTS = select(_rs.c.student_id, _rs.c.round_id).where(
    _rs.c.round_id.in_(bindparam("rounds", expanding=True)), _rs.c.student_id.in_(bindparam("students", expanding=True)))
_OWN_STARTS = select(_rst.c.student_id, _rst.c.round_id, _rst.c.starts_at).where(
    _rst.c.round_id.in_(bindparam("rounds", expanding=True)), _rst.c.student_id.in_(bindparam("students", expanding=True)))


def entrants(session: Session, plans: Iterable[RoundPlan], student_ids: Iterable[int],
             programmes: dict | None = None) -> dict[int, Entrant]:
    """What the rounds ask of the students (their programmes, the lists that name them, their own starts), by
    student; nothing is read for rounds open alike to everyone (``programmes``: the students' programme facts,
    when already read)."""
    plans = tuple(plans)
    students = sorted(set(student_ids))
    by_audience = any(p.audience is not None and not p.audience.listed for p in plans)
    listed = sorted(p.id for p in plans if p.audience is not None and p.audience.listed)
    staggered = sorted(p.id for p in plans if p.last_turn is not None)
    if not students or not (by_audience or listed or staggered):
        return {}
    connection = connection_of(session)
    lists: dict[int, set[int]] = {}
    if listed:
        for student_id, round_id in connection.execute(_ROUND_LISTS, {"rounds": listed, "students": students}):
            lists.setdefault(student_id, set()).add(round_id)
    starts: dict[int, dict[int, datetime]] = {}
    if staggered:
        for student_id, round_id, starts_at in connection.execute(_OWN_STARTS, {"rounds": staggered, "students": students}):
            starts.setdefault(student_id, {})[round_id] = as_utc(starts_at)
    if by_audience and programmes is None:
        programmes = programme_facts_of(session, students)
    return {sid: Entrant(_studies((programmes or {}).get(sid, ())), frozenset(lists.get(sid, ())), starts.get(sid, {}))
            for sid in students}


def _studies(programme_facts) -> tuple[Study, ...]:
    """The programmes a student studies in a status that takes part (active, or on leave), as audiences ask."""
    return tuple(Study(p.programme_id, str(p.level), str(p.mode), p.stage) for p in programme_facts
                 if p.status in GRANT_STATUSES)


def rounds_of(session: Session, registration_ids: Iterable[int]) -> dict[int, list[Round]]:
    """The registrations' rounds, each registration's in the order they start."""
    found: dict[int, list[Round]] = {}
    for row in connection_of(session).execute(_ROUNDS, {"ids": sorted(set(registration_ids))}):
        found.setdefault(row.registration_id, []).append(row)
    return found


def round_at(rounds: list[Round], now: datetime) -> RoundFacts:
    """Of one registration's rounds (in the order they start): the one open at ``now``, else the next (as for
    everyone: a round's audience and staggered starts are asked of a student by ``round_now``)."""
    return round_for(round_plans(rounds), as_utc(now))


def admission_of(facts: AccessFacts) -> Admission:
    return Admission(facts.admitted_by_rule_or_grant, facts.revocation is not None, facts.status_allows)


def admission(session: Session, student_id: int, row: Registration, now: datetime) -> Admission:
    return admission_of(access_facts(session, student_id, row, now))


def tokens(session: Session, student_id: int, row: Registration, payment_accepted: bool | None) -> Tokens | None:
    """The student's balance of the registration's token type (None for a registration without tokens)."""
    if row.kind is not RegistrationKind.TOKEN or row.token_type_id is None:
        return None
    token = session.get(TokenType, row.token_type_id)
    balance = session.scalar(
        select(func.coalesce(func.sum(TokenEntry.amount), 0)).where(
            TokenEntry.student_id == student_id, TokenEntry.token_type_id == token.id)
    ) or 0
    return Tokens(token.code, int(balance), payment_accepted, str(token.semester_price))


class FirstCome:
    """What the rulebook asks about students' first-come actions that no write lock has to guard: the
    registrations (offered courses, rounds, selection limit) and each student's admission.

    Read before the write lock, once for a batch; what a concurrent write can change and the rules
    count on (the students' standing enrollments, the groups' places) is read under the lock.
    """

    def __init__(self, rows: dict[int, Registration], facts: dict[int, RegistrationFacts],
                 rounds: dict[int, list[RoundPlan]], admissions: dict[int, Admissions],
                 entrants: dict[int, dict[int, Entrant]] | None = None):
        self._rows, self._facts, self._rounds, self._admissions = rows, facts, rounds, admissions
        self._entrants = entrants or {}

    @classmethod
    def read(cls, session: Session, actions: Iterable[tuple[int, int, int]]) -> FirstCome:
        """For (student id, group id, registration id) of each action. The registrations' own facts come from
        this process's copy while the database's stamp of them is unchanged (see ``_Known``)."""
        students: dict[int, set[int]] = {}
        for student_id, _group_id, registration_id in actions:
            if registration_id is not None:
                students.setdefault(registration_id, set()).add(student_id)
        known = _Known.of(session, students)
        admissions = {rid: Admissions.read(session, k.row, students[rid], k.rules) for rid, k in known.items()}
        return cls({rid: k.row for rid, k in known.items()}, {rid: k.facts for rid, k in known.items()},
                   {rid: k.plans for rid, k in known.items()}, admissions,
                   {rid: entrants(session, k.plans, students[rid], admissions[rid].programmes)
                    for rid, k in known.items()})

    def registration(self, registration_id: int) -> RegistrationFacts | None:
        """None: no such registration (it was removed)."""
        return self._facts.get(registration_id)

    def round_at(self, registration_id: int, now: datetime, student_id: int) -> RoundFacts:
        """The round open to the student at ``now`` (their audience, their own start), else the next."""
        return round_for(self._rounds.get(registration_id, []), as_utc(now),
                         self._entrants.get(registration_id, {}).get(student_id, ANYONE))

    def admission(self, student_id: int, registration_id: int, now: datetime) -> Admission:
        return admission_of(self._admissions[registration_id].facts(student_id, now))
