"""Who may take part in a registration: rules, individual grants and revocations, and the decision."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import and_, bindparam, insert, or_, select, update
from sqlalchemy.orm import Session

from desk.chain import new_ids
from desk.changes import Action, Change, Description, Shown
from desk.clock import as_utc
from desk.db import Database, connection_of
from desk.errors import DomainError, NotFound, PermissionDenied
from desk.i18n import translate
from desk.model import (
    AccessDecision,
    AccessGrant,
    AccessRule,
    Level,
    Person,
    Programme,
    ProgrammeStatus,
    Registration,
    StaffUser,
    Student,
    StudentProgramme,
    StudyMode,
)
from desk.staff import Actor, Permission
from desk.unit_of_work import UnitOfWork


# Statuses under which a student may take part at all; on leave only by an individual grant.
RULE_STATUSES = {ProgrammeStatus.ACTIVE}
GRANT_STATUSES = {ProgrammeStatus.ACTIVE, ProgrammeStatus.ON_LEAVE}
MAX_LIST = 50_000


class AccessAction(Action):
    """What is done to access: individual decisions and the rules of a registration."""

    GRANT = "access.grant"
    REVOKE = "access.revoke"
    WITHDRAW = "access.withdraw"
    REPLACE = "access.replace"  # a standing decision replaced by a newer one for the same registration
    RULE_CREATE = "access_rule.create"
    RULE_DELETE = "access_rule.delete"

    def describe(self, shown: Shown) -> Description:
        names, a = shown.names, shown.after
        if self in (AccessAction.GRANT, AccessAction.REVOKE):
            words = (translate("History", "Access to %1 granted") if self is AccessAction.GRANT
                     else translate("History", "Access to %1 revoked"))
            return Description(words.replace("%1", names.registration(a.get("registration_id"))),
                               frozenset({"registration_id", "decision"}))
        if self is AccessAction.WITHDRAW:
            registration_id = names.grant_registration(shown.entity_id)
            if registration_id is None:
                return Description(translate("History", "Access decision withdrawn (the rules apply again)"),
                                   frozenset({"withdrawn_at"}))
            return Description(translate("History", "Access decision on %1 withdrawn (the rules apply again)")
                               .replace("%1", names.registration(registration_id)), frozenset({"withdrawn_at"}))
        if self is AccessAction.REPLACE:
            registration_id = a.get("registration_id") or names.grant_registration(shown.entity_id)
            return Description(translate("History", "Access decision on %1 replaced by a newer one")
                               .replace("%1", names.registration(registration_id)), frozenset({"registration_id", "withdrawn_at"}))
        registration = names.registration((a or shown.before).get("registration_id"))
        if self is AccessAction.RULE_CREATE:
            return Description(translate("History", "Access rule added to %1").replace("%1", registration),
                               frozenset({"registration_id"}))
        return Description(translate("History", "Access rule removed from %1").replace("%1", registration),
                           frozenset({"registration_id"}))


# --- the decision ------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgrammeFact:
    programme_id: int
    code: str
    level: Level
    mode: StudyMode
    stage: int
    status: ProgrammeStatus
    status_since: date | None
    unit_id: int
    status_until: date | None = None  # a leave's planned end


@dataclass(frozen=True)
class DecisionLine:
    """An individual grant or revocation."""

    id: int
    registration_id: int
    student_id: int
    student_number: str
    student_name: str
    decision: AccessDecision
    reason: str
    granted_by: str | None
    granted_at: datetime
    valid_until: datetime | None
    withdrawn_at: datetime | None
    standing: bool


@dataclass(frozen=True)
class AccessFacts:
    """Everything that decides whether a student may take part in a registration."""

    entitled_only: bool
    programmes: tuple[ProgrammeFact, ...]
    rule_admits: bool  # a rule matches a programme the student actively studies
    rule_matches_inactive: ProgrammeFact | None  # a rule would match, but that programme is not active
    grant: DecisionLine | None
    revocation: DecisionLine | None

    @property
    def admitted_by_rule_or_grant(self) -> bool:
        return self.rule_admits or self.grant is not None or (
            not self.entitled_only and any(p.status in RULE_STATUSES for p in self.programmes)
        )

    @property
    def status_allows(self) -> bool:
        allowed = GRANT_STATUSES if self.grant is not None else RULE_STATUSES
        return any(p.status in allowed for p in self.programmes)

    @property
    def admitted(self) -> bool:
        return self.admitted_by_rule_or_grant and self.revocation is None and self.status_allows


def _rule_matches(rule: AccessRule, fact: ProgrammeFact) -> bool:
    return (
        (rule.programme_id is None or rule.programme_id == fact.programme_id)
        and (rule.level is None or rule.level == fact.level)
        and (rule.mode is None or rule.mode == fact.mode)
        and (rule.stage is None or rule.stage == fact.stage)
    )


def _standing(now: datetime):
    return and_(
        AccessGrant.withdrawn_at.is_(None),
        or_(AccessGrant.valid_until.is_(None), AccessGrant.valid_until > now),
    )


_PROGRAMMES = (
    select(
        StudentProgramme.student_id,
        Programme.id,
        Programme.code,
        Programme.level,
        Programme.mode,
        StudentProgramme.stage,
        StudentProgramme.status,
        StudentProgramme.status_since,
        Programme.unit_id,
        StudentProgramme.status_until,
    )
    .join(Programme, Programme.id == StudentProgramme.programme_id)
    .where(StudentProgramme.student_id.in_(bindparam("students", expanding=True)))
    .order_by(StudentProgramme.student_id, StudentProgramme.admitted_on.desc())
)


def programme_facts_of(session: Session, student_ids: Iterable[int]) -> dict[int, tuple[ProgrammeFact, ...]]:
    """The programmes of many students in one query, each student's newest admission first."""
    found: dict[int, list[ProgrammeFact]] = {}
    for sid, pid, code, level, mode, stage, status, since, unit_id, until in connection_of(session).execute(
            _PROGRAMMES, {"students": sorted(set(student_ids))}):
        found.setdefault(sid, []).append(ProgrammeFact(pid, code, level, mode, stage, status, since, unit_id, until))
    return {sid: tuple(facts) for sid, facts in found.items()}


