"""Planning: the grader's short cuts say what the full rules say, on many random weeks.

A planning handed in is checked employee by employee with one quick pass (``_bilan``), and
each besoin with one look at the day's head count (``_couvert``): the messages are only
written where these find something. Each short cut must agree with the rule it stands for, at
the boundaries of the law too (times on a 10-minute grid reach them exactly).
"""

import random
from datetime import date

import pytest

from agora.exercise.kinds.planning.rules import ADULTE, Besoin, Employe, Semaine
from agora.exercise.kinds.planning.violations import (
    _bilan,
    _couvert,
    _premier_manque,
    _presences,
    _regles_salarie,
    _unions,
    _variations,
)

LUNDI = date(2026, 3, 9)


def _plages(rng: random.Random) -> list[tuple[int, int]]:
    """One to three créneaux of a day on a 10-minute grid, at times overlapping or touching."""
    plages = []
    for _ in range(rng.choice((1, 1, 2, 2, 2, 3))):
        debut = rng.randrange(0, 1400, 10)
        plages.append((debut, min(1440, debut + rng.randrange(10, 720, 10))))
    return plages


def _employe(rng: random.Random, jours: dict[int, list[tuple[int, int]]]) -> Employe:
    """An employee whose contract is mostly the time worked, so that the other rules decide."""
    travail = sum(f - d for plages in _unions(jours).values() for d, f in plages)
    return Employe(
        id="E1",
        nom="Salarié E1",
        contrat=travail if rng.random() < 0.8 else travail + 30,
        mineur=rng.random() < 0.3,
        indisponibles=frozenset(rng.sample(range(7), rng.choice((0, 0, 1)))),
        fin_precedente=rng.choice((None, -300, -600, -720, -780, -1440)),
    )


def _semaine(rng: random.Random, employes: tuple[Employe, ...], besoins=()) -> Semaine:
    ouverture = {
        j: (rng.choice((0, 360, 480, 540)), rng.choice((1140, 1200, 1320, 1440)))
        for j in range(7)
        if rng.random() < 0.9
    }
    return Semaine(LUNDI, employes, ouverture, tuple(besoins))


# The rules checked day by day, and those of the whole week.
DU_JOUR = {"DUREE_QUOTIDIENNE", "PAUSE", "INDISPONIBLE", "HORS_OUVERTURE"}


def test_the_quick_pass_finds_the_days_and_the_weeks_at_fault_exactly_as_the_rules_do():
    rng = random.Random(20261204)
    seen = {True: 0, False: 0}
    for _ in range(6000):
        jours = {j: _plages(rng) for j in sorted(rng.sample(range(7), rng.randint(0, 7)))}
        employe = _employe(rng, jours)
        semaine = _semaine(rng, (employe,))
        jours = _unions(jours)
        toutes = _regles_salarie(semaine, employe, jours, list(jours))
        a_revoir, en_regle = _bilan(semaine, employe, jours)
        assert a_revoir == sorted({v.jour for v in toutes if v.code in DU_JOUR}), (employe, jours)
        assert en_regle == all(v.code in DU_JOUR for v in toutes), (employe, jours)
        assert _regles_salarie(semaine, employe, jours, a_revoir) == toutes
        seen[en_regle] += 1
    assert min(seen.values()) > 100  # both answers were given, many times


def _adulte(contrat: int, fin_precedente: int | None = None) -> Employe:
    return Employe("E1", "E1", contrat, False, frozenset(), fin_precedente)


