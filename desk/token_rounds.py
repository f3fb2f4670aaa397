"""Token rounds: basket requests from the portal, resolved in submission order at each micro-break.

Long because a round is one rule carried out in order (requests, seats, tokens, payments, refunds) whose
batched reads and writes must stay side by side to keep the outcome the same on both databases.

A token round alternates micro-rounds (students fill their baskets) and short breaks. At each
break the requests submitted before it are carried out in the order they were submitted, while
places remain: a token is spent (or, with the student's consent, a payment is created) and the
student is enrolled, or the request is refused with the reason. A request for a full group stays
pending and is tried again at the next break; whatever is still pending when the registration
ends is refused permanently. Unregistering cancels the enrollment and refunds the token (or
cancels the payment).

Resolution is repeatable: requests are claimed by status, so running it twice, or on two
workstations at once, carries out each request once. Work is done in batches, each one
transaction that locks its students and then its groups in id order (the order every writer
uses), with every decision made in memory and written in bulk.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import Row, bindparam, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desk import payments, rule_facts, rules
from desk.chain import new_ids, seal
from desk.changes import Action, Change, Description, Shown
from desk.clock import as_utc
from desk.db import connection_of
from desk.enrollment import EnrollmentAction
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.labels import group_label
from desk.messages import Message, define
from desk.refusals import Refused, message, refuse_if, student_gender
from desk.model import (
    ClassGroup,
    Course,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    LedgerKind,
    Payment,
    PaymentStatus,
    Registration,
    RegistrationKind,
    RequestAction,
    RequestStatus,
    Round,
    Student,
    TokenEntry,
    TokenRequest,
    TokenType,
)
from desk.payments import PaymentAction
from desk.staff import Permission
from desk.tokens import TokenAction, add_entry
from desk.unit_of_work import UnitOfWork

BATCH = 500
Progress = Callable[[int, int], None]

# Why a request was resolved as it was, when not refused (refusals are the rulebook's: desk.refusals).
TOKEN_SPENT = define("token_request.token_spent", "TokenRounds", QT_TRANSLATE_NOOP(
    "TokenRounds", "Registered; one {token} token spent."))
PAYMENT_DUE = define("token_request.payment_due", "TokenRounds", QT_TRANSLATE_NOOP(
    "TokenRounds", "Registered; a payment of {price} PLN is due."))
UNREGISTERED = define("token_request.unregistered", "TokenRounds", QT_TRANSLATE_NOOP(
    "TokenRounds", "Unregistered; the token refunded or the payment cancelled."))
WITHDRAWN = define("token_request.withdrawn", "TokenRounds", QT_TRANSLATE_NOOP(
    "TokenRounds", "Withdrawn by the student."))
# The reasons of the ledger entries a request makes (kept as codes, put into words when shown).
SPENT_FOR_REQUEST = define("token_request.ledger_spend", "TokenRounds", QT_TRANSLATE_NOOP(
    "TokenRounds", "token registration request {request}"))
REFUND_FOR_REQUEST = define("token_request.ledger_refund", "TokenRounds", QT_TRANSLATE_NOOP(
    "TokenRounds", "unregistered (request {request})"))


class TokenRequestRefused(Refused):
    """The rulebook refused a request put in the basket (no round open, not admitted, not offered ...)."""


def resolution_of(code: str | None, params: str | None) -> Message | None:
    """A request's stored reason as a message (None when nothing is stored)."""
    return Message.from_columns(code, params)


def _reason_columns(reason: Message) -> dict:
    stored = _stored(reason)
    return {"resolution_code": stored["code"], "resolution_params": stored["params"]}


def _stored(reason: Message) -> dict:
    """The reason as the request row keeps it: the code, and the parameters as canonical JSON text."""
    return {"code": reason.code, "params": reason.params_text()}


# --- the clock of a token round ------------------------------------------------------------------


def break_starts(round_: Round, until: datetime) -> list[datetime]:
    """The starts of the micro-breaks of a round up to ``until`` (and its end, the last break)."""
    start, end = as_utc(round_.starts_at), as_utc(round_.ends_at)
    micro = timedelta(minutes=round_.micro_round_minutes or 0)
    pause = timedelta(minutes=round_.micro_break_minutes or 0)
    starts = []
    if micro and pause:
        moment = start + micro
        while moment < end and moment <= until:
            starts.append(moment)
            moment += micro + pause
    if end <= until:
        starts.append(end)
    return starts


def due_cutoff(round_: Round, now: datetime) -> datetime | None:
    """Requests submitted before this instant are due: the start of the latest break begun by now."""
    starts = break_starts(round_, as_utc(now))
    return starts[-1] if starts else None


# --- the portal's side: submitting to the basket ---------------------------------------------------
#
# The principal is the portal (SystemJob.PORTAL) and the unit's clock the moment the student acted.
# The sync records the portal action it applied in the same transaction, by opening the write itself.


def _by_portal_key(session: Session, portal_key: str) -> int | None:
    return session.scalar(select(TokenRequest.id).where(TokenRequest.portal_key == portal_key))


