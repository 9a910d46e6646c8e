"""Planning: the week, its employees and créneaux, and the legal limits the rules check.

Times are minutes; a day's time counts from its 00:00, a week's time from Monday 00:00.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from agora.calendrier import date_longue
from agora.exercise.fields import HORAIRE

JOUR = 1440
SEMAINE = 7 * JOUR


@dataclass(frozen=True)
class Limites:
    """The legal limits of one age group, in minutes."""

    quotidienne: int  # most work in a day
    hebdomadaire: int  # most work in the week
    repos_quotidien: int  # least rest between two working days
    pause: int  # shortest gap that counts as a break
    periode_max: int  # longest continuous period allowed without a break


ADULTE = Limites(600, 2880, 660, 20, 359)  # a period that reaches 6 h needs a break
MINEUR = Limites(480, 2100, 720, 30, 270)  # a period may not exceed 4 h 30
REPOS_HEBDOMADAIRE = 2100  # 24 h + 11 h


class Employe(NamedTuple):
    """An employee of the week. Named tuples, not frozen dataclasses (as ``Creneau``): the
    grader reads the week's employees and besoins anew at each grade, and a frozen dataclass
    takes twice as long to build (same fields, hash and order as the dataclass had)."""

    id: str
    nom: str
    contrat: int  # weekly minutes the contract asks for
    mineur: bool
    indisponibles: frozenset[int]  # day indexes (0 = lundi)
    fin_precedente: int | None  # end of last week's work, minutes from Monday 00:00 (negative)

    @property
    def limites(self) -> Limites:
        return MINEUR if self.mineur else ADULTE


class Besoin(NamedTuple):
    jour: int
    debut: int
    fin: int
    effectif: int


class _paresseux:
    """``functools.cached_property`` without the lock Python 3.11's takes at each first read
    (gone in 3.12): the grader reads a fresh week, so pays these first reads, at every grade.
    Two threads reading at once may both compute the value (the same: the week is frozen)."""

    def __init__(self, calcul: Any):
        self.calcul, self.nom, self.__doc__ = calcul, calcul.__name__, calcul.__doc__

    def __get__(self, semaine: Any, classe: Any = None) -> Any:
        if semaine is None:
            return self
        valeur = semaine.__dict__[self.nom] = self.calcul(semaine)  # found there from now on
        return valeur


@dataclass(frozen=True)
class Semaine:
    lundi: date
    employes: tuple[Employe, ...]
    ouverture: dict[int, tuple[int, int]]  # day index -> (opening, closing); absent = closed
    besoins: tuple[Besoin, ...]

    @classmethod
    def lue(cls, lundi: date, employes, ouverture, besoins, dates, isos) -> Semaine:
        """The week, with the dates of its days and their ISO texts (``jours_de``) its
        params' reader wrote already, not written again when the grader needs them."""
        semaine = cls(lundi, employes, ouverture, besoins)
        semaine.__dict__.update(_dates=dates, isos=isos)  # as the lazy attributes store them
        return semaine

    def iso(self, jour: int) -> str:
        if 0 <= jour < 7:
            return self.isos[jour]
        return (self.lundi + timedelta(days=jour)).isoformat()

    @_paresseux
    def isos(self) -> tuple[str, ...]:
        """The ISO date of each day of the week (every créneau graded prints its day)."""
        return jours_de(self.lundi)[1]

    @_paresseux
    def jours(self) -> dict[date, int]:
        """The index of each date of the week (every créneau graded names its date)."""
        return {jour: j for j, jour in enumerate(self._dates)}

    @_paresseux
    def _dates(self) -> tuple[date, ...]:
        return jours_de(self.lundi)[0]

    def jour_fr(self, jour: int) -> str:
        # Written when asked: a planning graded has a violation or two, on a day or two.
        return date_longue(self.lundi + timedelta(days=jour), jour_semaine=True, annee=False)

    def employe(self, ident: str) -> Employe | None:
        return self.ids.get(ident)

    @_paresseux
    def ids(self) -> dict[str, Employe]:
        """Each employee by id."""
        return {e.id: e for e in self.employes}


def jours_de(lundi: date) -> tuple[tuple[date, ...], tuple[str, ...]]:
    """The dates of the week's seven days, and their ISO texts."""
    # From the day numbers: a third of the cost of adding a timedelta, at every grade.
    premier = lundi.toordinal()
    dates = tuple([date.fromordinal(premier + j) for j in range(7)])
    return dates, tuple([jour.isoformat() for jour in dates])


class Creneau(NamedTuple):
    """One period of work. A named tuple, not a frozen dataclass: a grade builds every créneau
    of the answer, and a frozen dataclass takes twice as long to build (same order, equality
    and hash as the dataclass had: its fields, compared in order)."""

    salarie: str
    jour: int
    debut: int
    fin: int


@dataclass(frozen=True)
class Violation:
    code: str
    salarie: str | None
    jour: int | None
    message: str
    besoin: int | None = None  # index of the besoin a COUVERTURE violation is about


# The organisation's opening hours are read as an answer's times are (generate reads them).
lire_heure = HORAIRE.convert


def heure(minutes: int) -> str:
    """« 09:00 » for 540 (the contract's time format)."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def en_json(semaine: Semaine, creneaux: list[Creneau]) -> dict[str, Any]:
    """A planning as the contract's answer JSON."""
    return {
        "creneaux": [
            {
                "salarie": c.salarie,
                "jour": semaine.iso(c.jour),
                "debut": heure(c.debut),
                "fin": heure(c.fin),
            }
            for c in creneaux
        ]
    }


def duree(minutes: int) -> str:
    """« 7 h 30 » for 450: how a duration is said in messages."""
    h, m = divmod(abs(minutes), 60)
    return f"{'-' if minutes < 0 else ''}{h} h{f' {m:02d}' if m else ''}"
