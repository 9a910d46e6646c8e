"""Ownership checks for student routes: another student's object is a 404, like a missing one."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException

from agora.classroom.models import Assignment, StepAttempt
from agora.classroom.service import is_assigned
from agora.db import SessionDep
from agora.web.deps import StudentDep, owned_or_404
from agora.web.ids import DbId

NOT_FOUND = "Cette mission n'existe pas ou ne vous est pas attribuée."
NOT_YOUR_ATTEMPT = "Cette tentative n'existe pas ou n'est pas la vôtre."


def owned_assignment(assignment_id: DbId, student: StudentDep, session: SessionDep) -> Assignment:
    """The assignment ``assignment_id`` if it is given to the current student, else 404."""
    assignment = owned_or_404(session, Assignment, assignment_id, NOT_FOUND)
    if not is_assigned(session, assignment, student):
        raise HTTPException(404, NOT_FOUND)
    return assignment


def owned_attempt(attempt_id: DbId, student: StudentDep, session: SessionDep) -> StepAttempt:
    """The attempt ``attempt_id`` if the current student made it, else 404."""
    return owned_or_404(session, StepAttempt, attempt_id, NOT_YOUR_ATTEMPT, student_id=student.id)


OwnedAssignment = Annotated[Assignment, Depends(owned_assignment)]
OwnedAttempt = Annotated[StepAttempt, Depends(owned_attempt)]
