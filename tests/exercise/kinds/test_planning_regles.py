"""Planning: hand-checked weeks, one rule at a time, at the exact boundaries of the law."""

from datetime import date
from decimal import Decimal

import pytest

from agora.errors import InvalidInput
from agora.exercise.base import FormatErrors
from agora.exercise.kinds.planning import KIND as planning
from agora.exercise.kinds.planning.params import lire_semaine
from agora.exercise.kinds.planning.rules import Besoin, Employe

LUNDI = "2026-03-09"
JOURS = [
    "2026-03-09",
    "2026-03-10",
    "2026-03-11",
    "2026-03-12",
    "2026-03-13",
    "2026-03-14",
    "2026-03-15",
]


def salarie(ident="E1", heures="35", mineur=False, indispos=()):
    return {
        "id": ident,
        "nom": f"Salarié {ident}",
        "contrat_heures": heures,
        "mineur": mineur,
        "indisponibilites": list(indispos),
    }


def semaine(salaries=None, ouverture=None, besoins=(), fins=None):
    """A week open Monday to Saturday 08:00-20:00; last week ended Saturday 7 March at 19:00."""
    salaries = salaries or [salarie()]
    return {
        "semaine": LUNDI,
        "salaries": salaries,
        "ouverture": ouverture or {j: ["08:00", "20:00"] for j in JOURS[:6]},
        "besoins": list(besoins),
        "fin_semaine_precedente": fins
        if fins is not None
        else {s["id"]: "2026-03-07T19:00" for s in salaries},
    }


def c(jour, debut, fin, ident="E1"):
    return {"salarie": ident, "jour": JOURS[jour], "debut": debut, "fin": fin}


def semaine_type(ident="E1", jours=range(5)):
    """7 h a day, Monday to Friday: 09:00-12:30 and 13:30-17:00 (3 h 30 + 3 h 30 = 35 h)."""
    return [
        x for j in jours for x in (c(j, "09:00", "12:30", ident), c(j, "13:30", "17:00", ident))
    ]


def diagnostics(params, creneaux):
    grade = planning.grade(params, {"creneaux": creneaux})
    return [(d.code, d.details["salarie"], d.details["jour"]) for d in grade.diagnostics]


def remplace(creneaux, jour, *nouveaux, ident="E1"):
    reste = [x for x in creneaux if not (x["jour"] == JOURS[jour] and x["salarie"] == ident)]
    return reste + list(nouveaux)


def test_a_legal_week_scores_one():
    grade = planning.grade(semaine(), {"creneaux": semaine_type()})
    assert grade.score == 1
    assert grade.diagnostics == []
    assert all(ch.correct for ch in grade.champs)
    assert grade.competences == [("3.2.1", Decimal(1))]


def test_pause_is_due_when_a_period_reaches_six_hours():
    # 09:00-15:00 is 6 h in a row (then 15:30-16:30: 7 h in the day, 35 h in the week).
    six = remplace(semaine_type(), 0, c(0, "09:00", "15:00"), c(0, "15:30", "16:30"))
    assert diagnostics(semaine(), six) == [("PAUSE", "E1", "2026-03-09")]
    # 09:00-14:30 is 5 h 30: no break needed yet (then 15:30-17:00 = 1 h 30, still 7 h).
    moins = remplace(semaine_type(), 0, c(0, "09:00", "14:30"), c(0, "15:30", "17:00"))
    assert diagnostics(semaine(), moins) == []


def test_a_gap_shorter_than_20_minutes_is_not_a_break():
    # 09:00-12:00 then 12:15-16:15: 3 h + 4 h = 7 h, but the 15 min gap does not split them.
    court = remplace(semaine_type(), 1, c(1, "09:00", "12:00"), c(1, "12:15", "16:15"))
    assert diagnostics(semaine(), court) == [("PAUSE", "E1", "2026-03-10")]
    # A 20 min gap is a break: 3 h, then 4 h.
    pause = remplace(semaine_type(), 1, c(1, "09:00", "12:00"), c(1, "12:20", "16:20"))
    assert diagnostics(semaine(), pause) == []


