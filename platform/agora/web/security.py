"""Session contents (user id + session version) and the CSRF token checked on every non-GET.

The session is Starlette's signed cookie (itsdangerous): HttpOnly, SameSite=Lax, Secure when
configured. It holds the user id, the user's session version (bumped to log out everywhere)
and the CSRF token. Forms send the token as ``csrf_token``; htmx sends the ``X-CSRF-Token``
header set once on <body hx-headers>.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException, Request

from agora.account.models import User

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"


def csrf_token(request: Request) -> str:
    """This session's CSRF token (created on first use)."""
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def csrf_protect(request: Request) -> None:
    """App-wide dependency: a non-GET request without the session's token gets 403."""
    if request.method in SAFE_METHODS:
        return
    expected = request.session.get("csrf")
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and _is_form(request):
        sent = (await request.form()).get(CSRF_FIELD)
    if not expected or not isinstance(sent, str) or not hmac.compare_digest(sent, expected):
        raise HTTPException(403, "Jeton de sécurité manquant ou périmé : rechargez la page.")


def _is_form(request: Request) -> bool:
    content_type = request.headers.get("content-type", "")
    return content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))


def log_in(request: Request, user: User) -> None:
    """Start a fresh session for ``user`` (new CSRF token: no session fixation)."""
    request.session.clear()
    request.session.update(
        {"uid": user.id, "v": user.session_version, "csrf": secrets.token_urlsafe(32)}
    )


def refresh_version(request: Request, user: User) -> None:
    """Keep this session valid after the user's session version changed (password change)."""
    request.session["v"] = user.session_version


def log_out(request: Request) -> None:
    request.session.clear()


def session_user_id(request: Request) -> tuple[int, int] | None:
    """(user id, session version) stored in the cookie, or None when logged out."""
    uid, version = request.session.get("uid"), request.session.get("v")
    if isinstance(uid, int) and isinstance(version, int):
        return uid, version
    return None
