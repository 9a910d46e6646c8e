"""Planning: build a week from the organisation, around a planning known to have no violation.

The needs are read off that planning (never above the staff it puts at work), so every generated
week has at least one valid planning; the rule checker that grades students confirms it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from agora.calendrier import JOURS
from agora.company.model import Company, Salarie
from agora.errors import InvalidInput
from agora.exercise.base import Options, Variant
from agora.exercise.kinds.planning.params import NAME
from agora.exercise.kinds.planning.rules import (
    JOUR,
    Besoin,
    Creneau,
    Employe,
    Semaine,
    heure,
    lire_heure,
)
from agora.exercise.kinds.planning.statement import enonce
from agora.exercise.kinds.planning.violations import controler

PAS = 30
# niveau -> (fewest, most employees)
EFFECTIFS = {1: (3, 4), 2: (5, 6), 3: (6, 8)}
MOTIFS = ("rendez-vous médical", "formation", "jour de repos demandé", "garde d'enfant")


@dataclass(frozen=True)
class Choix:
    """What the statement needs beyond params: who the employees are, why they are away."""

    salaries: tuple[Salarie, ...]
    motifs: dict[str, str]  # employee id -> reason of the unavailability
    reference: tuple[Creneau, ...]  # the planning the needs were read from


@cache
def _feries() -> frozenset[date]:
    import holidays

    return frozenset(holidays.France(years=2026))


def _lundi(rng: random.Random) -> date:
    """A Monday of 2026 whose week holds no public holiday (a holiday would shorten the contracts)."""
    return rng.choice(_lundis_sans_ferie())


@cache
def _lundis_sans_ferie() -> tuple[date, ...]:
    feries = _feries()
    lundis = [date(2026, 1, 5) + timedelta(weeks=w) for w in range(51)]
    return tuple(d for d in lundis if not any(d + timedelta(days=i) in feries for i in range(7)))


def _convient(s: Salarie, lundi: date) -> bool:
    """A contract a week can hold: whole half hours, at most 44 h (35 h under 18)."""
    heures = s.heures_hebdo
    maximum = 35 if s.age_le(lundi) < 18 else 44
    return heures == (heures * 2).to_integral_value() / 2 and 4 <= heures <= maximum


def _equipe(
    rng: random.Random, niveau: int, salaries: tuple[Salarie, ...], lundi: date
) -> tuple[int, list[Salarie]]:
    """How many employees to plan, and the candidates in order of preference: those whose
    contracts fit (no minor below level 3, no cadre unless too few others), a part-timer first
    from level 2, a minor first at level 3, then the others."""
    bas, haut = EFFECTIFS[niveau]
    candidats = [s for s in salaries if _convient(s, lundi)]
    if niveau < 3:
        candidats = [s for s in candidats if s.age_le(lundi) >= 18]
    # Counted once the minors are out: an apprentice among three non-cadres left a team of two.
    non_cadres = [s for s in candidats if s.statut != "cadre"]
    if len(non_cadres) >= bas:
        candidats = non_cadres
    mineurs = [s for s in candidats if s.age_le(lundi) < 18]
    partiels = [s for s in candidats if s.heures_hebdo < 35]
    if niveau == 1 and len(candidats) - len(partiels) >= bas:
        candidats = [s for s in candidats if s not in partiels]
    rng.shuffle(candidats)
    d_abord = []
    if niveau >= 2 and partiels:
        d_abord.append(rng.choice(partiels))
    if niveau == 3 and mineurs:
        d_abord.append(rng.choice(mineurs))
    return rng.randint(bas, haut), d_abord + [s for s in candidats if s not in d_abord]


def _ouverture(horaires: dict[str, tuple[str, str] | None]) -> dict[int, tuple[int, int]]:
    plages = {}
    for jour, nom in enumerate(JOURS):
        plage = horaires.get(nom)
        if plage:
            plages[jour] = (lire_heure(plage[0]), lire_heure(plage[1]))
    return plages


def _fin_precedente(rng: random.Random, ouverture: dict[int, tuple[int, int]]) -> int:
    """The end of last week's work: the closing time of one of its last two open days."""
    jour = rng.choice(sorted(ouverture)[-2:])
    return (jour - 7) * JOUR + ouverture[jour][1]