def submit_request(
    uow: UnitOfWork, student_id: int, group_id: int, registration_id: int, action: RequestAction, *,
    payment_accepted: bool = False, portal_key: str | None = None,
) -> int:
    """A student puts a request in the basket during an active token round; the same portal key twice is one request."""
    with uow.write() as session:
        if portal_key:
            existing = _by_portal_key(session, portal_key)
            if existing is not None:
                return existing
        now = uow.now
        registration = session.get(Registration, registration_id)
        if registration is None:
            raise NotFound(translate("TokenRounds", "That is not a token registration."))
        group = session.get(ClassGroup, group_id)
        if group is None:
            raise NotFound(translate("TokenRounds", "That class group no longer exists."))
        register = action is RequestAction.REGISTER
        current = rule_facts.round_now(session, registration_id, now, student_id)
        refusals = rules.submit_token_request(
            rule_facts.registration(session, registration), current, register=register,
            admission=rule_facts.admission(session, student_id, registration, now) if register else None,
            group=rule_facts.groups(session, [group_id])[group_id] if register else None,
            held=rule_facts.held_by(session, student_id, registration.term_id) if register else (),
        )
        if refusals:  # the words about the student in their grammatical gender
            refuse_if(refusals, TokenRequestRefused, student_gender(session, student_id))
        request = TokenRequest(
            portal_key=portal_key, student_id=student_id, registration_id=registration_id, round_id=current.id,
            course_id=group.course_id, group_id=group_id, action=action, submitted_at=now,
            payment_accepted=payment_accepted, status=RequestStatus.PENDING,
        )
        try:
            # A savepoint: a concurrent twin with the same key may commit first (PostgreSQL), and the
            # caller's transaction must go on with the request that twin made.
            with session.begin_nested():
                session.add(request)
                session.flush()
        except IntegrityError:
            existing = _by_portal_key(session, portal_key) if portal_key else None
            if existing is None:
                raise
            return existing
        status = RequestStatus.PENDING.value
        uow.record_change(TokenRequestAction.SUBMITTED, entity="token_request", entity_id=request.id, student_id=student_id,
                          after={"group_id": group_id, "action": action.value, "status": status},
                          portal={"status": status, "reason": None})
        return request.id


def withdraw_request(uow: UnitOfWork, request_id: int) -> None:
    """The student takes a pending request out of the basket."""
    why = WITHDRAWN()
    with uow.write() as session:
        row = session.execute(
            update(TokenRequest)
            .where(TokenRequest.id == request_id, TokenRequest.status == RequestStatus.PENDING)
            .values(status=RequestStatus.WITHDRAWN, resolved_at=uow.now, **_reason_columns(why))
            .returning(TokenRequest.student_id, TokenRequest.group_id, TokenRequest.action)
            .execution_options(synchronize_session=False)
        ).one_or_none()
        if row is None:
            raise DomainError(translate("TokenRounds", "The request is no longer pending."))
        status = RequestStatus.WITHDRAWN.value
        uow.record_change(TokenRequestAction.WITHDRAWN, entity="token_request", entity_id=request_id, student_id=row.student_id,
                          after={"group_id": row.group_id, "action": RequestAction(row.action).value, "status": status},
                          reason=why, portal={"status": status, "reason": why.to_json()})


# --- resolution ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResolutionResult:
    accepted: int = 0
    refused: int = 0
    still_pending: int = 0
    refused_permanently: int = 0
    batches: int = 0

    def __add__(self, other: "ResolutionResult") -> "ResolutionResult":
        return ResolutionResult(*(a + b for a, b in zip(self.astuple(), other.astuple())))

    def astuple(self) -> tuple[int, ...]:
        return (self.accepted, self.refused, self.still_pending, self.refused_permanently, self.batches)


@dataclass
class _Group:
    """A group of the batch: its facts as read, and the seats the batch has taken and given back so far."""

    facts: rules.GroupFacts
    added: int = 0
    removed: int = 0
    shares: dict[int, int] = field(default_factory=dict)  # the seats taken (given back: negative) of each share kept
    now: rules.GroupFacts = field(init=False)  # the group as the batch's next decision sees it

    def __post_init__(self) -> None:
        self.now = self.facts

    @property
    def id(self) -> int:
        return self.facts.id

    def change(self, share_id: int | None, n: int) -> None:
        """``n`` seats taken (or given back) of the share (None: everyone's); a released share's are everyone's."""
        share = next((s for s in self.now.reserved if s.id == share_id), None) if share_id is not None else None
        self.now = self.now.with_seat_taken(rules.Seat(share.id if share is not None else None), n)
        if share is not None:
            self.shares[share.id] = self.shares.get(share.id, 0) + n
        if n > 0:
            self.added += n
        else:
            self.removed -= n


@dataclass
class _Enrollment:
    """An enrollment the batch reads, makes or cancels (written by the batch's own statements)."""

    id: int | None
    student_id: int
    group_id: int
    registration_id: int | None
    source: EnrollmentSource
    status: EnrollmentStatus
    over_limit: bool
    created_at: datetime | None = None
    created_by_id: int | None = None
    cancelled_at: datetime | None = None
    cancelled_by_id: int | None = None
    stored: bool = False  # already in the database
    share_id: int | None = None  # a dedicated seat's share


@dataclass
class _Decision:
    """What became of one request of the batch: its new status (PENDING: still waiting) and why."""

    request: Row  # the request's row (token_requests)
    status: RequestStatus
    why: Message


