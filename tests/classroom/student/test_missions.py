"""A student's missions: dashboard, mission page, answering, format errors, attempts, policies."""

import re
from datetime import date, timedelta
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from sqlmodel import select

from agora.classroom.models import StepAttempt
from agora.classroom.service import step_variant
from agora.competency.models import CompetencyEvidence
from agora.content.missions import get_mission
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind
from agora.exercise.variants import company_for

MISSION = "du-devis-a-l-encaissement"


def _answers(student, index=0, which=0):
    """The form fields of a sample answer of step ``index`` (0 = the correct one)."""
    mission = get_mission(MISSION)
    variant = step_variant(student, mission, index)
    sample = get_kind(mission.etapes[index].kind).sample_answers(variant.params)[which]
    return flatten(sample.answer), sample


@pytest.fixture
def given(make_classe, make_student, make_assignment):
    """given(slug, **assignment options) -> (student, assignment) of the same class."""

    def make(slug, **options):
        classe = make_classe()
        return make_student(classe), make_assignment(classe, slug, **options)

    return make


def _attempts(db, student):
    db.expire_all()
    return db.exec(select(StepAttempt).where(StepAttempt.student_id == student.id)).all()


def test_dashboard_lists_my_missions_only(
    client, make_classe, make_student, make_assignment, as_student
):
    classe, other = make_classe(), make_classe(nom="Autre classe")
    me = make_student(classe)
    make_assignment(classe, MISSION)
    make_assignment(other, "la-paie-de-mars")
    page = as_student(client, me).get("/eleve")
    assert "Du devis à l&#39;encaissement" in page.text
    assert get_mission("la-paie-de-mars").titre not in page.text


def test_the_dashboard_summary_names_my_organisation_not_a_placeholder(
    client, db, make_classe, make_student, make_assignment, as_student
):
    # A teacher's own mission whose summary says {organisation} showed the braces raw.
    from agora.authoring import service

    classe = make_classe()
    me = make_student(classe)
    own = service.builtin_text("la-paie-de-mars").replace(
        "resume:", "resume: Chez {organisation}, un {relation} attend. ", 1
    )
    version = service.create(db, classe.teacher_id, own)
    db.commit()
    make_assignment(classe, f"perso-{version.mission_id}-v{version.numero}")
    page = as_student(client, me).get("/eleve").text
    summary = re.search(r'<p class="carte-resume">(.*?)</p>', page, re.DOTALL).group(1)
    assert "{" not in summary and company_for(me.org_seed).raison_sociale in summary.replace(
        "&#39;", "'"
    )


def test_mission_page_shows_story_statement_and_form(client, given, as_student):
    student, assignment = given(MISSION)
    page = as_student(client, student).get(f"/eleve/missions/{assignment.id}")
    assert page.status_code == 200
    variant = step_variant(student, get_mission(MISSION), 0)
    company_name = variant.enonce.split("**")[1]  # the statement names the organisation
    assert company_name.replace("'", "&#39;") in page.text
    assert 'id="etape-0"' in page.text and 'id="etape-1"' in page.text
    assert 'name="net_a_payer"' in page.text
    assert 'hx-post="/eleve/missions/' in page.text


def _open_step(html: str) -> list[str]:
    """The ids of the steps shown open (the others are hidden behind the step list)."""
    return re.findall(r'<li>\s*<section id="(etape-\d+)"', html)


def test_mission_page_opens_one_step_the_first_not_yet_sent_or_the_one_asked(
    client, given, as_student, csrf
):
    student, assignment = given(MISSION)
    as_student(client, student)
    url = f"/eleve/missions/{assignment.id}"
    assert _open_step(client.get(url).text) == ["etape-0"]
    assert _open_step(client.get(f"{url}?etape=2").text) == ["etape-1"]
    for unreadable in ("0", "99", "abc", "²", "1" * 50):
        page = client.get(url, params={"etape": unreadable})
        assert page.status_code == 200 and _open_step(page.text) == ["etape-0"]
    fields, _ = _answers(student)
    token = csrf(client, url)
    client.post(f"{url}/etapes/0", data={**fields, "csrf_token": token})
    page = client.get(url).text
    assert _open_step(page) == ["etape-1"]  # step 1 sent: the next one opens
    lien = page.split('id="etape-0-lien"')[1].split("</li>")[0]
    assert "envoyée : 12 / 12 points" in " ".join(lien.split())


