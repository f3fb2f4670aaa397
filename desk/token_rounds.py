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

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk import audit, payments
from desk.access import access_facts
from desk.clock import as_utc, now_utc
from desk.db import Database
from desk.errors import DomainError, NotFound
from desk.i18n import translate
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
        if registration is None or registration.kind is not RegistrationKind.TOKEN:
            raise DomainError(translate("TokenRounds", "That is not a token registration."))
        current = session.scalars(
            select(Round).where(Round.registration_id == registration_id, Round.starts_at <= now, Round.ends_at > now)
        ).first()
        if current is None:
            raise DomainError(translate("TokenRounds", "No round of %1 is open now.").replace("%1", registration.code))
        group = session.get(ClassGroup, group_id)
        if group is None:
            raise NotFound(translate("TokenRounds", "That class group no longer exists."))
        if action is RequestAction.REGISTER and not access_facts(session, student_id, registration, now).admitted:
            raise DomainError(translate("TokenRounds", "The student may not take part in %1.").replace("%1", registration.code))
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
            .values(status=RequestStatus.WITHDRAWN, resolved_at=now,
                    resolution_reason=translate("TokenRounds", "withdrawn by the student"))
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
    id: int
    course_id: int
    term_id: int
    class_type: object
    seat_limit: int
    enrolled: int
    added: int = 0
    removed: int = 0

    @property
    def free(self) -> int:
        return self.seat_limit - (self.enrolled + self.added - self.removed)


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
    group_query = select(ClassGroup).where(ClassGroup.id.in_(group_ids)).order_by(ClassGroup.id)
    if postgres:
        group_query = group_query.with_for_update()
    groups = {
        g.id: _Group(g.id, g.course_id, g.term_id, g.class_type, g.seat_limit, g.enrolled_count)
        for g in session.scalars(group_query)
    }
    token = session.get(TokenType, registration.token_type_id)
    balances = dict(
        session.execute(
            select(TokenEntry.student_id, func.sum(TokenEntry.amount))
            .where(TokenEntry.student_id.in_(student_ids), TokenEntry.token_type_id == token.id)
            .group_by(TokenEntry.student_id)
        ).all()
    )
    # Each student's standing enrollments in this registration's term: for "already registered",
    # the selection limit and unregistering.
    standing: dict[int, dict[int, Enrollment]] = {}
    for enrollment, course_id, class_type in session.execute(
        select(Enrollment, ClassGroup.course_id, ClassGroup.class_type)
        .join(ClassGroup, ClassGroup.id == Enrollment.group_id)
        .where(
            Enrollment.student_id.in_(student_ids),
            Enrollment.status == EnrollmentStatus.ACCEPTED,
            ClassGroup.term_id == registration.term_id,
        )
    ):
        standing.setdefault(enrollment.student_id, {})[enrollment.group_id] = enrollment
    course_of = dict(session.execute(select(ClassGroup.id, ClassGroup.course_id).where(
        ClassGroup.id.in_({gid for per in standing.values() for gid in per}))).all()) if standing else {}
    course_of.update({g.id: g.course_id for g in groups.values()})
    type_of = {g.id: g.class_type for g in groups.values()}
    unregister_allowed = dict(session.execute(select(Round.id, Round.unregister_allowed).where(Round.registration_id == registration.id)).all())

    accepted = refused = pending = 0
    new_enrollments, ledger_rows, request_updates, cancelled = [], [], [], []
    for request in requests:
        group = groups[request.group_id]
        mine = standing.setdefault(request.student_id, {})
        outcome: RequestStatus | None = None
        reason = ""
        if request.action is RequestAction.REGISTER:
            same_slot = [gid for gid in mine if course_of.get(gid) == group.course_id and type_of.get(gid, group.class_type) == group.class_type]
            in_registration = {course_of.get(gid) for gid, e in mine.items() if e.registration_id == registration.id}
            balance = int(balances.get(request.student_id, 0) or 0)
            if same_slot:
                outcome, reason = RequestStatus.REFUSED, translate("TokenRounds", "already registered for this course")
            elif (registration.selection_limit is not None and group.course_id not in in_registration
                  and len(in_registration) >= registration.selection_limit):
                outcome, reason = RequestStatus.REFUSED, translate("TokenRounds", "the registration's selection limit is reached")
            elif balance <= 0 and not request.payment_accepted:
                outcome, reason = RequestStatus.REFUSED, translate("TokenRounds", "no tokens left and payment not accepted")
            elif group.free <= 0:
                reason = translate("TokenRounds", "group full; waiting for a place")
            else:
                group.added += 1
                enrollment = Enrollment(
                    student_id=request.student_id, group_id=group.id, registration_id=registration.id,
                    source=EnrollmentSource.TOKEN, status=EnrollmentStatus.ACCEPTED, over_limit=False, created_at=now,
                    created_by_id=actor_id,
                )
                new_enrollments.append(enrollment)
                mine[group.id] = enrollment
                if balance > 0:
                    balances[request.student_id] = balance - 1
                    ledger_rows.append((request, LedgerKind.SPEND, -1))
                    reason = translate("TokenRounds", "registered; one token spent")
                else:
                    ledger_rows.append((request, None, 0))  # a payment instead of a token
                    reason = translate("TokenRounds", "registered; payment due")
                outcome = RequestStatus.ACCEPTED
        else:
            enrollment = mine.get(request.group_id)
            if not unregister_allowed.get(request.round_id, True):
                outcome, reason = RequestStatus.REFUSED, translate("TokenRounds", "the round does not allow unregistering")
            elif enrollment is None or enrollment.registration_id != registration.id:
                outcome, reason = RequestStatus.REFUSED, translate("TokenRounds", "not registered in this group")
            else:
                group.removed += 1
                cancelled.append((request, enrollment))
                del mine[request.group_id]
                outcome, reason = RequestStatus.ACCEPTED, translate("TokenRounds", "unregistered; token refunded or payment cancelled")
        if outcome is None:
            pending += 1
            if request.resolution_reason != reason:
                request_updates.append(dict(rid=request.id, status=RequestStatus.PENDING, at=None, why=reason))
            continue
        if outcome is RequestStatus.ACCEPTED:
            accepted += 1
        else:
            refused += 1
        request_updates.append(dict(rid=request.id, status=outcome, at=now, why=reason))

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
            .values(status=bindparam("status"), resolved_at=bindparam("at"), resolution_reason=bindparam("why")),
            [dict(u, status=u["status"].value) for u in request_updates],
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


