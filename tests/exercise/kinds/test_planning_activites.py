"""The planning_activites kind, beyond the shared contract: a hand-checked project (forward and
backward passes, slacks, critical path and end date computed step by step in the comments, on
the 2026 French public holidays), the incident, the bookings and their half-cent costs, the
named wrong methods, errors carried forward, what each level puts in the exercise, and the
refused params."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.kinds.planning_activites import KIND as planning
from agora.exercise.kinds.planning_activites.calendrier import feries, load_planification


def tache(lettre, duree, *avant):
    return {
        "lettre": lettre,
        "libelle": f"Tâche {lettre}",
        "duree": duree,
        "anteriorites": list(avant),
    }


def demande(numero, debut, fin, besoin, jour="2026-05-04"):
    return {
        "numero": numero,
        "objet": "Réunion",
        "jour": jour,
        "debut": debut,
        "fin": fin,
        "besoin": besoin,
    }


# The contract page's example: start Monday 4 May 2026 (8 May and 14 May, Ascension, are
# public holidays on weekdays; 25 May is Pentecost Monday).
DEMENAGEMENT = {
    "niveau": 2,
    "projet": {"titre": "Déménagement des bureaux", "debut": "2026-05-04"},
    "taches": [
        tache("A", 3),
        tache("B", 2, "A"),
        tache("C", 4, "A"),
        tache("D", 1, "B", "C"),
        tache("E", 2, "B"),
        tache("F", 3, "D", "E"),
    ],
    "incident": None,
    "famille": "salles de réunion",
    "unite": "personnes",
    "ressources": [
        {"code": "S1", "libelle": "Petite salle", "capacite": 6, "tarif_horaire": "18.30"},
        {"code": "S2", "libelle": "Salle du jardin", "capacite": 12, "tarif_horaire": "21.35"},
        {"code": "S3", "libelle": "Grande salle", "capacite": 30, "tarif_horaire": "40.10"},
    ],
    "demandes": [
        demande("R1", "09:00", "10:30", 8),
        demande("R2", "09:30", "11:15", 5),
        demande("R3", "10:30", "12:00", 10),
    ],
}
NIVEAU_3 = DEMENAGEMENT | {
    "niveau": 3,
    "incident": {"tache": "E", "retard": 3, "motif": "le fournisseur livre avec du retard"},
}


def champ(grade, nom):
    return next(c for c in grade.champs if c.champ == nom)


def codes(grade):
    return [d.code for d in grade.diagnostics]


def test_the_passes_slacks_critical_path_and_end_date_by_hand():
    # Forward: A 0→3 ; B 3→5 ; C 3→7 ; D max(5, 7) = 7→8 ; E 5→7 ; F max(8, 7) = 8→11.
    # Duration 11. Backward: F 8←11 ; D LF = LS(F) = 8, LS 7 ; E LF 8, LS 6 ; C LF 7, LS 3 ;
    # B LF = min(LS D 7, LS E 6) = 6, LS 4 ; A LF = min(4, 3) = 3, LS 0.
    # Slacks (LS − ES): A 0, B 1, C 0, D 0, E 1, F 0 → critical path A, C, D, F.
    # End: working day n° 10 from Mon 4 May: 4, 5, 6, 7 (n° 0-3), 8 May off, 11, 12, 13
    # (n° 4-6), 14 May (Ascension) off, 15, 18, 19, 20 (n° 7-10) → Wednesday 20 May 2026.
    s = planning.solve(DEMENAGEMENT)
    dates = [
        (t["debut_tot"], t["fin_tot"], t["debut_tard"], t["fin_tard"], t["marge_totale"])
        for t in s["taches"]
    ]
    assert dates == [
        ("0", "3", "0", "3", "0"),
        ("3", "5", "4", "6", "1"),
        ("3", "7", "3", "7", "0"),
        ("7", "8", "7", "8", "0"),
        ("5", "7", "6", "8", "1"),
        ("8", "11", "8", "11", "0"),
    ]
    assert (s["duree_projet"], s["chemin_critique"], s["date_fin"]) == (
        "11",
        "A, C, D, F",
        "2026-05-20",
    )
    assert "incident" not in s and "marge_libre" not in s["taches"][0]


def test_the_bookings_and_their_half_cent_costs():
    # R1 (8 people): S1 holds 6 → S2. R2 (5): S1 is free → S1. R3 (10): S1 too small; S2 is
    # free from 10:30 (R1 ends when R3 starts: no overlap) → S2.
    # Costs: R1 1.5 h × 21.35 = 32.025 → 32.03 ; R2 1.75 h × 18.30 = 32.025 → 32.03 ;
    # R3 1.5 h × 21.35 = 32.025 → 32.03 (half a cent, rounded up).
    s = planning.solve(DEMENAGEMENT)
    assert s["reservations"] == [
        {"ressource": "S2", "cout": "32.03"},
        {"ressource": "S1", "cout": "32.03"},
        {"ressource": "S2", "cout": "32.03"},
    ]


def test_level_3_free_slacks_and_the_incident():
    # Free slack = min ES of the successors − EF: A min(3, 3) − 3 = 0 ; B min(7, 5) − 5 = 0
    # (total slack 1) ; C 7 − 7 = 0 ; D 8 − 8 = 0 ; E 8 − 7 = 1 ; F 11 − 11 = 0.
    # Incident: E lasts 2 + 3 = 5 → E 5→10, F max(8, 10) = 10→13: 13 days. Backward: F LS 10,
    # E LF 10 LS 5, D LF 10 LS 9, C LF 9 LS 5 (slack 2), B LF min(9, 5) = 5 LS 3 (slack 0),
    # A LF min(3, 5) = 3 → critical A, B, E, F (it changed). End: n° 12 → 19 (9), 20 (10),
    # 21 (11), 22 May (12): Friday 22 May 2026.
    s = planning.solve(NIVEAU_3)
    assert [t["marge_libre"] for t in s["taches"]] == ["0", "0", "0", "0", "1", "0"]
    assert s["incident"] == {
        "duree_projet": "13",
        "date_fin": "2026-05-22",
        "chemin_critique": "A, B, E, F",
        "chemin_change": "oui",
    }


def test_end_date_mistakes_are_named():
    # Day 0 counted as day 1: n° 11 → Thursday 21 May (14 May is off, 21 May is worked).
    # Holidays forgotten: 4-8 (n° 0-4), 11-15 (5-9), 18 (10) → Monday 18 May.
    # Weekends counted: 4 May + 10 calendar days → 14 May.
    for ecrit, code in (
        ("21/05/2026", "JOUR_EN_TROP"),
        ("18/05/2026", "FERIE_IGNORE"),
        ("14/05/2026", "WEEKENDS_COMPTES"),
    ):
        g = planning.grade(DEMENAGEMENT, {"date_fin": ecrit})
        assert codes(g) == [code]
        assert champ(g, "date_fin").attendu == "2026-05-20"


def test_forward_pass_mistakes_are_named():
    # Sum instead of max: ES(D) = EF(B) + EF(C) = 5 + 7 = 12. First predecessor only: ES(D) =
    # EF(B) = 5.
    assert codes(planning.grade(DEMENAGEMENT, {"taches": [{}, {}, {}, {"debut_tot": "12"}]})) == [
        "DEBUT_SOMME_DES_FINS"
    ]
    assert codes(planning.grade(DEMENAGEMENT, {"taches": [{}, {}, {}, {"debut_tot": "5"}]})) == [
        "ANTERIORITE_OUBLIEE"
    ]


def test_backward_pass_and_slack_mistakes_are_named():
    # B: LF = max(LS D 7, LS E 6) = 7 instead of min = 6. Slack of B as LF − ES = 6 − 3 = 3.
    g = planning.grade(DEMENAGEMENT, {"taches": [{}, {"fin_tard": "7", "marge_totale": "3"}]})
    assert codes(g) == ["FIN_TARD_MAXIMUM", "MARGE_FIN_TARD_MOINS_DEBUT_TOT"]
    # Level 3: free slack of B copied from its total slack (1 instead of 0).
    g = planning.grade(NIVEAU_3, {"taches": [{}, {"marge_libre": "1"}]})
    assert codes(g) == ["MARGE_LIBRE_EGALE_TOTALE"]


def test_the_critical_path_is_a_set_of_letters():
    assert champ(
        planning.grade(DEMENAGEMENT, {"chemin_critique": "F-D-C-A"}), "chemin_critique"
    ).correct
    assert champ(
        planning.grade(DEMENAGEMENT, {"chemin_critique": "acdf"}), "chemin_critique"
    ).correct
    assert codes(planning.grade(DEMENAGEMENT, {"chemin_critique": "A, B, C, D, F"})) == [
        "CHEMIN_AVEC_MARGE"
    ]
    assert codes(planning.grade(DEMENAGEMENT, {"chemin_critique": "A, C, F"})) == [
        "CHEMIN_INCOMPLET"
    ]
    assert planning.read({"chemin_critique": "A, 3"}).erreurs


def test_errors_carried_forward_earn_their_point():
    # Duration 12 (wrong): F LF 12 and LS 12 − 3 = 9 follow from it; the end date from 12 days
    # is n° 11 = Thursday 21 May.
    reponse = {
        "duree_projet": "12",
        "taches": [{}, {}, {}, {}, {}, {"fin_tard": "12", "debut_tard": "9"}],
        "date_fin": "21/05/2026",
    }
    g = planning.grade(DEMENAGEMENT, reponse)
    assert not champ(g, "duree_projet").correct
    for nom in ("taches.5.fin_tard", "taches.5.debut_tard", "date_fin"):
        assert champ(g, nom).correct and "erreur reportée" in champ(g, nom).message
    # Slack from the student's own dates: ES(B) 4 (wrong), LS(B) 4 → slack 0 is carried.
    g = planning.grade(DEMENAGEMENT, {"taches": [{}, {"debut_tot": "4", "marge_totale": "0"}]})
    assert champ(g, "taches.1.marge_totale").correct


def test_incident_mistake_and_carried_date():
    # Delay added at the end: 11 + 3 = 14 days (E had 1 day of slack: the real end is 13).
    # From 14 days the end is n° 13: 22 May (12), 25 May Pentecost off, 26 May (13).
    g = planning.grade(NIVEAU_3, {"incident": {"duree_projet": "14", "date_fin": "26/05/2026"}})
    assert codes(g) == ["RETARD_AJOUTE_A_LA_FIN"]
    assert champ(g, "incident.date_fin").correct


def test_any_valid_booking_is_right_and_bad_ones_are_named():
    # R1 in S3 (30 places, free) is valid too: its cost 1.5 h × 40.10 = 60.15 is right.
    g = planning.grade(DEMENAGEMENT, {"reservations": [{"ressource": "s3", "cout": "60,15 €"}]})
    assert all(c.correct for c in g.champs) and not g.diagnostics
    # R3 (10 people) in S1 (6 places); R2 in S2 while R1 holds it 9:00-10:30; a code not listed.
    g = planning.grade(
        DEMENAGEMENT,
        {"reservations": [{"ressource": "S2"}, {"ressource": "S2"}, {"ressource": "S1"}]},
    )
    assert codes(g) == ["RESERVATIONS_CHEVAUCHEES", "CAPACITE_IGNOREE"]
    assert codes(planning.grade(DEMENAGEMENT, {"reservations": [{"ressource": "S9"}]})) == [
        "RESSOURCE_INCONNUE"
    ]


def test_cost_mistakes_are_named():
    # Truncated: 32.025 → 32.02. Minutes as hundredths: 1 h 45 read 1.45 h × 18.30 = 26.535
    # → 26.54.
    g = planning.grade(DEMENAGEMENT, {"reservations": [{}, {"cout": "32.02"}]})
    assert codes(g) == ["ARRONDI_TRONQUE"]
    g = planning.grade(DEMENAGEMENT, {"reservations": [{}, {"cout": "26.54"}]})
    assert codes(g) == ["DUREE_SEXAGESIMALE"]


def test_the_library_gives_the_2026_holidays_of_the_rules_file():
    controle = load_planification().jours_feries.controle[2026]
    assert [j.isoformat() for j in feries(2026)] == controle


@pytest.mark.parametrize("niveau", [1, 2, 3])
def test_what_each_level_puts_in_the_exercise(niveau):
    org = generate_company(5, "association_sportive")
    v = planning.generate(11, niveau, org)
    p = v.params
    assert len(p["taches"]) in {1: (5, 6), 2: (7, 8, 9), 3: (10, 11, 12)}[niveau]
    assert (p["incident"] is not None) == (niveau == 3)
    assert p["famille"] == "véhicules"
    s = planning.solve(p)
    assert ("cout" in s["reservations"][0]) == (niveau > 1)
    if niveau == 3:
        debut, fin = date.fromisoformat(p["projet"]["debut"]), date.fromisoformat(s["date_fin"])
        assert any(debut <= j <= fin and j.weekday() < 5 for j in feries(2026))


def test_bad_params_are_refused_in_one_french_line():
    apres = copy.deepcopy(DEMENAGEMENT)
    apres["taches"][1]["anteriorites"] = ["C"]
    with pytest.raises(InvalidInput, match="placées avant"):
        planning.check_params(apres)
    plein = copy.deepcopy(DEMENAGEMENT)
    plein["demandes"] = [demande(f"R{k}", "09:00", "10:00", 4) for k in range(1, 5)]
    with pytest.raises(InvalidInput, match="sans conflit"):
        planning.check_params(plein)


def test_a_delay_equal_to_the_slack_keeps_the_end_but_changes_the_path():
    # E (slack 1) lasts 2 + 1 = 3: E 5→8, F max(8, 8) = 8→11: still 11 days, Wed 20 May.
    # Backward: F LS 8 ; E LF 8, LS 5 (slack 0) ; D LF 8, LS 7 ; C LF 7, LS 3 ; B LF min(7, 5)
    # = 5, LS 3 (slack 0) ; A LF 3 → every task is critical now: the path changed.
    # Adding the delay at the end instead: 12 days → n° 11 = Thursday 21 May.
    params = NIVEAU_3 | {"incident": {"tache": "E", "retard": 1, "motif": "météo"}}
    assert planning.solve(params)["incident"] == {
        "duree_projet": "11",
        "date_fin": "2026-05-20",
        "chemin_critique": "A, B, C, D, E, F",
        "chemin_change": "oui",
    }
    g = planning.grade(params, {"incident": {"duree_projet": "12", "chemin_change": "non"}})
    assert codes(g) == ["RETARD_AJOUTE_A_LA_FIN"]
    assert not champ(g, "incident.chemin_change").correct