_grants, _students, _persons, _staff = (AccessGrant.__table__, Student.__table__, Person.__table__,
                                        StaffUser.__table__)
_DECISIONS = (
    select(_grants.c.id, _grants.c.registration_id, _grants.c.student_id, _grants.c.decision, _grants.c.reason,
           _grants.c.granted_at, _grants.c.valid_until, _grants.c.withdrawn_at, _students.c.student_number,
           _persons.c.first_name, _persons.c.last_name, _staff.c.full_name)
    .select_from(_grants)
    .join(_students, _students.c.id == _grants.c.student_id)
    .join(_persons, _persons.c.id == _students.c.person_id)
    .outerjoin(_staff, _staff.c.id == _grants.c.granted_by_id)
)
_NEWEST_FIRST = (_grants.c.granted_at.desc(), _grants.c.id.desc())
# Built once, on the tables: asked for every student's action in a first-come rush (see Admissions).
_STUDENTS_DECISIONS = _DECISIONS.where(
    _grants.c.registration_id == bindparam("registration"),
    _grants.c.student_id.in_(bindparam("students", expanding=True)),
).order_by(*_NEWEST_FIRST)
_rules = AccessRule.__table__
_RULES = (select(_rules.c.programme_id, _rules.c.level, _rules.c.mode, _rules.c.stage)
          .where(_rules.c.registration_id == bindparam("registration")))


def _decision_lines(session: Session, condition, now: datetime | None, limit: int | None = None) -> list[DecisionLine]:
    """The decisions, newest first; ``standing`` at ``now`` (none said to stand without an instant)."""
    query = _DECISIONS.where(condition).order_by(*_NEWEST_FIRST)
    if limit is not None:
        query = query.limit(limit)
    return _lines(connection_of(session).execute(query), now)


def _lines(rows, now: datetime | None) -> list[DecisionLine]:
    lines = []
    for row in rows:
        standing = now is not None and row.withdrawn_at is None and (row.valid_until is None or as_utc(row.valid_until) > now)
        lines.append(
            DecisionLine(
                id=row.id,
                registration_id=row.registration_id,
                student_id=row.student_id,
                student_number=row.student_number,
                student_name=f"{row.first_name} {row.last_name}",
                decision=row.decision,
                reason=row.reason,
                granted_by=row.full_name,
                granted_at=row.granted_at,
                valid_until=row.valid_until,
                withdrawn_at=row.withdrawn_at,
                standing=standing,
            )
        )
    return lines


def admission_rules(session: Session, registration_id: int) -> list:
    """A registration's access rules, as ``Admissions`` asks them."""
    return list(connection_of(session).execute(_RULES, {"registration": registration_id}))


def access_facts(session: Session, student_id: int, registration: Registration, now: datetime) -> AccessFacts:
    return Admissions.read(session, registration, [student_id]).facts(student_id, now)


