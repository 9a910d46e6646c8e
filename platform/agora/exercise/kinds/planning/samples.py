"""Planning: typical wrong plannings built from a correct one, each with the rule it must break."""

from __future__ import annotations

import itertools
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.kinds.planning.params import lire_semaine
from agora.exercise.kinds.planning.rules import Creneau, Semaine, en_json
from agora.exercise.kinds.planning.solver import resoudre


def erreurs_typiques(semaine: Semaine, creneaux: list[Creneau]) -> list[SampleAnswer]:
    """The mistakes a student makes most, when the week lends itself to them."""
    exemples = [
        _jour_oublie(creneaux),
        _sans_pause(semaine, creneaux),
        _avant_ouverture(semaine, creneaux),
        _sous_effectif(semaine, creneaux),
        _indisponible(semaine, creneaux),
        _mineur_sans_pause(semaine, creneaux),
        _journee_trop_longue(semaine, creneaux),
    ]
    return [
        SampleAnswer(label, en_json(semaine, planning), False, codes)
        for label, planning, codes in (e for e in exemples if e is not None)
    ]


Exemple = tuple[str, list[Creneau], tuple[str, ...]] | None


def _jour_oublie(creneaux: list[Creneau]) -> Exemple:
    premier = creneaux[0]
    reste = [c for c in creneaux if (c.salarie, c.jour) != (premier.salarie, premier.jour)]
    return "une journée oubliée : le contrat n'est pas fait", reste, ("CONTRAT",)


def _sans_pause(semaine: Semaine, creneaux: list[Creneau]) -> Exemple:
    """A split day turned into one long period (the lunch break worked)."""
    for a, b in itertools.pairwise(creneaux):
        e = semaine.employe(a.salarie)
        if (
            (a.salarie, a.jour) == (b.salarie, b.jour)
            and e
            and b.fin - a.debut > e.limites.periode_max
        ):
            reste = [c for c in creneaux if c not in (a, b)]
            return (
                "pause du midi travaillée",
                [*reste, Creneau(a.salarie, a.jour, a.debut, b.fin)],
                ("PAUSE",),
            )
    return None


def _avant_ouverture(semaine: Semaine, creneaux: list[Creneau]) -> Exemple:
    c = creneaux[0]
    if semaine.ouverture[c.jour][0] < 60:
        return None  # open from midnight: nothing is before the opening
    tot = Creneau(c.salarie, c.jour, semaine.ouverture[c.jour][0] - 60, c.fin)
    return "arrivée avant l'ouverture", [tot, *creneaux[1:]], ("HORS_OUVERTURE",)


def _sous_effectif(semaine: Semaine, creneaux: list[Creneau]) -> Exemple:
    besoin = next((b for b in semaine.besoins if b.effectif), None)
    if besoin is None:
        return None
    reste = [c for c in creneaux if c.jour != besoin.jour]
    return "personne au travail un jour où il faut du monde", reste, ("COUVERTURE",)


def _indisponible(semaine: Semaine, creneaux: list[Creneau]) -> Exemple:
    for e in semaine.employes:
        for jour in sorted(e.indisponibles & set(semaine.ouverture)):
            ouvre, ferme = semaine.ouverture[jour]
            ajout = Creneau(e.id, jour, ouvre, min(ferme, ouvre + 120))
            return "travail un jour d'indisponibilité", [*creneaux, ajout], ("INDISPONIBLE",)
    return None


def _mineur_sans_pause(semaine: Semaine, creneaux: list[Creneau]) -> Exemple:
    """A minor working 5 h in a row, which an adult may do."""
    for c in creneaux:
        e = semaine.employe(c.salarie)
        if e and e.mineur:
            ouvre, ferme = semaine.ouverture[c.jour]
            if ferme - ouvre >= 300:
                jour = [x for x in creneaux if (x.salarie, x.jour) != (c.salarie, c.jour)]
                long = Creneau(c.salarie, c.jour, ouvre, ouvre + 300)
                return "mineur : 5 h d'affilée sans pause", [*jour, long], ("PAUSE",)
    return None


def _journee_trop_longue(semaine: Semaine, creneaux: list[Creneau]) -> Exemple:
    """10 h 30 in a day (5 h 30, a 30 min break, 5 h), when the opening hours allow it."""
    for c in creneaux:
        ouvre, ferme = semaine.ouverture[c.jour]
        e = semaine.employe(c.salarie)
        if e and not e.mineur and ferme - ouvre >= 660:
            jour = [x for x in creneaux if (x.salarie, x.jour) != (c.salarie, c.jour)]
            long = [
                Creneau(c.salarie, c.jour, ouvre, ouvre + 330),
                Creneau(c.salarie, c.jour, ouvre + 360, ouvre + 660),
            ]
            return "journée de 10 h 30", [*jour, *long], ("DUREE_QUOTIDIENNE",)
    return None


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The reference planning, typical mistakes (each with the rule it breaks), an unreadable one."""
    semaine = lire_semaine(params)
    creneaux = resoudre(semaine)  # the reference planning, as solve gives it
    return [
        SampleAnswer("planning de référence", en_json(semaine, creneaux), True),
        *erreurs_typiques(semaine, creneaux),
        SampleAnswer(
            "heure impossible et salarié inconnu",
            {
                "creneaux": [
                    {
                        "salarie": semaine.employes[0].id,
                        "jour": semaine.iso(0),
                        "debut": "25:00",
                        "fin": "12:00",
                    },
                    {"salarie": "Z99", "jour": semaine.iso(1), "debut": "09:00", "fin": "12:00"},
                ]
            },
            False,
            ("CRENEAU_ILLISIBLE",),
            invalid=True,
        ),
    ]