# A batch's statements, built once (building a statement costs more than running a small one).
_tr = TokenRequest.__table__
_DUE_REQUESTS = (
    select(_tr)  # plain rows: the batch reads them, it changes them by statements of its own
    .where(_tr.c.registration_id == bindparam("registration"), _tr.c.status == RequestStatus.PENDING,
           _tr.c.submitted_at < bindparam("cutoff"))
    .order_by(_tr.c.submitted_at, _tr.c.id)
    .limit(BATCH)
)
_DUE_REQUESTS_AFTER = _DUE_REQUESTS.where(
    (_tr.c.submitted_at > bindparam("at")) | ((_tr.c.submitted_at == bindparam("at")) & (_tr.c.id > bindparam("rid"))))
_SET_REQUESTS = (update(_tr).where(_tr.c.id == bindparam("rid"))
                 .values(status=bindparam("status"), resolved_at=bindparam("at"), resolution_code=bindparam("code"),
                         resolution_params=bindparam("params")))


def _resolve_batch(uow: UnitOfWork, registration: Row, token: _Token, rounds: list[Row], cutoff: datetime,
                   after_id: tuple[datetime, int] | None) -> tuple[ResolutionResult, tuple[datetime, int] | None, bool]:
    """Resolve up to BATCH due requests of the registration after ``after_id`` (in submission order); with where
    the next batch starts, and whether there may be one (this one was full)."""
    session, now, staff_id = uow.session, uow.now, uow.staff_id
    connection = connection_of(session)
    due = {"registration": registration.id, "cutoff": cutoff}
    requests = (connection.execute(_DUE_REQUESTS, due) if after_id is None else
                connection.execute(_DUE_REQUESTS_AFTER, {**due, "at": after_id[0], "rid": after_id[1]})).all()
    if not requests:
        return ResolutionResult(), after_id, False
    student_ids = sorted({r.student_id for r in requests})
    group_ids = sorted({r.group_id for r in requests})
    rule_facts.lock_students(session, student_ids)  # every writer's lock order: students, then groups (as read)
    # The rulebook's facts for the whole batch, each in one query: its groups; every standing
    # enrollment of its students in the term (with its course and class type); their balances.
    groups = {gid: _Group(facts) for gid, facts in rule_facts.groups(session, group_ids, lock=True, now=now).items()}
    # Balances and the registration's offered courses are asked only by register requests (an unregistration's
    # batch, a refund, does without them).
    registering = sorted({r.student_id for r in requests if r.action is RequestAction.REGISTER})
    balances = dict(
        session.execute(
            select(TokenEntry.student_id, func.sum(TokenEntry.amount))
            .where(TokenEntry.student_id.in_(registering), TokenEntry.token_type_id == token.id)
            .group_by(TokenEntry.student_id)
        ).all()
    ) if registering else {}
    standing: dict[int, dict[int, tuple[rules.Held, _Enrollment]]] = {}
    standing_rows = connection.execute(_STANDING, {"students": student_ids, "term": registration.term_id}).all()
    # Their timetables (a register request is refused where its group clashes with one held).
    timetables = rule_facts.slots(session, {row.group_id for row in standing_rows}) if registering else {}
    for row in standing_rows:
        group = rules.GroupFacts(row.group_id, row.course_id, row.code, row.term_id, str(row.class_type), row.number,
                                 row.seat_limit, row.enrolled_count, timetables.get(row.group_id, ()))
        enrollment = _Enrollment(row.id, row.student_id, row.group_id, row.registration_id, row.source,
                                 EnrollmentStatus.ACCEPTED, bool(row.over_limit), stored=True, share_id=row.share_id)
        standing.setdefault(row.student_id, {})[row.group_id] = (rules.Held(row.id, group, row.registration_id), enrollment)
    registration_facts = rule_facts.registration(session, registration) if registering else None
    seekers = rule_facts.seekers(session, registering, (g.facts for g in groups.values()))
    round_facts = {row.id: rules.RoundFacts(True, row.name, bool(row.unregister_allowed), id=row.id) for row in rounds}

    accepted = refused = pending = 0
    new_enrollments, ledger_rows, cancelled = [], [], []
    decisions: list[_Decision] = []
    for request in requests:
        group = groups[request.group_id]
        mine = standing.setdefault(request.student_id, {})
        outcome: RequestStatus | None = None
        if request.action is RequestAction.REGISTER:
            balance = int(balances.get(request.student_id, 0) or 0)
            seeker = seekers.get(request.student_id, rules.NOBODY_IN_PARTICULAR)
            refusals = rules.resolve_token_register(
                group.now, [held for held, _ in mine.values()], registration_facts,
                rules.Tokens(token.code, balance, bool(request.payment_accepted), str(token.semester_price)), seeker,
            )
            if not refusals:
                seat = group.now.seat_for(seeker)
                group.change(seat.share_id, 1)
                enrollment = _Enrollment(None, request.student_id, group.id, registration.id, EnrollmentSource.TOKEN,
                                         EnrollmentStatus.ACCEPTED, False, created_at=now, created_by_id=staff_id,
                                         share_id=seat.share_id)
                new_enrollments.append(enrollment)
                mine[group.id] = (rules.Held(0, group.facts, registration.id), enrollment)
                if balance > 0:
                    balances[request.student_id] = balance - 1
                    ledger_rows.append((request, LedgerKind.SPEND, -1))
                    reason = TOKEN_SPENT(token=token.code)
                else:
                    ledger_rows.append((request, None, 0))  # a payment instead of a token
                    reason = PAYMENT_DUE(price=str(token.semester_price))
                outcome = RequestStatus.ACCEPTED
            else:
                reason = message(refusals[0])
                if not rules.only_waiting(refusals):  # a full group alone: it waits for a place
                    outcome = RequestStatus.REFUSED
        else:
            held, enrollment = mine.get(request.group_id, (None, None))
            enrolled = held is not None and held.registration_id == registration.id
            round_ = round_facts.get(request.round_id) or rules.RoundFacts(True)
            refusals = rules.resolve_token_unregister(round_, enrolled)
            if refusals:
                outcome, reason = RequestStatus.REFUSED, message(refusals[0])
            else:
                group.change(enrollment.share_id, -1)
                cancelled.append((request, enrollment))
                del mine[request.group_id]
                outcome, reason = RequestStatus.ACCEPTED, UNREGISTERED()
        if outcome is None:
            pending += 1
            stored = _stored(reason)
            if (request.resolution_code, request.resolution_params) != (stored["code"], stored["params"]):
                decisions.append(_Decision(request, RequestStatus.PENDING, reason))
            continue
        if outcome is RequestStatus.ACCEPTED:
            accepted += 1
        else:
            refused += 1
        decisions.append(_Decision(request, outcome, reason))

    # Seats: one conditional update of every group changed; the condition is the database's last word,
    # and a group it refused refuses the batch.
    _take_seats(uow, session, groups.values())
    _write_enrollments(session, new_enrollments, [e for _request, e in cancelled], now, staff_id)
    # Tokens and payments of this batch, written in bulk (ids given, plain multi-row INSERTs) and recorded
    # in bulk (audit and portal queue).
    spends = [request for request, kind, _amount in ledger_rows if kind is LedgerKind.SPEND]
    payers = [request for request, kind, _amount in ledger_rows if kind is None]
    if spends:
        reasons = [SPENT_FOR_REQUEST(request=r.id) for r in spends]
        rows = seal(session, TokenEntry.__table__, [
            dict(student_id=r.student_id, token_type_id=token.id, kind=LedgerKind.SPEND, amount=-1,
                 reason=why.code, reason_message=why.to_json(), idempotency_key=f"request-{r.id}",
                 token_request_id=r.id, created_at=now, created_by_id=staff_id) for r, why in zip(spends, reasons)],
            assign_ids=True)
        session.execute(insert(TokenEntry.__table__), rows)
        uow.record_changes(TokenAction.SPEND, [
            Change("token_entry", row["id"], r.student_id, reason=why,
                   after={"token_type_id": token.id, "kind": "spend", "amount": -1, "token_request_id": r.id})
            for row, r, why in zip(rows, spends, reasons)
        ])
    if payers:
        due_on = payments.due_date(now)
        created = new_ids(session, Payment.__tablename__, len(payers))
        session.execute(insert(Payment.__table__), [
            dict(id=payment_id, student_id=r.student_id, amount=token.semester_price, token_type_id=token.id,
                 course_id=r.course_id, term_id=registration.term_id, token_request_id=r.id, status=PaymentStatus.DUE,
                 due_on=due_on, created_at=now, created_by_id=staff_id, cancelled_reason=None)
            for payment_id, r in zip(created, payers)])
        price = str(token.semester_price)
        uow.record_changes(PaymentAction.CREATE, [
            Change("payment", payment_id, r.student_id,
                   after={"amount": price, "token_type_id": token.id, "course_id": r.course_id, "status": "due"})
            for payment_id, r in zip(created, payers)
        ])
    for request, enrollment in cancelled:
        _refund(uow, request, enrollment, token)
    if decisions:
        connection_of(session).execute(_SET_REQUESTS, [
            dict(rid=d.request.id, status=d.status.value, at=None if d.status is RequestStatus.PENDING else now,
                 **_stored(d.why)) for d in decisions])
    _record_batch(uow, decisions, new_enrollments, cancelled)
    last = requests[-1]
    return ResolutionResult(accepted, refused, pending, 0, 1), (last.submitted_at, last.id), len(requests) == BATCH


