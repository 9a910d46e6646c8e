"""Teacher side: create, access control, live monitor, time, close, reopen, results, publish,
exports (CSV/XLSX/PDF), audit log with IP and browser changes."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from agora.calendrier import PARIS
from agora.exam import closing
from agora.exam.models import Exam, ExamCopy


def _copy(app, copy_id) -> ExamCopy:
    with Session(app.state.engine) as s:
        return s.get(ExamCopy, copy_id)


def _exam(app, exam_id) -> Exam:
    with Session(app.state.engine) as session:
        return session.get(Exam, exam_id)


def _post(client, url, page, csrf, **data):
    return client.post(url, data={**data, "csrf_token": csrf(client, page)})


def test_teacher_creates_an_evaluation_from_kinds_or_a_mission(
    app, client, teacher, classe, make_student, as_teacher, csrf, clock
):
    make_student(classe=classe)
    make_student(classe=classe)
    as_teacher(client, teacher)
    form = client.get("/enseignant/evaluations/nouvelle")
    assert form.status_code == 200 and "Nouvelle évaluation" in form.text
    data = {
        "titre": "CCF facturation",
        "classe_id": str(classe.id),
        "source": "types",
        "q0_kind": "facture",
        "q0_niveau": "2",
        "q0_points": "12",
        "q1_kind": "bulletin_paie",
        "q1_niveau": "1",
        "q1_points": "8",
        "opens_at": "2099-03-02T08:00",
        "closes_at": "2099-03-02T12:00",
        "duree_minutes": "55",
        "melange": "on",
    }
    created = _post(
        client, "/enseignant/evaluations/nouvelle", "/enseignant/evaluations", csrf, **data
    )
    assert created.status_code == 200
    code = re.search(
        r"Code d'accès à donner aux élèves : ([A-Z0-9]+)", created.text.replace("&#39;", "'")
    ).group(1)
    assert len(code) == 6 and not set(code) & set("0O1lI")
    with Session(app.state.engine) as s:
        exam = s.exec(select(Exam).where(Exam.code == code)).one()
        assert exam.total_points == 20 and exam.melange
        assert exam.opens_at.hour == 7  # 8:00 in Paris in March is 7:00 UTC
        assert len(s.exec(select(ExamCopy).where(ExamCopy.exam_id == exam.id)).all()) == 2
    mission = _post(
        client,
        "/enseignant/evaluations/nouvelle",
        "/enseignant/evaluations",
        csrf,
        **(data | {"source": "mission", "mission": "du-devis-a-l-encaissement"}),
    )
    assert mission.status_code == 200
    bad = _post(
        client,
        "/enseignant/evaluations/nouvelle",
        "/enseignant/evaluations",
        csrf,
        **(data | {"closes_at": "2099-03-02T07:00"}),
    )
    assert bad.status_code == 400 and "fin de la période doit être après" in bad.text


def test_an_impossible_schedule_is_refused_in_french_keeping_what_was_typed(
    app, client, teacher, classe, as_teacher, csrf, clock
):
    """A window already closed (then neither editable nor deletable), or a duration no
    student could get inside the window, is refused with the typed values kept."""
    as_teacher(client, teacher)
    data = {
        "titre": "Audit passé",
        "classe_id": str(classe.id),
        "source": "types",
        "q0_kind": "facture",
        "q0_niveau": "2",
        "q0_points": "12",
        "opens_at": "2026-11-01T08:00",
        "closes_at": "2026-11-01T10:00",
        "duree_minutes": "55",
    }
    url, page = "/enseignant/evaluations/nouvelle", "/enseignant/evaluations"
    clock.now = datetime(2026, 12, 5, 11, 0, tzinfo=UTC)
    past = _post(client, url, page, csrf, **data)
    assert past.status_code == 400
    assert "La fermeture est déjà passée : dimanche 1er novembre 2026 à 10:00" in past.text
    assert 'value="Audit passé"' in past.text and 'value="2026-11-01T10:00"' in past.text
    clock.now = datetime(2026, 10, 31, 11, 0, tzinfo=UTC)
    long = {"opens_at": "2026-11-01T08:00", "closes_at": "2026-11-01T09:00"}
    too_long = _post(client, url, page, csrf, **(data | long | {"duree_minutes": "180"}))
    assert too_long.status_code == 400
    assert "La durée (180 min) est plus longue que la période entre" in too_long.text
    assert "(60 min)" in too_long.text and 'value="180"' in too_long.text
    with Session(app.state.engine) as s:
        assert s.exec(select(Exam)).all() == []
    # The whole window is the duration: accepted.
    exact = _post(client, url, page, csrf, **(data | long | {"duree_minutes": "60"}))
    assert exact.status_code == 200 and "Évaluation créée" in exact.text


def test_access_control(
    app,
    client,
    new_client,
    make_teacher,
    classe,
    make_student,
    make_exam,
    as_teacher,
    as_student,
    start_exam,
):
    exam = make_exam()
    alice, bob = make_student(classe=classe), make_student(classe=classe)
    other_teacher = make_teacher(prenom="Autre", nom="Prof")
    as_teacher(client, other_teacher)
    for path in ("", "/resultats", "/journal", "/resultats.csv"):
        assert client.get(f"/enseignant/evaluations/{exam.id}{path}").status_code == 404
    alice_browser = as_student(new_client(), alice)
    copy_id = start_exam(alice_browser, exam.code)
    assert alice_browser.get(f"/enseignant/evaluations/{exam.id}").status_code == 403
    bob_browser = as_student(new_client(), bob)
    assert bob_browser.get(f"/examen/copies/{copy_id}").status_code == 404
    assert bob_browser.get(f"/examen/copies/{copy_id}/questions/1").status_code == 404
    bob_save = bob_browser.post(  # the autosave checks the same way (one thread hop)
        f"/examen/copies/{copy_id}/questions/1",
        data={"total_ht": "1", "csrf_token": _token(bob_browser)},
    )
    assert bob_save.status_code == 404
    teacher_save = client.post(
        f"/examen/copies/{copy_id}/questions/1",
        data={"total_ht": "1", "csrf_token": _token_of(client)},
        follow_redirects=False,
    )
    assert teacher_save.status_code == 403
    with Session(app.state.engine) as s:
        from agora.exam.models import ExamAnswer

        assert all(not a.saved_at for a in s.exec(select(ExamAnswer)))
    anonymous = new_client()
    token = re.search(r'name="csrf_token" value="([^"]+)"', anonymous.get("/connexion").text)
    gone = anonymous.post(
        f"/examen/copies/{copy_id}/questions/1",
        data={"total_ht": "1", "csrf_token": token.group(1)},
        follow_redirects=False,
    )
    assert gone.status_code == 303 and "/connexion" in gone.headers["location"]
    other_class = make_student()  # another class: the code means nothing to them
    outsider = as_student(new_client(), other_class)
    page = outsider.post("/examen", data={"code": exam.code, "csrf_token": _token(outsider)})
    assert "aucune évaluation de votre classe" in page.text


def _token_of(client):
    page = client.get("/enseignant/evaluations").text
    return re.search(r'"X-CSRF-Token": "([^"]+)"', page).group(1)


def _token(client):
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get("/examen").text).group(1)


def test_monitor_time_close_reopen_publish_and_exports(
    app,
    client,
    new_client,
    teacher,
    classe,
    make_student,
    make_exam,
    clock,
    as_teacher,
    as_student,
    start_exam,
    autosave,
    token,
    csrf,
):
    exam = make_exam(duree=30)
    students = [make_student(classe=classe, nom=f"Nom{i}") for i in range(3)]
    browsers = [as_student(new_client(), s) for s in students]
    copy_ids = [start_exam(b, exam.code) for b in browsers[:2]]
    for b, copy_id in zip(browsers[:2], copy_ids, strict=True):
        autosave(b, copy_id, 1, {"total_ht": "12,00"}, token(b, f"/examen/copies/{copy_id}"))
    as_teacher(client, teacher)
    base = f"/enseignant/evaluations/{exam.id}"
    monitor = client.get(base)
    assert monitor.status_code == 200 and exam.code in monitor.text
    assert "En cours : <strong>2</strong>" in monitor.text
    # Copies, as in each row (« pas commencée ») and the other counts (« Rendues »): audit 11.
    assert "Pas commencées : <strong>1</strong>" in monitor.text
    poll = client.get(base, headers={"HX-Request": "true"})
    assert poll.text.lstrip().startswith('<section id="suivi"')

    before = _copy(app, copy_ids[0]).deadline
    _post(client, f"{base}/temps", base, csrf, minutes="10", copy_id=str(copy_ids[0]))
    assert _copy(app, copy_ids[0]).deadline == before + timedelta(minutes=10)
    page = _post(client, f"{base}/temps", base, csrf, minutes="5")
    assert "Temps ajouté à 2 copies en cours" in page.text
    assert _copy(app, copy_ids[1]).deadline == before + timedelta(minutes=5)

    results = client.get(f"{base}/resultats")
    published = _post(client, f"{base}/publier", f"{base}/resultats", csrf, confirmation="oui")
    assert "encore en cours" in published.text
    clock.advance(minutes=3)
    # One click does not end the class's exam: the box must be ticked (checked on the server).
    unconfirmed = _post(client, f"{base}/cloturer", base, csrf)
    assert "Rien n&#39;a été clôturé" in unconfirmed.text
    assert all(_copy(app, c).statut == "en_cours" for c in copy_ids)
    closed = _post(client, f"{base}/cloturer", base, csrf, confirmation="oui")
    assert "Évaluation close : 2 copies corrigées" in closed.text
    assert all(_copy(app, c).statut == "relevee" for c in copy_ids)
    # Closed early by the teacher, not at the time limit (the students had time left).
    assert "relevée à la clôture par l&#39;enseignant" in closed.text
    assert "relevée à l&#39;heure limite" not in closed.text
    mine = browsers[0].get(f"/examen/copies/{copy_ids[0]}")
    assert "Copie relevée à la clôture par l&#39;enseignant" in mine.text
    refused = autosave(
        browsers[0], copy_ids[0], 1, {"total_ht": "1"}, token(browsers[0], "/examen")
    )
    assert "clôturée par votre enseignant" in refused.text

    # Technical incident: the teacher gives 10 minutes back to one student.
    _post(client, f"{base}/copies/{copy_ids[0]}/rouvrir", base, csrf, minutes="10")
    reopened = _copy(app, copy_ids[0])
    assert reopened.statut == "en_cours" and reopened.deadline == clock() + timedelta(minutes=10)
    again = autosave(
        browsers[0], copy_ids[0], 1, {"total_ht": "13,00"}, token(browsers[0], "/examen")
    )
    assert "Enregistré à" in again.text
    clock.advance(minutes=11)

    results = client.get(f"{base}/resultats")
    assert results.status_code == 200 and "absent" in results.text
    published = _post(client, f"{base}/publier", f"{base}/resultats", csrf, confirmation="oui")
    assert "Résultats publiés" in published.text
    correction = browsers[0].get(f"/examen/copies/{copy_ids[0]}/correction")
    assert correction.status_code == 200 and "verdict--faux" in correction.text
    assert "/ 20" in correction.text

    csv_body = client.get(f"{base}/resultats.csv").content
    assert csv_body.startswith(b"\xef\xbb\xbf")
    text = csv_body.decode("utf-8-sig")
    header, *rows = text.strip().split("\r\n")
    assert header.startswith("Nom;Prénom;Statut;Q1 ") and "Note /20" in header
    assert len(rows) == 3 and any(";absent;" in r for r in rows)
    assert re.search(r";\d+,\d\d;\d+,\d\d", rows[0] + rows[1] + rows[2])
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(client.get(f"{base}/resultats.xlsx").content))
    assert book.active.max_row == 4 and book.active["A1"].value == "Nom"
    pdf = client.get(f"{base}/copies/{copy_ids[0]}/copie.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF") and len(pdf.content) > 2000


def test_audit_log_shows_ip_and_browser_changes(
    app,
    client,
    new_client,
    teacher,
    classe,
    make_student,
    make_exam,
    as_teacher,
    as_student,
    start_exam,
    autosave,
    token,
):
    exam = make_exam(melange=False)  # questions 1 and 2: facture, rapprochement
    student = make_student(classe=classe)
    first = as_student(new_client(), student)
    copy_id = start_exam(first, exam.code)
    for _ in range(3):
        autosave(first, copy_id, 1, {"total_ht": "1"}, token(first, "/examen"))
    second = new_client()
    second.headers["User-Agent"] = "Autre navigateur/2.0"
    as_student(second, student)
    autosave(second, copy_id, 2, {"solde_releve": "2"}, token(second, "/examen"))
    as_teacher(client, teacher)
    journal = client.get(f"/enseignant/evaluations/{exam.id}/journal")
    assert journal.status_code == 200
    assert "4 enregistrements" in journal.text
    assert "changement de navigateur" in journal.text and "Autre navigateur/2.0" in journal.text
    assert "début" in journal.text
    monitor = client.get(f"/enseignant/evaluations/{exam.id}")
    assert "⚠ 1" in monitor.text


def test_regrade_route_says_how_many_changed(
    app,
    db,
    client,
    teacher,
    classe,
    make_student,
    make_exam,
    clock,
    as_teacher,
    as_student,
    new_client,
    start_exam,
    csrf,
):
    exam = make_exam(duree=5)
    browser = as_student(new_client(), make_student(classe=classe))
    copy_id = start_exam(browser, exam.code)
    clock.advance(minutes=6)
    closing.finalise_in_own_transactions(app.state.engine, clock())
    with Session(app.state.engine) as s:
        c = s.get(ExamCopy, copy_id)
        c.points = c.points + 1
        s.add(c)
        s.commit()
    as_teacher(client, teacher)
    base = f"/enseignant/evaluations/{exam.id}"
    page = _post(client, f"{base}/recorriger", f"{base}/resultats", csrf, confirmation="oui")
    assert "Recorrection terminée : 1 copie sur 1 a changé de note." in page.text


def test_an_evaluation_can_be_edited_until_it_opens_and_not_after(
    app,
    client,
    new_client,
    teacher,
    classe,
    make_student,
    make_exam,
    clock,
    as_teacher,
    as_student,
    start_exam,
    csrf,
):
    exam = make_exam(opens=timedelta(hours=1), duree=60)
    student = make_student(classe=classe)
    as_teacher(client, teacher)
    base = f"/enseignant/evaluations/{exam.id}"
    assert "Modifier l’évaluation" in client.get(base).text
    form = client.get(f"{base}/modifier")
    assert form.status_code == 200 and 'value="Évaluation de test"' in form.text
    data = {
        "titre": "CCF corrigé",
        "source": "types",
        "q0_kind": "bulletin_paie",
        "q0_niveau": "1",
        "q0_points": "10",
        "opens_at": "2099-03-02T08:00",
        "closes_at": "2099-03-02T07:00",
        "duree_minutes": "45",
    }
    refused = _post(client, f"{base}/modifier", base, csrf, **data)
    assert refused.status_code == 400 and "La fin de la période doit être après son début" in (
        refused.text
    )
    assert 'value="CCF corrigé"' in refused.text  # what was typed is kept
    # The edit form applies the creation's rules: no window already closed, no duration
    # longer than the window.
    yesterday = (clock() - timedelta(days=1)).astimezone(PARIS)
    closed = {
        "opens_at": (yesterday - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "closes_at": yesterday.strftime("%Y-%m-%dT%H:%M"),
    }
    refused = _post(client, f"{base}/modifier", base, csrf, **(data | closed))
    assert refused.status_code == 400 and "La fermeture est déjà passée" in refused.text
    soon = (clock() + timedelta(hours=2)).astimezone(PARIS)
    short = {
        "opens_at": soon.strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (soon + timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M"),
    }
    refused = _post(client, f"{base}/modifier", base, csrf, **(data | short))
    assert refused.status_code == 400 and "La durée (45 min) est plus longue" in refused.text
    assert _exam(app, exam.id).titre == "Évaluation de test"
    opens = (clock() + timedelta(hours=2)).astimezone(PARIS)
    data |= {
        "opens_at": opens.strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (opens + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
    }
    saved = _post(client, f"{base}/modifier", base, csrf, **data)
    assert "Évaluation modifiée." in saved.text
    edited = _exam(app, exam.id)
    assert (edited.titre, edited.duree_minutes, edited.code) == ("CCF corrigé", 45, exam.code)
    assert [(q["kind"], q["points"]) for q in edited.questions] == [("bulletin_paie", 10)]

    # Once open and started, the questions of the copies are fixed: no more editing.
    clock.advance(hours=2, minutes=1)
    start_exam(as_student(new_client(), student), exam.code)
    assert "Modifier l’évaluation" not in client.get(base).text
    late = _post(client, f"{base}/modifier", base, csrf, **(data | {"titre": "Trop tard"}))
    assert late.status_code == 400 and "ne peut plus être modifiée" in late.text
    assert _exam(app, exam.id).titre == "CCF corrigé"


def _form_of(page: str, action: str) -> str:
    """The <form> posting to ``action`` in the page ("" if there is none)."""
    found = re.search(rf'<form [^>]*action="[^"]*{action}"[^>]*>.*?</form>', page, re.S)
    return found.group(0) if found else ""


def test_publish_unpublish_and_regrade_each_ask_for_a_confirmation(
    app, client, teacher, classe, make_student, make_exam, clock, as_teacher, csrf
):
    make_student(classe=classe)
    exam = make_exam()
    clock.advance(hours=4)  # over: nobody started, nothing is running
    as_teacher(client, teacher)
    base = f"/enseignant/evaluations/{exam.id}"
    results = f"{base}/resultats"
    for action, button in (("/publier", "Publier les résultats"), ("/recorriger", "Recorriger")):
        form = _form_of(client.get(results).text, action)
        assert button in form
        assert re.search(r'<input type="checkbox" name="confirmation" value="oui" required>', form)
    # One click (or a form posted without the box ticked) changes nothing, and says why.
    refused = _post(client, f"{base}/publier", results, csrf)
    assert "Rien n&#39;a été publié : cochez « Je confirme »" in refused.text
    assert _exam(app, exam.id).published_at is None
    refused = _post(client, f"{base}/recorriger", results, csrf)
    assert (
        "Rien n&#39;a été recorrigé" in refused.text and "Recorrection terminée" not in refused.text
    )
    published = _post(client, f"{base}/publier", results, csrf, confirmation="oui")
    assert "Résultats publiés" in published.text and _exam(app, exam.id).published_at
    form = _form_of(published.text, "/depublier")
    assert "Retirer la publication" in form and 'name="confirmation" value="oui" required' in form
    refused = _post(client, f"{base}/depublier", results, csrf)
    assert "Rien n&#39;a été retiré" in refused.text and _exam(app, exam.id).published_at
    withdrawn = _post(client, f"{base}/depublier", results, csrf, confirmation="oui")
    assert "Résultats retirés" in withdrawn.text and _exam(app, exam.id).published_at is None


def test_while_writings_wait_the_results_page_shows_what_to_do_not_a_publish_button(
    db, client, teacher, classe, make_student, make_exam, clock, as_teacher
):
    from tests.exam.test_exam_exports import _exam_with_a_writing_to_grade

    exam, _ = _exam_with_a_writing_to_grade(db, clock, make_exam, classe, make_student)
    as_teacher(client, teacher)
    base = f"/enseignant/evaluations/{exam.id}"
    page = client.get(f"{base}/resultats").text
    assert _form_of(page, "/publier") == "" and "Publier les résultats" not in page
    publication = page.split('id="titre-publication"')[1].split("</section>")[0]
    assert "1 rédaction à corriger avant de publier" in publication
    assert f'href="http://testserver{base}/redactions"' in publication
    # The rule in the same words as the Rédactions tab (never « seront publiés », as if automatic)
    rule = "les résultats ne pourront être publiés qu'une fois toutes corrigées"
    assert rule in publication and rule in client.get(f"{base}/redactions").text
    assert "seront publiés" not in page


def test_the_monitor_agrees_one_question_of_one_point(client, teacher, make_exam, as_teacher):
    # Teacher audit 11: the monitor read « 1 questions · 5 points ».
    exam = make_exam(questions=[{"kind": "facture", "niveau": 1, "points": 1}])
    page = as_teacher(client, teacher).get(f"/enseignant/evaluations/{exam.id}")
    assert "<dd>1 question · 1 point</dd>" in page.text
    several = make_exam()
    page = client.get(f"/enseignant/evaluations/{several.id}")
    assert "<dd>3 questions · 20 points</dd>" in page.text


def test_a_copy_closed_by_the_teacher_says_so_to_the_student_and_in_the_journal(
    app,
    client,
    new_client,
    teacher,
    classe,
    make_student,
    make_exam,
    clock,
    as_teacher,
    as_student,
    start_exam,
    autosave,
    token,
    csrf,
):
    """« Clôturer maintenant » is not the time limit: a save refused after it says the teacher
    closed the evaluation, and the journal logs each copy « relevée à la clôture par
    l'enseignant »; a copy whose own deadline had passed before keeps the deadline's words."""
    from agora.exam.models import ExamEvent

    exam = make_exam(duree=30, melange=False)
    late_one, typing = (as_student(new_client(), make_student(classe=classe)) for _ in range(2))
    expired_id = start_exam(late_one, exam.code)
    with Session(app.state.engine) as s:  # a copy whose own (short) deadline is already past
        expired = s.get(ExamCopy, expired_id)
        expired.deadline = clock() + timedelta(minutes=1)
        s.add(expired)
        s.commit()
    copy_id = start_exam(typing, exam.code)
    tok = token(typing, f"/examen/copies/{copy_id}")
    clock.advance(minutes=2)
    as_teacher(client, teacher)
    base = f"/enseignant/evaluations/{exam.id}"
    _post(client, f"{base}/cloturer", base, csrf, confirmation="oui")

    refused = autosave(typing, copy_id, 1, {"total_ht": "1"}, tok)
    assert "L&#39;évaluation a été clôturée par votre enseignant" in refused.text
    assert "cette réponse n&#39;a pas été enregistrée" in refused.text
    assert "heure limite" not in refused.text
    # The refusal also brings the countdown up to date (it showed « 37 min » left beside it),
    # and asks the server once more a moment later, which sends the page to the copy.
    timer = refused.text.split('id="minuteur"')[1].split("</div>")[0]
    assert 'hx-swap-oob="true"' in timer and "Temps restant" not in timer
    assert "Évaluation terminée" in timer and 'hx-trigger="load delay:4s"' in timer
    late = autosave(late_one, expired_id, 1, {"total_ht": "1"}, token(late_one, "/examen"))
    assert "L&#39;heure limite est passée" in late.text and "clôturée" not in late.text

    with Session(app.state.engine) as s:
        closures = {
            e.copy_id: e.detail
            for e in s.exec(select(ExamEvent).where(ExamEvent.type == "cloture")).all()
        }
    assert closures == {
        None: "évaluation close par l'enseignant",
        copy_id: "relevée à la clôture par l'enseignant",
        expired_id: "relevée à l'heure limite",
    }
    journal = client.get(f"{base}/journal").text.replace("&#39;", "'")
    assert "relevée à la clôture par l'enseignant" in journal
