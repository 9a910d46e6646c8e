"""Ownership of exam objects: a student's own copy, a teacher's own evaluation (404 otherwise)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from agora.db import SessionDep, utcnow
from agora.exam.models import Exam, ExamCopy
from agora.web.deps import StudentDep, TeacherDep
from agora.web.ids import DbId


async def clock_of(request: Request) -> Callable[[], datetime]:
    """The server clock (``app.state.clock`` when a test moves time); async: no thread hop."""
    return getattr(request.app.state, "clock", utcnow)


def client_of(request: Request) -> tuple[str, str]:
    """(IP address, User-Agent) of the request, for the audit log."""
    ip = request.client.host if request.client else ""
    return ip, request.headers.get("user-agent", "")[:300]


def owned_copy(copy_id: DbId, student: StudentDep, session: SessionDep) -> ExamCopy:
    """The copy ``copy_id`` if it is the current student's, else 404."""
    copy = session.get(ExamCopy, copy_id)
    if copy is None or copy.student_id != student.id:
        raise HTTPException(404, "Cette copie n'existe pas ou n'est pas la vôtre.")
    return copy


def owned_exam(exam_id: DbId, teacher: TeacherDep, session: SessionDep) -> Exam:
    """The evaluation ``exam_id`` if the current teacher created it, else 404."""
    exam = session.get(Exam, exam_id)
    if exam is None or exam.teacher_id != teacher.id:
        raise HTTPException(404, "Cette évaluation n'existe pas ou n'est pas la vôtre.")
    return exam


def exam_copy(copy_id: DbId, exam: Annotated[Exam, Depends(owned_exam)], session: SessionDep):
    """A copy of one of the teacher's evaluations, else 404."""
    copy = session.get(ExamCopy, copy_id)
    if copy is None or copy.exam_id != exam.id:
        raise HTTPException(404, "Cette copie n'existe pas dans cette évaluation.")
    return copy


ClockDep = Annotated[Callable[[], datetime], Depends(clock_of)]
OwnedCopy = Annotated[ExamCopy, Depends(owned_copy)]
OwnedExam = Annotated[Exam, Depends(owned_exam)]
ExamCopyDep = Annotated[ExamCopy, Depends(exam_copy)]
