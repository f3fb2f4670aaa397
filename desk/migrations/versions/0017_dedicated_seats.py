"""Dedicated seats: a class group's seats split into shares for chosen students

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 11:00:00

A share is N seats of a group for the students matching a programme, level, mode and stage (any left
open) or on its list; the rest of the group is everyone's. A share is released at an instant, when a
round starts, or by a clerk, and its free seats then go to everyone. The group row keeps the seats
and the takers of its shares not yet released (``reserved_seats``, ``reserved_taken``), so that the
conditional UPDATE that takes everyone else's seat reads them in the row it locks; an enrollment
keeps the share whose seat it took.
"""

from alembic import op
import sqlalchemy as sa

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

_LEVEL = sa.Enum("first_cycle", "second_cycle", "long_cycle", "doctoral", name="programme_level", native_enum=False,
                 length=24, create_constraint=True)
_MODE = sa.Enum("full_time", "part_time", name="study_mode", native_enum=False, length=24, create_constraint=True)


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.create_table(
        "seat_shares",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("taken", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=True),
        sa.Column("level", _LEVEL, nullable=True),
        sa.Column("mode", _MODE, nullable=True),
        sa.Column("stage", sa.Integer(), nullable=True),
        sa.Column("listed", sa.Boolean(), nullable=False),
        sa.Column("release_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("release_round_id", sa.Integer(), nullable=True),
        sa.Column("released_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("seats >= 1", name=op.f("ck_seat_shares_seats_positive")),
        sa.CheckConstraint("taken >= 0 AND taken <= seats", name=op.f("ck_seat_shares_taken_within_seats")),
        sa.CheckConstraint("stage IS NULL OR stage >= 1", name=op.f("ck_seat_shares_stage_positive")),
        sa.ForeignKeyConstraint(["group_id"], ["class_groups.id"], name=op.f("fk_seat_shares_group_id_class_groups")),
        sa.ForeignKeyConstraint(["programme_id"], ["programmes.id"], name=op.f("fk_seat_shares_programme_id_programmes")),
        sa.ForeignKeyConstraint(["release_round_id"], ["rounds.id"], name=op.f("fk_seat_shares_release_round_id_rounds")),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff_users.id"], name=op.f("fk_seat_shares_created_by_id_staff_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seat_shares")),
    )
    op.create_index(op.f("ix_seat_shares_group_id"), "seat_shares", ["group_id"])
    op.create_table(
        "seat_share_students",
        sa.Column("share_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["share_id"], ["seat_shares.id"], name=op.f("fk_seat_share_students_share_id_seat_shares")),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"], name=op.f("fk_seat_share_students_student_id_students")),
        sa.PrimaryKeyConstraint("share_id", "student_id", name=op.f("pk_seat_share_students")),
    )
    op.create_index(op.f("ix_seat_share_students_student_id"), "seat_share_students", ["student_id"])
    if sqlite:
        # Plain ADD COLUMNs (a table copy would drop the triggers of class_groups and enrollments), their
        # checks as column constraints.
        op.execute("ALTER TABLE class_groups ADD COLUMN reserved_seats INTEGER NOT NULL DEFAULT 0")
        op.execute("ALTER TABLE class_groups ADD COLUMN reserved_taken INTEGER NOT NULL DEFAULT 0 "
                   "CONSTRAINT ck_class_groups_reserved_within_shares "
                   "CHECK (reserved_taken >= 0 AND reserved_taken <= reserved_seats) "
                   "CONSTRAINT ck_class_groups_general_within_limit "
                   "CHECK (enrolled_count - reserved_taken <= seat_limit - reserved_seats + over_limit_count)")
        op.execute("ALTER TABLE enrollments ADD COLUMN share_id INTEGER "
                   "CONSTRAINT fk_enrollments_share_id_seat_shares REFERENCES seat_shares (id)")
    else:
        op.add_column("class_groups", sa.Column("reserved_seats", sa.Integer(), nullable=False, server_default=sa.text("0")))
        op.add_column("class_groups", sa.Column("reserved_taken", sa.Integer(), nullable=False, server_default=sa.text("0")))
        op.create_check_constraint(op.f("ck_class_groups_reserved_within_shares"), "class_groups",
                                   "reserved_taken >= 0 AND reserved_taken <= reserved_seats")
        op.create_check_constraint(op.f("ck_class_groups_general_within_limit"), "class_groups",
                                   "enrolled_count - reserved_taken <= seat_limit - reserved_seats + over_limit_count")
        op.add_column("enrollments", sa.Column("share_id", sa.Integer(), nullable=True))
        op.create_foreign_key(op.f("fk_enrollments_share_id_seat_shares"), "enrollments", "seat_shares", ["share_id"], ["id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # Each constraint was declared with its column, so the column drops with it (the takers' first: its
        # check names the seats).
        op.execute("ALTER TABLE enrollments DROP COLUMN share_id")
        op.execute("ALTER TABLE class_groups DROP COLUMN reserved_taken")
        op.execute("ALTER TABLE class_groups DROP COLUMN reserved_seats")
    else:
        op.drop_constraint(op.f("fk_enrollments_share_id_seat_shares"), "enrollments", type_="foreignkey")
        op.drop_column("enrollments", "share_id")
        op.drop_constraint(op.f("ck_class_groups_general_within_limit"), "class_groups", type_="check")
        op.drop_constraint(op.f("ck_class_groups_reserved_within_shares"), "class_groups", type_="check")
        op.drop_column("class_groups", "reserved_taken")
        op.drop_column("class_groups", "reserved_seats")
    op.drop_index(op.f("ix_seat_share_students_student_id"), table_name="seat_share_students")
    op.drop_table("seat_share_students")
    op.drop_index(op.f("ix_seat_shares_group_id"), table_name="seat_shares")
    op.drop_table("seat_shares")