def _journee(
    rng: random.Random, e: Employe, unites: int, plage: tuple[int, int], tot: bool
) -> list[tuple[int, int]]:
    """One day's periods: one period when short, else two with a lunch break, placed early or late."""
    ouvre, ferme = plage
    travail = unites * PAS
    if travail <= e.limites.periode_max:
        morceaux, pause = [travail], 0
    else:
        premier = -(-unites // 2) * PAS
        morceaux, pause = [premier, travail - premier], 60 if ferme - ouvre >= travail + 60 else 30
    amplitude = sum(morceaux) + pause
    if amplitude > ferme - ouvre:
        return []
    debut = ouvre if tot else ferme - amplitude
    if rng.random() < 0.3:
        debut = ouvre + rng.randrange(0, ferme - ouvre - amplitude + 1, PAS)
    periodes = []
    for longueur in morceaux:
        periodes.append((debut, debut + longueur))
        debut += longueur + pause
    return periodes


def _capacite(e: Employe, plage: tuple[int, int]) -> int:
    """The most 30-min units one day's opening allows: one period, or two around a 30-min break."""
    ouverture = (plage[1] - plage[0]) // PAS
    plus_longue = e.limites.periode_max // PAS
    deux = min(ouverture - 1, 2 * plus_longue) if ouverture > plus_longue else 0
    return min(e.limites.quotidienne // PAS, max(min(ouverture, plus_longue), deux))


def _repartir(rng: random.Random, unites: int, capacites: list[int]) -> list[int] | None:
    """Units per day, as even as the capacities allow, each day at least 2 h."""
    parts = [min(c, unites // len(capacites)) for c in capacites]
    ordre = list(range(len(parts)))
    rng.shuffle(ordre)
    reste = unites - sum(parts)
    while reste > 0:
        libres = [i for i in ordre if parts[i] < capacites[i]]
        if not libres:
            return None
        for i in libres[:reste]:
            parts[i] += 1
        reste = unites - sum(parts)
    return parts if min(parts) >= 4 else None


def semaine_possible(
    e: Employe, rng: random.Random, ouverture: dict, rang: int
) -> list[Creneau] | None:
    """A week of work for one employee that breaks no rule of his own, or None after many tries."""
    dispo = [j for j in sorted(ouverture) if j not in e.indisponibles]
    unites = e.contrat // PAS
    capacites = sorted((_capacite(e, ouverture[j]) for j in dispo), reverse=True)
    k_min = next((k for k in range(1, len(dispo) + 1) if sum(capacites[:k]) >= unites), 99)
    k_max = min(len(dispo), 5 if e.mineur else 6, unites // 4)
    seul = Semaine(date(2026, 1, 5), (e,), ouverture, ())
    for essai in range(40):
        if k_min > k_max:
            return None
        k = max(k_min, min(k_max, round(unites / 14) + rng.choice((0, 0, 1)) + essai // 10))
        jours = sorted(rng.sample(dispo, k))
        parts = _repartir(rng, unites, [_capacite(e, ouverture[j]) for j in jours])
        if parts is None:
            continue
        creneaux = []
        for n, (jour, part) in enumerate(zip(jours, parts, strict=True)):
            tot = (rang + n + essai) % 2 == 0
            periodes = _journee(rng, e, part, ouverture[jour], tot)
            creneaux += [Creneau(e.id, jour, d, f) for d, f in periodes]
        if sum(c.fin - c.debut for c in creneaux) == e.contrat and not controler(seul, creneaux):
            return creneaux
    return None


def _besoins(niveau: int, ouverture: dict, creneaux: list[Creneau]) -> list[Besoin]:
    """Morning and afternoon needs read off the planning (the fewest people at work in each);
    level 3 adds the busiest two hours of the day when more people are needed then."""
    besoins = []
    for jour, (ouvre, ferme) in sorted(ouverture.items()):
        du_jour = [(c.debut, c.fin) for c in creneaux if c.jour == jour]
        presents = [
            sum(1 for debut, fin in du_jour if debut <= t < fin) for t in range(ouvre, ferme, PAS)
        ]
        milieu = 780 if ouvre + 120 <= 780 <= ferme - 120 else ouvre + (ferme - ouvre) // 60 * 30
        for debut, fin in ((ouvre, milieu), (milieu, ferme)):
            besoin = _demi_journee(
                jour, debut, fin, presents[(debut - ouvre) // PAS : (fin - ouvre) // PAS]
            )
            if besoin is not None:
                besoins.append(
                    besoin._replace(effectif=min(besoin.effectif, 1)) if niveau == 1 else besoin
                )
        if niveau == 3 and len(presents) >= 4:
            besoins += _pic(jour, ouvre, presents, besoins)
    return sorted(besoins, key=lambda b: (b.jour, b.debut, b.fin))


def _demi_journee(jour: int, debut: int, fin: int, presents: list[int]) -> Besoin | None:
    """The need of a half day: the fewest people at work in it; when nobody is there at some
    moment, the longest stretch of at least 2 h where someone always is."""
    if min(presents) > 0:
        return Besoin(jour, debut, fin, min(presents))
    meilleur, depart = (0, 0), None
    for i, n in enumerate([*presents, 0]):
        if n and depart is None:
            depart = i
        elif not n and depart is not None:
            meilleur = max(meilleur, (i - depart, -depart))
            depart = None
    longueur, depart = meilleur[0], -meilleur[1]
    if longueur < 4:
        return None
    effectif = min(presents[depart : depart + longueur])
    return Besoin(jour, debut + depart * PAS, debut + (depart + longueur) * PAS, effectif)


def _pic(jour: int, ouvre: int, presents: list[int], besoins: list[Besoin]) -> list[Besoin]:
    """The busiest two hours of a day, when they need more people than the half-day does."""
    pic = max(range(len(presents) - 3), key=lambda i: (min(presents[i : i + 4]), -i))
    effectif = min(presents[pic : pic + 4])
    deja = max((b.effectif for b in besoins if b.jour == jour), default=0)
    if effectif <= deja:
        return []
    debut = ouvre + pic * PAS
    return [Besoin(jour, debut, debut + 120, effectif)]


def generer(seed: int, niveau: int, organisation: Company) -> tuple[dict[str, Any], Choix]:
    """Params of a week with at least one valid planning, and what the statement needs."""
    rng = random.Random(f"planning:{seed}:{niveau}")
    lundi = _lundi(rng)
    ouverture = _ouverture(organisation.horaires)
    if not ouverture:
        raise InvalidInput(f"{organisation.raison_sociale} n'ouvre aucun jour : pas de planning.")
    nombre, candidats = _equipe(rng, niveau, organisation.salaries, lundi)
    absences = 2 if niveau == 3 else 0
    employes: list[Employe] = []
    planning: list[Creneau] = []
    retenus: list[Salarie] = []
    motifs: dict[str, str] = {}
    for s in candidats:
        if len(employes) == nombre:
            break
        e = Employe(
            id=s.id,
            nom=f"{s.prenom} {s.nom}",
            contrat=int(s.heures_hebdo * 60),
            mineur=s.age_le(lundi) < 18,
            indisponibles=frozenset(),
            fin_precedente=_fin_precedente(rng, ouverture),
        )
        semaine = None
        if absences:
            absent = e._replace(indisponibles=frozenset([rng.choice(sorted(ouverture))]))
            semaine = semaine_possible(absent, rng, ouverture, len(employes))
            if semaine is not None:
                e, absences, motifs[e.id] = absent, absences - 1, rng.choice(MOTIFS)
        semaine = semaine or semaine_possible(e, rng, ouverture, len(employes))
        if semaine is not None:
            employes.append(e)
            planning += semaine
            retenus.append(s)
    if absences:
        employes = _jours_libres(rng, employes, planning, ouverture, absences, motifs)
    ordre = {s.id: i for i, s in enumerate(organisation.salaries)}
    employes.sort(key=lambda e: ordre[e.id])
    planning.sort(key=lambda c: (ordre[c.salarie], c.jour, c.debut))
    if not employes:
        raise InvalidInput(
            f"Aucun salarié de {organisation.raison_sociale} n'a un contrat qui se prête à un planning."
        )
    besoins = _besoins(niveau, ouverture, planning)
    params = _params(lundi, employes, ouverture, besoins)
    assert not controler(Semaine(lundi, tuple(employes), ouverture, tuple(besoins)), planning)
    return params, Choix(tuple(retenus), motifs, tuple(planning))


def _jours_libres(
    rng: random.Random,
    employes: list[Employe],
    planning: list[Creneau],
    ouverture: dict,
    absences: int,
    motifs: dict[str, str],
) -> list[Employe]:
    """Unavailability on an open day the planning leaves free, for employees who have one
    (when no one could give up a working day)."""
    resultat = []
    for e in employes:
        libres = sorted(set(ouverture) - {c.jour for c in planning if c.salarie == e.id})
        if absences and libres and not e.indisponibles:
            e = e._replace(indisponibles=frozenset([rng.choice(libres)]))
            motifs[e.id] = rng.choice(MOTIFS)
            absences -= 1
        resultat.append(e)
    return resultat


def _params(
    lundi: date, employes: list[Employe], ouverture: dict, besoins: list[Besoin]
) -> dict[str, Any]:
    def iso(jour: int) -> str:
        return (lundi + timedelta(days=jour)).isoformat()

    debut = datetime.combine(lundi, datetime.min.time())
    return {
        "semaine": lundi.isoformat(),
        "salaries": [
            {
                "id": e.id,
                "nom": e.nom,
                "contrat_heures": str(Decimal(e.contrat) / 60).removesuffix(".0"),
                "mineur": e.mineur,
                "indisponibilites": [iso(j) for j in sorted(e.indisponibles)],
            }
            for e in employes
        ],
        "ouverture": {iso(j): [heure(o), heure(f)] for j, (o, f) in sorted(ouverture.items())},
        "besoins": [
            {
                "jour": iso(b.jour),
                "debut": heure(b.debut),
                "fin": heure(b.fin),
                "effectif": b.effectif,
            }
            for b in besoins
        ],
        "fin_semaine_precedente": {
            e.id: (debut + timedelta(minutes=e.fin_precedente)).strftime("%Y-%m-%dT%H:%M")
            for e in employes
            if e.fin_precedente is not None
        },
    }


def generate(seed: int, niveau: int, organisation: Any, options: Options = None) -> Variant:
    """A week of the organisation's staff with at least one planning without violation."""
    params, choix = generer(seed, niveau, organisation)
    return Variant(NAME, seed, niveau, params, enonce(params, niveau, organisation, choix))
