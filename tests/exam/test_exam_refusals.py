"""Refused writes: logged in the exam log, a double click on « Rendre » shows the copy, a busy
server says « réessayez » and that nothing was saved."""

from __future__ import annotations

import threading

from sqlmodel import Session, select

from agora import db as db_module
from agora.exam import service
from agora.exam.models import ExamAnswer, ExamEvent


def _refusals(app) -> list[str]:
    with Session(app.state.engine) as session:
        events = session.exec(select(ExamEvent).where(ExamEvent.type == "refus")).all()
    return [e.detail for e in events]


def test_a_second_click_on_rendre_shows_the_copy_and_is_logged(
    app, client, classe, make_student, make_exam, as_student, start_exam, token
):
    exam = make_exam()
    as_student(client, make_student(classe=classe))
    copy_id = start_exam(client, exam.code)
    tok = token(client, f"/examen/copies/{copy_id}")
    first = client.post(
        f"/examen/copies/{copy_id}/rendre", data={"csrf_token": tok, "confirmation": "oui"}
    )
    second = client.post(
        f"/examen/copies/{copy_id}/rendre",
        data={"csrf_token": tok, "confirmation": "oui"},
        follow_redirects=False,
    )
    assert first.status_code == 200 and "Copie rendue" in first.text
    assert second.status_code == 303
    assert second.headers["location"].endswith(f"/examen/copies/{copy_id}")
    assert _refusals(app) == ["remise refusée : copie déjà rendue"]


def test_a_late_hand_in_is_refused_and_logged(
    app, client, classe, make_student, make_exam, clock, as_student, start_exam, token
):
    exam = make_exam(duree=10)
    as_student(client, make_student(classe=classe))
    copy_id = start_exam(client, exam.code)
    tok = token(client, f"/examen/copies/{copy_id}")
    clock.advance(minutes=11)
    late = client.post(
        f"/examen/copies/{copy_id}/rendre", data={"csrf_token": tok, "confirmation": "oui"}
    )
    assert late.status_code == 400 and "heure limite est passée" in late.text
    assert _refusals(app) == ["remise refusée : après la fermeture"]


def test_a_save_that_waits_too_long_for_the_database_says_not_saved(
    app, client, monkeypatch, classe, make_student, make_exam, as_student, start_exam, token
):
    exam = make_exam(melange=False)
    as_student(client, make_student(classe=classe))
    copy_id = start_exam(client, exam.code)
    tok = token(client, f"/examen/copies/{copy_id}/questions/1")
    monkeypatch.setattr(db_module, "WRITE_LOCK_TIMEOUT", 0.2)
    url = f"/examen/copies/{copy_id}/questions/1"
    held, release = threading.Event(), threading.Event()

    def hold_the_write_lock():
        with service.write_lock(app.state.engine):
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold_the_write_lock)
    holder.start()
    held.wait(10)
    try:
        htmx = client.post(
            url, data={"total_ht": "1"}, headers={"HX-Request": "true", "X-CSRF-Token": tok}
        )
        plain = client.post(url, data={"total_ht": "2", "csrf_token": tok})
    finally:
        release.set()
        holder.join()
    if app.state.engine.dialect.name == "sqlite":  # (PostgreSQL needs no process lock)
        assert htmx.status_code == 200 and "rien n'a été enregistré" in htmx.text.replace(
            "&#39;", "'"
        )
        # Marked as worth sending again: the page does so by itself (static/js/sauvegarde.js),
        # where a closed copy's refusal is final.
        assert "data-reessayer" in htmx.text
        assert plain.status_code == 503 and "Réessayez" in plain.text
        with Session(app.state.engine) as session:
            answers = session.exec(select(ExamAnswer).where(ExamAnswer.copy_id == copy_id))
            assert all(a.saved_at is None for a in answers)
    else:
        assert "Enregistré" in htmx.text and plain.status_code == 200


def test_a_lost_session_leads_back_to_the_page_the_student_was_on_and_says_why(
    app, client, classe, make_student, make_exam, as_student, start_exam, token
):
    """Logged out in another tab (or expired): the next poll of the countdown sends the whole
    page (HX-Redirect, not a swap into the timer) to the login page, which says why, and then
    back to the question the student was on, not to the bare timer fragment."""
    from urllib.parse import parse_qs, urlsplit

    from agora.web.security import FORBIDDEN

    exam = make_exam(melange=False)
    student = make_student(classe=classe)
    as_student(client, student)
    copy_id = start_exam(client, exam.code)
    question = f"/examen/copies/{copy_id}/questions/2"
    tok = token(client, question)
    client.post("/deconnexion", data={"csrf_token": tok})  # another tab of this browser

    poll = client.get(
        f"/examen/copies/{copy_id}/minuteur",
        headers={"HX-Request": "true", "HX-Current-URL": f"http://testserver{question}?x=1#etat"},
    )
    assert poll.status_code == 204 and poll.text == ""
    target = urlsplit(poll.headers["HX-Redirect"])
    assert target.path == "/connexion"
    assert parse_qs(target.query) == {"suivant": [question]}
    login = client.get(poll.headers["HX-Redirect"])
    assert "Votre session a pris fin : reconnectez-vous." in login.text
    assert "Vos réponses déjà enregistrées sont gardées." in login.text
    assert f'name="suivant" value="{question}"' in login.text
    back = client.post(
        "/connexion",
        data={
            "identifiant": _login(app, student),
            "mot_de_passe": "motdepasse-de-test",
            "suivant": question,
            "csrf_token": token(client, "/connexion"),
        },
        follow_redirects=False,
    )
    assert back.headers["location"] == question
    # A typed login page (no session lost) says nothing of the kind.
    assert "Votre session a pris fin" not in client.get("/connexion").text

    # A page of another site is never a target; nor a request without the header.
    for current in ("http://evil.example/examen", None):
        headers = {"HX-Request": "true"} | ({"HX-Current-URL": current} if current else {})
        client.post("/deconnexion", data={"csrf_token": token(client, question)})
        away = client.get(f"/examen/copies/{copy_id}/minuteur", headers=headers)
        assert parse_qs(urlsplit(away.headers["HX-Redirect"]).query) == {"suivant": ["/"]}
        as_student(client, student)

    # A save sent after the session ended says so in plain words.
    client.post("/deconnexion", data={"csrf_token": token(client, question)})
    refused = client.post(question, data={"x": "1"}, headers={"HX-Request": "true"})
    assert refused.status_code == 403 and FORBIDDEN in refused.text
    assert "Jeton" not in FORBIDDEN and "F5" in FORBIDDEN


def _login(app, student) -> str:
    from agora.account.models import User

    with Session(app.state.engine) as session:
        return session.get(User, student.user_id).login
