"""The audit trail: every change names who, when, what (before and after) and why."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from desk.model import AuditEntry


def plain(value: Any) -> Any:
    """A JSON-safe copy of a snapshot: dates as ISO text, enums as their values."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def record(
    session: Session,
    *,
    actor_id: int | None,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict | None = None,
    after: dict | None = None,
    reason: str | None = None,
    student_id: int | None = None,
) -> AuditEntry:
    """Add an audit entry to the caller's transaction; it commits or rolls back with the change."""
    entry = AuditEntry(
        staff_id=actor_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        student_id=student_id,
        before=plain(before) if before is not None else None,
        after=plain(after) if after is not None else None,
        reason=reason,
    )
    session.add(entry)
    return entry
