"""Teacher pages: only teachers (403 otherwise), only their own classes (404), CSRF on forms."""

import re

import pytest
from sqlmodel import select

from agora.classroom import service
from agora.classroom.models import Assignment, Classe
from agora.db import utcnow

# Every teacher page: (method, path template). {c} class, {a} assignment, {s} student, {t} attempt.
GET_PAGES = [
    "/enseignant",
    "/enseignant/a-corriger",
    "/enseignant/classes/{c}",
    "/enseignant/classes/{c}/import",
    "/enseignant/classes/{c}/mots-de-passe",
    "/enseignant/classes/{c}/attribuer",
    "/enseignant/classes/{c}/competences",
    "/enseignant/classes/{c}/notes.csv",
    "/enseignant/classes/{c}/notes.xlsx",
    "/enseignant/classes/{c}/competences.csv",
    "/enseignant/classes/{c}/competences.xlsx",
    "/enseignant/devoirs/{a}",
    "/enseignant/devoirs/{a}/notes.csv",
    "/enseignant/devoirs/{a}/notes.xlsx",
    "/enseignant/devoirs/{a}/eleves/{s}",
    "/enseignant/devoirs/{a}/corriger",
    "/enseignant/tentatives/{t}/grille",
]
POST_FORMS = [
    ("/enseignant/classes", {"nom": "X", "annee_scolaire": "2025-2026"}),
    ("/enseignant/classes/{c}/import/confirmer", {"contenu": "Nom;Prénom;Né le\nA;B;01/01/2009"}),
    ("/enseignant/classes/{c}/cartes.pdf", {"eleve": "{s}", "mot_de_passe": "x"}),
    ("/enseignant/classes/{c}/mots-de-passe", {"pour": "tous", "confirmation": "oui"}),
    ("/enseignant/classes/{c}/attribuer", {"mission": "la-paie-de-mars", "attempts": "3",
                                           "corrections": "immediate", "pour": "classe"}),
    ("/enseignant/tentatives/{t}/note", {"points": "0"}),
    ("/enseignant/tentatives/{t}/grille", {"points": ["0", "0", "0", "0"]}),
]  # fmt: skip
OWNED_POSTS = [p for p in POST_FORMS if "{" in p[0]]


@pytest.fixture
def world(db, make_teacher, make_classe, make_student, make_assignment):
    """Two teachers; the first owns a class with a student, an assignment and a prose attempt."""
    owner, intruder = make_teacher("Claire", "Propriétaire"), make_teacher("Marc", "Autre")
    classe = make_classe(owner, nom="Classe de Claire")
    make_classe(intruder, nom="Classe de Marc")
    student = make_student(classe)
    assignment = make_assignment(classe, "du-devis-a-l-encaissement")
    attempt = service.submit_prose(db, student, assignment, 1, "Mon courriel", utcnow()).attempt
    db.commit()
    ids = {"c": classe.id, "a": assignment.id, "s": student.id, "t": attempt.id}
    return owner, intruder, student, ids


def _fill(template, ids):
    return template.format(**ids)


def _data(data, ids, token):
    filled = {k: _fill(v, ids) if isinstance(v, str) else v for k, v in data.items()}
    return filled | {"csrf_token": token}


@pytest.mark.parametrize("path", GET_PAGES)
def test_the_owner_reaches_every_page(client, world, as_teacher, path):
    owner, _, _, ids = world
    response = as_teacher(client, owner).get(_fill(path, ids))
    assert response.status_code == 200, response.text[:300]


@pytest.mark.parametrize("path", GET_PAGES)
def test_a_student_reaches_no_teacher_page(client, world, as_student, path):
    _, _, student, ids = world
    response = as_student(client, student).get(_fill(path, ids), follow_redirects=False)
    assert response.status_code == 403
    assert "réservée aux enseignants" in response.text


@pytest.mark.parametrize(("path", "data"), POST_FORMS)
def test_a_student_posts_no_teacher_form(client, world, as_student, csrf, path, data):
    _, _, student, ids = world
    as_student(client, student)
    token = csrf(client, "/eleve")
    response = client.post(_fill(path, ids), data=_data(data, ids, token))
    assert response.status_code == 403


