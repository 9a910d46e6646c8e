"""Exam fixtures: a clock tests can move (app.state.clock), evaluations, students taking them."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

QUESTIONS = [
    {"kind": "facture", "niveau": 2, "points": 8},
    {"kind": "rapprochement", "niveau": 1, "points": 6},
    {"kind": "bulletin_paie", "niveau": 1, "points": 6},
]


class FakeClock:
    """The server clock, moved by the test (no sleeping)."""

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(app) -> FakeClock:
    from agora.db import utcnow

    fake = FakeClock(utcnow().replace(microsecond=0))
    app.state.clock = fake
    return fake


@pytest.fixture
def teacher(make_teacher):
    return make_teacher(prenom="Paul", nom="Professeur")


@pytest.fixture
def classe(make_classe, teacher):
    return make_classe(teacher=teacher)


@pytest.fixture
def make_exam(db, clock, teacher, classe) -> Callable:
    """make_exam(questions=QUESTIONS, duree=60, melange=True, opens=-1 min, closes=+3 h)."""
    from agora.exam import creation

    def make(
        questions=None,
        duree: int = 60,
        melange: bool = True,
        opens: timedelta = timedelta(minutes=-1),
        closes: timedelta = timedelta(hours=3),
        on_classe=None,
    ):
        exam = creation.create_exam(
            db,
            teacher.id,
            on_classe or classe,
            titre="Évaluation de test",
            questions=questions or QUESTIONS,
            opens_at=clock() + opens,
            closes_at=clock() + closes,
            duree_minutes=duree,
            melange=melange,
        )
        db.commit()
        return exam

    return make


_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def _token(client, path: str = "/examen") -> str:
    return _CSRF.search(client.get(path).text).group(1)


@pytest.fixture
def start_exam() -> Callable:
    """start_exam(client, code) -> the copy id (the client is a logged-in student)."""

    def start(client, code: str) -> int:
        response = client.post(
            "/examen", data={"code": code, "csrf_token": _token(client)}, follow_redirects=False
        )
        assert response.status_code == 303, response.text[:800]
        return int(re.search(r"/copies/(\d+)/", response.headers["location"]).group(1))

    return start


@pytest.fixture
def autosave() -> Callable:
    """autosave(client, copy_id, position, fields) -> the htmx response of the autosave."""

    def save(client, copy_id: int, position: int, fields: dict[str, str], token: str):
        return client.post(
            f"/examen/copies/{copy_id}/questions/{position}",
            data=fields,
            headers={"HX-Request": "true", "X-CSRF-Token": token},
        )

    return save


@pytest.fixture
def token() -> Callable:
    return _token


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """A real uvicorn server in a thread (lifespan on: the background finaliser runs)."""

    def __init__(self, app):
        import threading

        import uvicorn

        from agora.serve import server_options

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="on",
            **server_options(),
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        import time

        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline, "le serveur ne démarre pas"
            time.sleep(0.02)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=20)


@pytest.fixture
def uvicorn_server():
    """uvicorn_server(app) -> a LiveServer; every server is stopped at the end of the test."""
    servers: list[LiveServer] = []

    def start(app) -> LiveServer:
        servers.append(LiveServer(app))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


def http_log_in(client, login: str, password: str = "motdepasse-de-test") -> None:
    """Log an httpx client in through the real login form."""
    token = _CSRF.search(client.get("/connexion").text).group(1)
    response = client.post(
        "/connexion",
        data={"identifiant": login, "mot_de_passe": password, "csrf_token": token},
        follow_redirects=True,
    )
    assert response.status_code == 200, response.text[:300]


@pytest.fixture
def http_login() -> Callable:
    return http_log_in


@pytest.fixture
def wait_graded(app) -> Callable:
    """wait_graded(copy_id) -> the copy once the background finaliser has graded it."""
    import time

    from sqlmodel import Session

    from agora.exam.models import ExamCopy

    def wait(copy_id: int, seconds: float = 30):
        deadline = time.monotonic() + seconds
        while True:
            with Session(app.state.engine) as session:
                copy = session.get(ExamCopy, copy_id)
            if copy.graded_at is not None or time.monotonic() > deadline:
                return copy
            time.sleep(0.05)

    return wait
