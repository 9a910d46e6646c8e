"""exam correction erreur: a copy whose grading raised is marked for the teacher

Revision ID: 0007_exam_correction_erreur
Revises: 0006_login_known_addresses
Create Date: 2026-12-01 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007_exam_correction_erreur"
down_revision: str | None = "0006_login_known_addresses"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("exam_copies", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "correction_erreur", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("exam_copies", schema=None) as batch_op:
        batch_op.drop_column("correction_erreur")
