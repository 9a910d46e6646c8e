"""Writing formats: the parts a student fills, what is refused (with the text kept), and how an
answer reads back as its document, old plain-text answers included."""

from types import SimpleNamespace

import pytest

from agora.company import generate_company
from agora.content.missions import ProseStep
from agora.exercise.base import FormatErrors
from agora.redaction import FORMATS, document, lire, pieces_disponibles
from agora.redaction.formats import format_de

RUBRIQUE = [{"critere": "Fond", "points": 4, "description": "Tout y est."}]


def _step(**extra) -> ProseStep:
    base = {"type": "redaction", "titre": "T", "consigne": "C", "points": 4}
    return ProseStep.model_validate(base | {"competences": ["1.1.3"], "rubrique": RUBRIQUE} | extra)


def test_a_letter_has_the_blocks_of_nf_z11_001():
    noms = [p.nom for p in FORMATS["lettre"].parties]
    assert noms == [
        "expediteur",
        "destinataire",
        "references",
        "lieu_date",
        "objet",
        "formule_appel",
        "corps",
        "formule_politesse",
        "signature",
    ]


def test_an_email_is_kept_as_its_parts_trimmed():
    fields = {
        "a": " client@exemple.fr ",
        "cc": "",
        "objet": "Votre facture",
        "corps": "Madame,\r\nVoici votre facture.  \r\n",
        "piece_jointe": "Facture (étape 1)",
        "intrus": "ignoré",
    }
    answer = lire(FORMATS["courriel"], fields, ["Facture (étape 1)"])
    assert answer == {
        "a": "client@exemple.fr",
        "objet": "Votre facture",
        "corps": "Madame,\nVoici votre facture.",
        "piece_jointe": "Facture (étape 1)",
    }


@pytest.mark.parametrize(
    ("fields", "part", "message"),
    [
        ({"a": "client.exemple.fr", "corps": "Bonjour"}, "a", "n'est pas une adresse"),
        ({"a": "a@b.fr; pas-une-adresse", "corps": "Bonjour"}, "a", "« pas-une-adresse »"),
        ({"a": "a@b.fr", "corps": "   "}, "corps", "Votre texte est vide"),
        (
            {"a": "a@b.fr", "corps": "x", "piece_jointe": "../../etc/passwd"},
            "piece_jointe",
            "liste",
        ),
        ({"a": "a@b.fr", "corps": "x", "objet": "o" * 151}, "objet", "151 caractères"),
    ],
)
def test_an_unreadable_email_is_refused_part_by_part(fields, part, message):
    with pytest.raises(FormatErrors) as refused:
        lire(FORMATS["courriel"], fields, ["Facture (étape 1)"])
    assert message in refused.value.errors[part]


def test_a_missing_professional_part_is_not_refused_it_is_graded():
    answer = lire(FORMATS["lettre"], {"corps": "Nous avons bien reçu votre réclamation."})
    assert answer == {"corps": "Nous avons bien reçu votre réclamation."}


def test_an_old_plain_text_answer_stays_readable():
    doc = document({"texte": "Bonjour Madame"}, _step(format="courriel"))
    assert doc.format.code == "texte" and doc["texte"] == "Bonjour Madame"
    assert document({"texte": "Bonjour"}, None).texte == "Bonjour"


def test_a_web_page_is_a_publication_with_legal_notices():
    assert format_de(_step(format="publication", support="page_web")).code == "page_web"
    assert "mentions_legales" not in [p.nom for p in FORMATS["publication"].parties]


def test_attachments_are_the_earlier_documents_then_the_organisations():
    from agora.content.missions import get_mission

    company = generate_company(7)
    mission = get_mission("du-devis-a-l-encaissement")
    pieces = pieces_disponibles(company, mission, 1, 7)
    assert pieces[0].endswith("(étape 1)")
    assert any(company.raison_sociale in p for p in pieces[1:])


def test_an_earlier_document_is_offered_by_its_type_and_number_not_the_kinds_title():
    # la-facture-contestee step 3 offered « Facture avec réductions, escompte, port et TVA
    # (étape 1) » for an invoice with none of these: the kind's title is no document's name.
    from agora.classroom.service import step_variant
    from agora.content.missions import get_mission
    from agora.exercise.kinds.facture.generate import document as facture_document

    mission = get_mission("la-facture-contestee")
    for org_seed in (1, 7):
        company = generate_company(org_seed)
        pieces = pieces_disponibles(company, mission, 2, org_seed)
        student = SimpleNamespace(org_seed=org_seed)
        facture = facture_document(step_variant(student, mission, 0), company)
        assert not any("réductions, escompte" in p for p in pieces)
        assert f"Facture n° {facture['numero']} (étape 1)" in pieces, pieces
        assert any(p.startswith("Avoir n° ") and p.endswith("(étape 2)") for p in pieces)
    assert "Document de l'étape 1" in pieces_disponibles(company, mission, 2)
