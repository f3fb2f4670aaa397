"""A kind of record kept in one table with a natural key, its references given by code: units, terms,
programmes, courses, groups, rounds and the like. The whole table's keys are read once (these are
thousands of rows, not hundreds of thousands); a subclass names its model, how a file's column maps
to a field, the references, and any checks of its own."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desk.changes import Change
from desk.i18n import translate
from desk.imports.kind import Kind, Row, Status, insert_rows, shown_value
from desk.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Reference:
    """A column whose code names a record of another table: ``field`` gets that record's id."""

    column: str
    field: str
    model: Any
    code_attr: str = "code"
    problem: str = ""  # a source text of the "Import" context with %1 for the code


@dataclass
class TableState:
    references: dict[str, dict[Any, int]]
    existing: dict[tuple, tuple[int, dict[str, Any]]]  # key: id, current field values
    extra: dict[str, Any] = field(default_factory=dict)


class TableKind(Kind):
    model: Any = None
    fields: tuple[str, ...] = ()  # model attributes written from the row (after references are resolved)
    key_fields: tuple[str, ...] = ()  # model attributes of the natural key (references resolved), matching ``key``
    references: tuple[Reference, ...] = ()
    published: bool = False  # the portal shows these records: each is queued under ``entity``
    defaults: dict[str, Any] = {}

    def begin(self, session: Session, uow: UnitOfWork) -> TableState:
        references = {}
        for ref in self.references:
            references[ref.column] = {code: rid for rid, code in
                                      session.execute(select(ref.model.id, getattr(ref.model, ref.code_attr)))}
        existing = {}
        attrs = [getattr(self.model, name) for name in (*self.key_fields, *self.fields)]
        for rid, *values in session.execute(select(self.model.id, *attrs)):
            key = tuple(values[:len(self.key_fields)])
            existing[key] = (rid, dict(zip(self.fields, values[len(self.key_fields):])))
        state = TableState(references, existing)
        self.prepare(session, uow, state)
        return state

    def prepare(self, session: Session, uow: UnitOfWork, state: TableState) -> None:
        """More reference data of a subclass."""

    def record(self, state: TableState, row: Row) -> dict[str, Any] | None:
        """The row as the model's values (references resolved), or None with the row's problems added."""
        values: dict[str, Any] = {}
        for ref in self.references:
            code = row[ref.column]
            if code is None:
                values[ref.field] = None
                continue
            found = state.references[ref.column].get(code)
            if found is None:
                row.problem(self.column(ref.column), translate("Import", ref.problem or "%1 is not known at the desk")
                            .replace("%1", str(code)))
                continue
            values[ref.field] = found
        for name in (*self.key_fields, *self.fields):
            if name not in values and name in row.values:
                values[name] = row.values[name]
        return None if row.problems else values

    def check(self, session: Session, uow: UnitOfWork, state: TableState, row: Row, values: dict[str, Any],
              current: tuple[int, dict[str, Any]] | None) -> None:
        """Checks of a subclass (bounds between fields, permissions by unit, ...): add the row's problems."""

    def judge(self, session: Session, uow: UnitOfWork, state: TableState, rows: Sequence[Row]) -> None:
        for row in rows:
            values = self.record(state, row)
            if values is None:
                continue
            key = tuple(values.get(name) for name in self.key_fields)
            current = state.existing.get(key)
            self.check(session, uow, state, row, values, current)
            if row.problems:
                continue
            row.current = (key, values, current)
            if current is None:
                row.status = Status.NEW
            else:
                self.compare_fields(state, row, values, current)

    def compare_fields(self, state: TableState, row: Row, values: dict[str, Any],
                       current: tuple[int, dict[str, Any]]) -> None:
        """Changed or unchanged: compared field by field, shown under the file's column headings."""
        record_id, current = current
        by_field = {ref.field: ref.column for ref in self.references}
        row.changes = []
        for name in self.fields:
            if name not in values:
                continue
            if values[name] != current.get(name):
                column = by_field.get(name, name)
                heading = self.column(column).shown() if any(c.key == column for c in self.columns) else name
                row.changes.append((heading, shown_value(current.get(name)), shown_value(values[name])))
                row.before[name] = current.get(name)
        row.status = Status.CHANGED if row.changes else Status.UNCHANGED

    def write(self, session: Session, uow: UnitOfWork, state: TableState, rows: Sequence[Row]) -> list[Change]:
        new = [row for row in rows if row.current[2] is None]
        changed = [row for row in rows if row.current[2] is not None]
        ids: dict[int, int] = {}
        if new:
            inserted = insert_rows(session, self.model, [self.insert_values(uow, row.current[1]) for row in new])
            for row, rid in zip(new, inserted):
                ids[row.line] = rid
                state.existing[row.current[0]] = (rid, {k: row.current[1].get(k) for k in self.fields})
        if changed:
            session.execute(update(self.model), [
                {"id": row.current[2][0], **{k: v for k, v in row.current[1].items() if k in self.fields}}
                for row in changed])
            for row in changed:
                ids[row.line] = row.current[2][0]
                state.existing[row.current[0]][1].update({k: v for k, v in row.current[1].items() if k in self.fields})
        self.after_write(session, uow, state, rows, ids)
        return [self.change(row, ids[row.line]) for row in rows]

    def records(self, session: Session) -> Iterator[dict[str, Any]]:
        return records_of_table(self, session)

    def missing(self, session: Session, uow: UnitOfWork, state: TableState, seen: set[int]) -> tuple[int, list[str]]:
        """The table's records whose key the file does not name (its references turned back into codes)."""
        codes = {ref.field: {rid: code for code, rid in state.references[ref.column].items()} for ref in self.references}
        by_column = {ref.column: ref.field for ref in self.references}
        count, first = 0, []
        for key in state.existing:
            file_key = self.file_key(state, dict(zip(self.key_fields, key)), codes, by_column)
            if hash(file_key) in seen:
                continue
            count += 1
            if len(first) < 50:
                first.append(" / ".join(shown_value(v) for v in file_key))
        return count, first

    def file_key(self, state: TableState, values: dict[str, Any], codes: dict, by_column: dict) -> tuple:
        """A record's key as a file gives it: references as codes."""
        return tuple(codes[by_column[c]].get(values[by_column[c]]) if c in by_column else values.get(c) for c in self.key)

    def insert_values(self, uow: UnitOfWork, values: dict[str, Any]) -> dict[str, Any]:
        """The new record's columns (keys starting with ``_`` are a subclass's own, not columns)."""
        return {**self.defaults, **{k: v for k, v in values.items() if not k.startswith("_")}}

    def after_write(self, session: Session, uow: UnitOfWork, state: TableState, rows: Sequence[Row],
                    ids: dict[int, int]) -> None:
        """Rows of other tables a subclass writes with its own (a group's teachers, ...)."""

    def change(self, row: Row, record_id: int) -> Change:
        after = {"line": row.line, "key": self.shown_key(row), **row.values}
        before = dict(row.before) if row.status is Status.CHANGED else None
        return Change(self.entity, record_id, None, before, after, None, {} if self.published else False)



def records_of_table(kind: TableKind, session: Session) -> Iterator[dict[str, Any]]:
    """The table's records in the kind's columns (references as codes), in id order: what a file would say."""
    codes = {ref.column: {rid: code for rid, code in session.execute(select(ref.model.id, getattr(ref.model, ref.code_attr)))}
             for ref in kind.references}
    by_field = {ref.field: ref.column for ref in kind.references}
    names = [name for name in (*kind.key_fields, *kind.fields) if hasattr(kind.model, name)]
    for row in session.execute(select(*(getattr(kind.model, n) for n in names)).order_by(kind.model.id)):
        record: dict[str, Any] = {}
        for name, value in zip(names, row):
            column = by_field.get(name)
            if column is not None:
                record[column] = codes[column].get(value) if value is not None else None
            else:
                record[name] = value
        yield record
