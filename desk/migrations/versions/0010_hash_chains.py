"""Audit and ledger entries sealed in hash chains (existing entries hashed in id order); REPLACE refused on SQLite

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 16:00:00
"""

from alembic import op
import sqlalchemy as sa

from desk import chain
from desk.chain import CHAINED_COLUMNS, hashed_in_order
from desk.model import UTCDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_TYPES = {"at": UTCDateTime(), "created_at": UTCDateTime(), "before": sa.JSON(), "after": sa.JSON(),
          "reason_message": sa.JSON()}


def _dialect() -> str:
    return op.get_bind().dialect.name


def _table(name: str) -> sa.Table:
    columns = [sa.column("id", sa.Integer), sa.column("chain_hash", sa.String)]
    columns += [sa.column(c, _TYPES[c]) if c in _TYPES else sa.column(c) for c in CHAINED_COLUMNS[name]]
    return sa.table(name, *columns)


def _guards(create: bool) -> None:
    # The guards of 0001, lifted while existing entries get their hashes.
    if _dialect() == "sqlite":
        for table in CHAINED_COLUMNS:
            for verb in ("UPDATE", "DELETE"):
                if create:
                    op.execute(
                        f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} BEGIN "
                        f"SELECT RAISE(ABORT, '{table} is append-only: entries are never changed or deleted'); END")
                else:
                    op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb.lower()}")
    else:
        for table in CHAINED_COLUMNS:
            op.execute(f"ALTER TABLE {table} {'ENABLE' if create else 'DISABLE'} TRIGGER {table}_append_only")


def _no_replace(table: str) -> str:
    # INSERT OR REPLACE deletes the entry it replaces without firing the DELETE trigger.
    same = "id = NEW.id"
    if table == "token_ledger":
        same += " OR (NEW.idempotency_key IS NOT NULL AND idempotency_key = NEW.idempotency_key)"
    return (f"CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table} "
            f"WHEN EXISTS (SELECT 1 FROM {table} WHERE {same}) BEGIN "
            f"SELECT RAISE(ABORT, '{table} is append-only: an entry is never replaced'); END")


def upgrade() -> None:
    connection = op.get_bind()
    for name in CHAINED_COLUMNS:
        with op.batch_alter_table(name) as batch:
            batch.add_column(sa.Column("chain_hash", sa.String(length=64), nullable=True))
    _guards(create=False)
    for name in CHAINED_COLUMNS:
        table = _table(name)
        columns = [c for c in table.c if c.name != "chain_hash"]
        statement = sa.update(table).where(table.c.id == sa.bindparam("row_id")).values(chain_hash=sa.bindparam("hash"))
        # In batches by id, so that millions of ledger entries never sit in memory at once.
        last_id, previous = 0, None
        while True:
            rows = connection.execute(sa.select(*columns).where(table.c.id > last_id).order_by(table.c.id)
                                      .limit(chain.MIGRATION_BATCH)).mappings().all()
            if not rows:
                break
            hashes = list(hashed_in_order(name, rows, previous))
            connection.execute(statement, [{"row_id": i, "hash": h} for i, h in hashes])
            last_id, previous = hashes[-1]
    _guards(create=True)
    if _dialect() == "sqlite":
        for name in CHAINED_COLUMNS:
            op.execute(_no_replace(name))


def downgrade() -> None:
    if _dialect() == "sqlite":
        for name in CHAINED_COLUMNS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}_no_replace")
    _guards(create=False)
    for name in CHAINED_COLUMNS:
        with op.batch_alter_table(name) as batch:
            batch.drop_column("chain_hash")
    _guards(create=True)