def test_ten_hours_a_day_at_most():
    # Monday 08:00-13:00 + 14:00-19:00 = 10 h, Friday 09:00-13:00 = 4 h: 10 + 3 x 7 + 4 = 35 h.
    dix = remplace(semaine_type(), 0, c(0, "08:00", "13:00"), c(0, "14:00", "19:00"))
    dix = remplace(dix, 4, c(4, "09:00", "13:00"))
    assert diagnostics(semaine(), dix) == []
    # 08:00-13:30 + 14:00-19:00 = 10 h 30 (Friday 3 h 30 keeps 35 h).
    plus = remplace(semaine_type(), 0, c(0, "08:00", "13:30"), c(0, "14:00", "19:00"))
    plus = remplace(plus, 4, c(4, "09:00", "12:30"))
    assert diagnostics(semaine(), plus) == [("DUREE_QUOTIDIENNE", "E1", "2026-03-09")]


def test_eleven_hours_of_rest_between_two_working_days():
    ouverture = {j: ["06:00", "22:00"] for j in JOURS[:6]}
    # Monday ends 20:30, Tuesday starts 07:30: exactly 11 h.
    onze = remplace(semaine_type(), 0, c(0, "13:00", "16:30"), c(0, "17:00", "20:30"))
    onze = remplace(onze, 1, c(1, "07:30", "11:00"), c(1, "11:30", "15:00"))
    assert diagnostics(semaine(ouverture=ouverture), onze) == []
    # Tuesday from 07:00: 10 h 30 of rest only.
    dix = remplace(onze, 1, c(1, "07:00", "10:30"), c(1, "11:30", "15:00"))
    assert diagnostics(semaine(ouverture=ouverture), dix) == [
        ("REPOS_QUOTIDIEN", "E1", "2026-03-10")
    ]


def test_daily_rest_counts_from_the_end_of_last_week():
    # Last week ended Sunday 8 March at 23:00; Monday starts at 09:00: 10 h.
    params = semaine(fins={"E1": "2026-03-08T23:00"})
    assert diagnostics(params, semaine_type()) == [("REPOS_QUOTIDIEN", "E1", "2026-03-09")]


def test_weekly_rest_of_35_hours_for_an_adult():
    ouverture = {j: ["08:00", "20:00"] for j in JOURS}
    fins = {"E1": "2026-03-08T20:00"}  # worked last Sunday until 20:00: 13 h before Monday
    # Monday to Friday 09:00-12:00 + 13:00-16:30 (6 h 30 x 5 = 32 h 30), Saturday 2 h 30.
    base = [x for j in range(5) for x in (c(j, "09:00", "12:00"), c(j, "13:00", "16:30"))]
    # Saturday 10:30-13:00: from 13:00 to Sunday 24:00 = 35 h exactly.
    juste = [*base, c(5, "10:30", "13:00")]
    assert diagnostics(semaine(ouverture=ouverture, fins=fins), juste) == []
    # Saturday 11:00-13:30: 34 h 30 at most.
    court = [*base, c(5, "11:00", "13:30")]
    assert diagnostics(semaine(ouverture=ouverture, fins=fins), court) == [
        ("REPOS_HEBDOMADAIRE", "E1", None)
    ]
    # Without fin_semaine_precedente the week starts Monday 00:00: 9 h of rest before Monday.
    assert diagnostics(semaine(ouverture=ouverture, fins={}), court) == [
        ("REPOS_HEBDOMADAIRE", "E1", None)
    ]


def test_minor_limits():
    params = semaine([salarie(mineur=True)])
    # 7 h a day in two periods of 3 h 30, Saturday and Sunday off: legal for a minor.
    assert diagnostics(params, semaine_type()) == []
    # 09:00-13:30 is 4 h 30: allowed; the 30 min gap is a break for a minor.
    limite = remplace(semaine_type(), 0, c(0, "09:00", "13:30"), c(0, "14:00", "16:30"))
    assert diagnostics(params, limite) == []
    # 09:00-13:35 is 4 h 35 (then 14:05-16:30 = 2 h 25: still 7 h in the day).
    plus = remplace(semaine_type(), 0, c(0, "09:00", "13:35"), c(0, "14:05", "16:30"))
    assert diagnostics(params, plus) == [("PAUSE", "E1", "2026-03-09")]
    # A 20 min gap is not a break for a minor: 09:00-12:00 and 12:20-16:20 run together.
    vingt = remplace(semaine_type(), 1, c(1, "09:00", "12:00"), c(1, "12:20", "16:20"))
    grade = planning.grade(params, {"creneaux": vingt})
    assert [d.code for d in grade.diagnostics] == ["PAUSE"]
    assert "C'est la règle des adultes" in grade.diagnostics[0].message
    # 5 h in a row: legal for an adult, not for a minor.
    cinq = remplace(semaine_type(), 2, c(2, "09:00", "14:00"), c(2, "15:00", "17:00"))
    assert "règle des adultes" in planning.grade(params, {"creneaux": cinq}).diagnostics[0].message


