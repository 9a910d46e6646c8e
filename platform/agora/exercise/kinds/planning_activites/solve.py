"""The project plan and the bookings of the ``planning_activites`` contract, run right or with
one typical mistake.

``calcule`` gives every value of the answer by its path (``taches.2.debut_tot``…): the forward
pass (earliest dates), the backward pass (latest dates), the slacks, the critical path, the end
date in working days, the incident of level 3, then the resource and cost of each booking. The
grader runs it three ways: right (the reference), from the student's own earlier values (an
error carried forward earns its credit), and with a known wrong method (a ``faute``) to name
the misconception behind a wrong value.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from decimal import Decimal
from typing import Any

from agora.exercise.base import unflatten
from agora.exercise.grading import Etapes
from agora.exercise.kinds.planning_activites import reservations
from agora.exercise.kinds.planning_activites.answer import ANSWER_SCHEMA, CHAMPS_TACHE
from agora.exercise.kinds.planning_activites.calendrier import MAX_JOURS, jour_ouvre
from agora.exercise.kinds.planning_activites.params import (
    MAX_DEMANDES,
    MAX_TACHES,
    Demande,
    Projet,
    lire_params,
)
from agora.exercise.reading import pattern_of
from agora.money import cents, cents_down

# The wrong methods calcule can run (codes of the public diagnostics).
DEBUT_SOMME_DES_FINS = "DEBUT_SOMME_DES_FINS"
ANTERIORITE_OUBLIEE = "ANTERIORITE_OUBLIEE"
FIN_TARD_MAXIMUM = "FIN_TARD_MAXIMUM"
MARGE_FIN_TARD_MOINS_DEBUT_TOT = "MARGE_FIN_TARD_MOINS_DEBUT_TOT"
MARGE_LIBRE_EGALE_TOTALE = "MARGE_LIBRE_EGALE_TOTALE"
JOUR_EN_TROP = "JOUR_EN_TROP"
WEEKENDS_COMPTES = "WEEKENDS_COMPTES"
FERIE_IGNORE = "FERIE_IGNORE"
RETARD_AJOUTE_A_LA_FIN = "RETARD_AJOUTE_A_LA_FIN"
DUREE_SEXAGESIMALE = "DUREE_SEXAGESIMALE"
ARRONDI_TRONQUE = "ARRONDI_TRONQUE"
CAPACITE_IGNOREE = reservations.CAPACITE_IGNOREE
RESERVATIONS_CHEVAUCHEES = reservations.RESERVATIONS_CHEVAUCHEES
# Named by the grader from the answer alone (no calculation to run).
RESSOURCE_INCONNUE = reservations.RESSOURCE_INCONNUE
CHEMIN_AVEC_MARGE = "CHEMIN_AVEC_MARGE"
CHEMIN_INCOMPLET = "CHEMIN_INCOMPLET"


def jours(valeur: Any, juste: Any) -> int:
    """A number of days the calendar can walk: the student's own when it is one, else the
    right one (a duration of 12.5 or −3 days has no end date), else one day."""
    for jours in (valeur, juste):
        if isinstance(jours, (int, Decimal)) and 1 <= jours <= MAX_JOURS and jours == int(jours):
            return int(jours)
    return 1


def date_fin(n: Projet, duree: int, faute: str | None = None):
    """The last working day of a project of ``duree`` working days: working day n° duree − 1,
    day 0 being the start; or as a typical mistake counts it."""
    if faute == JOUR_EN_TROP:
        return jour_ouvre(n.debut, duree)
    if faute == WEEKENDS_COMPTES:
        return jour_ouvre(n.debut, 0) + timedelta(duree - 1)
    return jour_ouvre(n.debut, duree - 1, avec_feries=faute != FERIE_IGNORE)


def successeurs(n: Projet) -> dict[str, list[str]]:
    """The tasks that follow each task (kept per project; never mutated by the passes)."""
    return n.garde("successeurs", lambda: _successeurs(n))


def _successeurs(n: Projet) -> dict[str, list[str]]:
    suite: dict[str, list[str]] = {t.lettre: [] for t in n.taches}
    for t in n.taches:
        for avant in t.anteriorites:
            suite[avant].append(t.lettre)
    return suite


# Each task row's answer paths, written once: (debut_tot, fin_tot, debut_tard, fin_tard,
# marge_totale, marge_libre), the schema's CHAMPS_TACHE.
CHEMINS = [tuple(f"taches.{i}.{nom}" for nom in CHAMPS_TACHE) for i in range(MAX_TACHES)]


# The passes read the dates of a task's neighbours by ``map(dates.__getitem__, letters)`` in
# C, and test for no neighbour first: a list built in Python for each task, and ``max`` called
# with ``default=`` (its slow path for a keyword), were most of a pass.


def _au_plus_tot(n, durees, put, faute: str | None) -> tuple[dict, dict, Any]:
    """The forward pass: earliest start = the latest of the predecessors' earliest finishes."""
    oubliee, somme = faute == ANTERIORITE_OUBLIEE, faute == DEBUT_SOMME_DES_FINS
    debut, fin = {}, {}
    for t, chemins in zip(n.taches, CHEMINS, strict=False):  # CHEMINS: for 14 tasks
        avant = t.anteriorites[:1] if oubliee else t.anteriorites
        fins = map(fin.__getitem__, avant)
        tot = (sum(fins) if somme else max(fins)) if avant else 0
        tot = debut[t.lettre] = put(chemins[0], tot)
        fin[t.lettre] = put(chemins[1], tot + durees[t.lettre])
    return debut, fin, put("duree_projet", max(fin.values()))


