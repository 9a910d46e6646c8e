"""Session contents (user id + session version) and the CSRF token checked on every non-GET.

The session is Starlette's signed cookie (itsdangerous): HttpOnly, SameSite=Lax, Secure when
configured. It holds the user id, the user's session version (bumped to log out everywhere)
and the CSRF token. htmx sends the ``X-CSRF-Token`` header set once on <body hx-headers>;
plain forms send the ``csrf_token`` field; a multipart form (file upload) carries it in its
action URL (``?csrf_token=…``), so the check never parses a multipart body.

The check is a pure ASGI middleware, not a dependency: FastAPI parses a route's form
parameters before running its dependencies, so a dependency came too late to spare the
server an anonymous upload.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import parse_qs

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from agora.account.models import User

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
# Said to a 15-year-old whose page outlived its session: no jargon (« jeton »), what to do.
FORBIDDEN = (
    "La page a expiré : rechargez-la (touche F5). Ce que vous avez déjà enregistré est gardé."
)


def csrf_token(request: Request) -> str:
    """This session's CSRF token (created on first use)."""
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


class CsrfMiddleware:
    """Refuse (403) a non-GET request whose token is missing or wrong, before the route runs.

    Sits inside the session middleware (it reads the session's token) and inside the body
    limit (an urlencoded body it reads to find the field is already bounded).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        expected = scope.get("session", {}).get("csrf")
        sent = Headers(scope=scope).get(CSRF_HEADER) or _query_token(scope)
        if sent is None and expected and _is_urlencoded(scope):
            body = await _read_body(receive)
            sent = _field(body, CSRF_FIELD)
            receive = _replay(body, receive)
        if not expected or not sent or not hmac.compare_digest(sent, expected):
            await _forbidden(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _query_token(scope: Scope) -> str | None:
    values = parse_qs(scope.get("query_string", b"").decode("latin-1")).get(CSRF_FIELD)
    return values[0] if values else None


def _is_urlencoded(scope: Scope) -> bool:
    content_type = Headers(scope=scope).get("content-type", "")
    return content_type.startswith("application/x-www-form-urlencoded")


def _field(body: bytes, name: str) -> str | None:
    values = parse_qs(body.decode("latin-1")).get(name)
    return values[0] if values else None


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive that hands the already-read body to the app, then the real channel."""
    pending = True

    async def replay() -> Message:
        nonlocal pending
        if pending:
            pending = False
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _forbidden(scope: Scope, receive: Receive, send: Send) -> None:
    from agora.web.errors import error_page

    await error_page(Request(scope), 403, FORBIDDEN)(scope, receive, send)


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
