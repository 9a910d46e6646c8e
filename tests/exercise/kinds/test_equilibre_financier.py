"""The equilibre_financier kind, beyond the shared contract: hand-checked balance sheets (each
computed step by step in the comments; source: our own computation on the method of
docs/exercices/equilibre_financier.md, the Bac Pro AGOrA textbooks' definitions), the rounding of
the ratios at half a cent, the named wrong methods, errors carried forward, what each level puts
in the exercise, and the refused params."""

from __future__ import annotations

import pytest

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.forms import AnswerForm
from agora.exercise.kinds.equilibre_financier import KIND as equilibre


def bilan(*postes, statut="entreprise", presentation="fonctionnel") -> dict:
    """Params from (libellé, nature, montant) lines."""
    return {
        "organisation": {"nom": "Menuiserie Martin", "statut": statut},
        "date_bilan": "2026-12-31",
        "presentation": presentation,
        "postes": [{"libelle": lib, "nature": n, "montant": m} for lib, n, m in postes],
    }


# Case A, a joinery (functional sheet, level 2):
# emplois stables 120 000 + 30 000 = 150 000;
# ressources stables 40 000 + 25 000 + 10 000 (capitaux propres 75 000) + 50 000 (amortissements)
#   + 30 000 (emprunts) = 155 000;
# actif d'exploitation 18 000 + 27 000 = 45 000; trésorerie active 5 000;
# dettes d'exploitation 20 000 + 10 000 = 30 000; trésorerie passive 15 000.
# Balance: 150 000 + 45 000 + 5 000 = 200 000 = 155 000 + 30 000 + 15 000.
CAS_A = bilan(
    ("Matériel et outillage", "immobilisation", "120000"),
    ("Véhicule utilitaire", "immobilisation", "30000"),
    ("Amortissements et dépréciations", "amortissement", "50000"),
    ("Capital", "capitaux_propres", "40000"),
    ("Réserves", "capitaux_propres", "25000"),
    ("Résultat de l'exercice", "capitaux_propres", "10000"),
    ("Emprunts auprès des établissements de crédit", "emprunt", "30000"),
    ("Stocks", "stock", "18000"),
    ("Créances clients", "creance_exploitation", "27000"),
    ("Disponibilités", "disponibilites", "5000"),
    ("Dettes fournisseurs", "dette_exploitation", "20000"),
    ("Dettes fiscales et sociales", "dette_exploitation", "10000"),
    ("Concours bancaires courants", "concours_bancaires", "15000"),
)

# Case C, a sports club's accounting sheet (level 3):
# Actif: matériel 80 000 brut, 30 000 amortis; stocks 12 000; cotisations à recevoir 20 000 brut,
# 2 000 dépréciés; créance sur cession 3 000; charges constatées d'avance 1 000; banque 4 000.
# Net: 50 000 + 12 000 + 18 000 + 3 000 + 1 000 + 4 000 = 88 000.
# Passif: fonds associatifs 16 000 + réserves 10 000 + résultat 5 000 = 31 000; provision 3 000;
# emprunts 25 000; découvert 6 000; fournisseurs 9 000; fiscales et sociales 7 000; dettes sur
# immobilisations 5 000; produits constatés d'avance 2 000. Total 88 000.
CAS_C = bilan(
    ("Matériel sportif", "immobilisation", "80000"),
    ("Amortissements du matériel sportif", "amortissement", "30000"),
    ("Stocks", "stock", "12000"),
    ("Cotisations et subventions à recevoir", "creance_exploitation", "20000"),
    ("Dépréciation des créances", "depreciation_circulant", "2000"),
    ("Créance sur la vente d'une immobilisation", "creance_hors_exploitation", "3000"),
    ("Charges constatées d'avance", "charge_constatee_avance", "1000"),
    ("Disponibilités", "disponibilites", "4000"),
    ("Fonds associatifs sans droit de reprise", "capitaux_propres", "16000"),
    ("Réserves", "capitaux_propres", "10000"),
    ("Résultat de l'exercice", "capitaux_propres", "5000"),
    ("Provision pour risques", "provision", "3000"),
    ("Emprunts", "emprunt", "25000"),
    ("Concours bancaires courants", "concours_bancaires", "6000"),
    ("Dettes fournisseurs", "dette_exploitation", "9000"),
    ("Dettes fiscales et sociales", "dette_exploitation", "7000"),
    ("Dettes sur immobilisations", "dette_immobilisation", "5000"),
    ("Produits constatés d'avance", "produit_constate_avance", "2000"),
    statut="association",
    presentation="comptable",
)


