"""`agora serve` stops soon after SIGTERM, even with a class autosaving, and keeps every
acknowledged save; a wrong AGORA_… setting is one French line, not a traceback."""

from __future__ import annotations

import gc
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlmodel import Session, select

from agora.cli import main

STUDENTS = 8
PASSWORD = "arret-propre-2026"
STOP_BOUND = 8.0  # seconds; the target is 5 (bench and README), this is a hang guard
IDLE_BETWEEN_SAVES = 8  # seconds a student may think between two autosaves (and more)
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def _prepare(url: str) -> tuple[str, list[str]]:
    from agora import migrations
    from agora.account.service import create_user, hash_password
    from agora.classroom.models import Classe, Student
    from agora.config import Settings
    from agora.db import make_engine, utcnow
    from agora.exam import creation

    engine = make_engine(Settings(environment="test", database_url=url))
    migrations.upgrade(engine)
    hashed, logins = hash_password(PASSWORD), []
    with Session(engine, expire_on_commit=False) as session:
        people = {"role": "enseignant", "password": "", "password_hash": hashed}
        teacher = create_user(
            session, prenom="Ana", nom="Prof", must_change_password=False, **people
        )
        classe = Classe(teacher_id=teacher.id, nom="1re A", annee_scolaire="2025-2026")
        session.add(classe)
        session.flush()
        for i in range(STUDENTS):
            people["role"] = "eleve"
            user = create_user(
                session, prenom="Eleve", nom=f"Arret{i}", must_change_password=False, **people
            )
            session.add(Student(user_id=user.id, classe_id=classe.id, org_seed=500 + i))
            logins.append(user.login)
        session.flush()
        exam = creation.create_exam(
            session,
            teacher.id,
            classe,
            titre="Arrêt",
            questions=[{"kind": "facture", "niveau": 1, "points": 10}],
            opens_at=utcnow() - timedelta(minutes=1),
            closes_at=utcnow() + timedelta(hours=2),
            duree_minutes=60,
            melange=False,
        )
        session.commit()
        code = exam.code
    engine.dispose()
    return code, logins


class Typist:
    def __init__(self, base: str, login: str, code: str):
        self.client = httpx.Client(base_url=base, timeout=10)
        token = CSRF.search(self.client.get("/connexion").text).group(1)
        self.client.post(
            "/connexion", data={"identifiant": login, "mot_de_passe": PASSWORD, "csrf_token": token}
        )
        self.token = CSRF.search(self.client.get("/examen").text).group(1)
        started = self.client.post(
            "/examen", data={"code": code, "csrf_token": self.token}, follow_redirects=True
        )
        self.copy_id = int(re.search(r"/copies/(\d+)/", str(started.url)).group(1))
        self.acked, self.acks = -1, 0

    def type(self, stop: threading.Event) -> None:
        k = 0
        while not stop.is_set():
            try:
                r = self.client.post(
                    f"/examen/copies/{self.copy_id}/questions/1",
                    data={"total_ht": str(k)},
                    headers={"HX-Request": "true", "X-CSRF-Token": self.token},
                )
            except httpx.HTTPError:  # the server is stopping: not acknowledged
                break
            if r.status_code == 200 and "Enregistré à" in r.text:
                self.acked, self.acks = k, self.acks + 1
            k += 1


