"""What changed: the small description an operation broadcasts, and views that refresh on it.

An operation that succeeded says which kinds of record it changed and, where it knows them, their
ids: ``Changes.of(group={12}, student={345}, outbox=ALL)``. Every open view that shows one of them
refreshes; a view that is hidden refreshes when it is shown again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

ALL = None  # every record of a kind (or ids the operation cannot name)


class Kind(StrEnum):
    """The kinds of record a change names; ids are the record's own unless said otherwise."""

    STUDENT = "student"  # a student's card: person, programmes, logins, enrollments, access (student ids)
    GROUP = "group"  # class groups: limits, counts, members (group ids)
    REGISTRATION = "registration"  # registrations, their rounds and access rules (registration ids)
    TOKENS = "tokens"  # token balances and ledgers (student ids)
    PAYMENT = "payment"  # payments due (student ids)
    ACCOUNT = "account"  # login accounts and the accounts worklist (person ids)
    OUTBOX = "outbox"  # what waits to go out to the portal
    SYNC = "sync"  # sync runs, conflicts and the schedule
    STAFF = "staff"  # staff accounts
    HISTORY = "history"  # entries in the history of changes


class Changes:
    """Kinds of record and the ids of each that changed (``ALL``: any of them)."""

    __slots__ = ("_kinds",)

    def __init__(self, kinds: Mapping[str, frozenset[int] | None] | None = None):
        self._kinds: dict[str, frozenset[int] | None] = dict(kinds or {})

    @classmethod
    def of(cls, **kinds: Iterable[int] | int | None) -> Changes:
        """``Changes.of(group={12}, student=345, outbox=ALL)``; an unknown kind is a mistake."""
        made: dict[str, frozenset[int] | None] = {}
        for name, ids in kinds.items():
            kind = Kind(name).value
            if ids is ALL:
                made[kind] = ALL
            elif isinstance(ids, int):
                made[kind] = frozenset((ids,))
            else:
                made[kind] = frozenset(int(i) for i in ids)
        return cls(made)

    @property
    def kinds(self) -> Mapping[str, frozenset[int] | None]:
        return dict(self._kinds)

    def touches(self, kind: str, ids: Iterable[int] | int | None = ALL) -> bool:
        """Whether the change concerns ``kind`` (and, when given, one of ``ids``)."""
        if kind not in self._kinds:
            return False
        changed = self._kinds[kind]
        if changed is ALL or ids is ALL:
            return True
        wanted = {ids} if isinstance(ids, int) else set(ids)
        return not changed.isdisjoint(wanted)

    def ids(self, kind: str) -> frozenset[int] | None:
        """The ids of ``kind`` that changed: ``ALL`` (None) when any may have, empty when none did."""
        return self._kinds.get(kind, frozenset())

    def __or__(self, other: Changes) -> Changes:
        merged = dict(self._kinds)
        for kind, ids in other._kinds.items():
            if kind not in merged:
                merged[kind] = ids
            elif merged[kind] is ALL or ids is ALL:
                merged[kind] = ALL
            else:
                merged[kind] = merged[kind] | ids
        return Changes(merged)

    def __bool__(self) -> bool:
        return bool(self._kinds)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Changes) and self._kinds == other._kinds

    def __hash__(self) -> int:
        return hash(frozenset(self._kinds.items()))

    def __repr__(self) -> str:
        parts = [f"{k}={'ALL' if v is ALL else set(sorted(v))}" for k, v in sorted(self._kinds.items())]
        return f"Changes({', '.join(parts)})"


# The kinds of record the portal shows: a change of any of them is queued to go out (the outbox),
# whether or not the operation that announced it names the outbox too.
PORTAL_KINDS = (Kind.STUDENT, Kind.GROUP, Kind.REGISTRATION, Kind.TOKENS, Kind.PAYMENT, Kind.ACCOUNT, Kind.OUTBOX)


def queues_for_portal(changes: Changes) -> bool:
    """Whether ``changes`` may have queued work for the portal (a change of a record the portal shows)."""
    return any(changes.touches(kind) for kind in PORTAL_KINDS)


# What a sync run may change at the desk: it sends the queue and reads back students' actions
# (registrations, token requests), which change enrollments, balances, payments and conflicts.
SYNC_RUN = Changes.of(sync=ALL, outbox=ALL, student=ALL, group=ALL, tokens=ALL, payment=ALL, history=ALL)
# What resolving token requests may change: requests, balances, payments, enrollments.
TOKEN_ROUND = Changes.of(registration=ALL, student=ALL, group=ALL, tokens=ALL, payment=ALL, outbox=ALL, history=ALL)
# What releasing dedicated seats at their moment may change: the groups, and students given a seat from a waiting list.
SEATS_RELEASED = Changes.of(student=ALL, group=ALL, outbox=ALL, history=ALL)


class ChangeBroadcast(QObject):
    """The application-wide announcement of what changed; lives on (and emits on) the GUI thread."""

    changed = Signal(object)  # Changes

    def announce(self, changes: Changes | None) -> None:
        if changes:
            self.changed.emit(changes)


class Follow(QObject):
    """Refreshes a view when a change it shows is announced: now if it is visible, else when next shown.

    Announcements that arrive together are folded into one refresh. ``while_hidden``: refresh a
    window that is open but not shown too (a student card waiting behind others).
    """

    def __init__(self, view: QWidget, broadcast: ChangeBroadcast, wants: Callable[[Changes], bool],
                 refresh: Callable[[], None], *, while_hidden: bool = False):
        super().__init__(view)
        self.view = view
        self.while_hidden = while_hidden
        self.wants = wants
        self.refresh = refresh
        self.stale = False
        self.refreshes = 0  # how many refreshes changes caused (tests read it)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._refresh_now)
        broadcast.changed.connect(self._changed)
        view.installEventFilter(self)

    def _changed(self, changes: Changes) -> None:
        try:
            if not self.wants(changes):
                return
        except RuntimeError:  # the view is being deleted
            return
        self.stale = True
        if self.while_hidden or self.view.isVisible():
            self._timer.start()

    def _refresh_now(self) -> None:
        if not self.stale:
            return
        self.stale = False
        self.refreshes += 1
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show and self.stale:
            self._timer.start()
        return False


def follow(view: QWidget, broadcast: ChangeBroadcast, wants: Callable[[Changes], bool],
           refresh: Callable[[], None], *, while_hidden: bool = False) -> Follow:
    """Make ``view`` call ``refresh`` whenever a change for which ``wants(changes)`` is announced."""
    return Follow(view, broadcast, wants, refresh, while_hidden=while_hidden)


__all__ = ["ALL", "PORTAL_KINDS", "SYNC_RUN", "TOKEN_ROUND", "ChangeBroadcast", "Changes", "Follow", "Kind", "follow", "queues_for_portal"]
