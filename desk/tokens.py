"""Tokens: the append-only ledger, balances, corrections with the 7-day rule, and automatic allocation.

A balance is the sum of a student's ledger entries of one token type. Entries are never edited
or deleted (the database refuses it too); a mistake is reversed by a new entry. Every entry may
carry an idempotency key: submitting the same change twice (a double click, a retried script,
sixteen workstations at once) records it once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk import bounds
from desk.chain import seal
from desk.changes import Action, Change, Description, Shown
from desk.clock import DEFAULT_TIME_ZONE, as_utc, format_local, to_local
from desk.db import Database
from desk.errors import DomainError, NotFound, PermissionDenied
from desk.i18n import translate
from desk.messages import Message, define
from desk.model import (
    Level,
    LedgerKind,
    Programme,
    ProgrammeStatus,
    Registration,
    RegistrationKind,
    RequestAction,
    RequestStatus,
    Round,
    StaffUser,
    Student,
    StudentProgramme,
    StudyMode,
    TokenAllocationRule,
    TokenEntry,
    TokenRequest,
    TokenType,
)
from desk.staff import Actor, Permission, require
from desk.unit_of_work import UnitOfWork

CORRECTION_DEADLINE = timedelta(days=7)

# A reason the system gives: kept as a code (the ledger's reason_message), put into words when shown.
ALLOCATION_BY_RULE = define("tokens.allocation_by_rule", "Tokens", QT_TRANSLATE_NOOP("Tokens", "automatic allocation by rule"))


class TokenAction(Action):
    """What is recorded about tokens: ledger entries (one code per kind of entry), token types, allocation rules."""

    ALLOCATION = "tokens.allocation"
    CORRECTION = "tokens.correction"
    SPEND = "tokens.spend"
    REFUND = "tokens.refund"
    EXPIRY = "tokens.expiry"
    TYPE_SAVE = "token_type.save"
    RULE_CREATE = "token_rule.create"

    @classmethod
    def of_entry(cls, kind: LedgerKind) -> TokenAction:
        return cls(f"tokens.{kind.value}")

    def describe(self, shown: Shown) -> Description:
        a, names = shown.after, shown.names
        if self is TokenAction.TYPE_SAVE:
            return Description(translate("History", "Token type %1 saved")
                               .replace("%1", str(a.get("code") or names.token_type(shown.entity_id))), frozenset({"code"}))
        if self is TokenAction.RULE_CREATE:
            return Description(translate("History", "Token allocation rule added for %1")
                               .replace("%1", names.token_type(a.get("token_type_id"))), frozenset({"token_type_id"}))
        token, amount = names.token_type(a.get("token_type_id")), a.get("amount")
        signed = f"{amount:+d}" if isinstance(amount, int) else str(amount)
        said = frozenset({"token_type_id", "amount", "kind"})
        if self is TokenAction.ALLOCATION:
            return Description(translate("History", "Tokens allocated: %1 %2").replace("%1", signed).replace("%2", token), said)
        if self is TokenAction.CORRECTION:
            text = translate("History", "Token balance corrected: %1 %2").replace("%1", signed).replace("%2", token)
            if a.get("deadline_override"):
                text += " " + translate("History", "(deadline overridden)")
            return Description(text, said)
        if self is TokenAction.SPEND:
            return Description(translate("History", "Token spent: %1").replace("%1", token), said)
        if self is TokenAction.REFUND:
            return Description(translate("History", "Token refunded: %1").replace("%1", token), said)
        return Description(translate("History", "Tokens expired: %1 %2").replace("%1", signed).replace("%2", token), said)


def ledger_reason(reason: str | Message) -> tuple[str, dict | None]:
    """What a ledger entry keeps: a clerk's words as typed; a reason the system gives as its code (and the code as text)."""
    if isinstance(reason, Message):
        return reason.code, reason.to_json()
    return reason, None


