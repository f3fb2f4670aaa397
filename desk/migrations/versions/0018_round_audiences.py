"""Rounds for chosen students, and staggered starts

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04 12:00:00

A round may be meant for an audience: the students of a programme, level, mode and stage (any left
open), or those on its list (``round_students``). A staggered round opens at each student's own
minute (``round_starts``: their turn by a ranking the unit provides, or by their cohort); a student
without a minute of their own opens it with the last turn (``last_turn_at``, set with the turns).
"""

from alembic import op
import sqlalchemy as sa

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

# Added to an existing table: SQLite cannot add their CHECKs there (the services write only the enums' values).
_LEVEL = sa.Enum("first_cycle", "second_cycle", "long_cycle", "doctoral", name="programme_level", native_enum=False,
                 length=24, create_constraint=False)
_MODE = sa.Enum("full_time", "part_time", name="study_mode", native_enum=False, length=24, create_constraint=False)


def upgrade() -> None:
    # Plain ADD COLUMNs: a table copy on SQLite would drop the rounds' stamp triggers (migration 0015).
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE rounds ADD COLUMN audience_programme_id INTEGER "
                   "CONSTRAINT fk_rounds_audience_programme_id_programmes REFERENCES programmes (id)")
    else:
        op.add_column("rounds", sa.Column("audience_programme_id", sa.Integer(), nullable=True))
        op.create_foreign_key(op.f("fk_rounds_audience_programme_id_programmes"), "rounds", "programmes",
                              ["audience_programme_id"], ["id"])
    op.add_column("rounds", sa.Column("audience_level", _LEVEL, nullable=True))
    op.add_column("rounds", sa.Column("audience_mode", _MODE, nullable=True))
    op.add_column("rounds", sa.Column("audience_stage", sa.Integer(), nullable=True))
    op.add_column("rounds", sa.Column("audience_listed", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("rounds", sa.Column("last_turn_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "round_students",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["round_id"], ["rounds.id"], name=op.f("fk_round_students_round_id_rounds")),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"], name=op.f("fk_round_students_student_id_students")),
        sa.PrimaryKeyConstraint("round_id", "student_id", name=op.f("pk_round_students")),
    )
    op.create_index(op.f("ix_round_students_student_id"), "round_students", ["student_id"])
    op.create_table(
        "round_starts",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("turn", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["round_id"], ["rounds.id"], name=op.f("fk_round_starts_round_id_rounds")),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"], name=op.f("fk_round_starts_student_id_students")),
        sa.PrimaryKeyConstraint("round_id", "student_id", name=op.f("pk_round_starts")),
    )
    op.create_index(op.f("ix_round_starts_student_id"), "round_starts", ["student_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_round_starts_student_id"), table_name="round_starts")
    op.drop_table("round_starts")
    op.drop_index(op.f("ix_round_students_student_id"), table_name="round_students")
    op.drop_table("round_students")
    for column in ("last_turn_at", "audience_listed", "audience_stage", "audience_mode", "audience_level"):
        op.drop_column("rounds", column)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE rounds DROP COLUMN audience_programme_id")
    else:
        op.drop_constraint(op.f("fk_rounds_audience_programme_id_programmes"), "rounds", type_="foreignkey")
        op.drop_column("rounds", "audience_programme_id")
