"""new variant per try: assignments choose « même énoncé à chaque essai » (default: no)

A new try of an exercise step now gets a new variant (same organisation, new figures), unless
the assignment says ``meme_enonce``. Assignments made before keep the behaviour their students
started with (the same statement on every try): the column is set true for them, and new
assignments default to false.

Revision ID: 0011_lead_new_variant_per_try
Revises: 0010_exam_answers_nested
Create Date: 2026-12-03 21:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_lead_new_variant_per_try"
down_revision: str | None = "0010_exam_answers_nested"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # No batch table copy on SQLite: recreating « assignments » under its foreign keys fails.
    op.add_column(
        "assignments",
        sa.Column("meme_enonce", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.execute(sa.text("UPDATE assignments SET meme_enonce = :oui").bindparams(oui=True))


def downgrade() -> None:
    op.drop_column("assignments", "meme_enonce")  # SQLite ≥ 3.35 drops it in place
