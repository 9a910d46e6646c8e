"""A lean asyncio HTTP/1.1 client for the load benches: one keep-alive connection, cookies.

Why not httpx here: the simulated browsers share the 2 cores with the servers and PostgreSQL.
An httpx.AsyncClient costs 40 ms and ~1.5 MB to build (its own TLS context) and about a
millisecond of CPU per request (`.venv/bin/python bench/lean_http.py` prints both); 1 000 of them
held 1.8 GB, and the client's garbage collections and CPU showed up as latency of the
server. A real class's browsers run on their own machines. This client speaks just what the
platform answers: Content-Length or chunked bodies, Set-Cookie, no TLS, no redirects followed
(as httpx by default).
"""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit


class HTTPError(Exception):
    """The connection failed or the answer could not be read."""


@dataclass
class Response:
    status_code: int
    headers: dict[str, str]  # lower-case names; the last of repeated headers
    content: bytes
    closes: bool = False  # the server closes the connection after this answer

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")


@dataclass
class Client:
    base_url: str
    timeout: float = 60.0
    keepalive_expiry: float = 2.0  # shorter than uvicorn's 5 s: no race with its close
    cookies: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        parts = urlsplit(self.base_url)
        self._host, self._port = parts.hostname, parts.port or 80
        self._reader = self._writer = None
        self._idle_since = 0.0

    async def get(self, path: str, headers: dict[str, str] | None = None) -> Response:
        return await self.request("GET", path, headers=headers)

    async def post(
        self,
        path: str,
        data: dict[str, str] | None = None,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        if params:
            path = f"{path}?{urlencode(params)}"
        return await self.request(
            "POST", path, body=urlencode(data or {}).encode(), headers=headers
        )

    async def request(self, method, path, body=None, headers=None) -> Response:
        try:
            return await asyncio.wait_for(self._exchange(method, path, body, headers), self.timeout)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
            await self.aclose()
            raise HTTPError(f"{method} {path}: {type(error).__name__}") from error

    async def _exchange(self, method, path, body, headers) -> Response:
        if self._writer is None or time.monotonic() - self._idle_since > self.keepalive_expiry:
            await self.aclose()
            self._reader, self._writer = await asyncio.open_connection(self._host, self._port)
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self._host}:{self._port}"]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if body is not None:
            lines += [
                "Content-Type: application/x-www-form-urlencoded",
                f"Content-Length: {len(body)}",
            ]
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        self._writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + (body or b""))
        response = await self._read_response()
        if response.closes:
            await self.aclose()
        self._idle_since = time.monotonic()
        return response

    async def _read_response(self) -> Response:
        head = (await self._reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        version, status = head[0].split(" ", 2)[:2]
        headers = {}
        for line in head[1:]:
            if not line:
                continue
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            headers[name] = value
            if name == "set-cookie":
                cookie, _, attributes = value.partition(";")
                key, _, cookie_value = cookie.partition("=")
                if (
                    "max-age=0" in attributes.lower()
                    or "expires=thu, 01 jan 1970" in attributes.lower()
                ):
                    self.cookies.pop(key.strip(), None)
                else:
                    self.cookies[key.strip()] = cookie_value.strip()
        if headers.get("transfer-encoding", "").lower() == "chunked":
            content = await self._read_chunks()
        else:
            content = await self._reader.readexactly(int(headers.get("content-length", "0")))
        closes = version == "HTTP/1.0" or headers.get("connection", "").lower() == "close"
        return Response(int(status), headers, content, closes)

    async def _read_chunks(self) -> bytes:
        parts = []
        while size := int((await self._reader.readuntil(b"\r\n")).split(b";")[0], 16):
            parts.append(await self._reader.readexactly(size))
            await self._reader.readexactly(2)
        await self._reader.readuntil(b"\r\n")  # no trailers
        return b"".join(parts)

    async def aclose(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._reader = self._writer = None

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.aclose()


# ------------------------------------------------------- what a client costs (run by hand)


async def _cpu_per_request(make_client, base: str, clients: int, requests: int) -> float:
    async def one(client):
        async with client:
            for _ in range(requests):
                await client.get("/")

    built = [make_client(base) for _ in range(clients)]
    start = time.process_time()
    await asyncio.gather(*(one(c) for c in built))
    return (time.process_time() - start) / (clients * requests)


_HELLO_SERVER = """
import uvicorn
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"ok"})
uvicorn.run(app, port=%d, log_level="warning")
"""


def main() -> None:
    import httpx

    with socket.socket() as free:  # a port nobody uses
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-c", _HELLO_SERVER % port])
    try:
        time.sleep(1)
        base = f"http://127.0.0.1:{port}"
        start = time.process_time()
        httpx_clients = [httpx.AsyncClient(base_url=base) for _ in range(20)]
        build = (time.process_time() - start) / 20
        for c in httpx_clients:
            asyncio.run(c.aclose())
        lean = asyncio.run(_cpu_per_request(Client, base, 20, 50))
        heavy = asyncio.run(_cpu_per_request(lambda b: httpx.AsyncClient(base_url=b), base, 20, 50))
        print(
            f"httpx.AsyncClient : {build * 1000:.1f} ms CPU à construire, {heavy * 1000:.2f} ms CPU par requête"
        )
        print(f"lean_http.Client  : {lean * 1000:.2f} ms CPU par requête")
    finally:
        server.kill()


if __name__ == "__main__":
    main()
