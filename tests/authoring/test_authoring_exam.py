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
    assert exam.mission_slug == version.slug and exam.total_points == 10  # the invoice step

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
