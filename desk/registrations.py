"""The registration calendar: registrations, their rounds, what they offer, and round state from the clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import case, delete, func, select
from sqlalchemy.orm import Session

from desk.changes import Action, Description, Shown
from desk.clock import as_utc, format_local, now_utc
from desk.db import Database
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.model import (
    ClassGroup,
    Course,
    Level,
    OrgUnit,
    Programme,
    Registration,
    RegistrationCourse,
    RegistrationKind,
    Round,
    RoundStart,
    RoundStatus,
    RoundStudent,
    SeatShare,
    StudyMode,
    Term,
    TokenType,
)
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork


def round_state(starts_at: datetime, ends_at: datetime, now: datetime | None = None) -> RoundStatus:
    """A round's state is the clock's: preparing before it starts, active until it ends, then closed."""
    now = as_utc(now or now_utc())
    if now < as_utc(starts_at):
        return RoundStatus.PREPARING
    if now < as_utc(ends_at):
        return RoundStatus.ACTIVE
    return RoundStatus.CLOSED


# --- read side ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RoundLine:
    """A round as the calendar lists it, with whom it is for and whether it opens in turns (desk.round_audiences)."""

    id: int
    name: str
    starts_at: datetime
    ends_at: datetime
    state: RoundStatus
    unregister_allowed: bool
    micro_round_minutes: int | None
    micro_break_minutes: int | None
    # Its audience by rule (any part left open); none set and not listed: everyone the registration admits.
    audience_programme_id: int | None = None
    audience_programme_code: str | None = None
    audience_level: Level | None = None
    audience_mode: StudyMode | None = None
    audience_stage: int | None = None
    listed: int | None = None  # the students on its list, when it is meant for a list
    last_turn_at: datetime | None = None  # set: it opens in turns, the last one then

    @property
    def has_audience(self) -> bool:
        return self.listed is not None or any(v is not None for v in (
            self.audience_programme_id, self.audience_level, self.audience_mode, self.audience_stage))


@dataclass(frozen=True)
class RegistrationLine:
    """One registration in the calendar list."""

    id: int
    code: str
    name: str
    unit_id: int
    unit_code: str
    term_id: int
    term_code: str
    kind: RegistrationKind
    token_type_code: str | None
    selection_limit: int | None
    entitled_only: bool
    course_count: int
    rounds: tuple[RoundLine, ...]
    clash_check: bool = True  # groups that clash with one the student holds are refused
    exchanges: bool = False  # students may wish to swap a group for a sibling (desk.exchanges)
    waiting_lists: bool = False  # a full first-come group keeps a waiting list (desk.waiting_lists)

    @property
    def state(self) -> RoundStatus | None:
        """The registration's state: active if a round is, else preparing if one is still to come."""
        states = {r.state for r in self.rounds}
        for candidate in (RoundStatus.ACTIVE, RoundStatus.PREPARING, RoundStatus.CLOSED):
            if candidate in states:
                return candidate
        return None

    @property
    def unregister_allowed(self) -> bool | None:
        """Whether the round now running (or the next) lets students unregister."""
        current = current_or_next_round(self.rounds)
        return current.unregister_allowed if current else None


def current_or_next_round(rounds: tuple[RoundLine, ...]) -> RoundLine | None:
    for state in (RoundStatus.ACTIVE, RoundStatus.PREPARING):
        for line in sorted(rounds, key=lambda r: r.starts_at):
            if line.state is state:
                return line
    return None


@dataclass(frozen=True)
class OfferedCourse:
    id: int
    code: str
    name: str
    group_count: int
    seat_limit: int
    enrolled: int


@dataclass(frozen=True)
class RegistrationDetail:
    line: RegistrationLine
    message: str | None
    courses: tuple[OfferedCourse, ...]
    may_edit: bool


@dataclass(frozen=True)
class Choice:
    """An id with a label, for pick lists (units, terms, token types, courses)."""

    id: int
    code: str
    name: str


