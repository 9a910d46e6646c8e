"""Editing pages: teachers only (403), own classes only (404, nothing changed), CSRF on forms."""

import re

import pytest
from sqlmodel import select

from agora.classroom.models import Assignment, Classe, Student

GET_PAGES = [
    "/enseignant/archives",
    "/enseignant/classes/{c}/modifier",
    "/enseignant/devoirs/{a}/modifier",
]
POST_FORMS = [
    ("/enseignant/devoirs/{a}/modifier", {"attempts": "2", "corrections": "immediate",
                                          "pour": "classe"}),
    ("/enseignant/devoirs/{a}/clore", {}),
    ("/enseignant/devoirs/{a}/supprimer", {"confirmation": "oui"}),
    ("/enseignant/classes/{c}/modifier", {"nom": "Piratée", "annee_scolaire": "2025-2026"}),
    ("/enseignant/classes/{c}/archiver", {"confirmation": "oui"}),
    ("/enseignant/classes/{c}/restaurer", {}),
    ("/enseignant/classes/{c}/changer-de-classe", {"eleve": "{s}", "destination": "{d}",
                                                   "confirmation": "oui"}),
]  # fmt: skip


@pytest.fixture
def world(db, make_teacher, make_classe, make_student, make_assignment):
    """Claire owns two classes (a student, an assignment); Marc owns one."""
    owner, intruder = make_teacher("Claire", "Propriétaire"), make_teacher("Marc", "Autre")
    classe, spare = make_classe(owner, nom="Classe de Claire"), make_classe(owner, nom="Bis")
    marc = make_classe(intruder, nom="Classe de Marc")
    student = make_student(classe)
    assignment = make_assignment(classe)
    ids = {"c": classe.id, "a": assignment.id, "s": student.id, "d": spare.id, "m": marc.id}
    return owner, intruder, student, ids


def _data(data, ids, token):
    return {k: v.format(**ids) for k, v in data.items()} | {"csrf_token": token}


def _unchanged(db, ids):
    db.expire_all()
    assignment, classe = db.get(Assignment, ids["a"]), db.get(Classe, ids["c"])
    student = db.get(Student, ids["s"])
    return (
        assignment is not None
        and assignment.attempts_allowed == 3
        and assignment.due_at is not None
        and assignment.due_at > classe.created_at
        and classe.nom == "Classe de Claire"
        and classe.archived_at is None
        and student.classe_id == ids["c"]
    )


@pytest.mark.parametrize("path", GET_PAGES)
def test_the_owner_reaches_the_editing_pages(client, world, as_teacher, path):
    owner, _, _, ids = world
    assert as_teacher(client, owner).get(path.format(**ids)).status_code == 200


@pytest.mark.parametrize("path", GET_PAGES)
def test_a_student_gets_403(client, world, as_student, path):
    _, _, student, ids = world
    response = as_student(client, student).get(path.format(**ids), follow_redirects=False)
    assert response.status_code == 403


@pytest.mark.parametrize(("path", "data"), POST_FORMS)
def test_a_student_cannot_post(client, db, world, as_student, csrf, path, data):
    _, _, student, ids = world
    as_student(client, student)
    response = client.post(path.format(**ids), data=_data(data, ids, csrf(client, "/eleve")))
    assert response.status_code == 403
    assert _unchanged(db, ids)


@pytest.mark.parametrize("path", [p for p in GET_PAGES if "{" in p])
def test_another_teacher_gets_404(client, world, as_teacher, path):
    _, intruder, _, ids = world
    response = as_teacher(client, intruder).get(path.format(**ids))
    assert response.status_code == 404 and "Classe de Claire" not in response.text


@pytest.mark.parametrize(("path", "data"), POST_FORMS)
def test_another_teacher_cannot_post(client, db, world, as_teacher, csrf, path, data):
    _, intruder, _, ids = world
    as_teacher(client, intruder)
    response = client.post(path.format(**ids), data=_data(data, ids, csrf(client, "/enseignant")))
    assert response.status_code == 404
    assert _unchanged(db, ids)


def test_archives_list_only_my_classes(client, new_client, world, as_teacher, csrf):
    owner, intruder, _, ids = world
    as_teacher(client, owner)
    data = {"csrf_token": csrf(client, "/enseignant"), "confirmation": "oui"}
    client.post(f"/enseignant/classes/{ids['c']}/archiver", data=data)
    assert "Classe de Claire" in client.get("/enseignant/archives").text
    other = as_teacher(new_client(), intruder).get("/enseignant/archives")
    assert "Classe de Claire" not in other.text


@pytest.mark.parametrize(
    "destination", ["m", "missing"], ids=["another-teachers-class", "no-such-class"]
)
def test_a_student_cannot_be_moved_out_of_my_classes(
    client, db, world, as_teacher, csrf, destination
):
    owner, _, _, ids = world
    as_teacher(client, owner)
    target = str(ids.get(destination, 999_999))
    response = client.post(
        f"/enseignant/classes/{ids['c']}/changer-de-classe",
        data={"eleve": str(ids["s"]), "destination": target, "confirmation": "oui",
              "csrf_token": csrf(client, "/enseignant")},
    )  # fmt: skip
    assert response.status_code == 404
    assert _unchanged(db, ids)


def test_a_student_of_another_class_cannot_be_moved_through_mine(
    client, db, world, as_teacher, csrf, make_student
):
    owner, _, _, ids = world
    outsider = make_student(db.get(Classe, ids["m"]), "Zoé", "Ailleurs")
    as_teacher(client, owner)
    response = client.post(
        f"/enseignant/classes/{ids['c']}/changer-de-classe",
        data={"eleve": str(outsider.id), "destination": str(ids["d"]), "confirmation": "oui",
              "csrf_token": csrf(client, "/enseignant")},
    )  # fmt: skip
    assert response.status_code == 404
    db.expire_all()
    assert db.get(Student, outsider.id).classe_id == ids["m"]


@pytest.mark.parametrize(("path", "data"), POST_FORMS)
def test_every_form_needs_the_csrf_token(client, db, world, as_teacher, path, data):
    owner, _, _, ids = world
    as_teacher(client, owner)
    filled = {k: v.format(**ids) for k, v in data.items()}
    assert client.post(path.format(**ids), data=filled).status_code == 403
    forged = client.post(path.format(**ids), data=filled | {"csrf_token": "forged"})
    assert forged.status_code == 403
    assert _unchanged(db, ids)
    assert len(db.exec(select(Assignment)).all()) == 1


@pytest.mark.parametrize("path", GET_PAGES)
def test_every_form_of_the_editing_pages_carries_the_token(client, world, as_teacher, path):
    owner, _, _, ids = world
    html = as_teacher(client, owner).get(path.format(**ids)).text
    forms = re.findall(r"<form[^>]*method=\"post\".*?</form>", html, re.S)
    assert forms, "au moins le formulaire de déconnexion"
    for form in forms:
        assert 'name="csrf_token"' in form
