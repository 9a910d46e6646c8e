"""The qualite_donnees kind, beyond the shared contract: hand-checked files (each check done step
by step in the comments: Luhn and VAT keys, IBAN, postcodes, retention dates and their
boundaries), the decisions and their priority, the named method errors, decisions carried
forward from the student's own diagnosis, what each level and file puts in the exercise, and
the refused params."""

from __future__ import annotations

import copy
import random

import pytest
from schwifty import IBAN as IBAN_SCHWIFTY
from schwifty.exceptions import SchwiftyException
from stdnum.fr import siret as siret_fr
from stdnum.fr import tva as tva_fr

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.forms import AnswerForm
from agora.exercise.kinds.qualite_donnees import KIND as qualite
from agora.exercise.kinds.qualite_donnees.controles import iban_ok, siret_ok, tva_ok

# SIRET 732 829 320 00074 (python-stdnum's documented example), checked by hand with Luhn:
# digits from the right 4 7 0 0 0 0 2 3 9 2 8 2 3 7, every second one doubled (minus 9 above 9):
# 4 + 5 + 0 + 0 + 0 + 0 + 2 + 6 + 9 + 4 + 8 + 4 + 3 + 5 = 50, a multiple of 10: valid.
SIRET = "73282932000074"
# VAT key of SIREN 303 265 045 (stdnum's example): 303265045 = 97 × 3 126 443 + 74;
# (12 + 3 × 74) mod 97 = 234 mod 97 = 40 → FR40 303265045.
TVA = "FR40303265045"
# The IBAN of the ECBS / Wikipedia example: FR76 3000 6000 0112 3456 7890 189 (27 characters).
IBAN = "FR7630006000011234567890189"


def ligne(code: str, nom: str, **champs) -> dict:
    """A clean business record in Lyon, last bought from a month before the check."""
    record = {
        "code": code,
        "nom": nom,
        "type": "entreprise",
        "code_postal": "69003",
        "ville": "Lyon",
        "email": f"contact@{code.lower()}.fr",
        "siret": None,
        "tva": None,
        "iban": None,
        "derniere_activite": "2026-07-23",
        "encours": "0.00",
        "commentaire": "",
        "commentaire_sensible": False,
    }
    record.update(champs)
    return record


def fichier(*lignes: dict, **champs) -> dict:
    """Params of a client file checked on 23 August 2026, with one accounting clerk."""
    params = {
        "fichier": "clients",
        "relation": "client",
        "date_controle": "2026-08-23",
        "deux_problemes": False,
        "indices": False,
        "lignes": list(lignes),
        "categories": ["coordonnees", "bancaire", "factures"],
        "roles": [
            {
                "code": "comptabilite",
                "libelle": "L'assistant comptable",
                "droits": {
                    "coordonnees": "lecture",
                    "bancaire": "modification",
                    "factures": "modification",
                },
            }
        ],
    }
    params.update(champs)
    return params


def decisions(params: dict) -> list[tuple[str, str, str | None]]:
    """(problem, decision, row merged into) of each row of the reference answer."""
    return [
        (r["probleme"], r["action"], r.get("fusion_avec")) for r in qualite.solve(params)["lignes"]
    ]


# --- the checks, by hand ---------------------------------------------------------------------


def test_the_check_keys_computed_by_hand():
    assert siret_ok(SIRET) and tva_ok(TVA) and iban_ok(IBAN)
    # One digit changed in the establishment number: the Luhn sum becomes 51 (50 − 4 + 5).
    assert not siret_ok("73282932000075")
    # 13 digits: a digit is missing, whatever the key.
    assert not siret_ok("7328293200007")
    # VAT key 41 instead of 40 (see above).
    assert not tva_ok("FR41303265045")
    # The IBAN with its last character dropped: 26 characters, not a French IBAN.
    assert not iban_ok(IBAN[:-1])


