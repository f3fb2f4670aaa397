"""Token requests keep the reason of their resolution as a code with parameters, not as words

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 12:00:00
"""

from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("token_requests") as batch:
        batch.add_column(sa.Column("resolution_code", sa.String(length=60), nullable=True))
        batch.add_column(sa.Column("resolution_params", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("token_requests") as batch:
        batch.drop_column("resolution_params")
        batch.drop_column("resolution_code")