def _audit_batch(session: Session, actor_id, now, requests, updates, enrollment_of, cancelled) -> None:
    by_id = {r.id: r for r in requests}
    rows, queued = [], []
    for u in updates:
        if u["status"] is RequestStatus.PENDING:
            continue
        request = by_id[u["rid"]]
        rows.append(dict(at=now, staff_id=actor_id, action=f"token_request.{u['status'].value}", entity="token_request",
                         entity_id=request.id, student_id=request.student_id,
                         after={"group_id": request.group_id, "action": request.action.value, "status": u["status"].value},
                         reason=u["why"]))
        queued.append(dict(entity="token_request", entity_id=request.id, operation="upsert", student_id=request.student_id,
                           payload={"status": u["status"].value, "reason": u["why"]}, created_at=now, staff_id=actor_id))
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
    """Refuse permanently what is still pending once the registration's last round has ended."""
    last_end = session.scalar(select(func.max(Round.ends_at)).where(Round.registration_id == registration.id))
    if last_end is None or as_utc(last_end) > now:
        return 0
    pending = session.scalars(
        select(TokenRequest.id).where(TokenRequest.registration_id == registration.id, TokenRequest.status == RequestStatus.PENDING)
    ).all()
    if not pending:
        return 0
    session.execute(
        update(TokenRequest)
        .where(TokenRequest.id.in_(pending), TokenRequest.status == RequestStatus.PENDING)
        .values(status=RequestStatus.REFUSED_PERMANENTLY, resolved_at=now,
                resolution_reason=translate("TokenRounds", "the registration ended before a place was found"))
        .execution_options(synchronize_session=False)
    )
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
                        r.submitted_at, r.payment_accepted, r.status, r.resolution_reason)
            for r, number, first, last, code, class_type, group_number in session.execute(query)
        ]