def test_each_wrong_number_is_corrected_and_named():
    # Own computation: rows 2, 3, 4 each carry one wrong number (keys above), row 1 is right.
    params = fichier(
        ligne("C001", "Alpha", siret=SIRET, tva=TVA, iban=IBAN),
        ligne("C002", "Beta", siret="73282932000075", tva=TVA),
        ligne("C003", "Gamma", tva="FR41303265045"),
        ligne("C004", "Delta", iban=IBAN[:-1]),
    )
    assert decisions(params) == [
        ("aucun", "conserver", None),
        ("siret_invalide", "corriger", None),
        ("tva_invalide", "corriger", None),
        ("iban_invalide", "corriger", None),
    ]


def test_a_postcode_of_another_town():
    # scenarios/communes.yaml: Paris is 75011 or 75015; 75011 is not Lyon (69003).
    params = fichier(
        ligne("C001", "Alpha", code_postal="75015", ville="Paris"),
        ligne("C002", "Beta", code_postal="75011", ville="Lyon"),
    )
    assert decisions(params) == [("aucun", "conserver", None), ("cp_ville", "corriger", None)]


# --- duplicates --------------------------------------------------------------------------------


def test_a_name_written_another_way_at_the_same_postcode_is_a_duplicate():
    # « SARL Dupont » and « DUPONT sarl »: the same words once the legal form and the case are
    # left out, same postcode 69003 → row 2 merges into row 1. « Dupont » in Nice (06000) is
    # another business. Different e-mails and no SIRET: only the name tells them apart.
    params = fichier(
        ligne("C001", "SARL Dupont"),
        ligne("C002", "DUPONT sarl"),
        ligne("C003", "Dupont", code_postal="06000", ville="Nice"),
    )
    assert decisions(params) == [
        ("aucun", "conserver", None),
        ("doublon", "fusionner", "1"),
        ("aucun", "conserver", None),
    ]


def test_the_same_email_or_siret_is_a_duplicate_of_the_first_row():
    # « MARTIN Paul » is « Paul Martin » (same e-mail); the third row has the first one's SIRET:
    # both merge into row 1, the first record of that person or business.
    params = fichier(
        ligne("C001", "Paul Martin", type="particulier", email="paul.martin@free.fr"),
        ligne("C002", "MARTIN Paul", type="particulier", email="Paul.Martin@free.fr"),
        ligne("C003", "Garage Lopez", siret=SIRET, tva=TVA),
        ligne("C004", "Lopez Automobiles", siret=SIRET, tva=TVA, code_postal="06000", ville="Nice"),
    )
    assert decisions(params)[1] == ("doublon", "fusionner", "1")
    assert decisions(params)[3] == ("doublon", "fusionner", "3")


# --- retention: boundaries, open invoices, ten years -------------------------------------------


@pytest.mark.parametrize(
    ("derniere", "controle", "expiree"),
    [
        # Three years after 23/08/2023 is 23/08/2026: on that day, not « more than » 3 years.
        ("2023-08-23", "2026-08-23", False),
        ("2023-08-23", "2026-08-24", True),
        # 29/02/2024 + 3 years: 28/02/2027 (no 29th), more than 3 years from 01/03/2027.
        ("2024-02-29", "2027-02-28", False),
        ("2024-02-29", "2027-03-01", True),
    ],
)
def test_three_years_to_the_day(derniere, controle, expiree):
    params = fichier(ligne("C001", "Alpha", derniere_activite=derniere), date_controle=controle)
    attendu = (
        ("conservation_depassee", "archiver", None) if expiree else ("aucun", "conserver", None)
    )
    assert decisions(params) == [attendu]


def test_an_open_invoice_keeps_an_old_customer_and_ten_years_delete_it():
    # Row 1: last purchase 10/01/2022, more than 3 years before 23/08/2026, but 150,00 € still
    # to be paid: the relationship goes on, keep. Row 2: the same without invoice: archive (the
    # invoices stay 10 years). Row 3: 12/05/2016 + 10 years = 12/05/2026, before 23/08/2026:
    # nothing is left to keep, delete. Row 4: 01/09/2016 + 10 years is after the check: archive.
    params = fichier(
        ligne("C001", "Alpha", derniere_activite="2022-01-10", encours="150.00"),
        ligne("C002", "Beta", derniere_activite="2022-01-10"),
        ligne("C003", "Gamma", derniere_activite="2016-05-12"),
        ligne("C004", "Delta", derniere_activite="2016-09-01"),
    )
    assert [d[1] for d in decisions(params)] == ["conserver", "archiver", "supprimer", "archiver"]


