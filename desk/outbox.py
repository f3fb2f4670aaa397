"""The sync outbox: changes queued for the portal in the same transaction that makes them."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.audit import plain
from desk.model import OutboxEntry


def enqueue(
    session: Session,
    *,
    entity: str,
    entity_id: int,
    operation: str = "upsert",
    student_id: int | None = None,
    payload: dict | None = None,
    actor_id: int | None = None,
) -> OutboxEntry:
    """Queue one change for the portal inside the caller's transaction."""
    entry = OutboxEntry(
        entity=entity,
        entity_id=entity_id,
        operation=operation,
        student_id=student_id,
        payload=plain(payload) if payload is not None else None,
        staff_id=actor_id,
    )
    session.add(entry)
    return entry


def pending_count(session: Session, student_id: int | None = None) -> int:
    """How many changes still wait to go out (for one student, if given)."""
    query = select(func.count()).select_from(OutboxEntry).where(OutboxEntry.sent_at.is_(None))
    if student_id is not None:
        query = query.where(OutboxEntry.student_id == student_id)
    return session.scalar(query) or 0
