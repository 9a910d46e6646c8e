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
    from agora.exam import service

    def make(
        questions=None,
        duree: int = 60,
        melange: bool = True,
        opens: timedelta = timedelta(minutes=-1),
        closes: timedelta = timedelta(hours=3),
        on_classe=None,
    ):
        exam = service.create_exam(
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
