"""login limits in the database: failed logins per (login, address) and per address

Revision ID: 0018_login_limits
Revises: 0014_authored_missions
Create Date: 2026-12-04 03:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0018_login_limits"
down_revision: str | None = "0014_authored_missions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "login_failure_pairs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("ip", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("last", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("login", "ip"),
    )
    op.create_index(
        op.f("ix_login_failure_pairs_login"), "login_failure_pairs", ["login"], unique=False
    )
    op.create_index(
        op.f("ix_login_failure_pairs_last"), "login_failure_pairs", ["last"], unique=False
    )
    op.create_table(
        "login_failure_stamps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ip", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_login_failure_stamps_ip"), "login_failure_stamps", ["ip"], unique=False
    )
    op.create_index(
        op.f("ix_login_failure_stamps_at"), "login_failure_stamps", ["at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_login_failure_stamps_at"), table_name="login_failure_stamps")
    op.drop_index(op.f("ix_login_failure_stamps_ip"), table_name="login_failure_stamps")
    op.drop_table("login_failure_stamps")
    op.drop_index(op.f("ix_login_failure_pairs_last"), table_name="login_failure_pairs")
    op.drop_index(op.f("ix_login_failure_pairs_login"), table_name="login_failure_pairs")
    op.drop_table("login_failure_pairs")
