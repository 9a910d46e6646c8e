"""The ``avoir`` kind, hand-checked: credit notes computed by hand step by step (our own
computation, rounding half up to the cent at each printed step, half-cent traps included),
the diagnostics a typical mistake raises, the mentions of part 2, and what each level and
option puts in the exercise. The contract itself is checked by test_kind_contract.py."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.forms import AnswerForm, flatten
from agora.exercise.kinds import avoir, facture
from agora.exercise.kinds.avoir.mentions import facturation
from agora.exercise.kinds.avoir.params import CODES_MENTIONS
from agora.exercise.variants import build_variant

KIND = avoir.KIND


def ligne(ref: str, quantite: str, prix: str, taux: str, nom: str = "") -> dict[str, str]:
    """A line of an original invoice, in the facture kind's params."""
    return {
        "reference": ref,
        "designation": nom or ref,
        "quantite": quantite,
        "prix_unitaire_ht": prix,
        "taux_tva": taux,
    }


# The contract example (docs/exercices/avoir.md): 10 chairs and 2 tables invoiced with two
# remises in cascade, an escompte and port; the customer sends back 3 chairs.
CHAISES = {
    "nature": "retour",
    "facture": {
        "numero": "FA2026-0042",
        "date": "2026-03-10",
        "lignes": [
            ligne("CH-12", "10", "45.00", "20", "Chaise visiteur"),
            ligne("TB-80", "2", "389.00", "20", "Table de réunion"),
        ],
        "reductions": [{"nature": "remise", "taux": "10"}, {"nature": "remise", "taux": "5"}],
        "escompte_taux": "2",
        "frais_port_ht": "30.00",
        "taux_tva_port": "20",
    },
    "credits": [{"ligne": 1, "quantite": "3"}],
    "pieces": {"avoir": "AV2026-0007", "devis": "D2026-0031", "bon_livraison": "BL2026-0050"},
}


def totaux(solution: dict) -> tuple[str, str, str]:
    return solution["total_ht"], solution["total_tva"], solution["total_ttc"]


def codes(params: dict, answer: dict) -> set[str]:
    return {d.code for d in KIND.grade(params, answer).diagnostics}


def test_the_contract_example_reverses_both_remises_and_the_escompte_but_not_the_port():
    # Line: 3 × 45,00 = 135,00. Remise 10 % = 13,50, base 121,50. Remise 5 % = 6,075 -> 6,08
    # (half a cent goes up), net commercial 135,00 − 19,58 = 115,42. Escompte 2 % = 2,3084
    # -> 2,31, net financier 113,11. VAT 20 % = 22,622 -> 22,62. TTC 135,73. Port: not credited.
    s = KIND.solve(CHAISES)
    groupe = s["groupes"][0]
    assert s["lignes"][0]["montant_ht"] == "135.00"
    assert [r["montant"] for r in groupe["reductions"]] == ["13.50", "6.08"]
    assert (groupe["net_commercial"], groupe["escompte"], groupe["net_financier"]) == (
        "115.42",
        "2.31",
        "113.11",
    )
    assert s["tva"] == [{"taux": "20", "base": "113.11", "montant": "22.62"}]
    assert totaux(s) == ("113.11", "22.62", "135.73")
    assert s["reference_facture"] == "FA2026-0042" and s["nature"] == "retour"


def test_a_guided_return_with_one_remise():
    # 12 reams at 7,35 € invoiced, 5 sent back: 5 × 7,35 = 36,75. Remise 5 % = 1,8375 -> 1,84
    # (a truncating student writes 1,83). Net 34,91. VAT 20 % = 6,982 -> 6,98. TTC 41,89.
    params = {
        "nature": "retour",
        "facture": {
            "numero": "FA2026-0100",
            "date": "2026-02-02",
            "lignes": [ligne("PAP-A4", "12", "7.35", "20")],
            "reductions": [{"nature": "remise", "taux": "5"}],
        },
        "credits": [{"ligne": 1, "quantite": "5"}],
        "pieces": {"avoir": "AV2026-0002"},
    }
    s = KIND.solve(params)
    assert s["groupes"][0]["reductions"][0]["montant"] == "1.84"
    assert totaux(s) == ("34.91", "6.98", "41.89")
    tronque = copy.deepcopy(s)
    tronque["groupes"][0]["reductions"][0]["montant"] = "1,83"
    assert codes(params, tronque) == {"ARRONDI_TRONQUE"}