# Every standing enrollment of the batch's students in the term, with its group and course code.
# Read from the students: their enrollments, then each one's group. The term is compared as ``term_id + 0``,
# which no index serves, so that SQLite does not start from every group of the term instead (a whole
# term's enrollments read to keep a few hundred students' ones).
_e, _g, _c = Enrollment.__table__, ClassGroup.__table__, Course.__table__
_STANDING = (
    select(_e.c.id, _e.c.student_id, _e.c.group_id, _e.c.registration_id, _e.c.source, _e.c.over_limit, _e.c.share_id,
           _g.c.course_id,
           _g.c.term_id, _g.c.class_type, _g.c.number, _g.c.seat_limit, _g.c.enrolled_count, _c.c.code)
    .join(_g, _g.c.id == _e.c.group_id)
    .join(_c, _c.c.id == _g.c.course_id)
    .where(_e.c.student_id.in_(bindparam("students", expanding=True)), _e.c.status == EnrollmentStatus.ACCEPTED,
           _g.c.term_id + 0 == bindparam("term"))
    .order_by(_e.c.id)
)


def _take_seats(uow: UnitOfWork, session: Session, groups) -> None:
    """Add each group's change of seats in one UPDATE, on the condition that it stays within the group's limit
    (with its places over the limit); a group the condition refused refuses the batch."""
    groups = sorted(groups, key=lambda g: g.id)
    for group in groups:
        if group.removed:
            uow.seat_freed(group.id)
    shares = [{"share": sid, "n": n} for g in groups for sid, n in sorted(g.shares.items()) if n]
    # Dedicated seats first, each on the condition that its share keeps them and stays within its size.
    if shares and connection_of(session).execute(_TAKE_SHARE_SEATS, shares).rowcount != len(shares):
        raise DomainError(translate("TokenRounds", "A group changed during resolution; run it again."))
    deltas = [(g.id, g.added - g.removed, sum(g.shares.values())) for g in groups
              if g.added != g.removed or any(g.shares.values())]
    if not deltas:
        return
    if session.get_bind().dialect.name == "postgresql":
        statement = _TAKE_SEATS_POSTGRESQL
        params = {"gids": [gid for gid, _, _ in deltas], "deltas": [delta for _, delta, _ in deltas],
                  "kept": [kept for _, _, kept in deltas]}
    else:
        statement, params = _TAKE_SEATS_SQLITE, {"deltas": json.dumps(deltas)}
    if connection_of(session).execute(statement, params).rowcount != len(deltas):
        raise DomainError(translate("TokenRounds", "A group changed during resolution; run it again."))


