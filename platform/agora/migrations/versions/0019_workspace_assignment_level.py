"""the level a teacher gives a mission at, per assignment

Revision ID: 0019_workspace_assignment_level
Revises: 0018_login_limits
Create Date: 2026-12-04 06:10:00.000000

Existing rows keep NULL, read as the mission's own level: the level they were given.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019_workspace_assignment_level"
down_revision: str | None = "0018_login_limits"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # No batch table copy on SQLite: recreating « assignments » under its foreign keys fails.
    op.add_column("assignments", sa.Column("niveau", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("assignments", "niveau")  # SQLite ≥ 3.35 drops it in place