def _shown_reason(reason: str, message: dict | None) -> str:
    found = Message.from_json(message)
    return found.text() if found is not None else reason


# --- read side -------------------------------------------------------------------------------


@dataclass(frozen=True)
class BalanceLine:
    token_type_id: int
    code: str
    name: str
    semester_price: object  # Decimal
    balance: int


@dataclass(frozen=True)
class LedgerLine:
    id: int
    token_type_code: str
    kind: LedgerKind
    amount: int
    reason: str  # in the reader's language when the system gave it
    document_ref: str | None
    created_by: str | None
    created_at: datetime
    reverses_id: int | None
    reversed_by_id: int | None


def balance_of(session: Session, student_id: int, token_type_id: int) -> int:
    return int(
        session.scalar(
            select(func.coalesce(func.sum(TokenEntry.amount), 0)).where(
                TokenEntry.student_id == student_id, TokenEntry.token_type_id == token_type_id
            )
        )
        or 0
    )


# Each type with the sum of a student's entries of it, by the ledger's (student, type) index: one
# statement, built once, read as plain rows.
_BALANCES = (
    select(TokenType.id, TokenType.code, TokenType.name, TokenType.semester_price,
           select(func.coalesce(func.sum(TokenEntry.amount), 0))
           .where(TokenEntry.student_id == bindparam("student_id"), TokenEntry.token_type_id == TokenType.id)
           .scalar_subquery())
    .order_by(TokenType.code)
)


def balances(uow: UnitOfWork, student_id: int) -> list[BalanceLine]:
    """Every token type with the student's balance (0 where they have no entries)."""
    with uow.read() as session:
        uow.require(Permission.READ_STUDENTS)  # in this session: the principal re-read with the balances
        session.flush()
        return [
            BalanceLine(type_id, code, name, price, int(amount or 0))
            for type_id, code, name, price, amount in session.connection().execute(_BALANCES, {"student_id": student_id})
        ]


def ledger(uow: UnitOfWork, student_id: int) -> list[LedgerLine]:
    """The student's ledger, newest first, each entry with who made it and what reversed it."""
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        reversed_by = dict(
            session.execute(
                select(TokenEntry.reverses_id, TokenEntry.id).where(
                    TokenEntry.student_id == student_id, TokenEntry.reverses_id.is_not(None)
                )
            ).all()
        )
        return [
            LedgerLine(e.id, code, e.kind, e.amount, _shown_reason(e.reason, e.reason_message), e.document_ref, who,
                       e.created_at, e.reverses_id, reversed_by.get(e.id))
            for e, code, who in session.execute(
                select(TokenEntry, TokenType.code, StaffUser.full_name)
                .join(TokenType, TokenType.id == TokenEntry.token_type_id)
                .outerjoin(StaffUser, StaffUser.id == TokenEntry.created_by_id)
                .where(TokenEntry.student_id == student_id)
                .order_by(TokenEntry.created_at.desc(), TokenEntry.id.desc())
            )
        ]


# --- the 7-day rule ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CorrectionDeadline:
    """The next registration using a token type, and the last moment a balance may be corrected."""

    registration_id: int
    registration_code: str
    starts_at: datetime
    deadline: datetime
    passed: bool

    def message(self, zone: str = DEFAULT_TIME_ZONE) -> str:
        return (
            translate("Tokens", "Corrections closed on %1: the registration %2 starts on %3, and balances may be corrected no later than 7 days before it.")
            .replace("%1", format_local(self.deadline, zone))
            .replace("%2", self.registration_code)
            .replace("%3", format_local(self.starts_at, zone))
        )


