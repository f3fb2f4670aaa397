"""Sync conflicts: a student's action from the portal that no longer fits, kept for a clerk, and settled.

Why it did not fit is kept as the rulebook's codes with their parameters (or, for a refusal that
came as words only, those words) and made into a sentence only when shown, in the reader's
language. How a conflict was settled is kept apart from the clerk's reason, which stays as typed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from desk import bounds, enrollment, many
from desk.changes import Action, Change, Description, Shown
from desk.clock import now_utc
from desk.db import Database
from desk.errors import DomainError, NotFound
from desk.i18n import translate
from desk.labels import group_label
from desk.messages import Message, define
from desk.model import PortalInboxEntry, Student, SyncConflict
from desk.refusals import Refused
from desk.refusals import message as refusal_message
from desk.staff import Actor, Permission, require
from desk.unit_of_work import SystemJob, UnitOfWork

class ConflictAction(Action):
    """A student's action kept as a conflict, and a clerk settling it."""

    CONFLICT = "sync_conflict.create"
    CONFLICT_RESOLVE = "sync_conflict.resolve"
    CONFLICT_RESOLVE_MANY = "sync_conflict.resolve_many"  # the head of a change set: several settled at once

    def describe(self, shown: Shown) -> Description:
        if self is ConflictAction.CONFLICT:
            return Description(translate("History", "A student's action on the portal did not fit: kept as a conflict for a clerk"),
                               frozenset({"conflict_id", "kind"}))
        if self is ConflictAction.CONFLICT_RESOLVE_MANY:
            text = (translate("History", "Selected sync conflicts settled at once: enrolled over the limit (selected: %1)")
                    if shown.after.get("enroll_over_limit") else
                    translate("History", "Selected sync conflicts dismissed at once (selected: %1)"))
            return Description(text.replace("%1", str(shown.after.get("asked", ""))), frozenset({"enroll_over_limit", "asked"}))
        if shown.after.get("enroll_over_limit"):
            return Description(translate("History", "Sync conflict settled: enrolled over the limit"), frozenset({"enroll_over_limit"}))
        return Description(translate("History", "Sync conflict dismissed"), frozenset({"enroll_over_limit"}))


# Why a student's action was not applied, beside the rulebook's own codes.
DATABASE_REFUSED = define("sync.database_refused", "Sync", QT_TRANSLATE_NOOP(
    "Sync", "The desk's database refused the action: {detail}"))
# A refusal that came as words only (a record gone, a permission): kept as said, in the language the sync ran in.
REFUSED_IN_WORDS = define("sync.refused_in_words", "Sync", "{words}")


def reasons_of(refusal: DomainError) -> list[Message]:
    """Why a service refused, as stored messages: the rulebook's codes, or the words it gave."""
    if isinstance(refusal, Refused):
        return [refusal_message(r, refusal.gender) for r in refusal.refusals]  # the student's gender kept
    carried = getattr(refusal, "stored", None)  # a refusal that carries its message
    if isinstance(carried, Message):
        return [carried]
    return [REFUSED_IN_WORDS(words=str(refusal))]


def stored(reasons: list[Message]) -> list[dict[str, Any]]:
    """Messages as a record keeps them (JSON)."""
    return [r.to_json() for r in reasons]


def _words(reasons: list[dict[str, Any]] | None) -> str:
    """Stored reasons in the reader's language, now."""
    return " ".join(m.text() for m in (Message.from_json(r) for r in reasons or ()) if m is not None)


def record_conflict(db: Database, action: dict[str, Any], reasons: list[Message], run_id: int) -> None:
    """Keep a student's action that did not fit for a clerk, with why; the portal gets the student's truth again."""
    payload = {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in action.items() if k != "read_at"}
    kept = stored(reasons)
    uow = UnitOfWork(db, SystemJob.SYNC)
    try:
        with uow.write() as session:
            session.add(PortalInboxEntry(action_key=action["action_key"], kind=action["kind"], student_id=action["student_id"],
                                         outcome="conflict", detail=json.dumps(kept, ensure_ascii=False), sync_run_id=run_id))
            conflict = SyncConflict(sync_run_id=run_id, student_id=action["student_id"], kind=action["kind"],
                                    payload=payload, reasons=kept)
            session.add(conflict)
            session.flush()
            # The portal showed the student something the desk refused: republish the truth for them.
            after = {"conflict_id": conflict.id, "kind": action["kind"]}
            shown = [Change("student", action["student_id"], student_id=action["student_id"], after=after)]
            if action.get("group_id"):
                shown.append(Change("class_group", action["group_id"], after=after))
            uow.record_changes(ConflictAction.CONFLICT, shown)
    except IntegrityError:
        pass


# --- listed and settled ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ConflictLine:
    id: int
    student_id: int | None
    student_number: str | None
    student_name: str | None
    kind: str
    group_id: int | None
    registration_id: int | None
    group_label: str | None
    registration_code: str | None
    message: str  # why it did not fit, in the reader's language (made from the stored codes when read)
    detected_at: datetime
    resolved_at: datetime | None
    resolution: str | None  # how it was settled and the clerk's reason, likewise
    unit_id: int | None = None  # the unit whose group or registration it is: who may dismiss it


