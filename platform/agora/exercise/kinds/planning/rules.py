"""Planning: the créneaux read from an answer, and the legal rules checked.

Times are minutes; a day's time counts from its 00:00, a week's time from Monday 00:00.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import Any

from agora.calendrier import date_longue
from agora.errors import InvalidInput
from agora.money import other_digits

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


@dataclass(frozen=True)
class Employe:
    id: str
    nom: str
    contrat: int  # weekly minutes the contract asks for
    mineur: bool
    indisponibles: frozenset[int]  # day indexes (0 = lundi)
    fin_precedente: int | None  # end of last week's work, minutes from Monday 00:00 (negative)

    @property
    def limites(self) -> Limites:
        return MINEUR if self.mineur else ADULTE


@dataclass(frozen=True)
class Besoin:
    jour: int
    debut: int
    fin: int
    effectif: int


@dataclass(frozen=True)
class Semaine:
    lundi: date
    employes: tuple[Employe, ...]
    ouverture: dict[int, tuple[int, int]]  # day index -> (opening, closing); absent = closed
    besoins: tuple[Besoin, ...]

    def iso(self, jour: int) -> str:
        return (self.lundi + timedelta(days=jour)).isoformat()

    def jour_fr(self, jour: int) -> str:
        d = self.lundi + timedelta(days=jour)
        return date_longue(d, jour_semaine=True, annee=False)

    def employe(self, ident: str) -> Employe | None:
        return self._par_id.get(ident)

    @cached_property
    def _par_id(self) -> dict[str, Employe]:
        return {e.id: e for e in self.employes}


@dataclass(frozen=True, order=True)
class Creneau:
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


_HEURE = re.compile(r"^(\d{1,2})(?:[:hH](\d{2})?)?$", re.ASCII)


def lire_heure(texte: Any) -> int:
    """Minutes of a time written « 09:00 », « 9:30 », « 9h30 » or « 9h » (InvalidInput if not)."""
    if not isinstance(texte, str):
        raise InvalidInput("Heure illisible : écrivez-la comme 09:00.")
    cleaned = "".join(texte.split())
    if other_digits(cleaned):  # int() would read « ０９:００ » as 9:00
        raise InvalidInput(f"« {cite(texte, 20)} » : écrivez l'heure avec les chiffres de 0 à 9.")
    match = _HEURE.match(cleaned)
    if not match:
        raise InvalidInput(f"« {cite(texte, 20)} » n'est pas une heure : écrivez-la comme 09:00.")
    heures, minutes = int(match[1]), int(match[2] or 0)
    if minutes > 59 or heures > 24 or (heures == 24 and minutes):
        raise InvalidInput(f"« {cite(texte, 20)} » n'existe pas : l'heure va de 00:00 à 24:00.")
    return heures * 60 + minutes


def cite(valeur: Any, longueur: int = 30) -> str:
    """A value typed by a user, quoted on one short line in a message."""
    return " ".join(str(valeur).split())[:longueur]


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


def lire_creneaux(
    semaine: Semaine | None, brut: Any
) -> tuple[list[tuple[int, Creneau]], dict[str, str], list[tuple[int, dict[str, Any]]]]:
    """The readable créneaux (with their index), a French message per unreadable field, and the
    unreadable créneaux themselves. A créneau whose debut and fin are both empty is ignored."""
    if brut is None:
        return [], {}, []
    if not isinstance(brut, list):
        return [], {"creneaux": "La liste des créneaux est illisible."}, []
    lus: list[tuple[int, Creneau]] = []
    erreurs: dict[str, str] = {}
    rates: list[tuple[int, dict[str, Any]]] = []
    for i, item in enumerate(brut):
        if not isinstance(item, dict):
            erreurs[f"creneaux.{i}"] = "Ce créneau est illisible."
            rates.append((i, {}))
            continue
        if _vide(item.get("debut")) and _vide(item.get("fin")):
            continue
        creneau, problemes = _lire_creneau(semaine, item)
        if creneau is None:
            erreurs.update({f"creneaux.{i}.{champ}": m for champ, m in problemes.items()})
            rates.append((i, item))
        else:
            lus.append((i, creneau))
    return lus, erreurs, rates


def _vide(valeur: Any) -> bool:
    return valeur is None or (isinstance(valeur, str) and not valeur.strip())


def _lire_creneau(
    semaine: Semaine | None, item: dict[str, Any]
) -> tuple[Creneau | None, dict[str, str]]:
    problemes: dict[str, str] = {}
    salarie = item.get("salarie")
    if not isinstance(salarie, str) or not salarie.strip():
        problemes["salarie"] = "Le salarié du créneau manque."
    elif semaine is not None and semaine.employe(salarie) is None:
        problemes["salarie"] = f"Salarié inconnu : « {cite(salarie, 20)} »."
    jour = _jour_creneau(semaine, item.get("jour"), problemes)
    bornes = []
    for champ in ("debut", "fin"):
        try:
            bornes.append(lire_heure(item.get(champ)) if not _vide(item.get(champ)) else None)
        except InvalidInput as error:
            problemes[champ] = str(error)
            bornes.append(None)
        if not problemes.get(champ) and bornes[-1] is None:
            problemes[champ] = "Champ non rempli."
    debut, fin = bornes
    if debut is not None and fin is not None and fin <= debut:
        problemes["fin"] = f"La fin ({heure(fin)}) doit être après le début ({heure(debut)})."
    if problemes:
        return None, problemes
    return Creneau(salarie, jour, debut, fin), {}


def _jour_creneau(semaine: Semaine | None, texte: Any, problemes: dict[str, str]) -> int:
    try:
        jour = date.fromisoformat(texte)
    except (TypeError, ValueError):
        problemes["jour"] = "Le jour du créneau n'est pas une date AAAA-MM-JJ."
        return 0
    if semaine is None:
        return 0
    index = (jour - semaine.lundi).days
    if not 0 <= index < 7:
        problemes["jour"] = (
            f"Le {jour.isoformat()} n'est pas dans la semaine du {semaine.lundi.isoformat()}."
        )
    return index
