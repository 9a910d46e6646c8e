"""uploads: files handed in by students (a poster: PDF, PNG or JPEG), stored by sha256

Revision ID: 0013_uploads
Revises: 0017_student_extra_time
Create Date: 2026-12-04 02:45:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0013_uploads"
down_revision: str | None = "0017_student_extra_time"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "uploads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=True),
        sa.Column("nom", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("media_type", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("taille", sa.Integer(), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"]),
        sa.ForeignKeyConstraint(["attempt_id"], ["step_attempts.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("student_id", "attempt_id", "sha256"):
        op.create_index(op.f(f"ix_uploads_{column}"), "uploads", [column], unique=False)


def downgrade() -> None:
    for column in ("student_id", "attempt_id", "sha256"):
        op.drop_index(op.f(f"ix_uploads_{column}"), table_name="uploads")
    op.drop_table("uploads")
