"""The project's calendar (scenarios/baremes/planification.yaml): working days are Monday to
Friday except French public holidays (Code du travail, art. L3133-1), dated by the ``holidays``
library; the day n of the project is its n-th working day counted from the start (day 0)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache, lru_cache

import holidays
from pydantic import Field

from agora.content.baremes import BAREMES_DIR
from agora.content.loading import Sourced, StrictModel, loaded_once

# The longest a project may run (working days): bounds every walk through the calendar.
MAX_JOURS = 400
# The French names of the public holidays, as the statement prints them.
NOMS = {
    (1, 1): "1er janvier",
    (5, 1): "1er mai",
    (5, 8): "8 mai",
    (7, 14): "14 juillet",
    (8, 15): "Assomption",
    (11, 1): "Toussaint",
    (11, 11): "11 novembre",
    (12, 25): "Noël",
}


class JoursFeries(Sourced):
    depuis: str
    liste: list[str] = Field(min_length=11, max_length=11)
    controle: dict[int, list[str]]
    simplification: str


class JoursOuvres(Sourced):
    depuis: str
    non_travailles: list[str]
    regle: str


class Capacite(Sourced):
    depuis: str
    a_verifier: bool = False
    regle: str


class Planification(StrictModel):
    jours_feries: JoursFeries
    jours_ouvres: JoursOuvres
    capacite: Capacite


# The rules file, read once (ContentError naming the file and field when it is wrong).
load_planification = loaded_once(BAREMES_DIR / "planification.yaml", Planification)


@cache
def feries(annee: int) -> dict[date, str]:
    """The public holidays of a year (metropolitan France, without Alsace-Moselle), in French."""
    jours = holidays.France(years=annee)
    return {jour: _nom(jour, str(nom)) for jour, nom in sorted(jours.items())}


def _nom(jour: date, nom: str) -> str:
    if (jour.month, jour.day) in NOMS:
        return NOMS[(jour.month, jour.day)]
    if "Easter" in nom:
        return "lundi de Pâques"
    return "Ascension" if "Ascension" in nom else "lundi de Pentecôte"


def ferie(jour: date) -> bool:
    return jour in feries(jour.year)


def ouvre(jour: date, avec_feries: bool = True) -> bool:
    """Whether the project works that day: not a Saturday or a Sunday, nor a public holiday."""
    return jour.weekday() < 5 and not (avec_feries and ferie(jour))


@lru_cache(maxsize=4096)
def jour_ouvre(debut: date, rang: int, avec_feries: bool = True) -> date:
    """The working day n° ``rang`` of a project started on ``debut`` (n° 0 is the first working
    day on or after ``debut``); ``avec_feries`` False counts public holidays as working days."""
    jour = debut
    while not ouvre(jour, avec_feries):
        jour += timedelta(1)
    for _ in range(rang):
        jour += timedelta(1)
        while not ouvre(jour, avec_feries):
            jour += timedelta(1)
    return jour


def feries_entre(debut: date, fin: date) -> list[tuple[date, str]]:
    """The public holidays from ``debut`` to ``fin`` that fall on a weekday, in order."""
    annees = range(debut.year, fin.year + 1)
    return [
        (jour, nom)
        for annee in annees
        for jour, nom in feries(annee).items()
        if debut <= jour <= fin and jour.weekday() < 5
    ]
