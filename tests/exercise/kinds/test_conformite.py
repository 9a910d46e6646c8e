"""The conformite kind, beyond the shared contract: hand-checked registers and supplier files
(each check done step by step in the comments: limits, days passed, periodicities added to the
last check with the month-end rule, Luhn and IBAN keys, the 5 000 € and six-month vigilance
rule), the exact boundaries (a value equal to its limit is allowed: the counterpart here of the
half-cent rounding traps, since no amount is computed), the named method errors, actions carried
forward, what each level and option puts in the exercise, and the refused params."""

from __future__ import annotations

from datetime import date

import pytest

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.kinds.conformite import KIND as conformite
from agora.exercise.kinds.conformite.controles import plus_mois
from agora.exercise.kinds.conformite.registres import REGISTRE_DU_SECTEUR

CONTROLE = "2026-03-12"
# SIRET 732 829 320 00074 (python-stdnum's example), Luhn by hand: digits from the right
# 4 7 0 0 0 0 2 3 9 2 8 2 3 7, every second one doubled (minus 9 above 9):
# 4 + 5 + 0 + 0 + 0 + 0 + 2 + 6 + 9 + 4 + 8 + 4 + 3 + 5 = 50, a multiple of 10: valid.
# …00075: the sum becomes 51, not a multiple of 10: invalid.
SIRET, SIRET_FAUX = "73282932000074", "73282932000075"
# Other establishments of that SIREN: …00017 → 7 + 2 + 0 + 0 + 0 + 0 + 2 + 6 + 9 + 4 + 8 + 4
# + 3 + 5 = 50, …00025 → 5 + 4 + 0 + 0 + 0 + 0 + 2 + 6 + 9 + 4 + 8 + 4 + 3 + 5 = 50: both valid.
# 552 081 317 665 22 (INSEE's example): from the right 2 2 5 6 6 7 1 3 1 8 0 2 5 5 →
# 2 + 4 + 5 + 3 + 6 + 5 + 1 + 6 + 1 + 7 + 0 + 4 + 5 + 1 = 50: valid.
SIRETS = ("73282932000017", "73282932000025", "55208131766522")
# IBAN of the ECBS example: FR76 3000 6000 0112 3456 7890 189 (27 characters, key 76 and RIB
# key 89 right); the last digit changed to 0 breaks both keys.
IBAN, IBAN_FAUX = "FR7630006000011234567890189", "FR7630006000011234567890180"


def ligne(controle: str, objet: str = "Objet", jour: str = "2026-03-10", **champs) -> dict:
    row = {
        "date": jour,
        "controle": controle,
        "objet": objet,
        "code": None,
        "valeur": None,
        "echeance": None,
        "lot": None,
        "fournisseur": None,
    }
    row.update(champs)
    return row


def fournisseur(code: str, **champs) -> dict:
    """A clean supplier record: valid SIRET and IBAN, a 12 000 € contract, a recent attestation."""
    record = {
        "code": code,
        "nom": f"Fournisseur {code}",
        "siret": SIRET,
        "iban": IBAN,
        "email": f"{code.lower()}@exemple.fr",
        "montant_contrat": "12000.00",
        "attestation_vigilance": "2026-01-05",
    }
    record.update(champs)
    return record


def registre(*lignes: dict, registre: str = "haccp", fournisseurs=(), rappels=()) -> dict:
    return {
        "secteur": "Boulangerie-pâtisserie artisanale",
        "registre": registre,
        "date_controle": CONTROLE,
        "indices": False,
        "lignes": list(lignes),
        "rappels": list(rappels),
        "fournisseurs": list(fournisseurs),
    }


def anomalies(params: dict, partie: str = "lignes") -> list[str]:
    return [r["anomalie"] for r in conformite.solve(params).get(partie, [])]


def codes(params: dict, answer: dict) -> set[str]:
    return {d.code for d in conformite.grade(params, answer).diagnostics}