def correction_deadline(
    session: Session, token_type_id: int, now: datetime, zone: str = DEFAULT_TIME_ZONE
) -> CorrectionDeadline | None:
    """The deadline set by the next registration of the token type that has not ended.

    "7 days before" counts on the institution's calendar: the same wall-clock time a week
    earlier, whatever the change to or from summer time in between.
    """
    row = session.execute(
        select(Registration.id, Registration.code, func.min(Round.starts_at).label("starts_at"))
        .join(Round, Round.registration_id == Registration.id)
        .where(Registration.kind == RegistrationKind.TOKEN, Registration.token_type_id == token_type_id)
        .group_by(Registration.id, Registration.code)
        .having(func.max(Round.ends_at) > now)
        .order_by(func.min(Round.starts_at))
        .limit(1)
    ).first()
    if row is None:
        return None
    starts_at = as_utc(row.starts_at)
    local = to_local(starts_at, zone)
    deadline = as_utc(_wall_clock(local.replace(tzinfo=None) - CORRECTION_DEADLINE, zone))
    return CorrectionDeadline(row.id, row.code, starts_at, deadline, as_utc(now) > deadline)


def _wall_clock(naive: datetime, zone: str) -> datetime:
    from zoneinfo import ZoneInfo

    return naive.replace(tzinfo=ZoneInfo(zone))


# --- corrections -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PendingEffect:
    """What the student's pending basket requests would cost, before and after a change."""

    requests: int
    free_before: int
    paid_before: int
    refused_before: int
    free_after: int
    paid_after: int
    refused_after: int


@dataclass(frozen=True)
class CorrectionPreview:
    token_type_code: str
    balance_before: int
    balance_after: int
    deadline: CorrectionDeadline | None
    needs_override: bool
    may_override: bool
    pending: PendingEffect


@dataclass(frozen=True)
class LedgerResult:
    entry_id: int
    balance: int
    duplicate: bool  # the same idempotency key was already recorded: nothing new was written


def _student_units(session: Session, student_id: int) -> set[int]:
    return set(
        session.scalars(
            select(Programme.unit_id)
            .join(StudentProgramme, StudentProgramme.programme_id == Programme.id)
            .where(StudentProgramme.student_id == student_id)
        )
    )


def _require_for_student(session: Session, actor: Actor, student_id: int) -> None:
    require(actor, Permission.CORRECT_TOKENS)
    units = _student_units(session, student_id)
    if units and not any(actor.can(Permission.CORRECT_TOKENS, unit) for unit in units):
        raise PermissionDenied(translate("Tokens", "The student does not study in any of your units."))


def _pending_effect(session: Session, student_id: int, token_type_id: int, before: int, after: int) -> PendingEffect:
    consents = session.scalars(
        select(TokenRequest.payment_accepted)
        .join(Registration, Registration.id == TokenRequest.registration_id)
        .where(
            TokenRequest.student_id == student_id,
            TokenRequest.status == RequestStatus.PENDING,
            TokenRequest.action == RequestAction.REGISTER,
            Registration.token_type_id == token_type_id,
        )
        .order_by(TokenRequest.submitted_at, TokenRequest.id)
    ).all()

    def split(balance: int) -> tuple[int, int, int]:
        free = min(max(balance, 0), len(consents))
        rest = consents[free:]
        paid = sum(1 for accepted in rest if accepted)
        return free, paid, len(rest) - paid

    fb, pb, rb = split(before)
    fa, pa, ra = split(after)
    return PendingEffect(len(consents), fb, pb, rb, fa, pa, ra)


def _token_type(session: Session, token_type_id: int) -> TokenType:
    token = session.get(TokenType, token_type_id)
    if token is None:
        raise NotFound(translate("Tokens", "That token type no longer exists."))
    return token


