"""Audit entries grouped in change sets (an import is one entry that opens to its rows); a programme status's end date

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 09:00:00
"""

from alembic import op
import sqlalchemy as sa

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN, not a batch copy: the copy would drop the audit log's append-only triggers on SQLite.
    # The column is outside the hash chain's recipe (desk.chain): it groups entries, it is not their content.
    op.add_column("audit_log", sa.Column("change_set_id", sa.Integer(), nullable=True))
    op.create_index("ix_audit_log_change_set", "audit_log", ["change_set_id"])
    op.add_column("student_programmes", sa.Column("status_until", sa.Date(), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN on both databases (SQLite 3.35+), for the same reason as ADD COLUMN above.
    op.drop_index("ix_audit_log_change_set", table_name="audit_log")
    op.execute("ALTER TABLE audit_log DROP COLUMN change_set_id")
    op.execute("ALTER TABLE student_programmes DROP COLUMN status_until")