def _round_lines(session: Session, registration_ids: list[int], now: datetime) -> dict[int, list[RoundLine]]:
    """The rounds of the registrations, each with its audience's programme and the size of its list: one query."""
    lines: dict[int, list[RoundLine]] = {}
    if not registration_ids:
        return lines
    listed = (select(func.count()).select_from(RoundStudent).where(RoundStudent.round_id == Round.id)
              .correlate(Round).scalar_subquery())
    for row, programme_code, listed_count in session.execute(
        select(Round, Programme.code, case((Round.audience_listed, listed), else_=None))
        .outerjoin(Programme, Programme.id == Round.audience_programme_id)
        .where(Round.registration_id.in_(registration_ids)).order_by(Round.starts_at, Round.id)
    ):
        lines.setdefault(row.registration_id, []).append(
            RoundLine(
                id=row.id,
                name=row.name,
                starts_at=row.starts_at,
                ends_at=row.ends_at,
                state=round_state(row.starts_at, row.ends_at, now),
                unregister_allowed=row.unregister_allowed,
                micro_round_minutes=row.micro_round_minutes,
                micro_break_minutes=row.micro_break_minutes,
                audience_programme_id=row.audience_programme_id,
                audience_programme_code=programme_code,
                audience_level=row.audience_level,
                audience_mode=row.audience_mode,
                audience_stage=row.audience_stage,
                listed=int(listed_count or 0) if row.audience_listed else None,
                last_turn_at=row.last_turn_at,
            )
        )
    return lines


def _lines(session: Session, query, now: datetime) -> list[RegistrationLine]:
    course_count = (
        select(func.count())
        .select_from(RegistrationCourse)
        .where(RegistrationCourse.registration_id == Registration.id)
        .scalar_subquery()
    )
    rows = session.execute(
        query.add_columns(OrgUnit.code, Term.code, TokenType.code, course_count)
        .join(OrgUnit, OrgUnit.id == Registration.unit_id)
        .join(Term, Term.id == Registration.term_id)
        .outerjoin(TokenType, TokenType.id == Registration.token_type_id)
    ).all()
    rounds = _round_lines(session, [row[0].id for row in rows], now)
    return [
        RegistrationLine(
            id=reg.id,
            code=reg.code,
            name=reg.name,
            unit_id=reg.unit_id,
            unit_code=unit_code,
            term_id=reg.term_id,
            term_code=term_code,
            kind=reg.kind,
            token_type_code=token_code,
            selection_limit=reg.selection_limit,
            entitled_only=reg.entitled_only,
            course_count=count or 0,
            rounds=tuple(rounds.get(reg.id, ())),
            clash_check=reg.clash_check,
            exchanges=reg.exchanges,
            waiting_lists=reg.waiting_lists,
        )
        for reg, unit_code, term_code, token_code, count in rows
    ]


def list_registrations(uow: UnitOfWork, *,
    unit_id: int | None = None,
    term_id: int | None = None,
) -> list[RegistrationLine]:
    """The calendar: registrations of a unit and term (all when not given), by term and code."""
    uow.require(Permission.READ_STUDENTS)
    query = select(Registration)
    if unit_id is not None:
        query = query.where(Registration.unit_id == unit_id)
    if term_id is not None:
        query = query.where(Registration.term_id == term_id)
    query = query.order_by(Term.starts_on, Registration.code)
    with uow.read() as session:
        return _lines(session, query, uow.now)


def registration_detail(uow: UnitOfWork, registration_id: int) -> RegistrationDetail:
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        registration = _registration(session, registration_id)
        (line,) = _lines(session, select(Registration).where(Registration.id == registration_id), uow.now)
        courses = tuple(
            OfferedCourse(cid, code, name, groups or 0, int(limit or 0), int(enrolled or 0))
            for cid, code, name, groups, limit, enrolled in session.execute(
                select(
                    Course.id,
                    Course.code,
                    Course.name,
                    func.count(ClassGroup.id),
                    func.sum(ClassGroup.seat_limit),
                    func.sum(ClassGroup.enrolled_count),
                )
                .join(RegistrationCourse, RegistrationCourse.course_id == Course.id)
                .outerjoin(
                    ClassGroup,
                    (ClassGroup.course_id == Course.id) & (ClassGroup.term_id == registration.term_id),
                )
                .where(RegistrationCourse.registration_id == registration_id)
                .group_by(Course.id, Course.code, Course.name)
                .order_by(Course.code)
            )
        )
        return RegistrationDetail(
            line=line,
            message=registration.message,
            courses=courses,
            may_edit=uow.can(Permission.MANAGE_REGISTRATIONS, registration.unit_id),
        )


def units(db: Database) -> list[Choice]:
    with db.read() as session:
        return [Choice(i, c, n) for i, c, n in session.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.name).order_by(OrgUnit.code))]


def terms(db: Database) -> list[Choice]:
    with db.read() as session:
        return [Choice(i, c, n) for i, c, n in session.execute(select(Term.id, Term.code, Term.name).order_by(Term.starts_on))]


