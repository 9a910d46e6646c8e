"""A mission a teacher wrote serves in an evaluation like a built-in; not another teacher's."""

from __future__ import annotations

from sqlmodel import select

from agora.authoring import editor, service
from agora.exam.models import Exam

URL = "/enseignant/evaluations/nouvelle"


def _exam_form(classe, slug: str) -> dict[str, str]:
    return {
        "titre": "CCF de ma mission",
        "classe_id": str(classe.id),
        "source": "mission",
        "mission": slug,
        "opens_at": "2099-03-02T08:00",
        "closes_at": "2099-03-02T12:00",
        "duree_minutes": "55",
    }


def test_an_authored_mission_is_an_exam_source_for_its_author_only(
    teacher_at_work, db, csrf, form, make_teacher, make_classe, as_teacher, new_client
):
    from starlette.datastructures import FormData

    client, teacher, classe = teacher_at_work
    _mission, texte, errors = editor.check(editor.draft_from_form(FormData(list(form.items()))))
    assert errors == {}
    version = service.create(db, teacher.id, texte)
    db.commit()
    page = client.get(URL).text
    assert "Mes missions" in page and version.slug in page
    created = client.post(
        URL, data=_exam_form(classe, version.slug) | {"csrf_token": csrf(client, URL)}
    )
    assert created.status_code == 200, created.text[:1000]
    exam = db.exec(select(Exam)).one()
    assert exam.mission_slug == version.slug and exam.total_points == 15  # invoice + writing

    other = make_teacher("Paul", "Autre", login="paul.autre")
    other_classe = make_classe(other, nom="Autre classe")
    intruder = as_teacher(new_client(), other)
    assert version.slug not in intruder.get(URL).text
    refused = intruder.post(
        URL, data=_exam_form(other_classe, version.slug) | {"csrf_token": csrf(intruder, URL)}
    )
    assert refused.status_code == 400 and "Mission inconnue" in refused.text
    db.expire_all()
    assert len(db.exec(select(Exam)).all()) == 1


WRITTEN = """---
titre: Le mot d'accueil
niveau: 1
duree_minutes: 20
resume: Un courriel d'accueil.
competences: ["1.1.3"]
etapes:
  - type: redaction
    titre: Écrire le mot d'accueil
    points: 6
    competences: ["1.1.3"]
    consigne: Écrivez le mot d'accueil des nouveaux clients de {organisation}.
    rubrique:
      - {critere: Ton, points: 6, description: Le ton est chaleureux.}
---
Un client arrive chez {organisation}.
"""


def test_the_writing_step_of_a_teachers_own_mission_is_an_exam_question(
    teacher_at_work, db, csrf, make_student
):
    # It was looked up by its slug among the built-in missions, where it is not: the exam
    # keeps a copy of the step instead, so its statement and rubric are there for good.
    from agora.exam import creation, redaction
    from agora.exercise.variants import company_for
    from agora.francais import de

    client, teacher, classe = teacher_at_work
    student = make_student(classe)
    version = service.create(db, teacher.id, WRITTEN)
    db.commit()
    created = client.post(
        URL, data=_exam_form(classe, version.slug) | {"csrf_token": csrf(client, URL)}
    )
    assert created.status_code == 200, created.text[:1000]
    exam = db.exec(select(Exam)).one()
    (question,) = exam.questions
    assert redaction.is_writing(question) and exam.total_points == 6
    statement = redaction.variant(question, 1, student.org_seed).enonce
    # « de {organisation} » as the name takes it: « d'Eau… », « des Sportifs… », « de Régie… ».
    nom = company_for(student.org_seed).raison_sociale
    assert statement.startswith(f"Écrivez le mot d'accueil des nouveaux clients {de(nom)}")
    assert [c.critere for c in redaction.step_of(question).rubrique] == ["Ton"]
    assert creation.check_questions(exam.questions) == exam.questions  # edit keeps it