RESTAURANT = {
    "nature": "rabais",
    "facture": {
        "numero": "FA2026-0318",
        "date": "2026-05-12",
        "lignes": [
            ligne("BUF", "25", "18.30", "10"),
            ligne("PLA", "13", "16.45", "10"),
            ligne("CAF", "30", "1.85", "10"),
        ],
        "reductions": [{"nature": "remise", "taux": "5"}],
    },
    "rabais": {"taux": "10", "lignes": [1, 2]},
    "pieces": {"avoir": "AV2026-0044"},
}


def test_a_rabais_on_two_lines_starts_from_each_line_as_invoiced():
    # Line 1: 25 × 18,30 = 457,50, rabais 10 % = 45,75. Line 2: 13 × 16,45 = 213,85, rabais
    # 10 % = 21,385 -> 21,39. Gross 67,14. Remise 5 % = 3,357 -> 3,36, net 63,78. VAT 10 %
    # = 6,378 -> 6,38. TTC 70,16. Line 3 (coffee) has no defect: not in the rabais.
    s = KIND.solve(RESTAURANT)
    assert [x["montant_ht"] for x in s["lignes"]] == ["45.75", "21.39"]
    assert s["groupes"][0]["montant_brut_ht"] == "67.14"
    assert s["groupes"][0]["net_commercial"] == "63.78"
    assert totaux(s) == ("63.78", "6.38", "70.16")


def test_a_rabais_on_the_whole_invoice_is_named():
    # Every line at 10 %: 457,50 + 213,85 + 55,50 = 726,85; 10 % = 72,685 -> 72,69.
    answer = KIND.solve(RESTAURANT)
    answer["groupes"][0]["montant_brut_ht"] = "72.69"
    assert "RABAIS_SUR_TOUTE_LA_FACTURE" in codes(RESTAURANT, answer)


RISTOURNE = {
    "nature": "ristourne",
    "ristourne": {
        "taux": "2",
        "annee": 2025,
        "factures": [
            {
                "numero": "FA2025-0031",
                "date": "2025-03-10",
                "montants_ht": [{"taux_tva": "20", "montant_ht": "1250.00"}],
            },
            {
                "numero": "FA2025-0077",
                "date": "2025-06-16",
                "montants_ht": [{"taux_tva": "20", "montant_ht": "2340.50"}],
            },
            {
                "numero": "FA2025-0140",
                "date": "2025-11-24",
                "montants_ht": [{"taux_tva": "20", "montant_ht": "1875.25"}],
            },
        ],
    },
    "pieces": {"avoir": "AV2026-0003"},
}


def test_a_year_end_ristourne_on_the_turnover_excluding_vat():
    # Turnover HT: 1 250,00 + 2 340,50 + 1 875,25 = 5 465,75. Ristourne 2 % = 109,315 -> 109,32.
    # No remise, no escompte on a turnover already net. VAT 20 % = 21,864 -> 21,86. TTC 131,18.
    s = KIND.solve(RISTOURNE)
    groupe = s["groupes"][0]
    assert (groupe["chiffre_affaires_ht"], groupe["montant_brut_ht"]) == ("5465.75", "109.32")
    assert groupe["reductions"] == [] and groupe["escompte"] == "0.00"
    assert totaux(s) == ("109.32", "21.86", "131.18")
    assert "reference_facture" not in s  # a ristourne cites the year, not one invoice


def test_a_ristourne_on_the_turnover_including_vat_is_named():
    # TTC of each invoice: 1 500,00 + 2 808,60 + 2 250,30 = 6 558,90; 2 % = 131,178 -> 131,18.
    answer = KIND.solve(RISTOURNE)
    answer["groupes"][0] |= {"chiffre_affaires_ht": "6558.90", "montant_brut_ht": "131.18"}
    assert "AVOIR_CALCULE_SUR_TTC" in codes(RISTOURNE, answer)


