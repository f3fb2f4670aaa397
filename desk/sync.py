"""Sync with the portal: queued changes out, student actions in, full repair, one student now, scheduled runs.

Long because a run's passes (out, in, repair) share its checkpoint, progress and cancellation, which must be
read side by side to see that a run killed anywhere is finished by the next one.

The timetable lives in desk.sync_schedule and conflicts with their reasons in desk.sync_conflicts;
both are re-exported here, so callers use ``desk.sync`` alone.

Out: every service queues its change in the outbox in the transaction that makes it. A run takes
the queue in order, in batches; for each batch it writes the records' current state to the
portal together with the batch's outbox ids (the checkpoint, in the portal's own transaction),
then marks the entries sent at the desk. Killed between the two, the next run finds the ids in
the checkpoint and only marks them; the rows themselves are state, so writing them again would
change nothing either. Entries are marked rather than read "above the last id", because on
PostgreSQL ids are handed out before commit and a late commit would be skipped.

In: student actions (registrations, unregistrations, token requests and withdrawals, exchange wishes
and their withdrawals, joining and leaving waiting lists) are applied through the same services
clerks use, each recorded under its portal key in the transaction that applies it, so an action is
applied once. A registration or token request that no longer fits becomes a conflict for a clerk;
a withdrawal, a wish or a waiting list's action that cannot be done is refused. Either way the
portal's row of the action is told why (its reason code and parameters).
"""

from __future__ import annotations

import enum
import hashlib
import json
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy import and_, bindparam, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from desk import enrollment, exchanges, token_rounds, waiting_lists
from desk.changes import Action, Description, Shown
from desk.clock import DEFAULT_TIME_ZONE, as_utc, now_utc
from desk.db import Database
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.messages import Message, define
from desk.messages import defined as defined_messages
from desk.model import (
    ExchangeWish,
    OutboxEntry,
    PortalInboxEntry,
    RequestAction,
    RequestStatus,
    Setting,
    Student,
    SyncKind,
    SyncResult,
    SyncRun,
    SyncTrigger,
    TokenRequest,
    WaitingEntry,
    WaitingStatus,
    WishStatus,
)
from desk.portal import schema
from desk.portal.database import open_portal_for
from desk.portal.publish import PUBLICATIONS, TableRepair, compare_and_repair, publish_batch, publish_keys, student_keys
from desk.staff import Actor, Permission, require
from desk.sync_conflicts import DATABASE_REFUSED, ConflictLine, conflicts, reasons_of, record_conflict, resolve_conflict, stored
from desk.sync_schedule import (
    DEFAULT_SCHEDULE,
    SCHEDULE_SETTING,
    DueSlot,
    ScheduledRun,
    due_run,
    due_slot,
    format_schedule,
    parse_schedule,
    schedule,
    set_schedule,
)
from desk.unit_of_work import SystemJob, UnitOfWork

BATCH = 10000
CHECKPOINT = "last_batch"
# Set on the portal when a desk claims it, removed in the transaction that finishes the full
# publication: while it is there, the portal is not yet whole and every run publishes it whole.
FULL_OWED = schema.FULL_OWED
MESSAGES_FINGERPRINT = schema.MESSAGES_FINGERPRINT
# A running run gives a sign of life at least this often (it writes heartbeat_at) ...
HEARTBEAT_EVERY = timedelta(seconds=30)
# ... and one silent for this long was stopped by force (the program was killed, the machine went down).
INTERRUPTED_AFTER = timedelta(minutes=10)
DESK_ID_SETTING = "desk_id"
INBOUND_BATCH = 500

Progress = Callable[[int, int, str], None]

# Why a student's action was not applied, kept as codes (an inbox entry's detail; see also desk.sync_conflicts).
NO_PENDING_REQUEST = define("sync.no_pending_request", "Sync", QT_TRANSLATE_NOOP("Sync", "No pending request to withdraw."))
UNKNOWN_ACTION = define("sync.unknown_action", "Sync", QT_TRANSLATE_NOOP("Sync", "Unknown action {kind}."))
NO_OPEN_WISH = define("sync.no_open_wish", "Sync", QT_TRANSLATE_NOOP(
    "Sync", "No open exchange wish from that group to withdraw."))
NOT_WAITING = define("sync.not_waiting", "Sync", QT_TRANSLATE_NOOP("Sync", "Not on that group's waiting list."))
# A run closed by the next one because it stopped giving signs of life (see interrupted()).
INTERRUPTED_RUN = define("sync.interrupted", "Sync", QT_TRANSLATE_NOOP("Sync", "interrupted: the program stopped during the run"))


class Cancelled(Exception):
    """The clerk cancelled the run; what was sent so far stays sent."""


class SlotTaken(DomainError):
    """The scheduled slot was taken by another workstation's run."""


def interrupted(now: datetime):
    """The one rule for a run stopped by force, as a condition on ``sync_runs``: still marked
    running, and no sign of life for INTERRUPTED_AFTER. The next run (which closes such runs),
    ``desk sync status`` and ``desk check`` all ask it, so they cannot disagree."""
    return and_(SyncRun.result == SyncResult.RUNNING,
                func.coalesce(SyncRun.heartbeat_at, SyncRun.started_at) < as_utc(now) - INTERRUPTED_AFTER)


