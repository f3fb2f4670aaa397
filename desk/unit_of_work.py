"""The unit of work every service is given: one transaction, the clock, and who acts (the principal).

The principal is a staff member or a named system job. A staff member is re-read from the database
once per transaction, so a clerk an administrator disabled or demoted a minute ago is refused at
their next action, in a window left open all day and in a long-running terminal command alike.
Permission checks, the audit entry and the portal queue entry all go through here: one call,
``record_change``, writes the audit entry and queues what the student will see, together.

Services compose by sharing one unit of work: a nested ``write()`` joins the transaction already
open, so a service called from another commits or rolls back with it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import Session

from desk.audit import plain
from desk.chain import seal
from desk.changes import Action, Change
from desk.clock import as_utc, now_utc
from desk.db import PATIENT_WAIT_MS, Database, connection_of
from desk.errors import PermissionDenied
from desk.i18n import translate
from desk.messages import Message
from desk.model import AuditEntry, OrgUnit, OutboxEntry, StaffUnit, StaffUser
from desk.staff import Actor, Permission, require


class SystemJob(enum.StrEnum):
    """Work no staff member performs at the moment it runs: recorded under the job's name."""

    SCHEDULE = "schedule"  # a timer: scheduled sync runs, breaks of token rounds that fall due
    TOKEN_ROUND = "token_round"
    SYNC = "sync"
    PORTAL = "portal"  # a student's own action on the portal, applied by the sync
    SETUP = "setup"  # a new database's first administrator, the demo


Principal = Actor | SystemJob


class _Rehearsed(Exception):
    """Ends a rehearsal's transaction (rolled back) with what was seen in it."""

    def __init__(self, result: Any):
        super().__init__("rehearsed")
        self.result = result


