"""Teacher: classes, importing students from CSV, login cards, passwords, assigning missions."""

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import delete as sa_delete
from sqlmodel import select
from tests.pdf_helpers import pages_as_images, pdf_text

from agora.account.models import User
from agora.account.service import verify_password
from agora.calendrier import PARIS
from agora.classroom.models import Assignment, AssignmentStudent, Classe, Student
from agora.classroom.teacher.cards import login_cards
from agora.classroom.teacher.service import Credential, current_school_year, random_password
from agora.content.missions import get_mission
from agora.db import utcnow

PAIE = get_mission("la-paie-de-mars").titre
CSV = (
    "NOM;Prénom;Né(e) le;Mail\r\n"
    "DUPONT;Léa;12/03/2009;lea@example.org\r\n"
    ";Paul;12/03/2009;\r\n"
    "MARTIN;Zoé;31/02/2009;\r\n"
    "\r\n"
    "LE GALL;Noël;2008-09-01;\r\n"
)


@pytest.fixture
def teacher_client(client, make_teacher, make_classe, as_teacher):
    """(client logged in as a teacher, that teacher, one of their classes)."""
    teacher = make_teacher()
    classe = make_classe(teacher)
    return as_teacher(client, teacher), teacher, classe


def _upload(client, csrf, classe, data: bytes, name="eleves.csv"):
    token = csrf(client, f"/enseignant/classes/{classe.id}/import")
    return client.post(
        f"/enseignant/classes/{classe.id}/import",
        params={"csrf_token": token},  # a multipart form carries it in its action URL
        files={"fichier": (name, data, "text/csv")},
    )


def _students(db, classe):
    db.expire_all()
    return db.exec(select(Student, User).join(User).where(Student.classe_id == classe.id)).all()


def test_home_lists_my_classes_and_creates_one(teacher_client, db, csrf):
    client, teacher, classe = teacher_client
    page = client.get("/enseignant")
    assert page.status_code == 200 and classe.nom in page.text
    assert 'aria-current="page"' in page.text and "Copies à corriger" in page.text
    token = csrf(client, "/enseignant")
    created = client.post(
        "/enseignant/classes",
        data={"nom": "  Tle   AGOrA B ", "annee_scolaire": "2025-2026", "csrf_token": token},
    )
    assert created.status_code == 200 and "<h1>Tle AGOrA B" in created.text
    assert db.exec(select(Classe).where(Classe.nom == "Tle AGOrA B")).one().teacher_id == teacher.id


def test_home_redirects_a_teacher_to_the_teacher_home(teacher_client):
    client, _, _ = teacher_client
    assert client.get("/", follow_redirects=False).headers["location"].endswith("/enseignant")


@pytest.mark.parametrize(
    ("nom", "annee", "message"),
    [
        ("", "2025-2026", "Donnez un nom"),
        ("1re A", "2025-2027", "2025-2026"),
        ("1re A", "x", "2025"),
    ],
)
def test_create_class_errors_rerender_the_form_block(teacher_client, csrf, nom, annee, message):
    client, _, _ = teacher_client
    token = csrf(client, "/enseignant")
    page = client.post(
        "/enseignant/classes",
        data={"nom": nom, "annee_scolaire": annee, "csrf_token": token},
        headers={"HX-Request": "true"},
    )
    assert page.status_code == 400 and message in page.text
    assert page.text.lstrip().startswith('<section id="nouvelle-classe"')


def test_the_school_year_changes_on_the_first_of_september():
    assert current_school_year(date(2027, 8, 31)) == "2026-2027"
    assert current_school_year(date(2027, 9, 1)) == "2027-2028"
    assert current_school_year(date(2027, 1, 4)) == "2026-2027"