class Admissions:
    """The access facts of many students in one registration, read at once and asked at any instant
    (a grant may run out between two students' actions)."""

    def __init__(self, registration: Registration, programmes: dict[int, tuple[ProgrammeFact, ...]],
                 rules: list, decisions: dict[int, list[DecisionLine]]):
        self.registration = registration
        self._programmes, self._rules, self._decisions = programmes, rules, decisions

    @property
    def programmes(self) -> dict[int, tuple[ProgrammeFact, ...]]:
        """The students' programmes, by student (each newest admission first)."""
        return self._programmes

    @classmethod
    def read(cls, session: Session, registration: Registration, student_ids: Iterable[int],
             rules: list | None = None) -> Admissions:
        """``rules``: the registration's access rules (``admission_rules``) when already known."""
        ids = sorted(set(student_ids))
        connection = connection_of(session)
        if rules is None:
            rules = admission_rules(session, registration.id)
        decisions: dict[int, list[DecisionLine]] = {}
        # Every decision, standing or not, newest first: which stand depends on the instant asked.
        for line in _lines(connection.execute(_STUDENTS_DECISIONS, {"registration": registration.id, "students": ids}), None):
            decisions.setdefault(line.student_id, []).append(line)
        return cls(registration, programme_facts_of(session, ids), rules, decisions)

    def facts(self, student_id: int, now: datetime) -> AccessFacts:
        programmes = self._programmes.get(student_id, ())
        rule_admits = False
        inactive = None
        for fact in programmes:
            if any(_rule_matches(rule, fact) for rule in self._rules):
                if fact.status in RULE_STATUSES:
                    rule_admits = True
                elif inactive is None:
                    inactive = fact
        standing = [replace(d, standing=True) for d in self._decisions.get(student_id, ()) if _stands(d, now)]
        return AccessFacts(
            entitled_only=self.registration.entitled_only,
            programmes=programmes,
            rule_admits=rule_admits,
            rule_matches_inactive=None if rule_admits else inactive,
            grant=next((d for d in standing if d.decision is AccessDecision.GRANT), None),
            revocation=next((d for d in standing if d.decision is AccessDecision.REVOKE), None),
        )


def _stands(line: DecisionLine, now: datetime) -> bool:
    """Not withdrawn, and not run out at ``now`` (as ``_standing`` asks the database)."""
    return line.withdrawn_at is None and (line.valid_until is None or as_utc(line.valid_until) > as_utc(now))


# --- rules -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleLine:
    id: int
    programme_code: str | None
    level: Level | None
    mode: StudyMode | None
    stage: int | None


@dataclass(frozen=True)
class RuleDraft:
    programme_id: int | None = None
    level: Level | None = None
    mode: StudyMode | None = None
    stage: int | None = None


def _registration(session: Session, registration_id: int) -> Registration:
    registration = session.get(Registration, registration_id)
    if registration is None:
        raise NotFound(translate("Access", "There is no registration with the id %1.").replace("%1", str(registration_id)))
    return registration


def rules_of(uow: UnitOfWork, registration_id: int) -> list[RuleLine]:
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        return [
            RuleLine(rule.id, code, rule.level, rule.mode, rule.stage)
            for rule, code in session.execute(
                select(AccessRule, Programme.code)
                .outerjoin(Programme, Programme.id == AccessRule.programme_id)
                .where(AccessRule.registration_id == registration_id)
                .order_by(AccessRule.id)
            )
        ]


def add_rule(uow: UnitOfWork, registration_id: int, draft: RuleDraft, *, reason: str = "") -> int:
    if draft.stage is not None and draft.stage < 1:
        raise DomainError(translate("Access", "The stage (year) is 1 or more."))
    draft = RuleDraft(draft.programme_id, Level(draft.level) if draft.level else None,
                      StudyMode(draft.mode) if draft.mode else None, draft.stage)
    with uow.write() as session:
        registration = _registration(session, registration_id)
        uow.require(Permission.MANAGE_ACCESS, registration.unit_id)
        if draft.programme_id is not None and session.get(Programme, draft.programme_id) is None:
            raise NotFound(translate("Access", "That programme no longer exists."))
        for rule in session.scalars(select(AccessRule).where(AccessRule.registration_id == registration_id)):
            if (rule.programme_id, rule.level, rule.mode, rule.stage) == (draft.programme_id, draft.level, draft.mode, draft.stage):
                raise DomainError(translate("Access", "The registration already has this rule."))
        rule = AccessRule(
            registration_id=registration_id,
            programme_id=draft.programme_id,
            level=draft.level,
            mode=draft.mode,
            stage=draft.stage,
            created_by_id=uow.staff_id,
        )
        session.add(rule)
        session.flush()
        after = {"programme_id": draft.programme_id, "level": draft.level, "mode": draft.mode, "stage": draft.stage}
        uow.record_change(AccessAction.RULE_CREATE, entity="access_rule", entity_id=rule.id,
                          after={"registration_id": registration_id, **after}, reason=reason.strip() or None)
        return rule.id