def preview_correction(uow: UnitOfWork, student_id: int, token_type_id: int, amount: int, *,
    zone: str = DEFAULT_TIME_ZONE,
) -> CorrectionPreview:
    """What a correction would do, without doing it: the new balance, the deadline, the basket."""
    now = uow.now
    with uow.read() as session:
        _require_for_student(session, uow.staff, student_id)
        token = _token_type(session, token_type_id)
        before = balance_of(session, student_id, token_type_id)
        deadline = correction_deadline(session, token_type_id, now, zone)
        return CorrectionPreview(
            token_type_code=token.code,
            balance_before=before,
            balance_after=before + amount,
            deadline=deadline,
            needs_override=bool(deadline and deadline.passed),
            may_override=uow.can(Permission.OVERRIDE_TOKEN_DEADLINE),
            pending=_pending_effect(session, student_id, token_type_id, before, before + amount),
        )


def _lock_student(session: Session, student_id: int) -> None:
    query = select(Student.id).where(Student.id == student_id)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    if session.scalar(query) is None:
        raise NotFound(translate("Tokens", "There is no student with the id %1.").replace("%1", str(student_id)))


def _existing(session: Session, key: str | None) -> TokenEntry | None:
    if key is None:
        return None
    return session.scalars(select(TokenEntry).where(TokenEntry.idempotency_key == key)).one_or_none()


def add_entry(
    uow: UnitOfWork,
    *,
    student_id: int,
    token_type_id: int,
    kind: LedgerKind,
    amount: int,
    reason: str | Message,
    document_ref: str | None = None,
    idempotency_key: str | None = None,
    reverses_id: int | None = None,
    token_request_id: int | None = None,
    audit_extra: dict | None = None,
) -> int:
    """Write one ledger entry and record it (audit and portal queue), inside the unit's open transaction; its id."""
    session = uow.session
    text, message = ledger_reason(reason)
    values = dict(
        student_id=student_id, token_type_id=token_type_id, kind=kind, amount=amount, reason=text,
        reason_message=message, document_ref=document_ref, idempotency_key=idempotency_key, reverses_id=reverses_id,
        token_request_id=token_request_id, created_at=uow.now, created_by_id=uow.staff_id,
    )
    (row,) = seal(session, TokenEntry.__table__, [values], assign_ids=True)  # the chain's end and the id in one read
    session.execute(_LEDGER_INSERT, row)
    after = {"token_type_id": token_type_id, "kind": kind, "amount": amount, "document_ref": document_ref,
             "reverses_id": reverses_id, **(audit_extra or {})}
    uow.record_change(TokenAction.of_entry(kind), entity="token_entry", entity_id=row["id"], student_id=student_id,
                      after=after, reason=reason, portal={"token_type_id": token_type_id, "amount": amount, "kind": kind})
    return row["id"]


_LEDGER_INSERT = insert(TokenEntry.__table__)


def _check_deadline(session: Session, actor: Actor, token_type_id: int, now: datetime, override_reason: str | None,
                    zone: str) -> dict:
    deadline = correction_deadline(session, token_type_id, now, zone)
    if deadline is None or not deadline.passed:
        return {}
    if not (override_reason or "").strip():
        raise DomainError(deadline.message(zone))
    if not actor.can(Permission.OVERRIDE_TOKEN_DEADLINE):
        raise PermissionDenied(
            deadline.message(zone) + " " + translate("Tokens", "Only an administrator may override the deadline.")
        )
    return {"deadline_override": override_reason.strip(), "registration": deadline.registration_code}


