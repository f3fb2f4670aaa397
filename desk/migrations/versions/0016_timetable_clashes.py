"""Timetable clashes: a registration may switch the check off, and an enrollment records a clerk's override of it

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 03:00:00

A student is refused a group whose weekly slots overlap a group they already hold in the same term
(``desk.rules``). A registration checks it unless switched off (``clash_check``); a clerk may enroll
or move a student despite a clash with a reason, kept on the enrollment (``despite_clash``) as an
enrollment over the limit is.
"""

from alembic import op
import sqlalchemy as sa

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (no table copy on SQLite, which would drop the registrations' stamp triggers).
    op.add_column("registrations", sa.Column("clash_check", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.add_column("enrollments", sa.Column("despite_clash", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("enrollments", "despite_clash")
    op.drop_column("registrations", "clash_check")