def test_minor_needs_two_days_off_in_a_row_and_eight_hours_a_day_at_most():
    params = semaine([salarie(mineur=True)])
    # Works Monday to Thursday and Saturday: Friday and Sunday off are not consecutive.
    eparpille = semaine_type(jours=(0, 1, 2, 3, 5))
    assert diagnostics(params, eparpille) == [("REPOS_HEBDOMADAIRE", "E1", None)]
    # Thursday 17:00 to Saturday 09:00 is 40 h: enough for an adult, and the message says so.
    message = planning.grade(params, {"creneaux": eparpille}).diagnostics[0].message
    assert "règle des adultes" in message
    # 8 h 30 on Monday (09:00-13:00 + 13:30-18:00), 5 h 30 on Friday: 35 h.
    long = remplace(semaine_type(), 0, c(0, "09:00", "13:00"), c(0, "13:30", "18:00"))
    long = remplace(long, 4, c(4, "09:00", "12:00"), c(4, "13:00", "15:30"))
    assert diagnostics(params, long) == [("DUREE_QUOTIDIENNE", "E1", "2026-03-09")]


def test_unavailable_day_closed_day_and_hours_outside_opening():
    params = semaine([salarie(indispos=[JOURS[2]])])
    # Wednesday worked although unavailable.
    assert diagnostics(params, semaine_type()) == [("INDISPONIBLE", "E1", "2026-03-11")]
    # Wednesday moved to Sunday (closed) and Monday started at 07:30 (opening 08:00).
    planning_ = remplace(semaine_type(), 2, c(6, "09:00", "12:30"), c(6, "13:30", "17:00"))
    planning_ = remplace(planning_, 0, c(0, "07:30", "11:00"), c(0, "13:30", "17:00"))
    assert diagnostics(params, planning_) == [
        ("HORS_OUVERTURE", "E1", "2026-03-09"),
        ("HORS_OUVERTURE", "E1", "2026-03-15"),
    ]


def test_contract_and_weekly_maximum():
    # 34 h 30 instead of 35 h: Friday ends at 16:30.
    court = remplace(semaine_type(), 4, c(4, "09:00", "12:30"), c(4, "13:30", "16:30"))
    grade = planning.grade(semaine(), {"creneaux": court})
    assert [d.code for d in grade.diagnostics] == ["CONTRAT"]
    assert "34 h 30" in grade.diagnostics[0].message
    # 5 days of 8 h with a 1 h lunch break counted as work: 7 h x 5 = 35 h worked, 40 h contract.
    params = semaine([salarie(heures="40")])
    grade = planning.grade(params, {"creneaux": semaine_type()})
    assert [d.code for d in grade.diagnostics] == ["CONTRAT"]
    assert "les pauses ne sont pas du temps de travail" in grade.diagnostics[0].message
    # A 44 h contract done as 6 days of 8 h: 48 h, over the contract but not over the law.
    params = semaine([salarie(heures="44")])
    six = [x for j in range(6) for x in (c(j, "08:00", "12:00"), c(j, "13:00", "17:00"))]
    assert diagnostics(params, six) == [("CONTRAT", "E1", None)]
    # 6 days of 8 h 30: 51 h, over 48 h.
    plus = [x for j in range(6) for x in (c(j, "08:00", "12:30"), c(j, "13:00", "17:00"))]
    assert diagnostics(params, plus) == [
        ("DUREE_HEBDOMADAIRE", "E1", None),
        ("CONTRAT", "E1", None),
    ]


