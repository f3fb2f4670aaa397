"""Acting on many records at once: each asked of the same service in turn, in one transaction and one change set.

A clerk who selects 93 conflicts or 12 students of a group gives one reason and confirms once. Each
record still goes through the service that acts on one (so the rulebook and the permission check are
asked for each), inside a savepoint: a refusal undoes that record alone and is reported with its words;
the others are written together and recorded under one head entry (``UnitOfWork.change_set``), which
History shows as one entry opening to its rows. Anything else (an unexpected error, a cancellation)
undoes everything. When nothing could be done, nothing is recorded at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from desk.changes import Action
from desk.errors import DomainError
from desk.i18n import translate
from desk.unit_of_work import UnitOfWork

Progress = Callable[[int, int, str], None]  # done, total, what (the caller words it)


@dataclass(frozen=True)
class NotDone:
    """A record the service refused, and why in the reader's words (as the service said it)."""

    id: int
    why: str


@dataclass(frozen=True)
class ManyDone:
    """What acting on many did: the ids done, those refused with why, and the change set that records it."""

    asked: int
    done: tuple[int, ...]
    not_done: tuple[NotDone, ...]
    change_set_id: int | None  # None when nothing was done (and so nothing recorded)


class _NothingDone(Exception):
    """Every record was refused: the head entry goes too."""


def one_by_one(uow: UnitOfWork, ids: Iterable[int], act: Callable[[int], Any], *, action: Action, entity: str,
               after: Mapping[str, Any], reason: str, progress: Progress | None = None) -> ManyDone:
    """``act(id)`` for each id, in one write and one change set; refusals are kept apart, each undone alone.

    ``after`` describes the whole (the head entry), with ``asked`` (how many were asked for) added.
    """
    ids = list(dict.fromkeys(ids))
    if not ids:
        raise DomainError(translate("Many", "Nothing is selected."))
    done: list[int] = []
    not_done: list[NotDone] = []
    head: int | None = None
    try:
        with uow.write() as session:
            with uow.change_set(action, entity=entity, after={**after, "asked": len(ids)}, reason=reason) as head:
                for count, record_id in enumerate(ids, start=1):
                    try:
                        with uow.savepoint():
                            act(record_id)
                    except DomainError as refusal:
                        not_done.append(NotDone(record_id, str(refusal)))
                    else:
                        done.append(record_id)
                    if progress is not None:
                        progress(count, len(ids), "")
                if not done:
                    raise _NothingDone()
    except _NothingDone:
        head = None
    return ManyDone(len(ids), tuple(done), tuple(not_done), head)