def test_right_answer_is_graded_kept_and_proves_competencies(client, db, given, as_student, csrf):
    student, assignment = given(MISSION)
    as_student(client, student)
    fields, _ = _answers(student)
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    page = client.post(
        f"/eleve/missions/{assignment.id}/etapes/0", data={**fields, "csrf_token": token}
    )
    assert page.status_code == 200
    assert "Réponse enregistrée et corrigée" in page.text
    assert "verdict--juste" in page.text and "verdict--faux" not in page.text
    [attempt] = _attempts(db, student)
    assert attempt.score == 1 and attempt.kind == "facture"
    evidence = db.exec(select(CompetencyEvidence)).all()
    assert {e.code for e in evidence} == set(get_kind("facture").COMPETENCES)


def test_wrong_answer_shows_diagnostics_per_field(client, db, given, as_student, csrf):
    student, assignment = given(MISSION)
    as_student(client, student)
    fields, sample = _answers(student, which=1)
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    page = client.post(
        f"/eleve/missions/{assignment.id}/etapes/0", data={**fields, "csrf_token": token}
    )
    assert "verdict--faux" in page.text
    assert sample.expected_diagnostics
    assert "Ce qu'il faut revoir" in page.text
    assert _attempts(db, student)[0].score < 1


def test_format_error_costs_no_attempt(client, db, given, as_student, csrf):
    student, assignment = given(MISSION)
    as_student(client, student)
    fields, _ = _answers(student)
    fields["net_a_payer"] = "douze euros"
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    page = client.post(
        f"/eleve/missions/{assignment.id}/etapes/0", data={**fields, "csrf_token": token}
    )
    assert "Cette tentative n&#39;est pas décomptée" in page.text
    assert "champ--erreur" in page.text
    assert 'value="douze euros"' in page.text  # what was typed is kept
    assert _attempts(db, student) == []