def test_cold_chain_limits_are_allowed_and_a_tenth_above_is_not():
    # +4.0 °C ≤ +4: conforming; +4.1 > +4: out of range; −18.0 ≤ −18: conforming;
    # −17.9 > −18: out of range (a freezer at −17.9 °C is not cold enough).
    params = registre(
        ligne("froid_positif", valeur="4.0"),
        ligne("froid_positif", valeur="4.1"),
        ligne("froid_negatif", valeur="-18.0"),
        ligne("froid_negatif", valeur="-17.9"),
    )
    assert anomalies(params) == [
        "aucune",
        "temperature_hors_plage",
        "aucune",
        "temperature_hors_plage",
    ]
    assert conformite.solve(params)["lignes"][1]["action"] == "reparer"


def test_a_freezer_judged_with_the_fridge_limit_is_named():
    # −15.0 °C: above −18 (non-conforming) but below +4: the fridge's limit applied to it.
    params = registre(ligne("froid_negatif", valeur="-15.0"))
    answer = {"lignes": [{"anomalie": "aucune", "action": "aucune"}]}
    grade = conformite.grade(params, answer)
    assert codes(params, answer) == {"SEUILS_CONFONDUS"}
    # the action « aucune » is right from the student's own finding: carried forward.
    assert [c.correct for c in grade.champs] == [False, True]
    assert grade.score == 0.5


def test_use_by_date_is_allowed_on_the_day_and_passed_the_day_after():
    # DLC 12/03 on the 12/03: still sold; DLC 11/03 on the 12/03: passed by one day.
    params = registre(
        ligne("dlc", echeance="2026-03-12", lot="L1"), ligne("dlc", echeance="2026-03-11", lot="L2")
    )
    assert anomalies(params) == ["aucune", "dlc_depassee"]
    answer = {"lignes": [{"anomalie": "dlc_depassee"}, {"anomalie": "aucune"}]}
    assert codes(params, answer) == {"LIMITE_PERMISE", "ECHEANCE_DEPASSEE"}


def test_a_passed_best_before_date_is_not_a_non_conformity():
    # DDM 01/02 on the 12/03: passed, but the product may still be sold.
    params = registre(ligne("ddm", echeance="2026-02-01", lot="L3"))
    assert anomalies(params) == ["aucune"]
    answer = {"lignes": [{"anomalie": "dlc_depassee", "action": "jeter"}]}
    grade = conformite.grade(params, answer)
    assert codes(params, answer) == {"DDM_COMME_DLC"}
    # « jeter » is what the student's own finding (DLC passed) calls for: carried forward.
    assert [c.correct for c in grade.champs] == [False, True]
    assert "erreur reportée" in grade.champs[1].message


def test_periodic_checks_add_the_periodicity_to_the_last_check():
    # Extinguishers every 12 months: last 12/03/2025 → due 12/03/2026 = the check: on time;
    # last 11/03/2025 → due 11/03/2026 < 12/03/2026: late. Scaffold every 3 months: last
    # 12/12/2025 → due 12/03/2026: on time; last 10/12/2025 → due 10/03/2026: late.
    params = registre(
        ligne("verification", jour="2025-03-12", code="extincteurs"),
        ligne("verification", jour="2025-03-11", code="extincteurs"),
        ligne("verification", jour="2025-12-12", code="echafaudage"),
        ligne("verification", jour="2025-12-10", code="echafaudage"),
        registre="chantier",
    )
    assert anomalies(params) == [
        "aucune",
        "verification_en_retard",
        "aucune",
        "verification_en_retard",
    ]
    assert conformite.solve(params)["lignes"][1]["action"] == "relancer_controle"


def test_a_month_end_last_check_falls_due_on_the_last_day_of_the_month():
    # 31/08/2025 + 6 months: there is no 31/02/2026, so the 28/02/2026 (2026 is not a leap year).
    assert plus_mois(date(2025, 8, 31), 6) == date(2026, 2, 28)
    params = registre(
        ligne("verification", jour="2025-08-31", code="chariot_elevateur"), registre="tracabilite"
    )
    assert anomalies({**params, "date_controle": "2026-02-28"}) == ["aucune"]
    assert anomalies({**params, "date_controle": "2026-03-01"}) == ["verification_en_retard"]


