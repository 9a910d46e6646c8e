"""classe archive: a class can be archived (off the home list, nothing deleted)

Revision ID: 0005_classe_archive
Revises: 0004_exam_evidence
Create Date: 2026-11-28 07:08:18.031238
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0005_classe_archive"
down_revision: str | None = "0004_exam_evidence"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("classes", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("archived_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("classes", schema=None) as batch_op:
        batch_op.drop_column("archived_at")