def _au_plus_tard(n, durees, put, duree, faute: str | None) -> tuple[dict, dict]:
    """The backward pass: latest finish = the earliest of the successors' latest starts (the
    project's duration for a last task)."""
    suite = successeurs(n)
    choisi = max if faute == FIN_TARD_MAXIMUM else min
    debut, fin = {}, {}
    for i in reversed(range(len(n.taches))):
        lettre, chemins = n.taches[i].lettre, CHEMINS[i]
        apres = suite[lettre]
        tard = choisi(map(debut.__getitem__, apres)) if apres else duree
        tard = fin[lettre] = put(chemins[3], tard)
        debut[lettre] = put(chemins[2], tard - durees[lettre])
    return debut, fin


def plan(n: Projet, durees: Mapping[str, int], put, faute=None) -> tuple:
    """Both passes and the total slacks; the tasks of zero slack (the critical path)."""
    tot, fin_tot, duree = _au_plus_tot(n, durees, put, faute)
    tard, fin_tard = _au_plus_tard(n, durees, put, duree, faute)
    # The slack is latest start − earliest start; the wrong method takes the latest finish.
    depuis = fin_tard if faute == MARGE_FIN_TARD_MOINS_DEBUT_TOT else tard
    marges = {
        lettre: put(chemins[4], depuis[lettre] - debut)
        for (lettre, debut), chemins in zip(tot.items(), CHEMINS, strict=False)
    }
    critique = tuple([lettre for lettre, marge in marges.items() if marge == 0])
    return tot, fin_tot, duree, marges, critique


def _marges_libres(n: Projet, put, tot, fin_tot, duree, marges, faute) -> None:
    """Free slack: the earliest of the successors' earliest starts (the project's end for a
    last task) − the task's earliest finish."""
    suite = successeurs(n)
    for t, chemins in zip(n.taches, CHEMINS, strict=False):
        suivantes = suite[t.lettre]
        apres = min(map(tot.__getitem__, suivantes)) if suivantes else duree
        libre = marges[t.lettre] if faute == MARGE_LIBRE_EGALE_TOTALE else apres - fin_tot[t.lettre]
        put(chemins[5], libre)


def apres_incident(n: Projet, juste: tuple | None = None) -> tuple[int, tuple[str, ...]]:
    """The duration and critical path once the incident's task is delayed: the plan redone
    from the task table (not from the student's dates), kept per project. ``juste``: the
    right plan's (duration, total slacks, critical path) when the caller has it at hand."""
    return n.garde("incident", lambda: _apres_incident(n, juste))