class _Heartbeat:
    """The run's sign of life, written at most every HEARTBEAT_EVERY as it reports progress."""

    def __init__(self, db: Database, run_id: int):
        self.db, self.run_id = db, run_id
        self.last = now_utc()

    def __call__(self) -> None:
        at = now_utc()
        if at - self.last < HEARTBEAT_EVERY:
            return
        self.last = at
        with self.db.write() as session:
            session.execute(update(SyncRun).where(SyncRun.id == self.run_id, SyncRun.result == SyncResult.RUNNING)
                            .values(heartbeat_at=at))


@dataclass(frozen=True)
class SyncReport:
    run_id: int
    kind: SyncKind
    result: SyncResult
    sent: int
    received: int
    conflicts: int
    repaired: tuple[TableRepair, ...] = ()
    error: str | None = None
    seconds: float = 0.0

    @property
    def repaired_rows(self) -> int:
        return sum(r.added + r.changed + r.removed for r in self.repaired)


@dataclass(frozen=True)
class _Batch:
    """Queued entries sent together: the ids from ``first`` to ``last``.

    On SQLite writers take turns and each new entry's id is above every id already there, so the
    batch is every unsent entry in that span, and marking it sent names the span. PostgreSQL hands
    ids out before commit (a lower id can still appear), so there the batch lists its ``ids``.
    """

    first: int
    last: int
    size: int
    requested: dict[str, set[int]]
    ids: list[int] | None = None  # None: the span (SQLite)
    distinct: dict[str, int] | None = None  # different records of each kind, where requested holds no ids

    def condition(self):
        """The queue entries of this batch, as a condition."""
        return OutboxEntry.id.between(self.first, self.last) if self.ids is None else _listed(self.ids)

    def checkpoint(self, run_id: int) -> str:
        if self.ids is None:
            return json.dumps({"run": run_id, "first": self.first, "last": self.last})
        return json.dumps({"run": run_id, "ids": self.ids})


def checkpoint_condition(value: str | None):
    """The queue entries a portal checkpoint names, as a condition (None when it names none).

    Raises ValueError for a checkpoint that cannot be read.
    """
    if not value:
        return None
    try:
        batch = json.loads(value)
        if "first" in batch:
            first, last = int(batch["first"]), int(batch["last"])
            return OutboxEntry.id.between(first, last)
        ids = [int(i) for i in batch.get("ids") or []]
    except (TypeError, AttributeError, KeyError) as problem:
        raise ValueError(str(value)[:80]) from problem
    return _listed(ids) if ids else None


def _listed(ids: list[int]):
    """``sync_outbox.id IN (…)`` with the desk's own integers written into the statement:
    thousands of bound parameters cost more to prepare than the statement itself."""
    return text(f"sync_outbox.id IN ({','.join(str(int(i)) for i in ids)})")


@dataclass
class _Counts:
    sent: int = 0
    received: int = 0
    conflicts: int = 0
    repaired: list[TableRepair] = field(default_factory=list)


# --- the run -------------------------------------------------------------------------------------


def run_sync(
    uow: UnitOfWork,
    kind: SyncKind = SyncKind.INCREMENTAL,
    *,
    student_id: int | None = None,
    portal: Database | None = None,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    batch_size: int = BATCH,
    slot: datetime | None = None,
) -> SyncReport:
    """Run one sync, started by a member of staff or by the schedule (the principal of ``uow``).

    ``slot``: the scheduled instant this run is for; raises SlotTaken when another run took it.
    """
    if uow.job is None:
        uow.require(Permission.RUN_SYNC)
    elif uow.job is not SystemJob.SCHEDULE:
        raise DomainError(translate("Sync", "A sync is started by a signed-in member of staff or by the schedule."))
    trigger = SyncTrigger.SCHEDULE if uow.job is SystemJob.SCHEDULE else SyncTrigger.STAFF
    db, now = uow.db, uow.now
    if kind is SyncKind.STUDENT and student_id is None:
        raise DomainError(translate("Sync", "Say which student to sync."))
    if student_id is not None:
        with uow.read() as session:
            if session.get(Student, student_id) is None:
                raise NotFound(translate("Sync", "There is no student with the id %1.").replace("%1", str(student_id)))
    started = now
    try:
        with db.write() as session:
            # Runs that stopped giving signs of life were stopped by force (the program was killed).
            session.execute(
                update(SyncRun).where(interrupted(started))
                .values(result=SyncResult.FAILED, error=json.dumps(INTERRUPTED_RUN().to_json()))
            )
            run = SyncRun(kind=kind, trigger=trigger, started_by_id=uow.staff_id, student_id=student_id,
                          started_at=started, result=SyncResult.RUNNING, scheduled_for=as_utc(slot) if slot else None)
            session.add(run)
            session.flush()
            run_id = run.id
    except IntegrityError as taken:
        if slot is None:
            raise
        raise SlotTaken(translate("Sync", "The scheduled sync of %1 was started by another workstation.")
                        .replace("%1", as_utc(slot).isoformat())) from taken
    own_portal = portal is None
    counts = _Counts()
    result, error = SyncResult.SUCCEEDED, None
    heartbeat = _Heartbeat(db, run_id)
    told = progress or (lambda done, total, text: None)

    def report(done: int, total: int, text: str) -> None:
        heartbeat()
        told(done, total, text)

    check = is_cancelled or (lambda: False)
    try:
        portal = portal or open_portal_for(db)
        _publish_messages(portal)
        if _claim(db, portal, run_id):
            # A portal new to this desk (or another desk's), or whose first publication was never
            # finished, is published whole.
            kind = SyncKind.FULL
        if kind is SyncKind.FULL:
            _full(db, portal, run_id, counts, report, check)
        elif kind is SyncKind.STUDENT:
            _one_student(db, portal, run_id, student_id, counts)
        _outbound(db, portal, run_id, counts, report, check, batch_size, only_student=student_id)
        _inbound(db, portal, run_id, counts, report, check, now=now, only_student=student_id)
        # What the actions changed at the desk (enrollments, counts) goes straight back out.
        _outbound(db, portal, run_id, counts, report, check, batch_size, only_student=student_id)
        if kind is SyncKind.STUDENT:
            _one_student(db, portal, run_id, student_id, counts)
    except Cancelled:
        result = SyncResult.CANCELLED
    except IntegrityError as problem:  # a row the portal's tables refuse: said in words, recorded, raised as such
        detail = str(problem.orig or problem).strip().splitlines()[0]
        refused = DomainError(translate(
            "Sync", "The portal refused the desk's data (%1): the desk's database may be damaged. Run desk check "
                    "--thorough, and restore a backup if it names a problem.").replace("%1", detail))
        result, error = SyncResult.FAILED, str(refused)
        _finish(db, run_id, kind, counts, result, error)
        raise refused from problem
    except Exception as problem:  # noqa: BLE001 - recorded in the run's history, then raised for the caller
        result, error = SyncResult.FAILED, str(problem).strip().splitlines()[0] if str(problem).strip() else type(problem).__name__
        _finish(db, run_id, kind, counts, result, error)
        raise
    finally:
        if own_portal and portal is not None:
            portal.dispose()
    _finish(db, run_id, kind, counts, result, error)
    return SyncReport(run_id, kind, result, counts.sent, counts.received, counts.conflicts, tuple(counts.repaired), error,
                      max(0.0, (now_utc() - started).total_seconds()))


