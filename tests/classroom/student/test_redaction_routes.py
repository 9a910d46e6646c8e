"""A student writes an e-mail part by part: it is kept as its parts and shown as an e-mail;
a refused answer comes back with everything typed; CSRF is required; another student never
sees it; the pre-checks are shown when the mission says so."""

from sqlmodel import select

from agora.classroom.models import StepAttempt
from agora.db import utcnow
from agora.exercise.variants import company_for

MISSION = "l-information-sur-la-complementaire-sante"  # step 0: courriel, prechecks_eleve


def _fields(student, **changes):
    notice = f"Notice du contrat de complémentaire santé 2026 — {company_for(student.org_seed).raison_sociale}"
    fields = {
        "a": "personnel@exemple.fr",
        "cc": "",
        "objet": "Nouvelle complémentaire santé au 1er avril 2026",
        "corps": (
            "Bonjour à toutes et à tous,\n\nLe nouveau contrat s'applique le 1er avril 2026. "
            "La cotisation est de 53,50 € : 32,10 € payés par l'employeur et 21,40 € retenus "
            "sur votre salaire.\n\nCordialement,\nLéa Martin"
        ),
        "piece_jointe": notice,
    }
    return fields | changes


def _attempts(db, student):
    db.expire_all()
    return db.exec(select(StepAttempt).where(StepAttempt.student_id == student.id)).all()


def test_an_email_is_kept_as_its_parts_and_shown_as_an_email(
    client, db, make_classe, make_student, make_assignment, as_student, csrf
):
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    as_student(client, student)
    page = client.get(f"/eleve/missions/{assignment.id}")
    assert 'name="objet"' in page.text and 'name="piece_jointe"' in page.text
    assert "Notice du contrat de complémentaire santé 2026" in page.text
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    fields = _fields(student, corps=_fields(student)["corps"] + "\n<script>alert(1)</script>")
    sent = client.post(
        f"/eleve/missions/{assignment.id}/etapes/0", data=fields | {"csrf_token": token}
    )
    assert sent.status_code == 200
    (attempt,) = _attempts(db, student)
    assert attempt.kind == "redaction" and attempt.score is None
    assert attempt.answer["objet"] == fields["objet"]
    assert attempt.answer["piece_jointe"] == fields["piece_jointe"]
    assert "cc" not in attempt.answer  # an empty part is not kept
    assert "courriel-entete" in sent.text and "📎" in sent.text
    assert "<script>alert(1)</script>" not in sent.text  # the student's text is escaped
    assert "Vérifications automatiques" in sent.text  # prechecks_eleve: true
    assert "réunion d&#39;information (20 mars)" in sent.text  # a fact missing from the e-mail
    shown = client.get(f"/eleve/tentatives/{attempt.id}")
    assert "courriel-entete" in shown.text and fields["objet"] in shown.text


def test_a_refused_email_comes_back_with_everything_typed(
    client, db, make_classe, make_student, make_assignment, as_student, csrf
):
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    as_student(client, student)
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    fields = _fields(student, a="personnel.exemple.fr")
    page = client.post(
        f"/eleve/missions/{assignment.id}/etapes/0", data=fields | {"csrf_token": token}
    )
    assert "n&#39;est pas une adresse électronique" in page.text
    assert "Nouvelle complémentaire santé au 1er avril 2026" in page.text
    assert "32,10 € payés par l&#39;employeur" in page.text
    assert 'value="personnel.exemple.fr"' in page.text
    assert _attempts(db, student) == []  # nothing kept, no try spent


def test_an_email_without_csrf_token_is_refused_and_nothing_kept(
    client, db, make_classe, make_student, make_assignment, as_student
):
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    as_student(client, student)
    response = client.post(f"/eleve/missions/{assignment.id}/etapes/0", data=_fields(student))
    assert response.status_code == 403
    assert _attempts(db, student) == []


def test_another_student_cannot_read_my_email(
    client, db, make_classe, make_student, make_assignment, as_student, csrf
):
    classe = make_classe()
    me, other = make_student(classe), make_student(classe)
    assignment = make_assignment(classe, MISSION)
    as_student(client, me)
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    client.post(
        f"/eleve/missions/{assignment.id}/etapes/0", data=_fields(me) | {"csrf_token": token}
    )
    (attempt,) = _attempts(db, me)
    as_student(client, other)
    assert client.get(f"/eleve/tentatives/{attempt.id}").status_code == 404
    assert (
        "Nouvelle complémentaire santé" not in client.get(f"/eleve/missions/{assignment.id}").text
    )


def test_each_format_asks_for_its_own_parts(
    client, make_classe, make_student, make_assignment, as_student
):
    classe = make_classe()
    student = make_student(classe)
    lettre = make_assignment(classe, "un-courrier-de-mecontentement")
    page_web = make_assignment(classe, "la-page-sur-le-site-de-la-mairie")
    as_student(client, student)
    letter = client.get(f"/eleve/missions/{lettre.id}").text
    for part in ("expediteur", "destinataire", "references", "lieu_date", "objet",
                 "formule_appel", "corps", "formule_politesse", "signature"):  # fmt: skip
        assert f'name="{part}"' in letter
    web = client.get(f"/eleve/missions/{page_web.id}").text
    assert web.count('name="mentions_legales"') == 1  # the web page, not the social post


def test_an_answer_sent_before_the_step_had_parts_fills_the_body(
    client, db, make_classe, make_student, make_assignment, as_student
):
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    db.add(
        StepAttempt(
            student_id=student.id,
            assignment_id=assignment.id,
            step_index=0,
            kind="redaction",
            niveau=2,
            variant_seed=1,
            answer={"texte": "Mon ancien texte d'avant"},
            created_at=utcnow(),
        )
    )
    db.commit()
    page = as_student(client, student).get(f"/eleve/missions/{assignment.id}").text
    corps = page.split('id="etape-0-corps"')[1].split("</textarea>")[0]
    assert "Mon ancien texte d&#39;avant" in corps
