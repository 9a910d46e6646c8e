"""Ownership of exam objects: a student's own copy, a teacher's own evaluation (404 otherwise)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Annotated

import sqlalchemy as sa
from fastapi import Depends, HTTPException, Request
from sqlmodel import Session, col, select

from agora.account.models import User
from agora.classroom.models import Student
from agora.db import SessionDep, utcnow
from agora.exam.models import Exam, ExamCopy
from agora.web.deps import (
    StudentDep,
    TeacherDep,
    current_user,
    owned_or_404,
    signed_in,
    student_in_one_statement,
    student_only,
    user_even_if_password_expired,
)
from agora.web.ids import DbId
from agora.web.security import session_user_id

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


def student_copy(
    request: Request, session: Session, copy_id: int, for_share: bool = True
) -> tuple[Student, ExamCopy, Exam]:
    """The current student and their copy ``copy_id``: the checks of UserDep → StudentDep →
    OwnedCopy (the very same functions), for the burst routes of an exam (start's first
    question, copy summary, countdown, autosave, hand-in), in one worker thread: FastAPI runs
    each sync dependency of a route on a worker thread, and these read one row each.

    One statement reads the user, the student, the copy and its evaluation; ``for_share``
    (writes) reads the copy FOR SHARE on PostgreSQL: its statut and deadline cannot change
    before this transaction ends, so a save needs no other read of them (the lock order copy →
    answer, as the finaliser's). When it finds nothing, the two-step reading below says why
    (logged out, not a student, not their copy).
    """
    stored = session_user_id(request)
    if stored is not None:
        statement = _STUDENT_COPY_FOR_SHARE if for_share else _STUDENT_COPY
        row = session.exec(statement, params={"user": stored[0], "copie": copy_id}).first()
        if row is not None:
            user, student, copy, exam = row
            student_only(
                current_user(user_even_if_password_expired(signed_in(request, user, stored[1])))
            )
            return student, copy, exam
    student = student_in_one_statement(request, session)
    mine = select(ExamCopy).where(
        col(ExamCopy.id) == copy_id, col(ExamCopy.student_id) == student.id
    )
    copy = session.exec(mine.with_for_update(read=True) if for_share else mine).first()
    if copy is None:
        raise HTTPException(404, NOT_YOUR_COPY)
    return student, copy, session.get(Exam, copy.exam_id)


@contextmanager
def copy_session(
    request: Request, copy_id: int, for_share: bool = True
) -> Iterator[tuple[Session, Student, ExamCopy, Exam]]:
    """A session of the route's own, and the current student and their copy read in it
    (``student_copy``): how the burst routes of an exam open."""
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        yield (session, *student_copy(request, session, copy_id, for_share))


# Built once (every autosave runs it): building it cost more CPU than sending it.
_STUDENT_COPY = (
    select(User, Student, ExamCopy, Exam)
    .join(Student, col(Student.user_id) == User.id)
    .join(ExamCopy, col(ExamCopy.student_id) == Student.id)
    .join(Exam, col(Exam.id) == ExamCopy.exam_id)
    .where(col(User.id) == sa.bindparam("user"), col(ExamCopy.id) == sa.bindparam("copie"))
)
_STUDENT_COPY_FOR_SHARE = _STUDENT_COPY.with_for_update(read=True, of=ExamCopy)


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