def grade(params: dict, **answer) -> dict:
    """The grading JSON's verdicts by field, and its diagnostic codes under « codes »."""
    document = equilibre.grade(params, answer).to_json()
    verdicts = {c["champ"]: c for c in document["champs"]}
    return verdicts | {"codes": [d["code"] for d in document["diagnostics"]]}


def test_case_a_masses_frng_bfr_and_net_cash_both_ways():
    # FRNG = 155 000 − 150 000 = 5 000; BFR = 45 000 − 30 000 = 15 000;
    # trésorerie nette = 5 000 − 15 000 = −10 000 = FRNG − BFR = 5 000 − 15 000.
    s = equilibre.solve(CAS_A)
    assert s["masses"] == {
        "emplois_stables": "150000.00",
        "actif_exploitation": "45000.00",
        "tresorerie_active": "5000.00",
        "ressources_stables": "155000.00",
        "dettes_exploitation": "30000.00",
        "tresorerie_passive": "15000.00",
    }
    assert (s["frng"], s["bfr"]) == ("5000.00", "15000.00")
    assert (s["tresorerie_nette"], s["verification"]) == ("-10000.00", "-10000.00")
    assert "bfre" not in s and "couverture_emplois_stables" not in s["ratios"]


def test_case_a_ratios_and_reading():
    # Autonomie financière = 75 000 ÷ 30 000 = 2,50.
    # Liquidité générale = (45 000 + 5 000) ÷ (30 000 + 15 000) = 1,111… → 1,11.
    # FRNG positif, trésorerie négative: the BFR is too high; remedy: reduce it.
    s = equilibre.solve(CAS_A)
    assert s["ratios"] == {"autonomie_financiere": "2.50", "liquidite_generale": "1.11"}
    assert s["lecture"] == {"situation": "bfr_trop_eleve", "remede": "reduire_bfr"}


def test_a_balanced_sheet_reads_as_balanced():
    # Emplois stables 200 000; ressources stables 150 000 + 80 000 + 60 000 = 290 000;
    # FRNG 90 000; BFR 30 000 + 50 000 − 40 000 = 40 000; trésorerie 50 000 = 90 000 − 40 000.
    # Autonomie 150 000 ÷ 60 000 = 2,50; liquidité (80 000 + 50 000) ÷ 40 000 = 3,25.
    params = bilan(
        ("Four et pétrin", "immobilisation", "200000"),
        ("Amortissements", "amortissement", "80000"),
        ("Capitaux propres", "capitaux_propres", "150000"),
        ("Emprunts", "emprunt", "60000"),
        ("Stocks", "stock", "30000"),
        ("Créances clients", "creance_exploitation", "50000"),
        ("Disponibilités", "disponibilites", "50000"),
        ("Dettes fournisseurs", "dette_exploitation", "40000"),
    )
    s = equilibre.solve(params)
    assert (s["frng"], s["bfr"], s["tresorerie_nette"]) == ("90000.00", "40000.00", "50000.00")
    assert s["ratios"] == {"autonomie_financiere": "2.50", "liquidite_generale": "3.25"}
    assert s["lecture"] == {"situation": "equilibre", "remede": "maintenir"}


# Case B: FRNG negative. Emplois stables 300 000; ressources stables 90 000 + 100 000 + 80 000 =
# 270 000; FRNG −30 000; BFR 60 000 − 50 000 = 10 000; trésorerie 5 000 − 45 000 = −40 000.
CAS_B = bilan(
    ("Réseaux", "immobilisation", "300000"),
    ("Amortissements des réseaux", "amortissement", "100000"),
    ("Dotation de la collectivité", "capitaux_propres", "90000"),
    ("Emprunts", "emprunt", "80000"),
    ("Créances sur les usagers", "creance_exploitation", "60000"),
    ("Disponibilités", "disponibilites", "5000"),
    ("Dettes fournisseurs", "dette_exploitation", "50000"),
    ("Concours bancaires courants", "concours_bancaires", "45000"),
    statut="service_public",
)


