"""Draw the variants of an evaluation's copies ahead, before it opens (issue 17).

Drawing a student's variants (their organisation, then each question) is the costly part of a
start: with a class starting at the same second it was the slowest request of an exam. So the
copies' answer rows, each with its variant stored whole, are written when the teacher creates
or changes the evaluation (and when the monitoring page adds the copies of students who joined
the class since); the start then only claims the copy (agora.exam.service.start, which still
draws the rows of a copy that has none).

The variants are the same whenever they are drawn: the seed of each depends on the student's
organisation seed, the evaluation and the question only (grading.question_seed).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, col, select

from agora.classroom.models import Student
from agora.exam import service
from agora.exam.models import A_FAIRE, Exam, ExamAnswer, ExamCopy

# Copies drawn per write transaction: the variants are built before it, outside the write
# lock, which each transaction holds for one multi-row insert only.
BATCH = 20


def draw_ahead(engine: sa.Engine, exam_id: int) -> int:
    """Store the variants of the copies of ``exam_id`` not started and without any; how many
    copies were drawn. Safe to run again or alongside starts (each copy is drawn once)."""
    with Session(engine, expire_on_commit=False) as session:
        exam = session.get(Exam, exam_id)
        if exam is None:
            return 0
        pending = session.execute(
            select(ExamCopy.id, Student.org_seed)
            .join(Student, col(Student.id) == ExamCopy.student_id)
            .where(ExamCopy.exam_id == exam_id, ExamCopy.statut == A_FAIRE, ~_drawn())
            .order_by(col(ExamCopy.id))
        ).all()
        session.expunge(exam)  # as read: the batches compare its questions with the stored
        session.rollback()  # no read transaction left open while the variants are built
        drawn = 0
        for start in range(0, len(pending), BATCH):
            batch = pending[start : start + BATCH]
            rows = {copy_id: service.answer_rows(exam, copy_id, seed) for copy_id, seed in batch}
            with service.writing(session):
                stored = _store(session, exam, rows)
            if stored is None:  # the questions changed: their own draw follows the change
                break
            drawn += stored
    return drawn


def _drawn() -> sa.ColumnElement[bool]:
    return sa.exists().where(col(ExamAnswer.copy_id) == col(ExamCopy.id))


def _store(session: Session, exam: Exam, rows: dict[int, list[dict]]) -> int | None:
    """Insert the rows of the copies still to do and without rows (the copies locked, so a start
    or another draw waits, then finds them); None if the questions are no longer those drawn."""
    questions = session.execute(
        select(Exam.questions).where(col(Exam.id) == exam.id).with_for_update(read=True)
    ).scalar_one_or_none()
    if questions != exam.questions:
        return None
    still = session.scalars(
        select(ExamCopy.id)
        .where(col(ExamCopy.id).in_(list(rows)), ExamCopy.statut == A_FAIRE, ~_drawn())
        .order_by(col(ExamCopy.id))
        .with_for_update()
    ).all()
    values = [row for copy_id in still for row in rows[copy_id]]
    if values:
        session.execute(sa.insert(ExamAnswer).values(values))
    return len(still)
