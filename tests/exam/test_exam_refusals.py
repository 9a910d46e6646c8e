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
    first = client.post(f"/examen/copies/{copy_id}/rendre", data={"csrf_token": tok})
    second = client.post(
        f"/examen/copies/{copy_id}/rendre", data={"csrf_token": tok}, follow_redirects=False
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
    late = client.post(f"/examen/copies/{copy_id}/rendre", data={"csrf_token": tok})
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
