"""Competency tables: the evidence each graded attempt or published exam answer leaves.

Datetimes are timezone-aware, stored in UTC (agora.db.utcnow); scores are Decimals in [0, 1] (agora.db.Score).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from agora.db import Score, utcnow


class CompetencyEvidence(SQLModel, table=True):
    """One competency proven (to some degree) by one mission attempt or one published exam
    answer: exactly one of the two is set."""

    __tablename__ = "competency_evidence"
    __table_args__ = (
        sa.CheckConstraint(
            "(attempt_id IS NULL) <> (exam_answer_id IS NULL)", name="ck_evidence_one_source"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    student_id: int = Field(foreign_key="students.id", index=True)
    code: str = Field(max_length=10)
    score: Decimal = Field(sa_type=Score)
    attempt_id: int | None = Field(default=None, foreign_key="step_attempts.id", index=True)
    exam_answer_id: int | None = Field(default=None, foreign_key="exam_answers.id", index=True)
    at: datetime = Field(default_factory=utcnow)


class Positionnement(SQLModel, table=True):
    """The level a teacher set by hand for a student on a competency, with a comment (the
    « positionnement » the CCF asks for): it wins over the computed level. One per student and
    competency; setting it again replaces it."""

    __tablename__ = "competency_positionnements"
    __table_args__ = (
        sa.UniqueConstraint("student_id", "code", name="uq_positionnement_student_code"),
    )

    id: int | None = Field(default=None, primary_key=True)
    student_id: int = Field(foreign_key="students.id", index=True)
    code: str = Field(max_length=10)
    niveau: str = Field(max_length=20)  # a Level code of the four-degree scale
    commentaire: str | None = Field(default=None, sa_type=sa.Text)
    teacher_id: int = Field(foreign_key="users.id")
    at: datetime = Field(default_factory=utcnow)
