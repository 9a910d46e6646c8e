"""A student hands in a poster; only they and their class's teacher can read it, served inert."""

from __future__ import annotations

import pytest
from sqlmodel import select

from agora.classroom.models import StepAttempt
from agora.uploads.models import Upload

MISSION = "l-affiche-de-la-journee-portes-ouvertes"
REFUSED = "Ce fichier n&#39;est pas une image PNG ou JPEG ni un PDF"


@pytest.fixture
def poster(db, client, make_classe, make_student, make_assignment, as_student, csrf):
    """A class with the poster mission, Léa logged in: send(name, content, comment)."""
    classe = make_classe()
    lea = make_student(classe, prenom="Léa")
    assignment = make_assignment(classe, mission_slug=MISSION, attempts_allowed=2)
    as_student(client, lea)
    token = csrf(client, f"/eleve/missions/{assignment.id}")

    class Poster:
        pass

    def send(
        name,
        content,
        commentaire="Réalisée avec Scribus, photos de l'organisation.",
        *,
        with_token=True,
        media_type="image/png",
    ):
        url = f"/eleve/missions/{assignment.id}/etapes/0/fichier"
        return client.post(
            url,
            params={"csrf_token": token} if with_token else {},
            data={"commentaire": commentaire},
            files={"fichier": (name, content, media_type)},
            follow_redirects=False,
        )

    p = Poster()
    p.classe, p.student, p.assignment, p.send, p.token = classe, lea, assignment, send, token
    return p


def _stored(db):
    db.expire_all()
    return list(db.exec(select(Upload))), list(db.exec(select(StepAttempt)))


def test_a_poster_is_kept_with_its_comment_and_shown_back(poster, client, db, files, settings):
    response = poster.send("Mon affiche.PNG", files.png())
    assert response.status_code == 303
    page = client.get(response.headers["location"])
    assert "Affiche envoyée" in page.text and "Votre dernier envoi" in page.text
    assert "Mon_affiche.png" in page.text
    uploads, attempts = _stored(db)
    assert len(uploads) == 1 and len(attempts) == 1
    upload, attempt = uploads[0], attempts[0]
    assert attempt.answer["texte"].startswith("Réalisée avec Scribus")
    assert attempt.answer["fichier"]["id"] == upload.id and attempt.score is None
    assert (upload.media_type, upload.student_id) == ("image/png", poster.student.id)
    on_disk = settings.uploads_path / upload.sha256[:2] / upload.sha256
    assert on_disk.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    served = client.get(f"/fichiers/{upload.id}")
    assert served.status_code == 200 and served.content == on_disk.read_bytes()
    assert served.headers["content-type"] == "image/png"
    assert served.headers["content-security-policy"] == "sandbox"
    assert served.headers["x-content-type-options"] == "nosniff"
    assert served.headers["content-disposition"].startswith("inline")
    mine = client.get(f"/eleve/tentatives/{attempt.id}")
    assert f'href="http://testserver/fichiers/{upload.id}"' in mine.text


def test_the_name_kept_is_harmless_and_the_type_is_the_contents(poster, client, db, files):
    assert poster.send("../../../Été/Affiche été.pdf", files.png()).status_code == 303
    upload = _stored(db)[0][0]
    assert (upload.nom, upload.media_type) == ("Affiche_été.png", "image/png")
    served = client.get(f"/fichiers/{upload.id}")
    assert served.headers["content-type"] == "image/png"
    assert "filename*=utf-8''Affiche_%C3%A9t%C3%A9.png" in served.headers["content-disposition"]


def test_a_pdf_is_served_as_a_download_with_a_thumbnail(poster, client, db, files):
    assert poster.send("affiche.pdf", files.pdf(), media_type="application/pdf").status_code == 303
    upload = _stored(db)[0][0]
    served = client.get(f"/fichiers/{upload.id}")
    assert served.headers["content-type"] == "application/pdf"
    assert served.headers["content-disposition"].startswith("attachment")
    thumbnail = client.get(f"/fichiers/{upload.id}/miniature")
    assert thumbnail.status_code == 200 and thumbnail.content[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("affiche.png", b"<html><script>alert(document.cookie)</script></html>", REFUSED),
        ("affiche.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', "SVG"),
        ("affiche.exe", b"MZ\x90\x00", REFUSED),
        ("vide.png", b"", "vide"),
    ],
)
def test_a_refused_file_says_why_and_keeps_nothing(poster, client, db, name, content, said):
    poster.send("premiere.png", _png())  # an earlier poster, which must stay
    response = poster.send(name, content, "mon commentaire gardé")
    assert response.status_code == 422
    assert said in response.text and "mon commentaire gardé" in response.text
    uploads, attempts = _stored(db)
    assert len(uploads) == 1 and len(attempts) == 1  # the earlier one only, no try spent
    assert "Il vous reste 1 tentative" in response.text