def test_a_negative_frng_is_read_first_and_calls_for_stable_resources():
    # Autonomie 90 000 ÷ 80 000 = 1,125: half a cent, rounded up to 1,13 (truncated: 1,12).
    # Liquidité (60 000 + 5 000) ÷ (50 000 + 45 000) = 0,6842… → 0,68.
    s = equilibre.solve(CAS_B)
    assert (s["frng"], s["bfr"], s["tresorerie_nette"]) == ("-30000.00", "10000.00", "-40000.00")
    assert s["ratios"] == {"autonomie_financiere": "1.13", "liquidite_generale": "0.68"}
    assert s["lecture"] == {"situation": "frng_insuffisant", "remede": "ressources_stables"}
    wrong = grade(CAS_B, ratios={"autonomie_financiere": "1,12"})
    assert wrong["codes"] == ["RATIO_TRONQUE"]
    late = grade(CAS_B, lecture={"situation": "bfr_trop_eleve"})
    assert late["codes"] == ["LECTURE_SANS_FRNG"]


def test_a_ratio_of_exactly_1_005_rounds_up_to_1_01():
    # Autonomie 20 100 ÷ 20 000 = 1,005 exactly → 1,01 half up (a binary float says 1,00).
    # Balance: 100 000 + 50 000 + 100 = 150 100 = (20 100 + 30 000 + 20 000) + 10 000 + 70 000.
    params = bilan(
        ("Matériel", "immobilisation", "100000"),
        ("Amortissements", "amortissement", "30000"),
        ("Capital", "capitaux_propres", "20100"),
        ("Emprunts", "emprunt", "20000"),
        ("Créances clients", "creance_exploitation", "50000"),
        ("Disponibilités", "disponibilites", "100"),
        ("Dettes fournisseurs", "dette_exploitation", "10000"),
        ("Concours bancaires courants", "concours_bancaires", "70000"),
    )
    assert equilibre.solve(params)["ratios"]["autonomie_financiere"] == "1.01"
    assert grade(params, ratios={"autonomie_financiere": "1"})["codes"] == ["RATIO_TRONQUE"]


def test_case_c_reclassified_from_the_accounting_sheet():
    # Emplois stables: 80 000 brut. Ressources stables: 31 000 + 30 000 + 2 000 + 3 000 + 25 000
    # = 91 000. Exploitation: 12 000 + 20 000 (brut) + 1 000 = 33 000; hors exploitation 3 000;
    # trésorerie active 4 000. Dettes d'exploitation 9 000 + 7 000 + 2 000 = 18 000; hors
    # exploitation 5 000; trésorerie passive 6 000. (120 000 on each side.)
    # FRNG 11 000; BFRE 15 000; BFRHE 3 000 − 5 000 = −2 000; BFR 13 000; TN −2 000.
    s = equilibre.solve(CAS_C)
    assert [p["masse"] for p in s["postes"]][:5] == [
        "emplois_stables",
        "ressources_stables",
        "actif_exploitation",
        "actif_exploitation",
        "ressources_stables",
    ]
    assert s["masses"]["ressources_stables"] == "91000.00"
    assert (s["masses"]["actif_exploitation"], s["masses"]["dettes_exploitation"]) == (
        "33000.00",
        "18000.00",
    )
    assert (s["frng"], s["bfre"], s["bfrhe"], s["bfr"]) == (
        "11000.00",
        "15000.00",
        "-2000.00",
        "13000.00",
    )
    assert (s["tresorerie_nette"], s["verification"]) == ("-2000.00", "-2000.00")