def correct_balance(uow: UnitOfWork, student_id: int,
    token_type_id: int,
    amount: int,
    *,
    reason: str,
    document_ref: str | None = None,
    idempotency_key: str | None = None,
    override_reason: str | None = None,
    zone: str = DEFAULT_TIME_ZONE,
) -> LedgerResult:
    """Add a correction (+ or -) to a balance, within the 7-day rule unless an administrator overrides it."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Tokens", "Say why the balance is corrected (e.g. admitted mid-year)."))
    if amount == 0:
        raise DomainError(translate("Tokens", "A correction adds or takes away at least one token."))
    bounds.TOKEN_CORRECTION.check(amount)
    bounds.RECORD_ID.check(student_id), bounds.RECORD_ID.check(token_type_id)
    now = uow.now
    key = (idempotency_key or "").strip() or None

    def write() -> LedgerResult:
        with uow.write() as session:
            _lock_student(session, student_id)
            # The permission first: a key says nothing (that it exists, a balance) to whom may not correct.
            _require_for_student(session, uow.staff, student_id)
            done = _existing(session, key)
            if done is not None:
                return _the_same_correction(session, done, student_id, token_type_id, amount)
            token = _token_type(session, token_type_id)
            extra = _check_deadline(session, uow.staff, token_type_id, now, override_reason, zone)
            balance = balance_of(session, student_id, token_type_id)
            if balance + amount < 0:
                raise DomainError(
                    translate("Tokens", "The balance of %1 would fall below zero (it is %2).")
                    .replace("%1", token.code)
                    .replace("%2", str(balance))
                )
            _refuse_above_bound(token.code, balance, amount)
            entry_id = add_entry(
                uow, student_id=student_id, token_type_id=token_type_id, kind=LedgerKind.CORRECTION, amount=amount,
                reason=reason, document_ref=(document_ref or "").strip() or None,
                idempotency_key=key, audit_extra={"balance_before": balance, **extra},
            )
            return LedgerResult(entry_id, balance + amount, False)

    return _once(uow.db, write, key, (student_id, token_type_id, amount))


def _refuse_above_bound(code: str, balance: int, amount: int) -> None:
    if balance + amount > bounds.TOKEN_BALANCE.high:
        raise bounds.OutOfBounds(
            translate("Tokens", "The balance of %1 would pass %2 tokens (it is %3).")
            .replace("%1", code).replace("%2", f"{bounds.TOKEN_BALANCE.high:,}").replace("%3", str(balance)))


def _refuse_cohort_above_bound(session: Session, token_type_id: int, students: list[int], amount: int) -> None:
    """No student of a cohort allocation may end above the balance's bound: the whole allocation is refused."""
    over = 0
    for start in range(0, len(students), 5000):
        chunk = students[start : start + 5000]
        over += len(session.execute(
            select(TokenEntry.student_id)
            .where(TokenEntry.token_type_id == token_type_id, TokenEntry.student_id.in_(chunk))
            .group_by(TokenEntry.student_id)
            .having(func.sum(TokenEntry.amount) + amount > bounds.TOKEN_BALANCE.high)
        ).all())
    if over:
        raise bounds.OutOfBounds(
            translate("Tokens", "The balance of %1 students would pass %2 tokens; nothing was allocated.")
            .replace("%1", str(over)).replace("%2", f"{bounds.TOKEN_BALANCE.high:,}"))


def _the_same_correction(session: Session, done: TokenEntry, student_id: int, token_type_id: int,
                         amount: int) -> LedgerResult:
    """The entry recorded under a key, when it is the correction asked for again; a refusal when the key
    was used for another one (another student, token type or amount), which would otherwise be lost."""
    if (done.kind is not LedgerKind.CORRECTION or done.reverses_id is not None
            or (done.student_id, done.token_type_id, done.amount) != (student_id, token_type_id, amount)):
        raise DomainError(
            translate("Tokens", "This key was already used for another correction, so this one was not recorded. "
                                "Record it with a new key (a new form).")
        )
    return LedgerResult(done.id, balance_of(session, done.student_id, done.token_type_id), True)


def _once(db: Database, write, key: str | None, asked: tuple[int, int, int] | None = None) -> LedgerResult:
    """Run ``write``; if a concurrent twin with the same key committed first, report that one.

    ``asked`` (student, token type, amount): a twin that is another correction under the same key is refused.
    """
    try:
        return write()
    except IntegrityError:
        if key is None:
            raise
        with db.read() as session:
            done = _existing(session, key)
            if done is None:
                raise
            if asked is not None:
                return _the_same_correction(session, done, *asked)
            return LedgerResult(done.id, balance_of(session, done.student_id, done.token_type_id), True)


