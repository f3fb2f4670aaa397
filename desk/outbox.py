"""The sync outbox's read side: what still waits to go to the portal (entries are queued by the unit of work)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.model import OutboxEntry


def pending_count(session: Session, student_id: int | None = None) -> int:
    """How many changes still wait to go out (for one student, if given)."""
    query = select(func.count()).select_from(OutboxEntry).where(OutboxEntry.sent_at.is_(None))
    if student_id is not None:
        query = query.where(OutboxEntry.student_id == student_id)
    return session.scalar(query) or 0
