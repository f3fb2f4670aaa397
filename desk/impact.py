"""Impact preview: what a change would set off, before it is made: who gains a seat from a waiting list, who loses
one or is moved, which dedicated seats and payments change.

The preview is the change itself, rehearsed: the service runs in a transaction with everything it
sets off (the waiting lists asked, the changes recorded), the entries it recorded are read and put in
words as History shows them, and the transaction is undone. So the preview cannot differ from what
the change does on the same data, and no second set of rules guesses at it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.history import HistoryLine, described
from desk.model import AuditEntry
from desk.staff import Permission
from desk.unit_of_work import UnitOfWork

GAINS = frozenset({"enrollment.from_waiting_list"})
MOVES = frozenset({"enrollment.move", "enrollment.exchange"})
LOSSES = frozenset({"enrollment.cancel", "enrollment.portal_unregister", "enrollment.token_unregister"})


@dataclass(frozen=True)
class Impact:
    """Every entry the change would record, in words, and the ones a clerk looks for first."""

    lines: tuple[HistoryLine, ...]

    @property
    def gains(self) -> tuple[HistoryLine, ...]:
        """Students a seat would go to from a waiting list."""
        return tuple(line for line in self.lines if line.action in GAINS)

    @property
    def moves(self) -> tuple[HistoryLine, ...]:
        return tuple(line for line in self.lines if line.action in MOVES)

    @property
    def losses(self) -> tuple[HistoryLine, ...]:
        """Students who would lose a seat and get none in its place."""
        moved = {line.student_id for line in self.moves}
        return tuple(line for line in self.lines if line.action in LOSSES and line.student_id not in moved)

    @property
    def shares(self) -> tuple[HistoryLine, ...]:
        return tuple(line for line in self.lines if line.entity == "seat_share")

    @property
    def payments(self) -> tuple[HistoryLine, ...]:
        return tuple(line for line in self.lines if line.entity == "payment")


def preview(uow: UnitOfWork, change: Callable[[], Any], *, zone: str = "Europe/Warsaw") -> Impact:
    """What ``change()`` (a service called with this unit of work) would record, and so do; nothing is kept."""
    uow.require(Permission.READ_STUDENTS)
    start: list[int] = []

    def run() -> None:
        start.append(uow.session.scalar(select(func.coalesce(func.max(AuditEntry.id), 0))))
        change()

    def read(session: Session) -> Impact:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.id > start[0]).order_by(AuditEntry.id)).all()
        actor = uow.staff
        return Impact(tuple(line for line in described(session, actor, entries, zone) if not line.is_change_set))

    return uow.rehearse(run, read)
