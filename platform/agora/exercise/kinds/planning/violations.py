"""Planning: every violation of the working-time rules, the opening hours and the coverage needs."""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from agora.exercise.kinds.planning.rules import (
    ADULTE,
    JOUR,
    REPOS_HEBDOMADAIRE,
    SEMAINE,
    Besoin,
    Employe,
    Semaine,
    Violation,
    duree,
    heure,
)

Plages = list[tuple[int, int]]
# Créneaux by employee, then by day index: their (start, end), in the order handed in.
Groupes = dict[str, dict[int, Plages]]


def controler(semaine: Semaine, creneaux: Iterable[tuple[str, int, int, int]]) -> list[Violation]:
    """All violations of a planning: employee by employee (in params order), then the coverage.

    Each créneau is a ``Creneau`` or a plain tuple in its order."""
    par_salarie: Groupes = {}
    for salarie, jour, debut, fin in creneaux:
        jours = par_salarie.get(salarie)
        if jours is None:
            jours = par_salarie[salarie] = {}
        plages = jours.get(jour)
        if plages is None:
            jours[jour] = [(debut, fin)]
        else:
            plages.append((debut, fin))
    return controler_groupes(semaine, par_salarie)


def controler_groupes(semaine: Semaine, par_salarie: Groupes) -> list[Violation]:
    """``controler`` on the créneaux grouped already, by employee then day, each day's in the
    order given (the grader groups them as it reads them)."""
    travail: dict[str, dict[int, Plages]] = {}
    violations: list[Violation] = []
    for employe in semaine.employes:
        jours = _unions(par_salarie.get(employe.id))
        travail[employe.id] = jours
        a_revoir, semaine_en_regle = _bilan(semaine, employe, jours)
        if a_revoir or not semaine_en_regle:  # only then are messages written
            violations += _regles_salarie(semaine, employe, jours, a_revoir)
    violations += _couverture(semaine, travail)
    return violations


def _unions(jours: dict[int, Plages] | None) -> dict[int, Plages]:
    """An employee's days in order, each as disjoint periods (``_union``): a day of one
    créneau, or of two in order with a break between them (most days), is its own union."""
    if not jours:
        return {}
    return {
        j: p if len(p) == 1 or (len(p) == 2 and p[0] < p[1] and p[0][1] < p[1][0]) else _union(p)
        for j, p in sorted(jours.items())
    }


def _union(plages: Plages) -> Plages:
    """Overlapping or touching créneaux of one day as disjoint periods (time counted once)."""
    fusion: Plages = []
    for debut, fin in sorted(plages):
        if fusion and debut <= fusion[-1][1]:
            fusion[-1] = (fusion[-1][0], max(fusion[-1][1], fin))
        else:
            fusion.append((debut, fin))
    return fusion


def _bilan(semaine: Semaine, e: Employe, jours: dict[int, Plages]) -> tuple[list[int], bool]:
    """The days that break a rule of the day, in order, and whether the rules of the week
    hold (hours, contract, daily and weekly rests): one pass, no message written, since most
    employees of a planning handed in break no rule. The same tests as the rules below, in
    the same terms; a test checks they agree on random weeks."""
    lim = e.limites
    pause, periode_max, quotidienne = lim.pause, lim.periode_max, lim.quotidienne
    ouverture, indisponibles = semaine.ouverture, e.indisponibles
    a_revoir: list[int] = []
    en_regle = True
    fin = e.fin_precedente  # the end of the last day worked
    quotidien = fin is not None  # the daily rest counts from last week's end when known
    if fin is None:
        fin = 0  # the weekly rest counts from Monday 00:00
    # The longest rest between two days (a rest within a day, under 24 h, is never the 35 h).
    plus_long = total = 0
    for jour, plages in jours.items():
        premier, dernier = plages[0][0], plages[-1][1]  # disjoint and in order
        debut_jour = jour * JOUR
        repos = debut_jour + premier - fin
        if quotidien and repos < lim.repos_quotidien:
            en_regle = False
        quotidien = True
        if repos > plus_long:
            plus_long = repos
        if len(plages) == 1:
            travail = dernier - premier
            pauses = travail <= periode_max
        elif len(plages) == 2:  # most days: a morning and an afternoon, as the loop below
            matin, apres = plages[0][1] - premier, dernier - plages[1][0]
            travail = matin + apres
            suite = apres if plages[1][0] - plages[0][1] >= pause else travail
            pauses = matin <= periode_max and suite <= periode_max
        else:
            travail = temps = 0
            pauses = True
            precedente = None
            for debut, fin_plage in plages:
                if precedente is None or debut - precedente >= pause:
                    temps = 0  # a real break: a new continuous period
                temps += fin_plage - debut
                pauses = pauses and temps <= periode_max
                travail += fin_plage - debut
                precedente = fin_plage
        plage = ouverture.get(jour)
        if (
            not pauses
            or travail > quotidienne
            or jour in indisponibles
            or plage is None
            or premier < plage[0]
            or dernier > plage[1]
        ):
            a_revoir.append(jour)
        total += travail
        fin = debut_jour + dernier
    if total > lim.hebdomadaire or total != e.contrat:
        en_regle = False
    elif e.mineur:
        en_regle = en_regle and any(j not in jours and j + 1 not in jours for j in range(6))
    else:
        en_regle = en_regle and max(plus_long, SEMAINE - fin) >= REPOS_HEBDOMADAIRE
    return a_revoir, en_regle


