"""What every kind of imported record has: its columns (named in English, in Polish or with USOS's
field names), its natural key, and how a chunk of rows is judged against the database and written.

A kind module (``desk.imports.people``, ``desk.imports.teaching``, ...) defines a ``Kind`` subclass
for each kind of record; ``desk.imports.service`` streams the file through it in chunks.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from desk.chain import new_ids

from desk.changes import Change
from desk.i18n import translate
from desk.imports.cells import Parser
from desk.staff import Permission
from desk.text import fold
from desk.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Column:
    key: str
    heading: str  # English, a source text of the "ImportColumns" context: the template's heading in English
    polish: str  # the Polish heading (accepted whatever the reader's language)
    parser: Parser
    required: bool = False
    usos: str | None = None  # USOS's field name, e.g. INDEKS
    note: str = ""  # a source text of the "ImportNotes" context
    example: str = ""
    aliases: tuple[str, ...] = ()
    default: Any = None  # what an empty cell means, where it means something

    def shown(self) -> str:
        return translate("ImportColumns", self.heading)

    def names(self) -> Iterable[str]:
        yield self.key
        yield self.heading
        yield self.polish
        if self.usos:
            yield self.usos
        yield from self.aliases


def heading_key(text: str) -> str:
    """The form headings are compared in: folded, no spaces, underscores or punctuation."""
    return "".join(c for c in fold(text) if c.isalnum())


class Status(enum.StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    ERROR = "error"


def status_label(status: Status) -> str:
    return {
        Status.NEW: translate("Import", "new"),
        Status.CHANGED: translate("Import", "changed"),
        Status.UNCHANGED: translate("Import", "unchanged"),
        Status.ERROR: translate("Import", "error"),
    }[status]


@dataclass
class Row:
    """A line of the file as read: its values by column key (None where empty or absent), its key,
    and the problems found so far (column heading, reason)."""

    line: int
    values: dict[str, Any]
    problems: list[tuple[str, str]] = field(default_factory=list)
    # Filled by the kind's judge:
    status: Status = Status.NEW
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (column, old, new) as shown
    before: dict[str, Any] = field(default_factory=dict)  # what the changes replace, by field: for the audit
    current: Any = None  # what the kind found in the database for this row (its own use)

    def problem(self, column: Column | str, reason: str) -> None:
        self.problems.append((column.shown() if isinstance(column, Column) else column, reason))

    def __getitem__(self, key: str) -> Any:
        return self.values.get(key)


def insert_rows(session: Session, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert the rows with their ids given (in this order); the ids."""
    if not rows:
        return []
    ids = new_ids(session, model.__tablename__, len(rows))
    for row, new_id in zip(rows, ids):
        row["id"] = new_id
    session.execute(insert(model.__table__), rows)  # Core: the ORM's bulk path adds a third for nothing here
    return ids


def shown_value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return translate("Import", "yes") if value else translate("Import", "no")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


class Kind:
    """A kind of record a file brings. Subclasses set the class attributes and implement ``judge`` and
    ``write``; ``missing`` when records absent from a file are worth listing."""

    code: str = ""
    title: str = ""  # a source text of the "ImportKinds" context
    entity: str = ""  # the audit entity of a row
    columns: tuple[Column, ...] = ()
    key: tuple[str, ...] = ()  # natural key: column keys
    permission: Permission = Permission.ADMINISTER  # what importing this kind needs
    unit_scoped: bool = False  # a clerk may import it for their units' records

    def shown_title(self) -> str:
        return translate("ImportKinds", self.title)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def row_key(self, row: Row) -> tuple | None:
        values = tuple(row.values.get(k) for k in self.key)
        return None if any(v is None for v in values) else values

    def shown_key(self, row: Row) -> str:
        return " / ".join(shown_value(row.values.get(k)) for k in self.key)

    def begin(self, session: Session, uow: UnitOfWork) -> Any:
        """Reference data the whole file needs (units by code, ...): read once."""
        return None

    def judge(self, session: Session, uow: UnitOfWork, state: Any, rows: Sequence[Row]) -> None:
        """Set each row's status (new, changed with its changes, unchanged) or add its problems."""
        raise NotImplementedError

    def write(self, session: Session, uow: UnitOfWork, state: Any, rows: Sequence[Row]) -> list[Change]:
        """Write the new and changed rows (judged, without problems); the changes to record."""
        raise NotImplementedError

    def records(self, session: Session) -> Iterable[dict[str, Any]]:
        """The records of this kind the desk holds, in the kind's columns: a file that imports as unchanged."""
        raise NotImplementedError

    def missing(self, session: Session, uow: UnitOfWork, state: Any, seen: set[tuple]) -> tuple[int, list[str]]:
        """Records of this kind in the database that the file does not name (``seen``: the hashes of the keys
        it names): how many, and the first few."""
        return 0, []


def compare(row: Row, kind: Kind, current: dict[str, Any], keys: Iterable[str]) -> None:
    """Judge a row against the current values of an existing record: changed (which fields) or unchanged.
    Only columns the file has are compared (``row.values`` holds a key only for those)."""
    row.changes = []
    for key in keys:
        if key not in row.values:
            continue
        new, old = row.values[key], current.get(key)
        if new != old:
            row.changes.append((kind.column(key).shown(), shown_value(old), shown_value(new)))
            row.before[key] = old
    row.status = Status.CHANGED if row.changes else Status.UNCHANGED
