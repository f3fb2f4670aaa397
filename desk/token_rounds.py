"""Token rounds: basket requests from the portal, resolved in submission order at each micro-break.

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

from sqlalchemy import bindparam, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desk import audit, payments, rule_facts, rules
from desk.changes import Action, Description, Shown
from desk.clock import as_utc, now_utc
from desk.db import Database
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.messages import Message, define
from desk.refusals import Refused, message, refuse_if
from desk.model import (
    AuditEntry,
    ClassGroup,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    LedgerKind,
    OutboxEntry,
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
from desk.staff import Actor, Permission, require
from desk.tokens import add_entry

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


def submit_request(
    db: Database, student_id: int, group_id: int, registration_id: int, action: RequestAction, *,
    payment_accepted: bool = False, portal_key: str | None = None, now: datetime | None = None,
    also: Callable[[Session, int], None] | None = None,
) -> int:
    """A student puts a request in the basket during an active token round; the same portal key twice is one request.

    ``also(session, request_id)`` runs in the transaction that records a new request (the sync records
    the portal action there).
    """
    now = as_utc(now or now_utc())
    try:
        return _submit(db, student_id, group_id, registration_id, action, payment_accepted, portal_key, now, also)
    except IntegrityError:
        if not portal_key:
            raise
        with db.read() as session:  # a concurrent twin with the same key committed first
            existing = session.scalar(select(TokenRequest.id).where(TokenRequest.portal_key == portal_key))
        if existing is None:
            raise
        return existing


def _submit(db, student_id, group_id, registration_id, action, payment_accepted, portal_key, now, also=None) -> int:
    with db.write() as session:
        if portal_key:
            existing = session.scalar(select(TokenRequest.id).where(TokenRequest.portal_key == portal_key))
            if existing is not None:
                return existing
        registration = session.get(Registration, registration_id)
        if registration is None:
            raise NotFound(translate("TokenRounds", "That is not a token registration."))
        group = session.get(ClassGroup, group_id)
        if group is None:
            raise NotFound(translate("TokenRounds", "That class group no longer exists."))
        register = action is RequestAction.REGISTER
        current = rule_facts.round_now(session, registration_id, now)
        refuse_if(rules.submit_token_request(
            rule_facts.registration(session, registration), current, register=register,
            admission=rule_facts.admission(session, student_id, registration, now) if register else None,
            group=rule_facts.groups(session, [group_id])[group_id] if register else None,
        ), TokenRequestRefused)
        request = TokenRequest(
            portal_key=portal_key, student_id=student_id, registration_id=registration_id, round_id=current.id,
            course_id=group.course_id, group_id=group_id, action=action, submitted_at=now,
            payment_accepted=payment_accepted, status=RequestStatus.PENDING,
        )
        session.add(request)
        session.flush()
        if also is not None:
            also(session, request.id)
        return request.id


def withdraw_request(db: Database, request_id: int, *, now: datetime | None = None) -> None:
    """The student takes a pending request out of the basket."""
    now = as_utc(now or now_utc())
    with db.write() as session:
        changed = session.execute(
            update(TokenRequest)
            .where(TokenRequest.id == request_id, TokenRequest.status == RequestStatus.PENDING)
            .values(status=RequestStatus.WITHDRAWN, resolved_at=now, **_reason_columns(WITHDRAWN()))
        ).rowcount
        if not changed:
            raise DomainError(translate("TokenRounds", "The request is no longer pending."))


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


def _serialize_resolution(session: Session, registration_id: int) -> None:
    """One resolver per registration at a time on PostgreSQL (SQLite's write lock already does it)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(4242, :r)"), {"r": registration_id})


def _resolve_batch(session: Session, registration: Registration, cutoff: datetime, now: datetime, actor_id: int | None,
                   after_id: tuple[datetime, int] | None) -> tuple[ResolutionResult, tuple[datetime, int] | None]:
    """Resolve up to BATCH due requests of the registration after ``after_id`` (in submission order)."""
    query = (
        select(TokenRequest)
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
    requests = list(session.scalars(query))
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
    standing: dict[int, dict[int, tuple[rules.Held, Enrollment]]] = {}
    for enrollment, group, code in session.execute(rule_facts.held_query(student_ids, registration.term_id)):
        held = rules.Held(enrollment.id, rule_facts.group_fact(group, code), enrollment.registration_id)
        standing.setdefault(enrollment.student_id, {})[enrollment.group_id] = (held, enrollment)
    registration_facts = rule_facts.registration(session, registration)
    rounds = {
        row.id: rules.RoundFacts(True, row.name, bool(row.unregister_allowed), id=row.id)
        for row in session.scalars(select(Round).where(Round.registration_id == registration.id))
    }

    accepted = refused = pending = 0
    new_enrollments, ledger_rows, request_updates, cancelled = [], [], [], []
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
                enrollment = Enrollment(
                    student_id=request.student_id, group_id=group.id, registration_id=registration.id,
                    source=EnrollmentSource.TOKEN, status=EnrollmentStatus.ACCEPTED, over_limit=False, created_at=now,
                    created_by_id=actor_id,
                )
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
        stored = _stored(reason)
        if outcome is None:
            pending += 1
            if (request.resolution_code, request.resolution_params) != (stored["code"], stored["params"]):
                request_updates.append(dict(rid=request.id, status=RequestStatus.PENDING, at=None, why=stored))
            continue
        if outcome is RequestStatus.ACCEPTED:
            accepted += 1
        else:
            refused += 1
        request_updates.append(dict(rid=request.id, status=outcome, at=now, why=stored))

    # Seats: one conditional update per group; the condition is the database's last word.
    for group in groups.values():
        delta = group.added - group.removed
        if delta:
            done = session.execute(
                update(ClassGroup)
                .where(ClassGroup.id == group.id, ClassGroup.enrolled_count + delta <= ClassGroup.seat_limit + ClassGroup.over_limit_count)
                .values(enrolled_count=ClassGroup.enrolled_count + delta)
                .execution_options(synchronize_session=False)
            ).rowcount
            if not done:
                raise DomainError(translate("TokenRounds", "A group changed during resolution; run it again."))
    session.add_all(new_enrollments)
    for request, enrollment in cancelled:
        enrollment.status = EnrollmentStatus.CANCELLED
        enrollment.cancelled_at = now
        enrollment.cancelled_by_id = actor_id
    session.flush()
    enrollment_of = {(e.student_id, e.group_id): e for e in new_enrollments}
    # Tokens and payments of this batch, written in bulk with their audit and outbox entries.
    spends = [request for request, kind, _amount in ledger_rows if kind is LedgerKind.SPEND]
    payers = [request for request, kind, _amount in ledger_rows if kind is None]
    audit_rows, outbox_rows = [], []
    if spends:
        reason = translate("TokenRounds", "token registration request %1")
        created = session.execute(
            insert(TokenEntry).returning(TokenEntry.id, sort_by_parameter_order=True),
            [dict(student_id=r.student_id, token_type_id=token.id, kind=LedgerKind.SPEND, amount=-1,
                  reason=reason.replace("%1", str(r.id)), idempotency_key=f"request-{r.id}", token_request_id=r.id,
                  created_at=now, created_by_id=actor_id) for r in spends],
        ).scalars().all()
        for entry_id, r in zip(created, spends):
            after = {"token_type_id": token.id, "kind": "spend", "amount": -1, "token_request_id": r.id}
            audit_rows.append(dict(at=now, staff_id=actor_id, action="tokens.spend", entity="token_entry", entity_id=entry_id,
                                   student_id=r.student_id, after=after, reason=reason.replace("%1", str(r.id))))
            outbox_rows.append(dict(entity="token_entry", entity_id=entry_id, operation="upsert", student_id=r.student_id,
                                    payload=after, created_at=now, staff_id=actor_id))
    if payers:
        due_on = payments.due_date(now)
        created = session.execute(
            insert(Payment).returning(Payment.id, sort_by_parameter_order=True),
            [dict(student_id=r.student_id, amount=token.semester_price, token_type_id=token.id, course_id=r.course_id,
                  term_id=registration.term_id, token_request_id=r.id, status=PaymentStatus.DUE, due_on=due_on,
                  created_at=now, created_by_id=actor_id) for r in payers],
        ).scalars().all()
        for payment_id, r in zip(created, payers):
            after = {"amount": str(token.semester_price), "token_type_id": token.id, "course_id": r.course_id, "status": "due"}
            audit_rows.append(dict(at=now, staff_id=actor_id, action="payment.create", entity="payment", entity_id=payment_id,
                                   student_id=r.student_id, after=after, reason=None))
            outbox_rows.append(dict(entity="payment", entity_id=payment_id, operation="upsert", student_id=r.student_id,
                                    payload=after, created_at=now, staff_id=actor_id))
    if audit_rows:
        session.execute(insert(AuditEntry), audit_rows)
        session.execute(insert(OutboxEntry), outbox_rows)
    for request, enrollment in cancelled:
        _refund(session, request, enrollment, token, actor_id, now)
    if request_updates:
        session.execute(
            update(TokenRequest.__table__)
            .where(TokenRequest.__table__.c.id == bindparam("rid"))
            .values(status=bindparam("status"), resolved_at=bindparam("at"), resolution_code=bindparam("code"),
                    resolution_params=bindparam("params")),
            [dict(rid=u["rid"], status=u["status"].value, at=u["at"], code=u["why"]["code"], params=u["why"]["params"])
             for u in request_updates],
        )
    _audit_batch(session, actor_id, now, requests, request_updates, enrollment_of, cancelled)
    last = requests[-1]
    return ResolutionResult(accepted, refused, pending, 0, 1), (last.submitted_at, last.id)


def _refund(session: Session, request: TokenRequest, enrollment: Enrollment, token: TokenType, actor_id: int | None,
            now: datetime) -> None:
    """Give back what the registration cost: the token spent for it, or its payment if still due."""
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
            session, student_id=request.student_id, token_type_id=token.id, kind=LedgerKind.REFUND, amount=1,
            reason=translate("TokenRounds", "unregistered (request %1)").replace("%1", str(request.id)),
            actor_id=actor_id, now=now, idempotency_key=f"refund-{request.id}", reverses_id=spent.id,
            token_request_id=request.id,
        )
        return
    payment = session.scalars(
        select(Payment).where(Payment.token_request_id.in_(register_requests), Payment.status == PaymentStatus.DUE)
        .order_by(Payment.id.desc())
    ).first()
    if payment is not None:
        payments.cancel(session, payment, actor_id=actor_id,
                        reason=translate("TokenRounds", "unregistered (request %1)").replace("%1", str(request.id)))


def _as_json(stored: dict) -> dict:
    """A stored reason as a message's JSON (audit entries and queued payloads keep it so)."""
    return {"code": stored["code"], "params": json.loads(stored["params"])}


def _job(actor_id: int | None) -> str | None:
    return None if actor_id is not None else "token_round"


def _audit_batch(session: Session, actor_id, now, requests, updates, enrollment_of, cancelled) -> None:
    """Each resolved request audited and queued for the portal with its reason (a code with parameters);
    a request left waiting is queued too, so the portal shows why it waits."""
    by_id = {r.id: r for r in requests}
    rows, queued = [], []
    for u in updates:
        request = by_id[u["rid"]]
        status = u["status"].value
        queued.append(dict(entity="token_request", entity_id=request.id, operation="upsert", student_id=request.student_id,
                           payload={"status": status, "reason": _as_json(u["why"])}, created_at=now, staff_id=actor_id))
        if u["status"] is RequestStatus.PENDING:
            continue  # still waiting: nothing changed but the reason the student sees
        rows.append(dict(at=now, staff_id=actor_id, job=_job(actor_id), action=f"token_request.{status}",
                         entity="token_request", entity_id=request.id, student_id=request.student_id,
                         after={"group_id": request.group_id, "action": request.action.value, "status": status},
                         reason=None, reason_message=_as_json(u["why"])))
    for (student_id, group_id), enrollment in enrollment_of.items():
        queued.append(dict(entity="enrollment", entity_id=enrollment.id, operation="upsert", student_id=student_id,
                           payload={"group_id": group_id, "status": "accepted", "source": "token"}, created_at=now,
                           staff_id=actor_id))
    for request, enrollment in cancelled:
        queued.append(dict(entity="enrollment", entity_id=enrollment.id, operation="upsert", student_id=request.student_id,
                           payload={"group_id": enrollment.group_id, "status": "cancelled"}, created_at=now, staff_id=actor_id))
    if rows:
        session.execute(insert(AuditEntry), rows)
    if queued:
        session.execute(insert(OutboxEntry), queued)


def _finish_ended(session: Session, registration: Registration, now: datetime, actor_id: int | None) -> int:
    """Refuse permanently what is still pending once the registration's last round has ended.

    Each request is audited and queued for the portal with the rulebook's reason, in bulk; the
    registration's own history keeps how many there were.
    """
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
    why = _stored(message(rules.registration_ended(rule_facts.registration(session, registration))))
    ids = [row.id for row in pending]
    session.execute(
        update(TokenRequest)
        .where(TokenRequest.id.in_(ids), TokenRequest.status == RequestStatus.PENDING)
        .values(status=RequestStatus.REFUSED_PERMANENTLY, resolved_at=now, resolution_code=why["code"],
                resolution_params=why["params"])
        .execution_options(synchronize_session=False)
    )
    status = RequestStatus.REFUSED_PERMANENTLY.value
    session.execute(insert(AuditEntry), [
        dict(at=now, staff_id=actor_id, job=_job(actor_id), action=f"token_request.{status}", entity="token_request",
             entity_id=row.id, student_id=row.student_id,
             after={"group_id": row.group_id, "action": RequestAction(row.action).value, "status": status},
             reason=None, reason_message=_as_json(why))
        for row in pending
    ])
    session.execute(insert(OutboxEntry), [
        dict(entity="token_request", entity_id=row.id, operation="upsert", student_id=row.student_id,
             payload={"status": status, "reason": _as_json(why)}, created_at=now, staff_id=actor_id)
        for row in pending
    ])
    audit.record(session, actor_id=actor_id, action="token_request.refuse_permanently", entity="registration",
                 entity_id=registration.id, after={"requests": len(pending)})
    return len(pending)


def resolve_registration(
    db: Database, registration_id: int, *, cutoff: datetime | None = None, now: datetime | None = None,
    actor_id: int | None = None, progress: Progress | None = None,
) -> ResolutionResult:
    """Carry out the due requests of one token registration (those submitted before ``cutoff``)."""
    now = as_utc(now or now_utc())
    cutoff = as_utc(cutoff or now)
    with db.read() as session:
        registration = session.get(Registration, registration_id)
        if registration is None or registration.kind is not RegistrationKind.TOKEN:
            raise NotFound(translate("TokenRounds", "That is not a token registration."))
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
        with db.write() as session:
            _serialize_resolution(session, registration_id)
            registration = session.get(Registration, registration_id)
            batch, after = _resolve_batch(session, registration, cutoff, now, actor_id, after)
        if after is None:
            break
        result += batch
        done += batch.accepted + batch.refused + batch.still_pending
        if progress is not None:
            progress(min(done, total), total)
    with db.write() as session:
        _serialize_resolution(session, registration_id)
        registration = session.get(Registration, registration_id)
        ended = _finish_ended(session, registration, now, actor_id)
    return result + ResolutionResult(refused_permanently=ended)


def resolve_due(db: Database, *, now: datetime | None = None, actor_id: int | None = None) -> dict[str, ResolutionResult]:
    """What the application and ``desk tokens resolve`` run: every token registration whose break has come."""
    now = as_utc(now or now_utc())
    with db.read() as session:
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
    return {codes[rid]: resolve_registration(db, rid, cutoff=cutoff, now=now, actor_id=actor_id) for rid, cutoff in cutoffs.items()}


def resolve_now(db: Database, actor: Actor, registration_id: int, *, now: datetime | None = None,
                progress: Progress | None = None) -> ResolutionResult:
    """A clerk's "resolve now": every pending request submitted so far, in order."""
    require(actor, Permission.MANAGE_REGISTRATIONS)
    with db.read() as session:
        registration = session.get(Registration, registration_id)
        if registration is None:
            raise NotFound(translate("TokenRounds", "That is not a token registration."))
    require(actor, Permission.MANAGE_REGISTRATIONS, registration.unit_id)
    return resolve_registration(db, registration_id, now=now, actor_id=actor.id, progress=progress)


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


def request_counts(db: Database, actor: Actor, registration_id: int) -> tuple[RequestCounts, list[GroupRequests]]:
    """Requests of a token registration by status, overall and per group."""
    require(actor, Permission.READ_STUDENTS)
    from desk.model import Course

    with db.read() as session:
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


def _reason_words(request: TokenRequest) -> str | None:
    """The request's reason in the reader's language (requests resolved before codes were kept: as stored)."""
    reason = resolution_of(request.resolution_code, request.resolution_params)
    return reason.text() if reason is not None else request.resolution_reason


def requests_of(db: Database, actor: Actor, registration_id: int, *, status: RequestStatus | None = None,
                limit: int = 500) -> list[RequestLine]:
    """A token registration's basket requests in submission order (the order they are carried out)."""
    require(actor, Permission.READ_STUDENTS)
    from desk.model import Course, Person

    query = (
        select(TokenRequest, Student.student_number, Person.first_name, Person.last_name, Course.code, ClassGroup.class_type,
               ClassGroup.number)
        .join(Student, Student.id == TokenRequest.student_id)
        .join(Person, Person.id == Student.person_id)
        .join(ClassGroup, ClassGroup.id == TokenRequest.group_id)
        .join(Course, Course.id == ClassGroup.course_id)
        .where(TokenRequest.registration_id == registration_id)
        .order_by(TokenRequest.submitted_at, TokenRequest.id)
        .limit(limit)
    )
    if status is not None:
        query = query.where(TokenRequest.status == status)
    with db.read() as session:
        return [
            RequestLine(r.id, r.student_id, number, f"{first} {last}", f"{code} {class_type.value} {group_number}", r.action,
                        r.submitted_at, r.payment_accepted, r.status, _reason_words(r))
            for r, number, first, last, code, class_type, group_number in session.execute(query)
        ]


class TokenRequestAction(Action):
    """How a token request from the portal's basket was resolved; and what still waited when the registration ended."""

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
            TokenRequestAction.ACCEPTED: translate("History", "Token request for %1 accepted"),
            TokenRequestAction.REFUSED: translate("History", "Token request for %1 refused"),
            TokenRequestAction.REFUSED_PERMANENTLY: translate("History", "Token request for %1 refused permanently"),
            TokenRequestAction.WITHDRAWN: translate("History", "Token request for %1 withdrawn"),
        }[self]
        return Description(words.replace("%1", shown.names.group(shown.after.get("group_id"))), frozenset({"group_id", "status"}))