OUVERT = Semaine(LUNDI, (), {j: (0, 1440) for j in range(7)}, ())
# Weeks at the boundaries of the law, as (employee, days, what the rules find), each in rule
# and then one minute beyond (the week's total kept, so that only that rule breaks).
_PAUSE = {j: [(540, 899), (919, 1140)] for j in range(4)}  # 5 h 59, a 20-min break, 3 h 41
_REPOS = {j: [(540, 780)] for j in range(6)}  # Saturday ends at 13:00: 35 h of rest follow
_JOURNEE = {0: [(480, 780), (800, 1100)], **{j: [(540, 780)] for j in range(1, 4)}}  # 10 h
LIMITES = [
    (_adulte(4 * 580, 540 - ADULTE.repos_quotidien), _PAUSE, []),
    (
        _adulte(4 * 580, 540 - ADULTE.repos_quotidien),
        {**_PAUSE, 0: [(540, 900), (920, 1140)]},
        ["PAUSE"],
    ),
    (_adulte(4 * 580, 541 - ADULTE.repos_quotidien), _PAUSE, ["REPOS_QUOTIDIEN"]),
    (_adulte(6 * 240), _REPOS, []),
    (_adulte(6 * 240), {**_REPOS, 5: [(541, 781)]}, ["REPOS_HEBDOMADAIRE"]),
    (_adulte(1320), _JOURNEE, []),
    (
        _adulte(1320),
        {**_JOURNEE, 0: [(480, 780), (800, 1101)], 1: [(540, 779)]},
        ["DUREE_QUOTIDIENNE"],
    ),
    (
        Employe("E2", "E2", 4 * 270, True, frozenset(), None),
        {j: [(540, 810)] for j in range(4)},
        [],
    ),
    (
        Employe("E2", "E2", 4 * 270, True, frozenset(), None),
        {0: [(539, 810)], 1: [(540, 809)], 2: [(540, 810)], 3: [(540, 810)]},
        ["PAUSE"],
    ),
    (
        Employe("E2", "E2", 2100, True, frozenset(), None),
        {j: [(540, 810), (840, 990)] for j in range(5)},  # 7 h a day: 35 h
        [],
    ),
    (
        Employe("E2", "E2", 2160, True, frozenset(), None),  # a contract a minor cannot do
        {j: [(540, 810), (840, 1002)] for j in range(5)},
        ["DUREE_HEBDOMADAIRE"],
    ),
]


# Open 08:00-19:00 from Monday to Saturday: at work up to the closing time, or a minute past.
HORAIRES = Semaine(LUNDI, (), {j: (480, 1140) for j in range(6)}, ())
_SOIRS = {j: [(900, 1140)] for j in range(4)}
OUVERTURE = [
    (_adulte(4 * 240), _SOIRS, []),
    (_adulte(4 * 240), {**_SOIRS, 1: [(901, 1141)]}, ["HORS_OUVERTURE"]),
    (_adulte(4 * 240), {**_SOIRS, 0: [(479, 719)]}, ["HORS_OUVERTURE"]),
    (_adulte(4 * 240), {**_SOIRS, 3: [], 6: [(900, 1140)]}, ["HORS_OUVERTURE"]),
]


@pytest.mark.parametrize(
    ("semaine", "employe", "jours", "codes"),
    [(OUVERT, *limite) for limite in LIMITES] + [(HORAIRES, *cas) for cas in OUVERTURE],
)
def test_at_the_limits_of_the_law_the_quick_pass_and_the_rules_agree(
    semaine, employe, jours, codes
):
    jours = {j: p for j, p in jours.items() if p}
    assert [v.code for v in _regles_salarie(semaine, employe, jours, list(jours))] == codes
    a_revoir, en_regle = _bilan(semaine, employe, jours)
    assert (not a_revoir and en_regle) == (not codes)


def test_a_besoin_is_covered_exactly_when_no_stretch_of_it_lacks_people():
    rng = random.Random(4122026)
    seen = {True: 0, False: 0}
    for _ in range(4000):
        travail = {f"E{k}": _unions({0: _plages(rng)}) for k in range(rng.randint(0, 5))}
        instants, effectifs = _presences(_variations(travail).get(0, {}))
        debut = rng.randrange(0, 1430, 10)
        besoin = Besoin(0, debut, rng.randrange(debut + 10, 1441, 10), rng.randint(0, 3))
        couvert = _couvert(instants, effectifs, besoin)
        manque = _premier_manque(instants, effectifs, besoin.debut, besoin.fin, besoin.effectif)
        assert couvert == (manque is None), (travail, besoin)
        seen[couvert] += 1
    assert min(seen.values()) > 100