def remove_rule(uow: UnitOfWork, rule_id: int, *, reason: str = "") -> None:
    with uow.write() as session:
        rule = session.get(AccessRule, rule_id)
        if rule is None:
            raise NotFound(translate("Access", "That rule no longer exists."))
        registration = _registration(session, rule.registration_id)
        uow.require(Permission.MANAGE_ACCESS, registration.unit_id)
        before = {"registration_id": rule.registration_id, "programme_id": rule.programme_id, "level": rule.level,
                  "mode": rule.mode, "stage": rule.stage}
        uow.record_change(AccessAction.RULE_DELETE, entity="access_rule", entity_id=rule.id, before=before,
                          reason=reason.strip() or None, operation="delete")
        session.delete(rule)


# --- individual decisions ----------------------------------------------------------------


def decisions_of(uow: UnitOfWork, registration_id: int, *, standing_only: bool = False,
    limit: int | None = 5000,
) -> list[DecisionLine]:
    """Grants and revocations of a registration, newest first; every one when limit is None."""
    uow.require(Permission.READ_STUDENTS)
    now = uow.now
    condition = AccessGrant.registration_id == registration_id
    if standing_only:
        condition = and_(condition, _standing(now))
    with uow.read() as session:
        return _decision_lines(session, condition, now, limit)


def decisions_for_student(uow: UnitOfWork, student_id: int) -> list[DecisionLine]:
    uow.require(Permission.READ_STUDENTS)
    now = uow.now
    with uow.read() as session:
        return _decision_lines(session, AccessGrant.student_id == student_id, now)


def _student_units(session: Session, student_ids: list[int]) -> dict[int, set[int]]:
    units: dict[int, set[int]] = {}
    for chunk_start in range(0, len(student_ids), 5000):
        chunk = student_ids[chunk_start : chunk_start + 5000]
        for sid, unit_id in session.execute(
            select(StudentProgramme.student_id, Programme.unit_id)
            .join(Programme, Programme.id == StudentProgramme.programme_id)
            .where(StudentProgramme.student_id.in_(chunk))
        ):
            units.setdefault(sid, set()).add(unit_id)
    return units


def _outside_units(session: Session, actor: Actor, registration: Registration, student_ids: list[int]) -> list[int]:
    """Students the actor may not decide for: neither the registration's unit nor the student's is theirs."""
    if actor.can(Permission.MANAGE_ACCESS, registration.unit_id):
        return []
    units = _student_units(session, student_ids)
    return [sid for sid in student_ids if not any(actor.can(Permission.MANAGE_ACCESS, u) for u in units.get(sid, ()))]


@dataclass(frozen=True)
class DecisionResult:
    registration_id: int
    decision: AccessDecision
    applied: int  # new grants or revocations written
    replaced: int  # earlier standing decisions withdrawn by them


