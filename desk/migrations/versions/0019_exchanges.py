"""Exchanges: students' wishes to swap a group for a sibling, carried out together at exchange breaks

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04 13:00:00

A registration may allow exchanges (``registrations.exchanges``). A wish leaves a group the student
holds (its enrollment) for one of the groups it names, in the student's order of preference; an
exchange break carries out every set of wishes that can be satisfied together: pairs, cycles, and
chains that end in a free seat.
"""

from alembic import op
import sqlalchemy as sa

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

_STATUS = sa.Enum("open", "done", "withdrawn", "void", name="wish_status", native_enum=False, length=24,
                  create_constraint=True)


def upgrade() -> None:
    # A plain ADD COLUMN (a table copy on SQLite would drop the registrations' stamp triggers).
    op.add_column("registrations", sa.Column("exchanges", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "exchange_wishes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("portal_key", sa.String(length=100), nullable=True),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("enrollment_id", sa.Integer(), nullable=False),
        sa.Column("from_group_id", sa.Integer(), nullable=False),
        sa.Column("status", _STATUS, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_enrollment_id", sa.Integer(), nullable=True),
        sa.Column("reason_code", sa.String(length=60), nullable=True),
        sa.Column("reason_params", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"], name=op.f("fk_exchange_wishes_student_id_students")),
        sa.ForeignKeyConstraint(["registration_id"], ["registrations.id"],
                                name=op.f("fk_exchange_wishes_registration_id_registrations")),
        sa.ForeignKeyConstraint(["enrollment_id"], ["enrollments.id"],
                                name=op.f("fk_exchange_wishes_enrollment_id_enrollments")),
        sa.ForeignKeyConstraint(["from_group_id"], ["class_groups.id"],
                                name=op.f("fk_exchange_wishes_from_group_id_class_groups")),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff_users.id"],
                                name=op.f("fk_exchange_wishes_created_by_id_staff_users")),
        sa.ForeignKeyConstraint(["done_enrollment_id"], ["enrollments.id"],
                                name=op.f("fk_exchange_wishes_done_enrollment_id_enrollments")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_wishes")),
        sa.UniqueConstraint("portal_key", name=op.f("uq_exchange_wishes_portal_key")),
    )
    op.create_index(op.f("ix_exchange_wishes_student_id"), "exchange_wishes", ["student_id"])
    op.create_index("ix_exchange_wishes_registration_status", "exchange_wishes",
                    ["registration_id", "status", "created_at"])
    op.create_table(
        "exchange_wish_targets",
        sa.Column("wish_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("preference", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["wish_id"], ["exchange_wishes.id"],
                                name=op.f("fk_exchange_wish_targets_wish_id_exchange_wishes")),
        sa.ForeignKeyConstraint(["group_id"], ["class_groups.id"],
                                name=op.f("fk_exchange_wish_targets_group_id_class_groups")),
        sa.PrimaryKeyConstraint("wish_id", "group_id", name=op.f("pk_exchange_wish_targets")),
    )


def downgrade() -> None:
    op.drop_table("exchange_wish_targets")
    op.drop_index("ix_exchange_wishes_registration_status", table_name="exchange_wishes")
    op.drop_index(op.f("ix_exchange_wishes_student_id"), table_name="exchange_wishes")
    op.drop_table("exchange_wishes")
    op.drop_column("registrations", "exchanges")
