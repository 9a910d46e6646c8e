"""Two `agora serve` processes on one PostgreSQL database (issue 17): nothing the platform
needs lives in one process — a session opened on one is valid on the other, and an exam's
copies are collected and graded exactly once when both finalise."""

from __future__ import annotations

import os
import re
import threading
import time
import uuid
from urllib.parse import quote

import httpx
import pytest
import sqlalchemy as sa
from tests.test_serve import CSRF, PASSWORD, STUDENTS, _agora_serve, _prepare, _wait_for_port

_PG_URL = os.environ.get("AGORA_TEST_DATABASE_URL")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not _PG_URL, reason="AGORA_TEST_DATABASE_URL non défini"),
]


@pytest.fixture
def pg_url():
    """A new PostgreSQL schema nobody else uses (dropped afterwards)."""
    schema = f"w_{uuid.uuid4().hex[:16]}"
    admin = sa.create_engine(_PG_URL)
    with admin.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in _PG_URL else "?"
    yield f"{_PG_URL}{separator}options={quote(f'-csearch_path={schema}')}"
    with admin.begin() as connection:
        connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def two_servers(tmp_path, pg_url):
    """(exam code, student logins, [base URL of server A, of server B]) on one database."""
    code, logins = _prepare(pg_url)
    servers = []
    try:
        for name in ("a", "b"):
            folder = tmp_path / name
            folder.mkdir()
            servers.append(_agora_serve(folder, pg_url))
        for server, port in servers:
            _wait_for_port(port, server)
        yield code, logins, [f"http://127.0.0.1:{port}" for _, port in servers]
    finally:
        for server, _ in servers:
            server.terminate()
        for server, _ in servers:
            try:
                server.wait(timeout=30)
            except Exception:
                server.kill()


def _log_in(client: httpx.Client, base: str, login: str) -> None:
    token = CSRF.search(client.get(f"{base}/connexion").text).group(1)
    client.post(
        f"{base}/connexion",
        data={"identifiant": login, "mot_de_passe": PASSWORD, "csrf_token": token},
    )


def _start(client: httpx.Client, base: str, code: str) -> tuple[int, str]:
    token = CSRF.search(client.get(f"{base}/examen").text).group(1)
    started = client.post(
        f"{base}/examen", data={"code": code, "csrf_token": token}, follow_redirects=True
    )
    return int(re.search(r"/copies/(\d+)/", str(started.url)).group(1)), token


def _save(client: httpx.Client, base: str, copy_id: int, token: str, value: str):
    return client.post(
        f"{base}/examen/copies/{copy_id}/questions/1",
        data={"total_ht": value},
        headers={"HX-Request": "true", "X-CSRF-Token": token},
    )


def test_a_student_logged_in_on_one_process_saves_on_the_other_and_is_logged_out_on_both(
    two_servers, pg_url
):
    code, logins, (a, b) = two_servers
    with httpx.Client(timeout=30) as browser:
        _log_in(browser, a, logins[0])
        copy_id, token = _start(browser, a, code)
        saved = _save(browser, b, copy_id, token, "123,45")
        assert saved.status_code == 200 and "Enregistré à" in saved.text
        assert "/connexion" not in str(browser.get(f"{b}/examen", follow_redirects=True).url)
        # Logged out everywhere (a password change): every process sees it at once.
        engine = sa.create_engine(pg_url)
        with engine.begin() as db:
            db.execute(sa.text("UPDATE users SET session_version = session_version + 1"))
        engine.dispose()
        for base in (b, a):
            assert "/connexion" in str(browser.get(f"{base}/examen", follow_redirects=True).url)
    engine = sa.create_engine(pg_url)
    with engine.connect() as db:
        stored = db.execute(
            sa.text("SELECT answer FROM exam_answers WHERE copy_id = :c AND saved_at IS NOT NULL"),
            {"c": copy_id},
        ).scalar_one()
    engine.dispose()
    assert stored["total_ht"] == "123,45"


def test_both_processes_finalise_and_each_copy_is_graded_once(two_servers, pg_url):
    code, logins, (a, b) = two_servers
    copies = []
    for i, login in enumerate(logins):
        with httpx.Client(timeout=30) as browser:
            base = (a, b)[i % 2]
            _log_in(browser, base, login)
            copy_id, token = _start(browser, base, code)
            assert _save(browser, base, copy_id, token, f"{i},00").status_code == 200
            copies.append(copy_id)
    engine = sa.create_engine(pg_url)
    with engine.begin() as db:
        # Every write of a grade, whichever process makes it, is counted.
        db.execute(sa.text("CREATE TABLE grading_writes (copy_id integer)"))
        db.execute(
            sa.text(
                "CREATE FUNCTION count_grading() RETURNS trigger AS $$ BEGIN "
                "INSERT INTO grading_writes VALUES (NEW.id); RETURN NEW; END $$ "
                "LANGUAGE plpgsql"
            )
        )
        db.execute(
            sa.text(
                "CREATE TRIGGER grading AFTER UPDATE OF graded_at ON exam_copies FOR EACH ROW "
                "WHEN (NEW.graded_at IS NOT NULL) EXECUTE FUNCTION count_grading()"
            )
        )
        db.execute(sa.text("UPDATE exam_copies SET deadline = now() - interval '1 second'"))
    # Both servers' background finalisers (every 15 s), and a teacher's pages on both at once.
    teacher = _teacher_login(pg_url)
    threads = [threading.Thread(target=_watch, args=(base, teacher)) for base in (a, b, a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with engine.connect() as db:
            left = db.execute(
                sa.text("SELECT count(*) FROM exam_copies WHERE graded_at IS NULL")
            ).scalar_one()
        if not left:
            break
        time.sleep(0.5)
    time.sleep(2)  # a late second grading would show now
    with engine.connect() as db:
        writes = db.execute(
            sa.text("SELECT copy_id, count(*) FROM grading_writes GROUP BY copy_id")
        ).all()
        closes = db.execute(
            sa.text(
                "SELECT copy_id, count(*) FROM exam_events WHERE type = 'cloture' "
                "AND copy_id IS NOT NULL GROUP BY copy_id"
            )
        ).all()
    engine.dispose()
    assert len(copies) == STUDENTS
    assert dict(writes) == {c: 1 for c in copies}
    assert dict(closes) == {c: 1 for c in copies}


def _teacher_login(pg_url: str) -> str:
    engine = sa.create_engine(pg_url)
    with engine.connect() as db:
        login = db.execute(sa.text("SELECT login FROM users WHERE role = 'enseignant'")).scalar()
    engine.dispose()
    return login


def _watch(base: str, teacher: str) -> None:
    """A teacher opens the exam's monitoring page (it collects and grades the copies due)."""
    with httpx.Client(timeout=60) as browser:
        _log_in(browser, base, teacher)
        listing = browser.get(f"{base}/enseignant/evaluations").text
        exam_id = re.search(r"/enseignant/evaluations/(\d+)", listing).group(1)
        assert browser.get(f"{base}/enseignant/evaluations/{exam_id}").status_code == 200
