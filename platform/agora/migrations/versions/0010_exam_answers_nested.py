"""exam answers nested: an exam answer is stored as the nested answer JSON, like an attempt

Until now an exam answer kept the flat form fields as typed (``{"tva.0.montant": "12,00"}``,
column ``fields``) while a mission attempt kept the nested answer of the public contract
(``{"tva": [{"montant": "12,00"}]}``, column ``answer``). Both are the nested answer now, in a
column named ``answer``: each row's fields are nested here (``unflatten``, the very function
that nested them for grading), and flattened back on downgrade.

What unflatten never graded does not survive the round trip: a name that clashes with an
earlier one (``lignes`` then ``lignes.0.x``), or an index past its bounds. Names outside a
kind's answer schema are kept as they were: grading leaves them out, as before.

The conversion reads and writes in batches by id with plain Core SQL, so it works on SQLite
and PostgreSQL alike; nesting a nested answer (or flattening a flat one) changes nothing, so
a second run, or a run after an interruption, is harmless.

Revision ID: 0010_exam_answers_nested
Revises: 0009_evidence_withdrawn
Create Date: 2026-12-10 09:00:00.000000
"""

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0010_exam_answers_nested"
down_revision: str | None = "0009_evidence_withdrawn"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "exam_answers"
BATCH = 500


def upgrade() -> None:
    _rename("fields", "answer")
    convert(op.get_bind(), "answer", _nested)


def downgrade() -> None:
    convert(op.get_bind(), "answer", _flat)
    _rename("answer", "fields")


def _rename(old: str, new: str) -> None:
    have = {c["name"] for c in sa.inspect(op.get_bind()).get_columns(TABLE)}
    if old in have:  # not yet renamed (a re-run after a failure finds it done)
        # SQLite and PostgreSQL both rename in place: a batch copy of the table would drop it
        # while competency_evidence rows still point at its answers.
        op.execute(sa.text(f"ALTER TABLE {TABLE} RENAME COLUMN {old} TO {new}"))


def convert(connection: sa.Connection, column: str, shape: Callable[[Any], dict]) -> int:
    """Rewrite every row's answer in ``shape``, BATCH rows at a time; how many rows changed."""
    table = sa.Table(TABLE, sa.MetaData(), sa.Column("id"), sa.Column(column, sa.JSON()))
    changed, last_id = 0, 0
    while True:
        rows = connection.execute(
            sa.select(table.c.id, table.c[column])
            .where(table.c.id > last_id)
            .order_by(table.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return changed
        for row_id, value in rows:
            new = shape(value)
            if new != value:
                connection.execute(
                    sa.update(table).where(table.c.id == row_id).values({column: new})
                )
                changed += 1
        last_id = rows[-1][0]


def _nested(value: Any) -> dict:
    from agora.exercise.base import unflatten

    return unflatten(value) if isinstance(value, dict) else {}


def _flat(value: Any) -> dict:
    from agora.exercise.forms import flatten

    return flatten(value) if isinstance(value, dict) and value else {}
