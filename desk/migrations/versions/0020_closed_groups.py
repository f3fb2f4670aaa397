"""A class group can be closed: its students spread over its siblings, it takes no one and stays visible

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-04 14:00:00
"""

from alembic import op
import sqlalchemy as sa

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (a table copy on SQLite would drop the class groups' limit triggers).
    op.add_column("class_groups", sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("class_groups", "closed_at")
