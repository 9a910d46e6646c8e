"""A student takes an evaluation: code, autosave, switch computer, hand in, graded, published."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlmodel import Session, select

from agora.exam.models import ExamAnswer, ExamCopy, ExamEvent


def _copy(app, copy_id):
    with Session(app.state.engine) as s:
        return s.get(ExamCopy, copy_id)


def test_student_starts_saves_switches_computer_and_hands_in(
    app,
    client,
    new_client,
    make_student,
    classe,
    make_exam,
    clock,
    as_student,
    start_exam,
    autosave,
    token,
    wait_graded,
):
    student = make_student(classe=classe)
    exam = make_exam(duree=30)
    as_student(client, student)
    copy_id = start_exam(client, exam.code.lower())
    copy = _copy(app, copy_id)
    assert copy.statut == "en_cours"
    assert copy.deadline == clock() + timedelta(minutes=30)

    page = client.get(f"/examen/copies/{copy_id}/questions/1")
    assert page.status_code == 200
    assert "Temps restant" in page.text and "30 min 00 s" in page.text
    t = token(client, f"/examen/copies/{copy_id}/questions/1")
    clock.advance(minutes=2, seconds=13)
    saved = autosave(client, copy_id, 1, {"total_ht": "123,45"}, t)
    assert saved.status_code == 200
    assert "Enregistré à" in saved.text

    other = as_student(new_client(), student)  # another computer
    again = other.get(f"/examen/copies/{copy_id}/questions/1")
    assert 'value="123,45"' in again.text
    assert "27 min 47 s" in again.text  # the same stored deadline

    t2 = token(other, f"/examen/copies/{copy_id}")
    done = other.post(
        f"/examen/copies/{copy_id}/rendre", data={"csrf_token": t2, "confirmation": "oui"}
    )
    assert done.status_code == 200
    assert "Copie rendue" in done.text
    copy = wait_graded(copy_id)  # the hand-in woke the background finaliser
    assert copy.statut == "rendue" and copy.graded_at is not None
    with Session(app.state.engine) as s:
        types = [e.type for e in s.exec(select(ExamEvent).where(ExamEvent.copy_id == copy_id))]
        answers = s.exec(select(ExamAnswer).where(ExamAnswer.copy_id == copy_id)).all()
    assert types[0] == "debut" and "sauvegarde" in types and types[-1] == "remise"
    assert sum(a.saves for a in answers) == 1


def test_a_student_finds_the_evaluations_from_every_page(client, make_student, classe, as_student):
    as_student(client, make_student(classe=classe))
    dashboard = client.get("/eleve")
    assert 'href="http://testserver/examen"' in dashboard.text or 'href="/examen"' in dashboard.text
    assert "Évaluations" in dashboard.text


def test_the_save_says_what_was_kept_and_the_next_question_opens_at_its_top(
    client, make_student, classe, make_exam, clock, as_student, start_exam, autosave, token
):
    as_student(client, make_student(classe=classe))
    exam = make_exam(duree=30, melange=False)
    copy_id = start_exam(client, exam.code)
    url = f"/examen/copies/{copy_id}/questions/1"
    t = token(client, url)
    saved = autosave(client, copy_id, 1, {"total_ht": "123,45"}, t).text
    # A time of day as French readers write it (it read « 8 h 52 min 37 s »).
    assert re.search(r"Enregistré à \d{1,2} h \d\d min \d\d s\.", saved), saved
    # A field in a wrong format is kept as typed, and the student is told it will count wrong.
    typed = {"total_ht": "12,5,0", "montant_brut_ht": "20,00"}
    mixed = autosave(client, copy_id, 1, typed, t).text
    assert "1 champ mal écrit : voir le message sous le champ" in mixed
    assert "sinon il ne pourra pas être lu à la correction" in mixed
    # « Enregistrer et question suivante » opens the next question at its top (no anchor at
    # the bottom save status, below empty boxes); « Enregistrer » stays at the status.
    data = {"csrf_token": t, "total_ht": "123,45"}
    following = client.post(url, data=data | {"aller": "2"}, follow_redirects=False)
    assert following.headers["location"].endswith(f"/examen/copies/{copy_id}/questions/2")
    same = client.post(url, data=data | {"aller": "1"}, follow_redirects=False)
    assert same.headers["location"].endswith("/questions/1#etat-sauvegarde")


def test_handing_in_asks_for_a_confirmation_that_counts_the_questions_left_blank(
    app, client, make_student, classe, make_exam, as_student, start_exam, autosave, token
):
    """« Rendre ma copie » is final: one tap must not do it. The page says how many questions
    have no answer and asks for a ticked box, checked on the server (so without JavaScript
    too), as the teacher's « Clôturer maintenant »."""
    as_student(client, make_student(classe=classe))
    exam = make_exam(duree=30, melange=False)
    copy_id = start_exam(client, exam.code)
    autosave(client, copy_id, 1, {"total_ht": "1"}, token(client, f"/examen/copies/{copy_id}"))
    page = client.get(f"/examen/copies/{copy_id}").text.replace("&#39;", "'")
    assert (
        "2 questions sur 3 n'ont aucune réponse. Rendre quand même ? "
        "Vous ne pourrez plus modifier votre copie." in page
    )
    box = re.search(r'<input type="checkbox" name="confirmation" value="oui"[^>]*>', page)
    assert box and "required" in box.group(0)

    tok = token(client, f"/examen/copies/{copy_id}")
    one_tap = client.post(f"/examen/copies/{copy_id}/rendre", data={"csrf_token": tok})
    assert one_tap.status_code == 200 and "Avant de rendre" in one_tap.text
    assert "Rien n&#39;a été rendu" in one_tap.text
    assert _copy(app, copy_id).statut == "en_cours"

    autosave(client, copy_id, 2, {"x": "1"}, tok)  # an unknown field: still no answer
    for position in (2, 3):
        with Session(app.state.engine) as s:
            answer = s.exec(
                select(ExamAnswer).where(
                    ExamAnswer.copy_id == copy_id, ExamAnswer.question == position - 1
                )
            ).one()
            answer.saved_at, answer.answer = _copy(app, copy_id).started_at, {"a": "1"}
            s.add(answer)
            s.commit()
    all_done = client.get(f"/examen/copies/{copy_id}").text.replace("&#39;", "'")
    assert "aucune réponse" not in all_done
    assert "Rendre ma copie ? Vous ne pourrez plus la modifier." in all_done

    done = client.post(
        f"/examen/copies/{copy_id}/rendre", data={"csrf_token": tok, "confirmation": "oui"}
    )
    assert "Copie rendue" in done.text and _copy(app, copy_id).statut == "rendue"


def test_the_handed_in_copy_gives_its_time_once_in_french(
    client, make_student, classe, make_exam, clock, as_student, start_exam, token
):
    from agora.calendrier import PARIS
    from agora.web.templating import french_date

    as_student(client, make_student(classe=classe))
    copy_id = start_exam(client, make_exam(duree=30).code)
    clock.advance(minutes=3)
    tok = token(client, f"/examen/copies/{copy_id}")
    page = client.post(
        f"/examen/copies/{copy_id}/rendre", data={"csrf_token": tok, "confirmation": "oui"}
    ).text
    local = clock().astimezone(PARIS)
    day = french_date(clock())
    assert f"Terminée le {day} à {local.hour} h {local.minute:02d}." in page
    assert f"{local:%H:%M}" not in page and "(à " not in page