def test_a_school_year_far_from_the_current_one_is_refused_with_the_typed_values(
    teacher_client, csrf
):
    client, _, _ = teacher_client
    start = int(current_school_year(utcnow().date())[:4])
    token = csrf(client, "/enseignant")
    for annee in ("1999-2000", f"{start + 2}-{start + 3}", f"{start - 2}-{start - 1}"):
        page = client.post(
            "/enseignant/classes",
            data={"nom": "1re A", "annee_scolaire": annee, "csrf_token": token},
            headers={"HX-Request": "true"},
        )
        assert page.status_code == 400, annee
        assert f"L&#39;année scolaire {annee} est loin de l&#39;année en cours" in page.text
        assert f"entre {start - 1}-{start} et {start + 1}-{start + 2}" in page.text
        assert 'value="1re A"' in page.text and f'value="{annee}"' in page.text
    for annee in (f"{start - 1}-{start}", f"{start + 1}-{start + 2}"):
        created = client.post(
            "/enseignant/classes",
            data={"nom": f"Classe {annee}", "annee_scolaire": annee, "csrf_token": token},
        )
        assert created.status_code == 200 and f"Classe {annee}" in created.text


def test_import_preview_shows_line_errors_and_saves_nothing(teacher_client, db, csrf):
    client, _, classe = teacher_client
    page = _upload(client, csrf, classe, CSV.encode("cp1252"))
    assert page.status_code == 200
    assert "2 élèves</strong> prêts" in page.text and "2 lignes en erreur" in page.text
    assert "1 ligne vide ignorée" in page.text and "Windows-1252" in page.text
    assert "Nom manquant." in page.text and "Date de naissance impossible" in page.text
    assert "Rien n'est encore enregistré" in page.text
    assert 'name="contenu"' in page.text
    assert _students(db, classe) == []


def test_import_of_a_broken_file_says_why(teacher_client, db, csrf):
    client, _, classe = teacher_client
    page = _upload(client, csrf, classe, b"PK\x03\x04\x00\x00binary", "classe.xlsx")
    assert page.status_code == 400 and "pas un fichier texte CSV" in page.text
    big = _upload(client, csrf, classe, b"Nom;Pr\xc3\xa9nom;N\xc3\xa9 le\n" + b"x" * 2_000_000)
    assert big.status_code == 400 and "trop gros" in big.text


def test_confirm_creates_accounts_with_initial_passwords(
    teacher_client, db, csrf, new_client, log_in
):
    client, _, classe = teacher_client
    preview = _upload(client, csrf, classe, CSV.encode())
    token = csrf(client, "/enseignant")
    text = CSV.replace("\r\n", "\n")
    page = client.post(
        f"/enseignant/classes/{classe.id}/import/confirmer",
        data={"contenu": text, "csrf_token": token},
    )
    assert preview.status_code == 200 and page.status_code == 200
    assert "2 élèves ajoutés à la classe." in page.text
    assert page.headers["cache-control"] == "no-store"  # initial passwords: not cached
    rows = _students(db, classe)
    assert sorted(u.login for _, u in rows) == ["lea.dupont", "noel.le-gall"]
    assert all(u.must_change_password and u.role == "eleve" for _, u in rows)
    assert len({s.org_seed for s, _ in rows}) == 2
    lea = next((s, u) for s, u in rows if u.prenom == "Léa")
    assert lea[0].email == "lea@example.org" and str(lea[0].date_naissance) == "2009-03-12"
    # The page shows each initial password once; it opens the account (first login: change it).
    password = page.text.split('lea.dupont</td><td class="code">')[1].split("<")[0]
    assert verify_password(lea[1].password_hash, password)
    student_browser = new_client()
    answer = log_in(student_browser, "lea.dupont", password)
    assert answer.url.path == "/mot-de-passe"


def test_confirm_reparses_the_posted_text_and_skips_students_already_there(
    teacher_client, db, csrf, make_student
):
    client, _, classe = teacher_client
    existing = make_student(classe, prenom="Léa", nom="DUPONT")
    db.get(Student, existing.id).date_naissance = (
        utcnow().date().replace(year=2009, month=3, day=12)
    )
    db.commit()
    token = csrf(client, "/enseignant")
    tampered = "Nom;Prénom;Né le\nDUPONT;Léa;12/03/2009\nX;;bad\nNOUVEAU;Tom;01/01/2009\n"
    page = client.post(
        f"/enseignant/classes/{classe.id}/import/confirmer",
        data={"contenu": tampered, "csrf_token": token},
    )
    assert "1 élève ajouté" in page.text
    assert sorted(u.nom for _, u in _students(db, classe)) == ["DUPONT", "NOUVEAU"]
    # Homonyms in another class get their own login.
    assert "tom.nouveau" in page.text