def conflicts(uow: UnitOfWork, *, open_only: bool = True, limit: int = 500) -> list[ConflictLine]:
    uow.require(Permission.READ_STUDENTS)
    from desk.model import ClassGroup, Course, Person, Registration

    query = (
        select(SyncConflict, Student.student_number, Person.first_name, Person.last_name)
        .outerjoin(Student, Student.id == SyncConflict.student_id)
        .outerjoin(Person, Person.id == Student.person_id)
        .order_by(SyncConflict.detected_at.desc(), SyncConflict.id.desc())
        .limit(limit)
    )
    if open_only:
        query = query.where(SyncConflict.resolved_at.is_(None))
    with uow.read() as session:
        found = list(session.execute(query))
        group_ids = {c.payload.get("group_id") for c, *_ in found} - {None}
        registration_ids = {c.payload.get("registration_id") for c, *_ in found} - {None}
        groups = {
            gid: (group_label(code, kind, number), unit_id)
            for gid, code, kind, number, unit_id in session.execute(
                select(ClassGroup.id, Course.code, ClassGroup.class_type, ClassGroup.number, Course.unit_id)
                .join(Course, Course.id == ClassGroup.course_id).where(ClassGroup.id.in_(group_ids)))
        } if group_ids else {}
        registrations = {
            rid: (code, unit_id)
            for rid, code, unit_id in session.execute(
                select(Registration.id, Registration.code, Registration.unit_id).where(Registration.id.in_(registration_ids)))
        } if registration_ids else {}
    lines = []
    for c, number, first, last in found:
        group = groups.get(c.payload.get("group_id"), (None, None))
        registration = registrations.get(c.payload.get("registration_id"), (None, None))
        lines.append(ConflictLine(
            c.id, c.student_id, number, f"{first} {last}" if first else None, c.kind,
            c.payload.get("group_id"), c.payload.get("registration_id"), group[0], registration[0],
            _words(c.reasons) if c.reasons else (c.message or ""), c.detected_at, c.resolved_at,
            _resolution_words(c.resolution_kind, c.resolution),
            unit_id=group[1] if c.payload.get("group_id") else registration[1],
        ))
    return lines


def _resolution_words(kind: str | None, reason: str | None) -> str | None:
    """How a conflict was settled and why, in the reader's language (the reason as the clerk typed it)."""
    if kind == "enrolled_over_limit":
        return translate("Sync", "enrolled over the limit: %1").replace("%1", reason or "")
    if kind == "dismissed":
        return translate("Sync", "dismissed: %1").replace("%1", reason or "")
    return reason  # settled before the way was kept apart: the sentence as it was stored


def resolve_conflict(uow: UnitOfWork, conflict_id: int, *, enroll_over_limit: bool, reason: str) -> None:
    """Settle a conflict: enroll the student over the limit (a clerk's override), or dismiss it with a reason.

    Either way the conflict is marked settled in the same transaction as what settles it.
    """
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Sync", "Say why the conflict is settled this way."))
    bounds.RECORD_ID.check(conflict_id)
    with uow.read() as session:
        conflict = session.get(SyncConflict, conflict_id)
        if conflict is None:
            raise NotFound(translate("Sync", "That conflict no longer exists."))
        if conflict.resolved_at is not None:
            raise DomainError(translate("Sync", "The conflict was already settled."))
        payload, student_id = dict(conflict.payload), conflict.student_id
        unit_id = _conflict_unit(session, payload)

    def settle(session) -> None:
        changed = session.execute(
            update(SyncConflict).where(SyncConflict.id == conflict_id, SyncConflict.resolved_at.is_(None))
            .values(resolved_at=uow.now, resolved_by_id=uow.staff_id, resolution=reason,
                    resolution_kind="enrolled_over_limit" if enroll_over_limit else "dismissed")
        ).rowcount
        if not changed:
            raise DomainError(translate("Sync", "The conflict was already settled."))
        uow.record_change(ConflictAction.CONFLICT_RESOLVE, entity="sync_conflict", entity_id=conflict_id, student_id=student_id,
                          after={"enroll_over_limit": enroll_over_limit}, reason=reason, portal=False)

    if enroll_over_limit:
        if payload.get("kind") != "register" or not payload.get("group_id"):
            raise DomainError(translate("Sync", "Only a registration that did not fit can be enrolled over the limit."))
        with uow.write() as session:  # the enrollment and the conflict it settles: both or neither
            enrollment.enroll(uow, student_id, payload["group_id"], reason=reason, over_limit=True,
                              registration_id=payload.get("registration_id"))
            settle(session)
        return
    # Dismissing is the decision of the unit that runs the group (or organises the registration).
    uow.require(Permission.MANAGE_GROUPS, unit_id)
    with uow.write() as session:
        settle(session)


def resolve_conflicts(uow: UnitOfWork, conflict_ids: list[int], *, enroll_over_limit: bool, reason: str,
                      progress: many.Progress | None = None) -> many.ManyDone:
    """Settle several conflicts the same way with one reason: ``resolve_conflict`` for each, in one change set.

    A conflict that cannot be settled so (settled meanwhile, another unit's, not a registration that did
    not fit) is left open and reported with why; the others are settled.
    """
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(translate("Sync", "Say why the conflict is settled this way."))
    for conflict_id in conflict_ids:
        bounds.RECORD_ID.check(conflict_id)
    return many.one_by_one(
        uow, conflict_ids, lambda cid: resolve_conflict(uow, cid, enroll_over_limit=enroll_over_limit, reason=reason),
        action=ConflictAction.CONFLICT_RESOLVE_MANY, entity="sync_conflict", after={"enroll_over_limit": enroll_over_limit},
        reason=reason, progress=progress)


def _conflict_unit(session, payload: dict) -> int | None:
    from desk.model import ClassGroup, Course, Registration

    if payload.get("group_id"):
        return session.scalar(select(Course.unit_id).join(ClassGroup, ClassGroup.course_id == Course.id)
                              .where(ClassGroup.id == payload["group_id"]))
    if payload.get("registration_id"):
        return session.scalar(select(Registration.unit_id).where(Registration.id == payload["registration_id"]))
    return None
