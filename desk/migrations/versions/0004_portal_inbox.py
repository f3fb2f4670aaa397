"""Portal inbox: student actions applied from the portal, one row per action key

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 20:45:00
"""

from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "portal_inbox",
        sa.Column("action_key", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sync_run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"], name=op.f("fk_portal_inbox_student_id_students")),
        sa.ForeignKeyConstraint(["sync_run_id"], ["sync_runs.id"], name=op.f("fk_portal_inbox_sync_run_id_sync_runs")),
        sa.PrimaryKeyConstraint("action_key", name=op.f("pk_portal_inbox")),
    )
    op.create_index(op.f("ix_portal_inbox_student_id"), "portal_inbox", ["student_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_portal_inbox_student_id"), table_name="portal_inbox")
    op.drop_table("portal_inbox")