def test_preview_flags_students_already_in_the_class(teacher_client, db, csrf, make_student):
    client, _, classe = teacher_client
    existing = make_student(classe, prenom="Léa", nom="Dupont")
    db.get(Student, existing.id).date_naissance = (
        utcnow().date().replace(year=2009, month=3, day=12)
    )
    db.commit()
    page = _upload(client, csrf, classe, CSV.encode())
    assert "Déjà inscrit dans cette classe." in page.text and "1 élève</strong> prêt" in page.text
    # The refused line shows what it holds, as the other errors do (the cell was empty).
    assert '<td class="code">DUPONT;Léa;12/03/2009;lea@example.org</td>' in page.text


def test_login_cards_pdf_from_the_credentials_page(teacher_client, db, csrf):
    client, _, classe = teacher_client
    token = csrf(client, "/enseignant")
    lines = "".join(f"ELEVE{i};Prénom{i};01/01/2009\n" for i in range(12))
    page = client.post(
        f"/enseignant/classes/{classe.id}/import/confirmer",
        data={"contenu": "Nom;Prénom;Né le\n" + lines, "csrf_token": token},
    )
    assert 'name="mot_de_passe"' in page.text
    rows = _students(db, classe)
    fields = {
        "csrf_token": token,
        "eleve": [str(student.id) for student, _ in rows],
        "mot_de_passe": ["pass-" + user.login for _, user in rows],
    }
    pdf = client.post(f"/enseignant/classes/{classe.id}/cartes.pdf", data=fields)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"] == 'attachment; filename="cartes-1re-agora-a.pdf"'
    assert pdf.headers["cache-control"] == "no-store"
    assert len(pages_as_images(pdf.content)) == 2  # ten cards per page
    assert all(f"pass-{user.login}" in pdf_text(pdf.content) for _, user in rows)


def test_cards_keep_french_names_whole():
    from datetime import date

    from agora import TEMPLATES_DIR
    from agora.web.templating import make_environment

    cards = [Credential(1, "Noël", "Lefèvre-Œuvre", "noel.lefevre-oeuvre", "baku-tevi-47")]
    env = make_environment(TEMPLATES_DIR)
    pdf = login_cards(env, cards, "1re AGOrA A", "http://lycee.example/", date(2026, 9, 1))
    assert len(pages_as_images(pdf)) == 1
    text = pdf_text(pdf)
    assert "Noël Lefèvre-Œuvre" in text and "baku-tevi-47" in text
    assert "Mot de passe provisoire" in text and "http://lycee.example/" in text
    assert "À la première connexion" in text


def test_random_passwords_are_readable_and_different():
    passwords = {random_password() for _ in range(200)}
    assert len(passwords) == 200
    assert all(len(p) >= 8 and p.isascii() and "l" not in p and "o" not in p for p in passwords)


def test_reset_passwords_needs_confirmation_then_resets_only_new_students(
    teacher_client, db, csrf, make_student, log_in, new_client
):
    client, _, classe = teacher_client
    active = make_student(classe, prenom="Active")
    waiting = make_student(classe, prenom="Attente", must_change_password=True)
    token = csrf(client, f"/enseignant/classes/{classe.id}/mots-de-passe")
    url = f"/enseignant/classes/{classe.id}/mots-de-passe"
    refused = client.post(url, data={"pour": "nouveaux", "csrf_token": token})
    assert refused.status_code == 400 and "Cochez la case de confirmation" in refused.text
    page = client.post(url, data={"pour": "nouveaux", "confirmation": "oui", "csrf_token": token})
    assert "pour 1 élève(s)" in page.text
    db.expire_all()
    waiting_user = db.get(User, waiting.user_id)
    assert waiting_user.session_version == 2 and waiting_user.must_change_password
    assert not verify_password(waiting_user.password_hash, "motdepasse-de-test")
    assert db.get(User, active.user_id).session_version == 1
    # « tous » resets everybody, who must then choose a new password.
    client.post(url, data={"pour": "tous", "confirmation": "oui", "csrf_token": token})
    db.expire_all()
    assert db.get(User, active.user_id).must_change_password
    assert log_in(new_client(), db.get(User, active.user_id).login).status_code == 400


