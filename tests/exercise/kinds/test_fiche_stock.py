"""The fiche_stock kind, beyond the shared contract: hand-checked stock cards (each computed step
by step in the comments), the rounding convention, the named wrong methods, errors carried
forward, what each level and method puts in the exercise, and the refused params."""

from __future__ import annotations

import copy
import re

import pytest

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.fields import QUANTITE, QUANTITE_SIGNEE
from agora.exercise.forms import AnswerForm
from agora.exercise.kinds.fiche_stock import KIND as fiche_stock

# One month of a bakery's flour, used by most cases (own computation, shown in each test):
# stock initial 40 sacs à 12,50 € = 500,00 €;
# 3 mars  BS 1 sortie 30;
# 6 mars  BL 7 entrée 60 sacs à 13,00 € net + 30,00 € de transport (0,50 € par sac) → 13,50 €;
# 14 mars BS 2 sortie 45;
# 20 mars BL 8 entrée 50 sacs à 12,80 € net + 20,00 € de transport (0,40 € par sac) → 13,20 €;
# 27 mars BS 3 sortie 40.  Stock de la fiche à la fin : 40 − 30 + 60 − 45 + 50 − 40 = 35 sacs.
FARINE = {
    "methode": "cmup_mouvement",
    "article": {
        "reference": "FAR-T65",
        "designation": "Farine T65, sac de 25 kg",
        "unite": "sac",
        "pluriel": "sacs",
        "usage": "pour le fournil",
    },
    "fournisseur": "Minoterie de Lyon",
    "periode": {"debut": "2026-03-01", "fin": "2026-03-31"},
    "stock_initial": {"quantite": "40", "cout_unitaire": "12.50"},
    "mouvements": [
        {"date": "2026-03-03", "piece": "BS 1", "nature": "sortie", "quantite": "30"},
        {
            "date": "2026-03-06",
            "piece": "BL 7",
            "nature": "entree",
            "quantite": "60",
            "prix_unitaire_net": "13.00",
            "frais_accessoires": "30.00",
        },
        {"date": "2026-03-14", "piece": "BS 2", "nature": "sortie", "quantite": "45"},
        {
            "date": "2026-03-20",
            "piece": "BL 8",
            "nature": "entree",
            "quantite": "50",
            "prix_unitaire_net": "12.80",
            "frais_accessoires": "20.00",
        },
        {"date": "2026-03-27", "piece": "BS 3", "nature": "sortie", "quantite": "40"},
    ],
    "approvisionnement": {
        "consommation_jour": "4",
        "delai_jours": "5",
        "stock_securite": "10",
        "stock_maximum": "120",
    },
    "tva_recuperable": True,
}


def card(methode: str = "cmup_mouvement", **changes) -> dict:
    params = copy.deepcopy(FARINE) | {"methode": methode}
    return params | changes


def grade(params: dict, **answer) -> dict:
    """The grading JSON's verdicts by field, and its diagnostic codes under « codes »."""
    document = fiche_stock.grade(params, answer).to_json()
    verdicts = {c["champ"]: c for c in document["champs"]}
    return verdicts | {"codes": [d["code"] for d in document["diagnostics"]]}


def test_a_receipt_costs_its_net_price_plus_its_share_of_the_transport():
    # BL 7: 13,00 + 30,00 ÷ 60 = 13,00 + 0,50 = 13,50 € ; 60 × 13,50 = 810,00 €.
    # BL 8: 12,80 + 20,00 ÷ 50 = 12,80 + 0,40 = 13,20 € ; 50 × 13,20 = 660,00 €.
    lignes = fiche_stock.solve(card())["mouvements"]
    assert (lignes[1]["entree_cout_unitaire"], lignes[1]["entree_montant"]) == ("13.50", "810.00")
    assert (lignes[3]["entree_cout_unitaire"], lignes[3]["entree_montant"]) == ("13.20", "660.00")


def test_transport_that_does_not_divide_evenly_keeps_the_total_cost():
    # 30 sacs à 13,00 + 10,00 de transport : coût d'achat 390,00 + 10,00 = 400,00 ;
    # coût unitaire 400 ÷ 30 = 13,333… → 13,33.  30 × 13,33 = 399,90 is accepted too.
    params = card()
    params["mouvements"][1] |= {"quantite": "30", "frais_accessoires": "10.00"}
    params["mouvements"][2]["quantite"] = "35"
    ligne = fiche_stock.solve(params)["mouvements"][1]
    assert (ligne["entree_cout_unitaire"], ligne["entree_montant"]) == ("13.33", "400.00")
    assert grade(params, mouvements=[{}, {"entree_montant": "399,90"}])[
        "mouvements.1.entree_montant"
    ]["correct"]


