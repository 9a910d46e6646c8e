"""A burst of requests is served first come, first served by ``settings.threads`` worker
threads per process: the others wait their turn instead of sharing the CPU with every request
at once (then each would finish as late as the last one)."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from agora.app import create_app
from agora.web.admission import AdmissionMiddleware


def _peak_concurrency(settings, requests: int) -> int:
    """How many requests to a slow page of an app with these settings run at the same time."""
    app = create_app(settings)
    lock, running, peak = threading.Lock(), [0], [0]

    @app.get("/lent")
    def slow_page():
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.15)
        with lock:
            running[0] -= 1
        return {}

    with TestClient(app) as client, ThreadPoolExecutor(requests) as browsers:
        answers = list(browsers.map(lambda _: client.get("/lent"), range(requests)))
    app.state.engine.dispose()
    assert [a.status_code for a in answers] == [200] * requests
    return peak[0]


def test_a_burst_runs_on_no_more_threads_than_the_setting(settings):
    assert (
        _peak_concurrency(settings.model_copy(update={"concurrent_requests": 2}), requests=6) == 2
    )


def test_the_default_serves_a_burst_on_a_few_threads(settings):
    assert _peak_concurrency(settings, requests=12) == settings.concurrent_requests == 8


def test_a_burst_of_pages_finds_connections_on_a_small_pool(
    app, settings, make_student, as_student
):
    """More requests at once than threads and connections: each page holds its connection
    between its thread hops; without the admission every connection ended up held by a page
    waiting for a thread and every thread by a page waiting for a connection (errors after the
    pool's 30 s)."""
    if app.state.engine.dialect.name != "postgresql":
        pytest.skip("SQLite connections are never waited for")
    student = make_student()
    small = create_app(settings.model_copy(update={"db_connections": 6}))
    with TestClient(small) as client, ThreadPoolExecutor(80) as browsers:
        as_student(client, student)
        codes = list(browsers.map(lambda _: client.get("/eleve").status_code, range(160)))
    small.state.engine.dispose()
    assert codes == [200] * 160


async def _echo(scope, receive, send):
    """A page that reads its whole body and answers it back."""
    body, more = b"", True
    while more:
        message = await receive()
        body, more = body + message.get("body", b""), message.get("more_body", False)
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": body})


def _request(method: str) -> dict:
    return {"type": "http", "method": method, "path": "/page", "headers": []}


def test_a_slowly_sent_body_holds_no_place_and_reaches_the_page_whole():
    gate = AdmissionMiddleware(_echo, limit=1)

    async def scenario():
        chunks = asyncio.Queue()
        slow_sent, quick_sent = [], []

        async def slow_receive():
            return await chunks.get()

        async def no_body():
            return {"type": "http.request", "body": b"", "more_body": False}

        async def collect(into, message):
            into.append(message)

        slow = asyncio.create_task(
            gate(_request("POST"), slow_receive, lambda m: collect(slow_sent, m))
        )
        await chunks.put({"type": "http.request", "body": b"a" * 700_000, "more_body": True})
        await asyncio.sleep(0.05)  # the phone is still sending: another request goes first
        await asyncio.wait_for(
            gate(_request("GET"), no_body, lambda m: collect(quick_sent, m)), timeout=2
        )
        await chunks.put({"type": "http.request", "body": b"b" * 700_000, "more_body": False})
        await asyncio.wait_for(slow, timeout=2)
        return slow_sent, quick_sent

    slow_sent, quick_sent = asyncio.run(scenario())
    assert quick_sent[0]["status"] == 200
    assert slow_sent[1]["body"] == b"a" * 700_000 + b"b" * 700_000  # past memory: on disk


def test_a_place_is_given_back_when_the_response_starts():
    async def download(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await scope["sent"].wait()  # a slow phone downloading a file
        await send({"type": "http.response.body", "body": b"..."})

    gate = AdmissionMiddleware(download, limit=1)

    async def scenario():
        sent, statuses = asyncio.Event(), []

        async def send(message):
            statuses.append(message.get("status"))

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        first = asyncio.create_task(gate(_request("GET") | {"sent": sent}, receive, send))
        await asyncio.sleep(0.05)
        second = asyncio.create_task(gate(_request("GET") | {"sent": sent}, receive, send))
        await asyncio.sleep(0.05)
        started_meanwhile = statuses.count(200)
        sent.set()
        await asyncio.wait_for(asyncio.gather(first, second), timeout=2)
        return started_meanwhile

    assert asyncio.run(scenario()) == 2
