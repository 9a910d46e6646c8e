"""A class autosaving while the exam closes (deadline, « Clôturer maintenant »): no 5xx, no
acknowledged save lost, refusals say "not saved", the server keeps answering; and the one lock
order of exam writes (process write lock first, then SQLite's), checked on every path."""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections import Counter

import httpx
import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from agora import db as db_module
from agora.account.models import User
from agora.exam import service
from agora.exam.models import ExamAnswer, ExamCopy, ExamEvent

STUDENTS = 24
REFUSALS_EACH = 3  # every student goes on saving until refused this many times
HANG_GUARD = 10.0  # seconds: a frozen server, not a slow one (speed is bench/exam_load.py's)
NOT_SAVED = "pas été enregistrée"  # (the apostrophe is escaped in HTML)


class Typist:
    """One student's browser autosaving question 1 until the exam refuses it."""

    def __init__(self, login: str, base: str, http_login, code: str):
        self.client = httpx.Client(base_url=base, timeout=HANG_GUARD)
        http_login(self.client, login)
        token_page = self.client.get("/examen").text
        self.token = re.search(r'name="csrf_token" value="([^"]+)"', token_page).group(1)
        started = self.client.post(
            "/examen", data={"code": code, "csrf_token": self.token}, follow_redirects=True
        )
        self.copy_id = int(re.search(r"/copies/(\d+)/", str(started.url)).group(1))
        self.acked: str | None = None
        self.acks = self.refusals = 0
        self.errors: list[str] = []

    def type_until_refused(self, limit: int = 200) -> None:
        for k in range(limit):
            if self.refusals >= REFUSALS_EACH:
                break
            value = f"{self.copy_id}/{k}"
            try:
                r = self.client.post(
                    f"/examen/copies/{self.copy_id}/questions/1",
                    data={"total_ht": value},
                    headers={"HX-Request": "true", "X-CSRF-Token": self.token},
                )
            except httpx.HTTPError as error:
                self.errors.append(type(error).__name__)
                continue
            if r.status_code == 200 and "Enregistré à" in r.text:
                self.acked, self.acks = value, self.acks + 1
            elif r.status_code == 200 and NOT_SAVED in r.text:
                self.refusals += 1
            else:
                self.errors.append(f"{r.status_code} {r.text[:200]}")
        self.client.close()


def _probe_login_page(base: str, stop: threading.Event, failures: list[str]) -> None:
    with httpx.Client(base_url=base, timeout=HANG_GUARD) as client:
        while not stop.is_set():
            try:
                r = client.get("/connexion")
                if r.status_code != 200:
                    failures.append(f"GET /connexion {r.status_code}")
            except httpx.HTTPError as error:
                failures.append(f"GET /connexion {type(error).__name__}")
            time.sleep(0.05)


@pytest.mark.parametrize("how", ["heure_limite", "cloture_enseignant"])
def test_a_class_typing_while_the_exam_closes(
    how, app, db, clock, teacher, classe, make_student, make_exam, uvicorn_server, http_login
):
    made = [make_student(classe=classe) for _ in range(STUDENTS)]
    exam = make_exam(duree=30, melange=False)  # position 1 = question index 0
    server = uvicorn_server(app)
    logins = [db.get(User, s.user_id).login for s in made]
    # One after the other: logging in is setup, not what is tested (24 argon2 checks at once
    # on a loaded 2-core machine could pass the hang guard).
    typists = [Typist(login, server.url, http_login, exam.code) for login in logins]
    assert len(typists) == STUDENTS
    teacher_browser = httpx.Client(base_url=server.url, timeout=HANG_GUARD, follow_redirects=True)
    http_login(teacher_browser, teacher.login)
    monitor = teacher_browser.get(f"/enseignant/evaluations/{exam.id}").text
    teacher_token = re.search(r'name="csrf_token" value="([^"]+)"', monitor).group(1)

    stop, probe_failures = threading.Event(), []
    probe = threading.Thread(target=_probe_login_page, args=(server.url, stop, probe_failures))
    probe.start()
    workers = [threading.Thread(target=t.type_until_refused) for t in typists]
    for w in workers:
        w.start()
    # Everyone is typing: each student has two saves acknowledged (a sum over the class let
    # the deadline pass before a slow student's first save, on a loaded machine).
    started = time.monotonic()
    while min(t.acks for t in typists) < 2:
        assert time.monotonic() - started < 60, [t.errors for t in typists if t.acks < 2]
        time.sleep(0.01)
    if how == "heure_limite":
        clock.advance(minutes=30)
    else:
        closed = teacher_browser.post(
            f"/enseignant/evaluations/{exam.id}/cloturer",
            data={"csrf_token": teacher_token, "confirmation": "oui"},
        )
        assert closed.status_code == 200 and "Évaluation close" in closed.text
    for w in workers:
        w.join(timeout=120)
    login_page = httpx.get(f"{server.url}/connexion", timeout=HANG_GUARD)
    stop.set()
    probe.join()
    teacher_browser.close()

    assert [e for t in typists for e in t.errors] == []
    assert probe_failures == [] and login_page.status_code == 200
    assert all(t.refusals == REFUSALS_EACH for t in typists)
    with Session(app.state.engine) as session:
        copies = {c.id: c for c in session.exec(select(ExamCopy))}
        answers = {a.copy_id: a for a in session.exec(select(ExamAnswer)) if a.question == 0}
        refusals = Counter(
            e.copy_id for e in session.exec(select(ExamEvent).where(ExamEvent.type == "refus"))
        )
    for t in typists:
        assert answers[t.copy_id].answer == {"total_ht": t.acked}  # the last acknowledged
        assert answers[t.copy_id].saves == t.acks
        assert refusals[t.copy_id] == REFUSALS_EACH  # each refusal is in the exam log
        assert service.is_closed(copies[t.copy_id], clock())


