"""evidence: the teacher's positionnement, when a step was first shown, a penalty per extra try

- ``competency_positionnements``: the level a teacher sets by hand for a student on a
  competency, with a comment; it wins over the computed level (docs/competences.md).
- ``step_displays``: when a student first saw a step, so the teacher sees how long each try took.
- ``assignments.penalite_essai``: % of a step's points taken off per extra try (0 for the
  existing assignments: their marks do not change).

The weighted levels need no column: an evidence's context is its attempt's stored ``niveau``,
or its exam answer.

Revision ID: 0015_evidence_positionnement
Revises: 0012_rubric_grades
Create Date: 2026-12-04 02:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0015_evidence_positionnement"
down_revision: str | None = "0012_rubric_grades"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "competency_positionnements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("niveau", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("commentaire", sa.Text(), nullable=True),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"]),
        sa.ForeignKeyConstraint(["teacher_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("student_id", "code", name="uq_positionnement_student_code"),
    )
    op.create_index(
        "ix_competency_positionnements_student_id",
        "competency_positionnements",
        ["student_id"],
        unique=False,
    )
    op.create_table(
        "step_displays",
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("step_index", sa.Integer(), nullable=False),
        sa.Column("shown_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["assignment_id"], ["assignments.id"]),
        sa.ForeignKeyConstraint(["student_id"], ["students.id"]),
        sa.PrimaryKeyConstraint("student_id", "assignment_id", "step_index"),
    )
    # No batch table copy on SQLite: recreating « assignments » under its foreign keys fails.
    op.add_column(
        "assignments",
        sa.Column("penalite_essai", sa.Integer(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_column("assignments", "penalite_essai")  # SQLite ≥ 3.35 drops it in place
    op.drop_table("step_displays")
    op.drop_index(
        "ix_competency_positionnements_student_id", table_name="competency_positionnements"
    )
    op.drop_table("competency_positionnements")
