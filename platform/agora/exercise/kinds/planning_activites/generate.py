"""A ``planning_activites`` variant drawn from the organisation: a project of its sector (5 to 6
tasks at level 1, 7 to 9 at level 2, 10 to 12 at level 3 with an incident and a public holiday
in the period), then the week's requests for its shared rooms or vehicles."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from typing import Any

from agora.exercise.base import Documents, Options, Variant, generateur, variante
from agora.exercise.grading import Etapes
from agora.exercise.kinds.planning_activites import projets, reservations, statement
from agora.exercise.kinds.planning_activites.calendrier import feries_entre, jour_ouvre
from agora.exercise.kinds.planning_activites.params import (
    LETTRES,
    NAME,
    Demande,
    Projet,
    Ressource,
    Tache,
)
from agora.exercise.kinds.planning_activites.solve import plan, successeurs

ANNEE = 2026
_TACHES = {1: (5, 6), 2: (7, 9), 3: (10, 12)}
_DUREE_MAX = {1: 5, 2: 6, 3: 8}
_DEMANDES = {1: 3, 2: 4, 3: 6}
# The longest a mission's later step moves its project after the previous step's, to meet a
# public holiday at level 3 (beyond it the steps would no longer be in one period).
MEME_PERIODE = timedelta(weeks=8)
MOTIFS = (
    "le fournisseur livre avec du retard",
    "une personne de l'équipe est malade",
    "il faut refaire une partie du travail",
    "la météo empêche de travailler",
)


def _anteriorites(rng: random.Random, i: int, niveau: int) -> list[str]:
    if i == 0:
        return []
    proches = list(range(max(0, i - 4), i))
    nombre = 2 if i >= 2 and rng.random() < (0.3 if niveau == 1 else 0.45) else 1
    return sorted(LETTRES[j] for j in rng.sample(proches, min(nombre, len(proches))))


def _reseau(n: Projet) -> tuple[dict, dict]:
    """Total and free slacks of a drawn network."""
    tot, fin_tot, duree, marges, _ = plan(n, {t.lettre: t.duree for t in n.taches}, Etapes().put)
    suite = successeurs(n)
    libres = {k: min((tot[s] for s in suite[k]), default=duree) - fin_tot[k] for k in marges}
    return marges, libres


def _taches(rng: random.Random, niveau: int, noms: tuple[str, ...]) -> tuple[Tache, ...]:
    """Tasks and predecessors until one task has slack (and, at level 3, a free slack below
    its total slack): every variant has something to find."""
    bas, haut = _TACHES[niveau]
    for _ in range(100):
        nombre = rng.randint(bas, haut)
        choisis = sorted(rng.sample(range(len(noms)), nombre))
        taches = tuple(
            Tache(
                LETTRES[i],
                noms[k],
                rng.randint(1, _DUREE_MAX[niveau]),
                tuple(_anteriorites(rng, i, niveau)),
            )
            for i, k in enumerate(choisis)
        )
        marges, libres = _reseau(_projet(taches))
        if any(marges.values()) and (niveau < 3 or any(libres[k] < marges[k] for k in marges)):
            break
    return taches


def _projet(taches: tuple[Tache, ...], debut: date = date(ANNEE, 1, 5)) -> Projet:
    return Projet(3, "projet", debut, taches, None, "", "", (), ())


def _incident(rng: random.Random, taches: tuple[Tache, ...]) -> dict[str, Any]:
    """A task with slack runs late: either less than its slack (the end does not move) or
    more (the end moves and the critical path changes)."""
    marges, _ = _reseau(_projet(taches))
    petites = [k for k, m in marges.items() if 0 < m <= 8]
    lettre = rng.choice(petites or [k for k, m in marges.items() if m > 0])
    marge = marges[lettre]
    retard = marge + rng.randint(1, 3)
    if marge > 8 or (marge > 1 and rng.random() < 0.5):
        retard = rng.randint(1, min(marge - 1, 5))
    return {"tache": lettre, "retard": retard, "motif": rng.choice(MOTIFS)}


def _debut(
    rng: random.Random, taches: tuple[Tache, ...], niveau: int, apres: date | None = None
) -> date:
    """A working day of the year; at level 3, one whose project meets a public holiday.

    ``apres``: the start of the project of the mission's previous step, so that the steps
    are in order in one period: the first working day from then, or at level 3 the first whose
    project meets a public holiday if one does within ``MEME_PERIODE``."""
    fin_tot = plan(_projet(taches), {t.lettre: t.duree for t in taches}, Etapes().put)[2]
    if apres is not None:
        return _debut_apres(apres, fin_tot, niveau)
    for _ in range(200):
        debut = jour_ouvre(date(ANNEE, 1, 5) + timedelta(rng.randint(0, 320)), 0)
        fin = jour_ouvre(debut, fin_tot - 1)
        if niveau < 3 or feries_entre(debut, fin):
            break
    return debut


def _debut_apres(apres: date, fin_tot: int, niveau: int) -> date:
    premier = debut = jour_ouvre(apres, 0)
    while niveau == 3 and not feries_entre(debut, jour_ouvre(debut, fin_tot - 1)):
        debut = jour_ouvre(debut, 1)
        if debut > apres + MEME_PERIODE:
            return premier
    return debut


def _ressources(rng: random.Random, parc: projets.Parc, niveau: int) -> list[Ressource]:
    gardees = parc.ressources[:2] if niveau == 1 else parc.ressources
    return [
        Ressource(code, libelle, capacite, Decimal(rng.randint(800, 3800)) / 100)
        for code, libelle, capacite in gardees
    ]


def _demandes(rng: random.Random, parc, ressources, debut: date, niveau: int) -> list[Demande]:
    """The week's requests: two days, slots in quarter hours; redrawn until they can all be
    served and, from level 2, two of them overlap and one needs more than the smallest."""
    jours = [jour_ouvre(debut, k) for k in (0, 1)]
    plus_grande = ressources[-1].capacite
    for _ in range(200):
        demandes = []
        for k in range(_DEMANDES[niveau]):
            depart = rng.randint(32, 64) * 15
            duree = rng.randint(3, 12) * 15
            demandes.append(
                Demande(
                    f"R{k + 1}",
                    rng.choice(parc.objets),
                    rng.choice(jours),
                    depart,
                    depart + duree,
                    rng.randint(1, plus_grande),
                )
            )
        demandes.sort(key=lambda d: (d.jour, d.debut))
        demandes = [replace(d, numero=f"R{k + 1}") for k, d in enumerate(demandes)]
        if reservations.affecter(tuple(demandes), tuple(ressources)) is None:
            continue
        chevauchent = any(a.chevauche(b) for a in demandes for b in demandes if a is not b)
        trop_grand = any(d.besoin > ressources[0].capacite for d in demandes)
        if niveau == 1 or (chevauchent and trop_grand):
            break
    return demandes


def _heure(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def params(rng: random.Random, org: Any, niveau: int, apres: date | None = None) -> dict[str, Any]:
    """Contract params for the level (``apres``: the start of the previous step's project)."""
    modele = projets.modele(org.secteur)
    parc = projets.parc(org.secteur)
    taches = _taches(rng, niveau, modele.taches)
    debut = _debut(rng, taches, niveau, apres)
    ressources = _ressources(rng, parc, niveau)
    demandes = _demandes(rng, parc, ressources, debut, niveau)
    return {
        "niveau": niveau,
        "projet": {"titre": modele.titre, "debut": debut.isoformat()},
        "taches": [
            {
                "lettre": t.lettre,
                "libelle": t.libelle,
                "duree": t.duree,
                "anteriorites": list(t.anteriorites),
            }
            for t in taches
        ],
        "incident": _incident(rng, taches) if niveau == 3 else None,
        "famille": parc.famille,
        "unite": parc.unite,
        "ressources": [
            {
                "code": r.code,
                "libelle": r.libelle,
                "capacite": r.capacite,
                "tarif_horaire": f"{r.tarif_horaire:.2f}",
            }
            for r in ressources
        ],
        "demandes": [
            {
                "numero": d.numero,
                "objet": d.objet,
                "jour": d.jour.isoformat(),
                "debut": _heure(d.debut),
                "fin": _heure(d.fin),
                "besoin": d.besoin,
            }
            for d in demandes
        ],
    }


# A variant drawn from the organisation: its sector's project and shared resources.
generate = generateur(NAME, params, statement.enonce)


def document(variant: Variant, organisation: Any, documents: Any = None) -> dict[str, Any]:
    """What the mission's next step takes from this one: the day its project starts."""
    return {"debut": variant.params["projet"]["debut"]}


def reprendre(
    seed: int, niveau: int, organisation: Any, options: Options, documents: Documents
) -> Variant:
    """A later step of a mission: a project drawn as usual, started when the previous step's
    did (at level 3, up to ``MEME_PERIODE`` later, to meet a public holiday), so that the
    steps of one mission are dated in order, in one period."""
    apres = date.fromisoformat(documents["projet"]["debut"])
    tire = partial(params, apres=apres)
    return variante(NAME, seed, niveau, organisation, tire, statement.enonce)
