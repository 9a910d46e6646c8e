"""Closing copies and grading them (deadline, hand-in, background finaliser), and the teacher's
actions on a running evaluation: time, early close, reopen, publish, re-grade. Published
results are competency evidence (agora.competency.service.record_exam_evidence).

Closing is a conditional UPDATE … WHERE statut = 'en_cours' (one winner however many
finalisers run); grading is idempotent (pure graders over the raw answers stored).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Session, col, select

from agora.classroom.models import Student
from agora.competency.service import record_exam_evidence
from agora.errors import InvalidInput
from agora.exam import grading
from agora.exam.models import EN_COURS, FINIES, RELEVEE, Exam, ExamCopy
from agora.exam.service import (
    answers_of,
    heure_courte,
    is_closed,
    log_event,
    variant_of,
    write_lock,
)


def close_expired_copy(session: Session, copy_id: int, deadline: datetime, now: datetime) -> bool:
    """Collect one copy whose deadline has passed; True if this call did it (one winner)."""
    if now < deadline:
        return False
    won = session.execute(
        sa.update(ExamCopy)
        .where(
            col(ExamCopy.id) == copy_id,
            col(ExamCopy.statut) == EN_COURS,
            col(ExamCopy.deadline) == deadline,
        )
        .values(statut=RELEVEE, finished_at=deadline)
        .execution_options(synchronize_session=False)
    ).rowcount
    if won:
        exam_id = session.execute(
            select(ExamCopy.exam_id).where(col(ExamCopy.id) == copy_id)
        ).scalar_one()
        log_event(session, exam_id, copy_id, "cloture", "relevée à l'heure limite", now, None, None)
    return bool(won)


def grade_copy(session: Session, copy_id: int, now: datetime) -> Decimal | None:
    """Grade every saved answer of a finished copy from the raw fields; its points (None if open)."""
    copy = session.get(ExamCopy, copy_id, populate_existing=True)
    if copy is None or copy.statut not in FINIES:
        return None
    exam = session.get(Exam, copy.exam_id)
    org_seed = session.get(Student, copy.student_id).org_seed
    total = Decimal(0)
    for answer in answers_of(session, copy.id).values():
        q = exam.questions[answer.question]
        variant = variant_of(exam, org_seed, answer.question)
        grade = grading.grade_fields(q["kind"], variant.params, answer.fields)
        answer.grade, answer.score = grade.to_json(), grade.score
        session.add(answer)
        total += grading.points_of(grade.score, int(q["points"]))
    copy.points, copy.graded_at = total, now
    session.add(copy)
    session.flush()
    if exam.published_at is not None:  # a copy reopened after publication, or a re-grade
        record_exam_evidence(session, exam, copy.id)
    return total


def finalise_copy(session: Session, copy: ExamCopy, now: datetime) -> None:
    """Collect this copy if its deadline has passed, and grade it if it is finished."""
    session.refresh(copy)
    if copy.statut == EN_COURS and copy.deadline is not None:
        close_expired_copy(session, copy.id, copy.deadline, now)
    if copy.graded_at is None:
        grade_copy(session, copy.id, now)


def variants_ready(session: Session, copy: ExamCopy) -> None:
    """Build (and cache) the copy's variants before taking the write lock."""
    exam = session.get(Exam, copy.exam_id)
    org_seed = session.get(Student, copy.student_id).org_seed
    for index in range(len(exam.questions)):
        variant_of(exam, org_seed, index)


def finalise(session: Session, now: datetime, exam_id: int | None = None) -> int:
    """Collect every expired copy and grade every finished, ungraded one; how many were graded.

    Idempotent and safe when several run at once (the conditional UPDATE has one winner).
    """
    query = select(ExamCopy.id, ExamCopy.statut, ExamCopy.deadline, ExamCopy.graded_at).where(
        col(ExamCopy.statut).in_((EN_COURS, *FINIES)), col(ExamCopy.graded_at).is_(None)
    )
    if exam_id is not None:
        query = query.where(col(ExamCopy.exam_id) == exam_id)
    graded = 0
    for copy_id, statut, deadline, _ in session.execute(query).all():
        if statut == EN_COURS and not (
            deadline is not None and close_expired_copy(session, copy_id, deadline, now)
        ):
            continue
        if grade_copy(session, copy_id, now) is not None:
            graded += 1
    return graded


def finalise_in_own_transactions(engine: sa.Engine, now: datetime) -> int:
    """The background finaliser: collect expired copies, grade finished ones; how many graded.

    One short transaction per copy, the slow part (building the variants) outside the write
    lock, so that students still writing are never held up for long.
    """
    with Session(engine) as session:
        pending = session.execute(
            select(ExamCopy.id, ExamCopy.statut, ExamCopy.deadline).where(
                col(ExamCopy.statut).in_((EN_COURS, *FINIES)), col(ExamCopy.graded_at).is_(None)
            )
        ).all()
    graded = 0
    for copy_id, statut, deadline in pending:
        if statut == EN_COURS and (deadline is None or now < deadline):
            continue
        with Session(engine, expire_on_commit=False) as session:
            variants_ready(session, session.get(ExamCopy, copy_id))
            session.rollback()  # end the read (PostgreSQL snapshot) before writing
            with write_lock(engine):
                if statut == EN_COURS:
                    close_expired_copy(session, copy_id, deadline, now)
                graded += grade_copy(session, copy_id, now) is not None
                session.commit()
    return graded


