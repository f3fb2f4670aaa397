"""Sync conflicts keep why as codes with parameters, and how they were settled apart from the clerk's reason

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 15:00:00
"""

from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_SETTLED = (("enrolled_over_limit", "enrolled over the limit: "), ("dismissed", "dismissed: "))


def upgrade() -> None:
    with op.batch_alter_table("sync_conflicts") as batch:
        batch.add_column(sa.Column("reasons", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("resolution_kind", sa.String(length=20), nullable=True))
        batch.alter_column("message", existing_type=sa.Text(), nullable=True)
    # Settled conflicts kept the way and the reason in one English sentence: apart now.
    for kind, prefix in _SETTLED:
        op.execute(sa.text("UPDATE sync_conflicts SET resolution_kind = :kind, resolution = substr(resolution, :start) "
                           "WHERE resolution LIKE :pattern").bindparams(kind=kind, start=len(prefix) + 1, pattern=prefix + "%"))


def downgrade() -> None:
    for kind, prefix in _SETTLED:
        op.execute(sa.text("UPDATE sync_conflicts SET resolution = :prefix || resolution WHERE resolution_kind = :kind")
                   .bindparams(kind=kind, prefix=prefix))
    op.execute("UPDATE sync_conflicts SET message = '' WHERE message IS NULL")
    with op.batch_alter_table("sync_conflicts") as batch:
        batch.alter_column("message", existing_type=sa.Text(), nullable=False)
        batch.drop_column("resolution_kind")
        batch.drop_column("reasons")
