"""Kinds of action and changes: what every service records, and how the history puts it into words.

Each service module defines its kinds of action as one ``Action`` subclass, each member with its
description beside the service that performs it. The history asks ``describe()`` here, which finds
the member by its stored code; nothing else spells out what a code means.
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any, Protocol

from desk.messages import Message


class Names(Protocol):
    """What a description may look up: labels of the records an entry names (the history provides it)."""

    def group(self, value: Any) -> str: ...

    def registration(self, value: Any) -> str: ...

    def token_type(self, value: Any) -> str: ...

    def round(self, value: Any) -> tuple[str, int | None]: ...

    def grant_registration(self, grant_id: Any) -> int | None: ...


@dataclass(frozen=True)
class Shown:
    """An audit entry as a description sees it."""

    entity: str
    entity_id: int | None
    before: Mapping[str, Any]
    after: Mapping[str, Any]
    names: Names


@dataclass(frozen=True)
class Description:
    """The action in words, and the fields those words already say (left out of the listed change)."""

    text: str
    said: frozenset[str] = frozenset()


class Action(enum.StrEnum):
    """Base of every service's kinds of action. Subclasses define members and ``describe``."""

    def describe(self, shown: Shown) -> Description:  # pragma: no cover - every subclass overrides it
        return Description(str(self.value))

    @property
    def family(self) -> str:
        return self.value.partition(".")[0]


@dataclass(frozen=True)
class Change:
    """One change for ``UnitOfWork.record_changes`` (the bulk form of ``record_change``)."""

    entity: str
    entity_id: int | None
    student_id: int | None = None
    before: Mapping[str, Any] | None = None
    after: Mapping[str, Any] | None = None
    reason: str | Message | None = None
    # True: the portal gets ``after``; a mapping: the portal gets that; False/None: the student does not see it.
    portal: bool | Mapping[str, Any] | None = True
    operation: str = "upsert"
    extra: Mapping[str, Any] = field(default_factory=dict)
    # More records the portal gets for this one change (entity, id): a student imported with their
    # person, programme and login is one audited change and four records to publish.
    with_records: tuple[tuple[str, int], ...] = ()
    # When it happened, when not at the unit's clock: a student's action applied later, in a batch.
    at: datetime | None = None


# The service modules that define kinds of action; the history imports them through here.
ACTION_MODULES = (
    "desk.enrollment",
    "desk.access",
    "desk.tokens",
    "desk.token_rounds",
    "desk.payments",
    "desk.students",
    "desk.student_records",
    "desk.staff",
    "desk.sync",
    "desk.sync_conflicts",
    "desk.sync_schedule",
    "desk.accounts",
    "desk.registrations",
    "desk.groups",
    "desk.group_records",
    "desk.courses",
    "desk.terms",
    "desk.rosters",
    "desk.history",
    "desk.backup",
    "desk.demo",
    "desk.next_term",
    "desk.imports.service",
    "desk.portal.database",
)


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_subclasses(sub))
    return found


@cache
def _registry() -> dict[str, Action]:
    for name in ACTION_MODULES:
        importlib.import_module(name)
    table: dict[str, Action] = {}
    for cls in _subclasses(Action):
        for member in cls:  # type: ignore[attr-defined]
            if member.value in table and table[member.value] is not member:
                raise ValueError(f"action code {member.value!r} is defined twice")
            table[member.value] = member
    return table


def action_of(code: str) -> Action | None:
    """The kind of action a stored code names, or None for a code no service defines (any more)."""
    return _registry().get(code)


def known_actions() -> list[Action]:
    return sorted(_registry().values(), key=lambda member: member.value)


def describe(code: str, shown: Shown) -> Description:
    action = action_of(code)
    if action is None:
        return Description(code)
    return action.describe(shown)