def test_cmup_after_each_receipt():
    # S 30 at 12,50 = 375,00; stock 10 → 125,00.  E 60: 125,00 + 810,00 = 935,00 for 70 sacs,
    # CMUP 935 ÷ 70 = 13,357… → 13,36.  S 45 × 13,36 = 601,20; stock 25 × 13,36 = 334,00.
    # E 50: 334,00 + 660,00 = 994,00 for 75, CMUP 994 ÷ 75 = 13,253… → 13,25.
    # S 40 × 13,25 = 530,00; stock 35 × 13,25 = 463,75.  Sorties 375 + 601,20 + 530 = 1 506,20.
    s = fiche_stock.solve(card())
    m = s["mouvements"]
    assert [m[i]["stock_cout_unitaire"] for i in (1, 3)] == ["13.36", "13.25"]
    assert [m[i]["sortie_montant"] for i in (0, 2, 4)] == ["375.00", "601.20", "530.00"]
    assert [m[i]["stock_montant"] for i in range(5)] == [
        "125.00",
        "935.00",
        "334.00",
        "994.00",
        "463.75",
    ]
    assert (s["total_sorties_quantite"], s["total_sorties_montant"]) == ("115", "1506.20")
    assert (s["stock_final_quantite"], s["stock_final_montant"]) == ("35", "463.75")


def test_after_an_issue_the_stock_value_by_difference_is_accepted_too():
    # 935,00 − 601,20 = 333,80 (the value carried by difference) as well as 25 × 13,36 = 334,00.
    result = grade(card(), mouvements=[{}, {}, {"stock_montant": "333,80"}])
    assert result["mouvements.2.stock_montant"]["correct"]


def test_cmup_of_the_period():
    # Entrées 60 + 50 = 110 sacs, 810,00 + 660,00 = 1 470,00 €.
    # CMUP = (500,00 + 1 470,00) ÷ (40 + 110) = 1 970 ÷ 150 = 13,1333… → 13,13.
    # Sorties 30 + 45 + 40 = 115 × 13,13 = 1 509,95 ; stock final 35 × 13,13 = 459,55.
    s = fiche_stock.solve(card("cmup_periode"))
    assert (s["total_entrees_quantite"], s["total_entrees_montant"]) == ("110", "1470.00")
    assert s["cmup"] == "13.13"
    assert (s["total_sorties_montant"], s["stock_final_montant"]) == ("1509.95", "459.55")
    # The stock by difference, 1 970,00 − 1 509,95 = 460,05, is the other accepted writing.
    assert grade(card("cmup_periode"), stock_final_montant="460,05")["stock_final_montant"][
        "correct"
    ]


def test_peps_issues_take_the_oldest_lot_first():
    # S 30 from the initial lot: 30 × 12,50 = 375,00 (10 left at 12,50).
    # S 45: 10 × 12,50 = 125,00 + 35 × 13,50 = 472,50 → 597,50 (25 left at 13,50).
    # S 40: 25 × 13,50 = 337,50 + 15 × 13,20 = 198,00 → 535,50 (35 left at 13,20 = 462,00).
    s = fiche_stock.solve(card("peps"))
    m = s["mouvements"]
    assert [m[i]["sortie_montant"] for i in (0, 2, 4)] == ["375.00", "597.50", "535.50"]
    assert [m[i]["stock_montant"] for i in range(5)] == [
        "125.00",
        "935.00",
        "337.50",
        "997.50",
        "462.00",
    ]
    # Check: 500,00 + 1 470,00 − (375,00 + 597,50 + 535,50 = 1 508,00) = 462,00.
    assert (s["total_sorties_montant"], s["stock_final_montant"]) == ("1508.00", "462.00")


def test_the_half_cent_cmup_is_rounded_up_and_truncating_it_is_named():
    # 10 sacs at 2,00 = 20,00; E 10 at 2,01 = 20,10 → 40,10 ÷ 20 = 2,005 → 2,01 (half up).
    params = card(
        stock_initial={"quantite": "10", "cout_unitaire": "2.00"},
        mouvements=[
            {
                "date": "2026-03-05",
                "piece": "BL 1",
                "nature": "entree",
                "quantite": "10",
                "prix_unitaire_net": "2.01",
                "frais_accessoires": "0",
            },
            {"date": "2026-03-09", "piece": "BS 1", "nature": "sortie", "quantite": "4"},
        ],
    )
    s = fiche_stock.solve(params)
    assert s["mouvements"][0]["stock_cout_unitaire"] == "2.01"
    assert s["mouvements"][1]["sortie_montant"] == "8.04"  # 4 × 2,01
    result = grade(params, mouvements=[{"stock_cout_unitaire": "2,00"}])
    assert not result["mouvements.0.stock_cout_unitaire"]["correct"]
    assert result["codes"] == ["CMUP_TRONQUE"]


