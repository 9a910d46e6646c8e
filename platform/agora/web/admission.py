"""At most N requests of a process inside the app at once; the others wait their turn.

Why: a page runs its dependencies and its route in several worker-thread hops, and holds its
pooled database connection between them. 200 students opening their exam at the same second on
PostgreSQL (two processes) left every pooled connection held by requests waiting for a thread,
and every thread held by requests waiting for a connection: 30 s of silence, then errors
(bench/exam_load.py). Admitted requests are fewer than the pool's connections, so they always
find one; and a burst is served first come, first served, instead of every request sharing
the CPU and finishing as late as the last one.

A request waits for its turn only once its body has arrived (a phone slowly sending a poster
holds no place), and gives its place back as soon as its response starts (the response's body,
a downloaded file, is sent outside).
"""

from __future__ import annotations

import asyncio
import tempfile
import weakref

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from agora.web.security import SAFE_METHODS

IN_MEMORY = 1024 * 1024  # a larger body waits on disk
CHUNK = 64 * 1024


class AdmissionMiddleware:
    """Let ``limit`` requests at a time into ``app`` (static files always pass)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit
        # One gate per event loop: tests run several clients, each on its own loop.
        self._gates: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore]
        self._gates = weakref.WeakKeyDictionary()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
        elif scope["method"] in SAFE_METHODS:
            await self._admitted(scope, receive, send)
        else:
            arrived = _Arrived(receive)
            try:
                await arrived.read()
                await self._admitted(scope, arrived.receive, send)
            finally:
                arrived.close()

    async def _admitted(self, scope: Scope, receive: Receive, send: Send) -> None:
        gate = self._gate()
        await gate.acquire()
        inside = True

        def leave() -> None:
            nonlocal inside
            if inside:
                inside = False
                gate.release()

        async def send_then_leave(message: Message) -> None:
            if message["type"] == "http.response.start":
                leave()
            await send(message)

        try:
            await self.app(scope, receive, send_then_leave)
        finally:
            leave()

    def _gate(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        gate = self._gates.get(loop)
        if gate is None:
            gate = self._gates[loop] = asyncio.Semaphore(self.limit)
        return gate


class _Arrived:
    """A request's whole body, read before it waits (spooled to disk past IN_MEMORY), then
    replayed to the app in chunks, then the real channel (a disconnect)."""

    def __init__(self, channel: Receive) -> None:
        self.channel = channel
        self.body = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY)  # noqa: SIM115 (close)
        self.size = 0
        self.replayed = False
        self.pending: list[Message] = []  # a disconnect met while reading

    async def read(self) -> None:
        while True:
            message = await self.channel()
            if message["type"] != "http.request":
                self.pending.append(message)
                break
            self.size += self.body.write(message.get("body", b""))
            if not message.get("more_body", False):
                break
        self.body.seek(0)

    async def receive(self) -> Message:
        if not self.replayed:
            chunk = self.body.read(CHUNK)
            self.replayed = self.body.tell() >= self.size
            return {"type": "http.request", "body": chunk, "more_body": not self.replayed}
        return self.pending.pop() if self.pending else await self.channel()

    def close(self) -> None:
        self.body.close()
