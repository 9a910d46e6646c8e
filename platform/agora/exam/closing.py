"""Closing copies and grading them (deadline, hand-in, background finaliser), and the teacher's
actions on a running evaluation: time, early close, reopen, publish, re-grade. Published
results are competency evidence (agora.competency.service.record_exam_evidence).

Closing is a conditional UPDATE … WHERE statut = 'en_cours' (one winner however many
finalisers run); grading is idempotent (pure graders over the raw answers stored). A copy
whose grading raises is marked « correction impossible : à vérifier » for the teacher and
skipped until the teacher re-grades: it never stops the other copies.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Session, col, select

from agora.competency.service import record_exam_evidence
from agora.errors import InvalidInput
from agora.exam import grading, redaction
from agora.exam.models import (
    EN_COURS,
    FINIES,
    RELEVEE,
    RELEVEE_CLOTURE,
    STATUTS_LIBELLES,
    Exam,
    ExamAnswer,
    ExamCopy,
)
from agora.exam.service import (
    answers_of,
    heure_courte,
    is_closed,
    log_event,
    stored_variant,
    writing,
)
from agora.exercise.base import Grade

log = logging.getLogger("agora.exam")

CORRECTION_IMPOSSIBLE = "correction impossible : à vérifier"


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
        exam_id, closed_early_at = session.execute(
            select(ExamCopy.exam_id, Exam.closed_early_at)
            .join(Exam, col(Exam.id) == col(ExamCopy.exam_id))
            .where(col(ExamCopy.id) == copy_id)
        ).one()
        # Cut short by « Clôturer maintenant » (the student had time left: close_early set its
        # deadline to the closing time, the rule of status_label), or at its own time limit.
        early = closed_early_at is not None and closed_early_at == deadline
        detail = RELEVEE_CLOTURE if early else STATUTS_LIBELLES[RELEVEE]
        log_event(session, exam_id, copy_id, "cloture", detail, now, None, None)
    return bool(won)


def grade_copy(session: Session, copy_id: int, now: datetime) -> Decimal | None:
    """Grade every saved answer of a finished copy from the answer and the variant stored
    with it, before or at start (never one rebuilt by today's generators); its points.

    None if the copy is open, or if grading raised: then the copy is marked for the teacher
    (nothing else of it is changed, so the caller's transaction goes on with the other copies).
    """
    copy = session.get(ExamCopy, copy_id, populate_existing=True)
    if copy is None or copy.statut not in FINIES:
        return None
    exam = session.get(Exam, copy.exam_id)
    answers = list(answers_of(session, copy.id).values())
    try:  # every grade computed before anything is written: a failure leaves no half-grade
        grades = _grades(exam, answers)
    except Exception:  # whatever a grader raises on stored input
        log.exception("Copie %s : correction impossible", copy.id)
        _mark_ungradable(session, copy, now)
        return None
    total = Decimal(0)
    for answer, grade in zip(answers, grades, strict=True):
        if grade is not None:  # None: a written answer, the teacher's grading stays
            answer.grade, answer.score = grade.to_json(), grade.score
            session.add(answer)
        if answer.score is not None:
            total += grading.points_of(answer.score, int(exam.questions[answer.question]["points"]))
    copy.points, copy.graded_at, copy.correction_erreur = total, now, None
    session.add(copy)
    session.flush()
    if exam.published_at is not None:  # a copy reopened after publication, or a re-grade
        record_exam_evidence(session, exam, copy.id)
    return total


def _grades(exam: Exam, answers: list[ExamAnswer]) -> list[Grade | None]:
    grades: list[Grade | None] = []
    for answer in answers:
        if redaction.is_writing(exam.questions[answer.question]):
            grades.append(None)  # graded by the teacher with the rubric
            continue
        variant = stored_variant(exam, answer)
        grades.append(grading.grade_answer(variant.kind, variant.params, answer.answer))
    return grades


def _mark_ungradable(session: Session, copy: ExamCopy, now: datetime) -> None:
    if copy.correction_erreur is None:  # logged once, not at every attempt
        log_event(session, copy.exam_id, copy.id, "correction", CORRECTION_IMPOSSIBLE, now)
    copy.correction_erreur = CORRECTION_IMPOSSIBLE
    session.add(copy)
    session.flush()


def finalise_copy(session: Session, copy: ExamCopy, now: datetime) -> None:
    """Collect this copy if its deadline has passed, and grade it if it is finished."""
    session.refresh(copy)
    if copy.statut == EN_COURS and copy.deadline is not None:
        close_expired_copy(session, copy.id, copy.deadline, now)
    if copy.graded_at is None:
        grade_copy(session, copy.id, now)


def _pending(exam_id: int | None):
    """Copies to collect or grade: in progress or finished, ungraded, not marked ungradable."""
    query = select(ExamCopy.id, ExamCopy.statut, ExamCopy.deadline).where(
        col(ExamCopy.statut).in_((EN_COURS, *FINIES)),
        col(ExamCopy.graded_at).is_(None),
        col(ExamCopy.correction_erreur).is_(None),
    )
    if exam_id is not None:
        query = query.where(col(ExamCopy.exam_id) == exam_id)
    return query


def finalise(session: Session, now: datetime, exam_id: int | None = None) -> int:
    """Collect every expired copy and grade every finished, ungraded one; how many were graded.

    Idempotent and safe when several run at once, in any process (the pending copies are
    locked on PostgreSQL; SQLite has one writer).
    """
    query = _pending(exam_id).order_by(col(ExamCopy.id))
    if session.get_bind().dialect.name == "postgresql":
        # Lock the pending copies; a copy another process is finalising is waited for and,
        # once graded there, no longer pending (PostgreSQL re-checks the WHERE on it).
        query = query.with_for_update(of=ExamCopy)
    graded = 0
    for copy_id, statut, deadline in session.execute(query).all():
        if statut == EN_COURS and not (
            deadline is not None and close_expired_copy(session, copy_id, deadline, now)
        ):
            continue
        if grade_copy(session, copy_id, now) is not None:
            graded += 1
    return graded


def finalise_in_own_transactions(
    engine: sa.Engine,
    now: datetime,
    exam_id: int | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> int:
    """The background finaliser: collect expired copies, grade finished ones; how many graded.

    One short transaction per copy (the variants are stored: nothing slow to build), so that
    students still writing are never held up for long; a copy that fails is
    logged with its id and never stops the others. ``should_stop`` ends the pass early (the
    server is stopping).
    """
    with Session(engine) as session:
        pending = session.execute(_pending(exam_id)).all()
    graded = 0
    for copy_id, statut, deadline in pending:
        if should_stop():
            break
        if statut == EN_COURS and (deadline is None or now < deadline):
            continue
        try:
            graded += finalise_one(engine, copy_id, now)
        except Exception:  # a database hiccup on this copy: the next pass tries it again
            log.exception("Copie %s : finalisation échouée, nouvel essai plus tard", copy_id)
    return graded


def finalise_one(engine: sa.Engine, copy_id: int, now: datetime) -> bool:
    """Collect (if expired) and grade one copy in its own transaction; True if this call
    graded it.

    Safe when every process runs it: the copy is claimed first. On PostgreSQL its row is
    locked with ``FOR UPDATE SKIP LOCKED`` (a copy another process is finalising is skipped,
    that process grades it) and re-read under the lock (one already graded is left alone);
    on SQLite the write transaction (this process's write lock, then the database's one
    writer) does the same.
    """
    with Session(engine, expire_on_commit=False) as session:
        with writing(session):
            copy = _claim(session, copy_id)
            if copy is None or copy.graded_at is not None or copy.correction_erreur is not None:
                return False
            finalise_copy(session, copy, now)
        return copy.graded_at is not None


def _claim(session: Session, copy_id: int) -> ExamCopy | None:
    """This copy, locked for this transaction (None if gone or another process holds it)."""
    query = select(ExamCopy).where(col(ExamCopy.id) == copy_id)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    return session.exec(query.execution_options(populate_existing=True)).first()


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


def close_early(session: Session, exam: Exam, now: datetime) -> None:
    """Close the evaluation now: nobody may start, copies in progress are due now.

    (Collecting and grading them is the finaliser's job, one copy per transaction.)
    """
    exam.closes_at = min(exam.closes_at, now)
    exam.closed_early_at = now
    session.add(exam)
    for c in _copies(session, exam):
        if c.statut == EN_COURS and c.deadline and c.deadline > now:
            c.deadline = now
            session.add(c)
    session.flush()
    log_event(session, exam.id, None, "cloture", "évaluation close par l'enseignant", now)


def reopen(session: Session, copy: ExamCopy, minutes: int, now: datetime) -> None:
    """Technical incident: give a finished copy back to its student with a new deadline."""
    if not 1 <= minutes <= 600:
        raise InvalidInput("Le temps accordé va de 1 à 600 minutes.")
    session.refresh(copy)
    if copy.statut not in FINIES:
        raise InvalidInput("Seule une copie rendue ou relevée peut être rouverte.")
    copy.statut, copy.deadline = EN_COURS, now + timedelta(minutes=minutes)
    copy.finished_at = copy.graded_at = copy.points = copy.correction_erreur = None
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
    redaction.check_all_graded(session, exam)
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
