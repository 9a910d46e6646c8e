"""extra time (tiers-temps) is a property of the student, given to every exam copy

Until now a teacher set it on each copy of each exam. Existing students get « aucun »; copies
already made keep what was set on them.

Revision ID: 0017_student_extra_time
Revises: 0011_lead_new_variant_per_try
Create Date: 2026-12-04 02:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_student_extra_time"
down_revision: str | None = "0011_lead_new_variant_per_try"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # No batch table copy on SQLite: recreating « students » under its foreign keys fails.
    op.add_column(
        "students",
        sa.Column("amenagement", sa.String(length=20), nullable=False, server_default="aucun"),
    )
    op.add_column(
        "students",
        sa.Column("minutes_en_plus", sa.Integer(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_column("students", "minutes_en_plus")  # SQLite ≥ 3.35 drops them in place
    op.drop_column("students", "amenagement")