_TAKE_SHARE_SEATS = text(
    "UPDATE seat_shares SET taken = taken + :n WHERE id = :share AND released_at IS NULL AND taken + :n <= seats")
_TAKE_SEATS_POSTGRESQL = text(
    "UPDATE class_groups AS g SET enrolled_count = g.enrolled_count + v.delta, reserved_taken = g.reserved_taken + v.kept "
    "FROM unnest(CAST(:gids AS integer[]), CAST(:deltas AS integer[]), CAST(:kept AS integer[])) AS v(gid, delta, kept) "
    "WHERE g.id = v.gid AND g.enrolled_count + v.delta <= g.seat_limit + g.over_limit_count")
_TAKE_SEATS_SQLITE = text(  # the changes as one JSON parameter: the same statement, however many groups
    "UPDATE class_groups SET enrolled_count = class_groups.enrolled_count + v.delta, "
    "reserved_taken = class_groups.reserved_taken + v.kept "
    "FROM (SELECT json_extract(value, '$[0]') AS gid, json_extract(value, '$[1]') AS delta, "
    "json_extract(value, '$[2]') AS kept FROM json_each(:deltas)) AS v "
    "WHERE class_groups.id = v.gid "
    "AND class_groups.enrolled_count + v.delta <= class_groups.seat_limit + class_groups.over_limit_count")
_CANCEL_ENROLLMENTS = (update(_e).where(_e.c.id.in_(bindparam("ids", expanding=True)))
                       .values(status=EnrollmentStatus.CANCELLED, cancelled_at=bindparam("at", type_=_e.c.cancelled_at.type),
                               cancelled_by_id=bindparam("by")))


def _write_enrollments(session: Session, made: list[_Enrollment], cancelled: list[_Enrollment], now: datetime,
                       staff_id: int | None) -> None:
    """The batch's enrollments: those it cancelled in one UPDATE, then those it made in one multi-row INSERT
    (ids given). An enrollment made and cancelled in the same batch is inserted cancelled."""
    for enrollment in cancelled:
        enrollment.status, enrollment.cancelled_at, enrollment.cancelled_by_id = EnrollmentStatus.CANCELLED, now, staff_id
    stored = [e.id for e in cancelled if e.stored]
    if stored:
        connection_of(session).execute(_CANCEL_ENROLLMENTS, {"ids": stored, "at": now, "by": staff_id})
    if made:
        for enrollment, new_id in zip(made, new_ids(session, Enrollment.__tablename__, len(made))):
            enrollment.id = new_id
        session.execute(insert(Enrollment.__table__), [
            dict(id=e.id, student_id=e.student_id, group_id=e.group_id, registration_id=e.registration_id,
                 source=e.source, status=e.status, over_limit=e.over_limit, reason=None, created_at=e.created_at,
                 created_by_id=e.created_by_id, cancelled_at=e.cancelled_at, cancelled_by_id=e.cancelled_by_id,
                 share_id=e.share_id)
            for e in made])


# What a student's accepted registration requests for a group cost: its last token spent (and whether it
# was given back already), or else its last payment still due. Built once; run per cancelled enrollment.
_paid_by = select(TokenRequest.id).where(
    TokenRequest.student_id == bindparam("student"), TokenRequest.group_id == bindparam("group"),
    TokenRequest.action == RequestAction.REGISTER, TokenRequest.status == RequestStatus.ACCEPTED,
)
_spend, _reversal = TokenEntry.__table__.alias("spend"), TokenEntry.__table__.alias("reversal")
_LAST_SPEND = (
    select(_spend.c.id, select(_reversal.c.id).where(_reversal.c.reverses_id == _spend.c.id).exists().label("reversed"))
    .where(_spend.c.token_request_id.in_(_paid_by), _spend.c.kind == LedgerKind.SPEND)
    .order_by(_spend.c.id.desc()).limit(1)
)
_LAST_DUE = (select(Payment.__table__.c.id).where(Payment.__table__.c.token_request_id.in_(_paid_by),
                                                   Payment.__table__.c.status == PaymentStatus.DUE)
             .order_by(Payment.__table__.c.id.desc()).limit(1))