def test_an_old_prospect_is_deleted_or_anonymised_never_archived():
    # A prospect last in touch on 01/06/2023: more than 3 years on 23/08/2026; no invoice.
    params = fichier(
        ligne("P001", "Alpha", derniere_activite="2023-06-01", encours="0.00"),
        ligne("P002", "Beta"),
        fichier="prospects",
        categories=["coordonnees", "echanges"],
        roles=[
            {
                "code": "commercial",
                "libelle": "Le commercial",
                "droits": {"coordonnees": "modification", "echanges": "modification"},
            }
        ],
    )
    assert decisions(params)[0] == ("conservation_depassee", "supprimer", None)
    reference = qualite.solve(params)
    anonymise = copy.deepcopy(reference)
    anonymise["lignes"][0]["action"] = "anonymiser"
    assert qualite.grade(params, anonymise).score == 1
    archive = copy.deepcopy(reference)
    archive["lignes"][0]["action"] = "archiver"
    grade = qualite.grade(params, archive)
    assert [d.code for d in grade.diagnostics] == ["ARCHIVE_AU_LIEU_DE_SUPPRIMER"]
    assert grade.diagnostics[0].details == {"ou": ["1"]}


def test_a_sensitive_comment_is_erased():
    params = fichier(
        ligne(
            "C001", "Alpha", commentaire="Militant syndical, se méfier.", commentaire_sensible=True
        ),
        ligne("C002", "Beta", commentaire="Préfère être appelé le matin."),
    )
    assert decisions(params) == [
        ("donnee_sensible", "corriger", None),
        ("aucun", "conserver", None),
    ]
    garde = qualite.solve(params)
    garde["lignes"][0] = {"probleme": "donnee_sensible", "action": "conserver"}
    assert [d.code for d in qualite.grade(params, garde).diagnostics] == ["DONNEE_SENSIBLE_GARDEE"]


# --- level 3: two problems, priority -------------------------------------------------------------


def test_two_problems_follow_the_priority_and_are_graded_in_any_order():
    # Row 2 duplicates row 1 (same e-mail) and its IBAN lost a character: merge (the duplicate
    # comes before corrections). Row 3 is past 3 years and in the wrong town: archive (retention
    # comes first).
    params = fichier(
        ligne("C001", "Alpha", email="a@alpha.fr", iban=IBAN),
        ligne("C002", "ALPHA SAS", email="a@alpha.fr", iban=IBAN[:-1]),
        ligne("C003", "Gamma", derniere_activite="2022-03-01", code_postal="75011"),
        deux_problemes=True,
    )
    reference = qualite.solve(params)
    assert reference["lignes"][1] == {
        "probleme": "doublon",
        "probleme_2": "iban_invalide",
        "action": "fusionner",
        "fusion_avec": "1",
    }
    assert reference["lignes"][2]["action"] == "archiver"
    inverse = copy.deepcopy(reference)
    inverse["lignes"][2]["probleme"], inverse["lignes"][2]["probleme_2"] = (
        "cp_ville",
        "conservation_depassee",
    )
    assert qualite.grade(params, inverse).score == 1
    deux_fois = copy.deepcopy(reference)
    deux_fois["lignes"][2]["probleme_2"] = "conservation_depassee"
    champs = {c.champ: c for c in qualite.grade(params, deux_fois).champs}
    assert champs["lignes.2.probleme"].correct and not champs["lignes.2.probleme_2"].correct
    assert champs["lignes.2.probleme_2"].attendu == "cp_ville"


# --- carried errors and named errors ----------------------------------------------------------