def undo_correction(uow: UnitOfWork, entry_id: int,
    *,
    reason: str,
    override_reason: str | None = None,
    zone: str = DEFAULT_TIME_ZONE,
) -> LedgerResult:
    """Reverse a correction by a new entry of the opposite amount; the original stays as it was."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Tokens", "Say why the correction is undone."))
    bounds.RECORD_ID.check(entry_id)
    now = uow.now
    key = f"undo-{entry_id}"

    def write() -> LedgerResult:
        with uow.write() as session:
            original = session.get(TokenEntry, entry_id)
            if original is None:
                raise NotFound(translate("Tokens", "That ledger entry no longer exists."))
            _lock_student(session, original.student_id)
            if _existing(session, key) is not None:
                raise DomainError(translate("Tokens", "This correction was already undone."))
            if original.kind is not LedgerKind.CORRECTION or original.reverses_id is not None:
                raise DomainError(translate("Tokens", "Only a correction can be undone here."))
            _require_for_student(session, uow.staff, original.student_id)
            extra = _check_deadline(session, uow.staff, original.token_type_id, now, override_reason, zone)
            balance = balance_of(session, original.student_id, original.token_type_id)
            if balance - original.amount < 0:
                raise DomainError(
                    translate("Tokens", "Undoing it would leave a negative balance (it is %1); the tokens were used.")
                    .replace("%1", str(balance))
                )
            _refuse_above_bound(session.get(TokenType, original.token_type_id).code, balance, -original.amount)
            reversal_id = add_entry(
                uow, student_id=original.student_id, token_type_id=original.token_type_id, kind=LedgerKind.CORRECTION,
                amount=-original.amount, reason=reason, document_ref=original.document_ref,
                idempotency_key=key, reverses_id=original.id, audit_extra={"balance_before": balance, **extra},
            )
            return LedgerResult(reversal_id, balance - original.amount, False)

    return _once(uow.db, write, key)


def new_idempotency_key() -> str:
    """A key for one intended change: made when a form opens, so saving it twice records it once."""
    return uuid.uuid4().hex


# --- allocation --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AllocationRuleLine:
    id: int
    token_type_id: int
    token_type_code: str
    level: Level | None
    mode: StudyMode | None
    amount: int
    active: bool


def allocation_rules(uow: UnitOfWork) -> list[AllocationRuleLine]:
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        return [
            AllocationRuleLine(rule.id, rule.token_type_id, code, rule.level, rule.mode, rule.amount, rule.active)
            for rule, code in session.execute(
                select(TokenAllocationRule, TokenType.code)
                .join(TokenType, TokenType.id == TokenAllocationRule.token_type_id)
                .order_by(TokenType.code, TokenAllocationRule.id)
            )
        ]


def add_allocation_rule(uow: UnitOfWork, token_type_id: int, amount: int, *, level: Level | None = None,
                        mode: StudyMode | None = None, reason: str = "") -> int:
    uow.require(Permission.ADMINISTER)
    if amount <= 0:
        raise DomainError(translate("Tokens", "An allocation gives at least one token."))
    bounds.TOKEN_ALLOCATION.check(amount)
    bounds.RECORD_ID.check(token_type_id)
    with uow.write() as session:
        _token_type(session, token_type_id)
        rule = TokenAllocationRule(token_type_id=token_type_id, level=level, mode=mode, amount=amount, active=True,
                                   created_by_id=uow.staff_id)
        session.add(rule)
        session.flush()
        uow.record_change(TokenAction.RULE_CREATE, entity="token_allocation_rule", entity_id=rule.id,
                          after={"token_type_id": token_type_id, "level": level, "mode": mode, "amount": amount},
                          reason=reason.strip() or None, portal=False)
        return rule.id


def _insert_allocations(uow: UnitOfWork, rows: list[tuple[int, int, int, str | Message, str | None, str]]) -> int:
    """Bulk ledger allocations: (student, token type, amount, reason, document, key); keys already used are skipped."""
    if not rows:
        return 0
    session, now = uow.session, uow.now
    keys = [row[5] for row in rows]
    used: set[str] = set()
    for start in range(0, len(keys), 5000):
        used.update(session.scalars(select(TokenEntry.idempotency_key).where(TokenEntry.idempotency_key.in_(keys[start : start + 5000]))))
    fresh = [row for row in rows if row[5] not in used]
    if not fresh:
        return 0
    values = []
    for s, t, a, r, d, k in fresh:
        text, message = ledger_reason(r)
        values.append(dict(student_id=s, token_type_id=t, kind=LedgerKind.ALLOCATION, amount=a, reason=text,
                           reason_message=message, document_ref=d, idempotency_key=k, created_at=now,
                           created_by_id=uow.staff_id))
    created = session.execute(
        insert(TokenEntry).returning(TokenEntry.id, TokenEntry.student_id, sort_by_parameter_order=True),
        seal(session, TokenEntry.__table__, values),
    ).all()
    return uow.record_changes(TokenAction.ALLOCATION, [
        Change("token_entry", eid, sid, after={"token_type_id": row[1], "amount": row[2], "document_ref": row[4]},
               reason=row[3], portal={"token_type_id": row[1], "amount": row[2], "kind": "allocation"})
        for (eid, sid), row in zip(created, fresh)
    ])


def run_allocation(uow: UnitOfWork) -> int:
    """Give every active student the tokens their rules promise and they have not had yet; repeatable.

    Run by a member of staff, or by a timer as the system job ``SystemJob.SCHEDULE``.
    """
    uow.require(Permission.CORRECT_TOKENS)
    total = 0
    with uow.write() as session:
        for rule in session.scalars(select(TokenAllocationRule).where(TokenAllocationRule.active.is_(True)).order_by(TokenAllocationRule.id)):
            already = select(TokenEntry.student_id).where(
                TokenEntry.token_type_id == rule.token_type_id, TokenEntry.kind == LedgerKind.ALLOCATION
            )
            query = (
                select(StudentProgramme.student_id)
                .join(Programme, Programme.id == StudentProgramme.programme_id)
                .where(StudentProgramme.status == ProgrammeStatus.ACTIVE, StudentProgramme.student_id.not_in(already))
                .distinct()
            )
            if rule.level is not None:
                query = query.where(Programme.level == rule.level)
            if rule.mode is not None:
                query = query.where(Programme.mode == rule.mode)
            students = session.scalars(query).all()
            total += _insert_allocations(
                uow, [(sid, rule.token_type_id, rule.amount, ALLOCATION_BY_RULE(), None, f"allocation-{rule.id}-{sid}")
                      for sid in students],
            )
    return total


def allocate_cohort(uow: UnitOfWork, token_type_id: int, programme_id: int, stage: int | None, amount: int, *, reason: str,
    document_ref: str | None = None, idempotency_key: str | None = None,
) -> int:
    """Allocate tokens to a cohort (e.g. students admitted mid-year, who have no allocation)."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Tokens", "Say why the tokens are allocated."))
    if amount <= 0:
        raise DomainError(translate("Tokens", "An allocation gives at least one token."))
    bounds.TOKEN_ALLOCATION.check(amount)
    bounds.RECORD_ID.check(token_type_id), bounds.RECORD_ID.check(programme_id)
    if stage is not None:
        bounds.STAGE.check(stage)
    batch = (idempotency_key or "").strip() or new_idempotency_key()
    with uow.write() as session:
        programme = session.get(Programme, programme_id)
        if programme is None:
            raise NotFound(translate("Tokens", "That programme no longer exists."))
        uow.require(Permission.CORRECT_TOKENS, programme.unit_id)
        _token_type(session, token_type_id)
        query = select(StudentProgramme.student_id).where(
            StudentProgramme.programme_id == programme_id, StudentProgramme.status == ProgrammeStatus.ACTIVE
        )
        if stage is not None:
            query = query.where(StudentProgramme.stage == stage)
        students = session.scalars(query.distinct()).all()
        _refuse_cohort_above_bound(session, token_type_id, students, amount)
        return _insert_allocations(
            uow, [(sid, token_type_id, amount, reason, (document_ref or "").strip() or None, f"cohort-{batch}-{sid}") for sid in students],
        )