def token_types(db: Database) -> list[Choice]:
    with db.read() as session:
        return [
            Choice(i, c, n) for i, c, n in session.execute(select(TokenType.id, TokenType.code, TokenType.name).order_by(TokenType.code))
        ]


def courses_of_term(db: Database, term_id: int) -> list[Choice]:
    """Courses with at least one class group in the term: the ones a registration of it may offer."""
    with db.read() as session:
        return [
            Choice(i, c, n)
            for i, c, n in session.execute(
                select(Course.id, Course.code, Course.name)
                .where(Course.id.in_(select(ClassGroup.course_id).where(ClassGroup.term_id == term_id)))
                .order_by(Course.code)
            )
        ]


def current_term_ids(db: Database, *, today=None, count: int = 2) -> list[int]:
    """The term running today (or the next one) and the one after it: what the student card shows."""
    from desk.clock import to_local

    today = today or to_local(now_utc()).date()
    with db.read() as session:
        return list(
            session.scalars(select(Term.id).where(Term.ends_on >= today).order_by(Term.starts_on).limit(count))
        )


# --- writes ------------------------------------------------------------------------------


class RegistrationAction(Action):
    """What is done to the registration calendar: registrations and their rounds."""

    CREATE = "registration.create"
    UPDATE = "registration.update"
    ROUND_CREATE = "round.create"
    ROUND_UPDATE = "round.update"
    ROUND_DELETE = "round.delete"

    def describe(self, shown: Shown) -> Description:
        a, b, names = shown.after, shown.before, shown.names
        if self in (RegistrationAction.CREATE, RegistrationAction.UPDATE):
            code = str(a.get("code") or b.get("code") or names.registration(shown.entity_id))
            if self is RegistrationAction.CREATE:
                return Description(translate("History", "Registration %1 created").replace("%1", code), frozenset({"code"}))
            return Description(translate("History", "Registration %1 changed").replace("%1", code))
        name = str(a.get("name") or b.get("name") or "")
        round_name, registration_id = names.round(shown.entity_id)
        where = f" ({names.registration(registration_id)})" if registration_id is not None else ""
        words = {
            RegistrationAction.ROUND_CREATE: translate("History", "Round \u201c%1\u201d created"),
            RegistrationAction.ROUND_UPDATE: translate("History", "Round \u201c%1\u201d changed"),
            RegistrationAction.ROUND_DELETE: translate("History", "Round \u201c%1\u201d removed"),
        }[self]
        return Description(words.replace("%1", name or round_name) + where,
                           frozenset({"name"} if self is RegistrationAction.ROUND_CREATE else ()))


@dataclass(frozen=True)
class RegistrationDraft:
    """What the clerk entered for a registration."""

    code: str
    name: str
    unit_id: int
    term_id: int
    kind: RegistrationKind
    token_type_id: int | None = None
    selection_limit: int | None = None
    entitled_only: bool = True
    message: str | None = None
    course_ids: tuple[int, ...] = field(default_factory=tuple)
    clash_check: bool = True
    exchanges: bool = False
    waiting_lists: bool = False


@dataclass(frozen=True)
class RoundDraft:
    name: str
    starts_at: datetime
    ends_at: datetime
    unregister_allowed: bool = True
    micro_round_minutes: int | None = None
    micro_break_minutes: int | None = None


def _registration(session: Session, registration_id: int) -> Registration:
    registration = session.get(Registration, registration_id)
    if registration is None:
        raise NotFound(translate("Registrations", "There is no registration with the id %1.").replace("%1", str(registration_id)))
    return registration


def _snapshot(registration: Registration, course_ids) -> dict:
    return {
        "code": registration.code,
        "name": registration.name,
        "unit_id": registration.unit_id,
        "term_id": registration.term_id,
        "kind": registration.kind,
        "token_type_id": registration.token_type_id,
        "selection_limit": registration.selection_limit,
        "entitled_only": registration.entitled_only,
        "clash_check": registration.clash_check,
        "exchanges": registration.exchanges,
        "waiting_lists": registration.waiting_lists,
        "message": registration.message,
        "course_ids": sorted(course_ids),
    }


