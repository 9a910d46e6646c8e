"""Ownership of exam objects: a student's own copy, a teacher's own evaluation (404 otherwise)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request

from agora.db import SessionDep, utcnow
from agora.exam.models import Exam, ExamCopy
from agora.web.deps import StudentDep, TeacherDep, owned_or_404
from agora.web.ids import DbId

NOT_YOUR_COPY = "Cette copie n'existe pas ou n'est pas la vôtre."
NOT_YOUR_EXAM = "Cette évaluation n'existe pas ou n'est pas la vôtre."
NOT_IN_EXAM = "Cette copie n'existe pas dans cette évaluation."


async def clock_of(request: Request) -> Callable[[], datetime]:
    """The server clock (``app.state.clock`` when a test moves time); async: no thread hop."""
    return getattr(request.app.state, "clock", utcnow)


def client_of(request: Request) -> tuple[str, str]:
    """(IP address, User-Agent) of the request, for the audit log."""
    ip = request.client.host if request.client else ""
    return ip, request.headers.get("user-agent", "")[:300]


def owned_copy(copy_id: DbId, student: StudentDep, session: SessionDep) -> ExamCopy:
    """The copy ``copy_id`` if it is the current student's, else 404."""
    return owned_or_404(session, ExamCopy, copy_id, NOT_YOUR_COPY, student_id=student.id)


def owned_exam(exam_id: DbId, teacher: TeacherDep, session: SessionDep) -> Exam:
    """The evaluation ``exam_id`` if the current teacher created it, else 404."""
    return owned_or_404(session, Exam, exam_id, NOT_YOUR_EXAM, teacher_id=teacher.id)


def exam_copy(copy_id: DbId, exam: Annotated[Exam, Depends(owned_exam)], session: SessionDep):
    """A copy of one of the teacher's evaluations, else 404."""
    return owned_or_404(session, ExamCopy, copy_id, NOT_IN_EXAM, exam_id=exam.id)


ClockDep = Annotated[Callable[[], datetime], Depends(clock_of)]
OwnedCopy = Annotated[ExamCopy, Depends(owned_copy)]
OwnedExam = Annotated[Exam, Depends(owned_exam)]
ExamCopyDep = Annotated[ExamCopy, Depends(exam_copy)]
