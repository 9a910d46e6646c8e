"""Login, logout, password change, and the home page that sends each role to its space."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from starlette.routing import NoMatchFound

from agora.account import service
from agora.account.models import User
from agora.db import SessionDep, utcnow, write_lock
from agora.errors import InvalidInput
from agora.web.deps import UserDep, optional_user, user_even_if_password_expired
from agora.web.rendering import redirect, refused_form, render
from agora.web.security import log_in, log_out, refresh_version

router = APIRouter()


@router.get("/", name="home")
def home(request: Request, user: UserDep):
    """Each role has its own start page."""
    if user.role == "eleve":
        return redirect(request, str(request.url_for("student_dashboard")))
    try:
        return redirect(request, str(request.url_for("teacher_home")))
    except NoMatchFound:  # teacher pages not installed
        return render(request, "account/teacher_pending.html", {})


@router.get("/connexion", name="login_form")
def login_form(
    request: Request,
    user: Annotated[User | None, Depends(optional_user)],
    suivant: str = "/",
):
    if user is not None:
        return redirect(request, str(request.url_for("home")))
    return render(request, "account/login.html", {"suivant": _safe_next(suivant), "error": None})


@router.post("/connexion", name="login")
def login(
    request: Request,
    session: SessionDep,
    identifiant: Annotated[str, Form(max_length=200)] = "",
    mot_de_passe: Annotated[str, Form(max_length=500)] = "",
    suivant: Annotated[str, Form(max_length=500)] = "/",
):
    ip = request.client.host if request.client else "?"

    def page(error: str):
        return {"suivant": _safe_next(suivant), "error": error, "identifiant": identifiant}

    with refused_form(request, "account/login.html", page):
        user = service.authenticate(
            session, request.app.state.login_throttle, identifiant, mot_de_passe, ip
        )
    # One short write under the process's SQLite write lock, like the exam autosaves: forty
    # students logging in at once must queue here, not in SQLite's busy handler.
    with write_lock(request.app.state.engine):
        service.remember_address(session, user, ip, utcnow())
        session.commit()
    log_in(request, user)
    if user.must_change_password:
        return redirect(request, str(request.url_for("password_form")))
    return redirect(request, _safe_next(suivant))


@router.post("/deconnexion", name="logout")
def logout(
    request: Request,
    session: SessionDep,
    user: Annotated[User | None, Depends(optional_user)],
):
    """End this session and every copy of its cookie (other browsers of the user too)."""
    if user is not None:
        service.end_sessions(session, user)
    log_out(request)
    return redirect(request, str(request.url_for("login_form")))


@router.get("/mot-de-passe", name="password_form")
def password_form(request: Request, user: Annotated[User, Depends(user_even_if_password_expired)]):
    return render(request, "account/password.html", {"user": user, "error": None})


@router.post("/mot-de-passe", name="change_password")
def change_password(
    request: Request,
    session: SessionDep,
    user: Annotated[User, Depends(user_even_if_password_expired)],
    actuel: Annotated[str, Form(max_length=500)] = "",
    nouveau: Annotated[str, Form(max_length=500)] = "",
    confirmation: Annotated[str, Form(max_length=500)] = "",
):
    def page(error: str):
        return {"user": user, "error": error}

    with refused_form(request, "account/password.html", page, refuse=InvalidInput):
        service.change_password(session, user, actuel, nouveau, confirmation)
    refresh_version(request, user)
    return redirect(request, str(request.url_for("home")))


def _safe_next(target: str) -> str:
    """Only a path of this site (no open redirect to another host)."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"