@pytest.mark.parametrize("path", GET_PAGES)
def test_logged_out_visitors_are_sent_to_the_login_page(client, world, path):
    _, _, _, ids = world
    response = client.get(_fill(path, ids), follow_redirects=False)
    assert response.status_code == 303 and "/connexion" in response.headers["location"]


@pytest.mark.parametrize("path", [p for p in GET_PAGES if "{" in p])
def test_another_teacher_gets_404_on_every_url_of_my_class(client, world, as_teacher, path):
    _, intruder, _, ids = world
    response = as_teacher(client, intruder).get(_fill(path, ids))
    assert response.status_code == 404
    assert "Classe de Claire" not in response.text


@pytest.mark.parametrize(("path", "data"), OWNED_POSTS)
def test_another_teacher_cannot_post_to_my_class(client, db, world, as_teacher, csrf, path, data):
    _, intruder, _, ids = world
    as_teacher(client, intruder)
    token = csrf(client, "/enseignant")
    response = client.post(_fill(path, ids), data=_data(data, ids, token))
    assert response.status_code == 404
    db.expire_all()
    assert len(db.exec(select(Assignment)).all()) == 1  # nothing assigned by the intruder


def test_home_lists_only_my_classes(client, world, as_teacher):
    _, intruder, _, _ = world
    page = as_teacher(client, intruder).get("/enseignant")
    assert "Classe de Marc" in page.text and "Classe de Claire" not in page.text
    queue = client.get("/enseignant/a-corriger")
    assert "Classe de Claire" not in queue.text


def test_form_ids_of_another_class_are_refused(
    client, db, world, as_teacher, csrf, make_classe, make_student
):
    owner, _, _, ids = world
    marc_classe = db.exec(select(Classe).where(Classe.nom == "Classe de Marc")).one()
    stranger = make_student(marc_classe)
    as_teacher(client, owner)
    token = csrf(client, "/enseignant")
    assign = client.post(
        f"/enseignant/classes/{ids['c']}/attribuer",
        data={"mission": "la-paie-de-mars", "attempts": "3", "corrections": "immediate",
              "pour": "eleves", "eleves": [str(stranger.id)], "csrf_token": token},
    )  # fmt: skip
    assert assign.status_code == 404
    cards = client.post(
        f"/enseignant/classes/{ids['c']}/cartes.pdf",
        data={"eleve": [str(stranger.id)], "mot_de_passe": ["x"], "csrf_token": token},
    )
    assert cards.status_code == 404
    # A student of my class shown with an assignment of my class, but through the URL of
    # another class's student: 404 too.
    other = client.get(f"/enseignant/devoirs/{ids['a']}/eleves/{stranger.id}")
    assert other.status_code == 404


@pytest.mark.parametrize(("path", "data"), POST_FORMS)
def test_every_form_needs_the_csrf_token(client, db, world, as_teacher, path, data):
    owner, _, _, ids = world
    as_teacher(client, owner)
    filled = {k: _fill(v, ids) if isinstance(v, str) else v for k, v in data.items()}
    response = client.post(_fill(path, ids), data=filled)
    assert response.status_code == 403
    forged = client.post(_fill(path, ids), data=filled | {"csrf_token": "forged"})
    assert forged.status_code == 403


@pytest.mark.parametrize("path", [p for p in GET_PAGES if not p.endswith((".csv", ".xlsx"))])
def test_every_form_of_every_page_carries_the_token(client, world, as_teacher, path):
    owner, _, _, ids = world
    html = as_teacher(client, owner).get(_fill(path, ids)).text
    forms = re.findall(r"<form[^>]*method=\"post\".*?</form>", html, re.S)
    assert forms, "au moins le formulaire de déconnexion"
    for form in forms:  # a multipart form carries it in its action URL (agora.web.security)
        assert 'name="csrf_token"' in form or "?csrf_token=" in form
