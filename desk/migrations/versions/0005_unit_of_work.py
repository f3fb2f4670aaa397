"""Audit entries name the system job that acted and keep a system's reason as a code; a seat limit never below the lower limit

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 09:30:00
"""

from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_SQLITE_GUARD = """
CREATE TRIGGER {name} BEFORE {event} ON class_groups
WHEN NEW.seat_limit < NEW.lower_limit
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: limit_not_below_lower_limit');
END
"""


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("job", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("reason_message", sa.JSON(), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        # ALTER TABLE cannot add a CHECK in SQLite; triggers guard the same rule.
        op.execute(_SQLITE_GUARD.format(name="class_groups_limit_not_below_lower_insert", event="INSERT"))
        op.execute(_SQLITE_GUARD.format(name="class_groups_limit_not_below_lower_update",
                                        event="UPDATE OF seat_limit, lower_limit"))
    else:
        op.create_check_constraint("limit_not_below_lower_limit", "class_groups", "seat_limit >= lower_limit")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS class_groups_limit_not_below_lower_insert")
        op.execute("DROP TRIGGER IF EXISTS class_groups_limit_not_below_lower_update")
    else:
        op.drop_constraint("limit_not_below_lower_limit", "class_groups", type_="check")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("reason_message")
        batch.drop_column("job")
