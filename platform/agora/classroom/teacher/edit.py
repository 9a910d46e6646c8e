"""Changing what a teacher already set up: an assignment's conditions and targets, deleting
or closing it, renaming or archiving a class, moving a student to another class.

Plain functions with the session passed in; they only flush (the request commits). Ownership
is checked before (agora.classroom.teacher.access). Nothing here deletes a student's work.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, delete, func, select

from agora.calendrier import PARIS
from agora.classroom.models import Assignment, AssignmentStudent, Classe, StepAttempt, Student
from agora.classroom.teacher.service import check_conditions, clean_classe
from agora.db import utcnow
from agora.errors import InvalidInput

PAST_DUE = (
    "Cette date limite est déjà passée. Pour arrêter la mission tout de suite, "
    "utilisez « Clore maintenant »."
)

# ----------------------------------------------------------------------------- assignments


def submitters(session: Session, assignment: Assignment) -> int:
    """How many students have submitted at least one answer to this assignment."""
    return session.exec(
        select(func.count(func.distinct(StepAttempt.student_id))).where(
            StepAttempt.assignment_id == assignment.id
        )
    ).one()


def update_assignment(
    session: Session,
    assignment: Assignment,
    *,
    due_at: datetime | None,
    attempts_allowed: int,
    corrections: str,
    students: Sequence[Student],
    now: datetime,
    meme_enonce: bool = False,
    penalite_essai: int = 0,
) -> Assignment:
    """New conditions and targets (``students`` empty = the whole class).

    A due date already past is refused unless it is the one already set: closing a mission
    at once is its own action (``close_assignment``), so it is never done by a typo.
    """
    past = due_at is not None and due_at <= now and due_at != assignment.due_at
    check_conditions(
        assignment.classe_id,
        PAST_DUE if past else None,
        due_at=due_at,
        attempts_allowed=attempts_allowed,
        corrections=corrections,
        students=students,
        penalite_essai=penalite_essai,
    )
    assignment.due_at = due_at
    assignment.attempts_allowed = attempts_allowed
    assignment.corrections = corrections
    assignment.meme_enonce = meme_enonce
    assignment.penalite_essai = penalite_essai
    session.add(assignment)
    session.exec(
        delete(AssignmentStudent).where(col(AssignmentStudent.assignment_id) == assignment.id)
    )
    session.add_all(
        AssignmentStudent(assignment_id=assignment.id, student_id=s.id) for s in students
    )
    session.flush()
    return assignment


def close_assignment(session: Session, assignment: Assignment, now: datetime) -> None:
    """The due date becomes now: no new answer, and « after the due date » corrections show."""
    if assignment.due_at is not None and assignment.due_at <= now:
        raise InvalidInput("Cette mission est déjà close : sa date limite est passée.")
    assignment.due_at = now
    session.add(assignment)
    session.flush()


def delete_assignment(session: Session, assignment: Assignment) -> None:
    """Delete an assignment nobody has answered; InvalidInput (French) saying why not else."""
    count = submitters(session, assignment)
    if count:
        raise InvalidInput(
            f"Impossible de supprimer cette mission : {count} élève"
            f"{'s ont' if count > 1 else ' a'} déjà rendu un travail, qui doit être conservé "
            "(notes, compétences). Vous pouvez la clore : plus aucune réponse ne sera acceptée."
        )
    session.exec(
        delete(AssignmentStudent).where(col(AssignmentStudent.assignment_id) == assignment.id)
    )
    session.delete(assignment)
    session.flush()


# ----------------------------------------------------------------------------- classes


def rename_classe(session: Session, classe: Classe, nom: str, annee_scolaire: str) -> Classe:
    """A new name and school year; InvalidInput (French) on a missing name or a bad year
    (a year changed to one far from the current school year; an old class keeps its own)."""
    changed = annee_scolaire.strip() != classe.annee_scolaire
    today = utcnow().astimezone(PARIS).date() if changed else None
    classe.nom, classe.annee_scolaire = clean_classe(nom, annee_scolaire, today)
    session.add(classe)
    session.flush()
    return classe


def archive_classe(session: Session, classe: Classe, now: datetime) -> None:
    """Hide the class from the home list; its students, work and exports stay as they are."""
    classe.archived_at = classe.archived_at or now
    session.add(classe)
    session.flush()


def restore_classe(session: Session, classe: Classe) -> None:
    """Bring an archived class back to the home list."""
    classe.archived_at = None
    session.add(classe)
    session.flush()


def archived_classes(session: Session, teacher_id: int) -> list[Classe]:
    """The teacher's archived classes, newest school year first, then by name."""
    return list(
        session.exec(
            select(Classe)
            .where(Classe.teacher_id == teacher_id, col(Classe.archived_at).is_not(None))
            .order_by(col(Classe.annee_scolaire).desc(), col(Classe.nom))
        )
    )


# ----------------------------------------------------------------------------- students


def move_student(session: Session, student: Student, destination: Classe) -> None:
    """Move a student to another class of the same teacher.

    Their attempts and competency evidence belong to the student, so they follow them; they
    get the missions of the new class. Restrictions to them on the old class's assignments
    are kept: removing the only one would turn a personal assignment into a class-wide one.
    """
    if destination.id == student.classe_id:
        raise InvalidInput("L'élève est déjà dans cette classe : choisissez-en une autre.")
    origin = session.get(Classe, student.classe_id)
    if origin is None or origin.teacher_id != destination.teacher_id:
        raise InvalidInput("Un élève ne peut changer que pour une autre de vos classes.")
    student.classe_id = destination.id
    session.add(student)
    session.flush()
