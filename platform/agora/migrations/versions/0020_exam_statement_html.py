"""an exam answer keeps its statement rendered to HTML when its variant is drawn

Revision ID: 0020_exam_statement_html
Revises: 0019_workspace_assignment_level
Create Date: 2026-12-04 18:45:00.000000

Rendering a statement's Markdown was half of a question page's CPU, paid by every student of
a class opening their first question at the same second. Existing rows keep NULL: their
statement is rendered when shown, as before.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020_exam_statement_html"
down_revision: str | None = "0019_workspace_assignment_level"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # No batch table copy on SQLite: recreating « exam_answers » under its foreign keys fails.
    op.add_column("exam_answers", sa.Column("enonce_html", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("exam_answers", "enonce_html")  # SQLite ≥ 3.35 drops it in place
