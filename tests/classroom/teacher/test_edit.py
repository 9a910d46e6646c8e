"""Editing what a teacher set up: assignment conditions, delete/close, class rename/archive,
moving a student. Through the real pages and forms, checked in the database."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from agora.classroom import service
from agora.classroom.models import Assignment, AssignmentStudent, Classe, StepAttempt, Student
from agora.db import utcnow
from agora.errors import DeadlinePassed


@pytest.fixture
def setup(db, client, make_teacher, make_classe, make_student, make_assignment, as_teacher, csrf):
    """A logged-in teacher with two classes; the first has two students and an assignment."""
    teacher = make_teacher("Claire", "Durand")
    classe = make_classe(teacher, nom="Classe Alpha")
    other = make_classe(teacher, nom="Classe Beta")
    alice, bruno = make_student(classe, "Alice", "Martin"), make_student(classe, "Bruno", "Petit")
    assignment = make_assignment(classe, "du-devis-a-l-encaissement")
    as_teacher(client, teacher)
    token = csrf(client, "/enseignant")
    return {"classe": classe, "other": other, "alice": alice, "bruno": bruno,
            "assignment": assignment, "token": token}  # fmt: skip


def _edit(client, s, **fields):
    data = {"date": "2099-03-12", "heure": "18:00", "attempts": "5", "corrections": "after_due",
            "pour": "classe", "csrf_token": s["token"]} | fields  # fmt: skip
    return client.post(f"/enseignant/devoirs/{s['assignment'].id}/modifier", data=data)


def _fresh(db, model, id_):
    db.expire_all()
    return db.get(model, id_)


# ----------------------------------------------------------------------------- assignments


def test_the_edit_form_shows_the_current_conditions(client, db, setup):
    page = client.get(f"/enseignant/devoirs/{setup['assignment'].id}/modifier")
    assert page.status_code == 200
    assert 'name="attempts" min="1" max="10" value="3"' in page.text
    assert 'value="immediate" checked' in page.text
    assert "Supprimer la mission" in page.text  # nobody answered yet


def test_editing_changes_due_date_attempts_corrections_and_targets(client, db, setup):
    response = _edit(client, setup, pour="eleves", eleves=[str(setup["bruno"].id)])
    assert response.status_code == 200 and "Modifications enregistrées" in response.text
    assignment = _fresh(db, Assignment, setup["assignment"].id)
    assert assignment.attempts_allowed == 5 and assignment.corrections == "after_due"
    # 18:00 in Paris in March (UTC+1) is 17:00 UTC.
    assert assignment.due_at == datetime(2099, 3, 12, 17, 0, tzinfo=UTC)
    targets = db.exec(select(AssignmentStudent.student_id)).all()
    assert targets == [setup["bruno"].id]
    assert not service.is_assigned(db, assignment, _fresh(db, Student, setup["alice"].id))
    # Back to the whole class: the restriction disappears.
    _edit(client, setup, pour="classe")
    db.expire_all()
    assert db.exec(select(AssignmentStudent)).all() == []


def test_edit_errors_are_french_and_change_nothing(client, db, setup):
    bad = _edit(client, setup, attempts="99")
    assert bad.status_code == 400 and "Le nombre de tentatives va de 1 à 10" in bad.text
    past = _edit(client, setup, date="2020-01-01")
    assert past.status_code == 400 and "Clore maintenant" in past.text
    nobody = _edit(client, setup, pour="eleves")
    assert nobody.status_code == 400 and "Cochez au moins un élève" in nobody.text
    assert _fresh(db, Assignment, setup["assignment"].id).attempts_allowed == 3


def test_an_htmx_edit_error_returns_only_the_form(client, setup):
    response = client.post(
        f"/enseignant/devoirs/{setup['assignment'].id}/modifier",
        data={"attempts": "x", "corrections": "immediate", "csrf_token": setup["token"]},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 400
    assert response.text.lstrip().startswith('<form id="formulaire"')
    assert "doit être un nombre entier" in response.text


def test_an_unanswered_assignment_can_be_deleted_after_confirmation(client, db, setup):
    url = f"/enseignant/devoirs/{setup['assignment'].id}/supprimer"
    unconfirmed = client.post(url, data={"csrf_token": setup["token"]})
    assert unconfirmed.status_code == 400 and "case de confirmation" in unconfirmed.text
    assert _fresh(db, Assignment, setup["assignment"].id) is not None
    done = client.post(url, data={"csrf_token": setup["token"], "confirmation": "oui"})
    assert done.status_code == 200 and "Aucune mission attribuée" in done.text
    assert _fresh(db, Assignment, setup["assignment"].id) is None


def test_an_answered_assignment_is_kept_and_can_be_closed_instead(client, db, setup):
    service.submit_prose(db, setup["alice"], setup["assignment"], 1, "Bonjour", utcnow())
    db.commit()
    url = f"/enseignant/devoirs/{setup['assignment'].id}"
    page = client.get(f"{url}/modifier")
    assert "Supprimer la mission" not in page.text and "Clore maintenant" in page.text
    refused = client.post(f"{url}/supprimer", data={"csrf_token": setup["token"], "confirmation": "oui"})  # fmt: skip
    assert refused.status_code == 400
    assert "Impossible de supprimer cette mission : 1 élève a déjà rendu un travail" in refused.text
    assert _fresh(db, Assignment, setup["assignment"].id) is not None
    closed = client.post(f"{url}/clore", data={"csrf_token": setup["token"]})
    assert closed.status_code == 200 and "Mission close" in closed.text
    assignment = _fresh(db, Assignment, setup["assignment"].id)
    assert assignment.due_at <= utcnow()
    with pytest.raises(DeadlinePassed):
        service.submit_prose(db, setup["bruno"], assignment, 1, "Trop tard", utcnow())
    again = client.post(f"{url}/clore", data={"csrf_token": setup["token"]})
    assert again.status_code == 400 and "déjà close" in again.text
    assert len(db.exec(select(StepAttempt)).all()) == 1  # Alice's work is still there


# ----------------------------------------------------------------------------- classes


def test_renaming_a_class_and_its_school_year(client, db, setup):
    url = f"/enseignant/classes/{setup['classe'].id}/modifier"
    data = {"nom": "  Tle AGOrA  A ", "annee_scolaire": "2026-2027", "csrf_token": setup["token"]}
    response = client.post(url, data=data)
    assert response.status_code == 200 and "Modifications enregistrées" in response.text
    classe = _fresh(db, Classe, setup["classe"].id)
    assert (classe.nom, classe.annee_scolaire) == ("Tle AGOrA A", "2026-2027")
    bad = client.post(url, data=data | {"annee_scolaire": "2026-2030"})
    assert bad.status_code == 400 and "« 2025-2026 »" in bad.text
    assert _fresh(db, Classe, setup["classe"].id).annee_scolaire == "2026-2027"


def test_an_old_class_keeps_its_year_but_a_far_year_is_not_typed_in(client, db, setup):
    classe = _fresh(db, Classe, setup["classe"].id)
    classe.annee_scolaire = "2019-2020"
    db.add(classe)
    db.commit()
    url = f"/enseignant/classes/{classe.id}/modifier"
    data = {"nom": "Ancienne classe", "annee_scolaire": "2019-2020", "csrf_token": setup["token"]}
    assert client.post(url, data=data).status_code == 200  # renamed, its year kept
    bad = client.post(url, data=data | {"annee_scolaire": "1999-2000"})
    assert bad.status_code == 400 and "1999-2000 est loin de l&#39;année en cours" in bad.text
    assert _fresh(db, Classe, classe.id).annee_scolaire == "2019-2020"


def test_an_archived_class_leaves_the_home_list_but_stays_reachable(client, db, setup):
    classe_id = setup["classe"].id
    url = f"/enseignant/classes/{classe_id}/archiver"
    unconfirmed = client.post(url, data={"csrf_token": setup["token"]})
    assert unconfirmed.status_code == 400 and "case de confirmation" in unconfirmed.text
    archives = client.post(url, data={"csrf_token": setup["token"], "confirmation": "oui"})
    assert archives.status_code == 200 and "Classe Alpha" in archives.text
    home = client.get("/enseignant")
    assert "Classe Alpha" not in home.text and "Classe Beta" in home.text
    assert "1 classe archivée" in home.text
    assert client.get(f"/enseignant/classes/{classe_id}").status_code == 200
    export = client.get(f"/enseignant/classes/{classe_id}/notes.csv")
    assert export.status_code == 200 and "Martin" in export.text
    assert len(db.exec(select(Student).where(Student.classe_id == classe_id)).all()) == 2
    restored = client.post(
        f"/enseignant/classes/{classe_id}/restaurer", data={"csrf_token": setup["token"]}
    )
    assert restored.status_code == 200
    assert "Classe Alpha" in client.get("/enseignant").text
    assert _fresh(db, Classe, classe_id).archived_at is None


def test_an_archived_class_leaves_the_grading_queue_and_the_exam_pages(client, db, setup):
    from agora.exam import creation

    classe = setup["classe"]
    service.submit_prose(db, setup["alice"], setup["assignment"], 1, "Madame, voici.", utcnow())
    now = utcnow()
    creation.create_exam(db, classe.teacher_id, classe, titre="Épreuve d'Alpha",
                         questions=[{"kind": "facture", "niveau": 1, "points": 5}],
                         opens_at=now, closes_at=now + timedelta(hours=2),
                         duree_minutes=60, melange=False)  # fmt: skip
    db.commit()
    assert "Classe Alpha" in client.get("/enseignant/a-corriger").text
    client.post(f"/enseignant/classes/{classe.id}/archiver",
                data={"csrf_token": setup["token"], "confirmation": "oui"})  # fmt: skip
    # The year is over: its copies leave the queue, its evaluations the list (kept, folded).
    assert "Classe Alpha" not in client.get("/enseignant/a-corriger").text
    exams = client.get("/enseignant/evaluations").text
    current, _, folded = exams.partition("Évaluations des classes archivées (1)")
    assert "Épreuve d&#39;Alpha" not in current and "Épreuve d&#39;Alpha" in folded
    form = client.get("/enseignant/evaluations/nouvelle").text
    assert "Classe Beta" in form and "Classe Alpha" not in form


# ----------------------------------------------------------------------------- students


def test_moving_a_student_keeps_their_work_and_gives_them_the_new_missions(
    client, db, setup, make_assignment
):
    new_mission = make_assignment(setup["other"], "la-paie-de-mars", due_in=timedelta(days=3))
    only_alice = make_assignment(setup["classe"], "la-paie-de-mars", students=[setup["alice"]])
    service.submit_prose(db, setup["alice"], setup["assignment"], 1, "Mon texte", utcnow())
    db.commit()
    url = f"/enseignant/classes/{setup['classe'].id}/changer-de-classe"
    data = {"eleve": str(setup["alice"].id), "destination": str(setup["other"].id),
            "csrf_token": setup["token"]}  # fmt: skip
    unconfirmed = client.post(url, data=data)
    assert unconfirmed.status_code == 400 and "case de confirmation" in unconfirmed.text
    moved = client.post(url, data=data | {"confirmation": "oui"})
    assert moved.status_code == 200 and "Élève changé de classe" in moved.text
    alice = _fresh(db, Student, setup["alice"].id)
    assert alice.classe_id == setup["other"].id
    attempts = db.exec(select(StepAttempt)).all()
    assert [a.student_id for a in attempts] == [alice.id]
    assert [a.id for a in service.assignments_for(db, alice)] == [new_mission.id]
    # Alice's personal mission did not become the whole old class's.
    bruno = _fresh(db, Student, setup["bruno"].id)
    assert not service.is_assigned(db, _fresh(db, Assignment, only_alice.id), bruno)
    old_class = client.get(f"/enseignant/classes/{setup['classe'].id}").text
    row = re.search(
        rf'devoirs/{only_alice.id}".*?</td>\s*<td class="nombre">(\d+)<', old_class, re.S
    )
    assert row.group(1) == "0"  # the old class has nobody left that mission is given to
    same = client.post(
        f"/enseignant/classes/{setup['other'].id}/changer-de-classe",
        data=data | {"destination": str(setup["other"].id), "confirmation": "oui"},
    )
    assert same.status_code == 400 and "déjà dans cette classe" in same.text


def test_the_screen_reader_labels_elide_de_before_a_vowel(client, setup):
    # Teacher audit 11: « Minutes en plus de Adrien Bonneau », « Aménagement de Odette Brunel ».
    page = client.get(f"/enseignant/classes/{setup['classe'].id}/modifier").text
    assert "Aménagement d&#39;Alice Martin" in page and "Minutes en plus d&#39;Alice Martin" in page
    assert "Aménagement de Bruno Petit" in page and "de Alice" not in page