def _finish(db: Database, run_id: int, kind: SyncKind, counts: _Counts, result: SyncResult, error: str | None) -> None:
    with db.write() as session:
        session.execute(
            update(SyncRun).where(SyncRun.id == run_id).values(
                kind=kind, finished_at=now_utc(), sent_count=counts.sent, received_count=counts.received,
                conflict_count=counts.conflicts, result=result, error=error,
            )
        )


# --- out -----------------------------------------------------------------------------------------


def _outbound(db: Database, portal: Database, run_id: int, counts: _Counts, report: Progress, check, batch_size: int,
              only_student: int | None = None) -> None:
    with db.read() as session:
        pending = select(func.count()).select_from(OutboxEntry).where(OutboxEntry.sent_at.is_(None))
        if only_student is not None:
            pending = pending.where(OutboxEntry.student_id == only_student)
        total = session.scalar(pending) or 0
    done = 0
    after_id = 0
    _recover(db, portal, run_id)
    inside = getattr(portal, "desk_schema", False) is not False
    spans = db.is_sqlite and only_student is None
    while True:
        if check():
            raise Cancelled()
        with db.read() as session:
            batch = _next_batch(session, after_id, batch_size, only_student, spans=spans, inside=inside)
        if batch is None:
            return
        after_id = batch.last
        applied_at = now_utc().replace(tzinfo=None)
        with portal.write() as target:
            with db.read() as source:
                publish_batch(source, target, batch.first, batch.last, batch.requested, getattr(portal, "desk_schema", False),
                              batch.distinct)
                # "student": everything of one student, on either side (after a conflict, say).
                for student in batch.requested.get("student", ()):
                    publish_keys(source, target, student_keys(source, target, student))
            # The checkpoint, in the transaction that wrote the rows: see _recover.
            _set_state(target, CHECKPOINT, batch.checkpoint(run_id))
            _set_state(target, "last_sent_at", applied_at.isoformat())
        mark_sent(db, batch.condition(), run_id)
        counts.sent += batch.size
        done += batch.size
        report(done, max(total, done), translate("Sync", "Sending changes to the portal"))


# Kinds of queued record whose ids publishing needs even when rows are copied inside the database: a "student" is
# everything of one student. (Rows published whole with a record, a registration's offered courses, a share's or a
# round's list, a round's starts, are copied and their gone ones removed by joining the queue itself.)
_NAMED_KINDS = ("student",)


def _next_batch(session, after_id: int, size: int, only_student: int | None, *, spans: bool, inside: bool) -> _Batch | None:
    unsent = (
        select(OutboxEntry.id)
        .where(OutboxEntry.sent_at.is_(None), OutboxEntry.id > after_id)
        .order_by(OutboxEntry.id)
        .limit(size)
    )
    if only_student is not None:
        unsent = unsent.where(OutboxEntry.student_id == only_student)
    if spans and inside:
        # Only the span and what kinds of record it holds: the rows are read by the database itself.
        span = unsent.subquery()
        first, last, count = session.execute(select(func.min(span.c.id), func.max(span.c.id), func.count())).one()
        if not count:
            return None
        # Counted over the whole span, as publishing reads it (entries a one-student run sent are in it too).
        in_span = (OutboxEntry.id.between(first, last),)
        distinct = dict(session.execute(
            select(OutboxEntry.entity, func.count(OutboxEntry.entity_id.distinct())).where(*in_span).group_by(OutboxEntry.entity)
        ).all())
        requested: dict[str, set[int]] = {entity: set() for entity in distinct}
        for entity, entity_id in session.execute(
            select(OutboxEntry.entity, OutboxEntry.entity_id).where(*in_span, OutboxEntry.entity.in_(_NAMED_KINDS))
        ):
            requested[entity].add(entity_id)
        return _Batch(first, last, count, requested, distinct=distinct)
    rows = session.connection().execute(
        select(OutboxEntry.id, OutboxEntry.entity, OutboxEntry.entity_id).where(OutboxEntry.id.in_(unsent.scalar_subquery()))
        .order_by(OutboxEntry.id)
    ).all()
    if not rows:
        return None
    requested = defaultdict(set)
    for _id, entity, entity_id in rows:
        requested[entity].add(entity_id)
    ids = [row[0] for row in rows]
    return _Batch(ids[0], ids[-1], len(ids), dict(requested), None if spans else ids)