def test_the_named_wrong_methods_of_the_cost_and_of_the_cmup():
    # Forgetting transport: 13,00 instead of 13,50. All the transport on one sack: 13,00 + 30 = 43,00.
    assert grade(card(), mouvements=[{}, {"entree_cout_unitaire": "13"}])["codes"] == [
        "FRAIS_OUBLIES"
    ]
    assert grade(card(), mouvements=[{}, {"entree_cout_unitaire": "43"}])["codes"] == [
        "FRAIS_NON_REPARTIS"
    ]
    # Period: without the initial stock 1 470 ÷ 110 = 13,3636… → 13,36;
    # the mean of the prices (12,50 + 13,50 + 13,20) ÷ 3 = 13,0666… → 13,07.
    assert grade(card("cmup_periode"), cmup="13,36")["codes"] == ["CMUP_SANS_STOCK_INITIAL"]
    assert grade(card("cmup_periode"), cmup="13,07")["codes"] == ["CMUP_MOYENNE_SIMPLE"]
    # After each receipt, the last price taken as CMUP: 45 × 13,50 = 607,50 instead of 601,20.
    wrong = grade(card(), mouvements=[{}, {}, {"sortie_montant": "607,50"}])
    assert wrong["codes"] == ["CMUP_DERNIER_COUT"]
    # PEPS done from the newest lot (DEPS): 45 × 13,50 = 607,50 instead of 597,50.
    assert grade(card("peps"), mouvements=[{}, {}, {"sortie_montant": "607.50"}])["codes"] == [
        "PEPS_DERNIER_ENTRE"
    ]


def test_an_error_carried_forward_earns_its_credit():
    # The student forgets the transport (13,00), then computes right from it:
    # 60 × 13,00 = 780,00; 125,00 + 780,00 = 905,00; CMUP 905 ÷ 70 = 12,928… → 12,93.
    answer = {
        "mouvements": [
            {},
            {
                "entree_cout_unitaire": "13,00",
                "entree_montant": "780,00",
                "stock_montant": "905,00",
                "stock_cout_unitaire": "12,93",
            },
        ]
    }
    result = grade(card(), **answer)
    assert not result["mouvements.1.entree_cout_unitaire"]["correct"]
    for champ in ("entree_montant", "stock_montant", "stock_cout_unitaire"):
        verdict = result[f"mouvements.1.{champ}"]
        assert verdict["correct"] and "erreur reportée" in verdict["message"], champ


def test_the_reorder_point_and_the_order():
    # Consommation pendant le délai 4 × 5 = 20; stock d'alerte 10 + 20 = 30.
    # CMUP après chaque entrée: stock final 35 > 30 → pas de commande, quantité 0.
    appro = fiche_stock.solve(card())["appro"]
    assert appro == {
        "consommation_delai": "20",
        "stock_alerte": "30",
        "commander": "non",
        "quantite": "0",
    }
    # Last issue 50 instead of 40: stock final 25 ≤ 30 → commander 120 − 25 + 20 = 115.
    params = card()
    params["mouvements"][4]["quantite"] = "50"
    appro = fiche_stock.solve(params)["appro"]
    assert (appro["commander"], appro["quantite"]) == ("oui", "115")
    assert grade(params, appro={"quantite": "95"})["codes"] == ["COMMANDE_SANS_DELAI"]
    assert grade(params, appro={"stock_alerte": "20"})["codes"] == ["ALERTE_SANS_SECURITE"]


def test_the_stock_taking_in_peps_values_a_shortage_from_the_oldest_lot():
    # Last issue 20: 25 at 13,50 → 5 left at 13,50, then 50 at 13,20: 55 sacs,
    # 67,50 + 660,00 = 727,50.  Counted 52: écart 52 − 55 = −3, taken from the oldest lot:
    # 3 × 13,50 = −40,50; stock réel 727,50 − 40,50 = 687,00.  Commande sur 52 compté
    # (alerte 30): non.
    params = card("peps", inventaire={"quantite_comptee": "52", "constat": "casse"})
    params["mouvements"][4]["quantite"] = "20"
    s = fiche_stock.solve(params)
    assert s["stock_final_montant"] == "727.50"
    assert s["inventaire"] == {
        "ecart_quantite": "-3",
        "ecart_montant": "-40.50",
        "explication": "casse",
        "stock_montant": "687.00",
    }
    inverse = grade(params, inventaire={"ecart_quantite": "3"})
    assert inverse["codes"] == ["ECART_INVERSE"]