def test_coverage_counts_people_over_half_open_intervals():
    besoin = {"jour": JOURS[0], "debut": "09:00", "fin": "17:00", "effectif": 1}
    params = semaine([salarie("E1", "4"), salarie("E2", "4")], besoins=[besoin])
    # E1 leaves at 13:00 when E2 arrives: someone is there at every moment of [09:00, 17:00).
    relais = [c(0, "09:00", "13:00", "E1"), c(0, "13:00", "17:00", "E2")]
    assert diagnostics(params, relais) == []
    # E2 arrives at 13:30: nobody from 13:00 to 13:30.
    trou = [c(0, "09:00", "13:00", "E1"), c(0, "13:30", "17:30", "E2")]
    grade = planning.grade(params, {"creneaux": trou})
    assert [(d.code, d.details["salarie"], d.details["jour"]) for d in grade.diagnostics] == [
        ("COUVERTURE", None, "2026-03-09")
    ]
    assert "de 13:00 à 13:30, il n'y a personne" in grade.diagnostics[0].message
    # Two people asked: the overlap 11:00-13:00 is not enough.
    deux = semaine([salarie("E1", "4"), salarie("E2", "4")], besoins=[{**besoin, "effectif": 2}])
    message = planning.grade(deux, {"creneaux": relais}).diagnostics[0].message
    assert "de 09:00 à 17:00, il n'y en a que 1" in message


def test_score_is_half_employees_half_besoins():
    besoins = [
        {"jour": JOURS[0], "debut": "09:00", "fin": "12:00", "effectif": 1},
        {"jour": JOURS[1], "debut": "09:00", "fin": "12:00", "effectif": 1},
    ]
    params = semaine([salarie("E1"), salarie("E2")], besoins=besoins)
    # E1 legal; E2 does 7 h on Monday only (CONTRAT); E1 covers both mornings:
    # 0.5 x 1/2 + 0.5 x 2/2 = 0.75.
    un_faux = [*semaine_type("E1"), c(0, "09:00", "12:30", "E2"), c(0, "13:30", "17:00", "E2")]
    assert planning.grade(params, {"creneaux": un_faux}).score == Decimal("0.75")
    # E1 off on Tuesday too: Tuesday uncovered and E1 short: 0.5 x 0/2 + 0.5 x 1/2 = 0.25.
    sans_mardi = [x for x in un_faux if x["jour"] != JOURS[1]]
    grade = planning.grade(params, {"creneaux": sans_mardi})
    assert grade.score == Decimal("0.25")
    assert grade.competences == [("3.2.1", Decimal("0.25"))]  # coverage proves no 2.1.5
    # Nothing planned: every contract missed, every besoin uncovered.
    assert planning.grade(params, {"creneaux": []}).score == 0


def test_unreadable_creneaux_are_wrong_fields_and_spoil_their_week():
    creneaux = [
        *semaine_type(),
        c(5, "25:00", "12:00"),
        c(5, "14:00", "13:00"),
        {"salarie": "Z9", "jour": JOURS[5], "debut": "09:00", "fin": "10:00"},
        {"salarie": "E1", "jour": "2026-03-20", "debut": "09:00", "fin": "10:00"},
        c(5, "", ""),  # an empty period of the form: ignored
    ]
    grade = planning.grade(semaine(), {"creneaux": creneaux})
    faux = {ch.champ: ch.message for ch in grade.champs if not ch.correct}
    assert faux == {
        "creneaux.10.debut": "« 25:00 » n'existe pas : l'heure va de 00:00 à 24:00.",
        "creneaux.11.fin": "La fin (13:00) doit être après le début (14:00).",
        "creneaux.12.salarie": "Salarié inconnu : « Z9 ».",
        "creneaux.13.jour": "Le 2026-03-20 n'est pas dans la semaine du 2026-03-09.",
    }
    assert [d.code for d in grade.diagnostics] == ["CRENEAU_ILLISIBLE"] * 4
    # E1's week is spoiled; Z9 counts as one more wrong week: 0 / (1 + 1).
    assert grade.score == 0
    # Before grading, what can be read without the week is refused at no attempt's cost; the
    # employee and the day are the week's to judge.
    with pytest.raises(FormatErrors) as erreur:
        planning.parse({"creneaux": creneaux})
    assert erreur.value.errors == {k: faux[k] for k in ("creneaux.10.debut", "creneaux.11.fin")}


