"""The tableau_de_bord_social kind, beyond the shared contract: a hand-checked year of staff
data (each indicator computed step by step in the comments, own computation on the definitions
of scenarios/baremes/indicateurs_sociaux.yaml), the half-up roundings at 2 decimals, the age
bands and the reference day, the anomalies, the named wrong methods, errors carried forward,
what each level puts in the exercise, and refused params."""

from __future__ import annotations

import copy
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

import pytest

from agora.company import generate_company
from agora.content.secteurs import secteur_codes
from agora.errors import InvalidInput
from agora.exercise.kinds.tableau_de_bord_social import KIND as tdb


def mois(*lignes):
    return [{"entrees": e, "sorties": s, "effectif_fin": f} for e, s, f in lignes]


def personne(matricule, nom, prenom, sexe, naissance, entree, sortie=None):
    return {
        "matricule": matricule,
        "nom": nom,
        "prenom": prenom,
        "sexe": sexe,
        "naissance": naissance,
        "entree": entree,
        "sortie": sortie,
    }


def accident(jour, salarie, jours, nature="travail", arret=True):
    return {
        "date": jour,
        "salarie": salarie,
        "nature": nature,
        "arret": arret,
        "jours_perdus": jours,
    }


# The contract page's example (level 2): 10 people on 1 January, an arrival in March and June,
# a departure in September; one duplicate row (E3) and one impossible birth date (E12).
ANNEE_2025 = {
    "niveau": 2,
    "annee": 2025,
    "date_reference": "2025-12-31",
    "date_bilan": "2026-02-15",
    "effectif_debut": 10,
    "mois": mois(
        (0, 0, 10),
        (0, 0, 10),
        (1, 0, 11),
        (0, 0, 11),
        (0, 0, 11),
        (1, 0, 12),
        (0, 0, 12),
        (0, 0, 12),
        (0, 1, 11),
        (0, 0, 11),
        (0, 0, 11),
        (0, 0, 11),
    ),
    "heures_theoriques": "17810",
    "heures_travaillees": "17157.5",
    "absences": [
        {"motif": "maladie", "heures": "612.5"},
        {"motif": "accident_travail", "heures": "70"},
        {"motif": "absence_injustifiee", "heures": "14"},
    ],
    "accidents": [
        accident("2025-03-04", "Léa Martin", 9),
        accident("2025-06-20", "Paul Durand", 5),
        accident("2025-10-02", "Luc Moreau", 0, arret=False),
        accident("2025-11-18", "Emma Girard", 3, nature="trajet"),
    ],
    "personnel": [
        personne("E1", "Martin", "Léa", "F", "1990-05-12", "2018-09-01"),  # 35
        personne("E2", "Durand", "Paul", "H", "1968-03-02", "2010-01-04"),  # 57
        personne("E3", "Petit", "Inès", "F", "2000-06-30", "2025-03-03"),  # 25 (bound)
        personne("E4", "Roux", "Karim", "H", "2001-01-10", "2022-06-01"),  # 24, 25 on 15/02/26
        personne("E5", "Leroy", "Anne", "F", "1975-11-20", "2005-02-01"),  # 50
        personne("E6", "Moreau", "Luc", "H", "1985-07-14", "2025-06-02"),  # 40
        personne("E3", "Petit", "Inès", "F", "2000-06-30", "2025-03-03"),  # duplicate
        personne("E7", "Garnier", "Julie", "F", "1980-12-31", "2015-04-01"),  # 45 that day
        personne("E8", "Bonnet", "Hugo", "H", "1999-08-08", "2019-03-01", "2025-09-15"),  # left
        personne("E12", "Faure", "Tom", "H", "2012-04-04", "2021-09-01"),  # 13: impossible
        personne("E9", "Blanc", "Marc", "H", "1960-02-01", "2000-01-01"),  # 65
        personne("E10", "Girard", "Emma", "F", "1995-04-04", "2017-01-02"),  # 30
        personne("E11", "André", "Noah", "H", "1992-10-10", "2020-05-05"),  # 33
    ],
    "graphiques": [
        "evolution_effectif",
        "pyramide_ages",
        "absences_par_motif",
        "absenteisme_par_service",
    ],
    "controles": ["doublon", "age", "dates", "effectif"],
}


def avec(**changes):
    params = copy.deepcopy(ANNEE_2025)
    params.update(changes)
    return params


def grade(params, answer):
    return tdb.grade(params, answer)


def codes(g):
    return {d.code for d in g.diagnostics}


def verdicts(g):
    return {c.champ: c for c in g.champs}