def test_at_level_3_the_order_is_decided_on_the_counted_stock():
    # CMUP de la période: stock de la fiche 35 (> alerte 30), compté 28: écart −7 × 13,13 =
    # −91,91; stock réel 459,55 − 91,91 = 367,64 (= 28 × 13,13).  28 ≤ 30 → commander
    # 120 − 28 + 20 = 112.  Deciding on the card's 35 is the named mistake.
    params = card("cmup_periode", inventaire={"quantite_comptee": "28", "constat": "vol"})
    params["inventaire"]["constat"] = "demarque_inconnue"
    s = fiche_stock.solve(params)
    assert (s["inventaire"]["ecart_montant"], s["inventaire"]["stock_montant"]) == (
        "-91.91",
        "367.64",
    )
    assert (s["appro"]["commander"], s["appro"]["quantite"]) == ("oui", "112")
    assert grade(params, appro={"commander": "non"})["codes"] == ["COMMANDE_SUR_STOCK_THEORIQUE"]


def test_amounts_and_quantities_are_read_as_a_french_person_writes_them():
    result = grade(
        card("cmup_periode"),
        total_sorties_montant="1 509,95 €",
        stock_final_quantite="35",
        total_entrees_montant="1470",
    )
    assert all(
        result[k]["correct"]
        for k in ("total_sorties_montant", "stock_final_quantite", "total_entrees_montant")
    )


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"methode": "dernier_entre"}, "méthode inconnue"),
        ({"methode": ["peps"]}, "méthode inconnue"),  # found by hypothesis: was a TypeError
        ({"stock_initial": {"quantite": "2,5", "cout_unitaire": "1"}}, "entier"),
        (
            {
                "mouvements": [
                    {"date": "2026-03-01", "piece": "BS", "nature": "sortie", "quantite": "41"}
                ]
            },
            "sort plus que le stock",
        ),
        ({"approvisionnement": None}, "approvisionnement"),
    ],
)
def test_unusable_params_are_refused_in_one_french_line(change, words):
    with pytest.raises(InvalidInput) as error:
        fiche_stock.check_params(card() | change)
    assert words in str(error.value) and "\n" not in str(error.value)


def test_levels_and_options_shape_the_exercise():
    company = generate_company(4)
    for methode in ("cmup_periode", "cmup_mouvement", "peps"):
        for niveau, lignes in ((1, 3), (2, 5), (3, 6)):
            v = fiche_stock.generate(4, niveau, company, {"methode": methode})
            assert v.params["methode"] == methode
            assert len(v.params["mouvements"]) == lignes
            assert ("inventaire" in v.params) == (niveau == 3)
            assert ("Aide :" in v.enonce) == (niveau == 1)
    drawn = {fiche_stock.generate(s, 2, generate_company(s)).params["methode"] for s in range(12)}
    assert drawn == {"cmup_periode", "cmup_mouvement", "peps"}


def _quantity_boxes(html: str) -> dict[str, tuple[str, str]]:
    """Each quantity box of the rendered form: its name -> (its label, the unit shown by it)."""
    boxes = {}
    for block in html.split('<div class="champ')[1:]:
        name = re.search(r'<input [^>]*name="([^"]+)"', block)
        if name and fiche_stock.ANSWER_SCHEMA.type_of(name[1]) in (QUANTITE, QUANTITE_SIGNEE):
            label = re.search(r"<label [^>]*>(.*?)</label>", block, re.S)[1]
            unit = re.search(r'<span class="champ-unite"[^>]*>(.*?)</span>', block, re.S)
            boxes[name[1]] = (label, unit[1] if unit else "")
    return boxes


@pytest.mark.parametrize("methode", ["cmup_mouvement", "cmup_periode", "peps"])
def test_every_quantity_box_shows_the_article_unit(methode, form_html):
    # Regression: « Quantité en stock, ligne n » had no unit while the totals said « (sacs) »;
    # on a wide screen the labels of the card's table are for screen readers only, so the unit
    # is written beside each box too (as « € » beside an amount).
    params = card(methode, inventaire={"quantite_comptee": "33", "constat": "casse"})
    html = form_html("fiche_stock", params, 3, AnswerForm())
    boxes = _quantity_boxes(html)
    assert "appro.quantite" in boxes and "inventaire.ecart_quantite" in boxes
    if methode != "cmup_periode":
        assert "mouvements.0.stock_quantite" in boxes
    for name, (label, unit) in boxes.items():
        assert "sacs" in label, name
        assert unit == "sacs", name