def test_a_week_written_the_french_way_grades_as_the_canonical_one():
    francais = [x for j in range(5) for x in (c(j, "9h", "12h30"), c(j, "13 h 30", "17 H"))]
    francais[0] = {**francais[0], "jour": "09/03/2026", "salarie": " E1 "}
    canonique = planning.grade(semaine(), {"creneaux": semaine_type()})
    assert planning.grade(semaine(), {"creneaux": francais}) == canonique
    assert canonique.score == 1


def test_the_creneaux_are_read_once_and_empty_periods_dropped():
    lecture = planning.parse(
        {"creneaux": [c(0, "9h", "12h30"), c(0, " ", ""), c(1, "9:05", "10 h"), {}]}
    )
    assert lecture.valeur("creneaux", 0, "debut") == 9 * 60
    assert lecture.valeur("creneaux", 0, "fin") == 12 * 60 + 30
    assert lecture.arbre["creneaux"][1] is None and lecture.arbre["creneaux"][3] is None
    assert lecture.valeur("creneaux", 2, "jour") == date(2026, 3, 10)
    assert lecture.valeur("creneaux", 2, "fin") == 10 * 60
    with pytest.raises(FormatErrors) as erreur:
        planning.parse({"creneaux": [c(0, "9h", "")]})
    assert erreur.value.errors == {"creneaux.0.fin": "Champ non rempli."}
    with pytest.raises(FormatErrors) as erreur:
        planning.parse({"creneaux": [{"debut": "09:00", "fin": "12:00"}]})
    assert erreur.value.errors == {
        "creneaux.0.salarie": "Le salarié du créneau manque.",
        "creneaux.0.jour": "Le jour du créneau manque.",
    }
    with pytest.raises(FormatErrors) as erreur:
        planning.parse({"creneaux": "lundi matin"})
    assert erreur.value.errors == {"creneaux": "La liste des créneaux est illisible."}


def test_validate_field_speaks_french_about_times_and_days():
    assert planning.validate_field("creneaux.3.debut", "09:00") is None
    assert planning.validate_field("creneaux.3.debut", "8 h 30") is None
    assert planning.validate_field("creneaux.3.fin", "") is None
    assert "n'est pas une heure" in planning.validate_field("creneaux.3.debut", "midi")
    assert "n'existe pas" in planning.validate_field("creneaux.3.fin", "25:00")
    assert "chiffres de 0 à 9" in planning.validate_field("creneaux.3.fin", "１２:００")
    assert planning.validate_field("creneaux.3.jour", "10/03/2026") is None
    assert "n'est pas une date" in planning.validate_field("creneaux.3.jour", "mardi")
    assert planning.validate_field("creneaux.3.salarie", "???") is None
    assert planning.validate_field("creneaux.3.pause", "12:00") == (
        "Champ inconnu « creneaux.3.pause »."
    )


@pytest.mark.parametrize(
    ("modif", "morceau"),
    [
        ({"semaine": "2026-03-10"}, "n'est pas un lundi"),
        ({"semaine": "hier"}, "AAAA-MM-JJ"),
        ({"salaries": []}, "au moins un salarié"),
        ({"salaries": [salarie(heures="-3")]}, "contrat_heures"),
        ({"salaries": [salarie(heures="beaucoup")]}, "contrat_heures"),
        ({"salaries": [salarie(), salarie()]}, "même identifiant"),
        ({"salaries": [salarie(indispos=["2026-04-01"])]}, "pas dans la semaine"),
        ({"ouverture": {JOURS[0]: ["19:00", "09:00"]}}, "après le début"),
        ({"ouverture": {JOURS[0]: ["09:00"]}}, "plage"),
        (
            {"besoins": [{"jour": JOURS[0], "debut": "09:00", "fin": "12:00", "effectif": -1}]},
            "effectif",
        ),
        ({"besoins": [{"jour": JOURS[0], "debut": "09:00", "effectif": 1}]}, "« fin » manque"),
        ({"fin_semaine_precedente": {"E9": "2026-03-07T19:00"}}, "inconnu"),
        ({"fin_semaine_precedente": {"E1": "samedi"}}, "date-heure"),
    ],
)
def test_check_params_refuses_impossible_weeks_in_one_french_line(modif, morceau):
    with pytest.raises(InvalidInput) as erreur:
        planning.check_params({**semaine(), **modif})
    assert morceau in str(erreur.value)
    assert "\n" not in str(erreur.value)