def test_water_analyses_above_the_quality_limit_only():
    # Nitrates 50 ≤ 50: conforming; 51 > 50: not. Nitrites 0.50 ≤ 0.50; 0.51 > 0.50.
    # E. coli 0 ≤ 0: conforming; 1 > 0: not (any germ is too many).
    params = registre(
        ligne("analyse", code="nitrates", valeur="50"),
        ligne("analyse", code="nitrates", valeur="51"),
        ligne("analyse", code="nitrites", valeur="0.50"),
        ligne("analyse", code="nitrites", valeur="0.51"),
        ligne("analyse", code="e_coli", valeur="0"),
        ligne("analyse", code="e_coli", valeur="1"),
        registre="eau",
    )
    assert anomalies(params) == ["aucune", "analyse_non_conforme"] * 3
    assert {r["action"] for r in conformite.solve(params)["lignes"][1::2]} == {"informer_ars"}


def test_lots_without_supplier_or_recalled_and_the_neighbouring_lot():
    # L12345 recalled; L12346 (one digit away) is not; a lot with no supplier is isolated.
    params = registre(
        ligne("lot", lot="L12345", fournisseur="Papeteries Martin"),
        ligne("lot", lot="L12346", fournisseur="Papeteries Martin"),
        ligne("lot", lot="L55555"),
        registre="tracabilite",
        rappels=["L12345"],
    )
    assert anomalies(params) == ["lot_rappele", "aucune", "lot_sans_fournisseur"]
    answer = {"lignes": [{}, {"anomalie": "lot_rappele"}, {}]}
    assert codes(params, answer) == {"FAUSSE_ANOMALIE"}


def test_ten_year_insurance_valid_until_its_last_day():
    # Valid until 12/03/2026 on the 12/03: covered; until 11/03/2026: expired.
    params = registre(
        ligne("decennale", echeance="2026-03-12"),
        ligne("decennale", echeance="2026-03-11"),
        registre="chantier",
    )
    assert anomalies(params) == ["aucune", "decennale_expiree"]
    assert conformite.solve(params)["lignes"][1]["action"] == "demander_attestation"


def test_vigilance_every_six_months_from_5000_euros():
    # 5 000.00 € ≥ 5 000: required. Attestation 12/09/2025 + 6 months = 12/03/2026 = the check:
    # valid; 11/09/2025 → 11/03/2026 < 12/03/2026: out of date; none at all: missing.
    # 4 999.99 € < 5 000: not required, none is fine.
    params = registre(
        ligne("froid_positif", valeur="2.0"),
        fournisseurs=[
            fournisseur("F001", montant_contrat="5000.00", attestation_vigilance="2025-09-12"),
            fournisseur(
                "F002",
                montant_contrat="5000.00",
                attestation_vigilance="2025-09-11",
                siret=SIRETS[0],
            ),
            fournisseur("F003", attestation_vigilance=None, siret=SIRETS[1]),
            fournisseur(
                "F004", montant_contrat="4999.99", attestation_vigilance=None, siret=SIRETS[2]
            ),
        ],
    )
    assert anomalies(params, "fournisseurs") == [
        "aucune",
        "vigilance_perimee",
        "vigilance_perimee",
        "aucune",
    ]
    flagged = {"anomalie": "vigilance_perimee", "action": "demander_attestation"}
    answer = {"fournisseurs": [flagged, {"anomalie": "aucune"}, {}, flagged]}
    assert codes(params, answer) == {"LIMITE_PERMISE", "VIGILANCE_6_MOIS", "VIGILANCE_SOUS_SEUIL"}