def desk_identity(db: Database) -> str:
    """This desk's identity, made on first use: a portal knows which desk fills it."""
    with db.read() as session:
        value = session.scalar(select(Setting.value).where(Setting.key == DESK_ID_SETTING))
    if value:
        return value
    try:
        with db.write() as session:
            session.add(Setting(key=DESK_ID_SETTING, value=uuid.uuid4().hex))
    except IntegrityError:
        pass  # made by a concurrent first run
    with db.read() as session:
        return session.scalar(select(Setting.value).where(Setting.key == DESK_ID_SETTING))


class PortalState(enum.Enum):
    """Whose a portal is, as the sync and the check see it."""

    NOT_OURS = "not_ours"  # new, or filled by another desk
    UNFINISHED = "unfinished"  # claimed by this desk, its first full publication not finished yet
    OURS = "ours"  # filled by this desk: what it shows can be compared with the desk


def portal_state(ours: str | None, portal: Database) -> PortalState:
    """The portal's state for the desk whose identity is ``ours`` (None: a desk that never published)."""
    with portal.read() as target:
        state = dict(target.execute(select(schema.sync_state.c.key, schema.sync_state.c.value)
                                    .where(schema.sync_state.c.key.in_(("desk_id", FULL_OWED)))).all())
    if ours is None or state.get("desk_id") != ours:
        return PortalState.NOT_OURS
    return PortalState.UNFINISHED if FULL_OWED in state else PortalState.OURS


def _claim(db: Database, portal: Database, run_id: int) -> bool:
    """Make the portal this desk's; True when it must be published whole: it was not this desk's
    (a new portal, or one another desk filled), or this desk's first publication to it was never
    finished (the run was killed or cancelled).

    The claim and the debt of a full publication are written together; only a finished full
    publication pays the debt (see _full). A checkpoint or student actions left by another desk
    name records of that desk: they are set aside (actions marked read as "discarded"), never
    applied here.
    """
    ours = desk_identity(db)
    with portal.write() as target:
        state = dict(target.execute(select(schema.sync_state.c.key, schema.sync_state.c.value)
                                    .where(schema.sync_state.c.key.in_(("desk_id", FULL_OWED)))).all())
        theirs = state.get("desk_id")
        if theirs == ours:
            return FULL_OWED in state
        target.execute(schema.sync_state.delete().where(schema.sync_state.c.key == CHECKPOINT))
        if theirs is not None:
            target.execute(update(schema.actions).where(schema.actions.c.read_at.is_(None))
                           .values(read_at=now_utc().replace(tzinfo=None), outcome="discarded"))
        _set_state(target, "desk_id", ours)
        _set_state(target, FULL_OWED, json.dumps({"run": run_id, "since": now_utc().replace(tzinfo=None).isoformat()}))
    return True


