"""Ownership checks for teacher routes: another teacher's class (or anything in it) is a 404.

Every teacher route takes one of these dependencies instead of loading objects itself, so
the rule « a teacher only reaches their own classes » lives here and nowhere else. A 404,
not a 403: a teacher must not learn that another teacher's object exists.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

from fastapi import Depends, HTTPException
from sqlmodel import Session, col, select

from agora.classroom.models import Assignment, Classe, StepAttempt, Student
from agora.db import SessionDep
from agora.web.deps import TeacherDep, owned_or_404
from agora.web.ids import DbId

NOT_FOUND = "Cette page n'existe pas ou ne concerne pas l'une de vos classes."


def _owned(session: Session, classe_id: int, teacher_id: int) -> Classe:
    return owned_or_404(session, Classe, classe_id, NOT_FOUND, teacher_id=teacher_id)


def owned_classe(classe_id: DbId, teacher: TeacherDep, session: SessionDep) -> Classe:
    """The class ``classe_id`` if the current teacher owns it, else 404."""
    return _owned(session, classe_id, teacher.id)


def owned_assignment(assignment_id: DbId, teacher: TeacherDep, session: SessionDep) -> Assignment:
    """The assignment ``assignment_id`` if it belongs to one of the teacher's classes, else 404."""
    assignment = owned_or_404(session, Assignment, assignment_id, NOT_FOUND)
    _owned(session, assignment.classe_id, teacher.id)
    return assignment


def owned_attempt(attempt_id: DbId, teacher: TeacherDep, session: SessionDep) -> StepAttempt:
    """The attempt ``attempt_id`` if it was made in one of the teacher's classes, else 404."""
    attempt = owned_or_404(session, StepAttempt, attempt_id, NOT_FOUND)
    owned_assignment(attempt.assignment_id, teacher, session)
    return attempt


def owned_student(student_id: DbId, teacher: TeacherDep, session: SessionDep) -> Student:
    """The student ``student_id`` if they are in one of the teacher's classes, else 404."""
    student = owned_or_404(session, Student, student_id, NOT_FOUND)
    _owned(session, student.classe_id, teacher.id)
    return student


def classe_of(session: Session, assignment: Assignment) -> Classe:
    """The class an assignment was given to (already checked to be the teacher's)."""
    return session.get(Classe, assignment.classe_id)


def students_of_classe(session: Session, classe: Classe, ids: Iterable[int]) -> list[Student]:
    """The students of ``classe`` with these ids (from a form); 404 if one is not in it."""
    wanted = set(ids)
    if not wanted:
        return []
    found = list(
        session.exec(
            select(Student).where(col(Student.id).in_(wanted), Student.classe_id == classe.id)
        )
    )
    if len(found) != len(wanted):
        raise HTTPException(404, NOT_FOUND)
    return found


OwnedClasse = Annotated[Classe, Depends(owned_classe)]
OwnedAssignment = Annotated[Assignment, Depends(owned_assignment)]
OwnedAttempt = Annotated[StepAttempt, Depends(owned_attempt)]
OwnedStudent = Annotated[Student, Depends(owned_student)]


def owned_work(assignment: OwnedAssignment, student: OwnedStudent) -> tuple[Assignment, Student]:
    """(assignment, student) of the teacher's, the student being in the assignment's class."""
    if student.classe_id != assignment.classe_id:
        raise HTTPException(404, NOT_FOUND)
    return assignment, student


OwnedWork = Annotated[tuple[Assignment, Student], Depends(owned_work)]
