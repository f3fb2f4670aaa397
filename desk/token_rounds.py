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
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import Row, bindparam, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desk import payments, rule_facts, rules
from desk.chain import new_ids, seal
from desk.changes import Action, Change, Description, Shown
from desk.clock import as_utc
from desk.enrollment import EnrollmentAction
from desk.errors import DomainError, NotFound
from desk.i18n import translate
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
    return Message(code, json.loads(params) if params else {}) if code else None


def _reason_columns(reason: Message) -> dict:
    stored = _stored(reason)
    return {"resolution_code": stored["code"], "resolution_params": stored["params"]}


def _stored(reason: Message) -> dict:
    """The reason as the request row keeps it: the code, and the parameters as canonical JSON text."""
    return {"code": reason.code, "params": json.dumps(dict(reason.params), sort_keys=True, ensure_ascii=False)}


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
        current = rule_facts.round_now(session, registration_id, now)
        refusals = rules.submit_token_request(
            rule_facts.registration(session, registration), current, register=register,
            admission=rule_facts.admission(session, student_id, registration, now) if register else None,
            group=rule_facts.groups(session, [group_id])[group_id] if register else None,
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

    @property
    def id(self) -> int:
        return self.facts.id

    @property
    def now(self) -> rules.GroupFacts:
        """The group as the batch's next decision sees it."""
        return replace(self.facts, enrolled=self.facts.enrolled + self.added - self.removed)


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


@dataclass
class _Decision:
    """What became of one request of the batch: its new status (PENDING: still waiting) and why."""

    request: Row  # the request's row (token_requests)
    status: RequestStatus
    why: Message


def _serialize_resolution(session: Session, registration_id: int) -> None:
    """One resolver per registration at a time on PostgreSQL (SQLite's write lock already does it)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(4242, :r)"), {"r": registration_id})


def _resolve_batch(uow: UnitOfWork, registration: Registration, cutoff: datetime,
                   after_id: tuple[datetime, int] | None) -> tuple[ResolutionResult, tuple[datetime, int] | None]:
    """Resolve up to BATCH due requests of the registration after ``after_id`` (in submission order)."""
    session, now, staff_id = uow.session, uow.now, uow.staff_id
    query = (
        select(TokenRequest.__table__)  # plain rows: the batch reads them, it changes them by statements of its own
        .where(
            TokenRequest.registration_id == registration.id,
            TokenRequest.status == RequestStatus.PENDING,
            TokenRequest.submitted_at < cutoff,
        )
        .order_by(TokenRequest.submitted_at, TokenRequest.id)
        .limit(BATCH)
    )
    if after_id is not None:
        at, rid = after_id
        query = query.where((TokenRequest.submitted_at > at) | ((TokenRequest.submitted_at == at) & (TokenRequest.id > rid)))
    requests = session.execute(query).all()
    if not requests:
        return ResolutionResult(), None
    postgres = session.get_bind().dialect.name == "postgresql"
    student_ids = sorted({r.student_id for r in requests})
    group_ids = sorted({r.group_id for r in requests})
    if postgres:  # students, then groups, each in id order: the lock order of every writer
        session.execute(select(Student.id).where(Student.id.in_(student_ids)).order_by(Student.id).with_for_update())
    if postgres:
        session.execute(select(ClassGroup.id).where(ClassGroup.id.in_(group_ids)).order_by(ClassGroup.id).with_for_update())
    # The rulebook's facts for the whole batch, each in one query: its groups; every standing
    # enrollment of its students in the term (with its course and class type); their balances.
    groups = {gid: _Group(facts) for gid, facts in rule_facts.groups(session, group_ids).items()}
    token = session.get(TokenType, registration.token_type_id)
    balances = dict(
        session.execute(
            select(TokenEntry.student_id, func.sum(TokenEntry.amount))
            .where(TokenEntry.student_id.in_(student_ids), TokenEntry.token_type_id == token.id)
            .group_by(TokenEntry.student_id)
        ).all()
    )
    standing: dict[int, dict[int, tuple[rules.Held, _Enrollment]]] = {}
    for row in session.execute(_standing_query(student_ids, registration.term_id)):
        group = rules.GroupFacts(row.group_id, row.course_id, row.code, row.term_id, str(row.class_type), row.number,
                                 row.seat_limit, row.enrolled_count)  # as rule_facts.group_fact makes them
        enrollment = _Enrollment(row.id, row.student_id, row.group_id, row.registration_id, row.source,
                                 EnrollmentStatus.ACCEPTED, bool(row.over_limit), stored=True)
        standing.setdefault(row.student_id, {})[row.group_id] = (rules.Held(row.id, group, row.registration_id), enrollment)
    registration_facts = rule_facts.registration(session, registration)
    rounds = {
        row.id: rules.RoundFacts(True, row.name, bool(row.unregister_allowed), id=row.id)
        for row in session.scalars(select(Round).where(Round.registration_id == registration.id))
    }

    accepted = refused = pending = 0
    new_enrollments, ledger_rows, cancelled = [], [], []
    decisions: list[_Decision] = []
    for request in requests:
        group = groups[request.group_id]
        mine = standing.setdefault(request.student_id, {})
        outcome: RequestStatus | None = None
        if request.action is RequestAction.REGISTER:
            balance = int(balances.get(request.student_id, 0) or 0)
            refusals = rules.resolve_token_register(
                group.now, [held for held, _ in mine.values()], registration_facts,
                rules.Tokens(token.code, balance, bool(request.payment_accepted), str(token.semester_price)),
            )
            if not refusals:
                group.added += 1
                enrollment = _Enrollment(None, request.student_id, group.id, registration.id, EnrollmentSource.TOKEN,
                                         EnrollmentStatus.ACCEPTED, False, created_at=now, created_by_id=staff_id)
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
            round_ = rounds.get(request.round_id) or rules.RoundFacts(True)
            refusals = rules.resolve_token_unregister(round_, enrolled)
            if refusals:
                outcome, reason = RequestStatus.REFUSED, message(refusals[0])
            else:
                group.removed += 1
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
    _take_seats(session, groups.values())
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
        session.execute(
            update(TokenRequest.__table__)
            .where(TokenRequest.__table__.c.id == bindparam("rid"))
            .values(status=bindparam("status"), resolved_at=bindparam("at"), resolution_code=bindparam("code"),
                    resolution_params=bindparam("params")),
            [dict(rid=d.request.id, status=d.status.value, at=None if d.status is RequestStatus.PENDING else now,
                  **_stored(d.why)) for d in decisions],
        )
    _record_batch(uow, decisions, new_enrollments, cancelled)
    last = requests[-1]
    return ResolutionResult(accepted, refused, pending, 0, 1), (last.submitted_at, last.id)


def _standing_query(student_ids: list[int], term_id: int):
    """Every standing enrollment of the batch's students in the term, with its group and course code.

    Read from the students: their enrollments, then each one's group. The term is compared as ``term_id + 0``,
    which no index serves, so that SQLite does not start from every group of the term instead (a whole
    term's enrollments read to keep a few hundred students' ones).
    """
    e, g = Enrollment.__table__, ClassGroup.__table__
    return (
        select(e.c.id, e.c.student_id, e.c.group_id, e.c.registration_id, e.c.source, e.c.over_limit, g.c.course_id,
               g.c.term_id, g.c.class_type, g.c.number, g.c.seat_limit, g.c.enrolled_count, Course.code)
        .join(ClassGroup, ClassGroup.id == Enrollment.group_id)
        .join(Course, Course.id == ClassGroup.course_id)
        .where(Enrollment.student_id.in_(student_ids), Enrollment.status == EnrollmentStatus.ACCEPTED,
               ClassGroup.term_id + 0 == term_id)
        .order_by(Enrollment.id)
    )


def _take_seats(session: Session, groups) -> None:
    """Add each group's change of seats in one UPDATE, on the condition that it stays within the group's limit
    (with its places over the limit); a group the condition refused refuses the batch."""
    deltas = [(g.id, g.added - g.removed) for g in sorted(groups, key=lambda g: g.id) if g.added != g.removed]
    if not deltas:
        return
    if session.get_bind().dialect.name == "postgresql":
        statement = text(
            "UPDATE class_groups AS g SET enrolled_count = g.enrolled_count + v.delta "
            "FROM unnest(CAST(:gids AS integer[]), CAST(:deltas AS integer[])) AS v(gid, delta) "
            "WHERE g.id = v.gid AND g.enrolled_count + v.delta <= g.seat_limit + g.over_limit_count")
        params = {"gids": [gid for gid, _ in deltas], "deltas": [delta for _, delta in deltas]}
    else:  # the changes as one JSON parameter: the same statement, however many groups
        statement = text(
            "UPDATE class_groups SET enrolled_count = class_groups.enrolled_count + v.delta "
            "FROM (SELECT json_extract(value, '$[0]') AS gid, json_extract(value, '$[1]') AS delta "
            "FROM json_each(:deltas)) AS v "
            "WHERE class_groups.id = v.gid "
            "AND class_groups.enrolled_count + v.delta <= class_groups.seat_limit + class_groups.over_limit_count")
        params = {"deltas": json.dumps(deltas)}
    if session.execute(statement, params).rowcount != len(deltas):
        raise DomainError(translate("TokenRounds", "A group changed during resolution; run it again."))


def _write_enrollments(session: Session, made: list[_Enrollment], cancelled: list[_Enrollment], now: datetime,
                       staff_id: int | None) -> None:
    """The batch's enrollments: those it cancelled in one UPDATE, then those it made in one multi-row INSERT
    (ids given). An enrollment made and cancelled in the same batch is inserted cancelled."""
    for enrollment in cancelled:
        enrollment.status, enrollment.cancelled_at, enrollment.cancelled_by_id = EnrollmentStatus.CANCELLED, now, staff_id
    stored = [e.id for e in cancelled if e.stored]
    if stored:
        session.execute(
            update(Enrollment.__table__).where(Enrollment.__table__.c.id.in_(stored))
            .values(status=EnrollmentStatus.CANCELLED, cancelled_at=now, cancelled_by_id=staff_id)
        )
    if made:
        for enrollment, new_id in zip(made, new_ids(session, Enrollment.__tablename__, len(made))):
            enrollment.id = new_id
        session.execute(insert(Enrollment.__table__), [
            dict(id=e.id, student_id=e.student_id, group_id=e.group_id, registration_id=e.registration_id,
                 source=e.source, status=e.status, over_limit=e.over_limit, reason=None, created_at=e.created_at,
                 created_by_id=e.created_by_id, cancelled_at=e.cancelled_at, cancelled_by_id=e.cancelled_by_id)
            for e in made])


def _refund(uow: UnitOfWork, request: Row, enrollment: _Enrollment, token: TokenType) -> None:
    """Give back what the registration cost: the token spent for it, or its payment if still due."""
    session = uow.session
    register_requests = select(TokenRequest.id).where(
        TokenRequest.student_id == request.student_id,
        TokenRequest.group_id == enrollment.group_id,
        TokenRequest.action == RequestAction.REGISTER,
        TokenRequest.status == RequestStatus.ACCEPTED,
    )
    spent = session.scalars(
        select(TokenEntry).where(TokenEntry.token_request_id.in_(register_requests), TokenEntry.kind == LedgerKind.SPEND)
        .order_by(TokenEntry.id.desc())
    ).first()
    if spent is not None and session.scalar(select(TokenEntry.id).where(TokenEntry.reverses_id == spent.id)) is None:
        add_entry(
            uow, student_id=request.student_id, token_type_id=token.id, kind=LedgerKind.REFUND, amount=1,
            reason=REFUND_FOR_REQUEST(request=request.id), idempotency_key=f"refund-{request.id}", reverses_id=spent.id,
            token_request_id=request.id,
        )
        return
    payment = session.scalars(
        select(Payment).where(Payment.token_request_id.in_(register_requests), Payment.status == PaymentStatus.DUE)
        .order_by(Payment.id.desc())
    ).first()
    if payment is not None:
        payments.cancel(uow, payment, reason=REFUND_FOR_REQUEST(request=request.id))


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


def _finish_ended(uow: UnitOfWork, registration: Registration) -> int:
    """Refuse permanently what is still pending once the registration's last round has ended.

    Each request is recorded (audit and portal queue) with the rulebook's reason, in bulk; the
    registration's own history keeps how many there were.
    """
    session, now = uow.session, uow.now
    last_end = session.scalar(select(func.max(Round.ends_at)).where(Round.registration_id == registration.id))
    if last_end is None or as_utc(last_end) > now:
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


def _token_registration(uow: UnitOfWork, registration_id: int) -> Registration:
    registration = uow.session.get(Registration, registration_id)
    if registration is None or registration.kind is not RegistrationKind.TOKEN:
        raise NotFound(translate("TokenRounds", "That is not a token registration."))
    return registration


def resolve_registration(uow: UnitOfWork, registration_id: int, *, cutoff: datetime | None = None,
                         progress: Progress | None = None) -> ResolutionResult:
    """Carry out the due requests of one token registration (those submitted before ``cutoff``, by default the unit's now).

    The principal is the token round's job (SystemJob.TOKEN_ROUND, or SCHEDULE from a timer) or a clerk of
    the organising unit; each batch is a transaction of its own, and a clerk is checked again in each.
    """
    with uow.read() as session:
        registration = _token_registration(uow, registration_id)
        unit_id = registration.unit_id
        uow.require(Permission.MANAGE_REGISTRATIONS, unit_id)
        cutoff = as_utc(cutoff or uow.now)
        total = session.scalar(
            select(func.count()).select_from(TokenRequest).where(
                TokenRequest.registration_id == registration_id, TokenRequest.status == RequestStatus.PENDING,
                TokenRequest.submitted_at < cutoff,
            )
        ) or 0
    result = ResolutionResult()
    after = None
    done = 0
    while True:
        with uow.write() as session:
            uow.require(Permission.MANAGE_REGISTRATIONS, unit_id)
            _serialize_resolution(session, registration_id)
            batch, after = _resolve_batch(uow, _token_registration(uow, registration_id), cutoff, after)
        if after is None:
            break
        result += batch
        done += batch.accepted + batch.refused + batch.still_pending
        if progress is not None:
            progress(min(done, total), total)
    with uow.write() as session:
        uow.require(Permission.MANAGE_REGISTRATIONS, unit_id)
        _serialize_resolution(session, registration_id)
        ended = _finish_ended(uow, _token_registration(uow, registration_id))
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
    uow.require(Permission.MANAGE_REGISTRATIONS)
    with uow.read() as session:
        registration = session.get(Registration, registration_id)
        if registration is None:
            raise NotFound(translate("TokenRounds", "That is not a token registration."))
        uow.require(Permission.MANAGE_REGISTRATIONS, registration.unit_id)
    return resolve_registration(uow, registration_id, progress=progress)


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
                    group.id, f"{code} {group.class_type.value} {group.number}", group.seat_limit, group.enrolled_count,
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
            RequestLine(r.id, r.student_id, number, f"{first} {last}", f"{code} {class_type.value} {group_number}", r.action,
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