def _validate_registration(session: Session, draft: RegistrationDraft, registration_id: int | None) -> RegistrationDraft:
    code = draft.code.strip()
    name = draft.name.strip()
    if not code:
        raise DomainError(translate("Registrations", "A registration needs a code."))
    if not name:
        raise DomainError(translate("Registrations", "A registration needs a name."))
    holder = session.scalar(select(Registration.id).where(func.lower(Registration.code) == code.lower()))
    if holder is not None and holder != registration_id:
        raise DomainError(translate("Registrations", "The code %1 is already used by another registration.").replace("%1", code))
    if session.get(OrgUnit, draft.unit_id) is None:
        raise DomainError(translate("Registrations", "Choose the unit that organises the registration."))
    term = session.get(Term, draft.term_id)
    if term is None:
        raise DomainError(translate("Registrations", "Choose the term of the registration."))
    kind = RegistrationKind(draft.kind)
    token_type_id = draft.token_type_id
    if kind is RegistrationKind.TOKEN:
        if token_type_id is None or session.get(TokenType, token_type_id) is None:
            raise DomainError(translate("Registrations", "A token registration must name its token type."))
    else:
        token_type_id = None
    if draft.selection_limit is not None and draft.selection_limit < 1:
        raise DomainError(translate("Registrations", "The selection limit is at least 1 (or no limit)."))
    course_ids = tuple(dict.fromkeys(draft.course_ids))
    if course_ids:
        in_term = set(
            session.scalars(
                select(ClassGroup.course_id).where(ClassGroup.term_id == term.id, ClassGroup.course_id.in_(course_ids))
            )
        )
        outside = [cid for cid in course_ids if cid not in in_term]
        if outside:
            codes = session.scalars(select(Course.code).where(Course.id.in_(outside)).order_by(Course.code)).all()
            raise DomainError(
                translate("Registrations", "These courses have no class groups in the term %1: %2.")
                .replace("%1", term.code)
                .replace("%2", ", ".join(codes) or ", ".join(map(str, outside)))
            )
    return RegistrationDraft(
        code=code,
        name=name,
        unit_id=draft.unit_id,
        term_id=draft.term_id,
        kind=kind,
        token_type_id=token_type_id,
        selection_limit=draft.selection_limit,
        entitled_only=draft.entitled_only,
        message=(draft.message or "").strip() or None,
        course_ids=course_ids,
        clash_check=bool(draft.clash_check),
        exchanges=bool(draft.exchanges),
        waiting_lists=bool(draft.waiting_lists),
    )


def save_registration(uow: UnitOfWork, draft: RegistrationDraft, *, registration_id: int | None = None, reason: str = ""
) -> int:
    """Create (no id) or change a registration, with its offered courses; returns its id."""
    uow.require(Permission.MANAGE_REGISTRATIONS, draft.unit_id)
    with uow.write() as session:
        clean = _validate_registration(session, draft, registration_id)
        if registration_id is None:
            registration = Registration()
            session.add(registration)
            before = None
            old_courses: set[int] = set()
        else:
            registration = _registration(session, registration_id)
            uow.require(Permission.MANAGE_REGISTRATIONS, registration.unit_id)
            old_courses = set(
                session.scalars(select(RegistrationCourse.course_id).where(RegistrationCourse.registration_id == registration_id))
            )
            before = _snapshot(registration, old_courses)
        for name in ("code", "name", "unit_id", "term_id", "kind", "token_type_id", "selection_limit", "entitled_only", "clash_check",
                     "exchanges", "waiting_lists", "message"):
            setattr(registration, name, getattr(clean, name))
        session.flush()
        new_courses = set(clean.course_ids)
        for course_id in old_courses - new_courses:
            session.delete(session.get(RegistrationCourse, (registration.id, course_id)))
        for course_id in sorted(new_courses - old_courses):
            session.add(RegistrationCourse(registration_id=registration.id, course_id=course_id))
        after = _snapshot(registration, new_courses)
        if before == after:
            raise DomainError(translate("Registrations", "Nothing was changed."))
        uow.record_change(RegistrationAction.CREATE if before is None else RegistrationAction.UPDATE, entity="registration",
                          entity_id=registration.id, before=before, after=after, reason=reason.strip() or None)
        return registration.id


def _round_snapshot(row: Round) -> dict:
    return {
        "name": row.name,
        "starts_at": row.starts_at,
        "ends_at": row.ends_at,
        "unregister_allowed": row.unregister_allowed,
        "micro_round_minutes": row.micro_round_minutes,
        "micro_break_minutes": row.micro_break_minutes,
    }