def _refund(uow: UnitOfWork, request: Row, enrollment: _Enrollment, token: _Token) -> None:
    """Give back what the registration cost: the token spent for it, or its payment if still due."""
    session = uow.session
    paid_by = {"student": request.student_id, "group": enrollment.group_id}
    spent = connection_of(session).execute(_LAST_SPEND, paid_by).first()
    if spent is not None and not spent.reversed:
        add_entry(
            uow, student_id=request.student_id, token_type_id=token.id, kind=LedgerKind.REFUND, amount=1,
            reason=REFUND_FOR_REQUEST(request=request.id), idempotency_key=f"refund-{request.id}", reverses_id=spent.id,
            token_request_id=request.id,
        )
        return
    payment_id = connection_of(session).execute(_LAST_DUE, paid_by).scalar()
    if payment_id is not None:
        payments.cancel(uow, session.get(Payment, payment_id), reason=REFUND_FOR_REQUEST(request=request.id))


def _request_change(request_id: int, student_id: int, group_id: int, action: RequestAction, status: RequestStatus,
                    why: Message) -> Change:
    """A request's new state as recorded: audited with its reason (a code with parameters), queued for the portal."""
    return Change("token_request", request_id, student_id, reason=why,
                  after={"group_id": group_id, "action": action.value, "status": status.value},
                  portal={"status": status.value, "reason": why.to_json()})


def _record_batch(uow: UnitOfWork, decisions: list[_Decision], new_enrollments: list[_Enrollment],
                  cancelled: list[tuple[Row, _Enrollment]]) -> None:
    """Each resolved request recorded (audit and portal queue) with its reason; a request left waiting too, when
    its reason changed, so the portal shows why it waits; and the enrollments made and cancelled. In bulk: two
    multi-row INSERTs for each kind of action."""
    by_action: dict[TokenRequestAction, list[Change]] = {}
    for d in decisions:
        action = TokenRequestAction.WAITING if d.status is RequestStatus.PENDING else TokenRequestAction.of_status(d.status)
        r = d.request
        by_action.setdefault(action, []).append(_request_change(r.id, r.student_id, r.group_id, r.action, d.status, d.why))
    for action, changes in by_action.items():
        uow.record_changes(action, changes)
    if new_enrollments:
        uow.record_changes(EnrollmentAction.TOKEN_REGISTER, [
            Change("enrollment", e.id, e.student_id, after=_enrollment_state(e)) for e in new_enrollments
        ])
    if cancelled:
        uow.record_changes(EnrollmentAction.TOKEN_UNREGISTER, [
            Change("enrollment", e.id, e.student_id, before={"status": EnrollmentStatus.ACCEPTED.value},
                   after=_enrollment_state(e)) for _request, e in cancelled
        ])


def _enrollment_state(enrollment: _Enrollment) -> dict:
    return {"group_id": enrollment.group_id, "status": enrollment.status.value, "source": enrollment.source.value,
            "over_limit": bool(enrollment.over_limit), "registration_id": enrollment.registration_id}


def _finish_ended(uow: UnitOfWork, registration: Row, rounds: list[Row]) -> int:
    """Refuse permanently what is still pending once the registration's last round has ended.

    Each request is recorded (audit and portal queue) with the rulebook's reason, in bulk; the
    registration's own history keeps how many there were.
    """
    session, now = uow.session, uow.now
    if not rounds or max(as_utc(row.ends_at) for row in rounds) > now:
        return 0
    pending = session.execute(
        select(TokenRequest.id, TokenRequest.student_id, TokenRequest.group_id, TokenRequest.action)
        .where(TokenRequest.registration_id == registration.id, TokenRequest.status == RequestStatus.PENDING)
        .order_by(TokenRequest.id)
    ).all()
    if not pending:
        return 0
    why = message(rules.registration_ended(rule_facts.registration(session, registration)))
    stored = _stored(why)
    ids = [row.id for row in pending]
    session.execute(
        update(TokenRequest)
        .where(TokenRequest.id.in_(ids), TokenRequest.status == RequestStatus.PENDING)
        .values(status=RequestStatus.REFUSED_PERMANENTLY, resolved_at=now, resolution_code=stored["code"],
                resolution_params=stored["params"])
        .execution_options(synchronize_session=False)
    )
    status = RequestStatus.REFUSED_PERMANENTLY
    uow.record_changes(TokenRequestAction.REFUSED_PERMANENTLY, [
        _request_change(row.id, row.student_id, row.group_id, RequestAction(row.action), status, why) for row in pending
    ])
    uow.record_change(TokenRequestAction.REFUSE_PERMANENTLY, entity="registration", entity_id=registration.id,
                      after={"requests": len(pending)}, portal=False)
    return len(pending)