def test_the_contract_example_step_by_step():
    s = tdb.solve(ANNEE_2025)
    # Effectif moyen: 10+10+11+11+11+12+12+12+11+11+11+11 = 133 ; 133 / 12 = 11.0833… → 11.08.
    assert s["effectif"] == {"moyen": "11.08"}
    # Absences comptées: 612.5 + 70 + 14 = 696.5 h ; 696.5 / 17 810 × 100 = 3.9107… → 3.91.
    assert s["absences"] == {"total": "696.5", "taux": "3.91"}
    # Rotation: ((2 + 1) / 2) / 11.08 × 100 = 13.5379… → 13.54.
    assert s["rotation"] == {"entrees": "2", "sorties": "1", "taux": "13.54"}
    # Accidents du travail avec arrêt: 2 (9 + 5 = 14 jours) ; TF = 2 000 000 / 17 157.5
    # = 116.5671… → 116.57 ; TG = 14 000 / 17 157.5 = 0.8159… → 0.82. The accident without
    # stoppage and the commuting accident are left out.
    assert s["accidents"] == {"avec_arret": "2", "jours_perdus": "14", "tf": "116.57", "tg": "0.82"}


def test_the_age_pyramid_on_31_december():
    # Present on 31/12/2025, each once, E12 (13 years old) left out, E8 gone in September:
    # E4 24 (H) | E3 25 (bound), E10 30 (F), E11 33 (H) | E1 35 (F), E6 40 (H)
    # | E5 50, E7 45 on her birthday (F) | E2 57, E9 65 (H).
    p = tdb.solve(ANNEE_2025)["pyramide"]
    assert p == {
        "moins_de_25": {"femmes": "0", "hommes": "1"},
        "de_25_a_34": {"femmes": "2", "hommes": "1"},
        "de_35_a_44": {"femmes": "1", "hommes": "1"},
        "de_45_a_54": {"femmes": "2", "hommes": "0"},
        "55_et_plus": {"femmes": "0", "hommes": "2"},
    }


def test_the_checks_of_the_data():
    a = tdb.solve(ANNEE_2025)["anomalies"]
    assert a == {
        "doublon": {"ligne": "E3", "action": "supprimer"},
        "age": {"ligne": "E12", "action": "faire_verifier"},
        "dates": {"ligne": "aucune", "action": "rien"},
        "effectif": {"mois": "aucun", "action": "rien"},
    }
    # September: 12 + 1 − 1 = 12, but the table says 11 → month 09; an exit on 31/05 for an
    # entry on 01/10 → E13. Both are reported, and computed as given (entries now 3).
    septembre = copy.deepcopy(ANNEE_2025["mois"])
    septembre[8]["entrees"] = 1
    inverse = personne("E13", "Vidal", "Rose", "F", "1988-01-01", "2025-10-01", "2025-05-31")
    s = tdb.solve(avec(mois=septembre, personnel=[*ANNEE_2025["personnel"], inverse]))
    assert s["anomalies"]["effectif"] == {"mois": "09", "action": "faire_verifier"}
    assert s["anomalies"]["dates"] == {"ligne": "E13", "action": "faire_verifier"}
    # ((3 + 1) / 2) / 11.08 × 100 = 18.0505… → 18.05 ; the pyramid does not count E13.
    assert s["rotation"]["taux"] == "18.05"
    assert s["pyramide"] == tdb.solve(ANNEE_2025)["pyramide"]


def test_half_up_on_the_absenteeism_rate():
    # 500 / 16 000 × 100 = 3.125 exactly → 3.13 (half up; half-even would give 3.12).
    params = avec(heures_theoriques="16000", absences=[{"motif": "maladie", "heures": "500"}])
    assert tdb.solve(params)["absences"]["taux"] == "3.13"
    assert Decimal("3.125").quantize(Decimal("0.01"), ROUND_HALF_EVEN) == Decimal("3.12")


def test_half_up_on_the_frequency_rate():
    # 1 × 1 000 000 / 64 000 = 15.625 → 15.63 ; TG = 9 × 1 000 / 64 000 = 0.140625 → 0.14.
    params = avec(heures_travaillees="64000", accidents=[accident("2025-03-04", "Léa Martin", 9)])
    assert tdb.solve(params)["accidents"] == {
        "avec_arret": "1",
        "jours_perdus": "9",
        "tf": "15.63",
        "tg": "0.14",
    }


def test_half_up_on_the_turnover_rate():
    # 17 on 1 January, one exit in January, then 16 every month: 16 × 12 / 12 = 16 ;
    # ((0 + 1) / 2) / 16 × 100 = 3.125 → 3.13.
    params = avec(effectif_debut=17, mois=mois((0, 1, 16), *[(0, 0, 16)] * 11))
    s = tdb.solve(params)
    assert s["effectif"]["moyen"] == "16"
    assert s["rotation"] == {"entrees": "0", "sorties": "1", "taux": "3.13"}