class UnitOfWork:
    """One transaction at a time, its clock and its principal.

    ``now`` given: the unit's clock is fixed there (tests, replays); otherwise each transaction
    reads the clock once when it begins and keeps that instant to its end.
    """

    def __init__(self, db: Database, principal: Principal, *, now: datetime | None = None):
        self.db = db
        self.principal = principal
        self._fixed_now = as_utc(now) if now is not None else None
        self._session: Session | None = None
        self._writing = False
        self._now: datetime | None = None
        self._staff: Actor | None = None
        self._change_set_id: int | None = None
        # Changes recorded in the open write, sealed and inserted together when it commits.
        self._audit_rows: list[dict[str, Any]] = []
        self._queue_rows: list[dict[str, Any]] = []
        self._freed: set[int] = set()  # groups where this write freed a seat (see ``seat_freed``)

    # -- the transaction ------------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction (the write lock from BEGIN on SQLite); joins one already open."""
        if self._session is not None:
            if not self._writing:
                raise RuntimeError("a write inside a read of the same unit of work")
            yield self._session
            return
        # A clerk waits for another writer as long as the busy timeout, then is told to try again; a
        # student's action or a system job waits its turn longer (nobody watches a frozen window).
        wait_ms = PATIENT_WAIT_MS if isinstance(self.principal, SystemJob) else None
        with self.db.write(wait_ms=wait_ms) as session:
            with self._opened(session, writing=True):
                yield session
                if self._freed:
                    from desk import waiting_lists  # the seats freed go to their waiting lists, in this transaction

                    waiting_lists.fill(self, self._freed)
                self._write_recorded(session)

    def rehearse(self, operation: Callable[[], Any], read: Callable[[Session], Any]) -> Any:
        """Do ``operation`` as a write would, everything it sets off included (waiting lists filled, changes
        recorded), give ``read`` the transaction to look at what it did, then undo it all; what ``read`` returned.
        An impact preview is the change itself, never applied."""
        if self._session is not None:
            raise RuntimeError("a rehearsal is a transaction of its own")
        wait_ms = PATIENT_WAIT_MS if isinstance(self.principal, SystemJob) else None
        try:
            with self.db.write(wait_ms=wait_ms) as session:
                with self._opened(session, writing=True):
                    operation()
                    if self._freed:
                        from desk import waiting_lists

                        waiting_lists.fill(self, self._freed)
                    self._write_recorded(session)
                    session.flush()
                    raise _Rehearsed(read(session))
        except _Rehearsed as done:
            return done.result

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read session; inside a write it is that write's session."""
        if self._session is not None:
            yield self._session
            return
        with self.db.read() as session:
            with self._opened(session, writing=False):
                yield session

    @contextmanager
    def _opened(self, session: Session, *, writing: bool) -> Iterator[None]:
        self._session, self._writing = session, writing
        self._now = self._fixed_now or now_utc()
        self._staff = None
        try:
            yield
        finally:
            self._session, self._writing, self._now, self._staff = None, False, None, None
            self._change_set_id = None
            self._audit_rows, self._queue_rows = [], []
            self._freed = set()

    @contextmanager
    def savepoint(self) -> Iterator[Session]:
        """A part of the open write that a refusal undoes alone, the changes recorded in it with it."""
        session = self.session
        audit_kept, queue_kept = len(self._audit_rows), len(self._queue_rows)
        done = False
        try:
            with session.begin_nested():
                yield session
            done = True
        finally:
            if not done:
                del self._audit_rows[audit_kept:], self._queue_rows[queue_kept:]

    def seat_freed(self, group_id: int) -> None:
        """A seat of the group may be free now (someone left, its limit rose, a share was released): before the write
        commits, the group's waiting list is asked for the first student who may take it (``desk.waiting_lists``)."""
        if self._session is None or not self._writing:
            raise RuntimeError("seats are freed inside write()")
        self._freed.add(group_id)

    @contextmanager
    def acting_at(self, instant: datetime) -> Iterator[None]:
        """Inside the open write: what is done here is done at ``instant`` (a student's action applied later,
        dated when the student acted), its changes recorded at that instant."""
        if self._session is None:
            raise RuntimeError("no transaction is open in this unit of work")
        kept, self._now = self._now, as_utc(instant)
        try:
            yield
        finally:
            self._now = kept

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("no transaction is open in this unit of work")
        return self._session

    @property
    def in_transaction(self) -> bool:
        return self._session is not None

    @property
    def now(self) -> datetime:
        """The unit's clock: fixed through a transaction (aware, UTC)."""
        return self._now or self._fixed_now or now_utc()

    # -- who acts -------------------------------------------------------------------------------

    @property
    def job(self) -> SystemJob | None:
        return self.principal if isinstance(self.principal, SystemJob) else None

    @property
    def staff(self) -> Actor | None:
        """The staff member as the database has them now (None for a system job).

        Read once per transaction; a disabled account is refused here, whatever the caller does next.
        """
        if not isinstance(self.principal, Actor):
            return None
        if self._session is None:
            with self.read():
                return self.staff
        if self._staff is None:
            self._staff = _reread(self._session, self.principal)
        return self._staff

    @property
    def staff_id(self) -> int | None:
        return self.principal.id if isinstance(self.principal, Actor) else None

    def can(self, permission: Permission, unit_id: int | None = None) -> bool:
        staff = self.staff
        return True if staff is None else staff.can(permission, unit_id)

    def require(self, permission: Permission, unit_id: int | None = None, *, subject: str | None = None) -> None:
        """Refuse unless the principal may do this (system jobs may do what they were built for).

        A refusal for a unit not the staff member's names the unit, and ``subject`` (what belongs to it) when given.
        """
        staff = self.staff
        if staff is not None and not staff.can(permission, unit_id):
            unit = self._unit_label(unit_id) if unit_id is not None else None
            require(staff, permission, unit_id, unit=unit, subject=subject)

    def _unit_label(self, unit_id: int) -> str:
        """The unit as a refusal names it: "WMF — Wydział Matematyki i Fizyki"."""
        if self._session is None:
            with self.read():
                return self._unit_label(unit_id)
        row = self._session.execute(select(OrgUnit.code, OrgUnit.name).where(OrgUnit.id == unit_id)).one_or_none()
        return f"{row.code} — {row.name}" if row is not None else str(unit_id)

    def require_staff(self) -> Actor:
        """For what only a person may do (a system job has no role to check it against)."""
        staff = self.staff
        if staff is None:
            raise PermissionDenied(translate("Staff", "Only a signed-in member of staff may do this."))
        return staff

    # -- one way to record a change -------------------------------------------------------------

    def record_change(
        self,
        action: Action,
        *,
        entity: str,
        entity_id: int | None,
        student_id: int | None = None,
        before: Mapping[str, Any] | None = None,
        after: Mapping[str, Any] | None = None,
        reason: str | Message | None = None,
        portal: bool | Mapping[str, Any] | None = True,
        operation: str = "upsert",
    ) -> None:
        """The audit entry and, when the student can see the change, the portal queue entry: together."""
        self.record_changes(action, [Change(entity, entity_id, student_id, before, after, reason, portal, operation)])

    @contextmanager
    def change_set(self, action: Action, *, entity: str, after: Mapping[str, Any] | None,
                   reason: str | Message | None) -> Iterator[int]:
        """Many changes as one: a head entry (what, how many, why), then every change recorded inside
        carries the head's id, so History shows one entry that opens to its rows. Yields the head's id."""
        if self._change_set_id is not None:
            raise RuntimeError("change sets do not nest")
        self._record(action, [Change(entity, None, None, None, after, reason, False, "upsert")], head=True)
        try:
            yield self._change_set_id
        finally:
            self._change_set_id = None

    def record_changes(self, action: Action, changes: Iterable[Change]) -> int:
        """The bulk form, for rounds and imports: two multi-row INSERTs however many changes."""
        return self._record(action, changes)

    def _record(self, action: Action, changes: Iterable[Change], *, head: bool = False) -> int:
        session = self.session
        if not self._writing:
            raise RuntimeError("changes are recorded inside write()")
        at, staff_id, job = self.now, self.staff_id, (self.job.value if self.job else None)
        audit_rows: list[dict[str, Any]] = []
        queue_rows: list[dict[str, Any]] = []
        for change in changes:
            typed, message = _reason(change.reason)
            when = as_utc(change.at) if change.at is not None else at
            audit_rows.append({
                "at": when, "staff_id": staff_id, "job": job, "action": action.value, "entity": change.entity,
                "entity_id": change.entity_id, "student_id": change.student_id,
                "before": plain(dict(change.before)) if change.before is not None else None,
                "after": plain(dict(change.after)) if change.after is not None else None,
                "reason": typed, "reason_message": message, "change_set_id": self._change_set_id,
            })
            if change.portal is not None and change.portal is not False and change.entity_id is not None:
                payload = change.after if change.portal is True else change.portal
                queue_rows.append({
                    "entity": change.entity, "entity_id": change.entity_id, "operation": change.operation,
                    "student_id": change.student_id, "created_at": when, "staff_id": staff_id,
                    "payload": plain(dict(payload)) if payload is not None else None,
                })
            for entity, entity_id in change.with_records:
                queue_rows.append({
                    "entity": entity, "entity_id": entity_id, "operation": "upsert", "student_id": change.student_id,
                    "created_at": when, "staff_id": staff_id, "payload": None,
                })
        if head:  # its id now: the changes of the set carry it
            self._write_recorded(session)
            seal(session, AuditEntry.__table__, audit_rows, assign_ids=True)
            self._change_set_id = audit_rows[0]["change_set_id"] = audit_rows[0]["id"]
            session.execute(_AUDIT_INSERT, audit_rows)
        else:
            self._audit_rows.extend(audit_rows)
        self._queue_rows.extend(queue_rows)
        return len(audit_rows)

    def _write_recorded(self, session: Session) -> None:
        """The changes recorded so far, sealed in the audit chain in the order they were recorded (one lock
        and one read of the chain's end a transaction however many were recorded), and their queue entries."""
        audit_rows, queue_rows = self._audit_rows, self._queue_rows
        self._audit_rows, self._queue_rows = [], []
        if audit_rows:
            seal(session, AuditEntry.__table__, audit_rows, assign_ids=True)
            session.execute(_AUDIT_INSERT, audit_rows)
        if queue_rows:
            session.execute(_QUEUE_INSERT, queue_rows)