_r, _t, _ro = Registration.__table__, TokenType.__table__, Round.__table__
# A resolution's registration and token type, read as plain rows (what the rulebook's facts are made of).
_TOKEN_REGISTRATION = (
    select(_r.c.id, _r.c.code, _r.c.unit_id, _r.c.term_id, _r.c.selection_limit, _r.c.kind, _r.c.token_type_id, _r.c.clash_check,
           _t.c.code.label("token_code"), _t.c.semester_price)
    .select_from(_r.outerjoin(_t, _t.c.id == _r.c.token_type_id))
    .where(_r.c.id == bindparam("id"))
    .with_for_update(of=_r, key_share=True)
)
_ROUNDS = select(_ro.c.id, _ro.c.name, _ro.c.unregister_allowed, _ro.c.ends_at).where(_ro.c.registration_id == bindparam("id"))


@dataclass(frozen=True)
class _Token:
    """What a resolution needs of the registration's token type."""

    id: int
    code: str
    semester_price: Decimal


def _token_registration(uow: UnitOfWork, registration_id: int) -> tuple[Row, _Token, list[Row]]:
    """The token registration with its token type and rounds, its row locked for the rest of the write: one resolver
    of a registration at a time (on PostgreSQL; SQLite's writer holds the database). A lock that still lets
    enrollments and requests referring to the registration be written meanwhile."""
    connection = connection_of(uow.session)
    found = connection.execute(_TOKEN_REGISTRATION, {"id": registration_id}).first()
    if found is None or found.kind is not RegistrationKind.TOKEN or found.token_code is None:
        raise NotFound(translate("TokenRounds", "That is not a token registration."))
    rounds = connection.execute(_ROUNDS, {"id": registration_id}).all()
    return found, _Token(found.token_type_id, found.token_code, found.semester_price), rounds


def resolve_registration(uow: UnitOfWork, registration_id: int, *, cutoff: datetime | None = None,
                         progress: Progress | None = None) -> ResolutionResult:
    """Carry out the due requests of one token registration (those submitted before ``cutoff``, by default the unit's now).

    The principal is the token round's job (SystemJob.TOKEN_ROUND, or SCHEDULE from a timer) or a clerk of
    the organising unit; each batch is a transaction of its own, and a clerk is checked again in each.
    """
    cutoff = as_utc(cutoff or uow.now)
    result = ResolutionResult()
    after = None
    done = 0
    total = None
    more = True
    ended = 0
    while more:
        with uow.write() as session:
            # Checked again in each batch's transaction: a clerk disabled meanwhile stops here.
            uow.require(Permission.MANAGE_REGISTRATIONS)
            registration, token, rounds = _token_registration(uow, registration_id)
            uow.require(Permission.MANAGE_REGISTRATIONS, registration.unit_id)
            if total is None and progress is not None:
                total = session.scalar(
                    select(func.count()).select_from(TokenRequest).where(
                        TokenRequest.registration_id == registration_id, TokenRequest.status == RequestStatus.PENDING,
                        TokenRequest.submitted_at < cutoff,
                    )
                ) or 0
            batch, after, more = _resolve_batch(uow, registration, token, rounds, cutoff, after)
            if not more:  # the last batch (a short one) ends what the registration's end has ended, in its transaction
                ended = _finish_ended(uow, registration, rounds)
        result += batch
        done += batch.accepted + batch.refused + batch.still_pending
        if progress is not None and batch.batches:
            progress(min(done, total or 0), total or 0)
    return result + ResolutionResult(refused_permanently=ended)


def resolve_due(uow: UnitOfWork) -> dict[str, ResolutionResult]:
    """What the application's timer and ``desk tokens resolve`` run: every token registration whose break has come
    by the unit's now (the principal: SystemJob.TOKEN_ROUND, or SCHEDULE from a timer)."""
    with uow.read() as session:
        now = uow.now
        rounds = list(session.scalars(
            select(Round).join(Registration, Registration.id == Round.registration_id)
            .where(Registration.kind == RegistrationKind.TOKEN, Round.starts_at <= now)
        ))
        codes = dict(session.execute(select(Registration.id, Registration.code)).all())
    cutoffs: dict[int, datetime] = {}
    for round_ in rounds:
        cutoff = due_cutoff(round_, now)
        if cutoff is not None:
            cutoffs[round_.registration_id] = max(cutoffs.get(round_.registration_id, cutoff), cutoff)
    return {codes[rid]: resolve_registration(uow, rid, cutoff=cutoff) for rid, cutoff in cutoffs.items()}


def resolve_now(uow: UnitOfWork, registration_id: int, *, progress: Progress | None = None) -> ResolutionResult:
    """A clerk's "resolve now": every pending request submitted so far, in order."""
    return resolve_registration(uow, registration_id, progress=progress)  # a clerk of the unit only (checked there)


# --- read side --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestCounts:
    pending: int
    accepted: int
    refused: int
    refused_permanently: int
    withdrawn: int


@dataclass(frozen=True)
class GroupRequests:
    group_id: int
    label: str
    seat_limit: int
    enrolled: int
    pending: int
    accepted: int
    refused: int


