"""Sync runs: the scheduled slot a run took (one run per slot), and a running run's last sign of life

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 11:00:00
"""

from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_runs") as batch_op:
        batch_op.add_column(sa.Column("scheduled_for", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index(op.f("ix_sync_runs_scheduled_for"), "sync_runs", ["scheduled_for"], unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_sync_runs_scheduled_for"), table_name="sync_runs")
    with op.batch_alter_table("sync_runs") as batch_op:
        batch_op.drop_column("heartbeat_at")
        batch_op.drop_column("scheduled_for")