def test_params_are_read_into_the_week_the_rules_check():
    params = semaine(
        [salarie("E1", "24,5", indispos=[JOURS[2]]), salarie("E2", mineur=True)],
        besoins=[{"jour": JOURS[1], "debut": "9h", "fin": "12:30", "effectif": 2}],
        fins={"E1": "2026-03-07T19:00"},
    )
    lue = lire_semaine(params)
    assert lue.lundi == date(2026, 3, 9)
    # 24,5 h = 1 470 min; Wednesday is day 2; last week ended Saturday 19:00, 29 h before
    # Monday 00:00: -1 740 min.
    assert lue.employes == (
        Employe("E1", "Salarié E1", 1470, False, frozenset({2}), -1740),
        Employe("E2", "Salarié E2", 35 * 60, True, frozenset(), None),
    )
    assert lue.ouverture == {j: (8 * 60, 20 * 60) for j in range(6)}
    assert lue.besoins == (Besoin(1, 9 * 60, 12 * 60 + 30, 2),)
    assert planning.check_params(params) is params  # accepted params are returned unchanged


def test_params_name_the_first_field_at_fault():
    assert _refus({"salaries": [salarie(heures="50"), 7]}) == (
        "salaries.0.contrat_heures : entre 0 et 48 heures par semaine."
    )
    assert _refus({"salaries": [salarie(), {"nom": "B"}]}) == "salaries.1 : le champ « id » manque."
    besoin = {"jour": JOURS[0], "debut": "12:00", "fin": "9h", "effectif": 1}
    assert (
        _refus({"besoins": [besoin]}) == "besoins.0 : la fin (9h) doit être après le début (12:00)."
    )
    assert _refus({"ouverture": {JOURS[0]: ["9h", "25:00"]}}) == (
        "« 25:00 » n'existe pas : l'heure va de 00:00 à 24:00."
    )
    assert _refus({"ouverture": {JOURS[0]: ["09:00", "24:30"]}}) == (
        "« 24:30 » n'existe pas : l'heure va de 00:00 à 24:00."
    )
    assert _refus({"ouverture": {"lundi": ["09:00", "12:00"]}}) == (
        "ouverture : « lundi » n'est pas une date AAAA-MM-JJ."
    )
    assert _refus({"fin_semaine_precedente": "samedi"}) == (
        "fin_semaine_precedente : un objet {« E1 »: « AAAA-MM-JJTHH:MM »} est attendu."
    )


def _refus(modif):
    with pytest.raises(InvalidInput) as erreur:
        planning.check_params({**semaine(), **modif})
    return str(erreur.value)


def test_solve_finds_a_legal_week_for_hand_made_params():
    besoins = [{"jour": j, "debut": "08:00", "fin": "14:00", "effectif": 1} for j in JOURS[:6]] + [
        {"jour": j, "debut": "14:00", "fin": "20:00", "effectif": 1} for j in JOURS[:6]
    ]
    params = semaine(
        [salarie("E1"), salarie("E2", mineur=True), salarie("E3", "24", indispos=[JOURS[0]])],
        besoins=besoins,
        fins={"E1": "2026-03-08T23:00"},
    )
    solution = planning.solve(params)
    assert planning.grade(params, solution).score == 1


def test_solve_says_when_no_week_is_possible():
    # 35 h to do on one open day of 12 h: impossible.
    params = semaine(ouverture={JOURS[0]: ["08:00", "20:00"]})
    with pytest.raises(InvalidInput) as erreur:
        planning.solve(params)
    assert "Aucun planning" in str(erreur.value)


def test_solve_refuses_a_contract_over_the_legal_week():
    # A minor may not work more than 35 h: a 36 h contract has no legal planning.
    with pytest.raises(InvalidInput):
        planning.solve(semaine([salarie(heures="36", mineur=True)]))