def _publish_messages(portal: Database) -> None:
    """The words of every code a published row may carry, in Polish and English: sent again only when they changed."""
    rows = [{"code": kind.code, "text_pl": kind.words_in("pl"), "text_en": kind.words_in("en")} for kind in defined_messages()]
    fingerprint = hashlib.sha256(json.dumps(rows, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    key = schema.sync_state.c.key
    with portal.read() as target:
        if target.scalar(select(schema.sync_state.c.value).where(key == MESSAGES_FINGERPRINT)) == fingerprint:
            return
    with portal.write() as target:
        target.execute(schema.messages.delete())
        if rows:
            target.execute(insert(schema.messages), rows)
        _set_state(target, MESSAGES_FINGERPRINT, fingerprint)


def _recover(db: Database, portal: Database, run_id: int) -> None:
    """A batch the portal committed but the desk never marked (the run was killed in between): mark it now."""
    with portal.read() as target:
        value = target.scalar(select(schema.sync_state.c.value).where(schema.sync_state.c.key == CHECKPOINT))
    try:
        condition = checkpoint_condition(value)
    except ValueError:
        return  # unreadable: `desk check` reports it; the entries are sent again, which is harmless
    if condition is not None:
        mark_sent(db, condition, run_id)


def mark_sent(db: Database, condition, run_id: int) -> None:
    """Mark the queue entries the condition names, those not sent yet, as sent by this run."""
    with db.write() as session:
        session.execute(
            update(OutboxEntry).where(condition, OutboxEntry.sent_at.is_(None))
            .values(sent_at=now_utc(), sync_run_id=run_id).execution_options(synchronize_session=False)
        )


def _set_state(target, key: str, value: str) -> None:
    changed = target.execute(update(schema.sync_state).where(schema.sync_state.c.key == key).values(value=value)).rowcount
    if not changed:
        target.execute(insert(schema.sync_state).values(key=key, value=value))


def _pending_ids(db: Database, student_id: int | None = None) -> list[int]:
    with db.read() as session:
        query = select(OutboxEntry.id).where(OutboxEntry.sent_at.is_(None))
        if student_id is not None:
            query = query.where(OutboxEntry.student_id == student_id)
        return list(session.scalars(query))


# What each portal table holds, in the clerk's words (the progress of a full sync, its repairs).
_TABLE_WORDS = {
    "portal_persons": QT_TRANSLATE_NOOP("Sync", "people"),
    "portal_logins": QT_TRANSLATE_NOOP("Sync", "login accounts"),
    "portal_students": QT_TRANSLATE_NOOP("Sync", "students"),
    "portal_student_programmes": QT_TRANSLATE_NOOP("Sync", "students' programmes"),
    "portal_registrations": QT_TRANSLATE_NOOP("Sync", "registrations"),
    "portal_registration_courses": QT_TRANSLATE_NOOP("Sync", "courses offered in registrations"),
    "portal_rounds": QT_TRANSLATE_NOOP("Sync", "registration rounds"),
    "portal_round_students": QT_TRANSLATE_NOOP("Sync", "lists of students rounds are meant for"),
    "portal_round_starts": QT_TRANSLATE_NOOP("Sync", "students' own starts in rounds that open in turns"),
    "portal_access_rules": QT_TRANSLATE_NOOP("Sync", "access rules"),
    "portal_access_grants": QT_TRANSLATE_NOOP("Sync", "individual access decisions"),
    "portal_class_groups": QT_TRANSLATE_NOOP("Sync", "class groups"),
    "portal_seat_shares": QT_TRANSLATE_NOOP("Sync", "dedicated seats"),
    "portal_seat_share_students": QT_TRANSLATE_NOOP("Sync", "lists of students with dedicated seats"),
    "portal_enrollments": QT_TRANSLATE_NOOP("Sync", "enrollments"),
    "portal_token_types": QT_TRANSLATE_NOOP("Sync", "token types"),
    "portal_token_balances": QT_TRANSLATE_NOOP("Sync", "token balances"),
    "portal_token_requests": QT_TRANSLATE_NOOP("Sync", "token requests"),
    "portal_exchange_wishes": QT_TRANSLATE_NOOP("Sync", "exchange wishes"),
    "portal_exchange_wish_targets": QT_TRANSLATE_NOOP("Sync", "groups wished for in exchanges"),
    "portal_waiting_entries": QT_TRANSLATE_NOOP("Sync", "waiting lists"),
    "portal_payments": QT_TRANSLATE_NOOP("Sync", "payments"),
    "portal_messages": QT_TRANSLATE_NOOP("Sync", "message texts"),
    "portal_actions": QT_TRANSLATE_NOOP("Sync", "students' actions"),
}


def table_words(table: str) -> str:
    """A portal table as a clerk calls what it holds ("class groups"), translated; an unknown one as it is named."""
    words = _TABLE_WORDS.get(table)
    return translate("Sync", words) if words else table.removeprefix("portal_").replace("_", " ")


def _full(db: Database, portal: Database, run_id: int, counts: _Counts, report: Progress, check) -> None:
    # Entries queued before the comparison are covered by it; later ones wait for the next batch.
    covered = _pending_ids(db)
    tables = list(PUBLICATIONS.values())
    for index, publication in enumerate(tables, start=1):
        if check():
            raise Cancelled()
        with portal.write() as target, db.read() as source:
            repair = compare_and_repair(source, target, publication)
        counts.repaired.append(repair)
        report(index, len(tables), translate("Sync", "Comparing %1").replace("%1", table_words(publication.name)))
    for start in range(0, len(covered), BATCH):
        mark_sent(db, _listed(covered[start:start + BATCH]), run_id)
    counts.sent += len(covered)
    with portal.write() as target:
        _set_state(target, "last_full_run_id", str(run_id))
        _set_state(target, "last_full_at", now_utc().replace(tzinfo=None).isoformat())
        target.execute(schema.sync_state.delete().where(schema.sync_state.c.key == FULL_OWED))


def _one_student(db: Database, portal: Database, run_id: int, student_id: int, counts: _Counts) -> None:
    covered = _pending_ids(db, student_id)
    with portal.write() as target, db.read() as source:
        publish_keys(source, target, student_keys(source, target, student_id))
    if covered:
        mark_sent(db, _listed(covered), run_id)
        counts.sent += len(covered)


# --- in ------------------------------------------------------------------------------------------


def _inbound(db: Database, portal: Database, run_id: int, counts: _Counts, report: Progress, check, *,
             now: datetime | None, only_student: int | None = None) -> None:
    actions = schema.actions
    after_id = 0
    done = 0
    with portal.read() as source:
        unread = select(func.count()).select_from(actions).where(actions.c.read_at.is_(None))
        if only_student is not None:
            unread = unread.where(actions.c.student_id == only_student)
        total = source.scalar(unread) or 0
    while True:
        if check():
            raise Cancelled()
        with portal.read() as source:
            query = (
                select(actions).where(actions.c.read_at.is_(None), actions.c.action_id > after_id)
                .order_by(actions.c.action_id).limit(INBOUND_BATCH)
            )
            if only_student is not None:
                query = query.where(actions.c.student_id == only_student)
            batch = [dict(row) for row in source.execute(query).mappings()]
        if not batch:
            return
        after_id = batch[-1]["action_id"]
        keys = [a["action_key"] for a in batch]
        with db.read() as session:
            seen = dict(session.execute(
                select(PortalInboxEntry.action_key, PortalInboxEntry.outcome).where(PortalInboxEntry.action_key.in_(keys))
            ).all())
        outcomes = {}
        fresh = []
        for action in batch:
            key = action["action_key"]
            if key in seen:
                outcomes[key] = seen[key]
            else:
                fresh.append(action)
        for run in _runs(fresh):
            kind = run[0]["kind"]
            applied = _apply_first_come(db, run, run_id) if kind in FIRST_COME_KINDS else \
                _apply_token_requests(db, run, run_id) if kind in TOKEN_REQUEST_KINDS else \
                {action["action_key"]: _apply(db, action, run_id, now) for action in run}
            outcomes.update(applied)
            counts.received += len(applied)
            counts.conflicts += sum(1 for outcome in applied.values() if outcome == "conflict")
        read_at = now_utc().replace(tzinfo=None)
        why = _reasons(db, [key for key, outcome in outcomes.items() if outcome != "applied"])
        rows = []
        for key, outcome in outcomes.items():
            code, params = why.get(key, (None, None))
            rows.append({"key": key, "at": read_at, "said": outcome, "code": code, "params": params})
        with portal.write() as target:
            target.execute(_MARK_READ, rows)
        done += len(batch)
        report(done, max(total, done), translate("Sync", "Reading student actions from the portal"))


# An action read: its outcome, and why where it was not applied.
_MARK_READ = (update(schema.actions).where(schema.actions.c.action_key == bindparam("key"))
              .values(read_at=bindparam("at"), outcome=bindparam("said"), reason_code=bindparam("code"),
                      reason_params=bindparam("params")))


def _reasons(db: Database, keys: list[str]) -> dict[str, tuple[str, str]]:
    """Why each of these actions was refused or kept as a conflict, as the portal's row of it keeps it: the first
    reason the desk recorded, a code and its parameters as JSON text."""
    found: dict[str, tuple[str, str]] = {}
    with db.read() as session:
        for start in range(0, len(keys), INBOUND_BATCH):
            for key, detail in session.execute(select(PortalInboxEntry.action_key, PortalInboxEntry.detail).where(
                    PortalInboxEntry.action_key.in_(keys[start:start + INBOUND_BATCH]))):
                reason = _first_reason(detail)
                if reason is not None:
                    found[key] = (reason.code, reason.params_text())
    return found


def _first_reason(detail: str | None) -> Message | None:
    """The first of the reasons an inbox entry keeps (a JSON list of messages); None for none, or for words an older
    desk kept instead."""
    try:
        kept = json.loads(detail) if detail else None
    except ValueError:
        return None
    return Message.from_json(kept[0]) if isinstance(kept, list) and kept else None


FIRST_COME_KINDS = frozenset({"register", "unregister"})
TOKEN_REQUEST_KINDS = frozenset({"token_request", "token_unregister"})
_BATCHED = (FIRST_COME_KINDS, TOKEN_REQUEST_KINDS)


def _runs(actions: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The actions in their order, in runs: first-come ones together, token requests together, every other one alone."""
    runs: list[list[dict[str, Any]]] = []
    for action in actions:
        family = next((kinds for kinds in _BATCHED if action["kind"] in kinds), None)
        if runs and family is not None and runs[-1][-1]["kind"] in family:
            runs[-1].append(action)
        else:
            runs.append([action])
    return runs


def _apply_first_come(db: Database, run: list[dict[str, Any]], run_id: int) -> dict[str, str]:
    """Students' first-come actions in one transaction, with the inbox entries saying they were applied;
    a refused one is kept for a clerk afterwards. Should the batch fail as a whole (a write another
    workstation made between its reads, caught by the database), each action is applied on its own."""
    portal_uow = UnitOfWork(db, SystemJob.PORTAL)
    actions = [enrollment.PortalAction(a["student_id"], a["group_id"], a["registration_id"], a["kind"] == "register",
                                       as_utc(a["submitted_at"])) for a in run]
    try:
        before = enrollment.portal_facts(portal_uow, actions)
        with portal_uow.write() as session:
            outcomes = enrollment.apply_portal_actions(portal_uow, actions, before)
            applied = [a for a, outcome in zip(run, outcomes) if not isinstance(outcome, DomainError)]
            if applied:
                session.execute(insert(PortalInboxEntry), [
                    dict(action_key=a["action_key"], kind=a["kind"], student_id=a["student_id"], outcome="applied",
                         sync_run_id=run_id) for a in applied])
    except IntegrityError:
        return {a["action_key"]: _apply(db, a, run_id, None) for a in run}
    result = {}
    for action, outcome in zip(run, outcomes):
        if isinstance(outcome, DomainError):
            record_conflict(db, action, reasons_of(outcome), run_id)
            result[action["action_key"]] = "conflict"
        else:
            result[action["action_key"]] = "applied"
    return result


def _apply_token_requests(db: Database, run: list[dict[str, Any]], run_id: int) -> dict[str, str]:
    """Students' token requests in one transaction, each dated when the student acted and with its inbox
    entry; each in a savepoint, so a refused one (kept for a clerk afterwards) undoes only itself. One the
    database refuses (a twin committed meanwhile) is applied again on its own."""
    portal_uow = UnitOfWork(db, SystemJob.PORTAL)
    refused: dict[str, DomainError] = {}
    again: set[str] = set()
    with portal_uow.write() as session:
        for action in run:
            key = action["action_key"]
            try:
                with portal_uow.savepoint(), portal_uow.acting_at(as_utc(action["submitted_at"])):
                    _submit_token_request(portal_uow, action)
                    session.add(PortalInboxEntry(action_key=key, kind=action["kind"], student_id=action["student_id"],
                                                 outcome="applied", sync_run_id=run_id))
                    session.flush()
            except DomainError as refusal:
                refused[key] = refusal
            except IntegrityError:
                again.add(key)
    result = {}
    for action in run:
        key = action["action_key"]
        if key in refused:
            record_conflict(db, action, reasons_of(refused[key]), run_id)
            result[key] = "conflict"
        else:
            result[key] = _apply(db, action, run_id, None) if key in again else "applied"
    return result


def _submit_token_request(uow: UnitOfWork, action: dict[str, Any]) -> None:
    """A student's token request (or unregistration) from the portal into the basket, keyed by the action."""
    token_rounds.submit_request(
        uow, action["student_id"], action["group_id"], action["registration_id"],
        RequestAction.REGISTER if action["kind"] == "token_request" else RequestAction.UNREGISTER,
        payment_accepted=bool(action["payment_accepted"]), portal_key=action["action_key"])


def _apply(db: Database, action: dict[str, Any], run_id: int, now: datetime | None) -> str:
    """Apply one student action; its outcome: applied, conflict (kept for a clerk) or refused (nothing to do)."""
    key, kind, student_id = action["action_key"], action["kind"], action["student_id"]
    group_id, registration_id = action["group_id"], action["registration_id"]
    submitted = as_utc(action["submitted_at"])
    # The student's action is the portal's, at the moment the student acted; what it changes and the
    # inbox entry saying it was applied share one transaction: applied once, however often a sync re-runs.
    portal_uow = UnitOfWork(db, SystemJob.PORTAL, now=submitted)

    def applied(session) -> str:
        session.add(PortalInboxEntry(action_key=key, kind=kind, student_id=student_id, outcome="applied", sync_run_id=run_id))
        return "applied"

    try:
        if kind == "register":
            with portal_uow.write() as session:
                enrollment.register_from_portal(portal_uow, student_id, group_id, registration_id)
                return applied(session)
        if kind == "unregister":
            with portal_uow.write() as session:
                enrollment.unregister_from_portal(portal_uow, student_id, group_id, registration_id)
                return applied(session)
        if kind in TOKEN_REQUEST_KINDS:
            with portal_uow.write() as session:  # a request already there (an earlier, interrupted run) is the same one
                _submit_token_request(portal_uow, action)
                return applied(session)
        if kind == "token_withdraw":
            with db.read() as session:
                request_id = session.scalar(select(TokenRequest.id).where(
                    TokenRequest.student_id == student_id, TokenRequest.registration_id == registration_id,
                    TokenRequest.group_id == group_id, TokenRequest.status == RequestStatus.PENDING))
            if request_id is None:
                _record_inbox(db, key, kind, student_id, "refused", [NO_PENDING_REQUEST()], run_id)
                return "refused"
            with portal_uow.write() as session:
                token_rounds.withdraw_request(portal_uow, request_id)
                return applied(session)
        if kind == "exchange_wish":  # a group wished for; a second one from the same group adds to the open wish
            with portal_uow.write() as session:
                exchanges.wish_from_portal(portal_uow, student_id, registration_id, group_id, portal_key=key)
                return applied(session)
        if kind == "exchange_withdraw":  # the group the student would leave
            with portal_uow.write() as session:
                wish_id = session.scalar(_OPEN_WISH, {"student": student_id, "group": group_id})
                if wish_id is None:
                    raise _Refused(NO_OPEN_WISH())
                exchanges.withdraw(portal_uow, wish_id)
                return applied(session)
        if kind == "waiting_join":
            with portal_uow.write() as session:
                waiting_lists.join(portal_uow, student_id, group_id, registration_id, portal_key=key)
                return applied(session)
        if kind == "waiting_leave":
            with portal_uow.write() as session:
                entry_id = session.scalar(_WAITING_ENTRY, {"student": student_id, "group": group_id})
                if entry_id is None:
                    raise _Refused(NOT_WAITING())
                waiting_lists.remove(portal_uow, entry_id)
                return applied(session)
        _record_inbox(db, key, kind, student_id, "refused", [UNKNOWN_ACTION(kind=kind)], run_id)
        return "refused"
    except IntegrityError as error:
        with db.read() as session:
            recorded = session.scalar(select(PortalInboxEntry.outcome).where(PortalInboxEntry.action_key == key))
        if recorded is not None:
            return recorded  # a concurrent run applied the same key first
        record_conflict(db, action, [DATABASE_REFUSED(detail=str(error.orig or error).strip().splitlines()[0])], run_id)
        return "conflict"
    except DomainError as refusal:
        if kind in REFUSED_KINDS:
            _record_inbox(db, key, kind, student_id, "refused", reasons_of(refusal), run_id)
            return "refused"
        record_conflict(db, action, reasons_of(refusal), run_id)
        return "conflict"


# Actions with nothing for a clerk to settle when they cannot be done: refused, the student told why.
REFUSED_KINDS = frozenset({"token_withdraw", "exchange_wish", "exchange_withdraw", "waiting_join", "waiting_leave"})

# The student's open wish from a group, and their place on a group's list, that the portal's action names.
_OPEN_WISH = select(ExchangeWish.id).where(
    ExchangeWish.student_id == bindparam("student"), ExchangeWish.from_group_id == bindparam("group"),
    ExchangeWish.status == WishStatus.OPEN).order_by(ExchangeWish.id.desc()).limit(1)
_WAITING_ENTRY = select(WaitingEntry.id).where(
    WaitingEntry.student_id == bindparam("student"), WaitingEntry.group_id == bindparam("group"),
    WaitingEntry.status == WaitingStatus.WAITING)


class _Refused(DomainError):
    """An action with nothing to act on, and why (``stored``, what the portal shows the student)."""

    def __init__(self, stored: Message):
        super().__init__(stored.text())
        self.stored = stored


def _record_inbox(db: Database, key: str, kind: str, student_id: int, outcome: str, reasons: list[Message] | None,
                  run_id: int) -> None:
    detail = json.dumps(stored(reasons), ensure_ascii=False) if reasons else None
    try:
        with db.write() as session:
            session.add(PortalInboxEntry(action_key=key, kind=kind, student_id=student_id, outcome=outcome, detail=detail,
                                         sync_run_id=run_id))
    except IntegrityError:
        pass  # recorded by a concurrent run


# --- what waits, what ran --------------------------------------------------------------------------


@dataclass(frozen=True)
class Waiting:
    entity: str
    count: int
    oldest: datetime | None


def waiting(db: Database, *, student_id: int | None = None) -> list[Waiting]:
    """Changes still waiting to go out, by kind of record (for one student, if given)."""
    query = (
        select(OutboxEntry.entity, func.count(), func.min(OutboxEntry.created_at))
        .where(OutboxEntry.sent_at.is_(None)).group_by(OutboxEntry.entity).order_by(OutboxEntry.entity)
    )
    if student_id is not None:
        query = query.where(OutboxEntry.student_id == student_id)
    with db.read() as session:
        return [Waiting(entity, count, as_utc(oldest) if oldest else None) for entity, count, oldest in session.execute(query)]


@dataclass(frozen=True)
class RunLine:
    id: int
    kind: SyncKind
    trigger: SyncTrigger
    started_by: str | None
    student_number: str | None
    started_at: datetime
    finished_at: datetime | None
    sent: int
    received: int
    conflicts: int
    result: SyncResult
    error: str | None
    interrupted: bool = False  # still marked running, but stopped by force (see interrupted())

    @property
    def state(self) -> str:
        """The result's code, or ``interrupted`` for a run stopped by force."""
        return "interrupted" if self.interrupted else self.result.value


def recent_runs(db: Database, *, limit: int = 50, now: datetime | None = None) -> list[RunLine]:
    from desk.model import StaffUser

    query = (
        select(SyncRun, StaffUser.full_name, Student.student_number, interrupted(now or now_utc()).label("interrupted"))
        .outerjoin(StaffUser, StaffUser.id == SyncRun.started_by_id)
        .outerjoin(Student, Student.id == SyncRun.student_id)
        .order_by(SyncRun.started_at.desc(), SyncRun.id.desc()).limit(limit)
    )
    with db.read() as session:
        return [
            RunLine(r.id, r.kind, r.trigger, name, number, r.started_at, r.finished_at, r.sent_count, r.received_count,
                    r.conflict_count, r.result, _error_words(r.error), bool(stopped))
            for r, name, number, stopped in session.execute(query)
        ]


def _error_words(error: str | None) -> str | None:
    """A run's error: the words of a stored code (in the reader's language), or the error's own text."""
    stored = Message.from_json(error) if error and error.startswith("{") else None
    return stored.text() if stored is not None else error


def last_success(db: Database) -> datetime | None:
    with db.read() as session:
        value = session.scalar(select(func.max(SyncRun.finished_at)).where(SyncRun.result == SyncResult.SUCCEEDED))
    return as_utc(value) if value else None


def run_due(uow: UnitOfWork, *, zone: str = DEFAULT_TIME_ZONE, **kwargs) -> SyncReport | None:
    """Run the scheduled sync due now, if any; None when none is due or another workstation took the slot.

    The check above only spares a needless attempt: the slot is taken by inserting the run with
    its slot, unique in ``sync_runs``, so two workstations due at once start one run.
    """
    due = due_slot(uow.db, now=uow.now, zone=zone)
    if due is None:
        return None
    try:
        return run_sync(uow, due.kind, slot=due.at, **kwargs)
    except SlotTaken:
        return None


__all__ = [
    "BATCH", "DEFAULT_SCHEDULE", "SCHEDULE_SETTING", "Cancelled", "ConflictLine", "DueSlot", "PortalState", "RunLine",
    "ScheduledRun", "SlotTaken", "SyncReport", "Waiting", "conflicts", "due_run", "due_slot", "format_schedule",
    "interrupted", "last_success", "parse_schedule", "portal_state", "recent_runs", "resolve_conflict", "run_due",
    "run_sync", "schedule", "set_schedule", "waiting",
]
