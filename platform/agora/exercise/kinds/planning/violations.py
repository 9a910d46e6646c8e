"""Planning: every violation of the working-time rules, the opening hours and the coverage needs."""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections import defaultdict

from agora.exercise.kinds.planning.rules import (
    ADULTE,
    JOUR,
    REPOS_HEBDOMADAIRE,
    SEMAINE,
    Creneau,
    Employe,
    Semaine,
    Violation,
    duree,
    heure,
)

Plages = list[tuple[int, int]]


def controler(semaine: Semaine, creneaux: list[Creneau]) -> list[Violation]:
    """All violations of a planning: employee by employee (in params order), then the coverage."""
    par_salarie: dict[str, dict[int, Plages]] = defaultdict(lambda: defaultdict(list))
    for c in creneaux:
        par_salarie[c.salarie][c.jour].append((c.debut, c.fin))
    travail = {
        e.id: {j: _union(p) for j, p in sorted(par_salarie[e.id].items())} for e in semaine.employes
    }
    violations: list[Violation] = []
    for employe in semaine.employes:
        violations += _regles_salarie(semaine, employe, travail[employe.id])
    violations += _couverture(semaine, travail)
    return violations


def _union(plages: Plages) -> Plages:
    """Overlapping or touching créneaux of one day as disjoint periods (time counted once)."""
    fusion: Plages = []
    for debut, fin in sorted(plages):
        if fusion and debut <= fusion[-1][1]:
            fusion[-1] = (fusion[-1][0], max(fusion[-1][1], fin))
        else:
            fusion.append((debut, fin))
    return fusion


def _regles_salarie(semaine: Semaine, e: Employe, jours: dict[int, Plages]) -> list[Violation]:
    out: list[Violation] = []
    lim = e.limites
    for jour, plages in jours.items():
        out += _regles_jour(semaine, e, jour, plages)
    total = sum(f - d for plages in jours.values() for d, f in plages)
    if total > lim.hebdomadaire:
        qui = "de moins de 18 ans " if e.mineur else ""
        out.append(Violation("DUREE_HEBDOMADAIRE", e.id, None,
            f"{e.nom} travaille {duree(total)} dans la semaine : un salarié {qui}ne peut pas "
            f"dépasser {duree(lim.hebdomadaire)}." + _regle_adulte(e, total <= ADULTE.hebdomadaire)))  # fmt: skip
    if total != e.contrat:
        out.append(Violation("CONTRAT", e.id, None, _message_contrat(e, jours, total)))
    out += _repos_quotidien(semaine, e, jours)
    if not _repos_hebdomadaire_ok(e, jours):
        out.append(Violation("REPOS_HEBDOMADAIRE", e.id, None, _message_repos_hebdo(e, jours)))
    return out


def _regle_adulte(e: Employe, legal_pour_un_adulte: bool) -> str:
    """The method named when a minor was planned by the adults' rule."""
    if e.mineur and legal_pour_un_adulte:
        return f" C'est la règle des adultes, mais {e.nom} a moins de 18 ans."
    return ""


def _message_contrat(e: Employe, jours: dict[int, Plages], total: int) -> str:
    message = (
        f"{e.nom} travaille {duree(total)} cette semaine alors que son contrat prévoit "
        f"{duree(e.contrat)}."
    )
    amplitude = sum(plages[-1][1] - plages[0][0] for plages in jours.values())
    if amplitude == e.contrat:  # the breaks were counted as work
        message += (
            " De l'arrivée au départ, cela fait bien le contrat, mais les pauses ne sont pas du "
            "temps de travail : il faut les retirer."
        )
    return message


