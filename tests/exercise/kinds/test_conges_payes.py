"""The conges_payes kind, beyond the shared contract: hand-checked leave cases (each computed step
by step in the comments; own computation on the 2026 calendar, rules of the Code du travail as
docs/exercices/conges_payes.md states them), rounding at half a cent, the named wrong methods,
errors carried forward, what each level puts in the exercise, and the refused params."""

from __future__ import annotations

import copy

import pytest

import agora
from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.forms import AnswerForm
from agora.exercise.kinds.conges_payes import KIND as conges
from agora.exercise.kinds.conges_payes.statement import CONTEXTE

# A bakery's shop team in summer 2026 (the example of the contract page). Calendar of 2026:
# July: Sundays 5, 12, 19, 26; Tuesday 14 July is a public holiday.
# August: Sundays 2, 9, 16, 23, 30; Saturday 15 August is a public holiday.
MAGASIN = {
    "decompte": "ouvrables",
    "periode_reference": {"debut": "2025-06-01", "fin": "2026-05-31"},
    "ete": {"debut": "2026-05-01", "fin": "2026-10-31"},
    "jours_feries": [
        {"date": "2026-07-14", "nom": "Fête nationale"},
        {"date": "2026-08-15", "nom": "Assomption"},
    ],
    "equipe": {"service": "Magasin", "effectif": 4, "presents_minimum": 3, "autres": ["Paul"]},
    "priorite": "anciennete",
    "salaries": [
        {
            "id": "E1",
            "prenom": "Léa",
            "nom": "Martin",
            "emploi": "Vendeuse",
            "date_entree": "2018-03-12",
            "salaire_mensuel": "1950.00",
            "absences": [{"motif": "maladie", "debut": "2026-01-01", "fin": "2026-02-28"}],
            "demande": {"date": "2026-02-10", "depart": "2026-07-06", "reprise": "2026-07-27"},
        },
        {
            "id": "E2",
            "prenom": "Hugo",
            "nom": "Petit",
            "emploi": "Vendeur",
            "date_entree": "2025-10-20",
            "salaire_mensuel": "1823.03",
            "absences": [],
            "mois_incomplet": {"mois": "2025-10", "jours_travailles": 11, "raison": "entree"},
            "demande": {"date": "2026-03-01", "depart": "2026-08-17", "reprise": "2026-08-31"},
        },
        {
            "id": "E3",
            "prenom": "Inès",
            "nom": "Roux",
            "emploi": "Vendeuse",
            "date_entree": "2020-09-01",
            "salaire_mensuel": "2100.00",
            "absences": [{"motif": "accident_travail", "debut": "2025-11-01", "fin": "2025-11-30"}],
            "demande": {"date": "2026-01-15", "depart": "2026-07-20", "reprise": "2026-08-03"},
        },
    ],
    "indemnite": {"salarie": "E1", "brut_reference": "21456.75"},
}


def magasin(**changes) -> dict:
    return copy.deepcopy(MAGASIN) | changes


def ligne(solution: dict, i: int) -> dict:
    return solution["salaries"][i]


def grade(params: dict, answer: dict) -> dict:
    """The grading JSON's verdicts by field, and its diagnostic codes under « codes »."""
    document = conges.grade(params, answer).to_json()
    verdicts = {c["champ"]: c for c in document["champs"]}
    return verdicts | {"codes": [d["code"] for d in document["diagnostics"]]}


def test_sick_months_give_two_days_and_a_full_year_thirty():
    # Léa: June–Dec 2025 and March–May 2026 worked = 10 months × 2,5 = 25;
    # January–February 2026 sick (non occupational) = 2 × 2 = 4 (L3141-5-1) → 29.
    # Inès: 11 months worked + 1 month of occupational accident (counted as work, L3141-5 5°)
    # = 12 × 2,5 = 30, the ceiling (L3141-3).
    s = conges.solve(magasin())
    assert (ligne(s, 0)["acquis"], ligne(s, 2)["acquis"]) == ("29", "30")


def test_a_whole_year_of_sick_leave_gives_twenty_four_days():
    # 12 months × 2 = 24, the ceiling of L3141-5-1.
    params = magasin()
    params["salaries"][2]["absences"] = [
        {"motif": "maladie", "debut": "2025-06-01", "fin": "2026-05-31"}
    ]
    assert ligne(conges.solve(params), 2)["acquis"] == "24"


def test_a_part_month_counts_pro_rata_and_the_total_is_rounded_up():
    # Hugo entered on Monday 20 October 2025: 20–25 and 27–31 October = 11 jours ouvrables.
    # November to May = 7 months × 2,5 = 17,5; October 2,5 × 11 ÷ 24 = 1,1458…
    # 17,5 + 1,1458 = 18,6458… → 19 (L3141-7: raised to the next whole day).
    assert ligne(conges.solve(magasin()), 1)["acquis"] == "19"