def test_a_ristourne_at_two_vat_rates_has_a_column_per_rate():
    # 5,5 %: 812,40 + 1 020,10 = 1 832,50; 1,5 % = 27,4875 -> 27,49; VAT 1,51195 -> 1,51.
    # 20 %: 645,30; 1,5 % = 9,6795 -> 9,68; VAT 1,936 -> 1,94.
    # Total HT 37,17; VAT 3,45; TTC 40,62.
    params = {
        "nature": "ristourne",
        "ristourne": {
            "taux": "1.5",
            "annee": 2025,
            "factures": [
                {
                    "numero": "FA2025-0012",
                    "date": "2025-02-03",
                    "montants_ht": [
                        {"taux_tva": "5.5", "montant_ht": "812.40"},
                        {"taux_tva": "20", "montant_ht": "645.30"},
                    ],
                },
                {
                    "numero": "FA2025-0090",
                    "date": "2025-09-08",
                    "montants_ht": [{"taux_tva": "5.5", "montant_ht": "1020.10"}],
                },
            ],
        },
        "pieces": {"avoir": "AV2026-0010"},
    }
    s = KIND.solve(params)
    assert [(t["taux"], t["base"], t["montant"]) for t in s["tva"]] == [
        ("5.5", "27.49", "1.51"),
        ("20", "9.68", "1.94"),
    ]
    assert totaux(s) == ("37.17", "3.45", "40.62")


EAU = {
    "nature": "trop_facture",
    "facture": {
        "numero": "FA2026-0520",
        "date": "2026-07-01",
        "lignes": [
            ligne("EAU", "148", "2.05", "5.5"),
            ligne("ASS", "148", "1.95", "10"),
            ligne("ABO", "1", "42.00", "5.5"),
        ],
    },
    "credits": [{"ligne": 1, "quantite": "20"}, {"ligne": 2, "quantite": "20"}],
    "pieces": {"avoir": "AV2026-0061"},
}


def test_a_water_utility_credits_the_consumption_billed_too_many_at_each_rate():
    # Meter misread by 20 m³. Water: 20 × 2,05 = 41,00 at 5,5 %: VAT 2,255 -> 2,26 (an exact
    # half cent). Sewerage: 20 × 1,95 = 39,00 at 10 %: VAT 3,90. No remise on this invoice.
    # Total HT 80,00; VAT 6,16; TTC 86,16.
    s = KIND.solve(EAU)
    assert [(t["taux"], t["base"], t["montant"]) for t in s["tva"]] == [
        ("5.5", "41.00", "2.26"),
        ("10", "39.00", "3.90"),
    ]
    assert totaux(s) == ("80.00", "6.16", "86.16")


def test_one_vat_rate_for_every_column_is_named_and_the_answer_rows_follow_their_rate():
    # 10 % on the water too: 41,00 × 10 % = 4,10 instead of 2,26.
    answer = KIND.solve(EAU)
    answer["tva"].reverse()  # the rows are found by their rate, not their place
    answer["groupes"].reverse()
    assert KIND.grade(EAU, answer).score == 1
    answer["tva"][1]["montant"] = "4.10"
    assert "TAUX_TVA_MELANGES" in codes(EAU, answer)


@pytest.mark.parametrize(
    ("chemin", "valeur", "code"),
    [
        # Remises forgotten: 0,00 each (net commercial = gross, 135,00).
        (("groupes", 0, "reductions", 0, "montant"), "0", "REMISE_NON_REPRISE"),
        # Remises added up: 5 % of the gross, 135,00 × 5 % = 6,75 instead of 6,08.
        (("groupes", 0, "reductions", 1, "montant"), "6,75", "REMISES_ADDITIONNEES"),
        # Escompte not reversed: 0,00 instead of 2,31.
        (("groupes", 0, "escompte"), "0", "ESCOMPTE_NON_REPRIS"),
        # Port credited: 113,11 + 30,00 = 143,11.
        (("total_ht",), "143,11", "PORT_CREDITE"),
        # VAT forgotten: TTC = HT = 113,11.
        (("total_ttc",), "113,11 €", "TVA_NON_REGULARISEE"),
        # The whole line credited: 10 × 45,00 = 450,00 instead of 3 chairs.
        (("lignes", 0, "montant_ht"), "450", "QUANTITE_FACTUREE_CREDITEE"),
        # Truncated: 6,075 cut to 6,07.
        (("groupes", 0, "reductions", 1, "montant"), "6,07", "ARRONDI_TRONQUE"),
    ],
)
def test_each_typical_mistake_is_named(chemin, valeur, code):
    answer = KIND.solve(CHAISES)
    node = answer
    for part in chemin[:-1]:
        node = node[part]
    node[chemin[-1]] = valeur
    grade = KIND.grade(CHAISES, answer)
    assert code in {d.code for d in grade.diagnostics}
    assert grade.score < 1