def _assign(client, csrf, classe, **fields):
    token = csrf(client, f"/enseignant/classes/{classe.id}/attribuer")
    data = {"csrf_token": token, "attempts": "2", "corrections": "immediate", "pour": "classe"}
    data.update(fields)
    return client.post(f"/enseignant/classes/{classe.id}/attribuer", data=data)


def test_assign_a_mission_to_the_class(
    teacher_client, db, csrf, make_student, as_student, new_client
):
    client, _, classe = teacher_client
    student = make_student(classe)
    day = (utcnow() + timedelta(days=10)).astimezone(PARIS).date().isoformat()
    page = _assign(client, csrf, classe, mission="la-paie-de-mars", date=day, heure="18:00")
    assert page.status_code == 200 and PAIE in page.text
    # The teacher is told what was done (the page used to come back without a word).
    assert f"Mission « {PAIE} » donnée à 1 élève de {classe.nom}, à rendre le " in page.text
    assignment = db.exec(select(Assignment).where(Assignment.classe_id == classe.id)).one()
    assert assignment.attempts_allowed == 2 and assignment.corrections == "immediate"
    assert assignment.due_at.astimezone(PARIS).strftime("%Y-%m-%d %H:%M") == f"{day} 18:00"
    assert PAIE in as_student(new_client(), student).get("/eleve").text


def test_the_teacher_chooses_the_level_the_students_get(
    teacher_client, db, csrf, make_student, as_student, new_client
):
    from agora.authoring.catalog import assignment_mission
    from agora.classroom.models import StepAttempt
    from agora.classroom.service import step_variant
    from agora.content.missions import get_mission
    from agora.exercise.forms import flatten
    from agora.exercise.registry import get_kind

    client, _, classe = teacher_client
    student = make_student(classe)
    mission = get_mission("la-paie-de-mars")
    assert mission.niveau == 2
    # The form offers the three levels, the mission's own chosen unless the teacher picks one.
    form = client.get(f"/enseignant/classes/{classe.id}/attribuer").text
    assert "1 — guidé" in form and "2 — standard" in form and "3 — autonome" in form
    page = _assign(client, csrf, classe, mission="la-paie-de-mars")
    assert page.status_code == 200 and "niveau 2 (standard)" in page.text
    page = _assign(client, csrf, classe, mission="la-paie-de-mars", niveau="1")
    assert "niveau 1 (guidé)" in page.text
    default, guided = db.exec(select(Assignment).order_by(Assignment.id)).all()
    assert (default.niveau, guided.niveau) == (2, 1)
    progress = client.get(f"/enseignant/devoirs/{guided.id}").text
    assert "<dt>Niveau</dt><dd>1 (guidé)</dd>" in progress

    # The student works at that level: every exercise step one level lower (at least 1).
    leveled = assignment_mission(db, guided)
    pairs = zip(mission.etapes, leveled.etapes, strict=True)
    steps = [(getattr(e, "niveau", None), getattr(f, "niveau", None)) for e, f in pairs]
    assert steps and all(f == max(1, e - 1) for e, f in steps if e is not None)
    pupil = as_student(new_client(), student)
    url = f"/eleve/missions/{guided.id}"
    assert "<dt>Niveau</dt><dd>1 (guidé)</dd>" in pupil.get(url).text
    variant = step_variant(student, leveled, 0)
    right = get_kind(leveled.etapes[0].kind).sample_answers(variant.params)[0]
    token = csrf(pupil, url)
    pupil.post(f"{url}/etapes/0", data={**flatten(right.answer), "csrf_token": token})
    db.expire_all()
    attempt = db.exec(select(StepAttempt).where(StepAttempt.assignment_id == guided.id)).one()
    assert attempt.niveau == leveled.etapes[0].niveau < mission.etapes[0].niveau
    assert attempt.score == 1