def test_even_a_tiny_fraction_is_rounded_up_and_rounding_down_is_named():
    # 11 months × 2,5 = 27,5 + one day worked in June: 2,5 × 1 ÷ 24 = 0,104… → 27,604… → 28.
    params = magasin()
    params["salaries"][2]["absences"] = []
    params["salaries"][2]["mois_incomplet"] = {"mois": "2025-06", "jours_travailles": 1}
    assert ligne(conges.solve(params), 2)["acquis"] == "28"
    result = grade(params, {"salaries": [{}, {}, {"acquis": "27"}]})
    assert not result["salaries.2.acquis"]["correct"]
    assert result["codes"] == ["ARRONDI_INFERIEUR"]


def test_days_taken_in_jours_ouvrables_leave_out_sundays_and_holidays():
    # Léa, 6 July to the eve of 27 July: 6–11 (6) + 13–18 without Tuesday 14 (5) + 20–25 (6) = 17.
    # Hugo, 17 to 29 August: 17–22 (6) + 24–29 (6) = 12.  Inès, 20 July – 1 August = 12.
    s = conges.solve(magasin())
    assert [ligne(s, i)["pris"] for i in range(3)] == ["17", "12", "12"]


def test_days_taken_in_jours_ouvres_and_rights_converted():
    # Rights × 5 ÷ 6 raised: 29 → 24,17 → 25; 19 → 15,83 → 16; 30 → 25.
    # Léa 6–24 July: 15 weekdays − 14 July = 14.  Hugo 17–28 August: 10.  Inès 20–31 July: 10.
    s = conges.solve(magasin(decompte="ouvres"))
    assert [ligne(s, i)["acquis_ouvres"] for i in range(3)] == ["25", "16", "25"]
    assert [ligne(s, i)["pris"] for i in range(3)] == ["14", "10", "10"]
    assert [ligne(s, i)["reste"] for i in range(3)] == ["11", "6", "25"]


def test_a_holiday_on_a_saturday_counts_only_in_jours_ouvrables():
    # 3 August to the eve of 24 August: Mon–Sat ×3 = 18 − Saturday 15 August = 17 ouvrables;
    # Mon–Fri ×3 = 15 ouvrés (the Saturday holiday was not counted anyway).
    params = magasin()
    params["salaries"][1]["demande"] |= {"depart": "2026-08-03", "reprise": "2026-08-24"}
    assert ligne(conges.solve(params), 1)["pris"] == "17"
    params["decompte"] = "ouvres"
    assert ligne(conges.solve(params), 1)["pris"] == "15"


def test_requests_are_decided_in_priority_order_against_the_staffing_rule():
    # By seniority: Léa (2018), Inès (2020), Hugo (2025). Léa is granted (6–26 July). Inès
    # (20 July – 2 August) would leave 4 − 2 = 2 present on 20–26 July, below 3: refused.
    # Hugo (17–30 August) overlaps nobody granted: granted. Rest: 29 − 17 = 12, 30, 19 − 12 = 7.
    s = conges.solve(magasin())
    assert [ligne(s, i)["decision"] for i in range(3)] == ["accorde", "accorde", "refuse_effectif"]
    assert [ligne(s, i)["reste"] for i in range(3)] == ["12", "7", "30"]
    # By request date, Inès (15 January) comes before Léa (10 February): Léa is refused.
    s = conges.solve(magasin(priorite="date_demande"))
    assert [ligne(s, i)["decision"] for i in range(3)] == ["refuse_effectif", "accorde", "accorde"]


def test_too_short_too_long_and_too_many_days_are_refused():
    params = magasin()
    # Hugo: one week, 17–22 August = 6 jours ouvrables < 12: refused for its length.
    params["salaries"][1]["demande"]["reprise"] = "2026-08-24"
    assert ligne(conges.solve(params), 1)["decision"] == "refuse_duree"
    # Five weeks, 17 August – 19 September = 30 jours ouvrables > 24: refused too.
    params["salaries"][1]["demande"]["reprise"] = "2026-09-21"
    assert ligne(conges.solve(params), 1)["decision"] == "refuse_duree"
    # Four weeks, 3–29 August = 24 − 15 August = 23 ouvrables ≤ 24, but 23 > 19 acquired.
    params["salaries"][1]["demande"] |= {"depart": "2026-08-03", "reprise": "2026-08-31"}
    solution = conges.solve(params)
    assert (ligne(solution, 1)["pris"], ligne(solution, 1)["decision"]) == ("23", "refuse_droits")
    assert ligne(solution, 1)["reste"] == "19"