def allocate_students(uow: UnitOfWork, token_type_id: int, student_ids: list[int], amount: int, *, reason: str,
                      idempotency_key: str | None = None) -> int:
    """Allocate tokens to chosen students at once (e.g. those a registration's readiness sweep found without any);
    every one must study in a unit of the clerk's. Returns how many allocations were written."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Tokens", "Say why the tokens are allocated."))
    if amount <= 0:
        raise DomainError(translate("Tokens", "An allocation gives at least one token."))
    bounds.TOKEN_ALLOCATION.check(amount)
    bounds.RECORD_ID.check(token_type_id)
    students = sorted(set(student_ids))
    batch = (idempotency_key or "").strip() or new_idempotency_key()
    uow.require(Permission.CORRECT_TOKENS)
    with uow.write() as session:
        _token_type(session, token_type_id)
        units: dict[int, set[int]] = {}
        for start in range(0, len(students), 5000):
            for sid, unit in session.execute(
                    select(StudentProgramme.student_id, Programme.unit_id)
                    .join(Programme, Programme.id == StudentProgramme.programme_id)
                    .where(StudentProgramme.student_id.in_(students[start:start + 5000]))):
                units.setdefault(sid, set()).add(unit)
        outside = [sid for sid in students if not any(uow.can(Permission.CORRECT_TOKENS, u) for u in units.get(sid, ()))]
        if outside:
            raise PermissionDenied(translate("Tokens", "%1 of these students do not study in your units.")
                                   .replace("%1", str(len(outside))))
        _refuse_cohort_above_bound(session, token_type_id, students, amount)
        return _insert_allocations(uow, [(sid, token_type_id, amount, reason, None, f"chosen-{batch}-{sid}")
                                         for sid in students])


# --- token types -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TokenTypeLine:
    id: int
    code: str
    name: str
    semester_price: Decimal


def token_types(uow: UnitOfWork) -> list[TokenTypeLine]:
    uow.require(Permission.READ_STUDENTS)
    with uow.read() as session:
        return [TokenTypeLine(t.id, t.code, t.name, t.semester_price)
                for t in session.scalars(select(TokenType).order_by(TokenType.code))]


def save_token_type(uow: UnitOfWork, code: str, name: str, semester_price: Decimal | str, *,
                    reason: str = "") -> int:
    """Create a token type, or change the name and price of the one with this code (administrators)."""
    uow.require(Permission.ADMINISTER)
    code, name = (code or "").strip().upper(), (name or "").strip()
    if not code or len(code) > 10 or not code.replace("-", "").isalnum():
        raise DomainError(translate("Tokens", "A token type code is 1 to 10 letters or digits, e.g. JO."))
    if not name:
        raise DomainError(translate("Tokens", "A token type needs a name."))
    price = bounds.price(semester_price)
    with uow.write() as session:
        token = session.scalars(select(TokenType).where(TokenType.code == code)).one_or_none()
        before = None if token is None else {"name": token.name, "semester_price": token.semester_price}
        if token is None:
            token = TokenType(code=code)
            session.add(token)
        token.name, token.semester_price = name, price
        session.flush()
        uow.record_change(TokenAction.TYPE_SAVE, entity="token_type", entity_id=token.id, before=before,
                          after={"code": code, "name": name, "semester_price": price}, reason=reason.strip() or None)
        return token.id