def _png():
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "PNG")
    return out.getvalue()


def test_a_pdf_with_javascript_is_refused_through_the_form(poster, db, files):
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    def open_action(writer):
        writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
            {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("1")}
        )

    response = poster.send("affiche.pdf", files.pdf(open_action), media_type="application/pdf")
    assert response.status_code == 422 and REFUSED in response.text
    assert _stored(db) == ([], [])


def test_an_oversized_file_is_refused(poster, db, settings):
    just_over = b"\x89PNG\r\n\x1a\n" + b"\x00" * settings.upload_max_bytes
    response = poster.send("grosse.png", just_over)
    assert response.status_code == 422 and "dépasse la taille permise (5 Mo)" in response.text
    far_over = b"\x00" * (settings.upload_max_bytes + 200 * 1024)
    assert poster.send("enorme.png", far_over).status_code == 413
    assert _stored(db) == ([], [])


def test_no_file_chosen_is_a_message(poster, db):
    response = poster.send("", b"")
    assert response.status_code == 422 and "Choisissez le fichier" in response.text


def test_without_the_csrf_token_nothing_is_kept(poster, db, files):
    assert poster.send("affiche.png", files.png(), with_token=False).status_code == 403
    assert _stored(db) == ([], [])


def test_only_the_student_and_their_teacher_read_the_file(
    poster,
    client,
    db,
    files,
    new_client,
    make_student,
    make_teacher,
    make_classe,
    as_student,
    as_teacher,
):
    poster.send("affiche.png", files.png())
    upload = _stored(db)[0][0]
    paths = (f"/fichiers/{upload.id}", f"/fichiers/{upload.id}/miniature")
    neighbour = as_student(new_client(), make_student(poster.classe, prenom="Tom"))
    other_teacher = make_teacher("Paul", "Autre")
    make_student(make_classe(other_teacher, nom="1re AGOrA B"))
    stranger = as_teacher(new_client(), other_teacher)
    from agora.account.models import User
    from agora.classroom.models import Classe

    owner = db.get(User, db.get(Classe, poster.classe.id).teacher_id)
    teacher = as_teacher(new_client(), owner)
    for path in paths:
        assert client.get(path).status_code == 200
        assert teacher.get(path).status_code == 200
        assert neighbour.get(path).status_code == 404
        assert stranger.get(path).status_code == 404
    assert client.get(f"/fichiers/{upload.id + 1000}").status_code == 404


def test_the_teacher_sees_the_thumbnail_on_the_grading_page(
    poster, db, files, new_client, as_teacher
):
    from agora.account.models import User
    from agora.classroom.models import Classe

    poster.send("affiche.png", files.png())
    upload, attempt = (rows[0] for rows in _stored(db))
    owner = db.get(User, db.get(Classe, poster.classe.id).teacher_id)
    teacher = as_teacher(new_client(), owner)
    page = teacher.get(f"/enseignant/tentatives/{attempt.id}/grille")
    assert page.status_code == 200, page.text[:300]
    assert f'src="http://testserver/fichiers/{upload.id}/miniature"' in page.text
    work = teacher.get(f"/enseignant/devoirs/{poster.assignment.id}/eleves/{poster.student.id}")
    assert f'src="http://testserver/fichiers/{upload.id}/miniature"' in work.text


def test_a_bomb_and_a_pdf_carrying_a_file_are_refused_through_the_form(poster, db, files):
    bomb = poster.send("petite.png", files.bomb())
    assert bomb.status_code == 422 and "trop grande" in bomb.text
    carrying = files.pdf(lambda w: w.add_attachment("facture.exe", b"MZ"))
    refused = poster.send("affiche.pdf", carrying, media_type="application/pdf")
    assert refused.status_code == 422 and "fichiers joints" in refused.text
    assert _stored(db) == ([], [])


def test_the_teacher_grades_the_poster_with_the_rubric_and_the_student_reads_it(
    poster, client, db, files, new_client, as_teacher, csrf
):
    from agora.account.models import User
    from agora.classroom.models import Classe

    poster.send("affiche.png", files.png())
    attempt = _stored(db)[1][0]
    owner = db.get(User, db.get(Classe, poster.classe.id).teacher_id)
    teacher = as_teacher(new_client(), owner)
    token = csrf(teacher, f"/enseignant/tentatives/{attempt.id}/grille")
    graded = teacher.post(
        f"/enseignant/tentatives/{attempt.id}/grille",
        data={"csrf_token": token, "points": ["5", "4", "4", "3"], "commentaire": "Lisible."},
        follow_redirects=False,
    )
    assert graded.status_code in (302, 303), graded.text[:300]
    page = client.get(f"/eleve/missions/{poster.assignment.id}")
    assert "Note de l'enseignant : 16 / 20 — « Lisible. »" in page.text
