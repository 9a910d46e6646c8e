"""rubric grades: the teachers' comment bank for rubric grading

Per-criterion points and comments are kept in the attempt's ``grade`` JSON (« rubrique »
lines), so they need no column; the comment bank is a table: a teacher's reusable comments,
per criterion label or general (``critere`` empty).

Revision ID: 0012_rubric_grades
Revises: 0013_uploads
Create Date: 2026-12-04 03:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0012_rubric_grades"
down_revision: str | None = "0013_uploads"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rubric_comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("critere", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("texte", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["teacher_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_rubric_comments_teacher_critere", "rubric_comments", ["teacher_id", "critere"]
    )


def downgrade() -> None:
    op.drop_index("ix_rubric_comments_teacher_critere", table_name="rubric_comments")
    op.drop_table("rubric_comments")
