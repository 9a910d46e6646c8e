"""Request size limits: a body over its route's limit is refused (413) before anything parses it.

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
LOGIN_PATHS = frozenset({"/connexion", "/mot-de-passe", "/deconnexion"})
IMPORT_PATH = re.compile(r"/enseignant/classes/[^/]+/import(/confirmer)?")


class BodyTooLarge(HTTPException):
    """The request body crossed its limit while being read."""

    def __init__(self) -> None:
        super().__init__(413, TOO_LARGE)


@dataclass(frozen=True)
class BodyLimits:
    """Largest body, in bytes, per route class: login forms, answers (the rest), CSV import."""

    login: int
    answers: int
    upload: int

    def for_path(self, path: str) -> int:
        if path in LOGIN_PATHS:
            return self.login
        if IMPORT_PATH.fullmatch(path):
            return self.upload
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
            await _refuse(scope, receive, send)
            return
        started = False

        async def counted_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, _counting(receive, limit), counted_send)
        except BodyTooLarge:
            if started:
                raise
            await _refuse(scope, receive, send)


def _declared_length(scope: Scope) -> int:
    value = Headers(scope=scope).get("content-length", "")
    return int(value) if value.isdigit() else 0


def _counting(receive: Receive, limit: int) -> Receive:
    received = 0

    async def receive_counted() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise BodyTooLarge
        return message

    return receive_counted


async def _refuse(scope: Scope, receive: Receive, send: Send) -> None:
    from agora.web.errors import error_page

    response = error_page(Request(scope), 413, TOO_LARGE)
    response.headers["Connection"] = "close"  # the rest of the body is not read
    await response(scope, receive, send)
