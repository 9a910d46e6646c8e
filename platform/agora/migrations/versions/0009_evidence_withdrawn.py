"""evidence withdrawn: the evidence the kinds no longer claim (fields that never proved it)

Until issue 10, the facture credited 1.2.3 from its totals, the bulletin de paie 3.2.5 from its
amounts and the planning 2.1.5 from a staffing ratio: none of these fields proves that
competency. The kinds now claim only what their fields prove; the evidence they left before is
withdrawn here, so a teacher's coverage shows what was really assessed. The attempts, their
stored grades and params are kept (history never moves); only the evidence rows go.

Revision ID: 0009_evidence_withdrawn
Revises: 0008_stored_variants
Create Date: 2026-12-03 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_evidence_withdrawn"
down_revision: str | None = "0008_stored_variants"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (competency code, kind whose fields never proved it)
WITHDRAWN = (("1.2.3", "facture"), ("3.2.5", "bulletin_paie"), ("2.1.5", "planning"))


def upgrade() -> None:
    for code, kind in WITHDRAWN:
        op.execute(
            sa.text(
                "DELETE FROM competency_evidence WHERE code = :code AND ("
                " attempt_id IN (SELECT id FROM step_attempts WHERE kind = :kind)"
                " OR exam_answer_id IN"
                " (SELECT id FROM exam_answers WHERE content_version LIKE :version))"
            ).bindparams(code=code, kind=kind, version=f"{kind}/%")
        )


def downgrade() -> None:
    # The withdrawn evidence was never true: nothing to restore.
    pass
