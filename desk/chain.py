"""The hash chains of the append-only tables: each audit and ledger entry sealed with its predecessor's hash.

An entry's ``chain_hash`` is the SHA-256 (hex) of its predecessor's hash (the entry with the next
lower id; none for the first) and its own content in a canonical form. Changing, removing or
replacing an entry, however it is done (SQL with the guard triggers dropped, an edited file),
breaks the chain at that entry or the one after it, and ``desk check`` names it. The chain is
evidence, not a lock: whoever can rewrite every later entry with this public recipe can hide a
change, which is why the guard triggers are checked as well.

Every writer seals what it inserts with ``seal`` inside its transaction, in bulk for a batch. On
PostgreSQL writers serialize on the chains with a transaction-level advisory lock taken before the
last hash is read (one lock for both chains: a transaction writing both takes them in no fixed
order otherwise); on SQLite a write transaction holds the write lock from BEGIN IMMEDIATE.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from enum import Enum
from functools import cache
from typing import Any

from sqlalchemy import Table, select, text
from sqlalchemy.orm import Session

# The columns each chain seals, in this order; a new column of these tables is left out of the
# content (entries written before it could not carry it) unless a new recipe is introduced.
CHAINED_COLUMNS: dict[str, tuple[str, ...]] = {
    "audit_log": ("at", "staff_id", "job", "action", "entity", "entity_id", "student_id", "before", "after", "reason",
                  "reason_message"),
    "token_ledger": ("student_id", "token_type_id", "kind", "amount", "reason", "reason_message", "document_ref",
                     "idempotency_key", "reverses_id", "token_request_id", "created_at", "created_by_id"),
}
CHAINED_TABLES = tuple(CHAINED_COLUMNS)

# pg_advisory_xact_lock(key): one key for both chains (see the module's docstring).
_LOCK_KEY = 0x6465736B  # "desk"
MIGRATION_BATCH = 5000  # existing entries hashed per batch by the migration that introduced the chains


_AS_IS = frozenset({str, int, float, bool, type(None)})


def _canonical(value: Any) -> Any:
    kind = type(value)
    if kind in _AS_IS:  # most values: no isinstance chain (the check hashes millions of them)
        return value
    if kind is dict:
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    return value


def entry_hash(table: str, previous: str | None, values: Mapping[str, Any]) -> str:
    """The hash of one entry: its predecessor's hash and its chained columns (missing ones are NULL)."""
    get = values.get
    content = [previous or ""] + [_canonical(get(name)) for name in CHAINED_COLUMNS[table]]
    encoded = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=True)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _table_name(table: Table | str) -> str:
    return table if isinstance(table, str) else table.name


def last_hash(session: Session, table: Table | str) -> str | None:
    """The chain's end: the hash of the entry with the highest id, after taking the chains' lock."""
    name = _table_name(table)
    session.flush()  # an entry still pending in the session is the chain's end
    if session.get_bind().dialect.name == "postgresql":
        _lock_chains(session)
    return session.execute(text(f"SELECT chain_hash FROM {name} ORDER BY id DESC LIMIT 1")).scalar()


def _lock_chains(session: Session) -> None:
    """The chains' lock, once a transaction: it is held to the transaction's end, unless the savepoint that
    took it is rolled back (PostgreSQL releases it with the savepoint; then it is taken again)."""
    holder = session.info.get(_LOCKED_IN)
    if holder is not None and holder.is_active:
        return
    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
    session.info[_LOCKED_IN] = session.get_nested_transaction() or session.get_transaction()


_LOCKED_IN = "desk.chain.locked_in"  # session.info: the (nested) transaction that took the chains' lock


def seal(session: Session, table: Table | str, rows: Sequence[dict[str, Any]], *,
         assign_ids: bool = False) -> Sequence[dict[str, Any]]:
    """Set ``chain_hash`` on rows about to be inserted in this order (ids ascending), in the open transaction.

    ``assign_ids``: give the rows their ids here too, ascending in this order, so that a plain
    multi-row INSERT keeps the chain's order without RETURNING (sorting it costs more than hashing).
    """
    if not rows:
        return rows
    name = _table_name(table)
    if assign_ids and session.get_bind().dialect.name == "sqlite":
        # The chain's end and the last id in one read (the write lock is held from BEGIN IMMEDIATE).
        session.flush()
        top = session.execute(_top(name)).first()
        previous = top.chain_hash if top is not None else None
        for offset, row in enumerate(rows, start=(top.id if top is not None else 0) + 1):
            row["id"] = offset
    elif assign_ids:  # PostgreSQL: the chain's end and the new ids in one statement, under the chains' lock
        session.flush()
        _lock_chains(session)
        drawn = session.execute(_ENDS_AND_IDS[name], {"count": len(rows)}).all()
        previous = drawn[0].last if drawn else None
        for row, new_id in zip(rows, sorted(d.id for d in drawn)):
            row["id"] = new_id
    else:
        previous = last_hash(session, name)
    for row in rows:
        previous = row["chain_hash"] = entry_hash(name, previous, row)
    return rows


_ENDS_AND_IDS = {name: text(f"SELECT (SELECT chain_hash FROM {name} ORDER BY id DESC LIMIT 1) AS last, "
                           f"nextval(pg_get_serial_sequence('{name}', 'id')) AS id FROM generate_series(1, :count)")
                 for name in CHAINED_TABLES}


@cache
def _top(name: str):
    return text(f"SELECT id, chain_hash FROM {name} ORDER BY id DESC LIMIT 1")


def new_ids(session: Session, name: str, count: int) -> list[int]:
    """``count`` new ids of a table, ascending, for rows inserted with their ids given (a plain multi-row
    INSERT, much cheaper than one that returns them). In a write transaction: SQLite's write lock, or
    PostgreSQL's sequence, keeps another writer from drawing the same ids."""
    if session.get_bind().dialect.name == "postgresql":
        return sorted(session.execute(text(f"SELECT nextval(pg_get_serial_sequence('{name}', 'id')) "
                                           "FROM generate_series(1, :count)"), {"count": count}).scalars())
    top = session.execute(text(f"SELECT max(id) FROM {name}")).scalar() or 0
    return list(range(top + 1, top + 1 + count))


def hashed_in_order(table: str, rows: Iterable[Mapping[str, Any]], previous: str | None = None) -> Iterator[tuple[Any, str]]:
    """(id, hash) of existing rows read in id order, each chained to the one before (for a migration)."""
    for row in rows:
        previous = entry_hash(table, previous, row)
        yield row["id"], previous


def broken_links(table: str, rows: Iterable[Mapping[str, Any]]) -> Iterator[tuple[Any, str | None, str]]:
    """(id, stored, expected) of each entry whose hash does not follow from its content and its predecessor's hash."""
    previous = None
    for row in rows:
        expected = entry_hash(table, previous, row)
        stored = row["chain_hash"]
        if stored != expected:
            yield row["id"], stored, expected
        previous = stored