class CheckedWriteLock:
    """The process write lock, checking the lock order: whenever a thread takes or gives it
    back, no SQLite write transaction is open (none started outside the lock, none left open
    when leaving it)."""

    def __init__(self, path: str):
        self.lock, self.path, self.violations = threading.Lock(), path, []

    def _sqlite_is_free(self, when: str) -> None:
        probe = sqlite3.connect(self.path, timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
        except sqlite3.OperationalError as error:
            self.violations.append(f"{when}: {error}")
        finally:
            probe.close()

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        acquired = self.lock.acquire(blocking, timeout)
        if acquired:
            self._sqlite_is_free("prise du verrou")
        return acquired

    def release(self) -> None:
        self._sqlite_is_free("rendu du verrou")
        self.lock.release()

    __enter__ = acquire

    def __exit__(self, *_exc) -> None:
        self.release()


def test_every_exam_write_takes_the_process_lock_before_sqlites(
    app,
    database_url,
    client,
    new_client,
    db,
    clock,
    teacher,
    classe,
    make_student,
    make_exam,
    as_student,
    as_teacher,
    start_exam,
    autosave,
    token,
):
    if not database_url.startswith("sqlite"):
        pytest.skip("l'ordre des verrous ne concerne que SQLite (un seul écrivain)")
    checked = CheckedWriteLock(sa.engine.make_url(database_url).database)
    db_module._write_locks[app.state.engine] = checked
    exam = make_exam(duree=10, melange=False)
    lea, tom = make_student(classe=classe), make_student(classe=classe)
    as_student(client, lea)
    copy_id = start_exam(client, exam.code)
    tok = token(client, f"/examen/copies/{copy_id}/questions/1")
    assert "Enregistré" in autosave(client, copy_id, 1, {"total_ht": "1"}, tok).text
    client.post(f"/examen/copies/{copy_id}/rendre", data={"csrf_token": tok, "confirmation": "oui"})
    client.post(
        f"/examen/copies/{copy_id}/rendre", data={"csrf_token": tok, "confirmation": "oui"}
    )  # double click
    assert NOT_SAVED in autosave(client, copy_id, 1, {"total_ht": "2"}, tok).text
    late = as_student(new_client(), tom)
    late_copy = start_exam(late, exam.code)
    late_tok = token(late, f"/examen/copies/{late_copy}/questions/1")
    clock.advance(minutes=10)
    assert NOT_SAVED in autosave(late, late_copy, 1, {"total_ht": "3"}, late_tok).text
    late.get(f"/examen/copies/{late_copy}")  # lazy close
    prof = as_teacher(new_client(), teacher)
    base = f"/enseignant/evaluations/{exam.id}"
    prof_tok = token(prof, base)
    for path, data in [
        ("/temps", {"minutes": "5"}),
        (f"/copies/{late_copy}/rouvrir", {"minutes": "5"}),
        ("/cloturer", {"confirmation": "oui"}),
        ("/publier", {"confirmation": "oui"}),
        ("/recorriger", {"confirmation": "oui"}),
        ("/depublier", {"confirmation": "oui"}),
    ]:
        assert prof.post(base + path, data=data | {"csrf_token": prof_tok}).status_code == 200
    assert prof.get(base + "/resultats").status_code == 200
    assert checked.violations == []