def test_average_headcount_at_year_end_is_named_and_its_turnover_carried():
    # Effectif du 31/12 (11) instead of the mean; turnover from it: 1.5 / 11 × 100 = 13.636… →
    # 13.64, right from the student's own value: credited.
    g = grade(ANNEE_2025, {"effectif": {"moyen": "11"}, "rotation": {"taux": "13,64 %"}})
    v = verdicts(g)
    assert codes(g) == {"EFFECTIF_FIN_ANNEE"}
    assert not v["effectif.moyen"].correct and v["rotation.taux"].correct
    assert "erreur reportée" in v["rotation.taux"].message
    # (10 + 11) / 2 = 10.5: the start and the end of the year only.
    assert codes(grade(ANNEE_2025, {"effectif": {"moyen": "10,5"}})) == {"EFFECTIF_DEBUT_FIN"}


def test_absenteeism_on_hours_worked_is_named():
    # 696.5 / 17 157.5 × 100 = 4.0594… → 4.06.
    g = grade(ANNEE_2025, {"absences": {"total": "696,5", "taux": "4,06"}})
    assert codes(g) == {"ABSENTEISME_SUR_HEURES_TRAVAILLEES"}
    assert g.score == Decimal("0.5")


def test_paid_leave_counted_as_absence_is_named_and_carried():
    # Level 3: + 35 h of training + 140 h of paid leave = 871.5 h; 871.5 / 17 810 × 100 =
    # 4.8933… → 4.89, right from the student's total: credited.
    absences = [
        *ANNEE_2025["absences"],
        {"motif": "formation", "heures": "35"},
        {"motif": "conges_payes", "heures": "140"},
    ]
    params = avec(niveau=3, absences=absences)
    assert tdb.solve(params)["absences"] == {"total": "696.5", "taux": "3.91"}
    g = grade(params, {"absences": {"total": "871.5", "taux": "4.89"}})
    assert codes(g) == {"ABSENCE_NON_COMPTABLE_INCLUSE"}
    assert verdicts(g)["absences.taux"].correct


def test_turnover_not_halved_is_named():
    # (2 + 1) / 11.08 × 100 = 27.0758… → 27.08.
    assert codes(grade(ANNEE_2025, {"rotation": {"taux": "27.08"}})) == {"ROTATION_NON_DIVISEE"}


def test_accident_rates_with_the_wrong_multiplier_are_named():
    # TF × 1 000: 2 000 / 17 157.5 = 0.1165… → 0.12 ; TG × 10⁶: 14 000 000 / 17 157.5 =
    # 815.969… → 815.97.
    g = grade(ANNEE_2025, {"accidents": {"tf": "0,12", "tg": "815,97"}})
    assert codes(g) == {"TF_POUR_MILLE", "TG_POUR_MILLION"}


def test_accidents_without_stoppage_or_commuting_are_named_and_carried():
    # 3 accidents (the one without stoppage counted): TF = 3 000 000 / 17 157.5 = 174.850… →
    # 174.85, right from the student's count: credited.
    g = grade(ANNEE_2025, {"accidents": {"avec_arret": "3", "tf": "174.85"}})
    assert codes(g) == {"ACCIDENT_SANS_ARRET_COMPTE"}
    assert verdicts(g)["accidents.tf"].correct
    # 14 + 3 days of the commuting accident = 17: TG = 17 000 / 17 157.5 = 0.9908… → 0.99.
    g = grade(ANNEE_2025, {"accidents": {"jours_perdus": "17", "tg": "0.99"}})
    assert codes(g) == {"ACCIDENT_TRAJET_COMPTE"}
    assert verdicts(g)["accidents.tg"].correct


def test_wrong_ages_in_the_pyramid_are_named():
    # On the day of the work (15/02/2026) E4 is 25: one man moved up a band.
    assert codes(grade(ANNEE_2025, {"pyramide": {"moins_de_25": {"hommes": "0"}}})) == {
        "AGE_MAUVAISE_DATE"
    }
    # Bounds shifted: E3 (25) counted under 25, E1 (35) in 25-34, E7 (45) in 35-44.
    g = grade(
        ANNEE_2025, {"pyramide": {"moins_de_25": {"femmes": "1"}, "de_45_a_54": {"femmes": "1"}}}
    )
    assert codes(g) == {"BORNES_DECALEES"}
    # The duplicate counted twice (3 women aged 25-34), the 13-year-old counted (2 boys).
    assert codes(grade(ANNEE_2025, {"pyramide": {"de_25_a_34": {"femmes": "3"}}})) == {
        "DOUBLON_COMPTE"
    }
    g = grade(ANNEE_2025, {"pyramide": {"moins_de_25": {"hommes": "2"}}})
    assert codes(g) == {"AGE_IMPOSSIBLE_COMPTE"}


