"""Token allocation rules: which students get how many tokens of a type, automatically

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 23:30:00
"""

from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _enum(name: str, values: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=24)


def upgrade() -> None:
    op.create_table(
        "token_allocation_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_type_id", sa.Integer(), nullable=False),
        sa.Column("level", _enum("programme_level", ("first_cycle", "second_cycle", "long_cycle", "doctoral")), nullable=True),
        sa.Column("mode", _enum("study_mode", ("full_time", "part_time")), nullable=True),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_token_allocation_rules_amount_positive")),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff_users.id"], name=op.f("fk_token_allocation_rules_created_by_id_staff_users")),
        sa.ForeignKeyConstraint(["token_type_id"], ["token_types.id"], name=op.f("fk_token_allocation_rules_token_type_id_token_types")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_token_allocation_rules")),
    )
    op.create_index(op.f("ix_token_allocation_rules_token_type_id"), "token_allocation_rules", ["token_type_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_token_allocation_rules_token_type_id"), table_name="token_allocation_rules")
    op.drop_table("token_allocation_rules")
