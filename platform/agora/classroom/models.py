"""Classroom tables: classes, students, assignments and step attempts.

Datetimes are timezone-aware, stored in UTC (agora.db.utcnow); scores are Decimals in [0, 1] (agora.db.Score).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from agora.db import Score, utcnow

# What a student sees of the correction of an exercise step, chosen per assignment.
# « diagnostics » (the default): after each try, right or wrong per field and the method
# errors, but the expected values only once the tries are used up or the due date passed, so
# that copying the shown values into the next try cannot look like learning.
CORRECTIONS = ("diagnostics", "immediate", "after_due", "never")
CORRECTIONS_LIBELLES = {
    "diagnostics": "juste ou faux et les erreurs de méthode à chaque essai, "
    "les valeurs attendues à la fin",
    "immediate": "tout, dès la réponse (valeurs attendues comprises)",
    "after_due": "rien avant la date limite",
    "never": "jamais (l'enseignant corrige)",
}
# Penalty per extra try, in % of the step's points, the teacher may choose per assignment.
PENALITES = (0, 10, 20, 25, 50)


class Classe(SQLModel, table=True):
    """A class (« 1re AGOrA A ») owned by one teacher, for one school year."""

    __tablename__ = "classes"

    id: int | None = Field(default=None, primary_key=True)
    teacher_id: int = Field(foreign_key="users.id", index=True)
    nom: str = Field(max_length=100)
    annee_scolaire: str = Field(max_length=9)  # "2025-2026"
    created_at: datetime = Field(default_factory=utcnow)
    archived_at: datetime | None = None  # archived: off the home list, nothing deleted


class Student(SQLModel, table=True):
    """A student of one class; ``org_seed`` generates their own organisation."""

    __tablename__ = "students"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", unique=True)
    classe_id: int = Field(foreign_key="classes.id", index=True)
    org_seed: int
    date_naissance: date | None = None
    email: str | None = Field(default=None, max_length=255)
    # Extra time at exams (PAP/PAI): one of agora.exam.models.AMENAGEMENTS, given to each new
    # exam copy (still adjustable per exam, see agora.exam.amenagements).
    amenagement: str = Field(default="aucun", max_length=20)
    minutes_en_plus: int = 0  # for amenagement "minutes"


class Assignment(SQLModel, table=True):
    """A mission given to a class (or to some of its students, see AssignmentStudent)."""

    __tablename__ = "assignments"

    id: int | None = Field(default=None, primary_key=True)
    classe_id: int = Field(foreign_key="classes.id", index=True)
    mission_slug: str = Field(max_length=100)
    due_at: datetime | None = None  # aware UTC; None = no deadline
    attempts_allowed: int = Field(default=3, ge=1)
    corrections: str = Field(default="diagnostics", max_length=20)  # one of CORRECTIONS
    # False: each new try of an exercise step is a new variant (same organisation, new
    # figures); True: the teacher's choice « même énoncé à chaque essai ».
    meme_enonce: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})
    # Points taken off a step per extra try, in % of the step's points (0, 10, 20…): the
    # second try is worth at most 90 % with 10, the third 80 %…
    penalite_essai: int = Field(default=0, ge=0, sa_column_kwargs={"server_default": "0"})
    # The level the teacher gave the mission at (1 guidé, 2 standard, 3 autonome; see
    # content.missions.at_level); None, the assignments made before the choice: the mission's
    # own level, which is what they were given.
    niveau: int | None = Field(default=None, ge=1, le=3)
    created_at: datetime = Field(default_factory=utcnow)


class AssignmentStudent(SQLModel, table=True):
    """Restricts an assignment to some students; no row at all = the whole class."""

    __tablename__ = "assignment_students"

    assignment_id: int = Field(foreign_key="assignments.id", primary_key=True)
    student_id: int = Field(foreign_key="students.id", primary_key=True)


class StepAttempt(SQLModel, table=True):
    """One submitted answer to one step of an assigned mission, with its grading.

    The variant the answer was graded against is stored with it (``params``, the statement
    ``enonce``, the ``content_version`` of the generator that drew it), so an upgrade of a
    generator or of the company model never changes it; the seeds stay for audits. A prose
    step (kind "redaction") has no variant, and no grade until the teacher grades it
    (``score`` None = awaiting grading).
    """

    __tablename__ = "step_attempts"
    __table_args__ = (sa.Index("ix_step_attempts_student_step", "student_id", "assignment_id"),)

    id: int | None = Field(default=None, primary_key=True)
    student_id: int = Field(foreign_key="students.id")
    assignment_id: int = Field(foreign_key="assignments.id", index=True)
    step_index: int
    kind: str = Field(max_length=40)
    niveau: int
    variant_seed: int = Field(sa_type=sa.BigInteger)
    params: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON)  # None: prose step
    enonce: str | None = Field(default=None, sa_type=sa.Text)
    content_version: str | None = Field(default=None, max_length=40)  # "facture/1"
    answer: dict[str, Any] = Field(sa_type=sa.JSON)
    grade: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON)
    score: Decimal | None = Field(default=None, sa_type=Score)
    created_at: datetime = Field(default_factory=utcnow)
    override_score: Decimal | None = Field(default=None, sa_type=Score)
    override_comment: str | None = None
    overridden_at: datetime | None = None

    @property
    def effective_score(self) -> Decimal | None:
        """The teacher's score when given, else the grader's."""
        return self.override_score if self.override_score is not None else self.score


class RubricComment(SQLModel, table=True):
    """A comment a teacher keeps to reuse when grading with a rubric: for one criterion (by its
    label, so it serves every mission with that criterion) or general (``critere`` empty)."""

    __tablename__ = "rubric_comments"
    __table_args__ = (sa.Index("ix_rubric_comments_teacher_critere", "teacher_id", "critere"),)

    id: int | None = Field(default=None, primary_key=True)
    teacher_id: int = Field(foreign_key="users.id")
    critere: str = Field(default="", max_length=200)
    texte: str = Field(max_length=2000)
    created_at: datetime = Field(default_factory=utcnow)


class StepDisplay(SQLModel, table=True):
    """When a student first saw a step of an assignment: the first try's duration runs from
    here (a later try's from the previous try)."""

    __tablename__ = "step_displays"

    student_id: int = Field(foreign_key="students.id", primary_key=True)
    assignment_id: int = Field(foreign_key="assignments.id", primary_key=True)
    step_index: int = Field(primary_key=True)
    shown_at: datetime = Field(default_factory=utcnow)