def test_case_c_ratios_and_the_net_reading_of_liquidity():
    # Autonomie 31 000 ÷ 25 000 = 1,24; couverture 91 000 ÷ 80 000 = 1,1375 → 1,14.
    # Liquidité (33 000 + 3 000 + 4 000) ÷ (18 000 + 5 000 + 6 000) = 40 000 ÷ 29 000 = 1,379…
    # → 1,38; with the receivables net of their impairment, 38 000 ÷ 29 000 = 1,310… → 1,31,
    # the other reading textbooks use, accepted too.
    s = equilibre.solve(CAS_C)
    assert s["ratios"] == {
        "autonomie_financiere": "1.24",
        "liquidite_generale": "1.38",
        "couverture_emplois_stables": "1.14",
    }
    assert grade(CAS_C, ratios={"liquidite_generale": "1,31"})["ratios.liquidite_generale"][
        "correct"
    ]


def test_misclassified_lines_are_named_and_their_masses_carried():
    # The overdraft (line 14) put in stable resources: 91 000 + 6 000 = 97 000 of stable
    # resources and no passive cash, right from the student's own classification.
    postes = [{} for _ in CAS_C["postes"]]
    postes[13] = {"masse": "ressources_stables"}
    result = grade(
        CAS_C,
        postes=postes,
        masses={"ressources_stables": "97 000", "tresorerie_passive": "0"},
    )
    assert result["codes"] == ["CONCOURS_EN_RESSOURCES_STABLES"]
    assert not result["postes.13.masse"]["correct"]
    assert result["masses.ressources_stables"]["correct"]
    assert "erreur reportée" in result["masses.ressources_stables"]["message"]
    # The amortisation put with the fixed assets is deducted: 80 000 − 30 000 = 50 000.
    postes = [{} for _ in CAS_C["postes"]]
    postes[1] = {"masse": "emplois_stables"}
    result = grade(CAS_C, postes=postes, masses={"emplois_stables": "50000"})
    assert result["codes"] == ["CLASSEMENT_AMORTISSEMENTS"]
    assert result["masses.emplois_stables"]["correct"]
    # The debt to the equipment supplier counted as an operating debt.
    postes = [{} for _ in CAS_C["postes"]]
    postes[16] = {"masse": "dettes_exploitation"}
    assert grade(CAS_C, postes=postes)["codes"] == ["DETTE_IMMOBILISATION_EN_EXPLOITATION"]


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        # Fixed assets net of amortisation: 150 000 − 50 000 = 100 000.
        ({"masses": {"emplois_stables": "100000"}}, "EMPLOIS_NETS"),
        # Stable resources without the amortisation: 155 000 − 50 000 = 105 000.
        ({"masses": {"ressources_stables": "105000"}}, "AMORTISSEMENTS_OUBLIES"),
        ({"frng": "-5000"}, "FRNG_INVERSE"),  # 150 000 − 155 000
        ({"bfr": "-15000"}, "BFR_INVERSE"),  # 30 000 − 45 000
        # With cash: (45 000 + 5 000) − (30 000 + 15 000) = 5 000.
        ({"bfr": "5000"}, "BFR_AVEC_TRESORERIE"),
        ({"tresorerie_nette": "5000"}, "TRESORERIE_SANS_CONCOURS"),  # the overdraft forgotten
        ({"verification": "10000"}, "VERIFICATION_INVERSEE"),  # 15 000 − 5 000
        ({"ratios": {"autonomie_financiere": "0,40"}}, "RATIO_INVERSE"),  # 30 000 ÷ 75 000
        ({"ratios": {"autonomie_financiere": "250"}}, "RATIO_EN_POURCENTAGE"),
        ({"lecture": {"situation": "equilibre"}}, "LECTURE_MALGRE_TRESORERIE"),
        ({"lecture": {"remede": "decouvert"}}, "REMEDE_DECOUVERT"),
    ],
)
def test_each_wrong_method_is_named(answer, code):
    result = grade(CAS_A, **answer)
    assert result["codes"] == [code]
    assert all(not c["correct"] for k, c in result.items() if k != "codes")


