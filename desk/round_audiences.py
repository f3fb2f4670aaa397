"""Rounds for chosen students, and staggered starts: whom a round is for, and the minute each student opens it.

A round may be meant for an audience: the students of a programme, level, mode and stage (any left
open), or those on a list. A staggered round opens at each student's own minute, their turn: by a
ranking the unit provides (e.g. five turns of 20% each by grade average, from a file), or by their
cohort (e.g. the third year first, then the second, then the first). Each student's minute is
computed here and kept (``round_starts``); a student with none (admitted later) opens the round
with the last turn. Whether a student may act now is the rulebook's (``rules.round_for``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from desk import bounds
from desk.access import GRANT_STATUSES, programme_facts_of
from desk.changes import Action, Description, Shown
from desk.clock import as_utc, format_local
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.model import Level, Programme, Registration, Round, RoundStart, RoundStudent, Student, StudyMode
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork

MAX_TURNS = 50
MAX_MINUTES = 7 * 24 * 60  # between two turns
MAX_LISTED = 100_000


class AudienceAction(Action):
    """What is done to whom a round is for and when each student opens it."""

    AUDIENCE = "round.audience"
    TURNS = "round.turns"

    def describe(self, shown: Shown) -> Description:
        name, registration_id = shown.names.round(shown.entity_id)
        where = f" ({shown.names.registration(registration_id)})" if registration_id is not None else ""
        a = shown.after
        if self is AudienceAction.AUDIENCE:
            words = (translate("History", "Round \u201c%1\u201d opened to everyone the registration admits")
                     if a.get("everyone") else translate("History", "Round \u201c%1\u201d meant for chosen students"))
        else:
            words = (translate("History", "Round \u201c%1\u201d opens for everyone at once") if not a.get("turns")
                     else translate("History", "Round \u201c%1\u201d opens in %2 turns").replace("%2", str(a.get("turns"))))
        return Description(words.replace("%1", name) + where, frozenset({"everyone", "turns"}))


@dataclass(frozen=True)
class AudienceDraft:
    """Whom a round is for: a rule (any of programme, level, mode, stage) or a list of students."""

    programme_id: int | None = None
    level: Level | None = None
    mode: StudyMode | None = None
    stage: int | None = None
    student_ids: tuple[int, ...] | None = None


@dataclass(frozen=True)
class Turn:
    number: int  # 1 the first
    starts_at: datetime
    students: int


@dataclass(frozen=True)
class TurnsDone:
    """The turns as computed: each with its start and its students; the lines of a ranking that named nobody."""

    turns: tuple[Turn, ...]
    unknown: tuple[str, ...] = ()  # student numbers not at the desk
    unreadable: tuple[int, ...] = ()  # line numbers without a number and a score
    duplicates: tuple[str, ...] = ()  # named twice: the first line counts


def _round(session: Session, round_id: int) -> tuple[Round, Registration]:
    bounds.RECORD_ID.check(round_id)
    row = session.get(Round, round_id)
    if row is None:
        raise NotFound(translate("Rounds", "That round no longer exists."))
    return row, session.get(Registration, row.registration_id)


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Rounds", "Say why (it is kept with the change)."))
    return reason


def set_audience(uow: UnitOfWork, round_id: int, draft: AudienceDraft | None, *, reason: str) -> None:
    """Mean the round for an audience (``draft``), or for everyone the registration admits again (None)."""
    reason = _reason(reason)
    listed = draft is not None and draft.student_ids is not None
    if draft is not None:
        if draft.stage is not None and not 1 <= draft.stage <= 10:
            raise DomainError(translate("Rounds", "A stage is a number from 1 to 10."))
        if listed and not draft.student_ids:
            raise DomainError(translate("Rounds", "The list names no student."))
        if listed and len(set(draft.student_ids)) > MAX_LISTED:
            raise DomainError(translate("Rounds", "A list may name at most %1 students.").replace("%1", f"{MAX_LISTED:,}"))
        if listed and any(v is not None for v in (draft.programme_id, draft.level, draft.mode, draft.stage)):
            raise DomainError(translate("Rounds", "A round is for the students on a list or for those matching a rule, "
                                                  "not both."))
        if not listed and all(v is None for v in (draft.programme_id, draft.level, draft.mode, draft.stage)):
            raise DomainError(translate("Rounds", "Choose whom the round is for: a programme, level, mode or stage, "
                                                  "or a list of students."))
    with uow.write() as session:
        row, registration = _round(session, round_id)
        uow.require(Permission.MANAGE_REGISTRATIONS, registration.unit_id)
        if draft is not None and draft.programme_id is not None and session.get(Programme, draft.programme_id) is None:
            raise NotFound(translate("Rounds", "That programme no longer exists."))
        session.execute(delete(RoundStudent).where(RoundStudent.round_id == round_id))
        row.audience_programme_id = draft.programme_id if draft is not None else None
        row.audience_level = draft.level if draft is not None else None
        row.audience_mode = draft.mode if draft is not None else None
        row.audience_stage = draft.stage if draft is not None else None
        row.audience_listed = listed
        if listed:
            session.execute(insert(RoundStudent), [{"round_id": round_id, "student_id": sid}
                                                   for sid in sorted(set(draft.student_ids))])
        session.flush()
        after = {"everyone": draft is None, "programme_id": row.audience_programme_id, "level": row.audience_level,
                 "mode": row.audience_mode, "stage": row.audience_stage,
                 "listed": len(set(draft.student_ids)) if listed else None}
        uow.record_change(AudienceAction.AUDIENCE, entity="round", entity_id=round_id, after=after, reason=reason,
                          portal={"registration_id": registration.id})


# A ranking line: a student number, then a score (a decimal point or comma), separated by ; , tab or spaces.
_LINE = re.compile(r"^\s*(\d{1,20})\s*[;,\t ]\s*([-+]?\d{1,9}(?:[.,]\d{1,6})?)\s*$")


def turns_by_ranking(uow: UnitOfWork, round_id: int, text: str, *, turns: int, minutes: int, reason: str) -> TurnsDone:
    """The ranking's students in ``turns`` turns of equal size, the highest score first, ``minutes`` apart from the
    round's start. ``text``: one student a line, their number and score (a file's text, or pasted)."""
    reason = _reason(reason)
    _check_turns(turns, minutes)
    ranked: list[tuple[Decimal, int, str]] = []
    unreadable: list[int] = []
    seen: set[str] = set()
    duplicates: list[str] = []
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if match is None:
            if line_number > 1 or any(ch.isdigit() for ch in line):  # a heading on the first line is let be
                unreadable.append(line_number)
            continue
        number, score = match.group(1), match.group(2).replace(",", ".")
        if number in seen:
            duplicates.append(number)
            continue
        seen.add(number)
        try:
            ranked.append((Decimal(score), line_number, number))
        except InvalidOperation:  # the pattern lets only numbers through; kept for the bound
            unreadable.append(line_number)
    if len(ranked) > MAX_LISTED:
        raise DomainError(translate("Rounds", "A ranking may name at most %1 students.").replace("%1", f"{MAX_LISTED:,}"))
    if not ranked:
        raise DomainError(translate("Rounds", "The ranking names no student: each line needs a student number and a "
                                              "score, e.g. 123456;4.75."))
    with uow.write() as session:
        row, registration = _round(session, round_id)
        uow.require(Permission.MANAGE_REGISTRATIONS, registration.unit_id)
        ids: dict[str, int] = {}
        numbers = [number for _score, _line, number in ranked]
        for start in range(0, len(numbers), 5000):
            ids.update(session.execute(select(Student.student_number, Student.id)
                                       .where(Student.student_number.in_(numbers[start:start + 5000]))).all())
        known = sorted(((score, line, number) for score, line, number in ranked if number in ids),
                       key=lambda item: (-item[0], item[1]))  # the best first; a tie in the file's order
        order = [ids[number] for _score, _line, number in known]
        done = _store(uow, session, row, registration, _in_turns(order, turns), turns, minutes, reason, "ranking")
        return TurnsDone(done, tuple(number for _s, _l, number in ranked if number not in ids), tuple(unreadable),
                         tuple(duplicates))


def turns_by_cohort(uow: UnitOfWork, round_id: int, stages: list[int], *, minutes: int, reason: str) -> TurnsDone:
    """One turn a stage, in the order given (e.g. [3, 2, 1]: the third year first), ``minutes`` apart; the students of
    the registration in another stage, with the last turn."""
    reason = _reason(reason)
    if not stages or len(set(stages)) != len(stages) or any(not 1 <= s <= 10 for s in stages):
        raise DomainError(translate("Rounds", "Give the stages in the order their turns come, each once, e.g. 3, 2, 1."))
    _check_turns(len(stages), minutes)
    from desk.readiness import meant_for  # the students the registration is meant for (a sweep's question too)

    with uow.write() as session:
        row, registration = _round(session, round_id)
        uow.require(Permission.MANAGE_REGISTRATIONS, registration.unit_id)
        students = meant_for(session, registration, uow.now)
        programmes = programme_facts_of(session, students)
        turn_of = {stage: index for index, stage in enumerate(stages)}
        last = len(stages) - 1
        groups: list[list[int]] = [[] for _ in stages]
        for sid in students:
            studied = [p.stage for p in programmes.get(sid, ()) if p.status in GRANT_STATUSES]
            # A student of two programmes goes with the earliest turn either gives them.
            groups[min((turn_of.get(stage, last) for stage in studied), default=last)].append(sid)
        return TurnsDone(_store(uow, session, row, registration, groups, len(stages), minutes, reason, "cohort"))


def clear_turns(uow: UnitOfWork, round_id: int, *, reason: str) -> None:
    """The round opens for everyone at its start again."""
    reason = _reason(reason)
    with uow.write() as session:
        row, registration = _round(session, round_id)
        uow.require(Permission.MANAGE_REGISTRATIONS, registration.unit_id)
        if row.last_turn_at is None:
            raise DomainError(translate("Rounds", "The round opens for everyone at once already."))
        _store(uow, session, row, registration, [], 0, 0, reason, None)


def _check_turns(turns: int, minutes: int) -> None:
    if not 1 <= turns <= MAX_TURNS:
        raise DomainError(translate("Rounds", "A round has from 1 to %1 turns.").replace("%1", str(MAX_TURNS)))
    if not 1 <= minutes <= MAX_MINUTES:
        raise DomainError(translate("Rounds", "Turns are from 1 minute to 7 days apart."))


def _in_turns(order: list[int], turns: int) -> list[list[int]]:
    size = max(1, math.ceil(len(order) / turns))
    return [order[index * size:(index + 1) * size] for index in range(turns)]


def _store(uow: UnitOfWork, session: Session, row: Round, registration: Registration, groups: list[list[int]],
           turns: int, minutes: int, reason: str, by: str | None) -> tuple[Turn, ...]:
    """Each student's own start kept (those of before replaced), the round's last turn with it; recorded."""
    starts = as_utc(row.starts_at)
    made = tuple(Turn(index + 1, starts + timedelta(minutes=index * minutes), len(ids)) for index, ids in enumerate(groups))
    if made and made[-1].starts_at >= as_utc(row.ends_at):
        raise DomainError(translate("Rounds", "The last turn would open on %1, when the round has ended: fewer turns "
                                              "or fewer minutes between them.")
                          .replace("%1", format_local(made[-1].starts_at)))  # as the clerk reads times
    session.execute(delete(RoundStart).where(RoundStart.round_id == row.id))
    rows = [{"round_id": row.id, "student_id": sid, "starts_at": turn.starts_at, "turn": turn.number}
            for turn, ids in zip(made, groups) for sid in ids]
    for start in range(0, len(rows), 5000):
        session.execute(insert(RoundStart), rows[start:start + 5000])
    row.last_turn_at = made[-1].starts_at if made else None
    session.flush()
    uow.record_change(AudienceAction.TURNS, entity="round", entity_id=row.id,
                      after={"turns": turns, "minutes": minutes, "by": by, "students": len(rows)}, reason=reason,
                      portal={"registration_id": registration.id})
    return made


_rst = RoundStart.__table__
_MOVE_START = (update(_rst).where(_rst.c.round_id == bindparam("round"), _rst.c.student_id == bindparam("sid"))
               .values(starts_at=bindparam("at")))


def shift_turns(session: Session, round_id: int, by: timedelta) -> None:
    """A staggered round moved in time takes its turns with it (saving the round calls this)."""
    if not by:
        return
    row = session.get(Round, round_id)
    if row is not None and row.last_turn_at is not None:
        row.last_turn_at = as_utc(row.last_turn_at) + by
    rows = session.execute(select(_rst.c.student_id, _rst.c.starts_at).where(_rst.c.round_id == round_id)).all()
    for start in range(0, len(rows), 5000):
        session.execute(_MOVE_START, [{"round": round_id, "sid": sid, "at": as_utc(at) + by}
                                      for sid, at in rows[start:start + 5000]])


@dataclass(frozen=True)
class OwnStart:
    """When a round opens for one student: the card shows it."""

    registration_id: int
    registration_code: str
    round_name: str
    starts_at: datetime  # the student's own minute (or the round's start)
    turn: int | None  # their turn, in a staggered round
    in_audience: bool


def own_starts(uow: UnitOfWork, student_id: int) -> list[OwnStart]:
    """The rounds still to end that are staggered or meant for an audience, as they stand for the student."""
    from desk import rule_facts, rules

    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        now = uow.now
        rows = session.execute(
            select(Round.registration_id, Registration.code).join(Registration, Registration.id == Round.registration_id)
            .where(Round.ends_at > now, (Round.last_turn_at.is_not(None)) | Round.audience_listed
                   | Round.audience_programme_id.is_not(None) | Round.audience_level.is_not(None)
                   | Round.audience_mode.is_not(None) | Round.audience_stage.is_not(None))
            .distinct()).all()
        codes = dict(rows)
        found: list[OwnStart] = []
        by_registration = rule_facts.rounds_of(session, codes)
        for registration_id, rounds in sorted(by_registration.items(), key=lambda item: codes[item[0]]):
            plans = rule_facts.round_plans(rounds)
            entrant = rule_facts.entrants(session, plans, [student_id]).get(student_id, rules.ANYONE)
            for plan in plans:
                if as_utc(plan.ends_at) <= as_utc(now) or (plan.audience is None and plan.last_turn is None):
                    continue
                turn = session.scalar(select(RoundStart.turn).where(RoundStart.round_id == plan.id,
                                                                    RoundStart.student_id == student_id))
                found.append(OwnStart(registration_id, codes[registration_id], plan.name,
                                      rules.opens_for(plan, entrant), turn, rules.in_audience(plan, entrant)))
        return found
