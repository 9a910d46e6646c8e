"""The teacher's comment bank: keep a comment while grading, find it on the next copy."""

from sqlmodel import select

from agora.classroom import service
from agora.classroom.models import RubricComment
from agora.db import utcnow


def _prose(db, student, assignment, texte="Madame, Monsieur, voici votre facture."):
    done = service.submit_prose(db, student, assignment, 1, texte, utcnow())
    db.commit()
    return done.attempt


def _bank(db):
    db.expire_all()
    return [(c.critere, c.texte) for c in db.exec(select(RubricComment).order_by(RubricComment.id))]


def test_a_ticked_comment_is_kept_and_offered_on_the_next_copy(classroom, db, csrf):
    client, _, assignment, lea, tom = classroom
    first, second = _prose(db, lea, assignment), _prose(db, tom, assignment)
    token = csrf(client, f"/enseignant/tentatives/{first.id}/grille")
    client.post(
        f"/enseignant/tentatives/{first.id}/grille",
        data={
            "points": ["2", "2", "2", "1"],
            "commentaires": ["", "Vérifiez la date d'échéance.", "", ""],
            "commentaire": "Pensez à relire avant d'envoyer.",
            "garder": ["1", "general"],
            "csrf_token": token,
        },
    )
    assert _bank(db) == [
        ("Exactitude des informations", "Vérifiez la date d'échéance."),
        ("", "Pensez à relire avant d'envoyer."),
    ]
    page = client.get(f"/enseignant/tentatives/{second.id}/grille").text
    line = page.split("Exactitude des informations")[1].split("</fieldset>")[0]
    assert 'data-texte="Vérifiez la date d&#39;échéance."' in line
    assert 'data-cible="critere-2-commentaire"' in line
    general = page.split('id="banque-commentaire"')[1]
    assert "Pensez à relire avant d&#39;envoyer." in general
    # Keeping the same text again does not double it.
    client.post(
        f"/enseignant/tentatives/{second.id}/grille",
        data={
            "points": ["2", "2", "2", "1"],
            "commentaires": ["", "Vérifiez la date d'échéance.", "", ""],
            "garder": ["1"],
            "csrf_token": token,
        },
    )
    assert len(_bank(db)) == 2


def test_keep_now_with_htmx_then_remove(classroom, db, csrf):
    client, _, assignment, lea, _ = classroom
    attempt = _prose(db, lea, assignment)
    token = csrf(client, f"/enseignant/tentatives/{attempt.id}/grille")
    headers = {"HX-Request": "true", "X-CSRF-Token": token}
    fragment = client.post(
        f"/enseignant/tentatives/{attempt.id}/banque",
        data={"ligne": "2", "commentaires": ["", "", "Attention aux accords.", ""]},
        headers=headers,
    )
    assert fragment.status_code == 200
    assert 'id="banque-critere-3-commentaire"' in fragment.text
    assert 'data-texte="Attention aux accords."' in fragment.text
    assert _bank(db) == [("Qualité de la langue", "Attention aux accords.")]
    empty = client.post(
        f"/enseignant/tentatives/{attempt.id}/banque",
        data={"ligne": "0", "commentaires": ["  "]},
        headers=headers,
    )
    assert "Écrivez le commentaire" in empty.text and len(_bank(db)) == 1
    comment_id = db.exec(select(RubricComment.id)).one()
    client.post(
        f"/enseignant/tentatives/{attempt.id}/banque/{comment_id}/supprimer",
        data={"ligne": "2"},
        headers=headers,
    )
    assert _bank(db) == []


def test_another_teacher_cannot_use_or_remove_the_bank(
    classroom, db, csrf, make_teacher, as_teacher, new_client
):
    client, _, assignment, lea, _ = classroom
    attempt = _prose(db, lea, assignment)
    token = csrf(client, f"/enseignant/tentatives/{attempt.id}/grille")
    client.post(
        f"/enseignant/tentatives/{attempt.id}/banque",
        data={"ligne": "general", "commentaire": "Très bien.", "csrf_token": token},
    )
    comment_id = db.exec(select(RubricComment.id)).one()
    other = as_teacher(new_client(), make_teacher())
    other_token = csrf(other, "/enseignant")
    refused = other.post(
        f"/enseignant/tentatives/{attempt.id}/banque",
        data={"ligne": "general", "commentaire": "Intrus", "csrf_token": other_token},
    )
    assert refused.status_code == 404
    removed = other.post(
        f"/enseignant/tentatives/{attempt.id}/banque/{comment_id}/supprimer",
        data={"ligne": "general", "csrf_token": other_token},
    )
    assert removed.status_code == 404
    assert _bank(db) == [("", "Très bien.")]
    # Without the CSRF token, nothing is kept.
    assert (
        client.post(
            f"/enseignant/tentatives/{attempt.id}/banque",
            data={"ligne": "general", "commentaire": "Sans jeton"},
        ).status_code
        == 403
    )
    assert len(_bank(db)) == 1
