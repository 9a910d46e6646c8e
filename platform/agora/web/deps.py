"""The dependency chain every route uses: current user -> role -> owned object (404 otherwise).

    current_user     logged-in user (redirect to the login page otherwise), password changed
    current_teacher  a user with role « enseignant » (403 otherwise)
    current_student  the Student row of a user with role « eleve » (403 otherwise)

Ownership checks live next to their objects (agora.classroom.student.access) and answer 404 for an
object that belongs to someone else, exactly as for one that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, HTTPException, Request
from sqlmodel import Session, col, select
from starlette.datastructures import FormData

from agora.account.models import User
from agora.classroom.models import Student
from agora.db import SessionDep
from agora.web.security import session_user_id


@dataclass(frozen=True)
class CurrentUser:
    """What every page shows of the logged-in user (``current_user`` in templates)."""

    id: int
    login: str
    role: str
    prenom: str
    nom: str

    @property
    def display_name(self) -> str:
        return f"{self.prenom} {self.nom}"


class LoginRequired(Exception):
    """No valid session: the handler sends the browser to the login page."""


class PasswordChangeRequired(Exception):
    """First login: the user must choose a password before anything else."""


def optional_user(request: Request, session: SessionDep) -> User | None:
    """The logged-in user, or None (stale session versions count as logged out)."""
    stored = session_user_id(request)
    if stored is None:
        return None
    return signed_in(request, session.get(User, stored[0]), stored[1])


def signed_in(request: Request, user: User | None, version: int) -> User | None:
    """``user``, read for the cookie's user id, when the cookie's session ``version`` is still
    theirs; else None and the session is cleared (logged out everywhere)."""
    if user is None or user.session_version != version:
        request.session.clear()
        return None
    # A detached snapshot for templates: error pages render after a rollback expired `user`.
    request.state.user = CurrentUser(user.id, user.login, user.role, user.prenom, user.nom)
    return user


def user_even_if_password_expired(
    user: Annotated[User | None, Depends(optional_user)],
) -> User:
    """The logged-in user, even one who must still change their password."""
    if user is None:
        raise LoginRequired
    return user


def current_user(user: Annotated[User, Depends(user_even_if_password_expired)]) -> User:
    """The logged-in user, who has chosen their own password."""
    if user.must_change_password:
        raise PasswordChangeRequired
    return user


def current_teacher(user: Annotated[User, Depends(current_user)]) -> User:
    if user.role != "enseignant":
        raise HTTPException(403, "Cette page est réservée aux enseignants.")
    return user


def current_student(user: Annotated[User, Depends(current_user)], session: SessionDep) -> Student:
    student_only(user)
    return enrolled(session.exec(select(Student).where(Student.user_id == user.id)).first())


def student_only(user: User) -> None:
    """403 unless ``user`` has the role « eleve »."""
    if user.role != "eleve":
        raise HTTPException(403, "Cette page est réservée aux élèves.")


def enrolled(student: Student | None) -> Student:
    """The Student row of a student account (403 when the account is in no class)."""
    if student is None:
        raise HTTPException(403, "Ce compte élève n'est inscrit dans aucune classe.")
    return student


def student_in_one_statement(request: Request, session: Session) -> Student:
    """UserDep → StudentDep, the very same checks, on the user and the student read together.

    For the burst routes of an exam (start, autosave, hand-in), which open their session
    themselves: one thread hop, and one round-trip instead of two, per request (with one
    thread hop per dependency, 200 students arriving at once held pooled connections between
    hops while the threads waiting for one held every worker slot: bench/exam_load.py on
    PostgreSQL, a 30 s pool timeout, then errors).
    """
    stored = session_user_id(request)
    user = student = None
    if stored is not None:
        row = session.exec(
            select(User, Student)
            .outerjoin(Student, col(Student.user_id) == User.id)
            .where(User.id == stored[0])
        ).first()
        user, student = row if row is not None else (None, None)
        user = signed_in(request, user, stored[1])
    student_only(current_user(user_even_if_password_expired(user)))
    return enrolled(student)


UserDep = Annotated[User, Depends(current_user)]
TeacherDep = Annotated[User, Depends(current_teacher)]
StudentDep = Annotated[Student, Depends(current_student)]


Row = TypeVar("Row")


def owned_or_404(session: Session, model: type[Row], row_id: int, message: str, **owner) -> Row:
    """The row ``row_id`` of ``model`` when its columns hold the ``owner`` values given
    (``student_id=student.id``); else a 404 with ``message``, for someone else's row exactly
    as for a missing one."""
    row = session.get(model, row_id)
    if row is None or any(getattr(row, name) != value for name, value in owner.items()):
        raise HTTPException(404, message)
    return row


async def posted_form(request: Request) -> FormData:
    """The posted form whole (``getlist`` for a repeated name), read on the event loop so the
    route itself can be sync: its database work and grading then run in a worker thread."""
    return await request.form()


async def form_fields(form: Annotated[FormData, Depends(posted_form)]) -> dict[str, str]:
    """The posted form as text fields (the last value of a repeated name), for a sync route."""
    return {k: v for k, v in form.items() if isinstance(v, str)}


PostedForm = Annotated[FormData, Depends(posted_form)]
FormFields = Annotated[dict[str, str], Depends(form_fields)]