def test_a_later_amount_right_from_a_wrong_gross_earns_its_point():
    # The student's gross is 145,00 (wrong). From it: remise 10 % = 14,50; 5 % of 130,50 =
    # 6,525 -> 6,53; net commercial 123,97; escompte 2 % = 2,4794 -> 2,48; net financier 121,49;
    # VAT 20 % = 24,298 -> 24,30; TTC 145,79. Every later amount is credited.
    answer = KIND.solve(CHAISES)
    groupe = answer["groupes"][0]
    groupe |= {
        "montant_brut_ht": "145.00",
        "net_commercial": "123.97",
        "escompte": "2.48",
        "net_financier": "121.49",
    }
    groupe["reductions"][0]["montant"], groupe["reductions"][1]["montant"] = "14.50", "6.53"
    answer["tva"] = [{"taux": "20", "base": "121.49", "montant": "24.30"}]
    answer |= {"total_ht": "121.49", "total_tva": "24.30", "total_ttc": "145.79"}
    grade = KIND.grade(CHAISES, answer)
    wrong = [c.champ for c in grade.champs if not c.correct]
    assert wrong == ["groupes.0.montant_brut_ht"]
    reporte = next(c for c in grade.champs if c.champ == "groupes.0.reductions.1.montant")
    assert "erreur reportée" in reporte.message and "6,08" in reporte.message


def test_the_reference_is_the_original_invoice_written_any_way_never_another_piece():
    answer = KIND.solve(CHAISES) | {"reference_facture": "n° fa 2026-0042"}
    assert KIND.grade(CHAISES, answer).score == 1
    answer["reference_facture"] = "AV2026-0007"  # the credit note's own number
    assert codes(CHAISES, answer) == {"REFERENCE_ERRONEE"}
    answer |= {"reference_facture": "FA2026-0042", "nature": "rabais"}
    assert codes(CHAISES, answer) == {"NATURE_CONFONDUE"}


MENTIONS = CHAISES | {
    "mentions": [
        {"code": "numero", "libelle": "Numéro de la facture", "attendu": "presente"},
        {"code": "echeance", "libelle": "Échéance", "attendu": "manquante"},
        {"code": "option_debits", "libelle": "Option sur les débits", "attendu": "non_exigee"},
    ]
}


@pytest.mark.parametrize(
    ("reponses", "code"),
    [
        ({"echeance": "presente"}, "MENTION_OUBLIEE"),
        ({"numero": "manquante"}, "MENTION_EN_TROP"),
        ({"option_debits": "manquante"}, "MENTION_EN_TROP"),
        ({"echeance": "non_exigee"}, "MENTION_OBLIGATOIRE_IGNOREE"),
    ],
)
def test_each_misread_mention_is_named(reponses, code):
    answer = KIND.solve(MENTIONS)
    assert answer["mentions"] == {
        "numero": "presente",
        "echeance": "manquante",
        "option_debits": "non_exigee",
    }
    answer["mentions"] |= reponses
    grade = KIND.grade(MENTIONS, answer)
    assert {d.code for d in grade.diagnostics} == {code}
    faux = [c for c in grade.champs if not c.correct]
    assert [c.champ for c in faux] == [f"mentions.{next(iter(reponses))}"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"credits": [{"ligne": 1, "quantite": "11"}]}, "au plus la quantité facturée"),
        ({"credits": [{"ligne": 3, "quantite": "1"}]}, "numéro de ligne"),
        (
            {"credits": [{"ligne": 1, "quantite": "1"}, {"ligne": 1, "quantite": "2"}]},
            "créditée deux fois",
        ),
        ({"nature": "echange"}, "nature"),
        ({"facture": CHAISES["facture"] | {"escompte_taux": "150"}}, "facture d'origine"),
        ({"facture": CHAISES["facture"] | {"numero": "42"}}, "FA2026-0042"),
    ],
)
def test_unusable_params_are_refused_in_one_french_line(change, message):
    with pytest.raises(InvalidInput, match=message):
        KIND.check_params(CHAISES | change)


def test_the_students_own_invoice_from_the_facture_kind_can_be_the_one_credited():
    # Chaining: the facture kind's params, with a number and a date, are an original invoice.
    invoice = facture.KIND.generate(4, 2, generate_company(4)).params
    params = {
        "nature": "retour",
        "facture": invoice | {"numero": "FA2026-0999", "date": "2026-04-01"},
        "credits": [{"ligne": 1, "quantite": "1"}],
        "pieces": {"avoir": "AV2026-0100"},
    }
    assert KIND.grade(params, KIND.solve(params)).score == 1
    assert KIND.CONSOMME == {"facture": "la facture d'origine"} and KIND.PRODUIT == "avoir"


