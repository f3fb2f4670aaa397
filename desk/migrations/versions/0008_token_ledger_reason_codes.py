"""Token ledger entries keep a reason the system gives as a code with parameters, not as words

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 14:00:00
"""

from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("token_ledger") as batch:
        batch.add_column(sa.Column("reason_message", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("token_ledger") as batch:
        batch.drop_column("reason_message")
