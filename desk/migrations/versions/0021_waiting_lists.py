"""Waiting lists: a registration may keep a list for each full group; a freed seat goes to the first who may take it

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04 15:00:00
"""

from alembic import op
import sqlalchemy as sa

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

_STATUS = sa.Enum("waiting", "enrolled", "removed", name="waiting_status", native_enum=False, length=24,
                  create_constraint=True)


def upgrade() -> None:
    # A plain ADD COLUMN (a table copy on SQLite would drop the registrations' stamp triggers).
    op.add_column("registrations", sa.Column("waiting_lists", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "waiting_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("portal_key", sa.String(length=100), nullable=True),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status", _STATUS, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("enrollment_id", sa.Integer(), nullable=True),
        sa.Column("reason_code", sa.String(length=60), nullable=True),
        sa.Column("reason_params", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["registration_id"], ["registrations.id"],
                                name=op.f("fk_waiting_entries_registration_id_registrations")),
        sa.ForeignKeyConstraint(["group_id"], ["class_groups.id"], name=op.f("fk_waiting_entries_group_id_class_groups")),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"], name=op.f("fk_waiting_entries_student_id_students")),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff_users.id"],
                                name=op.f("fk_waiting_entries_created_by_id_staff_users")),
        sa.ForeignKeyConstraint(["enrollment_id"], ["enrollments.id"],
                                name=op.f("fk_waiting_entries_enrollment_id_enrollments")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_waiting_entries")),
        sa.UniqueConstraint("portal_key", name=op.f("uq_waiting_entries_portal_key")),
    )
    op.create_index(op.f("ix_waiting_entries_student_id"), "waiting_entries", ["student_id"])
    op.create_index("ix_waiting_entries_group_status", "waiting_entries", ["group_id", "status", "position"])
    op.create_index("uq_waiting_entries_waiting", "waiting_entries", ["group_id", "student_id"], unique=True,
                    sqlite_where=sa.text("status = 'waiting'"), postgresql_where=sa.text("status = 'waiting'"))


def downgrade() -> None:
    op.drop_index("uq_waiting_entries_waiting", table_name="waiting_entries")
    op.drop_index("ix_waiting_entries_group_status", table_name="waiting_entries")
    op.drop_index(op.f("ix_waiting_entries_student_id"), table_name="waiting_entries")
    op.drop_table("waiting_entries")
    op.drop_column("registrations", "waiting_lists")
