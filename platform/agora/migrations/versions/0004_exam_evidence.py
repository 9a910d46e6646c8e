"""exam evidence: a published exam answer is competency evidence too

Revision ID: 0004_exam_evidence
Revises: 0003_exam_sessions
Create Date: 2026-11-28 07:08:18.154664
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_exam_evidence"
down_revision: str | None = "0003_exam_sessions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FK = "fk_competency_evidence_exam_answer_id"
CHECK = "ck_evidence_one_source"


def upgrade() -> None:
    with op.batch_alter_table("competency_evidence", schema=None) as batch_op:
        batch_op.add_column(sa.Column("exam_answer_id", sa.Integer(), nullable=True))
        batch_op.alter_column("attempt_id", existing_type=sa.INTEGER(), nullable=True)
        batch_op.create_index(
            batch_op.f("ix_competency_evidence_exam_answer_id"), ["exam_answer_id"], unique=False
        )
        batch_op.create_foreign_key(FK, "exam_answers", ["exam_answer_id"], ["id"])
        batch_op.create_check_constraint(CHECK, "(attempt_id IS NULL) <> (exam_answer_id IS NULL)")


def downgrade() -> None:
    op.execute("DELETE FROM competency_evidence WHERE attempt_id IS NULL")
    with op.batch_alter_table("competency_evidence", schema=None) as batch_op:
        batch_op.drop_constraint(CHECK, type_="check")
        batch_op.drop_constraint(FK, type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_competency_evidence_exam_answer_id"))
        batch_op.alter_column("attempt_id", existing_type=sa.INTEGER(), nullable=False)
        batch_op.drop_column("exam_answer_id")
