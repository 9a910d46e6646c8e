"""Teacher: a page per student (missions, exams, levels with evidence) and the positionnement:
the teacher's level wins everywhere, shown as such, the computed one stays beside it."""

import re

from agora.classroom import service
from agora.content.missions import get_mission
from agora.db import utcnow
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

MISSION = "du-devis-a-l-encaissement"
EN_COURS = "en cours d&#39;évaluation"


def _submit(db, student, assignment, correct=True):
    variant = service.step_variant(student, get_mission(MISSION), 0)
    samples = get_kind("facture").sample_answers(variant.params)
    sample = next(s for s in samples if s.correct == correct and not s.invalid)
    service.submit_exercise(db, student, assignment, 0, flatten(sample.answer), utcnow())
    db.commit()


def _row(html: str, code: str) -> str:
    return html.split(f'<tr id="competence-{code.replace(".", "-")}">')[1].split("</tr>")[0]


def _student_row(html: str, code: str) -> str:
    return html.split(f'<td class="code">{code}</td>')[1].split("</tr>")[0]


def _level(row: str) -> str:
    return re.search(r'<span class="niveau niveau--[^"]+">([^<]+)</span>', row).group(1)


def _position(client, csrf, student, **data):
    token = csrf(client, f"/enseignant/eleves/{student.id}")
    return client.post(
        f"/enseignant/eleves/{student.id}/positionnement", data={**data, "csrf_token": token}
    )


def test_class_page_links_each_student_to_their_page(classroom):
    client, classe, _assignment, lea, _tom = classroom
    page = client.get(f"/enseignant/classes/{classe.id}").text
    assert f'href="http://testserver/enseignant/eleves/{lea.id}"' in page


def test_student_page_lists_missions_exams_and_levels_with_evidence(classroom, db):
    client, _classe, assignment, lea, _tom = classroom
    _submit(db, lea, assignment)
    response = client.get(f"/enseignant/eleves/{lea.id}")
    assert response.status_code == 200
    page = response.text
    missions = page.split('id="titre-missions"')[1].split("</section>")[0]
    assert get_mission(MISSION).titre.replace("'", "&#39;") in missions
    assert f"/enseignant/devoirs/{assignment.id}/eleves/{lea.id}" in missions
    assert "Aucune évaluation." in page
    row = _row(page, "1.2.2")
    assert _level(row) == EN_COURS  # one piece of evidence: not yet a level
    assert "100\u202f%" in row and "(niveau 2, compte 2)" in row
    assert f"/enseignant/devoirs/{assignment.id}/eleves/{lea.id}#etape-0" in row
    assert page.count('name="csrf_token"') >= 37  # a positionnement form per competency
    assert _level(_row(page, "3.2.4")) == "non évalué"


def test_positionnement_is_shown_as_such_and_wins_everywhere(
    classroom, db, csrf, as_student, new_client
):
    client, classe, assignment, lea, _tom = classroom
    _submit(db, lea, assignment)
    response = _position(
        client, csrf, lea, code="1.2.2", niveau="fragile", commentaire="Vu en atelier <b>"
    )
    assert response.status_code == 200 and "Positionnement enregistré." in response.text
    teacher_row = _row(client.get(f"/enseignant/eleves/{lea.id}").text, "1.2.2")
    assert _level(teacher_row) == "fragile"
    assert "positionné par l'enseignant le " in teacher_row
    assert "« Vu en atelier &lt;b&gt; »" in teacher_row  # escaped
    assert f'niveau calculé : <span class="niveau niveau--en-cours">{EN_COURS}</span>' in (
        teacher_row
    )
    mine = as_student(new_client(), lea).get("/eleve/competences").text
    student_row = _student_row(mine, "1.2.2")
    assert _level(student_row) == "fragile"
    assert "positionné par l'enseignant le " in student_row and "Vu en atelier" in student_row
    heatmap = client.get(f"/enseignant/classes/{classe.id}/competences").text
    assert 'title="1.2.2 : fragile"' in heatmap
    csv = client.get(f"/enseignant/classes/{classe.id}/competences.csv").content.decode()
    assert "fragile" in csv

    # Without evidence at all, the teacher's level still wins; empty level withdraws it.
    _position(client, csrf, lea, code="3.2.4", niveau="tres-bon", commentaire="")
    assert _level(_row(client.get(f"/enseignant/eleves/{lea.id}").text, "3.2.4")) == "très bon"
    response = _position(client, csrf, lea, code="1.2.2", niveau="", commentaire="")
    assert "Positionnement retiré." in response.text
    assert _level(_row(response.text, "1.2.2")) == EN_COURS
    assert "positionné par" not in _row(response.text, "1.2.2")


def test_refused_positionnement_says_why_and_saves_nothing(classroom, csrf):
    client, _classe, _assignment, lea, _tom = classroom
    response = _position(client, csrf, lea, code="1.2.2", niveau="excellent", commentaire="x")
    assert response.status_code == 400
    assert "Choisissez un niveau" in _row(response.text, "1.2.2")
    response = _position(client, csrf, lea, code="9.9.9", niveau="fragile", commentaire="")
    assert response.status_code == 400 and "n&#39;existe pas dans le référentiel" in response.text
    response = _position(client, csrf, lea, code="1.2.2", niveau="fragile", commentaire="x" * 2001)
    assert response.status_code == 400 and "dépasse 2000 caractères" in response.text
    page = client.get(f"/enseignant/eleves/{lea.id}").text
    assert "positionné par" not in page


def test_another_teacher_gets_404_a_student_403_and_csrf_is_required(
    classroom, make_teacher, as_teacher, as_student, new_client, csrf
):
    client, _classe, _assignment, lea, tom = classroom
    other = as_teacher(new_client(), make_teacher(prenom="Paul", nom="Autre"))
    assert other.get(f"/enseignant/eleves/{lea.id}").status_code == 404
    token = csrf(other, "/enseignant")
    response = other.post(
        f"/enseignant/eleves/{lea.id}/positionnement",
        data={"code": "1.2.2", "niveau": "fragile", "csrf_token": token},
    )
    assert response.status_code == 404
    pupil = as_student(new_client(), tom)
    assert pupil.get(f"/enseignant/eleves/{lea.id}").status_code == 403
    no_token = client.post(
        f"/enseignant/eleves/{lea.id}/positionnement", data={"code": "1.2.2", "niveau": "fragile"}
    )
    assert no_token.status_code == 403
    assert "positionné par" not in client.get(f"/enseignant/eleves/{lea.id}").text


def test_a_moved_student_keeps_their_evidence_on_the_new_teachers_page(classroom, db, make_classe):
    client, classe, assignment, lea, _tom = classroom
    from agora.account.models import User
    from agora.classroom.teacher.edit import move_student

    _submit(db, lea, assignment)
    destination = make_classe(db.get(User, classe.teacher_id), nom="1re AGOrA B")
    move_student(db, lea, destination)
    db.commit()
    page = client.get(f"/enseignant/eleves/{lea.id}").text
    row = _row(page, "1.2.2")
    assert "(ancienne classe)" in row and "100\u202f%" in row  # named, not linked
    assert f"/enseignant/devoirs/{assignment.id}/eleves/" not in row