def test_assign_to_some_students_only(
    teacher_client, db, csrf, make_student, as_student, new_client
):
    client, _, classe = teacher_client
    chosen, other = make_student(classe), make_student(classe)
    page = _assign(
        client, csrf, classe, mission="la-paie-de-mars", pour="eleves", eleves=[str(chosen.id)]
    )
    assert page.status_code == 200
    assert [r.student_id for r in db.exec(select(AssignmentStudent)).all()] == [chosen.id]
    assert PAIE in as_student(new_client(), chosen).get("/eleve").text
    assert PAIE not in as_student(new_client(), other).get("/eleve").text


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "Choisissez une mission."),
        ({"mission": "inconnue"}, "Mission inconnue"),
        ({"mission": "la-paie-de-mars", "date": "2020-01-01"}, "déjà passée"),
        ({"mission": "la-paie-de-mars", "date": "12/03/2030"}, "JJ/MM/AAAA"),
        ({"mission": "la-paie-de-mars", "attempts": "0"}, "de 1 à 10"),
        ({"mission": "la-paie-de-mars", "attempts": "deux"}, "nombre entier"),
        ({"mission": "la-paie-de-mars", "corrections": "after_due"}, "demande une date limite"),
        ({"mission": "la-paie-de-mars", "pour": "eleves"}, "Cochez au moins un élève"),
        ({"mission": "la-paie-de-mars", "niveau": "4"}, "1 (guidé), 2 (standard) ou 3"),
        ({"mission": "la-paie-de-mars", "niveau": "deux"}, "1 (guidé), 2 (standard) ou 3"),
    ],
)
def test_assign_errors_rerender_the_form(teacher_client, db, csrf, fields, message):
    client, _, classe = teacher_client
    page = _assign(client, csrf, classe, **fields)
    assert page.status_code == 400 and message in page.text
    assert db.exec(select(Assignment)).all() == []


def test_assign_with_htmx_gets_the_form_block_or_a_redirect(teacher_client, db, csrf):
    client, _, classe = teacher_client
    token = csrf(client, f"/enseignant/classes/{classe.id}/attribuer")
    url = f"/enseignant/classes/{classe.id}/attribuer"
    data = {"csrf_token": token, "attempts": "3", "corrections": "immediate", "pour": "classe"}
    htmx = {"HX-Request": "true"}
    error = client.post(url, data=data, headers=htmx)
    assert error.status_code == 400 and "HX-Request" in error.headers["vary"]
    assert error.text.lstrip().startswith('<form id="formulaire"')
    assert "Choisissez une mission." in error.text
    done = client.post(url, data=data | {"mission": "la-paie-de-mars"}, headers=htmx)
    assert done.status_code == 204
    assert done.headers["HX-Redirect"].endswith(f"/enseignant/classes/{classe.id}")


def test_no_mission_summary_the_teacher_reads_shows_a_brace_placeholder(teacher_client, db, csrf):
    """Every mission of the catalogue, and a teacher's own whose summary names
    {organisation}: the summaries on « Attribuer une mission » read generic words (the
    organisation is each student's own)."""
    from agora.authoring import service
    from agora.content.missions import load_missions

    client, teacher, classe = teacher_client
    own = service.builtin_text("la-paie-de-mars").replace(
        "resume:", "resume: Chez {organisation}, à {ville}, un {relation} attend. ", 1
    )
    service.create(db, teacher.id, own)
    db.commit()
    page = client.get(f"/enseignant/classes/{classe.id}/attribuer").text
    summaries = re.findall(r'<span class="carte-resume">(.*?)</span>', page, re.DOTALL)
    assert len(summaries) == len(load_missions()) + 1
    assert [s for s in summaries if "{" in s or "}" in s] == []
    assert "Chez l&#39;organisation, à la ville, un client attend." in page


