"""Planning: find a week with no violation using OR-Tools CP-SAT on a grid of 30 minutes (or finer).

Why CP-SAT: coverage needs, exact contract hours and the rest rules interact across employees,
which a hand-written search handles badly on tight weeks; CP-SAT proves infeasibility too. It is
imported only when a planning is solved (about 0.5 s once per process), single-threaded with a
fixed seed and a limit counted in CP-SAT's deterministic time, not in seconds: the same params
give the same planning however loaded the machine is (a wall-clock limit gave another planning,
or none, to a class solving at once).
"""

from __future__ import annotations

import random
from bisect import bisect_left
from math import gcd
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.kinds.planning.generate import PAS, semaine_possible
from agora.exercise.kinds.planning.rules import (
    JOUR,
    REPOS_HEBDOMADAIRE,
    SEMAINE,
    Creneau,
    Employe,
    Semaine,
)

PERIODE_MIN = 120  # a period of work in the reference planning lasts at least 2 h (readability)


# The two searches: a quick one for a readable planning (fast on the weeks the generator makes),
# then, if it finds nothing, one without the readability wish, with presolve (which proves an
# impossible week in a fraction of a second where the quick search would wander). Limits in
# deterministic time (about a second of one core each).
RECHERCHES = ((True, 2.0), (False, 10.0))
# A wall-clock safety net far above them, so only a stalled machine can stop a search early.
SECONDES_MAX = 60.0


class _TropLong(Exception):
    pass


def resoudre(semaine: Semaine) -> list[Creneau]:
    """A planning with no violation: at most two periods a day of at least 2 h when possible."""
    pas = _pas(semaine)
    trop_long = False
    for lisible, limite in RECHERCHES:
        try:
            creneaux = _resoudre(semaine, pas, lisible, limite)
        except _TropLong:
            trop_long = True  # the last search decides: impossible, or too long to tell
            continue
        trop_long = False
        if creneaux is not None:
            return creneaux
    if trop_long:
        raise InvalidInput(
            "Le calcul du planning a pris trop de temps : réduisez le nombre de salariés ou de "
            "besoins."
        )
    raise InvalidInput(
        "Aucun planning ne respecte toutes les règles avec ces paramètres "
        "(contrats, disponibilités, ouverture et besoins incompatibles)."
    )


def _pas(semaine: Semaine) -> int:
    """The grid: 30 min, or finer when a time or a contract is not on the half hour."""
    pas = 30
    for debut, fin in semaine.ouverture.values():
        pas = gcd(pas, debut, fin)
    for b in semaine.besoins:
        pas = gcd(pas, b.debut, b.fin)
    for e in semaine.employes:
        pas = gcd(pas, e.contrat)
    return max(pas, 5)


def _resoudre(semaine: Semaine, pas: int, lisible: bool, limite: float) -> list[Creneau] | None:
    """One search: the planning, None when there is none, _TropLong when time ran out."""
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    indice = _indice(semaine)
    grille: dict[tuple[str, int], list[tuple[int, Any]]] = {}
    for e in semaine.employes:
        cases = _employe(model, semaine, e, pas, lisible)
        if cases is None:
            return None
        grille.update(cases)
        for (ident, jour), slots in cases.items():
            for t, x in slots:
                model.add_hint(x, (ident, jour, t) in indice)
    for b in semaine.besoins:
        if not b.effectif:
            continue
        for t in range(b.debut - b.debut % pas, b.fin, pas):
            au_travail = [
                x for e in semaine.employes for d, x in grille.get((e.id, b.jour), ()) if d == t
            ]
            if len(au_travail) < b.effectif:
                return None
            model.add(sum(au_travail) >= b.effectif)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    solver.parameters.max_deterministic_time = limite
    solver.parameters.max_time_in_seconds = SECONDES_MAX
    if lisible:  # measured on generated weeks: these settings halve the p95
        solver.parameters.linearization_level = 0
        solver.parameters.cp_model_presolve = False
        if {ident for ident, _, _ in indice} == {e.id for e in semaine.employes}:
            solver.parameters.search_branching = cp_model.HINT_SEARCH
    statut = solver.solve(model)
    if statut == cp_model.UNKNOWN:
        raise _TropLong
    if statut not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return _lire(semaine, grille, solver, pas)