def _regles_jour(semaine: Semaine, e: Employe, jour: int, plages: Plages) -> list[Violation]:
    out: list[Violation] = []
    lim = e.limites
    travail = sum(f - d for d, f in plages)
    if travail > lim.quotidienne:
        age = " (moins de 18 ans)" if e.mineur else ""
        out.append(Violation("DUREE_QUOTIDIENNE", e.id, jour,
            f"{e.nom} travaille {duree(travail)} le {semaine.jour_fr(jour)} : le maximum{age} est "
            f"{duree(lim.quotidienne)} par jour." + _regle_adulte(e, travail <= ADULTE.quotidienne)))  # fmt: skip
    for debut, fin, temps in _periodes(plages, lim.pause):
        if temps > lim.periode_max:
            regle = (
                "au-delà de 4 h 30 de travail, une pause d'au moins 30 minutes est obligatoire "
                "(moins de 18 ans)"
                if e.mineur
                else "dès 6 h de travail, une pause d'au moins 20 minutes consécutives est obligatoire"
            )
            out.append(Violation("PAUSE", e.id, jour,
                f"{e.nom} travaille {duree(temps)} sans vraie pause le {semaine.jour_fr(jour)} "
                f"(de {heure(debut)} à {heure(fin)}) : {regle}."
                + _regle_adulte(e, _pauses_adultes_ok(plages, debut, fin))))  # fmt: skip
    if jour in e.indisponibles:
        out.append(Violation("INDISPONIBLE", e.id, jour,
            f"{e.nom} est indisponible le {semaine.jour_fr(jour)} : il ne peut pas travailler ce jour-là."))  # fmt: skip
    out += _hors_ouverture(semaine, e, jour, plages)
    return out


def _pauses_adultes_ok(plages: Plages, debut: int, fin: int) -> bool:
    """Whether the adults' break rule would accept this stretch of a minor's day."""
    dedans = [p for p in plages if debut <= p[0] and p[1] <= fin]
    return all(t <= ADULTE.periode_max for _, _, t in _periodes(dedans, ADULTE.pause))


def _periodes(plages: Plages, pause: int) -> list[tuple[int, int, int]]:
    """Continuous periods (start, end, time worked): a gap shorter than the break does not split."""
    periodes: list[list[int]] = []
    for debut, fin in plages:
        if periodes and debut - periodes[-1][1] < pause:
            periodes[-1][1] = fin
            periodes[-1][2] += fin - debut
        else:
            periodes.append([debut, fin, fin - debut])
    return [(d, f, t) for d, f, t in periodes]


def _hors_ouverture(semaine: Semaine, e: Employe, jour: int, plages: Plages) -> list[Violation]:
    if jour not in semaine.ouverture:
        return [Violation("HORS_OUVERTURE", e.id, jour,
            f"{e.nom} travaille le {semaine.jour_fr(jour)} alors que l'organisation est fermée ce jour-là.")]  # fmt: skip
    ouvre, ferme = semaine.ouverture[jour]
    if plages[0][0] >= ouvre and plages[-1][1] <= ferme:
        return []  # disjoint and in order: the first starts first, the last ends last
    dehors = [(d, f) for d, f in plages if d < ouvre or f > ferme]
    if not dehors:
        return []
    d, f = dehors[0]
    return [Violation("HORS_OUVERTURE", e.id, jour,
        f"{e.nom} travaille de {heure(d)} à {heure(f)} le {semaine.jour_fr(jour)} alors que l'organisation "
        f"est ouverte de {heure(ouvre)} à {heure(ferme)}.")]  # fmt: skip


def _repos_quotidien(semaine: Semaine, e: Employe, jours: dict[int, Plages]) -> list[Violation]:
    out: list[Violation] = []
    minimum = e.limites.repos_quotidien
    fin_avant = e.fin_precedente
    for jour, plages in jours.items():
        debut = jour * JOUR + plages[0][0]
        if fin_avant is not None and debut - fin_avant < minimum:
            out.append(Violation("REPOS_QUOTIDIEN", e.id, jour,
                f"{e.nom} n'a que {duree(debut - fin_avant)} de repos avant de reprendre le "
                f"{semaine.jour_fr(jour)} à {heure(plages[0][0])} : il faut au moins "
                f"{duree(minimum)} consécutives entre deux journées de travail."
                + _regle_adulte(e, debut - fin_avant >= ADULTE.repos_quotidien)))  # fmt: skip
        fin_avant = jour * JOUR + plages[-1][1]
    return out