def test_what_each_level_puts_in_the_exercise():
    for seed in range(8):
        un = build_variant("avoir", 1, seed, seed)
        assert un.params["nature"] in ("retour", "trop_facture")
        assert "mentions" not in un.params and "escompte_taux" not in un.params["facture"]
        assert len(KIND.solve(un.params)["groupes"]) == 1 and "### Méthode" in un.enonce
        deux = build_variant("avoir", 2, seed, seed)
        assert [m["code"] for m in deux.params["mentions"]][-1] == "indemnite"
        assert sum(m["attendu"] == "manquante" for m in deux.params["mentions"]) == 2
        trois = build_variant("avoir", 3, seed, seed)
        assert len(trois.params["mentions"]) == 12
        assert "1er septembre 2026" in trois.enonce and "1er septembre 2027" in trois.enonce
        reforme = {"siren_client", "adresse_livraison", "nature_operation", "option_debits"}
        assert any(
            m["attendu"] == "manquante" and m["code"] in reforme for m in trois.params["mentions"]
        )


def test_the_mission_option_picks_the_nature_the_organisation_can_tell():
    assert generate_company(0).secteur == "regie_eau"  # water is credited, never sent back
    assert build_variant("avoir", 2, 0, 0, {"motif": "retour"}).params["nature"] == "trop_facture"
    assert generate_company(3).secteur == "grossiste_fournitures"
    assert build_variant("avoir", 2, 3, 3, {"motif": "retour"}).params["nature"] == "retour"
    ristourne = build_variant("avoir", 2, 3, 3, {"motif": "ristourne"})
    assert ristourne.params["nature"] == "ristourne" and ristourne.options == {"motif": "ristourne"}


def test_an_organisation_outside_vat_checks_the_credit_note_of_its_supplier():
    org = generate_company(2)
    assert org.tva_intracom is None  # an association
    variant = build_variant("avoir", 2, 2, 2)
    assert "Vérifier une facture d'avoir reçue" in variant.enonce
    assert all(
        Decimal(x["taux_tva"]) > 0 for x in variant.params.get("facture", {"lignes": []})["lignes"]
    )


def test_the_dated_invoicing_rules_cover_exactly_the_mentions_a_student_checks():
    regles = facturation()
    assert tuple(r.code for r in regles.mentions) == CODES_MENTIONS
    assert all(r.sources for r in regles.mentions)
    assert regles.indemnite_recouvrement.montant == Decimal("40.00")
    assert regles.reforme.emission_pme_et_micro.isoformat() == "2027-09-01"


# The solution's fields the form may not ask, and what each is worth then, from the fields it
# asks (docs/exercices/avoir.md, « Ce que la solution contient en plus du formulaire »):
# no escompte on the invoice → escompte 0.00 and net financier = net commercial; a ristourne has
# no reduction → net commercial = brut; one rate → total TVA = that rate's TVA.
def _deduit(solution: dict, chemin: str) -> str | None:
    match chemin.split("."):
        case ["groupes", g, "escompte"]:
            return "0.00"
        case ["groupes", g, "net_financier"]:
            return solution["groupes"][int(g)]["net_commercial"]
        case ["groupes", g, "net_commercial"] if solution["nature"] == "ristourne":
            return solution["groupes"][int(g)]["montant_brut_ht"]
        case ["total_tva"] if len(solution["tva"]) == 1:
            return solution["tva"][0]["montant"]
    return None


@pytest.mark.parametrize("motif", ["au_choix", "retour", "rabais", "ristourne"])
@pytest.mark.parametrize("niveau", [1, 2, 3])
def test_the_solution_holds_the_form_fields_and_only_values_they_imply(motif, niveau, form_values):
    # Regression: the reference answer held lignes.N.reference and the reductions' nature and
    # rate, which the form never sent. The contract keeps them (they name the row, as the rate
    # of a VAT column): the form now sends them in hidden fields, as it sends the rates. Every
    # other field of the solution the form does not ask is a value the asked fields imply.
    for seed in range(6):
        variant = build_variant("avoir", niveau, seed, seed, {"motif": motif})
        solution = KIND.solve(variant.params)
        posted = form_values("avoir", variant.params, niveau, AnswerForm())
        for chemin, valeur in flatten(solution).items():
            if chemin not in posted:
                assert _deduit(solution, chemin) == valeur, (seed, chemin)
            elif chemin.endswith((".reference", ".nature", ".taux", ".taux_tva")):
                assert posted[chemin] == valeur, (seed, chemin)
