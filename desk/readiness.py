"""Readiness: before a round opens, what would stop each student it is meant for, grouped, with the fix.

For everyone a registration is meant for (a programme its rules match, active or on leave; a student
with an individual decision; every active student where it is open to all), the explanation's
conditions are asked in their order (``desk.eligibility.Condition``) and the students are grouped by
the first that would stop them: the rulebook decides the rule-side ones (``rules.explain``), and the
two the portal side adds are read here in bulk (a login linked; changes still waiting to be sent).
Each group has its count and its fix; where the fix is the clerk's (grant access, send the waiting
changes, allocate tokens) it is applied to the whole group in one step by the service that owns it.

Everything is read in a handful of queries for all the students at once: the sweep of 20,000
students costs what a few explanations of one student cost each (``make bench-readiness``).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, func, select, union
from sqlalchemy.orm import Session

from desk import access, rule_facts, rules, tokens
from desk.access import GRANT_STATUSES, Admissions, admission_rules
from desk.clock import as_utc
from desk.db import connection_of
from desk.eligibility import Condition, condition_label, condition_of
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.model import (
    AccessGrant,
    AccessRule,
    LoginAccount,
    OutboxEntry,
    Programme,
    Registration,
    RegistrationKind,
    Student,
    StudentProgramme,
    SyncKind,
    TokenEntry,
    TokenType,
)
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork

# The conditions in the order the explanation reads them; a student is grouped under the first that fails.
_ORDER = {condition: index for index, condition in enumerate(Condition)}
_CHUNK = 5_000  # students per query (well under either database's limit of bound values)


class Fix(enum.StrEnum):
    """A fix the clerk applies to a whole group at once (each done by the service that owns it)."""

    GRANT = "grant"  # an individual grant: admits students no rule admits, and students on leave
    SEND = "send"  # send the changes still waiting for the portal (an incremental sync)
    ALLOCATE = "allocate"  # allocate tokens, with a reason


@dataclass(frozen=True)
class Blocked:
    """The students stopped first by one condition."""

    condition: Condition
    student_ids: tuple[int, ...]
    fix: Fix | None  # None: not a clerk's step for many at once (see ``advice``)
    advice: str  # what to do, in words

    @property
    def count(self) -> int:
        return len(self.student_ids)

    @property
    def label(self) -> str:
        return condition_label(self.condition)


@dataclass(frozen=True)
class Readiness:
    registration_id: int
    registration_code: str
    meant_for: int  # students the registration is meant for
    ready: tuple[int, ...]  # nothing would stop them
    blocked: tuple[Blocked, ...]  # in the explanation's order of conditions


# --- who it is meant for -------------------------------------------------------------------------------

_sp, _p, _r, _g = StudentProgramme.__table__, Programme.__table__, AccessRule.__table__, AccessGrant.__table__


def meant_for(session: Session, registration: Registration, now: datetime) -> list[int]:
    """Students a rule matches by a programme they study or are on leave from, or with a standing decision of their
    own; every such student where the registration is open to all."""
    studying = _sp.c.status.in_([s.value for s in GRANT_STATUSES])
    if registration.entitled_only:
        by_rule = (
            select(_sp.c.student_id)
            .join(_p, _p.c.id == _sp.c.programme_id)
            .join(_r, (_r.c.registration_id == registration.id)
                  & ((_r.c.programme_id.is_(None)) | (_r.c.programme_id == _sp.c.programme_id))
                  & ((_r.c.level.is_(None)) | (_r.c.level == _p.c.level))
                  & ((_r.c.mode.is_(None)) | (_r.c.mode == _p.c.mode))
                  & ((_r.c.stage.is_(None)) | (_r.c.stage == _sp.c.stage)))
            .where(studying)
        )
    else:
        by_rule = select(_sp.c.student_id).where(studying)
    decided = select(_g.c.student_id).where(_g.c.registration_id == registration.id, _g.c.withdrawn_at.is_(None),
                                            (_g.c.valid_until.is_(None)) | (_g.c.valid_until > now))
    return sorted(connection_of(session).execute(union(by_rule, decided)).scalars())


# --- the portal side, in bulk ----------------------------------------------------------------------------

_s, _l, _o, _t = Student.__table__, LoginAccount.__table__, OutboxEntry.__table__, TokenEntry.__table__
_WITH_LOGIN = (select(_s.c.id).join(_l, _l.c.person_id == _s.c.person_id)
               .where(_s.c.id.in_(bindparam("ids", expanding=True))).distinct())
_WAITING = (select(_o.c.student_id).where(_o.c.sent_at.is_(None), _o.c.student_id.in_(bindparam("ids", expanding=True)))
            .distinct())
_BALANCES = (select(_t.c.student_id, func.sum(_t.c.amount))
             .where(_t.c.token_type_id == bindparam("token"), _t.c.student_id.in_(bindparam("ids", expanding=True)))
             .group_by(_t.c.student_id))


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def _ids(session: Session, query, ids: list[int]) -> set[int]:
    connection = connection_of(session)
    return {row[0] for chunk in _chunks(ids) for row in connection.execute(query, {"ids": chunk})}


# --- the sweep --------------------------------------------------------------------------------------------


def _registration(session: Session, registration_id: int) -> Registration:
    registration = session.get(Registration, registration_id)
    if registration is None:
        raise NotFound(translate("Readiness", "There is no registration with the id %1.").replace("%1", str(registration_id)))
    return registration


def sweep(uow: UnitOfWork, registration_id: int) -> Readiness:
    """Every student the registration is meant for, grouped by the first thing that would stop them (as at ``uow.now``)."""
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        registration = _registration(session, registration_id)
        return _sweep(session, registration, uow.now)


def _sweep(session: Session, registration: Registration, now: datetime) -> Readiness:
    students = meant_for(session, registration, now)
    facts = rule_facts.registration(session, registration)
    # The round each student will meet: the one open to them now, else their next (a sweep is made before it
    # opens, so one still to open counts as open); a round for other students only stops them.
    plans = rule_facts.round_plans(rule_facts.rounds_of(session, [registration.id]).get(registration.id, []))

    def round_facts(entrant: rules.Entrant | None) -> rules.RoundFacts:
        coming = rules.round_for(plans, as_utc(now), entrant)
        if coming.open or (coming.opens_at and not coming.outside):
            return rules.RoundFacts(True, coming.name, coming.unregister_allowed, id=coming.id)
        return coming
    everyone = round_facts(None)
    access_rules = admission_rules(session, registration.id)
    with_login = _ids(session, _WITH_LOGIN, students)
    waiting = _ids(session, _WAITING, students)
    token = None
    balances: dict[int, int] = {}
    if registration.kind is RegistrationKind.TOKEN and registration.token_type_id is not None:
        token = session.get(TokenType, registration.token_type_id)
        connection = connection_of(session)
        for chunk in _chunks(students):
            balances.update({sid: int(total or 0) for sid, total in
                             connection.execute(_BALANCES, {"token": token.id, "ids": chunk})})
    first: dict[int, tuple[Condition, rules.Refusal | None]] = {}
    grantable: set[int] = set()
    for chunk in _chunks(students):
        chunk_admissions = Admissions.read(session, registration, chunk, access_rules)
        chunk_entrants = rule_facts.entrants(session, plans, chunk, chunk_admissions.programmes)
        for student_id in chunk:
            access = chunk_admissions.facts(student_id, now)
            tokens = (rules.Tokens(token.code, balances.get(student_id, 0), False, str(token.semester_price))
                      if token is not None else None)
            entrant = chunk_entrants.get(student_id)
            round_ = round_facts(entrant) if entrant is not None else everyone
            refusals = rules.explain(facts, round_, rule_facts.admission_of(access), (), tokens=tokens)
            failed = [(condition_of(r.code), r) for r in refusals]
            if student_id not in with_login:
                failed.append((Condition.LOGIN, None))
            if student_id in waiting:
                failed.append((Condition.PORTAL, None))
            if failed:
                first[student_id] = min(failed, key=lambda pair: _ORDER[pair[0]])
                if any(p.status in GRANT_STATUSES for p in access.programmes):
                    grantable.add(student_id)
    return Readiness(registration.id, registration.code, len(students),
                     tuple(s for s in students if s not in first), _grouped(first, grantable))


def _grouped(first: dict[int, tuple[Condition, rules.Refusal | None]], grantable: set[int]) -> tuple[Blocked, ...]:
    by_group: dict[tuple[Condition, Fix | None], list[int]] = {}
    for student_id, (condition, _refusal) in first.items():
        fix = _fix_for(condition, student_id in grantable)
        by_group.setdefault((condition, fix), []).append(student_id)
    return tuple(Blocked(condition, tuple(sorted(ids)), fix, _advice(condition, fix))
                 for (condition, fix), ids in sorted(by_group.items(), key=lambda item: (_ORDER[item[0][0]], item[0][1] or "")))


def _fix_for(condition: Condition, grantable: bool) -> Fix | None:
    if condition in (Condition.RULE_OR_GRANT, Condition.PROGRAMME_STATUS) and grantable:
        return Fix.GRANT  # a grant admits an active student no rule admits, and a student on leave
    if condition is Condition.PORTAL:
        return Fix.SEND
    if condition is Condition.TOKENS:
        return Fix.ALLOCATE
    return None


def _advice(condition: Condition, fix: Fix | None) -> str:
    if fix is Fix.GRANT:
        return translate("Readiness", "Grant them access individually (one grant each, with one reason).")
    if fix is Fix.SEND:
        return translate("Readiness", "Send the changes waiting for the portal now.")
    if fix is Fix.ALLOCATE:
        return translate("Readiness", "Allocate them tokens, or they pay for the semester when they register.")
    return {
        Condition.ROUND: translate("Readiness", "Add a round in the registration calendar, or extend the last one."),
        Condition.RULE_OR_GRANT: translate("Readiness", "Record or correct their programmes first."),
        Condition.REVOCATION: translate("Readiness", "Their access was revoked: withdraw each revocation that no longer "
                                                     "holds."),
        Condition.PROGRAMME_STATUS: translate("Readiness", "Only active students (and, by a grant, students back from "
                                                           "leave) take part: correct the status where it is wrong."),
        Condition.LOGIN: translate("Readiness", "Link their login e-mails (Student Service Center, Accounts)."),
    }.get(condition, "")


# --- the fixes, each by the service that owns it ----------------------------------------------------------


def apply_fix(uow: UnitOfWork, registration_id: int, fix: Fix, student_ids: list[int], *, reason: str,
              amount: int = 1) -> int:
    """Apply a group's fix to its students in one step; returns how many were changed (or changes sent).

    The services check the role and unit, record the change and say what they refused, as when used alone."""
    student_ids = sorted(set(student_ids))
    if not student_ids:
        return 0
    if fix is Fix.GRANT:
        return access.grant_access(uow, registration_id, student_ids, reason=reason).applied
    if fix is Fix.ALLOCATE:
        with uow.read() as session:
            token_type_id = _registration(session, registration_id).token_type_id
        if token_type_id is None:
            raise DomainError(translate("Readiness", "This registration has no tokens to allocate."))
        return tokens.allocate_students(uow, token_type_id, student_ids, amount, reason=reason)
    if fix is Fix.SEND:
        from desk import sync  # the sync and its portal only for this fix

        return sync.run_sync(uow, SyncKind.INCREMENTAL).sent
    raise ValueError(fix)