def _wait_for_port(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "le serveur s'est arrêté au démarrage"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("le serveur ne démarre pas")


def _agora_serve(tmp_path: Path, url: str, *options: str) -> tuple[subprocess.Popen, int]:
    """A real `agora serve` in production settings on a free port (not yet answering)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = os.environ | {
        "AGORA_DATABASE_URL": url,
        "AGORA_ENVIRONMENT": "production",
        "AGORA_SECRET_KEY": "secret-de-test-0123456789abcdef",
        "AGORA_DATA_DIR": str(tmp_path),
    }
    agora = Path(sys.executable).parent / "agora"
    with (tmp_path / "serve.log").open("wb") as log:
        server = subprocess.Popen(
            [str(agora), "serve", "--port", str(port), *options], env=env, stdout=log, stderr=log
        )
    return server, port


def test_sigterm_stops_the_server_under_load_and_keeps_acknowledged_saves(tmp_path):
    from agora.exam.models import ExamAnswer

    url = f"sqlite:///{tmp_path / 'agora.sqlite3'}"
    code, logins = _prepare(url)
    server, port = _agora_serve(tmp_path, url)
    try:
        _wait_for_port(port, server)
        typists = [Typist(f"http://127.0.0.1:{port}", login, code) for login in logins]
        stop = threading.Event()
        threads = [threading.Thread(target=t.type, args=(stop,)) for t in typists]
        for t in threads:
            t.start()
        while sum(t.acks for t in typists) < STUDENTS * 3:
            time.sleep(0.01)
        sent = time.monotonic()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        stopped_after = time.monotonic() - sent
        stop.set()
        for t in threads:
            t.join(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
    assert stopped_after < STOP_BOUND, f"arrêt en {stopped_after:.1f} s"

    from agora.config import Settings
    from agora.db import make_engine

    engine = make_engine(Settings(environment="test", database_url=url))
    with Session(engine) as session:
        stored = {a.copy_id: a for a in session.exec(select(ExamAnswer))}
    engine.dispose()
    for t in typists:
        answer = stored[t.copy_id]
        # A save stored just as the connection was cut may follow the last acknowledged one.
        assert int(answer.answer["total_ht"]) >= t.acked and answer.saves >= t.acks


def _is_open(sock: socket.socket) -> bool:
    """Whether the server still holds this idle connection (it sent no FIN, no reset)."""
    sock.setblocking(False)
    try:
        return sock.recv(1, socket.MSG_PEEK) != b""
    except BlockingIOError:
        return True
    except ConnectionResetError:
        return False


def test_an_idle_student_connection_stays_open_between_two_autosaves(tmp_path):
    # A student thinks for a few seconds between two autosaves and the browser reuses its
    # connection; with uvicorn's 5 s default the server closed it meanwhile, and a save sent
    # just then failed on a reset connection (seen in test_exam_closing_load).
    url = f"sqlite:///{tmp_path / 'agora.sqlite3'}"
    _prepare(url)
    server, port = _agora_serve(tmp_path, url)
    try:
        _wait_for_port(port, server)
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(b"GET /connexion HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            with sock.makefile("rb") as response:
                assert response.readline().startswith(b"HTTP/1.1 200")
            time.sleep(IDLE_BETWEEN_SAVES)
            assert _is_open(sock), f"connexion fermée après {IDLE_BETWEEN_SAVES} s d'inactivité"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_wrong_setting_is_one_french_line(monkeypatch, capsys):
    monkeypatch.setenv("AGORA_SQLITE_SYNCHRONOUS", "OFF")
    monkeypatch.setenv("AGORA_ENVIRONMENT", "development")
    with pytest.raises(SystemExit) as stopped:
        main(["serve", "--port", "1"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err.strip()
    assert "AGORA_SQLITE_SYNCHRONOUS" in err and "NORMAL" in err and "\n" not in err


@pytest.mark.parametrize("workers", ["0", "33", "deux"])
def test_a_wrong_number_of_workers_is_one_french_line(workers, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["serve", "--workers", workers, "--port", "1"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err.strip()
    assert "--workers" in err and "\n" not in err


def test_serve_with_two_workers_answers_and_stops_on_sigterm(tmp_path):
    url = f"sqlite:///{tmp_path / 'agora.sqlite3'}"
    server, port = _agora_serve(tmp_path, url, "--workers", "2")  # migrates the empty base
    try:
        _wait_for_port(port, server)
        pages = [httpx.get(f"http://127.0.0.1:{port}/connexion", timeout=30) for _ in range(4)]
        assert all(page.status_code == 200 for page in pages)
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
    log = (tmp_path / "serve.log").read_text(errors="replace")
    assert log.count("Application startup complete") == 2


@pytest.mark.parametrize("workers", [1, 2, 4])
def test_the_workers_share_the_machine_s_postgresql_connections(workers):
    # 2 workers × 45 connections went past PostgreSQL's 100 (« too many clients »).
    from agora.config import Settings
    from agora.db import make_engine

    settings = Settings(
        environment="test",
        database_url="postgresql+psycopg://agora@127.0.0.1:5432/agora",  # never connected
        workers=workers,
    )
    engine = make_engine(settings)
    most = engine.pool.size() + engine.pool._max_overflow
    engine.dispose()
    assert workers * most <= settings.db_connections and most >= 10 // workers


def test_a_served_process_is_ready_before_its_first_request(tmp_path, monkeypatch):
    # Compiling a page at its first request held every request of a starting class (1.3 s
    # for the hundred templates); a full collection walked ~280 000 startup objects, 150–200
    # ms with every request waiting (bench/exam_load.py open loop, p99 of saves).
    from fastapi.testclient import TestClient

    from agora.serve import worker_app

    monkeypatch.setenv("AGORA_ENVIRONMENT", "test")
    monkeypatch.setenv("AGORA_DATABASE_URL", f"sqlite:///{tmp_path / 'agora.sqlite3'}")
    app = worker_app()
    loader, compiled = app.state.templates.loader, []
    read_source = loader.get_source
    monkeypatch.setattr(loader, "get_source", lambda *a: compiled.append(a[1]) or read_source(*a))
    gc.unfreeze()
    try:
        with TestClient(app) as client:
            frozen = gc.get_freeze_count()
            compiled.clear()
            assert client.get("/connexion").status_code == 200
    finally:
        gc.unfreeze()
    assert compiled == []  # compiled at startup, not by the request
    assert frozen > 50_000