class _Posted(HTMLParser):
    """What a browser posts from the first step form of a page, as it was rendered."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self._select: str | None = None
        self._done = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self._done:
            return
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "button"):
            self.values[a["name"]] = a.get("value") or ""
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
        elif tag == "option" and self._select and self._select not in self.values:
            self.values[self._select] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "form" and self.values:
            self._done = True


def _blank_form(html: str) -> dict[str, str]:
    parser = _Posted()
    parser.feed(html[html.index('<section id="etape-0"') :])
    return parser.values


def test_an_empty_answer_is_refused_and_costs_no_attempt(client, db, given, as_student, csrf):
    # « Envoyer ma réponse » on the form as shown (its hidden rates posted, nothing typed).
    student, assignment = given(MISSION)
    as_student(client, student)
    page = client.get(f"/eleve/missions/{assignment.id}")
    fields = _blank_form(page.text)
    assert fields.get("groupes.0.taux_tva") and fields.get("csrf_token")  # the form's own
    for htmx in (False, True):
        headers = {"HX-Request": "true"} if htmx else {}
        page = client.post(
            f"/eleve/missions/{assignment.id}/etapes/0", data=fields, headers=headers
        )
        assert "Vous n&#39;avez rempli aucun champ" in page.text
        assert "Cette tentative n&#39;est pas décomptée" in page.text
        assert "tentative utilisée : 0 sur 3" in page.text
        assert _attempts(db, student) == []
    fields["total_ht"] = "12"  # one field typed: it is an answer, graded
    client.post(f"/eleve/missions/{assignment.id}/etapes/0", data=fields)
    assert len(_attempts(db, student)) == 1


def test_attempt_limit_is_the_teachers(client, db, given, as_student, csrf):
    student, assignment = given(MISSION, attempts_allowed=1)
    as_student(client, student)
    fields, _ = _answers(student, which=1)
    url = f"/eleve/missions/{assignment.id}/etapes/0"
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    client.post(url, data={**fields, "csrf_token": token})
    again = client.post(url, data={**fields, "csrf_token": token})
    assert again.status_code == 409
    assert "Vous avez utilisé vos 1 tentative" in again.text
    assert len(_attempts(db, student)) == 1


def test_corrections_hidden_until_due(client, db, given, as_student, csrf):
    student, assignment = given(MISSION, corrections="after_due")
    as_student(client, student)
    fields, _ = _answers(student)
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    page = client.post(
        f"/eleve/missions/{assignment.id}/etapes/0", data={**fields, "csrf_token": token}
    )
    assert "La correction sera visible plus tard" in page.text
    assert "verdict--juste" not in page.text
    assert _attempts(db, student)[0].score == 1  # graded all the same, for the teacher


def test_deadline_passed_refuses_answers(client, db, given, as_student, csrf):
    student, assignment = given(MISSION, due_in=timedelta(days=-1))
    as_student(client, student)
    fields, _ = _answers(student)
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    page = client.post(
        f"/eleve/missions/{assignment.id}/etapes/0", data={**fields, "csrf_token": token}
    )
    assert "La date limite de cette mission est passée" in page.text
    assert _attempts(db, student) == []


def test_htmx_submit_returns_the_step_block_alone(client, given, as_student, csrf):
    student, assignment = given(MISSION)
    as_student(client, student)
    fields, _ = _answers(student)
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    fragment = client.post(
        f"/eleve/missions/{assignment.id}/etapes/0",
        data=fields,
        headers={"HX-Request": "true", "X-CSRF-Token": token},
    )
    assert fragment.status_code == 200
    assert fragment.text.lstrip().startswith('<section id="etape-0"')
    assert "<html" not in fragment.text
    assert "HX-Request" in fragment.headers["Vary"]


def test_field_validation_fragment(client, given, as_student, csrf):
    student, assignment = given(MISSION)
    as_student(client, student)
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    url = f"/eleve/missions/{assignment.id}/etapes/0/champ"
    headers = {"HX-Request": "true", "X-CSRF-Token": token}
    bad = client.post(url, data={"champ": "net_a_payer", "net_a_payer": "abc"}, headers=headers)
    assert bad.text.startswith('<p class="champ-erreur" id="etape-0-champ-net-a-payer-erreur"')
    assert "abc" in bad.text
    good = client.post(
        url, data={"champ": "net_a_payer", "net_a_payer": "1 234,56"}, headers=headers
    )
    assert ">" + "</p>" in good.text  # empty message


def test_prose_step_waits_for_the_teacher(client, db, given, as_student, csrf):
    student, assignment = given(MISSION)
    as_student(client, student)
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    page = client.post(
        f"/eleve/missions/{assignment.id}/etapes/1",
        data={"texte": "Bonjour <b>Madame</b>, voici…", "csrf_token": token},
    )
    assert "en attente de correction" in page.text
    assert "&lt;b&gt;Madame&lt;/b&gt;" in page.text
    [attempt] = _attempts(db, student)
    assert attempt.kind == "redaction" and attempt.score is None
    assert attempt.answer == {"texte": "Bonjour <b>Madame</b>, voici…"}


def test_empty_prose_is_refused_without_attempt(client, db, given, as_student, csrf):
    student, assignment = given(MISSION)
    as_student(client, student)
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    page = client.post(
        f"/eleve/missions/{assignment.id}/etapes/1", data={"texte": "   ", "csrf_token": token}
    )
    assert "Votre texte est vide" in page.text
    assert _attempts(db, student) == []


def test_each_student_gets_their_own_variant(make_student):
    first, second = make_student(org_seed=1), make_student(org_seed=2)
    mission = get_mission(MISSION)
    assert step_variant(first, mission, 0).params != step_variant(second, mission, 0).params
    assert step_variant(first, mission, 0) == step_variant(first, mission, 0)


def test_the_recording_step_shows_the_invoice_the_student_prepared_at_step_one(
    client, make_classe, make_student, make_assignment, as_student
):
    # depuis: 1 — the customer and the invoice number of step 1 are those of step 3's ledger
    # (in an organisation that sells with VAT: one outside VAT checks a purchase at step 1).
    mission = get_mission(MISSION)
    org_seed = next(s for s in range(100) if company_for(s).tva_intracom is not None)
    classe = make_classe()
    student = make_student(classe, org_seed=org_seed)
    assignment = make_assignment(classe, MISSION)
    issued = get_kind("facture").document(step_variant(student, mission, 0), company_for(org_seed))
    assert not issued["achat"]
    recorded = step_variant(student, mission, 2)
    assert recorded.params["documents"][0]["facture"]["numero"] == issued["numero"]
    assert recorded.params["client"]["nom"] == issued["client"]["nom"]
    page = as_student(client, student).get(f"/eleve/missions/{assignment.id}").text
    assert f"La facture {issued['numero']} est celle que vous avez préparée" in page


def test_a_past_attempt_is_shown_read_only_with_its_correction(client, db, given, as_student, csrf):
    student, assignment = given(MISSION)
    as_student(client, student)
    fields, _ = _answers(student, which=1)
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    client.post(f"/eleve/missions/{assignment.id}/etapes/0", data={**fields, "csrf_token": token})
    [attempt] = _attempts(db, student)
    page = client.get(f"/eleve/tentatives/{attempt.id}")
    assert page.status_code == 200
    assert "tentative 1" in page.text
    assert "verdict--faux" in page.text
    assert "disabled" in page.text and 'type="submit"' not in page.text.split("<main")[1]


def test_the_payroll_journal_records_the_payslip_the_student_made_at_step_one(make_student):
    # « La clôture de la paie du mois »: step 3 (depuis: 1) starts from the step-1 payslip.
    from agora.exercise.kinds.journal_paie.generate import resume

    mission = get_mission("la-cloture-de-la-paie-du-mois")
    student = make_student(org_seed=4)
    payslip = step_variant(student, mission, 0)
    journal = step_variant(student, mission, 2)
    assert journal.params["bulletins"][0] == resume(payslip.params)
    assert "étape" in journal.enonce
    assert step_variant(student, mission, 1).params["bulletins"][0] != resume(payslip.params)


def test_in_a_restaurant_the_payroll_journal_records_the_meals_of_the_step_one_payslip(
    make_student,
):
    # A restaurant (HCR): the step-1 payslip feeds its employee (meals at the minimum garanti,
    # a benefit in kind); step 3 records it, the benefit neutralised at 708.
    from agora.exercise.kinds.journal_paie.generate import resume

    mission = get_mission("la-cloture-de-la-paie-du-mois")
    student = make_student(org_seed=9)
    payslip = step_variant(student, mission, 0)
    (repas,) = payslip.params["avantages_nature"]
    journal = step_variant(student, mission, 2)
    assert journal.params["bulletins"][0] == resume(payslip.params)
    assert journal.params["bulletins"][0]["avantages_nature"] == [repas]
    comptes = [r["compte"] for r in get_kind("journal_paie").solve(journal.params)["ecriture"]]
    assert "708" in comptes


def test_from_the_request_to_the_reminder_each_document_follows_the_previous_one(make_student):
    # The quote of step 1 is invoiced at step 2 (same customer, lines, remises), and that
    # invoice is the first recorded at step 4, whose unpaid invoices are reminded at step 5.
    from agora.exercise.kinds.devis.generate import document as devis_document
    from agora.exercise.kinds.encaissements.generate import document as encaissements_document
    from agora.exercise.kinds.facture.generate import document as facture_document

    mission = get_mission("de-la-demande-du-client-a-la-relance")
    chained = reminded = 0
    for org_seed in range(6):
        student = make_student(org_seed=org_seed)
        organisation = company_for(org_seed)
        quote = devis_document(step_variant(student, mission, 0), organisation)
        invoice_variant = step_variant(student, mission, 1)
        if quote["numero"] not in invoice_variant.enonce:
            continue  # a quote whose deposit a short delivery cannot absorb: drawn as usual
        chained += 1
        assert [ligne["reference"] for ligne in invoice_variant.params["lignes"]] == [
            ligne["reference"] for ligne in quote["devis"]["lignes"]
        ]
        assert [r["taux"] for r in invoice_variant.params["reductions"]] == quote["devis"][
            "remises"
        ]
        assert quote["client"]["nom"] in invoice_variant.enonce
        invoice = facture_document(invoice_variant, organisation, {"devis": quote})
        recorded = step_variant(student, mission, 3)
        first = next(d for d in recorded.params["documents"] if d["type"] == "facture")
        assert first["facture"]["numero"] == invoice["numero"] in invoice_variant.enonce
        assert recorded.params["client"]["nom"] == quote["client"]["nom"]
        # What the customer still owes after step 4 is reminded at step 5, to that customer
        # (drawn as usual when nothing is owed or no official rate is known for that month).
        owed = encaissements_document(recorded, organisation)["factures"]
        reminding = step_variant(student, mission, 4)
        reminder = reminding.params
        if owed and "à l'étape 4 de la mission et qui restent dues" in reminding.enonce:
            reminded += 1
            assert reminder["lettre_client"] == quote["client"]["nom"]
            assert {f["numero"] for f in owed} <= {f["numero"] for f in reminder["factures"]}
    assert chained >= 4 and reminded >= 2


def test_a_statement_titles_sit_just_under_the_step_title():
    """Screen readers list headings by level: a statement's « ## » titles come right under the
    step's h2 (h3), never skipping a level."""
    from agora.classroom.student.views import demote_headings

    assert (
        demote_headings("## Le devis\ntexte\n### Détail", 3) == "### Le devis\ntexte\n#### Détail"
    )
    assert demote_headings("# Titre\n## Sous-titre", 3) == "### Titre\n#### Sous-titre"
    assert demote_headings("#motdièse\n## Titre", 3) == "#motdièse\n### Titre"
    assert demote_headings("Sans titre", 3) == "Sans titre"


