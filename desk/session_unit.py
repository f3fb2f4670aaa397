"""A unit of work over a transaction its caller opened itself, for callers not yet given a unit of work.

The token rounds still resolve a batch in a session of their own and call the ledger and payment
helpers with it; those helpers record through a unit of work. This joins the two until the rounds
pass their unit of work (then this module goes).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy.orm import Session

from desk.model import Role
from desk.staff import Actor
from desk.unit_of_work import SystemJob, UnitOfWork


class _OpenTransaction:
    """Stands for the database: its one write transaction is the caller's, already open."""

    def __init__(self, session: Session):
        self.session = session
        self.is_sqlite = session.get_bind().dialect.name == "sqlite"

    @contextmanager
    def write(self) -> Iterator[Session]:
        yield self.session

    read = write


def over_session(session: Session, staff_id: int | None, now: datetime, job: SystemJob = SystemJob.TOKEN_ROUND) -> UnitOfWork:
    """A unit whose ``write()`` is ``session``'s transaction, recording as ``staff_id`` (or ``job`` when None).

    Only records: the staff member is not re-read here (the caller checked its permissions).
    """
    principal = job if staff_id is None else Actor(staff_id, "", "", Role.CLERK, frozenset())
    return UnitOfWork(_OpenTransaction(session), principal, now=now)  # type: ignore[arg-type]
