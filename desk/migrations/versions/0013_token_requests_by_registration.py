"""An index on a registration's token requests by status and submission: what each resolution reads first

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 10:00:00
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A registration's pending requests in submission order: read by every resolution, an unregistration's too
    # (the index by round does not serve them: a registration's requests are those of all its rounds).
    op.create_index("ix_token_requests_registration_status", "token_requests", ["registration_id", "status", "submitted_at"])


def downgrade() -> None:
    op.drop_index("ix_token_requests_registration_status", table_name="token_requests")