def test_a_chained_step_names_the_step_it_takes_its_document_from(make_student):
    # « à l'étape précédente » was wrong when an e-mail step sits between: du-devis step 3
    # records the invoice of step 1, relance step 4 the invoice of step 2.
    for slug, index, quoi in (
        ("du-devis-a-l-encaissement", 2, "à l'étape 1 de la mission"),
        ("de-la-demande-du-client-a-la-relance", 3, "à l'étape 2 de la mission"),
        ("de-la-demande-du-client-a-la-relance", 4, "à l'étape 4 de la mission"),
        ("de-la-demande-du-client-a-la-relance", 1, "à l'étape 1 de la mission"),
        ("la-cloture-de-la-paie-du-mois", 2, "à l'étape 1 de la mission"),
    ):
        mission = get_mission(slug)
        nommes = 0
        for org_seed in range(4):
            enonce = step_variant(make_student(org_seed=org_seed), mission, index).enonce
            assert "l'étape précédente" not in enonce, (slug, index, org_seed)
            nommes += quoi in enonce
        assert nommes, (slug, index)


def test_the_overview_lists_the_steps_in_their_order():
    # du-devis: the story said « 2. enregistrer … 3. répondre par courriel » while step 2 is the
    # e-mail and step 3 the encaissements.
    mission = get_mission(MISSION)
    temps = re.findall(r"^\d\. \*\*(.+?)\*\*", mission.histoire, re.M)
    assert len(temps) == len(mission.etapes)
    for texte, step in zip(temps, mission.etapes, strict=True):
        mots = {"courriel": "courriel", "encaissements": "encaissements", "facture": "facture"}
        attendu = next(m for m in mots if m in step.titre.lower())
        assert attendu in texte, (texte, step.titre)


