"""Payments due (należności): created when a token registration goes beyond the free tokens, listed and cancelled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from desk import bounds
from desk.changes import Action, Description, Shown
from desk.clock import to_local
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk import messages
from desk.messages import Message
from desk.model import Course, Payment, PaymentStatus, Person, Programme, Student, StudentProgramme, Term, TokenType
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork

DUE_AFTER = timedelta(days=14)


@dataclass(frozen=True)
class PaymentLine:
    id: int
    student_id: int
    student_number: str
    student_name: str
    amount: Decimal
    status: PaymentStatus
    due_on: date | None
    token_type_code: str | None
    course_code: str | None
    term_code: str | None
    created_at: datetime
    cancelled_reason: str | None


def due_date(now: datetime) -> date:
    """When a payment created now falls due: two weeks later, on the institution's calendar."""
    return to_local(now).date() + DUE_AFTER


class PaymentAction(Action):
    """What happens to payments due."""

    CREATE = "payment.create"
    CANCEL = "payment.cancel"

    def describe(self, shown: Shown) -> Description:
        if self is PaymentAction.CREATE:
            return Description(translate("History", "Payment of %1 PLN due").replace("%1", str(shown.after.get("amount", "?"))),
                               frozenset({"amount", "status"}))
        return Description(translate("History", "Payment cancelled"))


def create_payment(
    uow: UnitOfWork, *, student_id: int, token_type: TokenType, course_id: int | None, term_id: int | None,
    token_request_id: int | None,
) -> Payment:
    """A payment for one semester beyond the free tokens (inside the unit's open transaction)."""
    session, now = uow.session, uow.now
    payment = Payment(
        student_id=student_id, amount=token_type.semester_price, token_type_id=token_type.id, course_id=course_id,
        term_id=term_id, token_request_id=token_request_id, status=PaymentStatus.DUE,
        due_on=due_date(now), created_at=now, created_by_id=uow.staff_id,
    )
    session.add(payment)
    session.flush()
    after = {"amount": payment.amount, "token_type_id": token_type.id, "course_id": course_id, "status": payment.status}
    uow.record_change(PaymentAction.CREATE, entity="payment", entity_id=payment.id, student_id=student_id, after=after)
    return payment


def cancel(uow: UnitOfWork, payment: Payment, *, reason: str | Message) -> None:
    """Cancel a due payment (inside the unit's open transaction)."""
    before = {"status": payment.status}
    payment.status = PaymentStatus.CANCELLED
    payment.cancelled_reason = messages.stored(reason)  # a system's reason as its code, made into words when shown
    uow.record_change(PaymentAction.CANCEL, entity="payment", entity_id=payment.id, student_id=payment.student_id,
                      before=before, after={"status": payment.status}, reason=reason, portal={"status": payment.status})


def list_payments(uow: UnitOfWork, *, status: PaymentStatus | None = None, term_id: int | None = None,
    unit_id: int | None = None, student_id: int | None = None, limit: int | None = 5000,
) -> list[PaymentLine]:
    """Payments, newest first, by status, term and the unit of the student's programme; every one when limit is None."""
    if limit is not None:
        bounds.LIST_LIMIT.check(limit)
    uow.require(Permission.READ_STUDENTS)
    query = (
        select(Payment, Student.student_number, Person.first_name, Person.last_name, TokenType.code, Course.code, Term.code)
        .join(Student, Student.id == Payment.student_id)
        .join(Person, Person.id == Student.person_id)
        .outerjoin(TokenType, TokenType.id == Payment.token_type_id)
        .outerjoin(Course, Course.id == Payment.course_id)
        .outerjoin(Term, Term.id == Payment.term_id)
        .order_by(Payment.created_at.desc(), Payment.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    if status is not None:
        query = query.where(Payment.status == status)
    if term_id is not None:
        query = query.where(Payment.term_id == term_id)
    if student_id is not None:
        query = query.where(Payment.student_id == student_id)
    if unit_id is not None:
        query = query.where(
            Payment.student_id.in_(
                select(StudentProgramme.student_id)
                .join(Programme, Programme.id == StudentProgramme.programme_id)
                .where(Programme.unit_id == unit_id)
            )
        )
    with uow.read() as session:
        return [
            PaymentLine(p.id, p.student_id, number, f"{first} {last}", p.amount, p.status, p.due_on, token, course, term,
                        p.created_at, messages.shown(p.cancelled_reason) or None)
            for p, number, first, last, token, course, term in session.execute(query)
        ]


def cancel_payment(uow: UnitOfWork, payment_id: int, *, reason: str) -> None:
    """A clerk cancels a due payment, with the reason (e.g. decision of the dean)."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Payments", "Say why the payment is cancelled."))
    bounds.RECORD_ID.check(payment_id)
    with uow.write() as session:
        payment = session.get(Payment, payment_id)
        if payment is None:
            raise NotFound(translate("Payments", "That payment no longer exists."))
        units = session.scalars(
            select(Programme.unit_id)
            .join(StudentProgramme, StudentProgramme.programme_id == Programme.id)
            .where(StudentProgramme.student_id == payment.student_id)
        ).all()
        if not any(uow.can(Permission.CORRECT_TOKENS, unit) for unit in units):
            uow.require(Permission.CORRECT_TOKENS, units[0] if units else None)
        if payment.status is not PaymentStatus.DUE:
            raise DomainError(translate("Payments", "Only a payment that is due can be cancelled; this one is %1.")
                              .replace("%1", payment.status.value))
        cancel(uow, payment, reason=reason)