def test_a_decision_right_from_the_students_own_diagnosis_earns_its_point():
    # Row 2's postcode is Paris's: the student reports an expired record instead, and archives
    # it, which is what the rules give for an expired customer: the decision is credited.
    params = fichier(ligne("C001", "Alpha"), ligne("C002", "Beta", code_postal="75011"))
    answer = qualite.solve(params)
    answer["lignes"][1] = {"probleme": "conservation_depassee", "action": "archiver"}
    grade = qualite.grade(params, answer)
    champs = {c.champ: c for c in grade.champs}
    assert not champs["lignes.1.probleme"].correct
    assert champs["lignes.1.action"].correct
    assert champs["lignes.1.action"].message.startswith("Juste d'après le problème")
    assert [d.code for d in grade.diagnostics] == ["CP_VILLE_NON_CONTROLE"]
    # Deleting it follows no rule for that diagnosis: wrong, and named.
    answer["lignes"][1]["action"] = "supprimer"
    grade = qualite.grade(params, answer)
    assert not {c.champ: c for c in grade.champs}["lignes.1.action"].correct
    assert "SUPPRESSION_ABUSIVE" in [d.code for d in grade.diagnostics]


def test_the_old_customer_with_an_open_invoice_archived_is_named():
    params = fichier(ligne("C001", "Alpha", derniere_activite="2022-01-10", encours="150.00"))
    answer = {"lignes": [{"probleme": "conservation_depassee", "action": "archiver"}]}
    assert [d.code for d in qualite.grade(params, answer).diagnostics] == ["ENCOURS_OUBLIE"]


def test_rights_wider_or_narrower_than_the_need_are_named_with_their_cells():
    params = fichier(ligne("C001", "Alpha"))
    answer = qualite.solve(params)
    answer["droits"]["comptabilite"] = {
        "coordonnees": "modification",  # consults only: too wide
        "bancaire": "lecture",  # records the IBAN: too narrow
        "factures": "modification",
    }
    grade = qualite.grade(params, answer)
    codes = {d.code: d.details["ou"] for d in grade.diagnostics}
    assert codes == {
        "DROITS_TROP_LARGES": ["comptabilite.coordonnees"],
        "DROITS_INSUFFISANTS": ["comptabilite.bancaire"],
    }
    # 1 right cell out of 3: 0.3333 (score_ratio, 4 places).
    assert str(dict(grade.competences)["1.3.3"]) == "0.3333"


def test_a_wrong_merge_row_is_named_and_blank_is_not_graded_elsewhere():
    params = fichier(ligne("C001", "Dupont"), ligne("C002", "Dupont SARL"))
    answer = qualite.solve(params)
    answer["lignes"][1]["fusion_avec"] = "2"
    answer["lignes"][0]["fusion_avec"] = ""  # not a duplicate: the field is not graded
    grade = qualite.grade(params, answer)
    assert [d.code for d in grade.diagnostics] == ["FUSION_MAUVAISE_LIGNE"]
    assert "lignes.0.fusion_avec" not in {c.champ for c in grade.champs}


# --- levels, files, organisations ----------------------------------------------------------------


@pytest.mark.parametrize("niveau", (1, 2, 3))
def test_what_each_level_puts_in_the_file(niveau):
    variant = qualite.generate(4, niveau, generate_company(4), {"fichier": "clients"})
    reference = qualite.solve(variant.params)
    lignes = reference["lignes"]
    a_probleme = [r for r in lignes if r["probleme"] != "aucun"]
    assert any(r["action"] == "fusionner" for r in lignes)  # always a duplicate to merge
    if niveau == 1:
        assert len(lignes) == 8 and len(a_probleme) == 4 and "## Indices" in variant.enonce
        assert "probleme_2" not in lignes[0]
    if niveau == 2:
        assert 12 <= len(lignes) <= 14 and len(a_probleme) == 6
        assert "## Indices" not in variant.enonce and "probleme_2" not in lignes[0]
    if niveau == 3:
        assert 16 <= len(lignes) <= 20 and "probleme_2" in lignes[0]
        assert sum(r["probleme_2"] != "aucun" for r in lignes) == 2
        assert "Aide pour le SIRET" in variant.enonce and "## Indices" not in variant.enonce


