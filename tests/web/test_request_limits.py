"""Bodies over their route's limit (413) or forms carrying a NUL (400) are refused before parsing."""

import asyncio

from sqlmodel import select
from starlette.requests import Request

from agora.classroom.models import StepAttempt

CHUNK = b"x" * 65_536


def _call(app, method: str, path: str, headers: list[tuple[bytes, bytes]], chunks):
    """Run one request through the ASGI app, streaming ``chunks``; (status, body, chunks read)."""
    read = 0
    sent = []

    async def receive():
        nonlocal read
        chunk = next(chunks, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        read += 1
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "server": ("testserver", 80),
        "client": ("192.0.2.1", 50000),
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"testserver"), *headers],
    }
    asyncio.run(app(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body.decode(), read


def _endless():
    """300 MB and more, one 64 kB chunk at a time (never built in memory)."""
    for _ in range(5_000):
        yield CHUNK


def test_streamed_body_over_the_limit_is_cut_off_unread(app, client, csrf, monkeypatch):
    csrf(client)  # a session with its token: the CSRF check reads the urlencoded body
    cookie = f"agora_session={client.cookies['agora_session']}".encode()
    parsed = []
    monkeypatch.setattr(Request, "form", lambda *a, **k: parsed.append(1))
    chunks = _endless()
    headers = [
        (b"content-type", b"application/x-www-form-urlencoded"),  # chunked: no length
        (b"cookie", cookie),
    ]
    status, body, read = _call(app, "POST", "/connexion", headers, chunks)
    assert status == 413
    assert "Envoi trop volumineux" in body
    limit_chunks = app.state.settings.max_body_login_bytes // len(CHUNK) + 1
    assert read <= limit_chunks  # stopped at the limit, the rest never read
    assert next(chunks, None) is not None
    assert parsed == []


def test_declared_length_over_the_limit_is_refused_before_the_app(app, monkeypatch):
    parsed = []
    monkeypatch.setattr(Request, "form", lambda *a, **k: parsed.append(1))
    chunks = _endless()
    headers = [
        (b"content-type", b"multipart/form-data; boundary=x"),
        (b"content-length", b"314572800"),
    ]
    status, body, read = _call(app, "POST", "/connexion", headers, chunks)
    assert (status, read, parsed) == (413, 0, [])
    assert "Raccourcissez le texte" in body


def test_anonymous_post_is_refused_without_reading_its_body(app):
    headers = [(b"content-type", b"application/x-www-form-urlencoded")]
    status, _body, read = _call(app, "POST", "/connexion", headers, _endless())
    assert (status, read) == (403, 0)


def test_anonymous_multipart_login_is_refused_before_parsing(client, monkeypatch):
    parsed = []
    monkeypatch.setattr(Request, "form", lambda *a, **k: parsed.append(1))
    response = client.post(
        "/connexion",
        data={"identifiant": "x", "mot_de_passe": "y"},
        files={"piece": ("gros.bin", b"\0" * 10_000, "application/octet-stream")},
    )
    assert response.status_code == 403
    assert "La page a expiré" in response.text
    assert parsed == []


def test_multipart_with_the_token_in_the_form_only_is_refused(client, csrf, monkeypatch):
    """A multipart body is never parsed for the token: it must come in the URL or a header."""
    token = csrf(client)
    parsed = []
    monkeypatch.setattr(Request, "form", lambda *a, **k: parsed.append(1))
    response = client.post(
        "/connexion",
        data={"csrf_token": token, "identifiant": "x"},
        files={"piece": ("a.txt", b"a", "text/plain")},
    )
    assert response.status_code == 403 and parsed == []


def test_oversized_answer_is_refused_and_nothing_is_stored(
    client, make_student, make_assignment, as_student, csrf, db
):
    student = make_student()
    assignment = make_assignment()
    as_student(client, student)
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    response = client.post(
        f"/eleve/missions/{assignment.id}/etapes/0",
        data={"csrf_token": token, "inconnu": "x" * 2_000_000},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 413
    assert response.headers["HX-Retarget"] == "#toast"  # htmx shows the message in the toast
    assert "Envoi trop volumineux" in response.text
    assert db.exec(select(StepAttempt)).first() is None


def test_ordinary_forms_still_pass(client, make_student, log_in, db):
    from agora.account.models import User

    login = db.get(User, make_student().user_id).login
    assert log_in(client, login).status_code == 200


def test_a_nul_split_across_two_chunks_is_refused_before_parsing(app, client, csrf, monkeypatch):
    token = csrf(client)
    cookie = f"agora_session={client.cookies['agora_session']}".encode()
    parsed = []
    monkeypatch.setattr(Request, "form", lambda *a, **k: parsed.append(1))
    body = f"csrf_token={token}&nom=1re%0".encode(), b"0A&annee_scolaire=2025-2026"
    status, text, _ = _call(
        app,
        "POST",
        "/enseignant/classes",
        [(b"content-type", b"application/x-www-form-urlencoded"), (b"cookie", cookie)],
        iter(body),
    )
    assert status == 400 and "caractère invisible" in text and parsed == []