def test_the_invoice_step_gives_the_due_date_the_e_mail_asks_for(make_student):
    # The e-mail step asks for the invoice's due date: the invoice step must state it, the
    # same the recording step shows later (« échéance 12/03/2026 »).
    for slug, facture, encaissements in (
        ("du-devis-a-l-encaissement", 0, 2),
        ("de-la-demande-du-client-a-la-relance", 1, 3),
    ):
        mission = get_mission(slug)
        for org_seed in range(5):
            student = make_student(org_seed=org_seed)
            invoice = step_variant(student, mission, facture)
            recorded = step_variant(student, mission, encaissements).params["documents"]
            first = next(d for d in recorded if d["type"] == "facture")
            if first["facture"]["numero"] not in invoice.enonce:
                continue  # a purchase checked (organisation outside VAT): nothing recorded
            echeance = date.fromisoformat(first["echeance"]).strftime("%d/%m/%Y")
            assert f"échéance le {echeance}" in invoice.enonce, (slug, org_seed)


def test_arrhes_paid_at_signature_keep_their_name_in_the_later_steps(make_student):
    # Step 1 grades « Des arrhes » when the CGV say arrhes (Code civil, art. 1590): the invoice
    # and the receipts that follow must not call the same payment an « acompte ».
    from agora.exercise.kinds.devis.generate import document as devis_document

    mission = get_mission("de-la-demande-du-client-a-la-relance")
    vus = 0
    for org_seed in range(12):
        student = make_student(org_seed=org_seed)
        quote = devis_document(step_variant(student, mission, 0), company_for(org_seed))
        invoice = step_variant(student, mission, 1)
        if quote["devis"]["versement"]["nature"] != "arrhes" or "acompte" not in invoice.params:
            continue
        if quote["numero"] not in invoice.enonce:
            continue  # drawn as usual
        vus += 1
        assert "Arrhes versées à la signature du devis" in invoice.enonce
        assert "acompte" not in invoice.enonce.lower(), org_seed
        recorded = step_variant(student, mission, 3)
        texte = recorded.enonce
        assert "| Arrhes |" in texte and "arrhes (" in texte and "| Acompte |" not in texte
        assert "Les arrhes reçues avant la facture vont au compte 4191" in texte
    assert vus >= 1