def _indice(semaine: Semaine) -> set[tuple[str, int, int]]:
    """A first guess for the search (measured: it cuts the p95 by two or more): for each
    employee, of a few weeks that keep his own rules, the one covering most missing needs."""

    manque = {}
    for b in semaine.besoins:
        for t in range(b.debut - b.debut % PAS, b.fin, PAS):
            manque[(b.jour, t)] = max(manque.get((b.jour, t), 0), b.effectif)
    rng = random.Random(0)
    indice: set[tuple[str, int, int]] = set()
    for rang, e in enumerate(semaine.employes):
        if e.contrat % PAS:
            continue  # the generator's weeks are made of half hours
        essais = [semaine_possible(e, rng, semaine.ouverture, rang + i) for i in range(4)]
        cases = [{(c.jour, t) for c in w for t in range(c.debut, c.fin, PAS)} for w in essais if w]
        if not cases:
            continue
        meilleur = max(cases, key=lambda cs: sum(1 for k in cs if manque.get(k, 0) > 0))
        for k in meilleur:
            manque[k] = manque.get(k, 0) - 1
            indice.add((e.id, *k))
    return indice


def _employe(model: Any, semaine: Semaine, e: Employe, pas: int, lisible: bool) -> dict | None:
    """The slots of one employee and the rules on them: {(id, day): [(start, var)]};
    None when the contract cannot fit in the open hours left."""
    lim = e.limites
    grille: dict[tuple[str, int], list[tuple[int, Any]]] = {}
    jours: dict[int, list[tuple[int, Any]]] = {}
    travaille: dict[int, Any] = {}
    for jour, (ouvre, ferme) in sorted(semaine.ouverture.items()):
        if jour in e.indisponibles:
            continue
        debut_min = ouvre
        if e.fin_precedente is not None:  # daily rest after last week's work
            debut_min = max(ouvre, e.fin_precedente + lim.repos_quotidien - jour * JOUR)
        debut_min += -debut_min % pas
        cases = [(t, model.new_bool_var("")) for t in range(debut_min, ferme - pas + 1, pas)]
        if not cases:
            continue
        grille[(e.id, jour)] = jours[jour] = cases
        xs = [x for _, x in cases]
        w = travaille[jour] = model.new_bool_var("")
        model.add_max_equality(w, xs)
        model.add(sum(xs) <= lim.quotidienne // pas)
        longueur = -(-PERIODE_MIN // pas) if lisible else 0
        _periodes(model, xs, lim.periode_max // pas + 1, -(-lim.pause // pas), longueur)
    heures = [x for cases in grille.values() for _, x in cases]
    if len(heures) * pas < e.contrat or e.contrat > lim.hebdomadaire:
        return None  # the contract does not fit in the open hours, or breaks the weekly maximum
    model.add(sum(heures) * pas == e.contrat)
    deja = _Deja(model, jours)
    for jour in jours:
        if jour + 1 in jours:
            _trop_proches(model, jours[jour], deja, jour + 1, pas, lim.repos_quotidien - JOUR)
    if e.mineur:
        _deux_jours_de_repos(model, travaille)
    else:
        _repos_hebdomadaire(model, e, jours, deja, travaille, pas)
    return grille


class _Deja(dict):
    """Per day, for each slot, a literal true when work happened at or before it (prefix OR);
    built on first use, since most weeks never need it."""

    def __init__(self, model: Any, jours: dict[int, list[tuple[int, Any]]]):
        super().__init__()
        self.model, self.jours = model, jours

    def __missing__(self, jour: int) -> list[tuple[int, Any]]:
        prefixes, precedent = [], None
        for t, x in self.jours[jour]:
            p = self.model.new_bool_var("")
            self.model.add_implication(x, p)
            if precedent is not None:
                self.model.add_implication(precedent, p)
            prefixes.append((t, p))
            precedent = p
        self[jour] = prefixes
        return prefixes


def _trop_proches(
    model: Any, avant: list, deja: _Deja, jour: int, pas: int, ecart: int, si: Any = None
) -> None:
    """No work at t on one day and at some u of a later day with u - (t + pas) < ``ecart``
    (``deja`` is the later day's prefix OR, ``ecart`` shifted by the days between); if ``si``."""
    condition = [] if si is None else [si.negated()]
    apres = deja.jours[jour]
    if not avant or not apres or apres[0][0] - avant[-1][0] - pas >= ecart:
        return  # the closest pair of slots is already far enough apart
    debuts = [u for u, _ in apres]
    for t, x in avant:
        proches = bisect_left(debuts, ecart + t + pas)  # slots u with u - (t + pas) < ecart
        if proches:
            model.add_bool_or([*condition, x.negated(), deja[jour][proches - 1][1].negated()])


def _periodes(model: Any, xs: list[Any], plus_longue: int, pause: int, longueur: int) -> None:
    """Each run of work starts at a slot marked as a start: a run may not reach ``plus_longue``
    slots (the break rule), a gap shorter than a break is forbidden (it would merge two periods)
    and, for a readable planning, a day has at most two runs of at least 2 h."""
    debuts = []
    for i, x in enumerate(xs):
        debut = model.new_bool_var("")
        model.add_implication(debut, x)
        if i:
            model.add_bool_or([debut, x.negated(), xs[i - 1]])
        else:
            model.add_implication(x, debut)
        if i + plus_longue <= len(xs):  # the run starting here stops before plus_longue slots
            model.add_bool_or([debut.negated(), *(y.negated() for y in xs[i : i + plus_longue])])
        debuts.append(debut)
    for trou in range(1, pause):
        for i in range(len(xs) - trou - 1):
            model.add_bool_or(
                [xs[i].negated(), *xs[i + 1 : i + 1 + trou], xs[i + trou + 1].negated()]
            )
    if longueur:
        for i, debut in enumerate(debuts):
            suite = xs[i : i + longueur]
            if len(suite) < longueur:
                model.add(debut == 0)
            else:
                model.add_bool_and(suite[1:]).only_enforce_if(debut)
        model.add(sum(debuts) <= 2)


def _deux_jours_de_repos(model: Any, travaille: dict[int, Any]) -> None:
    couples = []
    for jour in range(6):
        repos = model.new_bool_var("")
        for j in (jour, jour + 1):
            if j in travaille:
                model.add_implication(repos, travaille[j].negated())
        couples.append(repos)
    model.add_bool_or(couples)


def _repos_hebdomadaire(
    model: Any, e: Employe, jours: dict, deja: _Deja, travaille: dict, pas: int
) -> None:
    """35 h of rest from the end of day a (or last week) to the start of a later day b (or
    Sunday 24:00), every day in between without work: one option must hold."""
    debut_semaine = e.fin_precedente if e.fin_precedente is not None else 0
    options = []
    for a in [None, *sorted(jours)]:
        for b in [*sorted(j for j in jours if a is None or j > a), None]:
            if a is None and b is None and SEMAINE - debut_semaine < REPOS_HEBDOMADAIRE:
                continue
            option = model.new_bool_var("")
            # a and b are working days (the rest runs from one to the other), none in between
            etat = [
                w.negated()
                for j, w in travaille.items()
                if (a is None or j > a) and (b is None or j < b)
            ]
            etat += [travaille[j] for j in (a, b) if j is not None]
            model.add_bool_and(etat).only_enforce_if(option)
            _repos_entre(model, option, a, b, jours, deja, pas, debut_semaine)
            options.append(option)
    model.add_bool_or(options)


def _repos_entre(
    model: Any,
    option: Any,
    a: int | None,
    b: int | None,
    jours: dict,
    deja: _Deja,
    pas: int,
    debut: int,
) -> None:
    """Under ``option``, the work of day a (or last week's end) and of day b (or Sunday 24:00)
    leaves 35 h between them."""
    if a is not None and b is not None:
        _trop_proches(model, jours[a], deja, b, pas, REPOS_HEBDOMADAIRE - (b - a) * JOUR, option)
    elif b is not None:  # from last week's end to day b
        for u, y in jours[b]:
            if b * JOUR + u - debut < REPOS_HEBDOMADAIRE:
                model.add_implication(option, y.negated())
    elif a is not None:  # from day a to Sunday 24:00
        for t, x in jours[a]:
            if SEMAINE - (a * JOUR + t + pas) < REPOS_HEBDOMADAIRE:
                model.add_implication(option, x.negated())


def _lire(semaine: Semaine, grille: dict, solver: Any, pas: int) -> list[Creneau]:
    creneaux: list[Creneau] = []
    for e in semaine.employes:
        for jour in sorted(semaine.ouverture):
            debut = fin = None
            for t, x in grille.get((e.id, jour), ()):
                if not solver.value(x):
                    continue
                if fin != t:
                    if debut is not None:
                        creneaux.append(Creneau(e.id, jour, debut, fin))
                    debut = t
                fin = t + pas
            if debut is not None:
                creneaux.append(Creneau(e.id, jour, debut, fin))
    return creneaux