def test_an_error_is_carried_forward():
    # Stable resources written 160 000 instead of 155 000: FRNG 160 000 − 150 000 = 10 000 and
    # the check 10 000 − 15 000 = −5 000 are right from them; net cash does not depend on them.
    result = grade(
        CAS_A,
        masses={"ressources_stables": "160 000,00 €"},
        frng="10000",
        bfr="15000",
        tresorerie_nette="-10000",
        verification="-5000",
        lecture={"situation": "bfr_trop_eleve", "remede": "reduire_bfr"},
    )
    assert not result["masses.ressources_stables"]["correct"]
    for champ in ("frng", "verification"):
        assert result[champ]["correct"] and "erreur reportée" in result[champ]["message"]
    assert result["codes"] == []
    # The reading follows the student's own net cash: +5 000 (overdraft forgotten) reads as a
    # balance, and its remedy « garder l'équilibre » is right from it.
    result = grade(
        CAS_A, tresorerie_nette="5000", lecture={"situation": "equilibre", "remede": "maintenir"}
    )
    assert result["codes"] == ["TRESORERIE_SANS_CONCOURS"]
    assert result["lecture.situation"]["correct"] and result["lecture.remede"]["correct"]


def test_answers_are_read_the_french_way_and_a_percentage_is_a_format_error():
    result = grade(CAS_A, frng="5 000,00 €", ratios={"liquidite_generale": "1,11"})
    assert result["frng"]["correct"] and result["ratios.liquidite_generale"]["correct"]
    assert equilibre.read({"ratios": {"liquidite_generale": "111 %"}}).erreurs
    assert grade(CAS_A, frng="")["frng"]["message"] == "Champ non rempli."


def test_each_level_puts_its_own_questions():
    org = generate_company(4, "association_sportive")
    un, deux, trois = (equilibre.generate(4, n, org).params for n in (1, 2, 3))
    assert un["presentation"] == deux["presentation"] == "fonctionnel"
    assert trois["presentation"] == "comptable"
    assert all(int(p["montant"]) % 100 == 0 for p in un["postes"])  # round hundreds, guided
    assert len(un["postes"]) < len(trois["postes"])
    assert "bfrhe" in equilibre.solve(trois) and "bfrhe" not in equilibre.solve(deux)
    assert "Fonds associatifs" in equilibre.generate(4, 1, org).enonce
    natures = {p["nature"] for p in trois["postes"]}
    assert {"dette_immobilisation", "charge_constatee_avance", "amortissement"} <= natures


def test_every_status_has_its_wording():
    regie = equilibre.generate(2, 2, generate_company(2, "regie_eau"))
    assert regie.params["organisation"]["statut"] == "service_public"
    assert "Dotation de la collectivité" in regie.enonce
    club = equilibre.generate(2, 2, generate_company(2, "association_sportive"))
    assert club.params["organisation"]["statut"] == "association"
    assert "Capital" not in club.enonce


@pytest.mark.parametrize("situation", ["equilibre", "frng_insuffisant", "bfr_trop_eleve"])
def test_a_mission_can_set_the_situation(situation):
    for seed in range(6):
        org = generate_company(seed)
        params = equilibre.generate(seed, 2, org, {"situation": situation}).params
        assert equilibre.solve(params)["lecture"]["situation"] == situation


def test_the_level_3_form_has_a_list_per_line(form_html):
    params = equilibre.generate(5, 3, generate_company(5)).params
    html = form_html("equilibre_financier", params, 3, AnswerForm())
    assert html.count('name="postes.') == len(params["postes"])
    assert 'name="ratios.couverture_emplois_stables"' in html and "style=" not in html
    simple = form_html(
        "equilibre_financier", equilibre.generate(5, 1, generate_company(5)).params, 1, AnswerForm()
    )
    assert 'name="postes.' not in simple and 'name="bfre"' not in simple


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda p: p["postes"].pop(), "pas équilibré"),
        (lambda p: p["postes"][6].update(nature="concours_bancaires"), "aucun emprunt"),
        (lambda p: p["postes"][0].update(nature="brevet"), "nature inconnue"),
        (lambda p: p["postes"][0].update(montant="12,345"), "centime"),
        (lambda p: p.update(presentation=["comptable"]), "presentation"),
        (
            lambda p: p["postes"].append(
                {"libelle": "Dette", "nature": "dette_immobilisation", "montant": "0"}
            ),
            "hors exploitation",
        ),
    ],
)
def test_unusable_params_are_refused_in_one_french_line(change, words):
    import copy

    params = copy.deepcopy(CAS_A)
    change(params)
    with pytest.raises(InvalidInput) as error:
        equilibre.check_params(params)
    assert words in str(error.value) and "\n" not in str(error.value)