def plus_long_repos(e: Employe, jours: dict[int, Plages]) -> int:
    """The longest rest of the week (adults): from last week's end, between créneaux, to Sunday 24:00."""
    fin = e.fin_precedente if e.fin_precedente is not None else 0
    plus_long = 0
    for jour, plages in jours.items():
        for debut, fin_plage in plages:
            plus_long = max(plus_long, jour * JOUR + debut - fin)
            fin = jour * JOUR + fin_plage
    return max(plus_long, SEMAINE - fin)


def _repos_hebdomadaire_ok(e: Employe, jours: dict[int, Plages]) -> bool:
    if e.mineur:
        return any(j not in jours and j + 1 not in jours for j in range(6))
    return plus_long_repos(e, jours) >= REPOS_HEBDOMADAIRE


def _message_repos_hebdo(e: Employe, jours: dict[int, Plages]) -> str:
    if e.mineur:
        return (
            f"{e.nom} a moins de 18 ans : il lui faut deux jours de suite sans travail dans la "
            "semaine (du lundi au dimanche)."
        ) + _regle_adulte(e, plus_long_repos(e, jours) >= REPOS_HEBDOMADAIRE)
    return (
        f"{e.nom} n'a jamais 35 h de repos d'affilée dans la semaine (au plus "
        f"{duree(plus_long_repos(e, jours))}) : il faut 24 h de repos hebdomadaire plus 11 h "
        "de repos quotidien."
    )


def _couverture(semaine: Semaine, travail: dict[str, dict[int, Plages]]) -> list[Violation]:
    out: list[Violation] = []
    par_jour: dict[int, Plages] = {}  # everyone's periods of each day (their order is no matter)
    for jours in travail.values():
        for jour, plages in jours.items():
            par_jour.setdefault(jour, []).extend(plages)
    presences: dict[int, tuple[list[int], list[int]]] = {}
    for index, b in enumerate(semaine.besoins):
        if b.jour not in presences:  # a day has several besoins: its head count is built once
            presences[b.jour] = _presences(par_jour.get(b.jour, []))
        manque = _premier_manque(*presences[b.jour], b.debut, b.fin, b.effectif)
        if manque is None:
            continue
        debut, fin, presents = manque
        qui = "il n'y a personne" if presents == 0 else f"il n'y en a que {presents}"
        out.append(Violation("COUVERTURE", None, b.jour,
            f"Le {semaine.jour_fr(b.jour)}, de {heure(b.debut)} à {heure(b.fin)}, il faut "
            f"{b.effectif} personne{'s' if b.effectif > 1 else ''} au travail : de {heure(debut)} "
            f"à {heure(fin)}, {qui}.", besoin=index))  # fmt: skip
    return out


def _presences(plages: Plages) -> tuple[list[int], list[int]]:
    """The head count of a day as a step function: every start or end of a period in order,
    and how many people work from each of them to the next one (a period counts from its start
    up to its end excluded). Each employee's periods are disjoint, so counting periods counts
    distinct employees."""
    variation: dict[int, int] = {}
    for d, f in plages:
        variation[d] = variation.get(d, 0) + (d < f)  # an empty period counts nowhere
        variation[f] = variation.get(f, 0) - (d < f)
    instants = sorted(variation)
    return instants, list(itertools.accumulate(variation[t] for t in instants))


def _premier_manque(
    instants: list[int], effectifs: list[int], debut: int, fin: int, effectif: int
) -> tuple[int, int, int] | None:
    """The first stretch of [debut, fin) with fewer than ``effectif`` people, and how many there
    are (``instants`` and ``effectifs``: the day's head count, ``_presences``; debut < fin)."""
    dedans = instants[bisect_right(instants, debut) : bisect_left(instants, fin)]
    manque: list[int] | None = None
    a = debut
    for b in (*dedans, fin):
        # No start or end falls inside (a, b): the head count at a holds up to b.
        i = bisect_right(instants, a) - 1
        presents = effectifs[i] if i >= 0 else 0
        if presents < effectif:
            if manque is None:
                manque = [a, b, presents]
            elif manque[1] == a:
                manque[1], manque[2] = b, min(manque[2], presents)
        elif manque is not None:
            break
        a = b
    return None if manque is None else (manque[0], manque[1], manque[2])
