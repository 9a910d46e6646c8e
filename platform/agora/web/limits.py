"""Request body limits: over its route's size (413), or a form carrying a NUL (400), before parsing.

Pure ASGI, outside every other layer: a declared Content-Length over the limit is answered at
once without calling the app; a chunked body is counted as it streams, and the read that
crosses the limit raises ``BodyTooLarge`` (an HTTP 413) instead of handing the bytes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TOO_LARGE = (
    "Envoi trop volumineux : rien n'a été enregistré. Raccourcissez le texte ou choisissez "
    "un fichier plus petit, puis réessayez."
)
NUL_REFUSED = (
    "Le texte envoyé contient un caractère invisible (NUL) : rien n'a été enregistré. "
    "Retapez-le au clavier plutôt que de le coller, puis réessayez."
)
LOGIN_PATHS = frozenset({"/connexion", "/mot-de-passe", "/deconnexion"})
IMPORT_PATH = re.compile(r"/enseignant/classes/[^/]+/import(/confirmer)?")
FILE_PATH = re.compile(r"/eleve/missions/[^/]+/etapes/[^/]+/fichier")


class BodyTooLarge(HTTPException):
    """The request body crossed its limit while being read."""

    def __init__(self) -> None:
        super().__init__(413, TOO_LARGE)


class NulInForm(HTTPException):
    """A form field holds a NUL character: no database column can store it (PostgreSQL)."""

    def __init__(self) -> None:
        super().__init__(400, NUL_REFUSED)


@dataclass(frozen=True)
class BodyLimits:
    """Largest body, in bytes, per route class: login forms, answers (the rest), CSV import,
    a student's handed-in file (0: no route of its own, the answers' limit)."""

    login: int
    answers: int
    upload: int
    fichier: int = 0

    def for_path(self, path: str) -> int:
        if path in LOGIN_PATHS:
            return self.login
        if IMPORT_PATH.fullmatch(path):
            return self.upload
        if self.fichier and FILE_PATH.fullmatch(path):
            return self.fichier
        return self.answers


class BodyLimitMiddleware:
    """Refuse bodies over the route's limit, declared or streamed, before any parsing."""

    def __init__(self, app: ASGIApp, limits: BodyLimits) -> None:
        self.app, self.limits = app, limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.for_path(scope["path"])
        if _declared_length(scope) > limit:
            await _refuse(scope, receive, send, 413, TOO_LARGE)
            return
        started = False

        async def counted_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        # The class import reads its text line by line and names the line with a NUL itself.
        nul_check = _is_urlencoded(scope) and not IMPORT_PATH.fullmatch(scope["path"])
        checked = _counting(receive, limit, nul_check)
        try:
            await self.app(scope, checked, counted_send)
        except (BodyTooLarge, NulInForm) as refused:
            if started:
                raise
            await _refuse(scope, receive, send, refused.status_code, refused.detail)


def _declared_length(scope: Scope) -> int:
    value = Headers(scope=scope).get("content-length", "")
    return int(value) if value.isdigit() else 0


def _is_urlencoded(scope: Scope) -> bool:
    content_type = Headers(scope=scope).get("content-type", "")
    return content_type.startswith("application/x-www-form-urlencoded")


def _counting(receive: Receive, limit: int, nul_check: bool) -> Receive:
    received, tail = 0, b""

    async def receive_counted() -> Message:
        nonlocal received, tail
        message = await receive()
        if message["type"] == "http.request":
            body = message.get("body", b"")
            received += len(body)
            if received > limit:
                raise BodyTooLarge
            # A form field is percent-encoded: "%00" may straddle two chunks, hence the tail.
            if nul_check and _has_nul(tail + body):
                raise NulInForm
            tail = (tail + body)[-2:]
        return message

    return receive_counted


def _has_nul(chunk: bytes) -> bool:
    return b"\x00" in chunk or b"%00" in chunk


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, message: str) -> None:
    from agora.web.errors import error_page

    response = error_page(Request(scope), status, message)
    response.headers["Connection"] = "close"  # the rest of the body is not read
    await response(scope, receive, send)