def request_counts(uow: UnitOfWork, registration_id: int) -> tuple[RequestCounts, list[GroupRequests]]:
    """Requests of a token registration by status, overall and per group."""
    uow.require(Permission.READ_STUDENTS)
    from desk.model import Course

    with uow.read() as session:
        totals = dict(session.execute(
            select(TokenRequest.status, func.count()).where(TokenRequest.registration_id == registration_id).group_by(TokenRequest.status)
        ).all())
        per_group: dict[int, dict] = {}
        for group_id, status, count in session.execute(
            select(TokenRequest.group_id, TokenRequest.status, func.count())
            .where(TokenRequest.registration_id == registration_id)
            .group_by(TokenRequest.group_id, TokenRequest.status)
        ):
            per_group.setdefault(group_id, {})[status] = count
        lines = []
        if per_group:
            for group, code in session.execute(
                select(ClassGroup, Course.code).join(Course, Course.id == ClassGroup.course_id)
                .where(ClassGroup.id.in_(per_group)).order_by(Course.code, ClassGroup.number)
            ):
                counts = per_group[group.id]
                lines.append(GroupRequests(
                    group.id, group_label(code, group.class_type, group.number), group.seat_limit, group.enrolled_count,
                    counts.get(RequestStatus.PENDING, 0), counts.get(RequestStatus.ACCEPTED, 0),
                    counts.get(RequestStatus.REFUSED, 0) + counts.get(RequestStatus.REFUSED_PERMANENTLY, 0),
                ))
    return RequestCounts(
        totals.get(RequestStatus.PENDING, 0), totals.get(RequestStatus.ACCEPTED, 0), totals.get(RequestStatus.REFUSED, 0),
        totals.get(RequestStatus.REFUSED_PERMANENTLY, 0), totals.get(RequestStatus.WITHDRAWN, 0),
    ), lines


@dataclass(frozen=True)
class RequestLine:
    id: int
    student_id: int
    student_number: str
    student_name: str
    group_label: str
    action: RequestAction
    submitted_at: datetime
    payment_accepted: bool
    status: RequestStatus
    resolution_reason: str | None
    round_id: int | None = None
    round_name: str | None = None


def _reason_words(request: TokenRequest) -> str | None:
    """The request's reason in the reader's language (requests resolved before codes were kept: as stored)."""
    reason = resolution_of(request.resolution_code, request.resolution_params)
    return reason.text() if reason is not None else request.resolution_reason


def requests_of(uow: UnitOfWork, registration_id: int, *, status: RequestStatus | None = None,
                limit: int = 500, round_id: int | None = None, student_id: int | None = None) -> list[RequestLine]:
    """A token registration's basket requests in submission order (the order they are carried out);
    of one round or one student when asked."""
    uow.require(Permission.READ_STUDENTS)
    from desk.model import Course, Person

    query = (
        select(TokenRequest, Student.student_number, Person.first_name, Person.last_name, Course.code, ClassGroup.class_type,
               ClassGroup.number, Round.name)
        .join(Student, Student.id == TokenRequest.student_id)
        .join(Person, Person.id == Student.person_id)
        .join(ClassGroup, ClassGroup.id == TokenRequest.group_id)
        .join(Course, Course.id == ClassGroup.course_id)
        .outerjoin(Round, Round.id == TokenRequest.round_id)
        .where(TokenRequest.registration_id == registration_id)
        .order_by(TokenRequest.submitted_at, TokenRequest.id)
        .limit(limit)
    )
    if status is not None:
        query = query.where(TokenRequest.status == status)
    if round_id is not None:
        query = query.where(TokenRequest.round_id == round_id)
    if student_id is not None:
        query = query.where(TokenRequest.student_id == student_id)
    with uow.read() as session:
        return [
            RequestLine(r.id, r.student_id, number, f"{first} {last}", group_label(code, class_type, group_number), r.action,
                        r.submitted_at, r.payment_accepted, r.status, _reason_words(r), r.round_id, round_name)
            for r, number, first, last, code, class_type, group_number, round_name in session.execute(query)
        ]


class TokenRequestAction(Action):
    """How a token request from the portal's basket was resolved; and what still waited when the registration ended."""

    SUBMITTED = "token_request.submitted"  # put in the basket by the student, on the portal
    WAITING = "token_request.waiting"  # left pending at a break, with the reason it waits
    ACCEPTED = "token_request.accepted"
    REFUSED = "token_request.refused"
    REFUSED_PERMANENTLY = "token_request.refused_permanently"
    WITHDRAWN = "token_request.withdrawn"  # by the student, on the portal
    REFUSE_PERMANENTLY = "token_request.refuse_permanently"  # recorded on the registration: the requests left when it ended

    @classmethod
    def of_status(cls, status: RequestStatus) -> TokenRequestAction:
        return cls(f"token_request.{status.value}")

    def describe(self, shown: Shown) -> Description:
        if self is TokenRequestAction.REFUSE_PERMANENTLY:
            return Description(translate("History", "Pending token requests refused permanently: %1 (the registration ended)")
                               .replace("%1", str(shown.after.get("requests", "?"))), frozenset({"requests"}))
        words = {
            TokenRequestAction.SUBMITTED: translate("History", "Token request for %1 submitted on the portal"),
            TokenRequestAction.WAITING: translate("History", "Token request for %1 left waiting"),
            TokenRequestAction.ACCEPTED: translate("History", "Token request for %1 accepted"),
            TokenRequestAction.REFUSED: translate("History", "Token request for %1 refused"),
            TokenRequestAction.REFUSED_PERMANENTLY: translate("History", "Token request for %1 refused permanently"),
            TokenRequestAction.WITHDRAWN: translate("History", "Token request for %1 withdrawn"),
        }[self]
        return Description(words.replace("%1", shown.names.group(shown.after.get("group_id"))), frozenset({"group_id", "status"}))