def test_the_same_assignment_sent_twice_at_once_is_given_once(
    teacher_client, db, csrf, make_student
):
    """A double submit the browser cannot stop (JavaScript off): the second, identical one,
    seconds after the first, is refused in French; other settings, or later, are a new one."""
    client, _, classe = teacher_client
    chosen = make_student(classe)
    day = (utcnow() + timedelta(days=10)).astimezone(PARIS).date().isoformat()
    dated = {"mission": "la-paie-de-mars", "date": day, "heure": "18:00"}
    assert _assign(client, csrf, classe, **dated).status_code == 200
    again = _assign(client, csrf, classe, **dated)
    assert again.status_code == 400
    assert len(db.exec(select(Assignment)).all()) == 1
    db.exec(sa_delete(Assignment))
    db.commit()
    assert _assign(client, csrf, classe, mission="la-paie-de-mars").status_code == 200
    again = _assign(client, csrf, classe, mission="la-paie-de-mars")
    assert again.status_code == 400
    assert "donnée à la classe avec les mêmes réglages" in again.text
    assert len(db.exec(select(Assignment)).all()) == 1
    # Not the same: other tries, or only some students.
    assert _assign(client, csrf, classe, mission="la-paie-de-mars", attempts="3").status_code == 200
    some = {"pour": "eleves", "eleves": [str(chosen.id)]}
    assert _assign(client, csrf, classe, mission="la-paie-de-mars", **some).status_code == 200
    # The same, once the seconds of a double submit are over.
    for assignment in db.exec(select(Assignment)).all():
        assignment.created_at -= timedelta(seconds=11)
        db.add(assignment)
    db.commit()
    assert _assign(client, csrf, classe, mission="la-paie-de-mars").status_code == 200
    assert len(db.exec(select(Assignment)).all()) == 4


def test_the_same_class_sent_twice_at_once_is_created_once(teacher_client, db, csrf):
    client, _, _ = teacher_client
    token = csrf(client, "/enseignant")
    data = {"nom": "Tle AGOrA B", "annee_scolaire": "2025-2026", "csrf_token": token}
    assert client.post("/enseignant/classes", data=data).status_code == 200
    again = client.post("/enseignant/classes", data=data)
    assert again.status_code == 400 and "être créée" in again.text
    assert len(db.exec(select(Classe).where(Classe.nom == "Tle AGOrA B")).all()) == 1


def test_import_of_long_names_and_control_characters_keeps_the_other_lines(
    teacher_client, db, csrf
):
    """Two 60-letter names made a 121-character login (the column holds 80): the whole import
    failed on PostgreSQL; a NUL byte in a name did too."""
    client, _, classe = teacher_client
    prenom = "Marie-" + "a" * 54
    text = (
        "Nom;Prénom;Né le\n"
        f"{'B' * 60};{prenom};12/03/2009\n"
        f"{'B' * 59}C;{prenom};12/03/2009\n"
        "DUP\x00ONT;Léa;12/03/2009\n"
        "MARTIN;Zoé;2009-11-30\n"
    )
    page = client.post(
        f"/enseignant/classes/{classe.id}/import/confirmer",
        data={"contenu": text, "csrf_token": csrf(client, "/enseignant")},
    )
    assert page.status_code == 200 and "3 élèves ajoutés à la classe." in page.text
    long_login = f"marie-{'a' * 54}.{'b' * 19}"  # cut to the 80 characters of the column
    assert {u.login for _, u in _students(db, classe)} == {
        long_login,
        long_login[:79] + "2",  # the same once cut: numbered within the 80 characters
        "zoe.martin",
    }


def test_a_nul_character_in_a_typed_name_is_refused_in_french_and_nothing_is_saved(
    teacher_client, db, csrf
):
    client, _, _ = teacher_client
    token = csrf(client, "/enseignant")
    refused = client.post(
        "/enseignant/classes",
        data={"nom": "1re\x00A", "annee_scolaire": "2025-2026", "csrf_token": token},
    )
    assert refused.status_code == 400 and "caractère invisible" in refused.text
    assert [c.nom for c in db.exec(select(Classe))] == ["1re AGOrA A"]  # the fixture's only
    still = client.get("/enseignant")  # the teacher goes on working
    assert still.status_code == 200


def test_a_teacher_chooses_the_same_statement_on_every_try(teacher_client, db, csrf):
    client, _, classe = teacher_client
    page = client.get(f"/enseignant/classes/{classe.id}/attribuer").text
    assert 'value="diagnostics" checked' in page  # the default policy
    _assign(client, csrf, classe, mission="la-paie-de-mars", meme_enonce="oui")
    _assign(client, csrf, classe, mission="le-devis-du-client")
    db.expire_all()
    chosen = {a.mission_slug: a.meme_enonce for a in db.exec(select(Assignment))}
    assert chosen == {"la-paie-de-mars": True, "le-devis-du-client": False}