def test_leave_pay_the_tenth_rounded_at_half_a_cent_against_salary_maintenance():
    # Tenth: 21 456,75 ÷ 10 = 2 145,675 → 2 145,68 (half a cent, rounded up).
    # For 17 of 29 days: 2 145,68 × 17 ÷ 29 = 36 476,56 ÷ 29 = 1 257,812… → 1 257,81.
    # July 2026: 31 − 4 Sundays − 14 July = 26 jours ouvrables; 1 950,00 ÷ 26 = 75,00;
    # 75,00 × 17 = 1 275,00 > 1 257,81: maintenance is paid.
    pay = conges.solve(magasin())["indemnite"]
    assert pay == {
        "dixieme_total": "2145.68",
        "dixieme": "1257.81",
        "jours_mois": "26",
        "valeur_jour": "75.00",
        "maintien": "1275.00",
        "montant": "1275.00",
    }
    result = grade(magasin(), {"indemnite": {"dixieme_total": "2145,67", "montant": "1257,81"}})
    assert result["codes"] == ["DIXIEME_TRONQUE", "MOINS_FAVORABLE"]


def test_leave_pay_in_jours_ouvres_and_the_other_rounding_accepted():
    # Tenth 2 145,68 × 14 ÷ 25 = 1 201,5808 → 1 201,58.  July: 23 weekdays − 14 July = 22;
    # 1 950 ÷ 22 = 88,636… → 88,64; 88,64 × 14 = 1 240,96 (1 950 × 14 ÷ 22 = 1 240,909… →
    # 1 240,91, the day not rounded, is accepted too).
    params = magasin(decompte="ouvres")
    pay = conges.solve(params)["indemnite"]
    assert (pay["dixieme"], pay["jours_mois"], pay["valeur_jour"]) == ("1201.58", "22", "88.64")
    assert (pay["maintien"], pay["montant"]) == ("1240.96", "1240.96")
    assert grade(params, {"indemnite": {"maintien": "1 240,91 €"}})["indemnite.maintien"]["correct"]


def test_a_days_value_at_half_a_cent_is_rounded_up():
    # 2 670,91 ÷ 22 jours ouvrés of July = 121,405 → 121,41; × 14 = 1 699,74.
    params = magasin(decompte="ouvres")
    params["salaries"][0]["salaire_mensuel"] = "2670.91"
    pay = conges.solve(params)["indemnite"]
    assert (pay["valeur_jour"], pay["maintien"]) == ("121.41", "1699.74")


def test_named_wrong_methods_on_days():
    params = magasin()
    # Léa counted as if sick months were worked: 12 × 2,5 = 30; as if they gave nothing: 25.
    assert grade(params, {"salaries": [{"acquis": "30"}]})["codes"] == ["MALADIE_COMME_TRAVAIL"]
    assert grade(params, {"salaries": [{"acquis": "25"}]})["codes"] == ["MALADIE_NON_COMPTEE"]
    # Inès without her accident month: 11 × 2,5 = 27,5 → 28.
    answer = {"salaries": [{}, {}, {"acquis": "28"}]}
    assert grade(params, answer)["codes"] == ["ASSIMILE_NON_COMPTE"]
    # Hugo counting the return day: 17 August – 31 August = 13; calendar days: 14.
    assert grade(params, {"salaries": [{}, {"pris": "13"}]})["codes"] == ["REPRISE_COMPTEE"]
    assert grade(params, {"salaries": [{}, {"pris": "14"}]})["codes"] == ["JOURS_CALENDAIRES"]
    # Hugo with 20 days in October: 17,5 + 2,5 × 20 ÷ 24 = 19,583… → 20; without the part
    # month 17,5 → 18 (named); rounded down, 19 (named too).
    params["salaries"][1]["mois_incomplet"]["jours_travailles"] = 20
    assert ligne(conges.solve(params), 1)["acquis"] == "20"
    assert grade(params, {"salaries": [{}, {"acquis": "18"}]})["codes"] == ["MOIS_INCOMPLET_OUBLIE"]
    assert grade(params, {"salaries": [{}, {"acquis": "19"}]})["codes"] == ["ARRONDI_INFERIEUR"]


def test_named_wrong_methods_on_decisions():
    params = magasin()
    # Inès granted although Léa is away: the staffing rule ignored.
    staffing = {"salaries": [{"decision": "accorde"}, {}, {"decision": "accorde"}]}
    assert grade(params, staffing)["codes"] == ["EFFECTIF_IGNORE"]
    # Inès granted and Léa refused: the least senior studied first.
    inverted = {"salaries": [{"decision": "refuse_effectif"}, {}, {"decision": "accorde"}]}
    assert "PRIORITE_INVERSEE" in grade(params, inverted)["codes"]
    # Inès refused but 17 days taken from her rights anyway: 30 − 12 = 18.
    assert grade(params, {"salaries": [{}, {}, {"reste": "18"}]})["codes"] == ["RESTE_CONGE_REFUSE"]


