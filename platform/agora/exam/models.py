"""Exam tables: evaluations, one copy per student, the answers saved as typed, the audit log.

Datetimes are aware UTC (agora.db.utcnow). A copy's deadline is fixed on the server when the
student starts and stored; "closed" is always computed from it (see agora.exam.service).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from agora.db import Score, utcnow

# Life of a copy: not started, in progress, handed in by the student, collected at the deadline.
A_FAIRE, EN_COURS, RENDUE, RELEVEE = "a_faire", "en_cours", "rendue", "relevee"
STATUTS_LIBELLES = {
    A_FAIRE: "pas commencée",
    EN_COURS: "en cours",
    RENDUE: "rendue",
    RELEVEE: "relevée à l'heure limite",
}
FINIES = (RENDUE, RELEVEE)
RELEVEE_CLOTURE = "relevée à la clôture par l'enseignant"

# Extra time (tiers-temps: a third of the duration more; or a number of minutes).
AMENAGEMENTS = {
    "aucun": "aucun",
    "tiers_temps": "tiers-temps (+ 1/3)",
    "minutes": "minutes en plus",
}


class Exam(SQLModel, table=True):
    """An evaluation for one class: its questions, its window, its duration and its code."""

    __tablename__ = "exams"

    id: int | None = Field(default=None, primary_key=True)
    teacher_id: int = Field(foreign_key="users.id", index=True)
    classe_id: int = Field(foreign_key="classes.id", index=True)
    titre: str = Field(max_length=200)
    mission_slug: str | None = Field(default=None, max_length=100)  # steps taken from a mission
    # [{"kind": "facture", "niveau": 2, "points": 6, "titre": "…"}, …] in the teacher's order
    questions: list[dict[str, Any]] = Field(sa_type=sa.JSON)
    opens_at: datetime
    closes_at: datetime
    duree_minutes: int = Field(ge=1)
    code: str = Field(max_length=12, unique=True)
    melange: bool = False  # each student sees the questions in their own order
    published_at: datetime | None = None  # results and corrections visible to students
    closed_early_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)

    @property
    def total_points(self) -> int:
        return sum(int(q["points"]) for q in self.questions)


class ExamCopy(SQLModel, table=True):
    """One student's copy: extra time, the deadline fixed at start, status, points."""

    __tablename__ = "exam_copies"
    __table_args__ = (sa.UniqueConstraint("exam_id", "student_id", name="uq_exam_copy_student"),)

    id: int | None = Field(default=None, primary_key=True)
    exam_id: int = Field(foreign_key="exams.id", index=True)
    student_id: int = Field(foreign_key="students.id", index=True)
    amenagement: str = Field(default="aucun", max_length=20)  # one of AMENAGEMENTS
    minutes_en_plus: int = 0  # for amenagement "minutes"
    statut: str = Field(default=A_FAIRE, max_length=20)
    started_at: datetime | None = None
    deadline: datetime | None = None
    finished_at: datetime | None = None
    graded_at: datetime | None = None  # None on a finished copy = still to grade
    points: Decimal | None = Field(default=None, sa_type=Score)
    # Set when grading raised on this copy (shown to the teacher, skipped by the finaliser
    # until « Recorriger »); None once graded.
    correction_erreur: str | None = Field(default=None, max_length=120)
    last_ip: str | None = Field(default=None, max_length=64)
    last_user_agent: str | None = Field(default=None, max_length=300)


class ExamAnswer(SQLModel, table=True):
    """The answer to one question of one copy, and its grading.

    ``answer`` is the nested answer JSON of the public contract, as typed (the shape a mission
    attempt stores too): each autosave writes its fields into it (``merge_fields``).

    Created before the copy starts (drawn ahead, agora.exam.tirage, or at the start of a copy
    that has none), with the student's variant stored whole (``params``, the statement
    ``enonce``, the generator's ``content_version``): the question page, grading, re-grading
    and the corrected copy read them, never a variant rebuilt later. A copy still to do
    (``a_faire``) may thus have rows: nobody has answered them. Nullable in
    the schema only so that adding the columns needed no table rebuild (migration 0008
    back-fills every older row).
    """

    __tablename__ = "exam_answers"
    __table_args__ = (sa.UniqueConstraint("copy_id", "question", name="uq_exam_answer_question"),)

    id: int | None = Field(default=None, primary_key=True)
    copy_id: int = Field(foreign_key="exam_copies.id", index=True)
    question: int  # index in Exam.questions (not the position the student saw)
    variant_seed: int = Field(sa_type=sa.BigInteger)
    params: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON)
    enonce: str | None = Field(default=None, sa_type=sa.Text)
    # The statement as the question page shows it, rendered when drawn (NULL before 0020).
    enonce_html: str | None = Field(default=None, sa_type=sa.Text)
    content_version: str | None = Field(default=None, max_length=40)  # "facture/1"
    answer: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    saved_at: datetime | None = None
    saves: int = 0
    grade: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON)
    score: Decimal | None = Field(default=None, sa_type=Score)


class ExamEvent(SQLModel, table=True):
    """The audit log: start, saves, hand-in, close, time changes, reopen, IP/browser changes."""

    __tablename__ = "exam_events"

    id: int | None = Field(default=None, primary_key=True)
    exam_id: int = Field(foreign_key="exams.id", index=True)
    copy_id: int | None = Field(default=None, foreign_key="exam_copies.id", index=True)
    type: str = Field(max_length=30)
    detail: str = Field(default="", max_length=500)
    at: datetime = Field(default_factory=utcnow)
    ip: str | None = Field(default=None, max_length=64)
    user_agent: str | None = Field(default=None, max_length=300)


def status_label(copy: ExamCopy, exam: Exam, closed: bool = False) -> str:
    """The copy's status in French; ``closed``: its deadline has passed (not yet collected).

    A copy collected because the teacher closed the evaluation early is not « relevée à l'heure
    limite » (the student had time left): close_early set its deadline to the closing time.
    """
    if copy.statut == EN_COURS and not closed:
        return STATUTS_LIBELLES[EN_COURS]
    if copy.statut in (EN_COURS, RELEVEE):
        early = exam.closed_early_at is not None and copy.deadline == exam.closed_early_at
        return RELEVEE_CLOTURE if early else STATUTS_LIBELLES[RELEVEE]
    return STATUTS_LIBELLES[copy.statut]