def test_supplier_keys_missing_siret_and_duplicates():
    params = registre(
        ligne("froid_positif", valeur="2.0"),
        fournisseurs=[
            fournisseur("F001"),
            fournisseur("F002", siret=SIRET_FAUX),
            fournisseur("F003", siret="7328293200007"),  # 13 digits
            fournisseur("F004", iban=IBAN_FAUX, siret=SIRETS[2]),
            fournisseur("F005", siret=None),
            fournisseur("F006"),  # the SIRET of F001: a duplicate of the earlier record
        ],
    )
    assert anomalies(params, "fournisseurs") == [
        "aucune",
        "siret_invalide",
        "siret_invalide",
        "iban_invalide",
        "siret_manquant",
        "doublon",
    ]
    answer = {"fournisseurs": [{"anomalie": "siret_invalide"}, {"anomalie": "aucune"}]}
    assert codes(params, answer) == {"SIRET_VALIDE_SIGNALE", "CLE_NON_VERIFIEE"}
    assert conformite.solve(params)["fournisseurs"][5]["action"] == "fusionner"


def test_wrong_type_with_its_own_action_is_carried_forward_and_wrong_action_named():
    params = registre(ligne("froid_positif", valeur="7.5"), ligne("froid_positif", valeur="6.0"))
    answer = {
        "lignes": [
            {"anomalie": "dlc_depassee", "action": "jeter"},  # wrong type, its own action
            {"anomalie": "temperature_hors_plage", "action": "jeter"},  # right type, wrong action
        ]
    }
    grade = conformite.grade(params, answer)
    assert [c.correct for c in grade.champs] == [False, True, True, False]
    assert codes(params, answer) == {"MAUVAIS_TYPE", "ACTION_INADAPTEE"}
    assert grade.competences == [("2.1.4", 0.5)]


def test_each_sector_keeps_its_register_and_levels_shape_the_exercise():
    for secteur in ("boulangerie", "grossiste_fournitures", "batiment", "regie_eau", "librairie"):
        org = generate_company(5, secteur)
        v = conformite.generate(11, 2, org, {"fournisseurs": "oui"})
        assert v.params["registre"] == REGISTRE_DU_SECTEUR.get(secteur, "securite")
        assert org.raison_sociale in v.enonce
    org = generate_company(5, "restaurant")
    un = conformite.generate(3, 1, org, {"fournisseurs": "oui"})
    assert "Indice : 2 lignes du registre ne sont pas conformes" in un.enonce
    assert len(un.params["lignes"]) == 6 and len(un.params["fournisseurs"]) == 4
    trois = conformite.generate(3, 3, org, {"fournisseurs": "oui"})
    assert len(trois.params["lignes"]) == 12 and "Indice" not in trois.enonce
    assert sum(a != "aucune" for a in anomalies(trois.params)) == 4
    seul = conformite.generate(3, 2, org, {"fournisseurs": "non"})
    assert seul.params["fournisseurs"] == [] and "fournisseurs" not in conformite.solve(seul.params)
    grade = conformite.grade(seul.params, conformite.solve(seul.params))
    assert grade.competences == [("2.1.4", 1)]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"lignes": [ligne("verification")]}, "« code » manque"),
        ({"lignes": [ligne("analyse", code="mercure", valeur="1")]}, "paramètre"),
        ({"registre": "piscine"}, "registre inconnu"),
        ({"lignes": [ligne("froid_positif", valeur="chaud")]}, "valeur de la ligne 1"),
    ],
)
def test_unusable_params_are_refused_in_one_french_line(change, message):
    params = {**registre(ligne("froid_positif", valeur="2.0")), **change}
    with pytest.raises(InvalidInput) as erreur:
        conformite.check_params(params)
    assert message in str(erreur.value) and "\n" not in str(erreur.value)


def test_a_fridge_judged_with_the_freezer_limit_is_named():
    # +2.5 °C ≤ +4: conforming; flagged, it was judged against −18 °C. +4.0 flagged: the limit.
    params = registre(ligne("froid_positif", valeur="2.5"), ligne("froid_positif", valeur="4.0"))
    hors_plage = {"anomalie": "temperature_hors_plage", "action": "reparer"}
    answer = {"lignes": [hors_plage, hors_plage]}
    assert codes(params, answer) == {"SEUILS_CONFONDUS", "LIMITE_PERMISE"}