def test_errors_carried_forward_earn_their_credit():
    # Léa's rights written 30 (wrong), then 30 − 17 = 13 days left: right from her own value.
    result = grade(magasin(), {"salaries": [{"acquis": "30", "reste": "13"}]})
    assert not result["salaries.0.acquis"]["correct"]
    assert result["salaries.0.reste"]["correct"]
    assert "erreur reportée" in result["salaries.0.reste"]["message"]
    # A wrong tenth 2 000,00, then 2 000,00 × 17 ÷ 29 = 1 172,41: credited.
    result = grade(magasin(), {"indemnite": {"dixieme_total": "2000", "dixieme": "1172,41"}})
    assert result["indemnite.dixieme"]["correct"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"decompte": "semaines"}, "décompte inconnu"),
        ({"equipe": {"effectif": 4, "presents_minimum": 4}}, "presents_minimum"),
        ({"indemnite": {"salarie": "E9", "brut_reference": "100.00"}}, "indemnite.salarie"),
    ],
)
def test_unusable_params_are_refused_in_one_french_line(change, message):
    with pytest.raises(InvalidInput, match=message):
        conges.check_params(magasin(**change))


def test_absences_must_be_whole_months_and_the_paid_leave_one_month():
    params = magasin()
    params["salaries"][0]["absences"][0]["debut"] = "2026-01-15"
    with pytest.raises(InvalidInput, match="mois entiers"):
        conges.check_params(params)
    params = magasin()
    params["salaries"][0]["demande"] |= {"depart": "2026-07-20", "reprise": "2026-08-10"}
    with pytest.raises(InvalidInput, match="un seul mois"):
        conges.check_params(params)


@pytest.mark.parametrize("seed", (0, 1, 2, 5))
def test_what_each_level_puts_in_the_exercise(seed):
    organisation = generate_company(seed)
    un = conges.generate(seed, 1, organisation).params
    assert un["decompte"] == "ouvrables" and len(un["salaries"]) == 1
    assert conges.solve(un)["salaries"][0]["acquis"] == "30"
    trois = conges.generate(seed, 3, organisation).params
    assert trois["decompte"] == "ouvres" and len(trois["salaries"]) == 3
    paye = next(s for s in trois["salaries"] if s["id"] == trois["indemnite"]["salarie"])
    assert [a["motif"] for a in paye["absences"]] == ["maladie"]
    assert any(s.get("mois_incomplet") for s in trois["salaries"])
    feries = {f["date"] for f in trois["jours_feries"]}
    depart, reprise = paye["demande"]["depart"], paye["demande"]["reprise"]
    assert any(depart <= jour < reprise for jour in feries)
    forced = conges.generate(seed, 3, organisation, {"decompte": "ouvrables"}).params
    assert forced["decompte"] == "ouvrables"


def test_the_statement_speaks_of_the_organisation_and_the_form_asks_for_ouvres(form_html):
    organisation = generate_company(0)
    variant = conges.generate(0, 3, organisation)
    assert organisation.raison_sociale in variant.enonce
    assert "jours ouvrés" in variant.enonce
    html = form_html("conges_payes", variant.params, 3, AnswerForm())
    assert 'name="salaries.0.acquis_ouvres"' in html and 'name="indemnite.montant"' in html


SECTEURS = sorted(p.stem for p in (agora.SCENARIOS_DIR / "secteurs").glob("*.yaml"))


@pytest.mark.parametrize("secteur", SECTEURS)
def test_every_kind_of_organisation_gets_its_summer_leave(secteur):
    # Companies, the association and the public water service: a team from their own staff,
    # a sentence of their trade, and a reference answer that scores 1 at every level.
    organisation = generate_company(4, secteur=secteur)
    noms = {f"{s.prenom} {s.nom}" for s in organisation.salaries}
    for niveau in (1, 2, 3):
        variant = conges.generate(4, niveau, organisation)
        assert {f"{s['prenom']} {s['nom']}" for s in variant.params["salaries"]} <= noms
        assert conges.grade(variant.params, conges.solve(variant.params)).score == 1
    assert CONTEXTE[secteur] in variant.enonce


def test_an_entry_on_a_month_end_sunday_is_a_month_without_a_working_day():
    # Found by the sector sweep: an employee of the club who started on Sunday 30 November 2025
    # has no jour ouvrable in November; the generator said so and its own params were refused
    # (« jours_travailles … de 1 à 27 »), so the student got no exercise at all.
    variant = conges.generate(11, 2, generate_company(11, "association_sportive"))
    assert "en novembre 2025, aucun jour ouvrable travaillé" in variant.enonce
    assert conges.grade(variant.params, conges.solve(variant.params)).score == 1