def decide(uow: UnitOfWork, registration_id: int,
    student_ids: list[int],
    decision: AccessDecision,
    *,
    reason: str,
    valid_until: datetime | None = None,
) -> DecisionResult:
    """Grant (or revoke) access for the students in one transaction.

    A new decision replaces the student's standing one for the registration, so at most one
    stands: a grant after a revocation lifts it, and the other way round.
    """
    uow.require(Permission.MANAGE_ACCESS)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Access", "Say why access is granted or revoked (e.g. returned from leave)."))
    now = uow.now
    if valid_until is not None and as_utc(valid_until) <= now:
        raise DomainError(translate("Access", "The expiry must be in the future."))
    student_ids = list(dict.fromkeys(student_ids))
    if not student_ids:
        raise DomainError(translate("Access", "No students were given."))
    if len(student_ids) > MAX_LIST:
        raise DomainError(translate("Access", "At most 50,000 students can be handled at once."))
    with uow.write() as session:
        registration = _registration(session, registration_id)
        outside = _outside_units(session, uow.staff, registration, student_ids)
        if outside:
            numbers = session.scalars(select(Student.student_number).where(Student.id.in_(outside[:10]))).all()
            raise PermissionDenied(
                translate("Access", "%1 of these students do not study in your units (e.g. %2).")
                .replace("%1", str(len(outside)))
                .replace("%2", ", ".join(numbers))
            )
        known = set()
        for start in range(0, len(student_ids), 5000):
            known.update(session.scalars(select(Student.id).where(Student.id.in_(student_ids[start : start + 5000]))))
        missing = [sid for sid in student_ids if sid not in known]
        if missing:
            raise NotFound(translate("Access", "Some of the students no longer exist (ids %1).").replace("%1", ", ".join(map(str, missing[:10]))))
        withdrawn: list[tuple[int, int, AccessDecision]] = []
        for start in range(0, len(student_ids), 5000):
            chunk = student_ids[start : start + 5000]
            withdrawn += session.execute(
                update(AccessGrant)
                .where(AccessGrant.registration_id == registration_id, AccessGrant.student_id.in_(chunk), _standing(now))
                .values(withdrawn_at=now, withdrawn_by_id=uow.staff_id)
                .returning(AccessGrant.id, AccessGrant.student_id, AccessGrant.decision)
                .execution_options(synchronize_session=False)
            ).all()
        replaced = len(withdrawn)
        # The decisions' ids given here (the write lock on SQLite, the sequence on PostgreSQL), so that
        # a plain multi-row INSERT writes them: returning them in the students' order costs more.
        created = list(zip(new_ids(session, AccessGrant.__tablename__, len(student_ids)), student_ids))
        session.execute(insert(AccessGrant.__table__), [
            dict(
                id=gid,
                registration_id=registration_id,
                student_id=sid,
                decision=decision,
                reason=reason,
                granted_by_id=uow.staff_id,
                granted_at=now,
                valid_until=as_utc(valid_until) if valid_until else None,
            )
            for gid, sid in created
        ])
        payload = {"registration_id": registration_id, "decision": decision.value,
                   "valid_until": valid_until.isoformat() if valid_until else None}
        # The decisions replaced change on the portal too: recorded as replaced, then the new ones.
        uow.record_changes(AccessAction.REPLACE, [
            Change("access_grant", gid, sid, before={"decision": old},
                   after={"registration_id": registration_id, "withdrawn_at": now}, reason=reason)
            for gid, sid, old in withdrawn
        ])
        uow.record_changes(AccessAction.GRANT if decision is AccessDecision.GRANT else AccessAction.REVOKE, [
            Change("access_grant", gid, sid, after=payload, reason=reason) for gid, sid in created
        ])
        return DecisionResult(registration_id, decision, len(created), replaced)


def grant_access(uow: UnitOfWork, registration_id: int, student_ids: list[int], *, reason: str,
                 valid_until: datetime | None = None) -> DecisionResult:
    return decide(uow, registration_id, student_ids, AccessDecision.GRANT, reason=reason, valid_until=valid_until)


def revoke_access(uow: UnitOfWork, registration_id: int, student_ids: list[int], *, reason: str,
                  valid_until: datetime | None = None) -> DecisionResult:
    return decide(uow, registration_id, student_ids, AccessDecision.REVOKE, reason=reason, valid_until=valid_until)