def test_the_reminder_names_what_the_customer_s_history_deducted(make_student):
    # Step 5 said « (acompte, règlement partiel, avoir) » for every customer, also one whose
    # invoice had arrhes at the quote's signature: it names what the receipts step deducted
    # from the invoices still owed (arrhes kept by their name).
    mission = get_mission("de-la-demande-du-client-a-la-relance")
    noms = {"acompte": "acompte", "reglement": "règlement partiel", "avoir": "avoir"}
    arrhes = 0
    for org_seed in range(13):
        student = make_student(org_seed=org_seed)
        relance = step_variant(student, mission, 4)
        phrase = next((x for x in relance.enonce.splitlines() if "déduit (" in x), None)
        if phrase is None:
            continue  # drawn as usual, or nothing paid on what is still owed
        deduit = phrase.split("déduit (")[1].split(")")[0]
        client = relance.params["lettre_client"]
        payees = {
            f["numero"]
            for f in relance.params["factures"]
            if f["client"] == client and Decimal(f["deja_paye"])
        }
        attendus = set()
        for d in step_variant(student, mission, 3).params["documents"]:
            if d["type"] not in noms:
                continue  # the invoices themselves
            if {d.get("facture"), *d.get("factures", [])} & payees:
                nom = "arrhes" if d.get("nature") == "arrhes" else noms[d["type"]]
                attendus.add(nom)
        assert attendus, org_seed
        assert set(deduit.replace(" et ", ", ").split(", ")) == attendus, (org_seed, deduit)
        arrhes += "arrhes" in attendus
    assert arrhes >= 1


def test_the_dashboard_puts_the_missions_to_do_first_and_folds_the_others(
    client, db, make_classe, make_student, make_assignment, as_student
):
    """A class's year piles up missions: those left to do come first; the finished ones and
    those past their due date are folded under their count (on a phone a card is a screen
    tall, and the demo's mission to do sat under 16 000 px of others)."""
    from markupsafe import escape

    from agora.classroom import service
    from agora.db import utcnow

    classe = make_classe()
    me = make_student(classe)
    finie = make_assignment(classe, "un-courrier-de-mecontentement")
    make_assignment(classe, "la-note-d-information-sur-les-conges", due_in=timedelta(days=-1))
    make_assignment(classe, MISSION)
    service.submit_prose(db, me, finie, 0, "Madame, nous reprenons contact avec vous.", utcnow())
    db.commit()
    page = as_student(client, me).get("/eleve").text
    a_faire, *replies = page.split('<details class="missions-repliees">')
    titre = {
        slug: str(escape(get_mission(slug).titre))
        for slug in (
            MISSION,
            "un-courrier-de-mecontentement",
            "la-note-d-information-sur-les-conges",
        )
    }
    assert titre[MISSION] in a_faire
    assert titre["un-courrier-de-mecontentement"] not in a_faire
    assert titre["la-note-d-information-sur-les-conges"] not in a_faire
    assert len(replies) == 2
    assert "<summary>Date limite passée (1)</summary>" in replies[0]
    assert titre["la-note-d-information-sur-les-conges"] in replies[0]
    assert "<summary>Missions terminées (1)</summary>" in replies[1]
    assert titre["un-courrier-de-mecontentement"] in replies[1]
