"""stored variants: attempts and exam answers keep the params, statement and content version

Revision ID: 0008_stored_variants
Revises: 0007_exam_correction_erreur
Create Date: 2026-12-08 09:00:00.000000

Older rows are back-filled by drawing their variant again with today's generators (the only
way to know it; from now on it is stored and never drawn again). The back-fill reads and
writes in batches by id, touches only rows whose params are still NULL (a second run, or a
run after an interruption, does only what is left), and is plain Core SQL: it works on
SQLite and PostgreSQL alike and does not depend on the ORM models of a later version.
"""

from collections.abc import Callable, Sequence
from functools import lru_cache

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008_stored_variants"
down_revision: str | None = "0007_exam_correction_erreur"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("step_attempts", "exam_answers")
COLUMNS = ("params", "enonce", "content_version")
BATCH = 200
PROSE_KIND = "redaction"  # a written answer: no variant to store


def _columns() -> list[sa.Column]:
    return [
        sa.Column("params", sa.JSON(), nullable=True),
        sa.Column("enonce", sa.Text(), nullable=True),
        sa.Column("content_version", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    ]


def upgrade() -> None:
    connection = op.get_bind()
    for table in TABLES:
        have = {c["name"] for c in sa.inspect(connection).get_columns(table)}
        missing = [c for c in _columns() if c.name not in have]  # re-run after a failure
        if missing:
            with op.batch_alter_table(table, schema=None) as batch_op:
                for column in missing:
                    batch_op.add_column(column)
    backfill(connection)


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name in reversed(COLUMNS):
                batch_op.drop_column(name)


# ------------------------------------------------------------------------------ back-fill

_meta = sa.MetaData()
students = sa.Table("students", _meta, sa.Column("id"), sa.Column("org_seed"))
attempts = sa.Table(
    "step_attempts",
    _meta,
    *(sa.Column(n) for n in ("id", "student_id", "kind", "niveau", "variant_seed", "enonce")),
    *(sa.Column(n) for n in ("content_version",)),
    sa.Column("params", sa.JSON()),
)
exams = sa.Table("exams", _meta, sa.Column("id"), sa.Column("questions", sa.JSON()))
copies = sa.Table("exam_copies", _meta, sa.Column("id"), sa.Column("exam_id"), sa.Column("student_id"))
answers = sa.Table(
    "exam_answers",
    _meta,
    *(sa.Column(n) for n in ("id", "copy_id", "question", "variant_seed", "enonce")),
    sa.Column("content_version"),
    sa.Column("params", sa.JSON()),
)


def backfill(connection: sa.Connection) -> int:
    """Store the variant of every attempt and exam answer that has none; how many were filled."""
    draw = _drawer()
    attempt_rows = (
        sa.select(attempts.c.id, attempts.c.kind, attempts.c.niveau, attempts.c.variant_seed,
                  students.c.org_seed)
        .join(students, students.c.id == attempts.c.student_id)
        .where(attempts.c.params.is_(None), attempts.c.kind != PROSE_KIND)
    )  # fmt: skip
    answer_rows = (
        sa.select(answers.c.id, answers.c.question, exams.c.questions, answers.c.variant_seed,
                  students.c.org_seed)
        .join(copies, copies.c.id == answers.c.copy_id)
        .join(exams, exams.c.id == copies.c.exam_id)
        .join(students, students.c.id == copies.c.student_id)
        .where(answers.c.params.is_(None))
    )  # fmt: skip
    filled = _in_batches(connection, attempts, attempt_rows, lambda r: draw(*r[1:]))
    return filled + _in_batches(connection, answers, answer_rows, lambda r: draw(*_question(r)))


def _question(row) -> tuple:
    """(kind, niveau, seed, org_seed) of one exam answer row."""
    _, index, questions, seed, org_seed = row
    question = questions[index]
    return question["kind"], int(question["niveau"]), seed, org_seed


def _in_batches(connection, table: sa.Table, query, variant_of: Callable) -> int:
    """Fill ``table`` BATCH rows at a time, in id order, from where the last batch stopped."""
    filled, last_id = 0, 0
    while True:
        rows = connection.execute(
            query.where(table.c.id > last_id).order_by(table.c.id).limit(BATCH)
        ).all()
        if not rows:
            return filled
        for row in rows:
            connection.execute(
                sa.update(table).where(table.c.id == row[0]).values(**variant_of(row))
            )
        filled, last_id = filled + len(rows), rows[-1][0]


def _drawer() -> Callable[[str, int, int, int], dict]:
    """kind, niveau, seed, org_seed -> the columns to store, organisations cached per seed."""
    from agora.company import generate_company
    from agora.exercise.registry import get_kind

    company = lru_cache(maxsize=256)(generate_company)

    def draw(kind: str, niveau: int, seed: int, org_seed: int) -> dict:
        module = get_kind(kind)
        variant = module.generate(seed, niveau, company(org_seed))
        version = f"{kind}/{module.VERSION}"
        return {"params": variant.params, "enonce": variant.enonce, "content_version": version}

    return draw