@pytest.mark.parametrize("niveau", (1, 2, 3))
def test_the_statement_asks_no_sliding_of_a_table_a_phone_shows_as_cards(niveau):
    # On a phone a statement's table is one card per row (agora.css): nothing to slide.
    variant = qualite.generate(4, niveau, generate_company(4), {"fichier": "clients"})
    assert "faites glisser" not in variant.enonce
    assert "## Le fichier des clients" in variant.enonce


@pytest.mark.parametrize("fichier_", ("clients", "prospects", "fournisseurs"))
def test_every_organisation_and_file_gives_a_gradable_exercise(fichier_):
    # Seeds 0 to 15 cover every sector of scenarios/secteurs (business, association, public).
    secteurs = set()
    for seed in range(16):
        organisation = generate_company(seed)
        secteurs.add(organisation.secteur)
        variant = qualite.generate(seed, 3, organisation, {"fichier": fichier_})
        assert qualite.grade(variant.params, qualite.solve(variant.params)).score == 1
        assert "<" not in variant.enonce
    assert {"association_sportive", "regie_eau", "boulangerie"} <= secteurs


def test_the_level_3_form_asks_two_problems_and_the_rights_matrix(form_html):
    variant = qualite.generate(2, 3, generate_company(2), {"fichier": "clients"})
    html = form_html("qualite_donnees", variant.params, 3, AnswerForm())
    assert 'name="lignes.0.probleme_2"' in html and 'name="droits.stagiaire.bancaire"' in html
    assert "style=" not in html and "<script" not in html


def test_bad_params_are_refused_in_one_french_line():
    bon = fichier(ligne("C001", "Alpha"), ligne("C002", "Beta"))
    for casse, message in (
        ({"fichier": "clients_vip"}, "fichier inconnu"),
        ({"lignes": []}, "de 1 à 20"),
        ({"date_controle": "le 23 août"}, "AAAA-MM-JJ"),
        ({"roles": [{"code": "pirate", "libelle": "x", "droits": {}}]}, "rôle inconnu"),
    ):
        with pytest.raises(InvalidInput, match=message):
            qualite.check_params({**bon, **casse})
    abime = copy.deepcopy(bon)
    abime["lignes"][0]["encours"] = "12.345"
    with pytest.raises(InvalidInput, match="deux décimales"):
        qualite.check_params(abime)


def _iban_schwifty(numero: str) -> bool:
    try:
        IBAN_SCHWIFTY(numero, validate_bban=True)
    except (SchwiftyException, ValueError):
        return False
    return True


def test_number_checks_agree_with_stdnum_and_schwifty():
    """The checks written out for numbers written as generate writes them give the libraries'
    verdict, on random numbers (about one in ten made valid) and on other writings."""
    rng = random.Random(7)
    for _ in range(300):
        chiffres = "".join(rng.choice("0123456789") for _ in range(27))
        for siret in (
            chiffres[:14],
            chiffres[:13],
            "356000000" + chiffres[:5],
            SIRET[:-1] + chiffres[0],
        ):
            assert siret_ok(siret) == siret_fr.is_valid(siret), siret
        siren = chiffres[:9]
        for tva in ("FR" + chiffres[9:11] + siren, "FR" + f"{int(siren + '12') % 97:02d}" + siren):
            assert tva_ok(tva) == tva_fr.is_valid(tva), tva
        bban = chiffres[:21]
        rib = 97 - (89 * int(bban[:5]) + 15 * int(bban[5:10]) + 3 * int(bban[10:])) % 97
        bban += f"{rib:02d}"
        iso = 98 - int(bban + "152700") % 97
        for iban in ("FR" + chiffres[:25], "FR" + f"{iso:02d}" + bban, "FR" + chiffres[:24]):
            assert iban_ok(iban) == _iban_schwifty(iban), iban
    for autre in (
        SIRET[:3] + " " + SIRET[3:],
        "fr40303265045",
        "FR 40 303265045",
        IBAN.lower(),
        "DE89370400440532013000",
    ):
        assert siret_ok(autre) == siret_fr.is_valid(autre)
        assert tva_ok(autre) == tva_fr.is_valid(autre)
        assert iban_ok(autre) == _iban_schwifty(autre)
