"""Indexes for a refund: the ledger entry a refund reverses, and the ledger entries and payments of a token request

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 09:00:00
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain CREATE INDEX, not a batch copy: the copy would drop the ledger's append-only triggers on SQLite.
    op.create_index("ix_token_ledger_reverses_id", "token_ledger", ["reverses_id"])
    op.create_index("ix_token_ledger_token_request_id", "token_ledger", ["token_request_id"])
    op.create_index("ix_payments_token_request_id", "payments", ["token_request_id"])


def downgrade() -> None:
    op.drop_index("ix_payments_token_request_id", table_name="payments")
    op.drop_index("ix_token_ledger_token_request_id", table_name="token_ledger")
    op.drop_index("ix_token_ledger_reverses_id", table_name="token_ledger")
