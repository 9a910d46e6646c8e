"""authored missions: missions teachers write in the app, and their versions

Revision ID: 0014_authored_missions
Revises: 0015_evidence_positionnement
Create Date: 2026-12-04 03:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0014_authored_missions"
down_revision: str | None = "0015_evidence_positionnement"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "authored_missions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["teacher_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_authored_missions_teacher_id", "authored_missions", ["teacher_id"])
    op.create_table(
        "authored_mission_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mission_id", sa.Integer(), nullable=False),
        sa.Column("numero", sa.Integer(), nullable=False),
        sa.Column("titre", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("texte", sa.Text(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["mission_id"], ["authored_missions.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("mission_id", "numero", name="uq_authored_version"),
    )
    op.create_index(
        "ix_authored_mission_versions_mission_id", "authored_mission_versions", ["mission_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_authored_mission_versions_mission_id", "authored_mission_versions")
    op.drop_table("authored_mission_versions")
    op.drop_index("ix_authored_missions_teacher_id", "authored_missions")
    op.drop_table("authored_missions")