def withdraw_decision(uow: UnitOfWork, grant_id: int, *, reason: str) -> None:
    """Take back a standing grant or revocation (the student falls back to the rules)."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Access", "Say why the decision is withdrawn."))
    now = uow.now
    with uow.write() as session:
        grant = session.get(AccessGrant, grant_id)
        if grant is None:
            raise NotFound(translate("Access", "That decision no longer exists."))
        registration = _registration(session, grant.registration_id)
        if _outside_units(session, uow.staff, registration, [grant.student_id]):
            raise PermissionDenied(translate("Access", "The student does not study in your units."))
        if grant.withdrawn_at is not None:
            raise DomainError(translate("Access", "The decision was already withdrawn."))
        grant.withdrawn_at = now
        grant.withdrawn_by_id = uow.staff_id
        uow.record_change(AccessAction.WITHDRAW, entity="access_grant", entity_id=grant.id, student_id=grant.student_id,
                          before={"decision": grant.decision}, after={"withdrawn_at": now}, reason=reason, operation="delete")


# --- lists of students -------------------------------------------------------------------


@dataclass(frozen=True)
class ListedStudent:
    student_id: int
    student_number: str
    name: str
    admitted_now: bool


@dataclass(frozen=True)
class StudentListReport:
    """What a pasted list or a cohort resolves to, before anything is applied."""

    found: tuple[ListedStudent, ...]
    unknown: tuple[str, ...]  # not a student number of anyone (or not a number at all)
    duplicates: tuple[str, ...]  # given more than once (counted once)
    outside_units: tuple[str, ...]  # the clerk may not decide for them

    @property
    def student_ids(self) -> list[int]:
        return [s.student_id for s in self.found]


_SEPARATORS = re.compile(r"[\s,;]+")


def split_numbers(text: str) -> list[str]:
    """Student numbers from pasted text: one per line or separated by spaces, commas or semicolons."""
    return [token.strip().strip("\"'") for token in _SEPARATORS.split(text or "") if token.strip().strip("\"'")]


def _report(session: Session, actor: Actor, registration: Registration, pairs: list[tuple[int, str, str]],
            unknown: list[str], duplicates: list[str], now: datetime) -> StudentListReport:
    ids = [sid for sid, _n, _name in pairs]
    outside = set(_outside_units(session, actor, registration, ids))
    admitted: set[int] = set()
    # The admitted flag is informative; computing it for a huge list would cost more than it tells.
    if len(ids) <= 2000:
        asked = [sid for sid in ids if sid not in outside]
        admissions = Admissions.read(session, registration, asked)  # in bulk, not a query or three a student
        admitted = {sid for sid in asked if admissions.facts(sid, now).admitted}
    found = tuple(ListedStudent(sid, number, name, sid in admitted) for sid, number, name in pairs if sid not in outside)
    return StudentListReport(
        found=found,
        unknown=tuple(unknown),
        duplicates=tuple(duplicates),
        outside_units=tuple(number for sid, number, _name in pairs if sid in outside),
    )


def resolve_student_numbers(uow: UnitOfWork, registration_id: int, text: str) -> StudentListReport:
    """Resolve a pasted or imported list of student numbers; nothing is changed."""
    uow.require(Permission.MANAGE_ACCESS)
    now = uow.now
    tokens = split_numbers(text)
    if len(tokens) > MAX_LIST:
        raise DomainError(translate("Access", "At most 50,000 students can be handled at once."))
    seen: dict[str, int] = {}
    for token in tokens:
        seen[token] = seen.get(token, 0) + 1
    duplicates = [token for token, count in seen.items() if count > 1]
    numbers = [token for token in seen if token.isdigit()]
    with uow.read() as session:
        registration = _registration(session, registration_id)
        by_number: dict[str, tuple[int, str]] = {}
        for start in range(0, len(numbers), 5000):
            chunk = numbers[start : start + 5000]
            for sid, number, first, last in session.execute(
                select(Student.id, Student.student_number, Person.first_name, Person.last_name)
                .join(Person, Person.id == Student.person_id)
                .where(Student.student_number.in_(chunk))
            ):
                by_number[number] = (sid, f"{first} {last}")
        pairs = [(by_number[t][0], t, by_number[t][1]) for t in seen if t in by_number]
        unknown = [t for t in seen if t not in by_number]
        return _report(session, uow.staff, registration, pairs, unknown, duplicates, now)


def resolve_cohort(uow: UnitOfWork, registration_id: int, programme_id: int, stage: int | None) -> StudentListReport:
    """The students of a programme (and stage) who are active or on leave; nothing is changed."""
    uow.require(Permission.MANAGE_ACCESS)
    now = uow.now
    with uow.read() as session:
        registration = _registration(session, registration_id)
        query = (
            select(Student.id, Student.student_number, Person.first_name, Person.last_name)
            .join(Person, Person.id == Student.person_id)
            .join(StudentProgramme, StudentProgramme.student_id == Student.id)
            .where(StudentProgramme.programme_id == programme_id, StudentProgramme.status.in_(GRANT_STATUSES))
            .order_by(Student.student_number)
        )
        if stage is not None:
            query = query.where(StudentProgramme.stage == stage)
        pairs = [(sid, number, f"{first} {last}") for sid, number, first, last in session.execute(query)]
        return _report(session, uow.staff, registration, pairs, [], [], now)


@dataclass(frozen=True)
class ProgrammeChoice:
    id: int
    code: str
    name: str
    level: Level
    mode: StudyMode


def programmes(db: Database) -> list[ProgrammeChoice]:
    with db.read() as session:
        return [
            ProgrammeChoice(p.id, p.code, p.name, p.level, p.mode)
            for p in session.scalars(select(Programme).order_by(Programme.code))
        ]
