"""Booking the shared resources: each request gets a resource big enough that no other request
holds at the same time. The reference is the first valid assignment in the order of the
requests and of the resources (backtracking); the grader accepts any valid one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # params reads the booking when it reads the requests: no import cycle
    from agora.exercise.kinds.planning_activites.params import Demande, Ressource

# Wrong methods the booking can show (codes of the public diagnostics).
CAPACITE_IGNOREE = "CAPACITE_IGNOREE"
RESERVATIONS_CHEVAUCHEES = "RESERVATIONS_CHEVAUCHEES"
RESSOURCE_INCONNUE = "RESSOURCE_INCONNUE"


def affecter(
    demandes: tuple[Demande, ...], ressources: tuple[Ressource, ...], faute: str | None = None
) -> tuple[str, ...] | None:
    """A code per request, or None when no assignment serves them all; ``faute`` runs a wrong
    method: ignore the capacity, or ignore the slots (first resource that is big enough)."""
    if faute == RESERVATIONS_CHEVAUCHEES:
        return tuple(_premiere(d, ressources) for d in demandes)
    choix: list[str] = []
    return tuple(choix) if _place(demandes, ressources, choix, faute) else None


def _premiere(d: Demande, ressources: Sequence[Ressource]) -> str:
    return next((r.code for r in ressources if r.capacite >= d.besoin), ressources[0].code)


def _place(demandes, ressources, choix: list[str], faute: str | None) -> bool:
    if len(choix) == len(demandes):
        return True
    d = demandes[len(choix)]
    # The resources the requests placed before hold at the same time: found once, not again
    # for each resource tried.
    prises = {code for autre, code in zip(demandes, choix, strict=False) if d.chevauche(autre)}
    for r in ressources:
        if (r.capacite >= d.besoin or faute == CAPACITE_IGNOREE) and r.code not in prises:
            choix.append(r.code)
            if _place(demandes, ressources, choix, faute):
                return True
            choix.pop()
    return False


def probleme(
    i: int, choix: Sequence[object], demandes: Sequence[Demande], ressources: Sequence[Ressource]
) -> str | None:
    """What makes the student's choice for request ``i`` impossible (a diagnostic code), given
    their choices for the others (None where they gave none); None when it is valid."""
    d = demandes[i]
    r = next((r for r in ressources if r.code == choix[i]), None)
    if r is None:
        return RESSOURCE_INCONNUE
    if r.capacite < d.besoin:
        return CAPACITE_IGNOREE
    for j, autre in enumerate(demandes):
        if j != i and choix[j] == r.code and d.chevauche(autre):
            return RESERVATIONS_CHEVAUCHEES
    return None