_AUDIT_INSERT = insert(AuditEntry.__table__)
_QUEUE_INSERT = insert(OutboxEntry.__table__)


def _reason(reason: str | Message | None) -> tuple[str | None, dict | None]:
    """A clerk's typed reason is kept as typed; a reason the system gives is kept as a code."""
    if isinstance(reason, Message):
        return None, reason.to_json()
    return reason, None


_staff, _staff_units = StaffUser.__table__, StaffUnit.__table__
# The staff member and their units in one statement, built once: asked at the start of every transaction.
_STAFF_NOW = (
    select(_staff.c.login, _staff.c.full_name, _staff.c.role, _staff.c.active, _staff_units.c.unit_id)
    .select_from(_staff.outerjoin(_staff_units, _staff_units.c.staff_id == _staff.c.id))
    .where(_staff.c.id == bindparam("staff"))
)


def _reread(session: Session, actor: Actor) -> Actor:
    rows = connection_of(session).execute(_STAFF_NOW, {"staff": actor.id}).all()
    if not rows or not rows[0].active:
        raise PermissionDenied(
            translate("Staff", "Your staff account (%1) has been disabled. Ask an administrator.").replace("%1", actor.login)
        )
    row = rows[0]
    units = frozenset(r.unit_id for r in rows if r.unit_id is not None)
    return Actor(actor.id, row.login, row.full_name, row.role, units)
