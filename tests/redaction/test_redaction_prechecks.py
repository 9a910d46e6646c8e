"""Pre-checks of a written answer on real sentences: facts (amounts the French way, dates,
references, names), the parts a reader expects, length, and spelling with a French dictionary."""

from decimal import Decimal

import pytest

from agora.company import generate_company
from agora.content.missions import ProseStep
from agora.redaction import document
from agora.redaction.prechecks import fait_present, montants, orthographe, verifier

COMPANY = generate_company(11)
RUBRIQUE = [{"critere": "Fond", "points": 4, "description": "Tout y est."}]


def _step(**extra) -> ProseStep:
    base = {"type": "redaction", "titre": "T", "consigne": "C", "points": 4}
    return ProseStep.model_validate(base | {"competences": ["1.1.3"], "rubrique": RUBRIQUE} | extra)


def _by_nature(constats):
    return {c.nature: c for c in constats}


@pytest.mark.parametrize(
    "phrase",
    [
        "Le montant net à payer est de 1 250,50 € TTC.",
        "Le montant net à payer est de 1\u202f250,50\u00a0€.",
        "Nous vous remboursons 1250,50 euros.",
        "Montant : 1.250,50 €",
    ],
)
def test_an_amount_written_the_french_way_is_found(phrase):
    assert fait_present(phrase, "montant", "1250.50") is True


def test_an_amount_written_the_english_way_is_pointed_out():
    hint = fait_present("Please pay 1250.50 € before Friday.", "montant", "1250.50")
    assert hint is not True and "1\u202f250,50" in hint


def test_amounts_read_in_a_sentence():
    assert montants("Remise de 5 % sur 2 400,00 € puis 12,5 €") == [
        Decimal("5"),
        Decimal("2400.00"),
        Decimal("12.5"),
    ]


@pytest.mark.parametrize(
    ("phrase", "present"),
    [
        ("Vos congés commencent le 15/07/2026.", True),
        ("Vos congés commencent le 15 juillet 2026.", True),
        ("Réunion le mercredi 15 juillet.", True),
        ("Vos congés commencent le 5 juillet 2026.", False),
        ("Le 15/07/2025 est passé.", False),
    ],
)
def test_a_date_is_found_in_its_french_writings(phrase, present):
    assert fait_present(phrase, "date", "2026-07-15") is present


def test_references_and_names_ignore_case_accents_and_spaces():
    assert fait_present("Votre facture FA 2026-031 du mois", "reference", "FA-2026-031")
    assert fait_present("Madame Hélène Dupré,", "nom", "helene dupre")
    assert not fait_present("Madame Martin,", "nom", "Hélène Dupré")


def test_facts_of_the_step_with_the_organisation_placeholders():
    step = _step(
        format="courriel",
        faits=[
            {"nature": "montant", "valeur": "89.90", "libelle": "le montant remboursé"},
            {"nature": "nom", "valeur": "{organisation}"},
        ],
    )
    sent = {
        "a": "c@exemple.fr",
        "objet": "Remboursement",
        "corps": "Nous vous remboursons 89,90 €.",
    }
    faits = _by_nature(verifier(document(sent, step), step, COMPANY))["faits"]
    assert not faits.ok and COMPANY.raison_sociale in faits.message
    assert "présent : le montant remboursé" in faits.details


def test_missing_parts_of_a_letter_are_named():
    step = _step(format="lettre")
    sent = {"objet": "Votre réclamation", "corps": "Nous avons bien reçu votre courrier."}
    parties = _by_nature(verifier(document(sent, step), step, COMPANY))["parties"]
    assert not parties.ok
    for absent in ("Formule d'appel", "Formule de politesse", "Signature", "Destinataire"):
        assert absent in parties.details
    assert "Références" not in parties.details  # not expected in every letter


def test_a_web_page_needs_the_lcen_legal_notices():
    step = _step(format="publication", support="page_web")
    sent = {
        "titre": "Notre association",
        "texte": "Venez nous rencontrer.",
        "mentions_legales": "Éditeur : l'association, 3 rue des Lilas. Hébergé par la mairie.",
    }
    parties = _by_nature(verifier(document(sent, step), step, COMPANY))["parties"]
    assert parties.details == ("mentions légales : le directeur de la publication",)
    sent["mentions_legales"] += " Directrice de la publication : la présidente."
    assert _by_nature(verifier(document(sent, step), step, COMPANY))["parties"].ok


def test_length_is_counted_in_words_of_the_main_text():
    step = _step(format="note", longueur={"min": 11, "max": 200})
    sent = {"objet": "Congés", "corps": "Les congés d'été sont à poser avant le 1er avril."}
    longueur = _by_nature(verifier(document(sent, step), step, COMPANY))["longueur"]
    assert not longueur.ok and longueur.message.startswith("10 mots")


def test_spelling_finds_real_mistakes_and_leaves_names_alone():
    texte = (
        "Madame, nous avons bien recu votre facturre. Veuillez agréer nos salutations "
        "distinguées. Facturrre.\nKévin Lemarchand, aujourd'hui responsable du RGPD, le 1er mai."
    )
    constat = orthographe(texte, {"lemarchand"})
    assert not constat.ok
    assert constat.details == ("recu", "facturre", "Facturrre")


def test_an_address_or_a_web_site_is_no_spelling_mistake():
    """A student who gives an e-mail address or a site was told « Mots inconnus : comptabilite,
    gall » (found with the demo's copies): they are addresses, not French words."""
    texte = (
        "Écrivez à office-pro-gall-lyon@comptabilite.fr ou consultez www.mairie-exemple.fr et "
        "https://service-public.fr/particuliers/vosdroits. Merci, a bientot."
    )
    assert orthographe(texte).details == ("bientot",)


def test_a_correct_text_has_no_unknown_word():
    assert orthographe("Nous vous prions d'agréer, Madame, l'expression de nos sentiments.").ok


def test_facts_come_from_the_earlier_steps_document_with_depuis():
    """« La réclamation du client »: the reply states the credit note's number, amount and the
    invoice it corrects, as this student's own variant of step 1 makes them."""
    from types import SimpleNamespace

    from agora.classroom.service import step_variant
    from agora.content.missions import get_mission
    from agora.exercise.registry import get_kind
    from agora.redaction.faits import faits_depuis
    from agora.redaction.prechecks import prechecks_de

    mission = get_mission("la-reclamation-du-client")
    faits = faits_depuis(mission, mission.etapes[1], 11)
    assert [f.nature for f in faits] == ["reference", "montant", "reference"]
    numero, montant, facture = (f.valeur for f in faits)
    params = step_variant(SimpleNamespace(org_seed=11), mission, 0).params
    assert get_kind("avoir").solve(params)  # the facts are the expected document's
    amount = Decimal(montant)
    written = f"{amount:,.2f}".replace(",", " ").replace(".", ",")
    sent = {
        "a": "client@exemple.fr",
        "objet": f"Votre avoir {numero}",
        "corps": f"Madame,\nNotre avoir {numero} de {written} € corrige la facture {facture}.",
    }
    checks = _by_nature(prechecks_de(sent, mission.etapes[1], 11, mission))
    assert checks["faits"].ok, checks["faits"].details
    sent["corps"] = sent["corps"].replace(written, "10,00")
    assert not _by_nature(prechecks_de(sent, mission.etapes[1], 11, mission))["faits"].ok