def save_round(uow: UnitOfWork, registration_id: int,
    draft: RoundDraft,
    *,
    round_id: int | None = None,
    reason: str = "",
) -> int:
    """Create or change a round: it ends after it starts and overlaps no other round of the registration."""
    name = draft.name.strip()
    if not name:
        raise DomainError(translate("Registrations", "A round needs a name."))
    starts_at, ends_at = as_utc(draft.starts_at), as_utc(draft.ends_at)
    if ends_at <= starts_at:
        raise DomainError(translate("Registrations", "A round must end after it starts."))
    for value in (draft.micro_round_minutes, draft.micro_break_minutes):
        if value is not None and value <= 0:
            raise DomainError(translate("Registrations", "Micro-rounds and breaks last at least a minute."))
    with uow.write() as session:
        registration = _registration(session, registration_id)
        uow.require(Permission.MANAGE_REGISTRATIONS, registration.unit_id)
        if registration.kind is RegistrationKind.TOKEN and not (draft.micro_round_minutes and draft.micro_break_minutes):
            raise DomainError(translate("Registrations", "A token round needs the length of its micro-rounds and breaks."))
        for other in session.scalars(select(Round).where(Round.registration_id == registration_id, Round.id != (round_id or 0))):
            if starts_at < as_utc(other.ends_at) and as_utc(other.starts_at) < ends_at:
                raise DomainError(
                    translate("Registrations", "The round overlaps \u201c%1\u201d (%2 \u2013 %3).")
                    .replace("%1", other.name)
                    .replace("%2", format_local(other.starts_at))
                    .replace("%3", format_local(other.ends_at))
                )
        if round_id is None:
            row = Round(registration_id=registration_id)
            session.add(row)
            before = None
        else:
            row = session.get(Round, round_id)
            if row is None or row.registration_id != registration_id:
                raise NotFound(translate("Registrations", "That round no longer exists."))
            before = _round_snapshot(row)
        if before is not None and row.last_turn_at is not None:
            from desk.round_audiences import shift_turns  # the turns move with the round

            shift_turns(session, row.id, starts_at - as_utc(row.starts_at))
            session.refresh(row)
            if as_utc(row.last_turn_at) >= ends_at:
                raise DomainError(translate("Registrations", "The round's last turn would open after it ends: change "
                                                             "its turns first."))
        row.name = name
        row.starts_at, row.ends_at = starts_at, ends_at
        row.unregister_allowed = draft.unregister_allowed
        row.micro_round_minutes = draft.micro_round_minutes if registration.kind is RegistrationKind.TOKEN else None
        row.micro_break_minutes = draft.micro_break_minutes if registration.kind is RegistrationKind.TOKEN else None
        row.status = round_state(starts_at, ends_at, uow.now)
        session.flush()
        after = _round_snapshot(row)
        if before is not None and {k: str(v) for k, v in before.items()} == {k: str(v) for k, v in after.items()}:
            raise DomainError(translate("Registrations", "Nothing was changed."))
        uow.record_change(RegistrationAction.ROUND_CREATE if before is None else RegistrationAction.ROUND_UPDATE, entity="round",
                          entity_id=row.id, before=before, after=after, reason=reason.strip() or None,
                          portal={"registration_id": registration_id, **after})
        return row.id


def delete_round(uow: UnitOfWork, round_id: int, *, reason: str) -> None:
    """Remove a round that has not started yet; one that has started is history and stays."""
    with uow.write() as session:
        row = session.get(Round, round_id)
        if row is None:
            raise NotFound(translate("Registrations", "That round no longer exists."))
        registration = _registration(session, row.registration_id)
        uow.require(Permission.MANAGE_REGISTRATIONS, registration.unit_id)
        if round_state(row.starts_at, row.ends_at, uow.now) is not RoundStatus.PREPARING:
            raise DomainError(
                translate("Registrations", "The round \u201c%1\u201d has already started; change its end instead of removing it.").replace(
                    "%1", row.name
                )
            )
        waiting = session.scalar(select(func.count()).select_from(SeatShare).where(SeatShare.release_round_id == row.id))
        if waiting:
            raise DomainError(translate("Registrations", "Dedicated seats of %n groups are released when this round "
                                                         "starts: release them or remove them first.", None, waiting))
        uow.record_change(RegistrationAction.ROUND_DELETE, entity="round", entity_id=row.id, before=_round_snapshot(row),
                          reason=reason.strip() or None, operation="delete")
        session.execute(delete(RoundStudent).where(RoundStudent.round_id == row.id))
        session.execute(delete(RoundStart).where(RoundStart.round_id == row.id))
        session.delete(row)


def registration_by_code(db: Database, code: str) -> int:
    """The id of the registration with this code (any case), or NotFound."""
    with db.read() as session:
        found = session.scalar(select(Registration.id).where(func.lower(Registration.code) == code.strip().lower()))
    if found is None:
        raise NotFound(translate("Registrations", "There is no registration with the code %1.").replace("%1", code))
    return found