def test_charts_and_actions_are_named():
    g = grade(
        ANNEE_2025, {"graphiques": {"evolution_effectif": "secteurs", "pyramide_ages": "pyramide"}}
    )
    assert codes(g) == {"GRAPHIQUE_INADAPTE"}
    assert g.score == Decimal("0.5")
    g = grade(ANNEE_2025, {"anomalies": {"age": {"ligne": "E12", "action": "corriger_seul"}}})
    assert codes(g) == {"ANOMALIE_CORRIGEE_AU_JUGE"}
    g = grade(ANNEE_2025, {"anomalies": {"doublon": {"ligne": "aucune", "action": "rien"}}})
    assert codes(g) == {"ANOMALIE_NON_VUE"}
    assert dict(g.competences) == {"1.3.1": Decimal(0)}


def test_answers_are_read_as_a_french_person_writes_them():
    answer = {
        "effectif": {"moyen": "11,08"},
        "absences": {"total": "696,5 ", "taux": "3,91 %"},
        "anomalies": {
            "doublon": {"ligne": "e 03", "action": "supprimer"},
            "dates": {"ligne": "Néant", "action": "rien"},
        },
    }
    g = grade(ANNEE_2025, answer)
    assert g.score == 1 and not g.diagnostics
    assert tdb.validate_field("anomalies.age.ligne", "Tom") is not None


def test_the_reference_scores_one_with_both_competencies():
    g = grade(ANNEE_2025, tdb.solve(ANNEE_2025))
    assert g.score == 1
    assert g.competences == [("3.3.3", Decimal(1)), ("1.3.1", Decimal(1))]


@pytest.mark.parametrize("niveau", [1, 2, 3])
def test_each_level_puts_its_traps_in_the_exercise(niveau):
    """In every sector, whatever its staff: the traps are drawn on the organisation's own
    employees (a birth date at a band's bound, a typing error), never missing."""
    for secteur in secteur_codes():
        for seed in range(10):
            _les_pieges_du_niveau(tdb.generate(seed, niveau, generate_company(seed, secteur)))


def _les_pieges_du_niveau(variant):
    p, niveau = variant.params, variant.niveau
    natures = {(a["nature"], a["arret"]) for a in p["accidents"]}
    motifs = {a["motif"] for a in p["absences"]}
    trouve = tdb.solve(p)["anomalies"]
    signalees = [
        c for c, v in trouve.items() if v.get("ligne", v.get("mois")) not in ("aucune", "aucun")
    ]
    if niveau == 1:
        assert p["controles"] == ["doublon"] and len(p["graphiques"]) == 2
        assert natures == {("travail", True)} and signalees == ["doublon"]
    else:
        assert p["controles"] == ["doublon", "age", "dates", "effectif"]
        assert ("travail", False) in natures and len(signalees) == niveau
    assert (("trajet", True) in natures) == (niveau == 3)
    assert ({"formation", "conges_payes"} <= motifs) == (niveau == 3)
    # Someone on a band's bound on 31 December; from level 2, someone whose birthday falls
    # between 31 December and the day of the work.
    fin, bilan = date.fromisoformat(p["date_reference"]), date.fromisoformat(p["date_bilan"])
    ages = [
        (fin.year - n.year - ((fin.month, fin.day) < (n.month, n.day)), n)
        for n in (date.fromisoformat(x["naissance"]) for x in p["personnel"])
    ]
    assert any(a in (25, 35, 45, 55) for a, _ in ages)
    if niveau > 1:
        assert any(
            a + 1 in (25, 35, 45, 55) and (n.month, n.day) <= (bilan.month, bilan.day)
            for a, n in ages
        )


@pytest.mark.parametrize(
    "change",
    [
        {"mois": []},
        {"heures_theoriques": "0"},
        {"accidents": [accident("2025-01-01", "X", 3, arret=False)]},
        {"personnel": [personne("E1", "A", "B", "X", "1990-01-01", "2020-01-01")]},
        {"graphiques": ["evolution_effectif", "evolution_effectif"]},
    ],
)
def test_unusable_params_are_refused_in_one_french_line(change):
    with pytest.raises(InvalidInput) as refus:
        tdb.check_params(avec(**change))
    assert str(refus.value).startswith("Paramètres") and "\n" not in str(refus.value)