def _regles_salarie(
    semaine: Semaine, e: Employe, jours: dict[int, Plages], a_revoir: Iterable[int]
) -> list[Violation]:
    """Every violation of an employee's week; the rules of the day are checked on the days
    ``a_revoir`` (the others are known to keep them)."""
    out: list[Violation] = []
    lim = e.limites
    for jour in a_revoir:
        out += _regles_jour(semaine, e, jour, jours[jour])
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
    variations = _variations(travail)
    presences: dict[int, tuple[list[int], list[int]]] = {}
    for index, b in enumerate(semaine.besoins):
        presence = presences.get(b.jour)
        if presence is None:  # a day has several besoins: its head count is built once
            presence = presences[b.jour] = _presences(variations.get(b.jour, {}))
        instants, effectifs = presence
        if _couvert(instants, effectifs, b):
            continue
        manque = _premier_manque(instants, effectifs, b.debut, b.fin, b.effectif)
        if manque is None:
            continue
        debut, fin, presents = manque
        qui = "il n'y a personne" if presents == 0 else f"il n'y en a que {presents}"
        out.append(Violation("COUVERTURE", None, b.jour,
            f"Le {semaine.jour_fr(b.jour)}, de {heure(b.debut)} à {heure(b.fin)}, il faut "
            f"{b.effectif} personne{'s' if b.effectif > 1 else ''} au travail : de {heure(debut)} "
            f"à {heure(fin)}, {qui}.", besoin=index))  # fmt: skip
    return out


def _variations(travail: dict[str, dict[int, Plages]]) -> dict[int, dict[int, int]]:
    """By day, how the head count changes at every start or end of a period (a period counts
    from its start up to its end excluded; an empty one counts nowhere). Each employee's
    periods are disjoint, so counting periods counts distinct employees."""
    variations: dict[int, dict[int, int]] = {}
    for jours in travail.values():
        for jour, plages in jours.items():
            variation = variations.get(jour)
            if variation is None:
                variation = variations[jour] = {}
            get = variation.get
            for d, f in plages:
                if d < f:
                    variation[d] = get(d, 0) + 1
                    variation[f] = get(f, 0) - 1
                else:  # its instants are still the day's
                    variation[d] = get(d, 0)
                    variation[f] = get(f, 0)
    return variations


def _presences(variation: dict[int, int]) -> tuple[list[int], list[int]]:
    """The head count of a day as a step function: every start or end of a period in order,
    and how many people work from each of them to the next one."""
    instants = sorted(variation)
    return instants, list(itertools.accumulate(map(variation.__getitem__, instants)))


def _couvert(instants: list[int], effectifs: list[int], b: Besoin) -> bool:
    """Whether ``_premier_manque`` finds no one missing, with no stretch built: enough people
    at the start of the besoin and after every change of the head count up to its end."""
    i = bisect_right(instants, b.debut) - 1  # the head count at the start holds from i
    if i < 0:  # nobody at work yet at the start
        return b.effectif <= 0
    return min(effectifs[i : bisect_left(instants, b.fin)]) >= b.effectif


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