def _apres_incident(n: Projet, juste: tuple | None) -> tuple[int, tuple[str, ...]]:
    if juste is not None:
        duree, marges, critique = juste
        # A delay shorter than the task's slack moves nothing: every path through the task
        # stays shorter than the project (it was at most duration − slack), the others do not
        # change; the duration and the tasks on a longest path are the same (no plan redone).
        if n.incident.retard < marges[n.incident.tache]:
            return duree, critique
    durees = {t.lettre: t.duree for t in n.taches}
    durees[n.incident.tache] += n.incident.retard
    # Its steps are not kept: written to a dict thrown away, whose ``setdefault`` is the
    # ``put`` of a run without the student's values (a C call, not a Python one a step).
    nouveau = plan(n, durees, {}.setdefault)
    return nouveau[2], nouveau[4]


def _incident(n: Projet, put, duree, critique, faute: str | None, plan_juste) -> None:
    """Level 3: the plan again with the delayed task; its new duration, end date and path
    (``plan_juste``: the right plan, given by a run that has it, see ``apres_incident``)."""
    juste, chemin_juste = apres_incident(n, plan_juste)
    nouvelle = duree + n.incident.retard if faute == RETARD_AJOUTE_A_LA_FIN else juste
    nouvelle = put("incident.duree_projet", nouvelle)
    put("incident.date_fin", date_fin(n, jours(nouvelle, juste), faute))
    chemin = put("incident.chemin_critique", chemin_juste)
    put("incident.chemin_change", "non" if chemin == critique else "oui")


def heures(d: Demande, faute: str | None) -> Decimal:
    """The slot's length in hours: 1 h 30 is 1.5 h (written 1.30 by a typical mistake)."""
    if faute == DUREE_SEXAGESIMALE:
        minutes = d.fin - d.debut
        return Decimal(f"{minutes // 60}.{minutes % 60:02d}")
    return d.heures


# Each booking request's answer paths, written once: (ressource, cout).
RESERVATIONS = [
    (f"reservations.{i}.ressource", f"reservations.{i}.cout") for i in range(MAX_DEMANDES)
]


def _reservations(n: Projet, put, faute: str | None) -> None:
    """A resource for each request, and (from level 2) its cost: hours × hourly rate."""
    justes = n.garde("affectation", lambda: reservations.affecter(n.demandes, n.ressources))
    justes = justes or ("",) * len(n.demandes)
    if faute in (CAPACITE_IGNOREE, RESERVATIONS_CHEVAUCHEES):
        choix = reservations.affecter(n.demandes, n.ressources, faute) or justes
    else:
        choix = justes
    arrondi = cents_down if faute == ARRONDI_TRONQUE else cents
    par_code = {r.code: r for r in n.ressources}
    for d, juste, choisi, chemins in zip(n.demandes, justes, choix, RESERVATIONS, strict=False):
        code = put(chemins[0], choisi)
        r = par_code.get(code) or par_code.get(juste)
        if n.niveau > 1 and r is not None:
            put(chemins[1], arrondi(heures(d, faute) * r.tarif_horaire))


def calcule(
    n: Projet, own: Mapping[str, Any] | None = None, faute: str | None = None
) -> dict[str, Any]:
    """Every value of the answer by path, from the student's own earlier values when given."""
    e = Etapes(own)
    put = e.ecrire
    durees = {t.lettre: t.duree for t in n.taches}
    tot, fin_tot, duree, marges, critique = plan(n, durees, put, faute=faute)
    if n.niveau == 3:
        _marges_libres(n, put, tot, fin_tot, duree, marges, faute)
    juste = e.out["duree_projet"]
    critique = put("chemin_critique", critique)
    put("date_fin", date_fin(n, jours(duree, juste), faute))
    if n.incident is not None:
        # Without the student's values nor a wrong method, this run's plan is the right one.
        plan_juste = (duree, marges, critique) if not e.own and faute is None else None
        _incident(n, put, duree, critique, faute, plan_juste)
    _reservations(n, put, faute)
    return e.out


def document(v: Mapping[str, Any]) -> dict[str, Any]:
    """The contract JSON of an answer from its values by path (nested as the form posts it)."""
    types = ANSWER_SCHEMA.champs
    return unflatten(
        {
            path: valeur if isinstance(valeur, str) else types[pattern_of(path)].canonical(valeur)
            for path, valeur in v.items()
        }
    )


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference solution, contract JSON."""
    return document(calcule(lire_params(params)))