# --------------------------------------------------------------------------- the teacher


def add_time(
    session: Session, exam: Exam, minutes: int, now: datetime, copy: ExamCopy | None = None
) -> int:
    """Push back the deadline of copies in progress (one or all); how many changed."""
    if not 1 <= minutes <= 600:
        raise InvalidInput("Le temps ajouté va de 1 à 600 minutes.")
    finalise(session, now, exam.id)
    copies = [copy] if copy is not None else _copies(session, exam)
    changed = 0
    for c in copies:
        session.refresh(c)
        if c.statut != EN_COURS or is_closed(c, now):
            continue
        c.deadline = c.deadline + timedelta(minutes=minutes)
        session.add(c)
        log_event(
            session, exam.id, c.id, "temps", f"+{minutes} min, fin {heure_courte(c.deadline)}", now
        )
        changed += 1
    session.flush()
    return changed


def close_early(session: Session, exam: Exam, now: datetime) -> int:
    """Close the evaluation now: nobody may start, copies in progress are collected and graded."""
    exam.closes_at = min(exam.closes_at, now)
    exam.closed_early_at = now
    session.add(exam)
    for c in _copies(session, exam):
        if c.statut == EN_COURS and c.deadline and c.deadline > now:
            c.deadline = now
            session.add(c)
    session.flush()
    log_event(session, exam.id, None, "cloture", "évaluation close par l'enseignant", now)
    return finalise(session, now, exam.id)


def reopen(session: Session, copy: ExamCopy, minutes: int, now: datetime) -> None:
    """Technical incident: give a finished copy back to its student with a new deadline."""
    if not 1 <= minutes <= 600:
        raise InvalidInput("Le temps accordé va de 1 à 600 minutes.")
    session.refresh(copy)
    if copy.statut not in FINIES:
        raise InvalidInput("Seule une copie rendue ou relevée peut être rouverte.")
    copy.statut, copy.deadline = EN_COURS, now + timedelta(minutes=minutes)
    copy.finished_at = copy.graded_at = copy.points = None
    session.add(copy)
    log_event(
        session,
        copy.exam_id,
        copy.id,
        "reouverture",
        f"{minutes} min, fin {heure_courte(copy.deadline)}",
        now,
    )
    session.flush()
    record_exam_evidence(session, session.get(Exam, copy.exam_id), copy.id)


def publish(session: Session, exam: Exam, now: datetime) -> None:
    """Show results and corrections to the students (every copy must be finished)."""
    finalise(session, now, exam.id)
    running = [c for c in _copies(session, exam) if c.statut == EN_COURS]
    if running:
        raise InvalidInput(
            f"{len(running)} copie{'s' if len(running) > 1 else ''} encore en cours : "
            "attendez l'heure limite ou clôturez l'évaluation avant de publier."
        )
    exam.published_at = now
    session.add(exam)
    log_event(session, exam.id, None, "publication", "résultats publiés", now)
    session.flush()
    record_exam_evidence(session, exam)


def unpublish(session: Session, exam: Exam, now: datetime) -> None:
    """Hide the results again (after a mistake)."""
    exam.published_at = None
    session.add(exam)
    log_event(session, exam.id, None, "publication", "résultats retirés", now)
    session.flush()
    record_exam_evidence(session, exam)


def regrade(session: Session, exam: Exam, now: datetime) -> tuple[int, int]:
    """Re-grade every finished copy from its stored answers: (copies whose points changed, total)."""
    finalise(session, now, exam.id)
    changed = total = 0
    for c in _copies(session, exam):
        if c.statut not in FINIES:
            continue
        before = c.points
        after = grade_copy(session, c.id, now)
        total += 1
        changed += after != before
    log_event(
        session, exam.id, None, "recorrection", f"{changed} copie(s) changée(s) sur {total}", now
    )
    session.flush()
    return changed, total


def copy_in_exam(session: Session, exam: Exam, copy_id: int) -> ExamCopy:
    """A copy of this evaluation (InvalidInput otherwise)."""
    copy = session.get(ExamCopy, copy_id)
    if copy is None or copy.exam_id != exam.id:
        raise InvalidInput("Cette copie n'appartient pas à cette évaluation.")
    return copy


def _copies(session: Session, exam: Exam) -> list[ExamCopy]:
    return list(session.exec(select(ExamCopy).where(ExamCopy.exam_id == exam.id)))
